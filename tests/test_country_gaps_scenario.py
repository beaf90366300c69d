"""`minerals country`, `gaps`, `scenario`, and the country registry they rest on.

Figures are recomputed from the YAML files read with yaml.safe_load, with the
DESIGN.md formulas, so the analysis is checked against the data, not itself.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from conftest import DATA

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trade_small"
RELEASE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "usgs_release"


def close(a, b):
    return a == pytest.approx(b, abs=1e-6)


def load(directory: Path, name: str):
    with open(directory / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def nir_number(published: str) -> float:
    return 0.0 if published == "E" else float(published.lstrip("<>"))


def latest_figures(directory: Path) -> dict[str, tuple]:
    """commodity id -> (latest reliance record, latest whole share list or None)."""
    out = {}
    for c in load(directory, "import_dependence.yaml")["commodities"]:
        rel = max(c.get("reliance", []), key=lambda r: r["edition"], default=None)
        whole = [s for s in c.get("import_shares", []) if s.get("whole", True)]
        out[c["id"]] = (rel, max(whole, key=lambda s: s["edition"]) if whole else None)
    return out


def list_minerals(directory: Path, list_id: str) -> list[dict]:
    return [m for m in load(directory, "minerals_2025.yaml")["minerals"] if list_id in m["lists"]]


def run_json(cli, *args):
    run = cli(*args, "--json")
    assert run.exit_code == 0, run.stderr
    return run.json()


# --------------------------------------------------------------------------
# minerals country


def test_country_cn_is_ranked_by_exposure(cli):
    r = run_json(cli, "country", "CN")
    figures = latest_figures(DATA)
    assert r["country"] == "CN" and r["name"] == "China" and "feoc" in r["groups"]
    known = [row for row in r["rows"] if row["exposure"]["value"] is not None]
    assert len(known) >= 10
    values = [row["exposure"]["value"] for row in known]
    assert values == sorted(values, reverse=True)
    assert r["rows"][: len(known)] == known  # unknown exposures come after the known ones
    for row in known:
        rel, shares = figures[row["commodity"]]
        share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
        assert close(row["share"], share)
        assert close(row["exposure"]["value"], nir_number(rel["published"]) * share / 100)
    rare = next(row for row in r["rows"] if row["commodity"] == "rare earths")
    assert len(rare["minerals"]) == 14 and "neodymium" in rare["minerals"]


def test_country_lists_the_minerals_it_leads(cli):
    r = run_json(cli, "country", "China")
    figures = latest_figures(DATA)
    for row in r["rows"]:
        _, shares = figures[row["commodity"]]
        if row["basis"] == "shares":
            top = max(s["percent"] for s in shares["shares"] if s["country"])
            assert row["leading"] == (row["share"] == top)
    assert "neodymium" in r["leading_for"] and "yttrium" in r["leading_for"]
    assert set(r["leading_for"]) == {m for row in r["rows"] if row["leading"] for m in row["minerals"]}
    assert r["minerals_count"] == sum(len(row["minerals"]) for row in r["rows"])


def test_country_ranked_only_rows_have_unknown_exposure(cli):
    r = run_json(cli, "country", "CN", "--data-dir", str(FIXTURE))
    cesium = next(row for row in r["rows"] if row["commodity"] == "cesium")
    assert cesium["basis"] == "ranked" and cesium["share"] is None and cesium["exposure"]["value"] is None
    assert r["rows"][-1]["commodity"] == "cesium"
    assert [row["commodity"] for row in r["rows"][:3]] == ["rare earths", "gallium", "indium"]


@pytest.mark.parametrize(
    "name, code",
    [("Congo (Kinshasa)", "CD"), ("DRC", "CD"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
     ("South Korea", "KR"), ("Burma", "MM"), ("PRC", "CN"), ("People's Republic of China", "CN"),
     ("Russian Federation", "RU"), ("UK", "GB"), ("Britain", "GB"), ("USA", "US"), ("Taiwan", "TW"),
     ("Hong Kong", "HK"), ("EU", "EU"), ("the bahamas", "BS"), ("Türkiye", "TR")],
)
def test_country_names_as_usgs_prints_them(cli, name, code):
    assert run_json(cli, "country", name, "--data-dir", str(FIXTURE))["country"] == code


def test_unknown_country_suggests(cli):
    run = cli("country", "Chine")
    assert run.exit_code == 1
    assert "CN" in run.stderr


# --------------------------------------------------------------------------
# minerals scenario


def test_scenario_cut_china_ranks_supply_at_risk(cli):
    r = run_json(cli, "scenario", "--cut", "CN")
    figures = latest_figures(DATA)
    assert r["cut"] == ["CN"] and r["cut_names"] == ["China"]
    values = [row["at_risk"]["value"] for row in r["rows"]]
    assert values == sorted(values, reverse=True) and values[0] > 0
    for row in r["rows"]:
        rel, shares = figures[row["commodity"]]
        share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
        assert close(row["cut_share"]["value"], share)
        assert close(row["at_risk"]["value"], nir_number(rel["published"]) * share / 100)
        assert row["at_risk"]["bound"] == ("lower" if rel["published"].startswith(">") else "exact")
    t = r["totals"]
    assert t["minerals_at_risk"] == sum(len(row["minerals"]) for row in r["rows"])
    assert t["commodities_at_risk"] == len(r["rows"])
    assert t["of"] == 60


def test_scenario_mean_is_recomputed_from_the_data(cli):
    """Mean at-risk share over the list's minerals with figures, equal weights (lanthanides one by one)."""
    figures = latest_figures(DATA)
    at_risk = []
    for m in list_minerals(DATA, "2025"):
        rel, shares = figures.get(m["commodity"], (None, None))
        if rel is None or shares is None or rel["published"] in ("W", "NA"):
            continue
        share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
        at_risk.append(nir_number(rel["published"]) * share / 100)
    t = run_json(cli, "scenario", "--cut", "CN")["totals"]
    assert t["covered"] == len(at_risk)
    assert close(t["mean_at_risk"]["value"], sum(at_risk) / len(at_risk))
    assert t["mean_at_risk"]["bound"] == "lower"  # some NIRs are published as '>50'


def test_scenario_cuts_add_up(cli):
    both = run_json(cli, "scenario", "--cut", "CN", "--cut", "RU")
    joined = run_json(cli, "scenario", "--cut", "CN,Russia")
    assert both["rows"] == joined["rows"] and both["cut"] == ["CN", "RU"]
    cn = {row["commodity"]: row["at_risk"]["value"] for row in run_json(cli, "scenario", "--cut", "CN")["rows"]}
    ru = {row["commodity"]: row["at_risk"]["value"] for row in run_json(cli, "scenario", "--cut", "RU")["rows"]}
    for row in both["rows"]:
        assert close(row["at_risk"]["value"], cn.get(row["commodity"], 0) + ru.get(row["commodity"], 0))


def test_scenario_accepts_a_group(cli):
    r = run_json(cli, "scenario", "--cut", "feoc")
    assert r["cut"] == ["CN", "RU", "KP", "IR"]


def test_scenario_unknowns_are_listed_not_zeroed(cli):
    r = run_json(cli, "scenario", "--cut", "CN", "--data-dir", str(FIXTURE))
    assert {row["commodity"] for row in r["unknown"]} == {"cesium", "testium"}
    for row in r["unknown"]:
        assert row["at_risk"]["value"] is None and row["cut"]
    assert r["totals"]["minerals_unknown"] == 2
    assert [row["commodity"] for row in r["rows"]] == ["rare earths", "gallium", "indium"]


def test_scenario_refuses_to_cut_the_united_states(cli):
    run = cli("scenario", "--cut", "US")
    assert run.exit_code == 2 and "domestic" in run.stderr


def test_scenario_needs_a_cut(cli):
    assert cli("scenario").exit_code == 2


# --------------------------------------------------------------------------
# minerals gaps


def test_gaps_cover_every_mineral_with_the_unverified_note(cli):
    r = run_json(cli, "gaps")
    assert len(r["minerals"]) == 60
    assert {t["value"] for t in r["targets"]} == {50, 90}
    for row in r["minerals"]:
        assert [g["value"] for g in row["gaps"]] == [50, 90]
    assert r["autonomy"]["covered"] + len(r["autonomy"]["excluded"]) == 60
    [autonomy] = r["autonomy"]["targets"]
    assert (autonomy["value"], autonomy["baseline"], autonomy["verified"]) == (65, 38, False)
    notes = " ".join(r["notes"])
    assert notes.count("is unverified") == 3
    assert "equal weight" in r["autonomy"]["weights"]


def test_gaps_numbers_follow_the_design_formulas(cli):
    r = run_json(cli, "gaps")
    figures = latest_figures(DATA)
    groups = {g["id"]: g["members"] for g in load(DATA, "country_groups.yaml")["groups"]}
    allies = {c for gid in ("fta", "msp", "g7", "nato") for c in groups[gid]} - {"US"}
    domestic = []
    for row in r["minerals"]:
        rel, shares = figures.get(row["commodity"], (None, None))
        if rel is None or rel["published"] in ("W", "NA"):
            assert row["domestic_share"]["value"] is None and row["allied_share"]["value"] is None
            continue
        nir = nir_number(rel["published"])
        domestic.append(100 - nir)
        assert close(row["domestic_share"]["value"], 100 - nir)
        if shares is None:
            assert row["allied_share"]["value"] is None and row["unknown"]
            continue
        allied_imports = sum(s["percent"] for s in shares["shares"] if s["country"] in allies)
        allied = (100 - nir) + nir * allied_imports / 100
        assert close(row["allied_share"]["value"], allied)
        for g in row["gaps"]:
            assert close(g["gap"]["value"], max(0.0, g["value"] - allied))
    rate = r["autonomy"]["rate"]
    assert close(rate["value"], sum(domestic) / len(domestic))
    gap = r["autonomy"]["targets"][0]
    assert close(gap["gap"]["value"], max(0.0, 65 - rate["value"]))
    assert close(gap["change_from_baseline"]["value"], rate["value"] - 38)


def test_gaps_are_sorted_largest_first_unknown_last(cli):
    rows = run_json(cli, "gaps")["minerals"]
    known = [row for row in rows if row["allied_share"]["value"] is not None]
    assert rows[: len(known)] == known
    gaps90 = [row["gaps"][1]["gap"]["value"] for row in known]
    assert gaps90 == sorted(gaps90, reverse=True)


def test_user_targets_replace_the_stated_ones(cli):
    r = run_json(cli, "gaps", "--target", "75", "--target", "95")
    assert [t["value"] for t in r["targets"]] == [75, 95]
    assert all(t["verified"] is None for t in r["targets"])
    for row in r["minerals"]:
        a = row["allied_share"]["value"]
        if a is not None:
            assert [close(g["gap"]["value"], max(0.0, v - a)) for g, v in zip(row["gaps"], (75, 95))] == [True, True]
    assert "autonomy-65" in " ".join(r["notes"])  # the autonomy goal is still shown, with its note
    assert "allied-50-2030" not in " ".join(r["notes"])


def test_out_of_range_target_is_a_usage_error(cli):
    run = cli("gaps", "--target", "150")
    assert run.exit_code == 2 and "0 to 100" in run.stderr


def test_gaps_for_the_2022_list(cli):
    assert len(run_json(cli, "gaps", "--list", "2022")["minerals"]) == 50


def test_gaps_table_prints_the_note(cli):
    run = cli("gaps")
    assert run.exit_code == 0
    assert "autonomy-65 (65%) is unverified" in run.stdout
    assert "allied-90-2030 (90%) is unverified" in run.stdout


def test_gaps_with_bounds_in_the_fixture(cli):
    r = run_json(cli, "gaps", "--data-dir", str(FIXTURE))
    lithium = next(row for row in r["minerals"] if row["mineral"] == "lithium")
    assert lithium["domestic_share"]["bound"] == "upper" and lithium["allied_share"]["bound"] == "upper"
    assert r["autonomy"]["rate"]["bound"] in ("upper", "range")
    assert set(r["autonomy"]["excluded"]) == {"hafnium", "testium"}
    assert [row["mineral"] for row in r["minerals"][-3:]] == ["cesium", "hafnium", "testium"]


# --------------------------------------------------------------------------
# data/country_groups.yaml


def test_groups_have_their_published_size_and_sources():
    groups = {g["id"]: g for g in load(DATA, "country_groups.yaml")["groups"]}
    assert len(groups["fta"]["members"]) == 20
    assert len(groups["nato"]["members"]) == 32 and {"SE", "FI"} <= set(groups["nato"]["members"])
    assert sorted(groups["g7"]["members"]) == ["CA", "DE", "FR", "GB", "IT", "JP", "US"]
    assert groups["feoc"]["members"] == ["CN", "RU", "KP", "IR"]
    assert "cma2025" in groups and "msp" in groups
    for g in groups.values():
        assert g["as_of"] and g["source"]["source"]
    for gid in ("g7", "nato"):
        assert "general knowledge" in groups[gid]["note"]


def test_every_import_source_usgs_names_is_registered(cli):
    """All countries named in the MCS 2024-2026 Fig. 2 files and the 2026 chapter data resolve to a code."""
    if not RELEASE.is_dir():
        pytest.skip("shared/sources/usgs_release is not present")
    names: set[str] = set()
    for year in (2024, 2025, 2026):
        [path] = RELEASE.glob(f"MCS{year}_Fig2_*.csv")
        with open(path, newline="", encoding="utf-8-sig") as fh:
            for row in csv.reader(fh):
                if row[0] != "Source" and row[4] != "NA":
                    names.update(n.strip().rstrip("0123456789") for n in row[4].split(",") if n.strip())
    with open(RELEASE / "MCS2026_Commodities_Data.csv", newline="", encoding="cp1252") as fh:
        for row in csv.DictReader(fh):
            if row["Section"] == "Import Sources" and not row["Country"].startswith("Other") and " and " not in row["Country"]:
                names.add(row["Country"])
    from minerals_cli.data import validate_file
    from minerals_cli.resolve import resolve_country

    countries = validate_file("countries", DATA / "country_groups.yaml")
    unresolved = []
    for name in sorted(names):
        try:
            resolve_country(countries, name)
        except Exception:
            unresolved.append(name)
    assert unresolved == []
    assert len(names) > 60


def test_scenario_cuts_a_group_without_the_united_states(cli):
    nato = run_json(cli, "scenario", "--cut", "nato")
    members = {g["id"]: g["members"] for g in load(DATA, "country_groups.yaml")["groups"]}
    assert "US" in members["nato"] and "US" not in nato["cut"]
    assert nato["cut"] == [c for c in members["nato"] if c != "US"]
    assert any("United States, a member of nato" in c and "left out" in c for c in nato["caveats"])
    g7 = run_json(cli, "scenario", "--cut", "g7", "--cut", "CN")
    assert g7["cut"] == ["CA", "FR", "DE", "IT", "JP", "GB", "CN"]
    assert g7["rows"] == run_json(cli, "scenario", "--cut", "CA,FR,DE,IT,JP,GB,CN")["rows"]
    for explicit in (["US"], ["nato,USA"], ["g7", "--cut", "United States"]):
        run = cli("scenario", "--cut", *explicit)
        assert run.exit_code == 2 and "domestic" in run.stderr, explicit


# --------------------------------------------------------------------------
# defaults every command takes from the data: the list and the edition


def edit_yaml(directory: Path, name: str, change) -> None:
    path = directory / name
    doc = yaml.safe_load(path.read_text())
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def rename_list(old: str, new: str):
    """Rename a list id everywhere in minerals_2025.yaml."""
    def change(doc):
        for entry in doc["lists"]:
            entry["id"] = new if entry["id"] == old else entry["id"]
            entry["previous_final"] = new if entry.get("previous_final") == old else entry.get("previous_final")
        for m in doc["minerals"]:
            m["lists"] = [new if lid == old else lid for lid in m["lists"]]
            for key in ("listed_as", "covered_by"):
                if old in m.get(key, {}):
                    m[key][new] = m[key].pop(old)
    return change


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
        assert run.exit_code == 2 and "no MCS edition" in run.stderr, (args, run.stderr)
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
