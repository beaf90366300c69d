#!/usr/bin/env python3
"""Speed and memory benchmark of the `minerals` command (acceptance of issue 10).

Times whole processes, as a user in a shell or a script sees them, and
reports every median as a ratio to a bare `python -c pass` (the venv's
interpreter) timed in the same run, with the median peak RSS of each case:

- normal runs: the validated-data store under XDG_CACHE_HOME is filled;
- a table in a pseudo-terminal (stdout and stderr a pty, 100 columns);
- first runs: a new, empty XDG_CACHE_HOME for every run, on the shipped
  data (validated at install time) and on a user's data directory (a copy,
  so validation is needed);
- the batch `exposure --all --json` against a single `exposure`;
- scale: synthetic data about 10x and 100x the shipped size (bench/synth.py),
  normal and first runs of `exposure lithium --json` and `summary --json`;
- pandas: bench/pandas_exposure.py, the script a user would otherwise write.

Standard library only.  Usage (see bench/README.md):

    python bench/run.py [--venv DIR] [--runs N] [--no-scale] [--no-pandas] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import (  # noqa: E402  (bench/ is not a package)
    NOT_A_USERS_SHELL, TERMINAL, Case, Spawner, clean_environment, reference_rss_kib, summarise, time_interleaved,
)

HERE = Path(__file__).resolve().parent
BARE = "python -c pass"
EXPOSURE = ["exposure", "lithium", "--json"]
NORMAL = [EXPOSURE, ["list", "--json"], ["summary", "--json"], ["gaps", "--json"],
          ["scenario", "--cut", "CN", "--json"], ["country", "CN", "--json"], ["--help"]]
SCALED = [EXPOSURE, ["summary", "--json"]]
LIMITS = {"normal": 6.0, "pty": 9.0, "first_install": 8.0, "first_user": 30.0, "batch": 2.0,
          "rss": 3.0, "scale_normal": 3.0}
LINEAR_SLACK = 1.25
COPY_MARK = "\n# copied by bench/run.py: same data, other bytes, so no stored validated form matches\n"

LBL_PTY = "terminal: minerals exposure lithium (table, pty)"
LBL_FIRST_INSTALL = "first run after install: minerals exposure lithium --json"
LBL_FIRST_USER = "first run, user data dir: minerals exposure lithium --json --data-dir COPY"
LBL_BATCH = "batch: minerals exposure --all --json"
LBL_PANDAS = "pandas: pandas_exposure.py lithium"


def normal_label(cmd: list[str]) -> str:
    """One spelling per case, shared by the tables, the targets and the JSON."""
    return "normal: minerals " + " ".join(cmd)


def main(argv: list[str] | None = None) -> int:
    """Start-up group, scale group, then the verdicts; the temporary folder always goes."""
    args = parse_args(argv)
    bindir = venv_bin(args.venv)
    python, minerals = bindir / "python", bindir / "minerals"
    if not minerals.exists():
        sys.exit(f"bench: {minerals} not found; give the project's venv with --venv DIR")
    sys.stdout.reconfigure(line_buffering=True)  # the report and the progress lines on stderr stay in order
    work = Path(tempfile.mkdtemp(prefix="minerals-bench-"))
    spawner = Spawner(python, work)
    try:
        env, removed = clean_environment()
        report = {"machine": machine(python, minerals, env, removed)}
        shipped = shipped_data_dir(python, env)
        user_copy = copy_as_user_data(shipped, work / "data-x1")
        if not args.no_startup:
            pandas = None if args.no_pandas else pandas_interpreter(args, python)
            cases = startup_cases(python, minerals, shipped, user_copy, pandas, env, work)
            report["startup"] = timed_group("start-up", spawner, cases, args.runs, work)
            print_startup(report["startup"], args.runs)
        if not args.no_scale:
            report["scale"] = scale(args, spawner, python, minerals, shipped, user_copy, env, work)
        report["rss_check"] = rss_check(spawner, python, minerals, env, work, report.get("startup"))
        report["targets"] = targets(report)
        print_targets(report["targets"], report.get("startup"))
        print_rss_check(report["rss_check"], report.get("startup"))
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    finally:
        spawner.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def parse_args(argv):
    """The options of the issue-5 script, kept so existing command lines still work."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--venv", help="the virtualenv where `minerals` is installed (default: the one running this script)")
    p.add_argument("--runs", "-n", type=int, default=20, help="timed runs per start-up case (default 20)")
    p.add_argument("--scale-runs", type=int, default=5, help="timed runs per scale case (default 5)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up cases (scale only)")
    p.add_argument("--no-scale", action="store_true", help="skip the synthetic 10x / 100x data")
    p.add_argument("--factors", default="10,100", help="synthetic data sizes (default 10,100)")
    p.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    p.add_argument("--pandas-python", help="an interpreter that already has pandas and pyyaml")
    p.add_argument("--pandas-venv", default=str(cache_home() / "minerals-bench" / "pandas-venv"),
                   help="where to create a venv for pandas if needed (default: %(default)s)")
    p.add_argument("--json", metavar="FILE", help="also write every figure and verdict as JSON")
    return p.parse_args(argv)


def cache_home() -> Path:
    """The user's cache folder, for the pandas venv only (the timed processes get their own)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def venv_bin(venv: str | None) -> Path:
    """The venv's bin folder; without --venv, the one running this script."""
    if venv:
        return Path(venv) / ("Scripts" if os.name == "nt" else "bin")
    return Path(sys.executable).parent


# ---------------------------------------------------------------- set-up


def machine(python: Path, minerals: Path, env: dict, removed: list[str]) -> dict:
    """Print and return what a reader needs to compare figures between machines."""
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, env=env)
    commit = subprocess.run(["git", "-C", str(HERE), "describe", "--always", "--dirty"], capture_output=True, text=True)
    info = {"cpu": cpu_model(), "nproc": os.cpu_count(), "os": f"{platform.system()} {platform.release()}",
            "python": version.stdout.strip(), "interpreter": str(python), "minerals": str(minerals),
            "source": commit.stdout.strip() or "unknown", "date": time.strftime("%Y-%m-%d %H:%M %Z")}
    print("# minerals benchmark\n")
    print(f"- machine: {info['cpu']}, nproc {info['nproc']}, {info['os']}")
    print(f"- python: {info['python']} ({python}); minerals: {minerals}; source {info['source']}")
    print(f"- date: {info['date']}")
    print(f"- the timed processes get this environment minus {', '.join(NOT_A_USERS_SHELL)} and MINERALS_*, "
          f"which a user's shell would not have (unset here: {', '.join(removed) or 'none was set'})")
    print("- every timed process gets an XDG_CACHE_HOME inside the bench's temporary folder, "
          "runs in that folder, and reads /dev/null on stdin")
    return {**info, "unset": removed}


def cpu_model() -> str:
    """The CPU's name, the first thing to compare when figures differ between machines."""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def shipped_data_dir(python: Path, env: dict) -> Path:
    """The installed package's data, asked of the package itself (its own data_dir module, else its folder)."""
    code = ("try:\n from minerals_cli.data_dir import shipped; print(shipped())\n"
            "except ImportError:\n import minerals_cli, pathlib; print(pathlib.Path(minerals_cli.__file__).parent / 'data')")
    # -I: not the current folder first on sys.path, where a checkout's minerals_cli/ would shadow the installed one
    done = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, env=env, check=True, cwd="/")
    return Path(done.stdout.strip())


def copy_as_user_data(shipped: Path, target: Path) -> Path:
    """The shipped YAML as a user's own directory, each file with a comment appended.

    The bytes then differ from the shipped files, so no validated form built
    at install time (keyed on the bytes) can stand in: a first run must validate.
    """
    target.mkdir(parents=True)
    for source in sorted(shipped.glob("*.yaml")):
        (target / source.name).write_bytes(source.read_bytes() + COPY_MARK.encode())
    return target


def pandas_interpreter(args, python: Path) -> Path | None:
    """An interpreter with pandas and pyyaml: given, found, or a venv created for the benchmark."""
    check = ["-c", "import pandas, yaml"]
    if args.pandas_python:
        candidate = Path(args.pandas_python)
        if subprocess.run([str(candidate), *check], capture_output=True).returncode == 0:
            return candidate
        print(f"- {candidate} cannot import pandas and yaml: pandas line skipped")
        return None
    venv = Path(args.pandas_venv)
    candidate = venv_bin(str(venv)) / "python"
    if candidate.exists() and subprocess.run([str(candidate), *check], capture_output=True).returncode == 0:
        return candidate
    print(f"setting up pandas in {venv} (once) ...", file=sys.stderr, flush=True)
    try:
        subprocess.run([str(python), "-m", "venv", str(venv)], check=True, capture_output=True)
        pip = [str(candidate), "-m", "pip", "install", "-q", "pandas", "pyyaml"]
        subprocess.run(pip, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip().splitlines()
        print(f"- could not install pandas ({exc}; {detail[-1] if detail else ''}): pandas line skipped")
        return None
    return candidate


# ---------------------------------------------------------------- cases


def store_env(env: dict, work: Path, name: str) -> dict:
    """ENV with XDG_CACHE_HOME set to a store shared by the normal runs of one data directory."""
    return {**env, "XDG_CACHE_HOME": str(work / f"store-{name}")}


def startup_cases(python, minerals, shipped, user_copy, pandas, env, work) -> list[Case]:
    """Bare python, the normal runs, the terminal, the first runs, the batch and pandas, in one group."""
    m, normal = str(minerals), store_env(env, work, "shipped")
    tty_env = {**normal, "COLUMNS": str(TERMINAL["columns"]), "LINES": str(TERMINAL["rows"]),
               "TERM": env.get("TERM") or "xterm-256color"}
    cases = [Case(BARE, [str(python), "-c", "pass"], normal)]
    cases += [Case(normal_label(cmd), [m, *cmd], normal) for cmd in NORMAL]
    cases += [
        Case(LBL_PTY, [m, "exposure", "lithium"], tty_env, pty=True),
        Case(LBL_FIRST_INSTALL, [m, *EXPOSURE], env, fresh=True),
        Case(LBL_FIRST_USER, [m, *EXPOSURE, "--data-dir", str(user_copy)], env, fresh=True),
        Case(LBL_BATCH, [m, "exposure", "--all", "--json"], normal),
    ]
    if pandas:
        script = [str(pandas), str(HERE / "pandas_exposure.py"), "lithium", "--data-dir", str(shipped)]
        cases.append(Case(LBL_PANDAS, script, normal))
    return cases


def timed_group(name: str, spawner: Spawner, cases: list[Case], runs: int, work: Path) -> dict:
    """Time CASES interleaved; figures per label, with ratios to the group's own bare python."""
    print(f"\ntiming {name}: {len(cases)} cases x {runs} runs (interleaved, one warm-up each) ...",
          file=sys.stderr, flush=True)
    time_interleaved(spawner, cases, runs, work / "first")
    results = {case.label: summarise(case) for case in cases}
    base = results.get(BARE, {})
    if "median_ms" not in base:
        sys.exit(f"bench: {BARE} could not be timed: {base.get('not_available')}")
    for r in results.values():
        if "median_ms" in r:
            r["x_python"] = r["median_ms"] / base["median_ms"]
            r["rss_x_python"] = r["rss_kib"] / base["rss_kib"]
    return results


# ---------------------------------------------------------------- scale


def scale(args, spawner, python, minerals, shipped, user_copy, env, work) -> dict:
    """Synthetic data dirs, then normal and first runs of SCALED on each size, in one interleaved group."""
    dirs = {1: user_copy}
    for factor in sorted({int(f) for f in args.factors.split(",") if f.strip()} - {1}):
        target = work / f"data-x{factor}"
        print(f"\ngenerating synthetic data x{factor} ...", file=sys.stderr, flush=True)
        made = subprocess.run([str(python), str(HERE / "synth.py"), str(shipped), str(target), "--factor", str(factor)],
                              env=env, stdout=sys.stderr, cwd=work)
        if made.returncode == 0:
            dirs[factor] = target
        else:
            print(f"\n- scale x{factor}: not available: synth.py exited {made.returncode} (its message is above)")
    sizes = {f: sum(p.stat().st_size for p in d.glob("*.yaml")) for f, d in dirs.items()}
    cases = [Case(BARE, [str(python), "-c", "pass"], store_env(env, work, "x1"))]
    for cmd in SCALED:
        for f, d in dirs.items():
            argv = [str(minerals), *cmd, "--data-dir", str(d)]
            cases.append(Case(scale_label("normal", cmd, f), argv, store_env(env, work, f"x{f}")))
            cases.append(Case(scale_label("first", cmd, f), argv, env, fresh=True))
    results = timed_group("scale", spawner, cases, args.scale_runs, work)
    print_scale(results, sizes, args.scale_runs)
    return {"yaml_bytes": {f"x{f}": s for f, s in sizes.items()}, "cases": results}


def scale_label(run: str, cmd: list[str], factor: int) -> str:
    """One spelling per scale case, shared by the table and the targets."""
    return f"{run}: minerals {' '.join(cmd)} x{factor}"


def slopes(results: dict, sizes: dict, run: str, cmd: list[str]) -> list[tuple[int, float, float | None]]:
    """(factor, median ms, ms per MB added since the previous size) for each size that was timed."""
    rows, prev = [], None
    for f in sorted(sizes):
        r = results.get(scale_label(run, cmd, f), {})
        if "median_ms" not in r:
            continue
        slope = None if prev is None else (r["median_ms"] - prev[0]) / ((sizes[f] - prev[1]) / 1e6)
        rows.append((f, r["median_ms"], slope))
        prev = (r["median_ms"], sizes[f])
    return rows


def linear_verdict(results: dict, sizes: dict, run: str, cmd: list[str]) -> tuple[str, str]:
    """Cost per added MB on the last step over that on the first: <= LINEAR_SLACK is linear or better."""
    rows = slopes(results, sizes, run, cmd)
    if len(rows) < 3 or rows[0][0] != 1:
        return "NOT MEASURED", "needs x1 and two synthetic sizes timed"
    first, last = rows[1][2], rows[-1][2]
    steps = f"x1->x{rows[1][0]} {first:.1f} ms/MB, x{rows[-2][0]}->x{rows[-1][0]} {last:.1f} ms/MB"
    if first <= 0:
        return "PASS", f"{steps}: no growth on the first step, better than linear"
    ratio = last / first
    return ("PASS" if ratio <= LINEAR_SLACK else "FAIL"), f"{steps}: ratio {ratio:.2f} (limit {LINEAR_SLACK:g})"


# ---------------------------------------------------------------- reports


def print_startup(results: dict, runs: int) -> None:
    """The start-up table, headed with the run count so a reader can weigh the medians."""
    print(f"\n## Start-up (median of {runs} runs; ratios to `{BARE}` in the same run)\n")
    print_table(results)


def print_table(results: dict, extra=None) -> None:
    """A Markdown table of RESULTS; EXTRA is (heading, label -> cell) for one more column."""
    head = "| case | median ms | IQR ms | x python -c pass | peak RSS MiB | RSS x python |"
    print(head + (f" {extra[0]} |" if extra else ""))
    print("|---|" + "---:|" * (5 + bool(extra)))
    for label, r in results.items():
        if "median_ms" not in r:
            print(f"| {label} | not available: {r['not_available']} |" + " |" * (4 + bool(extra)))
            continue
        row = (f"| {label} | {r['median_ms']:.1f} | {r['q1_ms']:.1f}-{r['q3_ms']:.1f} | {r['x_python']:.1f} "
               f"| {r['rss_kib'] / 1024:.1f} | {r['rss_x_python']:.1f} |")
        print(row + (f" {extra[1](label)} |" if extra else ""))


def print_scale(results: dict, sizes: dict, runs: int) -> None:
    """The scale table, with each size's bytes and the cost per MB added since the previous size."""
    print(f"\n## Scale (median of {runs} runs; normal: store filled; first: new empty store each run)\n")
    print("YAML bytes: " + ", ".join(f"x{f} {s:,} ({s / sizes[1]:.1f}x)" for f, s in sorted(sizes.items())) + "\n")
    per_mb = {}
    for run in ("normal", "first"):
        for cmd in SCALED:
            for f, ms, slope in slopes(results, sizes, run, cmd):
                x1 = results[scale_label(run, cmd, 1)].get("median_ms") if f != 1 else ms
                growth = f"{ms / x1:.1f}" if x1 else ""
                per_mb[scale_label(run, cmd, f)] = growth + (f" / {slope:.1f}" if slope is not None else "")
    print_table(results, ("time x x1 / ms per MB added", lambda label: per_mb.get(label, "")))


def startup_targets() -> list[tuple[str, str, str, str, float]]:
    """(what, case, reference case, figure, limit): the start-up acceptance figures of issue 10."""
    rows = [(f"normal `minerals {' '.join(cmd)}` / python", normal_label(cmd), BARE, "median_ms", LIMITS["normal"])
            for cmd in NORMAL]
    return rows + [
        ("`exposure lithium` table in a pty / python", LBL_PTY, BARE, "median_ms", LIMITS["pty"]),
        ("first run after install / python", LBL_FIRST_INSTALL, BARE, "median_ms", LIMITS["first_install"]),
        ("first run on a user data dir / python", LBL_FIRST_USER, BARE, "median_ms", LIMITS["first_user"]),
        ("`exposure --all --json` / normal `exposure lithium --json`", LBL_BATCH, normal_label(EXPOSURE),
         "median_ms", LIMITS["batch"]),
        ("peak RSS of normal `exposure lithium --json` / python", normal_label(EXPOSURE), BARE,
         "rss_kib", LIMITS["rss"]),
    ]


def targets(report: dict) -> list[dict]:
    """Every acceptance figure of issue 10 with its verdict (NOT MEASURED when a case did not run)."""
    out = []
    if report.get("startup") is not None:
        out += [ratio_target(name, report["startup"], *rest) for name, *rest in startup_targets()]
    if report.get("scale") is not None:
        out += scale_targets(report["scale"])
    return out


def scale_targets(scaled: dict) -> list[dict]:
    """x100 against x1 for the normal `exposure`; linear growth for the normal `summary` and both first runs."""
    cases, sizes = scaled["cases"], {int(k[1:]): v for k, v in scaled["yaml_bytes"].items()}
    name = "normal `exposure lithium --json` x100 / x1"
    if 100 in sizes:
        big, small = scale_label("normal", EXPOSURE, 100), scale_label("normal", EXPOSURE, 1)
        out = [ratio_target(name, cases, big, small, "median_ms", LIMITS["scale_normal"])]
    else:
        out = [{"target": name, "verdict": "NOT MEASURED", "detail": "no x100 data (see --factors and synth.py)"}]
    for run, cmd in (("normal", ["summary", "--json"]), ("first", EXPOSURE), ("first", ["summary", "--json"])):
        verdict, detail = linear_verdict(cases, sizes, run, cmd)
        out.append({"target": f"{run} `{' '.join(cmd)}` grows at most linearly", "verdict": verdict, "detail": detail})
    return out


def ratio_target(name: str, results: dict, label: str, base: str, key: str, limit: float) -> dict:
    """results[label][key] / results[base][key] against LIMIT."""
    a, b = results.get(label, {}), results.get(base, {})
    if key not in a or key not in b:
        missing = a.get("not_available") or b.get("not_available") or "not timed"
        return {"target": name, "verdict": "NOT MEASURED", "detail": f"not available: {missing}"}
    value = a[key] / b[key]
    return {"target": name, "value": value, "limit": limit, "verdict": "PASS" if value <= limit else "FAIL",
            "detail": f"{value:.2f}x (limit {limit:g}x)"}


def print_targets(found: list[dict], startup: dict | None) -> None:
    """One PASS, FAIL or NOT MEASURED line per target, then the pandas comparison for information."""
    print("\n## Acceptance (issue 10)\n")
    for t in found:
        print(f"- {t['verdict']}: {t['target']}: {t['detail']}")
    pandas, exposure = (startup or {}).get(LBL_PANDAS, {}), (startup or {}).get(normal_label(EXPOSURE), {})
    if "median_ms" in pandas and "median_ms" in exposure:
        ratio = pandas["median_ms"] / exposure["median_ms"]
        print(f"- for information: the pandas script takes {ratio:.1f}x as long as normal `exposure lithium --json`")


def rss_check(spawner: Spawner, python, minerals, env, work, startup: dict | None) -> dict:
    """The spawner's own peak (counted into every child's ru_maxrss) and the same two RSS figures taken from /bin/sh."""
    check = {"spawner_peak_kib": spawner.floor_kib()}
    if startup is not None:
        normal = store_env(env, work, "shipped")
        check["python_from_sh_kib"] = reference_rss_kib(python, [str(python), "-c", "pass"], normal)
        check["exposure_from_sh_kib"] = reference_rss_kib(python, [str(minerals), *EXPOSURE], normal)
    return check


def print_rss_check(check: dict, startup: dict | None) -> None:
    """Say how far the RSS figures can be trusted: Linux counts the spawner's peak into each child's."""
    print(f"\nPeak RSS is the child's ru_maxrss from os.wait4 in the spawner; Linux counts the spawner's own peak "
          f"({(check['spawner_peak_kib'] or 0) / 1024:.1f} MiB) into it, so no figure reads much below that.")
    bare, exposure = check.get("python_from_sh_kib"), check.get("exposure_from_sh_kib")
    if bare and exposure:
        timed = (startup or {}).get(BARE, {}).get("rss_kib")
        print(f"Started from /bin/sh instead (no such floor, 3 runs): `{BARE}` {bare / 1024:.1f} MiB "
              f"(timed runs: {(timed or 0) / 1024:.1f}), `exposure lithium --json` {exposure / 1024:.1f} MiB, "
              f"RSS ratio {exposure / bare:.2f}x.")


if __name__ == "__main__":
    sys.exit(main())
