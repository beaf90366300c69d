"""The standard streams: the one place an answer is written to stdout, and what happens when it cannot be.

A command's answer is built in full, then written and flushed here once.
What can go wrong is the user's environment, never a traceback:

- stdout closed (`minerals list >&-`): exit 2, "standard output is closed";
- stdout that fails (a full disk, `>/dev/full`): exit 2 with the reason;
- a reader that went away (`minerals list | head`): a quiet exit 0 (entry.py);
- a stream whose encoding cannot hold the text (`PYTHONIOENCODING=ascii`):
  JSON is written with ASCII escapes (the same JSON), text degrades to
  ASCII look-alikes ('—' as '-', box lines as '-', '|' and '+') and '?'.

After a failure stdout points at /dev/null, so the interpreter's own final
flush cannot fail a second time.
"""

from __future__ import annotations

import os
import sys
from typing import Optional, TextIO

from .errors import OutputError

# Look-alikes for the characters tables and notes use, for a stream that cannot encode them.
_LOOK_ALIKES = {
    "—": "-", "–": "-", "−": "-", "≥": ">=", "≤": "<=", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...",
    "×": "x", "•": "*", "→": "->", "█": "#", "▏": "|", "µ": "u", "°": " deg",
}


def write_out(text: str, stream: Optional[TextIO] = None) -> None:
    """Write `text` to stdout (or `stream`) and flush it; OutputError (exit 2) when that cannot be done."""
    stream = sys.stdout if stream is None else stream
    if stream is None:
        raise OutputError("standard output is closed: there is nowhere to write the answer")
    try:
        stream.write(encodable(text, stream))
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        silence_stdout()
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError(f"cannot write the answer to standard output: {reason}") from None


def encodes(text: str, stream: Optional[TextIO] = None) -> bool:
    """True when the stream's encoding can hold every character of `text`."""
    stream = sys.stdout if stream is None else stream
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def encodable(text: str, stream: TextIO) -> str:
    """`text`, or for a stream of a narrower encoding its ASCII look-alike with '?' for the rest."""
    if encodes(text, stream):
        return text
    encoding = getattr(stream, "encoding", None) or "ascii"
    plain = "".join(_look_alike(ch) for ch in text)
    try:
        return plain.encode(encoding, "replace").decode(encoding)
    except LookupError:
        return plain.encode("ascii", "replace").decode("ascii")


def _look_alike(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in _LOOK_ALIKES:
        return _LOOK_ALIKES[ch]
    if "\u2500" <= ch <= "\u257f":  # box drawing: the lines of a terminal table
        name = _box_kind(ch)
        return {"horizontal": "-", "vertical": "|"}.get(name, "+")
    return ch


def _box_kind(ch: str) -> str:
    import unicodedata

    name = unicodedata.name(ch, "")
    if "HORIZONTAL" in name and "VERTICAL" not in name and "DOWN" not in name and "UP" not in name:
        return "horizontal"
    if "VERTICAL" in name and "HORIZONTAL" not in name and "LEFT" not in name and "RIGHT" not in name:
        return "vertical"
    return "corner"


def warn(text: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def silence_stdout() -> None:
    """Point stdout at /dev/null (after its reader went away or it failed), so the exit flush is quiet."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
