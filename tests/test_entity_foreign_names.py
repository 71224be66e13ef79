"""The foreign-name matcher: a Bengali-script foreign name to the Latin spelling of a listed name."""
import csv
import unicodedata
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khobor.transforms.entities.english import english_name
from khobor.transforms.entities.foreign_names import foreign_names, foreign_spelling


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.mark.parametrize("bn, en", [
    ("হকিন্স", "Hawkins"),  # the inherent vowel English writes aw
    ("ক্রো", "Crowe"),  # ও written ow, a silent e
    ("পেরি", "Perry"),  # a final ি written y; the commoner name beats Peri, a romanised listed name
    ("আর্কি", "Archie"),  # ক written ch
    ("গ্রের", "Gray"),  # the possessive taken off a one-akshara name
    ("ব্যারেট", "Barrett"),
    ("ভলাদিমির", "Vladimir"),
    ("হরিশ", "Harish"),  # romanised it is a listed name: Harris (commoner, spelt further) is not taken
    ("বেটস", "Bates"),  # এ before one consonant and a silent vowel: a with a silent e
    ("কেট", "Kate"),
    ("ব্লেক", "Blake"),
    ("ডেল", "Del"),  # but not for a name listed as it sounds (Dale is spelt further)
    ("বেন", "Ben"),
    ("উইলসন", "Wilson"),  # the letter উ is a foreign name's w
    ("ডারউইন", "Darwin"),
    ("গ্রিনউড", "Greenwood"),
    ("রাশ", "Rush"),  # া as English's short u
    ("মারফি", "Murphy"),
    ("বাটলার", "Butler"),
    ("অ্যাঙ্গাস", "Angus"),
    ("রাম", "Ram"), ("খান", "Khan"), ("সাম", "Sam"),  # listed as romanised: no short u
])
def test_right_picks(bn, en):
    assert foreign_spelling(nfc(bn)) == en


@pytest.mark.parametrize("bn", [
    "মাদুর",  # no ending taken off for a rare name (Madu)
    "ফ্লুইড",  # too far from Floyd
    "ইতু",  # a rare name (Eetu) only very close to the sound
    "রাপিনি", "ওডোবার্টের",  # nothing listed sounds so
    "",
    "Hawkins",
])
def test_abstentions(bn):
    assert foreign_spelling(nfc(bn)) is None


@pytest.mark.parametrize("bn, en", [
    # a person linking found to be foreign (english_name's ``foreign``)
    ("মোহাম্মদ আব্দুর রহমান", "Mohammad Abdur Rahman"),  # Bangladeshi names keep the name-part table's spelling
    ("করিম", "Karim"),
    ("টিম হকিন্স", "Tim Hawkins"),
    ("ডেভিড ল্যামি", "David Lamy"),
    # a name with a Bangladeshi part no list of the world's names has (Abu, Sultana): no foreign names
    ("আবু জুর", "Abu Jur"),
    ("মুনিরা সুলতানা মিলি", "Munira Sultana Mili"),
    ("আহসান আদেলুর রহমান আদেল", "Ahsan Adelur Rahman Adel"),  # nor spelt with foreign names' spellings (Adele)
])
def test_people_names(bn, en):
    assert english_name(nfc(bn), "PERSON", foreign=True)[0] == en


def test_method_and_places_untouched():
    assert english_name(nfc("টিম হকিন্স"), "PERSON", foreign=True)[1] == "foreign_names"
    assert english_name(nfc("হকিন্স"), "LOC", foreign=True)[1] != "foreign_names"  # people's names only


@pytest.mark.parametrize("bn, en", [
    ("টিম হকিন্স", "Tim Hakins"),  # nobody said he is foreign: romanised as Bangladeshi names are
    ("সাগর", "Sagar"),  # the name-part table's spelling: not the Sagor of the world's lists
    ("ম্যাথু ডেভিস", "Mathu Davis"),  # Matthew only for a person linking found foreign
    ("বারবারা বান্ডা", "Barbara Banda"),
])
def test_no_foreign_names_unless_linking_says_so(bn, en):
    assert english_name(nfc(bn), "PERSON")[0] == en


def test_data_file_shape():
    text = resources.files("khobor.transforms.entities").joinpath("data/foreign_names.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(rows[0]) == ["name", "kind", "locales", "zipf"]
    assert 20_000 < len(rows) < 60_000 and len(text) < 1_000_000
    names = [r["name"] for r in rows]
    assert names == sorted(names) and len(set(names)) == len(names)
    for r in rows:
        assert r["name"].isascii() and len(r["name"]) >= 3
        assert r["kind"] in ("given", "family", "both") and int(r["locales"]) >= 1 and 0 <= float(r["zipf"]) < 8
    words, freq, spelt = foreign_names()
    assert words == sorted(words) and set(words) == set(freq) == set(spelt)


def test_an_english_short_u_is_spelt_for_names_only():
    from khobor.transforms.entities.transliterate import candidates, lexicon_spelling

    assert all(w != "humus" for w, _, _ in candidates(nfc("হুমাস"), limit=8, foreign=True))  # the English word list
    assert lexicon_spelling(nfc("ভাসান"), person=True) != "Busan"


bengali = st.text(alphabet=st.characters(min_codepoint=0x0980, max_codepoint=0x09FF), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.one_of(bengali, st.text(max_size=8)))
def test_never_raises_and_is_latin(word):
    out = foreign_spelling(word)
    assert out is None or (out.isascii() and out.isalpha())


def test_a_person_word_not_listed_is_spelt_with_foreign_names_spellings_from_english_text():
    # Sarkozy is no listed name, but English text has it; a final ি is y as in the list's names
    assert english_name(nfc("নিকোলাস সারকোজি"), "PERSON", foreign=True) == ("Nicholas Sarkozy", "lexicon")


def test_a_western_given_name_shows_the_person_foreign():
    # ner_dev7: the mayor of Los Angeles, in a report that named no place abroad before her
    assert english_name(nfc("কারেন ব্যাস"), "PERSON") == ("Karen Bass", "foreign_names")
    assert english_name(nfc("টম কার্টার"), "PERSON")[0] == "Tom Carter"
    # alone the given name says nothing of another word; a Bangladeshi Christian's surname keeps the
    # name-part table's spelling; a name shared with Bangladeshis is no cue (আলী)
    assert english_name(nfc("ব্যাস"), "PERSON")[0] == "Bas"
    assert english_name(nfc("পিটার হালদার"), "PERSON")[0] == "Peter Halder"
    assert english_name(nfc("আলী কার্টার"), "PERSON")[0] == "Ali Kartar"
