"""split_sentences: end marks, full stops that are not ends, and the kinds of lines."""
from __future__ import annotations

import pytest

from khobor.transforms.text.sentences import SENTENCE_KINDS, Sentence, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def kinds(text: str) -> list[str]:
    return [s.kind for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("প্রথম বাক্য। দ্বিতীয় বাক্য।", ["প্রথম বাক্য।", "দ্বিতীয় বাক্য।"]),
        ("কেমন আছেন? ভালো আছি! ঠিক আছে॥ শেষ", ["কেমন আছেন?", "ভালো আছি!", "ঠিক আছে॥", "শেষ"]),
        ("সত্যি?! হ্যাঁ।", ["সত্যি?!", "হ্যাঁ।"]),
        ("করেন।বৈঠকের পর", ["করেন।", "বৈঠকের পর"]),
        ("হয়েছিল৷ তারপর", ["হয়েছিল৷", "তারপর"]),
        ("কিছু করি না । তুমি ?", ["কিছু করি না ।", "তুমি ?"]),
    ],
)
def test_end_marks(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('তিনি বলেন, "আমরা আনন্দিত হব।" বৈঠকের পর', ['তিনি বলেন, "আমরা আনন্দিত হব।"', "বৈঠকের পর"]),
        ("বলেন, “আমরা কাজ করছি।” তবে তিনি", ["বলেন, “আমরা কাজ করছি।”", "তবে তিনি"]),
        ("তিনি লিখেছেন ‘ভালো।’ আর কিছু না।", ["তিনি লিখেছেন ‘ভালো।’", "আর কিছু না।"]),
        ("(এটি একটি নোট।) পরের বাক্য।", ["(এটি একটি নোট।)", "পরের বাক্য।"]),
        ('"প্রথম। দ্বিতীয়। তৃতীয়।"', ['"প্রথম।', "দ্বিতীয়।", 'তৃতীয়।"']),
        ('"আমরা সক্ষম হব," পুতিন বলেন।', ['"আমরা সক্ষম হব," পুতিন বলেন।']),
    ],
)
def test_closing_quotes_and_brackets_stay_with_their_sentence(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("G20 এবং UN. আমাদের সহযোগিতা।", ["G20 এবং UN.", "আমাদের সহযোগিতা।"]),
        ("The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
        ("ড. মুহাম্মদ ইউনূস বলেন।", ["ড. মুহাম্মদ ইউনূস বলেন।"]),
        ("মো. আব্দুল করিম ও মোছা. রহিমা এসেছেন।", ["মো. আব্দুল করিম ও মোছা. রহিমা এসেছেন।"]),
        ("ডা. রহমান ও মি. খান এবং মিসেস. খান।", ["ডা. রহমান ও মি. খান এবং মিসেস. খান।"]),
        ("পররাষ্ট্রমন্ত্রী এস. জয়শঙ্কর বলেন।", ["পররাষ্ট্রমন্ত্রী এস. জয়শঙ্কর বলেন।"]),
        ("এ. কে. এম. ফজলুল হক এসেছেন।", ["এ. কে. এম. ফজলুল হক এসেছেন।"]),
        ("Dr. Rahman met Mr. Khan, e.g. at noon. Then left.", ["Dr. Rahman met Mr. Khan, e.g. at noon.", "Then left."]),
        ("হার ৩.৫ শতাংশ ও 12.75 ডলার।", ["হার ৩.৫ শতাংশ ও 12.75 ডলার।"]),
        ("দূরত্ব ৫ কি.মি. পথ।", ["দূরত্ব ৫ কি.মি. পথ।"]),
        ("দেখুন www.example.com/a?b=1 ও https://x.org/p?q=2 তারপর।", ["দেখুন www.example.com/a?b=1 ও https://x.org/p?q=2 তারপর।"]),
        ("দেখুন https://x.org/p?q! তারপর।", ["দেখুন https://x.org/p?q!", "তারপর।"]),
        ("লিখুন info@example.com এ। তারপর।", ["লিখুন info@example.com এ।", "তারপর।"]),
        ("অপেক্ষা... তারপর এল।", ["অপেক্ষা... তারপর এল।"]),
        ("১. প্রথম দফা", ["১. প্রথম দফা"]),
        ("It was approx. five. Yes.", ["It was approx. five.", "Yes."]),
        ("He left in 2021. Next year.", ["He left in 2021.", "Next year."]),
    ],
)
def test_full_stops(text, expected):
    assert texts(text) == expected


def test_every_newline_ends_a_sentence():
    text = "প্রথম লাইন কোনো দাঁড়ি ছাড়া\nদ্বিতীয় লাইন। তৃতীয় বাক্য\n\nনতুন অনুচ্ছেদ।"
    assert texts(text) == ["প্রথম লাইন কোনো দাঁড়ি ছাড়া", "দ্বিতীয় লাইন।", "তৃতীয় বাক্য", "নতুন অনুচ্ছেদ।"]
    assert kinds(text) == ["heading", "body", "body", "body"]


def test_headings_hashtags_and_byline():
    text = (
        "পুতিনের ভারত সফর\n"
        "প্রথম অনুচ্ছেদ। আরেকটি বাক্য।\n\n"
        "নতুন পারমাণবিক প্রকল্প\n"
        "শেষ অনুচ্ছেদ।\n"
        "#রাশিয়া #ভারত #পুতিন\n"
        "সারাক্ষণ রিপোর্ট"
    )
    assert kinds(text) == ["heading", "body", "body", "heading", "body", "hashtags", "byline"]


@pytest.mark.parametrize(
    "last", ["নিজস্ব প্রতিবেদক", "Staff Reporter", "By Rafiq Islam", "ঢাকা অফিস", "সারাক্ষণ রিপোর্ট"]
)
def test_trailing_bylines(last):
    text = f"শিরোনাম\nএকটি বাক্য। আরেকটি।\n{last}"
    assert kinds(text)[-1] == "byline"


def test_byline_opening_a_line_is_a_byline_anywhere():
    text = "শিরোনাম\nনিজস্ব প্রতিবেদক\nএকটি বাক্য। আরেকটি বাক্য।"
    assert kinds(text) == ["heading", "byline", "body", "body"]


def test_single_line_document_is_a_heading_not_a_byline():
    assert kinds("ড. ইউনূসের সঙ্গে সচিবদের বৈঠক") == ["heading"]


def test_a_line_ending_in_a_full_stop_is_marked():
    assert kinds("শিরোনাম\nG20 এবং UN.\nশেষ।") == ["heading", "body", "body"]
    assert kinds("শিরোনাম\nড. ইউনূসের বৈঠক\nশেষ।") == ["heading", "heading", "body"]


def test_unmarked_long_line_or_colon_line_is_body():
    long_line = " ".join(["শব্দ"] * 25)
    assert kinds(long_line + "\nবাক্য।") == ["body", "body"]
    assert kinds("সিদ্ধান্তগুলো হলো:\nপ্রথম সিদ্ধান্ত।") == ["body", "body"]


def test_an_end_mark_opening_a_sentence_ends_it():
    assert texts("। তারপর কথা") == ["।", "তারপর কথা"]
    assert texts("কিছু না ।") == ["কিছু না ।"]


def test_tail_of_a_marked_line_is_body():
    assert split_sentences("এক। দুই") == [Sentence(0, 3, "body"), Sentence(4, 7, "body")]


def test_offsets_exclude_surrounding_whitespace():
    text = "  \n  এক।   দুই।  \n\n  তিন  \n"
    sents = split_sentences(text)
    assert [text[s.start : s.end] for s in sents] == ["এক।", "দুই।", "তিন"]
    for s in sents:
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_kinds_are_from_the_contract():
    text = "শিরোনাম\nবাক্য।\n#ট্যাগ\nনিজস্ব প্রতিবেদক"
    assert {s.kind for s in split_sentences(text)} <= set(SENTENCE_KINDS)
