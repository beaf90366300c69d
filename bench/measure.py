"""Process timing and peak memory for bench/run.py (standard library only).

Why a separate spawner process: Linux records, at exec, the high-water RSS of
the memory the new process came from, so a child forked or spawned by this
script reports at least this script's own peak as its ru_maxrss (a bare
`python -c pass` started from a process holding 300 MB reports 300 MB).  The
children are therefore started by a tiny interpreter (`python -I -S`, no
imports beyond the built-in modules) that times each one around
posix_spawn and os.wait4 and returns the wall time, the exit status and the
child's ru_maxrss.  Its own peak is the floor of every RSS figure, and
run.py prints it so a reader can see that the figures lie above it.
"""

from __future__ import annotations

import fcntl
import os
import re
import shlex
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# Variables that make this shell unlike a user's: no bytecode cache, unbuffered
# streams, import timing; and the tool's own settings (MINERALS_*).
NOT_A_USERS_SHELL = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PYTHONPYCACHEPREFIX", "PYTHONPROFILEIMPORTTIME")
TERMINAL = {"rows": 40, "columns": 100}

# The spawner: reads one request per run from stdin, answers one line on stdout.
# Request: a decimal length line, then NUL-separated fields
# (mode, stderr path, argc, argv..., KEY=VALUE...).  Answer: "seconds status maxrss".
SPAWNER = r"""
import os, sys, time
def actions(mode, err, tty):
    if mode == b"pty":
        out = [(os.POSIX_SPAWN_DUP2, tty, 1), (os.POSIX_SPAWN_DUP2, tty, 2)]
    else:
        out = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)]
    return [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0), *out, (os.POSIX_SPAWN_CLOSE, tty)]
def serve(tty):
    rd, wr = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = rd.readline()
        if not head:
            return
        mode, err, argc, *rest = rd.read(int(head)).split(b"\0")
        argv, env = rest[:int(argc)], dict(kv.split(b"=", 1) for kv in rest[int(argc):])
        try:
            start = time.perf_counter()
            pid = os.posix_spawn(argv[0], argv, env, file_actions=actions(mode, err, tty))
            _, status, usage = os.wait4(pid, 0)
            elapsed = time.perf_counter() - start
            answer = b"%.9f %d %d\n" % (elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss)
        except OSError as exc:
            with open(err, "w") as fh:
                fh.write("cannot start %s: %s\n" % (argv[0].decode(errors="replace"), exc))
            answer = b"0 127 0\n"
        wr.write(answer)
        wr.flush()
serve(int(sys.argv[1]))
"""


@dataclass
class Case:
    """One thing to time; `fresh` gives every run a new, empty XDG_CACHE_HOME."""

    label: str
    argv: list[str]
    env: dict
    fresh: bool = False
    pty: bool = False
    unavailable: str = ""
    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)


def clean_environment() -> tuple[dict, list[str]]:
    """The user's environment minus what no user's shell has; returns it and the names removed."""
    drop = [k for k in os.environ if k in NOT_A_USERS_SHELL or k.startswith("MINERALS_")]
    return {k: v for k, v in os.environ.items() if k not in drop}, sorted(drop)


class Spawner:
    """The small process that starts, times and reaps every measured child (see the module doc)."""

    def __init__(self, python: Path, work: Path):
        self.work = work
        self.master, self.slave = os.openpty()
        winsize = struct.pack("HHHH", TERMINAL["rows"], TERMINAL["columns"], 0, 0)
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, winsize)
        self._tty = bytearray()
        self._last_read = time.monotonic()
        self._lock = threading.Lock()
        self._drain = threading.Thread(target=self._drain_tty, daemon=True)
        self._drain.start()
        argv = [str(python), "-I", "-S", "-c", SPAWNER, str(self.slave)]
        pipe = subprocess.PIPE
        self.proc = subprocess.Popen(argv, stdin=pipe, stdout=pipe, pass_fds=[self.slave], cwd=work)

    def _drain_tty(self) -> None:
        """Read the terminal's master side all along, so a child writing a table never blocks."""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._tty += chunk[: max(0, 8192 - len(self._tty))]
                self._last_read = time.monotonic()

    def run(self, argv: list[str], env: dict, pty: bool) -> tuple[float, int, int, str]:
        """One timed run: (seconds, exit status, peak RSS KiB, what it wrote to stderr or the terminal)."""
        err = self.work / "stderr.txt"
        with self._lock:
            self._tty.clear()
        fields = [b"pty" if pty else b"pipe", os.fsencode(err), b"%d" % len(argv)]
        fields += [os.fsencode(a) for a in argv] + [os.fsencode(f"{k}={v}") for k, v in env.items()]
        payload = b"\0".join(fields)
        self.proc.stdin.write(b"%d\n" % len(payload) + payload)
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().split()
        if len(answer) != 3:
            raise SystemExit("bench: the spawner process died")
        seconds, status, rss = float(answer[0]), int(answer[1]), int(answer[2])
        return seconds, status, rss, self._output(err, pty) if status else ""

    def _output(self, err: Path, pty: bool) -> str:
        """A failed run's message: its stderr file, or what reached the terminal (once it goes quiet)."""
        if not pty:
            return err.read_text(errors="replace") if err.exists() else ""
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and time.monotonic() - self._last_read < 0.2:
            time.sleep(0.05)
        with self._lock:
            text = self._tty.decode(errors="replace")
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", text)

    def floor_kib(self) -> int | None:
        """The spawner's own peak RSS (VmHWM): no child's figure can read lower than this."""
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"VmHWM:\s*(\d+)", status)
        return int(found.group(1)) if found else None

    def close(self) -> None:
        """Stop the spawner and the drain thread (the spawner may already be gone)."""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait()
        os.close(self.slave)
        self._drain.join(timeout=5)
        os.close(self.master)


def reference_rss_kib(python: Path, argv: list[str], env: dict, runs: int = 3) -> float | None:
    """Median peak RSS of ARGV started from /bin/sh instead of the spawner: a check on the spawner's floor.

    The shell's memory is small, so its child inherits almost nothing; the
    shell then becomes a tiny Python that prints the peak of its reaped child.
    """
    probe = "import resource; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    script = f'"$@" </dev/null >/dev/null 2>&1 || exit 1; exec {shlex.quote(str(python))} -I -S -c {shlex.quote(probe)}'
    values = []
    for _ in range(runs):
        done = subprocess.run(["/bin/sh", "-c", script, "sh", *argv], capture_output=True, text=True, env=env, cwd="/")
        if done.returncode or not done.stdout.strip().isdigit():
            return None
        values.append(int(done.stdout))
    return statistics.median(values)


def run_case(spawner: Spawner, case: Case, scratch: Path) -> tuple[float, int, int, str]:
    """Run CASE once; a `fresh` case gets a new empty store, made and removed outside the timed interval."""
    if not case.fresh:
        return spawner.run(case.argv, case.env, case.pty)
    store = Path(scratch) / f"fresh-{time.monotonic_ns()}"
    store.mkdir(parents=True)
    try:
        return spawner.run(case.argv, {**case.env, "XDG_CACHE_HOME": str(store)}, case.pty)
    finally:
        shutil.rmtree(store, ignore_errors=True)


def message(text: str) -> str:
    """First line of a failure, and its last line when there are more (a traceback's exception)."""
    lines = [ln.strip(" │╭╰╮╯─") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        return "no message"
    return lines[0] if len(lines) == 1 else f"{lines[0]} ... {lines[-1]}"


def time_interleaved(spawner: Spawner, cases: list[Case], runs: int, scratch: Path) -> None:
    """One warm-up per case, then the cases run by run, so a busy moment of the machine hits all alike.

    The warm-up is also the availability check: a case that fails there (or
    later) is marked not available and the others go on.
    """
    for case in cases:
        _record(spawner, case, scratch, keep=False)
    for n in range(runs):
        print(f"  run {n + 1}/{runs}", file=sys.stderr, flush=True)
        for case in cases:
            if not case.unavailable:
                _record(spawner, case, scratch, keep=True)


def _record(spawner: Spawner, case: Case, scratch: Path, keep: bool) -> None:
    """Run CASE once; keep its figures (not a warm-up's), or mark it not available with its message."""
    seconds, status, rss, text = run_case(spawner, case, scratch)
    if status:
        case.unavailable = f"exit {status}{' in a timed run' if keep else ''}: {message(text)}"
    elif keep:
        case.times.append(seconds)
        case.rss.append(rss)


def summarise(case: Case) -> dict:
    """Median and interquartile range of the times, median peak RSS."""
    if case.unavailable or not case.times:
        return {"not_available": case.unavailable or "no runs"}
    t = sorted(case.times)
    q = statistics.quantiles(t, n=4) if len(t) > 1 else [t[0]] * 3
    return {
        "median_ms": statistics.median(t) * 1e3,
        "q1_ms": q[0] * 1e3,
        "q3_ms": q[2] * 1e3,
        "runs": len(t),
        "rss_kib": statistics.median(case.rss),
    }
