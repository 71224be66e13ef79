"""Rule-based mentions: numbers, quantities, hashtags, acronyms (dates: test_entity_dates.py)."""
from __future__ import annotations

from khobor.transforms.entities.dates import date_spans
from khobor.transforms.entities.rules import acronym_spans, hashtag_spans, number_spans
from khobor.transforms.text.tokens import tokenize


def test_numbers_quantities_and_years_in_dates_are_not_numbers():
    text = "2021 সালের ডিসেম্বরে 21টি সম্মেলন, ৩ লাখ মানুষ, ১২.৫ সেন্টিমিটার, USD 1.2 billion"
    toks = tokenize(text)
    dates = date_spans(toks, None)
    nums = number_spans(toks, [(d.start, d.end) for d in dates])
    got = [(text[s.start : s.end], s.label, s.value) for s in nums]
    assert ("2021", "NUMBER", "2021") not in got
    assert ("21টি", "QUANTITY", "21") in got
    assert ("৩ লাখ", "QUANTITY", "300000") in got
    assert ("1.2 billion", "QUANTITY", "1200000000") in got
    assert ("১২.৫ সেন্টিমিটার", "QUANTITY", "12.5") in got


def test_hashtags_and_acronyms():
    text = "#রাশিয়া #ভারত নিয়ে BRICS, SCO, G20 এবং UN. USD নয়"
    toks = tokenize(text)
    assert [(text[s.start : s.end], s.value) for s in hashtag_spans(toks)] == [("#রাশিয়া", "রাশিয়া"), ("#ভারত", "ভারত")]
    assert [text[s.start : s.end] for s in acronym_spans(toks)] == ["BRICS", "SCO", "G20", "UN"]
