"""`minerals exposure`: figures recomputed from the data with the formulas of docs/design.md, honest bounds, unknowns.

The recomputing tests read the YAML files themselves (yaml.safe_load, not the
project's loader) so a bug in the analysis cannot hide in both places.
The span arithmetic itself is tested in tests/analysis/test_bounds.py.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from helpers import DATA, close, commodity_of, default_allies, full_citation, latest_whole_shares, nir_number, run_json
from helpers import TRADE_SMALL as FIXTURE


def exposure_json(cli, name, *args, data_dir=None):
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    run = cli("exposure", name, "--json", *args, *extra)
    assert run.exit_code == 0, run.stderr
    return run.json()


# --------------------------------------------------------------------------
# the acceptance case: lithium on the real data


def test_lithium_has_chile_and_argentina_leading(cli):
    r = exposure_json(cli, "lithium")
    assert [s["country"] for s in r["sources"][:2]] == ["CL", "AR"]
    assert r["leading"] == ["CL"]
    assert r["reliance"]["published"]
    assert r["domestic_share"]["value"] is not None
    assert r["allied_share"]["value"] is not None
    assert r["concentration"]["hhi"]["value"] > 0
    assert [g["value"] for g in r["gaps"]] == [50, 90]
    whats = " ".join(c["what"] for c in r["citations"])
    assert "net import reliance of Lithium" in whats and "import shares of Lithium" in whats
    assert all(c["source"]["source"] for c in r["citations"])


@pytest.mark.parametrize("mineral", ["lithium", "cobalt", "gallium", "neodymium", "zirconium", "aluminum", "copper"])
def test_exposure_numbers_follow_the_design_formulas(cli, mineral):
    """Every number of `exposure --json` recomputed from data/*.yaml with the formulas of docs/design.md."""
    commodity = commodity_of(DATA, mineral)
    rel = max(commodity["reliance"], key=lambda x: x["edition"])
    shares = latest_whole_shares(commodity)
    nir = nir_number(rel["published"])
    allies = default_allies(DATA)
    named = [s for s in shares["shares"] if s["country"]]

    r = exposure_json(cli, mineral)

    assert r["reliance"]["published"] == rel["published"]
    assert close(r["domestic_share"]["value"], 100 - nir)
    for row in r["sources"]:
        share = next(s["percent"] for s in shares["shares"] if s["country"] == row["country"])
        assert close(row["share"], share)
        assert close(row["exposure"]["value"], nir * share / 100)
    allied_imports = sum(s["percent"] for s in named if s["country"] in allies)
    allied = (100 - nir) + nir * allied_imports / 100
    assert close(r["allied_import_share"]["value"], allied_imports)
    assert close(r["allied_share"]["value"], allied)
    for gap in r["gaps"]:
        assert close(gap["gap"]["value"], max(0.0, gap["value"] - allied))
    assert close(r["concentration"]["hhi"]["value"], sum(s["percent"] ** 2 for s in named))
    top3 = sum(sorted((s["percent"] for s in named), reverse=True)[:3])
    assert close(r["concentration"]["top3"]["value"], top3)
    other = sum(s["percent"] for s in shares["shares"] if not s["country"])
    assert close(r["concentration"]["other_excluded"], other)
    china = sum(s["percent"] for s in named if s["country"] == "CN")
    assert close(r["china"]["share"]["value"], china)
    assert close(r["china"]["exposure"]["value"], nir * china / 100)
    feoc = sum(s["percent"] for s in named if s["country"] in {"CN", "RU", "KP", "IR"})
    assert close(r["feoc"]["exposure"]["value"], nir * feoc / 100)
    assert r["import_shares"]["period"] == shares["period"]


# --------------------------------------------------------------------------
# bounds: the direction of every flag follows from the published bound


def test_lower_bound_reliance_gives_lower_exposure_and_upper_shares(cli):
    r = exposure_json(cli, "lithium", data_dir=FIXTURE)
    assert r["reliance"]["published"] == ">50" and r["reliance"]["bound"] == "lower"
    assert {s["exposure"]["bound"] for s in r["sources"]} == {"lower"}
    chile = r["sources"][0]
    assert (chile["exposure"]["value"], chile["exposure"]["low"], chile["exposure"]["high"]) == (27, 27, 54)
    assert r["domestic_share"]["bound"] == "upper"
    assert r["allied_share"]["bound"] == "upper"
    assert any("lower bound" in c for c in r["caveats"])


def test_lower_bound_reliance_gives_lower_bound_gap(cli):
    r = exposure_json(cli, "tellurium", data_dir=FIXTURE)  # '>25', allied imports 77%
    gap90 = next(g for g in r["gaps"] if g["value"] == 90)
    assert gap90["gap"]["bound"] == "lower"
    assert gap90["gap"]["value"] == 0 and gap90["gap"]["high"] > 0
    assert gap90["met"] is None  # '>25' cannot tell whether 90% is reached


def test_upper_bound_reliance_flips_every_direction(cli):
    r = exposure_json(cli, "tellurium", "--edition", "2025", data_dir=FIXTURE)
    assert r["reliance"]["published"] == "<25" and r["reliance"]["bound"] == "upper"
    assert {s["exposure"]["bound"] for s in r["sources"]} == {"upper"}
    assert r["domestic_share"]["bound"] == "lower" and r["domestic_share"]["value"] == 75
    assert r["allied_share"]["bound"] == "lower"


def test_bounded_exposure_never_prints_as_a_plain_number(cli):
    run = cli("exposure", "lithium", "--data-dir", str(FIXTURE))
    line = next(x for x in run.stdout.splitlines() if x.startswith("Chile"))
    assert ">=27" in line


def test_incomplete_share_list_makes_group_shares_ranges(cli):
    r = exposure_json(cli, "indium", data_dir=FIXTURE)  # Japan missing, 22% unattributed
    assert r["import_shares"]["complete"] is False and r["import_shares"]["unattributed"] == 22
    assert r["allied_import_share"]["bound"] == "lower"
    assert r["concentration"]["hhi"]["bound"] == "lower"
    assert r["china"]["share"]["bound"] == "exact"  # China is named: its share is known


# --------------------------------------------------------------------------
# names: rare earths, symbols, inherited figures


def test_rare_earths_symbol_and_element_name_all_work(cli):
    group = exposure_json(cli, "rare earths")
    nd = exposure_json(cli, "Nd")
    neodymium = exposure_json(cli, "neodymium")
    assert nd["mineral"] == neodymium["mineral"] == "neodymium"
    assert group["commodity"] == nd["commodity"] == "rare earths"
    for key in ("reliance", "sources", "allied_share", "concentration"):
        assert nd[key] == group[key] == neodymium[key]
    assert "no more specific figure" in nd["inherited"] and "neodymium" in nd["inherited"]
    assert [(x["figure"], x["level"]) for x in nd["levels"]] == [("net import reliance", "group"), ("import shares", "group")]
    assert group["inherited"] and "group entry" in group["inherited"]
    assert nd["leading"] == ["CN"]


def test_inherited_figures_are_said_in_the_table_too(cli):
    run = cli("exposure", "Nd")
    assert run.exit_code == 0
    assert "inherits the figures" in run.stdout


# --------------------------------------------------------------------------
# what is not known is said, never turned into 0


def test_mineral_without_a_figure_prints_what_is_known(cli):
    r = exposure_json(cli, "hafnium", data_dir=FIXTURE)
    assert r["reliance"]["published"] == "NA" and r["reliance"]["value"] is None
    for key in ("domestic_share", "allied_share", "allied_import_share"):
        assert r[key] == {"value": None, "bound": "unknown", "low": None, "high": None}
    assert all(g["gap"]["value"] is None and g["met"] is None for g in r["gaps"])
    assert r["china"]["share"]["value"] is None
    assert any("net import reliance" in u for u in r["unknown"])
    assert any("category" in u for u in r["unknown"])
    assert {c["category"] for c in r["category_shares"]} == {"Hafnium, unwrought", "Hafnium, wrought"}
    assert len(r["trend"]) == 3


def test_mineral_without_a_figure_in_the_table(cli):
    run = cli("exposure", "hafnium")
    assert run.exit_code == 0, run.stderr
    domestic = next(x for x in run.stdout.splitlines() if x.startswith("domestic share"))
    assert domestic.split()[-1] == "unknown"
    assert "unknown:" in run.stdout


def test_ranked_sources_only_leave_country_exposure_unknown(cli):
    r = exposure_json(cli, "cesium", data_dir=FIXTURE)
    assert r["sources"] == [] and r["import_shares"] is None
    assert [c["country"] for c in r["ranked_sources"]["countries"]] == ["CN", "DE"]
    assert r["china"]["exposure"]["value"] is None
    assert r["domestic_share"]["value"] == 0
    assert any("ranked" in u for u in r["unknown"])


def test_withheld_reliance_keeps_shares_but_not_exposure(cli):
    r = exposure_json(cli, "testium", data_dir=FIXTURE)
    assert r["reliance"]["published"] == "W" and r["reliance"]["bound"] == "unknown"
    assert r["china"]["share"]["value"] == 60
    assert r["china"]["exposure"]["value"] is None
    assert all(s["exposure"]["bound"] == "unknown" for s in r["sources"])


def test_net_exporter_has_no_exposure(cli):
    r = exposure_json(cli, "beryllium", data_dir=FIXTURE)
    assert r["reliance"]["published"] == "E"
    assert r["domestic_share"] == {"value": 100.0, "bound": "exact", "low": 100.0, "high": 100.0}
    assert {s["exposure"]["value"] for s in r["sources"]} == {0.0}
    assert r["allied_share"]["value"] == 100 and all(g["met"] for g in r["gaps"])


def test_group_entry_without_a_commodity(cli):
    r = exposure_json(cli, "platinum group metals", data_dir=FIXTURE)
    assert r["reliance"] is None and r["trend"] == []
    assert r["domestic_share"]["value"] is None
    assert any("no MCS commodity record" in u for u in r["unknown"])


def test_china_not_named_may_hide_in_other_so_it_is_never_an_exact_zero(cli):
    r = exposure_json(cli, "lithium", data_dir=FIXTURE)
    china = r["china"]
    assert china["named"] == [] and china["share"]["value"] == 0
    assert china["share"]["bound"] == "lower" and china["share"]["high"] == 3  # lithium's 'Other' is 3%
    assert china["exposure"]["low"] == 0 and china["exposure"]["high"] == 3  # up to 100% NIR x 3%
    assert any("'Other'" in c for c in r["caveats"])
    run = cli("exposure", "lithium", "--data-dir", str(FIXTURE))
    assert "not named (0 to 3)" in run.stdout


# --------------------------------------------------------------------------
# allies, editions, targets


def test_default_ally_set_is_stated(cli):
    r = exposure_json(cli, "lithium", data_dir=FIXTURE)
    assert r["allies"]["default"] is True and r["allies"]["spec"] == "fta,msp,g7,nato"
    assert "US" not in r["allies"]["countries"]
    assert sorted(r["allies"]["countries"]) == sorted(default_allies(FIXTURE))
    assert "default" in r["allies"]["note"]
    run = cli("exposure", "lithium", "--data-dir", str(FIXTURE))
    assert "fta,msp,g7,nato" in run.stdout


def test_allies_from_codes_groups_and_none(cli):
    chile = exposure_json(cli, "lithium", "--allies", "CL", data_dir=FIXTURE)
    assert chile["allied_import_share"]["value"] == 54 and chile["allies"]["countries"] == ["CL"]
    assert chile["allied_share"]["value"] == (100 - 50) + 50 * 54 / 100
    none = exposure_json(cli, "lithium", "--allies", "none", data_dir=FIXTURE)
    assert none["allies"]["countries"] == [] and none["allied_share"]["value"] == none["domestic_share"]["value"]
    us = exposure_json(cli, "lithium", "--allies", "US,Chile", data_dir=FIXTURE)
    assert us["allies"]["countries"] == ["CL"]
    eu = exposure_json(cli, "rare earths", "--allies", "eu", data_dir=FIXTURE)
    assert eu["allied_import_share"]["value"] == 5  # Estonia


@pytest.mark.parametrize("spec", [",", " , "])
def test_an_ally_list_with_nothing_in_it_is_a_usage_error(cli, spec):
    run = cli("exposure", "lithium", "--allies", spec)
    assert run.exit_code == 2 and "no country or group" in run.stderr


def test_unknown_ally_is_not_found(cli):
    run = cli("exposure", "lithium", "--allies", "fta,narnia", "--data-dir", str(FIXTURE))
    assert run.exit_code == 1
    assert "narnia" in run.stderr and "groups:" in run.stderr


def test_edition_selects_reliance_and_shares(cli):
    r2025 = exposure_json(cli, "rare earths", "--edition", "2025", data_dir=FIXTURE)
    assert r2025["reliance"]["published"] == "80" and r2025["import_shares"]["period"] == "2020-23"
    r2024 = exposure_json(cli, "rare earths", "--edition", "2024", data_dir=FIXTURE)
    assert r2024["reliance"]["published"] == ">95"
    assert r2024["import_shares"]["edition"] == 2025  # none in 2024: the nearest later list, said so
    assert any("no MCS 2024 share list" in c and "MCS 2025 list (2020-23) is used instead" in c for c in r2024["caveats"])
    assert [t["edition"] for t in r2024["trend"]] == [2024, 2025, 2026]


def test_unknown_edition_is_a_usage_error(cli):
    run = cli("exposure", "lithium", "--edition", "2019", "--data-dir", str(FIXTURE))
    assert run.exit_code == 2
    assert "2024, 2025, 2026" in run.stderr


def test_unknown_mineral_suggests(cli):
    run = cli("exposure", "lithum")
    assert run.exit_code == 1 and "lithium" in run.stderr


def test_exposure_litium_suggests_lithium(cli):
    run = cli("exposure", "litium")
    assert run.exit_code == 1 and "did you mean" in run.stderr and "lithium" in run.stderr


def test_unverified_target_note_is_printed_wherever_a_gap_is(cli):
    r = exposure_json(cli, "cobalt")
    assert all(g["verified"] is False for g in r["gaps"])
    assert len(r["notes"]) == 2 and all("unverified" in n for n in r["notes"])
    assert any("SunSirs" in c["source"]["source"] for c in r["citations"])
    for fmt in ("table", "md"):
        run = cli("exposure", "cobalt", "--format", fmt)
        assert run.exit_code == 0
        assert "the 50% and 90% targets are unverified" in run.stdout
        assert "allied-50-2030 (50%) is unverified" not in run.stdout  # the full note is one flag away
        full = cli("exposure", "cobalt", "--format", fmt, "--sources").stdout
        assert "allied-50-2030 (50%) is unverified" in full and "allied-90-2030 (90%) is unverified" in full


def test_csv_has_one_record_per_import_source_with_the_mineral_s_figures_on_each(cli):
    r = exposure_json(cli, "lithium")
    rows = list(csv.DictReader(io.StringIO(cli("exposure", "lithium", "--format", "csv").stdout)))
    assert [row["country_name"] for row in rows] == [s["name"] for s in r["sources"]]
    for row, source in zip(rows, r["sources"]):
        assert float(row["share"]) == source["share_range"]["value"] and row["share_bound"] == source["share_range"]["bound"]
        assert float(row["exposure_low"]) == source["exposure"]["low"]
        assert row["nir_published"] == r["reliance"]["published"] and float(row["nir"]) == r["reliance"]["value"]
        assert row["country"] == (source["country"] or "")


def test_csv_of_a_mineral_without_shares_still_has_its_row(cli):
    """Ranked sources only (cesium): one row per ranked source, the share an empty cell, never 0."""
    rows = list(csv.DictReader(io.StringIO(cli("exposure", "cesium", "--format", "csv").stdout)))
    assert rows and all(row["share"] == "" and row["share_bound"] == "unknown" for row in rows)
    assert rows[0]["rank"] == "1" and rows[0]["leading"] == "True"


# --------------------------------------------------------------------------
# the FEOC line follows the data's feoc group


def test_feoc_label_is_built_from_the_feoc_group(cli, data_copy):
    assert exposure_json(cli, "gallium")["feoc"]["label"] == "foreign entities of concern (feoc: CN, RU, KP, IR)"
    path = data_copy / "country_groups.yaml"
    doc = yaml.safe_load(path.read_text())
    next(g for g in doc["groups"] if g["id"] == "feoc")["members"] = ["CN", "BY"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    r = exposure_json(cli, "gallium", data_dir=data_copy)
    assert r["feoc"]["label"] == "foreign entities of concern (feoc: CN, BY)"
    assert r["feoc"]["countries"] == ["CN", "BY"]


# --------------------------------------------------------------------------
# many minerals in one run


def test_every_mineral_of_the_list_in_one_run_is_each_ones_own_answer(cli):
    batch = cli("exposure", "--all", "--json")
    assert batch.exit_code == 0, batch.stderr
    results = batch.json()
    listed = cli("list", "--json").json()["minerals"]
    assert [r["mineral"] for r in results] == [m["id"] for m in listed]
    for r in (results[0], next(r for r in results if r["mineral"] == "lithium"), results[-1]):
        assert r == exposure_json(cli, r["mineral"])


def test_all_takes_the_list_and_the_options_of_a_single_run(cli):
    results = cli("exposure", "--all", "--list", "2018", "--edition", "2025", "--allies", "none", "--json").json()
    assert len(results) == len(cli("list", "--list", "2018", "--json").json()["minerals"])
    gallium = next(r for r in results if r["mineral"] == "gallium")
    assert gallium == exposure_json(cli, "gallium", "--edition", "2025", "--allies", "none")


def test_several_names_are_answered_in_the_order_given(cli):
    run = cli("exposure", "cobalt", "Li", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json() == [exposure_json(cli, "cobalt"), exposure_json(cli, "lithium")]


def test_a_batch_is_one_json_list_with_one_result_per_line(cli):
    out = cli("exposure", "cobalt", "lithium", "--json").stdout
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert '"mineral": "cobalt"' in lines[1]


def test_a_batch_shows_each_minerals_view_in_turn_and_one_csv_of_all_records(cli):
    out = cli("exposure", "cobalt", "lithium").stdout
    assert out.index("cobalt: exposure") < out.index("lithium: exposure")
    rows = list(csv.DictReader(io.StringIO(cli("exposure", "cobalt", "lithium", "-f", "csv").stdout)))
    minerals = [row["mineral"] for row in rows]
    assert minerals == sorted(minerals) and set(minerals) == {"cobalt", "lithium"}
    lines = cli("exposure", "cobalt", "lithium", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(x)["mineral"] for x in lines] == minerals


@pytest.mark.parametrize(
    "args, words",
    [([], "give a mineral name"), (["lithium", "--all"], "not both"), (["lithium", "--list", "2022"], "--list chooses")],
)
def test_a_batch_asked_for_wrongly_is_a_usage_error(cli, args, words):
    run = cli("exposure", *args)
    assert run.exit_code == 2 and words in run.stderr and run.stdout == ""


def test_one_unknown_name_in_a_batch_fails_the_batch_with_suggestions(cli):
    run = cli("exposure", "lithium", "cobalx", "--json")
    assert run.exit_code == 1 and "cobalt" in run.stderr and run.stdout == ""


def test_yttrium_in_mcs_2025_uses_that_edition_s_list_and_says_how_far_to_trust_it(cli):
    got = exposure_json(cli, "yttrium", "--edition", "2025")
    assert got["import_shares"]["edition"] == 2025 and got["import_shares"]["period"] == "2020-23"
    assert got["china"]["share"]["value"] == 93 and got["import_shares"]["trust"].startswith("[L]")
    assert any("not read from a USGS file" in c and "[L]" in c for c in got["caveats"])


CLAIMS_NONE_PUBLISHED = re.compile(
    r"\b(no|only)\b[^.;]*\b(share list|import sources?|ranked list)\b[^.;]*\bpublish"
    r"|\bpublish\w*\s+(no|only)\b[^.;]*\b(share lists?|import sources?|ranked list)\b", re.IGNORECASE)


@pytest.mark.parametrize("edition", ["2024", "2025", "2026"])
def test_no_output_claims_that_usgs_published_no_share_list(cli, edition):
    texts = [t for r in exposure_json(cli, "--all", "--edition", edition) for t in r["caveats"] + r["unknown"]
             if not t.startswith("Share list note")]  # notes quote their sources as they stand
    texts += run_json(cli, "scenario", "--cut", "CN", "--edition", edition)["caveats"]
    assert texts and not [t for t in texts if CLAIMS_NONE_PUBLISHED.search(t)]


def span_of(published: str, number: float) -> tuple[float, float]:
    """(low, high) a printed figure allows: '>99' is 99 to 100, '<1' is 0 to 1."""
    return {">": (number, 100.0), "<": (0.0, number)}.get(published[:1], (number, number))


def test_phosphate_shares_printed_as_bounds_keep_their_bounds_through_exposure_and_hhi(cli):
    got = exposure_json(cli, "phosphate")
    peru, other = got["sources"]
    assert peru["share"] == 99 and peru["share_range"] == {"value": 99, "bound": "lower", "low": 99, "high": 100}
    assert peru["exposure"]["bound"] == "lower" and close(peru["exposure"]["high"], got["reliance"]["value"])
    assert other["share_range"]["bound"] == "upper" and other["share_range"]["low"] == 0
    hhi = got["concentration"]["hhi"]
    assert (hhi["value"], hhi["bound"], hhi["low"], hhi["high"]) == (9801, "lower", 9801, 10000)
    assert got["allied_import_share"]["bound"] == "lower"


def test_every_source_exposure_spans_the_bounds_of_its_reliance_and_its_printed_share(cli):
    figures = {c["id"]: c for c in yaml.safe_load((DATA / "import_dependence.yaml").read_text())["commodities"]}
    checked = 0
    for r in exposure_json(cli, "--all"):
        basis, rel = r["import_shares"], r["reliance"]
        if basis is None or rel is None or rel["value"] is None:
            continue
        record = next(x["record"] for x in r["levels"] if x["figure"] == "import shares")
        printed = next(s for s in figures[record]["import_shares"]
                       if s["edition"] == basis["edition"] and s["category"] == basis["category"])["shares"]
        nir_low, nir_high = span_of(rel["published"], rel["value"])
        for row, share in zip(r["sources"], sorted(printed, key=lambda s: (s["country"] is None, -s["percent"]))):
            low, high = span_of(share.get("published", ""), share["percent"])
            assert (row["share_range"]["low"], row["share_range"]["high"]) == (low, high), r["mineral"]
            assert close(row["exposure"]["low"], nir_low * low / 100) and close(row["exposure"]["high"], nir_high * high / 100)
            checked += 1
    assert checked > 200


# --------------------------------------------------------------------------
# figures at their most specific: an element's own, its subgroup's, its group's


def test_terbium_takes_the_heavy_rare_earth_figures_and_says_which_level_each_comes_from(cli):
    got = exposure_json(cli, "terbium")
    assert got["reliance"]["published"] == "100" and got["china"]["share"]["value"] == 100
    assert got["china"]["exposure"]["value"] == 100
    levels = {x["figure"]: (x["level"], x["record"]) for x in got["levels"]}
    assert levels == {"net import reliance": ("subgroup", "rare earths (heavy)"), "import shares": ("element", "terbium")}
    cited = {c["what"]: c["source"]["table"] for c in got["citations"]}
    assert any("Heavy rare earths" in what and "RARE EARTHS (Heavy) chapter" in table for what, table in cited.items())
    assert any(what.startswith("import shares of Terbium") for what in cited)
    assert "subgroup" in got["inherited"] and "element" in got["inherited"]


def test_erbium_leads_with_germany_and_neodymium_keeps_the_group_figures(cli):
    erbium = exposure_json(cli, "erbium")
    assert erbium["leading"] == ["DE"] and erbium["sources"][0]["name"] == "Germany"
    neodymium = exposure_json(cli, "neodymium")
    assert neodymium["reliance"]["published"] == "67" and neodymium["china"]["share"]["value"] == 71
    assert {x["level"] for x in neodymium["levels"]} == {"group"} and "inherits" in neodymium["inherited"]
    dysprosium = exposure_json(cli, "dysprosium")  # the chapter prints its price, no share list of its own
    assert [(x["figure"], x["level"]) for x in dysprosium["levels"]] == [("net import reliance", "subgroup"),
                                                                          ("import shares", "group")]


def test_an_edition_before_the_heavy_rare_earth_chapter_keeps_that_edition_s_group_figures(cli):
    got = exposure_json(cli, "terbium", "--edition", "2025")
    assert got["reliance"]["published"] == "80" and got["import_shares"]["edition"] == 2025
    assert {x["level"] for x in got["levels"]} == {"group"}


# --------------------------------------------------------------------------
# the chapter five-year series beside each edition's figure, never in its place


def test_an_editions_own_figure_is_never_replaced_by_the_later_series(cli):
    got = run_json(cli, "exposure", "boron", "--edition", "2025")
    rel = got["reliance"]
    assert (rel["edition"], rel["year"], rel["published"], rel["value"]) == (2025, 2024, "NA", None)
    assert rel["source"]["source"] == "USGS MCS 2025" and got["domestic_share"]["value"] is None
    beside = next(p for p in got["revisions"] if p["edition"] == 2025)
    assert (beside["series_published"], beside["change"], beside["series_edition"]) == ("E", "filled", 2026)
    table = cli("exposure", "boron", "--edition", "2025").stdout
    assert "the MCS 2026 chapter series gives E for 2024 (filled); the figures here use MCS 2025's own NA" in table


def test_a_revised_year_keeps_the_figure_its_edition_printed(cli):
    got = run_json(cli, "exposure", "cobalt", "--edition", "2024")
    assert got["reliance"]["published"] == "67" and got["domestic_share"]["value"] == 33
    beside = {p["edition"]: (p["published"], p["series_published"], p["change"]) for p in got["revisions"]}
    assert beside == {2024: ("67", "69", "revised"), 2025: ("76", "74", "revised"), 2026: ("79", "79", "same")}
    assert [p["edition"] for p in got["revisions"]] == [t["edition"] for t in got["trend"]]


def test_the_table_names_the_records_a_lanthanide_s_figures_come_from(cli):
    run = cli("exposure", "terbium")
    assert run.exit_code == 0
    commodity = next(line for line in run.stdout.splitlines() if line.startswith("commodity"))
    assert "subgroup NIR" in commodity and "element shares" in commodity
    assert ("note: figures from: NIR: Heavy rare earths (compounds and metals) (subgroup); shares: Terbium compounds "
            "and metals (element)") in " ".join(run.stdout.split())  # a note is wrapped at the width
    assert "Net import reliance by edition of Rare earths (compounds and metals)" in run.stdout


def test_exposure_form_gives_that_forms_own_record(cli):
    """`--form metal`: aluminum metal's Fig. 2 reliance and ALUMINUM chapter shares, the form named in the JSON."""
    r = cli("exposure", "aluminum", "--form", "metal", "--json")
    assert r.exit_code == 0, r.stderr
    x = r.json()
    assert (x["commodity"], x["form"], x["reliance"]["published"]) == ("aluminum metal", "metal", "60")
    assert x["sources"][0]["country"] == "CA" and x["sources"][0]["share"] == 56 and x["leading"] == ["CA"]
    assert x["china"]["share"]["value"] == 3
    assert [lv["level"] for lv in x["levels"]] == ["form", "form"]
    assert [(f["record"], f["headline"]) for f in x["forms"]] == [("aluminum", True), ("alumina", False),
                                                                 ("aluminum metal", False)]
    assert "critical-minerals salient table" in x["forms"][0]["why"]
    assert "Fig. 2 (net import reliance), row 'ALUMINUM'" in x["reliance"]["source"]["table"]
    by_id = cli("exposure", "magnesium", "--form", "Magnesium Compounds", "--json").json()
    assert by_id["commodity"] == "magnesium compounds" and by_id["china"]["share"]["value"] == 58


def test_exposure_default_stays_the_headline_form(cli):
    x = cli("exposure", "aluminum", "--json").json()
    assert (x["commodity"], x["form"], x["reliance"]["published"]) == ("aluminum", "bauxite", ">75")
    assert x["leading"] == ["JM"] and x["forms"][0]["headline"] is True
    assert cli("exposure", "aluminum", "--form", "bauxite", "--json").json() == x
    assert cli("exposure", "lithium", "--json").json()["forms"] == []


def test_exposure_unknown_form_is_a_usage_error_listing_the_forms(cli):
    r = cli("exposure", "aluminum", "--form", "foil")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "'foil'" in r.stderr and "alumina" in r.stderr and "aluminum metal" in r.stderr and "bauxite" in r.stderr
    assert cli("exposure", "lithium", "--form", "metal").exit_code == 2
    several = cli("exposure", "aluminum", "magnesium", "--form", "metal")
    assert several.exit_code == 2 and "one mineral" in several.stderr
    assert cli("exposure", "--all", "--form", "metal").exit_code == 2


def test_sources_prints_every_full_citation_and_every_note_of_the_json(cli):
    r = exposure_json(cli, "gallium")
    plain = cli("exposure", "gallium").stdout
    full = " ".join(cli("exposure", "gallium", "--sources").stdout.split())  # notes are wrapped at the width
    for c in r["citations"]:
        assert full_citation(c) in full
        assert c["source"]["url"] is None or c["source"]["url"] not in plain  # the table names publications, not URLs
    for note in r["caveats"] + r["notes"]:
        assert " ".join(note.split()) in full
    assert "every full citation: --sources" in plain and "every full citation: --sources" not in full


def test_in_an_80_by_50_terminal_the_answer_comes_first_and_fits():
    """Reliance, suppliers and gaps within the first 40 lines, no more than 60 in all, none wider than 80."""
    from helpers import run_in_terminal

    lines = run_in_terminal(["exposure", "gallium"], cols=80, rows=50).splitlines()
    assert len(lines) <= 60, len(lines)
    assert max(len(x.rstrip()) for x in lines) <= 80
    first = "\n".join(lines[:40])
    for figure in ("net import reliance, %", "gap to the 50% target", "gap to the 90% target", "Canada", "Japan",
                   "China", "Germany", "Other countries"):
        assert figure in first, figure
