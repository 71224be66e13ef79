"""Linking one document whose spans a test names by their text, and sports preambles for it."""
from __future__ import annotations

from khobor.transforms.entities.gazetteer import default_gazetteer
from khobor.transforms.entities.linking import Linker
from khobor.transforms.entities.names import nfc
from khobor.transforms.entities.types import Span

# Enough of the sport's words for the document to read as news of it.
CRICKET = "টেস্ট ক্রিকেট নিয়ে উইকেট ও ইনিংসের হিসাব।\n"
FOOTBALL = "ফুটবল বিশ্বকাপে গোলে গোলে জমজমাট লড়াই, ফিফা জানায়।\n"


def link(text: str, parts: list[tuple[str, str]], method: str = "gazetteer"):
    """Link ``text`` with a span for each (surface, label) of ``parts``, found in order."""
    text = nfc(text)
    out, pos = [], 0
    for surface, label in parts:
        i = text.index(nfc(surface), pos)
        out.append((Span(i, i + len(nfc(surface)), label, method, 0.9), None))
        pos = i + len(nfc(surface))
    return Linker(default_gazetteer()).link_document(text, out)
