"""The data of the net-import-reliance bar chart that opens each MCS edition.

USGS charts commodities, not list entries: the lanthanides share one
figure, so they share one bar, labelled with the commodity and listing the
minerals it stands for.  A bar is drawn only for a published figure: a
number, a bound (`>50` drawn at 50 and marked as "at least", `<25` at 25 and
marked "at most") or `E` (net exporter, drawn at 0).  Everything else (W,
NA, no record, no commodity) is listed as unknown with the reason, never
drawn as 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.chart import ChartBar, ChartResult, ChartUnknown, LeadingSource
from .leading import Leader, leader_of
from .scope import edition_info, edition_or_default, list_in_force
from .supply import Supply, by_commodity, commodity_index, supply_of

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile

ORDER = {">": 0, "exact": 1, "<": 2, "E": 3}


def chart(
    minerals: MineralsFile,
    imports: ImportDependenceFile,
    edition: Optional[int] = None,
    list_id: Optional[str] = None,
    how_to_choose: str = "",
) -> ChartResult:
    """Bars for the critical minerals of a list in one MCS edition, highest reliance first.

    Without an edition, the latest with figures; without a list, the final
    list in force when that edition was published (the one USGS charted),
    and a note saying so, ending with `how_to_choose` (the caller's words for
    choosing another list).
    """
    edition = edition_or_default(imports, edition)
    info = edition_info(imports, edition)
    chosen = list_id if list_id is not None else list_in_force(minerals, edition)
    commodities = commodity_index(imports)
    bars: list[ChartBar] = []
    unknown: list[ChartUnknown] = []
    for commodity_id, members in by_commodity(minerals, chosen):
        commodity = commodities.get(commodity_id) if commodity_id else None
        label = members[0].name if len(members) == 1 or commodity is None else commodity.name
        names = [m.id for m in members]
        if commodity is None:
            why = "no trade record" if commodity_id else "no MCS commodity recorded for it"
            unknown.append(ChartUnknown(label=label, minerals=names, commodity=commodity_id, published=None, reason=why))
            continue
        bar_or_gap = _bar(commodity, edition, label, names, leading_source(supply_of(commodities, commodity_id, edition)))
        (bars if isinstance(bar_or_gap, ChartBar) else unknown).append(bar_or_gap)
    bars.sort(key=lambda b: (-b.value, ORDER[b.qualifier], b.label))
    unknown.sort(key=lambda u: u.label)
    return ChartResult(
        title=f"U.S. net import reliance, critical minerals of the {chosen} list, MCS {edition} (data year {info.data_year})",
        edition=edition,
        data_year=info.data_year,
        list=chosen,
        bars=bars,
        unknown=unknown,
        notes=_notes(bars, unknown, chosen, info, list_id is not None, how_to_choose),
        citation=info.citation,
    )


def _bar(commodity, edition: int, label: str, names: list[str], lead: Optional[LeadingSource]):
    """The commodity's bar, or why it has none; the leading source either way (it needs no reliance)."""
    record = next((r for r in commodity.reliance if r.edition == edition), None)
    if record is None:
        return ChartUnknown(
            label=label, minerals=names, commodity=commodity.id, published=None,
            reason=f"no net import reliance in MCS {edition}", leading_source=lead,
        )
    value, qualifier = record.value, record.qualifier
    if value is None:
        return ChartUnknown(
            label=label, minerals=names, commodity=commodity.id, published=record.published,
            reason=record.reason or f"{record.published} in MCS {edition}", leading_source=lead,
        )
    return ChartBar(
        commodity=commodity.id,
        label=label,
        minerals=names,
        published=record.published,
        value=value,
        qualifier=qualifier,
        bound={">": "lower", "<": "upper"}.get(qualifier),
        net_exporter=qualifier == "E",
        form=record.form or commodity.form,
        basis=record.basis,
        leading_source=lead,
        source=record.source,
    )


def leading_source(supply: Supply) -> Optional[LeadingSource]:
    """The leading source of the lists the run uses (leading.leader_of); equal shares are named together.

    A tie has no single ISO code: `country` is null and `name` names the tied countries.
    """
    leader: Optional[Leader] = leader_of(supply)
    if leader is None or not leader.countries:
        return None
    code = leader.single[0] if leader.single else None
    listed = supply.shares if leader.basis == "shares" else supply.ranked
    return LeadingSource(
        country=code, name=leader.name, percent=leader.percent, published=leader.published,
        period=leader.period, basis=leader.basis, source=listed.source if listed is not None else None,
    )


def _notes(bars: list[ChartBar], unknown: list[ChartUnknown], list_id: str, info, list_chosen: bool,
           how_to_choose: str) -> list[str]:
    edition, notes = info.edition, []
    if not list_chosen:
        notes.append(f"list {list_id}: the final list in force when MCS {edition} was published{how_to_choose}")
    if any(b.bound == "lower" for b in bars):
        notes.append(">N: USGS publishes only a lower bound; the bar stops at N and reliance is at least N")
    if any(b.bound == "upper" for b in bars):
        notes.append("<N: USGS publishes only an upper bound; the bar stops at N and reliance is at most N")
    if any(b.net_exporter for b in bars):
        notes.append("E: net exporter, drawn at 0")
    if any(b.leading_source and b.leading_source.basis == "ranked" for b in bars):
        notes.append("a leading source without a percentage is the first of USGS's ranked major import sources")
    for b in bars:
        if b.basis != "MCS NIR":
            notes.append(f"{b.label}: figure on the {b.basis} basis, not an MCS net import reliance")
    other = [f"{x.label} ({x.leading_source.period})" for x in [*bars, *unknown]
             if x.leading_source and x.leading_source.period != info.shares_period]
    if other:
        notes.append(f"leading source from a list of another period than MCS {edition}'s {info.shares_period} (the "
                     "list exposure and country use; this tool's data holds none of that period): " + ", ".join(other))
    if any(u.leading_source for u in unknown):
        notes.append("a mineral without a bar keeps the leading source its share list shows: it needs no reliance")
    return notes
