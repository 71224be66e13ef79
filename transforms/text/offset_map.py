"""Offset maps: where each position of a clean text came from in the raw text.

Every change is a stretch raw[a:b] -> clean[c:d] and gets the breakpoints (c, a) and
(d, b); consecutive breakpoints whose clean and raw distances are equal enclose text that
advances together, any other pair encloses a changed stretch. One-for-one replacements
(৷ -> ।, an odd space -> space, a lone \\r -> \\n) need no breakpoint. For every
clean position outside a changed stretch, ``raw[to_raw(i)]`` is ``clean[i]`` or its one-for-one
original. ``to_raw`` is start-biased (a clean position right after a dropped stretch maps past
it), ``to_raw_end`` end-biased (it maps to the end of the previous kept character); use
``span_to_raw`` for spans, whose raw text then never starts or ends with something dropped.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    clean_pos: tuple[int, ...] = (0,)
    raw_pos: tuple[int, ...] = (0,)

    def to_raw(self, i: int) -> int:
        k = bisect.bisect_right(self.clean_pos, i) - 1
        return self.raw_pos[k] + (i - self.clean_pos[k])

    def to_raw_end(self, i: int) -> int:
        """Raw offset just after the raw text of ``clean[i - 1]``: the right end of a span."""
        k = bisect.bisect_left(self.clean_pos, i)
        if k < len(self.clean_pos) and self.clean_pos[k] == i:
            return self.raw_pos[k]
        return self.raw_pos[k - 1] + (i - self.clean_pos[k - 1])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw_end(end)

    def pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.clean_pos, self.raw_pos))


def add_breakpoints(cps: list[int], rps: list[int], a: int, b: int, c: int, d: int) -> None:
    """Append the breakpoints for raw[a:b] -> clean[c:d] (see OffsetMap)."""
    la, lc = b - a, d - c
    if la == lc and la <= 1:
        return  # one for one
    if cps[-1] != c or rps[-1] != a:
        cps.append(c)
        rps.append(a)
    if la == lc:  # same length but reordered (NFC): keep it visibly a changed stretch
        cps.append(c + 1)
        rps.append(a)
    for k in range(la + 1, lc):  # growth beyond one char: the extra clean chars all map to b
        cps.append(c + k)
        rps.append(b)
    cps.append(d)
    rps.append(b)


def edit_regions(edits) -> list[tuple[int, int, int, int]]:
    out, shift = [], 0
    for a, b, rep in edits:
        out.append((a, b, a + shift, a + shift + len(rep)))
        shift += len(rep) - (b - a)
    return out


def compose_regions(r1, r2) -> list[tuple[int, int, int, int]]:
    """Regions raw->clean from regions raw->mid (r1) and mid->clean (r2)."""
    m1 = region_map(r1)
    out = []
    i = 0
    shift2 = 0  # clean - mid before the current point
    for m0, m1_, c0, c1 in r2:
        while i < len(r1) and (r1[i][3] < m0 or (r1[i][3] == m0 and r1[i][2] < m0) or (r1[i][2] == r1[i][3] == m0)):
            a, b, x, y = r1[i]
            out.append((a, b, x + shift2, y + shift2))
            i += 1
        a0, b0 = m1.to_raw(m0), m1.to_raw_end(m1_)
        while i < len(r1) and r1[i][2] < m1_:
            a0, b0 = min(a0, r1[i][0]), max(b0, r1[i][1])
            i += 1
        out.append((a0, b0, c0, c1))
        shift2 = c1 - m1_
    for a, b, x, y in r1[i:]:
        out.append((a, b, x + shift2, y + shift2))
    return out


def region_map(regions) -> OffsetMap:
    cps, rps = [0], [0]
    for a, b, c, d in regions:
        add_breakpoints(cps, rps, a, b, c, d)
    return OffsetMap(tuple(cps), tuple(rps))
