"""`minerals list`: the lists and their filters, through the real command."""

import pytest
from helpers import NEW_IN_2025, csv_records, long_lines


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


def test_an_empty_group_is_not_silently_ignored(cli):
    run = cli("list", "--group", "")
    assert run.exit_code == 2 and "valid groups" in run.stderr


def test_unknown_list_is_a_usage_error_naming_the_valid_lists(cli):
    run = cli("list", "--list", "2019")
    assert run.exit_code == 2 and run.stdout == ""
    assert "unknown list '2019'" in run.stderr
    assert "valid lists: 2018, 2022, 2025-draft, 2025" in run.stderr


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


def test_records_are_one_per_mineral_and_jsonl_is_the_csv(cli):
    records = csv_records(cli, "list")
    assert len(records) == 60 and {r["list"] for r in records} == {"2025"}
    aluminum = next(r for r in records if r["mineral"] == "aluminum")
    assert aluminum["symbol"] == "Al" and aluminum["group"] is None and aluminum["lists"] == "2018;2022;2025-draft;2025"


def test_sort_top_and_reverse_order_the_minerals(cli):
    got = cli("list", "--sort", "name", "--top", "3", "--json").json()
    assert [m["name"] for m in got["minerals"]] == ["aluminum", "antimony", "arsenic"] and got["count"] == 60
    backwards = [m["name"] for m in cli("list", "--sort", "name", "--reverse", "--top", "2", "--json").json()["minerals"]]
    assert backwards == ["zirconium", "zinc"]
    text = cli("list", "--sort", "name", "--top", "3").stdout
    assert "3 of 60 minerals shown" in text and "barite" not in text


def test_where_filters_on_a_record_column(cli):
    rare = [r["mineral"] for r in csv_records(cli, "list", "--where", "group=rare earth element")]
    assert "neodymium" in rare and "lithium" not in rare
    assert cli("list", "--sort", "colour").exit_code == 2


def test_the_view_cites_the_notice_as_a_numbered_source(cli):
    text = cli("list").stdout
    assert "[1] FR 2025-19813" in text and "note: source:" not in text
    assert "federalregister.gov/documents/2025/11/07" in cli("list", "--sources").stdout


@pytest.mark.parametrize("args", [(), ("--list", "2018"), ("--group", "ree"), ("--new-in", "2025"),
                                  ("--removed-in", "2022"), ("--list", "eu-2023-critical"),
                                  ("--list", "eu-2023-strategic"), ("--list", "ca-2024"), ("--list", "jp-stockpile"),
                                  ("--list", "uk-2024"), ("--sources",), ("--list", "eu-2023-critical", "--sources")])
def test_piped_lines_fit_120(cli, args):
    run = cli("list", *args)
    assert run.exit_code == 0 and not long_lines(run.stdout)


def test_an_empty_list_id_is_a_usage_error_not_the_default_list(cli):
    """`--list ''` names no list: refused with the valid ids, never read as 'the latest final list'."""
    run = cli("list", "--list", "")
    assert run.exit_code == 2 and "unknown list ''" in run.stderr and not run.stdout
