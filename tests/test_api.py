"""The Python API (minerals_cli.open): the same results as the commands, no printing, the project's own errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import DATA, README_TEXT, python_block_after

import minerals_cli as minerals
from minerals_cli.errors import DataError, NotFound, UsageError


@pytest.fixture(scope="module")
def data():
    return minerals.open()


# A call of the API and the command line that answers the same question.
SAME = [
    (lambda d: d.list(), ["list"]),
    (lambda d: d.list("eu-2023-critical"), ["list", "--list", "eu-2023-critical"]),
    (lambda d: d.list(new_in="2025"), ["list", "--new-in", "2025"]),
    (lambda d: d.lists(), ["lists"]),
    (lambda d: d.diff("2022", "2025"), ["diff", "2022", "2025"]),
    (lambda d: d.diff("2025", "eu-2023-critical"), ["diff", "2025", "eu-2023-critical"]),
    (lambda d: d.compare(), ["compare"]),
    (lambda d: d.show("lithium"), ["show", "lithium"]),
    (lambda d: d.show(["lithium", "cobalt"]), ["show", "lithium", "cobalt"]),
    (lambda d: d.exposure("lithium"), ["exposure", "lithium"]),
    (lambda d: d.exposure("aluminum", form="metal"), ["exposure", "aluminum", "--form", "metal"]),
    (lambda d: d.exposure(["gallium", "germanium"], allies="fta,JP"), ["exposure", "gallium", "germanium", "-a", "fta,JP"]),
    (lambda d: d.exposure(every=True, list_id="2022"), ["exposure", "--all", "--list", "2022"]),
    (lambda d: d.revisions("cobalt"), ["revisions", "cobalt"]),
    (lambda d: d.world("gallium"), ["world", "gallium"]),
    (lambda d: d.stats("antimony"), ["stats", "antimony"]),
    (lambda d: d.controls(as_of="2026-01-15"), ["controls", "--as-of", "2026-01-15"]),
    (lambda d: d.country("China"), ["country", "China"]),
    (lambda d: d.gaps(), ["gaps"]),
    (lambda d: d.gaps(targets=[75]), ["gaps", "--target", "75"]),
    (lambda d: d.scenario(["CN", "RU"]), ["scenario", "--cut", "CN", "--cut", "RU"]),
    (lambda d: d.scenario(controls="ban,quota"), ["scenario", "--controls", "ban,quota"]),
    (lambda d: d.summary(edition=2025), ["summary", "--edition", "2025"]),
    (lambda d: d.overview(), ["overview"]),
    (lambda d: d.chart(), ["chart"]),
]


@pytest.mark.parametrize("ask, line", SAME, ids=[" ".join(line) for _, line in SAME])
def test_each_method_returns_what_its_command_prints(data, cli, ask, line):
    """The same object the command renders: its JSON is the command's JSON (up to how a choice was given)."""
    result = ask(data)
    found = json.loads(json.dumps([r.to_dict() for r in result] if isinstance(result, list) else result.to_dict()))
    printed = cli(*line, "--json").json()
    assert _words(found) == _words(printed)


def _words(doc):
    """The JSON with the words of how a choice was given made alike ('given with allies=' / '--allies')."""
    text = json.dumps(doc)
    for api, cli in (("allies=", "--allies"), ("targets=", "--target"), ("cut=", "--cut"), ("list_id=", "--list")):
        text = text.replace(api, cli)
    return json.loads(text)


def test_one_name_is_one_result_several_or_every_a_list(data):
    assert data.exposure("lithium").mineral == "lithium"
    assert [r.mineral for r in data.exposure(["lithium"])] == ["lithium"]
    assert len(data.exposure(every=True)) == 60
    assert [r.name for r in data.show(("lithium", "cobalt"))] == ["lithium", "cobalt"]


def test_the_api_prints_nothing(data, capsys):
    data.overview(), data.gaps(), data.exposure("gallium"), data.scenario("CN"), data.show("rare earths")
    with pytest.raises(NotFound):
        data.exposure("unobtainium")
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


@pytest.mark.parametrize("ask, error", [
    (lambda d: d.exposure("unobtainium"), NotFound),
    (lambda d: d.country("Atlantis"), NotFound),
    (lambda d: d.country("IS"), NotFound),  # no U.S. imports recorded from Iceland
    (lambda d: d.list("2019"), UsageError),
    (lambda d: d.exposure(["lithium", "cobalt"], form="metal"), UsageError),
    (lambda d: d.exposure(), UsageError),
    (lambda d: d.scenario(), UsageError),
    (lambda d: d.stats("antimony", series="weather"), UsageError),
    (lambda d: d.summary(edition=1999), UsageError),
])
def test_mistakes_raise_the_project_s_own_errors(data, ask, error):
    with pytest.raises(error) as raised:
        ask(data)
    assert str(raised.value).strip()


def test_a_damaged_data_directory_is_a_data_error(tmp_path):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "import_dependence.yaml").write_text("editions: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        minerals.open(tmp_path / "data").exposure("lithium")


def test_records_and_dataframes_of_one_result_or_several(data):
    pandas = pytest.importorskip("pandas")
    both = data.exposure(["lithium", "cobalt"])
    records = minerals.records(both)
    assert records == both[0].to_records() + both[1].to_records()
    frame = minerals.to_dataframe(both)
    assert list(frame.columns) == list(records[0]) and len(frame) == len(records)
    overview = data.overview().to_dataframe()
    assert len(overview) == 60 and pandas.api.types.is_numeric_dtype(overview["china_share"])


def test_to_dataframe_without_pandas_says_how_to_get_it(data, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(UsageError, match=r"minerals\[pandas\]"):
        data.overview().to_dataframe()


def test_the_readme_python_example_runs_as_written_and_agrees_with_the_command(cli, tmp_path):
    """Run in a fresh interpreter from a folder outside the checkout, as a new user would paste it."""
    pytest.importorskip("pandas")
    block = python_block_after(README_TEXT, "### Python")
    check = "\nimport json; print('RESULT', json.dumps(lithium.to_dict()))\n"
    run = subprocess.run([sys.executable, "-c", block + check], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={"PATH": "", "NO_COLOR": "1"})
    assert run.returncode == 0, run.stderr
    printed = cli("exposure", "lithium", "--json").json()
    shown = json.loads(run.stdout.split("RESULT ", 1)[1])
    assert shown == printed
    first = run.stdout.splitlines()[0].split()
    assert first == [printed["reliance"]["published"], repr(printed["china"]["share"]["value"]),
                     repr(printed["china"]["share"]["high"])]
