"""The plan workbook (CONTRACT.md "Output workbook"): the only module that writes it.

Input values are always written as text or numbers, never as formulas: a string beginning with ``=`` is
stored as a string cell explicitly.
"""

from __future__ import annotations

import datetime as dt
import platform
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mutasi_cli import __version__, explain, messages
from mutasi_cli.data import Round
from mutasi_cli.model import TURNOVER_SHARE
from mutasi_cli.planner import STAGE_B_REL_GAP, PlanResult
from mutasi_cli.pricing import STAGE_B_ACCEPT
from mutasi_cli.rules import DUE_TENURE_YEARS, MIN_TENURE_YEARS, RETIREMENT_WINDOW_MONTHS

SHEETS = ("Ringkasan", "Daftar Mutasi", "Lowongan", "Tidak Dimutasi", "Kebutuhan Diklat", "Parameter")
TEXT_COLUMNS = {"NIP", "Kode Jabatan", "Kode Jabatan Lama", "Kode Jabatan Baru"}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MAX_WIDTH = 60


@dataclass
class Summary:
    """The figures of a plan that the terminal, ``--json`` and ``Ringkasan`` all show."""

    status: str
    moves: int
    due: int
    due_moved: int
    unplaced: int
    priority1_places: int
    priority1_filled: int
    empty_places: int
    seconds: float

    def to_json(self, output: Path) -> dict[str, object]:
        return {
            "status": self.status,
            "output": str(output),
            "moves": self.moves,
            "due": self.due,
            "due_moved": self.due_moved,
            "unplaced": self.unplaced,
            "priority1_places": self.priority1_places,
            "priority1_filled": self.priority1_filled,
            "seconds": round(self.seconds, 3),
        }


def summarize(rnd: Round, result: PlanResult, seconds: float) -> Summary:
    pos = rnd.positions
    p1 = pos["aktif"] & (pos["prioritas"] == 1)
    final = result.final
    occupancy = pd.Series(final[final >= 0]).value_counts().reindex(range(len(pos)), fill_value=0).to_numpy()
    empty = ((pos["formasi"].to_numpy() - occupancy).clip(min=0) * pos["aktif"].to_numpy()).sum()
    return Summary(
        status=result.status,
        moves=int(result.levels[4]),
        due=int(result.person_status.due.sum()),
        due_moved=int(result.levels[2]),
        unplaced=int(result.levels[0]),
        priority1_places=int(pos.loc[p1, "formasi"].sum()),
        priority1_filled=int(result.levels[1]),
        empty_places=int(empty),
        seconds=seconds,
    )


def write_plan(
    path: Path, rnd: Round, result: PlanResult, summary: Summary, settings: dict[str, object]
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    _ringkasan(ws, rnd, result, summary)
    for name, frame in (
        ("Daftar Mutasi", explain.moves(rnd, result)),
        ("Lowongan", explain.vacancies(rnd, result)),
        ("Tidak Dimutasi", explain.stays(rnd, result)),
        ("Kebutuhan Diklat", explain.training_needs(rnd, result)),
    ):
        sheet = wb.create_sheet(name)
        _table(sheet, frame, 1)
        sheet.freeze_panes = "A2"
    _parameter(wb.create_sheet("Parameter"), rnd, result, summary, settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _put(ws: Worksheet, row: int, col: int, value: object, *, text: bool = False):
    cell = ws.cell(row=row, column=col)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return cell
    if hasattr(value, "item"):
        value = value.item()  # numpy scalar
    cell.value = str(value) if text else value
    if isinstance(value, str) or text:
        cell.data_type = "s"  # never a formula, whatever the text begins with
    if text:
        cell.number_format = "@"
    if isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = "DD-MM-YYYY"
    return cell


put_cell = _put


def _table(ws: Worksheet, df: pd.DataFrame, start_row: int) -> None:
    widths: dict[int, int] = {}
    for j, col in enumerate(df.columns, start=1):
        cell = _put(ws, start_row, j, col)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=False)
        widths[j] = len(str(col))
    text_cols = {j for j, c in enumerate(df.columns, start=1) if c in TEXT_COLUMNS}
    for i, row in enumerate(df.itertuples(index=False), start=start_row + 1):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value, text=j in text_cols)
            widths[j] = max(widths[j], len(str(value)) if value is not None else 0)
    for j, w in widths.items():
        current = ws.column_dimensions[get_column_letter(j)].width or 0
        ws.column_dimensions[get_column_letter(j)].width = max(current, min(MAX_WIDTH, w + 2))


def _key_values(ws: Worksheet, rows: list[tuple[str, object]], start_row: int) -> int:
    for i, (key, value) in enumerate(rows, start=start_row):
        _put(ws, i, 1, key).font = HEADER_FONT
        _put(ws, i, 2, value)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 34)
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 40)
    return start_row + len(rows)


def _ringkasan(ws: Worksheet, rnd: Round, result: PlanResult, s: Summary) -> None:
    _put(ws, 1, 1, "RINGKASAN RENCANA MUTASI").font = Font(bold=True, size=13)
    rows: list[tuple[str, object]] = [
        ("Tanggal berlaku", rnd.effective_date),
        ("Status", messages.STATUS_TEXT.get(s.status, s.status)),
        ("Jumlah pegawai", rnd.n_people),
        ("Jumlah jabatan", rnd.n_positions),
        ("Jumlah mutasi", s.moves),
        ("Pegawai jatuh tempo (≥ 5 tahun)", s.due),
        ("Jatuh tempo yang dimutasi", s.due_moved),
        ("Tidak tertampung", s.unplaced),
        ("Tempat Prioritas 1", s.priority1_places),
        ("Tempat Prioritas 1 terisi", s.priority1_filled),
        ("Tempat lowong setelah mutasi", s.empty_places),
        ("Waktu perencanaan (detik)", round(s.seconds, 1)),
    ]
    if result.message:
        rows.append(("Keterangan", result.message))
    end = _key_values(ws, rows, 3)
    ws.freeze_panes = "A2"
    units = explain.unit_summary(rnd, result)
    top = end + 2
    _put(ws, top - 1, 1, "Per unit kerja").font = HEADER_FONT
    _table(ws, units, top)
    if len(units):
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Mutasi masuk dan keluar per unit kerja"
        chart.y_axis.title = "Pegawai"
        data = Reference(ws, min_col=3, max_col=4, min_row=top, max_row=top + len(units))
        cats = Reference(ws, min_col=1, min_row=top + 1, max_row=top + len(units))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.height = max(8, 0.5 * len(units))
        chart.width = 18
        ws.add_chart(chart, f"{get_column_letter(len(units.columns) + 2)}3")


def _parameter(
    ws: Worksheet, rnd: Round, result: PlanResult, s: Summary, settings: dict[str, object]
) -> None:
    a, b = result.stage_a, result.stage_b
    rows: list[tuple[str, object]] = []
    for src in rnd.sources:
        rows.append((f"Berkas masukan: {Path(src.path).name}", src.path))
        rows.append((f"SHA-256 {Path(src.path).name}", src.sha256))
    rows += [
        ("Tanggal berlaku", rnd.effective_date),
        ("Versi mutasi", __version__),
        ("Python", platform.python_version()),
        ("Solver", result.solver),
        ("Versi solver", result.solver_version),
        *((f"Pengaturan: {k}", v) for k, v in settings.items()),
        ("Status", s.status),
        ("Tingkat 0: tidak tertampung (min)", result.levels[0]),
        ("Tingkat 1: tempat Prioritas 1 terisi (maks)", result.levels[1]),
        ("Tingkat 2: jatuh tempo dimutasi (maks)", result.levels[2]),
        ("Tingkat 3: skor kesesuaian (maks)", result.levels[3]),
        ("Tingkat 4: jumlah mutasi (min)", result.levels[4]),
        ("Bobot leksikografis tingkat 0–2", ", ".join(str(w) for w in result.weights)),
        ("Tahap A (tingkat 0–2): status", a.status if a else "-"),
        ("Tahap A: nilai", a.objective if a else None),
        ("Tahap A: batas atas terbukti", a.bound if a else None),
        ("Tahap B (tingkat 3–4): status", b.status if b else "-"),
        ("Tahap B: nilai", b.objective if b else None),
        ("Tahap B: batas atas terbukti", b.bound if b else None),
        ("Celah relatif (gap)", result.gap),
        ("Toleransi celah tahap B", STAGE_B_ACCEPT if result.route == "pricing" else STAGE_B_REL_GAP),
        ("Pasangan calon (pegawai, jabatan)", result.space.n_pairs),
        ("Rute", result.route),
        *((f"Statistik: {k}", v) for k, v in result.stats.items()),
        ("Masa jabatan minimal (tahun)", MIN_TENURE_YEARS),
        ("Masa jabatan jatuh tempo (tahun)", DUE_TENURE_YEARS),
        ("Jendela pensiun (bulan)", RETIREMENT_WINDOW_MONTHS),
        ("Batas perputaran unit", f"{TURNOVER_SHARE:.0%} pegawai unit (dibulatkan ke atas)"),
        *rnd.weights.rows(),
        *((f"Waktu: {k} (detik)", round(v, 3)) for k, v in result.timings.items()),
        ("Waktu total (detik)", round(s.seconds, 3)),
    ]
    _put(ws, 1, 1, "Parameter").font = HEADER_FONT
    _put(ws, 1, 2, "Nilai").font = HEADER_FONT
    ws.freeze_panes = "A2"
    _key_values(ws, rows, 2)
