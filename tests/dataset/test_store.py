"""The validated store (dataset/store.py) never changes an answer.

Whatever happens to a data file or to a stored form (an edit between two
runs, a revert, an edit that keeps the size and the modification time, a
corrupted, forged, linked, foreign or unwritable form), a run answers what
a fresh validation of the file as it is now gives.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from minerals_cli import data_dir
from minerals_cli.dataset import FILES, Dataset, store
from minerals_cli.dataset.safe_yaml import parse
from minerals_cli.dataset.validation import validated

MINERALS = FILES["minerals"]


def fresh(key: str, path: Path):
    """What validating the file now gives, as JSON data."""
    return validated(key, path, parse(path)).model_dump(mode="json")


def name_of_lithium(cli, directory: Path) -> str:
    run = cli("exposure", "lithium", "--json", "--data-dir", str(directory))
    assert run.exit_code == 0, run.stderr
    return run.json()["name"]


def form_of(path: Path, key: str = "minerals") -> Path:
    source = hashlib.sha256(path.read_bytes()).hexdigest()
    return store.cache_folder() / store.form_name(key, source, store.fingerprint())


def edit_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    info = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


@pytest.mark.parametrize("key", sorted(FILES))
def test_a_stored_form_reads_back_as_the_validated_model(data_copy, key):
    path = data_copy / FILES[key]
    first, second = store.load(key, path), store.load(key, path)  # a fresh validation, then the stored form
    assert first == second == fresh(key, path)


def test_the_installed_forms_are_the_shipped_data_validated():
    folder = data_dir.shipped() / store.PACKAGED
    if not (Path(data_dir.__file__).parent / "data").is_dir():
        pytest.skip("a checkout (editable install) has no forms built into the package")
    for key, name in FILES.items():
        path = data_dir.shipped() / name
        source, schema = hashlib.sha256(path.read_bytes()).hexdigest(), store.fingerprint()
        opened = store.open_stored(folder / store.form_name(key, source, schema), key, source, schema, owners=set())
        assert opened is not None, f"no intact form of {name} in {folder}"
        assert store.records_of(key, *opened) == fresh(key, path)


def test_an_edit_between_two_runs_is_seen_and_a_revert_too(cli, data_copy):
    path = data_copy / MINERALS
    original = path.read_bytes()
    assert name_of_lithium(cli, data_copy) == "lithium"
    path.write_text(path.read_text(encoding="utf-8").replace("name: lithium", "name: lithium metal"), encoding="utf-8")
    assert name_of_lithium(cli, data_copy) == "lithium metal"
    path.write_bytes(original)
    assert name_of_lithium(cli, data_copy) == "lithium"


def test_an_edit_that_keeps_size_and_modification_time_is_seen(cli, data_copy):
    path = data_copy / MINERALS
    assert name_of_lithium(cli, data_copy) == "lithium"
    edit_keeping_size_and_time(path, "name: lithium", "name: lithiux")
    assert name_of_lithium(cli, data_copy) == "lithiux"
    edit_keeping_size_and_time(path, "name: lithiux", "name: lithium")
    assert name_of_lithium(cli, data_copy) == "lithium"


def test_a_corrupted_form_is_ignored_and_rebuilt(cli, data_copy):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    form = form_of(path)
    form.write_bytes(form.read_bytes().replace(b'"name":"lithium"', b'"name":"lithiux"'))
    assert name_of_lithium(cli, data_copy) == "lithium"
    assert b'"name":"lithium"' in form.read_bytes()


def forge(path: Path, form: Path) -> None:
    """Write at `form` a form of the file's bytes whose lithium is renamed, every checksum right."""
    from minerals_cli.dataset import forms
    from minerals_cli.dataset.records import derived

    doc = fresh("minerals", path)
    next(m for m in doc["minerals"] if m["id"] == "lithium")["name"] = "lithiux"
    source = hashlib.sha256(path.read_bytes()).hexdigest()
    form.write_bytes(forms.build("minerals", source, store.fingerprint(), doc, derived("minerals", doc)))


def test_a_form_naming_other_source_bytes_is_ignored(cli, data_copy):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    form = form_of(path)
    forge(path, form)
    head, _, rest = form.read_bytes().partition(b"\n")
    form.write_bytes(head.replace(hashlib.sha256(path.read_bytes()).hexdigest().encode(), b"0" * 64) + b"\n" + rest)
    assert name_of_lithium(cli, data_copy) == "lithium"


@pytest.mark.parametrize("kind", ["symlink", "directory", "empty", "not json"])
def test_a_form_that_is_not_a_plain_intact_file_is_ignored(cli, data_copy, tmp_path, kind):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    form = form_of(path)
    decoy = tmp_path / "decoy.json"
    decoy.write_bytes(form.read_bytes().replace(b'"name":"lithium"', b'"name":"lithiux"'))
    form.unlink()
    if kind == "symlink":
        form.symlink_to(decoy)
    elif kind == "directory":
        form.mkdir()
    else:
        form.write_bytes(b"" if kind == "empty" else b"{not json\n[]")
    try:
        assert name_of_lithium(cli, data_copy) == "lithium"
    finally:
        if form.is_dir() and not form.is_symlink():
            form.rmdir()


def test_a_form_owned_by_another_user_is_ignored(cli, data_copy, monkeypatch):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    form = form_of(path)
    forge(path, form)
    assert name_of_lithium(cli, data_copy) == "lithiux"  # the forgery is intact: only ownership can tell
    forge(path, form)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(form).st_uid + 1)
    assert name_of_lithium(cli, data_copy) == "lithium"


def test_a_part_damaged_after_the_form_was_opened_turns_the_run_to_a_fresh_validation(data_copy):
    path = data_copy / FILES["import_dependence"]
    store.load("import_dependence", path)  # stores the form
    imports = store.load("import_dependence", path)  # opens it; no part read yet
    form = form_of(path, "import_dependence")
    data = form.read_bytes()
    form.write_bytes(data.replace(b'"id":"lithium"', b'"id":"lithiux"'))
    assert imports.commodity("lithium") == next(c for c in fresh("import_dependence", path)["commodities"]
                                                 if c["id"] == "lithium")


def test_a_cache_folder_that_cannot_be_written_only_costs_time(cli, data_copy, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    run = cli("exposure", "lithium", "--json", "--data-dir", str(data_copy), env={"XDG_CACHE_HOME": str(blocker)})
    assert run.exit_code == 0 and run.json()["name"] == "lithium" and run.stderr == ""


def test_a_file_made_invalid_after_a_good_run_fails_rather_than_answering_from_the_old_form(cli, data_copy):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("kind: element", "kind: elephant", 1), encoding="utf-8")
    run = cli("exposure", "lithium", "--json", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "minerals.0.kind" in run.stderr and run.stdout == ""


def test_only_files_named_as_forms_are_ever_pruned(data_copy, monkeypatch, tmp_path):
    folder = tmp_path / "forms"
    folder.mkdir()
    mine = folder / "notes.json"
    mine.write_text("{}")
    monkeypatch.setattr(store, "KEEP", 1)
    monkeypatch.setattr(store, "cache_folder", lambda: folder)
    for key in FILES:
        Dataset(data_copy).__getattribute__(key)
    forms = [p for p in folder.iterdir() if p.name != "notes.json" and not p.name.startswith(".")]
    assert len(forms) == 1 and mine.exists()


def test_an_unreadable_form_is_ignored(cli, data_copy, monkeypatch):
    path = data_copy / MINERALS
    name_of_lithium(cli, data_copy)
    form = form_of(path)
    forge(path, form)
    real_open = os.open

    def refusing(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(form):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    assert name_of_lithium(cli, data_copy) == "lithium"


def test_no_data_field_is_named_like_a_dict_method():
    """Records are dicts whose fields are attributes: a field called `items` would hide dict.items."""
    from pydantic import BaseModel

    from minerals_cli.dataset import schema, schema_policy, schema_stats

    models = [m for module in (schema, schema_policy, schema_stats) for m in vars(module).values()
              if isinstance(m, type) and issubclass(m, BaseModel)]
    clashes = sorted(f"{m.__name__}.{name}" for m in models for name in m.model_fields if hasattr(dict, name))
    assert clashes == []
