"""Write the files generated from the app: the command table and docs/cli.md, the CLI reference.

The command table (minerals_cli/cli_spec.json) is what the quick path and
the help pages read (argv.py, helptext.py); docs/cli.md is every command's
`--help` as the app prints it, from that table.  Run it after changing a
command, an option or the shipped data (option help names the data's
editions and lists), in a checkout installed editable:

    .venv/bin/python tools/cli_reference.py          # rewrite both
    .venv/bin/python tools/cli_reference.py --check  # exit 1 if either is stale

tests/test_argv.py and tests/test_docs.py fail when a file differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from minerals_cli.cli import COMMANDS, app, spec_text

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"
TABLE = ROOT / "minerals_cli" / "cli_spec.json"
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
    """Each file in turn: the reference is written from the table, so the table goes first."""
    stale = False
    for target, make in ((TABLE, spec_text), (TARGET, reference)):
        text = make()
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if "--check" in argv:
            if current != text:
                print(f"{target} is stale: run python tools/cli_reference.py", file=sys.stderr)
                stale = True
        elif current != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
