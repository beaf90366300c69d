"""The world tables of an MCS Commodities_Data file: production, capacity and reserves by country (issue 13).

Each critical-mineral chapter of the file has one or more `World ...`
sections ("World Mine Production and Reserves", "World Refinery Production
and Capacity", ...).  Their rows are grouped into series: one chapter, one
statistic as printed (`Mine production`, `Refinery capacity`,
`Reserves: Cr2O3 content`, ...), one unit, one year.  A series keeps every
country's value as USGS printed it, and the world total, which USGS gives
in a row of its own, often rounded (`Mine production: rounded`), so shares
of it may pass 100.

Values stay as published; what each form means is read out, never filled
in: a number (with `>`/`<` bounds, or a range `10,000 - 15,000`), or a
code: `W` withheld, `NA` not available, `—` zero, `XX` not applicable,
`s` (the row's note says: less than half a unit, or included elsewhere),
or a word USGS prints for reserves (`Large`, `Moderate`, `Small`, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

ROUNDED = re.compile(r"(?::\s*|,\s*)rounded$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_BOUND = re.compile(r"^([<>])\s*(\d[\d,]*(?:\.\d+)?)$")
_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*-\s*(\d[\d,]*(?:\.\d+)?)$")
# `s`: the row's note says what it stands for (less than half a unit; included with another figure).
CODES = {"W": "withheld", "NA": "not available", "—": "zero", "XX": "not applicable", "s": "see the note"}
WORDS = {"Large", "Moderate", "Moderate to large", "Small", "Very small"}
TOTAL, OTHER = "World total", "Other countries"


@dataclass
class Value:
    """One cell as published and what it says: a number, a bound, a range, or a code."""

    published: str
    value: Optional[float] = None
    qualifier: str = "exact"  # 'exact', '>', '<', 'range', or the code itself ('W', 'NA', '—', 'XX', a word)
    low: Optional[float] = None
    high: Optional[float] = None


@dataclass
class Entry:
    name: str  # the country as printed
    value: Value
    estimated: bool
    note: Optional[str]
    line: int


@dataclass
class Series:
    chapter: str
    commodity: str
    section: str
    statistic: str  # 'Production', 'Capacity' or 'Reserves'
    detail: str  # as printed, without the ': rounded' of the total row
    stage: str  # mine, refinery, smelter, primary, production, capacity, reserves
    unit: str
    year: str
    entries: list[Entry] = field(default_factory=list)
    total: Optional[Entry] = None
    rounded: bool = False


def parse_value(text: str) -> Value:
    """What a published cell says; ValueError for a form USGS does not use."""
    shown = text.replace("\xa0", " ").strip()
    if _NUMBER.match(shown):
        number = float(shown.replace(",", ""))
        return Value(shown, number, "exact", number, number)
    bound = _BOUND.match(shown)
    if bound:
        number = float(bound.group(2).replace(",", ""))
        return Value(shown, number, bound.group(1), number if bound.group(1) == ">" else None,
                     number if bound.group(1) == "<" else None)
    span = _RANGE.match(shown)
    if span:
        low, high = (float(g.replace(",", "")) for g in span.groups())
        return Value(shown, None, "range", low, high)
    if shown in CODES:
        zero = 0.0 if shown == "—" else None
        return Value(shown, zero, shown, zero, zero)
    if shown in WORDS:
        return Value(shown, None, shown)
    raise ValueError(f"not a published value: {text!r}")


def stage_of(statistic: str, detail: str) -> str:
    """Which stage of supply a series counts, from the statistic and its wording."""
    if statistic == "Reserves":
        return "reserves"
    if statistic == "Capacity":
        return "capacity"
    words = detail.lower()
    for stage in ("mine", "refinery", "smelter", "primary"):
        if f"{stage} production" in words:
            return stage
    return "production"


def world_series(rows: list[dict[str, str]], lines: list[int]) -> list[Series]:
    """Every series of the world sections of the critical-mineral chapters, in file order."""
    found: dict[tuple, Series] = {}
    for row, line in zip(rows, lines):
        if not row["Section"].startswith("World") or not _critical(row):
            continue
        detail = ROUNDED.sub("", row["Statistics_detail"].strip())
        key = (row["MCS chapter"], row["Section"], row["Statistics"], detail, row["Unit"], row["Year"])
        series = found.get(key)
        if series is None:
            series = found[key] = Series(
                chapter=row["MCS chapter"], commodity=row["Commodity"], section=row["Section"].rstrip(":"),
                statistic=row["Statistics"], detail=detail, stage=stage_of(row["Statistics"], detail),
                unit=row["Unit"], year=row["Year"],
            )
        entry = Entry(
            name=row["Country"].strip(), value=parse_value(row["Value"]),
            estimated=row["Notes"].strip().startswith("Estimated"), note=row["Notes"].strip() or None, line=line,
        )
        if entry.name == TOTAL:
            series.total, series.rounded = entry, bool(ROUNDED.search(row["Statistics_detail"].strip()))
        else:
            series.entries.append(entry)
    return list(found.values())


def _critical(row: dict[str, str]) -> bool:
    """A row of a 2025 critical mineral; the Yttrium world-total row has its flag shifted into Notes."""
    flag = row["Is critical mineral 2025"].strip()
    return flag == "Yes" or (flag == "Yttrium" and row["Notes"].strip() == "Yes")
