"""Headline counts of import reliance, and the trade part of a mineral's profile.

USGS publishes, in each Mineral Commodity Summaries edition, how many critical
minerals were 100% net import reliant and how many more were over 50%.
Reproducing those counts from the YAML is the acceptance test of the data and
of the counting rules, so `summary` puts each computed count beside the
published one.

Counting rules (checked against the cross-check in
sources/import_reliance/README.md, which reproduces all three editions):

* the units are the minerals named on the list; under the rule "rare earths
  as one group" the lanthanides sharing the rare-earths record count once;
* "at 100%" is an exact published 100;
* "over 50%" is an exact value above 50 (below 100), or a lower bound '>N'
  with N >= 50 ('>95' counts, '>25' does not: it straddles 50);
* only MCS figures count (EIA figures for fuels are shown, not counted).
"""

from __future__ import annotations

from typing import Optional

from ..errors import UsageError
from ..models import (
    HeadlineCheck,
    ImportDependenceFile,
    LeadingCount,
    MineralsFile,
    PublishedNir,
    SummaryResult,
    SummaryRow,
    TradeProfile,
)

GROUP_RULE = "rare earths as one group"
SINGLE_RULE = "lanthanides individually"
REE_GROUP = "rare earth element"
DEFAULT_LISTS = {2024: "2022", 2025: "2022", 2026: "2025"}


def edition_info(trade: ImportDependenceFile, edition: int):
    for info in trade.editions:
        if info.edition == edition:
            return info
    valid = ", ".join(str(e.edition) for e in trade.editions)
    raise UsageError(f"unknown edition {edition}", f"valid editions: {valid}")


def default_list(trade: ImportDependenceFile, edition: int) -> str:
    """The list USGS counted against in that edition (from its headline count, else the table above)."""
    for h in trade.headline_counts:
        if h.edition == edition:
            return h.list
    return DEFAULT_LISTS.get(edition, "2025")


def headline_for(trade: ImportDependenceFile, edition: int, list_id: str):
    return next((h for h in trade.headline_counts if h.edition == edition and h.list == list_id), None)


def counting_rule(trade: ImportDependenceFile, edition: int, list_id: str) -> str:
    """The rule of the published count for this edition and list, else the edition's own rule."""
    exact = headline_for(trade, edition, list_id)
    if exact:
        return exact.rule
    same_edition = [h for h in trade.headline_counts if h.edition == edition]
    return same_edition[0].rule if same_edition else SINGLE_RULE


def commodity_index(trade: ImportDependenceFile) -> dict:
    return {c.id: c for c in trade.commodities}


def reliance_of(commodity, edition: int):
    if commodity is None:
        return None
    return next((r for r in commodity.reliance if r.edition == edition), None)


def classify(rel) -> str:
    """How one NIR record counts under the headline rules."""
    if rel is None or rel.value is None:
        return "unknown"
    if rel.basis != "MCS NIR":
        return "not MCS"
    q, v = rel.qualifier, rel.value
    if q == "exact" and v == 100:
        return "at 100"
    if (q == "exact" and v > 50) or (q == ">" and v >= 50):
        return "over 50"
    if (q == ">" and v < 50) or (q == "<" and v > 50):
        return "straddles 50"
    return "not over 50"


def leading_source(commodity, edition: int) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(ISO code, name, 'shares'|'ranked'): the largest named share of the whole list, else Fig. 2's first."""
    if commodity is None:
        return None, None, None
    for shares in commodity.import_shares:
        if shares.edition == edition and shares.whole:
            named = [s for s in shares.shares if s.country]
            if named:
                top = max(named, key=lambda s: s.percent)  # first printed wins a tie
                return top.country, top.name, "shares"
    for ranked in commodity.ranked_sources:
        if ranked.edition == edition and ranked.countries:
            first = ranked.countries[0]
            return first.country, first.name, "ranked"
    return None, None, None


def units_of_list(minerals: MineralsFile, list_id: str, rule: str) -> list[tuple[str, str, list, Optional[str]]]:
    """(id, name, member minerals, commodity) for each counted unit of a list."""
    units: dict[str, tuple[str, str, list, Optional[str]]] = {}
    for m in minerals.minerals:
        if list_id not in m.lists:
            continue
        if rule == GROUP_RULE and m.group == REE_GROUP and m.commodity:
            key = m.commodity
            _, _, members, _ = units.setdefault(key, (key, key, [], m.commodity))
            members.append(m.id)
        else:
            units[m.id] = (m.id, m.name, [m.id], m.commodity)
    return sorted(units.values(), key=lambda u: u[0])


def summarize(minerals: MineralsFile, trade: ImportDependenceFile, edition: int, list_id: Optional[str]) -> SummaryResult:
    """Counts at 100% and over 50% for one edition and list, beside the counts USGS published."""
    info = edition_info(trade, edition)
    chosen = list_id or default_list(trade, edition)
    rule = counting_rule(trade, edition, chosen)
    headline = headline_for(trade, edition, chosen)
    commodities = commodity_index(trade)
    rows = [_row(unit, commodities, edition) for unit in units_of_list(minerals, chosen, rule)]
    at_100 = [r.id for r in rows if r.status == "at 100"]
    over_50 = [r.id for r in rows if r.status == "over 50"]
    check_100 = _check(at_100, headline.at_100 if headline else None)
    check_50 = _check(over_50, headline.over_50 if headline else None)
    match = None if headline is None else bool(check_100.match and check_50.match)
    return SummaryResult(
        edition=edition,
        data_year=info.data_year,
        list=chosen,
        rule=rule,
        units=len(rows),
        at_100=check_100,
        over_50=check_50,
        published_available=headline is not None,
        match=match,
        headline_source=headline.source if headline else None,
        leading_sources=_leading_counts(rows),
        rows=rows,
        unknown=[r.id for r in rows if r.status == "unknown"],
        notes=_notes(rows, headline, edition, chosen, rule, match),
    )


def _row(unit, commodities, edition: int) -> SummaryRow:
    uid, name, members, cid = unit
    commodity = commodities.get(cid) if cid else None
    rel = reliance_of(commodity, edition)
    code, source_name, how = leading_source(commodity, edition)
    return SummaryRow(
        id=uid,
        name=commodity.name if len(members) > 1 and commodity else name,
        members=members,
        commodity=cid,
        published=rel.published if rel else None,
        value=rel.value if rel else None,
        qualifier=rel.qualifier if rel else None,
        basis=rel.basis if rel else None,
        status=classify(rel),
        reason=(rel.reason if rel else ("no commodity record" if cid is None else "no record for this edition")),
        leading_source=code,
        leading_source_name=source_name,
        leading_from=how,
    )


def _check(ids: list[str], published: Optional[int]) -> HeadlineCheck:
    return HeadlineCheck(
        computed=len(ids), published=published, match=None if published is None else len(ids) == published, minerals=ids
    )


def _leading_counts(rows: list[SummaryRow]) -> list[LeadingCount]:
    by_country: dict[str, list[SummaryRow]] = {}
    for r in rows:
        if r.leading_source:
            by_country.setdefault(r.leading_source, []).append(r)
    counts = [
        LeadingCount(
            country=code,
            name=group[0].leading_source_name or code,
            count=len(group),
            count_over_50=sum(r.status in ("at 100", "over 50") for r in group),
            minerals=[r.id for r in group],
        )
        for code, group in by_country.items()
    ]
    return sorted(counts, key=lambda c: (-c.count, c.country))


def _notes(rows, headline, edition, list_id, rule, match) -> list[str]:
    notes = [
        f"rule: {rule}; 'at 100%' is an exact 100, 'over 50%' an exact value above 50 or a bound '>N' with N >= 50, "
        "excluding 100; only MCS figures count"
    ]
    if headline is None:
        notes.append(f"USGS published no count for MCS {edition} and the {list_id} list; computed counts only")
    elif match is False:
        notes.append("computed counts differ from the published ones: check the minerals listed against the "
                     "published figure and the rule")
    straddle = [f"{r.id} ({r.published})" for r in rows if r.status == "straddles 50"]
    if straddle:
        notes.append("bounds that straddle 50%, not counted: " + ", ".join(straddle))
    unknown = [f"{r.id}: {r.reason}" if r.reason else r.id for r in rows if r.status == "unknown"]
    if unknown:
        notes.append("unknown NIR, not counted: " + "; ".join(unknown))
    other = [f"{r.id} ({r.published}, {r.basis})" for r in rows if r.status == "not MCS"]
    if other:
        notes.append("not MCS figures, not counted: " + ", ".join(other))
    missing = [r.id for r in rows if r.leading_source is None]
    if missing:
        notes.append("no import source published for: " + ", ".join(missing))
    notes.append("leading source: the largest share of the list that stands for the whole commodity, else the "
                 "first country of Fig. 2's ordered list")
    return notes


# --------------------------------------------------------------------------
# `minerals show`: reliance history and import sources of one mineral


def trade_profile(trade: ImportDependenceFile, mineral) -> Optional[TradeProfile]:
    """The reliance history (every edition) and import sources of the mineral's commodity."""
    if not mineral.commodity:
        return None
    commodity = commodity_index(trade).get(mineral.commodity)
    if commodity is None:
        return None
    inherited = None
    if mineral.group == REE_GROUP and mineral.commodity == "rare earths":
        inherited = ("figures of the rare-earths group (compounds and metals): USGS publishes no net import "
                     f"reliance for {mineral.name} alone")
    latest = max((s.edition for s in commodity.import_shares), default=None)
    return TradeProfile(
        commodity=commodity.id,
        commodity_name=commodity.name,
        form=commodity.form,
        inherited=inherited,
        reliance=[PublishedNir.of(r) for r in sorted(commodity.reliance, key=lambda r: r.edition)],
        import_shares=_shares_for(commodity, latest, mineral),
        ranked_sources=sorted(commodity.ranked_sources, key=lambda r: r.edition),
        notes=list(commodity.notes),
    )


def _shares_for(commodity, edition, mineral) -> list:
    """The latest edition's lists; for a lanthanide, the group's whole list and its own element list first."""
    lists = [s for s in commodity.import_shares if s.edition == edition]
    if mineral.group == REE_GROUP:
        own = [s for s in lists if s.category.lower().startswith(mineral.name.lower())]
        whole = [s for s in lists if s.whole]
        return whole + own
    return sorted(lists, key=lambda s: not s.whole)
