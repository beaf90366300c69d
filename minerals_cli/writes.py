"""Writing a file for the user: the one guard every command that writes goes through.

`ingest-mcs` (import_dependence.yaml) and `chart --svg` (a picture) write
with `write_file`, and so will any later command.  The rules:

- Never the shipped data, nor anything else inside the installed package
  (its code, its data, the stored validated forms), however the path is
  spelled: links are resolved.
- Never one of the command's own inputs (the data files it reads, the
  files it was given; ingest-mcs's target, which it updates, is not among
  them): a link or a hard link to an input counts.
- A target that is a symbolic link is written through: the file it
  points to gets the new content and the link stays a link.
- Atomic: the content goes to a new temporary file in the target's own
  folder (a unique name, created exclusively, never through a link),
  is flushed to disk, takes the target's permission bits (a new file
  gets 0666 less the umask) and is renamed over the target; the folder is
  synced.  A target with other hard links is rewritten in place instead,
  once the new content is complete, so that every link sees it; a device
  or a pipe (`/dev/stdout`) is simply written to.
- On any failure, and on SIGTERM or Ctrl-C while writing, the temporary
  file is removed and the target is left as it was; a SIGTERM then ends
  the process as the signal would have.
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import OutputError, UsageError


def write_file(target: Path, data: bytes, inputs: Iterable[Path] = ()) -> Path:
    """Write `data` to `target` by the rules above; the file actually written (a link's target)."""
    real = Path(os.path.realpath(target))
    refuse_protected(target, real, inputs)
    try:
        with _terminate_cleanly():
            info = _existing(target)
            if info is not None and not stat.S_ISREG(info.st_mode):  # a device or a pipe (/dev/stdout): no file to replace
                _write_to_stream(target, data)
            elif info is not None and info.st_nlink > 1:
                _rewrite_in_place(real, data)
            else:
                _replace(real, data, stat.S_IMODE(info.st_mode) if info is not None else _default_mode())
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    return real


def refuse_protected(target: Path, real: Path, inputs: Iterable[Path] = (), hint: str | None = None) -> None:
    """UsageError unless `target` (resolved: `real`) may be written: not the package's, not an input, not a folder.

    `hint` is the command's own advice for where to write instead of the shipped data.
    """
    from . import data_dir

    package = Path(__file__).resolve().parent
    if data_dir.is_shipped(real):
        raise UsageError(
            f"{target} is in the data shipped with the package ({data_dir.shipped().resolve()}), which no command writes",
            hint or "write to a file of your own, or to a copy of the data directory",
        )
    if real == package or package in real.parents:
        raise UsageError(
            f"{target} is part of the installed minerals package ({package}), which no command writes",
            "write to a file of your own",
        )
    if real.is_dir():
        raise UsageError(f"{target} is a directory; name a file to write")
    for given in inputs:
        if _same(given, real):
            raise UsageError(f"{target} is one of this command's inputs ({given}); it is never overwritten",
                             "write to another file")


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _existing(path: Path):
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace(real: Path, data: bytes, mode: int) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException:
        _remove(tmp)
        raise
    _sync_folder(real.parent)


def _write_to_stream(target: Path, data: bytes) -> None:
    with open(target, "ab") as fh:  # never truncates, never creates: the device or pipe is there
        fh.write(data)


def _rewrite_in_place(real: Path, data: bytes) -> None:
    fd = os.open(real, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Terminated(BaseException):
    """SIGTERM arrived while a file was being written: clean up, then end as the signal would."""


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM unwinds (so `finally` and `except` clean up) instead of killing outright."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
