"""A hostile corpus through a real ``khobor run`` (issue 14 A).

The corpus is generated here, under tmp_path (no binary blobs in the repository): one item per
hostile kind, across files, JSONL and CSV records and two feeds on a local HTTP server. The run
must succeed; every bad item has exactly one quarantine row with the expected reason; every item
that can be honest text loads, with what was repaired in ``stg_documents.warnings``; no article
text is printed; the counts of kinds tried and handled are printed for the report.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

import duckdb
import pytest

from tests import cli_process
from tests.http_server import LocalServer, Reply
from tests.test_decoding import BIJOY

GOOD = ("ঢাকা, ২১ নভেম্বর — প্রধানমন্ত্রী শেখ হাসিনা আজ ঢাকায় একটি সভায় বক্তব্য দেন। তিনি বলেন, দেশের উন্নয়ন "
        "অব্যাহত থাকবে। সভায় মন্ত্রিসভার সদস্যরা উপস্থিত ছিলেন।")
SECRET = "গোপনখবর"  # in every bad item's body: it must never show up in the run's output
CAP = 200_000  # [limits] max_item_bytes of the run


def _article(n: int) -> str:
    return f"{SECRET} {n}। {GOOD} খবর নম্বর {n}।"


def _page(body: str) -> bytes:
    return (f"<html><head><title>শিরোনাম</title></head><body><article><p>{body}</p><p>{GOOD}</p>"
            f"<p>{GOOD}</p></article></body></html>").encode()


# kind -> (item key, expected: a quarantine reason, or "load" / "load:<warning code>")
EXPECTED: dict[str, tuple[str, str]] = {}


def _expect(kind: str, key: str, outcome: str) -> None:
    EXPECTED[kind] = (key, outcome)


def _write_files(root: Path) -> None:
    files = root / "files"
    files.mkdir()
    w = lambda name, data: (files / name).write_bytes(data)  # noqa: E731
    w("good.txt", _article(1).encode())
    _expect("good text file", "good.txt", "load")
    w("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    _expect("binary (PNG named .txt)", "binary.txt", "binary")
    w("empty.txt", b"")
    _expect("empty file", "empty.txt", "empty")
    w("legacy.txt", BIJOY.encode("cp1252"))
    _expect("legacy Bijoy font", "legacy.txt", "legacy-bengali-font")
    w("invalid-utf8.txt", _article(2).encode()[:-7] + b"\xff\xfe\xe0\xa6" + _article(2).encode())
    _expect("invalid UTF-8", "invalid-utf8.txt", "invalid-encoding")
    w("utf16.txt", _article(3).encode("utf-16"))
    _expect("UTF-16 with BOM", "utf16.txt", "load")
    sparse = bytearray((_article(4) + "\n").encode() * 20)
    sparse[500:500] = b"\x00"
    w("sparse-nul.txt", bytes(sparse))
    _expect("sparse NUL bytes", "sparse-nul.txt", "load:nul-bytes")
    w("mostly-nul.txt", (_article(5).encode() + b"\x00" * 64) * 30)
    _expect("NUL bytes throughout", "mostly-nul.txt", "binary")
    w("deep.html", ("<html><body>" + "<div>" * 10_000 + f"<p>{_article(6)}</p><p>{GOOD}</p>" + "</div>" * 10_000 + "</body></html>").encode())
    _expect("HTML nested 10,000 deep", "deep.html", "load:deep-html")
    w("too-big.txt", (_article(7) + "\n").encode() * (CAP // 300 + 10))
    _expect("file over the size cap", "too-big.txt", "too-large")
    w("long-token.txt", (GOOD + "\n" + "ঢাকায়" * 8_000 + "\n" + GOOD).encode())
    _expect("over-long token (line without spaces)", "long-token.txt", "load")
    w("report.pdf", b"%PDF-1.7\n" + SECRET.encode())
    _expect("unsupported file type", "report.pdf", "unsupported-type")
    os.symlink(files / "nowhere.txt", files / "dangling.txt")
    _expect("dangling symlink", "dangling.txt", "broken-symlink")
    os.symlink(files / "loop-b.txt", files / "loop-a.txt")
    os.symlink(files / "loop-a.txt", files / "loop-b.txt")
    _expect("symlink loop", "loop-a.txt", "symlink-loop")
    _expect("symlink loop (other end)", "loop-b.txt", "symlink-loop")


def _write_records(root: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": _article(10), "date": "2024-08-12"}, ensure_ascii=False),
        json.dumps({"id": "date-overflow", "text": _article(11), "date": "9999-12-31T23:00:00-05:00"}, ensure_ascii=False),
        json.dumps({"id": "date-garbage", "text": _article(12), "date": "32/13/2024 99:99"}, ensure_ascii=False),
        json.dumps({"id": "surrogate", "text": _article(13) + " \ud800 শেষ"}, ensure_ascii=True),
        '{"id": "broken", "text": "' + _article(14) + '"',
        json.dumps({"id": "huge", "text": _article(15) * (CAP // 200)}, ensure_ascii=False),
        json.dumps({"id": "no-text", "title": SECRET}, ensure_ascii=False),
        json.dumps({"id": "id-\udc00", "title": "শিরো\ud800নাম", "text": _article(16)}, ensure_ascii=True),
    ]
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for kind, key, outcome in (("JSONL good record", "ok", "load"), ("JSONL date that overflows UTC", "date-overflow", "load:bad-date"),
                               ("JSONL unparseable date", "date-garbage", "load:bad-date"),
                               ("JSONL lone surrogate escape", "surrogate", "load:invalid-unicode"),
                               ("JSONL broken JSON", "L5", "invalid-json"), ("JSONL record over the size cap", "huge", "too-large"),
                               ("JSONL record without text", "no-text", "missing-text"),
                               ("JSONL lone surrogates in the id and title", "id-\ufffd", "load:invalid-unicode")):
        _expect(kind, f"records.jsonl#{key}", outcome)
    with (root / "records.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "title", "body", "date"], ["c1", "ভালো", _article(20), "2024-08-12"],
                                 ["c2", "তারিখ", _article(21), "9999-12-31T23:00:00-05:00"],
                                 ["c3", "বড়", _article(22) * (CAP // 200), "2024-08-12"]])
    _expect("CSV good row", "records.csv#c1", "load")
    _expect("CSV date that overflows UTC", "records.csv#c2", "load:bad-date")
    _expect("CSV row over the size cap", "records.csv#c3", "too-large")


def _serve(server: LocalServer) -> None:
    base = server.url("").rstrip("/")
    items = "".join(f"<item><title>{n}</title><link>{link}</link><guid>{n}</guid></item>" for n, link in (
        ("lying-charset", f"{base}/lying.html"), ("bomb", f"{base}/bomb.html"), ("good-page", f"{base}/good.html"),
        ("missing", f"{base}/missing.html")))
    server.route("/open.xml", Reply(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(),
                                    {"Content-Type": "application/rss+xml"}))
    server.route("/lying.html", Reply(200, _page(_article(30)), {"Content-Type": "text/html; charset=utf-16"}))
    server.route("/bomb.html", Reply(200, gzip.compress(b"<p>" + b" " * 67_000_000, 9), {"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    server.route("/good.html", Reply(200, _page(_article(31)), {"Content-Type": "text/html; charset=utf-8"}))
    server.route("/missing.html", Reply(404, b"gone"))
    closed = "".join(f"<item><title>{n}</title><link>{link}</link><guid>{n}</guid></item>" for n, link in (
        ("private-10", "http://10.0.0.7/a.html"), ("metadata", "http://169.254.169.254/latest/meta-data/"),
        ("loopback", f"{base}/good.html")))
    server.route("/closed.xml", Reply(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{closed}</channel></rss>'.encode(),
                                      {"Content-Type": "application/rss+xml"}))
    # A feed entry's item key is its guid.
    for kind, key, outcome in (("page whose declared UTF-16 is really UTF-8", "lying-charset", "load:charset-mismatch"),
                               ("gzip bomb page (67 MB decompressed)", "bomb", "too-large"),
                               ("good page", "good-page", "load"), ("page answering 404", "missing", "fetch-http-4xx")):
        _expect(kind, key, outcome)
    _expect("feed link into 10/8", "private-10", "private-address")
    _expect("feed link to the cloud metadata address", "metadata", "private-address")
    _expect("feed link to loopback", "loopback", "private-address")


def _registry(root: Path, server: LocalServer) -> Path:
    reg = root / "sources.toml"
    reg.write_text(f"""
[limits]
max_item_bytes = {CAP}

[fetch]
min_interval = 0.0
max_attempts = 1
connect_timeout = 2.0

[[source]]
id = "files"
kind = "files"
location = "files"
timezone = "Asia/Dhaka"

[[source]]
id = "records"
kind = "jsonl"
location = "records.jsonl"
timezone = "America/New_York"

[[source]]
id = "table"
kind = "csv"
location = "records.csv"
timezone = "America/New_York"

[[source]]
id = "open-feed"
kind = "rss"
location = "{server.url('/open.xml')}"
options = {{ allow_private = true }}

[[source]]
id = "closed-feed"
kind = "rss"
location = "{server.url('/closed.xml')}"
""", encoding="utf-8")
    return reg


def test_a_hostile_corpus_runs_with_one_quarantine_row_per_bad_item(tmp_path):
    EXPECTED.clear()
    _write_files(tmp_path)
    _write_records(tmp_path)
    with LocalServer() as server:
        _serve(server)
        reg = _registry(tmp_path, server)
        done = cli_process.run("run", "--registry", str(reg), "--warehouse", str(tmp_path / "wh"), "--json", "--workers", "0",
                               cwd=tmp_path, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert summary["status"] == "succeeded", summary
    assert SECRET not in done.stdout + done.stderr  # no article text in any message

    con = duckdb.connect(str(tmp_path / "wh" / "khobor.duckdb"), read_only=True)
    try:
        stg = {r[0]: r[1:] for r in con.sql("SELECT item_key, status, reason, warnings FROM stg_documents").fetchall()}
        quarantine = con.sql("SELECT item_key, reason, count(*) FROM quarantine GROUP BY ALL").fetchall()
        longest = con.sql("SELECT max(\"end\" - start) FROM entity_mentions").fetchall()[0][0]
        undated = {r[0] for r in con.sql("SELECT s.item_key FROM documents d JOIN stg_documents s USING (stg_id) "
                                         "WHERE d.published_at IS NULL").fetchall()}
        mentions_of_long = con.sql("SELECT count(*) FROM entity_mentions m JOIN documents d USING (document_id) "
                                   "JOIN stg_documents s USING (stg_id) WHERE s.item_key = 'long-token.txt'").fetchall()[0][0]
    finally:
        con.close()
    q_by_key = {k: (reason, n) for k, reason, n in quarantine}

    handled, problems = [], []
    for kind, (key, outcome) in EXPECTED.items():
        row = stg.get(key)
        if outcome.startswith("load"):
            warning = outcome.partition(":")[2]
            ok = (row is not None and row[0] == "new" and key not in q_by_key
                  and (not warning or (row[2] or "").split(":")[0] == warning or f"; {warning}:" in (row[2] or "")))
        else:
            ok = row is not None and row[0] == "quarantined" and q_by_key.get(key) == (outcome, 1)
        (handled if ok else problems).append(kind if ok else f"{kind}: {key} expected {outcome}, got {row} / {q_by_key.get(key)}")
    print(f"\nhostile kinds tried: {len(EXPECTED)}, handled: {len(handled)}")
    for kind in handled:
        print(f"  handled: {kind}")
    assert not problems, "\n".join(problems)
    assert all(n == 1 for _, n in q_by_key.values())
    assert len(q_by_key) == sum(1 for _, o in EXPECTED.values() if not o.startswith("load"))  # nothing else was rejected
    assert {"records.jsonl#date-overflow", "records.jsonl#date-garbage", "records.csv#c2"} <= undated
    assert longest <= 200 and mentions_of_long >= 2  # the long line names nothing; the text around it still does


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
