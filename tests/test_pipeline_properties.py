"""Properties of decoding, staging, cleaning, tokenizing and extraction over hostile input (hypothesis).

Nothing crashes: bytes either decode or are refused with ``UndecodableInput``; an item either
becomes a staged row that Arrow can store or a quarantined one with a reason. Offsets hold:
0 <= start < end <= len(text) and text[start:end] is the stored text, for every sentence, token and
entity mention; no entity is longer than ``MAX_ENTITY_CHARS``.

Each property runs twice: in the default suite with ``DEFAULT`` examples (40, quick), and in the
slow suite (``-m slow``, CI) with ``settings(max_examples=10_000)`` each: about 3 minutes in all,
most of it extraction, which runs the NER model on every example. The default suite draws new
examples every run; the slow suite draws the same 10,000 every run (``derandomize``), so what CI
saw, failure or time, happens again on any machine. ``KHOBOR_PROPERTY_EXAMPLES`` overrides the
default count for a longer local hunt.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khobor.transforms.documents.build import build_documents
from khobor.transforms.documents.items import RawItem
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from khobor.transforms.entities.extract import MAX_ENTITY_CHARS
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.decoding import UndecodableInput, decode_bytes
from khobor.transforms.text.sentences import split_sentences
from khobor.transforms.text.tokens import tokenize_sentences

NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)
DEFAULT = int(os.environ.get("KHOBOR_PROPERTY_EXAMPLES", "40"))
SLOW = 10_000


def _settings(n: int, derandomize: bool = False):
    return settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), derandomize=derandomize)


# strategies --------------------------------------------------------------------------------------

NEWSY = ("অআইউএওকখগঘচছজটডঢতথদনপবভমযরলশসহড়ঢ়য়ািীুূৃেৈোৌ্ংঃঁ়\u09dc\u09dd\u09df\u09f7।॥০১২৩৯"
         "abcXYZ0129.,;:!?\"'-–—…()#@%/ “”‘’\u200c\u200d\u200b\ufeff\u00a0\t\r\n\x00\x07\u00ad\u0301")
WORDS = ["ঢাকা", "ঢাকায়", "শেখ হাসিনা", "প্রধানমন্ত্রী", "বাংলাদেশ", "ভারত-রাশিয়া", "২১ নভেম্বর ২০২৬", "১২টি", "আজ",
         "গতকাল", "এদিন", "জাতিসংঘ (UN)", "#খবর", "BRICS", "ড.", "মো.", "৫০ কোটি টাকা", "রাশিয়ান", "উপজেলায়", "।", "\n",
         "https://x.example/a", "ক" * 150, "তামিম ইকবাল", "তামিম", "\ud800", "\x00"]
news_text = st.text(st.sampled_from(NEWSY), max_size=200)
word_text = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.text(st.characters(codec=None) | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=200)
texts = st.one_of(news_text, word_text, any_text)
declared = st.sampled_from([None, "utf-8", "utf-16", "utf-16-le", "utf-32", "windows-1252", "iso-8859-1", "koi8-r", "nonsense"])


def _encoded(draw_text: str, how: str) -> bytes:
    if how == "utf-8":
        return draw_text.encode("utf-8", "surrogatepass")
    if how == "utf-16":
        return draw_text.encode("utf-16", "surrogatepass")
    if how == "nul":
        b = draw_text.encode("utf-8", "surrogatepass")
        return b[: len(b) // 2] + b"\x00" + b[len(b) // 2 :]
    return draw_text.encode("cp1252", "replace")


byte_input = st.one_of(st.binary(max_size=400), st.builds(_encoded, texts, st.sampled_from(["utf-8", "utf-16", "nul", "cp1252"])))
RECORD_KEYS = st.sampled_from(["text", "body", "title", "date", "published_at", "id", "url", "paper", "publisher"])
json_value = st.one_of(texts, st.integers(), st.floats(allow_nan=False), st.none(), st.booleans(),
                       st.lists(st.integers(), max_size=3), st.sampled_from(["9999-12-31T23:00:00-05:00", "0001-01-01", "2024/08/12"]))
records = st.one_of(
    st.dictionaries(RECORD_KEYS, json_value, max_size=6).map(lambda d: json.dumps(d, ensure_ascii=True)),
    texts,  # not JSON at all, or JSON that is not an object
)
media = st.sampled_from(["text/plain", "text/markdown", "text/html", "text/html-fragment"])


# checks ------------------------------------------------------------------------------------------


def check_decoding(data: bytes, charset: str | None) -> None:
    try:
        out = decode_bytes(data, charset)
    except UndecodableInput as exc:
        assert exc.reason in ("binary", "invalid-encoding", "legacy-bengali-font"), exc.reason
        return
    out.text.encode("utf-8")  # a decoder never yields lone surrogates
    assert all(w.split(":")[0] in ("nul-bytes", "charset-mismatch") for w in out.warnings)


def check_staging(items: list[RawItem]) -> None:
    stg = stage_items(items, "run", set(), {"s": SourceDefaults("America/New_York", max_item_bytes=2000)})
    assert stg.num_rows == len({i.item_key for i in items})  # one row each, Arrow could store it
    for row in stg.to_pylist():
        assert (row["status"] == "quarantined") == (row["reason"] is not None)
        assert len(row["detail"] or "") <= 300
    stg, docs = build_documents(stg, "run", NOW)
    by_stg = {r["stg_id"]: r for r in stg.to_pylist()}
    for doc in docs.to_pylist():
        body = by_stg[doc["stg_id"]]["body_text"]
        assert doc["text"] == clean_text(body).text
        for pair in doc["offset_map"]:
            assert 0 <= pair["clean"] <= len(doc["text"]) and 0 <= pair["raw"] <= len(body)


def check_offsets(text: str, rows, what: str) -> None:
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(text), (what, r)
        if "text" in r:
            assert text[r["start"] : r["end"]] == r["text"], (what, r)


def check_text_layer(raw: str) -> None:
    text = clean_text(raw).text
    sentences = split_sentences(text)
    check_offsets(text, [s._asdict() for s in sentences], "sentence")
    for toks in tokenize_sentences(text, sentences):
        check_offsets(text, [t._asdict() for t in toks], "token")


_EXTRACTOR = []


def check_extraction(raws: list[str]) -> None:
    from khobor.flows.jsonl import extract_records
    from khobor.flows.resources import entity_extractor

    if not _EXTRACTOR:
        _EXTRACTOR.append(entity_extractor())
    lines = [json.dumps({"id": str(i), "text": t, "published_at": "2026-11-21"}, ensure_ascii=True) for i, t in enumerate(raws)]
    for raw, out in zip(raws, extract_records(lines, _EXTRACTOR[0])):
        rec = json.loads(out)
        if "error" in rec:  # a line that cannot be used says so; it never crashes the batch
            assert rec["error"], rec
            continue
        # Offsets are into the text exactly as given, lone surrogates included (written as escapes).
        check_offsets(raw, rec["entities"], "entity")
        assert all(e["end"] - e["start"] <= MAX_ENTITY_CHARS for e in rec["entities"])


def _item(i: int, raw: bytes, media_type: str) -> RawItem:
    return RawItem(source_id="s", item_key=f"k{i}", location="x", raw=raw, media_type=media_type, fetched_at=NOW)


def _items(recs: list[str], bodies: list[tuple[bytes, str]]) -> list[RawItem]:
    out = [_item(i, r.encode("utf-8", "surrogatepass"), "application/x-jsonl-record") for i, r in enumerate(recs)]
    return out + [_item(len(recs) + i, b, m) for i, (b, m) in enumerate(bodies)]


# the default suite -------------------------------------------------------------------------------


@_settings(DEFAULT)
@given(byte_input, declared)
def test_decoding_never_crashes(data, charset):
    check_decoding(data, charset)


@_settings(DEFAULT)
@given(st.lists(records, max_size=4), st.lists(st.tuples(byte_input, media), max_size=3))
def test_staging_never_crashes_and_keeps_offsets(recs, bodies):
    check_staging(_items(recs, bodies))


@_settings(DEFAULT)
@given(texts)
def test_cleaning_and_tokenizing_keep_offsets(raw):
    check_text_layer(raw)


@_settings(DEFAULT // 4 or 1)
@given(st.lists(texts, min_size=1, max_size=4))
def test_extraction_keeps_offsets_and_bounds(raws):
    check_extraction(raws)


# the slow suite: the same properties, many more examples -------------------------------------------


@pytest.mark.slow
@_settings(SLOW, derandomize=True)
@given(byte_input, declared)
def test_decoding_never_crashes_10k(data, charset):
    """10,000 examples."""
    check_decoding(data, charset)


@pytest.mark.slow
@_settings(SLOW, derandomize=True)
@given(st.lists(records, max_size=4), st.lists(st.tuples(byte_input, media), max_size=3))
def test_staging_never_crashes_and_keeps_offsets_10k(recs, bodies):
    """10,000 examples (each up to 7 items)."""
    check_staging(_items(recs, bodies))


@pytest.mark.slow
@_settings(SLOW, derandomize=True)
@given(texts)
def test_cleaning_and_tokenizing_keep_offsets_10k(raw):
    """10,000 examples."""
    check_text_layer(raw)


@pytest.mark.slow
@_settings(SLOW, derandomize=True)
@given(st.lists(texts, min_size=1, max_size=4))
def test_extraction_keeps_offsets_and_bounds_10k(raws):
    """10,000 examples of up to 4 texts (the NER model runs on each): about 4 minutes."""
    check_extraction(raws)
