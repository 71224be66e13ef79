"""Bangladeshi spellings of name parts the name-part table lacks (``bd_names``)."""
import csv
import unicodedata
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khobor.transforms.entities.bd_names import MAX_RANK, bd_names, bd_spelling
from khobor.transforms.entities.english import english_name


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.mark.parametrize("bn, en", [
    ("সুজয়", "Sujoy"),  # the inherent vowel as Bangladeshis write it: o, not the romaniser's a (Suzay)
    ("সাগর", "Sagor"),  # Sagor (rank 87) beats Sagar (433); in a name the curated table's Sagar comes first
    ("কাকলী", "Kakoli"),  # a vowel the letters do not write
    ("বিশ্বজিত", "Bishwajit"),  # জ is j in this name, not the romaniser's z after a conjunct
    ("রুহান", "Ruhan"),  # listed as romanised: not the English Rohan, a letter away
    ("মোদক", "Modak"),
])
def test_spellings(bn, en):
    assert bd_spelling(nfc(bn)) == en


@pytest.mark.parametrize("bn", [
    "স্বপ্নীল",  # Swapnil is listed (rank 2,236): Sopnil, commoner, is another convention
    "রমজান",  # English text writes Ramzan: not Romjan
    "সিংয়ের",  # inflected (Singh's): no Singer
    "মাহফিজুল",  # nothing listed sounds so
    "আমরা",  # a Bengali word
    "",
    "Sagor",
])
def test_abstentions(bn):
    assert bd_spelling(nfc(bn)) is None


def test_in_english_names_only_for_people_not_known_foreign():
    assert english_name(nfc("সুজয় দেব"), "PERSON") == ("Sujoy Deb", "bd_names")
    assert english_name(nfc("জাহিদুজ্জামান খান সাগর"), "PERSON")[0].endswith("Sagar")  # the table's spelling wins
    assert english_name(nfc("কাকলী তালুকদার"), "PERSON") == ("Kakoli Talukder", "bd_names")
    assert english_name(nfc("সুজয়"), "LOC")[1] != "bd_names"  # places keep the romanisation
    assert english_name(nfc("মোহাম্মদ আব্দুর রহমান"), "PERSON")[1] == "name_parts"  # the table first
    assert english_name(nfc("কাকলী"), "PERSON", foreign=True)[1] != "bd_names"  # a foreigner's name is no Bangladeshi spelling


def test_data_file_shape():
    text = resources.files("khobor.transforms.entities").joinpath("data/bd_names.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(rows[0]) == ["name", "kind", "rank"]
    assert 10_000 < len(rows) < 30_000 and len(text) < 500_000
    names = [r["name"] for r in rows]
    assert names == sorted(names) and len({n.lower() for n in names}) == len(names)
    for r in rows:
        assert r["name"].isascii() and r["name"].isalpha() and len(r["name"]) >= 3 and r["name"][0].isupper()
        assert r["kind"] in ("given", "family", "both") and int(r["rank"]) >= 1
    words, weight, spelt, listed = bd_names()
    assert words == sorted(words) and set(words) == set(weight) == set(spelt) and set(words) <= listed
    assert len(listed) == len(rows) and all(w > 0 for w in weight.values())
    assert sum(int(r["rank"]) <= MAX_RANK for r in rows) == len(words)


bengali = st.text(alphabet=st.characters(min_codepoint=0x0980, max_codepoint=0x09FF), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.one_of(bengali, st.text(max_size=8)))
def test_never_raises_and_is_latin(word):
    out = bd_spelling(word)
    assert out is None or (out.isascii() and out.isalpha())
