"""Tokens per second of an NER pipeline on khobor's own tokens, one thread, the way khobor runs it.

    python -m khobor.training.ner.speed --model models/bn_ner --shared ../shared [--articles 300]

Sentences come from news_bench articles that are in no evaluation set (``bench/news_eval/data/sets.json``),
tokenised by khobor; the model runs through ``SpacyRecogniser`` (batches of 256 sentences). Only timings
are printed, never text.
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def sentence_views(shared: Path, articles: int, skip_ids: set[int]) -> list:
    from khobor.transforms.entities.types import SentenceView
    from khobor.transforms.text.analysis import analyse

    views = []
    n = 0
    with (shared / "corpora" / "news_bench" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art["id"] in skip_ids or not art.get("body"):
                continue
            res = analyse(art["body"])
            for s, toks in zip(res.sentences, res.tokens):
                views.append(SentenceView(res.cleaned.text, s.start, s.end, toks))
            n += 1
            if n >= articles:
                break
    return views


def measure(model: Path, views: list, repeats: int = 3) -> dict:
    from khobor.transforms.entities.model import SpacyRecogniser

    rec = SpacyRecogniser(model)
    tokens = sum(1 for v in views for t in v.tokens if t.text.strip())
    rec.recognise(views[:200])  # warm up
    best = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        rec.recognise(views)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    size = sum(p.stat().st_size for p in Path(model).rglob("*") if p.is_file())
    return {"tokens": tokens, "sentences": len(views), "seconds": round(best, 3), "tokens_per_s": round(tokens / best), "model_bytes": size}


def eval_ids(root: Path | None = None) -> set[int]:
    root = root or Path(__file__).resolve().parents[2] / "bench" / "news_eval" / "data" / "sets.json"
    return {i for ids in json.loads(root.read_text()).values() for i in ids}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, action="append", required=True, help="repeat to compare models on the same tokens")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args(argv)
    views = sentence_views(args.shared, args.articles, eval_ids())
    for m in args.model:
        print(json.dumps({"model": str(m), **measure(m, views)}))


if __name__ == "__main__":
    main()
