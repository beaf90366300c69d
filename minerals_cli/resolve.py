"""Turn what a user types into a mineral, list, country or group.

Matching is case-insensitive and forgiving of plurals, hyphens and
parentheses; element symbols and aliases count as names.  A miss raises
NotFound with the nearest names, so every command says "did you mean".
"""

from __future__ import annotations

import difflib
import re
from typing import Callable, Iterable, Optional

from .errors import NotFound, UsageError


def normalize(text: str) -> str:
    t = text.strip().lower().replace("_", " ").replace("-", " ")
    t = re.sub(r"['’]s\b", "s", t)
    t = re.sub(r"[()\[\],.'’]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _forms(key: str) -> list[str]:
    """The key and the singulars it may be a plural of ('bauxites', 'rare earths')."""
    forms = [key]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            forms.append(key[: -len(suffix)] + repl)
    return forms


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """name -> id; the first claim on a key wins."""
    index: dict[str, str] = {}
    for name, ident in pairs:
        index.setdefault(normalize(name), ident)
    return index


def _lookup(
    query: str,
    index: dict[str, str],
    what: str,
    shown: Iterable[str],
    plural: str = "",
    label: Callable[[str], str] = str,
) -> str:
    key = normalize(query)
    for k in _forms(key):
        if k in index:
            return index[k]
    near = difflib.get_close_matches(key, list(index), n=5, cutoff=0.6)
    names = list(dict.fromkeys(label(index[k]) for k in near))
    if names:
        hint = "did you mean: " + ", ".join(names) + "?"
    else:
        hint = f"known {plural or what + 's'} include: " + ", ".join(sorted(shown)[:12]) + ", …"
    raise NotFound(f"unknown {what} {query!r}", hint)


def mineral_index(minerals) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    for m in minerals.minerals:
        pairs.append((m.id, m.id))
        pairs.append((m.name, m.id))
        if m.symbol:
            pairs.append((m.symbol, m.id))
        pairs.extend((a, m.id) for a in m.aliases)
        pairs.extend((w, m.id) for w in m.listed_as.values())
    return _index(pairs)


def resolve_mineral(minerals, query: str):
    """The Mineral a user means by `query` (name, symbol, alias or plural)."""
    ident = _lookup(query, mineral_index(minerals), "mineral", [m.id for m in minerals.minerals])
    return next(m for m in minerals.minerals if m.id == ident)


def resolve_list(minerals, query: str) -> str:
    """A list id; an unknown one is a usage error naming the valid ids."""
    ids = [entry.id for entry in minerals.lists]
    key = query.strip().lower()
    if key in ids:
        return key
    aliases = {f"{i}-final": i for i in ids if "-" not in i}
    if key in aliases:
        return aliases[key]
    raise UsageError(f"unknown list {query!r}", "valid lists: " + ", ".join(ids))


def country_index(countries) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    for c in countries.countries:
        pairs.append((c.code, c.code))
        pairs.append((c.name, c.code))
        pairs.extend((a, c.code) for a in c.aliases)
    return _index(pairs)


def resolve_country(countries, query: str) -> str:
    """ISO code of the country a user means (code, name or alias)."""
    names = {c.code: c.name for c in countries.countries}
    codes = list(names)
    return _lookup(query, country_index(countries), "country", codes, "countries", lambda code: f"{names[code]} ({code})")


def resolve_allies(countries, spec: Optional[str]) -> tuple[list[str], list[str]]:
    """Expand 'fta,msp,JP' into ISO codes; returns (codes, the parts as named)."""
    if not spec:
        return [], []
    groups = {g.id: g for g in countries.groups}
    codes: list[str] = []
    parts = [p.strip() for p in spec.split(",") if p.strip()]  # names may hold spaces: 'South Korea'
    if not parts:
        raise UsageError(f"no country or group in {spec!r}", "e.g. fta,msp,JP or 'South Korea'")
    for part in parts:
        group = groups.get(part.lower())
        if group:
            codes.extend(group.members)
            continue
        try:
            codes.append(resolve_country(countries, part))
        except NotFound as exc:
            raise NotFound(f"unknown country or group {part!r}", exc.hint + f" (groups: {', '.join(groups)})") from None
    return list(dict.fromkeys(codes)), parts
