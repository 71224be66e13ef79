"""People named in a list beside people found (``transforms/entities/name_lists.py``)."""
from __future__ import annotations

from khobor.transforms.entities.name_lists import listed_person_spans
from khobor.transforms.entities.types import Span
from khobor.transforms.text.tokens import tokenize


def _listed(sentence: str, people: list[str], others: tuple[tuple[str, str], ...] = ()) -> list[str]:
    found = [(0, Span(sentence.index(n), sentence.index(n) + len(n), "PERSON", "model", 0.9)) for n in people]
    found += [(0, Span(sentence.index(n), sentence.index(n) + len(n), label, "model", 0.9)) for n, label in others]
    return [sentence[s.start : s.end] for _, s in listed_person_spans([(0, tokenize(sentence))], found)]


def test_the_names_of_a_list_beside_people_found_are_people():
    sentence = "নিহতরা হলেন আহাদ, রিয়া, সামির, হোসাইন, মোবারক ও রাহাত।"
    assert _listed(sentence, ["রিয়া", "সামির", "হোসাইন"]) == ["আহাদ", "মোবারক", "রাহাত"]
    # a word no table of names knows stays unfound (নাঈমা): the model's to find


def test_a_listed_name_keeps_its_surname_and_ending():
    sentence = "উপস্থিত ছিলেন পরিচালক তপন চৌধুরী, রত্না পাত্র ও অঞ্জন চৌধুরীসহ অনেকে।"
    assert _listed(sentence, ["তপন চৌধুরী", "রত্না পাত্র"]) == ["অঞ্জন চৌধুরীসহ"]


def test_no_list_of_people_no_new_people():
    # one person found is no list of people
    assert _listed("আহাদ, রিয়া ও সামির এসেছিল।", ["রিয়া"]) == []
    # words of the language are never taken, though a name part spells them (আরও, আর)
    sentence = "শাহীন সুমন, কবির রানা ও আরও অনেকে এসেছিলেন।"
    assert _listed(sentence, ["শাহীন সুমন", "কবির রানা"]) == []
    # an item another mention covers (a place) stays what it is
    sentence = "রিয়া, সামির, ঢাকা ও রাহাত।"
    assert _listed(sentence, ["রিয়া", "সামির"], (("ঢাকা", "LOC"),)) == ["রাহাত"]
