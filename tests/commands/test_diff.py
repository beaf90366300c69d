"""`minerals diff A B`: what changed between two lists, splits and merges of group entries included."""

import pytest
from helpers import NEW_IN_2025


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


@pytest.mark.parametrize("old, new", [("2022", "2025"), ("2018", "2022"), ("2022", "2018"), ("2025-draft", "2025"),
                                      ("2025", "eu-2023-critical"), ("2025", "eu-2023-strategic"),
                                      ("eu-2020", "eu-2023-critical"), ("uk-2021", "uk-2024"), ("2025", "ca-2024"),
                                      ("2025", "jp-stockpile"), ("us-doe-2023", "2025")])
def test_piped_lines_fit_120(cli, old, new):
    from helpers import long_lines

    for extra in ((), ("--sources",)):
        run = cli("diff", old, new, *extra)
        assert run.exit_code == 0 and not long_lines(run.stdout), long_lines(run.stdout)


def test_records_are_one_per_mineral_with_its_change(cli):
    from helpers import csv_records

    records = csv_records(cli, "diff", "2018", "2022")
    split = {r["mineral"]: r for r in records if r["change"] == "split"}
    assert "rare earth elements group" in split and "neodymium" in split["rare earth elements group"]["elements"]
    assert {r["old"] for r in records} == {"2018"} and {r["new"] for r in records} == {"2022"}
    added = [r["mineral"] for r in csv_records(cli, "diff", "2022", "2025", "--where", "change=added")]
    assert sorted(added) == sorted(NEW_IN_2025)


def test_the_view_has_no_source_notes_and_numbers_the_notices(cli):
    text = cli("diff", "2022", "2025").stdout
    assert "note: sources:" not in text and "[1] FR 2022-04027" in text and "[2] FR 2025-19813" in text
    assert "federalregister.gov" in cli("diff", "2022", "2025", "--sources").stdout
