"""Held-out scores: exact span match P/R/F1 per label, per corpus test split and overall.

    python -m training.ner.evaluate --model models/bn_ner --shared ../shared

The test split is rebuilt from the corpora with the seed recorded in the model's scores.json, and the
model is run on Docs built from the corpus tokens, the way khobor calls it.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from .corpora import CORPORA, Sentence, Stats, read_corpus
from .docs import to_doc
from .labels import LABELS, only_generic
from .split import split


def tag(nlp, doc):
    """Run every pipe on a pre-tokenised Doc; the pipeline's own tokenizer is never used."""
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def load_splits(shared: Path, seed: int, stats: Stats | None = None, stoplist: bool = True) -> dict[str, dict[str, list[Sentence]]]:
    stats = stats if stats is not None else Stats()
    sentences = [s for c in CORPORA for s in read_corpus(c, shared, stats, stoplist)]
    return split(sentences, seed, stats)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def score(nlp, sentences: list[Sentence]) -> dict:
    counts = {k: Counter() for k in ("tp", "fp", "fn")}
    generic = 0
    for s in sentences:
        doc = tag(nlp, to_doc(nlp.vocab, s, with_ents=False))
        # A prediction over tokens the corpus left unannotated can be neither right nor wrong.
        blind = set(s.missing)
        pred = {(e.start, e.end, e.label_) for e in doc.ents if blind.isdisjoint(range(e.start, e.end))}
        generic += sum(only_generic(s.words[a:b]) for a, b, _ in pred)
        gold = {(e.start, e.end, e.label) for e in s.ents}
        for kind, spans in (("tp", pred & gold), ("fp", pred - gold), ("fn", gold - pred)):
            counts[kind].update(label for _, _, label in spans)
    per_label = {lab: _prf(counts["tp"][lab], counts["fp"][lab], counts["fn"][lab]) for lab in LABELS}
    total = _prf(*(sum(counts[k].values()) for k in ("tp", "fp", "fn")))
    # Predicted spans made only of stop-listed words (পুলিশ, সরকার, মার্কিন ...) are wrong whatever the gold says.
    return {"overall": total, "per_label": per_label, "sentences": len(sentences), "generic_predictions": generic}


def evaluate(nlp, by_corpus: dict[str, list[Sentence]]) -> dict:
    out = {"by_corpus": {c: score(nlp, ss) for c, ss in sorted(by_corpus.items())}}
    out["all"] = score(nlp, [s for ss in by_corpus.values() for s in ss])
    return out


def format_table(result: dict) -> str:
    rows = ["| test set | label | P | R | F1 | gold spans |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name, sc in [("all", result["all"]), *result["by_corpus"].items()]:
        for lab, m in [*sc["per_label"].items(), ("overall", sc["overall"])]:
            if m["support"] or lab == "overall":
                rows.append(f"| {name} | {lab} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} | {m['support']} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    import spacy

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("models/bn_ner"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--seed", type=int, help="split seed (default: the one in the model's scores.json, else 0)")
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    args = ap.parse_args(argv)
    seed = args.seed
    if seed is None:
        recorded = args.model / "scores.json"
        seed = json.loads(recorded.read_text())["seed"] if recorded.exists() else 0
    nlp = spacy.load(args.model)
    result = evaluate(nlp, load_splits(args.shared, seed)[args.split])
    print(format_table(result))
    print(json.dumps({"seed": seed, "split": args.split, **result}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
