"""`minerals exposure NAME [NAME ...]` or `--all`: how exposed U.S. supply of minerals is."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "One mineral's reliance, suppliers, allied share, concentration and gaps."
ALL_FLAG = "--all"
FORM_FLAG = "--form"


@help_defaults(list_id=f"the latest final list (with {ALL_FLAG})")
def command(
    names: Annotated[
        Optional[list[str]],
        opt.Argument(help="Mineral names, symbols or aliases (lithium, Nd, 'rare earths').", autocompletion=complete_mineral,
                     show_default=False),
    ] = None,
    every: Annotated[bool, opt.Option(ALL_FLAG, help="Every mineral of the list (--list), in one run.")] = False,
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    form: Annotated[Optional[str], opt.Option(FORM_FLAG, help="One of the mineral's published forms ('metal', "
                                              "'compounds', 'alumina'). Default: the headline form.",
                                              show_default=False)] = None,
    allies: opt.AlliesOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """How exposed U.S. supply of a mineral is: reliance, suppliers, allied share, concentration, gaps.

    Several minerals, or every mineral of a list with --all, are answered in
    one run; their JSON is a list of the one-mineral results, in order.
    Where USGS publishes several forms of a mineral (aluminum: bauxite, alumina,
    metal), --form chooses one for a single mineral; the default is the headline.
    """
    from ..errors import UsageError
    from ..render import emit

    if form is not None and (every or len(names or []) != 1):
        raise UsageError(f"{FORM_FLAG} chooses a form of one mineral", f"give one mineral name with {FORM_FLAG}, "
                         f"or leave {FORM_FLAG} out")
    results = opt.open_data(data_dir).exposure(names or [], every=every, list_id=list_id, edition=edition,
                                               allies=allies, form=form)
    emit(results if every or len(results) > 1 else results[0], view, fmt, sources=sources)


_SHORT_FIGURE = {"net import reliance": "NIR", "import shares": "shares"}


def _commodity_cell(r) -> str:
    """The commodity, or where figures come from records more specific than it, the level of each figure."""
    if _specific(r):
        return "; ".join(f"{x.level} {_SHORT_FIGURE.get(x.figure, x.figure)}" for x in r.levels) + " (see note)"
    return (r.commodity_name or r.commodity or "none") + (" (figures inherited)" if r.inherited else "")


def _specific(r) -> bool:
    return any(x.level in ("subgroup", "element") for x in r.levels)


def _levels_note(r) -> list[str]:
    """Which record gives which figure, where that is not simply the mineral's commodity."""
    if not _specific(r):
        return []
    return ["figures from: " + "; ".join(f"{_SHORT_FIGURE.get(x.figure, x.figure)}: {x.name} ({x.level})"
                                         for x in r.levels)]


def value_cell(v) -> str:
    """The dollar value of the net-imported part of supply, with its year; 'unknown' (the reason is a note)."""
    from ..render.cells import millions

    return "unknown" if v.unknown else f"${millions(v.value)} million ({v.year})"


def _nir_cell(rel) -> object:
    """The reliance as printed, its year and edition; an unknown says 'unknown' (its reason is a note)."""
    if rel is None:
        return None
    where = f"{rel.year}, MCS {rel.edition}" + (f", {rel.basis}" if rel.basis != "MCS NIR" else "")
    return f"{rel.published} ({where})" if rel.value is not None else f"unknown: {rel.published} ({where})"


def _gap_cell(g, shown) -> object:
    from ..render.cells import cell

    gap = shown(g.gap)
    if gap is None:
        return None
    return f"{cell(gap)} ({ {True: 'met', False: 'not met', None: 'met or not: unknown'}[g.met] })"


def _controls_cell(controls) -> object:
    """How many export controls each country has on it, by status: 'China: 4 in force, 1 unknown'."""
    if not controls:
        return "none recorded"
    by_country: dict[str, dict[str, int]] = {}
    for c in controls:
        status = c.status.split(" (")[0].split(" until")[0]
        counts = by_country.setdefault(c.name, {})
        counts[status] = counts.get(status, 0) + 1
    return "; ".join(f"{name}: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                     for name, counts in by_country.items())


def _facts(r) -> list[list]:
    """The figures that answer 'how dependent, on whom, how far from the targets', in that order.

    Labels stay within 34 characters and values within 40, so the table fits an 80-column terminal.
    """
    from ..render.cells import cell, linked, shown

    names = {x.country: x.name for x in r.sources if x.country}
    facts = [
        ["commodity", _commodity_cell(r)],
        *([["form", f"{r.form} ({'headline' if r.forms[0].record == r.commodity else 'not the headline'}; forms: "
            + ", ".join(o.form or o.record for o in r.forms) + ")"]] if r.forms else []),
        ["net import reliance, %", _nir_cell(r.reliance)],
        ["domestic share, %", shown(r.domestic_share)],
        ["allies counted", r.allies.spec + (" (default)" if r.allies.default else "")],
        ["allied share of supply, %", shown(r.allied_share)],
        ["allied share of imports, %", shown(r.allied_import_share)],
        ["China share of imports, %", linked(r.china, r.china.share)],
        ["exposure to China, pp", linked(r.china, r.china.exposure)],
        ["FEOC share of imports, %", linked(r.feoc, r.feoc.share)],
        ["exposure to FEOC, pp", linked(r.feoc, r.feoc.exposure)],
        ["leading import source", ", ".join(names.get(code, code) for code in r.leading) or None],
    ]
    if r.concentration is not None:
        c = r.concentration
        facts += [
            ["HHI of import sources (0-10,000)", shown(c.hhi)],
            ["top-3 share of imports, %", shown(c.top3)],
            ["concentration", c.band + (f" (Other {cell(c.other_excluded)}% excluded)" if c.other_excluded else "")],
        ]
    else:
        facts.append(["HHI and top-3 share", None])
    facts += [[f"gap to the {cell(g.value)}% target, pp", _gap_cell(g, shown)] for g in r.gaps]
    if r.world is not None:
        world = shown(r.world.china)
        facts.append(["China share of world output, %",
                      None if world is None else f"{cell(world)} ({r.world.stage}, {r.world.year})"])
    if r.net_import_value is not None:
        facts.append(["value of net imports", value_cell(r.net_import_value)])
    facts.append(["export controls (status today)", _controls_cell(r.controls)])
    return facts


def _sources_table(r, shown) -> Table:
    """The import sources with their exposure and, where the data has it, their share of world production."""
    s, w = r.import_shares, r.world
    world = {x.country: x for x in w.sources} if w is not None else {}
    columns = ["country", "code", "imports %", "exposure pp", "allied", "FEOC"]
    rows = [[x.name, x.country or "—", shown(x.share_range), shown(x.exposure), x.allied, x.feoc] for x in r.sources]
    if w is not None:
        columns.append("world %")
        for row, x in zip(rows, r.sources):
            row.append(shown(world[x.country].world_share) if x.country in world else "—")
        if not any(x.country == "CN" for x in r.sources):
            rows.append(["China (not named)", "CN", "0 to Other", "—", False, True, shown(w.china)])
    return Table(f"Import sources {s.period} (MCS {s.edition}), largest first"
                 + (f"; world {w.detail.lower()} {w.year}" if w is not None else ""), columns, rows)


def view(r) -> View:
    """The answer (figures, suppliers, gaps), then its caveats and sources; the rest behind --sources."""
    from ..render.cells import series_cell, series_notes, shown, unverified_note

    tables = [Table(f"{r.name}: exposure of U.S. supply", ["figure", "value"], _facts(r))]
    if r.import_shares is not None:
        tables.append(_sources_table(r, shown))
    elif r.ranked_sources is not None:
        k = r.ranked_sources
        tables.append(Table(f"Major import sources {k.period} (MCS {k.edition}), ranked, no shares published",
                            ["rank", "country", "code"], [[c.rank, c.name, c.country] for c in k.countries]))
    for part in r.category_shares:
        tables.append(Table(f"Import shares of part of the commodity: {part.category}, {part.period} "
                            f"(MCS {part.edition})", ["country", "code", "share of these imports %"],
                            [[x.name, x.country or "—", x.percent] for x in part.shares]))
    if r.trend:
        later = {(p.edition, p.year): p for p in r.revisions} if any(p.series for p in r.revisions) else {}
        tables.append(Table(
            f"Net import reliance by edition of {r.commodity_name}" + (f", beside the MCS {r.revisions[0].series_edition} chapter series"
                                                 if later else ""),
            ["edition", "year", "published", "bound", "form"] + (["chapter series"] if later else []),
            [[t.edition, t.year, t.published, t.bound, t.form or "—"]
             + ([series_cell(later.get((t.edition, t.year)))] if later else []) for t in r.trend]))
    value = r.net_import_value
    notes = ([r.inherited] if r.inherited else []) + _levels_note(r) + [f"unknown: {u}" for u in r.unknown]
    notes += _revised_note(r) + unverified_note(r.gaps)
    notes.append("exposure = NIR x share of imports / 100, in percentage points (pp) of U.S. consumption")
    if value is not None and value.unknown:
        notes.append(f"value of net imports unknown: {value.unknown}")
    more = [f"allies: {r.allies.note}"] + r.caveats + ([r.world.caveat] if r.world else [])
    if value is not None and not value.unknown:
        more.append(f"value of net imports = apparent consumption x price x NIR: {value.conversion}")
    more += [f"export control by {c.name} ({c.role}): {c.measure}, {c.kind} ({c.scope}): {c.status}"
             + (f" ({c.status_note})" if c.status_note else "") for c in r.controls]
    return View(tables, notes, r.citations, more + r.notes + series_notes(r.revisions))


def _revised_note(r) -> list[str]:
    """What the later chapter series prints for the year of the reliance used, where it differs."""
    rel = r.reliance
    p = next((p for p in r.revisions if rel is not None and (p.edition, p.year) == (rel.edition, rel.year)), None)
    if p is None or p.change not in ("revised", "filled", "differs"):
        return []
    return [f"the MCS {p.series_edition} chapter series gives {p.series_published} for {p.year} ({p.change}); "
            f"the figures here use MCS {p.edition}'s own {p.published}"]
