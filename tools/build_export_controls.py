"""Build data/export_controls.yaml from ../shared/sources/controls/export_controls.csv (issue 14).

Run from the checkout:

    .venv/bin/python tools/build_export_controls.py [../shared/sources/controls/export_controls.csv] [data/export_controls.yaml]

One record per row of the compiled file (read its README): the 19 rows of
USGS MCS 2026 Table 4, China's measures one by one, and the other
countries' measures USGS leaves out.  USGS's China row is an aggregate of
China's measures: it is kept, marked `aggregate: true`, and never counted
beside them.  Dates, statuses and the items are as the file gives them;
the status is the compiler's as of the file's date (2026-12-01).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "sources" / "controls" / "export_controls.csv"
TARGET = HERE.parent / "data" / "export_controls.yaml"
AS_OF = "2026-12-01"
# USGS's own rows: the table, and the release file the compiled rows were read from (the row's URL is USGS's source).
USGS_TABLE = "Table 4 (Country Export Control), data release MCS2026_T4_Country_Export_Control.csv"
HEADER = f"""\
# Export controls on minerals that matter for U.S. import dependence, status as of {AS_OF}.
# Built by tools/build_export_controls.py from shared/sources/controls/export_controls.csv (its README
# gives the sources, the mapping of items to the 60 minerals of the 2025 list, and the trust of each row:
# confidence V verified in a retrieved source, L low confidence). The USGS MCS 2026 Table 4 row for China
# is an aggregate of China's measure rows: `aggregate: true`, never counted beside them. `effective` is a
# date, or for USGS rows the earliest year the table gives. Do not edit by hand; rerun the tool.
"""


def slug(country: str, measure: str) -> str:
    return f"{country.lower()}-" + re.sub(r"[^a-z0-9]+", "-", measure.lower()).strip("-")


def record(row: dict[str, str]) -> dict:
    urls = [u.strip() for u in row["source_url"].split("|") if u.strip()]
    first_url = next((u for u in urls if u.startswith("http")), None)
    label = next((u for u in urls if not u.startswith("http")), None)
    usgs = row["measure_id"].startswith("USGS-MCS2026-T4")
    out = {
        "id": slug(row["country_iso2"], row["measure_id"]),
        "country": row["country_iso2"],
        "country_name": row["country_name"],
        "measure": row["measure_id"],
        "title": row["title"],
        "kind": row["kind"],
        "scope": row["destination_scope"],
        "items_as_published": row["items_as_published"],
        "minerals": [m for m in row["minerals"].split(";") if m],
        "forms": [f for f in row["forms"].split(";") if f],
        "announced": row["announced"] or None,
        "effective": row["effective"] or None,
        "status": row[f"status_as_of_{AS_OF}"],
        "suspended_from": row["suspended_from"] or None,
        "suspended_until": row["suspended_until"] or None,
        "lifted_on": row["lifted_on"] or None,
        "aggregate": "aggregate row" in row["kind"],
        "confidence": row["confidence"],
        "source": {"source": label or row["measure_id"], "table": USGS_TABLE if usgs else None, "url": first_url,
                   "note": row["source_note"] or None},
    }
    if len(urls) > 1:
        out["other_sources"] = [u for u in urls if u != first_url and u != label]
    out["source"] = {k: v for k, v in out["source"].items() if v is not None}
    return {k: v for k, v in out.items() if v not in (None, [], False) or k in ("minerals", "aggregate")}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write data/export_controls.yaml from the compiled export-controls CSV.")
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE, help=f"the CSV (default {SOURCE})")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET, help=f"the YAML to write (default {TARGET})")
    args = parser.parse_args(argv)
    source, target = args.source, args.target
    with open(source, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    doc = {
        "as_of": AS_OF,
        "source": {"source": "shared/sources/controls/export_controls.csv", "table": f"{len(rows)} rows, compiled {AS_OF}",
                   "note": "USGS MCS 2026 Table 4 (Country Export Control) plus measure-level rows with their sources"},
        "measures": [record(r) for r in rows],
    }
    text = HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: {len(doc['measures'])} measures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
