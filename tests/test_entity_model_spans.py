"""The word rules the model's name spans pass (extract._model_names), on spans given by hand: which
common words and counted people are no person."""
from __future__ import annotations

from khobor.transforms.entities.extract import _model_names
from khobor.transforms.entities.gazetteer import default_gazetteer
from khobor.transforms.entities.types import Span
from khobor.transforms.text.tokens import tokenize


def _kept(sentence: str, marked: str, label: str = "PERSON") -> str | None:
    """What is left of the model's span over ``marked`` in ``sentence``."""
    gaz = default_gazetteer()
    start = sentence.index(marked)
    out = _model_names([Span(start, start + len(marked), label, "model", 0.9)], tokenize(sentence), [],
                       gaz.base_tokens, gaz.alone_tokens)
    return sentence[out[0].start : out[0].end] if out else None


def test_a_common_word_of_an_institutions_name_is_no_person():
    # আপিল is a word of আপিল বিভাগ and আন্দোলন of parties' names, which kept them as people before
    assert _kept("সুপ্রিমকোর্টের আপিল ও হাইকোর্ট বিভাগে শিগগিরই নিয়োগ হবে।", "আপিল") is None
    assert _kept("ষড়যন্ত্র চলছে আন্দোলনকে নস্যাৎ করার জন্য।", "আন্দোলনকে") is None
    # a known person's word and a one-word name stay
    assert _kept("হাসিনা আজ বক্তব্য দেন।", "হাসিনা") == "হাসিনা"
    assert _kept("ঢাকা আজ শান্ত ছিল।", "ঢাকা", "LOC") == "ঢাকা"


def test_jon_after_a_number_counts_people():
    assert _kept("হাসপাতালে মোট ৯ হাজার ২৬৪ জন ডেঙ্গু রোগী চিকিৎসাধীন আছেন।", "জন ডেঙ্গু") is None
    assert _kept("কারাগারে দুই জন কারারক্ষী আহত হন।", "জন কারারক্ষী") is None
    assert _kept("এ সময় দুই জন শিক্ষার্থী রহিম উদ্দিন আহত হন।", "জন শিক্ষার্থী রহিম উদ্দিন") == "রহিম উদ্দিন"
    assert _kept("মার্কিন মুখপাত্র জন কিরবি বলেন, এটা ঠিক।", "জন কিরবি") == "জন কিরবি"  # John Kirby
