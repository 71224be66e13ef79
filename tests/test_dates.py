from datetime import date, datetime, time, timezone

import pytest

from khobor.transforms.documents.build import plausible
from khobor.transforms.documents.dates import find_date_in_text, find_published_in_text, parse_published, read_published

UTC = timezone.utc


@pytest.mark.parametrize(
    "value, tz, expected",
    [
        ("২১ নভেম্বর ২০২৬", "Asia/Dhaka", datetime(2026, 11, 20, 18, tzinfo=UTC)),
        ("21 নভেম্বর 2026", "Asia/Dhaka", datetime(2026, 11, 20, 18, tzinfo=UTC)),
        ("2024/08/12", "Asia/Dhaka", datetime(2024, 8, 11, 18, tzinfo=UTC)),
        ("2024-01-02 04:37:50", "Asia/Dhaka", datetime(2024, 1, 1, 22, 37, 50, tzinfo=UTC)),
        ("2026-11-19T08:30:00+06:00", "UTC", datetime(2026, 11, 19, 2, 30, tzinfo=UTC)),
        ("Sat, 21 Nov 2026 10:00:00 GMT", "Asia/Dhaka", datetime(2026, 11, 21, 10, tzinfo=UTC)),
        ("not a date", "UTC", None),
        ("", "UTC", None),
    ],
)
def test_parse_published(value, tz, expected):
    assert parse_published(value, tz) == expected


def test_dateline_and_closing_line_dates_only():
    assert find_date_in_text("ঢাকা, ২১ নভেম্বর ২০২৬ — বৃষ্টি\nআরও", "Asia/Dhaka") == datetime(2026, 11, 20, 18, tzinfo=UTC)
    assert find_date_in_text("শিরোনাম\nDhaka, November 20, 2026 — text") == datetime(2026, 11, 20, tzinfo=UTC)
    assert find_date_in_text("a\nb\nc\nপ্রকাশ: ২১ নভেম্বর ২০২৬") == datetime(2026, 11, 21, tzinfo=UTC)
    deep = "সরকার দীর্ঘ মেয়াদি পরিকল্পনা অনুযায়ী কাজ করছে এবং ২৫ ডিসেম্বর ২০৩০ তারিখে সেতু খুলবে।"
    assert find_date_in_text(deep) is None


def test_implausible_dates_are_dropped():
    fetched = datetime(2026, 11, 21, tzinfo=UTC)
    assert plausible(datetime(2999, 1, 1, tzinfo=UTC), fetched) is None
    assert plausible(datetime(1971, 3, 26, tzinfo=UTC), fetched) is None
    assert plausible(datetime(2026, 11, 22, tzinfo=UTC), fetched) == datetime(2026, 11, 22, tzinfo=UTC)
    assert plausible(None, fetched) is None


@pytest.mark.parametrize(
    "value, tz, day, precision, instant",
    [
        # A date alone is the publisher's day as written, whatever the timezone: never the UTC day before.
        ("2024/08/12", "Asia/Dhaka", date(2024, 8, 12), "day", datetime(2024, 8, 11, 18, tzinfo=UTC)),
        ("2024-08-12", "Asia/Dhaka", date(2024, 8, 12), "day", datetime(2024, 8, 11, 18, tzinfo=UTC)),
        ("২১ নভেম্বর ২০২৬", "Asia/Dhaka", date(2026, 11, 21), "day", datetime(2026, 11, 20, 18, tzinfo=UTC)),
        ("November 20, 2026", "America/New_York", date(2026, 11, 20), "day", datetime(2026, 11, 20, 5, tzinfo=UTC)),
        # A time of day is kept, and the day is the instant's day in the source's timezone.
        ("2024-01-02 04:37:50", "Asia/Dhaka", date(2024, 1, 2), "time", datetime(2024, 1, 1, 22, 37, 50, tzinfo=UTC)),
        ("2025-12-29T20:00:00+00:00", "Asia/Dhaka", date(2025, 12, 30), "time", datetime(2025, 12, 29, 20, tzinfo=UTC)),
        ("19/11/2026 14:30", "Asia/Dhaka", date(2026, 11, 19), "time", datetime(2026, 11, 19, 8, 30, tzinfo=UTC)),
        ("Sat, 21 Nov 2026 10:00:00 GMT", "Asia/Dhaka", date(2026, 11, 21), "time", datetime(2026, 11, 21, 10, tzinfo=UTC)),
        ("২১ নভেম্বর ২০২৬, ১০:৩০", "Asia/Dhaka", date(2026, 11, 21), "time", datetime(2026, 11, 21, 4, 30, tzinfo=UTC)),
        ("২১ নভেম্বর ২০২৬, রাত ৯:১৫", "Asia/Dhaka", date(2026, 11, 21), "time", datetime(2026, 11, 21, 15, 15, tzinfo=UTC)),
        ("২১ নভেম্বর ২০২৬, ১২:০৫ এএম", "Asia/Dhaka", date(2026, 11, 21), "time", datetime(2026, 11, 20, 18, 5, tzinfo=UTC)),
    ],
)
def test_read_published_keeps_the_publishers_day_and_the_precision(value, tz, day, precision, instant):
    found = read_published(value, tz)
    assert (found.day, found.precision, found.at) == (day, precision, instant)


@pytest.mark.parametrize("value", ["August 2024", "2024", "not a date", "", None])
def test_a_value_that_is_not_a_whole_date_is_no_date(value):
    assert read_published(value, "Asia/Dhaka") is None


def test_a_byline_keeps_its_time():
    found = find_published_in_text("শিরোনাম\nখবর।\nপ্রকাশ: ১২ আগস্ট ২০২৪, ১০:৩০ পিএম", "Asia/Dhaka")
    assert (found.day, found.precision, found.at) == (date(2024, 8, 12), "time", datetime(2024, 8, 12, 16, 30, tzinfo=UTC))
    assert found.local_time == time(22, 30)


@pytest.mark.parametrize("value, tz, local", [
    ("2024-08-06 22:51:28", "Asia/Dhaka", time(22, 51, 28)),  # naive: the source's wall clock
    ("2024-08-06T16:51:28+00:00", "Asia/Dhaka", time(22, 51, 28)),  # an instant, read in the source's zone
    ("2024/08/06", "Asia/Dhaka", None),  # a day only has no time
])
def test_the_local_time_of_publication(value, tz, local):
    assert read_published(value, tz).local_time == local


def test_an_html_page_gives_its_json_ld_date():
    from khobor.transforms.documents.items import _html_published

    page = '<html><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-08-12"}</script></html>'
    assert _html_published(page) == "2024-08-12"
    assert read_published(_html_published(page), "Asia/Dhaka").day == date(2024, 8, 12)


def test_documents_carry_the_local_day_precision_and_publisher():
    from khobor.transforms.documents.build import build_documents
    from khobor.transforms.documents.items import RawItem
    from khobor.transforms.documents.staging import SourceDefaults, stage_items

    now = datetime(2026, 11, 21, tzinfo=UTC)
    items = [
        RawItem("s", f"f.jsonl#{i}", "f.jsonl", raw.encode(), "application/x-jsonl-record", now)
        for i, raw in enumerate([
            '{"id": "a", "text": "ঢাকায় বৃষ্টি হয়েছে।", "date": "2024/08/12", "paper": "Jugantor"}',
            '{"id": "b", "text": "সিলেটে রোদ উঠেছে।", "published_at": "2024-08-11T20:30:00+00:00"}',
            '{"id": "c", "text": "রাজশাহীতে শীত নেমেছে।"}',
        ])
    ]
    stg = stage_items(items, "r", set(), {"s": SourceDefaults("Asia/Dhaka", "bn", "Registry Publisher")})
    _, docs = build_documents(stg, "r", now)
    rows = {d["text"].split()[0]: d for d in docs.to_pylist()}
    a, b, c = rows["ঢাকায়"], rows["সিলেটে"], rows["রাজশাহীতে"]
    assert (a["published_date"], a["published_precision"], a["publisher"]) == (date(2024, 8, 12), "day", "Jugantor")
    assert (b["published_date"], b["published_precision"], b["publisher"]) == (date(2024, 8, 12), "time", "Registry Publisher")
    assert (c["published_at"], c["published_date"], c["published_precision"]) == (None, None, None)
    # the wall-clock time in the source's timezone (20:30 UTC is 02:30 in Dhaka), none for a day only
    assert (a["published_local_time"], b["published_local_time"], c["published_local_time"]) == (None, time(2, 30), None)


def test_a_dateline_under_a_headline_and_a_blank_line_is_found():
    text = "Bangladesh and Japan sign rail deal\n\nDhaka, 20 November 2026 — Bangladesh and Japan signed a loan."
    assert find_published_in_text(text, "Asia/Dhaka").day == date(2026, 11, 20)
