"""`minerals compare`: minerals x lists across jurisdictions (issue 17)."""

from __future__ import annotations

from helpers import run_json


def test_every_mineral_with_its_lists_and_their_number(cli):
    got = run_json(cli, "compare")
    ids = [x["id"] for x in got["lists"]]
    assert ids[0] == "2025" and "eu-2023-critical" in ids and "eu-2020" not in ids  # latest of each series
    for row in got["rows"]:
        assert row["count"] == sum(1 for v in row["lists"].values() if v not in (None, "unknown"))
    counts = [r["count"] for r in got["rows"]]
    assert counts == sorted(counts, reverse=True)
    feldspar = next(r for r in got["rows"] if r["mineral"] == "feldspar")
    assert feldspar["on_us_list"] is False and feldspar["lists"]["eu-2023-critical"] == "exact"


def test_an_incomplete_list_marks_what_it_does_not_show_unknown(cli):
    rows = {r["mineral"]: r for r in run_json(cli, "compare", "--lists", "2025,uk-2024")["rows"]}
    assert rows["antimony"]["lists"]["uk-2024"] == "unknown" and rows["antimony"]["count"] == 1


def test_sort_by_name_and_a_bad_sort(cli):
    names = [r["name"] for r in run_json(cli, "compare", "--sort", "name")["rows"]]
    assert names == sorted(names)
    assert cli("compare", "--sort", "size").exit_code == 2
    assert cli("compare", "--lists", "2025,xx").exit_code == 2


def test_csv_has_a_column_per_list(cli):
    run = cli("compare", "--lists", "2025,eu-2023-critical", "--format", "csv")
    header = run.stdout.splitlines()[0].split(",")
    assert run.exit_code == 0 and header == ["mineral", "US-2025", "EU-2023", "on lists"]
