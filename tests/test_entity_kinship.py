"""People named by their kin (``transforms/entities/kinship.py``)."""
from __future__ import annotations

from khobor.transforms.entities.kinship import kin_spans
from khobor.transforms.text.tokens import tokenize


def _kin(text: str) -> list[str]:
    return [text[s.start : s.end] for s in kin_spans(tokenize(text))]


def test_both_sides_of_a_kin_word_are_people():
    assert _kin("ওই এলাকার আলমগীর হোসেনের ছেলে আব্দুল্লাহ এবং মো. শাহিনের ছেলে সাবা।") == [
        "আলমগীর হোসেনের", "আব্দুল্লাহ", "মো. শাহিনের", "সাবা"]


def test_a_place_before_the_parent_is_not_part_of_the_name():
    assert _kin("টাঙ্গারীপাড়ার কামালের ছেলে ওমর ফারুক (৩২)") == ["কামালের", "ওমর ফারুক"]


def test_an_unknown_word_continuing_the_run_leaves_it_alone_and_a_government_is_no_name():
    # রাকিবিল্লাহ is in no table: ছেলে এমডি ... might be cut short, so nothing is said
    assert _kin("ননির ছেলে রাকিব রাকিবিল্লাহ বলেন") == []
    assert "শেখ হাসিনা সরকার" not in _kin("তাঁর মেয়ে শেখ হাসিনা সরকার গঠন করেন")
