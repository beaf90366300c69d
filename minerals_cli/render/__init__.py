"""The one place output is produced: table (rich or plain text), JSON, CSV, Markdown.

Commands hand over a result model and a `View` of it (titled tables of
already-computed cells).  JSON is the result's own `to_dict`, so the
schema is the result model; the other formats show the view.  Rendering
never computes.  A command whose table format is not a table (validate's
compiler-style lines, chart's bars) passes its own `table_writer(result,
out, terminal)`, `terminal` being the stream to colour for, or None.
Nothing heavy is imported here: `Format` is read at start-up.
"""

from __future__ import annotations

import io
import sys
from typing import Any, Callable, Optional

from .view import Format, Table, View, plain_output

__all__ = ["Format", "Table", "View", "emit", "plain_output", "to_json"]


def emit(
    result: Any,
    view: Callable[[Any], View],
    fmt: Format,
    out=None,
    table_writer: Optional[Callable[..., None]] = None,
    sources: bool = False,
) -> None:
    """Write `result` to stdout (or `out`) in `fmt`, in one piece (streams.write_out).

    A list of results (a batch) is one JSON list, and one list of records in
    CSV and JSON lines; the other formats show each result's view in turn.
    `sources` (--sources) shows every note and every full citation too.
    """
    from ..streams import write_out

    stream = sys.stdout if out is None else out
    write_out(render(result, view, fmt, stream, table_writer, sources), stream)


def render(result: Any, view: Callable[[Any], View], fmt: Format, stream=None, table_writer=None,
           sources: bool = False) -> str:
    """The text of `result` in `fmt`, laid out for `stream` (a terminal gets colour; a narrow encoding, ASCII JSON).

    JSON is the result model; CSV and JSON lines its records (`to_records`);
    the other formats show `view(result)` with every control character of
    the data made visible (cells.printable), so a data file cannot send
    escape sequences to a terminal.
    """
    from ..streams import encodes

    if fmt is Format.json:
        text = to_json(result)
        return (text if encodes(text, stream) else to_json(result, ascii=True)) + "\n"
    results = result if isinstance(result, list) else [result]
    if fmt in (Format.csv, Format.jsonl):
        from .text import write_csv, write_jsonl

        out = io.StringIO()
        (write_csv if fmt is Format.csv else write_jsonl)([r for one in results for r in one.to_records()], out)
        return out.getvalue()
    terminal = stream if stream is not None and not plain_output(stream) else None
    return "\n".join(_text(one, view, fmt, terminal, table_writer, sources) for one in results)


def _text(result: Any, view: Callable[[Any], View], fmt: Format, terminal, table_writer, full: bool) -> str:
    from .cells import printable_view

    out = io.StringIO()
    if fmt is Format.md:
        from .text import write_markdown

        write_markdown(printable_view(view(result)), out, full=full)
    elif table_writer is not None:
        table_writer(result, out, terminal)
    elif terminal is None:
        from .text import write_plain

        write_plain(printable_view(view(result)), out, full=full)
    else:
        from .rich_table import write_rich

        write_rich(printable_view(view(result)), out, terminal, full=full)
    return out.getvalue()


def to_json(result: Any, ascii: bool = False) -> str:
    """The result model's own fields: the documented JSON schema, nothing added.

    One result is indented for reading.  A batch (a list of results) is a
    JSON list with one compact result per line: still one JSON document,
    line-oriented tools can take it a result at a time, and it is written
    at the C encoder's speed (an indented dump of 60 exposures took longer
    than computing them).  Results are built bottom-up and frozen, so a
    tree never holds itself: the encoder's check for cycles is skipped.  `ascii` escapes every non-ASCII character: the
    same JSON, for a stream that cannot encode the rest.
    """
    import json

    from ..results.base import json_default

    if isinstance(result, list):
        lines = [json.dumps(r, ensure_ascii=ascii, default=json_default, check_circular=False) for r in result]
        return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"
    return json.dumps(result, indent=2, ensure_ascii=ascii, default=json_default, check_circular=False)
