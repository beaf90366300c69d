"""Reading a USGS MCS data-release file: which of the two formats it is, its rows and its edition.

* the figure file `MCSYYYY_Fig2_Net_Import_Reliance.csv`: one row per
  commodity with its net import reliance (NIR) as printed and the ordered
  "major import sources";
* the per-chapter file `MCS2026_Commodities_Data.csv` (cp1252).

Files carry a UTF-8 BOM or none, CRLF or LF line ends; a malformed file is a
DataError with its file and line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import DataError, UsageError


@dataclass
class ReleaseFile:
    path: str
    kind: str  # 'fig2' or 'commodities'
    rows: list[dict[str, str]]
    header: list[str]
    lines: list[int]  # line number of each row, for messages


def decode(raw: bytes, path: str = "") -> str:
    """UTF-8 (with or without BOM) first; the Commodities file is cp1252; anything else is not a release file."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DataError([f"{path}: not a USGS release file: byte {exc.start} is neither UTF-8 nor cp1252 text"]) from None


def read_release(path: Path) -> ReleaseFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_release(decode(raw, str(path)), str(path))


# Every column the Commodities parser reads; the file is recognised by its first one.
COMMODITIES_COLUMNS = ("MCS chapter", "Section", "Commodity", "Country", "Statistics", "Statistics_detail", "Year",
                       "Value", "Notes")


def parse_release(text: str, name: str) -> ReleaseFile:
    """Split CSV text into rows and tell which of the two formats it is."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        kind = _kind(header, name)
        rows, lines = [], []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError([f"{name}:{reader.line_num}: {len(values)} fields, the header has {len(header)}"])
            rows.append(dict(zip(header, values)))
            lines.append(reader.line_num)
    except StopIteration:
        raise DataError([f"{name}:1: empty file"]) from None
    except csv.Error as exc:
        raise DataError([f"{name}:{reader.line_num}: not readable as CSV: {exc}"]) from None
    return ReleaseFile(name, kind, rows, header, lines)


def _kind(header: list[str], name: str) -> str:
    """'fig2' or 'commodities'; a Commodities file lacking a column the parser reads is refused here, once."""
    if "Commodity" in header and any(re.fullmatch(r"Net_Import_Reliance_pct_\d{4}", h) for h in header):
        return "fig2"
    if "MCS chapter" in header:
        missing = [c for c in COMMODITIES_COLUMNS if c not in header]
        if missing:
            raise DataError([f"{name}:1: {c}: missing column (a Commodities_Data file has "
                             f"{', '.join(COMMODITIES_COLUMNS)})" for c in missing])
        return "commodities"
    raise DataError(
        [
            f"{name}:1: not a known USGS MCS file: expected the Fig. 2 header "
            "(Source, Import_Share_Order, Commodity, Net_Import_Reliance_pct_YYYY, ...) or the "
            "Commodities_Data header (MCS chapter, Section, Commodity, Country, ...)"
        ]
    )


def year_of(text: str) -> Optional[int]:
    """A four-digit year, or None for anything else ('2021-24', '', 'E')."""
    t = text.strip()
    return int(t) if re.fullmatch(r"\d{4}", t) else None


def detect_edition(release: ReleaseFile) -> Optional[int]:
    """The MCS edition from the file name, else from the header or the Source column."""
    m = re.search(r"MCS(\d{4})", Path(release.path).name, re.I)
    if m:
        return int(m.group(1))
    if release.kind == "fig2":
        year = fig2_data_year(release)
        if year:
            return year + 1
        sources = {r.get("Source", "").strip() for r in release.rows}
        m = re.fullmatch(r"MCS(\d{4})", next(iter(sources), "")) if len(sources) == 1 else None
        return int(m.group(1)) if m else None
    years = [y for y in (year_of(r["Year"]) for r in release.rows) if y is not None]
    return max(years) + 1 if years else None


def fig2_data_year(release: ReleaseFile) -> Optional[int]:
    for h in release.header:
        m = re.fullmatch(r"Net_Import_Reliance_pct_(\d{4})", h)
        if m:
            return int(m.group(1))
    return None


def fig2_period(release: ReleaseFile) -> tuple[Optional[str], Optional[str]]:
    """(column, period as 'YYYY-YY') of the major-import-sources column."""
    for h in release.header:
        m = re.fullmatch(r"Major_Import_Sources_(\d{4})_(\d{2}|\d{4})", h)
        if m:
            return h, f"{m.group(1)}-{m.group(2)[-2:]}"
    return None, None


def short_period(text: str) -> str:
    """'2021–24', '2021-2024' or '2021_24' -> '2021-24'."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-–_]\s*(\d{2}|\d{4})\s*", text)
    if not m:
        raise ValueError(f"not a period: {text!r}")
    return f"{m.group(1)}-{m.group(2)[-2:]}"


def publication_url(edition: int) -> str:
    return f"https://pubs.usgs.gov/periodicals/mcs{edition}/mcs{edition}.pdf"
