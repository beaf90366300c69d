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
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """The share of U.S. supply at risk, per mineral, if the named countries stop exporting.

    The totals come first, then the minerals at risk, largest first.  CSV
    and JSON lines carry one record per mineral at risk; --sort, --top and
    --where order and filter the rows at risk by those columns (the rows
    whose risk is unknown, and the totals, are in the table and the JSON).
    """
    from ..errors import UsageError
    from ..query import arrange
    from ..render import emit

    if not cut and not controls:
        raise UsageError(f"name a country to cut (--cut CN) or the export controls to count ({CONTROLS_FLAG} ban,quota)")
    result = opt.open_data(data_dir).scenario(cut or None, controls=controls, as_of=as_of, list_id=list_id,
                                              edition=edition)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """The totals, then each mineral at risk, largest first; a few notes, the rest behind --sources."""
    from ..analysis.scenario import RISK_CAVEAT
    from ..render.cells import shown

    t = r.totals
    edition = f" (MCS {r.edition})" if r.edition else ""
    totals = Table(
        f"{_cut_title(r)}: {r.list} list{edition}",
        ["figure", "value"],
        [
            ["minerals with supply at risk", f"{t.minerals_at_risk} of {t.of}"],
            [f"mean supply at risk, pp of consumption ({t.covered} minerals)", shown(t.mean_at_risk)],
            ["MCS commodities with supply at risk", t.commodities_at_risk],
            ["minerals sourced from a cut country, risk unknown", t.minerals_unknown],
        ],
    )
    by_source = len(r.cut) != 1
    cols = ["mineral", "NIR %", *(["cut from, %"] if by_source else []), "cut share %", "at risk, pp",
            "value, $M/yr"]
    tables = [totals, Table("Supply at risk per mineral, largest first", cols, [_row(x, by_source) for x in r.rows])]
    if r.unknown:
        tables.append(Table("Sourced from a cut country, supply at risk unknown", cols,
                            [_row(x, by_source) for x in r.unknown]))
    cut_words = r.caveats[: r.caveats.index(RISK_CAVEAT)] if RISK_CAVEAT in r.caveats else []
    notes = cut_words + _notes(r)
    more = [f"{', '.join(x.minerals)}: {x.note}" for x in r.rows + r.unknown if x.note]
    more += [f"value at risk of {', '.join(x.minerals)}: " + (x.value_at_risk.unknown or x.value_at_risk.conversion
                                                               or "") for x in r.rows + r.unknown
             if x.value_at_risk is not None and (x.value_at_risk.unknown or x.value_at_risk.conversion)]
    return View(tables, notes, r.citations, more + [c for c in r.caveats if c not in cut_words])


def _cut_title(r) -> str:
    """What is cut: the countries by name (a long list counted), and the export controls chosen."""
    names = r.cut_names if len(r.cut_names) <= 5 else r.cut_names[:4] + [f"{len(r.cut_names) - 4} more"]
    words = []
    if r.controls is not None:
        words.append(f"If the export controls ({', '.join(r.controls.kinds)}) in force on {r.controls.as_of} stop "
                     "supply")
    if names:
        words.append(("and exports stop" if words else "If exports stop") + " from " + ", ".join(names))
    return " ".join(words)


def _row(x, by_source: bool) -> list:
    from ..render.cells import minerals_label, shown

    return [minerals_label(x), x.reliance.published if x.reliance else None,
            *([_cut_cell(x.cut)] if by_source else []), shown(x.cut_share), shown(x.at_risk),
            _dollars(x.value_at_risk)]


def _cut_cell(cut) -> str:
    """The cut countries among a row's sources by name, largest share first ('China 55, Russia 3'); many counted."""
    from ..render.cells import cell

    ordered = sorted(cut, key=lambda c: (c.share is None, -(c.share or 0), c.rank))
    parts = [f"{c.name} {cell(c.share)}" if c.share is not None else f"{c.name} (rank {c.rank})" for c in ordered]
    return (", ".join(parts[:3]) + (f", {len(parts) - 3} more" if len(parts) > 3 else "")) or "—"


def _notes(r) -> list[str]:
    """The formula, what a bound means here, what the value is, and the controls chosen."""
    rows = r.rows + r.unknown
    notes = ["supply at risk = NIR x cut share / 100, pp of U.S. consumption, before stocks, substitution or "
             "re-routing"]
    if any(x.cut_share.bound == "lower" for x in rows):
        notes.append("'>=': the cut countries may also be inside a list's 'Other', so the share and the risk may be "
                     "higher")
    if any(x.value_at_risk is not None for x in rows):
        notes.append(VALUE_NOTE)
    c = r.controls
    if c is not None:
        notes.append(f"cut by {len(c.measures)} measures of those kinds; a measure may cover a form the U.S. does not "
                     "import" + (f"; {len(c.unknown)} of unknown status on {c.as_of}, not cut" if c.unknown else "")
                     + ("; licensing counted as a stop: the worst case" if "licensing" in c.kinds else ""))
    return notes


VALUE_NOTE = ("value = apparent consumption x price x supply at risk / 100, in the year shown; 'unknown' where USGS "
              "gives no plain figures on one basis (--sources says why)")


def _dollars(v) -> str:
    """Millions of dollars a year with the year, or 'unknown'; empty without the salient statistics."""
    from ..render.cells import millions

    if v is None:
        return ""
    if v.unknown or v.value.value is None:
        return "unknown"
    return f"{millions(v.value)} ({v.year})"
