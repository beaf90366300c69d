"""`minerals gaps`: each mineral's gap to the 2030 targets, and the autonomy rate."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "Each mineral's gap to the 2030 targets, and the autonomy rate."


def command(
    allies: opt.AlliesOpt = None,
    target: Annotated[
        Optional[list[float]],
        opt.Option("--target", "-t", help="Your own target, % of supply from domestic or allied sources (repeatable).",
                   metavar="PERCENT"),
    ] = None,
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """Each mineral's allied share and gap to the 2030 targets, and the list's autonomy rate.

    The autonomy rate comes first; CSV and JSON lines carry one record per
    mineral (the autonomy figures are in the JSON), and --sort, --top and
    --where take the columns of those records (gap_50, allied_share, nir).
    """
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).gaps(allies=allies, targets=target, list_id=list_id, edition=edition)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """The autonomy answer first, then each mineral's shares and gaps; a few notes, the rest behind --sources."""
    from ..render.cells import cell, shown

    a = r.autonomy
    edition = f" (MCS {r.edition})" if r.edition else ""
    autonomy = Table(
        f"Autonomy rate, {r.list} list: mean domestic share of {a.covered} of {a.of} minerals{edition}",
        ["target", "baseline", "autonomy rate %", "gap, pp", "change, pp", "verified"],
        [[f"{cell(t.value)}%", f"{cell(t.baseline)}%" if t.baseline is not None else "—", shown(a.rate), shown(t.gap),
          _change_cell(t, shown), t.verified] for t in a.targets],
    )
    minerals = Table(
        f"Allied share and gap to each target, % of supply (allies: {r.allies.spec})",
        ["mineral", "reliance", "domestic %", "allied %", *[f"gap to {cell(t.value)}%" for t in r.targets]],
        [[x.name, x.reliance.published if x.reliance else None, shown(x.domestic_share), shown(x.allied_share),
          *[shown(g.gap) for g in x.gaps]] for x in r.minerals],
    )
    more = [r.allies.note] + [f"{t.target}: change from the {cell(t.baseline)}% baseline not computed: "
                              f"{t.change_reason}" for t in a.targets if t.change_reason]
    return View([autonomy, minerals], _notes(r), r.citations, more + r.notes + r.caveats)


def _change_cell(t, shown) -> object:
    """The change from a stated baseline; 'not comparable' where it is unknown for that reason (a note says why)."""
    if t.change_from_baseline is None:
        return "—"
    return "not comparable" if t.change_reason else shown(t.change_from_baseline)


def _notes(r) -> list[str]:
    """The few caveats that change how the figures read: unverified targets, the baseline, what the rate leaves out."""
    from ..render.cells import cell, unverified_note

    a = r.autonomy
    notes = unverified_note([*r.targets, *a.targets])
    baselines = [f"{cell(t.baseline)}%" for t in a.targets if t.change_reason]
    if baselines:
        notes.append(f"no change from the {', '.join(baselines)} baseline: its measure is not defined")
    if a.excluded:
        notes.append("left out of the autonomy rate (no reliance figure): " + ", ".join(a.excluded))
    if any(b.bound in ("lower", "upper", "range") for x in r.minerals for b in (x.domestic_share, x.allied_share)):
        notes.append("'>=', '<=' and 'a to b' are bounds (USGS printed '>50', '<25')")
    return notes
