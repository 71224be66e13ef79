"""Bytes to text: encoding detection, and refusal of input that is not text.

Contract (the spine relies on it):
- ``decode_bytes(data, declared=None) -> Decoded`` returns the text and the encoding used.
- Input that cannot be honest text raises ``UndecodableInput`` with a short machine ``reason``
  (e.g. ``"binary"``, ``"invalid-utf8"``, ``"legacy-bengali-font"``) and a human ``detail``.
"""
from __future__ import annotations

from dataclasses import dataclass


class UndecodableInput(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UndecodableInput("binary", "NUL bytes in the first 4 KiB")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise UndecodableInput("invalid-utf8", str(exc)) from exc
