"""`minerals validate`, broken and hostile data files, and `minerals chart`, through the real command.

The chart tests use a small import_dependence.yaml written here with
made-up figures (cited as a test fixture), so each expectation is known.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from minerals_cli import data as data_module

TRACEBACK = "Traceback"


def problems(run) -> list[dict]:
    return run.json()["problems"]


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line of `path` that equals `text` once stripped."""
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if line.strip() == text:
            return n
    raise AssertionError(f"{text!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1))


# --------------------------------------------------------------------------
# validate: a good directory


def test_shipped_data_validates(cli, data_copy):
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 0, run.stdout + run.stderr
    report = run.json()
    assert report["valid"] is True and report["problems"] == []
    assert {f["file"] for f in report["files"] if f["present"]} >= {"minerals_2025.yaml"}


def test_validate_plain_output_says_ok(cli, data_copy):
    run = cli("validate", str(data_copy))
    assert run.exit_code == 0
    assert run.stdout.startswith("ok: ") and "minerals_2025.yaml" in run.stdout


def test_validate_lists_yaml_files_no_command_reads(cli, data_copy):
    (data_copy / "minerals_2024.yaml").write_text("lists: []\n")
    report = cli("validate", str(data_copy), "--json").json()
    assert report["ignored"] == ["minerals_2024.yaml"]


def test_validate_empty_directory_is_a_problem(cli, tmp_path):
    run = cli("validate", str(tmp_path), "--json")
    assert run.exit_code == 3
    assert "no data files" in problems(run)[0]["message"]


def test_validate_missing_directory_is_a_usage_error(cli, tmp_path):
    run = cli("validate", str(tmp_path / "nowhere"))
    assert run.exit_code == 2 and TRACEBACK not in run.stderr


# --------------------------------------------------------------------------
# validate: each kind of broken file gives file, line, field and exit 3


def test_bad_yaml_gives_file_and_line(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    target = line_of(path, "- id: lithium")
    lines = path.read_text().splitlines()
    lines[target] = "  name: [lithium"  # the line after '- id: lithium': unclosed flow sequence
    path.write_text("\n".join(lines) + "\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = [p for p in problems(run) if p["file"].endswith("minerals_2025.yaml")]
    assert p["message"].startswith("invalid YAML") and p["line"] is not None
    assert target + 1 <= p["line"] <= target + 3


def test_missing_field_gives_file_line_and_field(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    mineral_line = line_of(path, "- id: lithium")
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path)
    assert re.fullmatch(r"minerals\.\d+\.name", p["field"])
    assert p["line"] == mineral_line
    assert "required" in p["message"].lower()


def test_every_problem_in_a_file_is_reported(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    edit(path, "- id: cobalt\n  name: cobalt\n", "- id: cobalt\n  name: cobalt\n  colour: blue\n")
    edit(path, "  kind: element\n", "  kind: metal\n")
    fields = {p["field"].rsplit(".", 1)[-1] for p in problems(cli("validate", str(data_copy), "--json"))}
    assert fields == {"name", "colour", "kind"}


def test_problems_in_several_files_are_all_reported(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    (data_copy / "targets.yaml").write_text("targets:\n- id: x\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    files = {Path(p["file"]).name for p in problems(run)}
    assert files == {"minerals_2025.yaml", "targets.yaml"}
    checks = {f["file"]: f for f in run.json()["files"]}
    assert checks["targets.yaml"]["valid"] is False and checks["targets.yaml"]["problems"] >= 4


def test_duplicate_mineral_points_at_the_second_copy(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    end = text.index("\n- id:", start + 1) + 1
    path.write_text(text + text[start:end])
    second = len(text.splitlines()) + 1
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    duplicate, *counts = problems(run)
    assert "duplicate mineral id 'lithium'" in duplicate["message"]
    assert duplicate["line"] == second and duplicate["field"].startswith("minerals.")
    # the copy also puts lithium on each list twice: every list count is reported too
    assert len(counts) == 4 and all("minerals are marked as on it" in c["message"] for c in counts)


def test_unknown_list_year(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    path.write_text(text[:start] + text[start:].replace("  - '2018'\n", "  - '2019'\n", 1))
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    p, count = problems(run)
    assert "unknown list year '2019'" in p["message"] and p["field"].endswith(".lists")
    assert p["line"] > line_of(path, "- id: lithium")
    assert count["message"].startswith("list 2018: 34 minerals") and count["field"] == "lists.0.count"


def test_duplicate_yaml_key_is_a_problem(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n  name: lithium\n  name: lithium\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert "duplicate key 'name'" in p["message"] and p["line"] == line_of(path, "- id: lithium") + 2


def test_validate_table_output_is_file_line_field_message(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("validate", str(data_copy))
    assert run.exit_code == 3
    assert re.search(rf"^{re.escape(str(path))}:\d+: minerals\.\d+\.name: ", run.stdout, re.M)
    assert "1 problem in" in run.stderr


# --------------------------------------------------------------------------
# hostile files: refused cleanly, by validate and by every other command


def hostile(kind: str) -> str:
    if kind == "python tag":
        return "lists: !!python/object/apply:os.system ['echo owned']\nminerals: []\n"
    if kind == "deep":
        return "lists: " + "[" * 200 + "]" * 200 + "\nminerals: []\n"
    if kind == "alias bomb":
        rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for prev, name in zip("abcdefgh", "bcdefghi"):
            rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        return "\n".join(rows) + "\n"
    if kind == "self reference":
        return "lists: &x [*x]\nminerals: []\n"
    raise ValueError(kind)


@pytest.mark.parametrize(
    "kind, says",
    [
        ("python tag", "!!python/object/apply:os.system"),
        ("deep", "nest"),
        ("alias bomb", "aliases"),
        ("self reference", "refers to itself"),
    ],
)
def test_hostile_file_is_refused(cli, data_copy, kind, says):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(hostile(kind))
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path) and says in p["message"]
    listed = cli("list", "--data-dir", str(data_copy))
    assert listed.exit_code == 3 and listed.stdout == ""
    assert listed.stderr.startswith(f"minerals: error: {path}") and says in listed.stderr
    assert TRACEBACK not in listed.stderr


def test_python_tag_is_refused_with_its_line(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "  name: lithium\n", "  name: !!python/object:builtins.str lithium\n")
    run = cli("show", "lithium", "--data-dir", str(data_copy))
    assert run.exit_code == 3
    assert f"{path}:{line_of(path, '- id: lithium') + 1}: refused: the tag !!python/object:builtins.str" in run.stderr
    assert "plain YAML" in run.stderr


def test_huge_file_is_refused_before_reading(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    with open(path, "wb") as fh:
        fh.truncate(data_module.MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    assert "byte limit" in problems(run)[0]["message"]
    assert cli("list", "--data-dir", str(data_copy)).exit_code == 3


def test_file_that_is_not_utf8(cli, data_copy):
    (data_copy / "minerals_2025.yaml").write_bytes(b"lists: [\xff\xfe]\n")
    run = cli("list", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "minerals_2025.yaml" in run.stderr and TRACEBACK not in run.stderr


def test_directory_where_a_file_should_be(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.unlink()
    path.mkdir()
    run = cli("list", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "cannot read" in run.stderr


def test_integer_too_long_to_convert(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "  count: 35\n", "  count: " + "9" * 5000 + "\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3 and problems(run)


def test_broken_file_in_data_dir_env(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("show", "lithium", env={"MINERALS_DATA_DIR": str(data_copy)})
    assert run.exit_code == 3
    assert re.search(r"minerals_2025\.yaml:\d+: minerals\.\d+\.name: Field required", run.stderr)


# --------------------------------------------------------------------------
# cross-file checks


CITE = {"source": "test fixture", "table": "made-up figures for tests"}


def trade_doc(commodities: list[dict], editions=(2025,)) -> dict:
    return {
        "editions": [
            {"edition": e, "data_year": e - 1, "shares_period": f"{e - 5}-{str(e - 2)[2:]}", "title": f"MCS {e}",
             "citation": {"source": f"USGS MCS {e} (test)", "url": "https://example.org/mcs?a=1&b=2"}}
            for e in editions
        ],
        "commodities": commodities,
    }


def reliance(published: str, edition: int = 2025, **extra) -> dict:
    return {"edition": edition, "year": edition - 1, "published": published, "source": CITE, **extra}


def shares(*pairs, edition: int = 2025, complete: bool = True) -> dict:
    return {
        "edition": edition, "period": "2020-23", "complete": complete, "source": CITE,
        "shares": [{"country": code, "name": name, "percent": pct} for code, name, pct in pairs],
    }


def bounded(*rows, edition: int = 2025) -> dict:
    """A share list where some shares are printed as bounds ('>99', '<1')."""
    record = shares(*[(code, name, pct) for code, name, pct, _ in rows], edition=edition)
    for share, (*_, printed) in zip(record["shares"], rows):
        if printed:
            share["published"] = printed
    return record


def ranked(*pairs, edition: int = 2025) -> dict:
    return {"edition": edition, "period": "2020-23", "source": CITE,
            "countries": [{"country": code, "name": name} for code, name in pairs]}


def write_trade(data_dir: Path, doc: dict) -> Path:
    path = data_dir / "import_dependence.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return path


@pytest.fixture
def full_copy(data_copy):
    """A writable copy of the shipped data, all four files."""
    return data_copy


def test_mineral_commodity_must_exist_in_the_trade_file(cli, full_copy):
    path = full_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    path.write_text(text[:start] + text[start:].replace("  commodity: lithium\n", "  commodity: lithum\n", 1))
    run = cli("validate", str(full_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path) and p["field"].endswith(".commodity")
    assert "'lithum' is not in import_dependence.yaml" in p["message"] and "did you mean: lithium" in p["message"]
    assert p["line"] == line_of(path, "commodity: lithum")


def test_share_and_ranked_country_codes_must_exist_in_the_registry(cli, full_copy):
    doc = yaml.safe_load((full_copy / "import_dependence.yaml").read_text())
    first = doc["commodities"][0]
    first["import_shares"] = [shares(("CN", "China", 60), ("XQ", "Atlantis", 30), (None, "Other", 10),
                                     edition=doc["editions"][-1]["edition"])]
    first["ranked_sources"] = [ranked(("XR", "Lemuria"), edition=doc["editions"][-1]["edition"])]
    path = write_trade(full_copy, doc)
    run = cli("validate", str(full_copy), "--json")
    assert run.exit_code == 3
    found = {p["message"].split(" (")[0]: p for p in problems(run)}
    assert set(found) == {"country code 'XQ'", "country code 'XR'"}
    assert found["country code 'XQ'"]["field"].endswith("import_shares.0.shares.1.country")
    assert found["country code 'XR'"]["field"].endswith("ranked_sources.0.countries.0.country")
    assert found["country code 'XQ'"]["file"] == str(path)
    assert found["country code 'XQ'"]["line"] == line_of(path, "- country: XQ")


def test_cross_file_checks_run_even_when_a_file_has_other_problems(cli, full_copy):
    path = full_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    rest = text[start:].replace("  commodity: lithium\n", "  commodity: lithum\n", 1).replace("  name: lithium\n", "", 1)
    path.write_text(text[:start] + rest)
    messages = [p["message"] for p in problems(cli("validate", str(full_copy), "--json"))]
    assert any("Field required" in m for m in messages) and any("lithum" in m for m in messages)


# --------------------------------------------------------------------------
# chart


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
        "country": "AR", "name": "Argentina", "percent": 51.0, "published": None, "period": "2020-23", "basis": "shares"}
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
    assert "graphite: W: withheld" in run.stdout and "tin: no net import reliance" in run.stdout
    assert "\x1b[" not in run.stdout and "█" not in run.stdout


def test_chart_text_does_not_depend_on_terminal_width(cli, chart_dir):
    narrow = cli("chart", "--data-dir", str(chart_dir), env={"COLUMNS": "40"})
    wide = cli("chart", "--data-dir", str(chart_dir), env={"COLUMNS": "200"})
    assert narrow.stdout == wide.stdout and narrow.exit_code == 0


def test_chart_csv_and_md(cli, chart_dir):
    csv_out = cli("chart", "--data-dir", str(chart_dir), "--edition", "2025", "-f", "csv").stdout.splitlines()
    assert csv_out[0] == "label,published,bar,bound,leading source,share,minerals"
    assert csv_out[1] == "gallium,100,100,,Japan,40,gallium"
    assert any(row.startswith("graphite,W,unknown") for row in csv_out)
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
