"""Sentence and token tables for a batch, and their zero-copy document chunks."""
from __future__ import annotations

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.documents.text_tables import analyse_documents, document_chunks

TEXTS = {
    "d1": "ঢাকায় বৃষ্টি\nআজ সকাল থেকে ঢাকায় ভারী বৃষ্টি হচ্ছে। বিকেলে কমবে।",
    "d2": "Dhaka stocks rose 1.4% on Wednesday.",
    "d3": "#ঢাকা #বৃষ্টি",
}


def _docs() -> pa.Table:
    doc_schema = pa.schema([schema.arrow("documents").field(n) for n in ("document_id", "run_id", "text")])
    return pa.Table.from_pylist([dict(document_id=d, run_id="r", text=t) for d, t in TEXTS.items()], schema=doc_schema)


def test_tables_follow_their_schemas_and_offsets():
    s, t = analyse_documents(_docs())
    assert s.schema == schema.arrow("sentences") and t.schema == schema.arrow("tokens")
    for d, start, end, text in zip(*t.select(["document_id", "start", "end", "text"]).to_pydict().values()):
        assert TEXTS[d][start:end] == text
    assert s.filter(pa.compute.equal(s["document_id"], "d3"))["kind"].to_pylist() == ["hashtags"]


def test_chunks_cover_the_batch_in_order():
    docs = _docs()
    s, t = analyse_documents(docs)
    for size in (1, 2, 5):
        chunks = list(document_chunks(docs, s, t, size))
        assert pa.concat_tables([c[1] for c in chunks]).equals(s)
        assert pa.concat_tables([c[2] for c in chunks]).equals(t)
        for d, cs, ct in chunks:
            ids = set(d["document_id"].to_pylist())
            assert set(cs["document_id"].to_pylist()) <= ids and set(ct["document_id"].to_pylist()) <= ids
