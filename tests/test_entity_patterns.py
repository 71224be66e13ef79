"""Span rules around the model and the gazetteer (``transforms/entities/patterns.py``)."""
from __future__ import annotations

from khobor.transforms.entities.patterns import descriptive_only, org_spans, trim_name
from khobor.transforms.entities.types import Span
from khobor.transforms.text.tokens import tokenize


def _trim(text: str, label: str) -> str | None:
    t = trim_name(Span(0, len(text), label, "model", 0.9), tokenize(text))
    return text[t.start : t.end] if t else None


def test_an_organisations_common_last_words_stay_in_its_name():
    assert _trim("জাতীয় মুক্তিযোদ্ধা কাউন্সিল", "ORG") == "জাতীয় মুক্তিযোদ্ধা কাউন্সিল"
    assert _trim("আপিল বিভাগের", "ORG") == "আপিল বিভাগের"
    assert _trim("দক্ষিণ আফ্রিকার", "LOC") == "দক্ষিণ আফ্রিকার"


def test_a_title_ends_an_organisation_and_a_kind_word_a_place():
    assert _trim("বাংলাদেশ খেলাফত মজলিসের আমির মাওলানা মামুনুল হককে", "ORG") == "বাংলাদেশ খেলাফত মজলিসের"
    assert _trim("বরিশাল মহানগর সাধারণ", "ORG") == "বরিশাল"
    assert _trim("গাজীপুর জেলা", "LOC") == "গাজীপুর"


def test_a_persons_name_still_loses_what_follows_it():
    assert _trim("মাওলানা মামুনুল হক বলেন", "PERSON") == "মামুনুল হক"


def test_an_organisation_made_only_of_describing_words_is_no_name():
    assert descriptive_only("কেন্দ্রীয় ব্যাংক".split())
    assert descriptive_only("জেলা পরিষদ".split())
    assert descriptive_only("সরকারি হাসপাতালে".split())
    assert not descriptive_only("জাতীয় মুক্তিযোদ্ধা কাউন্সিল".split())


def test_proper_modifiers_extend_a_models_organisation_but_not_a_gazetteers():
    text = "আহত যাত্রীদের নবাবশাহ পিপলস মেডিকেল হাসপাতালে নেওয়া হয়।"
    toks = tokenize(text)
    start = text.index("পিপলস")
    end = text.index(" নেওয়া")
    model = Span(start, end, "ORG", "model", 0.9)
    assert [text[s.start : s.end] for s in org_spans(toks, [model])] == ["নবাবশাহ পিপলস মেডিকেল হাসপাতালে"]
    assert org_spans(toks, [model._replace(method="gazetteer")]) == []


def test_no_gazetteer_organisation_is_a_government():
    """GUIDELINES.md: সরকার is a generic noun, never an organisation's name (the model's spans
    ending in it are dropped, so the gazetteer must not bring them back)."""
    from khobor.transforms.entities.gazetteer import default_gazetteer
    from khobor.transforms.entities.patterns import generic_head

    gaz = default_gazetteer()
    bad = [n for e in gaz.entries.values() if e.label == "ORG" for n in e.names() if n.split() and generic_head(n.split()[-1])]
    assert bad == []
