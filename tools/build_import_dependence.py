"""Rebuild data/import_dependence.yaml from the project's shared sources.

Run from the checkout:

    .venv/bin/python tools/build_import_dependence.py [../shared/sources] [data/import_dependence.yaml]

with the project installed in that environment (README, "Quick start").

The file is what `minerals ingest-mcs` makes of the official USGS data-release
files (Fig. 2 of MCS 2024, 2025 and 2026; MCS2026_Commodities_Data.csv), plus
the curated additions below, each with its citation:

* figures the release files lack: NA with the reason for hafnium, iridium,
  rhodium, ruthenium; beryllium (MCS 2025 Table 5); the editions in which
  boron, phosphate and helium were not published;
* uranium and metallurgical coal from the EIA/USGS figures in sources/eia/,
  marked basis 'EIA' and never presented as a USGS net import reliance;
* the MCS 2025 rare-earth shares (the one MCS 2025 share list that
  sources/import_reliance/README.md rates high trust), and the other MCS 2025
  share lists of sources/import_reliance/mcs2025_import_sources.csv, each with
  its trust (`mcs2025_shares`);
* the published headline counts (the acceptance test of `minerals summary`).

Facts come from the files named in each citation; nothing here computes a figure.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from minerals_cli.dataset.schema import ImportDependenceFile, MineralsFile
from minerals_cli.ingest.merge import dump_yaml, merge, put_by_edition, put_shares
from minerals_cli.ingest.parse import read_batch
from minerals_cli.ingest.release import publication_url
from minerals_cli.ingest.text import clean_name, squash
from minerals_cli.ingest.usgs_names import FORMS

ROOT = Path(__file__).resolve().parent.parent  # the checkout: data/ is read from and written to here

HEADER = """\
# U.S. net import reliance (NIR) and import sources per USGS MCS commodity, editions 2024-2026.
# Built by tools/build_import_dependence.py from ../shared/sources: the USGS MCS data-release files
# (Fig. 2 of each edition, MCS2026_Commodities_Data.csv) as `minerals ingest-mcs` reads them, plus
# curated additions (unknowns with their reasons, EIA figures for uranium and metallurgical coal,
# headline counts), each with its citation. `published` is the value as printed: '76', '>50', '<25',
# 'E' (net exporter), 'W' (withheld), 'NA' (not available). Do not edit figures by hand; rerun the tool.
"""

FIG2 = {
    2024: "MCS2024_Fig2_Net_Import_Reliance.csv",
    2025: "MCS2025_Fig2_Net_Import_Reliance.csv",
    2026: "MCS2026_Fig2_Net_Import_Reliance.csv",
}
COMMODITIES_2026 = "MCS2026_Commodities_Data.csv"

EDITIONS = [
    {
        "edition": 2024,
        "data_year": 2023,
        "shares_period": "2019-22",
        "title": "Mineral Commodity Summaries 2024",
        "citation": {
            "source": "USGS MCS 2024",
            "url": "https://pubs.usgs.gov/periodicals/mcs2024/mcs2024.pdf",
            "note": "Data-release CSVs read from the copies in suswong/DATA-608 "
            "(MCS2024_Fig2_Net_Import_Reliance.csv@f55dc07, byte-exact, unedited USGS layout).",
        },
    },
    {
        "edition": 2025,
        "data_year": 2024,
        "shares_period": "2020-23",
        "title": "Mineral Commodity Summaries 2025",
        "citation": {
            "source": "USGS MCS 2025",
            "url": "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025.pdf",
            "note": "Data release doi:10.5066/P13XCP3R; CSVs read from the copies in kr0710/DATA608@84b49a6 "
            "(transcribed and checked twice).",
        },
    },
    {
        "edition": 2026,
        "data_year": 2025,
        "shares_period": "2021-24",
        "title": "Mineral Commodity Summaries 2026",
        "citation": {
            "source": "USGS MCS 2026",
            "url": "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026.pdf",
            "note": "Data release ScienceBase item 696a75d5d4be0228872d3bf8; CSVs read from the copies in "
            "SandeepKumar-san/CSG_31_Demand_Forecasting@129d306 (byte-exact; MCS2026_Commodities_Data.csv "
            "matches the official SHA-256 once LF is turned back into CRLF).",
        },
    },
]

# Display names: the USGS critical-minerals salient tables' wording where they have one.
NAMES = {
    "aluminum": "Aluminum (bauxite)",
    "graphite": "Graphite (natural)",
    "magnesium": "Magnesium (metal)",
    "niobium": "Niobium (columbium)",
    "phosphate": "Phosphate rock",
    "rare earths": "Rare earths (compounds and metals)",
    "titanium": "Titanium (sponge metal)",
    "zirconium": "Zirconium (ores and concentrates)",
    "metallurgical coal": "Metallurgical coal (not covered by MCS; EIA/USGS energy figures)",
    "uranium": "Uranium (not covered by MCS; EIA figures)",
}


def mcs(edition: int, table: str, url: str | None = None, note: str | None = None) -> dict:
    cite = {"source": f"USGS MCS {edition}", "table": table, "url": url or publication_url(edition)}
    if note:
        cite["note"] = note
    return cite


def unknown(edition: int, published: str, reason: str, source: dict, note: str | None = None, form=None,
            basis: str = "MCS NIR") -> dict:
    rec = {"edition": edition, "year": edition - 1, "published": published}
    if form:
        rec["form"] = form
    rec.update({"basis": basis, "reason": reason, "source": source})
    if note:
        rec["note"] = note
    return rec


def pgm_unknowns(metal: str) -> list[dict]:
    reason = ("not reported separately: the MCS platinum-group metals chapter gives net import reliance only for "
              "platinum and palladium, and Fig. 2 has no row for " + metal)
    out = []
    for edition in (2024, 2025, 2026):
        checked = ("MCS2026_Commodities_Data.csv holds NIR rows for palladium and platinum only"
                   if edition == 2026 else "chapter layout as in MCS 2026; this edition's chapter not seen directly")
        out.append(unknown(edition, "NA", reason, mcs(edition, "Platinum-group metals chapter; Fig. 2 (no row)"),
                           note=checked))
    return out


def curated_reliance(sources: Path) -> dict[str, list[dict]]:
    """Records the release files do not give, keyed by commodity id."""
    t5 = _t5_2025(sources / "usgs_release" / "MCS2025_T5_Critical_Minerals_Salient.csv")
    series_note = "MCS 2026 chapter gives {} for {} in its revised series; not what this edition printed."
    records = {
        "hafnium": [
            unknown(e, "NA", "not reported: hafnium has no Fig. 2 row and no critical-minerals table entry in this "
                    "edition; the Zirconium and Hafnium chapter reports hafnium NIR as NA",
                    mcs(e, "Zirconium and Hafnium chapter; Fig. 2 (no row)"),
                    note="As-published value of this edition not seen directly; MCS 2026 reports NA for every year "
                    "2021-25.")
            for e in (2024, 2025)
        ],
        "iridium": pgm_unknowns("iridium"),
        "rhodium": pgm_unknowns("rhodium"),
        "ruthenium": pgm_unknowns("ruthenium"),
        "phosphate": [
            unknown(2024, "NA", "not published in this edition: phosphate rock is below the cut-off of Fig. 2 and, "
                    "not being on the 2022 list, absent from the critical-minerals table",
                    mcs(2024, "Fig. 2 (no row); critical-minerals salient table (no row)"),
                    note=series_note.format("16", 2023), form="phosphate rock"),
            {
                "edition": 2025,
                "year": 2024,
                "published": "13",
                "form": "phosphate rock",
                "basis": "MCS NIR",
                "source": mcs(2025, "PHOSPHATE ROCK chapter, Salient Statistics, net import reliance 2024 "
                              "(estimated), p. 134; not in Fig. 2 (below its cut-off)",
                              url="https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-phosphate.pdf",
                              note="Not read from a USGS file: reported by the secondary copy of the chapter whose "
                              "Import Sources it quotes verbatim (sources/import_reliance/mcs2025_import_sources.csv: "
                              "'MCS 2025 NIR 16 (2023) and 13 (2024e)'); the NIR itself is in that copy's note, not "
                              "quoted, so trust it as a paraphrase ([L])."),
                "note": series_note.format("18", 2024) + " USGS marked 2024 as estimated.",
            },
        ],
        "boron": [
            unknown(e, "NA", "not found as published: boron (not on the 2022 list) has no row in this edition's "
                    "Fig. 2 or critical-minerals table, which leave out net exporters",
                    mcs(e, "Fig. 2 (no row); critical-minerals salient table (no row)"),
                    note=series_note.format("E (net exporter)", e - 1))
            for e in (2024, 2025)
        ],
        "helium": [
            unknown(e, "NA", "not found as published: helium (delisted in 2022) has no row in this edition's Fig. 2, "
                    "which leaves out net exporters",
                    mcs(e, "Fig. 2 (no row)"), note=series_note.format("E (net exporter)", e - 1))
            for e in (2024, 2025)
        ],
        "beryllium": [
            unknown(2024, "NA", "not found as published: beryllium has no row in MCS 2024 Fig. 2, and the only copy "
                    "of MCS 2024 Table 5 was edited by its owner (qualifiers stripped; it shows NA)",
                    mcs(2024, "Fig. 2 (no row); Table 5 critical-minerals salient statistics (owner-edited copy, "
                        "suswong/DATA-608@5e01be9)"),
                    note=series_note.format("E (net exporter)", 2023)
                    + " The edited Table 5 copy shows production 190 t above apparent consumption 150 t."),
            {
                "edition": 2025,
                "year": 2024,
                "published": t5["Beryllium"],
                "basis": "MCS NIR",
                "source": mcs(2025, "Table 5 critical-minerals salient statistics, row 'Beryllium'; data release "
                              "MCS2025_T5_Critical_Minerals_Salient.csv"),
            },
        ],
        "uranium": uranium_reliance(),
        "metallurgical coal": met_coal_reliance(),
    }
    return records


def _t5_2025(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {clean_name(r["Critical_mineral"]): squash(r["Net_Import_Reliance"]) for r in csv.DictReader(fh)}


EIA_NOT_NIR = ("Not a USGS net import reliance: USGS NIR is (imports - exports +/- stock changes) as a share of "
               "apparent consumption, and MCS does not cover fuels. ")
UMAR = "https://www.eia.gov/uranium/marketing/"


def uranium_reliance() -> list[dict]:
    tie = {
        "source": "EIA Today in Energy, 2025-01-30, 'U.S. nuclear generators import nearly all the uranium "
        "concentrate they use'",
        "table": "text (data: Monthly Energy Review, Domestic Uranium Production Report, Uranium Marketing Annual "
        "Report)",
        "url": "https://www.eia.gov/todayinenergy/",
        "note": "EIA text seen in copies: https://ajot.com/news/u.s-nuclear-generators-import-nearly-all-the-uranium-"
        "concentrate-they-use and NucNet (2025-02-01).",
    }
    return [
        {
            "edition": 2024,
            "year": 2023,
            "published": "99",
            "form": "uranium concentrate (U3O8) used to make nuclear fuel",
            "basis": "EIA",
            "source": tie,
            "note": EIA_NOT_NIR + "This is EIA's statement that imports were 99% of the U3O8 used in 2023 "
            "(32 million lb imported vs 0.05 million lb domestic). Placed with MCS 2024 because both describe 2023.",
        },
        unknown(2025, "NA", "EIA publishes no uranium import-reliance figure for 2024; the derived indicators "
                "(100 minus the U.S.-origin share of purchases = 92%; 1 - production/purchases = 98.8%) are our "
                "sources' arithmetic, not published figures",
                {"source": "EIA Uranium Marketing Annual Report, data for 2024 (released 2025-09-30)",
                 "table": "Table 3 (origin country), via ExchangeMonitor 2025-10-14 and energynews.pro", "url": UMAR},
                basis="EIA", note=EIA_NOT_NIR + "Origin shares of 2024 purchases are under import_shares."),
        unknown(2026, "NA", "EIA data for 2025 (Uranium Marketing Annual Report, annual production report) were not "
                "yet published in the sources gathered",
                {"source": "EIA Uranium Marketing Annual Report", "table": "data for 2025 not available", "url": UMAR},
                basis="EIA"),
    ]


FS_MET_COAL = {
    "source": "USGS Fact Sheet 2026-3061, 'Metallurgical coal - Deposits, production, resources, market dynamics, "
    "and supply chain risks' (Shaffer and others, 2026), doi:10.3133/fs20263061",
    "table": "abstract: 2023 production 66, consumption 15.85, exports 51.1, imports 0.7 million short tons "
    "(EIA-based)",
    "url": "https://pubs.usgs.gov/publication/fs20263061",
}


def met_coal_reliance() -> list[dict]:
    crs = {"source": "CRS Report R48635, 'Metallurgical Coal: Frequently Asked Questions' (2025-08-19)",
           "table": "summary", "url": "https://www.everycrsreport.com/reports/R48635.html"}
    tie = {"source": "EIA Today in Energy, 2025-10-31, 'U.S. coal exports declined 11% in the first half of 2025 "
           "due to reduced exports to China'", "table": "text (Census Bureau trade data)",
           "url": "https://www.eia.gov/todayinenergy/"}
    return [
        {
            "edition": 2024,
            "year": 2023,
            "published": "E",
            "form": "metallurgical coal",
            "basis": "EIA",
            "source": FS_MET_COAL,
            "note": EIA_NOT_NIR + "'E' (net exporter) is read from the published 2023 balance: exports 51.1 million "
            "short tons against imports 0.7. Placed with MCS 2024 because both describe 2023.",
        },
        unknown(2025, "NA", "no 2024 metallurgical-coal import figure was found, so the net-exporter status is "
                "likely (CRS: the U.S. was the second-largest exporter, 14% of world exports) but not stated",
                crs, basis="EIA", form="metallurgical coal"),
        unknown(2026, "NA", "2025 metallurgical-coal balance not published in the sources gathered (first-half "
                "exports 24.2 million short tons; imports not found)", tie, basis="EIA", form="metallurgical coal"),
    ]


def curated_shares() -> dict[str, list[dict]]:
    re_2025 = {
        "edition": 2025,
        "period": "2020-23",
        "category": "Rare-earth compounds and metals",
        "whole": True,
        "complete": True,
        "shares": [
            {"country": "CN", "name": "China", "percent": 70},
            {"country": "MY", "name": "Malaysia", "percent": 13},
            {"country": "JP", "name": "Japan", "percent": 6},
            {"country": "EE", "name": "Estonia", "percent": 5},
            {"country": None, "name": "Other", "percent": 6},
        ],
        "source": {
            "source": "USGS MCS 2025",
            "table": "Rare Earths chapter, Import Sources (2020-23), compounds and metals",
            "url": "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf",
            "note": "Read from four independent text conversions of the chapter PDF in NSSAC/dpi.RAG@3eb1176, "
            "which agree (sources/import_reliance/README.md: high trust).",
        },
        "note": "China includes Hong Kong.",
    }
    umar = {
        2023: ("EIA Uranium Marketing Annual Report, data for 2023 (released 2024-06-06)",
               [("CA", "Canada", 27), ("AU", "Australia", 22), ("KZ", "Kazakhstan", 22), ("RU", "Russia", 12),
                ("UZ", "Uzbekistan", 10)], 5, "the remaining ~2% of other origins is not itemised"),
        2024: ("EIA Uranium Marketing Annual Report, data for 2024 (released 2025-09-30)",
               [("CA", "Canada", 36), ("KZ", "Kazakhstan", 24), ("AU", "Australia", 17), ("UZ", "Uzbekistan", 9),
                ("NA", "Namibia", 4), ("RU", "Russia", 4)], 8,
               "the seven reported shares, U.S. origin included, sum to 102% through rounding"),
    }
    uranium = []
    for year, (source, rows, us_share, gap) in umar.items():
        note = (f"Origin of uranium purchased by owners and operators of U.S. civilian nuclear power reactors, in % "
                f"of all deliveries: not import shares in the USGS sense. U.S.-origin material ({us_share}%) is left "
                f"out of the list, so it does not sum to 100; {gap}.")
        cite = {"source": source, "table": "Table 3, origin country", "url": UMAR}
        if year == 2024:
            cite["note"] = ("EIA page not stored; figures from ExchangeMonitor (2025-10-14) and energynews.pro, "
                            "which agree on every number.")
        uranium.append({
            "edition": year + 1,
            "period": str(year),
            "category": "uranium purchases by origin (EIA)",
            "whole": True,
            "complete": False,
            "shares": [{"country": c, "name": n, "percent": p} for c, n, p in rows],
            "source": cite,
            "note": note,
        })
    return {"rare earths": [re_2025], "uranium": uranium}


MCS2025_SHARES = "import_reliance/mcs2025_import_sources.csv"
# Each MCS 2025 (2020-23) share list of that file (see MCS2025_SHARES.md beside it): (commodity, category as the
# file gives it) -> (our commodity id, the category kept where it is not the file's, whether it stands for the whole
# commodity). A list stands
# for the whole where MCS 2026 prints the same category as its whole list, or where the chapter prints one list
# and MCS 2026's is 'All'. A bracketed category is the file's description of an unlabelled list.
MCS2025_LISTS = {
    ("antimony", "Ore and concentrates"): ("antimony", None, False),
    ("antimony", "Oxide"): ("antimony", None, False),
    ("antimony", "Unwrought metal and powder"): ("antimony", None, False),
    ("antimony", "Total metal and oxide"): ("antimony", None, True),
    ("barite", "(single list, no category)"): ("barite", "All", True),
    ("boron", "All forms"): ("boron", None, True),
    ("chromium", "Chromite (ores and concentrates)"): ("chromium", None, False),
    ("chromium", "Chromium (primary metal)"): ("chromium", None, False),
    ("chromium", "Total imports"): ("chromium", None, True),
    ("copper", "Refined copper"): ("copper", None, True),
    ("graphite (natural)", "(all natural graphite)"): ("graphite", "All", True),
    ("hafnium", "(unwrought hafnium; category not quoted)"): ("hafnium", None, False),
    ("indium", "(single list)"): ("indium", "All", True),
    ("lead", "Refined metal"): ("lead", None, True),
    ("manganese", "(not stated; manganese ore by structure)"): ("manganese", None, False),
    ("palladium", "Palladium"): ("palladium", None, True),
    ("platinum", "Platinum"): ("platinum", None, True),
    ("phosphate rock", "(single list)"): ("phosphate", "All", True),
    ("potash", "(single list)"): ("potash", "All", True),
    ("tin", "Refined tin"): ("tin", None, True),
    ("yttrium", "Yttrium compounds"): ("yttrium", None, True),
    ("zinc", "(not stated; probably refined zinc)"): ("zinc", None, False),
    ("zirconium", "Zirconium ores and concentrates"): ("zirconium", None, True),
}
# Lists of that file left out: the ones MCS2025_SHARES.md keeps "only as pointers" (lowest trust), and the
# rare-earth list, which curated_shares() holds from a higher-trust reading of the same figures.
MCS2025_LEFT_OUT = {
    ("copper", "Copper content of blister and anodes"),
    ("copper", "Copper content of matte, ash, and precipitates"),
    ("fluorspar", "(not stated)"),
    ("zirconium", "(unwrought zirconium; wording of secondary source)"),
    ("rare earths", "Rare-earth compounds and metals"),
}
CHAPTERS_2025 = {"palladium": "PLATINUM-GROUP METALS", "platinum": "PLATINUM-GROUP METALS",
                 "hafnium": "ZIRCONIUM AND HAFNIUM", "zirconium": "ZIRCONIUM AND HAFNIUM"}
TRUST = {
    "[V]": "MCS 2025 text quoted verbatim in a secondary copy of the chapter (USGS's own file was not available)",
    "[L]": "a paraphrase or structured data from one secondary source, not USGS's own text or file",
}


def _number(text: str) -> float | int:
    """A share as printed: 44 stays 44, 2.5 stays 2.5."""
    return float(text) if "." in text else int(text)


def mcs2025_shares(sources: Path) -> dict[str, list[dict]]:
    """The MCS 2025 share lists of the shared file, each cited to the copy it was read from, with its trust."""
    from minerals_cli.ingest.countries import CountryNames

    names = CountryNames.of_directory(ROOT / "data")
    path = sources / MCS2025_SHARES
    grouped: dict[tuple[str, str], list[dict]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            grouped.setdefault((row["commodity"], row["category"]), []).append(row)
    unplaced = set(grouped) - set(MCS2025_LISTS) - MCS2025_LEFT_OUT
    if unplaced:
        raise SystemExit(f"{path}: lists neither kept nor left out: {sorted(unplaced)}")
    out: dict[str, list[dict]] = {}
    for key, rows in grouped.items():
        if key in MCS2025_LEFT_OUT:
            continue
        cid, category, whole = MCS2025_LISTS[key]
        first = rows[0]
        chapter = CHAPTERS_2025.get(cid, first["commodity"].upper())
        trust = "[L]" if any(r["confidence"] == "[L]" for r in rows) else "[V]"
        url = re.search(r"https://pubs\.usgs\.gov/periodicals/mcs2025/mcs2025-[a-z-]+\.pdf", first["source"])
        out.setdefault(cid, []).append({
            "edition": 2025,
            "period": first["period"],
            "category": category or first["category"],
            "whole": whole,
            "complete": all(r["complete"] == "yes" for r in rows),
            "shares": [{"country": names.code(r["country_as_printed"], f"{path}: {key}"),
                        "name": "Other" if names.is_other(r["country_as_printed"]) else r["country_as_printed"],
                        "percent": _number(r["share_pct"])} for r in rows],
            "source": {
                "source": "USGS MCS 2025",
                "table": f"{chapter} chapter, Import Sources ({first['period']}), '{first['category']}'",
                "url": url.group(0) if url else publication_url(2025),
                "note": f"Read from {first['source']}. Quoted: {first['quote']}",
            },
            "trust": f"{trust} {TRUST[trust]}",
            **({"note": first["note"]} if first["note"] else {}),
        })
    return out


def curated_ranked() -> dict[str, list[dict]]:
    """Leading import source of beryllium, from the critical-minerals tables (beryllium has no Fig. 2 row)."""
    return {
        "beryllium": [
            {
                "edition": 2024,
                "period": "2019-22",
                "countries": [{"country": "KZ", "name": "Kazakhstan"}],
                "source": mcs(2024, "Table 5 critical-minerals salient statistics, primary import source",
                              note="Copy edited by its owner (suswong/DATA-608@5e01be9: qualifiers stripped, a "
                              "column added); its import-source column agrees with MCS 2025 and 2026. Leading "
                              "source only."),
            },
            {
                "edition": 2025,
                "period": "2020-23",
                "countries": [{"country": "KZ", "name": "Kazakhstan"}],
                "source": mcs(2025, "Table 5 critical-minerals salient statistics, primary import source; data "
                              "release MCS2025_T5_Critical_Minerals_Salient.csv", note="Leading source only."),
            },
        ]
    }


NOTES = {
    "rare earths": [
        "Group figures (rare-earth compounds and metals), the ones Fig. 2 prints: the lanthanides take them where "
        "USGS publishes nothing more specific (the Fig. 2 note lists them as included); yttrium and scandium have "
        "their own records. MCS 2026's heavy-rare-earth chapter adds a subgroup reliance (record 'rare earths "
        "(heavy)') and share lists of terbium, holmium, erbium, ytterbium and lutetium (records of their own)."
    ],
    "rare earths (heavy)": [
        "USGS's heavy-rare-earth chapter (new in MCS 2026): 'Yttrium is considered a heavy-rare-earth element but is "
        "excluded from these data.' Its minerals here are the elements the chapter prints figures for (prices of "
        "terbium, dysprosium, holmium, erbium, ytterbium and lutetium; share lists of all but dysprosium). Europium, "
        "gadolinium and thulium, which the chapter does not name, take the group's figures."
    ],
    "lead": [
        "MCS 2026 sources disagree: Fig. 2 ranks Canada, Republic of Korea, Ireland, while the lead chapter's Import "
        "Sources (2021-24) give Canada 31%, Republic of Korea 16%, Mexico 15%, Australia 13%, other 25% (the same "
        "figures as MCS 2026 Fig. 3). The chapter shares are kept as USGS's primary figures; the Fig. 2 ranking is "
        "kept as printed."
    ],
    "uranium": [
        "Not covered by MCS (a fuel). Figures from EIA (basis 'EIA'), which publishes no net import reliance; "
        "they are not comparable with USGS NIR and are left out of the MCS headline counts.",
        "Russian uranium: imports of Russian low-enriched uranium prohibited from 2024-08-11 (Public Law 118-62, "
        "signed 2024-05-13); Russia's share of deliveries fell from 12% (2023) to 4% (2024).",
    ],
    "metallurgical coal": [
        "Not covered by MCS (a fuel). The United States was a large net exporter in 2023: about three quarters of its "
        "production was exported (CRS R48635); top 2024 markets India, China, Brazil, Netherlands, Japan. Figures "
        "have basis 'EIA' and are left out of the MCS headline counts."
    ],
    "hafnium": [
        "USGS lists hafnium imports as unwrought and wrought separately; neither list stands for the whole, so no "
        "list is marked whole."
    ],
}

HEADLINES = [
    {
        "edition": 2024,
        "list": "2022",
        "rule": "lanthanides individually",
        "at_100": 12,
        "over_50": 29,
        "source": {
            "source": "USGS MCS 2024, key findings, as quoted by the National Mining Association (2024-01-31)",
            "table": "'Of the 50 mineral commodities identified in the 2022 Final List of Critical Minerals, the "
            "United States was 100% net import reliant for 12, and an additional 29 critical mineral commodities "
            "had a net import reliance greater than 50% of apparent consumption.'",
            "url": "https://stage.nma.org/?p=41458",
            "note": "ARPN adds that the 29 include the 14 rare-earth lanthanides counted one by one: "
            "https://theeconomicstandard.com/groundhog-day-all-over-again-in-spite-of-rising-pressures-usgs-"
            "releases-annual-mineral-commodity-summaries-report/",
        },
    },
    {
        "edition": 2025,
        "list": "2022",
        "rule": "lanthanides individually",
        "at_100": 12,
        "over_50": 28,
        "source": {
            "source": "USGS MCS 2025, as reported by ClearPath Action and Mint (2025-04-03)",
            "table": "'of the 50 critical minerals, the U.S. was 100% net import reliant for 12, and at least 50% net "
            "import reliant for an additional 28'",
            "url": "http://clearpathaction.org/the-plan/resource-independence/",
            "note": "Mint: https://www.livemint.com/industry/manufacturing/us-tariffs-on-critical-minerals-india-"
            "critical-minerals-mission-china-dominance-critical-minerals-trump-tariffs/amp-11743663515793.html ; "
            "MCS 2026 coverage repeats '28 in 2024'.",
        },
    },
    {
        "edition": 2026,
        "list": "2025",
        "rule": "rare earths as one group",
        "at_100": 13,
        "over_50": 20,
        "source": {
            "source": "USGS MCS 2026, as reported by NewsTarget (2026-02-08) and E&E News (2026-02-09)",
            "table": "16 commodities at 100%, 'all but asbestos, mica and strontium' critical minerals (13); "
            "'20 critical minerals still had net import reliance above 50%, down from 28 in 2024'",
            "url": "https://www.newstarget.com/2026-02-08-us-grows-more-dependent-on-foreign-mineral.html",
            "note": "The USGS sentence itself was not found; that rare earths count as one group is inferred from the "
            "cross-check in sources/import_reliance/README.md (20 with the group, 33 with the lanthanides one by "
            "one). E&E News: https://www.eenews.net/articles/us-increasingly-dependent-on-importing-critical-minerals",
        },
    },
]


def build(sources: Path) -> dict:
    release = sources / "usgs_release"
    minerals = MineralsFile.model_validate(ingest_yaml(ROOT / "data" / "minerals_2025.yaml"))
    wanted = sorted({m.commodity for m in minerals.minerals if m.commodity})
    doc = {"editions": EDITIONS, "commodities": [], "headline_counts": []}
    for cid in wanted:
        record = {"id": cid, "name": NAMES.get(cid, cid.capitalize())}
        if FORMS.get(cid):
            record["form"] = FORMS[cid]
        doc["commodities"].append(record)
    for edition, name in FIG2.items():
        doc, _, _ = merge(doc, read_batch([release / name], edition))
    doc, _, _ = merge(doc, read_batch([release / COMMODITIES_2026], 2026))
    index = {c["id"]: c for c in doc["commodities"]}
    for cid, records in curated_reliance(sources).items():
        have = {r["edition"] for r in index[cid].get("reliance", [])}
        clash = [r["edition"] for r in records if r["edition"] in have]
        if clash:
            raise SystemExit(f"{cid}: curated reliance for {clash} would replace a figure from the release files")
        index[cid]["reliance"] = sorted(index[cid].get("reliance", []) + records, key=lambda r: r["edition"])
    for cid, lists in curated_shares().items():
        for shares in lists:
            put_shares(index[cid], shares)
    for cid, lists in mcs2025_shares(sources).items():
        for shares in lists:
            put_shares(index[cid], shares)
    for cid, lists in curated_ranked().items():
        for ranked in lists:
            put_by_edition(index[cid], "ranked_sources", ranked)
    for cid, notes in NOTES.items():
        index[cid]["notes"] = notes + index[cid].get("notes", [])
    doc["commodities"] = [_ordered(index[cid]) for cid in sorted(index)]
    doc["headline_counts"] = HEADLINES
    ImportDependenceFile.model_validate(doc)
    return doc


def _ordered(record: dict) -> dict:
    order = ["id", "name", "form", "level", "part_of", "minerals", "headline", "reliance", "import_shares", "ranked_sources", "notes"]
    return {k: record[k] for k in order if k in record}


def ingest_yaml(path: Path):
    import yaml

    with open(path, "rb") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def main(argv: list[str]) -> None:
    sources = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "sources"
    target = Path(argv[2]) if len(argv) > 2 else ROOT / "data" / "import_dependence.yaml"
    doc = build(sources)
    target.write_text(dump_yaml(doc, HEADER), encoding="utf-8")
    print(f"wrote {target}: {len(doc['commodities'])} commodities")


if __name__ == "__main__":
    main(sys.argv)
