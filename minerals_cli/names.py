"""Matching names as people type them: case, plurals, hyphens and parentheses aside.

The one normalisation every lookup shares, so that the resolver, shell
completion and the USGS ingester agree on when two names are the same.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from .errors import NotFound


def normalize(text: str) -> str:
    t = text.strip().lower().replace("_", " ").replace("-", " ")
    t = re.sub(r"['’]s\b", "s", t)
    t = re.sub(r"[()\[\],.'’]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


ECHO_LIMIT = 60  # characters of what a user typed that a message repeats


def quoted(text: str) -> str:
    """What a user typed, quoted for a message, cut to ECHO_LIMIT characters."""
    return repr(text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT] + "…")


def _forms(key: str) -> list[str]:
    """The key and the singulars it may be a plural of ('bauxites', 'rare earths')."""
    forms = [key]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            forms.append(key[: -len(suffix)] + repl)
    return forms


def index_of(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """name -> id; the first claim on a key wins."""
    index: dict[str, str] = {}
    for name, ident in pairs:
        index.setdefault(normalize(name), ident)
    return index


def lookup(
    query: str,
    index: dict[str, str],
    what: str,
    shown: Iterable[str],
    plural: str = "",
    label: Callable[[str], str] = str,
) -> str:
    """The id `query` names in `index`; a miss is NotFound with the nearest names (or some known ones)."""
    key = normalize(query)
    for k in _forms(key):
        if k in index:
            return index[k]
    import difflib  # only a miss needs it, and every run loads this module

    near = difflib.get_close_matches(key, list(index), n=5, cutoff=0.6) if len(key) <= 4 * ECHO_LIMIT else []
    names = list(dict.fromkeys(label(index[k]) for k in near))
    if names:
        hint = "did you mean: " + ", ".join(names) + "?"
    else:
        hint = f"known {plural or what + 's'} include: " + ", ".join(sorted(shown)[:12]) + ", …"
    raise NotFound(f"unknown {what} {quoted(query)}", hint)


def mineral_index(minerals) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    for m in minerals.minerals:
        pairs.append((m.id, m.id))
        pairs.append((m.name, m.id))
        if m.symbol:
            pairs.append((m.symbol, m.id))
        pairs.extend((a, m.id) for a in m.aliases)
        pairs.extend((w, m.id) for w in m.listed_as.values())
    return index_of(pairs)


def country_index(countries) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    for c in countries.countries:
        pairs.append((c.code, c.code))
        pairs.append((c.name, c.code))
        pairs.extend((a, c.code) for a in c.aliases)
    return index_of(pairs)
