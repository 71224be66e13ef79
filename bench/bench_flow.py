"""The whole nightly flow on news_bench at 1×, 2× and 10×, against the peer a user would otherwise run.

    .venv/bin/python -m bench.bench_flow [--scales 1 2 10] [--workdir DIR] [--no-peer] [--limit N]
                                         [--json bench/results/flow.json] [--doc docs/performance.md]

For each scale: a fresh warehouse, ``khobor run --input DIR --json`` in a child process (its default
parallelism: a process pool of every core), then the same command again (nothing new). Reported per
scale: wall time, documents/s, tokens/s, the run's stage seconds, peak RSS of the whole process tree
(the run and every process it starts, sampled every 0.1 s with psutil), warehouse, marts and
analytics sizes. Growth exponents from the smallest to the largest scale: time ∝ docs^a and
peak memory ∝ docs^b (a = 1 is linear cost; b = 0 is memory that does not grow).

Scale k is the corpus plus k-1 copies made unique: each copy rebuilds every article from
sentences drawn, in a seeded random order, from the whole corpus (each article keeps its number of
sentences, its title, paper and date). So copies are not near-duplicates of the originals (which
would make the LSH candidate join quadratic in k, as no real feed is), while the text stays real
sentences with the same length, script and entity mix.

The peer: spaCy's standard ``nlp.pipe`` with khobor's own model and default settings over the same
bodies (``title + "\\n" + body``), in a child process, timed after the model is loaded (khobor's run
includes its model load). It gives entities only: no cleaning, offsets into cleaned text, linking,
warehouse, validation or marts.

Results go to the JSON file and to the table between the markers in ``docs/performance.md``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news_bench" / "articles.jsonl"
KHOBOR = Path(sys.executable).with_name("khobor")
BEGIN, END = "<!-- bench_flow:begin -->", "<!-- bench_flow:end -->"


# -- inputs ----------------------------------------------------------------------------------------

def load_corpus(path: Path, limit: int | None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


_SENTENCE_END = re.compile(r"(?<=[।?!.])\s+|\n+")


def _sentences(body: str) -> list[str]:
    return [x for x in _SENTENCE_END.split(body or "") if x.strip()]


def unique_copy(articles: list[dict], copy: int) -> list[dict]:
    """Copy ``copy`` (≥ 1) of the corpus: every article rebuilt, with as many sentences as it has,
    from the sentences of the whole corpus in a seeded random order."""
    pool = [x for a in articles for x in _sentences(a.get("body"))]
    random.Random(copy).shuffle(pool)
    out, k = [], 0
    for a in articles:
        n = max(2, len(_sentences(a.get("body"))))  # one sentence could be an article's whole body
        body = " ".join(pool[(k + i) % len(pool)] for i in range(n))
        k += n
        out.append(dict(a, id=f"{a['id']}-c{copy}", body=body, url=None))
    return out


def write_inputs(articles: list[dict], workdir: Path, scale: int) -> Path:
    """A folder with one JSONL file per copy; copies are shared between scales (and kept apart for
    each corpus size: a --limit run must not reuse the full corpus's copies, nor leave its own)."""
    size = f"{len(articles)}docs"
    folder = workdir / size / f"input-{scale}x"
    folder.mkdir(parents=True, exist_ok=True)
    for c in range(scale):
        cached = workdir / size / "copies" / f"copy-{c:02d}.jsonl"
        if not cached.exists():
            cached.parent.mkdir(parents=True, exist_ok=True)
            rows = articles if c == 0 else unique_copy(articles, c)
            tmp = cached.with_suffix(".part")
            tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            tmp.rename(cached)
        link = folder / cached.name
        if not link.exists():
            os.link(cached, link)
    return folder


# -- measuring a child process tree -----------------------------------------------------------------

def _role(p) -> str:
    try:
        cmd = " ".join(p.cmdline())
    except Exception:
        return "other"
    if "prefect" in cmd and "server" in cmd or "uvicorn" in cmd:
        return "prefect server"
    if "multiprocessing" in cmd or "dask" in cmd or "spawn_main" in cmd:
        return "worker"
    return "other"


def run_measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Wall time, exit code, output, and the peak of the summed RSS of the process and every process
    it started (and of their PSS, which counts a page shared between them once: the honest total
    when workers share libraries), with the peak RSS of each kind of process."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    peak = {"rss": 0, "pss": 0, "by_role": {}, "pss_by_role": {}, "pss_at_s": 0.0}
    done = threading.Event()

    def sample():
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        tick, roles = 0, {}
        while not done.is_set():
            rss = pss = 0
            pss_roles: dict[str, int] = {}
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    r = p.memory_info().rss
                    role = roles.setdefault(p.pid, "run" if p.pid == root.pid else _role(p))
                    if tick % 5 == 0:
                        one = p.memory_full_info().pss
                        pss += one
                        pss_roles[role] = pss_roles.get(role, 0) + one
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                rss += r
                peak["by_role"][role] = max(peak["by_role"].get(role, 0), r)
            peak["rss"] = max(peak["rss"], rss)
            if pss > peak["pss"]:  # what each kind of process held at the peak: where to look first
                peak.update(pss=pss, pss_by_role=pss_roles, pss_at_s=time.perf_counter() - t0)
            tick += 1
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    mb = lambda b: round(b / 2**20, 1)  # noqa: E731
    return {"wall_s": round(wall, 2), "returncode": proc.returncode, "peak_rss_mb": mb(peak["rss"]),
            "peak_pss_mb": mb(peak["pss"]), "peak_rss_mb_by_process": {k: mb(v) for k, v in peak["by_role"].items()},
            "at_peak_pss": {"s": round(peak["pss_at_s"], 1)} | {k: mb(v) for k, v in peak["pss_by_role"].items()},
            "stdout": out, "stderr": err}


def du(path: Path) -> float:
    if not path.exists():
        return 0.0
    if path.is_file():
        return round(path.stat().st_size / 2**20, 1)
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20, 1)


def khobor_run(folder: Path, warehouse: Path, extra: list[str]) -> dict:
    env = dict(os.environ)  # KHOBOR_BATCH_*, KHOBOR_DUCKDB_MEMORY … pass through
    env["PREFECT_HOME"] = str(warehouse.parent / f".prefect-{warehouse.name}")
    r = run_measured([str(KHOBOR), "run", "--input", str(folder), "--warehouse", str(warehouse), "--json", "--quiet", *extra],
                     env=env)
    if r["returncode"] != 0:
        raise SystemExit(f"khobor run failed ({r['returncode']}):\n{r['stderr'][-4000:]}")
    summary = json.loads(r["stdout"])
    return {k: r[k] for k in ("wall_s", "peak_rss_mb", "peak_pss_mb", "peak_rss_mb_by_process", "at_peak_pss")} | {"summary": summary}


def bench_scale(articles: list[dict], workdir: Path, scale: int, extra: list[str]) -> dict:
    folder = write_inputs(articles, workdir, scale)
    warehouse = workdir / f"warehouse-{scale}x"
    shutil.rmtree(warehouse, ignore_errors=True)
    shutil.rmtree(workdir / f".prefect-{warehouse.name}", ignore_errors=True)
    print(f"[{scale}x] khobor run ...", file=sys.stderr, flush=True)
    first = khobor_run(folder, warehouse, extra)
    s = first["summary"]
    print(f"[{scale}x] {first['wall_s']} s, peak {first['peak_rss_mb']} MB; rerun ...", file=sys.stderr, flush=True)
    again = khobor_run(folder, warehouse, extra)
    docs, tokens = s["documents_new"], s["tokens_new"]
    return {
        "scale": scale,
        "items": s["items_seen"],
        "documents": docs,
        "tokens": tokens,
        "mentions": s["mentions_new"],
        "wall_s": first["wall_s"],
        "docs_per_s": round(docs / first["wall_s"], 1),
        "tokens_per_s": round(tokens / first["wall_s"]),
        "peak_rss_mb": first["peak_rss_mb"],
        "peak_pss_mb": first["peak_pss_mb"],
        "peak_rss_mb_by_process": first["peak_rss_mb_by_process"],
        "at_peak_pss": first["at_peak_pss"],
        "stage_seconds": s["stage_seconds"],
        "warehouse_mb": du(warehouse / "khobor.duckdb"),
        "marts_mb": du((warehouse / "marts" / "current").resolve()),
        "analytics_mb": du(warehouse / "analytics.duckdb"),
        "status": s["status"],
        "rerun": {"wall_s": again["wall_s"], "peak_rss_mb": again["peak_rss_mb"], "status": again["summary"]["status"],
                  "documents_new": again["summary"]["documents_new"]},
    }


# -- the peer ---------------------------------------------------------------------------------------

_PEER = r"""
import json, sys, time
import spacy
texts = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
t0 = time.perf_counter()
nlp = spacy.load(sys.argv[1])
load = time.perf_counter() - t0
t1 = time.perf_counter()
ents = tokens = 0
for doc in nlp.pipe(json.loads(t) for t in texts):
    ents += len(doc.ents)
    tokens += len(doc)
print(json.dumps({"load_s": load, "pipe_s": time.perf_counter() - t1, "entities": ents, "tokens": tokens, "docs": len(texts)}))
"""


def bench_peer(articles: list[dict], workdir: Path) -> dict:
    from khobor.flows.resources import model_dir

    texts = workdir / "peer-texts.jsonl"
    texts.write_text("".join(json.dumps((a.get("title") or "") + "\n" + (a.get("body") or ""), ensure_ascii=False) + "\n"
                             for a in articles), encoding="utf-8")
    print("[peer] spaCy nlp.pipe ...", file=sys.stderr, flush=True)
    r = run_measured([sys.executable, "-c", _PEER, str(model_dir()), str(texts)])
    if r["returncode"] != 0:
        raise SystemExit(f"peer failed:\n{r['stderr'][-4000:]}")
    res = json.loads(r["stdout"])
    return {"what": "spacy nlp.pipe (khobor's model, default settings)", "docs": res["docs"], "tokens": res["tokens"],
            "entities": res["entities"], "load_s": round(res["load_s"], 2), "pipe_s": round(res["pipe_s"], 2),
            "wall_s": r["wall_s"], "peak_rss_mb": r["peak_rss_mb"]}


# -- report -----------------------------------------------------------------------------------------

def exponent(rows: list[dict], key: str) -> float | None:
    lo, hi = rows[0], rows[-1]
    if len(rows) < 2 or hi["documents"] == lo["documents"] or not lo[key] or not hi[key]:
        return None
    return round(math.log(hi[key] / lo[key]) / math.log(hi["documents"] / lo["documents"]), 3)


def machine() -> dict:
    import duckdb
    import psutil
    import spacy

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "os": platform.platform(),
            "duckdb": duckdb.__version__, "spacy": spacy.__version__, "prefect": version("prefect"),
            "khobor": version("khobor")}


def markdown(result: dict) -> str:
    m, rows, peer = result["machine"], result["scales"], result.get("peer")
    lines = [
        f"Measured {result['date']} with `{result['command']}` on {m['cpu']}, {m['cores']} cores, "
        f"{m['ram_gib']} GiB RAM ({m['os']}; Python {m['python']}, DuckDB {m['duckdb']}, spaCy {m['spacy']}, "
        f"Prefect {m['prefect']}). Raw figures: `{result['json']}`.",
        "",
        "| scale | documents | tokens | wall s | docs/s | tokens/s | peak RSS MB (tree) | peak PSS MB (tree) | largest process RSS MB "
        "(run / worker / Prefect server) | warehouse MB | marts MB | rerun s | rerun peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['scale']}× | {r['documents']:,} | {r['tokens']:,} | {r['wall_s']} | {r['docs_per_s']} | "
                     f"{r['tokens_per_s']:,} | {r['peak_rss_mb']} | {r['peak_pss_mb']} | {_by_process(r)} | {r['warehouse_mb']} | {r['marts_mb']} | "
                     f"{r['rerun']['wall_s']} | {r['rerun']['peak_rss_mb']} |")
    if peer:
        lines += ["", f"Peer at 1×: {peer['what']}: {peer['pipe_s']} s for {peer['docs']:,} documents after a "
                      f"{peer['load_s']} s model load ({peer['wall_s']} s wall), peak {peer['peak_rss_mb']} MB. "
                      f"khobor's whole validated 1× run: {result['ratio_to_peer']}× the peer's `nlp.pipe` time."]
    for f in result.get("failed", []):
        lines += ["", f"{f['scale']}× failed: `{f['error'].strip().splitlines()[-1][:300]}`"]
    g = result["growth"]
    lines += ["", f"Growth from {rows[0]['scale']}× to {rows[-1]['scale']}×: time ∝ documents^{g['time_exponent']}, "
                  f"peak memory ∝ documents^{g['memory_exponent']} (largest peak / smallest: {g['peak_ratio']})."]
    stages = sorted({k for r in rows for k in r["stage_seconds"]})
    lines += ["", "Stage seconds (wall for prepare, ingest, process, validate, publish; summed over batches and "
                  "workers for the per-batch stages):", "",
              "| stage | " + " | ".join(f"{r['scale']}×" for r in rows) + " |", "|---" * (len(rows) + 1) + "|"]
    for st in stages:
        lines.append(f"| {st} | " + " | ".join(str(r["stage_seconds"].get(st, "")) for r in rows) + " |")
    return "\n".join(lines)


def _by_process(r: dict) -> str:
    b = r["peak_rss_mb_by_process"]
    return " / ".join(str(b.get(k, "–")) for k in ("run", "worker", "prefect server"))


def write_doc(doc: Path, table: str) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 2, 10])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick try)")
    ap.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "khobor-bench-flow")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "flow.json")
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("run_args", nargs="*", help="extra arguments for khobor run (after --), e.g. -- --workers 2")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    articles = load_corpus(args.corpus, args.limit)
    rows, failed = [], []
    for k in sorted(args.scales):
        try:
            rows.append(bench_scale(articles, args.workdir, k, args.run_args))
        except SystemExit as exc:  # a failed scale is a result too: keep the others
            print(f"[{k}x] failed", file=sys.stderr)
            failed.append({"scale": k, "error": str(exc)[-2000:]})
    if not rows:
        raise SystemExit("every scale failed:\n" + "\n".join(f["error"] for f in failed))
    result = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "corpus_articles": len(articles),
              "command": "python -m bench.bench_flow " + " ".join(sys.argv[1:]), "json": str(args.json.relative_to(ROOT))
              if args.json.is_relative_to(ROOT) else str(args.json), "scales": rows, "failed": failed}
    if not args.no_peer:
        result["peer"] = bench_peer(articles, args.workdir)
        one = next((r for r in rows if r["scale"] == 1), None)
        result["ratio_to_peer"] = round(one["wall_s"] / result["peer"]["pipe_s"], 2) if one else None
    result["growth"] = {"time_exponent": exponent(rows, "wall_s"), "memory_exponent": exponent(rows, "peak_rss_mb"),
                        "peak_ratio": round(rows[-1]["peak_rss_mb"] / rows[0]["peak_rss_mb"], 3)}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(result)
    write_doc(args.doc, table)
    print(table)


if __name__ == "__main__":
    main()
