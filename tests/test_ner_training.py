"""Converters, label mapping, stop-list and split of training/ner, on tiny made-up examples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from khobor.training.ner.corpora import (
    BadTags,
    Sentence,
    Stats,
    read_banglakit,
    read_neonp,
    read_rifat,
    spans_from_biluo,
    spans_from_iob,
)
from khobor.training.ner.docs import to_doc
from khobor.training.ner.labels import LABELS, Ent, clean_spans, map_label
from khobor.training.ner.split import split

MODEL = Path(__file__).resolve().parents[1] / "models" / "bn_ner"


def spans(s: Sentence) -> list[tuple[str, str]]:
    return [(" ".join(s.words[e.start : e.end]), e.label) for e in s.ents]


def test_label_mapping():
    assert [map_label(x) for x in ("PER", "PERSON", "GPE", "LOC", "TIM", "TIME", "DATE", "ORG")] == [
        "PERSON", "PERSON", "LOC", "LOC", "DATE", "DATE", "DATE", "ORG",
    ]
    assert map_label("LAW") is None and map_label("UNIT") is None
    with pytest.raises(ValueError):
        map_label("MISC")


def test_biluo_decoding_and_rejection():
    assert spans_from_biluo(["B-PERSON", "L-PERSON", "O", "U-GPE"]) == [(0, 2, "PERSON"), (3, 4, "GPE")]
    for bad in (["B-ORG", "O"], ["I-ORG"], ["B-ORG", "L-GPE"], ["X-ORG"]):
        with pytest.raises(BadTags):
            spans_from_biluo(bad)


def test_iob_decoding():
    # B after B is a new entity; a stray I starts one.
    assert spans_from_iob(["B-PER", "B-PER", "I-PER", "O", "I-LOC"]) == [(0, 1, "PER"), (1, 3, "PER"), (4, 5, "LOC")]


def test_banglakit_reader_aligns_with_spacy_tokens_and_drops_misaligned(tmp_path):
    f = tmp_path / "main.jsonl"
    rows = [
        ["করিম মিয়া ঢাকায় গেলেন।", ["B-PERSON", "L-PERSON", "U-GPE", "O", "O"]],
        ["করিম মিয়া ঢাকায় গেলেন।", ["B-PERSON", "L-PERSON", "U-GPE", "O"]],  # one tag short
        ["আইন পাস হলো", ["U-LAW", "O", "O"]],
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    st = Stats()
    out = list(read_banglakit(f, st))
    assert [spans(s) for s in out] == [[("করিম মিয়া", "PERSON"), ("ঢাকায়", "LOC")], []]
    assert out[0].words[-1] == "।" and out[0].spaces[-2] is False
    assert st.counts["banglakit:dropped_misaligned"] == 1
    assert st.counts["banglakit:dropped_label_LAW"] == 1


def test_banglakit_dates_become_missing_annotation(tmp_path):
    f = tmp_path / "main.jsonl"
    row = ["গতকাল রোববার করিম ৩ মে এলেন", ["O", "U-DATE", "U-PERSON", "O", "O", "O"]]
    f.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    (s,) = read_banglakit(f, Stats())
    assert spans(s) == [("করিম", "PERSON")] and s.missing == [0, 1, 3, 4]
    doc = to_doc(Vocab(), s)
    assert [t.ent_iob_ for t in doc] == ["", "", "B", "", "", "O"]


def test_rifat_reader_bom_bare_tim_and_malformed(tmp_path):
    f = tmp_path / "train.txt"
    f.write_text(
        "\ufeffগত\tTIM\nসোমবার\tTIM\nরহিম\tB-PER\nউদ্দিন\tI-PER\n\tO\nরাজশাহী\tB-LOC\nযান\tO\n\n"
        "এক\tO\nদুই\t\nতিন\tO\n",
        encoding="utf-8",
    )
    st = Stats()
    out = list(read_rifat(f, st, "train"))
    assert len(out) == 1 and out[0].words[0] == "গত"  # BOM gone
    assert spans(out[0]) == [("গত সোমবার", "DATE"), ("রহিম উদ্দিন", "PERSON"), ("রাজশাহী", "LOC")]
    assert st.counts["rifat:skipped_empty_tokens"] == 1
    assert st.counts["rifat:dropped_malformed"] == 1


def test_neonp_reader_zero_and_o_x_and_duplicates(tmp_path):
    f = tmp_path / "label_data.txt"
    block = "নতুন 0\nবাজেট 0\nদিলেন 0\nআলম B-PER\nমিয়া O-PER\n৫ B-UNIT\nকোটি O-UNIT\n"
    f.write_text(block + "\n" + block + "\nখুলনা B-LOC\nসিটি I-LOC\nকরপোরেশন O-LOC\n", encoding="utf-8")
    st = Stats()
    out = list(read_neonp(f, st))
    assert [spans(s) for s in out] == [[("আলম মিয়া", "PERSON")], [("খুলনা সিটি করপোরেশন", "LOC")]]
    assert st.counts["neonp:dropped_duplicate"] == 1
    assert st.counts["neonp:dropped_label_UNIT"] == 1


def test_nukta_forms_are_unified(tmp_path):
    composed, decomposed = "\u09df", "\u09af\u09bc"  # precomposed য় vs য + nukta
    f = tmp_path / "t.txt"
    f.write_text(f"মি{composed}া B-PER\n\nমি{decomposed}া B-PER\n", encoding="utf-8")
    st = Stats()
    (only,) = read_neonp(f, st)  # the second spelling is now a duplicate of the first
    assert only.words == [f"মি{decomposed}া"] and st.counts["neonp:dropped_duplicate"] == 1


def test_stoplist_drops_generic_spans_and_strips_titles():
    words = "প্রধানমন্ত্রী রহিমা খাতুন বলেন পুলিশ ও সরকারের কর্মকর্তা মনোজ সরকার রূপালী ব্যাংক গত বছর বছর".split()
    ents = [
        Ent(0, 3, "PERSON"),  # title + name
        Ent(4, 5, "ORG"),  # পুলিশ
        Ent(6, 7, "ORG"),  # সরকারের
        Ent(8, 10, "PERSON"),  # surname সরকার stays
        Ent(10, 12, "ORG"),  # a bank's name keeps "ব্যাংক"
        Ent(12, 14, "DATE"),  # "last year" is a date
        Ent(14, 15, "DATE"),  # a bare "year" is not
    ]
    kept, changed = clean_spans(words, ents)
    assert [(" ".join(words[e.start : e.end]), e.label) for e in kept] == [
        ("রহিমা খাতুন", "PERSON"),
        ("মনোজ সরকার", "PERSON"),
        ("রূপালী ব্যাংক", "ORG"),
        ("গত বছর", "DATE"),
    ]
    assert changed == 4


def test_stoplist_splits_person_span_around_inner_title():
    words = "আলী আহমেদ ও মন্ত্রী জামাল হক".split()
    kept, _ = clean_spans(words, [Ent(0, 6, "PERSON")])
    assert kept == [Ent(0, 3, "PERSON"), Ent(4, 6, "PERSON")]


def test_inflected_generic_and_group_words():
    for w, lab in (("পুলিশের", "ORG"), ("মানুষকে", "PERSON"), ("চীনা", "LOC"), ("মুসলিমদের", "ORG")):
        assert clean_spans([w], [Ent(0, 1, lab)])[0] == []


def _sent(corpus, text, source=""):
    words = text.split()
    return Sentence(corpus, words, [True] * len(words), [], source)


def test_split_is_deterministic_and_keeps_test_out_of_training():
    sents = [_sent("neonp", f"শিরোনাম {i}") for i in range(400)] + [_sent("rifat", "একই বাক্য", "test"), _sent("rifat", "একই বাক্য", "train")]
    a = split(sents, seed=3, stats=Stats())
    b = split(list(reversed(sents)), seed=3, stats=Stats())
    for sp in ("train", "dev", "test"):
        assert sorted(s.key for g in a[sp].values() for s in g) == sorted(s.key for g in b[sp].values() for s in g)
    n_test = len(a["test"]["neonp"])
    assert 30 < n_test < 90  # ~15 % of 400
    train_keys = {s.key for g in a["train"].values() for s in g}
    assert "একই বাক্য" not in train_keys and len(a["test"]["rifat"]) == 1


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/bn_ner not built")
def test_shipped_model_tags_a_pretokenised_doc():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    words = ["শনিবার", "ঢাকায়", "রহিম", "উদ্দিন", "বলেন", ",", "বাংলাদেশ", "ব্যাংক", "সুদ", "কমাবে", "।"]
    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.text for t in doc] == words
    assert all(e.label_ in LABELS for e in doc.ents)
    assert doc.ents, "the model found nothing in an obvious sentence"
