"""``mutasi validate -o masalah.xlsx``: the problems beside the original cells.

The workbook has a sheet ``Masalah`` (every issue, as in the terminal table) and, for every input sheet
with a problem on some row, a copy of that sheet's cells as read (``<sheet> (asli)``) in which each
problem cell is filled red (galat) or yellow (peringatan) with the message as a cell comment, and a last
column ``Masalah`` lists the messages of the row. The inputs are re-read, never written.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mutasi_cli.inputs.headers import JABATAN, OPTIONAL_SHEETS, PEGAWAI
from mutasi_cli.inputs.issues import Issue
from mutasi_cli.inputs.reader import RawWorkbook, ReadError, find_sheet, read_raw
from mutasi_cli.outputs.report import (
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    ROW_PADDING,
    layout_table,
    page_setup,
    put_cell,
    text_lines,
    text_width,
)
from mutasi_cli.support.files import atomic_file

ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
WARNING_FILL = PatternFill("solid", fgColor="FFE699")
COLUMNS = ("Kode", "Tingkat", "Sheet", "Baris", "Kolom", "Nilai", "Pesan")
#: widths of the Masalah sheet: the whole of a NIP or a date in Nilai, the message wrapped; about 160
#: characters, so that A4 landscape prints it at a legible scale
WIDTHS: dict[str, float] = {
    "Kode": 22,
    "Tingkat": 11,
    "Sheet": 12,
    "Baris": 7,
    "Kolom": 20,
    "Nilai": 24,
    "Pesan": 66,
}
#: the copy of an input sheet: widths from the content (a date dd-mm-yyyy, a NIP of 18 digits whole),
#: at most COPY_MAX_WIDTH (longer text wraps), and the Masalah column
COPY_MIN_WIDTH = 6
COPY_MAX_WIDTH = 40
DATE_WIDTH = 12
NOTES_WIDTH = 60
SEVERITY = {"error": "galat", "warning": "peringatan"}


def write_problems(path: Path, pegawai: Path, jabatan: Path, issues: list[Issue]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Masalah"
    _issue_sheet(ws, issues)
    sources = _source_sheets(pegawai, jabatan)
    by_sheet: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues:
        if issue.row is not None and issue.sheet in sources:
            by_sheet[issue.sheet].append(issue)
    for name, found in by_sheet.items():
        raw, sheet = sources[name]
        _annotated_copy(wb.create_sheet(f"{name} (asli)"[:31]), raw.sheets[sheet], found)
    with atomic_file(path) as tmp:
        wb.save(tmp)


def _issue_sheet(ws: Worksheet, issues: list[Issue]) -> None:
    for j, title in enumerate(COLUMNS, start=1):
        cell = put_cell(ws, 1, j, title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for i, issue in enumerate(issues, start=2):
        values = (issue.code, SEVERITY[issue.severity], issue.sheet, issue.row, issue.column, issue.value,
                  issue.message)  # fmt: skip
        for j, value in enumerate(values, start=1):
            put_cell(ws, i, j, value, text=j in (1, 3, 5, 6, 7))
        fill = ERROR_FILL if issue.severity == "error" else WARNING_FILL
        ws.cell(row=i, column=2).fill = fill
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{max(1, len(issues) + 1)}"
    layout_table(ws, COLUMNS, 1, len(issues), widths=WIDTHS)
    ws.print_title_rows = "1:1"
    page_setup(ws)
    ws.print_options.gridLines = True


def _source_sheets(pegawai: Path, jabatan: Path) -> dict[str, tuple[RawWorkbook, str]]:
    """Issue sheet name → (workbook, sheet) it was read from, as :mod:`mutasi_cli.inputs.load` chooses."""
    raws: dict[Path, RawWorkbook] = {}
    for p in dict.fromkeys([Path(pegawai), Path(jabatan)]):
        try:
            raws[p] = read_raw(p)
        except ReadError:
            continue
    out: dict[str, tuple[RawWorkbook, str]] = {}
    same = Path(pegawai) == Path(jabatan)
    for name, p in ((PEGAWAI, Path(pegawai)), (JABATAN, Path(jabatan))):
        raw = raws.get(p)
        if raw is None or not raw.sheets:
            continue
        sheet = find_sheet(raw, name)
        if sheet is None and not same:
            sheet = next(iter(raw.sheets))
        if sheet is not None:
            out[name] = (raw, sheet)
    for name in OPTIONAL_SHEETS:
        for raw in raws.values():
            sheet = find_sheet(raw, name)
            if sheet is not None and name not in out:
                out[name] = (raw, sheet)
    return out


def _annotated_copy(ws: Worksheet, rows: list[list[object]], issues: list[Issue]) -> None:
    width = max((len(r) for r in rows), default=0)
    header = _header_row(rows, issues)
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row, start=1):
            if header is not None and i < header and j > 1 and value == row[j - 2]:
                continue  # a merged title cell, read into every cell it covers: written once
            put_cell(ws, i, j, value if value != "" else None)
    notes: dict[int, list[str]] = defaultdict(list)
    for issue in issues:
        assert issue.row is not None
        found = _header_cell(rows, issue.row, issue.column)
        fill = ERROR_FILL if issue.severity == "error" else WARNING_FILL
        if found is not None:
            cell = ws.cell(row=issue.row, column=found[1])
            cell.fill = fill
            text = f"{SEVERITY[issue.severity]} {issue.code}: {issue.message}"
            cell.comment = Comment(text if cell.comment is None else f"{cell.comment.text}\n{text}", "mutasi")
        notes[issue.row].append(f"[{SEVERITY[issue.severity]}] {issue.message}")
    last = width + 1
    if header is not None:
        cell = put_cell(ws, header, last, "Masalah")
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r, texts in notes.items():
        cell = put_cell(ws, r, last, "\n".join(texts), text=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = _copy_widths(rows[(header or 1) - 1 :], width)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.column_dimensions[get_column_letter(last)].width = NOTES_WIDTH
    _copy_heights(ws, rows, widths, notes, header or 1)
    if header is not None:
        ws.freeze_panes = ws.cell(row=header + 1, column=1).coordinate
        ws.print_title_rows = f"{header}:{header}"
    page_setup(ws)


def _copy_widths(rows: list[list[object]], width: int) -> list[float]:
    """Column widths of a copied input sheet that show every date (dd-mm-yyyy) and every NIP whole
    (they printed "###" and cut off): the longest value of each column, within limits."""
    out = [float(COPY_MIN_WIDTH)] * width
    for row in rows:
        for j, value in enumerate(row):
            if value is None or value == "":
                continue
            need: float
            if isinstance(value, (dt.date, dt.datetime)):
                need = DATE_WIDTH
            else:
                need = max(text_width(part) for part in str(value).split("\n")) + 2
            out[j] = max(out[j], min(float(COPY_MAX_WIDTH), float(need)))
    return out


def _copy_heights(
    ws: Worksheet, rows: list[list[object]], widths: list[float], notes: dict[int, list[str]], first: int
) -> None:
    """Long values wrap within COPY_MAX_WIDTH and the notes within NOTES_WIDTH: each such row gets the
    height of its lines (only those rows are measured: an input sheet can hold 50,000 rows); the title
    block above the header row is left to overflow."""
    tall: dict[int, int] = {r: text_lines("\n".join(t), NOTES_WIDTH) for r, t in notes.items()}
    for i, row in enumerate(rows[first - 1 :], start=first):
        for j, value in enumerate(row):
            if isinstance(value, str) and (len(value) + 2 > widths[j] or "\n" in value):
                ws.cell(row=i, column=j + 1).alignment = Alignment(wrap_text=True, vertical="top")
                tall[i] = max(tall.get(i, 1), text_lines(value, widths[j]))
    if first > 1 or rows:
        for j in range(1, len(widths) + 1):  # the header row: wrapped, so that a long header shows whole
            cell = ws.cell(row=first, column=j)
            if isinstance(cell.value, str):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                tall[first] = max(tall.get(first, 1), text_lines(cell.value, widths[j - 1]))
    top = Alignment(vertical="top")
    for r, lines in tall.items():
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * lines + ROW_PADDING
            for cell in ws[r]:
                if not cell.alignment.wrap_text:
                    cell.alignment = top


def _header_cell(rows: list[list[object]], excel_row: int, header: str | None) -> tuple[int, int] | None:
    """(row, column), 1-based, of the cell holding ``header`` as written, in the nearest row above
    ``excel_row``: where the problem's column is named."""
    if not header:
        return None
    for i in range(min(excel_row - 1, len(rows)) - 1, -1, -1):
        for j, cell in enumerate(rows[i], start=1):
            if isinstance(cell, str) and cell.strip() == header:
                return i + 1, j
    return None


def _header_row(rows: list[list[object]], issues: list[Issue]) -> int | None:
    """The Excel row of the header: where the first problem's column is named."""
    for issue in issues:
        if issue.row and (found := _header_cell(rows, issue.row, issue.column)):
            return found[0]
    return None
