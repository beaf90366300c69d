"""Write minerals_cli/cli_spec.json, the command table the quick path and the help pages read.

Run it after changing a command, an option or its help:

    .venv/bin/python tools/cli_spec.py          # rewrite the table
    .venv/bin/python tools/cli_spec.py --check  # exit 1 if it is stale

tests/test_argv.py fails when the table differs from what the Typer app describes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from minerals_cli.cli import spec_text

TARGET = Path(__file__).resolve().parent.parent / "minerals_cli" / "cli_spec.json"


def main(argv: list[str]) -> int:
    text = spec_text()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python tools/cli_spec.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
