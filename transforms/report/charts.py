"""The report's charts as Vega-Lite specifications, built with Altair from plain rows (pure: no I/O).

Every chart names the report's Bengali font first, so Bengali labels are shaped by the browser with
the font the page carries inline.
"""
from __future__ import annotations

import altair as alt

FONT = "Khobor Bengali, Noto Sans Bengali, Noto Sans, sans-serif"
LABEL_COLORS = {"PERSON": "#1f77b4", "ORG": "#ff7f0e", "LOC": "#2ca02c", "HASHTAG": "#9467bd"}
WIDTH = 640


def _config(chart: alt.TopLevelMixin) -> dict:
    spec = chart.configure(font=FONT).configure_axis(labelFont=FONT, titleFont=FONT, labelLimit=320) \
        .configure_legend(labelFont=FONT, titleFont=FONT, labelLimit=320).configure_title(font=FONT).to_dict()
    spec.pop("$schema", None)  # the inlined Vega-Lite knows its own version; no network address in the page
    return spec


def _count_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, tickMinStep=1, format="d")


def _label_color() -> alt.Color:
    return alt.Color("label:N", title="label",
                     scale=alt.Scale(domain=list(LABEL_COLORS), range=list(LABEL_COLORS.values())))


def top_entities(rows: list[dict]) -> dict:
    """rows: canonical, canonical_latin, label, mentions, documents (most mentioned first)."""
    data = alt.Data(values=rows)
    chart = alt.Chart(data, title="Most-mentioned entities").mark_bar().encode(
        x=alt.X("mentions:Q", axis=_count_axis("mentions")),
        y=alt.Y("canonical:N", sort="-x", title=None),
        color=_label_color(),
        tooltip=["canonical:N", "canonical_latin:N", "label:N", "mentions:Q", "documents:Q"],
    ).properties(width=WIDTH, height=max(120, 22 * len(rows)))
    return _config(chart)


def mentions_over_time(rows: list[dict]) -> dict:
    """rows: day (ISO date), canonical, canonical_latin, mentions: one line per entity, with a row
    (of 0) for every day between the first and the last, so a line never bridges days without data."""
    data = alt.Data(values=rows)
    chart = alt.Chart(data, title="Mentions per local day (top entities)").mark_line(point=True).encode(
        # Days are calendar days: read and shown in UTC so no viewer's timezone moves them.
        x=alt.X("day:T", timeUnit="utcyearmonthdate", title="publisher's local day",
                axis=alt.Axis(format="%Y-%m-%d", labelAngle=-30, tickMinStep=86_400_000)),
        y=alt.Y("mentions:Q", axis=_count_axis("mentions")),
        color=alt.Color("canonical:N", title="entity"),
        tooltip=[alt.Tooltip("day:T", timeUnit="utcyearmonthdate", format="%Y-%m-%d"), "canonical:N", "canonical_latin:N", "mentions:Q", "documents:Q"],
    ).properties(width=WIDTH, height=260)
    return _config(chart)


def cooccurring_pairs(rows: list[dict]) -> dict:
    """rows: pair (a label such as "ঢাকা — ভারত"), documents, sentences (strongest first)."""
    data = alt.Data(values=rows)
    chart = alt.Chart(data, title="Strongest co-occurring pairs").mark_bar(color="#8c564b").encode(
        x=alt.X("documents:Q", axis=_count_axis("documents mentioning both")),
        y=alt.Y("pair:N", sort="-x", title=None),
        tooltip=["pair:N", "pair_latin:N", "documents:Q", "sentences:Q"],
    ).properties(width=WIDTH, height=max(120, 22 * len(rows)))
    return _config(chart)


def coverage_by_newspaper(rows: list[dict]) -> dict:
    """rows: publisher, dated ("dated" | "undated"), documents."""
    data = alt.Data(values=rows)
    chart = alt.Chart(data, title="Documents by newspaper").mark_bar().encode(
        x=alt.X("documents:Q", axis=_count_axis("documents"), stack="zero"),
        y=alt.Y("publisher:N", sort="-x", title=None),
        color=alt.Color("dated:N", title=None, scale=alt.Scale(domain=["dated", "undated"], range=["#17becf", "#c7c7c7"])),
        tooltip=["publisher:N", "dated:N", "documents:Q"],
    ).properties(width=WIDTH, height=max(100, 26 * len({r["publisher"] for r in rows})))
    return _config(chart)
