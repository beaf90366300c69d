"""Safe loading: hostile and unreadable files are refused cleanly, by validate and by every other command.

dataset/safe_yaml.py refuses Python tags, deep nesting, alias bombs,
self-references and files over MAX_BYTES before any of it is built.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import edit, line_of, problems

from minerals_cli.dataset import safe_yaml
from minerals_cli.errors import DataError

TRACEBACK = "Traceback"


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
        fh.truncate(safe_yaml.MAX_BYTES + 1)  # sparse: no 20 MB written to disk
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


# --------------------------------------------------------------------------
# the same limits, called as a library: parse() raises Refused with each problem located


def test_parse_returns_plain_data(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("lists:\n- id: '2025'\n  count: 60\n")
    assert safe_yaml.parse(path) == {"lists": [{"id": "2025", "count": 60}]}


SHIPPED = sorted((Path(__file__).parents[2] / "data").glob("*.yaml"))
# What the one-walk reader hands to PyYAML's constructor instead: dates, merge keys, repeated keys, other tags.
UNUSUAL = ["on: 2026-12-01\n", "a: &a {x: 1}\nb: {<<: *a, y: 2}\n", "a: 1\na: 2\n", "a: !!set {x}\n",
           "a: 0x1F\nb: 1_000\nc: 1.5e3\nd: ~\ne: yes\nf: '12'\ng: !!str 12\nh: [&s x, *s]\n"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_reads_as_pyyaml_builds_it(path):
    import yaml

    assert safe_yaml.parse(path) == yaml.load(path.read_bytes(), Loader=yaml.SafeLoader)


@pytest.mark.parametrize("text", UNUSUAL)
def test_what_the_quick_reader_leaves_to_pyyaml_still_reads_as_pyyaml_builds_it(tmp_path, text):
    import yaml

    path = tmp_path / "x.yaml"
    path.write_text(text)
    assert safe_yaml.parse(path) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("kind, says", [("python tag", "!!python/object/apply:os.system"), ("alias bomb", "aliases"),
                                        ("self reference", "refers to itself")])
def test_parse_refuses_with_the_file_named(tmp_path, kind, says):
    path = tmp_path / "minerals_2025.yaml"
    path.write_text(hostile(kind))
    with pytest.raises(safe_yaml.Refused) as caught:
        safe_yaml.parse(path)
    [problem] = caught.value.problems
    assert problem.file == str(path) and says in problem.message
    with pytest.raises(DataError) as as_data_error:
        safe_yaml.read_yaml(path)
    assert as_data_error.value.exit_code == 3 and as_data_error.value.problems == [str(problem)]


def test_nesting_up_to_max_depth_is_data_one_more_level_is_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * safe_yaml.MAX_DEPTH + "]" * safe_yaml.MAX_DEPTH + "\n")
    assert safe_yaml.parse(path) is not None
    path.write_text("[" * (safe_yaml.MAX_DEPTH + 1) + "]" * (safe_yaml.MAX_DEPTH + 1) + "\n")
    with pytest.raises(safe_yaml.Refused) as caught:
        safe_yaml.parse(path)
    assert f"nested more than {safe_yaml.MAX_DEPTH} levels deep" in caught.value.problems[0].message


def test_a_problem_reads_file_line_field_message():
    assert str(safe_yaml.Problem("d/x.yaml", 7, "minerals.3.name", "Field required")) == \
        "d/x.yaml:7: minerals.3.name: Field required"
    assert str(safe_yaml.Problem("d/x.yaml", None, None, "empty")) == "d/x.yaml:?: empty"


def test_line_of_follows_a_field_path_to_its_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("lists:\n- id: a\n- id: b\n  count: 3\n")
    nodes = safe_yaml.line_index(path)
    assert safe_yaml.line_of(nodes, ("lists", 1, "count")) == 4
    assert safe_yaml.line_of(nodes, ("lists", 1, "nothing")) == 3  # the nearest node the path reaches
    assert safe_yaml.line_of(None, ("lists",)) is None
