"""The net-import-reliance bar chart (`minerals chart`): text bars and a standalone SVG.

Both take a ChartResult; they scale and lay out, they never compute figures.
"""

from __future__ import annotations

from typing import Any

from .cells import UNKNOWN, cell, citation_text, printable
from .fit import NARROWEST
from .text import PLAIN_WIDTH

BAR_CELLS = 50  # one cell is 2 percent, whatever the terminal width


def bar_cells(value: float, cells: int = BAR_CELLS) -> int:
    """Cells for a percentage; anything above 0 shows at least one cell."""
    n = int(value * cells / 100 + 0.5)
    return max(n, 1) if value > 0 else 0


def source_text(bar: Any) -> str:
    lead = bar.leading_source
    if lead is None:
        return f"leading source {UNKNOWN}"
    if lead.percent is None:
        return lead.name
    return f"{lead.name} {lead.published or cell(lead.percent)}%"


def unknown_text(u: Any) -> str:
    """A mineral without a bar: what was published and why, and its leading source where its share list names one."""
    published = f"{u.published}: " if u.published else ""
    return f"{u.label}: {published}{u.reason}{_lead_words(u)}"


def _lead_words(u: Any) -> str:
    return f"; leading import source {source_text(u)} ({u.leading_source.period})" if u.leading_source else ""


def write_bar_chart(chart: Any, out, terminal=None, full: bool = False) -> None:
    """Bars in text: '#' in a pipe or under NO_COLOR, coloured blocks for a terminal (`terminal`, the stream).

    Every line fits the width: 120 in a pipe, the terminal's own on a
    terminal (80 columns take 25 cells of 4 percent, long labels cut with a
    lettered note).  `full` (--sources) adds every note and full citation.
    """
    if terminal is None:
        for segments in _chart_lines(chart, True, PLAIN_WIDTH, full):
            out.write("".join(printable(text) for text, _ in segments).rstrip() + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=terminal, highlight=False, markup=False, emoji=False)
    with console.capture() as captured:
        for segments in _chart_lines(chart, False, console.width, full):
            console.print(Text.assemble(*[(printable(text), style) for text, style in segments]), soft_wrap=True)
    out.write(captured.get())


# Notes the legend line already says, or that only explain: behind --sources (JSON has every note).
_FURTHER = (">N:", "<N:", "E:", "a mineral without a bar")
# Bar lengths tried, longest first: each a whole number of percent per cell.
_CELLS = (50, 25, 20, 10)


def _layout(chart: Any, width: int) -> tuple[int, int]:
    """(cells of a full bar, label width): the longest bar whose line fits `width`, cutting labels only if none does."""
    label = max([len(b.label) for b in chart.bars] + [8])
    lead = max([len(source_text(b)) for b in chart.bars] + [0])
    fixed = 1 + 5 + 2 + 1 + 2 + lead  # space, value, gap, bound marker, gap, leading source
    for cells in _CELLS[:3]:
        if label + fixed + cells <= width:
            return cells, label
    for cells in _CELLS[1:]:
        room = width - fixed - cells
        if room >= NARROWEST:
            return cells, min(room, label)
    return _CELLS[-1], NARROWEST


def _chart_lines(chart: Any, plain: bool, width: int, full: bool) -> list[list[tuple[str, str]]]:
    from .evidence import evidence
    from .fit import fit_table
    from .view import Table

    full_cell, marker_style = ("#", "") if plain else ("\u2588", "bold")
    cells, label_width = _layout(chart, width)
    # The labels as a one-column table, so a label too long is cut the way every table cuts a cell.
    fitted = fit_table(Table("", ["label"], [[b.label] for b in chart.bars]), label_width, 0, {})
    lines: list[list[tuple[str, str]]] = [[(t, "bold")] for t in _wrap(chart.title, width)]
    legend = (f"each {full_cell} is {100 // cells} percent of U.S. apparent consumption; >N at least N, <N at most N, "
              "E net exporter; then the leading import source")
    lines += [[(t, "dim")] for t in _wrap(legend, width)] + [[]]
    for bar, (label,) in zip(chart.bars, fitted.rows):
        head = [(label.ljust(label_width), ""), (" " + bar.published.rjust(5) + "  ", "bold")]
        if bar.net_exporter:
            body = [("(net exporter)".ljust(cells + 1), "italic")]
        else:
            n = bar_cells(bar.value, cells)
            marker = {"lower": ">", "upper": "<"}.get(bar.bound or "", "")
            body = [(full_cell * n, "cyan" if bar.bound is None else "blue"), (marker, marker_style),
                    (" " * (cells + 1 - n - len(marker)), "")]
        lines.append(head + body + [("  " + source_text(bar), "" if bar.leading_source else "dim")])
    if chart.unknown:
        listed = ", ".join(f"{u.label} ({u.published or 'no figure'})" for u in chart.unknown)
        lines += [[]] + [[(t, "dim")] for t in _wrap("unknown (no bar): " + listed, width)]
    notes = fitted.notes + [n for n in chart.notes if not n.startswith(_FURTHER)]
    more = [n for n in chart.notes if n.startswith(_FURTHER)] + [f"unknown: {unknown_text(u)}" for u in chart.unknown]
    after = evidence(notes, more, chart_sources(chart), width, full)
    if after:
        lines.append([])
    lines += [[(line.text, "" if line.kind == "note" else "dim")] for line in after]
    return lines


def chart_sources(chart: Any) -> list:
    """The edition's citation, then each share list a leading source is read from."""
    from ..results.base import Cited

    cited = [Cited(what=f"net import reliance, MCS {chart.edition}", source=chart.citation)]
    for x in [*chart.bars, *chart.unknown]:
        lead = x.leading_source
        if lead is not None and lead.source is not None:
            cited.append(Cited(what=f"import sources of {x.label}, {lead.period}", source=lead.source))
    return cited


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False) or [""]


def svg_document(chart: Any) -> str:
    from xml.sax.saxutils import escape, quoteattr

    row, bar_h, scale = 22, 14, 4.0  # px per row, bar height, px per percent
    char_w = 6.0  # average advance of a 12px sans-serif character, for wrapping
    label_w = int(max([_text_px(b.label) for b in chart.bars] + [70])) + 16
    value_w = 44
    x0 = label_w + value_w
    source_w = int(max([_text_px(source_text(b)) for b in chart.bars] + [140])) + 24
    width = max(x0 + int(100 * scale) + source_w, int(_text_px(chart.title, 15, bold=True)) + 24, 640)
    top = 90
    footer = _svg_footer_lines(chart, int((width - 24) / char_w))
    height = top + row * len(chart.bars) + 24 + 18 * len(footer) + 12

    def text(x, y, s, **attrs):
        extra = "".join(f" {k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}" for k, v in attrs.items())
        return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(s)}</text>'

    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(chart.title)} '
        'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f"<title>{escape(chart.title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        text(12, 24, chart.title, font_size=15, font_weight="bold"),
        text(12, 42, "Net import reliance, percent of apparent consumption; leading import source at right.", fill="#444444"),
        text(12, 58, ">N: at least N (bar to N, arrow).  <N: at most N (bar to N, notch).  E: net exporter.", fill="#444444"),
    ]
    for tick in (0, 25, 50, 75, 100):
        x = x0 + tick * scale
        parts.append(f'<line x1="{x:g}" y1="{top - 8}" x2="{x:g}" y2="{top + row * len(chart.bars)}" stroke="#dddddd"/>')
        parts.append(text(x, top - 12, str(tick), text_anchor="middle", fill="#666666", font_size=10))
    for i, bar in enumerate(chart.bars):
        y = top + i * row
        mid = y + row / 2 + 4
        parts.append(text(label_w - 8, mid, bar.label, text_anchor="end"))
        parts.append(text(x0 - 8, mid, bar.published, text_anchor="end", font_weight="bold"))
        parts.extend(_svg_bar(bar, x0, y + (row - bar_h) / 2, bar_h, scale))
        lead_fill = "#222222" if bar.leading_source else "#888888"
        parts.append(text(x0 + 100 * scale + 12, mid, source_text(bar), fill=lead_fill))
    y = top + row * len(chart.bars) + 24
    for line, style in footer:
        parts.append(text(12, y, line, fill="#444444", font_weight="bold" if style == "bold" else "normal"))
        y += 18
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _text_px(s: str, size: float = 12, bold: bool = False) -> float:
    """A generous estimate of the width of `s` in Helvetica/Arial, so nothing is clipped."""
    em = sum(0.72 if ch.isupper() or ch in "mwMW%&@" else 0.3 if ch in " il.,:;'|!" else 0.58 for ch in s)
    return em * size * (1.08 if bold else 1.0)


def _svg_bar(bar: Any, x: float, y: float, h: float, scale: float) -> list[str]:
    from xml.sax.saxutils import escape

    if bar.net_exporter:
        return [f'<text x="{x + 4:g}" y="{y + h - 3:g}" font-style="italic" fill="#2a7a2a">net exporter</text>']
    w = bar.value * scale
    fill = "#2f5d8a" if bar.bound is None else "#7a9cc0"
    shapes = [f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{fill}">'
              f"<title>{escape(bar.label)}: {escape(bar.published)}</title></rect>"]
    end, mid = x + w, y + h / 2
    if bar.bound == "lower":
        shapes.append(f'<path d="M{end:g},{y:g} L{end + 8:g},{mid:g} L{end:g},{y + h:g} Z" fill="#2f5d8a"/>')
    elif bar.bound == "upper":
        shapes.append(f'<path d="M{end:g},{y:g} L{end - 8:g},{mid:g} L{end:g},{y + h:g} Z" fill="#ffffff"/>')
    return shapes


def _svg_footer_lines(chart: Any, chars: int) -> list[tuple[str, str]]:
    import textwrap

    lines: list[tuple[str, str]] = []
    if chart.unknown:
        lines.append(("Unknown (no bar):", "bold"))
        listed = "; ".join(f"{u.label} ({(u.published + ': ') if u.published else ''}{u.reason}"
                           f"{_lead_words(u)})" for u in chart.unknown)
        lines.extend((line, "") for line in textwrap.wrap(listed, chars))
    for note in chart.notes:
        lines.extend((line, "") for line in textwrap.wrap("Note: " + note, chars))
    lines.extend((line, "") for line in textwrap.wrap("Source: " + citation_text(chart.citation), chars))
    return lines
