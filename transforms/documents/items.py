"""Raw items as sources hand them over, and the pure parsing of each media type into a body text.

A source yields ``RawItem``s (bytes plus metadata); ``extract_body`` turns one into an ``ItemBody``
(decoded, format-stripped text plus whatever metadata the content itself carries) or raises
``Rejected`` with a reason that ends up in the quarantine table.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from khobor.transforms.text.decoding import UndecodableInput, decode_bytes

# Items bigger than this are quarantined as ``too-large`` (per source ``max_item_bytes`` in
# sources.toml, or its ``[limits]`` table): one item must not hold a run's memory or time.
DEFAULT_MAX_ITEM_BYTES = 10 * 1024 * 1024

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate code point replaced by U+FFFD, and how many there were.

    Only JSON escapes (``"\\ud800"``) produce them: they are not Unicode scalar values, so no
    UTF-8 writer (Arrow, DuckDB, a terminal) accepts them. A valid pair was joined by the parser.
    """
    if _SURROGATE.search(value) is None:
        return value, 0
    return _SURROGATE.subn("\ufffd", value)


class Rejected(ValueError):
    """An item that cannot become a document. ``reason`` is a short code, ``detail`` says why."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class RawItem:
    source_id: str
    item_key: str  # stable within the source: a relative path, path#record, or URL
    location: str  # where it was read from, for people
    raw: bytes
    media_type: str
    fetched_at: datetime
    title: str | None = None
    url: str | None = None
    published_raw: str | None = None
    external_id: str | None = None
    declared_encoding: str | None = None
    error: str | None = None  # set by a source that could not read the item: it is quarantined
    error_reason: str | None = None  # short code for the quarantine row; "unreadable" when unset
    extra: dict = field(default_factory=dict)
    size: int | None = None  # bytes of an item not read into ``raw`` (over the size cap); else len(raw)


@dataclass(frozen=True)
class ItemBody:
    text: str  # the body as decoded and stripped of markup: the "raw" side of the offset map
    encoding: str
    title: str | None = None
    url: str | None = None
    published_raw: str | None = None
    external_id: str | None = None
    publisher: str | None = None  # a record's own publisher (news_bench's ``paper``), when it names one
    warnings: tuple[str, ...] = ()  # "code: detail" for each repair made on the way (kept, not rejected)


def extract_body(item: RawItem) -> ItemBody:
    if item.error is not None:
        raise Rejected(item.error_reason or "unreadable", item.error)
    declared = item.declared_encoding
    if declared is None and item.media_type == "text/html":
        declared = html_meta_charset(item.raw)
    try:
        decoded = decode_bytes(item.raw, declared)
    except UndecodableInput as exc:
        raise Rejected(exc.reason, exc.detail) from exc
    body = _extract(item, decoded.text, decoded.encoding)
    warnings = (*decoded.warnings, *body.warnings)
    return replace(body, warnings=warnings) if warnings != body.warnings else body


def _extract(item: RawItem, text: str, enc: str) -> ItemBody:
    meta = dict(title=item.title, url=item.url, published_raw=item.published_raw, external_id=item.external_id)
    if item.media_type == "application/x-jsonl-record":
        return _from_json_record(text, enc, meta, item.extra.get("fields"))
    if item.media_type == "text/html":
        return _from_html(text, enc, meta)
    if item.media_type == "text/html-fragment":
        text = html_fragment_text(text)
    if item.media_type == "text/markdown":
        text = markdown_to_text(text)
    if not text.strip():
        raise Rejected("empty", "no text in the item")
    if not meta["title"]:
        meta["title"] = headline(text)
    return ItemBody(text=text, encoding=enc, **meta)


_END_MARKS = tuple("।॥৷.?!:;\"'”’)")


def headline(text: str, max_len: int = 160) -> str | None:
    """A plain-text article's title: its first line, when that line reads as a headline
    (short, no sentence end mark, more text after it)."""
    lines = [ln.strip() for ln in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0] or len(lines[0]) > max_len or lines[0].endswith(_END_MARKS):
        return None
    return lines[0]


# Where a record keeps each field, unless its source maps them otherwise. Each entry lists the
# record keys to try in order; the first non-empty one wins.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body"),
    "title": ("title",),
    "date": ("published_at", "date"),
    "url": ("url",),
    "id": ("id",),
    "publisher": ("publisher", "paper"),
}


def field_map(mapping: dict | None) -> dict[str, tuple[str, ...]]:
    """Merge a source's field mapping (a key or list of keys per field) over the defaults."""
    out = dict(DEFAULT_FIELDS)
    for name, keys in (mapping or {}).items():
        if name == "body":
            name = "text"
        out[name] = (keys,) if isinstance(keys, str) else tuple(keys)
    return out


def _pick(rec: dict, keys: tuple[str, ...]):
    for k in keys:
        v = rec.get(k)
        if v not in (None, "") and not (isinstance(v, str) and not v.strip()):
            return v
    return None


def _from_json_record(line: str, enc: str, meta: dict, mapping: dict | None = None) -> ItemBody:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Rejected("invalid-json", f"line is not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(rec, dict):
        raise Rejected("invalid-json", f"record is a JSON {type(rec).__name__}, not an object")
    fields = field_map(mapping)
    text = _pick(rec, fields["text"])
    if not isinstance(text, str):
        raise Rejected("missing-text", f"record has no non-empty text field ({' or '.join(map(repr, fields['text']))})")
    warnings = []
    published = _pick(rec, fields["date"])
    if published is not None and (isinstance(published, bool) or not isinstance(published, (str, int, float))):
        # An object or list is no date; its text could be anything (a whole article), so it is not kept.
        warnings.append(f"bad-date: the date field holds a JSON {type(published).__name__}, not a date")
        published = None
    rid = _pick(rec, fields["id"])
    body = dict(
        text=text,
        title=_str_or(_pick(rec, fields["title"]), meta["title"]),
        url=_str_or(_pick(rec, fields["url"]), meta["url"]),
        published_raw=str(published) if published is not None else meta["published_raw"],
        external_id=str(rid) if rid is not None else meta["external_id"],
        publisher=_str_or(_pick(rec, fields["publisher"]), None),
    )
    replaced = 0
    for name, value in body.items():
        if isinstance(value, str):
            body[name], n = scrub_surrogates(value)
            replaced += n
    if replaced:
        warnings.append(f"invalid-unicode: {replaced} lone surrogate escape(s) replaced with U+FFFD")
    return ItemBody(encoding=enc, warnings=tuple(warnings), **body)


def _str_or(value, default):
    return value if isinstance(value, str) and value.strip() else default


def _from_html(html: str, enc: str, meta: dict) -> ItemBody:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    warnings = ()
    if not text or not text.strip():
        # libxml2 drops everything nested deeper than 256 elements (huge_tree only moves the limit),
        # so a page of 10,000 nested divs looks empty. Flattened, it has its text again.
        flat, depth = flatten_html(html)
        if depth > MAX_HTML_DEPTH:
            html = flat
            text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
            warnings = (f"deep-html: elements nested {depth} deep; markup below depth {MAX_HTML_DEPTH} was flattened",)
    if not text or not text.strip():
        raise Rejected("no-article-text", "no article text could be extracted from the HTML page")
    md = trafilatura.extract_metadata(html)
    return ItemBody(
        text=text,
        encoding=enc,
        warnings=warnings,
        title=meta["title"] or (md.title if md else None),
        url=meta["url"] or (md.url if md else None),
        published_raw=meta["published_raw"] or _html_published(html) or (md.date if md else None),
        external_id=meta["external_id"],
    )


MAX_HTML_DEPTH = 200  # below libxml2's 256, with room for the wrapper trafilatura adds
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW_TEXT = frozenset(("script", "style", "textarea", "title"))


def flatten_html(html: str, max_depth: int = MAX_HTML_DEPTH) -> tuple[str, int]:
    """``html`` with the tags nested deeper than ``max_depth`` removed (their text stays), and the
    deepest nesting seen. One pass over the tags with a counter: no tree, no recursion, linear in
    the page. Unclosed tags count as open, which is what a browser does too."""
    out: list[str] = []
    depth = deepest = pos = 0
    raw_until = None
    for m in _TAG.finditer(html):
        closing, name = m.group(1), m.group(2).lower()
        if raw_until is not None:  # inside <script> or <style>: only its end tag counts
            if closing and name == raw_until:
                raw_until = None
                depth = max(depth - 1, 0)
            continue
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        if closing:
            depth = max(depth - 1, 0)
            drop = depth >= max_depth
        else:
            drop = depth >= max_depth
            depth += 1
            deepest = max(deepest, depth)
            if name in _RAW_TEXT:
                raw_until = name
        if drop:
            out.append(html[pos:m.start()])
            pos = m.end()
    out.append(html[pos:])
    return "".join(out), deepest


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def html_meta_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii") if m else None


_META_PUBLISHED = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate|date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content=["']([^"']+)["']""", re.I)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _html_published(html: str) -> str | None:
    # htmldate keeps only the day; the article:published_time meta or the JSON-LD datePublished
    # usually has the full timestamp (or says that only the day is known).
    m = _META_PUBLISHED.search(html)
    if m:
        c = _CONTENT.search(m.group(0))
        if c:
            return c.group(1)
    m = _JSON_LD_PUBLISHED.search(html)
    return m.group(1) if m else None


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(md: str) -> str:
    """Plain text from Markdown: heading markers, links and emphasis go, line structure stays."""
    text = _MD_HEADING.sub(r"\1", md)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPH.sub(r"\2", text)


def html_fragment_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry's content): block elements become lines."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - malformed markup: fall back to the raw text
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()
