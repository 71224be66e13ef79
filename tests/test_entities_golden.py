"""Golden entities of the two seed articles: every person, organisation and place is found, and
every form of one is linked to the same canonical entity (``tests/golden/entities/*.json``)."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from khobor.flows.jsonl import extract_records
from khobor.flows.resources import entity_extractor, model_dir

GOLDEN = Path(__file__).parent / "golden" / "entities"
CASES = sorted(GOLDEN.glob("*.json"))


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.fixture(scope="module")
def seed_entities(seeds_dir):
    if not (model_dir() / "config.cfg").exists():
        pytest.skip(f"the NER model is not at {model_dir()}; train it with python -m khobor.training.ner.train")
    out = {}
    for case in CASES:
        spec = json.loads(case.read_text(encoding="utf-8"))
        text = (seeds_dir / spec["seed"]).read_text(encoding="utf-8")
        line = json.dumps({"id": spec["seed"], "text": text}, ensure_ascii=False)
        (result,) = [json.loads(x) for x in extract_records([line], entity_extractor())]
        out[case.name] = (spec, result["entities"])
    return out


def _by_form(entities: list[dict]) -> dict[str, list[dict]]:
    """Mentions by their text, and by each word of it: the form ল্যাভরভের is found whether the
    mention is ল্যাভরভের or সের্গেই ল্যাভরভের."""
    forms: dict[str, list[dict]] = {}
    for e in entities:
        text = nfc(e["text"])
        for key in {text, *text.split()}:
            forms.setdefault(key, []).append(e)
    return forms


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_every_listed_entity_is_found_and_merged(seed_entities, case):
    spec, entities = seed_entities[case]
    forms = _by_form(entities)
    problems = []
    for group in spec["groups"]:
        ids = set()
        for form in group["forms"]:
            found = [e for e in forms.get(nfc(form), []) if e["label"] == group["label"]]
            if not found:
                problems.append(f"{group['label']} {form!r} not found")
            ids |= {e["entity_id"] for e in found}
        if len(ids) > 1:
            problems.append(f"{group['forms']} split over {sorted(ids)}")
        if "entity_id" in group and ids and ids != {group["entity_id"]}:
            problems.append(f"{group['forms']} linked to {sorted(ids)}, expected {group['entity_id']}")
        latin = {e["canonical_latin"] for f in group["forms"] for e in forms.get(nfc(f), [])}
        if ids and not any(group["latin"].lower() in (x or "").lower() for x in latin):
            problems.append(f"{group['forms']}: no Latin name with {group['latin']!r} in {sorted(map(str, latin))}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_adjectives_relate_to_their_country_and_dates_carry_values(seed_entities, case):
    spec, entities = seed_entities[case]
    forms = _by_form(entities)
    for adj in spec["adjectives"]:
        for form in adj["forms"]:
            assert {e["entity_id"] for e in forms.get(nfc(form), [])} == {adj["entity_id"]}, form
    for d in spec["dates"]:
        found = [e for e in forms.get(nfc(d["form"]), []) if e["label"] == "DATE"]
        assert found, d["form"]
        if "value" in d:
            assert found[0]["value"] == d["value"]


def test_generic_nouns_are_not_names(seed_entities):
    generic = {nfc(w) for w in ("প্রধানমন্ত্রী", "প্রেসিডেন্ট", "রাষ্ট্রপতি", "পররাষ্ট্রমন্ত্রী", "সরকার", "মানুষ", "নেতা", "কর্মকর্তারা")}
    for _spec, entities in seed_entities.values():
        named = {nfc(e["text"]) for e in entities if e["label"] in ("PERSON", "ORG")}
        assert not named & generic
