"""The one place output is produced: table (rich or plain text), JSON, CSV, Markdown.

Commands hand over a result model and a `View` of it (titled tables of
already-computed cells).  JSON is the result's own `to_dict`, so the
schema is the result model; the other formats show the view.  Rendering
never computes.  A command whose table format is not a table (validate's
compiler-style lines, chart's bars) passes its own `table_writer`.
Nothing heavy is imported here: `Format` is read at start-up.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Optional

from .view import Format, Table, View, plain_output

__all__ = ["Format", "Table", "View", "emit", "plain_output", "to_json"]


def emit(
    result: Any,
    view: Callable[[Any], View],
    fmt: Format,
    out=None,
    table_writer: Optional[Callable[[Any, Any], None]] = None,
) -> None:
    """Write `result` to `out` (stdout) in `fmt`: JSON from the model, the other formats from `view(result)`.

    A list of results (a batch) is one JSON list; the other formats show each result's view in turn.
    """
    out = out or sys.stdout
    if isinstance(result, list) and fmt is not Format.json:
        for i, one in enumerate(result):
            if i:
                out.write("\n")
            emit(one, view, fmt, out, table_writer)
        return
    if fmt is Format.json:
        out.write(to_json(result) + "\n")
    elif fmt is Format.csv:
        from .text import write_csv

        write_csv(view(result), out)
    elif fmt is Format.md:
        from .text import write_markdown

        write_markdown(view(result), out)
    elif table_writer is not None:
        table_writer(result, out)
    elif plain_output(out):
        from .text import write_plain

        write_plain(view(result), out)
    else:
        from .rich_table import write_rich

        write_rich(view(result), out)


def to_json(result: Any) -> str:
    """The result model's own fields: the documented JSON schema, nothing added.

    One result is indented for reading.  A batch (a list of results) is a
    JSON list with one compact result per line: still one JSON document,
    line-oriented tools can take it a result at a time, and it is written
    at the C encoder's speed (an indented dump of 60 exposures took longer
    than computing them).
    """
    import json

    from ..results.base import json_default

    if isinstance(result, list):
        lines = [json.dumps(r, ensure_ascii=False, default=json_default) for r in result]
        return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"
    return json.dumps(result, indent=2, ensure_ascii=False, default=json_default)
