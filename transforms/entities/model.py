"""The trained NER model as a recogniser: spaCy pipeline run on khobor's own tokens.

The model (``models/bn_ner``, trained by ``python -m khobor.training.ner.train``) never sees raw text:
each sentence becomes a spaCy ``Doc`` built from khobor's tokens, so the model's spans map back to
exact offsets, and tokenization is the same in training and in production.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from khobor.transforms.entities.generic import is_generic_span
from khobor.transforms.entities.types import SentenceView, Span

MODEL_CONFIDENCE = 0.8  # spaCy's transition NER gives no calibrated score; held-out precision is in the model card
BATCH = 64  # sentences per model call: larger batches are no faster here and cost ~60 MB more per worker


class SpacyRecogniser:
    def __init__(self, path: Path):
        import spacy

        self.nlp = spacy.load(path, exclude=["senter", "parser", "tagger", "lemmatizer"])
        use_numpy_matmul(self.nlp)
        self.path = path
        self.name = model_name(self.nlp.meta, path)

    def recognise(self, sentences: Sequence[SentenceView]) -> list[list[Span]]:
        # The memory zone frees the strings and lexemes these Docs add to the shared vocabulary;
        # without it a worker grows with every new word it sees, for as long as the run lasts.
        with self.nlp.memory_zone():
            return self._recognise(sentences)

    def _recognise(self, sentences: Sequence[SentenceView]) -> list[list[Span]]:
        from spacy.tokens import Doc

        vocab = self.nlp.vocab
        docs, token_lists = [], []
        for view in sentences:
            toks = [t for t in view.tokens if t.text.strip()]
            words = [t.text for t in toks] or [" "]
            spaces = [i + 1 < len(toks) and toks[i + 1].start > t.end for i, t in enumerate(toks)] or [False]
            docs.append(Doc(vocab, words=words, spaces=spaces))
            token_lists.append(toks)
        for _, proc in self.nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=BATCH))
        out: list[list[Span]] = []
        for doc, toks in zip(docs, token_lists):
            spans = []
            for ent in doc.ents:
                if not toks or ent.label_ not in ("PERSON", "ORG", "LOC", "DATE"):
                    continue
                words = [toks[i].text for i in range(ent.start, ent.end)]
                if ent.label_ != "DATE" and is_generic_span(words):
                    continue  # "entities are names": সরকার, পুলিশ, মানুষ are not
                spans.append(Span(toks[ent.start].start, toks[ent.end - 1].end, ent.label_, "model", MODEL_CONFIDENCE))
            out.append(spans)
        return out


def use_numpy_matmul(nlp) -> None:
    """Run the model's matrix products through numpy (OpenBLAS) instead of blis. blis picks its
    kernels by CPU model and falls back to its generic reference code on CPUs it does not know (the
    virtualised AMD EPYC this was measured on: 47% of the model's time in ``bli_sgemm_generic_ref``);
    OpenBLAS picks by instruction set. Same spans on 7,322 news_bench sentences, 1.6x the tokens/s
    with one thread. The parser's own C loop still calls blis, for a smaller share.

    OpenBLAS gets one thread in this process: the model's matrices are small, so a second thread
    costs more than it gives (1,000 property-test batches: 9.2 s with one, 11.4 s with two) and
    stalls whenever the other core is busy; a run's parallelism is its worker processes."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def model_name(meta: dict, path: Path) -> str:
    return f"model:{meta.get('name', path.name)}-{meta.get('version', '?')}"


def missing_model_warning(path: Path) -> str:
    return f"no NER model at {path}: only the gazetteer and rules ran, so most people and many organisations are missed"


def describe(path: Path | None) -> tuple[list[str], list[str]]:
    """The recognisers a run with the model at ``path`` uses, and its warnings, without loading the
    model (a run with nothing new never pays for that)."""
    if path is None:
        return ["gazetteer", "rules"], []
    path = Path(path)
    if not (path / "config.cfg").exists():
        return ["gazetteer", "rules"], [missing_model_warning(path)]
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").exists() else {}
    return ["gazetteer", "rules", model_name(meta, path)], []


def load_recogniser(path: Path) -> SpacyRecogniser | None:
    """The model at ``path``, or None when no model is there (the caller reports it)."""
    if not (Path(path) / "config.cfg").exists():
        return None
    return SpacyRecogniser(Path(path))
