"""Sentences and tokens for a batch of documents, as tables.

Grains: ``sentences`` one row per sentence of a document; ``tokens`` one row per token of a
document, each in exactly one sentence. Offsets are code points into ``documents.text``.
"""
from __future__ import annotations

import pyarrow as pa

from transforms import tables
from transforms.sentences import split_sentences
from transforms.tokens import tokenize_sentences


def analyse_documents(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
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
