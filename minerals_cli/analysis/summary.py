"""`minerals summary`: the headline counts of import reliance, beside the counts USGS published.

USGS publishes, in each Mineral Commodity Summaries edition, how many critical
minerals were 100% net import reliant and how many more were over 50%.
Reproducing those counts from the YAML is the acceptance test of the data and
of the counting rules, so `summary` puts each computed count beside the
published one.

Counting rules (docs/design.md, "Counting rules"; they reproduce the counts
of all three editions in the data):

* the units are the minerals named on the list; under the rule "rare earths
  as one group" the lanthanides sharing the rare-earths record count once;
* "at 100%" is an exact published 100;
* "over 50%" is an exact value above 50 (below 100), or a lower bound '>N'
  with N >= 50 ('>95' counts, '>25' does not: it straddles 50);
* only MCS figures count (EIA figures for fuels are shown, not counted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.summary import HeadlineCheck, LeadingCount, SummaryResult, SummaryRow
from .groups import REE_GROUP
from .leading import Leader, leader_of
from .scope import counted_list, edition_info, edition_or_default
from .supply import by_commodity, commodity_index, supply_of

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile

GROUP_RULE = "rare earths as one group"
SINGLE_RULE = "lanthanides individually"


def headline_for(imports: ImportDependenceFile, edition: int, list_id: str):
    """The count USGS published for that edition and list, if any."""
    return next((h for h in imports.headline_counts if h.edition == edition and h.list == list_id), None)


def counting_rule(imports: ImportDependenceFile, edition: int, list_id: str) -> str:
    """The rule of the published count for this edition and list, else the edition's own rule."""
    exact = headline_for(imports, edition, list_id)
    if exact:
        return exact.rule
    same_edition = [h for h in imports.headline_counts if h.edition == edition]
    return same_edition[0].rule if same_edition else SINGLE_RULE


def reliance_of(commodity, edition: int):
    """The commodity's NIR record of the edition, if any."""
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


def units_of_list(minerals: MineralsFile, list_id: str, rule: str) -> list[tuple[str, str, list, Optional[str]]]:
    """(id, name, member minerals, commodity) for each counted unit of a list.

    Under the group rule the rare earths sharing a commodity are one unit,
    named by the commodity; every other mineral counts alone.
    """
    def merged(m) -> bool:
        return rule == GROUP_RULE and m.group == REE_GROUP

    units = []
    for commodity, members in by_commodity(minerals, list_id, merge=merged):
        first = members[0]
        if merged(first) and commodity:
            units.append((commodity, commodity, [m.id for m in members], commodity))
        else:
            units.append((first.id, first.name, [first.id], commodity))
    return sorted(units, key=lambda u: u[0])


def summarize(
    minerals: MineralsFile, imports: ImportDependenceFile, edition: Optional[int] = None, list_id: Optional[str] = None
) -> SummaryResult:
    """Counts at 100% and over 50% for one edition and list, beside the counts USGS published.

    Without an edition, the latest with figures; without a list, the one
    USGS counted against in that edition.
    """
    edition = edition_or_default(imports, edition)
    info = edition_info(imports, edition)
    chosen = list_id if list_id is not None else counted_list(minerals, imports, edition)
    rule = counting_rule(imports, edition, chosen)
    headline = headline_for(imports, edition, chosen)
    commodities = commodity_index(imports)
    counted = [_row(unit, commodities, edition) for unit in units_of_list(minerals, chosen, rule)]
    rows = [row for row, _ in counted]
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
        notes=_notes(counted, headline, edition, chosen, rule, match),
    )


def _row(unit, commodities, edition: int) -> tuple[SummaryRow, Optional[Leader]]:
    uid, name, members, cid = unit
    commodity = commodities.get(cid) if cid else None
    rel = reliance_of(commodity, edition)
    leader = leader_of(supply_of(commodities, cid, edition))
    known = leader is not None and bool(leader.countries)
    row = SummaryRow(
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
        leading_source=leader.single[0] if known and leader.single else None,
        leading_source_name=leader.name if known else None,
        leading_from=leader.basis if known else None,
    )
    return row, leader


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


def _notes(counted, headline, edition, list_id, rule, match) -> list[str]:
    rows = [row for row, _ in counted]
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
    missing = [r.id for r, leader in counted if leader is None]
    if missing:
        notes.append("no import source in this tool's data for: " + ", ".join(missing))
    undecided = [f"{r.id} ({leader.unknown})" for r, leader in counted if leader is not None and leader.unknown]
    if undecided:
        notes.append("leading source unknown, not counted for any country: " + "; ".join(undecided))
    tied = [f"{r.id} ({r.leading_source_name})" for r, leader in counted if leader is not None and len(leader.countries) > 1]
    if tied:
        notes.append("equal largest shares, counted for no single country: " + "; ".join(tied))
    notes.append("leading source: the largest share of the list that stands for the whole commodity (category "
                 "'all' first), else the first country of Fig. 2's ordered list; the lists exposure and country use "
                 "for this edition, whether or not the reliance is known")
    return notes
