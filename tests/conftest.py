"""Shared helpers: drive the real Typer app and parse what it prints."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minerals_cli.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def invoke(*args: str, env: dict | None = None) -> Run:
    """Run `minerals ARGS` in-process, with colour off and a fixed width."""
    runner = CliRunner()
    environment = {"NO_COLOR": "1", "COLUMNS": "120", "MINERALS_DATA_DIR": "", **(env or {})}
    result = runner.invoke(app, list(args), env=environment, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli():
    return invoke


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the shipped data directory, to break on purpose."""
    target = tmp_path / "data"
    target.mkdir()
    for f in DATA.glob("*.yaml"):
        (target / f.name).write_bytes(f.read_bytes())
    return target
