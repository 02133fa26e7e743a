"""A fallback plan (the time limit left only "everyone stays") says so everywhere a person or a cron job
looks: `--json` `fallback`, the terminal, `Ringkasan` and `Parameter`, with the time limit that would do."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest

DATE = ["--effective-date", "2026-12-01"]


@pytest.fixture(scope="module")
def fallback_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("fallback")
    made = subprocess.run(
        [sys.executable, "-m", "mutasi_cli", "sample", "--size", "3000", "--seed", "4", *DATE, "-o", str(d), "-q"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = d / "rencana.xlsx"
    # the direct route cannot even build its model of 3,000 people in one second
    done = subprocess.run(
        [sys.executable, "-m", "mutasi_cli", "plan", str(d / "pegawai.xlsx"), str(d / "jabatan.xlsx"),
         "-o", str(out), *DATE, "--route", "direct", "--time-limit", "1", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return done, out


def test_json_and_terminal_say_it(fallback_run):
    done, _ = fallback_run
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["fallback"] is True and data["status"] == "feasible"
    assert "rencana cadangan" in done.stderr and "--time-limit" in done.stderr


def test_ringkasan_and_parameter_say_it(fallback_run):
    _, out = fallback_run
    book = openpyxl.load_workbook(out, read_only=True)
    ringkasan = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert "rencana cadangan" in str(ringkasan.get("Peringatan")) and "--time-limit" in ringkasan["Peringatan"]
    parameter = {r[0]: r[1] for r in book["Parameter"].iter_rows(values_only=True) if r and r[0]}
    assert str(parameter["Rencana cadangan (semua tetap)"]).startswith("Ya")
