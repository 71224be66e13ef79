"""Score khobor's entities against the hand-annotated news_bench sets (see README.md here).

    python -m bench.news_eval.evaluate ner_dev link_dev dates_dev [--json out.json] [--no-model]

Every set is read from ``data/<set>.jsonl`` (article ids, a hash of the text, offsets) and the
article bodies from ``../shared/corpora/news_bench/articles.jsonl``; a body whose hash differs is an
error. The bodies go through ``khobor extract``'s code path (the document chain), each with its
newspaper date and name, and the mentions it returns are scored:

- **names** (PERSON, ORG, LOC): exact span and label, where a gold mention may accept alternative
  spans or labels and optional ones neither reward nor punish; also overlap scores;
- **linking**: B-cubed precision and recall over the gold mentions the system found (cross-document:
  a set is one stream), and the share of gold entities whose English name is right;
- **dates**: DATE mentions found, how many carry a value, and how many of those values are right.

Tune on the ``*_dev`` sets only; ``*_test`` numbers are for reporting.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ARTICLES = HERE.parents[1].parent / "shared" / "corpora" / "news_bench" / "articles.jsonl"
NAME_LABELS = ("PERSON", "ORG", "LOC")


@dataclass
class GoldMention:
    start: int
    end: int
    label: str
    entity: str | None = None
    optional: bool = False
    accepts: set = field(default_factory=set)  # (start, end, label) tuples that count as right
    value: str | None = None

    @property
    def key(self) -> str | None:
        return self.entity.split("|")[0] if self.entity else None

    @property
    def english_names(self) -> list[str]:
        return [re.sub(r"\s*\(.*?\)\s*$", "", a.split("#")[0]).strip() for a in (self.entity or "").split("|") if a]


@dataclass
class Article:
    id: int
    text: str
    date: str | None
    gold: list[GoldMention]
    system: list[dict] = field(default_factory=list)
    paper: str | None = None


def load_articles(path: Path = ARTICLES) -> dict[int, dict]:
    if not path.exists():
        raise SystemExit(f"news_bench is not at {path}: put ../shared beside the project")
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out[r["id"]] = r
    return out


def load_set(name: str, articles: dict[int, dict]) -> list[Article]:
    out = []
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = articles[rec["article_id"]]
        body = art["body"]
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != rec["text_sha256"]:
            raise SystemExit(f"{name}: article {rec['article_id']} differs from the text it was annotated on")
        gold = []
        for s in rec["spans"]:
            g = GoldMention(s["start"], s["end"], s["label"], s.get("entity"), bool(s.get("optional")), value=s.get("value"))
            g.accepts = {(g.start, g.end, g.label)} | {(a["start"], a["end"], a.get("label", g.label)) for a in s.get("alts", [])}
            gold.append(g)
        out.append(Article(rec["article_id"], body, art.get("date"), gold, paper=art.get("paper")))
    return out


def run_system(sets: dict[str, list[Article]], extractor) -> float:
    """Fill ``article.system`` for every article, one stream per set; returns seconds taken."""
    from khobor.flows.jsonl import extract_records

    t0 = time.perf_counter()
    for arts in sets.values():
        lines = [json.dumps({"id": a.id, "text": a.text, "date": a.date, "publisher": a.paper}, ensure_ascii=False) for a in arts]
        by_id = {a.id: a for a in arts}
        for out in extract_records(lines, extractor):
            rec = json.loads(out)
            if "error" in rec:
                raise SystemExit(f"article {rec['id']}: {rec['error']}")
            by_id[rec["id"]].system = rec["entities"]
    return time.perf_counter() - t0


# -- names ------------------------------------------------------------------------------------------


def match_names(art: Article, overlap: bool = False) -> tuple[list[tuple[dict, GoldMention]], list[dict], list[GoldMention]]:
    """(matched (system, gold) pairs, false positives, missed gold) for one article's names."""
    gold = [g for g in art.gold if g.label in NAME_LABELS]
    system = sorted((m for m in art.system if _is_name(m)), key=lambda m: (m["start"], m["end"]))
    used: set[int] = set()
    pairs, fps = [], []
    for m in system:
        hit = None
        for k, g in enumerate(gold):
            if k in used:
                continue
            if overlap:
                ok = any(lab == m["label"] and m["start"] < e and s < m["end"] for s, e, lab in g.accepts)
            else:
                ok = (m["start"], m["end"], m["label"]) in g.accepts
            if ok:
                hit = k
                break
        if hit is not None:
            used.add(hit)
            pairs.append((m, gold[hit]))
        elif not any(g.optional and m["start"] < g.end and g.start < m["end"] for g in gold):
            fps.append(m)
    missed = [g for k, g in enumerate(gold) if k not in used and not g.optional]
    return [(m, g) for m, g in pairs if not g.optional], fps, missed


def _is_name(m: dict) -> bool:
    """A name mention: PERSON, ORG or LOC, not a country adjective (রুশ, ভারতীয়), which khobor keeps
    as a mention of the country in adjective form and the guidelines do not mark as a name."""
    return m["label"] in NAME_LABELS and m.get("form") != "adjective"


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    """Precision over predicted spans (by their label), recall over gold spans (by theirs): the two
    differ when a gold mention accepts another label."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp_gold, "predicted": n_pred, "gold": n_gold}


def name_scores(arts: list[Article], overlap: bool = False) -> dict:
    tp_pred, tp_gold, fp, gold_n = Counter(), Counter(), Counter(), Counter()
    for art in arts:
        pairs, fps, missed = match_names(art, overlap)
        for m, g in pairs:
            tp_pred[m["label"]] += 1
            tp_gold[g.label] += 1
            gold_n[g.label] += 1
        for m in fps:
            fp[m["label"]] += 1
        for g in missed:
            gold_n[g.label] += 1
    out = {lab: _prf(tp_pred[lab], tp_pred[lab] + fp[lab], tp_gold[lab], gold_n[lab]) for lab in NAME_LABELS}
    t = lambda c: sum(c.values())  # noqa: E731
    out["overall"] = _prf(t(tp_pred), t(tp_pred) + t(fp), t(tp_gold), t(gold_n))
    return out


# -- linking ----------------------------------------------------------------------------------------


def _norm_name(s: str | None) -> str:
    """Case, punctuation and the spacing of initials do not make another spelling: "A. H. M. Kamal",
    "A H M Kamal" and "AHM Kamal" are one name (annotators listed whichever form they met)."""
    out: list[str] = []
    joining = False  # the last word is a run of one-letter initials
    for w in re.sub(r"[.,'’\-]", " ", (s or "")).casefold().split():
        if len(w) == 1 and joining:
            out[-1] += w
        else:
            out.append(w)
            joining = len(w) == 1
    return " ".join(out)


_MUHAMMAD_PREFIX = re.compile(r"^((মো\.|মোঃ|মো:|মো|মোহাম্মদ|মুহাম্মদ|মোহাম্মাদ|মুহাম্মাদ|মোছা\.|মোসা\.|মোছাঃ|মোসাঃ) )+")


def _core_words(name: str) -> int:
    """Words of a name without a Muhammad before it (মো., মোহাম্মদ), as int_entity_names counts them."""
    return len(_MUHAMMAD_PREFIX.sub("", name).split())


def _entity_english(arts: list[Article]) -> dict[str, str]:
    """Each system entity's English name as the warehouse's dim_entities gives it: the gazetteer's,
    else that of its most frequent full name form or the longest form holding it whole (see
    warehouse/models/int_entity_names.sql)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    gazetteer: dict[str, str] = {}
    for art in arts:
        for m in art.system:
            eid = m.get("entity_id")
            if not eid or m["label"] not in NAME_LABELS or m.get("form") == "adjective":
                continue
            if m.get("latin_method") == "gazetteer":
                gazetteer[eid] = m.get("canonical_latin")
            elif m.get("name"):
                forms[eid][(m["name"], m.get("name_latin"))] += 1
    out = {}
    for eid, c in forms.items():
        best = max(c.items(), key=lambda kv: (len(kv[0][0].split()) > 1, kv[1], len(kv[0][0].split())))[0]
        longer = [f for f in c if _core_words(f[0]) > _core_words(best[0]) and f" {best[0]} " in f" {f[0]} "]
        if longer:  # the longest form holding that one whole: the name in full, written once
            best = max(longer, key=lambda f: (len(f[0].split()), c[f]))
        out[eid] = best[1]
    out.update(gazetteer)
    return out


def _found_mentions(arts: list[Article]) -> tuple[list[tuple], int]:
    """The keyed gold name mentions the system found with the right span (any label), each with its
    system entity id (or a unique stand-in), and how many keyed gold mentions there are."""
    found = []
    gold_total = 0
    for art in arts:
        spans = {(m["start"], m["end"]): m for m in art.system if _is_name(m)}
        for g in art.gold:
            if g.label not in NAME_LABELS or g.optional or not g.key:
                continue
            gold_total += 1
            m = next((spans[(s, e)] for s, e, _ in sorted(g.accepts) if (s, e) in spans), None)
            if m is not None:
                found.append((g, m.get("entity_id") or f"none:{art.id}:{m['start']}"))
    return found, gold_total


def linking_scores(arts: list[Article]) -> dict:
    """B-cubed over the gold mentions found with the right span (any label), and English names."""
    mentions, gold_total = _found_mentions(arts)
    english = _entity_english(arts)
    found = [(g, sid, english.get(sid)) for g, sid in mentions]  # (gold, system entity, its English name)
    by_gold, by_sys = defaultdict(list), defaultdict(list)
    for i, (g, sid, _) in enumerate(found):
        by_gold[g.key].append(i)
        by_sys[sid].append(i)
    p = r = 0.0
    for g, sid, _ in found:
        gs, ss = set(by_gold[g.key]), set(by_sys[sid])
        inter = len(gs & ss)
        p += inter / len(ss)
        r += inter / len(gs)
    n = len(found)
    bp, br = (p / n, r / n) if n else (0.0, 0.0)
    # English names: per gold entity, the name of the system entity most of its mentions went to.
    english_ok = english_n = 0
    wrong = []
    for key, idxs in by_gold.items():
        names = Counter((found[i][1], found[i][2]) for i in idxs).most_common(1)[0][0][1]
        accepted = {_norm_name(a) for a in found[idxs[0]][0].english_names}
        english_n += 1
        if _norm_name(names) in accepted:
            english_ok += 1
        else:
            wrong.append((key, names))
    return {"b3_precision": round(bp, 4), "b3_recall": round(br, 4), "b3_f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0,
            "mentions_found": n, "mentions_gold": gold_total, "entities": english_n,
            "english_name_accuracy": round(english_ok / english_n, 4) if english_n else 0.0, "english_wrong_sample": wrong[:25]}


def english_misses(arts: list[Article]) -> list[dict]:
    """Every gold entity whose English name is wrong (as ``linking_scores`` counts them), with the
    system entity's name, how it was made and the Bengali name form it came from."""
    english = _entity_english(arts)
    forms: dict[str, Counter] = defaultdict(Counter)
    for art in arts:
        for m in art.system:
            if m.get("entity_id") and _is_name(m):
                forms[m["entity_id"]][(m.get("name") or "", m.get("name_latin"), m.get("latin_method") or "")] += 1
    found: dict[str, list] = defaultdict(list)
    for g, sid in _found_mentions(arts)[0]:
        found[g.key].append((g, sid))
    out = []
    for hits in found.values():
        sid = Counter(s for _, s in hits).most_common(1)[0][0]
        name = english.get(sid)
        if _norm_name(name) in {_norm_name(a) for a in hits[0][0].english_names}:
            continue
        made = [k for k, _ in forms[sid].most_common() if k[1] == name] or [k for k, _ in forms[sid].most_common()] or [("", None, "")]
        form, _, method = made[0]
        out.append({"gold": hits[0][0].entity, "label": hits[0][0].label, "system": name, "method": method, "form": form})
    return out


# -- dates ------------------------------------------------------------------------------------------


def date_scores(arts: list[Article]) -> dict:
    gold_dates = found = valued = right = 0
    sys_dates = sys_valued = 0
    wrong = []
    for art in arts:
        sys = [m for m in art.system if m["label"] == "DATE"]
        sys_dates += len(sys)
        sys_valued += sum(1 for m in sys if m.get("value"))
        for g in art.gold:
            if g.label != "DATE" or not g.value:
                continue
            gold_dates += 1
            hit = [m for m in sys if m["start"] < g.end and g.start < m["end"]]
            if not hit:
                continue
            found += 1
            best = min(hit, key=lambda m: abs(m["start"] - g.start) + abs(m["end"] - g.end))
            if best.get("value"):
                valued += 1
                if best["value"] == g.value:
                    right += 1
                else:
                    wrong.append((art.id, art.text[g.start:g.end], g.value, best["value"]))
    return {"gold_dates": gold_dates, "found": found, "found_with_value": valued, "value_right": right,
            "value_accuracy": round(right / valued, 4) if valued else 0.0,
            "system_dates": sys_dates, "system_dates_valued": round(sys_valued / sys_dates, 4) if sys_dates else 0.0,
            "wrong_sample": wrong[:30]}


def evaluate(set_names: list[str], extractor, list_english_misses: bool = False) -> dict:
    articles = load_articles()
    sets = {name: load_set(name, articles) for name in set_names}
    seconds = run_system(sets, extractor)
    report = {"recognisers": extractor.recogniser_names, "seconds": round(seconds, 1), "sets": {}}
    for name, arts in sets.items():
        r: dict = {"articles": len(arts)}
        if any(g.label in NAME_LABELS for a in arts for g in a.gold):
            r["names_exact"] = name_scores(arts)
            r["names_overlap"] = name_scores(arts, overlap=True)
            r["linking"] = linking_scores(arts)
            if list_english_misses:
                r["english_misses"] = english_misses(arts)
        if any(g.label == "DATE" for a in arts for g in a.gold):
            r["dates"] = date_scores(arts)
        report["sets"][name] = r
    return report


def format_report(report: dict) -> str:
    lines = [f"recognisers: {', '.join(report['recognisers'])}; {report['seconds']} s"]
    for name, r in report["sets"].items():
        lines.append(f"\n{name} ({r['articles']} articles)")
        for kind in ("names_exact", "names_overlap"):
            if kind in r:
                lines.append(f"  {kind}:")
                for lab, s in r[kind].items():
                    lines.append(f"    {lab:8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']}, pred {s['predicted']}, gold {s['gold']})")
        if "linking" in r:
            lk = r["linking"]
            lines.append(f"  linking: B3 P {lk['b3_precision']:.3f} R {lk['b3_recall']:.3f} F1 {lk['b3_f1']:.3f} over {lk['mentions_found']}/{lk['mentions_gold']} gold mentions; "
                         f"English names right for {lk['english_name_accuracy']:.1%} of {lk['entities']} entities")
        if "dates" in r:
            d = r["dates"]
            lines.append(f"  dates: {d['found']}/{d['gold_dates']} gold dates found, {d['found_with_value']} valued, {d['value_accuracy']:.1%} of values right; "
                         f"{d['system_dates_valued']:.1%} of {d['system_dates']} system DATE mentions carry a value")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", help="set names, as data/*.jsonl names them (ner_dev, link_dev, dates_dev6, ner_test ...; see README.md)")
    ap.add_argument("--json", type=Path, help="write the full report here")
    ap.add_argument("--no-model", action="store_true", help="gazetteer and rules only")
    ap.add_argument("--model", type=Path, help="NER model folder (default: the shipped one)")
    ap.add_argument("--english-misses", action="store_true", help="list every gold entity whose English name is wrong")
    args = ap.parse_args(argv)
    from khobor.flows.resources import entity_extractor
    from khobor.transforms.entities.extract import extractor_for

    extractor = extractor_for(None) if args.no_model else entity_extractor(args.model)
    report = evaluate(args.sets, extractor, list_english_misses=args.english_misses)
    print(format_report(report))
    for name, r in report["sets"].items():
        for w in r.get("english_misses", []):
            print(f"{name}\t{w['label']}\t{w['gold']}\t{w['system']}\t{w['method']}\t{w['form']}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
