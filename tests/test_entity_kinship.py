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


def test_in_laws_parents_and_siblings_are_kin_words_too():
    assert _kin("জিয়াউল হক মৃধার জামাতা রেজাউল ইসলাম ভূঁইয়া এবং তাহিদা বেগমের মা রহিমা বেগম জানান।") == [
        "জিয়াউল হক মৃধার", "রেজাউল ইসলাম ভূঁইয়া", "তাহিদা বেগমের", "রহিমা বেগম"]
    assert _kin("আমার মায়ের উত্তম সন্তান হতে চাই।") == []  # a kin word in the genitive names no one after it


def test_a_common_word_after_a_kin_word_is_no_name():
    assert _kin("স্ত্রী খুঁজছে স্বামীকে আর সন্তান খুঁজছে বাবাকে। আমার বাবা সারা জীবন খেটেছেন।") == []


def test_a_models_span_across_a_kin_word_is_two_people():
    from khobor.transforms.entities.kinship import split_at_kin
    from khobor.transforms.entities.types import Span

    text = "তারেক রহমানের শাশুড়ি সৈয়দা ইকবাল মান্দ বানু মারা গেছেন।"
    end = text.index("মান্দ") - 1
    parts = split_at_kin(Span(0, end, "PERSON", "model", 0.9), tokenize(text))
    assert [text[s.start : s.end] for s in parts] == ["তারেক রহমানের", "সৈয়দা ইকবাল"]
    place = Span(0, end, "LOC", "model", 0.9)
    assert split_at_kin(place, tokenize(text)) == [place]  # only a person's span
