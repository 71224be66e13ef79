"""Near-duplicate documents: the same story with small edits, found with MinHash LSH.

Each document gets a MinHash signature of its word 5-shingles (datasketch) and LSH band hashes.
Band hashes are stored in the warehouse, so finding candidates for a new batch is one join on
(band, hash), however large the warehouse grows; candidates are then scored by the share of equal
signature positions (an estimate of shingle Jaccard similarity) and kept above a threshold.
"""
from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable

import numpy as np
import regex

from khobor.transforms import schema

NUM_PERM = 64
BANDS, ROWS = 16, 4  # LSH catches pairs with Jaccard around 0.5 and up
SHINGLE = 5
THRESHOLD = 0.6
SEED = 20261121

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    sh = shingles(text)
    if sh:
        mh.update_batch(list(sh))
    return mh.hashvalues.astype(np.uint64)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One 63-bit hash per band (fits DuckDB BIGINT)."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].astype("<u8").tobytes()
        out.append(struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0] & ((1 << 63) - 1))
    return out


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    a, b = np.asarray(list(a), dtype=np.uint64), np.asarray(list(b), dtype=np.uint64)
    return float(np.mean(a == b))


def pairs_within(new: dict[str, np.ndarray], candidates: dict[str, np.ndarray], bands: dict[str, list[int]],
                 candidate_bands: dict[str, list[int]]) -> list[tuple[str, str, float]]:
    """(document, near-duplicate of, similarity) for each new document against known and earlier new ones."""
    by_band: dict[tuple[int, int], list[str]] = {}
    for doc, hashes in candidate_bands.items():
        for b, h in enumerate(hashes):
            by_band.setdefault((b, h), []).append(doc)
    out = []
    sigs = dict(candidates)
    for doc, hashes in bands.items():  # insertion order: earlier documents first
        seen: set[str] = set()
        for b, h in enumerate(hashes):
            for other in by_band.get((b, h), []):
                if other != doc and other not in seen:
                    seen.add(other)
                    sim = similarity(new[doc], sigs[other])
                    if sim >= THRESHOLD:
                        out.append((doc, other, round(sim, 4)))
            by_band.setdefault((b, h), []).append(doc)
        sigs[doc] = new[doc]
    return out


def batch_signatures(docs) -> tuple[dict[str, np.ndarray], dict[str, list[int]]]:
    """Signature and band hashes of each document of a batch, in batch order."""
    sigs = {d: signature(t) for d, t in zip(docs["document_id"].to_pylist(), docs["text"].to_pylist())}
    return sigs, {d: band_hashes(s) for d, s in sigs.items()}


def band_probe(bands: dict[str, list[int]]):
    """The (band, hash) pairs of a batch, as the table the warehouse is probed with."""
    import pyarrow as pa

    return pa.table(
        {"band": [b for hs in bands.values() for b in range(len(hs))], "hash": [h for hs in bands.values() for h in hs]},
        schema=pa.schema([("band", pa.int64()), ("hash", pa.int64())]),
    )


def link_batch(docs, sigs: dict[str, np.ndarray], bands: dict[str, list[int]],
               known_signatures: dict[str, list[int]], known_bands: dict[str, list[int]]):
    """Signature rows for a batch of new documents and their near-duplicate pairs, as tables."""
    known = {d: np.asarray(s, dtype=np.uint64) for d, s in known_signatures.items()}
    pairs = pairs_within(sigs, known, bands, known_bands)
    run_of = dict(zip(docs["document_id"].to_pylist(), docs["run_id"].to_pylist()))
    sig_rows = [dict(document_id=d, run_id=run_of[d], minhash=[int(x) for x in sigs[d]], bands=bands[d]) for d in sigs]
    dup_rows = [dict(document_id=a, duplicate_of=b, run_id=run_of[a], similarity=s, method="minhash") for a, b, s in pairs]
    return schema.from_rows(sig_rows, "document_signatures"), schema.from_rows(dup_rows, "document_duplicates")
