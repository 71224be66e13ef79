"""Readers that turn the three NER corpora into token-level sentences with khobor labels.

Every reader NFC-normalises text first: the corpora mix precomposed nukta letters (U+09DC/U+09DD/U+09DF)
with letter + U+09BC, and NFC maps both to the decomposed form, so the same word gets one spelling.
Problems found while reading are counted in ``Stats`` rather than printed, so the training run can
report them.
"""
from __future__ import annotations

import collections
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .labels import Ent, clean_spans, is_date_word, map_label

CORPORA = ("banglakit", "rifat", "neonp")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@dataclass
class Sentence:
    corpus: str
    words: list[str]
    spaces: list[bool]
    ents: list[Ent]
    source: str = ""  # which file or split the corpus itself put it in ("train", "test", "")
    missing: list[int] = field(default_factory=list)  # token indices with unknown annotation

    @property
    def key(self) -> str:
        return " ".join(self.words)


@dataclass
class Stats:
    counts: collections.Counter = field(default_factory=collections.Counter)

    def add(self, corpus: str, what: str, n: int = 1) -> None:
        self.counts[f"{corpus}:{what}"] += n

    def as_dict(self) -> dict[str, int]:
        return dict(sorted(self.counts.items()))


class BadTags(ValueError):
    pass


def spans_from_biluo(tags: list[str]) -> list[tuple[int, int, str]]:
    """BILUO tags -> (start, end, raw label); an ill-formed sequence raises BadTags."""
    out, start, label = [], None, None
    for i, tag in enumerate(tags):
        prefix, _, lab = tag.partition("-")
        if prefix == "O" and not lab:
            if start is not None:
                raise BadTags(f"unclosed span before token {i}")
        elif prefix == "U":
            if start is not None:
                raise BadTags(f"U inside span at token {i}")
            out.append((i, i + 1, lab))
        elif prefix == "B":
            if start is not None:
                raise BadTags(f"B inside span at token {i}")
            start, label = i, lab
        elif prefix in ("I", "L"):
            if start is None or lab != label:
                raise BadTags(f"{prefix} without B at token {i}")
            if prefix == "L":
                out.append((start, i + 1, label))
                start = None
        else:
            raise BadTags(f"unknown tag {tag!r}")
    if start is not None:
        raise BadTags("unclosed span at end")
    return out


def spans_from_iob(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags ("O", "B-X", "I-X") -> spans. An I-X that does not continue an X span starts one,
    which is how the corpora's own tools read them."""
    out, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if prefix == "I" and start is not None and lab == label:
            continue
        if start is not None:
            out.append((start, i, label))
            start = None
        if prefix in ("B", "I"):
            start, label = i, lab
    return out


def _finish(
    corpus: str, words: list[str], spaces: list[bool], raw: list[tuple[int, int, str]], stats: Stats, source: str, stoplist: bool
) -> Sentence:
    ents = []
    for s, e, lab in raw:
        mapped = map_label(lab)
        if mapped is None:
            stats.add(corpus, f"dropped_label_{lab}")
        else:
            ents.append(Ent(s, e, mapped))
    if stoplist:
        ents, changed = clean_spans(words, ents)
        if changed:
            stats.add(corpus, "stoplist_spans_changed", changed)
    return Sentence(corpus, words, spaces, ents, source)


# --- banglakit: [raw sentence, BILUO tags aligned to spaCy tokens] -----------------------------


_SLIPPED_END = frozenset("।,;:?!")


def _is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def read_banglakit(path: Path, stats: Stats, stoplist: bool = True) -> Iterator[Sentence]:
    import spacy

    tokenizer = spacy.blank("bn").tokenizer
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        text, tags = json.loads(line)
        doc = tokenizer(nfc(text))
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        if len(words) != len(tags):
            stats.add("banglakit", "dropped_misaligned")
            continue
        try:
            raw = spans_from_biluo(tags)
        except BadTags:
            stats.add("banglakit", "dropped_bad_tags")
            continue
        # Punctuation inside a span is normal ("জামায়াত - শিবির", "(বিজিবি)"), but a span that starts on
        # punctuation or ends on a danda or comma means the alignment slipped even though counts match.
        if any(_is_punct(words[s]) or words[e - 1] in _SLIPPED_END for s, e, _ in raw):
            stats.add("banglakit", "dropped_entity_on_punct")
            continue
        stats.add("banglakit", "sentences")
        yield _without_dates(_finish("banglakit", words, spaces, raw, stats, "", stoplist), stats)


def _without_dates(s: Sentence, stats: Stats) -> Sentence:
    """banglakit's DATE is weekday names only; "গতকাল", months and years are left O. Rather than teach
    the model that convention against the other corpora, its DATE spans and date-like O tokens become
    missing: banglakit trains and tests PERSON/ORG/LOC only."""
    inside = {i for e in s.ents if e.label != "DATE" for i in range(e.start, e.end)}
    dates = {i for e in s.ents if e.label == "DATE" for i in range(e.start, e.end)}
    s.ents = [e for e in s.ents if e.label != "DATE"]
    s.missing = sorted(dates | {i for i, w in enumerate(s.words) if i not in inside and is_date_word(w)})
    if dates:
        stats.add("banglakit", "date_spans_to_missing")
    return s


# --- column files: rifat (token<TAB>tag) and neonp (token tag) --------------------------------


def _column_blocks(path: Path, corpus: str, stats: Stats, sep: str | None) -> Iterator[list[tuple[str, str] | None]]:
    """Yield sentences as (token, tag) pairs; a malformed line is yielded as None so the caller drops the sentence."""
    block: list[tuple[str, str] | None] = []
    # utf-8-sig eats the BOM on line 1, which would otherwise glue onto the first token.
    for line in path.open(encoding="utf-8-sig"):
        line = line.rstrip("\r\n")
        if not line.strip():
            if block:
                yield block
            block = []
            continue
        fields = [f.strip() for f in line.split(sep)]
        token, tags = fields[0], [f for f in fields[1:] if f]
        if not token and tags == ["O"]:
            # An invisible character (stripped above) tagged O: nothing to learn from, nothing lost.
            stats.add(corpus, "skipped_empty_tokens")
            continue
        if not token or len(tags) != 1:
            stats.add(corpus, "malformed_lines")
            block.append(None)
        else:
            block.append((nfc(token), tags[0]))
    if block:
        yield block


def _rifat_tags(tags: list[str]) -> list[str]:
    # Time expressions carry a bare "TIM" on every token; a run of them is one DATE span.
    out = []
    for i, t in enumerate(tags):
        if t == "TIM":
            t = "I-TIM" if i and tags[i - 1] == "TIM" else "B-TIM"
        out.append(t)
    return out


def read_rifat(path: Path, stats: Stats, source: str, stoplist: bool = True) -> Iterator[Sentence]:
    for block in _column_blocks(path, "rifat", stats, "\t"):
        if None in block:
            stats.add("rifat", "dropped_malformed")
            continue
        words = [w for w, _ in block]
        tags = _rifat_tags([t for _, t in block])
        if any(t != "O" and t[:2] not in ("B-", "I-") for t in tags):
            stats.add("rifat", "dropped_bad_tags")
            continue
        stats.add("rifat", "sentences")
        yield _finish("rifat", words, [True] * (len(words) - 1) + [False], spans_from_iob(tags), stats, source, stoplist)


def _neonp_tag(t: str) -> str:
    # "0" is O; "O-X" marks the last token of a multi-token X, i.e. an inside tag.
    if t == "0":
        return "O"
    if t.startswith("O-"):
        return "I-" + t[2:]
    return t


def read_neonp(path: Path, stats: Stats, stoplist: bool = True) -> Iterator[Sentence]:
    seen: set[tuple[str, ...]] = set()
    for block in _column_blocks(path, "neonp", stats, None):
        if None in block:
            stats.add("neonp", "dropped_malformed")
            continue
        words = [w for w, _ in block]
        if tuple(words) in seen:
            # The file repeats headlines (sometimes with different tags); the first labelling wins.
            stats.add("neonp", "dropped_duplicate")
            continue
        seen.add(tuple(words))
        tags = [_neonp_tag(t) for _, t in block]
        if any(t != "O" and t[:2] not in ("B-", "I-") for t in tags):
            stats.add("neonp", "dropped_bad_tags")
            continue
        stats.add("neonp", "sentences")
        yield _finish("neonp", words, [True] * (len(words) - 1) + [False], spans_from_iob(tags), stats, "", stoplist)


def read_corpus(name: str, shared: Path, stats: Stats, stoplist: bool = True) -> list[Sentence]:
    root = Path(shared) / "corpora"
    if name == "banglakit":
        return list(read_banglakit(root / "banglakit_ner" / "main.jsonl", stats, stoplist))
    if name == "rifat":
        d = root / "rifat_bengali_ner"
        return [*read_rifat(d / "train_data.txt", stats, "train", stoplist), *read_rifat(d / "test_data.txt", stats, "test", stoplist)]
    if name == "neonp":
        return list(read_neonp(root / "neonp_headline_ner" / "label_data.txt", stats, stoplist))
    raise ValueError(f"unknown corpus {name!r}")
