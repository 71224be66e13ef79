"""Write the expected rows of source-kind goldens: ``python -m tests.golden.write_sources [KIND ...]``.

Run it only after a reviewed change to a kind or to staging, and read the diff of each
``expected.json``: it must state what is right, not merely what the code now prints.
"""
from __future__ import annotations

import json
import sys

from tests.source_goldens import GOLDEN, golden_kinds, staged_rows


def main(kinds: list[str]) -> None:
    for kind in kinds or golden_kinds():
        path = GOLDEN / kind / "expected.json"
        path.write_text(json.dumps(staged_rows(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
