"""Exposure of U.S. supply to its suppliers, gaps to targets, cut-off scenarios.

Every figure follows a formula of DESIGN.md, in percent units.  USGS prints
some reliance figures only as bounds ('>50', '<25'), and some share lists
are incomplete, so each figure is carried as a span: the formula evaluated
at the published numbers, plus the lowest and highest values those numbers
allow.  The span tells which way the true value can lie, so a '>50'
reliance never turns into a precise-looking exposure: exposure and supply at
risk become lower bounds, domestic and allied shares upper bounds, and a
gap a lower bound.  A figure nobody published (W, NA, no share list) is
None, never 0.

Conventions the results state: 'Other' in a share list counts as not allied
(DESIGN.md) and is left out of the HHI.  A country the list does not name has
0 as named, but may be inside 'Other': its share, exposure and supply at risk
are lower bounds reaching up to the 'Other' share, never an exact 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..errors import UsageError
from ..models import (
    AllySet,
    AtRiskRow,
    AutonomyRate,
    AutonomyTarget,
    Bounded,
    CategoryCountryShare,
    CategoryShares,
    Citation,
    Cited,
    Commodity,
    Concentration,
    CountryLink,
    CountryMineralRow,
    CountryResult,
    CutShare,
    ExposureResult,
    GapsResult,
    ImportDependenceFile,
    ImportShares,
    MineralGapRow,
    MineralsFile,
    PublishedNir,
    RankedBasis,
    RankedCountry,
    RankedSources,
    Reliance,
    ScenarioResult,
    ScenarioTotals,
    ShareBasis,
    SourceExposure,
    TargetGap,
    TargetInfo,
)
from .common import (
    EPSILON,
    FEOC_GROUP,
    REE_GROUP,
    by_commodity,
    commodity_index,
    latest_final,
    leading_source,
    list_info,
    minerals_on,
    resolve_edition,
    whole_list,
)

DOMESTIC = "US"
CHINA = "CN"
DEFAULT_ALLIES = "fta,msp,g7,nato"

SHIPMENT_CAVEAT = (
    "Import shares are by country of shipment as USGS reports them; the material may have been mined "
    "or refined elsewhere."
)
OTHER_CONVENTION = (
    "'Other' in a share list counts as not allied and is left out of the HHI; a country the share list "
    "does not name (China, an FEOC, a cut country) has 0 as named but may be inside 'Other', so its share, "
    "exposure and supply at risk read '0 to' the 'Other' share."
)
EQUAL_WEIGHTS = (
    "equal weight per mineral of the list (the lanthanides count one by one, each with the rare-earths "
    "figure); minerals without a figure are left out"
)

HHI_BANDS = Citation(
    source="U.S. DOJ and FTC, Horizontal Merger Guidelines (1992) sec. 1.51; Merger Guidelines (2023) sec. 2.1",
    url="https://www.justice.gov/atr/merger-guidelines/applying-merger-guidelines/guideline-1",
    note="HHI below 1,000 unconcentrated, 1,000-1,800 moderately concentrated, above 1,800 highly "
    "concentrated; applied to import sources by analogy, not as a legal test.",
)


# --------------------------------------------------------------------------
# spans: a formula value with the range the published figures allow


@dataclass(frozen=True)
class Span:
    value: float
    low: float
    high: float


def exact(value: float) -> Span:
    return Span(value, value, value)


def nir_span(rel: Optional[Reliance]) -> Optional[Span]:
    """'>50' is at least 50, '<25' at most 25, E is 0; W and NA are unknown."""
    if rel is None or rel.value is None:
        return None
    if rel.qualifier == ">":
        return Span(rel.value, rel.value, 100.0)
    if rel.qualifier == "<":
        return Span(rel.value, 0.0, rel.value)
    return exact(rel.value)


def _clean(x: float) -> float:
    """Drop binary noise (27.000000000000004) without touching any real digit."""
    return round(x, 9) + 0.0


def bounded(span: Optional[Span]) -> Bounded:
    if span is None:
        return Bounded(value=None, bound="unknown", low=None, high=None)
    value, low, high = _clean(span.value), _clean(span.low), _clean(span.high)
    if high - low < EPSILON:
        bound = "exact"
    elif abs(value - low) < EPSILON:
        bound = "lower"
    elif abs(value - high) < EPSILON:
        bound = "upper"
    else:
        bound = "range"
    return Bounded(value=value, bound=bound, low=low, high=high)


def domestic_span(nir: Optional[Span]) -> Optional[Span]:
    """Domestic share = 100 - NIR: it falls as reliance rises."""
    if nir is None:
        return None
    return Span(100 - nir.value, 100 - nir.high, 100 - nir.low)


def exposure_span(nir: Optional[Span], share: Optional[Span]) -> Optional[Span]:
    """Exposure (or supply at risk) = NIR x share / 100, rising in both."""
    if nir is None or share is None:
        return None
    return Span(nir.value * share.value / 100, nir.low * share.low / 100, nir.high * share.high / 100)


def allied_value(nir: float, allied_imports: float) -> float:
    return (100 - nir) + nir * allied_imports / 100


def allied_span(nir: Optional[Span], allied_imports: Optional[Span]) -> Optional[Span]:
    """Allied share of supply: falls as reliance rises, rises with the allied share of imports."""
    if nir is None or allied_imports is None:
        return None
    return Span(
        allied_value(nir.value, allied_imports.value),
        allied_value(nir.high, allied_imports.low),
        allied_value(nir.low, allied_imports.high),
    )


def gap_span(target: float, allied: Optional[Span]) -> Optional[Span]:
    """Gap = max(0, target - allied share): the larger the allied share, the smaller the gap."""
    if allied is None:
        return None
    return Span(max(0.0, target - allied.value), max(0.0, target - allied.high), max(0.0, target - allied.low))


def mean_span(spans: list[Span]) -> Optional[Span]:
    if not spans:
        return None
    n = len(spans)
    return Span(sum(s.value for s in spans) / n, sum(s.low for s in spans) / n, sum(s.high for s in spans) / n)


def is_met(gap: Optional[Span]) -> Optional[bool]:
    """Met when even the largest gap is 0; missed when even the smallest is above 0."""
    if gap is None:
        return None
    if gap.high < EPSILON:
        return True
    if gap.low > EPSILON:
        return False
    return None


# --------------------------------------------------------------------------
# picking the figures of one commodity


def pick_reliance(commodity: Commodity, edition: int) -> Optional[Reliance]:
    return next((r for r in commodity.reliance if r.edition == edition), None)


def _latest_at_or_before(records: list, edition: int):
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
    nearest = _latest_at_or_before(whole, edition)
    return whole_list([s for s in whole if s.edition == nearest.edition]) if nearest else None


def pick_ranked(commodity: Commodity, edition: int) -> Optional[RankedSources]:
    return _latest_at_or_before(list(commodity.ranked_sources), edition)


@dataclass
class Supply:
    """Everything known about one commodity in one edition, before any formula."""

    commodity: Optional[Commodity]
    reliance: Optional[Reliance]
    shares: Optional[ImportShares]
    ranked: Optional[RankedSources]
    unknown: list[str] = field(default_factory=list)

    @property
    def nir(self) -> Optional[Span]:
        return nir_span(self.reliance)


def supply_of(commodities: dict[str, Commodity], commodity_id: Optional[str], edition: int) -> Supply:
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
        why = f"USGS publishes only a ranked list of major sources (MCS {ranked.edition}, {ranked.period})"
    else:
        why = "no import sources are published in the data"
    return f"import shares and the exposure to each country: unknown ({why})"


# --------------------------------------------------------------------------
# share arithmetic


def other_share(shares: ImportShares) -> float:
    return sum(s.percent for s in shares.shares if s.country is None)


def unattributed(shares: ImportShares) -> float:
    """What an incomplete list leaves out; a complete list leaves nothing (rounding aside)."""
    if shares.complete:
        return 0.0
    return max(0.0, 100 - sum(s.percent for s in shares.shares))


def named_shares(shares: ImportShares) -> dict[str, float]:
    out: dict[str, float] = {}
    for s in shares.shares:
        if s.country is not None:
            out[s.country] = out.get(s.country, 0.0) + s.percent
    return out


def set_share(shares: ImportShares, codes: Iterable[str], other_may_hide: bool = False) -> Span:
    """Share of imports from a set of countries, counting what USGS names.

    A country the list does not name may still be behind the part an
    incomplete list leaves out, and, where `other_may_hide`, inside 'Other':
    the range says so.  Allied shares keep DESIGN's convention ('Other' is
    not allied); a cut-off or a China share must not read as an exact 0.
    """
    named = named_shares(shares)
    wanted = set(codes)
    total = sum(named.get(c, 0.0) for c in wanted)
    hidden = 0.0
    if wanted - set(named):
        hidden = unattributed(shares) + (other_share(shares) if other_may_hide else 0.0)
    return Span(total, total, min(100.0, total + hidden))


def leading_codes(shares: Optional[ImportShares], ranked: Optional[RankedSources]) -> list[str]:
    """ISO codes of the leading source (several on a tie; none when the lists cannot tell)."""
    leader = leading_source(shares, ranked)
    return leader.codes if leader else []


def source_places(shares: Optional[ImportShares], ranked: Optional[RankedSources]) -> dict[str, tuple[Optional[float], int]]:
    """ISO code -> (share or None, place among the sources).

    With shares, the place is by size (equal shares share a place); with
    only Fig. 2's ranked list, its order and no share.
    """
    if shares is not None:
        named = named_shares(shares)
        order = sorted(named.values(), reverse=True)
        return {code: (share, order.index(share) + 1) for code, share in named.items()}
    places: dict[str, tuple[Optional[float], int]] = {}
    for i, c in enumerate(ranked.countries if ranked else [], start=1):
        places.setdefault(c.country, (None, i))
    return places


def hhi_span(shares: ImportShares) -> Span:
    named = list(named_shares(shares).values())
    hhi = sum(s * s for s in named)
    hidden = unattributed(shares)
    return Span(hhi, hhi, hhi + hidden * hidden)


def top3_span(shares: ImportShares) -> Span:
    named = sorted(named_shares(shares).values(), reverse=True)
    top = sum(named[:3])
    with_hidden = sum(sorted(named + [unattributed(shares)], reverse=True)[:3])
    return Span(top, top, max(top, with_hidden))


def band_of(hhi: float) -> str:
    if hhi > 1800:
        return "highly concentrated"
    if hhi >= 1000:
        return "moderately concentrated"
    return "unconcentrated"


def concentration(shares: ImportShares) -> Concentration:
    hhi = hhi_span(shares)
    low, high = band_of(hhi.low), band_of(hhi.high)
    return Concentration(
        hhi=bounded(hhi),
        top3=bounded(top3_span(shares)),
        band=low if low == high else f"{low} to {high}",
        countries=len(named_shares(shares)),
        other_excluded=other_share(shares),
    )


# --------------------------------------------------------------------------
# building blocks of the results


def published(rel: Optional[Reliance]) -> Optional[PublishedNir]:
    return PublishedNir.of(rel) if rel is not None else None


def share_basis(shares: ImportShares) -> ShareBasis:
    return ShareBasis(
        edition=shares.edition,
        period=shares.period,
        category=shares.category,
        complete=shares.complete,
        named=_clean(sum(named_shares(shares).values())),
        other=_clean(other_share(shares)),
        unattributed=_clean(unattributed(shares)),
        note=shares.note,
        source=shares.source,
    )


def country_names(countries) -> dict[str, str]:
    return {c.code: c.name for c in countries.countries}


def group_members(countries, group_id: str) -> list[str]:
    group = next((g for g in countries.groups if g.id == group_id), None)
    return list(group.members) if group else []


def make_ally_set(countries, codes: list[str], parts: list[str], spec: str, default: bool) -> AllySet:
    """The allied countries, without the United States (domestic supply is counted as such)."""
    allied = sorted(c for c in dict.fromkeys(codes) if c != DOMESTIC)
    if not allied:
        note = "No allied countries: the allied share is the domestic share."
    else:
        how = "the default set" if default else "the set given with --allies"
        note = (
            f"Allies: {spec} ({how}), {len(allied)} countries; the United States counts as domestic supply, "
            "not as an ally."
        )
    return AllySet(spec=spec, default=default, parts=list(parts), countries=allied, note=note)


def cut_set(parts: list[tuple[str, list[str], bool]]) -> tuple[list[str], list[str]]:
    """(ISO codes to cut, notes) from each part as named: (name, its ISO codes, whether it is a group).

    The United States is domestic supply: named on its own it is refused, as
    a member of a group (nato, g7) it is left out of the cut, as it is left
    out of an ally set.
    """
    codes: list[str] = []
    groups_with_us: list[str] = []
    for name, part_codes, is_group in parts:
        if DOMESTIC in part_codes and not is_group:
            raise UsageError("the United States is domestic supply and cannot be cut", "cut foreign suppliers only")
        if DOMESTIC in part_codes:
            groups_with_us.append(name.lower())
        codes += [c for c in part_codes if c != DOMESTIC]
    notes = []
    if groups_with_us:
        notes.append(
            f"The United States, a member of {', '.join(dict.fromkeys(groups_with_us))}, is domestic supply: "
            "it is left out of the cut."
        )
    return list(dict.fromkeys(codes)), notes


def ally_citations(countries, allies: AllySet) -> list[Cited]:
    groups = {g.id: g for g in countries.groups}
    return [
        Cited(what=f"members of {groups[p.lower()].name} ({p.lower()}), as of {groups[p.lower()].as_of}", source=groups[p.lower()].source)
        for p in allies.parts
        if p.lower() in groups
    ]


def target_infos(targets_file, user_targets: Optional[list[float]] = None) -> list[TargetInfo]:
    """The allied-share targets: the user's own when given, else those of targets.yaml."""
    if user_targets:
        for v in user_targets:
            if not 0 <= v <= 100:
                raise UsageError(f"target {v:g} is not a percentage", "a target is a number from 0 to 100")
        return [
            TargetInfo(
                id=f"user-{v:g}",
                description=f"{v:g}% of supply from domestic or allied sources (given with --target)",
                kind="allied share",
                value=v,
                verified=None,
            )
            for v in dict.fromkeys(user_targets)
        ]
    return [_info(t) for t in targets_file.targets if t.kind == "allied share"]


def autonomy_targets(targets_file) -> list[TargetInfo]:
    return [_info(t) for t in targets_file.targets if t.kind == "autonomy rate"]


def _info(t) -> TargetInfo:
    """A stated target as a result: the same fields, since the user-given ones have none of the source."""
    return TargetInfo(**dict(t))


def target_notes(targets: list[TargetInfo]) -> list[str]:
    """The words every output showing a gap to an unverified target must carry."""
    return [
        f"Target {t.id} ({t.value:g}%) is unverified. {t.note or 'No primary source states it.'}"
        for t in targets
        if t.verified is False
    ]


def target_citations(targets: list[TargetInfo]) -> list[Cited]:
    return [Cited(what=f"target {t.id} (stated, unverified)", source=t.stated_in) for t in targets if t.stated_in]


def gaps_to(targets: list[TargetInfo], allied: Optional[Span]) -> list[TargetGap]:
    out = []
    for t in targets:
        gap = gap_span(t.value, allied)
        out.append(TargetGap(target=t.id, value=t.value, verified=t.verified, gap=bounded(gap), met=is_met(gap)))
    return out


def dedupe(cited: list[Cited]) -> list[Cited]:
    seen, out = set(), []
    for c in cited:
        key = (c.what, c.source.source, c.source.table, c.source.url)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def inherited_note(mineral, commodity: Optional[Commodity]) -> Optional[str]:
    """Why a mineral shows the figures of a larger MCS commodity, when it does."""
    if commodity is None or commodity.id == mineral.id:
        return None
    if mineral.group == REE_GROUP:
        note = (
            f"{mineral.name} inherits the figures of the MCS commodity '{commodity.name}': the reliance USGS "
            "publishes covers the rare earths as one group, the lanthanides included, and the 14 lanthanides "
            "all share the group's figures here."
        )
        own = [s for s in commodity.import_shares if s.category.lower().startswith(mineral.name.lower())]
        if own:
            latest = max(own, key=lambda s: s.edition)
            note += (
                f" MCS {latest.edition} also lists import sources for '{latest.category}' alone, which may differ "
                f"much from the group's: see `minerals show {mineral.name}`."
            )
        return note
    if mineral.kind == "group entry":
        return (
            f"'{mineral.name}' is a group entry; its figures are those of the MCS commodity '{commodity.name}', "
            "which USGS applies to the lanthanides (yttrium and scandium have figures of their own)."
        )
    return f"{mineral.name} takes the figures of the MCS commodity '{commodity.name}'."


def bound_caveat(rel: Optional[Reliance]) -> Optional[str]:
    if rel is None or rel.qualifier not in (">", "<"):
        return None
    if rel.qualifier == ">":
        return (
            f"USGS published the reliance only as '{rel.published}', a lower bound, so exposures, supply at risk "
            "and gaps are lower bounds (>=) and the domestic and allied shares upper bounds (<=); `low`/`high` "
            "give the full range."
        )
    return (
        f"USGS published the reliance only as '{rel.published}', an upper bound, so exposures, supply at risk "
        "and gaps are upper bounds (<=) and the domestic and allied shares lower bounds (>=); `low`/`high` give "
        "the full range."
    )


def share_caveats(supply: Supply) -> list[str]:
    shares, rel = supply.shares, supply.reliance
    if shares is None:
        return []
    out = [SHIPMENT_CAVEAT]
    if rel is not None:
        out.append(
            f"The import shares cover {shares.period} (MCS {shares.edition}) while the reliance figure is for "
            f"{rel.year} (MCS {rel.edition}): the exposures apply the {shares.period} supplier mix to {rel.year}."
        )
        if shares.edition > rel.edition:
            out.append(
                f"No share list is published in MCS {rel.edition} or earlier; the MCS {shares.edition} list is used."
            )
    if shares.category.lower() != "all":
        out.append(f"Shares are those of the category '{shares.category}', which stands for the whole commodity.")
    if not shares.complete:
        out.append(
            f"The share list is incomplete ({unattributed(shares):g}% of imports unattributed): figures that "
            "depend on unnamed countries are ranges."
        )
    if other_share(shares) > 0:
        out.append(OTHER_CONVENTION)
    for note in (shares.note, shares.source.note):
        if note:
            out.append(f"Share list note: {note}")
    return out


def basis_caveat(rel: Optional[Reliance]) -> Optional[str]:
    if rel is None or rel.basis == "MCS NIR":
        return None
    extra = f" {rel.note}" if rel.note else ""
    return f"The reliance figure is not a USGS net import reliance but an {rel.basis} figure.{extra}"


# --------------------------------------------------------------------------
# minerals exposure NAME


def exposure(
    trade: ImportDependenceFile,
    countries,
    mineral,
    allies: AllySet,
    targets: list[TargetInfo],
    edition: Optional[int] = None,
) -> ExposureResult:
    """Reliance, suppliers, exposure to each, allied share, concentration and gaps of one mineral."""
    edition = resolve_edition(trade, edition)
    supply = supply_of(commodity_index(trade), mineral.commodity, edition)
    commodity, rel, shares, nir = supply.commodity, supply.reliance, supply.shares, supply.nir
    names = country_names(countries)
    feoc = group_members(countries, FEOC_GROUP)
    allied_codes = set(allies.countries)
    inherited = inherited_note(mineral, commodity)

    allied_imports = set_share(shares, allied_codes) if shares else None
    allied = allied_span(nir, allied_imports)
    unknown = list(supply.unknown)
    if allied is None:
        unknown.append("allied share of supply and the gaps to the targets: unknown (they need both figures above)")

    categories = _category_lists(commodity, edition, names) if commodity and not shares else []
    caveats = [c for c in (inherited, bound_caveat(rel), basis_caveat(rel)) if c]
    caveats += share_caveats(supply)
    if commodity is not None:
        caveats += commodity.notes

    return ExposureResult(
        mineral=mineral.id,
        name=mineral.name,
        symbol=mineral.symbol,
        commodity=commodity.id if commodity else mineral.commodity,
        commodity_name=commodity.name if commodity else None,
        inherited=inherited,
        edition=edition,
        reliance=published(rel),
        trend=[published(r) for r in sorted(commodity.reliance, key=lambda r: r.edition)] if commodity else [],
        domestic_share=bounded(domestic_span(nir)),
        import_shares=share_basis(shares) if shares else None,
        sources=_source_rows(shares, nir, names, allied_codes, set(feoc)) if shares else [],
        ranked_sources=_ranked_basis(supply.ranked, names) if supply.ranked else None,
        category_shares=categories,
        leading=leading_codes(shares, supply.ranked),
        china=_link(f"China ({CHINA})", [CHINA], shares, nir),
        feoc=_link(feoc_label(countries), feoc, shares, nir),
        allies=allies,
        allied_import_share=bounded(allied_imports),
        allied_share=bounded(allied),
        concentration=concentration(shares) if shares else None,
        gaps=gaps_to(targets, allied),
        unknown=unknown,
        caveats=caveats,
        notes=target_notes(targets),
        citations=dedupe(_exposure_citations(commodity, supply, shares, categories, countries, allies, targets)),
    )


def feoc_label(countries) -> str:
    """The FEOC line's label, naming the members the data's feoc group holds."""
    group = next((g for g in countries.groups if g.id == FEOC_GROUP), None)
    if group is None:
        return f"foreign entities of concern ({FEOC_GROUP}: no such group in the data)"
    return f"foreign entities of concern ({FEOC_GROUP}: {', '.join(group.members) or 'no members'})"


def _source_rows(shares, nir, names, allied_codes, feoc) -> list[SourceExposure]:
    leading = set(leading_codes(shares, None))
    ordered = sorted(shares.shares, key=lambda s: (s.country is None, -s.percent))
    return [
        SourceExposure(
            rank=i,
            country=s.country,
            name=names.get(s.country, s.name) if s.country else s.name,
            share=s.percent,
            exposure=bounded(exposure_span(nir, exact(s.percent))),
            allied=s.country in allied_codes,
            feoc=s.country in feoc,
            leading=s.country in leading,
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
    newest = _latest_at_or_before(parts, edition)
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


def _exposure_citations(commodity, supply: Supply, shares, categories, countries, allies, targets) -> list[Cited]:
    out: list[Cited] = []
    if commodity is not None:
        for r in sorted(commodity.reliance, key=lambda r: r.edition):
            out.append(Cited(what=f"net import reliance of {commodity.name}, MCS {r.edition} ({r.year})", source=r.source))
    if shares is not None:
        out.append(Cited(what=f"import shares of {commodity.name}, {shares.period} (MCS {shares.edition})", source=shares.source))
        out.append(Cited(what="concentration bands (HHI)", source=HHI_BANDS))
    if supply.ranked is not None:
        r = supply.ranked
        out.append(Cited(what=f"ranked import sources of {commodity.name}, {r.period} (MCS {r.edition})", source=r.source))
    for part in categories:
        out.append(Cited(what=f"import shares of {commodity.name}, {part.category}, {part.period}", source=part.source))
    out += ally_citations(countries, allies)
    feoc = next((g for g in countries.groups if g.id == FEOC_GROUP), None)
    if feoc is not None:
        out.append(Cited(what=f"{feoc.name} ({feoc.id})", source=feoc.source))
    out += target_citations(targets)
    return out


# --------------------------------------------------------------------------
# the run: which edition and which list


def run_scope(minerals: MineralsFile, trade: ImportDependenceFile, list_id: Optional[str], edition: Optional[int]):
    """(list id, edition): the ones asked for, checked, else the latest final list and the default edition."""
    chosen = list_info(minerals, list_id).id if list_id is not None else latest_final(minerals)
    return chosen, resolve_edition(trade, edition)


# --------------------------------------------------------------------------
# minerals country CODE


def country_view(
    minerals: MineralsFile,
    trade: ImportDependenceFile,
    countries,
    code: str,
    list_id: Optional[str] = None,
    edition: Optional[int] = None,
) -> CountryResult:
    """Every mineral of the list the U.S. imports from one country, ranked by exposure."""
    list_id, edition = run_scope(minerals, trade, list_id, edition)
    commodities = commodity_index(trade)
    names = country_names(countries)
    rows: list[CountryMineralRow] = []
    cited: list[Cited] = []
    for commodity_id, members in by_commodity(minerals, list_id):
        supply = supply_of(commodities, commodity_id, edition)
        row = _country_row(supply, code, [m.id for m in members])
        if row is not None:
            rows.append(row)
            cited += _supply_citations(supply)
    rows.sort(key=_country_rank_key)
    leading_for = sorted(m for r in rows if r.leading for m in r.minerals)
    groups = [g.id for g in countries.groups if code in g.members]
    caveats = [SHIPMENT_CAVEAT, OTHER_CONVENTION]
    if code == DOMESTIC:
        caveats.insert(0, "The United States is the domestic supplier: USGS lists no U.S. import sources for it.")
    if code == CHINA:
        caveats.append("USGS counts imports from Hong Kong with China where its notes say so.")
    if any(r.reliance and r.reliance.bound != "exact" for r in rows):
        caveats.append(
            "Where USGS published the reliance as a bound ('>50', '<25') the exposure is a bound too; see `bound`."
        )
    if any(r.basis == "ranked" for r in rows):
        caveats.append(
            "Rows with basis 'ranked' come from a list of major sources without shares: the country is a source "
            "but its exposure is unknown."
        )
    return CountryResult(
        country=code,
        name=names.get(code, code),
        groups=groups,
        list=list_id,
        edition=edition,
        count=len(rows),
        minerals_count=sum(len(r.minerals) for r in rows),
        rows=rows,
        leading_for=leading_for,
        caveats=caveats,
        citations=dedupe(cited),
    )


def _country_row(supply: Supply, code: str, members: list[str]) -> Optional[CountryMineralRow]:
    commodity, shares, ranked = supply.commodity, supply.shares, supply.ranked
    places = source_places(shares, ranked)
    if commodity is None or code not in places:
        return None
    share, rank = places[code]
    return CountryMineralRow(
        commodity=commodity.id,
        commodity_name=commodity.name,
        minerals=members,
        basis="shares" if shares is not None else "ranked",
        share=share,
        rank=rank,
        period=(shares or ranked).period,
        reliance=published(supply.reliance),
        exposure=bounded(exposure_span(supply.nir, exact(share)) if share is not None else None),
        leading=code in leading_codes(shares, ranked),
    )


def _country_rank_key(row: CountryMineralRow):
    """Known exposures first (largest first), then known shares, then rank-only rows."""
    if row.exposure.value is not None:
        return (0, -row.exposure.value, -(row.share or 0), row.commodity)
    if row.share is not None:
        return (1, -row.share, 0, row.commodity)
    return (2, row.rank, 0, row.commodity)


def _supply_citations(supply: Supply) -> list[Cited]:
    c = supply.commodity
    out = []
    if supply.reliance is not None:
        r = supply.reliance
        out.append(Cited(what=f"net import reliance of {c.name}, MCS {r.edition} ({r.year})", source=r.source))
    if supply.shares is not None:
        s = supply.shares
        out.append(Cited(what=f"import shares of {c.name}, {s.period} (MCS {s.edition})", source=s.source))
    elif supply.ranked is not None:
        r = supply.ranked
        out.append(Cited(what=f"ranked import sources of {c.name}, {r.period} (MCS {r.edition})", source=r.source))
    return out


# --------------------------------------------------------------------------
# minerals gaps


def gaps(
    minerals: MineralsFile,
    trade: ImportDependenceFile,
    countries,
    list_id: Optional[str],
    allies: AllySet,
    targets: list[TargetInfo],
    autonomy: list[TargetInfo],
    edition: Optional[int] = None,
) -> GapsResult:
    """Each mineral's allied share and gap to each target, and the list's autonomy rate."""
    list_id, edition = run_scope(minerals, trade, list_id, edition)
    commodities = commodity_index(trade)
    allied_codes = set(allies.countries)
    rows: list[MineralGapRow] = []
    domestic: list[Span] = []
    excluded: list[str] = []
    cited: list[Cited] = []
    bounds_seen = False
    for m in minerals_on(minerals, list_id):
        supply = supply_of(commodities, m.commodity, edition)
        nir = supply.nir
        allied = allied_span(nir, set_share(supply.shares, allied_codes) if supply.shares else None)
        dom = domestic_span(nir)
        if dom is None:
            excluded.append(m.id)
        else:
            domestic.append(dom)
        bounds_seen |= supply.reliance is not None and supply.reliance.qualifier in (">", "<")
        rows.append(
            MineralGapRow(
                mineral=m.id,
                name=m.name,
                commodity=m.commodity,
                inherited=inherited_note(m, supply.commodity) is not None,
                reliance=published(supply.reliance),
                domestic_share=bounded(dom),
                allied_share=bounded(allied),
                gaps=gaps_to(targets, allied),
                unknown="; ".join(supply.unknown) if allied is None else None,
            )
        )
        if supply.commodity is not None:
            cited += _supply_citations(supply)
    rows.sort(key=_gap_rank_key)
    rate = mean_span(domestic)
    shown = targets + autonomy
    caveats = [
        f"Each mineral's allied share uses the allies {allies.spec}; 'Other' and unnamed countries count as "
        "not allied. The targets are applied to every mineral of the list.",
        f"Autonomy rate = mean domestic share (100 - NIR), {EQUAL_WEIGHTS}.",
        SHIPMENT_CAVEAT,
        "Minerals whose import shares are unknown (ranked sources only) have an unknown allied share and gap.",
    ]
    if bounds_seen:
        caveats.append(
            "Where USGS published the reliance as a bound ('>50', '<25') the domestic and allied shares and the "
            "gaps are bounds too; see `bound`, `low` and `high`."
        )
    return GapsResult(
        list=list_id,
        title=list_info(minerals, list_id).title,
        edition=edition,
        allies=allies,
        targets=targets,
        minerals=rows,
        autonomy=AutonomyRate(
            rate=bounded(rate),
            covered=len(domestic),
            of=len(rows),
            excluded=excluded,
            weights=EQUAL_WEIGHTS,
            targets=[_autonomy_target(t, rate) for t in autonomy],
        ),
        notes=target_notes(shown),
        caveats=caveats,
        citations=dedupe(cited + ally_citations(countries, allies) + target_citations(shown)),
    )


def _gap_rank_key(row: MineralGapRow):
    """Largest gap first: the gaps fall as the allied share rises, so sort by allied share."""
    a = row.allied_share
    if a.value is None:
        return (1, 0.0, row.name)
    return (0, a.value, row.name)


def _autonomy_target(t: TargetInfo, rate: Optional[Span]) -> AutonomyTarget:
    change = None
    if t.baseline is not None:
        change = bounded(Span(rate.value - t.baseline, rate.low - t.baseline, rate.high - t.baseline) if rate else None)
    return AutonomyTarget(
        target=t.id,
        value=t.value,
        baseline=t.baseline,
        verified=t.verified,
        gap=bounded(gap_span(t.value, rate)),
        change_from_baseline=change,
    )


# --------------------------------------------------------------------------
# minerals scenario --cut CODE


def scenario(
    minerals: MineralsFile,
    trade: ImportDependenceFile,
    countries,
    cut: list[str],
    list_id: Optional[str] = None,
    edition: Optional[int] = None,
    cut_notes: Optional[list[str]] = None,
) -> ScenarioResult:
    """The share of U.S. supply at risk, per mineral, if the cut countries stopped exporting.

    `cut` comes from `cut_set`, which keeps the United States out of it;
    `cut_notes` are its words on what it left out.
    """
    if not cut:
        raise UsageError("name at least one country to cut", "e.g. --cut CN (a name, an ISO code or a group id)")
    if DOMESTIC in cut:
        raise UsageError("the United States is domestic supply and cannot be cut", "cut foreign suppliers only")
    list_id, edition = run_scope(minerals, trade, list_id, edition)
    commodities = commodity_index(trade)
    names = country_names(countries)
    rows, unknown = [], []
    covered: list[Span] = []
    members_total = 0
    cited: list[Cited] = []
    for commodity_id, members in by_commodity(minerals, list_id):
        members_total += len(members)
        supply = supply_of(commodities, commodity_id, edition)
        risk = exposure_span(supply.nir, set_share(supply.shares, cut, other_may_hide=True) if supply.shares else None)
        if risk is not None:
            covered += [risk] * len(members)
        row = _risk_row(supply, cut, [m.id for m in members], names, risk)
        if row is None:
            continue
        (rows if row.at_risk.value is not None else unknown).append(row)
        cited += _supply_citations(supply)
    rows.sort(key=lambda r: (-r.at_risk.value, -(r.at_risk.high or 0), r.commodity))
    unknown.sort(key=lambda r: (min((c.rank for c in r.cut), default=0), r.commodity))
    at_risk = [r for r in rows if (r.at_risk.high or 0) > EPSILON]
    caveats = list(cut_notes or []) + [
        "Supply at risk = NIR x (share of imports from the cut countries) / 100, in percentage points of U.S. "
        "consumption: the part of supply that would need another source, before stocks, substitution or "
        "re-routing.",
        SHIPMENT_CAVEAT,
        OTHER_CONVENTION,
        f"The mean is taken with {EQUAL_WEIGHTS}; a mineral whose share list names no cut country "
        "counts as 0 in the value and up to its 'Other' share in the upper bound.",
    ]
    if CHINA in cut:
        caveats.append("USGS counts imports from Hong Kong with China where its notes say so.")
    if unknown:
        caveats.append(
            "'unknown' rows: a cut country is among the sources, but USGS publishes only a ranked list or no "
            "reliance figure, so the supply at risk is unknown."
        )
    return ScenarioResult(
        cut=list(cut),
        cut_names=[names.get(c, c) for c in cut],
        list=list_id,
        edition=edition,
        rows=at_risk,
        unknown=unknown,
        totals=ScenarioTotals(
            minerals_at_risk=sum(len(r.minerals) for r in at_risk),
            commodities_at_risk=len(at_risk),
            minerals_unknown=sum(len(r.minerals) for r in unknown),
            mean_at_risk=bounded(mean_span(covered)),
            covered=len(covered),
            of=members_total,
            weights=EQUAL_WEIGHTS,
        ),
        caveats=caveats,
        citations=dedupe(cited),
    )


def _risk_row(supply: Supply, cut: list[str], members: list[str], names, risk: Optional[Span]) -> Optional[AtRiskRow]:
    """A row when a cut country is (or, in an incomplete list, may be) among the sources."""
    commodity, shares, ranked = supply.commodity, supply.shares, supply.ranked
    if commodity is None or (shares is None and ranked is None):
        return None
    places = source_places(shares, ranked)
    cuts = [CutShare(country=c, name=names.get(c, c), share=places[c][0], rank=places[c][1]) for c in cut if c in places]
    share = set_share(shares, cut, other_may_hide=True) if shares is not None else None
    if not cuts and (shares is None or risk is None or unattributed(shares) < EPSILON):
        return None  # not named; that it may sit in 'Other' shows in the totals' upper bound
    note = None
    if risk is None:
        note = "; ".join(supply.unknown) or None
    elif not cuts:
        note = "no cut country is named, but the incomplete share list may hide one"
    return AtRiskRow(
        commodity=commodity.id,
        commodity_name=commodity.name,
        minerals=members,
        reliance=published(supply.reliance),
        period=(shares or ranked).period,
        cut=cuts,
        cut_share=bounded(share),
        at_risk=bounded(risk),
        note=note,
    )
