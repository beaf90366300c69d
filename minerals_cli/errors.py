"""The exceptions a user can cause, each with its exit code (docs/design.md, "Exit codes").

resolve.py raises NotFound and UsageError for what a user typed, the data
layer DataError; `report` turns each into one line on stderr and the exit
code (for the quick path, argv.py, and the Typer app, cli.py alike), so no
user mistake ever ends in a traceback.
"""

from __future__ import annotations


class MineralsError(Exception):
    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class NotFound(MineralsError):
    """Unknown mineral, country or group; nothing matched."""

    exit_code = 1


class UsageError(MineralsError):
    """Arguments that parse but make no sense together (bad list id, ...)."""

    exit_code = 2


class OutputError(MineralsError):
    """An answer or a file that cannot be written: stdout closed or failing, an unwritable target."""

    exit_code = 2


class DataError(MineralsError):
    """A data file that cannot be read or does not validate."""

    exit_code = 3

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def report(exc: MineralsError) -> int:
    """Write the error as `minerals: error: ...` on stderr (if there is one); its exit code."""
    import sys

    try:
        sys.stderr.write(f"minerals: error: {exc}\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # stderr closed too: the exit code still tells
        pass
    return exc.exit_code
