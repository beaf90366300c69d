"""`minerals exposure NAME`: how exposed U.S. supply of one mineral is."""

from __future__ import annotations

from typing import Annotated

import typer

from ..completion import complete_mineral
from ..options import ALLIES_FLAG, AlliesOpt, DataDirOpt, EditionOpt, FormatOpt, JsonOpt
from ..render import Format, Table, View

SHORT_HELP = "One mineral's reliance, suppliers, allied share, concentration and gaps."


def command(
    name: Annotated[
        str,
        typer.Argument(help="A mineral name, symbol or alias (lithium, Nd, 'rare earths').", autocompletion=complete_mineral),
    ],
    edition: EditionOpt = None,
    allies: AlliesOpt = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """How exposed U.S. supply of one mineral is: reliance, suppliers, allied share, concentration, gaps."""
    from ..analysis.exposure import exposure
    from ..analysis.targets import stated_targets
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import ally_set, resolve_edition, resolve_mineral

    data = open_dataset(data_dir)
    mineral = resolve_mineral(data.minerals, name)
    imports, countries = data.import_dependence, data.countries
    result = exposure(
        imports,
        countries,
        mineral,
        allies=ally_set(countries, allies, given_with=ALLIES_FLAG),
        targets=stated_targets(data.targets),
        edition=resolve_edition(imports, edition),
    )
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import cell, linked, nir_text, shown, source_notes

    facts = [
        ["commodity", (r.commodity_name or r.commodity or "none") + (" (figures inherited)" if r.inherited else "")],
        ["net import reliance, % of consumption", nir_text(r.reliance)],
        ["domestic share, %", shown(r.domestic_share)],
        [f"allied share of supply, % (allies: {r.allies.spec})", shown(r.allied_share)],
        ["allied share of imports, %", shown(r.allied_import_share)],
        ["China share of imports, %", linked(r.china, r.china.share)],
        ["exposure to China, pp of consumption", linked(r.china, r.china.exposure)],
        ["FEOC share of imports, %", linked(r.feoc, r.feoc.share)],
        ["exposure to FEOC, pp of consumption", linked(r.feoc, r.feoc.exposure)],
        ["leading import source", ", ".join(r.leading) or None],
    ]
    if r.concentration is not None:
        c = r.concentration
        facts += [
            ["HHI of import sources (0-10,000)", shown(c.hhi)],
            ["top-3 share of imports, %", shown(c.top3)],
            ["concentration", c.band + (f" ('Other' {cell(c.other_excluded)}% excluded)" if c.other_excluded else "")],
        ]
    else:
        facts.append(["HHI and top-3 share", None])
    tables = [Table(f"{r.name}: exposure of U.S. supply", ["figure", "value"], facts)]
    if r.import_shares is not None:
        s = r.import_shares
        rows = [
            [x.rank, x.name, x.country or "—", x.share, shown(x.exposure), x.allied, x.feoc] for x in r.sources
        ]
        tables.append(
            Table(
                f"Import sources {s.period} (MCS {s.edition}) and exposure",
                ["rank", "country", "code", "share of imports %", "exposure, pp of consumption", "allied", "FEOC"],
                rows,
            )
        )
    elif r.ranked_sources is not None:
        k = r.ranked_sources
        rows = [[c.rank, c.name, c.country, None, None] for c in k.countries]
        tables.append(
            Table(
                f"Major import sources {k.period} (MCS {k.edition}), ranked, no shares published",
                ["rank", "country", "code", "share of imports %", "exposure, pp of consumption"],
                rows,
            )
        )
    for part in r.category_shares:
        tables.append(
            Table(
                f"Import shares of part of the commodity: {part.category}, {part.period} (MCS {part.edition})",
                ["country", "code", "share of these imports %"],
                [[x.name, x.country or "—", x.percent] for x in part.shares],
            )
        )
    if r.trend:
        tables.append(
            Table(
                "Net import reliance by edition",
                ["edition", "year", "published", "bound", "form"],
                [[t.edition, t.year, t.published, t.bound, t.form or "—"] for t in r.trend],
            )
        )
    tables.append(
        Table(
            "Gaps to the targets (percentage points of supply)",
            ["target", "allied share %", "gap", "met", "verified"],
            [[f"{cell(g.value)}%", shown(r.allied_share), shown(g.gap), g.met, g.verified] for g in r.gaps],
        )
    )
    notes = [f"unknown: {u}" for u in r.unknown]
    notes += [r.allies.note] + r.caveats + r.notes + source_notes(r.citations)
    return View(tables, notes)
