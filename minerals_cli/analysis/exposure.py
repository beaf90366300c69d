"""`minerals exposure`: one mineral's reliance, suppliers, exposure to each, allied share, concentration, gaps.

Every figure follows a formula of docs/design.md ("Formulas"), in percent
units, carried as a span (bounds.py) so that a published bound or an
incomplete share list shows in the result instead of false precision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

from ..dataset.records import Record
from ..results.base import AllySet, Cited, TargetInfo
from ..results.exposure import (
    CategoryCountryShare,
    CategoryShares,
    Concentration,
    CountryLink,
    ExposureResult,
    RankedBasis,
    RankedCountry,
    ShareBasis,
    SourceExposure,
)
from .bounds import Span, allied_span, bounded, clean, domestic_span, exposure_span
from .caveats import basis_caveat, bound_caveat, form_caveat, inherited_note, share_caveats
from .controls import exposure_links, links, today
from .groups import CHINA, FEOC_GROUP, ally_citations, country_names, feoc_label, group_members
from .leading import leader_of
from .revisions import beside_editions
from .scope import edition_or_default
from .shares import band_of, hhi_span, named_shares, other_share, set_share, share_span, top3_span, unattributed
from .stats import VALUED, value_at_risk
from .supply import (
    Supply,
    commodity_index,
    dedupe,
    figure_levels,
    figures_of,
    form_options,
    forms_index,
    latest_at_or_before,
    published,
    specific_index,
    supply_of,
)
from .targets import gaps_to, target_citations, target_notes
from .world import origin, world_citations

if TYPE_CHECKING:
    from ..dataset.schema import Commodity, ImportDependenceFile, ImportShares, RankedSources

# A citation of our own, as a record with the fields of schema.Citation in their order.
HHI_BANDS = Record(
    source="U.S. DOJ and FTC, Horizontal Merger Guidelines (1992) sec. 1.51; Merger Guidelines (2023) sec. 2.1",
    table=None,
    url="https://www.justice.gov/atr/merger-guidelines/applying-merger-guidelines/guideline-1",
    note="HHI below 1,000 unconcentrated, 1,000-1,800 moderately concentrated, above 1,800 highly "
    "concentrated; applied to import sources by analogy, not as a legal test.",
)


class Shared(NamedTuple):
    """What every mineral of one run shares: worked out once, however many minerals are asked."""

    edition: int
    commodities: dict
    names: dict[str, str]
    feoc: list[str]
    feoc_label: str
    allied_codes: set[str]
    notes: list[str]
    citations: list[Cited]
    world: object = None  # the world_production.yaml records, if the data has them
    controls: list = []  # the export controls that bear on the day (analysis/controls.links)
    stats: object = None  # the salient statistics, if the data has them
    specific: dict = {}  # mineral -> the records more specific than its commodity (supply.specific_index)
    memo: dict = {}  # figures worked out once per commodity of the run (_once): the lanthanides share them
    forms: dict = {}  # mineral -> the records of its other published forms (supply.forms_index)
    form: Optional[str] = None  # the record of the form asked for, if not the headline


def exposure(
    imports: ImportDependenceFile,
    countries,
    mineral,
    allies: AllySet,
    targets: list[TargetInfo],
    edition: Optional[int] = None,
    world=None,
    controls=None,
    stats=None,
    form: Optional[str] = None,
) -> ExposureResult:
    """Reliance, suppliers, exposure to each, allied share, concentration and gaps of one mineral.

    `form` is the id of the record of one of its other published forms (resolve.resolve_form); default the headline.
    """
    return exposures(imports, countries, [mineral], allies, targets, edition, world, controls, stats=stats, form=form)[0]


def exposures(
    imports: ImportDependenceFile,
    countries,
    minerals: list,
    allies: AllySet,
    targets: list[TargetInfo],
    edition: Optional[int] = None,
    world=None,
    controls=None,
    day=None,
    stats=None,
    form: Optional[str] = None,
) -> list[ExposureResult]:
    """`exposure` of each mineral, in order (`minerals exposure --all`); the world tables and export controls, if any.

    Controls get their status on `day` (default today).
    """
    shared = Shared(
        edition=edition_or_default(imports, edition),
        commodities=commodity_index(imports),
        names=country_names(countries),
        feoc=group_members(countries, FEOC_GROUP),
        feoc_label=feoc_label(countries),
        allied_codes=set(allies.countries),
        notes=target_notes(targets),
        citations=_shared_citations(countries, allies, targets),
        world=world,
        controls=links(controls, day or today(), country_names(countries)) if controls is not None else [],
        stats=stats,
        specific=specific_index(imports),
        forms=forms_index(imports),
        form=form,
        memo={},
    )
    return [_exposure(shared, mineral, allies, targets) for mineral in minerals]


def _exposure(shared: Shared, mineral, allies: AllySet, targets: list[TargetInfo]) -> ExposureResult:
    edition, names = shared.edition, shared.names
    if shared.form is not None:  # another published form: its own record's figures, nothing stands in
        supply = supply_of(shared.commodities, shared.form, edition)
    else:
        supply = figures_of(shared.commodities, shared.specific, mineral, edition)
    commodity, rel, shares, nir = supply.commodity, supply.reliance, supply.shares, supply.nir
    options = form_options(shared.commodities, shared.forms, mineral)
    inherited = inherited_note(mineral, supply)
    cid = commodity.id if commodity is not None else mineral.commodity
    world_view, producers = _once(shared, ("origin", commodity.id if commodity is not None else mineral.id,
                                           supply.sources_of()),
                                  lambda: origin(shared.world, mineral, shares, names))

    figures = _once(shared, ("figures", cid, supply.sources_of()), lambda: _figures(shared, supply, targets))
    unknown = list(supply.unknown)
    if not figures["allied_known"]:
        unknown.append("allied share of supply and the gaps to the targets: unknown (they need both figures above)")

    caveats = [c for c in (inherited, form_caveat(options, commodity), bound_caveat(rel), basis_caveat(rel)) if c]
    caveats += share_caveats(supply)
    for record in _distinct(supply.shares_of, supply.reliance_of, commodity):
        caveats += record.notes

    return ExposureResult(
        mineral=mineral.id,
        name=mineral.name,
        symbol=mineral.symbol,
        commodity=commodity.id if commodity else mineral.commodity,
        commodity_name=commodity.name if commodity else None,
        inherited=inherited,
        levels=figure_levels(supply),
        form=commodity.form if commodity else None,
        forms=options,
        edition=edition,
        reliance=figures["reliance"],
        trend=figures["trend"],
        domestic_share=figures["domestic_share"],
        import_shares=figures["import_shares"],
        sources=figures["sources"],
        ranked_sources=figures["ranked_sources"],
        category_shares=figures["category_shares"],
        leading=figures["leading"],
        china=figures["china"],
        feoc=figures["feoc"],
        allies=allies,
        allied_import_share=figures["allied_import_share"],
        allied_share=figures["allied_share"],
        concentration=figures["concentration"],
        gaps=figures["gaps"],
        unknown=unknown,
        caveats=caveats,
        notes=list(shared.notes),
        world=world_view,
        net_import_value=_once(shared, ("value", cid, nir, rel.year if rel else None),
                               lambda: _net_import_value(shared.stats, cid, nir, rel)),
        revisions=_once(shared, ("revisions", cid), lambda: beside_editions(shared.stats, commodity)),
        controls=exposure_links(shared.controls, mineral.id, named_shares(shares) if shares else {},
                                producers) if shared.controls else [],
        citations=dedupe(_exposure_citations(commodity, supply, shares, figures["category_shares"]) + shared.citations
                         + world_citations(shared.world, mineral)),
    )


def _figures(shared: Shared, supply, targets: list[TargetInfo]) -> dict:
    """The figures of one pair of records (reliance, shares): the same for every mineral that has that pair.

    Worked out once per pair in a run (`_once`), so the lanthanides that share the group's figures share
    these objects too; results are frozen, so nothing can change one mineral's figures through another's.
    """
    commodity, rel, shares, nir = supply.commodity, supply.reliance, supply.shares, supply.nir
    names, feoc, allied_codes, edition = shared.names, shared.feoc, shared.allied_codes, shared.edition
    allied_imports = set_share(shares, allied_codes) if shares else None
    allied = allied_span(nir, allied_imports)
    leader = leader_of(supply)
    leading = leader.codes if leader else []
    return {
        "reliance": published(rel),
        "trend": [published(r) for r in sorted(commodity.reliance, key=lambda r: r.edition)] if commodity else [],
        "domestic_share": bounded(domestic_span(nir)),
        "import_shares": share_basis(shares) if shares else None,
        "sources": _source_rows(shares, nir, names, allied_codes, set(feoc), leading) if shares else [],
        "ranked_sources": _ranked_basis(supply.ranked, names) if supply.ranked else None,
        "category_shares": _category_lists(commodity, edition, names) if commodity and not shares else [],
        "leading": leading,
        "china": _link(f"China ({CHINA})", [CHINA], shares, nir),
        "feoc": _link(shared.feoc_label, feoc, shares, nir),
        "allied_import_share": bounded(allied_imports),
        "allied_share": bounded(allied),
        "concentration": concentration(shares) if shares else None,
        "gaps": gaps_to(targets, allied),
        "allied_known": allied is not None,
    }


def concentration(shares: ImportShares) -> Concentration:
    """HHI, top-3 share and band of a share list, with the bounds an incomplete list allows."""
    hhi = hhi_span(shares)
    low, high = band_of(hhi.low), band_of(hhi.high)
    return Concentration(
        hhi=bounded(hhi),
        top3=bounded(top3_span(shares)),
        band=low if low == high else f"{low} to {high}",
        countries=len(named_shares(shares)),
        other_excluded=other_share(shares),
    )


def share_basis(shares: ImportShares) -> ShareBasis:
    """Which share list the figures use, and how much of it is named, 'Other' or missing."""
    return ShareBasis(
        edition=shares.edition,
        period=shares.period,
        category=shares.category,
        complete=shares.complete,
        named=clean(sum(named_shares(shares).values())),
        other=clean(other_share(shares)),
        unattributed=clean(unattributed(shares)),
        note=shares.note,
        source=shares.source,
        trust=shares.trust,
    )


def _source_rows(shares, nir, names, allied_codes, feoc, leading: list[str]) -> list[SourceExposure]:
    ordered = sorted(shares.shares, key=lambda s: (s.country is None, -s.percent))
    return [
        SourceExposure(
            rank=i,
            country=s.country,
            name=names.get(s.country, s.name) if s.country else s.name,
            share=s.percent,
            share_range=bounded(share_span(s)),
            exposure=bounded(exposure_span(nir, share_span(s))),
            allied=s.country in allied_codes,
            feoc=s.country in feoc,
            leading=s.country in set(leading),
        )
        for i, s in enumerate(ordered, start=1)
    ]


def _ranked_basis(ranked: RankedSources, names) -> RankedBasis:
    return RankedBasis(
        edition=ranked.edition,
        period=ranked.period,
        countries=[
            RankedCountry(rank=i, country=c.country, name=names.get(c.country, c.name))
            for i, c in enumerate(ranked.countries, start=1)
        ],
        source=ranked.source,
    )


def _category_lists(commodity: Commodity, edition: int, names) -> list[CategoryShares]:
    """What is known when no share list stands for the whole: the lists of its parts, newest edition."""
    parts = [s for s in commodity.import_shares if not s.whole]
    newest = latest_at_or_before(parts, edition)
    if newest is None:
        return []
    return [
        CategoryShares(
            edition=s.edition,
            period=s.period,
            category=s.category,
            shares=[
                CategoryCountryShare(country=x.country, name=names.get(x.country, x.name) if x.country else x.name, percent=x.percent)
                for x in s.shares
            ],
            source=s.source,
        )
        for s in parts
        if s.edition == newest.edition
    ]


def _link(label: str, codes: list[str], shares: Optional[ImportShares], nir: Optional[Span]) -> CountryLink:
    share = set_share(shares, codes, other_may_hide=True) if shares else None
    named = [c for c in codes if shares and c in named_shares(shares)]
    return CountryLink(
        label=label,
        countries=list(codes),
        named=named,
        share=bounded(share),
        exposure=bounded(exposure_span(nir, share)),
    )


def _exposure_citations(commodity, supply: Supply, shares, categories) -> list[Cited]:
    out: list[Cited] = []
    for record in _distinct(supply.reliance_of, commodity):
        for r in sorted(record.reliance, key=lambda r: r.edition):
            out.append(Cited(what=f"net import reliance of {record.name}, MCS {r.edition} ({r.year})", source=r.source))
    if shares is not None:
        of = supply.shares_of or commodity
        out.append(Cited(what=f"import shares of {of.name}, {shares.period} (MCS {shares.edition})", source=shares.source))
        out.append(Cited(what="concentration bands (HHI)", source=HHI_BANDS))
    if supply.ranked is not None:
        r = supply.ranked
        out.append(Cited(what=f"ranked import sources of {commodity.name}, {r.period} (MCS {r.edition})", source=r.source))
    for part in categories:
        out.append(Cited(what=f"import shares of {commodity.name}, {part.category}, {part.period}", source=part.source))
    return out


def _shared_citations(countries, allies: AllySet, targets: list[TargetInfo]) -> list[Cited]:
    """The sources every mineral's result cites: the ally groups, the FEOC group, the targets."""
    out = ally_citations(countries, allies)
    feoc = next((g for g in countries.groups if g.id == FEOC_GROUP), None)
    if feoc is not None:
        out.append(Cited(what=f"{feoc.name} ({feoc.id})", source=feoc.source))
    return out + target_citations(targets)


def _net_import_value(stats, commodity: Optional[str], nir, reliance):
    """Dollars a year of the net-imported part of supply, in the year of the reliance used; None without statistics."""
    if stats is None or not commodity:
        return None
    return value_at_risk(stats.of(commodity, VALUED), nir, "net import reliance", reliance.year if reliance else None)


def _distinct(*records) -> list:
    """The records given, each once (by id), in order; None left out."""
    return list({r.id: r for r in reversed(records) if r is not None}.values())[::-1]


def _once(shared: Shared, key: tuple, compute):
    """What `compute()` gives, worked out once per key in a run: the lanthanides share their commodity's."""
    if key not in shared.memo:
        shared.memo[key] = compute()
    return shared.memo[key]
