"""`minerals chart`: the net-import-reliance bar chart, as text, CSV, Markdown, JSON and SVG.

The chart tests use a small import_dependence.yaml written here with
made-up figures (cited as a test fixture), so each expectation is known;
the last ones chart the shipped data, figures as USGS prints them in Fig. 2.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import bounded, ranked, reliance, shares, trade_doc, write_trade

TRACEBACK = "Traceback"


@pytest.fixture
def chart_dir(data_copy):
    """Made-up figures chosen to exercise every kind of bar and every kind of unknown."""
    write_trade(data_copy, trade_doc([
        {"id": "lithium", "name": "LITHIUM", "reliance": [reliance("50"), reliance("25", 2026)],
         "import_shares": [shares(("AR", "Argentina", 51), ("CL", "Chile", 40), (None, "Other", 9))]},
        {"id": "rare earths", "name": "RARE EARTHS", "reliance": [reliance(">95")],
         "ranked_sources": [ranked(("CN", "China & <Hong Kong>"), ("MY", "Malaysia"))]},
        {"id": "cobalt", "name": "COBALT", "reliance": [reliance("<25")],
         "import_shares": [shares(("NO", "Norway", 20), (None, "Other", 10), complete=False)]},
        {"id": "beryllium", "name": "BERYLLIUM", "reliance": [reliance("E")],
         "import_shares": [bounded(("KZ", "Kazakhstan", 99, ">99"), (None, "Other", 1, "<1"))]},
        {"id": "zinc", "name": "ZINC", "reliance": [reliance("30")],
         "import_shares": [bounded(("CA", "Canada", 5, "<5"), ("MX", "Mexico", 3, None), (None, "Other", 92, None))]},
        {"id": "gallium", "name": "GALLIUM", "reliance": [reliance("100")],
         "import_shares": [shares(("JP", "Japan", 40), ("CN", "China", 20), (None, "Other", 15), complete=False)]},
        {"id": "graphite", "name": "GRAPHITE (NATURAL)", "reliance": [reliance("W", reason="withheld to avoid disclosing company data")]},
        {"id": "tin", "name": "TIN"},
    ], editions=(2025, 2026)))
    return data_copy


def chart_json(cli, chart_dir, *args):
    run = cli("chart", "--data-dir", str(chart_dir), "--json", *args)
    assert run.exit_code == 0, run.stderr
    return run.json()


def test_chart_bars_sorted_with_bounds_and_net_exporter(cli, chart_dir):
    c = chart_json(cli, chart_dir, "--edition", "2025")
    bars = {b["commodity"]: b for b in c["bars"]}
    assert [b["commodity"] for b in c["bars"]] == ["gallium", "rare earths", "lithium", "zinc", "cobalt", "beryllium"]
    assert bars["rare earths"]["bound"] == "lower" and bars["rare earths"]["value"] == 95
    assert bars["cobalt"]["bound"] == "upper" and bars["cobalt"]["value"] == 25
    assert bars["beryllium"]["net_exporter"] is True and bars["beryllium"]["value"] == 0
    assert bars["lithium"]["bound"] is None and bars["lithium"]["published"] == "50"
    assert bars["lithium"]["source"]["source"] == "test fixture"


def test_chart_draws_one_bar_for_the_rare_earths_and_names_them(cli, chart_dir):
    c = chart_json(cli, chart_dir, "--edition", "2025", "--list", "2022")
    [ree] = [b for b in c["bars"] if b["commodity"] == "rare earths"]
    assert ree["label"] == "RARE EARTHS" and "neodymium" in ree["minerals"] and len(ree["minerals"]) >= 14


def test_chart_lists_unknowns_with_reasons_never_as_zero(cli, chart_dir):
    c = chart_json(cli, chart_dir, "--edition", "2025")
    unknown = {u["label"]: u for u in c["unknown"]}
    assert unknown["graphite"]["published"] == "W" and "withheld" in unknown["graphite"]["reason"]
    assert unknown["tin"]["published"] is None and "no net import reliance in MCS 2025" == unknown["tin"]["reason"]
    assert "no trade record" in unknown["nickel"]["reason"]
    drawn = {m for b in c["bars"] for m in b["minerals"]}
    assert not drawn & {m for u in c["unknown"] for m in u["minerals"]}


def test_chart_leading_source(cli, chart_dir):
    bars = {b["commodity"]: b for b in chart_json(cli, chart_dir, "--edition", "2025")["bars"]}
    assert bars["lithium"]["leading_source"] == {
        "country": "AR", "name": "Argentina", "percent": 51.0, "published": None, "period": "2020-23", "basis": "shares",
        "source": {"source": "test fixture", "table": "made-up figures for tests", "url": None, "note": None}}
    assert bars["rare earths"]["leading_source"]["basis"] == "ranked"
    assert bars["rare earths"]["leading_source"]["percent"] is None
    # Norway's 20% with 70% unlisted: the leader cannot be named; Japan's 40% beats the 25% unlisted
    assert bars["cobalt"]["leading_source"] is None
    assert bars["gallium"]["leading_source"]["country"] == "JP"
    assert bars["beryllium"]["leading_source"]["published"] == ">99"
    assert bars["zinc"]["leading_source"] is None  # Canada "<5" cannot be ranked above Mexico's 3


def test_chart_default_edition_and_list_in_force(cli, chart_dir):
    c = chart_json(cli, chart_dir)
    assert c["edition"] == 2026 and c["list"] == "2025" and c["data_year"] == 2025
    assert [b["commodity"] for b in c["bars"]] == ["lithium"]
    assert chart_json(cli, chart_dir, "--edition", "2025")["list"] == "2022"
    assert any("in force" in n for n in c["notes"])


def test_chart_unknown_edition_and_list_are_usage_errors(cli, chart_dir):
    run = cli("chart", "--data-dir", str(chart_dir), "--edition", "2019")
    assert run.exit_code == 2 and "valid editions: 2025, 2026" in run.stderr
    run = cli("chart", "--data-dir", str(chart_dir), "--list", "2019")
    assert run.exit_code == 2 and "2025-draft" in run.stderr


def test_chart_plain_text_bars(cli, chart_dir):
    run = cli("chart", "--data-dir", str(chart_dir), "--edition", "2025")
    assert run.exit_code == 0
    lines = {line.split()[0]: line for line in run.stdout.splitlines() if line.strip()}
    assert "#" * 50 in lines["gallium"] and "Japan 40%" in lines["gallium"]
    assert re.search(r">95  #{48}> ", lines["RARE"])
    assert re.search(r"<25  #{13}< ", lines["cobalt"])
    assert "(net exporter)" in lines["beryllium"] and "Kazakhstan >99%" in lines["beryllium"]
    assert "unknown (no bar): " in run.stdout and "graphite (W)" in run.stdout and "tin (no figure)" in run.stdout
    assert "\x1b[" not in run.stdout and "█" not in run.stdout
    full = cli("chart", "--data-dir", str(chart_dir), "--edition", "2025", "--sources").stdout
    assert "graphite: W: withheld" in full and "tin: no net import reliance" in full  # the reasons, with --sources


def test_chart_text_does_not_depend_on_terminal_width(cli, chart_dir):
    narrow = cli("chart", "--data-dir", str(chart_dir), env={"COLUMNS": "40"})
    wide = cli("chart", "--data-dir", str(chart_dir), env={"COLUMNS": "200"})
    assert narrow.stdout == wide.stdout and narrow.exit_code == 0


def test_chart_csv_and_md(cli, chart_dir):
    import csv
    import io

    text = cli("chart", "--data-dir", str(chart_dir), "--edition", "2025", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    gallium = rows[0]
    assert (gallium["label"], gallium["nir"], gallium["nir_published"], gallium["nir_bound"]) == (
        "gallium", "100.0", "100", "exact")
    assert (gallium["leading_source"], gallium["leading_source_name"], gallium["leading_share"]) == ("JP", "Japan", "40.0")
    assert "graphite" not in {r["label"] for r in rows}  # one record per bar: a withheld figure has none
    assert "| RARE EARTHS | >95 | 95 | lower |" in cli("chart", "--data-dir", str(chart_dir), "--edition", "2025", "-f", "md").stdout


def svg_root(path: Path):
    return ET.parse(path).getroot()


def test_chart_svg_is_a_standalone_svg(cli, chart_dir, tmp_path):
    out = tmp_path / "out.svg"
    run = cli("chart", "--data-dir", str(chart_dir), "--edition", "2025", "--svg", str(out))
    assert run.exit_code == 0 and run.stdout == "" and f"wrote {out}" in run.stderr
    root = svg_root(out)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and int(root.get("width")) > 0 and int(root.get("height")) > 0
    bars = [r for r in root.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    assert len(bars) == 5  # the net exporter has no rectangle
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "China & <Hong Kong>" in texts  # escaped in the file, intact once parsed
    assert "graphite (W: withheld to avoid" in " ".join(t or "" for t in texts)
    assert "<script" not in out.read_text() and "href" not in out.read_text()


def test_chart_svg_to_stdout_and_json_together(cli, chart_dir, tmp_path):
    run = cli("chart", "--data-dir", str(chart_dir), "--svg", "-")
    assert run.exit_code == 0 and ET.fromstring(run.stdout.encode()).tag.endswith("svg")
    out = tmp_path / "x.svg"
    run = cli("chart", "--data-dir", str(chart_dir), "--svg", str(out), "--json")
    assert run.exit_code == 0 and out.exists() and run.json()["edition"] == 2026
    assert cli("chart", "--data-dir", str(chart_dir), "--svg", "-", "--json").exit_code == 2


def test_chart_svg_unwritable_is_a_usage_error(cli, chart_dir, tmp_path):
    run = cli("chart", "--data-dir", str(chart_dir), "--svg", str(tmp_path / "no" / "such" / "dir.svg"))
    assert run.exit_code == 2 and "cannot write" in run.stderr and TRACEBACK not in run.stderr


def test_chart_needs_the_trade_file(cli, data_copy):
    (data_copy / "import_dependence.yaml").unlink(missing_ok=True)
    run = cli("chart", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "import_dependence.yaml" in run.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")
def test_chart_svg_renders_in_a_browser(cli, chart_dir, tmp_path):
    out, png = tmp_path / "out.svg", tmp_path / "out.png"
    assert cli("chart", "--data-dir", str(chart_dir), "--svg", str(out)).exit_code == 0
    root = svg_root(out)
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={png}",
         f"--window-size={root.get('width')},{root.get('height')}", out.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


# --------------------------------------------------------------------------
# chart of the shipped data: figures as USGS prints them in Fig. 2


def test_shipped_chart_mcs_2026(cli):
    run = cli("chart", "--json")
    assert run.exit_code == 0, run.stderr
    c = run.json()
    assert (c["edition"], c["list"]) == (2026, "2025")
    bars = {b["commodity"]: b for b in c["bars"]}
    # MCS 2026 Fig. 2: ARSENIC 100, LITHIUM >50, RARE EARTHS compounds and metals 67
    assert bars["arsenic"]["published"] == "100" and c["bars"][0]["value"] == 100
    assert bars["lithium"]["published"] == ">50" and bars["lithium"]["bound"] == "lower"
    assert bars["lithium"]["leading_source"]["name"] == "Chile"
    assert bars["rare earths"]["published"] == "67" and "neodymium" in bars["rare earths"]["minerals"]
    charted = [m for b in c["bars"] for m in b["minerals"]] + [m for u in c["unknown"] for m in u["minerals"]]
    assert len(charted) == len(set(charted)) == 60


def test_shipped_chart_mcs_2025_uses_the_2022_list(cli):
    c = cli("chart", "--edition", "2025", "--json").json()
    assert c["list"] == "2022"
    bars = {b["commodity"]: b for b in c["bars"]}
    assert bars["rare earths"]["published"] == "80"  # MCS 2025 Fig. 2
    charted = [m for b in c["bars"] for m in b["minerals"]] + [m for u in c["unknown"] for m in u["minerals"]]
    assert len(charted) == 50


def test_shipped_chart_svg(cli, tmp_path):
    out = tmp_path / "out.svg"
    assert cli("chart", "--svg", str(out)).exit_code == 0
    root = svg_root(out)
    assert root.tag.endswith("svg") and "MCS 2026" in root.find("{http://www.w3.org/2000/svg}title").text


def test_shipped_chart_gives_uranium_its_leading_source_without_a_bar(cli):
    # Uranium's 2025 reliance is NA (EIA), so it has no bar; its share list (EIA 2024 deliveries) still has a leader.
    c = cli("chart", "--json").json()
    [uranium] = [u for u in c["unknown"] if u["commodity"] == "uranium"]
    lead = uranium["leading_source"]
    assert (lead["country"], lead["percent"], lead["period"], lead["basis"]) == ("CA", 36, "2024", "shares")
    assert any("uranium (2024)" in n and "another period" in n for n in c["notes"])
    text = cli("chart").stdout
    assert "uranium (NA)" in text and "uranium (2024)" in text
    full = cli("chart", "--sources").stdout
    assert "uranium: NA: " in full and "; leading import source Canada 36% (2024)" in full
    assert "| uranium | NA | unknown |  | Canada | CA | 36 |" in cli("chart", "--format", "md").stdout


def test_chart_records_are_one_per_bar_with_numbers_as_numbers(cli):
    import csv
    import io
    import json

    c = cli("chart", "--json").json()
    text = cli("chart", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["commodity"] for r in rows] == [b["commodity"] for b in c["bars"]]
    for row, bar in zip(rows, c["bars"]):
        assert float(row["nir"]) == bar["value"] and row["nir_published"] == bar["published"]
        assert row["leading_share"] == "" or float(row["leading_share"])  # a number, or empty where only ranked
    lines = [json.loads(line) for line in cli("chart", "--format", "jsonl").stdout.splitlines()]
    assert len(lines) == len(rows) and all(isinstance(x["nir"], float) for x in lines)
    assert [str(x["nir"]) for x in lines] == [r["nir"] for r in rows]


@pytest.mark.parametrize("args", [(), ("--edition", "2024"), ("--edition", "2025"), ("--list", "2022"), ("--sources",)])
def test_piped_chart_lines_fit_120(cli, args):
    text = cli("chart", *args).stdout
    assert max(len(line) for line in text.splitlines()) <= 120
    percent = int(re.search(r"each # is (\d+) percent", text).group(1))
    assert "#" * (100 // percent) in text  # a bar at 100 is the full bar, whatever the scale the width allows


@pytest.mark.parametrize("columns, percent", [(80, 4), (100, 4), (200, 2)])
def test_terminal_chart_fits_its_width(monkeypatch, columns, percent):
    """On a terminal (colour on) the chart is laid out for its width: 80 columns take 25 cells of 4 percent."""
    import io
    import re

    from minerals_cli.analysis.chart import chart
    from minerals_cli.dataset import open_dataset
    from minerals_cli.render import Format, render
    from minerals_cli.render.chart import write_bar_chart

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", str(columns))
    data = open_dataset(None)
    result = chart(data.minerals, data.import_dependence)
    text = render(result, lambda r: None, Format.table, Terminal(), write_bar_chart)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "\x1b[" in text and "█" in plain
    assert max(len(line) for line in plain.splitlines()) <= columns
    assert f"is {percent} percent" in plain
