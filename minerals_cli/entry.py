"""Console-script entry point, kept free of heavy imports.

A repeated read-only command is answered from the output cache (cache.py)
before typer, pydantic or yaml are imported: that is most of the start-up
time of a cold run.  Only on a miss is the Typer app (cli.py) loaded.
"""

from __future__ import annotations

import sys

from .streams import silence_stdout


def main() -> None:
    """Answer from the output cache or run the app; end quietly on a closed pipe.

    On a miss the cyclic garbage collector is off: a command builds one
    tree of parsed data and models and exits, and the collector would only
    rescan that tree again and again as it grows.  Off, a cold run takes
    0.9x the time on the shipped data and 0.4x on 100x the data (whose time
    then grows in proportion to its size), at the same peak memory
    (bench/README.md).
    """
    import gc

    from . import cache

    slot = cache.slot_for(sys.argv[1:])
    try:
        if slot is not None and cache.replay(slot):
            return
        with cache.Recording(slot):
            gc.disable()
            from .cli import app

            app(prog_name="minerals")
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
