"""Helpers several test folders share: reading the YAML independently of the project, editing copies, formulas.

The recomputing tests read the data files with yaml.safe_load, not with the
project's loader, so that a bug in the analysis cannot hide in both places.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# Paths every test folder needs.
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = ROOT / "data"
README = ROOT / "README.md"
README_TEXT = README.read_text(encoding="utf-8")
FIXTURES = TESTS / "fixtures"
TRADE_SMALL = FIXTURES / "trade_small"  # a small data directory with every kind of bound and unknown
MCS_FIXTURES = FIXTURES / "mcs"  # excerpts of the USGS release files, quirks included
# The official USGS release files, beside the checkout where present (tests that need them skip otherwise).
RELEASE = ROOT.parent / "shared" / "sources" / "usgs_release"

# The installed executable, beside the test's Python (tests of a real process use it).
EXE = Path(sys.executable).parent / ("minerals.exe" if os.name == "nt" else "minerals")


def run(args, env, **extra) -> subprocess.CompletedProcess:
    """The installed `minerals ARGS` in a process of its own, text captured."""
    return subprocess.run([str(EXE), *args], env=env, capture_output=True, text=True, timeout=120, **extra)


# The ten minerals the final 2025 list added to the 2022 list (FR 2025-19813).
NEW_IN_2025 = {
    "boron", "copper", "lead", "metallurgical coal", "phosphate",
    "potash", "rhenium", "silicon", "silver", "uranium",
}
# Ways people write a country, and the ISO code each means (the registry in data/country_groups.yaml).
COUNTRY_SPELLINGS = [
    ("China", "CN"), ("CN", "CN"), ("cn", "CN"), ("PRC", "CN"),
    ("DRC", "CD"), ("Congo (Kinshasa)", "CD"), ("Congo-Kinshasa", "CD"),
    ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
]
# The default ally set (docs/design.md, "Vocabulary"), spelled out here rather than read from the package.
DEFAULT_GROUPS = ("fta", "msp", "g7", "nato")


def close(a, b):
    return a == pytest.approx(b, abs=1e-6)


# --------------------------------------------------------------------------
# reading the data files as plain YAML


def load(directory: Path, name: str):
    with open(directory / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def nir_number(published: str) -> float:
    """The number the formulas use: the bound itself for '>50'/'<25', 0 for E."""
    return 0.0 if published == "E" else float(published.lstrip("<>"))


def default_allies(directory: Path) -> set[str]:
    groups = {g["id"]: g["members"] for g in load(directory, "country_groups.yaml")["groups"]}
    return {c for gid in DEFAULT_GROUPS for c in groups[gid]} - {"US"}


def commodity_of(directory: Path, mineral_id: str) -> dict:
    minerals = load(directory, "minerals_2025.yaml")["minerals"]
    key = next(m["commodity"] for m in minerals if m["id"] == mineral_id)
    return next(c for c in load(directory, "import_dependence.yaml")["commodities"] if c["id"] == key)


def latest_whole_shares(commodity: dict) -> dict:
    whole = [s for s in commodity["import_shares"] if s.get("whole", True)]
    return max(whole, key=lambda s: s["edition"])


def mineral_figures(directory: Path) -> dict[str, tuple]:
    """mineral id -> (reliance record, whole share list) of the latest edition at their most specific, read from the
    YAML by the rule of docs/design.md: the records naming the mineral (an element's before its subgroup's), then its
    commodity; each figure from the first that has it for the edition."""
    records = {c["id"]: c for c in load(directory, "import_dependence.yaml")["commodities"]}
    latest = max(r["edition"] for c in records.values() for r in c.get("reliance", []))
    depth = {"element": 0, "subgroup": 1}
    out = {}
    for m in load(directory, "minerals_2025.yaml")["minerals"]:
        if not m.get("commodity") or m["commodity"] not in records:
            continue
        chain = sorted((c for c in records.values() if m["id"] in c.get("minerals", []) and c["level"] != "form"),
                       key=lambda c: depth[c["level"]])  # another published form never stands in for the headline
        chain.append(records[m["commodity"]])
        rel = next((r for c in chain for r in c.get("reliance", []) if r["edition"] == latest
                    and r["published"] not in ("W", "NA")), None)
        if rel is None:
            rel = next((r for r in records[m["commodity"]].get("reliance", []) if r["edition"] == latest), None)
        shares = next((s for c in chain for s in c.get("import_shares", []) if s["edition"] == latest and s.get("whole", True)),
                      None)
        out[m["id"]] = (rel, shares)
    return out


def latest_figures(directory: Path) -> dict[str, tuple]:
    """commodity id -> (latest reliance record, latest whole share list or None)."""
    out = {}
    for c in load(directory, "import_dependence.yaml")["commodities"]:
        rel = max(c.get("reliance", []), key=lambda r: r["edition"], default=None)
        whole = [s for s in c.get("import_shares", []) if s.get("whole", True)]
        out[c["id"]] = (rel, max(whole, key=lambda s: s["edition"]) if whole else None)
    return out


def list_minerals(directory: Path, list_id: str) -> list[dict]:
    return [m for m in load(directory, "minerals_2025.yaml")["minerals"] if list_id in m["lists"]]


# --------------------------------------------------------------------------
# running a command


def problems(run) -> list[dict]:
    """The problems of a `validate --json` run."""
    return run.json()["problems"]


def run_json(cli, *args):
    run = cli(*args, "--json")
    assert run.exit_code == 0, run.stderr
    return run.json()


def csv_records(cli, *args, exit_code: int = 0) -> list[dict]:
    """The records of `minerals ARGS`, from JSON lines, after checking the CSV holds the very same rows.

    Each CSV cell must read back as its JSON-lines value: a number parses as
    that number (pandas reads the column as numeric), unknown is an empty
    cell, true/false are True/False, text is itself.
    """
    import csv
    import io
    import json

    as_csv, as_jsonl = cli(*args, "--format", "csv"), cli(*args, "--format", "jsonl")
    assert as_csv.exit_code == as_jsonl.exit_code == exit_code, as_csv.stderr + as_jsonl.stderr
    records = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert list(row) == list(record)
        for key, value in record.items():
            cell = row[key]
            if value is None:
                assert cell == "", (key, cell)
            elif isinstance(value, bool):
                assert cell == str(value), (key, cell)
            elif isinstance(value, (int, float)):
                assert float(cell) == value, (key, cell)
            else:
                assert isinstance(value, str) and cell == value, (key, cell)
    return records


def long_lines(text: str, width: int = 120) -> list[str]:
    """The lines of `text` longer than `width` characters (a piped table's limit, render/text.py)."""
    return [line for line in text.splitlines() if len(line) > width]


def full_citation(cited: dict) -> str:
    """A JSON citation (`what`, `source`) as --sources prints it, in single spaces: compare with `" ".join(out.split())`."""
    s = cited["source"]
    return " ".join((f"{cited['what']}: " + ", ".join(p for p in (s["table"], s["url"], s["note"]) if p)).split())


# Escape sequences a terminal obeys (colours, cursor moves, OSC titles): left out before lines are measured.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def run_in_terminal(args, cols: int = 80, rows: int = 50, escapes: bool = False) -> str:
    """What `minerals ARGS` shows in a terminal of `cols` x `rows`: the installed executable on a pseudo-terminal.

    The terminal has that size (TIOCSWINSZ), COLUMNS and LINES say so too,
    NO_COLOR is unset: the run takes the path a user's terminal takes (rich
    tables, colours), not the pipe's.  stdout and stderr both go to the
    terminal, as they would.  Line ends are '\\n'; escape sequences are left
    out unless `escapes`, so widths can be measured on the text.
    """
    import fcntl
    import pty
    import select
    import struct
    import termios

    environment = {k: v for k, v in os.environ.items()
                   if k != "NO_COLOR" and not k.startswith(("MINERALS_", "_MINERALS_"))}
    environment.update({"COLUMNS": str(cols), "LINES": str(rows), "TERM": environment.get("TERM") or "xterm-256color"})
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    process = subprocess.Popen([str(EXE), *args], stdin=follower, stdout=follower, stderr=follower, env=environment,
                               close_fds=True)
    os.close(follower)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                process.kill()
                raise TimeoutError(f"minerals {' '.join(args)} wrote nothing for 120 s")
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is gone once the process has closed it (EIO on Linux)
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        process.wait(timeout=120)
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return text if escapes else _ESCAPES.sub("", text)


# --------------------------------------------------------------------------
# editing a copy of the data


def edit_yaml(directory: Path, name: str, change) -> None:
    path = directory / name
    doc = yaml.safe_load(path.read_text())
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def rename_list(old: str, new: str):
    """Rename a list id everywhere in minerals_2025.yaml."""
    def change(doc):
        for entry in doc["lists"]:
            entry["id"] = new if entry["id"] == old else entry["id"]
            entry["previous_final"] = new if entry.get("previous_final") == old else entry.get("previous_final")
        for m in doc["minerals"]:
            m["lists"] = [new if lid == old else lid for lid in m["lists"]]
            for key in ("listed_as", "covered_by"):
                if old in m.get(key, {}):
                    m[key][new] = m[key].pop(old)
    return change


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
# writing an import_dependence.yaml with made-up figures (cited as a test fixture)


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


def python_block_after(text: str, heading: str) -> str:
    """The first ```python block of `text` (a README) after `heading`."""
    rest = text[text.index(heading):]
    start = rest.index("```python\n") + len("```python\n")
    return rest[start: rest.index("```", start)]
