"""Bytes to text: encoding detection, and refusal of input that is not text.

Contract (the spine relies on it):
- ``decode_bytes(data, declared=None) -> Decoded`` returns the text and the encoding used.
- Input that cannot be honest text raises ``UndecodableInput`` with a short machine ``reason``
  and a human ``detail``. Reasons: ``"binary"`` (NUL or control bytes, a known binary file
  signature), ``"invalid-encoding"`` (broken UTF-8, a declared or detected codec that does not
  fit, UTF-8 Bengali already decoded once as Windows-1252), ``"legacy-bengali-font"`` (ASCII
  glyph codes of Bijoy/SutonnyMJ-style fonts, which are Bengali only on screen with that font).
- What was repaired on the way is listed in ``Decoded.warnings`` (``"code: detail"``): ``nul-bytes``
  (sparse NUL bytes dropped), ``charset-mismatch`` (a declared UTF-16/32 that the bytes are not).

Order of decisions:
1. A byte-order mark wins: UTF-8 (reported as ``utf-8-sig``), UTF-16 LE/BE, UTF-32 LE/BE.
2. A declared UTF-16/32 is honoured only when the bytes fit it: servers send UTF-8 under a
   ``charset=utf-16`` header, and decoding that as UTF-16 gives CJK-looking garbage. Without NUL
   bytes and valid as UTF-8, the bytes are UTF-8 (with a ``charset-mismatch`` warning); when the
   declared decoding fails, detection goes on as if nothing had been declared.
3. Binary signatures and more than 1% of control bytes mean ``binary``. NUL bytes follow one rule
   wherever they are in the item (unless the bytes look like BOM-less UTF-16): more than 1% of
   the bytes (or of the first 8 KiB) is ``binary``; fewer are dropped with a ``nul-bytes`` warning
   (a stray NUL from a broken export, not a binary file).
4. A ``declared`` charset (HTTP header, HTML meta) is honoured when it decodes strictly, except
   that it loses to valid UTF-8 with non-ASCII bytes: servers that default to ISO-8859-1 are
   the usual source of mojibake, and valid multi-byte UTF-8 is almost never an accident.
5. Strict UTF-8, the fast path.
6. Mostly-valid UTF-8 with a few broken sequences is ``invalid-encoding`` rather than being
   handed to a detector that would turn Bengali into Latin-1 garbage.
7. charset-normalizer for the rest, kept from reading mostly-ASCII bytes as a CJK codec.
Every decoded text is checked for controls, legacy-font glyph codes and double-decoded UTF-8.
"""
from __future__ import annotations

import codecs
import re
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
    warnings: tuple[str, ...] = ()  # "code: detail" for each repair made (see the module docstring)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00", "binary data"),
)

_SIGNATURE_FIRST_BYTES = frozenset(magic[0] for magic, _ in _SIGNATURES)
_BOM_FIRST_BYTES = frozenset(bom[0] for bom, _ in _BOMS)

# Bytes a text file may contain below 0x20 (and DEL): tab, newlines, form feed, escape.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20)) + b"\x7f"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF = 8192
_MAX_CONTROL_RATIO = 0.01

_CJK_CODECS = ("big5", "gb", "cp936", "cp950", "shift_jis", "cp932", "euc", "iso2022", "johab", "cp949", "hz")

# Glyph codes of Bijoy/SutonnyMJ-style fonts as Windows-1252 shows them: ‡ and † (e-kar),
# ˆ (oi-kar), © (reph), ¨ (ya-phala), ª and Ö (ra-phala), ¯ ¯ Š ... (conjuncts and vowel parts).
_LEGACY_MARKS = frozenset("‡†ˆ‰Š‹Œ©¨ª¯Ö×ØÐÑÒÓÔÕ¢£¤¥¦§«¬®°±²³´µ¶·¸¹º»¼½¾¿`")
_LEGACY_BIGRAMS = re.compile("Kv|wK|Zv|bv|iv|mv|gv|‡K|‡i|‡b|‡Z|Av|fv|jv|ev|cÖ|Ki|©")
_INNER_CAPS = re.compile("[a-z`‡†][A-Z]")
_BENGALI = re.compile("[\u0980-\u09ff]")
_MOJIBAKE = re.compile("\u00e0[\u00a6\u00a7]")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    if not data:
        return Decoded("", "utf-8")
    if data[0] in _BOM_FIRST_BYTES:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return _checked(_strict(data[len(bom) :], codec.replace("-sig", ""), "byte-order mark"), codec, data)
    declared_codec = _codec_name(declared) if declared else None
    warnings: list[str] = []
    if declared_codec and declared_codec.startswith(("utf-16", "utf-32")):
        wide = _declared_wide(data, declared_codec)
        if wide is not None:
            return wide
        warnings.append(f"charset-mismatch: declared {declared_codec} but the bytes are not {declared_codec}")
        declared_codec = None
    if data.find(b"\x00", 0, _SNIFF) >= 0:
        utf16 = _bomless_utf16(data)
        if utf16:
            return utf16
    _refuse_binary(data)
    data = _drop_sparse_nuls(data, warnings)
    decoded = _decode(data, declared_codec)
    return Decoded(decoded.text, decoded.encoding, tuple(warnings)) if warnings else decoded


def _declared_wide(data: bytes, codec: str) -> Decoded | None:
    """A declared UTF-16/32 when the bytes are that (None when they are not). UTF-8 never has NUL
    bytes for ordinary text, while UTF-16/32 of any markup or Latin punctuation has plenty; and
    UTF-16 Bengali (0x09 0x80..) is never valid UTF-8."""
    if data.find(b"\x00", 0, _SNIFF) < 0 and _is_utf8(data):
        return None
    try:
        return _checked(_strict(data, codec, "declared charset"), codec, data)
    except UndecodableInput as exc:
        if exc.reason == "invalid-encoding":
            return None  # the declaration is wrong: detect as if there were none
        raise


def _drop_sparse_nuls(data: bytes, warnings: list[str]) -> bytes:
    """Sparse NUL bytes (already known to be at most 1% of the item) are dropped and recorded."""
    nuls = data.count(0)
    if not nuls:
        return data
    first = data.find(b"\x00")
    warnings.append(f"nul-bytes: dropped {nuls} NUL byte(s), the first at offset {first}")
    return data.replace(b"\x00", b"")


def _decode(data: bytes, declared_codec: str | None) -> Decoded:
    if not data:
        return Decoded("", "utf-8")
    if declared_codec and declared_codec != "utf-8" and (data.isascii() or not _is_utf8(data)):
        try:
            return _checked(data.decode(declared_codec), declared_codec, data)
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    try:
        return _checked(data.decode("utf-8"), "utf-8", data, bytes_checked=True)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    _refuse_broken_utf8(data, utf8_error)
    _refuse_legacy(data.decode("cp1252", errors="replace"))
    return _detect(data)


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return {"utf-16": "utf-16", "utf-32": "utf-32"}.get(name, name)


def _strict(data: bytes, codec: str, why: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            "invalid-encoding", f"{why} says {codec} but byte {exc.start} is not valid {codec}: {exc.reason}"
        ) from exc


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NUL bytes on one side only, mostly; else None."""
    head = data[:_SNIFF]
    if len(head) < 4 or len(data) % 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.05 * len(zeros) and other.count(0) == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if len(_CONTROL_CHARS.findall(text[:_SNIFF])) <= _MAX_CONTROL_RATIO * min(len(text), _SNIFF):
                return _checked(text, codec, data)
    return None


def _refuse_binary(data: bytes) -> None:
    if data[0] in _SIGNATURE_FIRST_BYTES:
        for magic, what in _SIGNATURES:
            if data.startswith(magic):
                raise UndecodableInput("binary", f"starts with the signature of {what}")
    head = data[:_SNIFF]
    # One rule wherever the NULs are: a share of the whole item, and of its head (a binary header
    # before a long text is still a binary file).
    nuls, head_nuls = data.count(0), head.count(0)
    if nuls > _MAX_CONTROL_RATIO * len(data) or head_nuls > _MAX_CONTROL_RATIO * len(head):
        first = data.find(b"\x00")
        raise UndecodableInput("binary", f"{nuls} NUL byte(s) in {len(data)} bytes, the first at offset {first}")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES)) - head_nuls
    if controls > _MAX_CONTROL_RATIO * len(head):
        raise UndecodableInput("binary", f"{controls} control bytes in the first {len(head)} bytes")


def _refuse_broken_utf8(data: bytes, exc: UnicodeDecodeError) -> None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(data) - len(text.encode("ascii", errors="ignore")) - 3 * bad
    if multibyte >= 4 * bad or _BENGALI.search(text):
        raise UndecodableInput(
            "invalid-encoding",
            f"UTF-8 with {bad} invalid byte sequence(s), the first at byte {exc.start} ({exc.reason})",
        )


_WESTERN_CODECS = ("cp1252", "latin-1", "iso8859-15", "cp1250", "iso8859-2", "utf-16", "utf-16-le", "utf-16-be")


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise UndecodableInput("invalid-encoding", "no text encoding fits these bytes")
    best = matches[0]
    # Short texts fit many code pages equally well; Windows-1252 is the likely one here.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01:
            best = m
            break
    codec = _codec_name(best.encoding) or best.encoding
    head = data[:_SNIFF]
    high = len(head) - len(head.translate(None, _HIGH_BYTES))
    if high < 0.3 * len(head) and codec not in _WESTERN_CODECS:
        # Mostly ASCII with a few high bytes is Western text (Café, naïve), whatever code page
        # — CJK, Urdu cp1006 — happens to score as well on a short sample.
        for fallback in ("cp1252", "latin-1"):
            try:
                return _checked(data.decode(fallback), fallback, data)
            except UnicodeDecodeError:
                continue
    return _checked(str(best), codec, data)


def _checked(text: str, encoding: str, data: bytes, bytes_checked: bool = False) -> Decoded:
    """Refuse decoded text that is binary, legacy-font or mojibake after all.

    ``bytes_checked``: the control bytes were counted already and this codec keeps ASCII
    as it is (UTF-8), so the characters need no second count.
    """
    if bytes_checked and len(data) >= 1.5 * len(text):
        # The common case, Unicode Bengali in UTF-8: only double-decoded UTF-8 to look for.
        if text.find("\u00e0\u00a6", 0, _SNIFF) >= 0 or text.find("\u00e0\u00a7", 0, _SNIFF) >= 0:
            _refuse_mojibake(text[:_SNIFF])
        return Decoded(text, encoding)
    sample = text[:_SNIFF]
    if not bytes_checked:
        controls = len(_CONTROL_CHARS.findall(sample))
        if controls > _MAX_CONTROL_RATIO * max(len(sample), 1):
            raise UndecodableInput("binary", f"{controls} control characters in the first {len(sample)} characters")
    # Bengali in Unicode needs three UTF-8 bytes a letter; legacy-font text is mostly ASCII.
    if len(data) < 1.5 * len(text) or not encoding.startswith("utf-8"):
        _refuse_legacy(sample)
    _refuse_mojibake(sample)
    return Decoded(text, encoding)


def _refuse_legacy(sample: str) -> None:
    if looks_like_legacy_bengali(sample):
        raise UndecodableInput(
            "legacy-bengali-font",
            "ASCII glyph codes of a Bijoy/SutonnyMJ-style Bengali font, not Unicode Bengali; "
            "convert it with a Bijoy-to-Unicode converter first",
        )


def _refuse_mojibake(sample: str) -> None:
    if "\u00e0\u00a6" not in sample and "\u00e0\u00a7" not in sample:
        return
    hits = len(_MOJIBAKE.findall(sample))
    if hits >= 3 and hits * 4 >= len(_BENGALI.findall(sample)):
        raise UndecodableInput(
            "invalid-encoding", "UTF-8 Bengali that was decoded as Windows-1252 once already (à¦… mojibake)"
        )


def looks_like_legacy_bengali(text: str) -> bool:
    """Character statistics of Bijoy/SutonnyMJ-encoded Bengali (as Windows-1252 shows it)."""
    sample = text[:_SNIFF]
    letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    if letters < 20 or len(_BENGALI.findall(sample)) > 0.25 * letters:
        return False
    marks = sum(1 for c in sample if c in _LEGACY_MARKS)
    v_ratio = sample.count("v") / letters
    words = sample.split()
    inner_caps = sum(1 for w in words if _INNER_CAPS.search(w)) / max(len(words), 1)
    bigrams = len(_LEGACY_BIGRAMS.findall(sample)) / max(len(words), 1)
    mark_ratio = marks / (letters + marks)
    if mark_ratio >= 0.03 and (v_ratio >= 0.04 or bigrams >= 0.3):
        return True
    return v_ratio >= 0.06 and inner_caps >= 0.15 and bigrams >= 0.3
