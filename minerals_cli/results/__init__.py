"""Result models: what each command returns and `--json` dumps (base.py says what they share)."""
