"""clean_text: what the clean text looks like, and that the offset map is exact."""
from __future__ import annotations

import unicodedata

import pytest

from khobor.transforms.text.cleaning import Cleaned, OffsetMap, clean_text

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _same_char(raw_ch: str, clean_ch: str) -> bool:
    """Where the texts advance together a character is kept or swapped one for one."""
    if raw_ch == clean_ch:
        return True
    if clean_ch == "\u0964":
        return raw_ch == "\u09f7"
    if clean_ch == " ":
        return raw_ch.isspace()
    if clean_ch == "\n":
        return raw_ch in LINE_BREAKS
    return unicodedata.normalize("NFC", raw_ch) == clean_ch


def changed_positions(m: OffsetMap) -> set[int]:
    """Clean positions inside a changed stretch: between breakpoints whose distances differ."""
    cps, rps = m.clean_pos, m.raw_pos
    out: set[int] = set()
    for k in range(len(cps) - 1):
        if cps[k + 1] - cps[k] != rps[k + 1] - rps[k]:
            out.update(range(cps[k], cps[k + 1]))
    return out


def assert_offsets_exact(raw: str, cleaned: Cleaned) -> None:
    text, m = cleaned.text, cleaned.offset_map
    assert m.pairs()[0] == (0, 0)
    assert list(m.clean_pos) == sorted(m.clean_pos) and list(m.raw_pos) == sorted(m.raw_pos)
    previous = 0
    for i in range(len(text) + 1):
        r, r_end = m.to_raw(i), m.to_raw_end(i)
        assert 0 <= r_end <= r <= len(raw), (i, r_end, r)
        assert r >= previous, f"map goes backwards at clean {i}"
        previous = r
    changed = changed_positions(m)
    for i, ch in enumerate(text):
        if i not in changed:
            r = m.to_raw(i)
            assert _same_char(raw[r], ch), (i, ch, raw[r])
            assert m.to_raw_end(i + 1) == r + 1, i


def check(raw: str) -> Cleaned:
    cleaned = clean_text(raw)
    assert_offsets_exact(raw, cleaned)
    return cleaned


# ------------------------------------------------------------------ NFC and nukta


@pytest.mark.parametrize(
    "precomposed, decomposed",
    [("\u09df", "\u09af\u09bc"), ("\u09dc", "\u09a1\u09bc"), ("\u09dd", "\u09a2\u09bc")],
)
def test_nukta_letters_are_stored_decomposed(precomposed, decomposed):
    word_pre = "রাশি" + precomposed + "া"
    word_dec = "রাশি" + decomposed + "া"
    assert check(word_pre).text == check(word_dec).text == word_dec
    assert unicodedata.normalize("NFC", word_pre) == word_dec  # the form NFC itself picks


def test_nukta_offsets_point_at_the_precomposed_letter():
    raw = "রাশি\u09dfা ও ভারত"
    cleaned = check(raw)
    m = cleaned.offset_map
    start = cleaned.text.index("ও")
    assert raw[m.to_raw(start)] == "ও"
    assert m.span_to_raw(0, 7) == (0, 6)  # রাশিয়া: 7 code points clean, 6 raw
    assert raw[slice(*m.span_to_raw(0, 7))] == "রাশি\u09dfা"


def test_split_vowel_signs_compose_and_other_scripts_normalise():
    assert check("ক\u09c7\u09be").text == "কো"
    assert check("প\u09c7\u09d7ঁছ").text == "পৌঁছ"
    assert check("cafe\u0301").text == "café"
    assert check("\u212b").text == "\u00c5"  # ANGSTROM SIGN is a singleton


def test_clean_text_is_nfc_and_idempotent():
    raw = " ক\u09c7\u09be\u00a0\u09df\u200b e\u0301\r\n\r\n\r\nx\u200c "
    text = check(raw).text
    assert unicodedata.is_normalized("NFC", text)
    again = clean_text(text)
    assert again.text == text
    assert again.offset_map.pairs() == [(0, 0)]


# ------------------------------------------------------------------ dandas


def test_currency_numerator_four_becomes_danda_one_for_one():
    raw = "হয়েছিল\u09f7 তিনি বলেন\u09f7"
    cleaned = check(raw)
    assert cleaned.text == raw.replace("\u09f7", "\u0964")
    assert cleaned.offset_map.pairs() == [(0, 0)]


def test_double_danda_and_latin_full_stop_are_kept():
    raw = "ধন্য॥ G20 এবং UN. আমাদের"
    assert check(raw).text == raw


# ------------------------------------------------------------------ joiners and invisibles


@pytest.mark.parametrize(
    "raw",
    [
        "র\u200d\u09cd\u09af\u09be\u09ac",  # র‍্যাব: ZWJ between র and hasanta
        "ক\u09cd\u200cষ",  # ZWNJ between consonant+hasanta and the next consonant
        "জ্ঞা\u200cন",
    ],
)
def test_meaningful_joiners_are_kept(raw):
    assert check(raw).text == raw


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u200cকথা", "কথা"),  # word start
        ("কথা\u200d", "কথা"),  # word end (and text end)
        ("কথা\u200c বলা", "কথা বলা"),  # next to a space
        ("কথা \u200dবলা", "কথা বলা"),
        ("কথা\u200c।", "কথা।"),  # next to punctuation
        ("র\u200d\u200d\u09cd\u09af", "র\u200d\u09cd\u09af"),  # doubled
        ("ক\u09cd\u200c\u200c\u200cষ", "ক\u09cd\u200cষ"),
        ("১\u200c২", "১২"),  # digits do not join
    ],
)
def test_stray_joiners_are_dropped(raw, expected):
    assert check(raw).text == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\ufeffকথা", "কথা"),
        ("ক\ufeffথা", "কথা"),  # a BOM anywhere
        ("কথা\u200bবলা", "কথাবলা"),
        ("a\u200eb\u200fc", "abc"),
        ("ab\u00adc", "abc"),
        ("a\x00b\x07c\x7fd\x9be", "abcde"),
        ("a\u2066b\u2069c\u202ad\u202ce", "abcde"),
        ("a\ud800b", "ab"),  # a lone surrogate
        ("a\U000e0041b", "ab"),  # a tag character
    ],
)
def test_other_invisibles_are_dropped(raw, expected):
    assert check(raw).text == expected


def test_emoji_zwj_sequence_is_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert check(f"ok {family} ok").text == f"ok {family} ok"


# ------------------------------------------------------------------ whitespace


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\u00a0b", "a b"),
        ("a\tb", "a b"),
        ("a\u2002b\u2009c\u202fd\u205fe\u3000f", "a b c d e f"),
        ("a  \t b", "a b"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\rb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\n\nb"),
        ("a  \nb", "a\nb"),
        ("a\n  b", "a\nb"),
        ("a\n \n \nb", "a\n\nb"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("  a b  ", "a b"),
        ("\n\na\n\n", "a"),
        (" \t\u00a0\n ", ""),
        ("a\n\nb\nc", "a\n\nb\nc"),
    ],
)
def test_whitespace(raw, expected):
    assert check(raw).text == expected


def test_paragraph_and_line_structure_is_kept_with_an_identity_map():
    raw = "শিরোনাম\nপ্রথম অনুচ্ছেদ। দ্বিতীয় বাক্য।\n\nদ্বিতীয় অনুচ্ছেদ।"
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.offset_map == OffsetMap()


def test_empty_text():
    assert clean_text("") == Cleaned("")


# ------------------------------------------------------------------ offset map


def test_offset_map_of_deletions_biases_starts_right_and_ends_left():
    raw = "ক  খ\u200b"
    cleaned = check(raw)
    m = cleaned.offset_map
    assert cleaned.text == "ক খ"
    assert m.to_raw(2) == 3  # খ
    assert m.span_to_raw(2, 3) == (3, 4)  # the dropped ZWSP is not part of খ
    assert m.span_to_raw(0, 1) == (0, 1)
    assert m.to_raw(3) == 5 and m.to_raw_end(3) == 4


def test_offset_map_on_a_messy_text_recovers_every_kept_character():
    raw = "\ufeff  শিরো\u09dfনাম\u00a0\u00a0\r\n\r\n\r\nরাশি\u09dfা\u09f7 ক\u09c7\u09be\u200b\tX-এ 21টি\u200c  \n\n\n"
    cleaned = check(raw)
    assert cleaned.text == "শিরোয়নাম\n\nরাশিয়া। কো X-এ 21টি"
    for word in ("শিরোয়নাম", "রাশিয়া", "X-এ", "21টি"):
        i = cleaned.text.index(word)
        a, b = cleaned.offset_map.span_to_raw(i, i + len(word))
        assert unicodedata.normalize("NFC", raw[a:b]) == word


def test_seed_with_two_currency_dandas(seeds_dir):
    raw = (seeds_dir / "putin-modi-invitation.bn.txt").read_text(encoding="utf-8")
    cleaned = check(raw)
    assert raw.count("\u09f7") == 2 and "\u09f7" not in cleaned.text
    assert cleaned.offset_map.pairs() == [(0, 0)]
    assert unicodedata.is_normalized("NFC", cleaned.text)


def test_seed_with_trailing_blank_lines(seeds_dir):
    raw = (seeds_dir / "putin-india-visit.bn.txt").read_text(encoding="utf-8")
    cleaned = check(raw)
    assert raw.endswith("\n" * 20)
    assert cleaned.text == raw.rstrip()
    assert cleaned.text.count("\n\n") == raw.rstrip().count("\n\n")
