"""The data of the net-import-reliance bar chart that opens each MCS edition.

USGS charts commodities, not list entries: the fifteen rare earths share one
figure, so they share one bar, labelled with the commodity and listing the
minerals it stands for.  A bar is drawn only for a published figure: a
number, a bound (`>50` drawn at 50 and marked as "at least", `<25` at 25 and
marked "at most") or `E` (net exporter, drawn at 0).  Everything else (W,
NA, no record, no commodity) is listed as unknown with the reason, never
drawn as 0.
"""

from __future__ import annotations

from typing import Optional

from ..errors import UsageError
from ..models import (
    ChartBar,
    ChartResult,
    ChartUnknown,
    ImportDependenceFile,
    LeadingSource,
    MineralsFile,
)

ORDER = {">": 0, "exact": 1, "<": 2, "E": 3}


def resolve_edition(trade: ImportDependenceFile, edition: Optional[int]) -> int:
    """The edition asked for, or the latest one with any published NIR."""
    known = sorted(e.edition for e in trade.editions)
    if edition is None:
        with_figures = {r.edition for c in trade.commodities for r in c.reliance}
        candidates = [e for e in known if e in with_figures] or known
        if not candidates:
            raise UsageError("the data has no MCS edition to chart")
        return candidates[-1]
    if edition not in known:
        raise UsageError(f"unknown edition {edition}", "valid editions: " + ", ".join(map(str, known)))
    return edition


def list_in_force(minerals: MineralsFile, edition: int) -> str:
    """The latest final list published before the edition's year: the one USGS charted."""
    finals = sorted((e for e in minerals.lists if e.status == "final"), key=lambda e: e.published)
    finals = finals or sorted(minerals.lists, key=lambda e: e.published)
    before = [e for e in finals if e.published[:4].isdigit() and int(e.published[:4]) < edition]
    if not finals:
        raise UsageError("the minerals file has no list to chart")
    return (before or finals)[-1].id


def chart(minerals: MineralsFile, trade: ImportDependenceFile, edition: int, list_id: str, *, list_chosen: bool) -> ChartResult:
    """Bars for the critical minerals of `list_id` in MCS `edition`, highest reliance first."""
    info = next(e for e in trade.editions if e.edition == edition)
    commodities = {c.id: c for c in trade.commodities}
    bars: list[ChartBar] = []
    unknown: list[ChartUnknown] = []
    for commodity_id, members in _by_commodity(minerals, list_id):
        commodity = commodities.get(commodity_id) if commodity_id else None
        label = members[0].name if len(members) == 1 or commodity is None else commodity.name
        names = [m.id for m in members]
        if commodity is None:
            why = "no trade record" if commodity_id else "no MCS commodity recorded for it"
            unknown.append(ChartUnknown(label=label, minerals=names, commodity=commodity_id, published=None, reason=why))
            continue
        bar_or_gap = _bar(commodity, edition, label, names)
        (bars if isinstance(bar_or_gap, ChartBar) else unknown).append(bar_or_gap)
    bars.sort(key=lambda b: (-b.value, ORDER[b.qualifier], b.label))
    unknown.sort(key=lambda u: u.label)
    return ChartResult(
        title=f"U.S. net import reliance, critical minerals of the {list_id} list, MCS {edition} (data year {info.data_year})",
        edition=edition,
        data_year=info.data_year,
        list=list_id,
        bars=bars,
        unknown=unknown,
        notes=_notes(bars, list_id, edition, list_chosen),
        citation=info.citation,
    )


def _by_commodity(minerals: MineralsFile, list_id: str):
    """(commodity id or None, minerals) in file order; minerals without a commodity stay alone."""
    groups: dict[object, list] = {}
    for m in minerals.minerals:
        if list_id in m.lists:
            groups.setdefault(m.commodity or ("none", m.id), []).append(m)
    return [(key if isinstance(key, str) else None, members) for key, members in groups.items()]


def _bar(commodity, edition: int, label: str, names: list[str]):
    record = next((r for r in commodity.reliance if r.edition == edition), None)
    if record is None:
        return ChartUnknown(
            label=label, minerals=names, commodity=commodity.id, published=None,
            reason=f"no net import reliance in MCS {edition}",
        )
    value, qualifier = record.value, record.qualifier
    if value is None:
        return ChartUnknown(
            label=label, minerals=names, commodity=commodity.id, published=record.published,
            reason=record.reason or f"{record.published} in MCS {edition}",
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
        leading_source=leading_source(commodity, edition),
        source=record.source,
    )


def leading_source(commodity, edition: int) -> Optional[LeadingSource]:
    """The largest named source in the edition's import shares, else the first ranked one.

    In a partial share list the largest known country leads only if the
    unlisted remainder is smaller than it; a largest share printed as an
    upper bound ('<5') cannot be ranked either.  Otherwise the leader is unknown.
    """
    records = [s for s in commodity.import_shares if s.edition == edition and s.whole]
    records.sort(key=lambda s: s.category != "all")
    for rec in records[:1]:
        named = [s for s in rec.shares if s.country is not None]
        if not named:
            break
        top = max(named, key=lambda s: s.percent)
        remainder = 100 - sum(s.percent for s in rec.shares)
        if (top.published or "").startswith("<") or not (rec.complete or top.percent >= remainder):
            return None  # an upper bound, or a remainder that may hide a larger supplier
        return LeadingSource(
            country=top.country, name=top.name, percent=top.percent, published=top.published,
            period=rec.period, basis="shares",
        )
    ranked = next((r for r in commodity.ranked_sources if r.edition == edition and r.countries), None)
    if ranked is None:
        return None
    first = ranked.countries[0]
    return LeadingSource(country=first.country, name=first.name, percent=None, period=ranked.period, basis="ranked")


def _notes(bars: list[ChartBar], list_id: str, edition: int, list_chosen: bool) -> list[str]:
    notes = []
    if not list_chosen:
        notes.append(f"list {list_id}: the final list in force when MCS {edition} was published (--list to change)")
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
    return notes
