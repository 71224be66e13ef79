"""Unicode and Bengali normalisation with an offset map back to the raw text.

Contract (the spine relies on it):
- ``clean_text(raw) -> Cleaned`` with ``Cleaned.text`` (the clean text stored on ``documents``)
  and ``Cleaned.offset_map``.
- ``OffsetMap.to_raw(i)`` maps a clean offset (0..len(clean)) to a raw offset;
  ``OffsetMap.pairs()`` gives the breakpoints ``[(clean_pos, raw_pos), ...]`` that define it
  (between breakpoints the two texts advance together), which is what the warehouse stores.

Rules (what the clean text looks like):
- Unicode NFC. Bengali nukta letters are stored decomposed (য + ়, ড + ়, ঢ + ়), which is what NFC
  itself produces because U+09DC/U+09DD/U+09DF are composition exclusions; split vowel signs
  (ে + া, ে + ৗ) are composed to ো / ৌ as NFC requires.
- ``৷`` (U+09F7, currency numerator four, typed as a danda by many sources) becomes ``।`` (U+0964);
  one character for one, so offsets stay 1:1. ``॥`` and a Latin ``.`` are left alone.
- ZWNJ / ZWJ survive only between two letters or marks of one script (র‍্য, ক্‌ষ; Bengali, Latin
  or any other script); ZWJ also between emoji-like symbols (So, Sk). Doubled joiners keep the first; joiners at word edges, next to spaces or
  punctuation are dropped. Every other format (Cf), control (Cc) or lone surrogate code point
  is dropped, the BOM included.
- Whitespace: \\r\\n, \\r and the other line separators become \\n; tabs, NBSP and the other
  Unicode spaces become a plain space; runs of spaces collapse to one; spaces at line starts and
  line ends are trimmed; three or more line breaks collapse to one blank line (the paragraph
  break); leading and trailing whitespace of the text is removed.

Offsets: see ``offset_map``; every change is a stretch raw[a:b] -> clean[c:d].
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate, count, islice, repeat
from operator import add, eq

from khobor.transforms.text.offset_map import OffsetMap, add_breakpoints, compose_regions, edit_regions, region_map
from khobor.transforms.text.unicode_tables import (
    FORMATS_ASTRAL,
    FORMATS_NO_JOINERS_BMP,
    LATIN_LETTERS,
    NFC_UNSAFE_RANGES,
    SPACE_CHARS,
    ZWJ,
    ZWNJ,
    char_class,
    has_astral,
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    offset_map: OffsetMap = field(default_factory=OffsetMap)


_NUKTA = {"\u09dc": "\u09a1\u09bc", "\u09dd": "\u09a2\u09bc", "\u09df": "\u09af\u09bc"}
_VOWEL_PAIRS = {"\u09c7\u09be": "\u09cb", "\u09c7\u09d7": "\u09cc"}  # ে+া -> ো, ে+ৗ -> ৌ

_ODD_SPACES = "".join(c for c in SPACE_CHARS if c not in " \n")
# Code points that never survive on their own: non-space controls, formats, lone surrogates.
_INVISIBLE_BMP = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f" + FORMATS_NO_JOINERS_BMP + "\ud800-\udfff"
_RUN_CLASS = "[" + re.escape(SPACE_CHARS) + _INVISIBLE_BMP + FORMATS_ASTRAL + ZWNJ + ZWJ + "]"
# One BMP character class: re scans for a lone BMP class far faster than for an alternation
# or a class with astral ranges; astral formats are looked for only in strings that have any.
_SUSPECT = re.compile("[" + re.escape(_ODD_SPACES) + _INVISIBLE_BMP + ZWNJ + ZWJ + "\u09f7]")
_SUSPECT_ASTRAL = re.compile("[" + FORMATS_ASTRAL + "]")
_RUN = re.compile(_RUN_CLASS + "*")
_RUN_CHAR = re.compile(_RUN_CLASS)
# Bengali nukta, virama and the two vowel parts are NFC-unsafe only in the pairs that
# _find_edits checks separately; the nukta letters are always decomposed.
_NFC_UNSAFE = re.compile(
    "[" + char_class(NFC_UNSAFE_RANGES, exclude="\u09bc\u09be\u09cd\u09d7\u09dc\u09dd\u09df", part="bmp") + "]"
)
_SUSPECT_OR_UNSAFE = re.compile(_SUSPECT.pattern[:-1] + _NFC_UNSAFE.pattern[1:])
_NFC_UNSAFE_ASTRAL = re.compile("[" + char_class(NFC_UNSAFE_RANGES, part="astral") + "]")
_SPACE_SET = frozenset(SPACE_CHARS)
_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]").findall
_HAS_SPACE = re.compile("[" + re.escape(SPACE_CHARS) + "]").search

_LATIN_LETTER = re.compile("[" + LATIN_LETTERS + "]")


def clean_text(raw: str) -> Cleaned:
    if not raw:
        return Cleaned("")
    edits, nfc_suspect = _find_edits(raw)
    text, cmap = _apply(raw, edits)
    if nfc_suspect and not unicodedata.is_normalized("NFC", text):
        text, cmap = _normalise_rest(raw, text, edits)
    return Cleaned(text, cmap)


# ---------------------------------------------------------------- finding what to change


def _find_edits(raw: str) -> tuple[list[tuple[int, int, str]], bool]:
    """Sorted, disjoint ``(raw_start, raw_end, replacement)`` for everything but nukta letters,
    and whether the result might still not be NFC.

    is_normalized() is as slow as normalize() on Bengali (া is an NFC "maybe" character), so
    it only runs when the raw text has a character or pair that can leave a text non-NFC once
    the nukta letters and split vowels are fixed, or when dropped invisibles join neighbours.
    """
    starts, nfc_suspect = _suspects(raw)
    edits = []
    n = len(raw)
    for a, b in _runs(raw, starts):
        run = raw[a:b]
        if run == "\u09f7":
            edits.append((a, b, "\u0964"))
            continue
        rep = _run_replacement(raw, a, b)
        if rep != run:
            edits.append(_trim(a, b, run, rep))
            if not nfc_suspect and rep != " " and rep != "\n" and 0 < a and b < n:
                nfc_suspect = not _HAS_SPACE(run)  # invisibles dropped between letters
    pairs = [
        (i, i + 2, _VOWEL_PAIRS[pair])
        for pair in _VOWEL_PAIRS
        if pair in raw
        for i in _find_all(raw, pair)
    ]
    if pairs:
        edits = sorted(edits + pairs)
    return edits, nfc_suspect


def _suspects(raw: str) -> tuple[list[int], bool]:
    """Offsets where a run of spaces or invisibles (or a ``৷``) may need a change, and NFC doubt."""
    starts = []
    nfc_suspect = "\u09cd\u09bc" in raw
    # One scan for both kinds of rare character: each scan of the text costs as much as the rest.
    for m in _SUSPECT_OR_UNSAFE.finditer(raw):
        p = m.start()
        if _SUSPECT.match(raw, p):
            starts.append(p)
        else:
            nfc_suspect = True
    if has_astral(raw):
        starts.extend(m.start() for m in _SUSPECT_ASTRAL.finditer(raw))
        nfc_suspect = nfc_suspect or bool(_NFC_UNSAFE_ASTRAL.search(raw))
    if "  " in raw:
        starts.extend(_find_all(raw, "  "))
    if "\n" in raw:
        i = raw.find("\n")
        while i >= 0:
            nxt = raw[i + 1 : i + 3]
            if nxt[:1] == " " or nxt == "\n\n" or (i and raw[i - 1] == " "):
                starts.append(i)
            i = raw.find("\n", i + 1)
    if raw[0] in _SPACE_SET or _RUN_CHAR.match(raw):
        starts.append(0)
    if raw[-1] in _SPACE_SET or _RUN_CHAR.match(raw, len(raw) - 1):
        starts.append(len(raw) - 1)
    return starts, nfc_suspect


def _find_all(raw: str, needle: str) -> list[int]:
    out = []
    i = raw.find(needle)
    while i >= 0:
        out.append(i)
        i = raw.find(needle, i + len(needle))
    return out


def _runs(raw: str, starts: list[int]) -> list[tuple[int, int]]:
    """The maximal runs of spaces/invisibles around ``starts`` (and lone ``৷``), sorted."""
    runs = []
    covered = 0
    for p in sorted(starts):
        if raw[p] == "\u09f7":
            runs.append((p, p + 1))
            continue
        if p < covered:
            continue
        a = p
        while a > covered and _RUN_CHAR.match(raw, a - 1):
            a -= 1
        covered = _RUN.match(raw, p).end()
        runs.append((a, covered))
    return runs


def _run_replacement(raw: str, a: int, b: int) -> str:
    """What the run raw[a:b] of spaces and invisibles becomes."""
    run = raw[a:b]
    if not _HAS_SPACE(run):
        joiner = next((c for c in run if c == ZWNJ or c == ZWJ), "")
        if joiner and 0 < a and b < len(raw):
            side = _side_before(raw, a, joiner)
            if side and side == _side_after(raw[b], joiner):
                return joiner
        return ""
    if a == 0 or b == len(raw):
        return ""
    breaks = len(_BREAK(run))
    if "\u2029" in run:
        breaks += run.count("\u2029")  # a paragraph separator is a blank line
    return " " if breaks == 0 else "\n" if breaks == 1 else "\n\n"


# A joiner is kept only inside what the tokenizer reads as one word: letters (and marks) of
# one script on both sides -- Bengali, Latin or another -- or, for ZWJ, emoji-like symbols.
def _side_before(raw: str, a: int, joiner: str) -> str | None:
    i = a - 1
    while unicodedata.category(raw[i])[0] == "M":  # a mark belongs with its base
        if i == 0:
            return None
        i -= 1
    return _side_after(raw[i], joiner)


def _side_after(ch: str, joiner: str) -> str | None:
    cat = unicodedata.category(ch)
    if "\u0980" <= ch <= "\u09ff":
        return "bengali" if cat[0] in "LM" else None
    if cat[0] == "L":
        return "latin" if _LATIN_LETTER.match(ch) else "other"
    if joiner == ZWJ and cat in ("So", "Sk"):
        return "symbol"
    return None


def _trim(a: int, b: int, old: str, new: str) -> tuple[int, int, str]:
    """Shrink an edit to the part that really changes, so kept characters map exactly."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return a + p, b - s, new[p : len(new) - s]


def _positions(raw: str, ch: str) -> list[int]:
    parts = raw.split(ch)
    return list(map(add, accumulate(map(len, parts[:-1])), count()))


# ---------------------------------------------------------------- applying edits


def _apply(raw: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Apply ``edits`` and decompose the nukta letters in the stretches between them."""
    present = tuple(ch for ch in _NUKTA if ch in raw)
    if not present:
        if not edits:
            return raw, OffsetMap()
        pos: list[int] = []
        touching = False
    else:
        pos = _positions(raw, present[0])
        for ch in present[1:]:
            pos += _positions(raw, ch)
        if len(present) > 1:
            pos.sort()
        touching = any(map(eq, islice(pos, 1, None), map(add, pos, repeat(1))))  # side by side
    if not edits:
        text = raw
        for ch in present:
            text = text.replace(ch, _NUKTA[ch])
        if not touching and pos[0]:
            # The common case: each nukta letter is raw[p:p+1] -> clean[c:c+2], the k-th
            # k further ahead in clean than in raw.
            k = len(pos)
            cps = [0] * (2 * k + 1)
            cps[1::2] = map(add, pos, range(k))
            cps[2::2] = map(add, pos, range(2, k + 2))
            rps = [0] * (2 * k + 1)
            rps[1::2] = pos
            rps[2::2] = map(add, pos, repeat(1))
            return text, OffsetMap(tuple(cps), tuple(rps))
        cps, rps = [0], [0]
        _nukta_breakpoints(pos, 0, touching, cps, rps)
        return text, OffsetMap(tuple(cps), tuple(rps))
    cps, rps = [0], [0]
    pieces = []
    last = 0
    shift = 0  # len(clean so far) - len(raw so far)
    j = 0  # next nukta letter
    for a, b, rep in (*edits, (len(raw), len(raw), "")):
        seg = raw[last:a]
        k = bisect.bisect_left(pos, a, j)
        if k > j:  # nukta letters in this stretch
            for ch in present:
                seg = seg.replace(ch, _NUKTA[ch])
            _nukta_breakpoints(pos[j:k], shift, touching, cps, rps)
            shift += k - j
            j = k
        pieces.append(seg)
        pieces.append(rep)
        add_breakpoints(cps, rps, a, b, a + shift, a + shift + len(rep))
        shift += len(rep) - (b - a)
        last = b
    return "".join(pieces), OffsetMap(tuple(cps), tuple(rps))


def _nukta_breakpoints(pos: list[int], shift: int, touching: bool, cps: list[int], rps: list[int]) -> None:
    """Breakpoints for nukta letters at raw ``pos``, each growing by one (clean = raw + shift before)."""
    k = len(pos)
    starts_c = list(map(add, pos, range(shift, shift + k)))  # the k-th is k further ahead
    if touching or (cps[-1] == starts_c[0] and rps[-1] == pos[0]):
        for c, p in zip(starts_c, pos):  # touching changes share a breakpoint
            add_breakpoints(cps, rps, p, p + 1, c, c + 2)
        return
    both = [0] * (2 * k)
    both[0::2] = starts_c
    both[1::2] = map(add, starts_c, repeat(2))
    cps += both
    both[0::2] = pos
    both[1::2] = map(add, pos, repeat(1))
    rps += both


# ---------------------------------------------------------------- the rare general NFC case


def _normalise_rest(raw: str, mid: str, edits) -> tuple[str, OffsetMap]:
    """NFC for whatever the targeted fixes left unnormalised, composing the two offset maps."""
    nukta = [(p, p + 1, _NUKTA[ch]) for ch in _NUKTA for p in _positions(raw, ch)]
    regions1 = edit_regions(sorted(edits + nukta))
    target = unicodedata.normalize("NFC", mid)
    edits2 = _nfc_edits(mid, target)
    regions2 = edit_regions(edits2)
    return target, region_map(compose_regions(regions1, regions2))


def _nfc_edits(mid: str, target: str) -> list[tuple[int, int, str]]:
    import regex  # only this rare path needs grapheme clusters

    lo = _common_prefix(mid, target)
    hi = min(_common_prefix(mid[::-1], target[::-1]), len(mid) - lo, len(target) - lo)
    # Start at a whitespace boundary so the first cluster is a whole one.
    w0 = max(mid.rfind(" ", 0, lo), mid.rfind("\n", 0, lo)) + 1
    w1 = len(mid) - hi
    edits = []
    for m in regex.finditer(r"\X", mid, pos=w0, endpos=len(mid)):
        if m.start() >= w1:
            break
        g = m.group()
        n = unicodedata.normalize("NFC", g)
        if n != g:
            edits.append(_trim(m.start(), m.end(), g, n))
    # Verify the cluster-wise result; composition across clusters is possible in theory.
    check, last = [], 0
    for a, b, rep in edits:
        check.append(mid[last:a])
        check.append(rep)
        last = b
    check.append(mid[last:])
    if "".join(check) != target:
        edits = [(w0, w1, target[w0 : len(target) - hi])]
    return edits


def _common_prefix(x: str, y: str) -> int:
    lo, hi = 0, min(len(x), len(y))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if x[:mid] == y[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


