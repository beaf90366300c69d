"""`minerals controls`: export controls and their status on a date (issue 14, in progress)."""

from __future__ import annotations

import pytest
from helpers import run_json

CHINA_2026 = {"gallium", "germanium", "graphite", "antimony", "tungsten", "tellurium", "bismuth", "indium",
              "samarium", "gadolinium", "terbium", "dysprosium", "lutetium", "scandium", "yttrium"}


def measures(cli, *args):
    return run_json(cli, "controls", *args)["measures"]


def test_on_2026_01_15_china_s_measures_the_drc_quota_and_south_africa_s_licensing(cli):
    found = measures(cli, "--as-of", "2026-01-15")
    china = {c["mineral"] for m in found if m["country"] == "CN" and m["status"] == "in force"
             and m["scope"] == "all" for c in m["minerals"]}
    assert CHINA_2026 <= china
    assert any(m["country"] == "CD" and m["kind"] == "export quota" and m["status"] == "in force" for m in found)
    assert any(m["country"] == "ZA" and m["kind"] == "export licensing" and m["status"] == "in force" for m in found)
    suspended = [m for m in found if m["status"] == "suspended" and m["suspended_until"] == "2026-11-10"]
    assert {"holmium", "erbium", "thulium", "europium", "ytterbium"} <= {c["mineral"] for m in suspended for c in m["minerals"]}
    assert not any(m["country"] == "CN" and m["measure"].startswith("USGS") for m in found)  # no double count


def test_before_it_took_effect_a_measure_is_not_listed(cli):
    assert not any("2023 No. 23" in m["measure"] for m in measures(cli, "--as-of", "2023-01-01"))
    assert any("2023 No. 23" in m["measure"] for m in measures(cli, "--as-of", "2023-08-01"))


def test_after_the_expiries_what_the_data_does_not_know_is_unknown(cli):
    found = {m["measure"]: m for m in measures(cli, "--as-of", "2026-12-01")}
    assert found["MOFCOM/GAC Announcement 2025 No. 57"]["status"] == "unknown"
    assert found["MOFCOM Announcement 2024 No. 46 (Art. 2)"]["status"] == "unknown"
    later = {m["measure"]: m for m in measures(cli, "--as-of", "2026-12-24")}
    assert later["MOFCOM Announcement 2024 No. 46 (Art. 2)"]["status_note"] == (
        "after the suspension ended on 2026-11-27; the data knows statuses up to 2026-12-01")


def test_chromium_south_africa_ships_96_percent_of_us_chromite_ore(cli):
    south_africa = next(m for m in measures(cli, "--mineral", "chromium") if m["country"] == "ZA")
    covered = south_africa["minerals"][0]
    assert covered["import_share"]["value"] == 96 and "Chromite" in covered["import_category"]
    assert covered["import_share"]["bound"] == "exact"
    assert south_africa["kind"] == "export licensing" and south_africa["source"]["source"]


def test_a_country_the_share_list_does_not_name_has_a_range_not_a_zero(cli):
    vietnam = next(m for m in measures(cli, "--mineral", "chromium") if m["country"] == "VN")
    share = vietnam["minerals"][0]["import_share"]
    assert share["low"] == 0 and share["high"] > 0 and share["bound"] != "exact"


def test_a_bad_date_is_a_usage_error(cli):
    run = cli("controls", "--as-of", "15.01.2026")
    assert run.exit_code == 2 and "YYYY-MM-DD" in run.stderr


def test_exposure_names_china_s_gallium_licensing_and_its_status(cli):
    found = {c["measure"]: c for c in run_json(cli, "exposure", "gallium")["controls"]}
    licensing = found["MOFCOM/GAC Announcement 2023 No. 23"]
    assert licensing["status"] == "in force" and licensing["import_share"] == 18
    assert licensing["role"] == "import source and world producer" and licensing["source"]["url"]


def test_country_and_show_list_the_controls(cli):
    assert [c["minerals"] for c in run_json(cli, "country", "ZA")["controls"]] == [["chromium"]]
    assert {c["country"] for c in run_json(cli, "show", "lithium")["controls"]} >= {"ZW", "CN"}


def test_scenario_cuts_the_controlling_countries_of_the_kinds_chosen(cli):
    bans = run_json(cli, "scenario", "--controls", "ban,quota", "--as-of", "2026-01-15")
    assert bans["controls"]["kinds"] == ["ban", "quota"] and bans["controls"]["measures"]
    assert all(r["controls"] for r in bans["rows"])
    licensing = run_json(cli, "scenario", "--controls", "licensing", "--as-of", "2026-01-15")
    gallium = next(r for r in licensing["rows"] if r["commodity"] == "gallium")
    assert [c["country"] for c in gallium["cut"]] == ["CN"] and "mofcom" in " ".join(gallium["controls"])
    assert any("Licensing is counted" in c for c in licensing["caveats"])
    assert not any("Licensing is counted" in c for c in bans["caveats"])


def test_scenario_with_neither_cut_nor_controls_is_a_usage_error(cli):
    run = cli("scenario")
    assert run.exit_code == 2 and "--controls" in run.stderr


def test_a_raw_form_control_says_when_the_share_is_of_other_forms(cli):
    malaysia = next(m for m in run_json(cli, "controls", "--mineral", "neodymium")["measures"] if m["country"] == "MY")
    assert malaysia["minerals"][0]["note"] and "raw" in malaysia["minerals"][0]["note"]


def test_a_scenario_names_the_measures_whose_status_is_unknown_and_does_not_cut_them(cli):
    after = run_json(cli, "scenario", "--controls", "licensing", "--as-of", "2026-12-01")
    assert "cn-mofcom-gac-announcement-2025-no-57" in after["controls"]["unknown"]
    assert "cn-mofcom-gac-announcement-2025-no-57" not in after["controls"]["measures"]
    assert any("unknown status on 2026-12-01" in c for c in after["caveats"])
    before = run_json(cli, "scenario", "--controls", "licensing", "--as-of", "2026-01-15")
    assert before["controls"]["unknown"] == []


# --------------------------------------------------------------------------
# the answer first, short cells, records, sort and filter


@pytest.mark.parametrize("args", [[], ["--mineral", "gallium"], ["--country", "CN"], ["--as-of", "2026-01-15"]])
def test_piped_table_lines_fit_120_characters_and_the_caveats_stay_reachable(cli, args):
    run = cli("controls", *args)
    assert run.exit_code == 0, run.stderr
    assert max(len(line) for line in run.stdout.splitlines()) <= 120
    assert "note: source:" not in run.stdout and "\n[1] " in run.stdout
    full = " ".join(cli("controls", *args, "--sources").stdout.split())
    for caveat in run_json(cli, "controls", *args)["caveats"]:  # every caveat reachable, most in the notes
        assert caveat in full
    assert "scope:" in full


def test_the_table_names_minerals_by_symbol_and_counts_measures_per_supplier(cli):
    out = cli("controls", "--mineral", "gallium", "--as-of", "2026-01-15").stdout
    row = next(line for line in out.splitlines() if line.rstrip().endswith("[1]"))
    assert row.split()[:2] == ["China", "CN"] and " Ga " in row and "\n[1] MOFCOM/GAC Announcement 2023 No. 23\n" in out
    suspended = next(line for line in out.splitlines() if " suspended " in line)
    assert "2026-11-27" in suspended
    supplier = next(line for line in out.splitlines() if line.startswith("China") and "gallium" in line)
    assert "in force" in supplier and " 18 " in supplier


def test_records_are_one_per_measure(cli):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("controls", "--as-of", "2026-01-15", "--format", "csv").stdout)))
    found = measures(cli, "--as-of", "2026-01-15")
    assert [r["id"] for r in rows] == [m["id"] for m in found]
    gallium = next(r for r in rows if r["measure"] == "MOFCOM/GAC Announcement 2023 No. 23")
    assert (gallium["country"], gallium["status"], gallium["minerals"], gallium["mineral_count"]) == (
        "CN", "in force", "gallium;germanium", "2")


def test_where_and_sort_work_on_the_records(cli):
    suspended = measures(cli, "--as-of", "2026-01-15", "--where", "status=suspended")
    assert suspended and all(m["status"] == "suspended" for m in suspended)
    widest = measures(cli, "--as-of", "2026-01-15", "--sort", "mineral_count", "--top", "1")
    assert len(widest) == 1 and len(widest[0]["minerals"]) == max(
        len(m["minerals"]) for m in measures(cli, "--as-of", "2026-01-15"))
