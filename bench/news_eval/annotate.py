#!/usr/bin/env python3
"""Annotation helper for khobor's hand-made evaluation sets on news_bench (see GUIDELINES.md).

  python -m bench.news_eval.annotate show ID              print an article (paper, date, title, body with line numbers)
  ... find ID STRING       every occurrence of STRING in the body, with offsets and context
  ... check FILE...        resolve the mentions of annotation files into offsets; report problems
  ... build SET            write data/SET.jsonl: ids, text hash and offsets only (no article text)
  ... verify SET...        check built data/SET.jsonl files against the articles (hash, offsets, keys)

Work files live in bench/news_eval/work/ (git-ignored: their notes may quote the articles). An
annotation file work/SET/ID.json is {"id": ID, "mentions": [ {...}, ... ]} with mentions IN THE
ORDER THEY APPEAR in the body. Each mention has "text" (exactly as in the body) plus its fields
(see GUIDELINES.md). Offsets are found in order: each mention is searched after the previous one.
"""

import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("KHOBOR_SHARED") or os.path.join(HERE, "..", "..", "..", "shared")
ART = os.path.join(SHARED, "corpora", "news_bench", "articles.jsonl")
_ARTS = None


def arts():
    global _ARTS
    if _ARTS is None:
        _ARTS = {}
        for line in open(ART, encoding="utf-8"):
            r = json.loads(line)
            _ARTS[r["id"]] = r
    return _ARTS


ZW = {"\u200c", "\u200d", "\ufeff", "\u00ad"}


def norm_map(s):
    """NFD per character, zero-width characters dropped; returns (normalised, map norm index -> raw index)."""
    out, idx = [], []
    for i, ch in enumerate(s):
        if ch in ZW:
            continue
        if ch == "\u09f7":
            ch = "\u0964"
        for c in unicodedata.normalize("NFD", ch):
            out.append(c)
            idx.append(i)
    return "".join(out), idx


def norm(s):
    return norm_map(s)[0]


WORDCH = re.compile(r"[\u0980-\u09FFA-Za-z0-9]")


def _all(hay, needle, lo, hi):
    j = hay.find(needle, lo)
    while 0 <= j < hi:
        yield j
        j = hay.find(needle, j + 1)


def _cuts_word(body, start, end):
    return (start > 0 and WORDCH.match(body[start - 1]) and body[start - 1] not in "-") or (
        end < len(body) and (WORDCH.match(body[end]) or unicodedata.combining(body[end])))


def _whole_word_find(body, nb, idx, t, pos):
    """The next occurrence of t from pos that is whole words (ইরান, not the ইরান of ইরানি before
    it), else the next occurrence at all (which check then reports)."""
    first = j = nb.find(t, pos)
    while j >= 0:
        if not _cuts_word(body, idx[j], idx[j + len(t) - 1] + 1):
            return j
        j = nb.find(t, j + 1)
    return first


def resolve(body, mentions):
    nb, idx = norm_map(body)
    pos, out, problems = 0, [], []
    for k, m in enumerate(mentions):
        t = norm(m["text"])
        if not t:
            problems.append(f"mention {k}: empty text")
            continue
        j = _whole_word_find(body, nb, idx, t, pos)
        if j < 0:
            anywhere = nb.find(t)
            problems.append(
                f"mention {k} {m['text']!r}: not found after offset {idx[pos] if pos < len(idx) else len(body)}"
                + (" (it occurs earlier: order wrong or listed twice?)" if anywhere >= 0 else " (not in the body at all)")
            )
            continue
        start = idx[j]
        end = idx[j + len(t) - 1] + 1
        if start > 0 and WORDCH.match(body[start - 1]) and body[start - 1] not in "-":
            problems.append(f"mention {k} {m['text']!r} at {start}: starts inside a word ({body[max(0, start - 8) : end]!r})")
        if end < len(body) and (WORDCH.match(body[end]) or unicodedata.combining(body[end])):
            problems.append(f"mention {k} {m['text']!r} at {start}: ends inside a word ({body[start : end + 8]!r})")
        rec = dict(m, start=start, end=end)
        if m.get("alts"):
            rec["alts"] = []
            for a in m["alts"]:
                at = norm(a["text"])
                lo = max(0, j - 40)
                cands = [x for x in _all(nb, at, lo, j + len(t) + 40)]
                if not cands:
                    problems.append(f"mention {k} {m['text']!r}: alternative {a['text']!r} not found near it")
                    continue
                aj = min(cands, key=lambda x: abs(x - j))
                rec["alts"].append(dict(a, start=idx[aj], end=idx[aj + len(at) - 1] + 1))
        out.append(rec)
        pos = j + len(t)
    return out, problems


def cmd_show(aid):
    r = arts()[int(aid)]
    print(f"id={r['id']} paper={r['paper']} date={r.get('date')} url={r.get('url')}")
    print(f"title: {r.get('title')}")
    print(f"body ({len(r['body'])} chars):")
    off = 0
    for n, line in enumerate(r["body"].split("\n")):
        if line.strip():
            print(f"[L{n} @{off}] {line}")
        off += len(line) + 1


def cmd_find(aid, s):
    body = arts()[int(aid)]["body"]
    nb, idx = norm_map(body)
    t = norm(s)
    j = nb.find(t)
    n = 0
    while j >= 0:
        st, en = idx[j], idx[j + len(t) - 1] + 1
        print(f"{st}-{en}: …{body[max(0, st - 25) : st]}[{body[st:en]}]{body[en : en + 25]}…".replace("\n", " "))
        n += 1
        j = nb.find(t, j + 1)
    print(f"{n} occurrence(s)")


def _stems(t):
    return {t} | {t[:-k] for k in (1, 2, 3) if len(t) - k >= 3}


def cmd_check(files):
    bad = 0
    for f in files:
        a = json.load(open(f, encoding="utf-8"))
        body = arts()[int(a["id"])]["body"]
        spans, problems = resolve(body, a["mentions"])
        # Occurrences of an annotated name that carry no annotation: likely misses.
        covered = [(s["start"], s["end"]) for s in spans]
        nb, idx = norm_map(body)
        names = {norm(s["text"]).split()[0] for s in spans if s.get("label") in ("PERSON", "ORG", "LOC") and len(norm(s["text"]).split()[0]) >= 3}
        for nm in sorted(names):
            j = nb.find(nm)
            while j >= 0:
                st = idx[j]
                prev_ok = st == 0 or not WORDCH.match(body[st - 1])
                if prev_ok and not any(a0 <= st < b0 for a0, b0 in covered):
                    problems.append(f"possible miss: {nm!r} also at {st}: …{body[max(0, st - 20) : st + 30]}…".replace("\n", " "))
                j = nb.find(nm, j + 1)
        status = "OK" if not problems else f"{len(problems)} problem(s)"
        print(f"{f}: {len(spans)} mentions resolved; {status}")
        for p in problems:
            print("   ", p)
        bad += sum(1 for p in problems if not p.startswith("possible miss"))
    return 1 if bad else 0


LABELS = {"PERSON", "ORG", "LOC", "DATE", "DURATION", "TIME"}


def verify_records(records, bodies):
    """Problems of built annotation records (data/SET.jsonl lines) against their article bodies: a hash
    that differs, a span outside the body or cutting a word, spans out of order or overlapping, an
    alternative outside its mention, an unknown label, and (ADJUDICATION.md 12) one key written with
    different alternatives within a set. Edits made straight to data/ (adjudications with no work file) are checked
    here, since ``check`` reads only work files."""
    problems, forms = [], {}
    for r in records:
        aid = r["article_id"]
        body = bodies.get(aid)
        if body is None:
            problems.append(f"{aid}: no such article")
            continue
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != r["text_sha256"]:
            problems.append(f"{aid}: text_sha256 differs from the article's")
            continue
        spans = r["spans"] if "spans" in r else [r]
        prev_end = -1
        for m in spans:
            st, en = m["start"], m["end"]
            where = f"{aid}:{st}-{en}"
            if not 0 <= st < en <= len(body):
                problems.append(f"{where}: outside the body")
                continue
            if _cuts_word(body, st, en) and not m.get("skip"):  # a skipped sample item is the system's span as drawn
                problems.append(f"{where}: cuts a word ({body[max(0, st - 5):en + 5]!r})")
            if "spans" in r and st < prev_end:
                problems.append(f"{where}: before or overlapping the previous span")
            prev_end = max(prev_end, en)
            if m.get("label") not in LABELS:
                problems.append(f"{where}: unknown label {m.get('label')!r}")
            if any(k in m for k in _WORK_ONLY) or _BENGALI.search(json.dumps(m, ensure_ascii=False)):
                problems.append(f"{where}: text or a note (which may quote the article) in a built record")
            for a in m.get("alts", []):
                if not (st <= a["start"] < a["end"] <= en):
                    problems.append(f"{where}: alternative {a['start']}-{a['end']} outside the mention")
            ent = m.get("entity")
            if ent and "spans" in r:  # an english_names item is one entity each: its names are not keys
                forms.setdefault(ent.split("|")[0], set()).add(ent)
    for key, fs in sorted(forms.items()):
        if len(fs) > 1:
            problems.append(f"key {key!r} written {len(fs)} ways: {sorted(fs)}")
    return problems


def cmd_verify(setnames):
    bad = 0
    for name in setnames:
        recs = [json.loads(x) for x in open(os.path.join(HERE, "data", f"{name}.jsonl"), encoding="utf-8")]
        problems = verify_records(recs, {a: arts()[a]["body"] for a in {r["article_id"] for r in recs} if a in arts()})
        print(f"{name}: {len(recs)} records; {'OK' if not problems else f'{len(problems)} problem(s)'}")
        for p in problems:
            print("   ", p)
        bad += len(problems)
    return 1 if bad else 0


# Fields of a work file's mention that never reach data/: its text, and free-text notes, which may quote
# the article.
_WORK_ONLY = ("text", "note", "notes")
_BENGALI = re.compile(r"[\u0980-\u09FF]")


def _strip_text(s):
    out = {k: v for k, v in s.items() if k not in _WORK_ONLY}
    if "alts" in out:
        out["alts"] = [{k: v for k, v in a.items() if k not in _WORK_ONLY} for a in out["alts"]]
    return out


def cmd_build(setname):
    d = os.path.join(HERE, "work", setname)
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    n = 0
    with open(os.path.join(HERE, "data", f"{setname}.jsonl"), "w", encoding="utf-8") as fo:
        for f in sorted(os.listdir(d), key=lambda x: int(x.split(".")[0]) if x[0].isdigit() else 0):
            if not f.endswith(".json"):
                continue
            a = json.load(open(os.path.join(d, f), encoding="utf-8"))
            body = arts()[int(a["id"])]["body"]
            spans, problems = resolve(body, a["mentions"])
            hard = [p for p in problems if not p.startswith("possible miss")]
            if hard:
                raise SystemExit(f"{f}: {hard}")
            rec = {"article_id": int(a["id"]), "text_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "spans": [_strip_text(s) for s in spans]}
            # Free-text notes may quote the article: they stay in the work files, never in the output.
            rec["complete"] = bool(a.get("complete"))
            fo.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} articles to data/{setname}.jsonl")


if __name__ == "__main__":
    c = sys.argv[1:]
    if not c:
        print(__doc__)
        sys.exit(0)
    if c[0] == "show":
        cmd_show(c[1])
    elif c[0] == "find":
        cmd_find(c[1], c[2])
    elif c[0] == "check":
        sys.exit(cmd_check(c[1:]))
    elif c[0] == "verify":
        sys.exit(cmd_verify(c[1:]))
    elif c[0] == "build":
        cmd_build(c[1])
    else:
        print(__doc__)
