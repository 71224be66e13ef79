"""Finite verbs before their subject (``verbs.py``) and the person spans they no longer start."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from khobor.transforms.entities.patterns import trim_name
from khobor.transforms.entities.types import Span
from khobor.transforms.entities.verbs import is_finite_verb
from khobor.transforms.text.tokens import tokenize


def _trim(text: str) -> str | None:
    t = trim_name(Span(0, len(text), "PERSON", "model", 0.9), tokenize(text))
    return text[t.start : t.end] if t else None


def test_verbs_are_told_by_their_infinitive():
    for verb in ("ফেরান", "ভাঙেন", "আটকান", "দেখান", "রাখেন"):
        assert is_finite_verb(verb), verb


def test_names_with_the_same_endings_are_no_verbs():
    # হাসান and পাঠান have verb look-alikes (হাসাতে, পাঠাতে) but are known name parts.
    for name in ("হোসেন", "রহমান", "হাসান", "পাঠান", "ইমরান", "সুলতান", "স্টিভেন", "কামরান", "দেন", "নেন"):
        assert not is_finite_verb(name), name


def test_a_verb_before_its_subject_leaves_the_persons_span():
    assert _trim("ফেরান মোস্তাফিজ") == "মোস্তাফিজ"
    assert _trim("ভাঙেন মুকিদুল") == "মুকিদুল"
    assert _trim("ফেরান মাহফিজুল ইসলাম") == "মাহফিজুল ইসলাম"
    assert _trim("ফেরান") is None
    assert _trim("হোসেন আলী") == "হোসেন আলী"


@given(st.text(alphabet="কখগচজটডতদনপবমরলশসহািীুেোান্য়", min_size=1, max_size=8))
def test_is_finite_verb_never_fails(word):
    assert is_finite_verb(word) in (True, False)
