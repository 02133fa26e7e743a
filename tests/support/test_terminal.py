"""What reaches the terminal: cell texts shown literally (no Rich markup, no escape sequences), any
stdout encoding without a crash, one JSON object on every failure. Real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.support.terminal import clean, safe

DATE = ["--effective-date", EFFECTIVE.isoformat()]


def mutasi(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mutasi_cli", *args],
        capture_output=True, text=True, timeout=120, env=os.environ | (env or {}),
    )  # fmt: skip


def hostile_round(tmp_path):
    positions = [position("V", "Unit B", Prioritas=1), position("PA", "Unit A"), position("PB", "Unit C")]
    people = [
        person(1, "PA", years=6, nama="Siti [/bold] Aminah"),
        person(2, "PB", years=6, nama="[link=http://contoh.invalid]KLIK[/link]"),
        # invalid cells, so that their values are shown in the problems table
        person(3, "PB", years=6, gol="[/bold]"),
        person(4, "PB", years=6, gol="[link=http://contoh.invalid]KLIK[/link]"),
    ]
    return write_workbook(tmp_path / "round.xlsx", people, positions)


def test_escape_sequences_from_a_csv_never_reach_the_terminal(tmp_path):
    positions = [position("PA", "Unit A"), position("PB", "Unit C")]
    people = [person(1, "PA", years=6, gol="\x1b[31mMERAH\x1b[0m\x07"), person(2, "PB", nama="\x1b]0;judul\x07Ani")]
    pegawai, jabatan = tmp_path / "pegawai.csv", tmp_path / "jabatan.csv"
    pd.DataFrame(people).to_csv(pegawai, index=False)
    pd.DataFrame(positions).to_csv(jabatan, index=False)
    done = mutasi("validate", str(pegawai), str(jabatan), *DATE, env={"COLUMNS": "300"})
    assert done.returncode == 1, done.stderr
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
    assert "MERAH" in done.stdout


def test_markup_and_escape_sequences_in_cells_are_shown_literally(tmp_path):
    wb = hostile_round(tmp_path)
    done = mutasi("validate", str(wb), str(wb), *DATE, env={"COLUMNS": "300"})
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "[/bold]" in done.stdout
    assert "[link=http://contoh.invalid]KLIK[/link]" in done.stdout


def test_plan_with_markup_in_names_does_not_crash(tmp_path):
    positions = [position("V", "Unit B", Prioritas=1), position("PA", "Unit A"), position("PB", "Unit C")]
    people = [person(1, "PA", years=6, nama="Siti [/bold] Aminah"), person(2, "PB", years=6, nama="[/]")]
    wb = write_workbook(tmp_path / "round.xlsx", people, positions)
    done = mutasi("plan", str(wb), str(wb), "-o", str(tmp_path / "hasil.xlsx"), *DATE)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_an_ascii_terminal_degrades_instead_of_crashing(tmp_path):
    positions = [position("V", "Unit B", Prioritas=1), position("PA", "Unit A"), position("PB", "Unit C")]
    people = [person(1, "PA", years=6, nama="Sri Rahayu — Ṡ"), person(2, "PB", years=6)]
    wb = write_workbook(tmp_path / "round.xlsx", people, positions)
    ascii_env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    out = tmp_path / "hasil.xlsx"
    done = mutasi("plan", str(wb), str(wb), "-o", str(out), *DATE, env=ascii_env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and out.exists()
    done = mutasi("plan", str(wb), str(wb), "-o", str(out), *DATE, "--json", env=ascii_env)
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "optimal"
    bad = hostile_round(tmp_path)
    done = mutasi("validate", str(bad), str(bad), *DATE, env=ascii_env)
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_every_failure_prints_one_json_object(tmp_path):
    wb = hostile_round(tmp_path)
    for args, code in (
        (["plan", str(wb), str(wb), "-o", str(tmp_path), *DATE, "--json"], 2),  # -o a folder
        (["plan", str(wb), str(wb), "-o", str(wb), *DATE, "--json"], 2),  # -o an input
        (["plan", str(tmp_path / "tidak-ada.xlsx"), str(wb), "-o", str(tmp_path / "h.xlsx"), *DATE, "--json"], 1),
    ):
        done = mutasi(*args)
        assert done.returncode == code, (args, done.stderr)
        data = json.loads(done.stdout)  # exactly one object
        assert data.get("exit", code) == code or data.get("valid") is False


def test_clean_and_safe():
    assert clean("a\x00b\x1b[31mc\x9bd\te\nf\r") == "ab[31mcd\te\nf"
    assert safe("[/bold]") == "\\[/bold]"
