"""The Datasette metadata written beside an export: title, description, source and licence of every table.

`datasette FILE -m metadata.json` serves the database with these words.
The key `minerals_export` marks the file as this tool's: `is_ours`
recognises one, the only kind of existing metadata.json an export replaces
(the entries it holds for other databases are kept).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

# The file Datasette reads beside the database (`datasette FILE -m metadata.json`).
FILE_NAME = "metadata.json"

MARK = "minerals_export"

USGS = {"source": "USGS Mineral Commodity Summaries (MCS), with the data releases of each edition",
        "source_url": "https://www.usgs.gov/centers/national-minerals-information-center/mineral-commodity-summaries",
        "license": "U.S. public domain (USGS data)",
        "license_url": "https://www.usgs.gov/information-policy-and-instructions/copyrights-and-credits"}
FEDERAL = {"source": "U.S. Geological Survey final and draft lists of critical minerals (Federal Register notices)",
           "source_url": "https://www.federalregister.gov/",
           "license": "U.S. public domain (U.S. Government works)",
           "license_url": "https://www.usa.gov/government-copyright"}
CITED = {"source": "the publication named by each row's citation_id (table citations)",
         "license": "facts as the cited publications state them; each publication's own terms apply"}
OURS = {"source": "minerals, computed from the tables above by the formulas of docs/design.md",
        "license": "computed from the cited data; U.S. public domain where all its inputs are"}

# table or view -> (what it holds, where it comes from)
TABLES: dict[str, tuple[str, dict]] = {
    "_minerals_export": ("Marks the file as an export of minerals: the tool, its version, the layout (format) and "
                         "the data directory it was made from.", OURS),
    "citations": ("One row per distinct citation (source, table_ref: table, figure or page, url, note); every "
                  "figure row refers to one by citation_id.", CITED),
    "editions": ("The MCS editions of the data: data year and the period of the import-source lists.", USGS),
    "lists": ("Critical-minerals lists: the U.S. lists (origin 'us') and other jurisdictions' (origin 'other'), "
              "with their dates, stated counts and whether the data holds every member (complete).", CITED),
    "commodities": ("MCS commodity records (import_dependence.yaml): a commodity, group, subgroup, element or "
                    "another form; part_of is the record whose figures stand in where one has none.", USGS),
    "minerals": ("Every mineral or group entry a list names; origin 'other lists' for those only other "
                 "jurisdictions' lists name; commodity_id is its MCS commodity.", FEDERAL),
    "mineral_splits": ("The minerals a 2018 group entry was split into on later lists.", FEDERAL),
    "commodity_minerals": ("The minerals whose figures a subgroup, element or form record holds.", USGS),
    "list_entries": ("Other jurisdictions' list entries as published, with how each maps to U.S. mineral ids "
                     "(exact, group, qualified, no-us-equivalent).", CITED),
    "list_members": ("Membership: one row per list and mineral; how 'listed' (named individually; wording as the "
                     "notice words it), 'covered' (through the group entry `via`) or 'entry' (another "
                     "jurisdiction's entry entry_id).", CITED),
    "reliance": ("Net import reliance, % of apparent consumption, one row per commodity record and edition: "
                 "published as printed ('>50', 'E', 'W'), value the number (the bound for >N and <N, 0 for E, "
                 "null for W and NA), bound, and low/high the range the printed figure allows.", USGS),
    "share_lists": ("'Import sources' share lists, one per commodity record, edition and category; named and "
                    "other are the sums of named countries' and of 'Other' shares.", USGS),
    "shares": ("Each share of a share list: country (ISO code; null for 'Other'), published as printed ('>99', "
               "'<1' or the number), percent, bound and low/high.", USGS),
    "ranked_lists": ("MCS Fig. 2 'Major import sources': countries in order, without shares.", USGS),
    "ranked_countries": ("The countries of each ranked list, by rank.", USGS),
    "headline_counts": ("The counts USGS itself publishes (commodities at 100% and over 50%), which the data must "
                        "reproduce.", CITED),
    "countries": ("Countries by ISO 3166-1 alpha-2 code (EU for the European Union), with the names USGS prints.",
                  CITED),
    "country_groups": ("Groups of countries (FTA partners, MSP, G7, NATO, FEOC, ...) as of the date checked.", CITED),
    "country_group_members": ("The members of each country group.", CITED),
    "targets": ("Stated supply targets (allied share, autonomy rate); verified is false while no primary source "
                "states the figure.", CITED),
    "world_series": ("World production, capacity and reserves tables of the MCS chapters, one row per statistic "
                     "and year, with the world total as printed.", USGS),
    "world_figures": ("Each country's figure of a world table as printed, with its number and range.", USGS),
    "world_skipped": ("Chapters whose world tables the data does not hold, and why.", USGS),
    "export_controls": ("Export controls on critical minerals as their sources word them, with their status as of "
                        "status_as_of.", CITED),
    "export_control_minerals": ("The minerals each export control covers.", CITED),
    "stat_series": ("U.S. salient statistics of the MCS chapters (production, trade, consumption, prices, ...), one "
                    "row per series.", USGS),
    "stat_values": ("Each year's value of a salient-statistics series as printed, with its number and range.", USGS),
    "stat_chapter_notes": ("Each chapter's own note on its units.", USGS),
    "policy_prices": ("Published policy prices (price floors), with where they were stated.", CITED),
    "exposure_basis": ("The edition and allied set the exposure figures were computed with (the defaults of "
                       "`minerals exposure`).", OURS),
    "exposure_sources": ("The exposure analysis's own records (what `minerals exposure --format csv` prints), one "
                         "per mineral x import source: share and exposure (NIR x share / 100, percentage points of "
                         "U.S. consumption) with bound, low and high; reliance_id and share_list_id are the rows "
                         "they were computed from.", OURS),
    "exposure": ("View: one row per mineral x import source with its computed exposure (exposure_sources joined to "
                 "minerals and the citations of the figures used).", OURS),
    "mineral_reliance": ("View: each mineral's net import reliance by edition, through its commodity (via "
                         "'commodity') and through more specific records (via their level).", USGS),
    "mineral_shares": ("View: each mineral's import shares by share list, through its commodity and more specific "
                       "records.", USGS),
    "list_minerals": ("View: each list's minerals by name, with how the list names them.", CITED),
}


def metadata(database: Path, version: str, existing: Optional[dict] = None) -> dict[str, Any]:
    """The metadata of the export `database` (its stem is Datasette's name for it); other databases of `existing` kept."""
    tables = {name: {"title": name.replace("_", " ").strip().capitalize(), "description": words, **origin}
              for name, (words, origin) in TABLES.items()}
    databases = dict((existing or {}).get("databases", {}))
    databases[database.stem] = {
        "title": "U.S. critical minerals: lists, import reliance and import sources",
        "description": "Every dataset of minerals as normalised tables with foreign keys; every figure row refers "
                       "to its citation.",
        "tables": tables,
    }
    return {
        "title": "minerals: U.S. dependence on imported critical minerals",
        "description": "Critical-minerals lists, USGS net import reliance by edition, import sources, world "
                       "production, export controls and salient statistics, exported by `minerals export`.",
        **USGS,
        "databases": databases,
        MARK: {"tool": "minerals", "version": version, "database": database.name},
    }


def read_ours(path: Path) -> Optional[dict]:
    """The content of a metadata.json this tool wrote, or None for any other file (or none)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return found if isinstance(found, dict) and isinstance(found.get(MARK), dict) else None


def document(meta: dict) -> bytes:
    return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
