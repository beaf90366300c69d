"""`minerals overview`: one row per mineral of a list, the same figures as `exposure`, records pandas reads as they are.

The list's members are read from the YAML itself (yaml.safe_load), and every
figure of a row is checked against `minerals exposure --all` of the same
run: the overview computes nothing of its own.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from helpers import DATA, run_json
from helpers import TRADE_SMALL as FIXTURE

HEADERS = ["mineral", "NIR %", "top source", "top %", "China %", "allied %", "HHI", "gap 50", "gap 90",
           "China world %", "controls"]


def members(list_id: str, directory=DATA) -> list[str]:
    """The ids of a list's minerals in file order, read from the YAML without the project's loader."""
    data = yaml.safe_load((directory / "minerals_2025.yaml").read_text(encoding="utf-8"))
    return [m["id"] for m in data["minerals"] if list_id in (m.get("lists") or [])]


def records(cli, *args) -> list[dict]:
    run = cli("overview", *args, "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def numeric_columns(rows: list[dict]) -> list[str]:
    """The columns holding a number in some record (true/false is not a number)."""
    return [k for k in dict.fromkeys(k for r in rows for k in r)
            if any(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool) for r in rows)]


@pytest.fixture(scope="module")
def all_records():
    from conftest import invoke

    run = invoke("overview", "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


# --------------------------------------------------------------------------
# the rows: one per mineral, exposure's figures


def test_json_has_one_row_per_mineral_of_the_2025_list(cli):
    r = run_json(cli, "overview")
    expected = members("2025")
    assert len(expected) == 60
    assert [row["mineral"] for row in r["rows"]] == expected
    assert r["count"] == 60 and r["list"] == "2025"
    assert {"neodymium", "dysprosium", "lutetium"} <= {row["mineral"] for row in r["rows"]}  # lanthanides one by one
    assert [t["value"] for t in r["targets"]] == [50, 90]


def test_every_row_is_the_exposure_of_its_mineral(cli):
    rows = {row["mineral"]: row for row in run_json(cli, "overview")["rows"]}
    exposures = run_json(cli, "exposure", "--all")
    assert set(rows) == {e["mineral"] for e in exposures}
    for e in exposures:
        row = rows[e["mineral"]]
        assert row["reliance"] == e["reliance"]
        assert row["china_share"] == e["china"]["share"]
        assert row["allied_share"] == e["allied_share"]
        assert row["hhi"] == (e["concentration"]["hhi"] if e["concentration"] else
                              {"value": None, "bound": "unknown", "low": None, "high": None})
        assert row["gaps"] == e["gaps"]
        assert row["top_source"] == e["leading"]
        assert row["china_world_share"] == (e["world"]["china"] if e["world"] else None)
        assert row["controls_in_force"] == sum(c["status"] == "in force" for c in e["controls"])
        assert row["unknown"] == e["unknown"] and row["caveats"] == e["caveats"]
        shares = {s["country"]: s["share_range"] for s in e["sources"]}
        if e["leading"] and e["leading"][0] in shares:
            assert row["top_share"] == shares[e["leading"][0]] and row["top_source_from"] == "shares"


def test_citations_are_the_union_of_the_exposures_each_once(cli):
    cited = run_json(cli, "overview")["citations"]
    keys = [(c["what"], c["source"]["source"], c["source"]["table"], c["source"]["url"]) for c in cited]
    assert len(keys) == len(set(keys))
    union = {(c["what"], c["source"]["source"], c["source"]["table"], c["source"]["url"])
             for e in run_json(cli, "exposure", "--all") for c in e["citations"]}
    assert set(keys) == union


def test_china_not_named_is_zero_to_the_other_share_as_exposure_says(cli):
    lithium = next(r for r in run_json(cli, "overview")["rows"] if r["mineral"] == "lithium")
    e = run_json(cli, "exposure", "lithium")
    assert lithium["china_named"] is False
    assert lithium["china_share"] == e["china"]["share"]
    assert lithium["china_share"]["value"] == 0 and lithium["china_share"]["bound"] == "lower"
    assert lithium["china_share"]["low"] == 0 and lithium["china_share"]["high"] > 0


def test_a_ranked_list_gives_the_top_source_without_a_share(cli, all_records):
    cesium = next(r for r in all_records if r["mineral"] == "cesium")
    e = run_json(cli, "exposure", "cesium")
    assert e["import_shares"] is None and e["ranked_sources"] is not None
    assert cesium["top_source"] == e["ranked_sources"]["countries"][0]["country"]
    assert cesium["top_source_from"] == "ranked"
    assert cesium["top_share"] is None and cesium["top_share_bound"] == "unknown"


def test_other_allies_change_the_allied_share_as_in_exposure(cli):
    r = run_json(cli, "overview", "--allies", "none")
    assert r["allies"]["spec"] == "none"
    e = run_json(cli, "exposure", "antimony", "--allies", "none")
    antimony = next(x for x in r["rows"] if x["mineral"] == "antimony")
    assert antimony["allied_share"] == e["allied_share"]
    assert antimony["allied_share"] != next(x for x in run_json(cli, "overview")["rows"]
                                            if x["mineral"] == "antimony")["allied_share"]


def test_another_list_and_edition(cli):
    r = run_json(cli, "overview", "--list", "2022", "--edition", "2024")
    assert [x["mineral"] for x in r["rows"]] == members("2022")
    assert r["edition"] == 2024
    assert all(x["reliance"]["edition"] <= 2024 for x in r["rows"] if x["reliance"])


@pytest.mark.parametrize("args, code", [(["--list", "2019"], 2), (["--edition", "1999"], 2),
                                        (["--allies", "nowhere"], 1)])
def test_bad_input_is_a_message_and_its_exit_code(cli, args, code):
    """A list or edition the data does not have is a usage error (2); a country it does not know, not found (1)."""
    run = cli("overview", *args)
    assert run.exit_code == code, run.stdout
    assert "Traceback" not in run.stderr and run.stderr.strip()


# --------------------------------------------------------------------------
# --sort, --top, --where on the record columns


@pytest.mark.parametrize("condition", ["china_share>>1", "china_share>=half", "nir=W"])
def test_a_number_column_compared_with_something_else_is_a_usage_error(cli, condition):
    """'china_share>>1' once read as '> ">1"' and quietly kept no row."""
    run = cli("overview", "--where", condition)
    assert run.exit_code == 2 and "holds numbers" in run.stderr and not run.stdout


def test_text_columns_compare_as_text_and_contain_with_tilde(cli):
    r = cli("overview", "--where", "top_source=CN", "--where", "name~ium", "--json").json()
    assert r["rows"] and all(x["top_source"] == ["CN"] and "ium" in x["name"] for x in r["rows"])
    published = cli("overview", "--where", "nir_published=E", "--json").json()["rows"]
    assert published and all(x["reliance"]["published"] == "E" for x in published)


def test_sort_china_share_top_10_gives_the_ten_largest_in_descending_order(cli, all_records):
    top = records(cli, "--sort", "china_share", "--top", "10")
    assert len(top) == 10
    shares = [r["china_share"] for r in top]
    assert None not in shares
    assert shares == sorted(shares, reverse=True)
    largest = sorted((r["china_share"] for r in all_records if r["china_share"] is not None), reverse=True)[:10]
    assert shares == largest
    assert len(run_json(cli, "overview", "--sort", "china_share", "--top", "10")["rows"]) == 10


def test_unknowns_are_never_in_front(cli):
    for args in (["--sort", "china_share"], ["--sort", "china_share", "--reverse"], ["--sort", "top_share"]):
        values = [r[args[1]] for r in records(cli, *args)]
        known = [v for v in values if v is not None]
        assert None in values and values[:len(known)] == known, args


def test_where_china_share_at_least_50(cli, all_records):
    kept = records(cli, "--where", "china_share>=50")
    assert kept and all(r["china_share"] >= 50 for r in kept)
    assert [r["mineral"] for r in kept] == [r["mineral"] for r in all_records
                                            if r["china_share"] is not None and r["china_share"] >= 50]
    assert run_json(cli, "overview", "--where", "china_share>=50")["count"] == len(kept)


@pytest.mark.parametrize("args", [["--sort", "china_shares"], ["--where", "chinashare>=50"]])
def test_an_unknown_column_exits_2_with_the_list_of_columns(cli, args):
    run = cli("overview", *args)
    assert run.exit_code == 2
    assert "no column" in run.stderr and "columns:" in run.stderr
    assert "china_share" in run.stderr and "gap_90" in run.stderr


# --------------------------------------------------------------------------
# the records: CSV that pandas reads as it is


def test_csv_columns_are_the_bounded_figures_and_the_gaps(cli):
    header = next(csv.reader(io.StringIO(cli("overview", "--format", "csv").stdout)))
    for name in ("top_share", "china_share", "allied_share", "hhi", "gap_50", "gap_90", "china_world_share"):
        assert [name, f"{name}_bound", f"{name}_low", f"{name}_high"] == header[header.index(name):][:4]
    for name in ("nir", "nir_published", "nir_bound", "nir_edition", "nir_year", "top_source", "top_source_name",
                 "controls"):
        assert name in header


def test_every_numeric_value_of_the_csv_is_a_number_or_empty(cli, all_records):
    numeric = numeric_columns(all_records)
    assert {"nir", "china_share", "hhi", "gap_50", "gap_90", "controls", "china_world_share_high"} <= set(numeric)
    rows = list(csv.DictReader(io.StringIO(cli("overview", "--format", "csv").stdout)))
    assert len(rows) == 60
    for row in rows:
        for column in numeric:
            if row[column] != "":
                float(row[column])
    assert any(row["china_share"] == "" for row in rows), "an unknown is an empty cell, never 0"


def test_pandas_reads_the_csv_with_numeric_dtypes(cli, all_records):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(cli("overview", "--format", "csv").stdout))
    assert len(frame) == 60
    for column in numeric_columns(all_records):
        assert pd.api.types.is_numeric_dtype(frame[column]), f"{column}: {frame[column].dtype}"
    assert frame["china_share"].isna().sum() == sum(r["china_share"] is None for r in all_records)


# --------------------------------------------------------------------------
# the table


def test_the_table_has_one_short_row_per_mineral_within_120_columns(cli):
    run = cli("overview")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    header = next(line for line in lines if line.startswith("mineral "))
    assert [h.strip() for h in header.split("  ") if h.strip()] == HEADERS
    body = lines[lines.index(header) + 2:]
    assert len([line for line in body[:60] if line.strip()]) == 60
    answer = lines[:next(i for i, line in enumerate(lines) if line.startswith("[1] "))]
    assert max(len(line) for line in lines) <= 120  # the numbered sources too
    assert len([line for line in answer if line.startswith("note: ")]) <= 6


@pytest.mark.parametrize("args", [["--list", "2018"], ["--list", "2022", "--edition", "2024"],
                                  ["--edition", "2024"], ["--allies", "none"]])
def test_other_lists_and_editions_fit_120_columns_too(cli, args):
    lines = cli("overview", *args).stdout.splitlines()
    assert max(len(line) for line in lines) <= 120


def test_sources_show_the_caveats_and_full_citations(cli):
    plain, full = cli("overview").stdout, cli("overview", "--sources").stdout
    assert "Each row is `minerals exposure NAME`" not in plain
    assert "Each row is `minerals exposure NAME`" in full and "0 to the 'Other' share" in full
    assert len(full) > len(plain)


def test_data_without_world_tables_or_export_controls(cli):
    run = cli("overview", "--data-dir", str(FIXTURE))
    assert run.exit_code == 0, run.stderr
    header = next(line for line in run.stdout.splitlines() if line.startswith("mineral "))
    assert "China world %" not in header and "controls" not in header
    rows = records(cli, "--data-dir", str(FIXTURE))
    assert [r["mineral"] for r in rows] == members("2025", FIXTURE)
    assert all(r["controls"] is None and r["china_world_share"] is None for r in rows)
