"""Salient statistics and what a cut-off costs: the five-year table, and the yearly value of supply at risk.

The value of a part of U.S. supply is apparent consumption x price x the
part (docs/design.md, "Value at risk").  It is computed only where USGS
publishes both on one basis and the units convert exactly: one consumption
series (apparent, else reported or estimated, as stated), one price series,
neither naming a product or a basis the other does not (an oxide, a
carbonate, a concentrate, gross weight, contained metal, a metric ton
unit), both figures plain numbers in the same year.  Otherwise the value is
unknown and the reason says which of these failed: never a guess.
"""

from __future__ import annotations

from typing import Optional

from ..results.base import Cited
from ..results.stats import PolicyPriceRow, StatPoint, StatRow, StatsResult, ValueAtRisk
from .bounds import Span, bounded

# The kinds of row a chapter's salient statistics have: what a caller may ask for one kind of.
STATISTICS = ("production", "import", "export", "consumption", "price", "stock", "net import reliance", "employment",
              "shipment", "supply", "sales", "sold or used")

KG_PER_POUND = 0.45359237  # exact, by definition
KG_PER_TROY_OUNCE = 0.0311034768  # exact, by definition
# Units of mass a consumption figure may have -> kilograms per unit.
MASS = {"kilograms": 1.0, "metric tons": 1000.0, "thousand metric tons": 1_000_000.0}
# Units of price -> (dollars per kilogram per unit, the conversion in words).
PRICE = {
    "dollars per kilogram": (1.0, "$/kg"),
    "dollars per metric ton": (0.001, "$/t ÷ 1,000 kg/t"),
    "dollars per pound": (1 / KG_PER_POUND, "$/lb ÷ 0.45359237 kg/lb"),
    "cents per pound": (0.01 / KG_PER_POUND, "¢/lb ÷ 100 ¢/$ ÷ 0.45359237 kg/lb"),
    "dollars per troy ounce": (1 / KG_PER_TROY_OUNCE, "$/ozt ÷ 0.0311034768 kg/ozt"),
    "dollars per gram": (1000.0, "$/g × 1,000 g/kg"),
}
# The statistics a value at risk reads: a scenario reads only these series.
VALUED = {"Consumption", "Price"}
# Words that name a product or a basis: a price and a consumption figure must not differ in them.
BASIS_WORDS = ("oxide", "carbonate", "concentrate", " ore", "alloy", "ferro", "content", "contained", "equivalent",
               "gross weight", "ton unit", "grade", "ampoule", "sponge", "perrhenate", "tantalite", "zircon", "chromite",
               "ilmenite", "rutile", "slag", "k2o", "flake", "amorphous", "lump", "dry", "ammonium", "primary",
               "secondary", "refined", "scrap", "all forms")


def basis_words(text: str) -> set[str]:
    low = f" {text.lower()}"
    return {w.strip() for w in BASIS_WORDS if w in low}


def number_of(published: str) -> Optional[float]:
    """A plain published number, or None (a code, a bound, a range or text is no figure to multiply)."""
    from ..dataset.records import parse_stat_value

    value, qualifier, _, _ = parse_stat_value(published)
    return value if qualifier == "exact" else None


def consumption_series(series: list) -> tuple[Optional[object], Optional[str]]:
    """(the consumption series to value, or None with the reason)."""
    if not series:
        return None, "the data holds no USGS salient statistics for it"
    found = [s for s in series if s.statistic == "Consumption"]
    if not found:
        return None, "USGS publishes no consumption figure for it"
    for kind in ("apparent", "reported", "estimated"):
        chosen = [s for s in found if kind in s.detail.lower()]
        if len(chosen) == 1:
            return chosen[0], None
        if len(chosen) > 1:
            return None, f"USGS publishes {len(chosen)} {kind}-consumption series ({_names(chosen)}); which one is meant is not stated"
    return (found[0], None) if len(found) == 1 else (None, f"USGS publishes {len(found)} consumption series ({_names(found)})")


def price_series(series: list) -> tuple[Optional[object], Optional[str]]:
    found = [s for s in series if s.statistic == "Price"]
    if not found:
        return None, "USGS publishes no price for it"
    if len(found) > 1:
        return None, f"USGS publishes {len(found)} prices of different products or markets ({_names(found)}); which one prices U.S. consumption is not stated"
    return found[0], None


def _names(series: list) -> str:
    """The series as USGS prints them, with their chapter where a commodity's series come from several."""
    several = len({(s.chapter, s.product) for s in series}) > 1
    return "; ".join((f"{s.product}: " if several else "") + f"'{s.detail}'" for s in series)


def value_at_risk(series: list, at_risk: Optional[Span], what: str, year: Optional[int] = None) -> ValueAtRisk:
    """The yearly value of `at_risk` percentage points of U.S. consumption, or why it is unknown.

    `year` (the data year of the reliance used) is taken where both figures are published for it; else the
    latest year that has both, which the result names.
    """
    wanted = year
    consumption, why = consumption_series(series)
    price, why_price = price_series(series) if consumption is not None else (None, None)
    reason = why or why_price
    if reason is None:
        reason = _incompatible(consumption, price)
    year = None if reason else _common_year(consumption, price, wanted)
    if reason is None and year is None:
        reason = "no year has both the consumption and the price as plain published numbers"
    if reason is None and at_risk is None:
        reason = f"the {what} is unknown"
    if reason is not None:
        return ValueAtRisk(year=None, value=bounded(None), unit="dollars per year", consumption=None, price=None,
                           conversion=None, unknown=reason)
    c, p = _point(consumption, year), _point(price, year)
    kg = c.number * MASS[consumption.unit]
    per_kg = p.number * PRICE[price.unit][0]
    whole = kg * per_kg  # dollars a year of the whole apparent consumption
    span = Span(whole * at_risk.low / 100, whole * at_risk.value / 100, whole * at_risk.high / 100)
    conversion = (f"{c.published} {consumption.unit} × {MASS[consumption.unit]:,.0f} kg per unit × "
                  f"{p.published} {price.unit} ({PRICE[price.unit][1]} = {per_kg:,.4f} $/kg) × the {what} / 100")
    return ValueAtRisk(year=year, value=bounded(span), unit="dollars per year", consumption=c, price=p,
                       conversion=conversion, unknown=None)


def _incompatible(consumption, price) -> Optional[str]:
    if consumption.unit not in MASS:
        return f"consumption is in {consumption.unit!r}, which this tool does not convert"
    if price.unit not in PRICE:
        return f"the price is in {price.unit!r}, which this tool does not convert"
    left, right = basis_words(consumption.detail), basis_words(price.detail)
    if left != right:
        return (f"the price ('{price.detail}') and consumption ('{consumption.detail}') are not on one basis "
                f"({', '.join(sorted(left ^ right))})")
    return None


def _common_year(consumption, price, wanted: Optional[int]) -> Optional[int]:
    c = {v.year for v in consumption.years if number_of(v.published) is not None}
    p = {v.year for v in price.years if number_of(v.published) is not None}
    both = c & p
    return wanted if wanted in both else (max(both) if both else None)


def _point(series, year: int) -> StatPoint:
    v = next(x for x in series.years if x.year == year)
    return StatPoint(series=series.id, detail=series.detail, unit=series.unit, year=year, published=v.published,
                     number=number_of(v.published), estimated=v.estimated)


# --------------------------------------------------------------------------
# minerals stats


def _row(s) -> StatRow:
    return StatRow(id=s.id, chapter=s.chapter, product=s.product, statistic=s.statistic, detail=s.detail, unit=s.unit, note=s.note,
                   years=[StatPoint(series=s.id, detail=s.detail, unit=s.unit, year=v.year, published=v.published,
                                     number=number_of(v.published), estimated=v.estimated, note=v.note)
                           for v in s.years])


def _beside(series: list, policy_price) -> Optional[StatRow]:
    """USGS's price row of the policy price's product: the one price row naming it, in the same unit."""
    if not policy_price.compare_with:
        return None
    found = [s for s in series if s.statistic == "Price" and s.unit == policy_price.unit
             and policy_price.compare_with.lower() in s.detail.lower()]
    return _row(found[0]) if len(found) == 1 else None


def stats(stats_file, mineral, policy=None, statistic: Optional[str] = None) -> StatsResult:
    """The salient statistics of the mineral's chapter (its commodity's series), with policy prices beside them."""
    series = stats_file.of(mineral.commodity) if mineral.commodity else []
    chosen = [s for s in series if statistic is None or s.statistic.lower() == statistic.lower()]
    notes = {c.chapter: c.note for c in stats_file.chapters}
    chapters = list(dict.fromkeys(s.chapter for s in series))
    rows = [_row(s) for s in chosen]
    floors = [PolicyPriceRow(id=p.id, product=p.product, kind=p.kind, value=p.value, unit=p.unit, since=p.since,
                             term=p.term, verified=p.verified, note=p.note, source=p.stated_in,
                             beside=_beside(series, p))
              for p in (policy.prices if policy is not None else []) if p.commodity == mineral.commodity]
    unknown = [] if series else [f"no salient statistics for {mineral.name} in the data"
                                 + ("" if mineral.commodity else " (it has no MCS commodity of its own)")]
    return StatsResult(mineral=mineral.id, name=mineral.name, commodity=mineral.commodity, edition=stats_file.edition,
                       chapters=chapters, chapter_notes=[notes[c] for c in chapters if c in notes],
                       statistic=statistic, series=rows, policy_prices=floors, unknown=unknown,
                       citations=[Cited(what=f"salient statistics ({', '.join(chapters) or 'none'})",
                                        source=stats_file.source)] + [Cited(what=f"{f.kind}: {f.product}", source=f.source)
                                                                      for f in floors])
