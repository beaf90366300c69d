"""Defaults every command takes from the data: the list and the edition, never a hard-coded year.

tests/analysis/test_scope.py tests the rules themselves (scope.py); these
run every command that has such a default on edited copies of the data.
"""

from __future__ import annotations

from helpers import edit_yaml, rename_list, run_json


def test_commands_default_to_the_lists_the_data_holds(cli, data_copy):
    """With list '2025' renamed '2025-final', no command may fall back to a hard-coded '2025'."""
    edit_yaml(data_copy, "minerals_2025.yaml", rename_list("2025", "2025-final"))

    def rename_headline(doc):
        for h in doc["headline_counts"]:
            h["list"] = "2025-final" if h["list"] == "2025" else h["list"]

    edit_yaml(data_copy, "import_dependence.yaml", rename_headline)
    assert cli("validate", str(data_copy)).exit_code == 0
    where = ("--data-dir", str(data_copy))
    for args in (["country", "CN"], ["gaps"], ["scenario", "--cut", "CN"]):
        assert run_json(cli, *args, *where)["list"] == "2025-final", args
    assert len(run_json(cli, "gaps", *where)["minerals"]) == 60
    chart = run_json(cli, "chart", *where)
    assert (chart["edition"], chart["list"]) == (2026, "2025-final")
    s = run_json(cli, "summary", *where)
    assert (s["list"], s["at_100"]["computed"], s["over_50"]["computed"], s["match"]) == ("2025-final", 13, 20, True)
    run = cli("gaps", "--list", "2025", *where)
    assert run.exit_code == 2 and "2025-final" in run.stderr


def test_without_editions_every_command_says_so(cli, data_copy):
    def no_editions(doc):
        doc["editions"], doc["headline_counts"] = [], []
        for c in doc["commodities"]:
            c["reliance"], c["import_shares"], c["ranked_sources"] = [], [], []

    edit_yaml(data_copy, "import_dependence.yaml", no_editions)
    assert cli("validate", str(data_copy)).exit_code == 0
    for args in (["summary"], ["chart"], ["exposure", "lithium"], ["country", "CN"], ["gaps"], ["scenario", "--cut", "CN"]):
        run = cli(*args, "--data-dir", str(data_copy))
        # a data error (exit 3, was 2): the data cannot answer, whatever the user typed
        assert run.exit_code == 3 and "no MCS edition" in run.stderr, (args, run.stderr)
        run = cli(*args, "--edition", "2026", "--data-dir", str(data_copy))
        assert run.exit_code == 2 and "unknown MCS edition 2026" in run.stderr, (args, run.stderr)


def test_every_command_defaults_to_the_latest_edition_with_figures(cli, data_copy):
    """An edition announced before its figures are in the data is not the default of any command."""
    def announce_2027(doc):
        doc["editions"].append({**doc["editions"][-1], "edition": 2027, "data_year": 2026, "title": "MCS 2027"})

    edit_yaml(data_copy, "import_dependence.yaml", announce_2027)
    where = ("--data-dir", str(data_copy))
    for args in (["summary"], ["chart"], ["exposure", "lithium"], ["country", "CN"], ["gaps"], ["scenario", "--cut", "CN"]):
        assert run_json(cli, *args, *where)["edition"] == 2026, args
    assert run_json(cli, "summary", *where)["match"] is True
    assert run_json(cli, "exposure", "lithium", *where)["reliance"]["edition"] == 2026
    assert run_json(cli, "gaps", "--edition", "2027", *where)["autonomy"]["covered"] == 0  # asked for: no figures
