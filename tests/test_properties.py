"""Property tests: random data directories never crash a command, and shares stay within 0-100.

Each example writes a small but complete and valid data directory (minerals,
trade, countries, targets), then runs every command on it through the real
Typer app.  CliRunner is called with catch_exceptions=False (see conftest),
so any traceback fails the test; exit codes other than 0-3 fail it too.
A second property feeds the loader arbitrary bytes and arbitrary YAML trees.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# `cli` is a stateless function-scoped fixture, safe to share across examples.
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
COUNTRIES = [("CN", "China"), ("CA", "Canada"), ("AU", "Australia"), ("JP", "Japan"), ("CD", "Congo (Kinshasa)"),
             ("KR", "Republic of Korea"), ("DE", "Germany")]
# The United States is in the registry and in groups (as in nato and g7), never an import source.
REGISTRY = [*COUNTRIES, ("US", "United States")]
CITE = {"source": "hypothesis test data"}
EXIT_CODES = {0, 1, 2, 3}
# Numbers that are percentages of consumption or of imports, by the last key of their path.
PERCENT_KEYS = {"value", "low", "high", "share", "percent", "exposure", "nir"}
NOT_PERCENT = re.compile(r"hhi|concentration|change|count|edition|year|rank|covered|units")


# --------------------------------------------------------------------------
# strategies


@st.composite
def published_nir(draw):
    kind = draw(st.sampled_from(["exact", "exact", ">", "<", "E", "W", "NA"]))
    if kind == "exact":
        return draw(st.integers(0, 100).map(str) | st.floats(0, 100).map(lambda v: f"{v:.1f}")), None
    if kind in "<>":
        return f"{kind}{draw(st.integers(0, 100))}", None
    return kind, (None if kind == "E" else "withheld")


@st.composite
def share_list(draw, codes):
    """Named shares and possibly 'Other', summing to exactly 100 (complete) or less (partial)."""
    chosen = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=len(codes), unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=len(chosen), max_size=len(chosen))))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 100])]
    names = dict(COUNTRIES)
    shares = [{"country": c, "name": names[c], "percent": p} for c, p in zip(chosen, parts)]
    other = parts[-1]
    if other:
        shares.append({"country": None, "name": "Other", "percent": other})
    complete = draw(st.booleans())
    if not complete:
        shares = shares[: draw(st.integers(1, len(shares)))]
    return shares, complete or sum(s["percent"] for s in shares) == 100


@st.composite
def datasets(draw):
    years = sorted(draw(st.lists(st.integers(2015, 2030), min_size=1, max_size=3, unique=True)))
    list_ids = [str(y) for y in years]
    statuses = [draw(st.sampled_from(["final", "draft"])) for _ in list_ids]  # drafts only is allowed
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    commodities = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    minerals = []
    for name in names:
        minerals.append({
            "id": name,
            "name": name,
            "symbol": draw(st.none() | st.sampled_from(["Aa", "Bb", "Cc"])) if name == names[0] else None,
            "group": draw(st.none() | st.sampled_from(["rare earth element", "platinum group metal"])),
            "aliases": [name + "ite"] if draw(st.booleans()) else [],
            "lists": draw(st.lists(st.sampled_from(list_ids), unique=True)),
            "commodity": draw(st.none() | st.sampled_from(commodities)),
        })
    finals = []
    lists = []
    for lid, status in zip(list_ids, statuses):
        lists.append({
            "id": lid, "title": f"List {lid}", "status": status, "published": f"{lid}-06-01",
            "count": sum(lid in m["lists"] for m in minerals),
            "previous_final": finals[-1] if finals else None, "citation": CITE,
        })
        if status == "final":
            finals.append(lid)

    codes = [c for c, _ in COUNTRIES]
    editions = sorted(draw(st.lists(st.integers(2024, 2027), min_size=0, max_size=3, unique=True)))
    trade = []
    for cid in commodities:
        record = {"id": cid, "name": cid.upper(), "reliance": [], "import_shares": [], "ranked_sources": []}
        for ed in editions:
            if draw(st.booleans()):
                published, reason = draw(published_nir())
                rel = {"edition": ed, "year": ed - 1, "published": published, "source": CITE}
                if reason:
                    rel["reason"] = reason
                record["reliance"].append(rel)
            if draw(st.booleans()):
                shares, complete = draw(share_list(codes))
                record["import_shares"].append(
                    {"edition": ed, "period": "2020-23", "complete": complete, "shares": shares, "source": CITE})
            if draw(st.booleans()):
                ranked = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True))
                record["ranked_sources"].append({"edition": ed, "period": "2020-23", "source": CITE,
                                                 "countries": [{"country": c, "name": dict(COUNTRIES)[c]} for c in ranked]})
        trade.append(record)

    groups = []
    for gid in ("fta", "msp", "g7", "nato", "feoc"):
        members = draw(st.lists(st.sampled_from([*codes, "US"] if gid in ("g7", "nato") else codes), unique=True))
        groups.append({"id": gid, "name": gid.upper(), "members": members, "as_of": "2026-01-01", "source": CITE})
    headlines = [
        {"edition": ed, "list": draw(st.sampled_from(list_ids)), "at_100": draw(st.integers(0, 5)),
         "over_50": draw(st.integers(0, 5)), "source": CITE,
         "rule": draw(st.sampled_from(["lanthanides individually", "rare earths as one group"]))}
        for ed in editions if draw(st.booleans())
    ]
    return {
        "minerals_2025.yaml": {"lists": lists, "minerals": minerals},
        "import_dependence.yaml": {
            "editions": [{"edition": e, "data_year": e - 1, "shares_period": "2020-23", "title": f"MCS {e}",
                          "citation": CITE} for e in editions],
            "commodities": trade,
            "headline_counts": headlines,
        },
        "country_groups.yaml": {"countries": [{"code": c, "name": n} for c, n in REGISTRY], "groups": groups},
        "targets.yaml": {"targets": [
            {"id": "allied-50-2030", "description": "x", "kind": "allied share", "value": 50, "year": 2030,
             "verified": False, "stated_in": CITE},
            {"id": "allied-90-2030", "description": "x", "kind": "allied share", "value": 90, "year": 2030,
             "verified": False, "stated_in": CITE},
            {"id": "autonomy-65", "description": "x", "kind": "autonomy rate", "value": 65, "baseline": 38,
             "verified": False, "stated_in": CITE},
        ]},
    }


# --------------------------------------------------------------------------
# helpers


def write(files: dict, directory: Path) -> None:
    for name, doc in files.items():
        (directory / name).write_text(yaml.safe_dump(doc, sort_keys=False))


def commands(files: dict, available: set[str]) -> list[list[str]]:
    lists = [entry["id"] for entry in files["minerals_2025.yaml"]["lists"]]
    minerals = [m["id"] for m in files["minerals_2025.yaml"]["minerals"]]
    editions = [str(e["edition"]) for e in files["import_dependence.yaml"]["editions"]]
    runs = [["list", "--list", lid] for lid in lists]
    runs += [["diff", lists[0], lists[-1]]]
    runs += [["show", m] for m in minerals]
    runs += [["chart"]] + [["chart", "--edition", e, "--list", lists[-1]] for e in editions]
    optional = [["exposure", minerals[0]], ["country", "CN"], ["country", "CN", "--list", lists[-1]],
                ["gaps"], ["gaps", "--list", lists[-1]], ["scenario", "--cut", "CN"],
                ["scenario", "--cut", "CN", "--list", lists[-1]], ["scenario", "--cut", "g7,nato"], ["summary"]]
    optional += [["exposure", minerals[-1], "--edition", e] for e in editions[:1]]
    optional += [["summary", "--edition", e] for e in editions] + [["summary", "--list", lists[0]]]
    runs += [r for r in optional if r[0] in available]
    return runs


def percent_problems(node, path=()) -> list[str]:
    """Paths of percentages outside 0-100 anywhere in a JSON document."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            found += percent_problems(v, (*path, str(k)))
    elif isinstance(node, list):
        for v in node:
            found += percent_problems(v, (*path, "[]"))
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and path:
        key = path[-1]
        is_percent = key in PERCENT_KEYS or "share" in key or "percent" in key
        if is_percent and not any(NOT_PERCENT.search(p) for p in path) and not 0 <= node <= 100:
            found.append(f"{'.'.join(path)} = {node}")
    return found


def available_commands() -> set[str]:
    from typer.main import get_command

    from minerals_cli.cli import app

    return set(get_command(app).commands)


AVAILABLE = available_commands()


# --------------------------------------------------------------------------
# properties


@SETTINGS
@given(files=datasets())
def test_random_valid_datasets_never_crash_and_shares_stay_in_range(cli, files):
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        write(files, directory)
        check = cli("validate", str(directory), "--json")
        assert check.exit_code == 0, check.stdout
        for args in commands(files, AVAILABLE):
            run = cli(*args, "--json", "--data-dir", str(directory))
            assert run.exit_code in EXIT_CODES, (args, run.exit_code, run.stderr)
            if run.exit_code == 0:
                assert percent_problems(json.loads(run.stdout)) == [], args
            else:
                assert run.stderr.strip(), args


@SETTINGS
@given(files=datasets())
def test_chart_bars_are_within_0_100_and_sorted(cli, files):
    with tempfile.TemporaryDirectory() as tmp:
        write(files, Path(tmp))
        run = cli("chart", "--json", "--data-dir", tmp)
        if not files["import_dependence.yaml"]["editions"]:
            # a data error (exit 3, was 2): data without editions cannot answer, whatever the user typed
            assert run.exit_code == 3 and "no MCS edition" in run.stderr
            return
        assert run.exit_code == 0, run.stderr
        chart = run.json()
        values = [b["value"] for b in chart["bars"]]
        assert values == sorted(values, reverse=True)
        assert all(0 <= v <= 100 for v in values)
        for bar in chart["bars"]:
            lead = bar["leading_source"]
            assert lead is None or lead["percent"] is None or 0 <= lead["percent"] <= 100
        charted = [m for b in chart["bars"] for m in b["minerals"]] + [m for u in chart["unknown"] for m in u["minerals"]]
        on_list = [m["id"] for m in files["minerals_2025.yaml"]["minerals"] if chart["list"] in m["lists"]]
        assert sorted(charted) == sorted(on_list)


@SETTINGS
@given(files=datasets())
def test_defaults_come_from_the_data(cli, files):
    """Without --edition and --list, every command runs on an edition and a list the data holds."""
    editions = [e["edition"] for e in files["import_dependence.yaml"]["editions"]]
    if not editions:
        return  # covered above: a data error naming the problem
    with_figures = {r["edition"] for c in files["import_dependence.yaml"]["commodities"] for r in c["reliance"]}
    edition = max((e for e in editions if e in with_figures), default=max(editions))
    lists = files["minerals_2025.yaml"]["lists"]
    finals = [entry for entry in lists if entry["status"] == "final"] or lists
    latest_final = max(finals, key=lambda entry: entry["published"])["id"]
    minerals = files["minerals_2025.yaml"]["minerals"]
    with tempfile.TemporaryDirectory() as tmp:
        write(files, Path(tmp))
        for args in (["summary"], ["chart"], ["exposure", minerals[0]["id"]], ["country", "CN"], ["gaps"],
                     ["scenario", "--cut", "CN"]):
            run = cli(*args, "--json", "--data-dir", tmp)
            if args[0] == "country" and run.exit_code == 1:  # no U.S. imports from CN in this data: said, with both
                assert f"no match in the data: no U.S. imports from China (CN) are recorded for the {latest_final} " \
                       f"list in MCS {edition}" in run.stderr, run.stderr
                continue
            assert run.exit_code == 0, (args, run.stderr)
            result = run.json()
            assert result["edition"] == edition, args
            if args[0] in ("country", "gaps", "scenario"):
                assert result["list"] == latest_final, args
            elif "list" in result:
                assert result["list"] in {entry["id"] for entry in lists}, args


yaml_trees = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)


@SETTINGS
@given(name=st.sampled_from(["minerals_2025.yaml", "import_dependence.yaml", "country_groups.yaml", "targets.yaml"]),
       tree=yaml_trees)
def test_any_yaml_tree_is_validated_or_refused_never_crashes(cli, name, tree):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_text(yaml.safe_dump(tree))
        run = cli("validate", tmp, "--json")
        assert run.exit_code in (0, 3)
        report = run.json()
        assert report["valid"] == (run.exit_code == 0)
        assert all(p["file"].endswith(name) for p in report["problems"])


@SETTINGS
@given(content=st.binary(max_size=300))
def test_any_bytes_are_validated_or_refused_never_crash(cli, content):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "minerals_2025.yaml").write_bytes(content)
        assert cli("validate", tmp, "--json").exit_code in (0, 3)
        assert cli("list", "--data-dir", tmp).exit_code in (0, 1, 2, 3)
