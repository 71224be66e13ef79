"""decode_bytes: encodings it accepts, and the input it refuses with a reason."""
from __future__ import annotations

import codecs
import random

import pytest

from khobor.transforms.text.decoding import Decoded, UndecodableInput, decode_bytes, looks_like_legacy_bengali

BENGALI = (
    "আজ সকালে প্রধানমন্ত্রী সংসদে বক্তব্য দেন। দেশের অর্থনীতি এখন অনেক ভালো অবস্থায় "
    "রয়েছে বলে তিনি মন্তব্য করেন। বাংলাদেশের রাজধানী ঢাকা।"
)
ENGLISH = (
    "The committee met on Tuesday to review the budget. Several members raised concerns about "
    "the pace of spending, while others argued that the investment was overdue. A final vote "
    "is expected next week. Copyright \u00a9 2024 Example News Ltd. All rights reserved."
)

# A rough Unicode -> Bijoy (SutonnyMJ) glyph-code mapping, enough to produce text with the
# character statistics of real legacy-font files: pre-base vowel signs move before the
# consonant, conjuncts are spelt with the hasanta glyph.
_BIJOY = {
    "অ": "A", "আ": "Av", "ই": "B", "উ": "D", "এ": "G", "ও": "I", "ক": "K", "খ": "L", "গ": "M",
    "ঘ": "N", "চ": "P", "ছ": "Q", "জ": "R", "ঝ": "S", "ট": "U", "ঠ": "V", "ড": "W", "ঢ": "X",
    "ণ": "Y", "ত": "Z", "থ": "_", "দ": "`", "ধ": "a", "ন": "b", "প": "c", "ফ": "d", "ব": "e",
    "ভ": "f", "ম": "g", "য": "h", "র": "i", "ল": "j", "শ": "k", "ষ": "l", "স": "m", "হ": "n",
    "ং": "s", "ঃ": "t", "ঁ": "u", "া": "v", "ী": "x", "ু": "y", "ূ": "~", "ৃ": "…", "্": "&",
    "।": "|", "়": "",
}
_PRE_BASE = {"ি": "w", "ে": "‡", "ৈ": "‰"}


def to_bijoy(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in _PRE_BASE:
            # Insert before the last consonant cluster already written.
            i = len(out)
            while i > 0 and out[i - 1] not in (" ", "|") and not out[i - 1].startswith(tuple("vwx‡‰")):
                i -= 1
                if i > 0 and out[i - 1] != "&":
                    break
            out.insert(i, _PRE_BASE[ch])
        elif ch == "ো":
            out.append("v")
            out.insert(len(out) - 2, "‡")
        elif ch == "র্":
            out.append("©")
        else:
            out.append(_BIJOY.get(ch, ch))
    return "".join(out).replace("i&", "©")


BIJOY = to_bijoy(BENGALI)


# ------------------------------------------------------------------ accepted


def test_plain_utf8_is_the_fast_path():
    assert decode_bytes(BENGALI.encode("utf-8")) == Decoded(BENGALI, "utf-8")


def test_empty_input():
    assert decode_bytes(b"") == Decoded("", "utf-8")


@pytest.mark.parametrize(
    "bom, codec, label",
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_byte_order_marks(bom, codec, label):
    decoded = decode_bytes(bom + BENGALI.encode(codec))
    assert decoded == Decoded(BENGALI, label)


def test_utf16_without_bom():
    assert decode_bytes(BENGALI.encode("utf-16-le")) == Decoded(BENGALI, "utf-16-le")
    assert decode_bytes(ENGLISH.encode("utf-16-be")).text == ENGLISH


def test_declared_charset_is_honoured_when_it_decodes():
    text = "Ça va très bien, merci beaucoup à vous."
    assert decode_bytes(text.encode("cp1252"), "windows-1252") == Decoded(text, "cp1252")
    assert decode_bytes(text.encode("latin-1"), "ISO-8859-1").text == text
    assert decode_bytes("Привет, мир".encode("koi8-r"), "koi8-r").text == "Привет, мир"
    assert decode_bytes(BENGALI.encode("utf-16-le"), "utf-16le").text == BENGALI


def test_valid_utf8_beats_a_declared_western_charset():
    assert decode_bytes(BENGALI.encode("utf-8"), "iso-8859-1") == Decoded(BENGALI, "utf-8")


def test_unknown_or_wrong_declarations_fall_back_to_detection():
    assert decode_bytes(BENGALI.encode("utf-8"), "no-such-charset").text == BENGALI
    assert decode_bytes(BENGALI.encode("utf-8"), "ascii").text == BENGALI


def test_detected_western_text():
    text = "Ça va très bien, merci beaucoup à vous, dit-il à la sortie de la réunion."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_english_with_a_copyright_sign_is_not_legacy_bengali():
    assert decode_bytes(ENGLISH.encode("utf-8")).text == ENGLISH
    assert decode_bytes(ENGLISH.encode("cp1252")).text == ENGLISH


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "def main(argv):\n    value = vectorize(values, KvStore())\n    return value\n" * 5,
        "Vivid velvet violets vanish over the valley; villagers vote via a viva voce vote. " * 3,
        "Die Übergangsregierung hat am Montag über die Verfassungsreform beraten. Größere Änderungen.",
        "নির্বাচন কমিশন (EC) আজ জানিয়েছে, ভোট গণনা শেষ হয়েছে। BRICS, G20 এবং UN.",
    ],
)
def test_legacy_detector_has_no_false_alarm(text):
    assert not looks_like_legacy_bengali(text)


# ------------------------------------------------------------------ refused


def _refused(data: bytes, declared: str | None = None) -> UndecodableInput:
    with pytest.raises(UndecodableInput) as info:
        decode_bytes(data, declared)
    assert info.value.detail
    return info.value


def test_legacy_bengali_font_in_windows_1252():
    assert looks_like_legacy_bengali(BIJOY)
    assert _refused(BIJOY.encode("cp1252")).reason == "legacy-bengali-font"


def test_legacy_bengali_font_saved_as_utf8():
    assert _refused(BIJOY.encode("utf-8")).reason == "legacy-bengali-font"


def test_legacy_bengali_font_with_a_declared_charset():
    assert _refused(BIJOY.encode("cp1252"), "windows-1252").reason == "legacy-bengali-font"


def test_truncated_utf8_is_invalid_encoding_not_latin1_garbage():
    data = BENGALI.encode("utf-8")
    err = _refused(data[:-1] + b" more")
    assert err.reason == "invalid-encoding"
    assert "byte" in err.detail


def test_utf8_bengali_with_a_stray_byte():
    data = BENGALI.encode("utf-8")
    assert _refused(data[:40] + b"\xff" + data[40:]).reason == "invalid-encoding"


def test_double_decoded_utf8_is_refused():
    mojibake = BENGALI.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert _refused(mojibake).reason == "invalid-encoding"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"\x7fELF\x02\x01\x01",
        b"text with a NUL\x00 byte in it",
        bytes(range(1, 32)) * 20,
    ],
)
def test_binary_is_refused(data):
    assert _refused(data).reason == "binary"


def test_random_bytes_are_refused():
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 3000)))
        assert _refused(data).reason in ("binary", "invalid-encoding")


def test_random_high_bytes_are_not_turned_into_text():
    rng = random.Random(11)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    assert _refused(data).reason in ("binary", "invalid-encoding")


def test_bom_with_broken_payload():
    err = _refused(codecs.BOM_UTF8 + b"abc\xffdef")
    assert err.reason == "invalid-encoding"


def test_short_latin1_text_is_western_not_an_exotic_code_page():
    from khobor.transforms.text.decoding import decode_bytes

    assert decode_bytes("Café in Dhaka".encode("latin-1")).text == "Café in Dhaka"
