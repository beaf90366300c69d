"""`minerals export --sqlite FILE`: the database reproduces what the commands print, every figure is cited,
references hold, and only a previous export is ever replaced."""

from __future__ import annotations

import ast
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import invoke

import minerals_cli


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """One export of the shipped data, made through the real CLI: (database path, its JSON result)."""
    folder = tmp_path_factory.mktemp("export")
    run = invoke("export", "--sqlite", str(folder / "out.db"), "--json")
    assert run.exit_code == 0, run.stderr
    return folder / "out.db", run.json()


@pytest.fixture(scope="module")
def db(exported):
    connection = sqlite3.connect(f"{exported[0].as_uri()}?mode=ro", uri=True)
    yield connection
    connection.close()


def _shows():
    """`minerals show NAME --json` of every mineral of the 2025 list."""
    listed = invoke("list", "--list", "2025", "--json").json()["minerals"]
    assert len(listed) >= 50
    return [invoke("show", m["id"], "--json").json() for m in listed]


def _printed(share: dict) -> str:
    """A share as printed: the bound where USGS prints one ('>99'), else the number."""
    return share["published"] or f"{share['percent']:g}"


def _share_lists(db, sql: str, args) -> list[list[tuple]]:
    """The shares of each share list a query names (ids), as (country, name, percent, published), in order."""
    lists = [i for (i,) in db.execute(sql, args)]
    return [db.execute("SELECT country, name, percent, published FROM shares WHERE share_list_id = ? ORDER BY position",
                       (i,)).fetchall() for i in dict.fromkeys(lists)]


def _reliance_rows(printed: list[dict]) -> list[tuple]:
    return [(e["edition"], e["year"], e["published"], e["value"], e["qualifier"], e["bound"], e["source"]["source"])
            for e in printed]


def test_sql_reproduces_the_reliance_and_import_shares_show_prints_for_every_2025_mineral(db):
    compared_reliance = compared_lists = 0
    for shown in _shows():
        trade = shown["trade"]
        if trade is None:
            assert db.execute("SELECT count(*) FROM mineral_reliance WHERE mineral = ? AND via = 'commodity'",
                              (shown["id"],)).fetchone()[0] == 0
            continue
        reliance = db.execute(
            "SELECT edition, year, published, value, qualifier, bound, source FROM mineral_reliance "
            "WHERE mineral = ? AND via = 'commodity' ORDER BY edition", (shown["id"],)).fetchall()
        assert reliance == _reliance_rows(trade["reliance"]), shown["id"]
        compared_reliance += len(reliance)
        for s in trade["import_shares"]:
            candidates = _share_lists(db, "SELECT share_list_id FROM mineral_shares WHERE mineral = ? AND edition = ? "
                                      "AND period = ? AND category = ?", (shown["id"], s["edition"], s["period"], s["category"]))
            wanted = [(x["country"], x["name"], x["percent"], _printed(x)) for x in s["shares"]]
            assert wanted in candidates, (shown["id"], s["edition"], s["category"])
            compared_lists += 1
        for record in trade["specific"]:
            own = db.execute("SELECT edition, year, published, value, qualifier, bound, c.source FROM reliance r "
                             "JOIN citations c ON c.id = r.citation_id WHERE commodity_id = ? ORDER BY edition",
                             (record["record"],)).fetchall()
            assert own == _reliance_rows(record["reliance"]), record["record"]
            for s in record["import_shares"]:
                candidates = _share_lists(db, "SELECT id FROM share_lists WHERE commodity_id = ? AND edition = ? AND "
                                          "category = ?", (record["record"], s["edition"], s["category"]))
                assert [(x["country"], x["name"], x["percent"], _printed(x)) for x in s["shares"]] in candidates
    assert compared_reliance > 100 and compared_lists > 40


def test_every_figure_row_joins_to_a_citation(db):
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    cited = {}
    for table in tables:
        columns = {row[1]: row for row in db.execute(f"PRAGMA table_info({table})")}
        if "citation_id" in columns:
            cited[table] = columns["citation_id"][3]  # notnull
    figures = {"reliance", "shares", "share_lists", "ranked_countries", "world_figures", "world_series", "stat_values",
               "targets", "export_controls", "headline_counts", "policy_prices", "editions", "lists"}
    assert figures <= {t for t, notnull in cited.items() if notnull}
    assert {t for t, notnull in cited.items() if not notnull} == {"countries"}  # a name, not a figure
    for table in figures:
        rows, orphans = db.execute(f"SELECT count(*), count(*) - count(c.id) FROM {table} t "
                                   "LEFT JOIN citations c ON c.id = t.citation_id").fetchone()
        assert rows > 0 and orphans == 0, table
    # The computed figures join to the rows they were computed from, and so to their citations.
    assert db.execute("SELECT count(*) FROM exposure_sources e LEFT JOIN reliance r ON r.id = e.reliance_id "
                      "LEFT JOIN citations c ON c.id = r.citation_id WHERE e.nir IS NOT NULL AND c.id IS NULL"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM exposure_sources e LEFT JOIN share_lists s ON s.id = e.share_list_id "
                      "LEFT JOIN citations c ON c.id = s.citation_id WHERE e.share IS NOT NULL AND c.id IS NULL"
                      ).fetchone()[0] == 0


def test_citations_are_distinct_and_keys_hold(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_key_list(reliance)").fetchall()  # the references are declared, not implied
    total, distinct = db.execute("SELECT count(*), count(DISTINCT json_array(source, table_ref, url, note)) "
                                 "FROM citations").fetchone()
    assert total == distinct > 100


def test_reliance_keeps_the_published_form_and_its_bounds(db):
    rows = db.execute("SELECT published, value, bound, low, high FROM reliance").fetchall()
    assert ("E", 0.0, "exact", 0.0, 0.0) in rows
    lower = [r for r in rows if r[0].startswith(">")]
    assert lower and all(r[1] == float(r[0][1:]) and r[2] == "lower" and r[3] == r[1] and r[4] == 100 for r in lower)
    assert all(r[1] is None and r[3] is None for r in rows if r[0] in ("W", "NA"))
    bounded = db.execute("SELECT published, percent, bound, low, high FROM shares WHERE published LIKE '>%' "
                         "OR published LIKE '<%'").fetchall()
    assert bounded and all((b == "lower" and hi == 100) if p[0] == ">" else (b == "upper" and lo == 0)
                           for p, _, b, lo, hi in bounded)


@pytest.mark.parametrize("name", ["gallium", "lithium", "dysprosium", "cobalt", "aluminum"])
def test_the_exposure_view_equals_what_exposure_prints(db, name):
    printed = invoke("exposure", name, "--json").json()
    rows = db.execute("SELECT rank, country, share, share_bound, share_low, share_high, exposure, exposure_bound, "
                      "exposure_low, exposure_high, nir_published FROM exposure WHERE mineral = ? ORDER BY rank",
                      (printed["mineral"],)).fetchall()
    wanted = [(x["rank"], x["country"], x["share_range"]["value"], x["share_range"]["bound"], x["share_range"]["low"],
               x["share_range"]["high"], x["exposure"]["value"], x["exposure"]["bound"], x["exposure"]["low"],
               x["exposure"]["high"], printed["reliance"]["published"]) for x in printed["sources"]]
    assert wanted and rows == wanted


def test_the_result_counts_every_table_and_view(exported, db):
    path, result = exported
    assert result["file"] == str(path) and Path(result["metadata"]) == path.parent / "metadata.json"
    for t in result["tables"]:
        assert db.execute(f'SELECT count(*) FROM "{t["name"]}"').fetchone()[0] == t["rows"], t["name"]
    kinds = {t["name"]: t["kind"] for t in result["tables"]}
    assert kinds["exposure"] == "view" and kinds["reliance"] == "table"
    assert {"world_figures", "export_controls", "stat_values", "list_entries"} <= set(kinds)


def test_the_datasette_metadata_describes_every_table(exported, db):
    path, _ = exported
    meta = json.loads((path.parent / "metadata.json").read_text())
    assert meta["minerals_export"]["database"] == "out.db"
    described = meta["databases"]["out"]["tables"]
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert names == set(described)
    for name, info in described.items():
        assert info["description"] and info["source"] and info["license"], name
    assert "public domain" in described["reliance"]["license"]


def test_csv_and_jsonl_are_one_record_per_table(tmp_path):
    target = tmp_path / "x.db"
    run = invoke("export", "--sqlite", str(target), "--format", "csv")
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows[0]["name"] == "_minerals_export" and all(r["rows"].isdigit() for r in rows)
    lines = invoke("export", "--sqlite", str(target), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["name"] for line in lines] == [r["name"] for r in rows]


def test_table_output_fits_120_columns(tmp_path):
    run = invoke("export", "--sqlite", str(tmp_path / "x.db"))
    assert run.exit_code == 0 and "datasette" in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) <= 120


@pytest.mark.parametrize("content", [b"my own notes\n", None])
def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path, content):
    target = tmp_path / "out.db"
    if content is None:  # a database of someone else's
        other = sqlite3.connect(target)
        other.execute("CREATE TABLE mine (x)")
        other.commit()
        other.close()
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    run = invoke("export", "--sqlite", str(target))
    assert run.exit_code == 2
    assert "is not an export of minerals" in run.stderr and "name a new file" in run.stderr
    assert "Traceback" not in run.stderr
    assert target.read_bytes() == before and not (tmp_path / "metadata.json").exists()


def test_refuses_a_metadata_json_it_did_not_write(tmp_path):
    (tmp_path / "metadata.json").write_text('{"title": "mine"}')
    run = invoke("export", "--sqlite", str(tmp_path / "out.db"))
    assert run.exit_code == 2 and "metadata.json" in run.stderr
    assert (tmp_path / "metadata.json").read_text() == '{"title": "mine"}' and not (tmp_path / "out.db").exists()


def test_replaces_a_previous_export_and_keeps_other_databases_metadata(tmp_path):
    target = tmp_path / "out.db"
    first = invoke("export", "--sqlite", str(target), "--json")
    assert first.exit_code == 0 and first.json()["replaced"] is False
    assert invoke("export", "--sqlite", str(tmp_path / "second.db")).exit_code == 0
    again = invoke("export", "--sqlite", str(target), "--json")
    assert again.exit_code == 0, again.stderr
    assert again.json()["replaced"] is True
    meta = json.loads((tmp_path / "metadata.json").read_text())
    assert {"out", "second"} <= set(meta["databases"])
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT tool FROM _minerals_export").fetchall() == [("minerals",)]


def test_data_dir_with_a_copy_of_the_data(tmp_path, data_copy, exported):
    run = invoke("export", "--sqlite", str(tmp_path / "copy.db"), "--data-dir", str(data_copy), "--json")
    assert run.exit_code == 0, run.stderr
    with sqlite3.connect(tmp_path / "copy.db") as db:
        assert db.execute("SELECT created_from FROM _minerals_export").fetchone()[0] == str(data_copy.resolve())
    assert [(t["name"], t["rows"]) for t in run.json()["tables"]] == [(t["name"], t["rows"]) for t in exported[1]["tables"]]


def test_the_shipped_data_is_never_a_target(tmp_path):
    from minerals_cli import data_dir

    run = invoke("export", "--sqlite", str(data_dir.shipped() / "out.db"))
    assert run.exit_code == 2 and "shipped" in run.stderr


def test_without_sqlite_it_says_what_to_give():
    run = invoke("export")
    assert run.exit_code == 2 and "--sqlite FILE" in run.stderr


def test_the_builder_imports_no_command_line_code():
    folder = Path(minerals_cli.__file__).parent / "export"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in imported if m.split(".")[0] in ("typer", "click", "rich")}, path.name
        assert "--" not in "".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                                   and isinstance(n.value, str) and n.value.startswith("--")), path.name


# --------------------------------------------------------------------------
# Datasette, installed into an environment of its own: the export served as it is


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str):
    """GET a JSON document from the loopback server, never through a proxy."""
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=5) as response:
        return json.load(response)


def _installed_datasette(folder: Path) -> Path:
    """`datasette` in a new virtual environment of its own; the test is skipped, with pip's reason, where it cannot be."""
    import os
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True, timeout=120)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    try:
        pip = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "datasette"],
                             capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.skip("Datasette could not be installed here: pip took over 4 minutes (no network?)")
    if pip.returncode != 0:
        reason = (pip.stderr.strip().splitlines() or ["no message"])[-1]
        pytest.skip(f"Datasette could not be installed here (pip install datasette failed: {reason})")
    return bin_dir / "datasette"


@pytest.mark.optional
def test_datasette_serves_the_export_with_its_metadata(exported, db, tmp_path_factory):
    import subprocess
    import time

    path, _ = exported
    datasette = _installed_datasette(tmp_path_factory.mktemp("datasette-venv"))
    port = _free_port()
    server = subprocess.Popen([str(datasette), "serve", str(path), "-m", str(path.parent / "metadata.json"),
                               "-h", "127.0.0.1", "-p", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.stdout.read().decode(errors="replace")
            try:
                _get_json(f"{base}/-/versions.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "Datasette did not answer within 30 s"
                time.sleep(0.2)
        minerals = _get_json(f"{base}/out/minerals.json?_shape=array&_size=max")
        assert sorted(m["id"] for m in minerals) == sorted(i for (i,) in db.execute("SELECT id FROM minerals"))
        from urllib.parse import quote

        sql = "select published from reliance where commodity_id = 'gallium' and edition = 2026"
        assert _get_json(f"{base}/out.json?sql={quote(sql)}&_shape=array") == [{"published": "100"}]
        served = _get_json(f"{base}/-/metadata.json")
        assert served["title"] == json.loads((path.parent / "metadata.json").read_text())["title"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_the_readme_sql_example_runs_on_the_export(db):
    from helpers import README

    text = README.read_text(encoding="utf-8")
    rest = text[text.index("### SQL and Datasette"):]
    query = rest[rest.index("```sql\n") + 7: rest.index("```", rest.index("```sql\n") + 7)]
    rows = db.execute(query).fetchall()
    assert len(rows) == 5 and all(r[4] is not None for r in rows)
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)
