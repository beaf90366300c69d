"""`minerals diff A B`: what changed between two lists, splits and merges of group entries included."""

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
