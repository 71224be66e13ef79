"""``khobor tokenize`` and ``khobor extract``: JSONL in, JSONL out, offsets into each text as given."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

INPUT_OPT = typer.Option(None, "--input", "-i", help="JSONL file of {\"id\", \"text\"}; default stdin.")
OUTPUT_OPT = typer.Option(None, "--output", "-o", help="Where to write JSONL; default stdout.")


def _jsonl_io(input: Optional[Path], output: Optional[Path]):
    # surrogateescape: a byte that is not UTF-8 reaches the record parser, which reports it per line.
    src = open(input, encoding="utf-8", errors="surrogateescape") if input else sys.stdin
    dst = open(output, "w", encoding="utf-8") if output else sys.stdout
    return src, dst


def tokenize(input: Optional[Path] = INPUT_OPT, output: Optional[Path] = OUTPUT_OPT) -> None:
    """Sentences and tokens for JSONL records, offsets into each text exactly as given."""
    from khobor.flows.jsonl import tokenize_records

    src, dst = _jsonl_io(input, output)
    for line in tokenize_records(src):
        dst.write(line + "\n")
    dst.flush()


def extract(input: Optional[Path] = INPUT_OPT, output: Optional[Path] = OUTPUT_OPT) -> None:
    """Entity mentions with canonical entities for JSONL records, offsets into each text as given."""
    from khobor.flows.jsonl import extract_records
    from khobor.flows.resources import entity_extractor

    src, dst = _jsonl_io(input, output)
    extractor = entity_extractor()
    for warning in extractor.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for line in extract_records(src, extractor):
        dst.write(line + "\n")
    dst.flush()
