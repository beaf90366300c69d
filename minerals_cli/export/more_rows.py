"""The rows of the optional data files (world tables, export controls, salient statistics, policy prices) and of
the exposure analysis, inserted into the export's tables (tables.py)."""

from __future__ import annotations

from .rows import Citations, insert, joined, lines
from .tables import EXPOSURE_COLUMNS


def world(db, cite: Citations, data) -> None:
    """Each world series as printed, its total on the series' row, one figure row per country (or Other)."""
    from ..dataset.records import parse_world_value

    cid = cite(data.source)
    for s in data.series:
        total = s.total
        value, qualifier, low, high = parse_world_value(total.published) if total else (None, None, None, None)
        insert(db, "world_series", id=s.id, edition=data.edition, chapter=s.chapter, commodity_id=s.commodity,
               section=s.section, statistic=s.statistic, detail=s.detail, stage=s.stage, unit=s.unit, year=s.year,
               rounded=s.rounded, total_published=total.published if total else None, total_value=value,
               total_qualifier=qualifier, total_low=low, total_high=high,
               total_estimated=total.estimated if total else None, total_note=total.note if total else None,
               citation_id=cid)
        for position, e in enumerate(s.entries, 1):
            value, qualifier, low, high = parse_world_value(e.published)
            insert(db, "world_figures", series_id=s.id, position=position, country=e.country, name=e.name,
                   published=e.published, value=value, qualifier=qualifier, low=low, high=high,
                   estimated=e.estimated, note=e.note, citation_id=cid)
    for skipped in data.skipped:
        insert(db, "world_skipped", chapter=skipped.chapter, reason=skipped.reason)


def controls(db, cite: Citations, data) -> None:
    """Each export control as its source words it; its status is the file's, as of `status_as_of`."""
    for m in data.measures:
        insert(db, "export_controls", id=m.id, country=m.country, country_name=m.country_name, measure=m.measure,
               title=m.title, kind=m.kind, scope=m.scope, items_as_published=m.items_as_published,
               forms=joined(m.forms), announced=m.announced, effective=m.effective, status=m.status,
               status_as_of=data.as_of, suspended_from=m.suspended_from, suspended_until=m.suspended_until,
               lifted_on=m.lifted_on, aggregate=m.aggregate, confidence=m.confidence,
               other_sources=lines(m.other_sources), citation_id=cite(m.source))
        for mid in dict.fromkeys(m.minerals):
            insert(db, "export_control_minerals", control_id=m.id, mineral_id=mid)


def stats(db, cite: Citations, data) -> None:
    """Each salient-statistics series and its values by year, as printed beside the number they give."""
    from ..dataset.records import parse_stat_value

    cid = cite(data.source)
    for chapter in data.chapters:
        insert(db, "stat_chapter_notes", chapter=chapter.chapter, note=chapter.note)
    for s in data.series:
        insert(db, "stat_series", id=s.id, edition=data.edition, chapter=s.chapter, commodity_id=s.commodity,
               product=s.product, statistic=s.statistic, detail=s.detail, unit=s.unit, note=s.note, citation_id=cid)
        for v in s.years:
            value, qualifier, low, high = parse_stat_value(v.published)
            insert(db, "stat_values", series_id=s.id, year=v.year, published=v.published, value=value,
                   qualifier=qualifier, low=low, high=high, estimated=v.estimated, note=v.note, citation_id=cid)


def policy_prices(db, cite: Citations, data) -> None:
    for p in data.prices:
        insert(db, "policy_prices", id=p.id, commodity_id=p.commodity, product=p.product, kind=p.kind, value=p.value,
               unit=p.unit, since=p.since, term=p.term, verified=p.verified, note=p.note, compare_with=p.compare_with,
               citation_id=cite(p.stated_in))


def exposures(db, results, allies) -> None:
    """The exposure analysis's own records, one per mineral x import source, each tied to the rows it used."""
    edition = next((r.edition for r in results if r.edition is not None), None)
    insert(db, "exposure_basis", edition=edition, allies=allies.spec, allied_countries=joined(allies.countries),
           note=allies.note)
    reliance_ids = {(c, e): i for i, c, e in db.execute("SELECT id, commodity_id, edition FROM reliance")}
    share_ids = {tuple(k): i for i, *k in db.execute("SELECT id, commodity_id, edition, period, category "
                                                      "FROM share_lists ORDER BY id DESC")}
    ranked_ids = {tuple(k): i for i, *k in db.execute("SELECT id, commodity_id, edition, period FROM ranked_lists")}
    for r in results:
        record = {x.figure: x.record for x in r.levels}
        rel, basis, ranked = r.reliance, r.import_shares, r.ranked_sources
        links = {
            "reliance_id": reliance_ids.get((record.get("net import reliance", r.commodity), rel.edition)) if rel else None,
            "share_list_id": share_ids.get((record.get("import shares", r.commodity), basis.edition, basis.period,
                                            basis.category)) if basis else None,
            "ranked_list_id": ranked_ids.get((r.commodity, ranked.edition, ranked.period)) if ranked else None,
        }
        for row in r.to_records():
            insert(db, "exposure_sources", **{c: row[c] for c in EXPOSURE_COLUMNS}, **links)
