from datetime import datetime, timezone

import pytest

from khobor.transforms.documents.build import plausible
from khobor.transforms.documents.dates import find_date_in_text, parse_published

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
