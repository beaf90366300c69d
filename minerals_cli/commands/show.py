"""`minerals show NAME [NAME ...]` or `--all`: minerals' profiles."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "One mineral's names, list history, reliance and import sources."
ALL_FLAG = "--all"


@help_defaults(list_id=f"the latest final list (with {ALL_FLAG})")
def command(
    names: Annotated[Optional[list[str]], opt.Argument(
            help="Mineral names, symbols or aliases (e.g. lithium, Nd, 'rare earths', metallurgical-coal).",
            autocompletion=complete_mineral, show_default=False)] = None,
    every: Annotated[bool, opt.Option(ALL_FLAG, help="Every mineral of the list (--list), in one run.")] = False,
    list_id: opt.ListOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """One mineral's profile: names, list history, net import reliance by edition, import sources, citations.

    Several minerals, or every mineral of a list with --all, are shown in one
    run; their JSON is a list of the one-mineral profiles, in order.  CSV and
    JSON lines give one record per mineral (its headline figures: list
    membership, the latest reliance, the leading source, China's share).
    """
    from ..render import emit

    results = opt.open_data(data_dir).show(names or [], every=every, list_id=list_id)
    emit(results if every or len(results) > 1 else results[0], view, fmt, sources=sources)


def view(r) -> View:
    """Names and list history, then the trade figures, controls and other lists; the caveats few, the rest behind
    --sources, every list, figure and measure cited."""
    from ..results.base import Cited

    facts = [
        ["name", r.name],
        ["symbol", r.symbol or "—"],
        ["group", r.group or "—"],
        ["kind", r.kind],
        ["aliases", ", ".join(r.aliases) or "—"],
        ["delisted", r.delisted if r.split_note is None else
         f"{'yes' if r.delisted else 'no'}: split into its members (see list history)"],
    ]
    if r.split_into:
        facts.append(["split into", ", ".join(r.split_into)])
    tables = [Table(r.name, ["field", "value"], facts),
              Table("List history", ["list", "status", "membership"], [[h.list, h.status, h.how] for h in r.history])]
    named = [h for h in r.history if h.on_list or h.through]
    cited = [Cited(what=f"the {h.list} list", source=c) for h, c in zip(named, r.citations)]
    notes = [r.split_note] if r.split_note else []
    more = list(r.notes)
    if r.trade is not None:
        tables += _trade_tables(r.trade)
        notes += _trade_notes(r.trade)
        more += _trade_more(r.trade)
        cited += _trade_citations(r.trade)
    elif r.commodity is None:
        notes.append("no trade figures: this entry has no MCS commodity of its own")
    if r.controls:
        tables.append(Table("Export controls that bear today", ["country", "code", "kind", "status", "measure"],
                            [[c.name, c.country, c.kind, c.status, c.measure] for c in r.controls]))
        more += [f"export control {c.measure} ({c.name}): {c.kind}, scope {c.scope}: {c.status}"
                 + (f" ({c.status_note})" if c.status_note else "") for c in r.controls]
        cited += [Cited(what=f"export control: {c.measure}", source=c.source) for c in r.controls]
    if r.lists_elsewhere:
        tables.append(Table("On other jurisdictions' lists", ["list", "jurisdiction", "published", "entry", "mapping",
                                                              "qualifier"],
                            [[e.list, e.jurisdiction, e.published, e.entry or "unknown (incomplete list)", e.mapping,
                              e.qualifier or ""] for e in r.lists_elsewhere]))
        cited += [Cited(what=f"the {e.list} list", source=e.citation) for e in r.lists_elsewhere]
    return View(tables, notes, cited, more)


def _trade_tables(t) -> list[Table]:
    from ..render.cells import series_cell

    later = {(p.edition, p.year): p for p in t.revisions} if any(p.series for p in t.revisions) else {}
    reliance = [[f"MCS {e.edition}", e.year, e.published, e.bound, e.form or t.form or "—", e.basis]
                + ([series_cell(later.get((e.edition, e.year)))] if later else []) for e in t.reliance]
    columns = ["edition", "year", "published", "bound", "form", "basis"]
    edition = next((p.series_edition for p in t.revisions if p.series_edition), None)
    if later:
        columns.append(f"MCS {edition} chapter series" if edition else "chapter series")
    tables = [Table(f"Net import reliance, % of apparent consumption ({t.commodity_name})", columns, reliance)]
    if t.nir_series:
        years = sorted({v.year for s in t.nir_series for v in s.years})
        tables.append(Table(f"Net import reliance as the MCS {t.nir_series[0].edition} chapters print it, "
                            "% (e = estimated; * = the series compared with the editions)",
                            ["product", "series", *map(str, years)],
                            [[s.product + (" *" if s.compared else ""), _series_name(s.detail),
                              *(_year(s, y) for y in years)] for s in t.nir_series]))
    for s in t.import_shares:
        flags = ("whole commodity" if s.whole else "part") + ("" if s.complete else ", incomplete list")
        rows = [[sh.name, sh.country or "—", sh.published or sh.percent] for sh in s.shares]
        tables.append(Table(f"Import sources {s.period} (MCS {s.edition}): {s.category} [{flags}]",
                            ["country", "code", "percent"], rows))
    ranked = [[f"MCS {x.edition}", x.period, ", ".join(c.name for c in x.countries)] for x in t.ranked_sources]
    if ranked:
        tables.append(Table("Major import sources, descending order (Fig. 2)", ["edition", "period", "countries"], ranked))
    for r in t.specific:
        rows = [["net import reliance", f"MCS {e.edition}", e.year, e.published] for e in r.reliance]
        rows += [[f"import shares: {s.category}", f"MCS {s.edition}", s.period,
                  ", ".join(f"{sh.name} {sh.published or f'{sh.percent:g}'}" for sh in s.shares)]
                 for s in r.import_shares]
        tables.append(Table(f"More specific figures: {r.name} ({r.level})", ["figure", "edition", "year", "published"],
                            rows))
    return tables


def _series_name(detail: str) -> str:
    """A chapter series' row without the words every NIR series shares: what tells the series apart."""
    common = "Net import reliance as a percentage of apparent consumption"
    rest = detail[len(common):].lstrip(" ,:") if detail.startswith(common) else detail
    return rest or "NIR, % of apparent consumption"


def _trade_notes(t) -> list[str]:
    """The few caveats that change how the trade figures read: whose figures they are, why a figure is unknown."""
    notes = [f"trade figures: {t.inherited}"] if t.inherited else []
    reasons: dict[str, list[str]] = {}
    for e in t.reliance:
        if e.value is None and e.reason:
            reasons.setdefault(e.reason, []).append(f"MCS {e.edition}")
    notes += [f"reliance unknown ({', '.join(editions)}): {reason}" for reason, editions in reasons.items()]
    if any(p.series for p in t.revisions):
        edition = next(p.series_edition for p in t.revisions if p.series_edition)
        notes.append(f"the MCS {edition} chapter series is shown beside each edition's own figure; every figure "
                     "here is the edition's own")
    return notes


def _trade_more(t) -> list[str]:
    """Every other note on the trade figures (shown with --sources)."""
    more = list(t.notes) + [f"MCS {e.edition} reliance: {e.note}" for e in t.reliance if e.note]
    more += [f"shares MCS {s.edition} {s.category}: {s.note}" for s in t.import_shares if s.note]
    more += [f"shares MCS {s.edition} {s.category}: {s.trust}" for s in t.import_shares if s.trust]
    more += [f"chapter series {s.product}: {s.detail}" + (f" ({s.note})" if s.note else "") for s in t.nir_series]
    more += [f"{r.name}: {n}" for r in t.specific for n in r.notes]
    if t.revisions and not any(p.series for p in t.revisions):
        more.append(f"chapter series: none to show beside the editions ({t.revisions[0].unknown})")
    return more


def _trade_citations(t) -> list:
    """Every trade figure's citation: each edition's reliance, each share list, the chapter series, the records."""
    from ..results.base import Cited

    cited = [Cited(what=f"net import reliance, MCS {e.edition}", source=e.source) for e in t.reliance]
    cited += [Cited(what=f"chapter series: {s.product}", source=s.source) for s in t.nir_series]
    cited += [Cited(what=f"import shares MCS {s.edition}: {s.category}", source=s.source) for s in t.import_shares]
    cited += [Cited(what=f"major import sources, MCS {x.edition}", source=x.source) for x in t.ranked_sources]
    for r in t.specific:
        cited += [Cited(what=f"{r.name}: net import reliance, MCS {e.edition}", source=e.source) for e in r.reliance]
        cited += [Cited(what=f"{r.name}: import shares MCS {s.edition}", source=s.source) for s in r.import_shares]
    return cited


def _year(series, year: int) -> str:
    v = next((x for x in series.years if x.year == year), None)
    return "" if v is None else v.published + (" e" if v.estimated else "")
