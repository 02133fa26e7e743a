"""Tiny rounds built in memory with the canonical headers, for hand-made and random tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mutasi_cli.inputs.load import load_frames

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
    """A Round from rows; ``settings`` (a :class:`mutasi_cli.inputs.settings.Settings`) defaults to the defaults."""
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


def keep_valid_moves(plan, keep: int, out):
    """What an analyst who deletes rows carefully does: a copy of the plan workbook ``plan`` with about
    ``keep`` rows of Daftar Mutasi left, chosen so that what is left is still a valid plan (`mutasi check`
    passes): every Kunci move, and moves in sheet order whose destination has a free place once the moves
    kept before are made. Returns (the copy, the NIPs kept, in sheet order)."""
    import numpy as np
    from openpyxl import load_workbook

    from mutasi_cli.review.plan_check import check_plan

    checked = check_plan(plan)
    assert checked.valid and checked.round is not None and checked.status is not None, checked.issues
    rnd = checked.round
    cur = rnd.people["pos"].to_numpy()
    formasi = rnd.positions["formasi"].to_numpy()
    occupancy = np.bincount(cur, minlength=len(formasi))
    person = {n: i for i, n in enumerate(rnd.people["nip"])}
    code = {k: i for i, k in enumerate(rnd.positions["kode"])}
    book = load_workbook(plan)
    ws = book["Daftar Mutasi"]
    header = [c.value for c in ws[1]]
    nip_col, code_col = header.index("NIP") + 1, header.index("Kode Jabatan Baru") + 1
    rows = [(r, ws.cell(row=r, column=nip_col).value, ws.cell(row=r, column=code_col).value)
            for r in range(2, ws.max_row + 1)]  # fmt: skip
    locked = set(np.flatnonzero(checked.status.kunci_pos >= 0).tolist())
    kept: set[int] = set()
    progress = True
    while progress:
        progress = False
        for r, nip, kode in sorted(rows, key=lambda t: person[t[1]] not in locked):
            e, p = person[nip], code[kode]
            if r in kept or (len(kept) >= keep and e not in locked) or occupancy[p] >= formasi[p]:
                continue
            kept.add(r)
            occupancy[p] += 1
            occupancy[cur[e]] -= 1
            progress = True
    for r in sorted((r for r, _, _ in rows if r not in kept), reverse=True):
        ws.delete_rows(r)
    book.save(out)
    return out, [nip for r, nip, _ in rows if r in kept]
