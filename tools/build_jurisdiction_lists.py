"""Build data/jurisdiction_lists.yaml from ../shared/sources/lists/jurisdiction_lists.csv (issue 17).

Run from the checkout:

    .venv/bin/python tools/build_jurisdiction_lists.py [CSV] [YAML]

One record per list, its members in the compiled file's order, each with
its published name, the mineral ids it maps to and how (`exact`, `group`,
`qualified`, `no-us-equivalent`).  What the CSV does not hold is taken from
its JURISDICTIONS.md and written here once: each list's stated count, whether
the file holds all its members, the series it belongs to, and the two DOE
relations (the 2023 list takes in the USGS 2022 list by reference; the 2025
notice adds one material to it).  A group the jurisdiction does not
enumerate ("rare earth elements") is expanded to the elements by the rules
of that README; `covers` holds the expansion, `minerals` the ids as compiled.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "sources" / "lists" / "jurisdiction_lists.csv"
TARGET = HERE.parent / "data" / "jurisdiction_lists.yaml"
README = "shared/sources/lists/JURISDICTIONS.md"

# list id -> (series, stated count, count note or None, complete); from JURISDICTIONS.md, "Lists: stated count vs file".
LISTS = {
    "eu-2017": ("eu-critical", 27, None, True),
    "eu-2020": ("eu-critical", 30, None, True),
    "eu-2023-critical": ("eu-critical", 34, "Annex II", True),
    "eu-2023-strategic": ("eu-strategic", 17, "Annex I; all 17 are also in Annex II", True),
    "ca-2021": ("ca", 31, None, True),
    "ca-2024": ("ca", 34, None, True),
    "au-2024-critical": ("au-critical", 31, None, True),
    "au-2024-strategic": ("au-strategic", 6, "6 at creation (2023-12-16); nickel moved to the Critical Minerals List on "
                          "2024-02-16, so 5 now: an inference [L]", True),
    "uk-2021": ("uk", 18, "the watchlist (iridium, manganese, nickel, phosphates, ruthenium) is not counted", True),
    "uk-2024": ("uk", 34, "34 critical of 82 candidates; only 14 members could be found: the other 20 are unknown, "
                "so absence from this list does not mean not critical (palladium and copper are stated not critical)",
                False),
    "jp-stockpile": ("jp-stockpile", 34, "34 minerals (55 elements)", True),
    "us-doe-2023": ("us-doe", 18, "18 critical materials for energy, plus the USGS 2022 list by reference", True),
    "us-doe-2025": ("us-doe", 1, "one addition to the 2023 list", True),
    "in-2023": ("in", 30, None, True),
}
BY_REFERENCE = {"us-doe-2023": ["2022"]}  # Energy Act of 2020 sec. 7002(a): the Interior list is part of DOE's
ADDS_TO = {"us-doe-2025": "us-doe-2023"}
REE = ["lanthanum", "cerium", "praseodymium", "neodymium", "samarium", "europium", "gadolinium", "terbium",
       "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium", "yttrium"]
PGM = ["platinum", "palladium", "rhodium", "ruthenium", "iridium"]
# Minerals on no U.S. (USGS) list, as the compiled file names them; symbols of the elements among them.
EXTENSIONS = {
    "molybdenum": ("element", "Mo"), "selenium": ("element", "Se"), "cadmium": ("element", "Cd"),
    "thallium": ("element", "Tl"), "feldspar": ("mineral", None), "natural rubber": ("material", None),
    "iron ore": ("mineral", None), "electrical steel": ("material", None), "silicon carbide": ("material", None),
}


def covers(list_id: str, ids: list[str]) -> tuple[list[str], str | None]:
    """The element ids a member covers, and how a group the jurisdiction did not enumerate was expanded."""
    out, how = [], None
    for i in ids:
        if i == "rare earth elements group":
            extra = ["scandium"] if list_id == "jp-stockpile" else []
            out += REE + extra
            how = ("expanded to the 15 rare-earth ids of the USGS lists" + (" and scandium (Japan's REE covers 17 "
                   "elements)" if extra else ""))
        elif i == "platinum group metals":
            out += PGM
            how = "expanded to the 5 platinum-group ids of the USGS lists (osmium is on none)"
        else:
            out.append(i)
    return list(dict.fromkeys(out)), how


def member(row: dict[str, str]) -> dict:
    ids = [i for i in row["mineral_ids"].split(";") if i]
    covered, how = covers(row["list_id"], ids)
    out = {
        "name": row["member_as_published"],
        "minerals": ids,
        "covers": covered if covered != ids else None,  # written only where a group was expanded
        "mapping": row["mapping"],
        "qualifier": row["qualifier"] or None,
        "expanded": how,
        "confidence": row["confidence"].strip("[]"),
        "note": row["note"] or None,
    }
    return {k: v for k, v in out.items() if v is not None}


def list_record(rows: list[dict[str, str]]) -> dict:
    first = rows[0]
    lid = first["list_id"]
    if len({r["source_url"] for r in rows}) != 1:
        raise SystemExit(f"{lid}: members cite different sources; the list record keeps one set")
    series, stated, count_note, complete = LISTS[lid]
    urls = [u.strip() for u in first["source_url"].split(" ; ") if u.strip()]
    out = {
        "id": lid,
        "jurisdiction": first["jurisdiction"],
        "series": series,
        "title": first["title"],
        "published": first["published"],
        "legal_basis": first["legal_basis_or_doc"],
        "stated_count": stated,
        "count_note": count_note,
        "complete": complete,
        "by_reference": BY_REFERENCE.get(lid),
        "adds_to": ADDS_TO.get(lid),
        "citation": {"source": first["legal_basis_or_doc"], "url": urls[0] if urls else None,
                     "note": f"members as compiled in shared/sources/lists/jurisdiction_lists.csv ({README})"},
        "sources": urls,
        "members": [member(r) for r in rows],
    }
    return {k: v for k, v in out.items() if v is not None}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write data/jurisdiction_lists.yaml from the compiled lists CSV.")
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE, help=f"the CSV (default {SOURCE})")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET, help=f"the YAML to write (default {TARGET})")
    args = parser.parse_args(argv)
    with open(args.source, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_list: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_list.setdefault(r["list_id"], []).append(r)
    unknown = sorted(set(by_list) - set(LISTS))
    if unknown:
        parser.error(f"lists without a stated count in this tool: {', '.join(unknown)}")
    doc = {
        "source": {"source": "shared/sources/lists/jurisdiction_lists.csv",
                   "table": f"{len(rows)} rows, {len(by_list)} lists", "note": f"counts, sources and trust: {README}"},
        "lists": [list_record(v) for v in by_list.values()],
        "extensions": [{"id": k, "name": k, "kind": kind, **({"symbol": sym} if sym else {}),
                        "note": "on no U.S. list: named by other jurisdictions' lists only"}
                       for k, (kind, sym) in EXTENSIONS.items()],
    }
    header = ("# Critical-minerals lists of other jurisdictions (EU, Canada, Australia, UK, Japan, India) and of the\n"
              "# U.S. Department of Energy. Built by tools/build_jurisdiction_lists.py from\n"
              f"# shared/sources/lists/jurisdiction_lists.csv; stated counts and completeness from {README}.\n"
              "# Do not edit by hand; rerun the tool.\n")
    args.target.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    print(f"wrote {args.target}: {len(doc['lists'])} lists, {len(rows)} members")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
