"""`minerals gaps`: each mineral's gap to the 2030 targets, and the autonomy rate."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..options import ALLIES_FLAG
from ..render import Format, Table, View

SHORT_HELP = "Each mineral's gap to the 2030 targets, and the autonomy rate."


def command(
    allies: opt.AlliesOpt = None,
    target: Annotated[
        Optional[list[float]],
        opt.Option("--target", "-t", help="Your own target, % of supply from domestic or allied sources (repeatable)."),
    ] = None,
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Each mineral's allied share and gap to the 2030 targets, and the list's autonomy rate."""
    from ..analysis.gaps import gaps
    from ..analysis.targets import autonomy_targets, stated_targets
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import ally_set, resolve_edition, resolve_list, user_targets

    data = open_dataset(data_dir)
    minerals, imports, countries = data.minerals, data.import_dependence, data.countries
    lid = resolve_list(minerals, list_id) if list_id else None
    allied = ally_set(countries, allies, given_with=ALLIES_FLAG)
    stated = data.targets
    result = gaps(
        minerals,
        imports,
        countries,
        lid,
        allies=allied,
        targets=user_targets(target, given_with="--target") if target else stated_targets(stated),
        autonomy=autonomy_targets(stated),
        edition=resolve_edition(imports, edition),
    )
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import cell, shown, source_notes

    targets = [t.value for t in r.targets]
    rows = [
        [
            x.name,
            x.reliance.published if x.reliance else None,
            shown(x.domestic_share),
            shown(x.allied_share),
            *[shown(g.gap) for g in x.gaps],
        ]
        for x in r.minerals
    ]
    a = r.autonomy
    autonomy = [
        [
            f"{cell(t.value)}%",
            _baseline(t),
            shown(a.rate),
            shown(t.gap),
            shown(t.change_from_baseline) if t.change_reason is None else "unknown (not comparable)",
            t.verified,
        ]
        for t in a.targets
    ]
    tables = [
        Table(
            f"{r.title}: allied share and gap to each target (allies: {r.allies.spec})",
            ["mineral", "reliance", "domestic %", "allied %", *[f"gap to {cell(v)}%" for v in targets]],
            rows,
        ),
        Table(
            f"Autonomy rate: mean domestic share over {a.covered} of {a.of} minerals",
            ["target", "baseline", "autonomy rate %", "gap", "change from baseline", "verified"],
            autonomy,
        ),
    ]
    notes = [r.allies.note]
    if a.excluded:
        notes.append("no reliance figure (left out of the autonomy rate): " + ", ".join(a.excluded))
    notes += [f"{t.target}: change from the {cell(t.baseline)}% baseline not computed: {t.change_reason}"
              for t in a.targets if t.change_reason]
    notes += r.notes + r.caveats + source_notes(r.citations)
    return View(tables, notes)


def _baseline(t) -> str:
    """The stated baseline, saying it is stated, whether verified, and that it is not the rate's measure."""
    from ..render.cells import cell

    if t.baseline is None:
        return "—"
    words = ["stated", "unverified" if t.verified is False else None]
    said = ", ".join(w for w in words if w)
    return f"{cell(t.baseline)}% ({said}; not comparable)" if t.change_reason else f"{cell(t.baseline)}% ({said})"
