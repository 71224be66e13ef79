"""tokenize: kinds, values, the hyphen/classifier/suffix rules, JSONL records and UD token F1."""
from __future__ import annotations

import json

import pytest

from bench.text_eval import read_conllu, token_prf
from khobor.flows.jsonl import tokenize_records
from khobor.transforms.text.analysis import analyse
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.sentences import split_sentences
from khobor.transforms.text.tokens import TOKEN_KINDS, Token, number_value, token_columns, tokenize, tokenize_sentences
from tests.conftest import SHARED

UD_TEST = SHARED / "corpora" / "ud_bengali_bru" / "bn_bru-ud-test.conllu"


def pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def surfaces(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


# ------------------------------------------------------------------ kinds


def test_kinds_of_a_mixed_sentence():
    text = "ড. ইউনূস #রাশিয়া সফরে BRICS ও G20 নিয়ে ৫০% বাড়তি ৳৫০০ খরচ করেন। https://x.org a@b.com"
    assert pairs(text) == [
        ("ড.", "word"),
        ("ইউনূস", "word"),
        ("#রাশিয়া", "hashtag"),
        ("সফরে", "word"),
        ("BRICS", "latin"),
        ("ও", "word"),
        ("G20", "latin"),
        ("নিয়ে", "word"),
        ("৫০", "number"),
        ("%", "symbol"),
        ("বাড়তি", "word"),
        ("৳", "symbol"),
        ("৫০০", "number"),
        ("খরচ", "word"),
        ("করেন", "word"),
        ("।", "punct"),
        ("https://x.org", "url"),
        ("a@b.com", "email"),
    ]
    assert {k for _, k in pairs(text)} <= set(TOKEN_KINDS)


def test_bengali_marks_and_joiners_are_word_internal():
    for word in ("র\u200d্যাব", "ক্\u200cষ", "বিদ্যুৎ", "সংঘাতের", "পৌঁছায়", "দুঃখ"):
        assert surfaces(word) == [word]


def test_other_scripts_are_words():
    assert pairs("Привет 東京 नमस्ते") == [("Привет", "word"), ("東京", "word"), ("नमस्ते", "word")]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "text, value",
    [
        ("২০২১", 2021.0),
        ("2021", 2021.0),
        ("১২.৫", 12.5),
        ("3.5", 3.5),
        ("1,234", 1234.0),
        ("১,২৩৪", 1234.0),
        ("১২,৩৪,৫৬৭", 1234567.0),
        ("1,234,567.25", 1234567.25),
        ("০৩", 3.0),
    ],
)
def test_number_values(text, value):
    (tok,) = tokenize(text)
    assert tok.kind == "number" and tok.value == value


def test_comma_lists_are_not_thousands():
    assert surfaces("১,২ ও 3,4567") == ["১", ",", "২", "ও", "3", ",", "4567"]


def test_only_numbers_have_values():
    assert all((t.value is None) == (t.kind != "number") for t in tokenize("২১টি দল 5.5 কোটি X-এ"))
    assert number_value("১,০০০") == 1000.0


def test_classifier_after_digits_is_its_own_word():
    assert [(t.text, t.kind, t.value) for t in tokenize("21টি ১১টা")] == [
        ("21", "number", 21.0),
        ("টি", "word", None),
        ("১১", "number", 11.0),
        ("টা", "word", None),
    ]
    assert surfaces("পাঁচটি") == ["পাঁচটি"]


# ------------------------------------------------------------------ hyphens, suffixes, punctuation


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ইন্দো-প্যাসিফিক", ["ইন্দো", "-", "প্যাসিফিক"]),
        ("ভারত-রাশিয়া", ["ভারত", "-", "রাশিয়া"]),
        ("কো-অপারেশন", ["কো", "-", "অপারেশন"]),
        ("উচ্চ-স্তরের", ["উচ্চ", "-", "স্তরের"]),
        ("ভূ-রাজনৈতিক", ["ভূ", "-", "রাজনৈতিক"]),
        ("2024-28", ["2024", "-", "28"]),
        ("২৫-২৯", ["২৫", "-", "২৯"]),
        ("X-এ", ["X", "-", "এ"]),
        ("COVID-19", ["COVID", "-", "19"]),
    ],
)
def test_hyphen_is_always_its_own_token(text, expected):
    assert surfaces(text) == expected


def test_ranges_give_both_numbers_a_value():
    assert [t.value for t in tokenize("2024-28") if t.kind == "number"] == [2024.0, 28.0]


def test_quotes_dashes_and_ellipses():
    text = "“আমরা”—তিনি বলেন… ‘হ্যাঁ’ – আবার... শেষ-- (ঠিক) [১]"
    assert pairs(text) == [
        ("“", "punct"),
        ("আমরা", "word"),
        ("”", "punct"),
        ("—", "punct"),
        ("তিনি", "word"),
        ("বলেন", "word"),
        ("…", "punct"),
        ("‘", "punct"),
        ("হ্যাঁ", "word"),
        ("’", "punct"),
        ("–", "punct"),
        ("আবার", "word"),
        ("...", "punct"),
        ("শেষ", "word"),
        ("--", "punct"),
        ("(", "punct"),
        ("ঠিক", "word"),
        (")", "punct"),
        ("[", "punct"),
        ("১", "number"),
        ("]", "punct"),
    ]


def test_abbreviation_dots_stay_on_their_token():
    assert surfaces("ড. মো. এস. জয়শঙ্কর Dr. J. U.S. e.g. কি.মি.") == [
        "ড.", "মো.", "এস.", "জয়শঙ্কর", "Dr.", "J.", "U.S.", "e.g.", "কি.", "মি.",
    ]
    assert surfaces("G20 এবং UN. আমাদের") == ["G20", "এবং", "UN", ".", "আমাদের"]


def test_email_starting_with_digits():
    assert pairs("লিখুন 123@example.com") == [("লিখুন", "word"), ("123@example.com", "email")]


def test_hashtag_needs_a_word_after_the_sign():
    assert pairs("#রাশিয়া # #") == [("#রাশিয়া", "hashtag"), ("#", "punct"), ("#", "punct")]


# ------------------------------------------------------------------ offsets


def test_offsets_are_absolute_and_exact():
    text = "  বাক্য এক।  G20 এবং UN. ২০২১-২২ "
    for start, end in [(0, None), (2, 12), (13, 26), (5, 7), (3, 3), (20, 10)]:
        toks = tokenize(text, start, end)
        stop = len(text) if end is None else end
        for t in toks:
            assert text[t.start : t.end] == t.text
            assert start <= t.start < t.end <= stop
    assert tokenize(text, 3, 3) == [] and tokenize("") == []


def test_tokenize_sentences_matches_one_call_per_sentence(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        sents = split_sentences(text)
        assert tokenize_sentences(text, sents) == [tokenize(text, s.start, s.end) for s in sents]


def test_token_columns_carry_the_sentence_index(seeds_dir):
    text = clean_text((seeds_dir / "putin-india-visit.bn.txt").read_text(encoding="utf-8")).text
    sents = split_sentences(text)
    cols = token_columns(text, sents)
    per_sentence = tokenize_sentences(text, sents)
    assert len(cols.start) == sum(map(len, per_sentence))
    assert cols.sentence[0] == 0 and cols.sentence[-1] == len(sents) - 1
    assert list(zip(*cols)) == [(k, *t) for k, toks in enumerate(per_sentence) for t in toks]


def test_seed_tokens(seeds_dir):
    text = clean_text((seeds_dir / "putin-modi-invitation.bn.txt").read_text(encoding="utf-8")).text
    toks = tokenize(text)
    by_text = {t.text: t for t in toks}
    assert by_text["21"].value == 21.0 and by_text["2021"].value == 2021.0
    for acronym in ("BRICS", "SCO", "G20", "UN", "X"):
        assert by_text[acronym].kind == "latin"
    assert "2024-28" not in by_text and by_text["28"].value == 28.0
    assert all(not any(c.isspace() for c in t.text) for t in toks)


# ------------------------------------------------------------------ JSONL records


def test_tokenize_records_maps_offsets_back_to_the_input():
    raw = "রাশি\u09dfা\u00a0ও ভার\u09a4-রাশিয়া\u09f7  21টি\r\n\r\n\r\nনিজস্ব প্রতিবেদক \n"
    lines = [json.dumps({"id": "a1", "text": raw}, ensure_ascii=False), ""]
    (out,) = list(tokenize_records(lines))
    rec = json.loads(out)
    assert rec["id"] == "a1"
    assert [s["kind"] for s in rec["sentences"]] == ["body", "body", "byline"]
    for tok in rec["tokens"]:
        assert raw[tok["start"] : tok["end"]] == tok["text"]
    texts = [t["text"] for t in rec["tokens"]]
    assert texts[0] == "রাশি\u09dfা"  # the precomposed letter, as given
    assert "\u09f7" in texts and "21" in texts and "টি" in texts
    for sent in rec["sentences"]:
        piece = raw[sent["start"] : sent["end"]]
        assert piece == piece.strip()


def test_tokenize_records_reports_bad_lines():
    lines = [
        '{"id": 1, "text": "ঠিক আছে।"}',
        "{not json",
        '{"id": 2}',
        '{"id": 3, "text": 42}',
        "[1, 2]",
        '{"id": 4, "text": ""}',
    ]
    out = [json.loads(x) for x in tokenize_records(lines)]
    assert [o.get("id") for o in out] == [1, None, 2, 3, None, 4]
    assert "tokens" in out[0] and len(out[0]["tokens"]) == 3
    assert all("error" in o for o in out[1:5])
    assert out[5] == {"id": 4, "sentences": [], "tokens": []}


def test_tokenize_records_escapes_lone_surrogates():
    (out,) = list(tokenize_records(['{"id": 1, "text": "ক\\ud800খ"}']))
    out.encode("utf-8")
    rec = json.loads(out)
    assert [t["text"] for t in rec["tokens"]] == ["ক\ud800খ"]


def test_analyse_raw_tokens_identity_map_shortcut():
    result = analyse("ঠিক আছে।")
    assert result.raw_tokens("ঠিক আছে।") == [Token(0, 3, "word", "ঠিক", None), Token(4, 7, "word", "আছে", None),
                                            Token(7, 8, "punct", "।", None)]


# ------------------------------------------------------------------ UD gold


def test_token_f1_against_ud_bengali_bru():
    if not UD_TEST.exists():
        pytest.skip("../shared/corpora/ud_bengali_bru is not present")
    prf = token_prf(list(read_conllu(UD_TEST)))
    assert prf.n_gold > 300
    assert prf.f1 >= 0.98, prf
