"""Sentences and tokens for a batch of documents, as tables.

Grains: ``sentences`` one row per sentence of a document; ``tokens`` one row per token of a
document, each in exactly one sentence. Offsets are code points into ``documents.text``.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute  # noqa: F401 - pa.compute

from transforms import tables
from transforms.sentences import split_sentences
from transforms.tokens import tokenize_sentences


CHUNK_DOCUMENTS = 500  # Python objects live for one chunk only; Arrow holds the rest compactly


def analyse_documents(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    parts = [_analyse(docs.slice(i, CHUNK_DOCUMENTS)) for i in range(0, docs.num_rows, CHUNK_DOCUMENTS)]
    if not parts:
        return tables.empty(tables.SENTENCES), tables.empty(tables.TOKENS)
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
    s_cols: dict[str, list] = {n: [] for n in tables.SENTENCES.names}
    t_cols: dict[str, list] = {n: [] for n in tables.TOKENS.names}
    for doc_id, run_id, text in zip(
        docs["document_id"].to_pylist(), docs["run_id"].to_pylist(), docs["text"].to_pylist()
    ):
        t_index = 0
        sents = split_sentences(text)
        for s_index, (sent, toks) in enumerate(zip(sents, tokenize_sentences(text, sents))):
            s_cols["document_id"].append(doc_id)
            s_cols["sentence_index"].append(s_index)
            s_cols["run_id"].append(run_id)
            s_cols["start"].append(sent.start)
            s_cols["end"].append(sent.end)
            s_cols["kind"].append(sent.kind)
            s_cols["text"].append(text[sent.start : sent.end])
            n = len(toks)
            t_cols["document_id"].extend([doc_id] * n)
            t_cols["token_index"].extend(range(t_index, t_index + n))
            t_cols["run_id"].extend([run_id] * n)
            t_cols["sentence_index"].extend([s_index] * n)
            for tok in toks:
                t_cols["start"].append(tok.start)
                t_cols["end"].append(tok.end)
                t_cols["text"].append(tok.text)
                t_cols["kind"].append(tok.kind)
                t_cols["value"].append(tok.value)
            t_index += n
    return (
        pa.table(s_cols, schema=tables.SENTENCES),
        pa.table(t_cols, schema=tables.TOKENS),
    )
