"""Shell-completion callbacks: mineral names, country names and codes, list ids, editions.

Typer calls these on every TAB press, so they read the raw YAML (no pydantic,
no validation; dataset/peek.py) of the data directory the command line or
the environment points at (data_dir.py), and any failure (missing or broken
file) completes nothing rather than printing a traceback into the prompt.

Names are offered as single shell words: "rare earths" is completed as
`rare-earths` and "Congo (Kinshasa)" as `Congo-Kinshasa`; the resolver
treats hyphens as spaces and ignores parentheses, so both resolve.
Typer keeps only candidates that start with what was typed, case and all,
so each candidate repeats the typed prefix exactly as typed.

Wire one into a parameter with `autocompletion=`, e.g.
`typer.Argument(..., autocompletion=complete_mineral)`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Optional

from .dataset.peek import records

# typer's Context.  Not imported: every run imports this module (command signatures name its
# callbacks), and typer finds the context parameter by its name, `ctx`.
Context = Any

Candidates = list[tuple[str, str]]


def complete_mineral(ctx: Context, incomplete: str) -> Candidates:
    """Mineral ids, names, symbols and aliases; ids only until something is typed."""
    doc = _read(ctx, "minerals")
    words: list[tuple[str, str]] = []
    for m in records(doc, "minerals"):
        ident, name = m.get("id"), m.get("name") or m.get("id")
        if not isinstance(ident, str):
            continue
        words.append((ident, str(name)))
        if incomplete:
            words.append((str(name), str(name)))
            if m.get("symbol"):
                words.append((str(m["symbol"]), f"{name} (symbol)"))
            words.extend((str(a), f"{name} (alias)") for a in _strings(m.get("aliases")))
    return _matching(words, incomplete)


def complete_country(ctx: Context, incomplete: str) -> Candidates:
    """ISO codes; names and aliases too once something is typed."""
    return _matching(_country_words(_read(ctx, "countries"), bool(incomplete)), incomplete)


def complete_allies(ctx: Context, incomplete: str) -> Candidates:
    """The last item of a comma list such as `fta,msp,JP`: group ids, codes or names."""
    doc = _read(ctx, "countries")
    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    words = [(str(g["id"]), str(g.get("name", g["id"]))) for g in records(doc, "groups") if isinstance(g.get("id"), str)]
    words += _country_words(doc, bool(last))
    return [(prefix + value, help_text) for value, help_text in _matching(words, last)]


def complete_list(ctx: Context, incomplete: str) -> Candidates:
    """List ids: 2018, 2022, 2025-draft, 2025."""
    doc = _read(ctx, "minerals")
    words = [(str(entry["id"]), str(entry.get("title", ""))) for entry in records(doc, "lists") if "id" in entry]
    return _matching(words, incomplete)


def complete_any_list(ctx: Context, incomplete: str) -> Candidates:
    """U.S. list ids and other jurisdictions' (eu-2023-critical, ca-2024, ...)."""
    words = [(str(e["id"]), str(e.get("title", ""))) for key in ("minerals", "other_lists")
             for e in records(_read(ctx, key), "lists") if "id" in e]
    return _matching(words, incomplete)


def complete_edition(ctx: Context, incomplete: str) -> Candidates:
    """MCS edition years of import_dependence.yaml."""
    doc = _read(ctx, "import_dependence")
    words = [(str(e["edition"]), str(e.get("title", ""))) for e in records(doc, "editions") if "edition" in e]
    return _matching(words, incomplete)


# --------------------------------------------------------------------------


def _country_words(doc: Any, with_names: bool) -> list[tuple[str, str]]:
    words = []
    for c in records(doc, "countries"):
        code, name = c.get("code"), c.get("name")
        if not isinstance(code, str):
            continue
        words.append((code, str(name or code)))
        if with_names and name:
            words.append((str(name), code))
            words.extend((str(a), f"{name} ({code})") for a in _strings(c.get("aliases")))
    return words


def shell_word(name: str) -> str:
    """A name as one shell word the resolver reads back: spaces to hyphens, no brackets."""
    return "-".join(re.sub(r"[()\[\],.'\"]", " ", name).split())


def _matching(words: Iterable[tuple[str, str]], incomplete: str) -> Candidates:
    """Candidates starting with `incomplete` (ignoring case and space/hyphen), typed prefix kept."""
    typed = shell_word(incomplete) if incomplete.strip() else ""
    key = typed.lower()
    found: dict[str, str] = {}
    for word, help_text in words:
        shown = shell_word(word)
        if shown and shown.lower().startswith(key):
            value = incomplete + shown[len(incomplete):] if shown[: len(incomplete)].lower() == incomplete.lower() else shown
            found.setdefault(value, help_text)
    return sorted(found.items(), key=lambda item: item[0].lower())


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value if isinstance(v, (str, int))] if isinstance(value, list) else []


def _read(ctx: Optional[Context], key: str) -> Any:
    """The raw YAML of one data file, or None when anything is wrong with it."""
    from .dataset.peek import peek

    try:
        directory = _data_dir(ctx)
    except Exception:  # noqa: BLE001 - completion must never break the prompt
        return None
    return peek(directory, key)


def _data_dir(ctx: Optional[Context]) -> Path:
    """--data-dir on the line being completed, else what data_dir.py chooses (never raising)."""
    from . import data_dir

    chosen = None
    while ctx is not None and chosen is None:
        chosen = (getattr(ctx, "params", None) or {}).get("data_dir")
        ctx = getattr(ctx, "parent", None)
    return data_dir.chosen(chosen or None) or data_dir.shipped()
