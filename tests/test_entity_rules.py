"""Rule-based mentions: dates (absolute, ranges, relative), numbers, quantities, hashtags, acronyms."""
from __future__ import annotations

from datetime import date

import pytest

from khobor.transforms.entities.rules import acronym_spans, date_spans, hashtag_spans, number_spans, relative_spans
from khobor.transforms.text.tokens import tokenize

PUB = date(2023, 12, 27)  # a Wednesday


def _dates(text: str, published: date | None = PUB) -> list[tuple[str, str | None]]:
    toks = tokenize(text)
    d = date_spans(toks, published)
    r = relative_spans(toks, published, [(x.start, x.end) for x in d])
    return sorted(((text[x.start : x.end], x.value) for x in d + r), key=lambda p: text.index(p[0]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("বৈঠকটি 2021 সালের ডিসেম্বরে হয়", [("2021 সালের ডিসেম্বরে", "2021-12")]),
        ("তিনি ২০২১ সালে ভারত সফর করেন", [("২০২১ সালে", "2021")]),
        ("জয়শঙ্কর 25 থেকে 29 ডিসেম্বর পর্যন্ত সফরে", [("25 থেকে 29 ডিসেম্বর", "2023-12-25/2023-12-29")]),
        ("২২ নভেম্বর ২০২৬ সকাল থেকে বৃষ্টি", [("২২ নভেম্বর ২০২৬", "2026-11-22")]),
        ("Dhaka, 20 November 2026 — signed", [("20 November 2026", "2026-11-20")]),
        ("on November 20, 2026 in Dhaka", [("November 20, 2026", "2026-11-20")]),
        ("২০২২ সালের ফেব্রুয়ারিতে হামলা", [("২০২২ সালের ফেব্রুয়ারিতে", "2022-02")]),
        ("জানুয়ারী 2024 থেকে", [("জানুয়ারী 2024", "2024-01")]),
        ("আগামী বছর রাশিয়া সফরের আমন্ত্রণ", [("আগামী বছর", "2024")]),
        ("গত বছর প্রধানমন্ত্রী সফর করেন", [("গত বছর", "2022")]),
        ("বুধবার ক্রেমলিনে বৈঠক", [("বুধবার", "2023-12-27")]),
        ("সোমবার বৈঠক হয়", [("সোমবার", "2023-12-25")]),
        ("আগামী বছরের জানুয়ারিতে আবার শুরু", [("আগামী বছরের জানুয়ারিতে", "2024-01")]),
        ("আগামী ডিসেম্বর মাসে আসবেন", [("আগামী ডিসেম্বর", "2024-12")]),
        ("চলতি বছরের শেষের আগে", [("চলতি বছরের", "2023")]),
        ("গতকাল ঢাকায় বৃষ্টি", [("গতকাল", "2023-12-26")]),
    ],
)
def test_dates_and_their_values(text, expected):
    assert _dates(text) == expected


def test_relative_dates_without_a_publication_date_have_no_value():
    assert _dates("আগামী বছর রাশিয়া সফর, বুধবার বৈঠক", None) == [("আগামী বছর", None), ("বুধবার", None)]
    assert _dates("৩ অক্টোবর ২৫ বছর পূর্ণ", None) == [("৩ অক্টোবর", None)]


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
