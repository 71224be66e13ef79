"""Optional: floret subword vectors trained on the news_bench articles, as a spaCy vectors pipeline.

    python -m training.ner.vectors --shared ../shared --out /tmp/khobor_ner_vectors

floret's "floret" mode stores only hashed subword rows, no word list, so the vectors table carries no
article text; the tokenised text itself is written under /tmp and never kept. Needs ``pip install floret``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

# Small table: 20k rows x 64 dims is ~5 MB inside the shipped model.
FLORET = dict(model="cbow", mode="floret", hashCount=2, bucket=20000, minn=3, maxn=5, dim=64, epoch=5, minCount=3, thread=1)


def write_tokenised(articles: Path, dest: Path) -> int:
    import spacy

    tokenizer = spacy.blank("bn").tokenizer
    n = 0
    with articles.open(encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            art = json.loads(line)
            for part in (art.get("title") or "", art.get("body") or ""):
                for para in unicodedata.normalize("NFC", part).splitlines():
                    if para.strip():
                        out.write(" ".join(t.text for t in tokenizer(para) if not t.is_space) + "\n")
            n += 1
    return n


def build(shared: Path, out: Path) -> Path:
    import floret

    out.mkdir(parents=True, exist_ok=True)
    text = out / "tokens.txt"
    n = write_tokenised(shared / "corpora" / "news_bench" / "articles.jsonl", text)
    print(f"{n} articles tokenised", flush=True)
    # floret has no seed option; with one thread its fixed internal seed makes the run repeatable.
    model = floret.train_unsupervised(str(text), **FLORET)
    table = out / "vectors.floret"
    model.save_floret_vectors(str(table))
    text.unlink()
    pipeline = out / "spacy"
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "bn", str(table), str(pipeline), "--mode", "floret"],
        check=True,
    )
    return pipeline


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/khobor_ner_vectors"))
    args = ap.parse_args(argv)
    print(build(args.shared, args.out))


if __name__ == "__main__":
    main()
