"""--sort, --top, --where and --reverse on a table-shaped result: its rows ordered and filtered by their records.

The columns are those of the command's CSV and JSON-lines records (one
record per row, `Result.record_of`), so what a user sees in the CSV header
is what they can sort and filter on.  Numbers sort largest first, text A to
Z (--reverse turns either round); an unknown sorts last either way and never
passes a filter: 'china_share>50' cannot hold of a share nobody knows.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from .errors import UsageError

SORT_FLAG, TOP_FLAG, WHERE_FLAG = "--sort", "--top", "--where"
_CONDITION = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|!=|==|=|>|<|~)\s*(.*?)\s*$")
_OPS = {
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
    "=": lambda a, b: a == b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}


def arrange(result: Any, sort: Optional[str] = None, top: Optional[int] = None, reverse: bool = False,
            where: Optional[list[str]] = None) -> Any:
    """`result` with its rows filtered (`where`), ordered (`sort`, `reverse`) and cut to the first `top`."""
    if sort is None and top is None and not where and not reverse:
        return result
    if top is not None and top < 1:
        raise UsageError(f"{TOP_FLAG} {top}: the number of rows to keep must be 1 or more", f"e.g. {TOP_FLAG} 10")
    rows = list(getattr(result, result._rows))
    records = [result.record_of(row) for row in rows]
    columns = list(dict.fromkeys(k for r in records for k in r))
    conditions = [_condition(w, columns, records) for w in where or []]
    keep = [i for i, r in enumerate(records) if all(_passes(r, c) for c in conditions)]
    if sort is not None:
        _known(sort, columns, SORT_FLAG)
        keep = _ordered(keep, [r.get(sort) for r in records], reverse)
    elif reverse:
        keep.reverse()
    if top is not None:
        keep = keep[:top]
    return result.replace(**{result._rows: [rows[i] for i in keep]})


def _ordered(indexes: list[int], values: list[Any], reverse: bool) -> list[int]:
    """Numbers largest first, text A to Z (reversed on request); unknowns last, ties in their first order."""
    known = [i for i in indexes if values[i] is not None]
    unknown = [i for i in indexes if values[i] is None]
    numeric = all(isinstance(values[i], (int, float)) and not isinstance(values[i], bool) for i in known)
    if numeric:
        known.sort(key=lambda i: values[i], reverse=not reverse)
    else:
        known.sort(key=lambda i: str(values[i]).casefold(), reverse=reverse)
    return known + unknown


def _condition(text: str, columns: list[str], records: list[dict[str, Any]]) -> tuple[str, str, Any]:
    """(column, op, value) of 'COLUMN OP VALUE'; a column of numbers is compared with a number only."""
    match = _CONDITION.match(text)
    if match is None:
        raise UsageError(f"{WHERE_FLAG} {text!r} is not COLUMN OP VALUE",
                         "OP is one of = != > >= < <= ~ (contains), e.g. --where 'china_share>=50'")
    column, op, value = match.groups()
    _known(column, columns, WHERE_FLAG)
    wanted = _number(value)
    numeric = any(isinstance(r.get(column), (int, float)) and not isinstance(r.get(column), bool) for r in records)
    if numeric and op != "~" and not isinstance(wanted, float):
        raise UsageError(f"{WHERE_FLAG} {text!r}: {column} holds numbers, and {value!r} is not one",
                         f"e.g. --where '{column}>=50'")
    return column, op, wanted


def _passes(record: dict[str, Any], condition: tuple[str, str, Any]) -> bool:
    column, op, wanted = condition
    value = record.get(column)
    if value is None:
        return False
    if op == "~":
        return str(wanted).casefold() in str(value).casefold()
    if isinstance(value, bool):
        return _OPS[op](str(value).casefold(), str(wanted).casefold().replace("yes", "true").replace("no", "false"))
    if isinstance(value, (int, float)):
        if not isinstance(wanted, (int, float)):
            return False
        return _OPS[op](value, wanted)
    return _OPS[op](str(value).casefold(), str(wanted).casefold())


def _number(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text.strip("'\"")


def _known(column: str, columns: list[str], flag: str) -> None:
    if columns and column not in columns:
        from difflib import get_close_matches

        close = get_close_matches(column, columns, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise UsageError(f"{flag}: no column {column!r} in these rows",
                         hint + "columns: " + ", ".join(columns))
