"""Sentences and tokens for a batch of documents, as tables.

Grains: ``sentences`` one row per sentence of a document; ``tokens`` one row per token of a
document, each in exactly one sentence. Offsets are code points into ``documents.text``.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute  # noqa: F401 - pa.compute

from khobor.transforms import schema
from khobor.transforms.text.sentences import split_sentences
from khobor.transforms.text.tokens import token_columns

CHUNK_DOCUMENTS = 500  # Python objects live for one chunk only; Arrow holds the rest compactly


def analyse_documents(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    parts = [_analyse(docs.slice(i, CHUNK_DOCUMENTS)) for i in range(0, docs.num_rows, CHUNK_DOCUMENTS)]
    if not parts:
        return schema.empty("sentences"), schema.empty("tokens")
    return pa.concat_tables([p[0] for p in parts]), pa.concat_tables([p[1] for p in parts])


def document_chunks(docs: pa.Table, sentences: pa.Table, tokens: pa.Table, size: int = CHUNK_DOCUMENTS):
    """(docs, sentences, tokens) slices of ``size`` documents, zero-copy: the tables are in
    document order, as ``analyse_documents`` makes them."""
    def run_lengths(col) -> dict:
        vc = pa.compute.value_counts(col)
        return dict(zip(vc.field("values").to_pylist(), vc.field("counts").to_pylist()))

    s_len, t_len = run_lengths(sentences["document_id"]), run_lengths(tokens["document_id"])
    ids = docs["document_id"].to_pylist()
    s_at = t_at = 0
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        ns, nt = sum(s_len.get(d, 0) for d in chunk), sum(t_len.get(d, 0) for d in chunk)
        yield docs.slice(i, size), sentences.slice(s_at, ns), tokens.slice(t_at, nt)
        s_at, t_at = s_at + ns, t_at + nt


def _analyse(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    s_cols: dict[str, list] = {n: [] for n in schema.arrow("sentences").names}
    t_cols: dict[str, list] = {n: [] for n in schema.arrow("tokens").names}
    for doc_id, run_id, text in zip(
        docs["document_id"].to_pylist(), docs["run_id"].to_pylist(), docs["text"].to_pylist()
    ):
        sents = split_sentences(text)
        s_cols["document_id"] += [doc_id] * len(sents)
        s_cols["sentence_index"] += range(len(sents))
        s_cols["run_id"] += [run_id] * len(sents)
        s_cols["start"] += [s.start for s in sents]
        s_cols["end"] += [s.end for s in sents]
        s_cols["kind"] += [s.kind for s in sents]
        s_cols["text"] += [text[s.start : s.end] for s in sents]
        cols = token_columns(text, sents)
        n = len(cols.start)
        t_cols["document_id"] += [doc_id] * n
        t_cols["token_index"] += range(n)
        t_cols["run_id"] += [run_id] * n
        t_cols["sentence_index"] += cols.sentence
        t_cols["start"] += cols.start
        t_cols["end"] += cols.end
        t_cols["text"] += cols.text
        t_cols["kind"] += cols.kind
        t_cols["value"] += cols.value
    return (
        pa.table(s_cols, schema=schema.arrow("sentences")),
        pa.table(t_cols, schema=schema.arrow("tokens")),
    )
