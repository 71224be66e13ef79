"""Finite verbs of the third person that news puts before their subject (ফেরান মোস্তাফিজ, জুটি
ভাঙেন মুকিদুল: "Mustafiz sends him back", "Mukidul breaks the stand"). The model reads such a verb
as the first word of the name after it.

A verb is told by its other forms, not by a list: a word ending in -েন (ভাঙেন) or -ান (ফেরান) whose
infinitive (ভাঙতে, ফেরাতে) is a common word of Bengali text (wordfreq) is that verb's finite form.
Names with these endings have no such form (হোসেন: হোসতে, রহমান: রহমাতে); the few that do (হাসান:
হাসাতে, পাঠান: পাঠাতে) are known name parts and stay names.
"""
from __future__ import annotations

import functools

from khobor.transforms.entities.name_parts import is_name_part
from khobor.transforms.entities.names import graphemes, nfc

# The infinitive at least this common (wordfreq's Zipf): ফেরাতে 3.8, ভাঙতে 4.1; a name's look-alike
# form, where wordfreq knows one at all, is rarer (হাসাতে 2.9, আমাতে 2.2, কামরাতে 1.7).
INFINITIVE_ZIPF = 3.5
# (finite ending, the infinitive's ending on the same stem)
_ENDINGS = ((nfc("েন"), nfc("তে")), (nfc("ান"), nfc("াতে")))
MIN_STEM_AKSHARAS = 2  # দেন, নেন: too short to tell from a name's last letters


@functools.lru_cache(maxsize=1 << 14)
def is_finite_verb(word: str) -> bool:
    """A third-person finite verb (ফেরান, ভাঙেন, আটকান), not a name (হোসেন, রহমান, হাসান)."""
    from khobor.transforms.entities.patterns import zipf

    w = nfc(word)
    if is_name_part(w):
        return False
    for finite, infinitive in _ENDINGS:
        if w.endswith(finite):
            stem = w[: -len(finite)]
            if graphemes(stem) >= MIN_STEM_AKSHARAS and zipf(stem + infinitive) >= INFINITIVE_ZIPF:
                return True
    return False
