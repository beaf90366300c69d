"""The installed `minerals` executable in a real process: pipes, widths, stderr, completion.

CliRunner cannot show what a shell sees (a reader that goes away, the
interpreter's exit-time flush, the console-script wrapper), so these few
tests run the executable installed next to the test's Python.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import DATA, EXE, run


def test_head_closing_the_pipe_ends_quietly(env, tmp_path):
    err = tmp_path / "stderr"
    shell = f"'{EXE}' list --json 2>'{err}' | head -c 10; echo; echo \"status=${{PIPESTATUS[0]}}\""
    done = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, text=True, timeout=120)
    first, status = done.stdout.split("\n")[:2], done.stdout.strip().splitlines()[-1]
    assert first[0] == "{" and first[1].startswith('  "')
    assert status == "status=0"
    assert err.read_text() == ""


@pytest.mark.parametrize(
    "data, unbuffered",
    [("shipped", ""), ("own", ""), ("own", "1"), ("shipped", "1")],
)
def test_reader_gone_before_any_output(env, data, unbuffered, tmp_path):
    """The worst case for a broken pipe: nothing could be written at all (the own data validated first)."""
    env["PYTHONUNBUFFERED"] = unbuffered
    if data == "own":
        own = tmp_path / "own"
        own.mkdir()
        for f in DATA.glob("*.yaml"):
            (own / f.name).write_bytes(f.read_bytes())
        env["MINERALS_DATA_DIR"] = str(own)
    proc = subprocess.Popen([str(EXE), "show", "lithium", "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert stderr == b""


def test_python_dash_m(env):
    done = subprocess.run([sys.executable, "-m", "minerals_cli", "--help"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("Usage: minerals ") and done.stderr == ""


@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "-f", "md"], ["show", "lithium"], ["diff", "2022", "2025"], ["validate", str(DATA)]],
)
def test_piped_output_does_not_depend_on_the_terminal_width(env, args):
    narrow = run(args, {**env, "COLUMNS": "40"})
    wide = run(args, {**env, "COLUMNS": "200"})
    assert narrow.returncode == 0, narrow.stderr
    assert narrow.stdout == wide.stdout and narrow.stdout


def test_piped_output_has_no_colour_even_without_no_color(env):
    del env["NO_COLOR"]
    out = run(["list"], env).stdout
    assert "\x1b[" not in out and "─" not in out and "│" not in out


@pytest.mark.parametrize(
    "args, code, says",
    [
        (["show", "litium"], 1, "did you mean: lithium"),
        (["list", "--list", "2019"], 2, "valid lists: 2018, 2022, 2025-draft, 2025"),
        (["list", "--format", "xml"], 2, "xml"),
    ],
)
def test_user_mistakes_end_with_one_message_and_the_exit_code(env, args, code, says):
    done = run(args, env)
    assert done.returncode == code and done.stdout == ""
    assert says in done.stderr and "Traceback" not in done.stderr


def test_broken_data_dir_gives_file_line_field(env, tmp_path):
    text = (DATA / "minerals_2025.yaml").read_text()
    (tmp_path / "minerals_2025.yaml").write_text(text.replace("- id: lithium\n  name: lithium\n", "- id: lithium\n"))
    done = run(["list"], {**env, "MINERALS_DATA_DIR": str(tmp_path)})
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert f"{tmp_path / 'minerals_2025.yaml'}:" in done.stderr and ": minerals." in done.stderr and ".name: " in done.stderr
    done = run(["validate", str(tmp_path), "--json"], env)
    assert done.returncode == 3 and json.loads(done.stdout)["problems"][0]["field"].endswith(".name")


def test_python_object_tag_is_refused(env, tmp_path):
    marker = tmp_path / "owned"
    (tmp_path / "minerals_2025.yaml").write_text(f"lists: !!python/object/apply:os.system ['touch {marker}']\n")
    done = run(["list", "--data-dir", str(tmp_path)], env)
    assert done.returncode == 3 and "refused" in done.stderr and not marker.exists()


def test_chart_svg_through_the_executable(env, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for f in DATA.glob("*.yaml"):
        (data / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out.svg"
    done = run(["chart", "--data-dir", str(data), "--svg", str(out)], env)
    assert done.returncode == 0, done.stderr
    assert ET.parse(out).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def complete(env, words: str, cword: int) -> subprocess.CompletedProcess:
    return run([], {**env, "_MINERALS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})


def test_shell_completion_of_commands_and_list_ids(env):
    assert "chart" in complete(env, "minerals ch", 1).stdout.split()
    assert complete(env, "minerals chart --list 20", 3).stdout.split() == ["2018", "2022", "2025", "2025-draft"]


def test_shell_completion_on_a_broken_data_dir_is_silent(env, tmp_path):
    (tmp_path / "minerals_2025.yaml").write_text("lists: [\n")
    done = complete(env, f"minerals chart --data-dir {tmp_path} --list 20", 5)
    assert done.returncode == 0 and done.stdout.strip() == "" and done.stderr == ""


def test_show_completion_script(env):
    done = run(["--show-completion", "bash"], env)
    assert done.returncode == 0 and "_MINERALS_COMPLETE=complete_bash" in done.stdout


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="only CI is sure to install the package non-editable")
def test_ci_tests_the_installed_package_not_the_checkout():
    """pytest's importlib mode (pyproject.toml) keeps the checkout off sys.path: CI tests the wheel."""
    import minerals_cli

    source = DATA.parent.resolve() / "minerals_cli"
    assert Path(minerals_cli.__file__).resolve().parent != source


HEAVY = {"typer", "pydantic", "pydantic_core", "yaml", "rich", "dataclasses", "inspect"}
PROBE = """
import sys
from minerals_cli.entry import main
try:
    main({args!r})
except SystemExit:
    pass
sys.stderr.write(repr(sorted({{m.split(".")[0] for m in sys.modules}} & {heavy!r})))
"""


@pytest.mark.parametrize(
    "args",
    [["exposure", "lithium", "--json"], ["exposure", "--all", "-f", "csv"], ["exposure", "cobalt"], ["list", "--json"],
     ["summary", "--json"], ["gaps", "--json"], ["scenario", "--cut", "CN", "--json"], ["country", "CN", "--json"],
     ["show", "Nd", "-f", "md"], ["diff", "2022", "2025", "--json"], ["chart"], ["--help"], ["exposure", "--help"]],
    ids=" ".join,
)
def test_an_ordinary_run_imports_no_heavy_library(env, args):
    """Fast by construction: the quick path and the stored forms leave typer, pydantic, yaml and rich alone."""
    probe = [sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)]
    subprocess.run(probe, env=env, capture_output=True, timeout=120)  # a checkout's first run validates and stores
    done = subprocess.run(probe, env=env, capture_output=True, text=True, timeout=120)
    assert done.stderr.endswith("[]"), done.stderr[-300:]
