"""Throughput of the text layer against spaCy's blank Bengali tokenizer, on one core.

    .venv/bin/python bench/bench_text.py [--input PATH] [--limit N] [--repeat R]

Each article is ``title + "\\n" + body``, encoded to UTF-8 bytes up front. Ours: decode_bytes +
clean_text (with its offset map) + split_sentences + the tokens of every sentence with kinds,
values and offsets, 256 articles at a time, stage by stage; the tokens either as table columns
(``token_columns``, what a table needs) or as Token tuples per sentence (``tokenize_sentences``). spaCy: ``spacy.blank("bn").tokenizer.pipe``
(batch size 256) over the same clean texts.

Each side runs ``--repeat`` passes over the whole input, the two sides taking turns so that
load from elsewhere on the machine hits both alike, and the fastest pass counts. Times are CPU
seconds of this process (time.process_time). spaCy's tokenizer caches the analysis of every
whitespace-separated chunk it has seen, so it is reported twice: "fresh" builds a new
``spacy.blank("bn")`` for every pass (text it has not seen, as in a run over new articles; a
300-article warm-up on the new object first), "cache warm" re-runs one tokenizer over texts
it has already tokenized (an upper bound for spaCy). Memory: the process's maximum resident
set size (spaCy loaded) and the tracemalloc peak of one pass of ours. Everything loaded before
the timed passes (spaCy, the input) is moved out of the garbage collector's sight with
``gc.freeze()``, as a long-running worker would do after start-up.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khobor.transforms.text.cleaning import clean_text  # noqa: E402
from khobor.transforms.text.decoding import decode_bytes  # noqa: E402
from khobor.transforms.text.sentences import split_sentences  # noqa: E402
from khobor.transforms.text.tokens import token_columns, tokenize, tokenize_sentences  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "news_bench" / "articles.jsonl"


def load(path: Path, limit: int | None) -> list[bytes]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append(((rec.get("title") or "") + "\n" + (rec.get("body") or "")).encode("utf-8"))
            if limit and len(out) >= limit:
                break
    return out


def ours(blobs: list[bytes], batch: int = 256, columns: bool = False) -> tuple[int, int]:
    """Decode, clean, split and tokenize, a batch of articles at a time and stage by stage,
    as the nightly flow works through a table; each stage's code and data stay in cache.
    Tokens come as Token tuples per sentence, or with ``columns`` as table columns."""
    n_tokens = n_sentences = 0
    for i in range(0, len(blobs), batch):
        texts = [decode_bytes(data).text for data in blobs[i : i + batch]]
        cleaned = [clean_text(text) for text in texts]  # each with its offset map
        clean = [c.text for c in cleaned]
        sentences = [split_sentences(text) for text in clean]
        for text, sents in zip(clean, sentences):
            if columns:
                n_tokens += len(token_columns(text, sents).start)
            else:
                n_tokens += sum(map(len, tokenize_sentences(text, sents)))
            n_sentences += len(sents)
    return n_tokens, n_sentences


def ours_columns(blobs: list[bytes]) -> tuple[int, int]:
    return ours(blobs, columns=True)


def stage_times(blobs: list[bytes]) -> dict[str, float]:
    """CPU seconds of each stage run over all articles in turn (each stage stays hot in cache)."""
    out = {}
    texts = _stage(out, "decode", lambda: [decode_bytes(b).text for b in blobs])
    cleaned = _stage(out, "clean", lambda: [clean_text(t).text for t in texts])
    sentences = _stage(out, "split", lambda: [split_sentences(t) for t in cleaned])
    _stage(out, "tokenize", lambda: [len(tokenize_sentences(t, s)) for t, s in zip(cleaned, sentences)])
    return out


def _stage(out: dict, name: str, fn):
    gc.collect()
    t0 = time.process_time()
    result = fn()
    out[name] = time.process_time() - t0
    return result


def tokens_only(texts: list[str]) -> int:
    return sum(len(tokenize(text)) for text in texts)


def spacy_tokens(nlp, texts: list[str]) -> int:
    return sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=256))


def timed(fn, *args):
    gc.collect()
    t0 = time.process_time()
    result = fn(*args)
    return time.process_time() - t0, result


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pin", action="store_true", help="pin the process to one CPU (both sides are single-threaded anyway)")
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"no input at {args.input}", file=sys.stderr)
        return 2
    if args.pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    blobs = load(args.input, args.limit)
    n_chars = sum(len(b.decode("utf-8")) for b in blobs)
    import spacy

    clean_texts = [clean_text(decode_bytes(b).text).text for b in blobs]
    warm_up = clean_texts[:300]
    ours(blobs[:300])
    ours_columns(blobs[:300])
    spacy.blank("bn")
    # What is loaded now (spaCy, the input) lives for the whole run: keep the collector from
    # walking it again and again, which would bill spaCy's import to whichever side allocates.
    gc.collect()
    gc.freeze()

    def spacy_fresh(texts):
        nlp = spacy.blank("bn")
        spacy_tokens(nlp, warm_up)
        return timed(spacy_tokens, nlp, texts)

    # Alternate the two sides so that load from elsewhere on the machine hits both alike.
    runs_ours, runs_cols, runs_spacy, runs_tok = [], [], [], []
    for _ in range(args.repeat):
        runs_cols.append(timed(ours_columns, blobs))
        runs_ours.append(timed(ours, blobs))
        runs_spacy.append(spacy_fresh(clean_texts))
        runs_tok.append(timed(tokens_only, clean_texts))
    t_ours, (n_tok, n_sent) = min(runs_ours)
    t_cols, (n_cols, _) = min(runs_cols)
    assert n_cols == n_tok
    t_spacy, n_spacy = min(runs_spacy)
    t_tok, _ = min(runs_tok)
    nlp = spacy.blank("bn")
    spacy_tokens(nlp, clean_texts)
    t_warm, _ = min(timed(spacy_tokens, nlp, clean_texts) for _ in range(args.repeat))
    stages = min((stage_times(blobs) for _ in range(args.repeat)), key=lambda d: sum(d.values()))
    rss_after = maxrss_mib()
    tracemalloc.start()
    ours(blobs)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    cols_rate = n_tok / t_cols
    ours_rate = n_tok / t_ours
    spacy_rate = n_spacy / t_spacy
    warm_rate = n_spacy / t_warm
    print(f"input            {args.input} ({len(blobs)} articles, {n_chars:,} chars)")
    print(f"ours, columns    {n_tok:,} tokens, {n_sent:,} sentences in {t_cols:.3f} s = {cols_rate:,.0f} tokens/s "
          "(decode+clean+split+token_columns: start/end/kind/text/value/sentence lists)")
    print(f"ours, Tokens     {n_tok:,} tokens, {n_sent:,} sentences in {t_ours:.3f} s = {ours_rate:,.0f} tokens/s "
          "(decode+clean+split+tokenize_sentences: a Token tuple per token)")
    print(f"ours, tokenize   {n_tok:,} tokens in {t_tok:.3f} s = {n_tok / t_tok:,.0f} tokens/s "
          "(tokenize() alone on the clean texts, like for like with spaCy's tokenizer)")
    print(f"spaCy blank bn   {n_spacy:,} tokens in {t_spacy:.3f} s = {spacy_rate:,.0f} tokens/s "
          "(tokenizer only, fresh)")
    print(f"spaCy cache warm {n_spacy:,} tokens in {t_warm:.3f} s = {warm_rate:,.0f} tokens/s")
    print(f"ratio, columns   {cols_rate / spacy_rate:.2f}x vs fresh, {cols_rate / warm_rate:.2f}x vs cache warm "
          "(tokens/s, whole text layer / spaCy tokenizer)")
    print(f"ratio, Tokens    {ours_rate / spacy_rate:.2f}x vs fresh, {ours_rate / warm_rate:.2f}x vs cache warm")
    print(f"ratio, tokenize  {n_tok / t_tok / spacy_rate:.2f}x vs fresh, {n_tok / t_tok / warm_rate:.2f}x vs cache warm")
    print("stages           " + ", ".join(f"{k} {v:.3f} s" for k, v in stages.items())
          + " (each over all articles in turn; tokenize = tokens of every sentence)")
    print(f"peak memory      process maxrss {rss_after:.0f} MiB (spaCy loaded); "
          f"tracemalloc peak of one pass of ours {traced_peak / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
