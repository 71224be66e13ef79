"""The report page: one self-contained HTML file (pure: the data, chart specs, Vega bundle and font
are handed in). Nothing is fetched when it opens: the JavaScript and the Bengali font are inline.

The page draws its charts once the font has loaded, so Vega measures Bengali labels with the font
they are drawn in, and records its progress in ``window.khoborReport`` (charts expected and drawn,
errors) for whoever checks it.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

FONT_FAMILY = "Khobor Bengali"


@dataclass
class Section:
    id: str
    title: str
    intro: str = ""
    chart: dict | None = None  # a Vega-Lite spec
    table: tuple[list[str], list[list]] | None = None  # header, rows
    empty: str = "Nothing to show yet."


@dataclass
class Page:
    title: str
    subtitle: str
    facts: list[tuple[str, str]]  # the run summary, as label / value
    sections: list[Section] = field(default_factory=list)


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _script_safe(code: str) -> str:
    """JavaScript that cannot end the <script> element it sits in (the Vega bundle has no such
    text; anything else that could end it is refused rather than rewritten inside code)."""
    if re.search(r"</script|<!--", code, re.I):
        raise ValueError("script text contains </script or <!--")
    return code


def _json_for_script(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\u0021--")


def _font_faces(fonts: dict[str, str]) -> str:
    """@font-face rules for base64 WOFF2 fonts by weight ("400", "700")."""
    return "\n".join(
        f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; font-style: normal; font-display: block; "
        f"src: url(data:font/woff2;base64,{data}) format('woff2'); "
        "unicode-range: U+0964-0965, U+0980-09FE, U+200C-200D, U+25CC; }"
        for weight, data in sorted(fonts.items())
    )


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CSS = """
body { font-family: '%(font)s', 'Noto Sans', 'DejaVu Sans', sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
.subtitle { color: #666; margin-top: 0; } .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.92rem; } th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; }
th { background: #f4f4f4; } .chart { margin: 0.8rem 0; min-height: 60px; } .empty { color: #888; font-style: italic; }
.failed { color: #b00020; font-weight: 700; } .passed { color: #1b7f3b; font-weight: 700; }
.shaping-sample { position: absolute; left: -9999px; }
"""

SCRIPT = """
(function () {
  const specs = %(specs)s;
  const state = window.khoborReport = { expected: Object.keys(specs).length, drawn: 0, errors: [], fontLoaded: false };
  const draw = function () {
    for (const [id, spec] of Object.entries(specs)) {
      vegaEmbed('#' + id, spec, { renderer: 'svg', actions: false })
        .then(function () { state.drawn += 1; })
        .catch(function (err) { state.errors.push(String(err)); console.error(err); });
    }
  };
  document.fonts.load("16px '%(font)s'", 'বাংলা').then(function (faces) {
    state.fontLoaded = faces.length > 0;
  }).finally(draw);
})();
"""


def render(page: Page, vega_bundle: str, fonts: dict[str, str]) -> str:
    specs = {f"chart-{s.id}": s.chart for s in page.sections if s.chart is not None}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="bn"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(page.title)}</title>",
        f"<style>\n{_font_faces(fonts)}\n{CSS % {'font': FONT_FAMILY}}</style>",
        f"<script>\n{_script_safe(vega_bundle)}\n</script>",
        "</head><body>",
        f"<h1>{_e(page.title)}</h1>",
        f'<p class="subtitle">{_e(page.subtitle)}</p>',
        '<h2 id="run">Run summary</h2>',
        '<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in page.facts) + "</dl>",
    ]
    for s in page.sections:
        parts.append(f'<h2 id="{_e(s.id)}">{_e(s.title)}</h2>')
        if s.intro:
            parts.append(f"<p>{_e(s.intro)}</p>")
        has_rows = s.table is not None and len(s.table[1]) > 0
        if s.chart is not None:
            parts.append(f'<div class="chart" id="chart-{_e(s.id)}"></div>')
        if has_rows:
            parts.append(_table(*s.table))
        if s.chart is None and not has_rows:
            parts.append(f'<p class="empty">{_e(s.empty)}</p>')
    parts.append('<span class="shaping-sample" lang="bn">ক্ষ ত্র জ্ঞ শ্রী</span>')
    parts.append(f"<script>\n{SCRIPT % {'specs': _json_for_script(specs), 'font': FONT_FAMILY}}\n</script>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
