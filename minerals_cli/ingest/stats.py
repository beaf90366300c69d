"""The U.S. salient statistics of an MCS Commodities_Data file: salient_statistics.yaml, as ingest-mcs writes it (issue 18).

Each critical-mineral chapter prints a five-year table ("Salient
Statistics—United States"): production, imports, exports, apparent
consumption, stocks, prices, net import reliance and whatever else it
publishes.  Each row of the table becomes a series: one statistic as
printed (`Price, metal, average, dollars per pound`), one unit, and its
values by year as published (`W`, `NA`, `E`, `—`, `>50`, ranges stay as
they are; dataset/records.parse_stat_value reads what they say).  A note
USGS repeats on every year of a series is kept once, on the series; the
estimated years are listed with it (`_compact`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..dataset.records import parse_stat_value
from ..errors import DataError
from .release import ReleaseFile, publication_url
from .world import _commodity, _critical

SECTION = "Salient Statistics"
ESTIMATED = "Estimated."


def stats_document(release: ReleaseFile, edition: int) -> dict[str, Any]:
    """The salient_statistics.yaml document of a Commodities file (plain data in the schema's field order)."""
    series: dict[tuple, dict[str, Any]] = {}
    kept = _kept(release)
    for row, line in zip(release.rows, release.lines):
        if not row["Section"].startswith(SECTION) or not kept(row):
            continue
        where = f"{release.path}:{line}"
        one, value = _series_of(row, series), _value(row, where)
        if any(v["year"] == value["year"] for v in one["years"]):
            raise DataError([f"{where}: a second {value['year']} value of '{one['detail']}' ({one['chapter']})"])
        one["years"].append(value)
    chapters: dict[str, str] = {}
    for one in series.values():
        note = one.pop("chapter_note")
        if note:
            chapters.setdefault(one["chapter"], note)
    return {
        "edition": edition,
        "source": {"source": f"USGS MCS {edition}", "table": f"{Path(release.path).name}, Salient Statistics—United States",
                   "url": publication_url(edition)},
        "chapters": [{"chapter": c, "note": n} for c, n in chapters.items()],
        "series": [_compact(one) for one in series.values()],
    }


def _kept(release: ReleaseFile):
    """Which salient-statistics rows are kept: those of USGS's critical-mineral chapters, and those of one of our
    commodities that has no critical-mineral chapter (helium, strontium: USGS flags them 'No' for 2025).

    A non-critical chapter of a commodity that has a critical one (magnesium compounds beside magnesium metal)
    is left out, so a commodity's figures stay those of its critical chapter; so are the other gases of the
    helium chapter.
    """
    with_critical, without = set(), set()
    for row in release.rows:
        if row["Section"].startswith(SECTION):
            commodity = _commodity(row["MCS chapter"], row["Commodity"], row["Statistics_detail"])
            (with_critical if _critical(row) else without).add(commodity)
    alone = without - with_critical - {None}

    def kept(row) -> bool:
        return _critical(row) or _commodity(row["MCS chapter"], row["Commodity"], row["Statistics_detail"]) in alone

    return kept


def _series_of(row: dict[str, str], series: dict) -> dict[str, Any]:
    chapter = row["MCS chapter"].strip()
    detail = " ".join(row["Statistics_detail"].replace("\xa0", " ").split())
    product = row["Commodity"].strip()
    key = (chapter, product, row["Statistics"].strip(), detail, row["Unit"].strip())
    if key not in series:
        series[key] = {
            "id": f"{chapter.lower()} s{len([k for k in series if k[0] == chapter]) + 1}",
            "chapter": chapter,
            "commodity": _commodity(chapter, row["Commodity"], detail),
            "product": product,
            "statistic": row["Statistics"].strip(),
            "detail": detail,
            "unit": row["Unit"].strip(),
            "chapter_note": row["Other notes"].strip(),
            "years": [],
        }
    return series[key]


def _value(row: dict[str, str], where: str) -> dict[str, Any]:
    published = row["Value"].replace("\xa0", " ").strip()
    try:
        parse_stat_value(published)
    except ValueError as exc:
        raise DataError([f"{where}: Value: {exc}"]) from None
    try:
        year = int(row["Year"].strip())
    except ValueError:
        raise DataError([f"{where}: Year: {row['Year']!r} is not a year"]) from None
    note = row["Notes"].strip()
    value: dict[str, Any] = {"year": year, "published": published}
    if note.startswith(ESTIMATED):
        value["estimated"] = True
        note = note[len(ESTIMATED):].strip().removeprefix("--").strip()
    if note:
        value["note"] = note
    return value


def _compact(one: dict[str, Any]) -> dict[str, Any]:
    """The series as the file keeps it: a note every value carries moved onto the series, then the values by
    year under `published`, the estimated years under `estimated` and the values' own notes under `notes`.

    One mapping per series instead of one per value: the file is read whole on a data directory's first run,
    and a third of the nodes it would otherwise hold cost a third of that run's parse.
    """
    values = one.pop("years")
    common, times = Counter(v.get("note") for v in values).most_common(1)[0]
    if common is not None and times == len(values):
        one["note"] = common
        for v in values:
            v.pop("note", None)
    one["published"] = {v["year"]: v["published"] for v in values}
    estimated = [v["year"] for v in values if v.get("estimated")]
    notes = {v["year"]: v["note"] for v in values if v.get("note")}
    if estimated:
        one["estimated"] = estimated
    if notes:
        one["notes"] = notes
    return one
