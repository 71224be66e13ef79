"""Unlabelled news sentences from news_bench for weak labels, self-training and pretraining.

    python -m khobor.training.ner.news --shared ../shared --out /work/scratch/x/news.jsonl

Every article in an evaluation set (``bench/news_eval/data/sets.json``: all *_dev and *_test sets)
is left out, and so is every article that looks like a copy of one (same title or body, or at least
``NEAR_DUP_SHARE`` of its word 5-grams shared with an evaluation article: papers reprint agency copy).
Bodies only (the evaluation annotates bodies), tokenised by khobor itself, so training sees the same
tokens the model gets in production. The output is a working file outside the repository: news_bench
text belongs to the newspapers and must never be committed.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

NEAR_DUP_SHARE = 0.10
SHINGLE = 5
MIN_TOKENS, MAX_TOKENS = 4, 120
SETS_JSON = Path(__file__).resolve().parents[2] / "bench" / "news_eval" / "data" / "sets.json"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s or "")


def eval_ids(sets_json: Path = SETS_JSON) -> set[int]:
    return {i for ids in json.loads(Path(sets_json).read_text()).values() for i in ids}


def _norm(s: str | None) -> str:
    return " ".join(nfc(s).split())


def _shingles(text: str, k: int = SHINGLE) -> set[str]:
    w = _norm(text).split()
    return {" ".join(w[i : i + k]) for i in range(max(0, len(w) - k + 1))}


def excluded_ids(articles: list[dict], banned: set[int], share: float = NEAR_DUP_SHARE) -> set[int]:
    """The banned ids plus every article that copies one of them (title, body or many 5-grams)."""
    held = [a for a in articles if a["id"] in banned]
    titles = {_norm(a.get("title")) for a in held} - {""}
    bodies = {_norm(a.get("body")) for a in held} - {""}
    sh = {a["id"]: _shingles(a.get("body") or "") for a in held}
    index: dict[str, set[int]] = defaultdict(set)
    for i, s in sh.items():
        for x in s:
            index[x].add(i)
    out = set(banned)
    for a in articles:
        if a["id"] in out:
            continue
        if _norm(a.get("title")) in titles or _norm(a.get("body")) in bodies:
            out.add(a["id"])
            continue
        mine = _shingles(a.get("body") or "")
        hits = Counter(j for x in mine for j in index.get(x, ()))
        if any(n / max(1, min(len(mine), len(sh[j]))) >= share for j, n in hits.items()):
            out.add(a["id"])
    return out


def read_articles(shared: Path) -> list[dict]:
    with (Path(shared) / "corpora" / "news_bench" / "articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pool_articles(shared: Path, sets_json: Path = SETS_JSON) -> tuple[list[dict], dict[str, int]]:
    """Articles that may be used for training, and counts of what was left out."""
    arts = read_articles(shared)
    banned = eval_ids(sets_json)
    out = excluded_ids(arts, banned)
    seen_bodies: set[str] = set()
    kept = []
    dups = 0
    for a in arts:
        if a["id"] in out or not (a.get("body") or "").strip():
            continue
        key = _norm(a["body"])
        if key in seen_bodies:
            dups += 1
            continue
        seen_bodies.add(key)
        kept.append(a)
    return kept, {"articles": len(arts), "eval_set_articles": len(banned), "near_copies_of_eval": len(out) - len(banned),
                  "duplicate_bodies": dups, "pool": len(kept)}


def article_sentences(body: str) -> Iterator[tuple[list[str], list[bool]]]:
    """(words, spaces) per body sentence, khobor's tokens without whitespace, NFC."""
    from khobor.transforms.text.analysis import analyse

    res = analyse(body)
    for s, toks in zip(res.sentences, res.tokens):
        if s.kind != "body":
            continue
        toks = [t for t in toks if t.text.strip()]
        if not (MIN_TOKENS <= len(toks) <= MAX_TOKENS):
            continue
        words = [nfc(t.text) for t in toks]
        spaces = [i + 1 < len(toks) and toks[i + 1].start > t.end for i, t in enumerate(toks)]
        yield words, spaces


def pool_sentences(articles: Iterable[dict]) -> Iterator[dict]:
    for a in articles:
        for k, (words, spaces) in enumerate(article_sentences(a["body"])):
            yield {"article": a["id"], "k": k, "words": words, "spaces": spaces}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    arts, counts = pool_articles(args.shared)
    n = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in pool_sentences(arts):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(json.dumps({**counts, "sentences": n}))


if __name__ == "__main__":
    main()
