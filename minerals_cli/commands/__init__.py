"""One module per command, named after it (`ingest_mcs.py` for `ingest-mcs`).

Each holds `command`, the Typer callback that parses the command's
arguments, resolves them (resolve.py), calls the analysis and renders the
result through render.emit; its view (the tables a result shows) sits
beside it.  Heavy modules (pydantic, yaml, rich) are imported inside the
callbacks, so `--help` and the other commands do not pay for them.
"""
