"""Near-duplicate detection: the same story with small edits is linked, different stories are not."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khobor.transforms.documents.near_duplicates import THRESHOLD, band_hashes, batch_signatures, link_batch, signature, similarity

STORY = (
    "সিলেট ও সুনামগঞ্জে বন্যার পানি কমতে শুরু করেছে। সুরমা নদীর পানি বিপৎসীমার নিচে নেমেছে। "
    "পানি উন্নয়ন বোর্ড জানিয়েছে, আগামী দুই দিনে পরিস্থিতির আরও উন্নতি হবে। আশ্রয়কেন্দ্র থেকে মানুষ ঘরে ফিরছেন। "
    "জেলা প্রশাসন ত্রাণ বিতরণ অব্যাহত রেখেছে এবং ক্ষতিগ্রস্ত সড়ক মেরামতের কাজ শুরু হয়েছে।"
)
EDITED = STORY.replace("দুই দিনে", "দুই দিনের মধ্যে").replace("শুরু হয়েছে।", "শুরু হয়েছে বলে জানা গেছে।")
OTHER = "ঢাকা স্টক এক্সচেঞ্জে আজ সূচক বেড়েছে। ব্যাংক খাতের শেয়ারের দাম বেড়েছে। বিদেশি বিনিয়োগকারীরা কেনাকাটা বাড়িয়েছেন। বাজার বিশ্লেষকেরা বলছেন, আস্থা ফিরছে।"


def _table(rows):
    import pyarrow as pa

    return pa.Table.from_pylist(rows)


def test_edited_copy_is_linked_and_other_story_is_not():
    docs = _table([dict(document_id="a", run_id="r", text=STORY), dict(document_id="b", run_id="r", text=EDITED),
                   dict(document_id="c", run_id="r", text=OTHER)])
    sigs, bands = batch_signatures(docs)
    sig_rows, dups = link_batch(docs, sigs, bands, {}, {})
    assert sig_rows.num_rows == 3
    pairs = {(r["document_id"], r["duplicate_of"]): r["similarity"] for r in dups.to_pylist()}
    assert set(pairs) == {("b", "a")}
    assert THRESHOLD <= pairs[("b", "a")] < 1.0


def test_known_documents_are_candidates_across_runs():
    known = _table([dict(document_id="old", run_id="r0", text=STORY)])
    ksig, kbands = batch_signatures(known)
    new = _table([dict(document_id="new", run_id="r1", text=EDITED)])
    sigs, bands = batch_signatures(new)
    _, dups = link_batch(new, sigs, bands, {d: list(map(int, s)) for d, s in ksig.items()}, kbands)
    assert [(r["document_id"], r["duplicate_of"]) for r in dups.to_pylist()] == [("new", "old")]


def test_signature_is_deterministic():
    assert list(signature(STORY)) == list(signature(STORY))
    assert band_hashes(signature(STORY)) == band_hashes(signature(STORY))
    assert similarity(signature(STORY), signature(STORY)) == 1.0


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_signature(text):
    sig = signature(text)
    assert len(sig) == 64 and all(0 <= h < 2**63 for h in band_hashes(sig))
