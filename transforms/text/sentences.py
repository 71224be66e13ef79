"""Sentence segmentation for Bengali and English news text.

Contract (the spine relies on it):
- ``split_sentences(text) -> list[Sentence]``; ``Sentence(start, end, kind)`` with offsets into
  ``text`` (``text[start:end]`` is the sentence, stripped of surrounding whitespace) and ``kind``
  one of ``SENTENCE_KINDS``.

Rules (meant for clean text, safe on any text):
- Every newline ends a sentence: news lines are paragraphs, headings or bylines.
- Inside a line a sentence ends after ``।`` ``॥`` ``৷`` ``?`` ``!`` (runs of them), together with
  the closing quotes and brackets that follow at once (``।"`` ``?”`` ``।)``).
- A Latin ``.`` ends a sentence when followed by whitespace or the line end (after any closers),
  except after an abbreviation or initial (ড. মো. এস. Dr. J. U.S. e.g.; see
  ``khobor.transforms.text.abbreviations``), after a list number at the start of a line (``১.`` ``2.`` ``iii.``),
  before a lowercase Latin word, and inside ``..``/``...``. So ``G20 এবং UN. আমাদের`` splits
  after ``UN.`` while ``3.5``, ``৩.৫``, URLs and e-mail addresses never split. ``?``/``!`` inside
  a URL do not split either.
- Kinds: a line made only of hashtags is one ``hashtags`` sentence. A line with no end mark at
  all is a ``byline`` if it opens with a byline phrase (নিজস্ব প্রতিবেদক, Staff Reporter, By ...)
  and is short, or if it is the short last line of a document of several lines; otherwise a
  ``heading`` (up to 20 words, not ending in ``:`` ``,`` ``;``) or ``body``. Everything else is
  ``body``, including the tail of a line that has end marks but does not end in one.
- Every non-space character of the text lies in exactly one sentence.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress, repeat
from operator import eq, itemgetter, sub
from typing import NamedTuple

from khobor.transforms.text.abbreviations import BYLINE_OPENERS, CLOSERS, END_MARKS, is_abbreviation
from khobor.transforms.text.tokens import BENGALI_WORD_CHARS, URL_PATTERN
from khobor.transforms.text.unicode_tables import MARKS_BMP

SENTENCE_KINDS = ("body", "heading", "hashtags", "byline")


class Sentence(NamedTuple):
    start: int
    end: int
    kind: str


# A line with content, without the whitespace around it.
_LINE = re.compile("\\S(?:[^\\n]*\\S)?")
_MARK = re.compile("[" + END_MARKS + ".]")
_END = re.compile("[" + END_MARKS + "]")
# Whatever follows an end mark and still belongs to its sentence.
_TAIL_CLASS = "[" + re.escape(END_MARKS + CLOSERS) + "." + MARKS_BMP + "]"
_TAIL = re.compile(_TAIL_CLASS + "*")
# Leading space plus one sentence: from a non-space up to end marks (with any space before
# them) and what follows them, or else to the last non-space before the line end. Never
# crosses a newline; an end mark at the start of a sentence ends it at once.
_BODY_PATTERN = "[^" + END_MARKS + "\\s](?:[^" + END_MARKS + "\\n]*[^" + END_MARKS + "\\s])?"
_SENTENCE_PATTERN = "\\s*(?:[^" + END_MARKS + "\\n]*[" + END_MARKS + "]" + _TAIL_CLASS + "*|" + _BODY_PATTERN + ")"
_SENTENCES = re.compile(_SENTENCE_PATTERN).findall
_CLOSE_RUN = re.compile("[" + re.escape(CLOSERS) + "]*")
_WORD_BEFORE = re.compile("(?:[" + BENGALI_WORD_CHARS + "]+|[A-Za-z]+)$")
_ACRONYM_BEFORE = re.compile("(?<![A-Za-z.])(?:[A-Za-z]\\.)+[A-Za-z]$")
_LIST_MARKER = re.compile("\\s*(?:\\d{1,3}|[ivxIVX]{1,4}|[A-Za-z])")
_LOWER_NEXT = re.compile("\\s+[a-z]")
_HASHTAG_LINE = re.compile("#[^\\s#]+(?:\\s+#[^\\s#]+)*")
_URL = re.compile(URL_PATTERN)

_HEADING_MAX_WORDS = 20
_BYLINE_MAX_WORDS = 6
_LAST_LINE_BYLINE_MAX_WORDS = 5
_LAST_LINE_BYLINE_MAX_CHARS = 40
_new = tuple.__new__
_first = itemgetter(0)
_BODY = repeat("body")


def split_sentences(text: str) -> list[Sentence]:
    lines = [m.span() for m in _LINE.finditer(text)]
    if not lines:
        return []
    # One pass over the whole text splits at the end marks; full stops that end a sentence
    # then split what they fall in, and only lines with a link, hashtags or no sentence end
    # at all get a line-by-line look.
    found = _SENTENCES(text)
    ends = list(accumulate(map(len, found)))
    starts = list(map(sub, ends, map(len, map(str.lstrip, found))))
    line_starts = list(map(_first, lines))
    dot_lines = _split_at_full_stops(text, lines, line_starts, starts, ends) if "." in text else ()
    first = list(map(bisect.bisect_left, repeat(starts), line_starts))
    first.append(len(starts))
    links = _link_spans(text) if _linkish(text) else None
    special, unmarked, hashtags = _special_lines(text, lines, line_starts, first, links, dot_lines)
    if not special:
        return list(map(_new, repeat(Sentence), zip(starts, ends, _BODY)))
    byline_line = _trailing_byline_candidate(text, lines)
    out: list[Sentence] = []
    done = 0
    for idx in special:
        if idx > done:
            a, b = first[done], first[idx]
            out.extend(map(_new, repeat(Sentence), zip(starts[a:b], ends[a:b], _BODY)))
        done = idx + 1
        s, e = lines[idx]
        if idx in unmarked:
            out.append(_new(Sentence, (s, e, _unmarked_line_kind(text, s, e, idx == byline_line))))
        elif idx in hashtags:
            out.append(_new(Sentence, (s, e, "hashtags")))
        else:  # a line with a link: its ? and ! inside URLs do not end sentences
            spans = _spans_with_links(text, s, e, links)
            if spans is None:
                out.append(_new(Sentence, (s, e, _unmarked_line_kind(text, s, e, idx == byline_line))))
            else:
                out.extend(map(_new, repeat(Sentence), zip(*spans, _BODY)))
    if done < len(lines):
        a = first[done]
        out.extend(map(_new, repeat(Sentence), zip(starts[a:], ends[a:], _BODY)))
    return out


def _split_at_full_stops(text: str, lines, line_starts, starts: list[int], ends: list[int]) -> set[int]:
    """Split the one-pass sentences after every full stop that ends a sentence (in place);
    returns the indices of the lines that have such a full stop."""
    marked = set()
    p = text.find(".")
    while p >= 0:
        idx = bisect.bisect_right(line_starts, p) - 1
        s, e = lines[idx]
        if not _dot_ends_sentence(text, p, s, e):
            p = text.find(".", p + 1)
            continue
        marked.add(idx)
        c = _TAIL.match(text, p + 1, e).end()
        k = bisect.bisect_right(starts, p) - 1
        if starts[k] < c < ends[k]:  # the sentence goes on after the stop: cut it there
            nxt = c
            while text[nxt].isspace():
                nxt += 1
            starts.insert(k + 1, nxt)
            ends.insert(k, c)
        p = text.find(".", c)
    return marked


def _special_lines(text: str, lines, line_starts, first, links, dot_lines):
    """Indices of the lines the one-pass sentences may get wrong (sorted); among them those with
    no sentence end at all, and the hashtag lines."""
    hashtags = set()
    if "#" in text:
        hashtags.update(idx for idx, (s, e) in enumerate(lines) if text[s] == "#" and _HASHTAG_LINE.fullmatch(text, s, e))
    special = set(hashtags)
    if links:
        for a, b in zip(*links):
            lo = bisect.bisect_right(line_starts, a) - 1
            special.update(range(max(lo, 0), bisect.bisect_left(line_starts, b)))
    unmarked = set()
    for idx in compress(range(len(lines)), map(eq, map(sub, first[1:], first), repeat(1))):
        if idx not in special and idx not in dot_lines and not _END.search(text, *lines[idx]):
            unmarked.add(idx)  # one sentence and no end mark: a heading, a byline or so
    return sorted(special | unmarked), unmarked, hashtags


def _spans_with_links(text: str, s: int, e: int, links) -> tuple[list[int], list[int]] | None:
    """(starts, ends) of the sentences of a line with URLs, whose ? and ! end no sentence;
    None if the line has no sentence end at all. Same rules as the one-pass split."""
    cuts = []
    covered = s
    for m in _MARK.finditer(text, s, e):
        p = m.start()
        if p < covered or _inside(links, p):
            continue
        if text[p] == "." and not _dot_ends_sentence(text, p, s, e):
            continue
        covered = _TAIL.match(text, p + 1, e).end()
        cuts.append(covered)
    if not cuts:
        return None
    if cuts[-1] < e:
        cuts.append(e)
    starts, ends = [], []
    a = s
    for c in cuts:
        while a < c and text[a].isspace():  # a cut follows a non-space: only starts need trimming
            a += 1
        if a < c:
            starts.append(a)
            ends.append(c)
        a = c
    return starts, ends


def _linkish(text: str) -> bool:
    # Substring tests: re scans an alternation several times slower than str.find.
    return "://" in text or "ww." in text or "WW." in text


def _dot_ends_sentence(text: str, p: int, s: int, e: int) -> bool:
    if (p > s and text[p - 1] == ".") or (p + 1 < e and text[p + 1] == "."):
        return False  # an ellipsis or a run of dots
    q = _CLOSE_RUN.match(text, p + 1, e).end()
    if q < e and not text[q].isspace():
        return False  # 3.5, U.S, example.com, UN.আমাদের
    window = text[max(s, p - 16) : p]  # long enough for every abbreviation and initial
    w = _WORD_BEFORE.search(window)
    if w and is_abbreviation(w.group()):
        return False
    if _ACRONYM_BEFORE.search(window):
        return False
    if p - s <= 12 and _LIST_MARKER.fullmatch(text, s, p):
        return False
    if q < e and _LOWER_NEXT.match(text, q, e):
        return False
    return True


def _unmarked_line_kind(text: str, s: int, e: int, last_line_byline: bool) -> str:
    line = text[s:e]
    words = len(line.split())
    if last_line_byline:
        return "byline"
    if words <= _BYLINE_MAX_WORDS and line.startswith(BYLINE_OPENERS):
        return "byline"
    if line[-1] in ":,;" or words > _HEADING_MAX_WORDS:
        return "body"
    return "heading"


def _trailing_byline_candidate(text: str, lines: list[tuple[int, int]]) -> int:
    """Index of the last non-hashtag line when it looks like a byline, else -1."""
    idx = len(lines) - 1
    while idx > 0 and _HASHTAG_LINE.fullmatch(text, *lines[idx]):
        idx -= 1
    if idx <= 0:
        return -1  # a one-line text is a headline or a sentence, not a byline
    s, e = lines[idx]
    line = text[s:e]
    if (
        len(line) <= _LAST_LINE_BYLINE_MAX_CHARS
        and len(line.split()) <= _LAST_LINE_BYLINE_MAX_WORDS
        and not _MARK.search(line)
        and line[-1] not in ":,;"
    ):
        return idx
    return -1


def _link_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _URL.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(links, p: int) -> bool:
    starts, ends = links
    k = bisect.bisect_right(starts, p) - 1
    return k >= 0 and p < ends[k]
