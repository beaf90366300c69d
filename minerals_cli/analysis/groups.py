"""The countries and groups the analysis treats by name, and what the data says of groups.

The United States is domestic supply, never an import source or an ally;
China and the FEOC group get a line of their own in every exposure; the
rare-earth mineral group shares one MCS commodity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: resolve.py reads the names above at start-up, without pydantic
    from ..results.base import AllySet, Cited

DOMESTIC = "US"
CHINA = "CN"
FEOC_GROUP = "feoc"
REE_GROUP = "rare earth element"
PGM_GROUP = "platinum group metal"


def country_names(countries) -> dict[str, str]:
    """ISO code -> the registry's name."""
    return {c.code: c.name for c in countries.countries}


def group_members(countries, group_id: str) -> list[str]:
    """ISO codes of a group; none when the data has no such group."""
    group = next((g for g in countries.groups if g.id == group_id), None)
    return list(group.members) if group else []


def feoc_label(countries) -> str:
    """The FEOC line's label, naming the members the data's feoc group holds."""
    group = next((g for g in countries.groups if g.id == FEOC_GROUP), None)
    if group is None:
        return f"foreign entities of concern ({FEOC_GROUP}: no such group in the data)"
    return f"foreign entities of concern ({FEOC_GROUP}: {', '.join(group.members) or 'no members'})"


def ally_citations(countries, allies: AllySet) -> list[Cited]:
    """The source of each named group in an ally set, with the date its membership was checked."""
    from ..results.base import Cited

    groups = {g.id: g for g in countries.groups}
    return [
        Cited(what=f"members of {groups[p.lower()].name} ({p.lower()}), as of {groups[p.lower()].as_of}", source=groups[p.lower()].source)
        for p in allies.parts
        if p.lower() in groups
    ]
