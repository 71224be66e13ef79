"""Optional: pretrain the tok2vec on unlabelled news (spaCy's character objective) for ``train --init-tok2vec``.

    python -m khobor.training.ner.pretrain --pool news_pool.jsonl --out /work/scratch/x/pretrain --epochs 8

The text is the news pool of ``training/ner/news.py`` (news_bench articles outside every evaluation set,
tokenised by khobor) plus the training corpora's train sentences; it is written as a DocBin under
``--out`` (outside the repository) and never kept in the model: the weights file holds no text. The
tok2vec architecture is read from the training config (with the same overrides), since the weights only
fit the architecture they were trained for.
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from .corpora import Sentence  # noqa: E402
from .train import CONFIG  # noqa: E402

PRETRAIN = """
[pretraining]
max_epochs = {epochs}
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 3000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-8
learn_rate = 0.001

[corpora.pretrain]
@readers = "spacy.Corpus.v1"
path = {docbin}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null
"""


def write_text_docbin(pool: Path, shared: Path | None, dest: Path, seed: int = 0) -> int:
    from .docs import write_docbin

    def sentences():
        with pool.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                yield Sentence("news", r["words"], r["spaces"], [])
        if shared is not None:
            from .evaluate import load_splits

            for group in load_splits(shared, seed)["train"].values():
                for s in group:
                    yield Sentence(s.corpus, s.words, s.spaces, [])

    return write_docbin(dest, sentences())


def main(argv: list[str] | None = None) -> None:
    from spacy.cli.pretrain import pretrain
    from thinc.api import Config

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pool", type=Path, required=True)
    ap.add_argument("--shared", type=Path, help="also the corpora's train sentences")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--override", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    docbin = args.out / "text.spacy"
    n = write_text_docbin(args.pool, args.shared, docbin)
    print(f"{n} sentences", flush=True)
    base = args.config.read_text(encoding="utf-8").replace("\n[pretraining]\n", "\n")  # the training config's empty section
    cfg = Config().from_str(base + PRETRAIN.format(epochs=args.epochs, docbin=json.dumps(str(docbin))), interpolate=False)
    overrides = {}
    for kv in args.override:
        key, _, value = kv.partition("=")
        overrides[key] = json.loads(value)
    cfg_path = args.out / "pretrain.cfg"
    cfg.to_disk(cfg_path)
    from spacy.util import load_config

    config = load_config(cfg_path, overrides=overrides, interpolate=True)
    (args.out / "weights").mkdir(exist_ok=True)
    pretrain(config, args.out / "weights", use_gpu=-1, silent=False)


if __name__ == "__main__":
    main()
