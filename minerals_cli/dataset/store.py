"""Each data file's validated form, kept so that a run parses and validates only what changed.

A run reads a data file's bytes once and hashes them (sha256).  The
validated form stored under that hash is used when it is intact;
otherwise those same bytes are parsed and validated with pydantic and the
form is stored for the next run.  So an answer is always the one a fresh
validation of the file as it is now would give: a stored form is trusted
only for the exact bytes it was made from.

A stored form (forms.py) is JSON: a header (format, data file, sha256 of
the source bytes, fingerprint of the schema, checksums), the file's short
fields and indexes, and the items of its long list as parts a question
reads one by one.  One that is missing, unreadable, not a regular file, a
symbolic link, owned by another user, or whose header or any checksum
does not match is ignored and rebuilt (a part found damaged mid-run
switches the run to a fresh validation); it can never change an answer.
Nothing is ever unpickled or executed from it.

Where: the forms of the shipped data are built into the package when it
is built (`minerals_cli/data/validated/`, hatch_build.py); every other
form goes to the user's cache folder, `$XDG_CACHE_HOME/minerals/validated`
(default `~/.cache/minerals/validated`).  A folder that cannot be written
only costs speed: the run validates and answers anyway.
"""

from __future__ import annotations

import os
import stat
from hashlib import sha256
from pathlib import Path
from typing import Any

KEEP = 64  # forms kept in the cache folder; the oldest beyond this are removed when one is written
PACKAGED = "validated"  # folder of the shipped forms, inside the shipped data folder
_SCHEMA_FILES = ("schema.py", "schema_policy.py", "schema_stats.py", "records.py", "forms.py")


def load(key: str, path: Path) -> Any:
    """The validated records of one data file, from its stored form or a fresh validation."""
    from ..errors import DataError
    from .safe_yaml import Refused, read_bytes

    try:
        raw = read_bytes(path)
    except Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None
    source, schema = sha256(raw).hexdigest(), fingerprint()
    name = form_name(key, source, schema)

    def rebuild():
        return fresh(key, path, raw, source, schema)

    for folder, owners in folders(path):
        opened = open_stored(folder / name, key, source, schema, owners)
        if opened is not None:
            return records_of(key, *opened, rebuild=lambda: rebuild()[1])
    return records_of(key, *rebuild())


def fresh(key: str, path: Path, raw: bytes, source: str, schema: str):
    """Validate the bytes read from `path`, store their form, and open it from memory."""
    from . import forms
    from .records import derived

    doc = validated_doc(key, path, raw)
    data = forms.build(key, source, schema, doc, derived(key, doc))
    write_form(cache_folder() / form_name(key, source, schema), data)
    return forms.from_bytes(key, source, schema, data)


def records_of(key: str, top: dict, parts, rebuild=None) -> Any:
    """The records of an opened form (head and parts); a damaged part later calls `rebuild`."""
    from . import records

    if top["long"] is None:  # read whole: the head's fields are the records, unless the file keeps its list whole
        return top["fields"] if key not in records.FILE_RECORDS else records.whole(key, top["fields"])
    checked = parts if rebuild is None else Checked(parts, rebuild)
    return records.FILE_RECORDS[key](key, top["fields"], checked, top["derived"])


class Checked:
    """The parts of a stored form, which turn to a fresh validation the moment one does not match."""

    def __init__(self, parts, rebuild) -> None:
        self._parts, self._rebuild = parts, rebuild

    def ids(self) -> list[str]:
        return self._parts.ids()

    def read(self, ident: str):
        from .forms import Damaged

        try:
            return self._parts.read(ident)
        except Damaged:
            self._parts = self._rebuild()
            return self._parts.read(ident)


def build_packaged(files: dict[str, str], directory: Path, out: Path) -> list[Path]:
    """Write the stored form of each data file (key -> file name, dataset.FILES) of `directory` into `out`.

    The package build does this for the shipped data (hatch_build.py).
    """
    from . import forms
    from .records import derived
    from .safe_yaml import read_bytes

    schema, written = fingerprint(), []
    out.mkdir(parents=True, exist_ok=True)
    for key, name in files.items():
        path = directory / name
        raw = read_bytes(path)
        source, doc = sha256(raw).hexdigest(), validated_doc(key, path, raw)
        target = out / form_name(key, source, schema)
        target.write_bytes(forms.build(key, source, schema, doc, derived(key, doc)))
        written.append(target)
    return written


def validated_doc(key: str, path: Path, raw: bytes) -> dict:
    """Parse and validate the bytes read from `path`: the model's JSON data (DataError if invalid)."""
    from ..errors import DataError
    from .safe_yaml import Refused, parse_bytes
    from .validation import validated

    try:
        model = validated(key, path, parse_bytes(path, raw))
    except Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None
    return model.model_dump(mode="json")


def form_name(key: str, source: str, schema: str) -> str:
    return f"{key}-{source}-{schema[:16]}.json"


def fingerprint() -> str:
    """What a stored form depends on besides the data: its layout and the schema's source."""
    from .forms import FORMAT

    digest = sha256(str(FORMAT).encode())
    here = Path(__file__).parent
    for name in _SCHEMA_FILES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(os.urandom(16))  # unknown schema: trust no stored form
    return digest.hexdigest()


def folders(path: Path) -> list[tuple[Path, set[int]]]:
    """Where a form of `path` may be stored, and which owners each folder's forms may have."""
    mine = {os.getuid()} if hasattr(os, "getuid") else set()
    found = [(cache_folder(), mine)]
    packaged = path.parent / PACKAGED
    from .. import data_dir

    if data_dir.is_shipped_dir(path.parent):
        found.insert(0, (packaged, mine | {_owner(Path(__file__))}))
    return found


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "minerals" / "validated"


def open_stored(path: Path, key: str, source: str, schema: str, owners: set[int]):
    """The head and parts of an intact stored form, or None for anything else (never an error).

    The file stays open: parts are read from it when a question asks for them.
    """
    from .forms import Damaged, from_file

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (owners and info.st_uid not in owners):
            os.close(fd)
            return None
        fh = os.fdopen(fd, "rb")
    except OSError:
        os.close(fd)
        return None
    try:
        return from_file(key, source, schema, fh)
    except Damaged:
        fh.close()
        return None


def write_form(path: Path, data: bytes) -> None:
    """Store a form atomically (a temporary file renamed over it); a folder that refuses is no error.

    Not writes.write_file: a form is our own cache, not a user's file; it needs no fsync and no kept
    mode (a torn one fails its checksums and is rebuilt), and the first run on new data pays for neither.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".form-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        prune(path.parent)
    except OSError:
        pass


def prune(folder: Path) -> None:
    """Keep the newest KEEP forms of the folder; only files named as forms are ever removed."""
    import re

    pattern = re.compile(r"[a-z_]+-[0-9a-f]{64}-[0-9a-f]{16}\.json")
    forms = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file() and not p.is_symlink()]
    if len(forms) <= KEEP:
        return
    forms.sort(key=lambda p: p.stat().st_mtime)
    for old in forms[:-KEEP]:
        try:
            old.unlink()
        except OSError:
            pass


def _owner(path: Path) -> int:
    try:
        return path.stat().st_uid
    except OSError:
        return -1
