"""What a hostile or unlucky user finds (issue 11): every one ends in exit 0-3, one message, no traceback.

Streams are tested in a real process (a closed stdout, a full disk and a
narrow encoding only exist there); the rest through the real entry point.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DATA, EXE, MCS_FIXTURES, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# --------------------------------------------------------------------------
# standard output


def shell(command: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, code", [("list", 2), ("show nosuch", 1), ("--help", 2), ("exposure lithium --json", 2)])
def test_a_closed_stdout_is_one_message_and_an_exit_code(env, args, code):
    done = shell(f"'{EXE}' {args} >&-", env)
    assert done.returncode == code and "Traceback" not in done.stderr
    assert done.stderr.count("minerals: error:") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", ["gaps", "exposure --all --json", "--help", "chart --svg -"])
def test_a_full_disk_is_one_message_and_exit_2(env, args):
    done = shell(f"'{EXE}' {args} >/dev/full", env)
    assert done.returncode == 2, done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "variables",
    [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
     {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
    ids=["ascii", "latin-1", "C locale"],
)
@pytest.mark.parametrize("args", [["show", "lithium"], ["exposure", "lithium"], ["list"], ["gaps", "-f", "md"],
                                  ["chart"], ["exposure", "lithium", "--json"], ["summary", "--json"]])
def test_a_stream_that_cannot_encode_the_answer_gets_it_in_its_own_encoding(env, variables, args):
    done = subprocess.run([str(EXE), *args], env={**env, **variables}, capture_output=True, timeout=120)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    encoding = "latin-1" if variables.get("PYTHONIOENCODING") == "latin-1" else "ascii"
    text = done.stdout.decode(encoding)  # raises if a byte is not of the stream's encoding
    if "--json" in args:
        utf8 = subprocess.run([str(EXE), *args], env=env, capture_output=True, timeout=120).stdout
        assert json.loads(text) == json.loads(utf8)  # the same JSON, escaped


def test_a_terminal_table_in_ascii_degrades_to_ascii_lines(env):
    """rich draws boxes; a stream that cannot encode them gets '-', '|' and '+' instead."""
    from minerals_cli.streams import encodable

    class Ascii:
        encoding = "ascii"

    assert encodable("┏━━┓\n┃ — ┃ ≥50\n└──┘", Ascii()) == "+--+\n| - | >=50\n+--+"


# --------------------------------------------------------------------------
# files a command writes


def test_chart_never_writes_into_the_installed_package(cli, tmp_path):
    from minerals_cli import data_dir

    shipped = data_dir.shipped() / "minerals_2025.yaml"
    before = shipped.read_bytes()
    for target in (shipped, Path(data_dir.__file__), data_dir.shipped() / "new.svg"):
        run_ = cli("chart", "--svg", str(target))
        assert run_.exit_code == 2 and ("installed minerals package" in run_.stderr or "shipped" in run_.stderr), run_.stderr
    link = tmp_path / "innocent.svg"
    link.symlink_to(shipped)
    assert cli("chart", "--svg", str(link)).exit_code == 2
    assert shipped.read_bytes() == before


def test_chart_never_overwrites_the_data_it_reads(cli, data_copy, tmp_path):
    target = data_copy / "minerals_2025.yaml"
    before = target.read_bytes()
    hard = tmp_path / "hard.yaml"
    os.link(target, hard)
    for svg in (target, hard):
        run_ = cli("chart", "--data-dir", str(data_copy), "--svg", str(svg))
        assert run_.exit_code == 2 and "inputs" in run_.stderr
    assert target.read_bytes() == before


def test_a_written_file_keeps_its_mode_and_a_link_stays_a_link(cli, tmp_path):
    real = tmp_path / "pictures" / "chart.svg"
    real.parent.mkdir()
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "chart.svg"
    link.symlink_to(real)
    assert cli("chart", "--svg", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text().lstrip().startswith(("<?xml", "<svg"))
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["chart.svg"]  # no temporary file left


def test_a_file_with_other_hard_links_is_updated_for_all_of_them(cli, tmp_path):
    one, other = tmp_path / "one.svg", tmp_path / "other.svg"
    one.write_text("old")
    os.link(one, other)
    assert cli("chart", "--svg", str(one)).exit_code == 0
    assert other.read_text() == one.read_text() != "old" and one.stat().st_ino == other.stat().st_ino


def test_a_temporary_name_of_the_old_kind_is_never_touched(cli, data_copy, tmp_path):
    """ingest-mcs wrote through `<target>.tmp`: a user's file, or a link, of that name must stay as it is."""
    target = data_copy / "import_dependence.yaml"
    mine = data_copy / "import_dependence.yaml.tmp"
    mine.write_text("my notes")
    aside = tmp_path / "aside"
    aside.write_text("do not write here")
    (data_copy / "import_dependence.yaml.rejected").symlink_to(aside)
    run_ = cli("ingest-mcs", str(MCS_FIXTURES / "MCS2026_Fig2_Net_Import_Reliance.csv"), "--data-dir", str(data_copy))
    assert run_.exit_code == 0, run_.stderr
    assert mine.read_text() == "my notes" and aside.read_text() == "do not write here"
    assert target.read_text().startswith("#")


def test_ingest_keeps_the_mode_of_its_target(cli, data_copy):
    target = data_copy / "import_dependence.yaml"
    target.chmod(0o640)
    run_ = cli("ingest-mcs", str(MCS_FIXTURES / "MCS2026_Fig2_Net_Import_Reliance.csv"), "--data-dir", str(data_copy))
    assert run_.exit_code == 0, run_.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_ingest_refuses_to_write_over_one_of_its_inputs(cli, data_copy, tmp_path):
    release = tmp_path / "MCS2026_Fig2_Net_Import_Reliance.csv"
    shutil.copy(MCS_FIXTURES / "MCS2026_Fig2_Net_Import_Reliance.csv", release)
    before = release.read_bytes()
    for output in (release, data_copy / "country_groups.yaml"):
        run_ = cli("ingest-mcs", str(release), "--data-dir", str(data_copy), "--output", str(output))
        assert run_.exit_code == 2 and "inputs" in run_.stderr, run_.stderr
    assert release.read_bytes() == before


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    """The write is interrupted by SIGTERM: the temporary file goes, the target stays, the signal ends the process."""
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from minerals_cli import writes\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "writes.os.fsync = slow\n"
        f"writes.write_file(Path({str(target)!r}), b'new' * 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


# --------------------------------------------------------------------------
# release files, data and messages


def test_a_binary_file_named_like_a_release_file_is_refused(cli, empty_dir, tmp_path):
    fake = tmp_path / "MCS2026_Fig2_Net_Import_Reliance.csv"
    fake.write_bytes(bytes(range(256)) * 4)
    run_ = cli("ingest-mcs", str(fake), "--data-dir", str(empty_dir))
    assert run_.exit_code == 3 and "not a USGS release file" in run_.stderr and str(fake) in run_.stderr
    assert list(empty_dir.iterdir()) == []


def test_a_binary_yaml_value_is_refused(cli, data_copy):
    path = data_copy / "targets.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("targets:", "spare: !!binary aGVsbG8=\ntargets:", 1))
    run_ = cli("exposure", "lithium", "--data-dir", str(data_copy))
    assert run_.exit_code == 3 and "!!binary" in run_.stderr and "targets.yaml" in run_.stderr


def test_escape_sequences_in_data_never_reach_the_terminal(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: lithium", "name: \"lith\\e]0;owned\\aium\\e[2J\""))
    for fmt in ("table", "csv", "md"):
        out = cli("show", "lithium", "-f", fmt, "--data-dir", str(data_copy)).stdout
        assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned" in out, fmt
    assert "\\u001b" in cli("show", "lithium", "--json", "--data-dir", str(data_copy)).stdout


def test_a_huge_name_is_echoed_shortened(cli):
    run_ = cli("exposure", "x" * 100_000)
    assert run_.exit_code == 1 and len(run_.stderr) < 500


def test_a_long_ally_list_is_read_once_per_distinct_name(cli):
    allies = ",".join(["JP", "DE", "fta", "South Korea"] * 4000)
    run_ = cli("exposure", "lithium", "--allies", allies, "--json")
    assert run_.exit_code == 0 and run_.json()["allies"]["parts"] == ["JP", "DE", "fta", "South Korea"]


def test_installing_completion_where_the_rc_file_cannot_be_written(env):
    done = run(["--install-completion", "bash"], {**env, "HOME": "/proc"})
    assert done.returncode == 2 and "cannot write" in done.stderr and "Traceback" not in done.stderr


# --------------------------------------------------------------------------
# random command lines


WORDS = ["list", "diff", "show", "summary", "exposure", "country", "gaps", "scenario", "validate", "chart",
         "ingest-mcs", "--json", "-f", "--format", "csv", "md", "table", "json", "--list", "-l", "2018", "2022",
         "2025", "2025-draft", "--edition", "-e", "2024", "2026", "1999", "--allies", "fta,JP", "none", "",
         "--cut", "CN", "--target", "50", "101", "-1", "--all", "lithium", "Nd", "rare earths", "nosuch",
         "--new-in", "--removed-in", "--group", "ree", "pgm", "--svg", "out.svg", "-", "--output", "o.yaml",
         "--data-dir", ".", "data", "--help", "--", "-x", "--bogus", "\x1b[2J", "x" * 300, "é", "\u202e"]


@settings(max_examples=int(os.environ.get('MINERALS_TEST_EXAMPLES', '150')), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=7))
def test_no_command_line_ends_in_a_traceback_or_an_exit_code_outside_0_to_3(cli, tmp_path_factory, line):
    work = tmp_path_factory.mktemp("line")
    (work / "data").mkdir()
    for f in DATA.glob("*.yaml"):
        shutil.copy(f, work / "data" / f.name)
    here = os.getcwd()
    os.chdir(work)
    try:
        done = cli(*line, env={"HOME": str(work)})
    finally:
        os.chdir(here)
    assert done.exit_code in (0, 1, 2, 3), (line, done.stderr[-500:])
    assert "Traceback" not in done.stderr


def test_a_device_as_the_target_is_written_to_not_replaced(cli):
    run_ = cli("chart", "--svg", os.devnull)
    assert run_.exit_code == 0 and Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_ctrl_c_ends_quietly_with_130(env):
    """SIGINT in the middle of a run: one line, the shell's exit code, no traceback."""
    script = ("import os, signal, sys\n"
              "from minerals_cli import entry\n"
              "from minerals_cli.analysis import exposure\n"
              "real = exposure.exposures\n"
              "def interrupted(*a, **k):\n"
              "    os.kill(os.getpid(), signal.SIGINT)\n"
              "    return real(*a, **k)\n"
              "exposure.exposures = interrupted\n"
              "entry.main(['exposure', 'lithium', '--json'])\n")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 130 and done.stderr == "minerals: interrupted\n" and done.stdout == ""
