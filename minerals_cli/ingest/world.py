"""The world tables of an MCS Commodities_Data file: world_production.yaml, as ingest-mcs writes it (issue 13).

Each critical-mineral chapter of the file has one or more `World ...`
sections ("World Mine Production and Reserves", "World Refinery Production
and Capacity", ...).  Their rows are grouped into series: one chapter, one
statistic as printed (`Mine production`, `Refinery capacity`,
`Reserves: Cr2O3 content`, ...), one unit, one year.  A series keeps every
country's figure as USGS printed it (dataset/records.parse_world_value
reads what it says), whether USGS estimated it, its note, and the world
total, which USGS gives in a row of its own and often rounds (`Mine
production: rounded`), so shares of it may pass 100.  Country names go
through the data directory's country registry; a critical chapter without
a world table is listed as skipped, with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

from ..dataset.records import parse_world_value
from ..errors import DataError
from .chapters import chapter_commodity
from .countries import CountryNames
from .release import ReleaseFile, publication_url

ROUNDED = re.compile(r"(?::\s*|,\s*)rounded$", re.IGNORECASE)
TOTAL = "World total"
_PARTS = re.compile(r":\s*(palladium|platinum)\b", re.IGNORECASE)  # PGM series name their metal after a colon


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


def world_document(release: ReleaseFile, edition: int, countries: CountryNames) -> dict[str, Any]:
    """The world_production.yaml document of a Commodities file (plain data in the schema's field order)."""
    series: dict[tuple, dict[str, Any]] = {}
    critical: list[str] = []
    for row, line in zip(release.rows, release.lines):
        if not _critical(row):
            continue
        chapter = row["MCS chapter"].strip()
        critical.append(chapter)
        if not row["Section"].startswith("World"):
            continue
        where = f"{release.path}:{line}"
        one = _series_of(row, series)
        cell = _cell(row, where)
        if row["Country"].strip() == TOTAL:
            one["rounded"] = bool(ROUNDED.search(row["Statistics_detail"].strip()))
            one["total"] = cell
            one["entries"] = one.pop("entries")  # the total before the entries, as the schema orders them
        else:
            name = row["Country"].strip()
            one["entries"].append({"country": countries.code(name, where), "name": name, **cell})
    printed = {s["chapter"] for s in series.values()}
    skipped = [{"chapter": c, "reason": "the chapter prints no world production or reserves table"}
               for c in dict.fromkeys(critical) if c not in printed]
    return {
        "edition": edition,
        "source": {"source": f"USGS MCS {edition}", "table": f"{Path(release.path).name}, World sections",
                   "url": publication_url(edition)},
        "series": list(series.values()),
        "skipped": skipped,
    }


def _series_of(row: dict[str, str], series: dict) -> dict[str, Any]:
    chapter = row["MCS chapter"].strip()
    detail = ROUNDED.sub("", row["Statistics_detail"].strip())
    key = (chapter, row["Section"], row["Statistics"], detail, row["Unit"], row["Year"])
    if key in series:
        return series[key]
    one = series[key] = {
        "id": f"{chapter.lower()} {len([k for k in series if k[0] == chapter]) + 1}",
        "chapter": chapter,
        "commodity": _commodity(chapter, row["Commodity"], detail),
        "section": row["Section"].strip().rstrip(":"),
        "statistic": row["Statistics"].strip(),
        "detail": detail,
        "stage": stage_of(row["Statistics"].strip(), detail),
        "unit": row["Unit"].strip(),
        "year": int(row["Year"]),
        "rounded": False,
        "entries": [],
    }
    return one


def _commodity(chapter: str, commodity: str, detail: str) -> Optional[str]:
    """Our commodity id of a series; a PGM series names its metal in the detail ('Mine production: Platinum')."""
    found = chapter_commodity(chapter, commodity)
    if found is None:
        part = _PARTS.search(detail)
        found = chapter_commodity(chapter, part.group(1)) if part else None
    return found


def _cell(row: dict[str, str], where: str) -> dict[str, Any]:
    published = row["Value"].replace("\xa0", " ").strip()
    try:
        parse_world_value(published)
    except ValueError as exc:
        raise DataError([f"{where}: Value: {exc}"]) from None
    note = row["Notes"].strip()
    if row["Is critical mineral 2025"].strip() == "Yttrium":  # this row's last columns are shifted: Notes holds the flag
        note = ""
    cell: dict[str, Any] = {"published": published}
    if note.startswith("Estimated"):
        cell["estimated"] = True
    if note:
        cell["note"] = note
    return cell


def _critical(row: dict[str, str]) -> bool:
    """A row of a 2025 critical mineral; the Yttrium world-total row has its flag shifted into Notes."""
    flag = row["Is critical mineral 2025"].strip()
    return flag == "Yes" or (flag == "Yttrium" and row["Notes"].strip() == "Yes")
