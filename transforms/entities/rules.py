"""Rule-based mentions: numbers and quantities, hashtags, acronyms (dates live in ``dates``).

Rules see the tokens of one sentence. Dates are found first so a year inside a date is not also a NUMBER.
"""
from __future__ import annotations

import re
import unicodedata

from khobor.transforms.entities.types import Span


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)



# Words that make a number a QUANTITY (Bengali and English units, multipliers and currency).
_UNITS = {
    _nfc(w)
    for w in (
        "কোটি লাখ লক্ষ হাজার শত টাকা ডলার রুপি ইউরো শতাংশ % জন কেজি গ্রাম টন লিটার কিলোমিটার মিটার "
        "সেন্টিমিটার মিলিমিটার ঘণ্টা মিনিট সেকেন্ড দিন দিনের মাস বছর বছরের ডিগ্রি মেগাওয়াট ইউনিট কোচ "
        "টি টা টির জনের টাকার ডলারের percent per cent million billion crore lakh thousand kg km tonnes "
        "tons dollars taka USD BDT Tk riders people"
    ).split()
}
_CURRENCY_PREFIX = {"USD", "BDT", "Tk", "$", "৳", "€", "£", "Rs"}
_MULTIPLIERS = {_nfc(w): m for w, m in {
    "হাজার": 1e3, "লাখ": 1e5, "লক্ষ": 1e5, "কোটি": 1e7, "thousand": 1e3, "lakh": 1e5, "crore": 1e7,
    "million": 1e6, "billion": 1e9,
}.items()}


def _number_value(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)

_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|[A-Z]\d{1,3}|[A-Z]{1,4}-?\d{1,3})$")
_NOT_ORG_ACRONYMS = {"USD", "BDT", "GDP", "CEO", "AM", "PM", "TV", "OK", "EPL", "FM", "MP", "II", "III", "IV"}


def number_spans(tokens, taken: list[tuple[int, int]]) -> list[Span]:
    spans = []
    for i, t in enumerate(tokens):
        if t.kind != "number" or t.value is None or any(s <= t.start < e for s, e in taken):
            continue
        value = _number_value(t.value)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i > 0 else None
        if nxt is not None and _nfc(nxt.text) in _UNITS and nxt.start - t.end <= 1:
            scaled = _number_value(round(t.value * _MULTIPLIERS.get(_nfc(nxt.text), 1), 6))
            spans.append(Span(t.start, nxt.end, "QUANTITY", "rule", 0.85, scaled))
        elif prev is not None and prev.text in _CURRENCY_PREFIX and t.start - prev.end <= 1:
            spans.append(Span(prev.start, t.end, "QUANTITY", "rule", 0.85, value))
        else:
            spans.append(Span(t.start, t.end, "NUMBER", "rule", 0.95, value))
    return spans


def hashtag_spans(tokens) -> list[Span]:
    return [Span(t.start, t.end, "HASHTAG", "rule", 1.0, t.text.lstrip("#")) for t in tokens if t.kind == "hashtag"]


def acronym_spans(tokens) -> list[Span]:
    """Latin acronyms (BRICS, SCO, G20) not otherwise known are organisations more often than not."""
    return [
        Span(t.start, t.end, "ORG", "rule", 0.6, None)
        for t in tokens
        if t.kind in ("latin", "word") and _ACRONYM.match(t.text) and t.text not in _NOT_ORG_ACRONYMS
    ]
