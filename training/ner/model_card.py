"""Render models/bn_ner/MODEL_CARD.md from MODEL_CARD.template.md and the run's scores.json."""
from __future__ import annotations

import json
from pathlib import Path

from .evaluate import format_table

TEMPLATE = Path(__file__).with_name("MODEL_CARD.template.md")


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
