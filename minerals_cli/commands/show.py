"""`minerals show NAME`: one mineral's profile."""

from __future__ import annotations

from typing import Annotated

from .. import options as opt
from ..completion import complete_mineral
from ..render import Format, Table, View

SHORT_HELP = "One mineral's names, list history, reliance and import sources."


def command(
    name: Annotated[str, opt.Argument(
            help="A mineral name, symbol or alias (e.g. lithium, Nd, 'rare earths').", autocompletion=complete_mineral
        )],
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """One mineral's profile: names, list history, net import reliance by edition, import sources, citations."""
    from ..analysis.controls import links, today
    from ..analysis.groups import country_names
    from ..analysis.jurisdictions import elsewhere, extension_as_mineral
    from ..analysis.profile import profile
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_extension

    dataset = open_dataset(data_dir)
    other = dataset.optional("other_lists")
    mineral = resolve_extension(dataset.minerals, other, name)
    if "lists" not in mineral:  # named only by other jurisdictions' lists
        mineral = extension_as_mineral(mineral)
    controls = dataset.optional("controls")
    found = links(controls, today(), country_names(dataset.countries), {mineral.id}) if controls is not None else []
    lists = elsewhere(dataset.minerals, other, mineral.id) if other is not None else []
    emit(profile(dataset.minerals, mineral, dataset.optional("import_dependence"), found, lists,
                 dataset.optional("stats")), view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import citation_text

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
    history = [[h.list, h.status, h.how] for h in r.history]
    notes = ([r.split_note] if r.split_note else []) + list(r.notes) + ["source: " + citation_text(c) for c in r.citations]
    tables = [Table(r.name, ["field", "value"], facts), Table("List history", ["list", "status", "membership"], history)]
    if r.trade is not None:
        tables += _trade_tables(r.trade)
        notes += _trade_notes(r.trade)
    elif r.commodity is None:
        notes.append("no trade figures: this entry has no MCS commodity of its own")
    if r.controls:
        tables.append(Table("Export controls that bear today", ["country", "measure", "kind", "scope", "status"],
                            [[c.name, c.measure, c.kind, c.scope, c.status] for c in r.controls]))
    if r.lists_elsewhere:
        tables.append(Table("On other jurisdictions' lists", ["list", "jurisdiction", "published", "entry", "mapping",
                                                              "qualifier"],
                            [[e.list, e.jurisdiction, e.published, e.entry or "unknown (incomplete list)", e.mapping,
                              e.qualifier or ""] for e in r.lists_elsewhere]))
    return View(tables, notes)


def _trade_tables(t) -> list[Table]:
    from ..render.cells import series_cell, short_citation

    later = {(p.edition, p.year): p for p in t.revisions} if any(p.series for p in t.revisions) else {}
    reliance = [
        [f"MCS {e.edition}", e.year, e.published, e.bound, e.form or t.form or "—", e.basis, e.reason or e.note or "",
         short_citation(e.source)] + ([series_cell(later.get((e.edition, e.year)))] if later else [])
        for e in t.reliance
    ]
    title = f"Net import reliance, % of apparent consumption ({t.commodity_name})"
    columns = ["edition", "year", "published", "bound", "form", "basis", "reason / note", "source"]
    edition = next((p.series_edition for p in t.revisions if p.series_edition), None)
    if later:
        columns.append(f"MCS {edition} chapter series" if edition else "chapter series")
    tables = [Table(title, columns, reliance)]
    if t.nir_series:
        years = sorted({v.year for s in t.nir_series for v in s.years})
        tables.append(Table(f"Net import reliance as the MCS {t.nir_series[0].edition} chapters print it, "
                            "% (e = estimated; * = the series compared with the editions)",
                            ["product", "series", *map(str, years)],
                            [[s.product + (" *" if s.compared else ""), s.detail,
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
        rows = [[f"{r.level}: {r.name}", "net import reliance", f"MCS {e.edition}", e.year, e.published,
                 short_citation(e.source)] for e in r.reliance]
        rows += [[f"{r.level}: {r.name}", f"import shares: {s.category}", f"MCS {s.edition}", s.period,
                  ", ".join(f"{sh.name} {sh.published or sh.percent}" for sh in s.shares), short_citation(s.source)]
                 for s in r.import_shares]
        tables.append(Table(f"More specific figures: {r.name} ({r.level})",
                            ["record", "figure", "edition", "year", "published", "source"], rows))
    return tables


def _trade_notes(t) -> list[str]:
    from ..render.cells import citation_text, series_notes

    notes = [f"trade figures: {t.inherited}"] if t.inherited else []
    notes += list(t.notes)
    notes += [f"shares MCS {s.edition} {s.category}: " + citation_text(s.source) for s in t.import_shares]
    urls = dict.fromkeys(e.source.url for e in t.reliance if e.source.url)
    if urls:
        notes.append("reliance sources: " + ", ".join(urls))
    notes += series_notes(t.revisions)
    return notes


def _year(series, year: int) -> str:
    v = next((x for x in series.years if x.year == year), None)
    return "" if v is None else v.published + (" e" if v.estimated else "")
