"""`minerals country CODE`: every critical mineral the U.S. imports from one country."""

from __future__ import annotations

from typing import Annotated

from .. import options as opt
from ..completion import complete_country
from ..render import Format, Table, View

SHORT_HELP = "Every critical mineral imported from one country, ranked by exposure."


def command(
    country: Annotated[
        str,
        opt.Argument(help="A country: ISO code or name (CN, China, 'Congo (Kinshasa)').", autocompletion=complete_country),
    ],
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Every critical mineral the U.S. imports from one country, ranked by exposure."""
    from ..analysis.country import country_view
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_country, resolve_edition, resolve_list

    data = open_dataset(data_dir)
    code = resolve_country(data.countries, country)
    minerals, imports = data.minerals, data.import_dependence
    lid = resolve_list(minerals, list_id) if list_id else None
    result = country_view(minerals, imports, data.countries, code, lid, edition=resolve_edition(imports, edition),
                          world=data.optional("world"), controls=data.optional("controls"))
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import nir_text, shown, source_notes

    rows = [
        [
            x.commodity_name,
            ", ".join(x.minerals) if len(x.minerals) <= 3 else f"{len(x.minerals)} minerals",
            shown(x.share_range) if x.share is not None else None,
            x.rank,
            x.period,
            nir_text(x.reliance),
            shown(x.exposure),
            x.leading,
        ]
        for x in r.rows
    ]
    title = f"{r.name} ({r.country}): {r.count} MCS commodities, {r.minerals_count} minerals of the {r.list} list"
    notes = []
    if r.leading_for:
        notes.append(f"{r.name} is the leading import source for: " + ", ".join(r.leading_for))
    if r.groups:
        notes.append("member of: " + ", ".join(r.groups))
    if r.leads_world_for:
        notes.append(f"{r.name} leads world production of: " + ", ".join(r.leads_world_for))
    notes += [f"export control: {c.measure} ({c.kind}, {c.scope}): {c.status}; on {', '.join(c.minerals) or 'none of the list'}"
              for c in r.controls]
    notes += r.caveats + source_notes(r.citations)
    tables = [
        Table(
            title,
            ["commodity", "minerals", "share of imports %", "rank", "period", "reliance", "exposure, pp", "leading"],
            rows,
        )
    ]
    if r.world_role:
        world = [[w.commodity, f"{w.detail} ({w.stage})", w.year, shown(w.share), w.rank, w.leads] for w in r.world_role]
        tables.append(Table(f"{r.name} in world production", ["commodity", "table", "year", "share of world %", "rank",
                                                               "leads"], world))
    return View(tables, notes)
