"""``mutasi diff A.xlsx B.xlsx``: how two plans (scenarios, or a plan before and after review) differ.

Both are read as ``mutasi sk`` reads a reviewed plan (:func:`mutasi_cli.outputs.decree.read_reviewed_plan`: the
approved rows of ``Daftar Mutasi``, and the rows marked ``Setuju = Tidak`` apart), and compared person by
person (NIP): moves only in B (*ditambah*); moves of A that B no longer makes, told apart as the review
tells them — *ditolak* (B still has the row, marked Tidak) or *dihapus* (B has no row for the person) —
since a rejection is a decision to record and a deleted row may be a slip; people who move in both but to
a different position (*berbeda*); and moves in both whose ``Keterangan`` was edited, since that text goes
into the decree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from mutasi_cli.outputs.decree import Move, ReviewedPlan, read_reviewed_plan
from mutasi_cli.outputs.report import HEADER_FONT, put_cell, put_table
from mutasi_cli.support.files import atomic_file

ONE_SIDE_COLUMNS = ["NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru", "Kode Jabatan Baru",
                    "Unit Kerja Baru"]  # fmt: skip
CHANGED_COLUMNS = ["NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru (A)", "Kode Jabatan Baru (A)",
                   "Unit Kerja Baru (A)", "Jabatan Baru (B)", "Kode Jabatan Baru (B)", "Unit Kerja Baru (B)"]  # fmt: skip
KETERANGAN_COLUMNS = [
    "NIP",
    "Nama",
    "Jabatan Baru (B)",
    "Unit Kerja Baru (B)",
    "Keterangan (A)",
    "Keterangan (B)",
]
#: the Excel row of each move in Daftar Mutasi of A and of B, last in every list
ROW_A, ROW_B = "Baris di A", "Baris di B"


@dataclass
class PlanDiff:
    a: ReviewedPlan
    b: ReviewedPlan
    added: pd.DataFrame  # moves only in B
    rejected: pd.DataFrame  # moves of A whose row B marks Setuju = Tidak
    deleted: pd.DataFrame  # moves of A with no row in B
    changed: pd.DataFrame  # both move the person, to different positions
    keterangan: pd.DataFrame  # both move the person, with different Keterangan
    same: int  # moves to the same position in both (an edited Keterangan included)

    @property
    def dropped(self) -> pd.DataFrame:
        """Moves only in A: rejected or deleted."""
        return pd.concat([self.rejected, self.deleted], ignore_index=True)

    def counts(self) -> dict[str, int]:
        return {
            "moves_a": len(self.a.moves),
            "moves_b": len(self.b.moves),
            "same": self.same,
            "added": len(self.added),
            "dropped": len(self.rejected) + len(self.deleted),
            "rejected": len(self.rejected),
            "deleted": len(self.deleted),
            "changed": len(self.changed),
            "keterangan_changed": len(self.keterangan),
        }


def diff_plans(a_path: Path, b_path: Path) -> PlanDiff:
    """Raises :class:`mutasi_cli.outputs.decree.PlanError` (every problem of a workbook) when one can't be read."""
    a, b = read_reviewed_plan(a_path), read_reviewed_plan(b_path)
    in_a = {m.nip: m for m in a.moves}
    in_b = {m.nip: m for m in b.moves}
    rejected_b = {m.nip: m for m in b.rejected_moves if m.nip not in in_b}
    added = [_one(m) + [m.excel_row] for nip, m in in_b.items() if nip not in in_a]
    gone = [m for nip, m in in_a.items() if nip not in in_b]
    rejected = [_one(m) + [rejected_b[m.nip].excel_row] for m in gone if m.nip in rejected_b]
    deleted = [_one(m) + [m.excel_row] for m in gone if m.nip not in rejected_b]
    both = [(m, in_b[nip]) for nip, m in in_a.items() if nip in in_b]
    changed = [_both(m, n) + [m.excel_row, n.excel_row] for m, n in both if _target(m) != _target(n)]
    keterangan = [
        [m.nip, m.nama, n.jabatan_baru, n.unit_baru, m.keterangan, n.keterangan, m.excel_row, n.excel_row]
        for m, n in both
        if m.keterangan != n.keterangan
    ]
    same = sum(1 for m, n in both if _target(m) == _target(n))
    return PlanDiff(
        a,
        b,
        pd.DataFrame(added, columns=[*ONE_SIDE_COLUMNS, ROW_B]),
        pd.DataFrame(rejected, columns=[*ONE_SIDE_COLUMNS, ROW_B]),
        pd.DataFrame(deleted, columns=[*ONE_SIDE_COLUMNS, ROW_A]),
        pd.DataFrame(changed, columns=[*CHANGED_COLUMNS, ROW_A, ROW_B]),
        pd.DataFrame(keterangan, columns=[*KETERANGAN_COLUMNS, ROW_A, ROW_B]),
        same,
    )


def _target(m: Move) -> tuple[str, str, str]:
    return (m.kode_baru, m.jabatan_baru, m.unit_baru)


def _one(m: Move) -> list[object]:
    return [m.nip, m.nama, m.jabatan_lama, m.unit_lama, m.jabatan_baru, m.kode_baru, m.unit_baru]


def _both(a: Move, b: Move) -> list[object]:
    return [a.nip, a.nama, a.jabatan_lama, a.unit_lama, a.jabatan_baru, a.kode_baru, a.unit_baru, b.jabatan_baru,
            b.kode_baru, b.unit_baru]  # fmt: skip


#: the summary's rows (terminal and workbook), in order; "dropped" is the sum of the two rows under it
SUMMARY_LABELS = {
    "moves_a": "Mutasi di rencana A",
    "moves_b": "Mutasi di rencana B",
    "same": "Sama di kedua rencana",
    "added": "Hanya di B (ditambah)",
    "dropped": "Hanya di A",
    "rejected": "  ditolak di B (Setuju = Tidak)",
    "deleted": "  barisnya dihapus dari B",
    "changed": "Di keduanya, jabatan baru berbeda",
    "keterangan_changed": "Di keduanya, Keterangan diubah",
}
#: the lists of a diff: (sheet of the -o workbook, title in the terminal, attribute of PlanDiff)
LISTS = (
    ("Ditambah", "Hanya di B (ditambah)", "added"),
    ("Ditolak", "Ditolak di B (Setuju = Tidak)", "rejected"),
    ("Dihapus", "Barisnya dihapus dari B", "deleted"),
    ("Berbeda", "Jabatan baru berbeda", "changed"),
    ("Keterangan Diubah", "Keterangan diubah", "keterangan"),
)
#: the columns each list shows in the terminal (the workbook has them all)
TERMINAL_COLUMNS = {
    "added": ["NIP", "Nama", "Jabatan Baru", "Unit Kerja Baru", ROW_B],
    "rejected": ["NIP", "Nama", "Jabatan Baru", "Unit Kerja Baru", ROW_B],
    "deleted": ["NIP", "Nama", "Jabatan Baru", "Unit Kerja Baru", ROW_A],
    "changed": ["NIP", "Nama", "Jabatan Baru (A)", "Jabatan Baru (B)"],
    "keterangan": ["NIP", "Nama", "Keterangan (A)", "Keterangan (B)"],
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
    for title, _label, attr in LISTS:
        frame = getattr(d, attr)
        sheet = wb.create_sheet(title)
        put_table(sheet, frame, 1)
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = (
                f"A1:{sheet.cell(row=1, column=len(frame.columns)).column_letter}{len(frame) + 1}"
            )
    with atomic_file(path) as tmp:
        wb.save(tmp)
