"""Who produces a mineral: shares of world production, reserves and capacity, from the USGS world tables.

A country's share is its figure over USGS's world total.  USGS rounds
most totals and withholds some figures, so a share is given with its range:
from the figure over the larger of (the published total, the sum of the
figures printed), which is also its value, to the figure over the smaller.  A withheld (`W`) or not
available (`NA`) figure has no share; `—` is zero.  Shares of world
production are shares: they are never mixed with U.S. import tonnages,
and the stage (mine, refinery, primary, ...) is always named with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

from ..dataset.records import parse_world_value
from ..results.base import AllySet, Bounded, Cited
from ..results.world import OriginSource, Producer, StageInfo, WorldOrigin, WorldResult, WorldRole, WorldTable
from .bounds import EPSILON, clean
from .groups import CHINA

if TYPE_CHECKING:
    from ..dataset.schema import WorldSeries

PRODUCTION = ("primary", "mine", "refinery", "smelter", "production")
WORLD_CAVEAT = ("World roles are shares of world production at the stage USGS reports first for each mineral "
                "(mine, refinery, primary, ...), not of U.S. imports.")
UNKNOWN = Bounded(value=None, bound="unknown", low=None, high=None)


class Share(NamedTuple):
    value: float
    low: float
    high: float


def series_for(world, commodity: Optional[str]) -> list:
    """(id, stage, detail, year, unit, section) of every world series of a commodity; none without world data."""
    if world is None or not commodity:
        return []
    return world.listing(commodity)


def pick(world, listing: list, stage: Optional[str], year: Optional[int], kinds=PRODUCTION):
    """The series of `stage` (default: the first of `kinds` the chapter prints) in `year` (default: the latest).

    Only the series chosen is read from the data.
    """
    wanted = [s for s in listing if (s.stage == stage if stage else s.stage in kinds)]
    if not wanted:
        return None
    stage = stage or wanted[0].stage
    first = next(s for s in wanted if s.stage == stage)
    same = [s for s in wanted if s.stage == stage and s.detail == first.detail]
    chosen = next((s for s in same if s.year == year), None) if year is not None else max(same, key=lambda s: s.year)
    return world.one(chosen.id) if chosen is not None else None


def shares(series: WorldSeries) -> dict[int, Optional[Share]]:
    """Entry index -> its share of the world (None where the figure is unknown)."""
    total = _number(series.total.published) if series.total is not None else None
    known = [_number(e.published) for e in series.entries]
    printed = sum(v for v in known if v is not None)
    denominators = [d for d in (total, printed) if d]
    out: dict[int, Optional[Share]] = {}
    for i, v in enumerate(known):
        if v is None or not denominators:
            out[i] = None
            continue
        low = 100 * v / max(denominators)
        out[i] = Share(low, low, 100 * v / min(denominators))
    return out


def _number(published: str) -> Optional[float]:
    value, qualifier, _, _ = parse_world_value(published)
    return value if qualifier in ("exact", "—") else None


def figure(share: Optional[Share]) -> Bounded:
    if share is None:
        return UNKNOWN
    value, low, high = clean(share.value), clean(share.low), clean(share.high)
    if high - low < EPSILON:
        bound = "exact"
    elif abs(value - low) < EPSILON:
        bound = "lower"
    else:
        bound = "range"
    return Bounded(value=value, bound=bound, low=low, high=high)


def _leaders(series: WorldSeries, n: int, found: dict) -> list[Producer]:
    """The n largest producers (ties broken by file order)."""
    known = sorted((i for i in found if found[i] is not None), key=lambda i: -found[i].value)[:n]
    return [Producer(rank=place, country=series.entries[i].country, name=series.entries[i].name,
                     published=series.entries[i].published, estimated=series.entries[i].estimated,
                     share=figure(found[i]), allied=False, note=series.entries[i].note)
            for place, i in enumerate(known, start=1)]


def table(series: Optional[WorldSeries], allied: set[str], found: Optional[dict] = None) -> Optional[WorldTable]:
    if series is None:
        return None
    found = found if found is not None else shares(series)
    order = sorted(range(len(series.entries)), key=lambda i: (found[i] is None, -(found[i].value if found[i] else 0)))
    producers, last, place = [], None, 0
    for n, i in enumerate(order, start=1):
        e = series.entries[i]
        value = found[i].value if found[i] else None
        place = place if value is not None and last is not None and abs(value - last) < EPSILON else n
        last = value
        producers.append(Producer(rank=place, country=e.country, name=e.name, published=e.published,
                                  estimated=e.estimated, share=figure(found[i]), allied=e.country in allied,
                                  note=e.note))
    return WorldTable(stage=series.stage, detail=series.detail, section=series.section, unit=series.unit,
                      year=series.year, total=series.total.published if series.total else None,
                      rounded=series.rounded, producers=producers)


def set_share(series: Optional[WorldSeries], codes: set[str], found: Optional[dict] = None) -> Bounded:
    """The share of world production of a set of countries; unknown where none of them has a known figure."""
    if series is None:
        return UNKNOWN
    found = found if found is not None else shares(series)
    picked = [found[i] for i, e in enumerate(series.entries) if e.country in codes and found[i] is not None]
    missing = codes - {e.country for e in series.entries}
    other = next((found[i] for i, e in enumerate(series.entries) if e.country is None), None)
    hidden = (other.high if other else 0.0) if missing else 0.0  # a country not named may be in 'Other countries'
    if not picked and not (missing and (other is not None or series.total is not None)):
        return UNKNOWN
    value, low, high = (sum(getattr(s, part) for s in picked) for part in ("value", "low", "high"))
    return figure(Share(value, low, high + hidden))


def concentration(series: Optional[WorldSeries], found: Optional[dict] = None) -> tuple[Bounded, Bounded]:
    """(HHI, top-3 share) over the producers USGS names ('Other countries' left out)."""
    if series is None:
        return UNKNOWN, UNKNOWN
    found = found if found is not None else shares(series)
    named = [found[i] for i, e in enumerate(series.entries) if e.country is not None and found[i] is not None]
    if not named:
        return UNKNOWN, UNKNOWN
    hhi = Share(*(sum(getattr(s, part) ** 2 for s in named) for part in ("value", "low", "high")))
    top = sorted(named, key=lambda s: -s.value)[:3]
    top3 = Share(*(sum(getattr(s, part) for s in top) for part in ("value", "low", "high")))
    return figure(_capped(hhi, 10_000.0)), figure(_capped(top3, 100.0))


def _capped(span: Share, limit: float) -> Share:
    """No true HHI passes 10,000 and no true share 100: the upper end of a range is cut there."""
    return Share(span.value, span.low, max(span.low, min(span.high, limit)))


def world(world_file, mineral, allies: AllySet, stage: Optional[str] = None, year: Optional[int] = None) -> WorldResult:
    """Producers of a mineral at one stage and year, China's and the allies' shares, reserves and capacity."""
    series = series_for(world_file, mineral.commodity)
    production = pick(world_file, series, stage, year)
    allied = set(allies.countries)
    reserves = pick(world_file, series, "reserves", None)
    capacity = pick(world_file, series, "capacity", None)
    found = shares(production) if production is not None else None  # once for every figure below
    hhi, top3 = concentration(production, found)
    unknown = _unknown(world_file, mineral, series, production, stage, year)
    return WorldResult(
        mineral=mineral.id, name=mineral.name, commodity=mineral.commodity,
        edition=world_file.edition if world_file is not None else None,
        production=table(production, allied, found), china=set_share(production, {CHINA}, found), allies=allies,
        allied_share=set_share(production, allied, found), hhi=hhi, top3=top3,
        reserves=table(reserves, allied), capacity=table(capacity, allied),
        stages=stages(series), unknown=unknown, caveats=caveats(production),
        citations=_citations(world_file, series),
    )


def stages(series: list) -> list[StageInfo]:
    seen: dict[tuple, StageInfo] = {}
    for s in series:
        key = (s.stage, s.detail, s.unit)
        if key not in seen:
            seen[key] = StageInfo(stage=s.stage, detail=s.detail, unit=s.unit, years=[])
        seen[key].years.append(s.year)
    return list(seen.values())


def caveats(production) -> list[str]:
    if production is None:
        return []
    out = [f"Shares are of world {production.detail.lower()} ({production.unit}, {production.year}): "
           "a stage of supply, not U.S. imports; they are never mixed with import figures."]
    if production.rounded:
        out.append(f"USGS rounds the world total ({production.total.published}); a share is given from the figure over the "
                   "larger to the figure over the smaller of that total and the sum of the figures printed, and "
                   "may pass 100.")
    if any(_number(e.published) is None and e.published != "—" for e in production.entries):
        out.append("Producers whose figure is withheld (W) or not available (NA) have no share; the others' "
                   "shares may be smaller than shown.")
    return out


def _unknown(world_file, mineral, series, production, stage, year) -> list[str]:
    if world_file is None:
        return ["world production: unknown (the data directory has no world_production.yaml)"]
    if not series:
        return [f"world production: unknown (USGS prints no world table for {mineral.commodity or mineral.id})"]
    if production is None:
        asked = " ".join(str(x) for x in (stage, year) if x)
        return [f"world production: no table {asked} for {mineral.commodity} (see `stages`)"]
    return []


def world_citations_of(world_file) -> list[Cited]:
    """The citation of the world tables as a whole."""
    return [] if world_file is None else [Cited(what="world production tables", source=world_file.source)]


def world_citations(world_file, mineral) -> list[Cited]:
    """The citation of the world tables a result about `mineral` uses (none without them)."""
    return _citations(world_file, series_for(world_file, mineral.commodity))


def _citations(world_file, series: list) -> list[Cited]:
    if world_file is None or not series:
        return []
    sections = ", ".join(dict.fromkeys(s.section for s in series))
    return [Cited(what=f"world tables: {sections}", source=world_file.source)]


def origin(world_file, mineral, import_shares, names: dict[str, str]) -> tuple[Optional[WorldOrigin], dict[str, Bounded]]:
    """(the default production table beside the import sources, ISO code -> share of every producer).

    (None, {}) without world data.  The shares are worked out once for both.
    """
    production = pick(world_file, series_for(world_file, mineral.commodity), None, None)
    if production is None:
        return None, {}
    found = shares(production)
    producers = {e.country: figure(found[i]) for i, e in enumerate(production.entries)
                 if e.country is not None and found[i] is not None and found[i].high > 0}
    by_code = {e.country: (e, found[i]) for i, e in enumerate(production.entries) if e.country is not None}
    sources, without = [], []
    for s in (import_shares.shares if import_shares else []):
        if s.country is None:
            continue
        entry, share = by_code.get(s.country, (None, None))
        produces = None if entry is not None and share is None else bool(share and share.high > 0)
        if produces is False:
            without.append(s.country)
        sources.append(OriginSource(country=s.country, name=names.get(s.country, s.name), import_share=s.percent,
                                    world_share=figure(share) if entry is not None else figure(Share(0.0, 0.0, 0.0)),
                                    produces=produces))
    hhi, _ = concentration(production, found)
    leaders = _leaders(production, 3, found)
    caveat = (f"World shares are of {production.detail.lower()} ({production.year}), a stage of supply; import "
              "shares are of what the U.S. imports. A country that ships but produces nothing at this stage "
              "likely re-exports or processes material of other origin.")
    view = WorldOrigin(stage=production.stage, detail=production.detail, year=production.year, unit=production.unit,
                       china=set_share(production, {CHINA}, found), hhi=hhi, leaders=leaders, sources=sources,
                       shippers_without_production=without, caveat=caveat)
    return view, producers


def world_role(world_file, groups: list[tuple[str, list[str]]], code: str) -> list[WorldRole]:
    """Where `code` produces each commodity of `groups` ((commodity, minerals) pairs), largest share first."""
    roles = []
    for commodity, members in groups:
        production = pick(world_file, series_for(world_file, commodity), None, None)
        if production is None:
            continue
        found = shares(production)
        index = next((i for i, e in enumerate(production.entries) if e.country == code), None)
        if index is None or found[index] is None or not found[index].high:
            continue
        rank = 1 + sum(1 for s in found.values() if s is not None and s.value > found[index].value + EPSILON)
        roles.append(WorldRole(commodity=commodity, minerals=members, stage=production.stage, detail=production.detail,
                               year=production.year, published=production.entries[index].published,
                               unit=production.unit, share=figure(found[index]), rank=rank, leads=rank == 1))
    return sorted(roles, key=lambda r: (-(r.share.value or 0), r.commodity))
