"""`minerals scenario --cut`: supply at risk per mineral if the named countries stop exporting."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_allies
from ..render import Format, Table, View

SHORT_HELP = "Supply at risk per mineral if the named countries stop exporting."


CONTROLS_FLAG = "--controls"


def command(
    cut: Annotated[
        Optional[list[str]],
        opt.Option("--cut", "-c", help="A supplier that stops exporting: ISO code, name or group id (repeatable).",
            autocompletion=complete_allies,
        ),
    ] = None,
    controls: Annotated[
        Optional[str],
        opt.Option(CONTROLS_FLAG, help="Also cut, for each mineral, the countries whose export controls of these kinds "
                   "are in force on it: ban, quota, licensing, state-trading, destination-ban, end-user-ban "
                   "(comma-separated). Licensing is not a ban: choose it on purpose."),
    ] = None,
    as_of: Annotated[Optional[str], opt.Option("--as-of", help="The date of the controls (YYYY-MM-DD). Default: today.")] = None,
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """The share of U.S. supply at risk, per mineral, if the named countries stop exporting."""
    from ..analysis.scenario import scenario
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import cut_set, resolve_edition, resolve_list

    data = open_dataset(data_dir)
    if not cut and not controls:
        from ..errors import UsageError

        raise UsageError(f"name a country to cut (--cut CN) or the export controls to count ({CONTROLS_FLAG} ban,quota)")
    codes, notes = cut_set(data.countries, cut, given_with="--cut") if cut else ([], [])
    minerals, imports = data.minerals, data.import_dependence
    lid = resolve_list(minerals, list_id) if list_id else None
    controlled, choice = _controlled(data, controls, as_of) if controls else ({}, None)
    result = scenario(
        minerals, imports, data.countries, codes, lid, edition=resolve_edition(imports, edition), cut_notes=notes,
        controlled=controlled, choice=choice, stats=data.optional("stats"),
    )
    emit(result, view, fmt)


def _controlled(data, controls: str, as_of: Optional[str]):
    """(mineral id -> measures in force of the kinds asked, the choice as the result states it)."""
    from ..analysis.controls import of_kinds_on
    from ..resolve import resolve_control_kinds, resolve_date
    from ..results.scenario import ControlChoice

    kinds, day = resolve_control_kinds(controls), resolve_date(as_of)
    measures, unknown = of_kinds_on(data.controls, day, set(kinds))
    by_mineral: dict[str, list] = {}
    for m in measures:
        for mineral in m.minerals:
            by_mineral.setdefault(mineral, []).append(m)
    return by_mineral, ControlChoice(kinds=kinds, as_of=day, measures=[m.id for m in measures],
                                     unknown=[m.id for m in unknown])


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import cell, shown, source_notes

    def row(x):
        cuts = ", ".join(
            f"{c.country} {cell(c.share)}%" if c.share is not None else f"{c.country} (rank {c.rank})" for c in x.cut
        )
        return [
            x.commodity_name,
            ", ".join(x.minerals) if len(x.minerals) <= 3 else f"{len(x.minerals)} minerals",
            x.reliance.published if x.reliance else None,
            cuts or "—",
            shown(x.cut_share),
            shown(x.at_risk),
            _dollars(x.value_at_risk),
        ]

    cols = ["commodity", "minerals", "reliance", "cut sources", "cut share of imports %", "supply at risk, pp",
            "value at risk, $ million/yr"]
    t = r.totals
    title = f"Supply at risk if exports stop from: {', '.join(r.cut_names)} ({r.list} list)"
    tables = [Table(title, cols, [row(x) for x in r.rows])]
    if r.unknown:
        tables.append(Table("Sourced from a cut country, supply at risk unknown", cols, [row(x) for x in r.unknown]))
    tables.append(
        Table(
            "Totals",
            ["figure", "value"],
            [
                ["minerals with supply at risk", t.minerals_at_risk],
                ["MCS commodities with supply at risk", t.commodities_at_risk],
                ["minerals sourced from a cut country, at risk unknown", t.minerals_unknown],
                [f"mean supply at risk over {t.covered} of {t.of} minerals, pp", shown(t.mean_at_risk)],
            ],
        )
    )
    priced = [x for x in r.rows + r.unknown if x.value_at_risk is not None]
    notes = r.caveats + ([VALUE_NOTE] if priced else []) + source_notes(r.citations)
    return View(tables, notes)


VALUE_NOTE = ("value at risk = apparent consumption x price x supply at risk / 100, in the latest year USGS publishes "
              "both as plain numbers on one basis (the year and the arithmetic are in the JSON); 'unknown' where it "
              "does not (the JSON says why): `minerals stats NAME` shows the figures")


def _dollars(v) -> str:
    """Millions of dollars a year with the year, or 'unknown'; empty without the salient statistics."""
    from ..render.cells import millions

    if v is None:
        return ""
    if v.unknown or v.value.value is None:
        return "unknown"
    return f"{millions(v.value)} ({v.year})"
