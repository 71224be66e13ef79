"""Properties of the text layer over arbitrary Unicode (hypothesis).

clean_text, split_sentences and tokenize never crash, and their offsets always hold.
"""
from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khobor.transforms.text import unicode_tables as text_unicode
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.sentences import SENTENCE_KINDS, split_sentences
from khobor.transforms.text.tokens import TOKEN_KINDS, token_columns, tokenize, tokenize_sentences
from tests.test_cleaning import assert_offsets_exact

# KHOBOR_TEXT_EXAMPLES=5000 for a longer hunt.
SETTINGS = settings(
    max_examples=int(os.environ.get("KHOBOR_TEXT_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

any_text = st.text(st.characters(codec=None) | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
# Text made of what news pipelines actually meet, so that interesting cases are frequent.
NEWSY = (
    "অআইউএওকখগঘচছজটডঢতথদনপবভমযরলশসহড়ঢ়য়"  # letters, composed nukta letters too
    "ািীুূৃেৈোৌ্ংঃঁ়"  # signs
    "\u09dc\u09dd\u09df\u09f7।॥০১২৩৯"  # precomposed nukta, currency danda, danda, digits
    "abcXYZ0129.,;:!?\"'-–—…()#@%/ "
    "“”‘’\u200c\u200d\u200b\ufeff\u00a0\u2003\t\r\n\x00\x07\u00ad\u0301\u0308"
)
news_text = st.text(st.sampled_from(NEWSY), max_size=120)

FORBIDDEN = {"Cc", "Cs", "Co", "Cn"}


def assert_clean_shape(text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    assert text == text.strip()
    for bad in ("  ", " \n", "\n ", "\n\n\n"):
        assert bad not in text
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if ch in "\u200c\u200d":
            assert 0 < i < len(text) - 1 and text[i + 1] not in "\u200c\u200d"
            assert unicodedata.category(text[i - 1])[0] in "LMS" and unicodedata.category(text[i + 1])[0] in "LMS"
        elif ch != "\n":
            assert cat not in ("Cc", "Cf", "Cs"), (i, hex(ord(ch)))
            assert not ch.isspace() or ch == " "
    assert "\u09dc" not in text and "\u09dd" not in text and "\u09df" not in text and "\u09f7" not in text


@SETTINGS
@given(any_text)
def test_clean_text_on_any_text(raw):
    cleaned = clean_text(raw)
    assert_clean_shape(cleaned.text)
    assert_offsets_exact(raw, cleaned)
    assert clean_text(cleaned.text).text == cleaned.text


@SETTINGS
@given(news_text)
def test_clean_text_on_newsy_text(raw):
    cleaned = clean_text(raw)
    assert_clean_shape(cleaned.text)
    assert_offsets_exact(raw, cleaned)
    m = cleaned.offset_map
    for tok in tokenize(cleaned.text):
        a, b = m.span_to_raw(tok.start, tok.end)
        assert clean_text(raw[a:b]).text == tok.text, (tok, raw[a:b])


def assert_sentences(text: str, sentences) -> None:
    covered = [False] * len(text)
    last_end = 0
    for s in sentences:
        assert s.kind in SENTENCE_KINDS
        assert last_end <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip() and "\n" not in piece
        covered[s.start : s.end] = [True] * (s.end - s.start)
        last_end = s.end
    assert all(c or ch.isspace() for c, ch in zip(covered, text))


@SETTINGS
@given(any_text)
def test_split_sentences_on_any_text(text):
    assert_sentences(text, split_sentences(text))


@SETTINGS
@given(news_text)
def test_split_sentences_on_newsy_text(raw):
    text = clean_text(raw).text
    assert_sentences(text, split_sentences(text))


def assert_tokens(text: str, start: int, end: int, toks) -> None:
    lo, hi = max(start, 0), min(end, len(text))
    previous = lo
    covered = set()
    for t in toks:
        assert t.kind in TOKEN_KINDS
        assert text[t.start : t.end] == t.text
        assert previous <= t.start < t.end <= hi
        assert not any(c.isspace() for c in t.text)
        assert (t.value is not None) == (t.kind == "number")
        covered.update(range(t.start, t.end))
        previous = t.end
    assert all(i in covered or text[i].isspace() for i in range(lo, hi))


@SETTINGS
@given(any_text, st.integers(-3, 60), st.integers(-3, 60))
def test_tokenize_on_any_text(text, start, end):
    assert_tokens(text, 0, len(text), tokenize(text))
    assert_tokens(text, start, end, tokenize(text, start, end))


@SETTINGS
@given(st.one_of(any_text, news_text))
def test_tokenize_sentences_equals_one_call_per_sentence(raw):
    text = clean_text(raw).text
    sents = split_sentences(text)
    assert tokenize_sentences(text, sents) == [tokenize(text, s.start, s.end) for s in sents]
    sents = split_sentences(raw)
    assert tokenize_sentences(raw, sents) == [tokenize(raw, s.start, s.end) for s in sents]


def test_unicode_tables_match_this_interpreter():
    assert text_unicode.UNICODE_VERSION == unicodedata.unidata_version
    marks, formats, nfc_unsafe = text_unicode.generate()
    assert marks == list(text_unicode.MARK_RANGES)
    assert formats == list(text_unicode.FORMAT_RANGES)
    assert nfc_unsafe == list(text_unicode.NFC_UNSAFE_RANGES)
    assert sorted(text_unicode.SPACE_CHARS) == [chr(c) for c in range(0x3001) if chr(c).isspace()]


def test_has_astral():
    assert not text_unicode.has_astral("") and not text_unicode.has_astral("অ a \ud800")
    assert text_unicode.has_astral("a\U0001f600") and text_unicode.has_astral("\U00010000")



@SETTINGS
@given(st.one_of(any_text, news_text))
def test_token_columns_equal_the_tokens_of_each_sentence(raw):
    for text in (raw, clean_text(raw).text):
        sents = split_sentences(text)
        cols = token_columns(text, sents)
        expected = [(k, *tok) for k, toks in enumerate(tokenize_sentences(text, sents)) for tok in toks]
        assert list(zip(*cols)) == expected
