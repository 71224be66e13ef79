"""Convert the corpora, train the NER pipeline on CPU, score it on the held-out test splits, write the model.

    python -m training.ner.train --shared ../shared --out models/bn_ner

Writes ``<out>/`` (a spaCy pipeline with only tok2vec + ner), ``<out>/scores.json`` and
``<out>/MODEL_CARD.md``. DocBins and spaCy's checkpoints go to ``--work`` (under /tmp), never into the repo.
"""
from __future__ import annotations

import os

# Other work shares the machine: one BLAS thread; must be set before numpy is imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from .corpora import CORPORA, Stats  # noqa: E402
from .docs import write_docbin  # noqa: E402
from .evaluate import evaluate, format_table, load_splits, score  # noqa: E402

CONFIG = Path(__file__).with_name("config.cfg")
# Chosen by the experiments recorded in MODEL_CARD.md.
DEFAULT_CORPORA = ("banglakit", "rifat", "neonp")


META = {
    "name": "bn_ner",
    "version": "0.1.0",
    "description": "khobor Bengali NER (PERSON, ORG, LOC, DATE) for pre-tokenised Docs; see MODEL_CARD.md",
    "license": "MIT; trained on CC0 1.0, MIT and CC BY 4.0 data (attributions in MODEL_CARD.md)",
    "sources": [
        {"name": "banglakit/bengali-ner-data", "url": "https://github.com/banglakit/bengali-ner-data", "license": "CC0 1.0"},
        {"name": "Rifat1493/Bengali-NER", "url": "https://github.com/Rifat1493/Bengali-NER", "license": "MIT", "author": "Md Jamiur Rahman Rifat"},
        {
            "name": "neon-p Bangla NER headline dataset",
            "url": "https://github.com/neon-p/bangla-ner-bilstm-with-fasttext-word2vec-embeddings",
            "license": "CC BY 4.0",
        },
    ],
}


def prune_strings(nlp) -> int:
    """Drop the training words from the pipeline's string store before saving.

    spaCy keeps every token string it saw in training; the model needs none of them (its embeddings hash the
    strings of each new Doc at run time), only the labels. Pruning keeps news_bench's words out of the
    shipped files and leaves predictions unchanged. Returns how many strings are kept.
    """
    import spacy

    keep = set(spacy.blank(nlp.lang).vocab.strings)
    for _, proc in nlp.pipeline:
        keep.update(getattr(proc, "labels", ()))
    nlp.vocab.strings._reset_and_load(sorted(keep))
    return len(keep)


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("models/bn_ner"))
    ap.add_argument("--corpora", default=",".join(DEFAULT_CORPORA), help="comma-separated training corpora")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, help="override training.max_steps")
    ap.add_argument("--vectors", type=Path, help="a spaCy vectors pipeline dir (see training.ner.vectors)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/khobor_ner"))
    ap.add_argument("--no-card", action="store_true", help="skip MODEL_CARD.md (for experiments)")
    ap.add_argument("--no-stoplist", action="store_true", help="experiment: train/dev without the stop-list (test keeps it)")
    ap.add_argument("--news", type=Path, help="weakly labelled news sentences (training.ner.weak output), added to train only")
    ap.add_argument("--news-max", type=int, default=30000, help="at most this many news sentences (a seeded sample)")
    ap.add_argument("--news-empty-share", type=float, default=0.5, help="keep this share of news sentences without any entity")
    ap.add_argument("--config", type=Path, default=CONFIG, help="experiment: another training config")
    ap.add_argument("--override", action="append", default=[], metavar="KEY=VALUE", help="experiment: a config override (JSON value)")
    ap.add_argument("--init-tok2vec", type=Path, help="pretrained tok2vec weights (spacy pretrain output)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.cli.train import train as spacy_train

    started = time.time()
    chosen = [c.strip() for c in args.corpora.split(",") if c.strip()]
    unknown = set(chosen) - set(CORPORA)
    if unknown:
        ap.error(f"unknown corpora {sorted(unknown)}")
    if args.out.exists() and not (args.out / "meta.json").exists():
        ap.error(f"{args.out} exists and is not a spaCy pipeline; refusing to replace it")

    stats = Stats()
    parts = load_splits(args.shared, args.seed, stats)
    # The split hashes the words only, so both readings give the same sentences in the same splits.
    fit = load_splits(args.shared, args.seed, Stats(), stoplist=False) if args.no_stoplist else parts
    work = args.work
    if work.exists():
        shutil.rmtree(work)
    sizes = {}
    news = []
    if args.news:
        from .weak import sample_news

        news = sample_news(args.news, args.news_max, args.news_empty_share, args.seed)
    sizes["news"] = len(news)
    for sp in ("train", "dev"):
        extra = news if sp == "train" else []
        sizes[sp] = write_docbin(work / f"{sp}.spacy", [*(s for c in chosen for s in fit[sp].get(c, [])), *extra])
    sizes["test"] = {c: len(v) for c, v in parts["test"].items()}
    print(f"sentences: {sizes}\nconversion: {json.dumps(stats.as_dict(), ensure_ascii=False)}", flush=True)

    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "system.seed": args.seed,
    }
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    if args.vectors:
        overrides["paths.vectors"] = str(args.vectors)
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
    config = args.config
    if args.init_tok2vec:
        # spaCy loads pretrained weights only when the config has a [pretraining] section naming the
        # component; the training config's section is empty, so a filled one is added for this run.
        from .pretrain import PRETRAIN

        base = args.config.read_text(encoding="utf-8").replace("\n[pretraining]\n", "\n")
        config = work / "config_init_tok2vec.cfg"
        config.write_text(base + PRETRAIN.format(epochs=1, docbin=json.dumps(str(work / "dev.spacy"))), encoding="utf-8")
        overrides["paths.init_tok2vec"] = str(args.init_tok2vec)
    for kv in args.override:
        key, _, value = kv.partition("=")
        overrides[key] = json.loads(value)
    spacy_train(config, work / "run", overrides=overrides, use_gpu=-1)
    train_seconds = round(time.time() - started)

    nlp = spacy.load(work / "run" / "model-best")
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    nlp.meta.update(META)
    # Saved before scoring (scoring adds the test words to the string store), with only the labels kept.
    prune_strings(nlp)
    nlp.to_disk(out)
    result = evaluate(nlp, parts["test"])
    dev = score(nlp, [s for c in chosen for s in parts["dev"].get(c, [])])
    report = {
        "seed": args.seed,
        "corpora": chosen,
        "vectors": bool(args.vectors),
        "stoplist": not args.no_stoplist,
        "news_weak": {"file": args.news.name, "max": args.news_max, "empty_share": args.news_empty_share} if args.news else None,
        "config": args.config.name,
        "overrides": args.override,
        "init_tok2vec": bool(args.init_tok2vec),
        "max_steps": nlp.config["training"]["max_steps"],
        "sentences": sizes,
        "conversion": stats.as_dict(),
        "train_seconds": train_seconds,
        "model_bytes": _dir_size(out),
        "dev": dev,
        "test": result,
    }
    (out / "scores.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.no_card:
        from .model_card import write_card

        write_card(out, report)
    print(format_table(result))
    print(f"dev F1 {dev['overall']['f']:.3f}; {train_seconds}s; model {report['model_bytes'] / 1e6:.1f} MB -> {out}")
    return report


if __name__ == "__main__":
    main()
