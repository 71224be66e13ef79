"""A person named once and then by a part of the name alone (``transforms/entities/repeats.py``)."""
from __future__ import annotations

from khobor.transforms.entities.repeats import carried_part, repeated_person_spans
from khobor.transforms.entities.types import Span
from khobor.transforms.text.tokens import tokenize


def _repeats(sentences: list[str], names: list[tuple[int, str]]) -> list[str]:
    toks = [(i, tokenize(s)) for i, s in enumerate(sentences)]
    found = [(i, Span(sentences[i].index(n), sentences[i].index(n) + len(n), "PERSON", "model", 0.9)) for i, n in names]
    return [sentences[i][s.start : s.end] for i, s in repeated_person_spans(toks, found)]


def test_a_part_of_a_name_found_again_is_the_person():
    sentences = ["মাহমুদুর রহমান মান্না সংবাদ সম্মেলন করেন।", "পরে মান্না জানান, মান্নার রিট খারিজ হয়েছে।"]
    assert _repeats(sentences, [(0, "মাহমুদুর রহমান মান্না")]) == ["মান্না", "মান্নার"]


def test_common_neutral_and_unknown_words_are_not_carried():
    assert carried_part("মেহেদীকে") == "মেহেদী"
    assert carried_part("ইসলাম") is None  # a religion far more often than a name
    assert carried_part("মো.") is None
    assert carried_part("আয়নাঘরে") is None  # not a part of people's names: the model's span was wrong


def test_a_part_beside_another_name_part_is_someone_elses_name():
    sentences = ["আসিফ মাহমুদ বলেন।", "আসিফ নজরুল বলেন, আসিফ আসেননি।"]
    assert _repeats(sentences, [(0, "আসিফ মাহমুদ")]) == ["আসিফ"]
    # and nothing already inside another mention is taken again
    assert _repeats(["মান্না এলেন।", "মান্না বললেন।"], [(0, "মান্না"), (1, "মান্না")]) == []


def test_a_word_of_the_language_a_name_part_also_spells_is_no_neighbouring_name():
    # কেন ("why") is also Ken: নাসের কেন আশাবাদী names Nasser again, not a Nasser Ken
    sentences = ["সাবেক অধিনায়ক নাসের হুসেইন বলেন।", "দক্ষিণ আফ্রিকাকে নিয়ে নাসের কেন আশাবাদী, তা বলেছেন।"]
    assert _repeats(sentences, [(0, "নাসের হুসেইন")]) == ["নাসের"]


def test_an_abbreviation_found_once_is_found_again_but_not_a_models_one_word_guess():
    from khobor.transforms.entities.repeats import repeated_org_spans

    sentences = ["বাংলাদেশ জুয়েলার্স সমিতি (বাজুস) দাম বাড়িয়েছে।", "রোববার বাজুসের এক বিজ্ঞপ্তিতে জানানো হয়।",
                 "‘বার্বি’ মুক্তি পেয়েছে। বার্বির আয় বেড়েছে।"]
    toks = [(i, tokenize(s)) for i, s in enumerate(sentences)]
    s0, s2 = sentences[0], sentences[2]
    found = [(0, Span(s0.index("বাজুস"), s0.index("বাজুস") + 5, "ORG", "pattern", 0.8)),
             (2, Span(s2.index("বার্বি"), s2.index("বার্বি") + 6, "ORG", "model", 0.9))]
    got = [sentences[i][s.start : s.end] for i, s in repeated_org_spans(toks, found)]
    assert got == ["বাজুসের"]


def test_a_models_one_word_place_that_is_a_part_of_a_person_named_there_is_that_person():
    from khobor.transforms.entities.repeats import person_words

    sentences = ["ব্যাটিং করেছিলেন সাদমান ইসলাম।", "সাদমানের সঙ্গে চুক্তি হয়েছে।"]
    toks = [(i, tokenize(s)) for i, s in enumerate(sentences)]
    found = [(0, Span(sentences[0].index("সাদমান"), sentences[0].index("।"), "PERSON", "model", 0.9)),
             (1, Span(0, len("সাদমানের"), "LOC", "model", 0.8))]
    assert person_words(toks, found) == {(1, 0, len("সাদমানের"))}
    # a gazetteer's place is never taken, nor a word of no person named in the document
    assert person_words(toks, [found[0], (1, found[1][1]._replace(method="gazetteer"))]) == set()
    assert person_words(toks, found[1:]) == set()


def test_womens_honorific_abbreviations_are_neutral_parts():
    assert carried_part("মোছা.") is None


def test_two_given_names_side_by_side_each_named_alone_twice_are_two_people():
    from khobor.transforms.entities.repeats import side_by_side_people

    sentences = ["রবিন আর কাজলের সংসার ভেঙেছে।", "রবিন আবার বিয়ে করে।", "কাজল এখনও একা।", "সন্তানের কারণেই রবিন কাজলের দেখা হয়।",
                 "রবিন ভালো নেই।", "কাজলও সুপাত্র পায়নি।"]
    toks = [(i, tokenize(s)) for i, s in enumerate(sentences)]
    names = [(0, "রবিন"), (0, "কাজলের"), (1, "রবিন"), (2, "কাজল"), (3, "রবিন কাজলের"), (4, "রবিন"), (5, "কাজলও")]
    found = [(i, Span(sentences[i].index(n), sentences[i].index(n) + len(n), "PERSON", "model", 0.9)) for i, n in names]
    apart = side_by_side_people(toks, found)
    assert [sentences[3][s.start : s.end] for s in apart[(3, found[4][1].start, found[4][1].end)]] == ["রবিন", "কাজলের"]
    # a full name written whole twice is one person's, however often its parts stand alone
    sentences2 = [*sentences[:1], "রবিন কাজল আবার বিয়ে করে।", *sentences[2:]]
    toks2 = [(i, tokenize(s)) for i, s in enumerate(sentences2)]
    found2 = [f for f in found if f[0] != 1] + [(1, Span(0, len("রবিন কাজল"), "PERSON", "model", 0.9))]
    assert side_by_side_people(toks2, found2) == {}
