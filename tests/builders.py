"""Tiny rounds built in memory with the canonical headers, for hand-made and random tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mutasi_cli.load import load_frames

EFFECTIVE = dt.date(2026, 12, 1)


def nip(n: int, *, birth: dt.date = dt.date(1980, 5, 17), gender: int = 1, pppk: bool = False) -> str:
    """A valid NIP with serial ``n``."""
    mid = "2010" + ("21" if pppk else "03")
    return f"{birth:%Y%m%d}{mid}{gender}{n:03d}"


def person(n: int, kode: str, *, years: float = 6.0, gol: str = "III/c", **extra) -> dict:
    tmt = EFFECTIVE - dt.timedelta(days=round(years * 365.25) + 1)
    row = {
        "NIP": extra.pop("nip", None) or nip(n, pppk=extra.get("Jenis ASN") == "PPPK"),
        "Nama": extra.pop("nama", f"Pegawai {n}"),
        "Golongan": gol,
        "Kode Jabatan": kode,
        "TMT Jabatan": tmt,
        "Pendidikan": "S1",
    }
    row.update(extra)
    return row


def position(kode: str, unit: str, *, nama: str | None = None, jenis: str = "Pelaksana", **extra) -> dict:
    row = {
        "Kode Jabatan": kode,
        "Nama Jabatan": nama or f"Jabatan {kode}",
        "Unit Kerja": unit,
        "Jenis Jabatan": jenis,
        "Formasi": 1,
        "Prioritas": 3,
        "Status": "Aktif",
    }
    row.update(extra)
    return row


def make_round(people: list[dict], positions: list[dict], *, settings=None, **sheets: list[dict]):
    """A Round from rows; ``settings`` (a :class:`mutasi_cli.settings.Settings`) defaults to the defaults."""
    frames = {"Pegawai": pd.DataFrame(people), "Jabatan": pd.DataFrame(positions)}
    for name, rows in sheets.items():
        frames[name] = pd.DataFrame(rows)
    rnd, log = load_frames(frames, EFFECTIVE, settings)
    assert rnd is not None, [i.to_dict() for i in log.errors]
    return rnd


def write_workbook(path, people: list[dict], positions: list[dict], **sheets: list[dict]):
    """A real .xlsx with sheets Pegawai, Jabatan (and any optional ones), NIP cells as text."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in {"Pegawai": people, "Jabatan": positions, **sheets}.items():
        append_rows(wb.create_sheet(name), list(dict.fromkeys(k for r in rows for k in r)), rows)
    wb.save(path)
    return path


def append_rows(ws, headers: list[str], rows: list[dict]) -> None:
    """A header row and one row per dict; strings stay text cells (a name beginning with "=" included,
    as a real export would keep it)."""
    ws.append(headers)
    for r in rows:
        ws.append([r.get(h) for h in headers])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.number_format = "@"
