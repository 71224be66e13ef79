"""Document language from the script of its letters.

A deliberately small first implementation: Bengali script → ``bn``, Latin script with mostly
ASCII letters → ``en``, anything else → ``other``. It cannot tell English from other Latin-script
languages; the sources issue replaces it with a statistical detector.
"""
from __future__ import annotations

import regex

_BENGALI = regex.compile(r"\p{Script=Bengali}")
_LATIN = regex.compile(r"\p{Script=Latin}")
_LETTER = regex.compile(r"\p{L}")


def detect_language(text: str, sample: int = 4000) -> str:
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    if letters == 0:
        return "other"
    bn = len(_BENGALI.findall(head))
    if bn / letters >= 0.4:
        return "bn"
    if len(_LATIN.findall(head)) / letters >= 0.6:
        return "en"
    return "other"
