"""`mutasi init [DIR]`: a working folder whose mutasi.toml reads back as the defaults, whose sample plans,
and which never overwrites a file."""

import dataclasses
import datetime as dt
import re
import tomllib

import pytest
from typer.testing import CliRunner

from mutasi_cli.cli import app
from mutasi_cli.inputs.settings import Settings, load_settings
from mutasi_cli.outputs.decree import DecreeSettings, load_decree_settings
from mutasi_cli.workspace import SECTIONS, init_files, key_meaning, toml_value

runner = CliRunner()
FILES = ["pegawai.xlsx", "jabatan.xlsx", "mutasi.toml", "LANGKAH.md"]


def _sections(text: str) -> dict[str, str]:
    """The text of each [section] of mutasi.toml (up to the next one)."""
    parts = re.split(r"^\[([a-z]+)\]$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_init_writes_a_working_folder(tmp_path, monkeypatch):
    folder = tmp_path / "putaran"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert "LANGKAH.md" in result.stdout

    # mutasi.toml reads back as exactly the defaults, by both readers
    toml = folder / "mutasi.toml"
    settings = load_settings(toml)
    assert dataclasses.replace(settings, source=None) == Settings()
    assert load_decree_settings(toml) == DecreeSettings()
    # every key of every table is there, with its meaning (set, or commented out when it has no default)
    text = toml.read_text(encoding="utf-8")
    sections = _sections(text)
    assert list(sections) == list(SECTIONS)
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            assert re.search(rf"^(# )?{f.name} = ", sections[section], flags=re.M), (section, f.name)
    assert "[kolom.pegawai]" in text and "Sumber: PP 94/2021 Pasal 8" in text

    steps = (folder / "LANGKAH.md").read_text(encoding="utf-8")
    for command in ("mutasi validate", "mutasi plan", "Setuju", "mutasi check", "--review", "mutasi explain",
                    "mutasi sk", "mutasi export siasn"):  # fmt: skip
        assert command in steps, command

    # the sample plans, from inside the folder (its mutasi.toml read as the working directory's)
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["plan", "pegawai.xlsx", "jabatan.xlsx", "-o", "rencana.xlsx", "-q"])
    assert result.exit_code == 0, result.output
    assert (folder / "rencana.xlsx").is_file()


@pytest.mark.parametrize("existing", ["mutasi.toml", "pegawai.xlsx", "LANGKAH.md"])
def test_init_refuses_a_folder_with_one_of_its_files(tmp_path, existing):
    mine = tmp_path / existing
    mine.write_bytes(b"punya saya")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert existing in result.output and "Traceback" not in result.output
    assert mine.read_bytes() == b"punya saya"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]  # nothing else written


def test_init_defaults_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert [p.name for p in init_files(tmp_path)] == FILES
    result = runner.invoke(app, ["init", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2 and "mutasi.toml" in again.output


def test_init_into_a_file_is_refused(tmp_path):
    target = tmp_path / "berkas.txt"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2 and "bukan folder" in result.output


def test_every_key_has_a_meaning():
    """The drift alarm: a key added to a settings dataclass needs its meaning (and source) in
    messages.INIT_TOML_KEYS, or for [aturan] in rules.SETTING_LABELS."""
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            meaning, source = key_meaning(section, f.name)
            assert meaning and source, (section, f.name)


@pytest.mark.parametrize(
    "value",
    [
        'teks "berkutip" \\ dan garis miring',
        ("a", "b"),
        tuple(f"baris {i} " * 5 for i in range(4)),
        dt.date(2025, 5, 26),
        25.0,
        3,
        True,
    ],  # fmt: skip
)
def test_toml_values_read_back(value):
    parsed = tomllib.loads(f"k = {toml_value(value)}")["k"]
    assert (tuple(parsed) if isinstance(value, tuple) else parsed) == value
