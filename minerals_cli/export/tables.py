"""The tables and views of the export: one place declares them, so the docs and metadata name the same columns.

Normalised: each published thing is one row of its own table, tables refer
to one another by foreign keys, and every row that holds a figure names
its citation (`citation_id`, NOT NULL) in `citations`, one row per
distinct citation.  Figures keep their published form (`published`) beside
the number (`value` or `percent`), with the bound USGS printed (`bound`,
`low`, `high`: docs/design.md, "Bounds").  `exposure_sources` holds the
exposure analysis's own records (ExposureResult.to_records), so its
figures are those `minerals exposure` prints, bounds included.
"""

from __future__ import annotations

FORMAT = 1  # the layout of the export; a new layout changes it
TOOL = "minerals"
MARK_TABLE = "_minerals_export"

TABLES = """
CREATE TABLE _minerals_export (
  tool TEXT NOT NULL, version TEXT NOT NULL, format INTEGER NOT NULL, created_from TEXT NOT NULL);
CREATE TABLE citations (
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, table_ref TEXT, url TEXT, note TEXT);
CREATE TABLE editions (
  edition INTEGER PRIMARY KEY, data_year INTEGER NOT NULL, shares_period TEXT NOT NULL, title TEXT NOT NULL,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE lists (
  id TEXT PRIMARY KEY, origin TEXT NOT NULL, jurisdiction TEXT NOT NULL, series TEXT, title TEXT NOT NULL,
  status TEXT, published TEXT NOT NULL, stated_count INTEGER NOT NULL, complete INTEGER NOT NULL,
  previous_final TEXT REFERENCES lists(id), adds_to TEXT REFERENCES lists(id), by_reference TEXT,
  legal_basis TEXT, count_note TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE commodities (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, form TEXT,
  part_of TEXT REFERENCES commodities(id), headline TEXT, notes TEXT);
CREATE TABLE minerals (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, symbol TEXT, group_name TEXT, kind TEXT NOT NULL, origin TEXT NOT NULL,
  commodity_id TEXT REFERENCES commodities(id), aliases TEXT, notes TEXT);
CREATE TABLE mineral_splits (
  entry_id TEXT NOT NULL REFERENCES minerals(id), mineral_id TEXT NOT NULL REFERENCES minerals(id),
  PRIMARY KEY (entry_id, mineral_id));
CREATE TABLE commodity_minerals (
  commodity_id TEXT NOT NULL REFERENCES commodities(id), mineral_id TEXT NOT NULL REFERENCES minerals(id),
  PRIMARY KEY (commodity_id, mineral_id));
CREATE TABLE list_entries (
  id INTEGER PRIMARY KEY, list_id TEXT NOT NULL REFERENCES lists(id), position INTEGER NOT NULL, entry TEXT NOT NULL,
  mapping TEXT NOT NULL, qualifier TEXT, expanded TEXT, confidence TEXT NOT NULL, note TEXT);
CREATE TABLE list_members (
  id INTEGER PRIMARY KEY, list_id TEXT NOT NULL REFERENCES lists(id), mineral_id TEXT NOT NULL REFERENCES minerals(id),
  how TEXT NOT NULL, wording TEXT, via TEXT REFERENCES minerals(id), entry_id INTEGER REFERENCES list_entries(id),
  compiled INTEGER, covered INTEGER);
CREATE TABLE reliance (
  id INTEGER PRIMARY KEY, commodity_id TEXT NOT NULL REFERENCES commodities(id),
  edition INTEGER NOT NULL REFERENCES editions(edition), year INTEGER NOT NULL, published TEXT NOT NULL,
  value REAL, qualifier TEXT NOT NULL, bound TEXT NOT NULL, low REAL, high REAL, form TEXT, basis TEXT NOT NULL,
  reason TEXT, note TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id), UNIQUE (commodity_id, edition));
CREATE TABLE share_lists (
  id INTEGER PRIMARY KEY, commodity_id TEXT NOT NULL REFERENCES commodities(id),
  edition INTEGER NOT NULL REFERENCES editions(edition), period TEXT NOT NULL, category TEXT NOT NULL,
  whole INTEGER NOT NULL, complete INTEGER NOT NULL, named REAL NOT NULL, other REAL NOT NULL,
  unattributed REAL NOT NULL, trust TEXT, note TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE shares (
  id INTEGER PRIMARY KEY, share_list_id INTEGER NOT NULL REFERENCES share_lists(id), position INTEGER NOT NULL,
  country TEXT REFERENCES countries(code), name TEXT NOT NULL, published TEXT NOT NULL, percent REAL NOT NULL,
  bound TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE ranked_lists (
  id INTEGER PRIMARY KEY, commodity_id TEXT NOT NULL REFERENCES commodities(id),
  edition INTEGER NOT NULL REFERENCES editions(edition), period TEXT NOT NULL,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE ranked_countries (
  ranked_list_id INTEGER NOT NULL REFERENCES ranked_lists(id), rank INTEGER NOT NULL,
  country TEXT NOT NULL REFERENCES countries(code), name TEXT NOT NULL,
  citation_id INTEGER NOT NULL REFERENCES citations(id), PRIMARY KEY (ranked_list_id, rank));
CREATE TABLE headline_counts (
  id INTEGER PRIMARY KEY, edition INTEGER NOT NULL REFERENCES editions(edition),
  list_id TEXT NOT NULL REFERENCES lists(id), rule TEXT NOT NULL, at_100 INTEGER NOT NULL, over_50 INTEGER NOT NULL,
  note TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE countries (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT, citation_id INTEGER REFERENCES citations(id));
CREATE TABLE country_groups (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, as_of TEXT NOT NULL, note TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE country_group_members (
  group_id TEXT NOT NULL REFERENCES country_groups(id), country TEXT NOT NULL REFERENCES countries(code),
  PRIMARY KEY (group_id, country));
CREATE TABLE targets (
  id TEXT PRIMARY KEY, description TEXT NOT NULL, kind TEXT NOT NULL, value REAL NOT NULL, baseline REAL,
  year INTEGER, verified INTEGER NOT NULL, note TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE world_series (
  id TEXT PRIMARY KEY, edition INTEGER NOT NULL, chapter TEXT NOT NULL, commodity_id TEXT REFERENCES commodities(id),
  section TEXT NOT NULL, statistic TEXT NOT NULL, detail TEXT NOT NULL, stage TEXT NOT NULL, unit TEXT NOT NULL,
  year INTEGER NOT NULL, rounded INTEGER NOT NULL, total_published TEXT, total_value REAL, total_qualifier TEXT,
  total_low REAL, total_high REAL, total_estimated INTEGER, total_note TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE world_figures (
  id INTEGER PRIMARY KEY, series_id TEXT NOT NULL REFERENCES world_series(id), position INTEGER NOT NULL,
  country TEXT REFERENCES countries(code), name TEXT NOT NULL, published TEXT NOT NULL, value REAL,
  qualifier TEXT NOT NULL, low REAL, high REAL, estimated INTEGER NOT NULL, note TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE world_skipped (chapter TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE export_controls (
  id TEXT PRIMARY KEY, country TEXT NOT NULL, country_name TEXT NOT NULL, measure TEXT NOT NULL, title TEXT NOT NULL,
  kind TEXT NOT NULL, scope TEXT NOT NULL, items_as_published TEXT NOT NULL, forms TEXT, announced TEXT,
  effective TEXT, status TEXT NOT NULL, status_as_of TEXT NOT NULL, suspended_from TEXT, suspended_until TEXT,
  lifted_on TEXT, aggregate INTEGER NOT NULL, confidence TEXT NOT NULL, other_sources TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE export_control_minerals (
  control_id TEXT NOT NULL REFERENCES export_controls(id), mineral_id TEXT NOT NULL REFERENCES minerals(id),
  PRIMARY KEY (control_id, mineral_id));
CREATE TABLE stat_series (
  id TEXT PRIMARY KEY, edition INTEGER NOT NULL, chapter TEXT NOT NULL, commodity_id TEXT REFERENCES commodities(id),
  product TEXT NOT NULL, statistic TEXT NOT NULL, detail TEXT NOT NULL, unit TEXT NOT NULL, note TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE stat_values (
  series_id TEXT NOT NULL REFERENCES stat_series(id), year INTEGER NOT NULL, published TEXT NOT NULL, value REAL,
  qualifier TEXT NOT NULL, low REAL, high REAL, estimated INTEGER NOT NULL, note TEXT,
  citation_id INTEGER NOT NULL REFERENCES citations(id), PRIMARY KEY (series_id, year));
CREATE TABLE stat_chapter_notes (chapter TEXT PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE policy_prices (
  id TEXT PRIMARY KEY, commodity_id TEXT NOT NULL REFERENCES commodities(id), product TEXT NOT NULL,
  kind TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, since TEXT NOT NULL, term TEXT,
  verified INTEGER NOT NULL, note TEXT, compare_with TEXT, citation_id INTEGER NOT NULL REFERENCES citations(id));
CREATE TABLE exposure_basis (
  edition INTEGER NOT NULL REFERENCES editions(edition), allies TEXT NOT NULL, allied_countries TEXT NOT NULL,
  note TEXT NOT NULL);
"""

# The columns of ExposureResult.to_records(), in their order: exposure_sources stores them as they are.
EXPOSURE_COLUMNS = [
    "mineral", "name", "form", "nir", "nir_published", "nir_bound", "nir_edition", "nir_year",
    "allied_share", "allied_share_bound", "allied_share_low", "allied_share_high",
    "china_share", "china_share_bound", "china_share_low", "china_share_high",
    "shares_edition", "shares_period", "rank", "country", "country_name",
    "share", "share_bound", "share_low", "share_high", "exposure", "exposure_bound", "exposure_low", "exposure_high",
    "allied", "feoc", "leading",
]
_TEXT = {"mineral", "name", "form", "nir_published", "nir_bound", "allied_share_bound", "china_share_bound",
         "shares_period", "country", "country_name", "share_bound", "exposure_bound"}
_INTEGER = {"nir_edition", "nir_year", "shares_edition", "rank", "allied", "feoc", "leading"}


def exposure_table() -> str:
    """exposure_sources: the records' columns, the mineral a foreign key, and the rows the figures come from."""
    def kind(column: str) -> str:
        return "TEXT" if column in _TEXT else "INTEGER" if column in _INTEGER else "REAL"

    columns = [f"{c} {kind(c)}" + (" NOT NULL REFERENCES minerals(id)" if c == "mineral" else "")
               for c in EXPOSURE_COLUMNS]
    columns += ["reliance_id INTEGER REFERENCES reliance(id)", "share_list_id INTEGER REFERENCES share_lists(id)",
                "ranked_list_id INTEGER REFERENCES ranked_lists(id)"]
    return "CREATE TABLE exposure_sources (\n  id INTEGER PRIMARY KEY, " + ", ".join(columns) + ");\n"


# The views answer the common questions with the joins written once.
VIEWS = {
    "exposure": """
SELECT e.mineral, m.name AS mineral_name, e.rank, e.country, e.country_name,
  e.share, e.share_bound, e.share_low, e.share_high,
  e.exposure, e.exposure_bound, e.exposure_low, e.exposure_high,
  e.nir, e.nir_published, e.nir_bound, e.nir_edition, e.shares_edition, e.shares_period,
  e.allied, e.feoc, e.leading, cr.source AS nir_source, cs.source AS shares_source
FROM exposure_sources e JOIN minerals m ON m.id = e.mineral
LEFT JOIN reliance r ON r.id = e.reliance_id LEFT JOIN citations cr ON cr.id = r.citation_id
LEFT JOIN share_lists sl ON sl.id = e.share_list_id
LEFT JOIN ranked_lists rl ON rl.id = e.ranked_list_id
LEFT JOIN citations cs ON cs.id = COALESCE(sl.citation_id, rl.citation_id)
WHERE e.rank IS NOT NULL""",
    "mineral_reliance": """
SELECT m.id AS mineral, m.name AS mineral_name, x.via, c.id AS commodity_id, c.name AS commodity_name,
  r.edition, r.year, r.published, r.value, r.qualifier, r.bound, r.low, r.high, r.form, r.basis, r.reason, r.note,
  ci.source, ci.table_ref, ci.url, r.id AS reliance_id
FROM minerals m
JOIN (SELECT id AS mineral_id, commodity_id, 'commodity' AS via FROM minerals WHERE commodity_id IS NOT NULL
      UNION ALL SELECT cm.mineral_id, cm.commodity_id, k.level FROM commodity_minerals cm
      JOIN commodities k ON k.id = cm.commodity_id) x ON x.mineral_id = m.id
JOIN commodities c ON c.id = x.commodity_id JOIN reliance r ON r.commodity_id = c.id
JOIN citations ci ON ci.id = r.citation_id""",
    "mineral_shares": """
SELECT m.id AS mineral, m.name AS mineral_name, x.via, c.id AS commodity_id, c.name AS commodity_name,
  sl.edition, sl.period, sl.category, sl.whole, sl.complete, s.position, s.country, s.name AS country_name,
  s.published, s.percent, s.bound, s.low, s.high, ci.source, ci.table_ref, ci.url, sl.id AS share_list_id
FROM minerals m
JOIN (SELECT id AS mineral_id, commodity_id, 'commodity' AS via FROM minerals WHERE commodity_id IS NOT NULL
      UNION ALL SELECT cm.mineral_id, cm.commodity_id, k.level FROM commodity_minerals cm
      JOIN commodities k ON k.id = cm.commodity_id) x ON x.mineral_id = m.id
JOIN commodities c ON c.id = x.commodity_id JOIN share_lists sl ON sl.commodity_id = c.id
JOIN shares s ON s.share_list_id = sl.id JOIN citations ci ON ci.id = sl.citation_id""",
    "list_minerals": """
SELECT l.id AS list_id, l.origin, l.jurisdiction, l.title AS list_title, l.published, m.id AS mineral,
  m.name AS mineral_name, lm.how, lm.wording, lm.via, le.entry, le.mapping, le.qualifier
FROM list_members lm JOIN lists l ON l.id = lm.list_id JOIN minerals m ON m.id = lm.mineral_id
LEFT JOIN list_entries le ON le.id = lm.entry_id""",
}


def views_sql() -> str:
    return "".join(f"CREATE VIEW {name} AS{body};\n" for name, body in VIEWS.items())


# Tables whose rows hold a published figure: each names its citation (NOT NULL), a test joins them all.
FIGURE_TABLES = ("editions", "reliance", "share_lists", "shares", "ranked_lists", "ranked_countries",
                 "headline_counts", "targets", "world_series", "world_figures", "export_controls", "stat_series",
                 "stat_values", "policy_prices", "lists", "country_groups")
