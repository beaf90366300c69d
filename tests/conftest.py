"""Shared fixtures: drive the real entry point, copy the shipped data, open it as a library would.

The tests mirror the package: tests/commands/test_<command>.py for each
command's CLI tests, tests/analysis/ for the analysis called directly,
tests/dataset/ and tests/ingest/ for the data layer and the ingester, and
top-level files for what concerns the app as a whole.  Paths every folder
needs are defined once, in helpers.py, so moving a test file never changes them.
pytest runs in importlib mode with tests/ on the path (pyproject.toml), so a
test imports `helpers` and `mcs_fixtures` by name and `minerals_cli` is
always the installed package, never the checkout's source.
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass

import pytest
from helpers import DATA

from minerals_cli.entry import main


@pytest.fixture(autouse=True, scope="session")
def private_store(tmp_path_factory):
    """Validated forms of the tests' data go to a folder of the test run's own, never the user's cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def invoke(*args: str, env: dict | None = None) -> Run:
    """Run `minerals ARGS` in-process through the console script's own `main`, colour off, a fixed width.

    Both paths are exercised: the quick one (argv.py) for what it reads, the
    Typer app for what it declines.  An empty variable counts as unset.
    """
    environment = {"NO_COLOR": "1", "COLUMNS": "120", "MINERALS_DATA_DIR": "", **(env or {})}
    saved_env, saved_streams = dict(os.environ), (sys.stdout, sys.stderr)
    out, err = io.StringIO(), io.StringIO()
    os.environ.update(environment)
    sys.stdout, sys.stderr = out, err
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def env(tmp_path):
    """For a real process: a clean environment, no colour, shipped data, a private cache folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MINERALS_", "_MINERALS_", "FORCE_COLOR"))}
    clean.update({"NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path / "cache")})
    return clean


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


@pytest.fixture
def empty_dir(tmp_path):
    """An empty data directory of the user's own (ingest-mcs writes there)."""
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture(scope="session")
def shipped():
    """The shipped data as the library opens it: `open_dataset(None)` with MINERALS_DATA_DIR unset."""
    from minerals_cli import data_dir
    from minerals_cli.dataset import open_dataset

    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(data_dir.ENV_VAR, raising=False)
        dataset = open_dataset(None)
    assert dataset.directory == data_dir.shipped()
    return dataset
