"""The one place output is produced: table (rich), plain text, JSON, CSV, Markdown.

Commands hand over a result model and a `View` of it (titled tables of
already-computed cells).  JSON is the result's own `model_dump`, so the
schema is the result model; the other formats show the view.  Rendering
never computes.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Sequence

UNKNOWN = "unknown"


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@dataclass
class Table:
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass
class View:
    tables: list[Table]
    notes: list[str] = field(default_factory=list)


def cell(value: Any) -> str:
    """How a value reads in a table: None is 'unknown', never blank or 0."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def emit(result: Any, view: Callable[[Any], View], fmt: Format, out=None) -> None:
    out = out or sys.stdout
    if fmt is Format.json:
        out.write(to_json(result) + "\n")
    elif fmt is Format.csv:
        write_csv(view(result), out)
    elif fmt is Format.md:
        write_markdown(view(result), out)
    elif plain_output(out):
        write_plain(view(result), out)
    else:
        write_rich(view(result), out)


def to_json(result: Any) -> str:
    import json

    data = result.model_dump(mode="json") if hasattr(result, "model_dump") else result
    return json.dumps(data, indent=2, ensure_ascii=False)


def plain_output(out) -> bool:
    """No colour or box drawing in a pipe, a file, or under NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return not (isatty and isatty())


def write_csv(view: View, out) -> None:
    """CSV carries the first (primary) table only, so it stays one rectangle."""
    import csv

    if not view.tables:
        return
    table = view.tables[0]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(v) for v in row])


def write_markdown(view: View, out) -> None:
    for table in view.tables:
        out.write(f"### {table.title}\n\n")
        out.write("| " + " | ".join(table.columns) + " |\n")
        out.write("|" + "|".join("---" for _ in table.columns) + "|\n")
        for row in table.rows:
            out.write("| " + " | ".join(cell(v).replace("|", "\\|") for v in row) + " |\n")
        out.write("\n")
    for note in view.notes:
        out.write(f"- {note}\n")


def write_plain(view: View, out) -> None:
    """Aligned columns that do not depend on any terminal width."""
    for i, table in enumerate(view.tables):
        if i:
            out.write("\n")
        out.write(table.title + "\n")
        cells = [list(table.columns)] + [[cell(v) for v in row] for row in table.rows]
        widths = [max(len(r[c]) for r in cells) for c in range(len(table.columns))]
        for n, row in enumerate(cells):
            out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
            if n == 0:
                out.write("  ".join("-" * w for w in widths) + "\n")
    if view.notes:
        out.write("\n")
    for note in view.notes:
        out.write(f"note: {note}\n")


def write_rich(view: View, out) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, highlight=False)
    for table in view.tables:
        rt = RichTable(title=table.title, title_justify="left")
        for col in table.columns:
            rt.add_column(col)
        for row in table.rows:
            rt.add_row(*(_rich_cell(v) for v in row))
        console.print(rt)
    for note in view.notes:
        console.print(f"[dim]note:[/dim] {_escape(note)}")


def _rich_cell(value: Any) -> str:
    text = _escape(cell(value))
    return f"[dim]{text}[/dim]" if value is None else text


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


# --------------------------------------------------------------------------
# The net-import-reliance bar chart (`minerals chart`): terminal and SVG.
# Both take a ChartResult; they scale and lay out, they never compute figures.

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


def write_bar_chart(chart: Any, out=None) -> None:
    """Bars in text: '#' in a pipe or under NO_COLOR, coloured blocks in a terminal."""
    out = out or sys.stdout
    lines = _chart_lines(chart, plain=plain_output(out))
    if plain_output(out):
        for segments in lines:
            out.write("".join(text for text, _ in segments).rstrip() + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False)
    for segments in lines:
        console.print(Text.assemble(*segments), soft_wrap=True)


def _chart_lines(chart: Any, plain: bool) -> list[list[tuple[str, str]]]:
    full, marker_style = ("#", "") if plain else ("█", "bold")
    width = max([len(b.label) for b in chart.bars] + [8])
    lines: list[list[tuple[str, str]]] = [
        [(chart.title, "bold")],
        [(f"each {full} is {100 // BAR_CELLS} percent of U.S. apparent consumption; "
          f">N at least N, <N at most N, E net exporter; then the leading import source", "dim")],
        [],
    ]
    for bar in chart.bars:
        head = [(bar.label.ljust(width), ""), (bar.published.rjust(5) + "  ", "bold")]
        if bar.net_exporter:
            body = [("(net exporter)".ljust(BAR_CELLS + 1), "italic")]
        else:
            n = bar_cells(bar.value)
            marker = {"lower": ">", "upper": "<"}.get(bar.bound or "", "")
            body = [(full * n, "cyan" if bar.bound is None else "blue"), (marker, marker_style),
                    (" " * (BAR_CELLS + 1 - n - len(marker)), "")]
        lines.append(head + body + [("  " + source_text(bar), "" if bar.leading_source else "dim")])
    if chart.unknown:
        lines.append([])
        lines.append([("unknown (no bar): ", "bold")])
        for u in chart.unknown:
            published = f"{u.published}: " if u.published else ""
            lines.append([(f"  {u.label}: {published}{u.reason}", "dim")])
    lines.append([])
    for note in chart.notes:
        lines.append([(f"note: {note}", "dim")])
    lines.append([("source: " + citation_text(chart.citation), "dim")])
    return lines


def citation_text(c: Any) -> str:
    """A citation on one line: publication, table or page, URL."""
    return ", ".join(p for p in (c.source, c.table, c.url) if p)


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
        listed = "; ".join(f"{u.label} ({(u.published + ': ') if u.published else ''}{u.reason})" for u in chart.unknown)
        lines.extend((line, "") for line in textwrap.wrap(listed, chars))
    for note in chart.notes:
        lines.extend((line, "") for line in textwrap.wrap("Note: " + note, chars))
    lines.extend((line, "") for line in textwrap.wrap("Source: " + citation_text(chart.citation), chars))
    return lines
