"""Each edition's own net import reliance beside the chapter five-year series, and what the later series changed.

An MCS chapter prints a five-year series of net import reliance (its Salient
Statistics; salient_statistics.yaml, statistic `Net import reliance`), which
revises what earlier editions printed in Fig. 2: cobalt's 2023 is 67 in MCS
2024 and 69 in the MCS 2026 series.  Here each edition's own record is paired
with the series value for its data year (docs/design.md, "Revisions"):

- same: both print the same figure;
- revised: the later series prints another figure;
- filled: the edition printed none (NA, W, or no Fig. 2 row, which the data
  keeps as NA with its reason) and the series prints one (boron's E);
- differs: the edition of the series itself printed another figure;
- not in the series: there is nothing to compare with, and why.

Both figures keep their own citations; the edition's figure is never replaced
by the series value, and no other command computes with the series.
"""

from __future__ import annotations

from typing import Optional

from ..dataset.records import Record, parse_published, parse_stat_value
from ..ingest.usgs_names import PRIMARY_SERIES
from ..results.base import Cited
from ..results.revisions import CheckedCommodity, NirSeries, Revision, RevisionsResult, SeriesYear
from .supply import commodity_index, dedupe

NIR = "Net import reliance"
CHANGED = ("revised", "filled", "differs")
_NO_FIGURE = ("NA", "W", "text")


def series_of(stats, commodity: Optional[str]) -> list:
    """The commodity's chapter NIR series, in file order; none without the salient statistics."""
    return stats.of(commodity, {NIR}) if stats is not None and commodity else []


def compared_series(commodity: str, series: list):
    """The series of the form the editions' figures measure: the one a chapter prints, else the chosen one.

    Where a chapter prints several (bauxite and alumina, rare earths' compounds and concentrates), the one of
    the commodity's form is named in ingest/usgs_names.PRIMARY_SERIES, as the ingester uses it.
    """
    if commodity in PRIMARY_SERIES:
        chapter, product, part = PRIMARY_SERIES[commodity]
        return next((s for s in series if s.chapter.upper() == chapter and " ".join(s.product.lower().split()) == product
                     and _part(s.detail) == part), None)
    return series[0] if len(series) == 1 else None


def _part(detail: str) -> str:
    """What a series' wording names after its colon ('...: Compounds and metals' -> 'compounds and metals')."""
    return " ".join(detail.split(":", 1)[1].lower().split()) if ":" in detail else ""


def series_source(stats_source, s) -> Record:
    """The citation of one series: the edition's data release, the chapter, the product and the row as printed."""
    return Record(source=stats_source.source,
                  table=f"{s.chapter} chapter, {s.product}: {s.detail!r}; data release {stats_source.table}",
                  url=stats_source.url, note=s.note)


def series_rows(commodity: str, series: list, edition: int, stats_source) -> list[NirSeries]:
    """Every NIR series of the commodity's chapters, each with its product, its years as printed and its citation."""
    chosen = compared_series(commodity, series)
    return [NirSeries(id=s.id, edition=edition, chapter=s.chapter, product=s.product, detail=s.detail,
                      compared=s is chosen, note=s.note,
                      years=[SeriesYear(year=v["year"], published=v["published"], estimated=v["estimated"],
                                        note=v["note"]) for v in s.years],
                      source=series_source(stats_source, s))
            for s in series]


def pair(commodity: str, reliance: list, series: list, edition: int, stats_source) -> list[Revision]:
    """Each reliance record (oldest edition first) beside the compared series' value for its data year."""
    chosen = compared_series(commodity, series)
    why = _why_no_series(series, edition) if chosen is None else None
    cited = series_source(stats_source, chosen) if chosen is not None else None
    by_year = {v["year"]: v for v in chosen.years} if chosen is not None else {}
    out = []
    for r in sorted(reliance, key=lambda r: (r.edition, r.year)):
        value = by_year.get(r.year)
        unknown = why
        if unknown is None and r.basis != "MCS NIR":
            unknown, value = f"a figure of {r.basis}, not a USGS net import reliance", None
        elif unknown is None and value is None:
            unknown = f"the MCS {edition} series gives no {r.year} value (it covers {_span(by_year)})"
        out.append(Revision(
            commodity=commodity, year=r.year, edition=r.edition, published=r.published, reason=r.reason,
            source=r.source, series=chosen.id if chosen is not None else None,
            series_edition=edition if chosen is not None else None,
            series_product=chosen.product if chosen is not None else None,
            series_published=value["published"] if value else None,
            series_estimated=value["estimated"] if value else None,
            series_source=cited,
            change=_change(r.published, value["published"], r.edition, edition) if value else "not in the series",
            unknown=None if value else unknown,
        ))
    return out


def _change(own: str, later: str, own_edition: int, series_edition: int) -> str:
    if own.strip() == later.strip():
        return "same"
    if series_edition <= own_edition:
        return "differs"
    if parse_published(own)[1] in _NO_FIGURE and parse_stat_value(later)[1] not in _NO_FIGURE:
        return "filled"
    return "revised"


def _span(by_year: dict) -> str:
    years = sorted(by_year)
    return "no year" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}-{str(years[-1])[-2:]}"


def _why_no_series(series: list, edition: int) -> str:
    if not series:
        return f"the salient statistics in the data hold no MCS {edition} chapter series of net import reliance for it"
    products = "; ".join(f"{s.product}: {s.detail!r}" for s in series)
    return (f"the MCS {edition} chapters print {len(series)} net-import-reliance series ({products}) and none is known "
            "to be of the form the editions' figures measure")


def beside(stats, commodity) -> tuple[list[NirSeries], list[Revision]]:
    """(the commodity's chapter series, each edition's figure beside the compared one); both empty without statistics."""
    if stats is None or commodity is None:
        return [], []
    series = series_of(stats, commodity.id)
    return (series_rows(commodity.id, series, stats.edition, stats.source),
            pair(commodity.id, commodity.reliance, series, stats.edition, stats.source))


def beside_editions(stats, commodity) -> list[Revision]:
    """Each edition's figure beside the compared series (what exposure shows); empty without statistics."""
    if stats is None or commodity is None:
        return []
    return pair(commodity.id, commodity.reliance, series_of(stats, commodity.id), stats.edition, stats.source)


def revisions(imports, stats, chosen: list, list_id: Optional[str] = None) -> RevisionsResult:
    """What the chapter series changed of each edition's figures, for the chosen minerals (a commodity once)."""
    index = commodity_index(imports)
    groups: dict[str, list[str]] = {}
    unknown: list[str] = []
    for m in chosen:
        if m.commodity:
            ids = groups.setdefault(m.commodity, [])
            ids += [] if m.id in ids else [m.id]
        else:
            unknown.append(f"{m.name}: no MCS commodity of its own, so no net import reliance to compare")
    found, checked, citations = [], [], []
    order = list(groups) if list_id is None else sorted(groups, key=lambda c: _name_of(index, c))
    for cid in order:
        ids = groups[cid]
        commodity = index.get(cid)
        if commodity is None:
            unknown.append(f"{cid}: not in the import-dependence data")
            continue
        series = series_of(stats, cid)
        pairs = pair(cid, commodity.reliance, series, stats.edition, stats.source)
        changed = [p for p in pairs if p.change in CHANGED]
        chosen_series = compared_series(cid, series)
        checked.append(CheckedCommodity(
            commodity=cid, commodity_name=commodity.name, minerals=ids,
            series=chosen_series.id if chosen_series is not None else None,
            series_product=chosen_series.product if chosen_series is not None else None,
            compared=sum(p.change != "not in the series" for p in pairs), changed=len(changed),
            unknown=_why_no_series(series, stats.edition) if chosen_series is None else None))
        found += changed
        for p in changed:
            citations.append(Cited(what=f"net import reliance of {commodity.name}, MCS {p.edition} ({p.year})",
                                   source=p.source))
            citations.append(Cited(what=f"net import reliance of {commodity.name}, MCS {p.series_edition} chapter series",
                                   source=p.series_source))
    return RevisionsResult(
        list=list_id, minerals=list(dict.fromkeys(m.id for m in chosen)), series_edition=stats.edition, count=len(found),
        revised=sum(p.change == "revised" for p in found), filled=sum(p.change == "filled" for p in found),
        revisions=found, checked=checked, unknown=unknown, caveats=caveats(stats.edition),
        citations=dedupe(citations))


def _name_of(index, commodity: str) -> str:
    found = index.get(commodity)
    return (found.name if found is not None else commodity).lower()


def caveats(edition: int) -> list[str]:
    return [
        f"The later figure of each year is the MCS {edition} chapter series', the one chapter series in the data: "
        "revisions an intermediate edition's chapter made are not shown.",
        "Both figures are shown, each cited: an edition's own figure is never replaced by the series, and every "
        "other command computes with the edition's own figure.",
        "A 'filled' year is one the edition printed no figure for (NA, W, or no Fig. 2 row: Fig. 2 leaves out net "
        "exporters) that the later series gives.",
    ]
