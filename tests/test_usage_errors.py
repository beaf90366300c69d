"""Usage slips end with exit 2 and a message; names with spaces work in lists of countries."""

import pytest


def test_multi_word_country_names_in_allies_and_cut(cli):
    r = cli("exposure", "lithium", "--allies", "South Korea, Congo (Kinshasa)", "--json").json()
    assert set(r["allies"]["countries"]) == {"KR", "CD"}
    run = cli("scenario", "--cut", "South Korea", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["cut"] == ["KR"]


@pytest.mark.parametrize("spec", [",", " , "])
def test_an_ally_list_with_nothing_in_it_is_a_usage_error(cli, spec):
    run = cli("exposure", "lithium", "--allies", spec)
    assert run.exit_code == 2 and "no country or group" in run.stderr


def test_a_missing_data_directory_is_a_usage_error(cli, tmp_path):
    run = cli("list", "--data-dir", str(tmp_path / "nowhere"))
    assert run.exit_code == 2
    run = cli("list", env={"MINERALS_DATA_DIR": str(tmp_path / "nowhere")})
    assert run.exit_code == 2 and "does not exist" in run.stderr


def test_an_empty_group_is_not_silently_ignored(cli):
    run = cli("list", "--group", "")
    assert run.exit_code == 2 and "valid groups" in run.stderr


def test_a_list_date_that_is_not_iso_is_a_data_error(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text().replace("published: '2022-02-24'", "published: 24 Feb 2022"))
    run = cli("list", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "lists.1.published" in run.stderr and "YYYY-MM-DD" in run.stderr
