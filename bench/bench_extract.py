"""Throughput of ``khobor extract`` on news articles, in sentences per second.

    .venv/bin/python bench/bench_extract.py [--input PATH] [--limit N] [--no-model]

Each article (``title + "\\n" + body`` of ``../shared/corpora/news_bench/articles.jsonl``) becomes a
``{"id", "text", "date"}`` line; the lines go through ``extract_records`` exactly as the CLI
sends them (clean, split, tokenize, model + gazetteer + rules, linking, offsets back to the
input), in one process. Reported: records, sentences and mentions per second of wall time, the
model's share, and the process's peak resident memory. Model loading is timed apart.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khobor.flows.jsonl import extract_records  # noqa: E402
from khobor.flows.resources import model_dir  # noqa: E402
from khobor.transforms.entities.extract import EntityExtractor  # noqa: E402
from khobor.transforms.entities.model import load_recogniser  # noqa: E402
from khobor.transforms.text.cleaning import clean_text  # noqa: E402
from khobor.transforms.text.sentences import split_sentences  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "news_bench" / "articles.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-model", action="store_true", help="gazetteer and rules only")
    args = ap.parse_args()
    lines = []
    with open(args.input, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = (rec.get("title") or "") + "\n" + (rec.get("body") or "")
            lines.append(json.dumps({"id": rec.get("id"), "text": text, "date": rec.get("date")}, ensure_ascii=False))
            if args.limit and len(lines) >= args.limit:
                break
    sentences = sum(len(split_sentences(clean_text(json.loads(x)["text"]).text)) for x in lines)
    t0 = time.perf_counter()
    rec = None if args.no_model else load_recogniser(model_dir())
    load_s = time.perf_counter() - t0
    model_time = [0.0]
    if rec is not None:
        inner = rec.recognise

        def timed(views):
            t = time.perf_counter()
            try:
                return inner(views)
            finally:
                model_time[0] += time.perf_counter() - t

        rec.recognise = timed
    extractor = EntityExtractor(recognisers=[rec] if rec else [])
    t0 = time.perf_counter()
    mentions = errors = 0
    for out in extract_records(lines, extractor):
        obj = json.loads(out)
        mentions += len(obj.get("entities", []))
        errors += "error" in obj
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {'none' if rec is None else rec.path} (loaded in {load_s:.1f} s)")
    print(f"records {len(lines)}, sentences {sentences}, mentions {mentions}, errors {errors}")
    print(f"wall {wall:.1f} s: {sentences / wall:.0f} sentences/s, {len(lines) / wall:.1f} records/s, "
          f"model {model_time[0]:.1f} s ({100 * model_time[0] / wall:.0f}%)")
    print(f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
