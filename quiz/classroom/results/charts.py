"""The HTML reports' charts: pygal bar charts as SVG to put inline in a page.

What pygal renders is made fit for a self-contained page: its `<script>` (the settings for
pygal.js, which the page never loads) and comments are taken out, and so are the namespace
declarations (an SVG inline in HTML needs none), so the chart names no address at all; its
random id becomes one given by the caller, so the same results give the same page. Labels are
escaped by pygal's XML writer, so untrusted text (prompts, choices) stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pygal
from pygal.style import Style

# High contrast, and no meaning by colour alone: every bar also prints its value.
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#222222",
    foreground_strong="#000000",
    foreground_subtle="#555555",
    colors=("#1f5fa8", "#b35900", "#2e7d32"),
    font_family="system-ui, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    legend_font_size=13,
)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NAMESPACE = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_CHART_ID = re.compile(r'id="chart-([0-9a-f-]+)"')


def inline_svg(chart: pygal.graph.graph.Graph, *, chart_id: str, caption: str) -> str:
    """`chart` as an `<svg>` element for an HTML page, named `caption` for screen readers."""
    svg = chart.render(is_unicode=True)
    svg = _SCRIPT.sub("", _COMMENT.sub("", svg))
    svg = _NAMESPACE.sub("", svg)
    found = _CHART_ID.search(svg)
    if found is not None:
        svg = svg.replace(found.group(1), chart_id)
    title = f"<title>{html.escape(caption)}</title>"
    svg = svg.replace("<title>Pygal</title>", title, 1)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(caption)}" ', 1)


def _options(height: int) -> dict[str, object]:
    return {
        "js": [],
        "disable_xml_declaration": True,
        "style": STYLE,
        "width": 720,
        "height": height,
        "print_values": True,
        "show_y_guides": False,
        "truncate_label": 40,
    }


def counts_chart(
    labels: Sequence[str], counts: Sequence[int], *, chart_id: str, caption: str
) -> str:
    """A horizontal bar per choice (or bar of the reveal) with how many students it had,
    the first at the top, on an axis of whole students."""
    step = max(1, -(-max(counts, default=0) // 10))
    chart = pygal.HorizontalBar(
        show_legend=False,
        # pygal draws the first label at the bottom: reversed, the choices read top-down.
        x_labels=list(reversed(labels)),
        y_labels=list(range(0, max(counts, default=0) + step, step)),
        **_options(60 + 36 * max(1, len(labels))),
    )
    chart.add("Students", list(reversed(counts)))
    return inline_svg(chart, chart_id=chart_id, caption=caption)


def indices_chart(
    numbers: Sequence[int],
    facility: Sequence[float],
    discrimination: Sequence[float | None],
    *,
    chart_id: str,
    caption: str,
) -> str:
    """Facility and discrimination of every question, side by side."""
    chart = pygal.Bar(
        legend_at_bottom=True,
        range=(-1, 1),
        x_labels=[f"Q{number}" for number in numbers],
        value_formatter=lambda value: f"{value:.2f}",
        **_options(320),
    )
    chart.add("Facility", [round(value, 2) for value in facility])
    chart.add(
        "Discrimination",
        [None if value is None else round(value, 2) for value in discrimination],
    )
    return inline_svg(chart, chart_id=chart_id, caption=caption)


def sessions_chart(
    labels: Sequence[str], means: Sequence[float], *, chart_id: str, caption: str
) -> str:
    """A bar per session: the class's mean score in it."""
    chart = pygal.Bar(
        show_legend=False,
        x_labels=list(labels),
        x_label_rotation=20,
        value_formatter=lambda value: f"{value:.0f}",
        **_options(320),
    )
    chart.add("Mean score", [round(mean) for mean in means])
    return inline_svg(chart, chart_id=chart_id, caption=caption)
