"""`minerals exposure NAME [NAME ...]` or `--all`: how exposed U.S. supply of minerals is."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import ALLIES_FLAG, help_defaults
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
) -> None:
    """How exposed U.S. supply of a mineral is: reliance, suppliers, allied share, concentration, gaps.

    Several minerals, or every mineral of a list with --all, are answered in
    one run; their JSON is a list of the one-mineral results, in order.
    Where USGS publishes several forms of a mineral (aluminum: bauxite, alumina,
    metal), --form chooses one for a single mineral; the default is the headline.
    """
    from ..analysis.exposure import exposures
    from ..analysis.targets import stated_targets
    from ..dataset import open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..resolve import ally_set, resolve_edition, resolve_form, resolve_minerals

    data = open_dataset(data_dir)
    chosen = resolve_minerals(data.minerals, names or [], list_id, every=every, all_flag=ALL_FLAG)
    imports, countries = data.import_dependence, data.countries
    if form is not None and (every or len(chosen) != 1):
        raise UsageError(f"{FORM_FLAG} chooses a form of one mineral", f"give one mineral name with {FORM_FLAG}, "
                         f"or leave {FORM_FLAG} out")
    record = resolve_form(imports, chosen[0], form) if form is not None else None
    ally, targets, year = ally_set(countries, allies, given_with=ALLIES_FLAG), stated_targets(data.targets), resolve_edition(imports, edition)
    results = exposures(imports, countries, chosen, allies=ally, targets=targets, edition=year, world=data.optional("world"),
                        controls=data.optional("controls"), stats=data.optional("stats"), form=record)
    emit(results if every or len(results) > 1 else results[0], view, fmt)


def _commodity_cell(r) -> str:
    """The commodity, and where a figure comes from a more specific record, which record gives which figure."""
    specific = [x for x in r.levels if x.level in ("subgroup", "element")]
    if specific:
        short = {"net import reliance": "NIR", "import shares": "shares"}
        return "; ".join(f"{x.name} ({x.level} {short.get(x.figure, x.figure)})" for x in r.levels)
    return (r.commodity_name or r.commodity or "none") + (" (figures inherited)" if r.inherited else "")


def value_note(v) -> str:
    """The dollar value of the net-imported part of supply, with its year, or why it is unknown."""
    from ..render.cells import millions

    if v.unknown:
        return f"value of net imports: unknown ({v.unknown})"
    return f"value of net imports: ${millions(v.value)} million in {v.year} (apparent consumption x price x NIR; see the JSON)"


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import cell, linked, nir_text, series_cell, series_notes, shown, source_notes

    facts = [
        ["commodity", _commodity_cell(r)],
        *([["form", f"{r.form} ({'headline' if r.forms[0].record == r.commodity else 'not the headline'}; forms: "
            + ", ".join(o.form or o.record for o in r.forms) + ")"]] if r.forms else []),
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
            [x.rank, x.name, x.country or "—", shown(x.share_range), shown(x.exposure), x.allied, x.feoc] for x in r.sources
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
    if r.world is not None:
        w = r.world
        rows = [[s.name, s.country or "—", s.import_share, shown(s.world_share),
                 {True: "yes", False: "none recorded", None: "unknown"}[s.produces]] for s in w.sources]
        if not any(s.country == "CN" for s in w.sources):
            rows.append(["China (not a named import source)", "CN", "not named", shown(w.china), "—"])
        tables.append(
            Table(
                f"Origin: world {w.detail.lower()} {w.year} beside the import sources (world HHI {shown(w.hhi)})",
                ["country", "code", "share of imports %", "share of world %", "produces at this stage"],
                rows,
            )
        )
    if r.trend:
        later = {(p.edition, p.year): p for p in r.revisions} if any(p.series for p in r.revisions) else {}
        tables.append(
            Table(
                f"Net import reliance by edition of {r.commodity_name}"
                + (f", beside the MCS {r.revisions[0].series_edition} chapter series" if later else ""),
                ["edition", "year", "published", "bound", "form"] + (["chapter series"] if later else []),
                [[t.edition, t.year, t.published, t.bound, t.form or "—"]
                 + ([series_cell(later.get((t.edition, t.year)))] if later else []) for t in r.trend],
            )
        )
    tables.append(
        Table(
            "Gaps to the targets (percentage points of supply)",
            ["target", "allied share %", "gap", "met", "verified"],
            [[f"{cell(g.value)}%", shown(r.allied_share), shown(g.gap), g.met, g.verified] for g in r.gaps],
        )
    )
    notes = [f"unknown: {u}" for u in r.unknown] + _revised_note(r)
    if r.net_import_value is not None:
        notes.append(value_note(r.net_import_value))
    notes += [f"export control by {c.name} ({c.role}): {c.measure}, {c.kind} ({c.scope}): {c.status}"
              + (f" ({c.status_note})" if c.status_note else "") for c in r.controls]
    notes += [r.allies.note] + r.caveats + ([r.world.caveat] if r.world else []) + r.notes + source_notes(r.citations)
    return View(tables, notes + series_notes(r.revisions))


def _revised_note(r) -> list[str]:
    """What the later chapter series prints for the year of the reliance used, where it differs."""
    rel = r.reliance
    p = next((p for p in r.revisions if rel is not None and (p.edition, p.year) == (rel.edition, rel.year)), None)
    if p is None or p.change not in ("revised", "filled", "differs"):
        return []
    return [f"the MCS {p.series_edition} chapter series gives {p.series_published} for {p.year} ({p.change}); "
            f"the figures here use MCS {p.edition}'s own {p.published}"]
