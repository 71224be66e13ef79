"""Where the linker's knowledge lives: the warehouse's aliases asked for per batch (``WarehouseAliases``)
answer exactly as the same rows held in memory (``MemoryAliases``), a run links batch after batch
against the warehouse with the ids of one batch over everything, and the linker holds one batch's
worth whatever the warehouse holds."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from khobor.flows import warehouse_db as wdb
from khobor.transforms import schema
from khobor.transforms.entities.extract import LinkSession
from khobor.transforms.entities.gazetteer import default_gazetteer
from khobor.transforms.entities.linking import Linker, MemoryAliases, context_key, person_key
from khobor.transforms.entities.names import name_key
from khobor.transforms.entities.types import Span

NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)


def _spans(text: str, marks: list[tuple[str, str]]) -> list[tuple[Span, None]]:
    out, at = [], 0
    for surface, label in marks:
        start = text.index(surface, at)
        out.append((Span(start, start + len(surface), label, "model", 0.8), None))
        at = start + len(surface)
    return out


def _store_aliases(db: Path, rows: dict[str, str]) -> None:
    table = schema.from_rows([dict(alias_key=k, entity_id=e, alias=k.rsplit("|", 1)[-1], run_id="r", created_at=NOW)
                              for k, e in rows.items()], "entity_aliases")
    with wdb.connect(db) as con:
        con.register("new_rows", table)
        con.execute("INSERT INTO entity_aliases BY NAME SELECT * FROM new_rows")


ROWS = {
    "N|ক": "org:a", "ACR|BNP": "org:bnp", "N|খ": "per:b",
    person_key("জসিম উদ্দিন", "per:j1"): "per:j1", person_key("জসিম উদ্দিন", "per:j2"): "per:j2",
    context_key("per:j1", "org:bnp"): "per:j1", context_key("per:j1", "loc:chattogram"): "per:j1",
    context_key("per:j2", "loc:chattogram"): "per:j2", context_key("per:j2", "loc:cumilla"): "per:j2",
}


def test_the_warehouse_answers_as_the_same_aliases_in_memory(tmp_path):
    db = tmp_path / "khobor.duckdb"
    wdb.ensure_schema(db)
    _store_aliases(db, ROWS)
    stored, memory = wdb.WarehouseAliases(db), MemoryAliases(ROWS)
    names = {k: e for k, e in ROWS.items() if not k.startswith("C|")}
    assert stored.names() == memory.names() == names
    people, items = ["per:j1", "per:j2", "per:x"], ["org:bnp", "loc:chattogram", "loc:cumilla", "org:x"]
    assert stored.contexts(people, items) == memory.contexts(people, items) == {
        "per:j1": {"org:bnp", "loc:chattogram"}, "per:j2": {"loc:chattogram", "loc:cumilla"}}
    # Only the items asked for: what a batch can share with each namesake, not all they were seen with.
    assert stored.contexts(people, ["org:bnp"]) == memory.contexts(people, ["org:bnp"]) == {"per:j1": {"org:bnp"}}
    assert stored.contexts([], items) == stored.contexts(people, []) == {}


def test_a_common_name_goes_to_the_person_sharing_most_context_whatever_the_order():
    text = "চট্টগ্রামে বিএনপির নেতা জসিম উদ্দিন বলেন।"
    ids = {}
    for order in (ROWS, dict(reversed(list(ROWS.items())))):
        out = Linker(default_gazetteer(), dict(order)).link_document(text, _spans(text, [("চট্টগ্রামে", "LOC"), ("বিএনপির", "ORG"), ("জসিম উদ্দিন", "PERSON")]))
        ids[len(ids)] = out.links[2].entity_id
    # Both people called জসিম উদ্দিন were met in Chattogram; only per:j1 also with the BNP, so it
    # wins over per:j2 in either order.
    assert ids[0] == ids[1] == "per:j1"


def _docs(texts: list[str]) -> pa.Table:
    return pa.table({"document_id": [f"d{i}" for i in range(len(texts))], "run_id": ["r"] * len(texts), "text": texts})


def _span_table(docs: pa.Table, marks: list[list[tuple[str, str]]]) -> pa.Table:
    rows = []
    for d, text, ms in zip(docs["document_id"].to_pylist(), docs["text"].to_pylist(), marks):
        for span, _ in _spans(text, ms):
            rows.append(dict(document_id=d, sentence_index=0, start=span.start, end=span.end, label=span.label,
                             method=span.method, confidence=span.confidence, value=None, gazetteer_id=None))
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("document_id", pa.string()), ("sentence_index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
        ("label", pa.string()), ("method", pa.string()), ("confidence", pa.float32()), ("value", pa.string()),
        ("gazetteer_id", pa.string())]))


TEXTS = ["রূপসা ফাউন্ডেশন বলেছে, জসিম উদ্দিন এসেছেন। বিএনপি নেতা আনাতোলি কোরোলকভ।",
         "রূপসা ফাউন্ডেশনের কর্মীরা আসেন। কোরোলকভ বলেন। বিএনপি সভায় জসিম উদ্দিন ছিলেন।",
         "আনাতোলি কোরোলকভের সফর। রূপসা ফাউন্ডেশন।"]
MARKS = [[("রূপসা ফাউন্ডেশন", "ORG"), ("জসিম উদ্দিন", "PERSON"), ("বিএনপি", "ORG"), ("আনাতোলি কোরোলকভ", "PERSON")],
         [("রূপসা ফাউন্ডেশনের", "ORG"), ("কোরোলকভ", "PERSON"), ("বিএনপি", "ORG"), ("জসিম উদ্দিন", "PERSON")],
         [("আনাতোলি কোরোলকভের", "PERSON"), ("রূপসা ফাউন্ডেশন", "ORG")]]


def test_batches_linked_against_the_warehouse_get_the_ids_of_one_batch(tmp_path):
    docs = _docs(TEXTS)
    spans = _span_table(docs, MARKS)
    whole, _, _ = LinkSession(default_gazetteer()).link(docs, spans, NOW)

    db = tmp_path / "khobor.duckdb"
    wdb.ensure_schema(db)
    session = LinkSession(default_gazetteer(), store=wdb.WarehouseAliases(db))
    mentions = []
    for i in range(docs.num_rows):  # one document per batch, each loaded before the next is linked
        one = docs.slice(i, 1)
        m, _, aliases = session.link(one, spans.filter(pa.compute.equal(spans["document_id"], f"d{i}")), NOW)
        mentions += m.to_pylist()
        with wdb.connect(db) as con:
            con.register("new_rows", aliases)
            con.execute("INSERT INTO entity_aliases BY NAME SELECT * FROM new_rows ANTI JOIN entity_aliases USING (alias_key)")
    assert [m["entity_id"] for m in mentions] == whole["entity_id"].to_pylist()
    assert len({m["entity_id"] for m in mentions if m["text"].startswith("রূপসা")}) == 1


def test_the_linker_holds_one_batch_of_contexts_whatever_the_warehouse_holds(tmp_path):
    db = tmp_path / "khobor.duckdb"
    wdb.ensure_schema(db)
    # A warehouse that met 300 people called জসিম উদ্দিন, and 300 called আবদুর রাজ্জাক, each in
    # 100 contexts; one জসিম উদ্দিন was also met with the BNP.
    many = {}
    for name in ("জসিম উদ্দিন", "আবদুর রাজ্জাক"):
        for p in range(300):
            eid = f"per:{name_key(name)}-{p}"
            many[person_key(name, eid)] = eid
            many.update({context_key(eid, f"org:c{p}-{c}"): eid for c in range(100)})
    many[context_key(f"per:{name_key('জসিম উদ্দিন')}-7", "org:bnp")] = f"per:{name_key('জসিম উদ্দিন')}-7"
    _store_aliases(db, many)
    session = LinkSession(default_gazetteer(), store=wdb.WarehouseAliases(db))
    docs = _docs(TEXTS[:1])
    mentions, _, _ = session.link(docs, _span_table(docs, MARKS[:1]), NOW)
    # Of 60,000 stored context items, the batch fetched the one it could share, and joined that person.
    assert sum(len(v) for v in session.linker.contexts.values()) < 20
    assert f"per:{name_key('জসিম উদ্দিন')}-7" in mentions["entity_id"].to_pylist()
    session.linker.forget()
    assert not session.linker.contexts
