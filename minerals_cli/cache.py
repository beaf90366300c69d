"""An output cache, so that a repeated read-only command answers in milliseconds.

Typer and pydantic alone cost more than the time budget of a command run in
a shell loop, so the validated answer cannot be recomputed on every call.
Instead the exact text a successful command printed is stored under a key
that covers everything the output can depend on:

- the arguments, and the working directory when an argument is a relative path;
- the content (sha256) of the data directory's YAML files and of any file
  or directory named on the command line, so an edited data file is loaded
  and validated again (a broken file after a good run still fails with exit 3);
- the package version and the size and mtime of its own .py files, so a
  code change invalidates every entry; the interpreter and its installed
  packages (site-packages mtimes);
- the environment variables that change output (colour, width, encoding,
  MINERALS_*), and the encoding of stdout.

Only commands of an allow-list that have no side effects are cached, only
when stdout is not a terminal (terminal output depends on its width), and
only when they exit 0.  Anything that goes wrong with the cache itself is
silent: the command then runs as if there were no cache.
`MINERALS_NO_CACHE=1` turns it off.

This module is imported before typer, pydantic or yaml, and must itself
stay cheap to import: standard library only, nothing done at import time.
"""

from __future__ import annotations

import os
import sys

FORMAT = "minerals-cache 1"
MAGIC = (FORMAT + "\n").encode()

CACHEABLE = frozenset({"list", "diff", "show", "exposure", "country", "gaps", "scenario", "summary", "chart"})
WRITES_FILES = ("--svg", "--output", "--out", "--save", "--write")
OUTPUT_ENV = frozenset(
    {
        "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLORTERM", "COLUMNS", "LINES",
        "TTY_COMPATIBLE", "TTY_INTERACTIVE", "GITHUB_ACTIONS", "PYTHONIOENCODING", "PYTHONUTF8",
        "LANG", "LC_ALL", "LC_CTYPE", "PYDANTIC_DISABLE_PLUGINS",
    }
)
OUTPUT_ENV_PREFIXES = ("MINERALS_", "TYPER_", "_TYPER", "RICH_")
NOT_KEYED = frozenset({"MINERALS_CACHE_DIR", "MINERALS_NO_CACHE"})

MAX_OUTPUT = 16 * 1024 * 1024
MAX_ENTRIES = 1000
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- the slot


def slot_for(argv: list[str], environ=os.environ) -> str | None:
    """The cache file that holds the output of `minerals ARGV`, or None when not to cache."""
    try:
        if disabled(environ) or not cacheable(argv, environ) or _stdout_is_terminal():
            return None
        key = cache_key(argv, environ)
        if key is None:
            return None
        return os.path.join(cache_dir(environ), key + ".out")
    except (OSError, ValueError):
        return None


def disabled(environ) -> bool:
    return environ.get("MINERALS_NO_CACHE", "") not in ("", "0")


def cacheable(argv: list[str], environ) -> bool:
    """Read-only commands of the allow-list; never completion, stdin or anything that writes a file."""
    if not argv or argv[0] not in CACHEABLE:
        return False
    if any(name.startswith(("_MINERALS_", "_TYPER_")) for name in environ):
        return False
    for arg in argv:
        if arg == "-" or arg.startswith(WRITES_FILES):
            return False
    return True


def _stdout_is_terminal() -> bool:
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return True


def cache_dir(environ) -> str:
    """$MINERALS_CACHE_DIR, else $XDG_CACHE_HOME/minerals, else ~/.cache/minerals."""
    if environ.get("MINERALS_CACHE_DIR"):
        return environ["MINERALS_CACHE_DIR"]
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "minerals")


# ---------------------------------------------------------------- the key


def cache_key(argv: list[str], environ) -> str | None:
    """A digest of everything the output can depend on; None when the data directory is missing."""
    from hashlib import sha256

    data_dir = resolve_data_dir(argv, environ)
    if not os.path.isdir(data_dir):
        return None
    parts: list = [FORMAT, list(argv)]
    parts.append(_code_fingerprint())
    parts.append(_data_fingerprint(data_dir, sha256))
    parts.append(_named_files(argv, data_dir, sha256))
    parts.append(sorted((k, v) for k, v in environ.items() if _affects_output(k)))
    parts.append((getattr(sys.stdout, "encoding", None), getattr(sys.stdout, "errors", None), _is_terminal(2)))
    if any(_relative_path(arg) for arg in argv):
        parts.append(os.getcwd())
    return sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def resolve_data_dir(argv: list[str], environ) -> str:
    """The directory data_dir.py would choose for this command line (--data-dir, environment, shipped)."""
    from . import data_dir

    option = None
    for i, arg in enumerate(argv):
        if arg == data_dir.OPTION and i + 1 < len(argv):
            option = argv[i + 1]
        elif arg.startswith(data_dir.OPTION + "="):
            option = arg[len(data_dir.OPTION) + 1 :]
    chosen = data_dir.chosen(option or None, environ)
    return os.path.abspath(chosen) if chosen is not None else str(data_dir.shipped())


def _code_fingerprint() -> list:
    """Version, interpreter, installed packages and our own sources: any change is a new key."""
    from . import __version__

    found = [__version__, sys.version, sys.prefix]
    for entry in sys.path:
        if entry.endswith("site-packages"):
            found.append((entry, _mtime(entry)))
    for root, dirs, files in os.walk(PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(root, name))
                found.append((os.path.relpath(os.path.join(root, name), PACKAGE_DIR), st.st_size, st.st_mtime_ns))
    return found


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _data_fingerprint(data_dir: str, sha256) -> list:
    """Name and content digest of every YAML file in the data directory."""
    found: list = [data_dir]
    for name in sorted(os.listdir(data_dir)):
        if name.endswith((".yaml", ".yml")):
            path = os.path.join(data_dir, name)
            if os.path.isfile(path):
                found.append((name, _digest(path, sha256)))
    return found


def _named_files(argv: list[str], data_dir: str, sha256) -> list:
    """Files and directories given as arguments: their content is part of the key too.

    This covers options that read a file (`--opt=FILE`) and any way of naming
    a data directory that resolve_data_dir does not know about.
    """
    found = []
    for arg in argv:
        value = arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg
        if not value:
            continue
        if os.path.isfile(value):
            found.append((value, _digest(value, sha256)))
        elif os.path.isdir(value) and os.path.abspath(value) != data_dir:
            found.append(_data_fingerprint(os.path.abspath(value), sha256))
    return found


def _digest(path: str, sha256) -> str:
    h = sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _affects_output(name: str) -> bool:
    if name in NOT_KEYED:
        return False
    return name in OUTPUT_ENV or name.startswith(OUTPUT_ENV_PREFIXES)


def _relative_path(arg: str) -> bool:
    value = arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg
    return bool(value) and not os.path.isabs(value) and (os.sep in value or os.path.exists(value))


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


# ---------------------------------------------------------------- read and replay


def replay(slot: str) -> bool:
    """Print a stored answer (stderr part first, as it was unbuffered); False on a miss."""
    stored = _read(slot)
    if stored is None:
        return False
    out, err = stored
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    sys.stdout.write(out)
    return True


def _read(slot: str) -> tuple[str, str] | None:
    """The (stdout, stderr) text of an entry we wrote ourselves, or None."""
    try:
        with open(slot, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None
            blob = fh.read(MAX_OUTPUT * 2 + 256)
    except OSError:
        return None
    try:
        if not blob.startswith(MAGIC):
            return None
        header, _, body = blob[len(MAGIC) :].partition(b"\n")
        n_out, n_err = (int(n) for n in header.split())
        if len(body) != n_out + n_err:
            return None
        return body[:n_out].decode("utf-8", "surrogatepass"), body[n_out:].decode("utf-8", "surrogatepass")
    except ValueError:
        return None


# ---------------------------------------------------------------- record and store


class Recorder:
    """Stands in for sys.stdout or sys.stderr: writes through and keeps a copy of the text.

    Writing to the binary buffer or the file descriptor would bypass the
    copy, so touching them marks the recording unusable instead.
    """

    def __init__(self, stream):
        self._stream = stream
        self._parts: list[str] = []
        self.bypassed = False

    def write(self, text: str) -> int:
        n = self._stream.write(text)
        self._parts.append(text)
        return n

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    @property
    def buffer(self):
        self.bypassed = True
        return self._stream.buffer

    def fileno(self) -> int:
        self.bypassed = True
        return self._stream.fileno()

    def text(self) -> str:
        return "".join(self._parts)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class Recording:
    """Run a block with stdout and stderr recorded; store them if it ends with exit 0.

    With no slot (not cacheable, cache off) the block runs untouched.
    """

    def __init__(self, slot: str | None):
        self.slot = slot
        self.out = self.err = None

    def __enter__(self) -> "Recording":
        if self.slot is not None:
            self.out, self.err = Recorder(sys.stdout), Recorder(sys.stderr)
            sys.stdout, sys.stderr = self.out, self.err
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if self.slot is None:
            return False
        sys.stdout, sys.stderr = self.out._stream, self.err._stream
        succeeded = kind is None or (kind is SystemExit and exc.code in (0, None))
        if succeeded and not (self.out.bypassed or self.err.bypassed):
            store(self.slot, self.out.text(), self.err.text())
        return False


def store(slot: str, out: str, err: str) -> None:
    """Write an entry atomically (temp file, then rename); any failure leaves no trace."""
    body_out, body_err = out.encode("utf-8", "surrogatepass"), err.encode("utf-8", "surrogatepass")
    if len(body_out) + len(body_err) > MAX_OUTPUT:
        return
    blob = MAGIC + f"{len(body_out)} {len(body_err)}\n".encode() + body_out + body_err
    directory = os.path.dirname(slot)
    tmp = None
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".out")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, slot)
        tmp = None
        _prune(directory)
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(directory: str) -> None:
    """Keep the cache bounded: past MAX_ENTRIES, drop the older half."""
    entries = [e for e in os.scandir(directory) if e.name.endswith(".out") and not e.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for entry in entries[: len(entries) - MAX_ENTRIES // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass
