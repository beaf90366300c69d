"""Commands of this module are being written (see the open issues)."""

import typer


def register(app: typer.Typer) -> None:
    pass
