"""One bad item never fails a run (issue 14 A): bad dates, lone surrogates, NUL bytes, lying
charsets, deep HTML, size caps, over-long tokens, broken symlinks, private feed links.

Each case is checked where it is decided (decoding, staging, documents, sources, extraction);
``test_hostile_corpus.py`` runs all of them together through a real ``khobor run``.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from khobor.flows.sources.base import SourceContext, SourceInfo
from khobor.flows.sources.registry import build_source, read_registry
from khobor.transforms.documents.build import build_documents, plausible_published
from khobor.transforms.documents.dates import find_published_in_text, read_published
from khobor.transforms.documents.items import RawItem, extract_body
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from khobor.transforms.text.decoding import UndecodableInput, decode_bytes

NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)
GOOD = "ঢাকা, ২১ নভেম্বর — প্রধানমন্ত্রী আজ ঢাকায় একটি সভায় বক্তব্য দেন। তিনি বলেন, দেশের উন্নয়ন অব্যাহত থাকবে।"


def _record(rec: dict | str, key: str = "r.jsonl#1", source: str = "s") -> RawItem:
    raw = rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False)
    return RawItem(source_id=source, item_key=key, location="r.jsonl:1", raw=raw.encode("utf-8"),
                   media_type="application/x-jsonl-record", fetched_at=NOW)


def _stage(*items: RawItem, **defaults):
    return stage_items(items, "run", set(), {"s": SourceDefaults(**defaults)} if defaults else None).to_pylist()


# dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tz", ["UTC", "Asia/Dhaka", "America/New_York", "Pacific/Kiritimati"])
@pytest.mark.parametrize("value", ["9999-12-31T23:00:00-05:00", "9999-12-31", "0001-01-01T00:30:00+05:00",
                                   "0001-01-01", "99999-01-01", "2024-13-45", "0000-00-00", "1e309", "\ud800"])
def test_out_of_range_dates_are_no_dates(value, tz):
    assert plausible_published(read_published(value, tz), NOW) is None  # and nothing raised


def test_out_of_range_dateline_is_no_date():
    for text, tz in (("ঢাকা, ৩১ ডিসেম্বর ৯৯৯৯\nখবর এখানে।", "America/New_York"), ("ঢাকা, ১ জানুয়ারি ০০০১\nখবর এখানে।", "Asia/Dhaka")):
        assert plausible_published(find_published_in_text(text, tz), NOW) is None


def test_a_bad_date_keeps_the_article_undated_with_a_warning():
    stg = stage_items([_record({"id": 1, "text": GOOD, "date": "9999-12-31T23:00:00-05:00"})], "run", set(),
                      {"s": SourceDefaults("America/New_York")})
    stg, docs = build_documents(stg, "run", NOW)
    (row,) = stg.to_pylist()
    (doc,) = docs.to_pylist()
    assert row["status"] == "new" and doc["published_at"] is None and doc["published_date"] is None
    assert row["warnings"].startswith("bad-date:") and "9999-12-31T23:00:00-05:00" in row["warnings"]


def test_a_good_date_has_no_warning():
    stg, _ = build_documents(stage_items([_record({"id": 1, "text": GOOD, "date": "2024-08-12"})], "run", set()), "run", NOW)
    assert stg.to_pylist()[0]["warnings"] is None


# lone surrogates ---------------------------------------------------------------------------------


def test_lone_surrogate_in_json_is_replaced_and_recorded():
    line = json.dumps({"id": 1, "title": "শিরো\ud800নাম", "text": GOOD + " \udc00 শেষ"}, ensure_ascii=True)
    (row,) = _stage(_record(line))
    assert row["status"] == "new", row
    assert "\ufffd" in row["body_text"] and "\ud800" not in row["title"] and "\udc00" not in row["body_text"]
    assert row["warnings"].startswith("invalid-unicode:")
    _, docs = build_documents(stage_items([_record(line)], "run", set()), "run", NOW)
    assert docs.num_rows == 1


def test_surrogate_pairs_are_not_touched():
    line = json.dumps({"id": 1, "text": GOOD + " 😀"}, ensure_ascii=True)  # \ud83d\ude00: a valid pair
    (row,) = _stage(_record(line))
    assert row["status"] == "new" and row["warnings"] is None and "😀" in row["body_text"]


def test_an_error_detail_never_carries_the_article():
    body = "গোপন" * 5000
    rows = _stage(_record({"id": 1, "text": body, "date": {"weird": body}}), _record("{" + body, key="r.jsonl#2"))
    for row in rows:
        for col in ("detail", "warnings", "reason"):
            assert "গোপনগোপনগোপন" not in (row[col] or ""), (col, row[col][:200])


# NUL bytes: one rule wherever they are -------------------------------------------------------------


def _long_text(n: int = 4000) -> bytes:
    return (GOOD + "\n").encode("utf-8") * (n // len(GOOD.encode()) + 1)


@pytest.mark.parametrize("where", [0, 5, 9000, -3])
def test_sparse_nul_bytes_are_stripped_and_recorded_wherever_they_are(where):
    data = bytearray(_long_text(20000))
    data[where:where] = b"\x00"
    out = decode_bytes(bytes(data))
    assert "\x00" not in out.text and out.text == _long_text(20000).decode()
    assert [w.split(":")[0] for w in out.warnings] == ["nul-bytes"]


@pytest.mark.parametrize("data", [b"\x00" * 10000, b"ab\x00\x00cd\x00" * 2000, _long_text(20000) + b"\x00" * 5000,
                                  b"\x00" * 5000 + _long_text(20000)])
def test_mostly_nul_bytes_are_binary_wherever_they_are(data):
    with pytest.raises(UndecodableInput) as info:
        decode_bytes(data)
    assert info.value.reason == "binary"


def test_utf16_is_still_utf16():
    text = GOOD * 20
    assert decode_bytes(text.encode("utf-16-le")).text == text
    assert decode_bytes(text.encode("utf-16")).text == text


# lying charsets ----------------------------------------------------------------------------------


def _page(body: str) -> bytes:
    return f"<html><head><title>শিরোনাম</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>".encode()


@pytest.mark.parametrize("declared", ["utf-16", "utf-16-le", "UTF-16BE", "utf-32"])
@pytest.mark.parametrize("pad", [b"", b" "])  # odd and even lengths: UTF-16 decoding fails or gives garbage
def test_declared_utf16_that_is_really_utf8_decodes(declared, pad):
    out = decode_bytes(_page(GOOD) + pad, declared)
    assert out.encoding == "utf-8" and GOOD in out.text
    assert [w.split(":")[0] for w in out.warnings] == ["charset-mismatch"]


def test_declared_utf16_page_extracts_its_article():
    item = RawItem(source_id="w", item_key="u", location="u", raw=_page(GOOD), media_type="text/html",
                   fetched_at=NOW, declared_encoding="utf-16")
    assert "প্রধানমন্ত্রী" in extract_body(item).text


# deep HTML ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 10_000])
def test_deeply_nested_html_still_yields_its_text(depth):
    html = "<html><body>" + "<div>" * depth + f"<p>{GOOD}</p>" + "</div>" * depth + "</body></html>"
    item = RawItem(source_id="w", item_key="u", location="u", raw=html.encode(), media_type="text/html", fetched_at=NOW)
    assert "প্রধানমন্ত্রী আজ ঢাকায়" in extract_body(item).text


def test_deeply_nested_unclosed_html_still_yields_its_text():
    html = "<html><body>" + "<span><b><i>" * 5000 + GOOD
    item = RawItem(source_id="w", item_key="u", location="u", raw=html.encode(), media_type="text/html", fetched_at=NOW)
    assert "প্রধানমন্ত্রী আজ ঢাকায়" in extract_body(item).text


# size caps ---------------------------------------------------------------------------------------


def test_staging_caps_every_item_with_its_size():
    small = _record({"id": 1, "text": GOOD})
    big = _record({"id": 2, "text": GOOD * 50}, key="r.jsonl#2")
    rows = _stage(small, big, max_item_bytes=1000)
    assert [r["status"] for r in rows] == ["new", "quarantined"]
    assert rows[1]["reason"] == "too-large" and str(len(big.raw)) in rows[1]["detail"] and "1000" in rows[1]["detail"]


def test_default_item_cap_is_10_mb():
    assert SourceDefaults().max_item_bytes == 10 * 1024 * 1024


def _items(info: SourceInfo, tmp_path):
    return list(build_source(info, SourceContext(base_dir=tmp_path)).items())


def test_a_file_over_the_cap_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_bytes(b"x" * 5000)
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    info = SourceInfo(id="f", kind="files", location=str(tmp_path), max_item_bytes=1000)
    items = _items(info, tmp_path)
    big = next(i for i in items if i.item_key == "big.txt")
    assert big.error_reason == "too-large" and "5000" in big.error and big.raw == b""
    assert next(i for i in items if i.item_key == "ok.txt").error is None


def test_records_over_the_cap_are_quarantined_one_by_one(tmp_path):
    lines = [json.dumps({"id": i, "text": GOOD * (40 if i == 2 else 1)}, ensure_ascii=False) for i in range(4)]
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "r.csv").write_text("id,text\n1,short\n2," + "ক" * 3000 + "\n", encoding="utf-8")
    for kind, loc in (("jsonl", "r.jsonl"), ("csv", "r.csv")):
        info = SourceInfo(id="s", kind=kind, location=str(tmp_path / loc), max_item_bytes=2000)
        items = _items(info, tmp_path)
        rows = stage_items(items, "run", set(), {"s": SourceDefaults(max_item_bytes=2000)}).to_pylist()
        assert [r["reason"] for r in rows].count("too-large") == 1, kind
        assert sum(r["status"] == "new" for r in rows) == len(rows) - 1


def test_registry_sets_the_cap_globally_and_per_source(tmp_path):
    reg = tmp_path / "sources.toml"
    reg.write_text('[limits]\nmax_item_bytes = 5000\n\n'
                   '[[source]]\nid = "a"\nkind = "files"\nlocation = "."\n\n'
                   '[[source]]\nid = "b"\nkind = "files"\nlocation = "."\nmax_item_bytes = 70\n', encoding="utf-8")
    r = read_registry(reg)
    assert {s.id: s.max_item_bytes for s in r.sources} == {"a": 5000, "b": 70}
    reg.write_text('[[source]]\nid = "a"\nkind = "files"\nlocation = "."\n', encoding="utf-8")
    assert read_registry(reg).sources[0].max_item_bytes == 10 * 1024 * 1024


@pytest.mark.parametrize("value", ['"big"', "-1", "0", "true"])
def test_a_wrong_cap_is_a_clear_config_problem(tmp_path, value):
    reg = tmp_path / "sources.toml"
    reg.write_text(f'[[source]]\nid = "a"\nkind = "files"\nlocation = "."\nmax_item_bytes = {value}\n', encoding="utf-8")
    assert "max_item_bytes" in read_registry(reg).problems["a"]


# symlinks ----------------------------------------------------------------------------------------


def test_broken_and_looping_symlinks_are_quarantined_not_skipped(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    os.symlink(tmp_path, tmp_path / "self")  # a folder loop: walked once, not forever
    items = _items(SourceInfo(id="f", kind="files", location=str(tmp_path)), tmp_path)
    reasons = {i.item_key: i.error_reason for i in items}
    assert reasons == {"ok.txt": None, "dangling.txt": "broken-symlink", "loop-a.txt": "symlink-loop", "loop-b.txt": "symlink-loop"}


# over-long tokens and entity names ---------------------------------------------------------------


def _mentions(texts: list[str]):
    from khobor.flows.jsonl import extract_records
    from khobor.flows.resources import entity_extractor

    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    return [json.loads(out) for out in extract_records(lines, entity_extractor())]


def test_an_over_long_token_stays_text_but_is_never_an_entity():
    from khobor.transforms.entities.extract import MAX_ENTITY_CHARS

    texts = ["ঢাকায়" * 20_000, "ক" * 100_000 + "পুরে", "ক" * 100_000 + " জেলায়", "ক" * 100_000 + "নগর",
             "শেখ" + "্" * 1000 + " হাসিনা বললেন।"]
    for rec in _mentions(texts):
        assert "error" not in rec, rec.get("error")
        assert all(e["end"] - e["start"] <= MAX_ENTITY_CHARS for e in rec["entities"]), rec["id"]
    (short,) = _mentions([texts[2] + " প্রধানমন্ত্রী শেখ হাসিনা আজ ঢাকায় গেলেন।"])
    assert {"শেখ হাসিনা", "ঢাকায়"} <= {e["text"] for e in short["entities"]}  # the rest of the text still counts


def test_a_long_token_still_tokenizes_with_exact_offsets():
    from khobor.transforms.text.tokens import tokenize

    text = "আজ " + "ক" * 300_000 + " সভা।"
    toks = tokenize(text)
    assert "".join(text[t.start:t.end] for t in toks) == text.replace(" ", "")
    assert max(t.end - t.start for t in toks) == 300_000


def test_a_document_whose_entity_rules_fail_is_kept_with_a_warning_and_no_entities(monkeypatch):
    """A bug in the rules (as '@anaphor+1' read as a day once was) costs one document its entities,
    with the error in stg_documents.warnings; the batch, and so the run, goes on."""
    from khobor.transforms.chain import prepare_batch
    from khobor.transforms.entities.extract import EntityExtractor, extractor_for

    rule = EntityExtractor.sentence_spans

    def failing(self, view, published, model_spans):
        if "বিস্ফোরক" in view.text[view.start : view.end]:
            raise ValueError("Invalid isoformat string: '@anaphor+1'")
        return rule(self, view, published, model_spans)

    monkeypatch.setattr(EntityExtractor, "sentence_spans", failing)
    items = [RawItem(source_id="s", item_key=f"k{i}", location="x", raw=text.encode(), media_type="text/plain",
                     fetched_at=datetime(2024, 8, 6, tzinfo=timezone.utc))
             for i, text in enumerate(["শেখ হাসিনা ঢাকা ছেড়েছেন। বিস্ফোরক তথ্য মিলেছে।", "শেখ হাসিনা ঢাকা ছেড়েছেন।"])]
    stg = stage_items(items, "r", set())
    prepared = prepare_batch(stg, "r", datetime(2024, 8, 6, tzinfo=timezone.utc), extractor_for(None))
    assert prepared.documents.num_rows == 2 and prepared.tokens.num_rows > 0
    warned = dict(zip(prepared.stg["item_key"].to_pylist(), prepared.stg["warnings"].to_pylist()))
    assert warned["k0"] == "entities-failed: ValueError: Invalid isoformat string: '@anaphor+1'" and warned["k1"] is None
    with_spans = set(prepared.spans["document_id"].to_pylist())
    ids = dict(zip(prepared.documents["item_key"].to_pylist(), prepared.documents["document_id"].to_pylist()))
    assert ids["k1"] in with_spans and ids["k0"] not in with_spans
