"""End to end on the committed sample round: plan through the CLI, read the workbook back, re-check it."""

import hashlib
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from mutasi_cli.cli import app
from mutasi_cli.inputs.load import load_round
from mutasi_cli.outputs.explain import (
    EXPLANATION_COLUMNS,
    MOVE_COLUMNS,
    STAY_COLUMNS,
    TRAINING_COLUMNS,
    VACANCY_COLUMNS,
)
from mutasi_cli.outputs.report import SHEETS
from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve.verify import level_values, violations

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
PEGAWAI, JABATAN = SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx"
DATE = "2026-12-01"


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "rencana.xlsx"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (PEGAWAI, JABATAN)}
    result = CliRunner().invoke(
        app, ["plan", str(PEGAWAI), str(JABATAN), "-o", str(out), "--effective-date", DATE, "--json"]
    )
    assert result.exit_code == 0, result.output
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (PEGAWAI, JABATAN)}
    assert before == after, "input files must never be written"
    return json.loads(result.stdout), openpyxl.load_workbook(out), before


def _rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_sheets_and_columns(planned):
    _, book, _ = planned
    assert tuple(book.sheetnames) == SHEETS
    for name, columns in (
        ("Daftar Mutasi", MOVE_COLUMNS),
        ("Penjelasan", EXPLANATION_COLUMNS),
        ("Lowongan", VACANCY_COLUMNS),
        ("Tidak Dimutasi", STAY_COLUMNS),
        ("Kebutuhan Diklat", TRAINING_COLUMNS),
    ):
        header, _ = _rows(book[name])
        assert list(header) == columns
        assert book[name].freeze_panes == "A2"
        assert all(c.font.bold for c in book[name][1])


def test_json_agrees_with_workbook(planned):
    data, book, _ = planned
    assert data["status"] == "optimal"
    _, moves = _rows(book["Daftar Mutasi"])
    assert len(moves) == data["moves"] > 0
    _, told = _rows(book["Penjelasan"])
    assert len(told) == data["moves"]  # every move explained to the person
    assert data["priority1_filled"] <= data["priority1_places"]
    assert 0 < data["due_moved"] <= data["due"]
    _, stays = _rows(book["Tidak Dimutasi"])
    # due people who stay, and everyone tidak tertampung (a due person left unplaced is not "moved")
    assert data["due"] - data["due_moved"] <= len(stays) <= data["due"] - data["due_moved"] + data["unplaced"]


def test_moves_read_back_are_a_valid_plan(planned):
    data, book, _ = planned
    import datetime as dt

    rnd, _ = load_round(PEGAWAI, JABATAN, dt.date.fromisoformat(DATE))
    status = person_status(rnd)
    code_index = {k: i for i, k in enumerate(rnd.positions["kode"])}
    nip_index = {n: i for i, n in enumerate(rnd.people["nip"])}
    final = rnd.people["pos"].to_numpy().copy()
    header, moves = _rows(book["Daftar Mutasi"])
    col = {h: i for i, h in enumerate(header)}
    for row in moves:
        assert isinstance(row[col["NIP"]], str) and len(row[col["NIP"]]) == 18
        e = nip_index[row[col["NIP"]]]
        assert rnd.positions.at[final[e], "kode"] == row[col["Kode Jabatan Lama"]]
        final[e] = code_index[row[col["Kode Jabatan Baru"]]]
    _, stays = _rows(book["Tidak Dimutasi"])
    for row in stays:
        if row[STAY_COLUMNS.index("Alasan")].startswith("Tidak tertampung"):
            final[nip_index[row[1]]] = -1
    assert violations(rnd, status, final) == []
    levels = level_values(rnd, status, final)
    assert (levels[0], levels[1], levels[2], levels[4]) == (
        data["unplaced"],
        data["priority1_filled"],
        data["due_moved"],
        data["moves"],
    )
    assert np.all(final[status.dihapus] != rnd.people["pos"].to_numpy()[status.dihapus])


def test_parameter_sheet_records_inputs(planned):
    _, book, digests = planned
    values = {r[0]: r[1] for r in book["Parameter"].iter_rows(values_only=True) if r[0]}
    for path, digest in digests.items():
        assert values[f"SHA-256 {path.name}"] == digest
    assert values["Status"] == "Optimal (terbukti)"
    assert values["Solver"] == "CBC" and "CBC" in values["Versi solver"]
    assert values["Tahap A: nilai"] == values["Tahap A: batas atas terbukti"]
