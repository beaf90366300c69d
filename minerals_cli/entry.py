"""Console-script entry point: the quick path first, the Typer app for everything it declines.

A well-formed command line is read from the command table (argv.py) and
its command called directly, so an ordinary run never imports typer or
pydantic; the data it reads comes from the validated store
(dataset/store.py).  Whatever the quick path declines (a mistake, shell
completion, an unusual form) goes to the Typer app (cli.py), which gives
the usual messages.  No answer is ever replayed: every run computes it.
"""

from __future__ import annotations

import sys

from .streams import silence_stdout


def main(args: list[str] | None = None) -> None:
    """Run one command line (the process's own, unless `args` is given); end quietly on a closed pipe.

    As the console script, the cyclic garbage collector is off: the process
    builds one tree of data and results and exits, and the collector would
    only rescan that tree again and again as it grows (bench/README.md).
    """
    if args is None:
        import gc

        gc.disable()
        args = sys.argv[1:]
    try:
        if any("\x00" in arg for arg in args):  # no name and no path can hold one; os calls would raise
            from .errors import UsageError, report

            sys.exit(report(UsageError("an argument holds a NUL character (\\x00), which no name or path can")))
        code = quick(args)
        if code is None:
            from .cli import app

            app(args=args, prog_name="minerals")
        sys.exit(code)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:  # Ctrl-C: the user's choice, not a failure to explain with a traceback
        from .streams import warn

        warn("minerals: interrupted")
        sys.exit(130)
    finally:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except (OSError, ValueError):  # a reader gone, a full disk: the answer's own write already said so
            silence_stdout()


def quick(args: list[str]) -> int | None:
    """The exit code of a command line the quick path answers, or None for the Typer app."""
    from .argv import load_spec, parse, run, show_help, show_version
    from .errors import MineralsError, report

    spec = load_spec()
    parsed = parse(args, spec) if spec is not None else None
    if parsed is None:
        return None
    what, command, values = parsed
    try:
        if what == "version":
            return show_version()
        return show_help(spec, command) if what == "help" else run(command, values)
    except MineralsError as exc:
        return report(exc)
