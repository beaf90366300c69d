"""Which data directory a run reads (data_dir.py): --data-dir, then MINERALS_DATA_DIR, then the shipped data."""

from __future__ import annotations

import pytest
from helpers import DATA

from minerals_cli import data_dir
from minerals_cli.errors import UsageError


def test_a_missing_data_directory_is_a_usage_error(cli, tmp_path):
    run = cli("list", "--data-dir", str(tmp_path / "nowhere"))
    assert run.exit_code == 2
    run = cli("list", env={"MINERALS_DATA_DIR": str(tmp_path / "nowhere")})
    assert run.exit_code == 2 and "does not exist" in run.stderr


def test_the_option_wins_over_the_variable_which_wins_over_the_shipped_data(tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    assert data_dir.chosen(mine, {data_dir.ENV_VAR: str(theirs)}) == mine
    assert data_dir.chosen(None, {data_dir.ENV_VAR: str(theirs)}) == theirs
    assert data_dir.chosen(None, {}) is None
    assert data_dir.chosen(None, {data_dir.ENV_VAR: ""}) is None  # set but empty: the shipped data


def test_resolve_gives_the_shipped_data_or_an_existing_directory(tmp_path):
    assert data_dir.resolve(None, {}) == data_dir.shipped()
    assert (data_dir.shipped() / "minerals_2025.yaml").read_bytes() == (DATA / "minerals_2025.yaml").read_bytes()
    assert data_dir.resolve(None, {data_dir.ENV_VAR: str(tmp_path)}) == tmp_path
    with pytest.raises(UsageError, match="does not exist"):
        data_dir.resolve(tmp_path / "nowhere", {})
    (tmp_path / "a-file").write_text("")
    with pytest.raises(UsageError, match="not a directory"):
        data_dir.resolve(tmp_path / "a-file", {})


def test_is_shipped_sees_through_links(tmp_path):
    shipped = data_dir.shipped()
    link = tmp_path / "link"
    link.symlink_to(shipped, target_is_directory=True)
    assert data_dir.is_shipped(shipped / "import_dependence.yaml")
    assert data_dir.is_shipped(link / "import_dependence.yaml")
    assert data_dir.is_shipped(shipped / "not_yet_there.yaml")
    assert not data_dir.is_shipped(tmp_path / "import_dependence.yaml")
