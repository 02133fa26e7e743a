"""``mutasi diff A.xlsx B.xlsx``: how two plans (scenarios, or a plan before and after review) differ.

Both are read as ``mutasi sk`` reads a reviewed plan (:func:`mutasi_cli.decree.read_reviewed_plan`: the
approved rows of ``Daftar Mutasi``), and compared person by person (NIP): moves only in B (*ditambah*),
moves only in A (*dihapus*), and people who move in both but to a different position (*berbeda*).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from mutasi_cli.decree import Move, ReviewedPlan, read_reviewed_plan
from mutasi_cli.files import atomic_file
from mutasi_cli.report import HEADER_FONT, put_cell, put_table

ONE_SIDE_COLUMNS = ["NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru", "Kode Jabatan Baru",
                    "Unit Kerja Baru"]  # fmt: skip
CHANGED_COLUMNS = ["NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru (A)", "Kode Jabatan Baru (A)",
                   "Unit Kerja Baru (A)", "Jabatan Baru (B)", "Kode Jabatan Baru (B)", "Unit Kerja Baru (B)"]  # fmt: skip


@dataclass
class PlanDiff:
    a: ReviewedPlan
    b: ReviewedPlan
    added: pd.DataFrame  # moves only in B
    dropped: pd.DataFrame  # moves only in A
    changed: pd.DataFrame  # both move the person, to different positions
    same: int  # moves identical in both

    def counts(self) -> dict[str, int]:
        return {
            "moves_a": len(self.a.moves),
            "moves_b": len(self.b.moves),
            "same": self.same,
            "added": len(self.added),
            "dropped": len(self.dropped),
            "changed": len(self.changed),
        }


def diff_plans(a_path: Path, b_path: Path) -> PlanDiff:
    """Raises :class:`mutasi_cli.decree.PlanError` (every problem of a workbook) when one can't be read."""
    a, b = read_reviewed_plan(a_path), read_reviewed_plan(b_path)
    in_a = {m.nip: m for m in a.moves}
    in_b = {m.nip: m for m in b.moves}
    added = [_one(m) for nip, m in in_b.items() if nip not in in_a]
    dropped = [_one(m) for nip, m in in_a.items() if nip not in in_b]
    changed = [
        _both(m, in_b[nip]) for nip, m in in_a.items() if nip in in_b and _target(m) != _target(in_b[nip])
    ]
    same = sum(1 for nip, m in in_a.items() if nip in in_b and _target(m) == _target(in_b[nip]))
    return PlanDiff(
        a,
        b,
        pd.DataFrame(added, columns=ONE_SIDE_COLUMNS),
        pd.DataFrame(dropped, columns=ONE_SIDE_COLUMNS),
        pd.DataFrame(changed, columns=CHANGED_COLUMNS),
        same,
    )


def _target(m: Move) -> tuple[str, str, str]:
    return (m.kode_baru, m.jabatan_baru, m.unit_baru)


def _one(m: Move) -> list[str]:
    return [m.nip, m.nama, m.jabatan_lama, m.unit_lama, m.jabatan_baru, m.kode_baru, m.unit_baru]


def _both(a: Move, b: Move) -> list[str]:
    return [a.nip, a.nama, a.jabatan_lama, a.unit_lama, a.jabatan_baru, a.kode_baru, a.unit_baru, b.jabatan_baru,
            b.kode_baru, b.unit_baru]  # fmt: skip


SUMMARY_LABELS = {
    "moves_a": "Mutasi di rencana A",
    "moves_b": "Mutasi di rencana B",
    "same": "Sama di kedua rencana",
    "added": "Hanya di B (ditambah)",
    "dropped": "Hanya di A (dihapus)",
    "changed": "Di keduanya, jabatan baru berbeda",
}


def write_diff(path: Path, d: PlanDiff) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Perbandingan"
    rows: list[tuple[str, object]] = [("Rencana A", str(d.a.path)), ("Rencana B", str(d.b.path))]
    rows += [(SUMMARY_LABELS[k], v) for k, v in d.counts().items()]
    for i, (label, value) in enumerate(rows, start=1):
        put_cell(ws, i, 1, label).font = HEADER_FONT
        put_cell(ws, i, 2, value)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 36, 60
    for title, frame in (("Ditambah", d.added), ("Dihapus", d.dropped), ("Berbeda", d.changed)):
        sheet = wb.create_sheet(title)
        put_table(sheet, frame, 1)
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = (
                f"A1:{sheet.cell(row=1, column=len(frame.columns)).column_letter}{len(frame) + 1}"
            )
    with atomic_file(path) as tmp:
        wb.save(tmp)
