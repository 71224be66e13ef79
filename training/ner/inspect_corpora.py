"""Count the most frequent entity strings per label per corpus, before and after the stop-list.

This is how the generic nouns in labels.GENERIC/TITLES were found:
    python -m training.ner.inspect_corpora --shared ../shared [--top 40]
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from .corpora import CORPORA, Stats, read_corpus
from .labels import LABELS, is_generic, is_title


def top_strings(sentences, top: int) -> dict[str, list[tuple[str, int]]]:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for s in sentences:
        for e in s.ents:
            counts[e.label][" ".join(s.words[e.start : e.end])] += 1
    return {lab: counts[lab].most_common(top) for lab in LABELS}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    for corpus in CORPORA:
        stats = Stats()
        raw = read_corpus(corpus, args.shared, stats, stoplist=False)
        for lab, rows in top_strings(raw, args.top).items():
            marked = [f"{t}{'*' if any(is_generic(w) or is_title(w) for w in t.split()) else ''}:{n}" for t, n in rows]
            print(f"{corpus} {lab}: {' '.join(marked)}")
        print(f"{corpus} stats: {stats.as_dict()}\n")
    print("* = contains a stop-listed word")


if __name__ == "__main__":
    main()
