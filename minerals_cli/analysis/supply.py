"""The records of one commodity that a run uses: its reliance, share list and ranked sources in one edition.

Minerals map to MCS commodities (the lanthanides share one); each
command asks here which records of a commodity belong to the edition it is
about, so none picks them differently (docs/design.md, "Choosing figures").
Where USGS publishes figures more specific than a mineral's commodity (the
heavy rare earths, an element's own share list), `figures_of` takes the most
specific one of each kind and says which level it comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, NamedTuple, Optional

from ..results.base import Cited, FigureLevel, FormOption, PublishedNir
from .bounds import Span, nir_span
from .leading import whole_list

if TYPE_CHECKING:
    from ..dataset.schema import Commodity, ImportDependenceFile, ImportShares, MineralsFile, RankedSources, Reliance


def commodity_index(imports: ImportDependenceFile) -> dict[str, Commodity]:
    """Commodity records by id; from the stored form, each is read when it is asked for (records.py)."""
    by_id = getattr(imports, "by_id", None)
    return by_id() if by_id else {c.id: c for c in imports.commodities}


def minerals_on(minerals: MineralsFile, list_id: str) -> list:
    """The minerals a list names individually, in file order."""
    return [m for m in minerals.minerals if list_id in m.lists]


def by_commodity(
    minerals: MineralsFile, list_id: str, merge: Callable[[object], bool] = lambda m: True
) -> list[tuple[Optional[str], list]]:
    """(commodity id or None, minerals) for a list, in file order.

    Minerals sharing an MCS commodity share its figures, so they are taken
    together (the lanthanides are one bar, one row); a mineral
    without a commodity, or one `merge` keeps apart, stands alone.
    """
    groups: dict[object, list] = {}
    for m in minerals_on(minerals, list_id):
        key = m.commodity if m.commodity and merge(m) else ("alone", m.id)
        groups.setdefault(key, []).append(m)
    return [(members[0].commodity, members) for members in groups.values()]


def by_figures(minerals: MineralsFile, list_id: str, commodities: dict[str, Commodity], specific: dict[str, list[str]],
               edition: int) -> list[tuple[Optional[str], Supply, list]]:
    """(commodity id or None, figures, minerals) for a list, in file order: minerals that share every figure
    (`figures_of`) are taken together; the lanthanides with only the group's figures are still one row."""
    groups: dict[object, tuple[Optional[str], Supply, list]] = {}
    for cid, members in by_commodity(minerals, list_id):
        for m in members:
            supply = figures_of(commodities, specific, m, edition) if cid else supply_of(commodities, cid, edition)
            key = (cid, supply.sources_of()) if cid else ("alone", m.id)
            groups.setdefault(key, (cid, supply, []))[2].append(m)
    return list(groups.values())


def pick_reliance(commodity: Commodity, edition: int) -> Optional[Reliance]:
    """The commodity's NIR record of exactly that edition; no other edition stands in."""
    return next((r for r in commodity.reliance if r.edition == edition), None)


def latest_at_or_before(records: list, edition: int):
    """The newest record of `edition` or earlier; failing that, the nearest later one."""
    if not records:
        return None
    earlier = [r for r in records if r.edition <= edition]
    if earlier:
        return max(earlier, key=lambda r: r.edition)
    return min(records, key=lambda r: r.edition)


def pick_shares(commodity: Commodity, edition: int) -> Optional[ImportShares]:
    """The share list that stands for the whole commodity, from the nearest edition that has one."""
    whole = [s for s in commodity.import_shares if s.whole]
    nearest = latest_at_or_before(whole, edition)
    return whole_list([s for s in whole if s.edition == nearest.edition]) if nearest else None


def pick_ranked(commodity: Commodity, edition: int) -> Optional[RankedSources]:
    """Fig. 2's ranked list of the nearest edition, for when no share list stands for the whole."""
    return latest_at_or_before(list(commodity.ranked_sources), edition)


class Supply(NamedTuple):
    """Everything known about one commodity in one edition, before any formula."""

    commodity: Optional[Commodity]
    reliance: Optional[Reliance]
    shares: Optional[ImportShares]
    ranked: Optional[RankedSources]
    unknown: list[str]
    reliance_of: Optional[Commodity] = None  # the record the reliance comes from, where more specific than `commodity`
    shares_of: Optional[Commodity] = None  # likewise the share list's

    @property
    def nir(self) -> Optional[Span]:
        return nir_span(self.reliance)

    @property
    def record(self) -> Optional[Commodity]:
        """The most specific record the figures come from: the one a row of them is named after."""
        specific = [r for r in (self.shares_of, self.reliance_of) if r is not None]
        return max(specific, key=_depth) if specific else self.commodity

    def sources_of(self) -> tuple[Optional[str], Optional[str]]:
        """(record of the reliance, record of the shares): minerals with the same pair share every figure."""
        base = self.commodity.id if self.commodity is not None else None
        return ((self.reliance_of.id if self.reliance_of else base), (self.shares_of.id if self.shares_of else base))


def _depth(record) -> int:
    from ..dataset.records import LEVEL_DEPTH

    return LEVEL_DEPTH.get(record.level, 0)


def specific_index(imports: ImportDependenceFile) -> dict[str, list[str]]:
    """Mineral id -> the ids of the records more specific than its commodity, most specific first."""
    return _index(imports, "specific")


def forms_index(imports: ImportDependenceFile) -> dict[str, list[str]]:
    """Mineral id -> the ids of the records of its other published forms (level 'form'), in file order."""
    return _index(imports, "forms")


def _index(imports: ImportDependenceFile, name: str) -> dict[str, list[str]]:
    """An index the stored form keeps (records.derived); a validated model (tests, a fresh build) builds it here."""
    stored = getattr(imports, name, None)
    if stored is not None:
        return stored()
    from ..dataset.records import derived

    return derived("import_dependence", imports.model_dump(mode="json"))[name]


def other_forms(minerals: MineralsFile, list_id: str, forms: dict[str, list[str]]) -> dict[str, list[str]]:
    """Record of another published form -> the minerals of the list it is a form of, in file order."""
    out: dict[str, list[str]] = {}
    for m in minerals_on(minerals, list_id):
        for form_id in forms.get(m.id, []):
            out.setdefault(form_id, []).append(m.id)
    return out


def form_records(commodities: dict[str, Commodity], forms: dict[str, list[str]], mineral) -> list[Commodity]:
    """The records of a mineral's other published forms (aluminum metal and alumina beside bauxite)."""
    return [commodities[i] for i in forms.get(mineral.id, []) if i in commodities]


def form_options(commodities: dict[str, Commodity], forms: dict[str, list[str]], mineral) -> list[FormOption]:
    """Every published form of a mineral, the headline (its commodity's record) first; [] where there is one."""
    others = form_records(commodities, forms, mineral)
    headline = commodities.get(mineral.commodity) if mineral.commodity else None
    if not others or headline is None:
        return []
    return [FormOption(form=headline.form, record=headline.id, name=headline.name, headline=True, why=headline.headline)]\
        + [FormOption(form=r.form, record=r.id, name=r.name, headline=False) for r in others]


def figures_of(commodities: dict[str, Commodity], specific: dict[str, list[str]], mineral, edition: int) -> Supply:
    """A mineral's figures at their most specific: an element's own, else its subgroup's, else its commodity's.

    Each kind of figure is taken from the most specific record that has it for the edition (a reliance of
    exactly that edition; a share list of that edition, else the most specific record's nearest), so a
    lanthanide of MCS 2025, before the heavy-rare-earth chapter, keeps the group's figures of that edition.
    """
    base = supply_of(commodities, mineral.commodity, edition)
    chain = [commodities[i] for i in specific.get(mineral.id, []) if i in commodities]
    if not chain or base.commodity is None:
        return base
    records = chain + [base.commodity]
    rel_of = next((r for r in records if (x := pick_reliance(r, edition)) is not None and x.value is not None),
                  base.commodity)
    shares_of = next((r for r in records if any(s.whole and s.edition == edition for s in r.import_shares)), None)
    if shares_of is None:
        shares_of = next((r for r in records if any(s.whole for s in r.import_shares)), base.commodity)
    rel, shares = pick_reliance(rel_of, edition), pick_shares(shares_of, edition)
    unknown = [u for u in base.unknown if not (rel is not None and u.startswith("net import reliance"))
               and not (shares is not None and u.startswith("import shares"))]
    return Supply(base.commodity, rel, shares, None if shares else base.ranked, unknown,
                  rel_of if rel_of is not base.commodity else None,
                  shares_of if shares_of is not base.commodity and shares is not None else None)


def figure_levels(supply: Supply) -> list[FigureLevel]:
    """Which record, at which level, each figure of a supply comes from."""
    out = []
    for figure, record, present in (("net import reliance", supply.reliance_of, supply.reliance is not None),
                                    ("import shares", supply.shares_of, supply.shares is not None)):
        record = record or supply.commodity
        if present and record is not None:
            out.append(FigureLevel(figure=figure, level=record.level, record=record.id, name=record.name))
    return out


def supply_of(commodities: dict[str, Commodity], commodity_id: Optional[str], edition: int) -> Supply:
    """The records a run uses for one commodity, and in words what of them is unknown."""
    if commodity_id is None or commodity_id not in commodities:
        what = f"no MCS commodity record {commodity_id!r}" if commodity_id else "no MCS commodity record"
        return Supply(None, None, None, None, [f"reliance and import sources: unknown ({what} in the data)"])
    commodity = commodities[commodity_id]
    rel = pick_reliance(commodity, edition)
    shares = pick_shares(commodity, edition)
    ranked = None if shares else pick_ranked(commodity, edition)
    unknown = []
    if rel is None:
        unknown.append(f"net import reliance: unknown (no figure for {commodity.name} in MCS {edition})")
    elif rel.value is None:
        unknown.append(f"net import reliance: unknown (published as {rel.published}: {rel.reason})")
    if shares is None:
        unknown.append(_why_no_shares(commodity, ranked))
    return Supply(commodity, rel, shares, ranked, unknown)


def _why_no_shares(commodity: Commodity, ranked: Optional[RankedSources]) -> str:
    parts = [s.category for s in commodity.import_shares]
    if parts:
        why = f"USGS splits imports by category ({', '.join(dict.fromkeys(parts))}) and none stands for the whole"
    elif ranked:
        why = (f"this tool's data holds only Fig. 2's ranked list of major sources (MCS {ranked.edition}, "
               f"{ranked.period}), no share list")
    else:
        why = "this tool's data holds no import sources for it"
    return f"import shares and the exposure to each country: unknown ({why})"


def published(rel: Optional[Reliance]) -> Optional[PublishedNir]:
    """An NIR record as printed, with its bound read out; None stays None."""
    return PublishedNir.of(rel) if rel is not None else None


def supply_citations(supply: Supply) -> list[Cited]:
    """The citations of the records a supply uses: its NIR, and its share or ranked list."""
    c = supply.commodity
    out = []
    if supply.reliance is not None:
        r, of = supply.reliance, supply.reliance_of or c
        out.append(Cited(what=f"net import reliance of {of.name}, MCS {r.edition} ({r.year})", source=r.source))
    if supply.shares is not None:
        s, of = supply.shares, supply.shares_of or c
        out.append(Cited(what=f"import shares of {of.name}, {s.period} (MCS {s.edition})", source=s.source))
    elif supply.ranked is not None:
        r = supply.ranked
        out.append(Cited(what=f"ranked import sources of {c.name}, {r.period} (MCS {r.edition})", source=r.source))
    return out


def dedupe(cited: list[Cited]) -> list[Cited]:
    """Each citation once, in first-seen order."""
    seen, out = set(), []
    for c in cited:
        key = (c.what, c.source.source, c.source.table, c.source.url)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
