"""Add khobor's own news evaluation (bench/news_eval dev sets) and the model's speed to a trained model's
scores.json, then re-render its MODEL_CARD.md.

    python -m khobor.training.ner.report --model DIR --shared ../shared [--sets ner_dev link_dev]

Run from the project root (``bench`` is imported from there). Tune on the *_dev sets only; a *_test
set belongs in the card once, for the chosen model (``--sets ner_test link_test``).
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402


def news_eval(model: Path, sets: list[str]) -> dict:
    from bench.news_eval.evaluate import evaluate
    from khobor.flows.resources import entity_extractor

    rep = evaluate(sets, entity_extractor(model))
    out = {}
    for name, r in rep["sets"].items():
        link = {k: v for k, v in r.get("linking", {}).items() if k != "english_wrong_sample"}
        out[name] = {"articles": r["articles"], "names_exact": r.get("names_exact"), "names_overlap": r.get("names_overlap"), "linking": link}
    return out


def main(argv: list[str] | None = None) -> None:
    from . import speed
    from .model_card import write_card

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--sets", nargs="+", default=["ner_dev", "link_dev"])
    ap.add_argument("--baseline", type=Path, action="append", default=[], help="also time these models on the same tokens")
    ap.add_argument("--no-card", action="store_true")
    args = ap.parse_args(argv)
    path = args.model / "scores.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report.setdefault("news_eval", {}).update(news_eval(args.model, args.sets))
    views = speed.sentence_views(args.shared, 300, speed.eval_ids())
    report["speed"] = {"model": speed.measure(args.model, views), "baselines": {str(b): speed.measure(b, views) for b in args.baseline}}
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.no_card:
        write_card(args.model, report)
    for name, r in report["news_eval"].items():
        ne = r["names_exact"]
        print(name, " ".join(f"{lab} P {m['precision']:.3f} R {m['recall']:.3f}" for lab, m in ne.items()))
    print(json.dumps(report["speed"]))


if __name__ == "__main__":
    main()
