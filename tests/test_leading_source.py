"""One leading import source for chart, summary, exposure and country: every command names the same one.

(Where a mineral has a share list of its own, as the heavy rare earths do in MCS 2026, exposure and country
use it; chart and summary count the group's figures, as USGS's Fig. 2 does.)

The rule (docs/design.md, "Choosing figures"): the largest named share of
the list that stands for the whole commodity (category 'All' first); a tie
names every tied country; an incomplete list that could hide a larger
supplier has no leader.  tests/analysis/test_leading.py tests the rule itself.
"""

from __future__ import annotations

import pytest
import yaml


def shares(*rows):
    return [{"country": code, "name": name, "percent": pct} for code, name, pct in rows]


@pytest.fixture
def leaders_dir(data_copy):
    """MCS 2026 share lists changed so that each rule of the leading source matters."""
    path = data_copy / "import_dependence.yaml"
    doc = yaml.safe_load(path.read_text())
    by_id = {c["id"]: c for c in doc["commodities"]}
    # Norway's 26% with 65% of imports left out: a larger supplier may hide there.
    cobalt = by_id["cobalt"]["import_shares"][0]
    cobalt.update(complete=False, shares=shares(("NO", "Norway", 26), ("FI", "Finland", 9)))
    # Japan and Germany tie.
    by_id["gallium"]["import_shares"][0]["shares"] = shares(
        ("JP", "Japan", 30), ("DE", "Germany", 30), ("CA", "Canada", 24), (None, "Other countries", 16))
    # A second whole-commodity list printed before category 'All': 'All' is the one used.
    lithium = by_id["lithium"]["import_shares"]
    lithium.insert(0, {**lithium[0], "category": "Total imports",
                       "shares": shares(("AR", "Argentina", 60), ("CL", "Chile", 37), (None, "Other countries", 3))})
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return data_copy


def test_every_command_names_the_same_leading_source(cli, leaders_dir):
    def run(*args):
        r = cli(*args, "--data-dir", str(leaders_dir), "--json")
        assert r.exit_code == 0, r.stderr
        return r.json()

    s = run("summary")
    rows = {row["id"]: row for row in s["rows"]}
    assert (s["at_100"]["computed"], s["over_50"]["computed"], s["match"]) == (13, 20, True)  # counts untouched
    assert rows["cobalt"]["leading_source"] is None and rows["cobalt"]["leading_from"] is None
    assert any("cobalt (the share list is incomplete" in n for n in s["notes"])
    assert rows["gallium"]["leading_source"] is None
    assert rows["gallium"]["leading_source_name"] == "Japan and Germany (tied)"
    assert any("equal largest shares" in n and "gallium" in n for n in s["notes"])
    assert rows["lithium"]["leading_source"] == "CL"
    counted = {m for c in s["leading_sources"] for m in c["minerals"]}
    assert not {"cobalt", "gallium"} & counted and "lithium" in counted

    bars = {b["commodity"]: b for b in run("chart")["bars"]}
    assert bars["cobalt"]["leading_source"] is None
    assert bars["gallium"]["leading_source"]["country"] is None
    assert bars["gallium"]["leading_source"]["name"] == "Japan and Germany (tied)"
    assert bars["gallium"]["leading_source"]["percent"] == 30
    assert bars["lithium"]["leading_source"]["country"] == "CL"

    assert run("exposure", "cobalt")["leading"] == []
    assert run("exposure", "gallium")["leading"] == ["JP", "DE"]
    lithium = run("exposure", "lithium")
    assert lithium["leading"] == ["CL"] and lithium["import_shares"]["category"] == "All"

    def country_row(code, commodity):
        return next(row for row in run("country", code)["rows"] if row["commodity"] == commodity)

    assert country_row("NO", "cobalt")["leading"] is False
    assert country_row("JP", "gallium")["leading"] is True and country_row("DE", "gallium")["leading"] is True
    assert country_row("CL", "lithium")["leading"] is True and country_row("AR", "lithium")["leading"] is False


# --------------------------------------------------------------------------
# the shipped data: every mineral, every edition, every view


def _json(cli, *args):
    run = cli(*args, "--json")
    assert run.exit_code == 0, run.stderr
    return run.json()


def _chart_leaders(chart) -> dict[str, tuple]:
    """mineral -> leader as chart gives it: (ISO code,) or ('tie', name), () when none; bars and bar-less alike."""
    out = {}
    for entry in chart["bars"] + chart["unknown"]:
        lead = entry["leading_source"]
        key = () if lead is None else ((lead["country"],) if lead["country"] else ("tie", lead["name"]))
        out.update(dict.fromkeys(entry["minerals"], key))
    return out


@pytest.mark.parametrize("edition", ["2024", "2025", "2026"])
def test_chart_summary_country_and_exposure_agree_on_every_mineral(cli, edition):
    """One leader per mineral whatever the view, with or without a reliance figure (uranium's is NA)."""
    exposure = {r["mineral"]: r for r in _json(cli, "exposure", "--all", "--list", "2025", "--edition", edition)}
    chart = _chart_leaders(_json(cli, "chart", "--list", "2025", "--edition", edition))
    summary = _json(cli, "summary", "--list", "2025", "--edition", edition)
    by_member = {m: row for row in summary["rows"] for m in row["members"]}
    assert set(chart) == set(exposure) == set(by_member)
    for mineral, r in exposure.items():
        codes, row = r["leading"], by_member[mineral]
        if any(x["figure"] == "import shares" and x["level"] in ("element", "subgroup") for x in r["levels"]):
            continue  # an element's own list (exposure, country); chart and summary count the group's (design.md)
        if len(codes) == 1:
            assert chart[mineral] == (codes[0],), mineral
            assert row["leading_source"] == codes[0], mineral
        elif len(codes) > 1:
            assert chart[mineral][0] == "tie" and row["leading_source"] is None, mineral
            assert chart[mineral][1] == row["leading_source_name"], mineral
        else:
            assert chart[mineral] == () and row["leading_source"] is None, mineral
    # every country any view names as a source, so that a country claiming a lead it does not have shows too
    named = {s["country"] for r in exposure.values() for s in r["sources"] if s["country"]}
    named |= {c["country"] for r in exposure.values() if r["ranked_sources"] for c in r["ranked_sources"]["countries"]}
    for code in sorted(named):
        country = _json(cli, "country", code, "--list", "2025", "--edition", edition)
        assert set(country["leading_for"]) == {m for m, r in exposure.items() if code in r["leading"]}, code


def test_uranium_leads_with_canada_in_every_view(cli):
    """EIA's 2024 deliveries list (Canada 36%) gives the leader; the 2025 reliance is NA and is not needed."""
    exposure = _json(cli, "exposure", "uranium")
    assert exposure["reliance"]["published"] == "NA" and exposure["leading"] == ["CA"]
    chart = _json(cli, "chart")
    [bar_less] = [u for u in chart["unknown"] if u["minerals"] == ["uranium"]]
    assert bar_less["leading_source"]["country"] == "CA" and bar_less["leading_source"]["percent"] == 36
    assert bar_less["leading_source"]["period"] == "2024" and "EIA" in bar_less["leading_source"]["source"]["source"]
    row = next(r for r in _json(cli, "country", "CA")["rows"] if r["commodity"] == "uranium")
    assert row["leading"] is True and "uranium" in _json(cli, "country", "CA")["leading_for"]
    summary = next(r for r in _json(cli, "summary")["rows"] if r["id"] == "uranium")
    assert summary["leading_source"] == "CA"
