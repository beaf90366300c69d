"""Write docs/api.md, the Python API's reference, from minerals_cli/api.py's own signatures and docstrings.

    .venv/bin/python tools/api_reference.py          # rewrite it
    .venv/bin/python tools/api_reference.py --check  # exit 1 if it is stale

tests/test_docs.py fails when docs/api.md differs from what this writes.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from minerals_cli import api
from minerals_cli.results.base import Result

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "api.md"

INTRO = """\
# Python API reference

Generated from `minerals_cli/api.py` by `tools/api_reference.py`; do not edit by hand. The
commands are thin wrappers over these methods: a method returns the object its command renders,
whose fields are the command's JSON (README, "JSON schema"). No module of the API imports typer
or rich, and nothing in it prints.
"""


def signature(function) -> str:
    """`(name: annotation = default, *, ...)` as written in the source (annotations are not evaluated)."""
    parts, star = [], False
    for p in inspect.signature(function).parameters.values():
        if p.name == "self":
            continue
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = p.name + (f": {p.annotation}" if p.annotation is not p.empty else "")
        if p.default is not p.empty:
            text += f" = {p.default!r}"
        parts.append(text)
    returns = inspect.signature(function).return_annotation
    return f"({', '.join(parts)})" + (f" -> {returns}" if returns is not inspect.Signature.empty else "")


def section(level: str, name: str, function) -> str:
    doc = inspect.cleandoc(function.__doc__ or "")
    return f"{level} `{name}{signature(function)}`\n\n{doc}\n"


def methods(cls) -> list[str]:
    """Public methods in the order the class defines them."""
    return [n for n, v in vars(cls).items() if callable(v) and not n.startswith("_")]


def reference() -> str:
    parts = [INTRO, "## Module `minerals_cli`\n\n" + inspect.cleandoc(api.__doc__) + "\n"]
    parts += [section("###", f"minerals_cli.{name}", getattr(api, name))
              for name in ("open", "records", "to_dataframe")]
    parts.append("## `class Minerals`\n\n" + inspect.cleandoc(api.Minerals.__doc__) + "\n")
    parts += [section("###", f"Minerals.{name}", getattr(api.Minerals, name)) for name in methods(api.Minerals)]
    parts.append("## Every result\n\n" + inspect.cleandoc(Result.__doc__) + "\n")
    parts += [section("###", f"Result.{name}", getattr(Result, name))
              for name in ("to_dict", "to_records", "to_dataframe")]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = reference()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python tools/api_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
