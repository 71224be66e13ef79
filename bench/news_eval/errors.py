"""Every name error on dev sets, by class, to see what to fix first.

    python -m bench.news_eval.errors ner_dev link_dev [--class boundary] [--label ORG] [--counts]

Each false positive and false negative of the exact-span score (``evaluate.match_names``) is put in
one class:

- ``boundary``: the span overlaps a gold mention (or one of its accepted spans) with the same label
  but does not match it exactly (a title inside, an ending cut off, a modifier missing);
- ``label``: it overlaps a gold mention with another label only (same or another span);
- ``spurious``: a system span that overlaps no gold mention;
- ``missed``: a gold mention no system span overlaps.

A boundary or label error is one error seen from both sides (a wrong span and a gold mention not
found), so each side is listed: ``fp`` and ``fn`` rows. Dev sets only: the test sets' errors are
never to be looked at (README.md).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from bench.news_eval.evaluate import NAME_LABELS, Article, load_articles, load_set, match_names, run_system

CONTEXT = 30


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def classify(art: Article) -> list[dict]:
    """One row per error of one article: side (fp/fn), class, label, the span and what it overlaps."""
    _, fps, missed = match_names(art)
    gold = [g for g in art.gold if g.label in NAME_LABELS]
    system = [m for m in art.system if m["label"] in NAME_LABELS and m.get("form") != "adjective"]
    rows = []
    for m in fps:
        near = [g for g in gold if any(_overlaps(m["start"], m["end"], s, e) for s, e, _ in g.accepts)]
        same = [g for g in near if any(lab == m["label"] and _overlaps(m["start"], m["end"], s, e) for s, e, lab in g.accepts)]
        cls = "boundary" if same else "label" if near else "spurious"
        other = (same or near or [None])[0]
        rows.append(_row(art, "fp", cls, m["label"], m["start"], m["end"], other and (other.start, other.end, other.label)))
    for g in missed:
        near = [m for m in system if any(_overlaps(m["start"], m["end"], s, e) for s, e, _ in g.accepts)]
        same = [m for m in near if any(lab == m["label"] and _overlaps(m["start"], m["end"], s, e) for s, e, lab in g.accepts)]
        cls = "boundary" if same else "label" if near else "missed"
        other = (same or near or [None])[0]
        rows.append(_row(art, "fn", cls, g.label, g.start, g.end, other and (other["start"], other["end"], other["label"])))
    return rows


def _row(art: Article, side: str, cls: str, label: str, start: int, end: int, other) -> dict:
    text = art.text
    return {"article": art.id, "side": side, "class": cls, "label": label, "start": start, "end": end,
            "text": text[start:end], "other": text[other[0]:other[1]] if other else "",
            "other_label": other[2] if other else "",
            "context": " ".join(text[max(0, start - CONTEXT):end + CONTEXT].split())}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--class", dest="cls", help="only this class: boundary, label, spurious, missed")
    ap.add_argument("--label", help="only this label")
    ap.add_argument("--counts", action="store_true", help="the counts only")
    args = ap.parse_args(argv)
    if any(s.endswith("_test") for s in args.sets):
        raise SystemExit("errors on a test set are not to be looked at: use the *_dev sets")
    from khobor.flows.resources import entity_extractor

    articles = load_articles()
    sets = {name: load_set(name, articles) for name in args.sets}
    run_system(sets, entity_extractor(None))
    for name, arts in sets.items():
        rows = [r for a in arts for r in classify(a)]
        counts = Counter((r["side"], r["class"], r["label"]) for r in rows)
        print(f"# {name}: " + ", ".join(f"{s} {c} {lab} {n}" for (s, c, lab), n in sorted(counts.items())))
        if args.counts:
            continue
        for r in rows:
            if (args.cls and r["class"] != args.cls) or (args.label and r["label"] != args.label):
                continue
            print("\t".join([name, *(str(r[k]) for k in ("article", "side", "class", "label", "text", "other_label", "other", "context"))]))


if __name__ == "__main__":
    sys.exit(main())
