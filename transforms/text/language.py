"""Document language: Bengali, English, or other.

py3langid (a maintained fork of langid.py, its model inside the wheel) does the statistics. Two
corrections on top: Assamese shares the Bengali script and langid confuses the two on news text,
so Bengali-script text without the Assamese-only letters ৰ and ৱ counts as Bengali; and text too
short or too mixed for a confident call falls back to the source's declared language, then to the
script of its letters.
"""
from __future__ import annotations

import functools

import regex

_BENGALI = regex.compile(r"\p{Script=Bengali}")
_LETTER = regex.compile(r"\p{L}")
_ASSAMESE_ONLY = regex.compile("[\u09f0\u09f1]")
MIN_CONFIDENCE = 0.6


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _by_script(text: str) -> str:
    letters = len(_LETTER.findall(text))
    if not letters:
        return "other"
    bn = len(_BENGALI.findall(text))
    if bn / letters >= 0.4:
        return "bn"
    return "en" if text.isascii() or sum(c.isascii() for c in text) / len(text) > 0.9 else "other"


def detect_language(text: str, default: str | None = None, sample: int = 3000) -> str:
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    if letters < 12:
        return default or _by_script(head)
    if len(_BENGALI.findall(head)) >= 0.9 * letters and not _ASSAMESE_ONLY.search(head):
        # langid can only answer Bengali or Assamese here, and Assamese without its own letters
        # counts as Bengali: skip its model (75 MB in every worker, and its time).
        return "bn"
    lang, prob = _identifier().classify(head)
    if lang == "as" and not _ASSAMESE_ONLY.search(head):
        lang = "bn"
    if prob < MIN_CONFIDENCE:
        return default or _by_script(head)
    return lang if lang in ("bn", "en") else "other"
