"""Sentence segmentation of the two seed articles against hand-checked golden files.

The golden files hold offsets into the clean text, kinds, a sha256 of each sentence and its
first 12 characters for reading; the text itself is always read from ../shared/seeds.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from khobor.transforms.text.analysis import analyse
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.sentences import split_sentences

GOLDEN = Path(__file__).parent / "golden" / "text"
SEEDS = ("putin-modi-invitation", "putin-india-visit")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load(seeds_dir: Path, name: str) -> tuple[str, dict]:
    raw = (seeds_dir / f"{name}.bn.txt").read_text(encoding="utf-8")
    golden = json.loads((GOLDEN / f"{name}.sentences.json").read_text(encoding="utf-8"))
    assert golden["raw_sha256"] == _sha(raw), "the seed changed: re-check the golden file by hand"
    return raw, golden


@pytest.mark.parametrize("name", SEEDS)
def test_seed_sentences_match_the_golden_file(seeds_dir, name):
    raw, golden = _load(seeds_dir, name)
    text = clean_text(raw).text
    assert _sha(text) == golden["clean_sha256"] and len(text) == golden["clean_length"]
    got = [(s.start, s.end, s.kind) for s in split_sentences(text)]
    expected = [(g["start"], g["end"], g["kind"]) for g in golden["sentences"]]
    assert got == expected
    for g in golden["sentences"]:
        piece = text[g["start"] : g["end"]]
        assert piece.startswith(g["prefix"]) and _sha(piece) == g["sha256"]


def test_putin_modi_invitation_specifics(seeds_dir):
    raw, golden = _load(seeds_dir, "putin-modi-invitation")
    text = clean_text(raw).text
    ends = [text[g["end"] - 4 : g["end"]] for g in golden["sentences"]]
    assert len(golden["sentences"]) == 25
    assert any(e.endswith("UN.") for e in ends)  # a Latin full stop after Bengali text
    assert sum(e.endswith('।"') for e in ends) == 2  # the quote closes after the danda
    assert {g["kind"] for g in golden["sentences"]} == {"body"}


def test_putin_india_visit_specifics(seeds_dir):
    _, golden = _load(seeds_dir, "putin-india-visit")
    kinds = [g["kind"] for g in golden["sentences"]]
    assert kinds.count("heading") == 5
    assert kinds[-2:] == ["hashtags", "byline"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_sentences_map_back_to_the_raw_seed(seeds_dir, name):
    raw, golden = _load(seeds_dir, name)
    result = analyse(raw)
    for s, g in zip(result.raw_sentences(), golden["sentences"]):
        piece = raw[s.start : s.end]
        assert _sha(piece.replace("\u09f7", "\u0964")) == g["sha256"]
    for t in result.raw_tokens(raw):
        assert raw[t.start : t.end] == t.text
