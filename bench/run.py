#!/usr/bin/env python3
"""Start-up and scale benchmark of the `minerals` command (issue 5).

Times whole processes, as a user in a shell loop sees them, and reports
each median as a ratio to a bare `python -c pass` measured in the same run:

- warm: the output cache is filled (a repeated command, the common case);
- cold: MINERALS_NO_CACHE=1, so data is loaded, validated and computed;
- pandas: bench/pandas_exposure.py, the script a user would otherwise write
  to answer `minerals exposure lithium` (pandas is installed into a venv of
  its own, never into the project's);
- scale: synthetic data directories about 10x and 100x the shipped size
  (bench/synth.py), and how the cold `summary` and `exposure` times grow.

Standard library only.  Usage (see bench/README.md):

    python bench/run.py [--venv DIR] [--runs N] [--no-scale] [--no-pandas]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 10.0
PANDAS_SPEEDUP = 2.5
LINEAR_SLACK = 1.25

COMMANDS = [
    ("exposure lithium --json", ["exposure", "lithium", "--json"]),
    ("list --json", ["list", "--json"]),
    ("summary --json", ["summary", "--json"]),
    ("--help", ["--help"]),
]
SCALED = [
    ("summary --json", ["summary", "--json"]),
    ("exposure lithium --json", ["exposure", "lithium", "--json"]),
]
# Variables that make this shell unlike a user's: no bytecode cache, unbuffered streams.
NOT_A_USERS_SHELL = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PYTHONPYCACHEPREFIX", "PYTHONPROFILEIMPORTTIME")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    bindir = venv_bin(args.venv)
    python, minerals = bindir / "python", bindir / "minerals"
    if not minerals.exists():
        sys.exit(f"bench: {minerals} not found; give the project's venv with --venv DIR")
    work = Path(tempfile.mkdtemp(prefix="minerals-bench-"))
    try:
        env = clean_environment(work)
        print_machine(python, minerals, env)
        data_dir = shipped_data_dir(python, env)
        results = {} if args.no_startup else startup(args, python, minerals, data_dir, env)
        if not args.no_scale:
            scale(args, python, minerals, data_dir, env, work)
        if args.json and results:
            Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--venv", help="the virtualenv where `minerals` is installed (default: the one running this script)")
    p.add_argument("--runs", "-n", type=int, default=20, help="timed runs per command (default 20)")
    p.add_argument("--scale-runs", type=int, default=5, help="timed runs per command and data size (default 5)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up figures (scale only)")
    p.add_argument("--no-scale", action="store_true", help="skip the 10x / 100x synthetic data")
    p.add_argument("--factors", default="10,100", help="synthetic data sizes (default 10,100)")
    p.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    p.add_argument("--pandas-python", help="an interpreter that already has pandas and pyyaml")
    p.add_argument(
        "--pandas-venv",
        default=str(cache_home() / "minerals-bench" / "pandas-venv"),
        help="where to create a venv for pandas if needed (default: %(default)s)",
    )
    p.add_argument("--json", metavar="FILE", help="also write the start-up figures as JSON")
    return p.parse_args(argv)


def cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def venv_bin(venv: str | None) -> Path:
    if venv:
        root = Path(venv)
        return root / ("Scripts" if os.name == "nt" else "bin")
    return Path(sys.executable).parent


def clean_environment(work: Path) -> dict:
    """A user's environment: bytecode cache on, our own variables unset, a fresh output cache."""
    removed = [k for k in NOT_A_USERS_SHELL if k in os.environ]
    if removed:
        print(f"note: unset for the timed processes, as a user's shell would not have them: {', '.join(removed)}")
    env = {k: v for k, v in os.environ.items() if k not in NOT_A_USERS_SHELL and not k.startswith("MINERALS_")}
    env["MINERALS_CACHE_DIR"] = str(work / "cache")
    return env


def startup(args, python: Path, minerals: Path, data_dir: Path, env: dict) -> dict:
    present = [(label, cmd) for label, cmd in COMMANDS if command_works(minerals, cmd, env)]
    missing = [label for label, cmd in COMMANDS if (label, cmd) not in present]
    pandas = None if args.no_pandas else pandas_interpreter(args, python)
    results = time_startup(args.runs, python, minerals, present, pandas, data_dir, env)
    report_startup(results, missing)
    return results


# ---------------------------------------------------------------- timing


def run_once(argv: list[str], env: dict) -> float:
    """Wall time of one process in seconds; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def time_cases(cases: dict[str, tuple[list[str], dict]], runs: int) -> dict[str, list[float]]:
    """Interleave the cases run by run, so a slow moment of the machine hits all of them alike."""
    for argv, env in cases.values():
        run_once(argv, env)  # warm-up: bytecode, page cache, output cache
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (argv, env) in cases.items():
            times[name].append(run_once(argv, env))
    return times


def summarise(samples: list[float]) -> dict:
    quartiles = statistics.quantiles(samples, n=4) if len(samples) > 1 else [samples[0]] * 3
    return {"median_ms": statistics.median(samples) * 1e3, "q1_ms": quartiles[0] * 1e3, "q3_ms": quartiles[2] * 1e3, "runs": len(samples)}


def time_startup(runs, python, minerals, present, pandas, data_dir, env) -> dict:
    cold_env = {**env, "MINERALS_NO_CACHE": "1"}
    cases = {"python -c pass": ([str(python), "-c", "pass"], env)}
    for label, cmd in present:
        cases[f"warm  minerals {label}"] = ([str(minerals), *cmd], env)
    for label, cmd in present:
        cases[f"cold  minerals {label}"] = ([str(minerals), *cmd], cold_env)
    if pandas:
        argv = [str(pandas), str(HERE / "pandas_exposure.py"), "lithium", "--data-dir", str(data_dir)]
        tried = subprocess.run(argv, capture_output=True, text=True, env=env)
        if tried.returncode == 0:
            cases["pandas_exposure.py lithium"] = (argv, env)
        else:
            print(f"note: the pandas script fails on this data, pandas line skipped: {tried.stderr.strip()[-300:]}")
    print(f"\ntiming {len(cases)} cases x {runs} runs (interleaved) ...", flush=True)
    times = time_cases(cases, runs)
    return {name: summarise(samples) for name, samples in times.items()}


# ---------------------------------------------------------------- start-up report


def report_startup(results: dict, missing: list[str]) -> None:
    base = results["python -c pass"]["median_ms"]
    print(f"\n## Start-up (median of {results['python -c pass']['runs']} runs; ratio to `python -c pass`)\n")
    print("| case | median ms | IQR ms | x python -c pass |")
    print("|---|---:|---:|---:|")
    for name, r in results.items():
        note = " (never cached)" if name.endswith("--help") and name.startswith("warm") else ""
        print(f"| {name}{note} | {r['median_ms']:.1f} | {r['q1_ms']:.1f}-{r['q3_ms']:.1f} | {r['median_ms'] / base:.1f} |")
    for label in missing:
        print(f"| minerals {label} | not timed: missing or failing in this build (see the note above) | | |")
    if "pandas_exposure.py lithium" not in results:
        print("| pandas_exposure.py lithium | skipped (see the note above) | | |")
    print("\n## Acceptance (issue 5)\n")
    for label in ("exposure lithium --json", "list --json"):
        warm = results.get(f"warm  minerals {label}")
        if warm is None:
            print(f"- `minerals {label}` warm: not measured (command missing or failing)")
            continue
        ratio = warm["median_ms"] / base
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"- `minerals {label}` warm: {ratio:.1f}x python -c pass (target <= {TARGET_RATIO:g}x): {verdict}")
    pd, warm = results.get("pandas_exposure.py lithium"), results.get("warm  minerals exposure lithium --json")
    if pd and warm:
        speedup = pd["median_ms"] / warm["median_ms"]
        verdict = "PASS" if speedup >= PANDAS_SPEEDUP else "FAIL"
        print(f"- pandas script / `minerals exposure lithium --json` warm: {speedup:.1f}x faster (target >= {PANDAS_SPEEDUP:g}x): {verdict}")
        cold = results.get("cold  minerals exposure lithium --json")
        if cold:
            print(f"- for information, cold: pandas script / exposure cold = {pd['median_ms'] / cold['median_ms']:.1f}x")
    else:
        print("- pandas comparison: not measured")


# ---------------------------------------------------------------- helpers


def print_machine(python: Path, minerals: Path, env: dict) -> None:
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True, env=env)
    commit = subprocess.run(["git", "-C", str(HERE), "describe", "--always", "--dirty"], capture_output=True, text=True)
    print("# minerals benchmark\n")
    print(f"- machine: {cpu_model()}, nproc {os.cpu_count()}, {platform.system()} {platform.release()}")
    print(f"- python: {version.stdout.strip()} ({python})")
    print(f"- minerals: {minerals}; source {commit.stdout.strip() or 'unknown'}")
    print(f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def shipped_data_dir(python: Path, env: dict) -> Path:
    code = "from minerals_cli.data_dir import shipped; print(shipped())"
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, env=env, check=True)
    return Path(done.stdout.strip())


def command_works(minerals: Path, cmd: list[str], env: dict, data_dir: Path | None = None) -> bool:
    """Run it once; a command that is missing or fails in this build is reported, not timed."""
    argv = [str(minerals), *cmd] + (["--data-dir", str(data_dir)] if data_dir else [])
    done = subprocess.run(argv, capture_output=True, text=True, env={**env, "MINERALS_NO_CACHE": "1"})
    if done.returncode != 0:
        print(f"note: `minerals {' '.join(cmd)}` exits {done.returncode} in this build, not timed: {done.stderr.strip()[-200:]}")
    return done.returncode == 0


def pandas_interpreter(args, python: Path) -> Path | None:
    """An interpreter with pandas and pyyaml: given, found, or a venv created for the benchmark."""
    check = ["-c", "import pandas, yaml"]
    if args.pandas_python:
        candidate = Path(args.pandas_python)
        if subprocess.run([str(candidate), *check], capture_output=True).returncode == 0:
            return candidate
        print(f"note: {candidate} cannot import pandas and yaml: pandas line skipped")
        return None
    venv = Path(args.pandas_venv)
    candidate = venv_bin(str(venv)) / "python"
    if candidate.exists() and subprocess.run([str(candidate), *check], capture_output=True).returncode == 0:
        return candidate
    print(f"setting up pandas in {venv} (once) ...", flush=True)
    try:
        subprocess.run([str(python), "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(candidate), "-m", "pip", "install", "-q", "pandas", "pyyaml"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        print(f"note: could not install pandas ({exc}); pandas line skipped. {detail.decode(errors='replace')[-300:]}")
        return None
    return candidate


# ---------------------------------------------------------------- scale


def scale(args, python: Path, minerals: Path, data_dir: Path, env: dict, work: Path) -> None:
    factors = [int(f) for f in args.factors.split(",") if f.strip()]
    dirs = {1: data_dir}
    for factor in factors:
        target = work / f"data-x{factor}"
        print(f"\ngenerating synthetic data x{factor} ...", flush=True)
        made = subprocess.run([str(python), str(HERE / "synth.py"), str(data_dir), str(target), "--factor", str(factor)], env=env)
        if made.returncode == 0:
            dirs[factor] = target
        else:
            print(f"scale: x{factor} not measured: the synthetic data could not be used (see the message above)")
    if len(dirs) < 2:
        return
    sizes = {f: sum(p.stat().st_size for p in d.glob("*.yaml")) for f, d in dirs.items()}
    cold_env = {**env, "MINERALS_NO_CACHE": "1"}
    present = [(label, cmd) for label, cmd in SCALED if all(command_works(minerals, cmd, env, d) for d in dirs.values())]
    if not present:
        return
    cases = {}
    for label, cmd in present:
        for f, d in dirs.items():
            cases[(label, f)] = ([str(minerals), *cmd, "--data-dir", str(d)], cold_env)
    print(f"timing {len(cases)} cold cases x {args.scale_runs} runs ...", flush=True)
    named = {f"{label} x{f}": argv_env for (label, f), argv_env in cases.items()}
    times = time_cases(named, args.scale_runs)
    medians = {key: statistics.median(times[f"{key[0]} x{key[1]}"]) for key in cases}
    report_scale(present, dirs, sizes, medians)


def report_scale(present, dirs, sizes, medians) -> None:
    print("\n## Scale (cold: MINERALS_NO_CACHE=1; median wall time)\n")
    print("| command | data | YAML bytes | size ratio | median ms | time ratio | ms per MB added |")
    print("|---|---|---:|---:|---:|---:|---:|")
    factors = sorted(dirs)
    for label, _ in present:
        prev = None
        for f in factors:
            t, s = medians[(label, f)], sizes[f]
            slope = "" if prev is None else f"{(t - prev[0]) * 1e3 / ((s - prev[1]) / 1e6):.0f}"
            print(
                f"| {label} | x{f} | {s:,} | {s / sizes[1]:.1f} | {t * 1e3:.0f} | {t / medians[(label, 1)]:.1f} | {slope} |"
            )
            prev = (t, s)
    print("\n## Growth (issue 5: linear or better)\n")
    for label, _ in present:
        big, mid = factors[-1], factors[-2] if len(factors) > 2 else factors[0]
        t_ratio = medians[(label, big)] / medians[(label, factors[0])]
        s_ratio = sizes[big] / sizes[factors[0]]
        marginal = marginal_ratio(medians, sizes, label, factors)
        verdict = "linear or better" if marginal is None or marginal <= LINEAR_SLACK else "WORSE THAN LINEAR"
        line = f"- `minerals {label}`: x{big} data is {s_ratio:.1f}x the bytes and takes {t_ratio:.1f}x the time"
        line += f" (time ratio / size ratio = {t_ratio / s_ratio:.2f})"
        if marginal is not None:
            exponent = math.log(medians[(label, big)] / medians[(label, mid)]) / math.log(sizes[big] / sizes[mid])
            line += f"; cost per added MB x{mid}->x{big} vs x1->x{mid}: {marginal:.2f}; growth exponent x{mid}->x{big}: {exponent:.2f}"
        print(line + f": {verdict}")


def marginal_ratio(medians, sizes, label, factors) -> float | None:
    """Cost per added byte on the last step over the first: ~1 when linear, >1 when it bends upwards."""
    if len(factors) < 3:
        return None
    a, b, c = factors[0], factors[-2], factors[-1]
    first = (medians[(label, b)] - medians[(label, a)]) / (sizes[b] - sizes[a])
    last = (medians[(label, c)] - medians[(label, b)]) / (sizes[c] - sizes[b])
    return last / first if first > 0 else None


if __name__ == "__main__":
    sys.exit(main())
