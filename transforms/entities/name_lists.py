"""People named in a list: a report lists the dead, the accused or a squad (আহাদ, রিয়া, সামির, হোসাইন,
মোবারক, তাহমিদ, ইফাত ও নাঈমা), and the model, which finds some of them, misses others it has no context
for. In a list of which at least two items are people already found, another item made only of known
parts of people's names (``repeats.carried_part``: no common word, title or neutral part alone) is a
person too (at least one of its words a carried part, the others any part of a name: অঞ্জন চৌধুরী).

A list is a run of items a comma, ও or এবং separates within a sentence. Its middle items are the
words between two separators; its first and last items are the name words next to their separator
(the list's own words end there: ... ও নাঈমা নামের ফুলের মতো). An item may hold one to three words,
with a neutral part (মো., আবু) among them but not only those.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from khobor.transforms.entities.generic import is_generic
from khobor.transforms.entities.repeats import NEUTRAL_PARTS, carried_part, rarely_a_name, spells_a_name_part
from khobor.transforms.entities.types import Span

_SEPARATORS = frozenset(unicodedata.normalize("NFC", w) for w in (",", "ও", "এবং"))
MAX_ITEM_WORDS = 3
MIN_PEOPLE = 2  # items of the list already found as people


def _name_word(text: str) -> bool:
    """A word a listed name may hold: a known part of people's names (a surname too: চৌধুরী, মণ্ডল),
    with its case ending, or a neutral part (মো.); not a common word or a title."""
    word = unicodedata.normalize("NFC", text)
    if word in NEUTRAL_PARTS or carried_part(word) is not None:
        return True
    return not is_generic(word) and not rarely_a_name(word) and spells_a_name_part(word)


def _items(toks: Sequence) -> list[list[tuple[int, int]]]:
    """The lists of a sentence, each as its items' (first, last) token positions."""
    seps = [k for k, t in enumerate(toks) if unicodedata.normalize("NFC", t.text) in _SEPARATORS]
    out: list[list[tuple[int, int]]] = []
    run: list[int] = []
    for k in seps:
        if run and (k - run[-1] - 1 > MAX_ITEM_WORDS or k == run[-1] + 1):
            out.append(_list_items(toks, run))
            run = []
        run.append(k)
    if run:
        out.append(_list_items(toks, run))
    return [items for items in out if len(items) >= MIN_PEOPLE + 1]


def _reach(toks: Sequence, k: int, step: int) -> int:
    """How far the name words from position ``k`` run (``step`` -1: back, 1: on), at most an item long."""
    end = k
    while (0 <= end + step < len(toks) and abs(end - k) + 1 < MAX_ITEM_WORDS and toks[end + step].kind == "word"
           and _name_word(toks[end + step].text)):
        end += step
    return end


def _list_items(toks: Sequence, seps: list[int]) -> list[tuple[int, int]]:
    items = []
    first, last = seps[0] - 1, seps[-1] + 1
    if first >= 0:  # the first item: the name words before the first separator
        items.append((_reach(toks, first, -1), first))
    items.extend((a + 1, b - 1) for a, b in zip(seps, seps[1:]) if b - a > 1)
    if last < len(toks):  # the last item: the name words after the last separator
        items.append((last, _reach(toks, last, 1)))
    return items


def listed_person_spans(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """(sentence index, span) of the people a document lists beside people ``found`` names.
    ``sentences``: (index, tokens) of each sentence; ``found``: (sentence index, span) of every
    mention found there, of any label."""
    by_sentence: dict[int, list[Span]] = {}
    for si, s in found:
        by_sentence.setdefault(si, []).append(s)
    out: list[tuple[int, Span]] = []
    for si, toks in sentences:
        spans = by_sentence.get(si, [])
        if sum(s.label == "PERSON" for s in spans) < MIN_PEOPLE:
            continue
        for items in _items(toks):
            people, free = 0, []
            for lo, hi in items:
                start, end = toks[lo].start, toks[hi].end
                hits = [s for s in spans if s.start < end and start < s.end]
                if any(s.label == "PERSON" for s in hits):
                    people += 1
                elif not hits:
                    words = toks[lo : hi + 1]
                    if all(t.kind == "word" and _name_word(t.text) for t in words) and any(carried_part(t.text) for t in words):
                        free.append(Span(start, end, "PERSON", "pattern", 0.7))
            if people >= MIN_PEOPLE:
                out.extend((si, s) for s in free)
    return out
