"""Render models/bn_ner/MODEL_CARD.md from MODEL_CARD.template.md and the run's scores.json."""
from __future__ import annotations

import json
from pathlib import Path

from .evaluate import format_table

TEMPLATE = Path(__file__).with_name("MODEL_CARD.template.md")


def news_eval_table(report: dict) -> str:
    sets = report.get("news_eval") or {}
    if not sets:
        return "(not measured: run `python -m khobor.training.ner.report --model DIR`)"
    rows = ["| set | label | P | R | F1 | gold |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name, r in sets.items():
        for lab, m in (r.get("names_exact") or {}).items():
            rows.append(f"| {name} | {lab} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['gold']} |")
        lk = r.get("linking") or {}
        if lk:
            rows.append(f"| {name} | linking B3 | {lk['b3_precision']:.3f} | {lk['b3_recall']:.3f} | {lk['b3_f1']:.3f} | {lk['mentions_gold']} |")
    return "\n".join(rows)


def speed_text(report: dict) -> str:
    sp = report.get("speed")
    if not sp:
        return "not measured"
    m = sp["model"]
    text = f"{m['tokens_per_s']:,} tokens/s on one core ({m['tokens']:,} khobor tokens of 300 news articles)"
    for name, b in (sp.get("baselines") or {}).items():
        text += f"; {Path(name).name} on the same tokens at the same time: {b['tokens_per_s']:,} tokens/s"
    return text


def news_text(report: dict) -> str:
    nw = report.get("news_weak")
    if not nw:
        return "none"
    n = report["sentences"].get("news", nw.get("max"))
    return f"{n:,} weakly labelled news_bench sentences (`{nw['file']}`, sentences without entities thinned to {nw['empty_share']:.0%})"


def render(report: dict) -> str:
    dev = report["dev"]["overall"]
    fields = {
        "SCORES": format_table(report["test"]),
        "CORPORA": ", ".join(report["corpora"]),
        "VECTORS": "floret vectors trained on news articles" if report["vectors"] else "none",
        "SEED": str(report["seed"]),
        "MAX_STEPS": str(report["max_steps"]),
        "TRAIN_MINUTES": f"{report['train_seconds'] / 60:.0f}",
        "MODEL_MB": f"{report['model_bytes'] / 1e6:.1f}",
        "DEV": f"P {dev['p']:.3f} / R {dev['r']:.3f} / F1 {dev['f']:.3f}",
        "SENTENCES": json.dumps(report["sentences"], ensure_ascii=False),
        "CONVERSION": "\n".join(f"| {k} | {v} |" for k, v in report["conversion"].items()),
        "NEWS": news_text(report),
        "NEWS_EVAL": news_eval_table(report),
        "SPEED": speed_text(report),
        "EXPERIMENTS": report.get("experiments_table", "(see the previous card)"),
        "INIT_TOK2VEC": "pretrained on the news pool (spaCy characters objective)" if report.get("init_tok2vec") else "random",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def write_card(model_dir: Path, report: dict) -> Path:
    path = model_dir / "MODEL_CARD.md"
    path.write_text(render(report), encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    model = Path(sys.argv[1] if len(sys.argv) > 1 else "models/bn_ner")
    print(write_card(model, json.loads((model / "scores.json").read_text(encoding="utf-8"))))
