"""Tokenization with exact code-point offsets.

Contract (the spine relies on it):
- ``tokenize(text, start=0, end=None) -> list[Token]`` tokenizes ``text[start:end]``; offsets are
  absolute into ``text`` and ``text[t.start:t.end] == t.text`` always holds.
- ``Token(start, end, kind, text, value)``: ``kind`` one of ``TOKEN_KINDS``; ``value`` is the numeric
  value of a number token (Bengali or ASCII digits), else ``None``.

Rules:
- ``word``: a run of Bengali letters and marks (ZWJ/ZWNJ inside); or a word of another non-Latin
  script. ``latin``: a Latin-script word or acronym (BRICS, G20, U.S.). Combining marks are always
  word-internal.
- ``number``: decimal digits of any script, with thousands groups (1,234 / lakh ১২,৩৪,৫৬৭) and one
  decimal part (১২.৫); ``value`` is the float (২০২১ -> 2021.0). A classifier is a separate word:
  21টি -> ``21`` + ``টি``; a number spelt in letters (পাঁচটি) is one word.
- Hyphens: ``-`` is always a token of its own, between letters (ইন্দো - প্যাসিফিক, X - এ) and
  between numbers (2024 - 28), so every number keeps a value and every name in ভারত-রাশিয়া is
  its own token. This matches the spaCy-style tokens of the banglakit NER corpus; a compound is
  recoverable as adjacent tokens with no gap.
- ``hashtag``: ``#`` plus word characters (#রাশিয়া). ``url`` (scheme:// or www.) and ``email``.
- ``punct``: Unicode punctuation, one character each, except runs of dots (``...``) and of
  hyphens (``--``); ``…``, em/en dashes and quotes are single punct tokens. ``symbol``: Unicode
  symbols (৳ $ + = ©) and % ‰.
- A ``.`` right after an abbreviation or initial (ড. মো. এস. Dr. J.) is part of that token; the
  sentence splitter uses the same rule (``khobor.transforms.text.abbreviations.is_abbreviation``).

For whole documents: ``tokenize_sentences(text, sentences)`` gives each sentence's tokens exactly
as one ``tokenize`` call per sentence would, from a single pass over the text, and
``token_columns(text, sentences)`` the same tokens as table columns with their sentence index
(no tuple per token: the cheapest form for building the tokens table).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from itertools import accumulate, chain, compress, repeat
from operator import eq, gt, itemgetter, sub
from typing import NamedTuple

from khobor.transforms.text.abbreviations import is_abbreviation
from khobor.transforms.text.unicode_tables import LATIN_LETTERS, MARKS, MARKS_BMP, ZWJ, ZWNJ, has_astral

TOKEN_KINDS = ("word", "number", "punct", "hashtag", "url", "email", "latin", "symbol")


class Token(NamedTuple):
    start: int
    end: int
    kind: str
    text: str
    value: float | None


BENGALI_WORD_CHARS = "\u0980-\u09e5\u09f0\u09f1\u09fc\u09fe" + ZWNJ + ZWJ
_LATIN_LETTERS = LATIN_LETTERS
_URL_STOP = "\\s<>\"“”‘’«»\u0980-\u09ff\u0964\u0965"

URL_PATTERN = (
    "(?:(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://|[Ww][Ww][Ww]\\.)"
    f"[^{_URL_STOP}]*[^{_URL_STOP}.,;:!?)\\]}}'’]"
)
EMAIL_PATTERN = "[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"

_COMMON_PUNCT = "।,;:!?()\\[\\]{}\"'“”‘’—–/|%"


def _token_pattern(marks: str) -> str:
    """Leading whitespace plus one token; the order puts the frequent kinds first."""
    return (
        "\\s*(?:"
        f"[{BENGALI_WORD_CHARS}][{BENGALI_WORD_CHARS}{marks}]*"
        f"|[{_COMMON_PUNCT}]"
        f"|{EMAIL_PATTERN}"
        "|\\d+(?:,\\d{2,3}(?!\\d))*(?:\\.\\d+)?"
        f"|{URL_PATTERN}"
        "|(?:[A-Za-z]\\.){2,}"
        f"|[{_LATIN_LETTERS}](?:[{_LATIN_LETTERS}0-9{marks}]|[{ZWNJ}{ZWJ}](?=[{_LATIN_LETTERS}]))*"
        f"|#(?:[\\w{BENGALI_WORD_CHARS}{marks}])+"
        "|\\.{2,}|-{2,}"
        f"|[^\\W\\d_](?:[^\\W_]|[{marks}]|[{ZWNJ}{ZWJ}](?=[^\\W\\d_]))*"
        f"|\\S(?:[{marks}]|[{ZWNJ}{ZWJ}]\\S)*"
        ")"
    )


# findall hands back every token with the whitespace before it, so the running sum of the
# match lengths gives each token's end; astral marks slow re down, so they get their own pattern.
_FIND_BMP = re.compile(_token_pattern(MARKS_BMP)).findall
_FIND_ALL = re.compile(_token_pattern(MARKS)).findall

# Sentinel kinds for first characters whose token needs a second look.
_NUM = "#number"
_HASH = "#hash"
_DOT = "#dot"
_SYMBOL_PUNCT = frozenset("%‰‱")

_first = itemgetter(0)
_second = itemgetter(1)
_new = tuple.__new__


def _kind_of_char(ch: str) -> str:
    if "\u0980" <= ch <= "\u09ff" and re.match(f"[{BENGALI_WORD_CHARS}]", ch):
        return "word"
    if ch == "#":
        return _HASH
    if ch == ".":
        return _DOT
    if ch.isdecimal():
        return _NUM
    if ch in _SYMBOL_PUNCT:
        return "symbol"
    cat = unicodedata.category(ch)
    if ch.isascii() and ch.isalpha() or re.match(f"[{_LATIN_LETTERS}]", ch):
        return "latin"
    if cat[0] in "LM":
        return "word"
    if cat[0] == "P":
        return "punct"
    return "symbol"


_KIND = {chr(c): _kind_of_char(chr(c)) for c in list(range(0x20, 0x250)) + list(range(0x0980, 0x0A00))}
for _c in "\u0964\u0965\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20b9\u2032\u2033":
    _KIND[_c] = _kind_of_char(_c)
_KIND[ZWNJ] = _KIND[ZWJ] = "word"
_kind_get = _KIND.get


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return _tokenize(text, start, end)[0]


def _tokenize(text: str, start: int = 0, end: int | None = None):
    """(tokens, starts, ends) of text[start:end]: the tokens and, as plain lists, their offsets."""
    starts, ends, kinds, toks, values = _columns(text, start, end)
    tokens = list(map(_new, repeat(Token), zip(starts, ends, kinds, toks, values or repeat(None))))
    return tokens, starts, ends


def _columns(text: str, start: int = 0, end: int | None = None):
    """(starts, ends, kinds, texts, values) of the tokens of text[start:end], as plain lists;
    ``values`` is None when there is no number."""
    n = len(text)
    end = n if end is None else min(end, n)
    start = max(start, 0)
    if start >= end:
        return [], [], [], [], None
    seg = text if start == 0 and end == n else text[start:end]
    found = (_FIND_ALL if has_astral(seg) else _FIND_BMP)(seg)
    if not found:
        return [], [], [], [], None
    toks = list(map(str.lstrip, found))
    ends = list(accumulate(map(len, found), initial=start))
    del ends[0]
    starts = list(map(sub, ends, map(len, toks)))
    kinds = list(map(_kind_get, map(_first, toks)))
    present = set(kinds)
    values = None
    if None in present:
        _fill_unknown(kinds, toks)
        present = set(kinds)
    if ("latin" in present or _NUM in present) and _linkish(seg):
        _mark_links(kinds, toks)
    if _DOT in present:  # first: it may merge tokens
        _attach_abbreviation_dots(starts, ends, kinds, toks)
    if _NUM in present:
        values = _number_values(kinds, toks)
    if _HASH in present:
        _replace(kinds, toks, _HASH, lambda t: "hashtag" if len(t) > 1 else "punct")
    return starts, ends, kinds, toks, values


def _linkish(seg: str) -> bool:
    # Substring tests: re scans an alternation several times slower than str.find.
    return "@" in seg or "://" in seg or "ww." in seg or "WW." in seg


def _indices(kinds: list, kind) -> list[int]:
    return list(compress(range(len(kinds)), map(eq, kinds, repeat(kind))))


def _fill_unknown(kinds: list, toks: list[str]) -> None:
    for i in _indices(kinds, None):
        ch = toks[i][0]
        kinds[i] = _KIND[ch] = _kind_of_char(ch)


def _replace(kinds: list, toks: list[str], sentinel: str, decide) -> None:
    for i in _indices(kinds, sentinel):
        kinds[i] = decide(toks[i])


def _mark_links(kinds: list, toks: list[str]) -> None:
    for i, (k, t) in enumerate(zip(kinds, toks)):
        if k == "latin" or k == _NUM:
            if "@" in t:
                kinds[i] = "email"
            elif "://" in t or t[:4].lower() == "www.":
                kinds[i] = "url"


def _number_values(kinds: list, toks: list[str]) -> list:
    values = [None] * len(toks)
    idx = _indices(kinds, _NUM)
    for i, v in zip(idx, map(number_value, map(toks.__getitem__, idx))):
        kinds[i] = "number"
        values[i] = v
    return values


def number_value(text: str) -> float | None:
    """The value of a number token: separators dropped, digits of any script (২০২১ -> 2021.0)."""
    try:
        return float(text.replace(",", "") if "," in text else text)
    except ValueError:
        return None


def _attach_abbreviation_dots(starts: list, ends: list, kinds: list, toks: list) -> None:
    drop = []
    for i in _indices(kinds, _DOT):
        kinds[i] = "punct"
        if i and toks[i] == "." and ends[i - 1] == starts[i] and kinds[i - 1] in ("word", "latin"):
            if is_abbreviation(toks[i - 1]):
                ends[i - 1] = ends[i]
                toks[i - 1] += "."
                drop.append(i)
    for i in reversed(drop):
        del starts[i], ends[i], kinds[i], toks[i]


def tokenize_sentences(text: str, sentences) -> list[list[Token]]:
    """Tokens of each sentence, exactly as ``tokenize(text, s.start, s.end)`` would give them.

    Tokenizes the stretch from the first sentence to the last in one pass and cuts the stream
    at sentence starts, which is much cheaper than one call per sentence; a sentence whose
    tokens would run past its end is tokenized on its own.
    """
    if not sentences:
        return []
    toks, starts, ends = _tokenize(text, sentences[0][0], sentences[-1][1])
    if not toks:
        return [[] for _ in sentences]
    cut = list(map(bisect.bisect_left, repeat(starts), map(_first, sentences)))
    cut.append(len(toks))
    nxt = cut[1:]
    out = list(map(toks.__getitem__, map(slice, cut, nxt)))
    # Sentences cover every non-space character, so a chunk can only be wrong if a token ran
    # past a sentence end: compare the end of each chunk's last token with its sentence's end.
    last_ends = map(ends.__getitem__, map(sub, nxt, repeat(1)))
    if any(map(gt, last_ends, map(_second, sentences))):
        for k, s in enumerate(sentences):
            if nxt[k] and ends[nxt[k] - 1] > s[1]:
                out[k] = tokenize(text, s[0], s[1])
                if k + 1 < len(sentences):
                    out[k + 1] = tokenize(text, sentences[k + 1][0], sentences[k + 1][1])
    return out


class TokenColumns(NamedTuple):
    """The tokens of a text as columns, one entry per token, ready for a table."""

    sentence: list[int]  # index into the sentence list
    start: list[int]
    end: list[int]
    kind: list[str]
    text: list[str]
    value: list  # float for numbers, else None


def token_columns(text: str, sentences) -> TokenColumns:
    """What ``tokenize_sentences`` gives, as columns instead of Token tuples.

    Building a table needs columns anyway, and skipping one tuple per token makes this the
    cheapest way to get every token of a document with its sentence.
    """
    if not sentences:
        return TokenColumns([], [], [], [], [], [])
    starts, ends, kinds, toks, values = _columns(text, sentences[0][0], sentences[-1][1])
    cut = list(map(bisect.bisect_left, repeat(starts), map(_first, sentences)))
    cut.append(len(starts))
    nxt = cut[1:]
    if starts and any(map(gt, map(ends.__getitem__, map(sub, nxt, repeat(1))), map(_second, sentences))):
        # A token ran past a sentence end: take the slow road, sentence by sentence.
        per_sentence = tokenize_sentences(text, sentences)
        flat = [t for sent in per_sentence for t in sent]
        sentence = list(chain.from_iterable(map(repeat, range(len(sentences)), map(len, per_sentence))))
        return TokenColumns(sentence, *map(list, zip(*flat))) if flat else TokenColumns([], [], [], [], [], [])
    sentence = list(chain.from_iterable(map(repeat, range(len(sentences)), map(sub, nxt, cut))))
    return TokenColumns(sentence, starts, ends, kinds, toks, values or [None] * len(starts))
