"""Adjective (demonym) forms of countries: রাশিয়ান, ভারতীয়, রুশ, মার্কিন, Russian, Indian.

They are recorded as mentions related to the country (``form='adjective'``), never as places of
their own. Regular forms are generated from the Bengali country names; irregular ones are listed.
"""
from __future__ import annotations

import functools

from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.entities.names import nfc

# Irregular adjectives, by CLDR territory id.
_IRREGULAR = {
    "loc:RU": ["রুশ", "Russian"], "loc:US": ["মার্কিন", "American"], "loc:GB": ["ব্রিটিশ", "British"],
    "loc:CN": ["চীনা", "Chinese"], "loc:FR": ["ফরাসি", "French"], "loc:DE": ["জার্মান", "German"],
    "loc:IN": ["Indian"], "loc:BD": ["Bangladeshi"], "loc:JP": ["Japanese"], "loc:PK": ["পাকিস্তানি", "Pakistani"],
    "loc:UA": ["Ukrainian"], "loc:MM": ["Myanmar's"], "loc:NP": ["নেপালি", "Nepali"], "loc:IR": ["ইরানি", "Iranian"],
    "loc:IL": ["ইসরায়েলি", "Israeli"], "org:eu": ["ইউরোপীয়"],
}


@functools.lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Every adjective form (with Bengali inflections) → the entity id of its country."""
    from khobor.transforms.entities.gazetteer import default_gazetteer

    out: dict[str, str] = {}
    for entry in default_gazetteer().entries.values():
        if not entry.entity_id.startswith("loc:") or len(entry.entity_id) != 6:  # countries: loc:XX
            continue
        name = nfc(entry.canonical)
        if " " in name:
            continue
        forms = [name + "ীয়", name + "ি"]
        if name.endswith("া"):
            forms.append(name + "ন")  # রাশিয়া → রাশিয়ান
        for f in forms:
            for infl in inflected_forms(nfc(f)):
                out.setdefault(infl, entry.entity_id)
    for eid, words in _IRREGULAR.items():
        for w in words:
            for infl in inflected_forms(nfc(w)):
                out[infl] = eid
    return out


# The English adjective news writes before a body's name (US Navy, Indian High Commission); "US",
# not "American", as the press writes it there.
_ENGLISH_BEFORE_A_NAME = {"loc:US": "US", "loc:MM": "Myanmar", "org:eu": "European"}


@functools.lru_cache(maxsize=1)
def english_adjectives() -> dict[str, str]:
    """Every Bengali adjective form (with inflections) of a country whose English adjective is listed
    → that adjective. Of the others the lexicon spells some (ইথিওপিয়ান Ethiopian), which the country's
    name would spoil."""
    english = {eid: next((w for w in words if w.isascii()), None) for eid, words in _IRREGULAR.items()}
    english.update(_ENGLISH_BEFORE_A_NAME)
    return {form: english[eid] for form, eid in demonym_index().items() if english.get(eid) and not form.isascii()}
