"""`minerals exposure`, `country`, `gaps`, `scenario`: who supplies the U.S., and how far from the goals.

Commands only parse, resolve names, call analysis/exposure.py and render;
heavy modules are imported inside the functions so `--help` stays fast.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..completion import complete_allies, complete_country, complete_edition, complete_list, complete_mineral
from ..options import DataDirOpt, FormatOpt, JsonOpt, output_format
from ..render import Format, Table, View, cell, citation_text

AlliesOpt = Annotated[
    Optional[str],
    typer.Option(
        "--allies",
        "-a",
        help="Allied suppliers: group ids (fta, msp, g7, nato, eu, cma2025, ...) and ISO codes, comma-separated; "
        "'none' for no allies. Default: fta,msp,g7,nato.",
        show_default=False,
        autocompletion=complete_allies,
    ),
]
EditionOpt = Annotated[
    Optional[int],
    typer.Option("--edition", "-e", help="MCS edition of the reliance figures (2024, 2025, 2026). Default: the latest with figures.",
        autocompletion=complete_edition,
    ),
]
ListOpt = Annotated[
    Optional[str],
    typer.Option(
        "--list",
        "-l",
        help="Critical-minerals list: 2022 or 2025 (or 2018, 2025-draft). Default: the latest final list of the data.",
        autocompletion=complete_list,
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    # short_help: click cuts the docstring at the first ". ", which "U.S." contains.
    app.command("exposure", short_help="One mineral's reliance, suppliers, allied share, concentration and gaps.")(
        exposure_command
    )
    app.command("country", short_help="Every critical mineral imported from one country, ranked by exposure.")(
        country_command
    )
    app.command("gaps", short_help="Each mineral's gap to the 2030 targets, and the autonomy rate.")(gaps_command)
    app.command("scenario", short_help="Supply at risk per mineral if the named countries stop exporting.")(
        scenario_command
    )


def exposure_command(
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
    from ..analysis import exposure as core
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_mineral

    data = open_dataset(data_dir)
    mineral = resolve_mineral(data.minerals, name)
    result = core.exposure(
        data.trade,
        data.countries,
        mineral,
        allies=_ally_set(data.countries, allies),
        targets=core.target_infos(data.targets),
        edition=edition,
    )
    emit(result, _exposure_view, output_format(fmt, as_json))


def country_command(
    country: Annotated[
        str,
        typer.Argument(help="A country: ISO code or name (CN, China, 'Congo (Kinshasa)').", autocompletion=complete_country),
    ],
    list_id: ListOpt = None,
    edition: EditionOpt = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Every critical mineral the U.S. imports from one country, ranked by exposure."""
    from ..analysis.exposure import country_view
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_country

    data = open_dataset(data_dir)
    code = resolve_country(data.countries, country)
    result = country_view(data.minerals, data.trade, data.countries, code, _list(data.minerals, list_id), edition=edition)
    emit(result, _country_view, output_format(fmt, as_json))


def gaps_command(
    allies: AlliesOpt = None,
    target: Annotated[
        Optional[list[float]],
        typer.Option("--target", "-t", help="Your own target, % of supply from domestic or allied sources (repeatable)."),
    ] = None,
    list_id: ListOpt = None,
    edition: EditionOpt = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Each mineral's allied share and gap to the 2030 targets, and the list's autonomy rate."""
    from ..analysis import exposure as core
    from ..data import open_dataset
    from ..render import emit

    data = open_dataset(data_dir)
    result = core.gaps(
        data.minerals,
        data.trade,
        data.countries,
        _list(data.minerals, list_id),
        allies=_ally_set(data.countries, allies),
        targets=core.target_infos(data.targets, target),
        autonomy=core.autonomy_targets(data.targets),
        edition=edition,
    )
    emit(result, _gaps_view, output_format(fmt, as_json))


def scenario_command(
    cut: Annotated[
        list[str],
        typer.Option("--cut", "-c", help="A supplier that stops exporting: ISO code, name or group id (repeatable).",
            autocompletion=complete_allies,
        ),
    ],
    list_id: ListOpt = None,
    edition: EditionOpt = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """The share of U.S. supply at risk, per mineral, if the named countries stop exporting."""
    from ..analysis.exposure import cut_set, scenario
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_allies

    data = open_dataset(data_dir)
    group_ids = {g.id for g in data.countries.groups}
    parts = []
    for option in cut:
        for name in resolve_allies(data.countries, option)[1]:
            parts.append((name, resolve_allies(data.countries, name)[0], name.lower() in group_ids))
    codes, notes = cut_set(parts)
    result = scenario(
        data.minerals, data.trade, data.countries, codes, _list(data.minerals, list_id), edition=edition, cut_notes=notes
    )
    emit(result, _scenario_view, output_format(fmt, as_json))


def _list(minerals, list_id: Optional[str]) -> Optional[str]:
    """The list the user named, resolved; None lets the analysis take the data's latest final list."""
    from ..resolve import resolve_list

    return resolve_list(minerals, list_id) if list_id else None


def _ally_set(countries, spec: Optional[str]):
    from ..analysis.exposure import DEFAULT_ALLIES, make_ally_set
    from ..resolve import resolve_allies

    if spec is None:
        codes, parts = resolve_allies(countries, DEFAULT_ALLIES)
        return make_ally_set(countries, codes, parts, DEFAULT_ALLIES, default=True)
    if spec.strip().lower() in ("", "none"):
        return make_ally_set(countries, [], [], "none", default=False)
    codes, parts = resolve_allies(countries, spec)
    return make_ally_set(countries, codes, parts, ",".join(parts), default=False)


# --------------------------------------------------------------------------
# views: already-computed figures laid out as tables


def shown(b) -> object:
    """A bounded figure as a cell: exact numbers as numbers, bounds with their direction."""
    if b is None or b.value is None:
        return None
    if b.bound == "lower" and b.value == 0:
        return f"{cell(b.low)} to {cell(b.high)}"
    if b.bound == "lower":
        return f">={cell(b.value)}"
    if b.bound == "upper":
        return f"<={cell(b.value)}"
    if b.bound == "range":
        return f"{cell(b.low)} to {cell(b.high)}"
    return b.value


def _linked(link, figure) -> object:
    """A country's or group's figure, saying so when the share list does not name it."""
    if figure.value is None or link.named:
        return shown(figure)
    if figure.bound == "exact":
        return "not named (0)"
    return f"not named (0 to {cell(figure.high)})"


def _nir_text(r) -> str:
    if r is None:
        return "unknown"
    text = f"{r.published} ({r.year}, MCS {r.edition})"
    if r.value is None:
        text = f"unknown: {r.published} ({r.year}, MCS {r.edition}): {r.reason}"
    if r.basis != "MCS NIR":
        text += f" [{r.basis}]"
    return text


def _source_notes(citations) -> list[str]:
    return [f"source: {c.what}: {citation_text(c.source)}" for c in citations]


def _exposure_view(r) -> View:
    facts = [
        ["commodity", (r.commodity_name or r.commodity or "none") + (" (figures inherited)" if r.inherited else "")],
        ["net import reliance, % of consumption", _nir_text(r.reliance)],
        ["domestic share, %", shown(r.domestic_share)],
        [f"allied share of supply, % (allies: {r.allies.spec})", shown(r.allied_share)],
        ["allied share of imports, %", shown(r.allied_import_share)],
        ["China share of imports, %", _linked(r.china, r.china.share)],
        ["exposure to China, pp of consumption", _linked(r.china, r.china.exposure)],
        ["FEOC share of imports, %", _linked(r.feoc, r.feoc.share)],
        ["exposure to FEOC, pp of consumption", _linked(r.feoc, r.feoc.exposure)],
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
    notes += [r.allies.note] + r.caveats + r.notes + _source_notes(r.citations)
    return View(tables, notes)


def _country_view(r) -> View:
    rows = [
        [
            x.commodity_name,
            ", ".join(x.minerals) if len(x.minerals) <= 3 else f"{len(x.minerals)} minerals",
            x.share,
            x.rank,
            x.period,
            _nir_text(x.reliance),
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
    notes += r.caveats + _source_notes(r.citations)
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


def _gaps_view(r) -> View:
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
            f"{cell(t.baseline)}%" if t.baseline is not None else "—",
            shown(a.rate),
            shown(t.gap),
            shown(t.change_from_baseline),
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
    notes += r.notes + r.caveats + _source_notes(r.citations)
    return View(tables, notes)


def _scenario_view(r) -> View:
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
        ]

    cols = ["commodity", "minerals", "reliance", "cut sources", "cut share of imports %", "supply at risk, pp"]
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
    return View(tables, r.caveats + _source_notes(r.citations))
