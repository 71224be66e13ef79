"""Network sources: RSS/Atom feeds whose entries are fetched as articles, and lists of web pages.

Both go through the context's fetcher (``HttpFetcher`` in production: retries, conditional GET,
per-host rate limit, size cap; a snapshot double in tests), and both skip items already staged,
so an unchanged feed costs one request.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone

from khobor.flows.sources.base import SourceContext, SourceError, SourceInfo
from khobor.flows.sources.http.errors import FetchError
from khobor.flows.sources.http.policy import private_address
from khobor.transforms.documents.items import RawItem

HTML = "text/html"
FRAGMENT = "text/html-fragment"


def _item(info: SourceInfo, key: str, location: str, raw: bytes, media: str, **kw) -> RawItem:
    return RawItem(source_id=info.id, item_key=key, location=location, raw=raw, media_type=media,
                   fetched_at=kw.pop("fetched_at", None) or datetime.now(timezone.utc), **kw)


PRIVATE_HINT = "set options.allow_private = true on the source to fetch it"


def _fetch_error_item(info: SourceInfo, key: str, location: str, err: FetchError, **meta) -> RawItem:
    # Too large is about the item, not the network: the same reason as a file over its cap. A
    # private address is refused by the source's choice: the same reason as a literal one.
    reason = err.reason if err.reason in ("too-large", "private-address") else f"fetch-{err.reason}"
    message = f"{err.reason}: {err.message}" + (f"; {PRIVATE_HINT}" if err.reason == "private-address" else "")
    return _item(info, key, location, b"", HTML, error=message, error_reason=reason, **meta)


def _page_item(info: SourceInfo, key: str, result, **meta) -> RawItem:
    return _item(info, key, result.final_url, result.body or b"", HTML, declared_encoding=result.declared_charset,
                 fetched_at=result.fetched_at, url=meta.pop("url", None) or result.final_url, **meta)


class _NetworkSource:
    network = True
    options: dict = {}

    def __init__(self, info: SourceInfo, context: SourceContext):
        self.info, self.context = info, context

    @classmethod
    def from_config(cls, info: SourceInfo, context: SourceContext):
        return cls(info, context)


class WebPageSource(_NetworkSource):
    """kind ``web``: a list of article URLs (``location``); each page is reduced to its article text.

    options: ``refetch`` (default false): fetch pages already staged again, to pick up edits.
    """

    options = {"refetch": bool}

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        known = self.context.known_keys.get(self.info.id, set())
        refetch = self.info.options.get("refetch", False)
        new = [u for u in self.info.locations if u not in known]
        # A page not staged yet is needed whatever the server remembers: asked unconditionally.
        yield from self._pages(new[:limit], conditional=False)
        if refetch and (limit is None or len(new) < limit):
            again = [u for u in self.info.locations if u in known]
            yield from self._pages(again[: None if limit is None else limit - len(new)], conditional=True)

    def _pages(self, urls: list[str], conditional: bool) -> Iterator[RawItem]:
        for url, res in self.context.fetcher.fetch_many(urls, conditional=conditional, scope=self.info.fingerprint):
            if isinstance(res, Exception):
                yield _fetch_error_item(self.info, url, url, res)
            elif not res.not_modified:  # only a known page may answer 304: it is unchanged
                yield _page_item(self.info, url, res)


class FeedSource(_NetworkSource):
    """kind ``rss``: RSS or Atom feeds (``location``: one URL or a list), parsed with feedparser.

    Each new entry's link is fetched and reduced to the article text (trafilatura). options:
    ``fetch_articles`` (default true; false uses the entry's own content or summary, for feeds
    that carry whole articles), ``max_entries`` (per feed, default 100), ``allow_private``
    (default false): fetch entry links that point at loopback or private addresses, which are
    otherwise quarantined as ``private-address`` (a feed is someone else's content: its links
    must not reach into the machine's own network). That covers a literal address, a host name
    that resolves to one, and a redirect to either (checked by the fetcher, hop by hop); the feed
    URL itself is the operator's and is always fetched. DNS rebinding (a name that resolves to a
    public address when checked and a private one when connected) is a known limit.
    A feed that cannot be fetched or parsed fails the source when it is the only feed; with
    several, the others still load and the errors are reported together at the end.
    """

    options = {"fetch_articles": bool, "max_entries": int, "allow_private": bool}

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        errors, n = [], 0
        for feed_url in self.info.locations:
            try:
                entries = self._entries(feed_url)
            except SourceError as exc:
                errors.append(str(exc))
                continue
            failed = False
            for item in self._entry_items(entries):
                failed = failed or item.error is not None
                yield item
                n += 1
                if limit is not None and n >= limit:
                    break
            if failed or (limit is not None and n >= limit):
                # Not every entry was stored: the feed must be read in full next time, not answered
                # 304, or the entries left behind would never be seen again.
                self.context.fetcher.forget(feed_url, scope=self.info.fingerprint)
            if limit is not None and n >= limit:
                return
        if errors:
            raise SourceError("; ".join(errors))

    def _entries(self, feed_url: str) -> list[dict]:
        import feedparser

        from khobor.flows.sources.http import FetchError

        try:
            res = self.context.fetcher.fetch(feed_url, scope=self.info.fingerprint)
        except FetchError as exc:
            raise SourceError(f"feed {feed_url}: {exc.reason}: {exc.message}") from exc
        if res.not_modified:
            return []
        parsed = feedparser.parse(res.body, response_headers={"content-type": res.headers.get("content-type", "")})
        if not parsed.entries:
            why = getattr(parsed, "bozo_exception", None)
            if parsed.bozo or not getattr(parsed, "version", ""):
                raise SourceError(f"feed {feed_url}: not a valid RSS/Atom feed ({why or 'no entries, no feed version'})")
        return list(parsed.entries)[: int(self.info.options.get("max_entries", 100))]

    def _entry_items(self, entries: list[dict]) -> Iterator[RawItem]:
        known = self.context.known_keys.get(self.info.id, set())
        fetch_articles = self.info.options.get("fetch_articles", True)
        allow_private = self.info.options.get("allow_private", False)
        todo = []
        for e in entries:
            link = e.get("link")
            key = e.get("id") or link
            if not key or key in known:
                continue
            meta = dict(title=e.get("title"), url=link, published_raw=_entry_date(e), external_id=e.get("id"))
            if not fetch_articles or not link:
                body = _entry_content(e)
                if body:
                    yield _item(self.info, key, link or key, body.encode("utf-8"), FRAGMENT, **meta)
                else:
                    yield _item(self.info, key, link or key, b"", FRAGMENT, error="entry has no link to fetch and no content",
                                error_reason="empty-entry", **meta)
                continue
            host = None if allow_private else private_address(link)
            if host is not None:
                yield _item(self.info, key, link, b"", HTML, error_reason="private-address",
                            error=f"entry link {link} points at a private or loopback address ({host}); {PRIVATE_HINT}", **meta)
                continue
            todo.append((key, link, meta))
        # Entries not staged yet: their pages are needed whatever the server remembers. Names that
        # resolve to private addresses and redirects into them are the fetcher's to refuse (the
        # option is passed only when set, so fetchers without it keep working for opted-in sources).
        private = {} if allow_private else {"allow_private": False}
        results = self.context.fetcher.fetch_many([link for _, link, _ in todo], conditional=False, scope=self.info.fingerprint, **private)
        for (key, link, meta), (_, res) in zip(todo, results):
            if isinstance(res, Exception):
                yield _fetch_error_item(self.info, key, link, res, **meta)
            else:
                yield _page_item(self.info, key, res, **meta)


def _entry_date(e) -> str | None:
    for name in ("published_parsed", "updated_parsed"):
        t = e.get(name)
        if t:
            return datetime.fromtimestamp(calendar.timegm(t), tz=timezone.utc).isoformat()
    return e.get("published") or e.get("updated")


def _entry_content(e) -> str | None:
    for c in e.get("content") or []:
        if c.get("value"):
            return c["value"]
    return e.get("summary")
