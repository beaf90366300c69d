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
    result = country_view(minerals, imports, data.countries, code, lid, edition=resolve_edition(imports, edition))
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import nir_text, shown, source_notes

    rows = [
        [
            x.commodity_name,
            ", ".join(x.minerals) if len(x.minerals) <= 3 else f"{len(x.minerals)} minerals",
            x.share,
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
    notes += r.caveats + source_notes(r.citations)
    return View(
        [
            Table(
                title,
                ["commodity", "minerals", "share of imports %", "rank", "period", "reliance", "exposure, pp", "leading"],
                rows,
            )
        ],
        notes,
    )
