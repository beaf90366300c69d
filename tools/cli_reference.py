"""Write docs/cli.md, the CLI reference: every command's `--help` as the installed app prints it.

Run it after changing a command, an option or the shipped data (option help
names the data's editions and lists):

    .venv/bin/python tools/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python tools/cli_reference.py --check  # exit 1 if it is stale

tests/test_docs.py fails when the file differs from what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from minerals_cli.cli import COMMANDS, app

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
# A fixed width and the shipped data, so the reference does not depend on who generates it.
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "MINERALS_DATA_DIR": "", "TERM": "dumb"}

INTRO = """\
# CLI reference

Generated from the app by `tools/cli_reference.py`; do not edit by hand. Each section is the
command's `--help` as `minerals` prints it with the shipped data (the editions, lists and groups
named in option help come from the data directory in use). Formulas, bounds and exit codes are
in [design.md](design.md).
"""


def help_text(*args: str) -> str:
    """What `minerals ARGS --help` prints."""
    result = CliRunner().invoke(app, [*args, "--help"], env=ENV, prog_name="minerals")
    if result.exit_code != 0:
        raise RuntimeError(f"minerals {' '.join(args)} --help exited {result.exit_code}: {result.output}")
    return result.output


def reference() -> str:
    """The whole reference document."""
    sections = [INTRO, "## minerals\n\n```text\n" + help_text() + "```\n"]
    for name in COMMANDS:
        sections.append(f"## minerals {name}\n\n```text\n" + help_text(name) + "```\n")
    return "\n".join(sections)


def main(argv: list[str]) -> int:
    text = reference()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python tools/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
