"""The lists, their filters and diffs, through the real command."""

import pytest

NEW_IN_2025 = {
    "boron", "copper", "lead", "metallurgical coal", "phosphate",
    "potash", "rhenium", "silicon", "silver", "uranium",
}


def ids(run):
    return [m["id"] for m in run.json()["minerals"]]


def test_default_list_is_the_2025_final_list_of_60(cli):
    run = cli("list", "--json")
    assert run.exit_code == 0
    data = run.json()
    assert data["list"] == "2025" and data["status"] == "final"
    assert data["count"] == 60 == len(set(ids(run)))
    assert data["citation"]["source"] == "FR 2025-19813"


@pytest.mark.parametrize("list_id, count", [("2018", 35), ("2022", 50), ("2025-draft", 54), ("2025", 60)])
def test_each_list_has_its_published_count(cli, list_id, count):
    assert len(ids(cli("list", "--list", list_id, "--json"))) == count


def test_2018_list_has_the_group_entries_not_the_elements(cli):
    names = ids(cli("list", "--list", "2018", "--json"))
    assert "rare earth elements group" in names and "platinum group metals" in names
    assert "neodymium" not in names and "scandium" in names


def test_new_in_2025(cli):
    assert set(ids(cli("list", "--new-in", "2025", "--json"))) == NEW_IN_2025


def test_new_in_2022_counts_split_elements_as_not_new(cli):
    assert set(ids(cli("list", "--new-in", "2022", "--json"))) == {"nickel", "zinc"}


def test_removed_in_2022(cli):
    assert set(ids(cli("list", "--removed-in", "2022", "--json"))) == {
        "helium", "potash", "rhenium", "strontium", "uranium"
    }


def test_group_filter(cli):
    assert len(ids(cli("list", "--group", "REE", "--json"))) == 15
    assert set(ids(cli("list", "--group", "pgm", "--json"))) == {"platinum", "palladium", "rhodium", "ruthenium", "iridium"}


def test_unknown_group_is_a_usage_error(cli):
    run = cli("list", "--group", "metals")
    assert run.exit_code == 2 and "valid groups" in run.stderr


def test_diff_2022_2025(cli):
    d = cli("diff", "2022", "2025", "--json").json()
    assert set(d["added"]) == NEW_IN_2025
    assert d["removed"] == [] and d["split"] == []
    assert d["counts"]["added"] == 10 and d["counts"]["kept"] == 50


def test_diff_2018_2022_reports_splits_not_new_elements(cli):
    d = cli("diff", "2018", "2022", "--json").json()
    assert d["added"] == ["nickel", "zinc"]
    assert set(d["removed"]) == {"helium", "potash", "rhenium", "strontium", "uranium"}
    splits = {s["entry"]: s["into"] for s in d["split"]}
    assert len(splits["rare earth elements group"]) == 15
    assert set(splits["platinum group metals"]) == {"platinum", "palladium", "rhodium", "ruthenium", "iridium"}
    assert "neodymium" not in d["kept"]


def test_diff_run_backwards_reports_a_merge(cli):
    d = cli("diff", "2022", "2018", "--json").json()
    assert d["split"] == [] and {m["entry"] for m in d["merged"]} == {"rare earth elements group", "platinum group metals"}
    assert d["added"] == ["helium", "potash", "rhenium", "strontium", "uranium"]
    assert d["removed"] == ["nickel", "zinc"]


def test_diff_2022_to_draft_drops_arsenic_and_tellurium(cli):
    d = cli("diff", "2022", "2025-draft", "--json").json()
    assert d["removed"] == ["arsenic", "tellurium"]
    assert set(d["added"]) == {"copper", "lead", "potash", "rhenium", "silicon", "silver"}


def test_unknown_list_names_the_valid_lists(cli):
    run = cli("diff", "2019", "2025")
    assert run.exit_code == 2
    assert "2018, 2022, 2025-draft, 2025" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_show_gives_history_and_citations(cli):
    p = cli("show", "Nd", "--json").json()
    assert p["id"] == "neodymium" and p["group"] == "rare earth element"
    how = {h["list"]: h["how"] for h in p["history"]}
    assert how["2018"].startswith("covered by") and how["2022"] == "listed"
    assert {c["source"] for c in p["citations"]} >= {"FR 2018-10667", "FR 2025-19813"}


def test_show_marks_delisted_minerals(cli):
    assert cli("show", "helium", "--json").json()["delisted"] is True
    assert cli("show", "lithium", "--json").json()["delisted"] is False


def test_unknown_mineral_suggests_nearest_names(cli):
    run = cli("show", "litium")
    assert run.exit_code == 1
    assert "did you mean" in run.stderr and "lithium" in run.stderr


@pytest.mark.parametrize("fmt", ["csv", "md", "table"])
def test_every_format_prints_the_list(cli, fmt):
    run = cli("list", "--format", fmt)
    assert run.exit_code == 0 and "lithium" in run.stdout
    assert "\x1b[" not in run.stdout


def test_csv_has_one_row_per_mineral(cli):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert len(rows) == 60 and rows[0].keys() >= {"mineral", "symbol"}


def test_default_list_comes_from_the_data(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text().replace("'2025'", "'2025-final'"))
    data = cli("list", "--json", "--data-dir", str(data_copy)).json()
    assert data["list"] == "2025-final" and data["count"] == 60
