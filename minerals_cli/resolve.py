"""What a user typed, turned into the typed values the analysis takes.

Every name, id and number a command receives is checked here, once:
minerals, countries and groups by name (names.py, "did you mean" on a
miss), list ids and editions against the data, ally and cut sets, a user's
own targets.  A miss is NotFound (exit 1), a value that cannot be used a
UsageError (exit 2), so the analysis never has to refuse its input.
Where a result's words say how a value was given, the caller passes its
own wording (`given_with`), so nothing here names a command-line option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from .analysis.groups import DOMESTIC, PGM_GROUP, REE_GROUP
from .errors import NotFound, UsageError
from .names import country_index, lookup, mineral_index, quoted

if TYPE_CHECKING:
    from .results.base import AllySet, TargetInfo

# The allied suppliers when the user names none: free-trade partners, the
# Minerals Security Partnership, the G7 and NATO (docs/design.md, "Vocabulary").
DEFAULT_ALLIES = "fta,msp,g7,nato"

GROUP_NAMES = {
    REE_GROUP: ["ree", "rees", "rare earth", "rare earths", "rare earth elements", "lanthanides"],
    PGM_GROUP: ["pgm", "pgms", "platinum group", "platinum group metals", "platinum-group metals"],
}


# --------------------------------------------------------------------------
# minerals, lists, editions


def resolve_mineral(minerals, query: str):
    """The Mineral a user means by `query` (name, symbol, alias or plural).

    The stored form keeps the name index, so one mineral is read, not all (records.MineralsRecord).
    """
    if hasattr(minerals, "name_index"):
        return minerals.mineral(lookup(query, minerals.name_index(), "mineral", minerals.ids()))
    ident = lookup(query, mineral_index(minerals), "mineral", [m.id for m in minerals.minerals])
    return next(m for m in minerals.minerals if m.id == ident)


def resolve_minerals(minerals, names: list[str], list_query: Optional[str], every: bool, all_flag: str,
                     list_flag: str) -> list:
    """The minerals a batch asks for: each name in order, or with `every` those of a list (default the latest final).

    `all_flag` and `list_flag` are how the caller gives `every` and the list, for the messages.
    """
    from .analysis.lists import members
    from .analysis.scope import latest_final

    if every and names:
        raise UsageError(f"give mineral names or {all_flag}, not both")
    if list_query and not every:
        raise UsageError(f"{list_flag} chooses the minerals of {all_flag}; give {all_flag}, or leave {list_flag} out")
    if every:
        return members(minerals, resolve_list(minerals, list_query) if list_query else latest_final(minerals))
    if not names:
        raise UsageError(f"give a mineral name (e.g. lithium), or {all_flag} for every mineral of a list")
    return [resolve_mineral(minerals, name) for name in names]


def resolve_form(imports, mineral, query: Optional[str]) -> Optional[str]:
    """The record of the published form of `mineral` a user means ('metal', 'aluminum metal', 'alumina'), or None
    for the headline form; a form the data does not hold is a usage error naming those it does."""
    from .analysis.supply import commodity_index, form_options, forms_index

    if query is None:
        return None
    options = form_options(commodity_index(imports), forms_index(imports), mineral)
    key = " ".join(query.strip().lower().split())
    for o in options:
        if key in {o.record, (o.form or "").lower(), o.name.lower()}:
            return None if o.headline else o.record
    valid = ", ".join(f"{o.form} ({o.record})" + (" [headline]" if o.headline else "") for o in options)
    if not options:
        raise UsageError(f"this tool's data holds one published form of {mineral.name}; {quoted(query)} is not "
                         "another", "leave the form out")
    raise UsageError(f"{mineral.name} has no published form {quoted(query)}", f"forms of {mineral.name}: {valid}")


def resolve_date(text: Optional[str]) -> str:
    """A date the user gave, or today, as YYYY-MM-DD."""
    from datetime import date

    from .analysis.controls import today

    if text is None:
        return today()
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise UsageError(f"not a date: {quoted(text)}", "give it as YYYY-MM-DD, e.g. 2026-01-15") from None


def resolve_control_kinds(text: str) -> list[str]:
    """The kinds of export control a user counts (ban,quota,...), each once, in the order given."""
    from .analysis.controls import KINDS

    kinds = list(dict.fromkeys(k.strip().lower() for k in text.split(",") if k.strip()))
    wrong = [k for k in kinds if k not in KINDS]
    if wrong or not kinds:
        raise UsageError(f"unknown kind of export control {quoted(', '.join(wrong) or text)}",
                         "valid kinds: " + ", ".join(KINDS))
    return kinds


WORLD_STAGES = ("mine", "refinery", "smelter", "primary", "production", "capacity", "reserves")


def resolve_stage(stage: Optional[str]) -> Optional[str]:
    """A stage of the world tables, as the user typed it (any case), or None for the default."""
    if stage is None:
        return None
    if stage.strip().lower() in WORLD_STAGES:
        return stage.strip().lower()
    raise UsageError(f"unknown stage {quoted(stage)}", "valid stages: " + ", ".join(WORLD_STAGES))


def resolve_list(minerals, query: str) -> str:
    """A list id; an unknown one is a usage error naming the valid ids."""
    ids = [entry.id for entry in minerals.lists]
    key = query.strip().lower()
    if key in ids:
        return key
    aliases = {f"{i}-final": i for i in ids if "-" not in i}
    if key in aliases:
        return aliases[key]
    raise UsageError(f"unknown list {quoted(query)}", "valid lists: " + ", ".join(ids))


def resolve_any_list(minerals, other, query: str) -> str:
    """A list id of the U.S. lists, or else of another jurisdiction's; `other` may be a callable that loads
    those lists, so a U.S. list id never reads their file."""
    try:
        return resolve_list(minerals, query)
    except UsageError:
        others = other() if callable(other) else other
        ids = [entry.id for entry in others.lists] if others is not None else []
        key = query.strip().lower()
        if key in ids:
            return key
        us = [entry.id for entry in minerals.lists]
        raise UsageError(f"unknown list {quoted(query)}", "valid lists: " + ", ".join(us + ids)
                         + ("; `minerals lists` describes them" if ids else "")) from None


def resolve_jurisdiction(minerals, other, query: str) -> str:
    """A jurisdiction code of the lists in the data (US, EU, CA, ...); UK is taken as GB."""
    known = ["US"] + list(dict.fromkeys(x.jurisdiction for x in (other.lists if other is not None else [])))
    key = {"UK": "GB"}.get(query.strip().upper(), query.strip().upper())
    if key in known:
        return key
    raise UsageError(f"unknown jurisdiction {quoted(query)}", "jurisdictions with lists: " + ", ".join(known))


def resolve_extension(minerals, other, query: str):
    """A mineral of the U.S. data, or else one only other jurisdictions' lists name (an extension entry)."""
    from .names import index_of, normalize

    try:
        return resolve_mineral(minerals, query)
    except NotFound:
        index = index_of((e.name, e.id) for e in other.extensions) if other is not None else {}
        if normalize(query) not in index:
            raise
        return next(e for e in other.extensions if e.id == index[normalize(query)])


def resolve_list_with_previous(minerals, query: str) -> str:
    """A list id that has an earlier final list to compare with (what a list added or dropped)."""
    from .analysis.scope import list_info

    list_id = resolve_list(minerals, query)
    if list_info(minerals, list_id).previous_final is None:
        raise UsageError(f"list {list_id} has no earlier final list to compare with")
    return list_id


def resolve_group(name: str) -> str:
    """A mineral group as the data names it ('rare earth element') from 'ree', 'PGMs', 'rare earths'."""
    key = " ".join(name.lower().replace("-", " ").split())
    for group, names in GROUP_NAMES.items():
        if key == group or key in names:
            return group
    valid = ", ".join(["ree", "pgm", *GROUP_NAMES])
    raise UsageError(f"unknown group {quoted(name)}", f"valid groups: {valid}")


def resolve_edition(imports, edition: Optional[int]) -> Optional[int]:
    """An MCS edition the data holds, or None to let the analysis take its default."""
    if edition is None:
        return None
    known = sorted(e.edition for e in imports.editions)
    if edition in known:
        return edition
    raise UsageError(
        f"unknown MCS edition {edition}", "valid editions: " + (", ".join(map(str, known)) or "none (the data lists no edition)")
    )


# --------------------------------------------------------------------------
# countries and groups of countries


def resolve_country(countries, query: str) -> str:
    """ISO code of the country a user means (code, name or alias)."""
    names = {c.code: c.name for c in countries.countries}
    codes = list(names)
    return lookup(query, country_index(countries), "country", codes, "countries", lambda code: f"{names[code]} ({code})")


def _named_parts(spec: Optional[str]) -> list[str]:
    """The comma-separated parts of 'fta,msp,JP' as typed; names may hold spaces ('South Korea')."""
    if not spec:
        return []
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    if not parts:
        raise UsageError(f"no country or group in {quoted(spec)}", "e.g. fta,msp,JP or 'South Korea'")
    return parts


def _part_resolver(countries) -> Callable[[str], tuple[list[str], bool]]:
    """(ISO codes, whether it is a group) of one part of a list: a group id or a country.

    The groups and the country index are built once for a whole list, so a
    list of thousands of parts takes as long as its length, not its square.
    """
    groups = {g.id: g for g in countries.groups}
    built: dict[str, dict] = {}  # the country index, built only when a part is not a group

    def codes_of(part: str) -> tuple[list[str], bool]:
        group = groups.get(part.lower())
        if group:
            return list(group.members), True
        if not built:
            built.update(names={c.code: c.name for c in countries.countries}, index=country_index(countries))
        names = built["names"]
        try:
            code = lookup(part, built["index"], "country", list(names), "countries", lambda c: f"{names[c]} ({c})")
        except NotFound as exc:
            raise NotFound(f"unknown country or group {quoted(part)}", exc.hint + f" (groups: {', '.join(groups)})") from None
        return [code], False

    return codes_of


def resolve_allies(countries, spec: Optional[str]) -> tuple[list[str], list[str]]:
    """Expand 'fta,msp,JP' into ISO codes; returns (codes, the parts as named, each once)."""
    parts = list(dict.fromkeys(_named_parts(spec)))
    codes_of = _part_resolver(countries)
    codes = [code for part in parts for code in codes_of(part)[0]]
    return list(dict.fromkeys(codes)), parts


def ally_set(countries, spec: Optional[str], given_with: str) -> "AllySet":
    """The allied countries of `spec` (None: the default set; '' or 'none': no allies), never the United States.

    `given_with` names how a user gives a set (e.g. an option), for the note
    the result carries.
    """
    if spec is None:
        codes, parts = resolve_allies(countries, DEFAULT_ALLIES)
        return _ally_set(codes, parts, DEFAULT_ALLIES, None)
    if spec.strip().lower() in ("", "none"):
        return _ally_set([], [], "none", given_with)
    codes, parts = resolve_allies(countries, spec)
    return _ally_set(codes, parts, ",".join(parts), given_with)


def _ally_set(codes: list[str], parts: list[str], spec: str, given_with: Optional[str]) -> "AllySet":
    from .results.base import AllySet

    allied = sorted(c for c in dict.fromkeys(codes) if c != DOMESTIC)
    if not allied:
        note = "No allied countries: the allied share is the domestic share."
    else:
        how = "the default set" if given_with is None else f"the set given with {given_with}"
        note = (
            f"Allies: {spec} ({how}), {len(allied)} countries; the United States counts as domestic supply, "
            "not as an ally."
        )
    return AllySet(spec=spec, default=given_with is None, parts=list(parts), countries=allied, note=note)


def cut_set(countries, specs: list[str], given_with: str) -> tuple[list[str], list[str]]:
    """(ISO codes to cut, notes) from what the user named: countries, codes and groups.

    The United States is domestic supply: named on its own it is refused, as
    a member of a group (nato, g7) it is left out of the cut, as it is left
    out of an ally set.  Every part is resolved before any is judged, so an
    unknown name is reported first.
    """
    codes_of = _part_resolver(countries)
    parts = dict.fromkeys(part for spec in specs for part in _named_parts(spec))
    named = [(part, *codes_of(part)) for part in parts]
    codes: list[str] = []
    groups_with_us: list[str] = []
    for name, part_codes, is_group in named:
        if DOMESTIC in part_codes and not is_group:
            raise UsageError("the United States is domestic supply and cannot be cut", "cut foreign suppliers only")
        if DOMESTIC in part_codes:
            groups_with_us.append(name.lower())
        codes += [c for c in part_codes if c != DOMESTIC]
    if not codes:
        raise UsageError("name at least one country to cut", f"e.g. {given_with} CN (a name, an ISO code or a group id)")
    notes = []
    if groups_with_us:
        notes.append(
            f"The United States, a member of {', '.join(dict.fromkeys(groups_with_us))}, is domestic supply: "
            "it is left out of the cut."
        )
    return list(dict.fromkeys(codes)), notes


# --------------------------------------------------------------------------
# targets


def user_targets(values: list[float], given_with: str) -> list["TargetInfo"]:
    """A user's own allied-share targets (percent), each once, in the order given."""
    from .results.base import TargetInfo

    for v in values:
        if not 0 <= v <= 100:
            raise UsageError(f"target {v:g} is not a percentage", "a target is a number from 0 to 100")
    return [
        TargetInfo(
            id=f"user-{v:g}",
            description=f"{v:g}% of supply from domestic or allied sources (given with {given_with})",
            kind="allied share",
            value=v,
            verified=None,
        )
        for v in dict.fromkeys(values)
    ]
