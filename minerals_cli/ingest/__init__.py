"""Read the USGS Mineral Commodity Summaries data-release files into our records (`minerals ingest-mcs`).

The pieces, in the order a run uses them:

* usgs_names.py: the one table of USGS row and chapter names -> our ids;
* release.py and text.py: reading a release file and its quirks (BOM, CRLF,
  footnote digits glued to names such as `China3`, no-break spaces);
* countries.py: printed country names -> ISO codes through the registry
  (country_groups.yaml) of the data directory in use;
* fig2.py and chapters.py: parsing each format into a Batch (batch.py),
  parse.py: the files of one edition into one batch;
* merge.py: folding a batch into an existing document so that curated
  fields survive a re-run, and dumping it in a stable layout;
* run.py: choosing the target (never the shipped data), validating what a
  run starts from and what it writes.

Parsing is pure (text in, records out), so next year's edition is one
command and re-ingesting the official files reproduces the shipped YAML
byte for byte (docs/design.md, "Ingesting USGS releases").
"""
