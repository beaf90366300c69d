"""What happens to the standard streams when their reader goes away.

The console script (entry.py) and the Typer group (cli.py) both end a run
quietly when stdout is a closed pipe (`minerals list | head`); this is the
one place that knows how.
"""

from __future__ import annotations

import os
import sys


def silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so exit flushes quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
