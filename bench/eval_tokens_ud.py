"""Token span precision/recall/F1 against a Universal Dependencies CoNLL-U file.

    .venv/bin/python bench/eval_tokens_ud.py [--conllu PATH] [--show-errors]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.text_eval import mismatches, read_conllu, token_prf  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "ud_bengali_bru" / "bn_bru-ud-test.conllu"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conllu", type=Path, default=DEFAULT)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not args.conllu.exists():
        print(f"no corpus at {args.conllu}", file=sys.stderr)
        return 2
    gold = list(read_conllu(args.conllu))
    prf = token_prf(gold)
    print(f"corpus     {args.conllu}")
    print(f"sentences  {len(gold)}")
    print(f"tokens     gold {prf.n_gold}  predicted {prf.n_pred}  matched {prf.tp}")
    print(f"precision  {prf.precision:.4f}")
    print(f"recall     {prf.recall:.4f}")
    print(f"F1         {prf.f1:.4f}")
    if args.show_errors:
        for sent_id, gold_only, pred_only in mismatches(gold):
            print(f"{sent_id}: gold-only {gold_only} predicted-only {pred_only}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
