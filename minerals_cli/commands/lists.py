"""`minerals list`, `minerals diff`, `minerals show`: what is on the lists.

Commands only parse, call analysis and render; heavy modules (pydantic,
yaml, rich) are imported inside the functions so `--help` and the other
commands do not pay for them.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..completion import complete_list, complete_mineral
from ..options import DataDirOpt, FormatOpt, JsonOpt, output_format
from ..render import Format, Table, View, citation_text


def register(app: typer.Typer) -> None:
    app.command("list")(list_minerals)
    app.command("diff")(diff_lists)
    app.command("show")(show_mineral)


def list_minerals(
    list_id: Annotated[
        Optional[str],
        typer.Option(
            "--list", "-l", help="2018, 2022, 2025-draft or 2025 (default: the latest final list).",
            autocompletion=complete_list,
        ),
    ] = None,
    new_in: Annotated[
        Optional[str], typer.Option("--new-in", help="Minerals on this list that the previous final list did not have.", autocompletion=complete_list)
    ] = None,
    removed_in: Annotated[
        Optional[str], typer.Option("--removed-in", help="Minerals of the previous final list that this list dropped.", autocompletion=complete_list)
    ] = None,
    group: Annotated[Optional[str], typer.Option("--group", "-g", help="Only one group: ree or pgm.")] = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """List the critical minerals of a list (the 2025 final list by default)."""
    from ..analysis.common import latest_final
    from ..analysis.lists import select
    from ..data import open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..resolve import resolve_list

    if new_in and removed_in:
        raise UsageError("--new-in and --removed-in cannot be combined")
    data = open_dataset(data_dir).minerals
    result = select(
        data,
        resolve_list(data, list_id) if list_id is not None else latest_final(data),
        new_in=resolve_list(data, new_in) if new_in else None,
        removed_in=resolve_list(data, removed_in) if removed_in else None,
        group=group,
    )
    emit(result, _list_view, output_format(fmt, as_json))


def _list_view(r) -> View:
    title = f"{r.title} ({r.published}): {r.count} minerals"
    if r.filters:
        title += " — " + "; ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.filters.items())
    rows = [[m.name, m.symbol or "—", m.group or "—", ", ".join(m.lists)] for m in r.minerals]
    return View([Table(title, ["mineral", "symbol", "group", "lists"], rows)], [f"source: {citation_text(r.citation)}"])


def diff_lists(
    old: Annotated[str, typer.Argument(help="The older list: 2018, 2022, 2025-draft or 2025.", autocompletion=complete_list)],
    new: Annotated[str, typer.Argument(help="The newer list.", autocompletion=complete_list)],
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """What changed between two lists: added, removed, kept, and group entries that split."""
    from ..analysis.lists import diff
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_list

    data = open_dataset(data_dir).minerals
    emit(diff(data, resolve_list(data, old), resolve_list(data, new)), _diff_view, output_format(fmt, as_json))


def _diff_view(r) -> View:
    rows = [[name, "added", ""] for name in r.added]
    rows += [[name, "removed", ""] for name in r.removed]
    rows += [[s.entry, "split", ", ".join(s.into)] for s in r.split]
    rows += [[s.entry, "merged", ", ".join(s.into)] for s in r.merged]
    rows += [[name, "kept", ""] for name in r.kept]
    counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
    return View(
        [Table(f"{r.old} → {r.new}: {counts}", ["mineral", "change", "elements"], rows)],
        ["sources: " + "; ".join(citation_text(c) for c in r.citations)],
    )


def show_mineral(
    name: Annotated[str, typer.Argument(
            help="A mineral name, symbol or alias (e.g. lithium, Nd, 'rare earths').", autocompletion=complete_mineral
        )],
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """One mineral's profile: names, list history, net import reliance by edition, import sources, citations."""
    from ..analysis.lists import profile
    from ..analysis.summary import trade_profile
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_mineral

    dataset = open_dataset(data_dir)
    data = dataset.minerals
    mineral = resolve_mineral(data, name)
    result = profile(data, mineral)
    if dataset.path("trade").exists():
        result = result.model_copy(update={"trade": trade_profile(dataset.trade, mineral)})
    emit(result, _profile_view, output_format(fmt, as_json))


def _profile_view(r) -> View:
    facts = [
        ["name", r.name],
        ["symbol", r.symbol or "—"],
        ["group", r.group or "—"],
        ["kind", r.kind],
        ["aliases", ", ".join(r.aliases) or "—"],
        ["delisted", r.delisted],
    ]
    if r.split_into:
        facts.append(["split into", ", ".join(r.split_into)])
    history = [[h.list, h.status, h.how] for h in r.history]
    notes = list(r.notes) + ["source: " + citation_text(c) for c in r.citations]
    tables = [Table(r.name, ["field", "value"], facts), Table("List history", ["list", "status", "membership"], history)]
    if r.trade is not None:
        tables += _trade_tables(r.trade)
        notes += _trade_notes(r.trade)
    elif r.commodity is None:
        notes.append("no trade figures: this entry has no MCS commodity of its own")
    return View(tables, notes)


def _trade_tables(t) -> list[Table]:
    reliance = [
        [f"MCS {e.edition}", e.year, e.published, e.bound, e.form or t.form or "—", e.basis, e.reason or e.note or "",
         _shortcitation_text(e.source)]
        for e in t.reliance
    ]
    title = f"Net import reliance, % of apparent consumption ({t.commodity_name})"
    tables = [Table(title, ["edition", "year", "published", "bound", "form", "basis", "reason / note", "source"], reliance)]
    for s in t.import_shares:
        flags = ("whole commodity" if s.whole else "part") + ("" if s.complete else ", incomplete list")
        rows = [[sh.name, sh.country or "—", sh.published or sh.percent] for sh in s.shares]
        tables.append(Table(f"Import sources {s.period} (MCS {s.edition}): {s.category} [{flags}]",
                            ["country", "code", "percent"], rows))
    ranked = [[f"MCS {x.edition}", x.period, ", ".join(c.name for c in x.countries)] for x in t.ranked_sources]
    if ranked:
        tables.append(Table("Major import sources, descending order (Fig. 2)", ["edition", "period", "countries"], ranked))
    return tables


def _shortcitation_text(c) -> str:
    return ", ".join(p for p in (c.source, (c.table or "").split(";")[0]) if p)


def _trade_notes(t) -> list[str]:
    notes = [f"trade figures: {t.inherited}"] if t.inherited else []
    notes += list(t.notes)
    notes += [f"shares MCS {s.edition} {s.category}: " + citation_text(s.source) for s in t.import_shares]
    urls = dict.fromkeys(e.source.url for e in t.reliance if e.source.url)
    if urls:
        notes.append("reliance sources: " + ", ".join(urls))
    return notes


