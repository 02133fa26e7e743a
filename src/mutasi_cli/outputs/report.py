"""The plan workbook (CONTRACT.md "Output workbook"): the only module that writes it.

Input values are always written as text or numbers, never as formulas: a string beginning with ``=`` is
stored as a string cell explicitly. Numbers stay numbers, with a locale-aware number format, so that
Excel and LibreOffice show them as the reader's locale does (Indonesian: decimal comma, thousands dot);
text the tool builds itself writes numbers through :mod:`mutasi_cli.support.numbers`.

Every sheet is made to print on A4 through LibreOffice as well as Excel: neither sizes wrapped rows on
import, so each row gets the height its wrapped lines need (:func:`text_lines`); headers are aligned as
their column's data; page numbers restart on every sheet.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import platform
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from mutasi_cli import __version__
from mutasi_cli.inputs.data import Round
from mutasi_cli.outputs import explain
from mutasi_cli.rules.eligibility import setting_rows
from mutasi_cli.rules.freeze import Freeze
from mutasi_cli.solve.mip_steps import STAGE_B_ACCEPT
from mutasi_cli.solve.planner import STAGE_B_REL_GAP, PlanResult
from mutasi_cli.support import messages
from mutasi_cli.support.files import atomic_file
from mutasi_cli.support.numbers import cell_format, format_count, format_number, percent_format

SHEETS = (
    "Ringkasan", "Daftar Mutasi", "Penjelasan", "Lampiran SK", "Lowongan", "Tidak Dimutasi",
    "Kebutuhan Diklat", "Parameter", "Arus Mutasi",
)  # fmt: skip
TEXT_COLUMNS = {"NIP", "Kode Jabatan", "Kode Jabatan Lama", "Kode Jabatan Baru"}
#: the header font, named: a Font without a name prints in LibreOffice's default serif
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=13, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MAX_WIDTH = 32
#: widths (characters) of the columns the lists share, chosen so that each list prints on A4 landscape
#: at a legible scale (about 140 characters fit the page at 100 %); long text wraps
COLUMN_WIDTHS: dict[str, float] = {
    "No": 5, "NIP": 20, "Nama": 20, "Pangkat/Gol. Ruang": 16, "Jabatan Lama": 22, "Jabatan Baru": 22,
    "Jabatan": 22, "Nama Jabatan": 24, "Unit Kerja Lama": 18, "Unit Kerja Baru": 18, "Unit Kerja": 20,
    "Kode Jabatan Lama": 10, "Kode Jabatan Baru": 10, "Kode Jabatan": 10, "Keterangan": 22,
    "Catatan Internal": 30, "Alasan": 50, "Dasar Hukum": 36, "Jalur Pengisian": 15, "Jenis Jabatan": 12,
    "Diklat yang Dibutuhkan": 16, "Penjelasan": 92,
}  # fmt: skip
#: per sheet, widths that differ from COLUMN_WIDTHS
SHEET_WIDTHS: dict[str, dict[str, float]] = {
    "Penjelasan": {"Jabatan Baru": 26},
    "Kebutuhan Diklat": {"Keterangan": 40, "Jabatan Baru": 28, "Unit Kerja Baru": 24},
    # after a re-plan: the why (Keterangan) gets the room, the short decisions less (looked at printed)
    "Hasil Tinjauan": {
        "Usulan Semula": 26, "Keputusan Tim Penilai": 14, "Hasil Rencana Baru": 26, "Hasil Tinjauan": 18,
        "Keterangan": 56,
    },
}
#: cell number formats by column (Excel and LibreOffice show them in the reader's locale)
NUMBER_FORMATS = {"Lama Menjabat (tahun)": cell_format(1)}
#: numeric columns that number rows, shown without a thousands separator
PLAIN_NUMBERS = frozenset({"No", "Baris"})


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
    gap: float | None = None
    fallback: bool = False
    #: the time limit of the run (seconds), for the fallback's advice
    time_limit: float | None = None
    #: a re-plan after review: the counts of :func:`mutasi_cli.review.replan.outcomes` (kept, new, changed,
    #: dropped, rejected, changes) and the Prioritas-1 places its rejections leave empty
    review: dict[str, object] | None = None

    @property
    def fallback_note(self) -> str:
        """What a fallback plan is and the time limit to run again with (CONTRACT.md ``fallback``)."""
        limit = self.time_limit or self.seconds
        suggest = 60 * math.ceil(max(2 * limit, 3 * self.seconds) / 60)
        return messages.FALLBACK_NOTE.format(limit=format_number(limit, 1, trim=True), suggest=suggest)

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
            "gap": None if self.gap is None else round(self.gap, 6),
            "fallback": self.fallback,
        } | ({} if self.review is None else {"review": self.review})


def summarize(rnd: Round, result: PlanResult, seconds: float, time_limit: float | None = None) -> Summary:
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
        gap=result.gap,
        fallback=result.fallback,
        time_limit=time_limit,
    )


def write_plan(
    path: Path,
    rnd: Round,
    result: PlanResult,
    summary: Summary,
    settings: dict[str, object],
    *,
    freeze: Freeze | None = None,
    review: np.ndarray | None = None,
) -> None:
    """The plan's workbook, sheets in :data:`SHEETS` order; a re-plan after review (``review``) also marks
    each row of Daftar Mutasi (column Hasil Tinjauan; ``review``: the mark of each person, see
    :func:`mutasi_cli.review.replan.outcomes`) and adds sheet Hasil Tinjauan after it."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Ringkasan"
    vacancies = explain.vacancies(rnd, result)
    _ringkasan(ws, rnd, result, summary, freeze, vacancies)
    moves = explain.moves(rnd, result)
    reviewed: list[tuple[str, pd.DataFrame | None]] = []
    if review is not None:
        nip_at = {str(n): i for i, n in enumerate(rnd.people["nip"])}
        marks = [messages.REVIEW_MARKS.get(str(review[nip_at[str(n)]]), "") for n in moves["NIP"]]
        moves = moves.assign(**{messages.REVIEW_COLUMN: marks})
        moves = _reviewed_keterangan(rnd, moves)
        reviewed = [(messages.REVIEW_SHEET, explain.review_sheet(rnd, result.final, review, moves))]
    for name, frame in (
        ("Daftar Mutasi", moves),
        *reviewed,
        ("Penjelasan", explain.explanations(rnd, result)),
        ("Lampiran SK", None),
        ("Lowongan", vacancies),
        ("Tidak Dimutasi", explain.stays(rnd, result)),
        ("Kebutuhan Diklat", explain.training_needs(rnd, result)),
    ):
        sheet = wb.create_sheet(name)
        if frame is None:
            _lampiran(sheet, moves)
        else:
            write_list(sheet, frame)
    _parameter(wb.create_sheet("Parameter"), rnd, result, summary, settings)
    _flow_sheet(wb.create_sheet("Arus Mutasi"), explain.unit_flow(rnd, result))
    with atomic_file(path) as tmp:
        wb.save(tmp)


def _reviewed_keterangan(rnd: Round, moves: pd.DataFrame) -> pd.DataFrame:
    """A kept move keeps the Keterangan the review left it (the reviewer may have edited the public
    phrase; CONTRACT.md: a kept move is kept as it is)."""
    approved = rnd.review.approved if rnd.review is not None else None
    if approved is None or "keterangan" not in approved.columns or not len(moves):
        return moves
    nips = rnd.people["nip"].to_numpy()
    text = {
        str(nips[e]): str(k)
        for e, k in zip(approved["person"].tolist(), approved["keterangan"].tolist())
        if isinstance(k, str) and k.strip()
    }
    kept = moves["NIP"].astype(str).map(text)
    return moves.assign(Keterangan=kept.where(kept.notna(), moves["Keterangan"]))


# --- cells ---------------------------------------------------------------------------------------------
def put_cell(ws: Worksheet, row: int, col: int, value: object, *, text: bool = False) -> Cell:
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


def put_table(ws: Worksheet, df: pd.DataFrame, start_row: int) -> None:
    """The frame's header and rows from ``start_row``, with widths from the content (capped)."""
    widths: dict[int, int] = {}
    for j, col in enumerate(df.columns, start=1):
        cell = put_cell(ws, start_row, j, col)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=False)
        widths[j] = len(str(col))
    text_cols = {j for j, c in enumerate(df.columns, start=1) if c in TEXT_COLUMNS}
    for i, row in enumerate(df.itertuples(index=False), start=start_row + 1):
        for j, value in enumerate(row, start=1):
            put_cell(ws, i, j, value, text=j in text_cols)
            widths[j] = max(widths[j], len(str(value)) if value is not None else 0)
    for j, w in widths.items():
        current = ws.column_dimensions[get_column_letter(j)].width or 0
        ws.column_dimensions[get_column_letter(j)].width = max(current, min(MAX_WIDTH, w + 2))


# --- how much room text takes ---------------------------------------------------------------------------
#: advance width of characters relative to a digit (a column's width is counted in digits of the
#: default font), the larger of Carlito (Calibri's metric twin, what LibreOffice prints Calibri with) and
#: DejaVu Sans (its fallback where Carlito is missing): an estimate that errs on the generous side, so
#: that a row is never too short in either
_CHAR_WIDTHS: dict[str, float] = {
    ch: w
    for w, chars in (
        (0.45, "'il"),
        (0.5, "jI .,"),
        (0.55, ";:"),
        (0.6, "f-()"),
        (0.66, "Jt"),
        (0.7, "r"),
        (0.76, "/"),
        (0.84, "szc"),
        (0.9, "LkF"),
        (0.94, "vxy"),
        (0.97, "aTY"),
        (1.0, "eE–gS0123456789"),
        (1.04, "PKbdhnopqu"),
        (1.1, "BXZRC"),
        (1.14, "VA"),
        (1.24, "DHG"),
        (1.3, "NUO"),
        (1.35, "Q&"),
        (1.42, "w"),
        (1.5, "%"),
        (1.6, "m…"),
        (1.7, "M"),
        (1.8, "W—"),
    )
    for ch in chars
}


def text_width(text: str, bold: bool = False) -> float:
    """Width of ``text`` on one line, in digits of the default font (a column's unit of width)."""
    width = sum(_CHAR_WIDTHS.get(ch, 1.1 if ch.isupper() else 1.0) for ch in text)
    return width * (1.05 if bold else 1.02)


#: the same words come back on every row: measured once (the per-character sum was 2 of the 9 seconds
#: a 5,000-person workbook took to write)
_word_width = functools.lru_cache(maxsize=1 << 16)(text_width)


@functools.lru_cache(maxsize=4096)  # unit names, phrases and labels repeat row after row
def text_lines(text: str, width: float, *, bold: bool = False) -> int:
    """Lines a wrapped cell of ``width`` characters needs for ``text``: words wrapped greedily as Excel and
    LibreOffice wrap them, a word longer than the line broken, explicit line breaks kept."""
    capacity = max(1.0, width - 0.6)  # the cell's padding
    space = _word_width(" ", bold)
    lines = 0
    for para in str(text).split("\n"):
        n, used = 1, 0.0
        for word in para.split(" "):
            w = _word_width(word, bold)
            if used and used + space + w <= capacity:
                used += space + w
                continue
            if used:
                n += 1
            while w > capacity:  # a word wider than the line breaks where the line ends
                n += 1
                w -= capacity
            used = w
        lines += n
    return max(1, lines)


def set_style(cells: list[Cell], *, alignment: Alignment | None = None, border: Border | None = None) -> None:
    """One alignment (and border) for many cells: set on the first through openpyxl, and its style index
    copied to the rest. Assigning a style object per cell makes openpyxl look it up in the workbook's
    style table every time (2 of the 9 seconds of a 5,000-person workbook)."""
    if not cells:
        return
    first = cells[0]
    if alignment is not None:
        first.alignment = alignment
    if border is not None:
        first.border = border
    style = first._style
    for cell in cells[1:]:
        if cell._style is None:  # a cell never styled has no style array yet (openpyxl makes it lazily)
            cell._style = StyleArray()
        if alignment is not None:
            cell._style.alignmentId = style.alignmentId
        if border is not None:
            cell._style.borderId = style.borderId


#: points per line of text (11 pt fonts, Calibri or its substitutes), and the padding of a row
LINE_HEIGHT = 15.0
ROW_PADDING = 3.0


def fit_row_heights(ws: Worksheet, first: int, last: int, n_cols: int, first_col: int = 1) -> None:
    """Explicit heights for rows whose cells wrap or hold line breaks, from the wrapped lines of every
    cell of the row (merged cells by their merged width): neither openpyxl nor LibreOffice's import sizes
    them, and without a height the last lines are cut off (the attachment's KETERANGAN lost its last line
    at 30 pt) or print over the next row."""
    widths = {
        j: (ws.column_dimensions[get_column_letter(j)].width or 8.43)
        for j in range(first_col, first_col + n_cols)
    }
    merged = {
        (rng.min_row, rng.min_col): sum(
            ws.column_dimensions[get_column_letter(j)].width or 8.43
            for j in range(rng.min_col, rng.max_col + 1)
        )
        for rng in ws.merged_cells.ranges
        if rng.min_row == rng.max_row
    }
    for row in ws.iter_rows(min_row=first, max_row=last, min_col=first_col, max_col=first_col + n_cols - 1):
        lines = 1
        for cell in row:
            value = cell.value
            if value is None:
                continue
            text = value if isinstance(value, str) else str(value)
            alignment = cell.alignment
            if not (alignment.wrap_text or "\n" in text) or alignment.text_rotation:
                continue  # a rotated header sets its own height
            width = merged.get((cell.row, cell.column), widths[cell.column])
            lines = max(lines, text_lines(text, width, bold=bool(cell.font and cell.font.bold)))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_HEIGHT * lines + ROW_PADDING


# --- lists ----------------------------------------------------------------------------------------------
def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def write_list(ws: Worksheet, frame: pd.DataFrame, *, header_row: int = 1) -> None:
    """A list sheet: the frame as a table with its header, widths, alignment, wrapped text, row heights,
    frozen header, autofilter and print layout."""
    put_table(ws, frame, header_row)
    layout_table(ws, frame.columns, header_row, len(frame), widths=SHEET_WIDTHS.get(ws.title, {}))
    _print_layout(ws, header_row=header_row, n_cols=len(frame.columns), last_row=header_row + len(frame))
    ws.print_options.gridLines = True  # on paper, wrapped cells of neighbouring columns stay apart


def layout_table(
    ws: Worksheet,
    columns: Iterable[object],
    header_row: int,
    n_rows: int,
    *,
    first_col: int = 1,
    widths: Mapping[str, float] | None = None,
    header_wrap: float = 14,
) -> None:
    """Widths, alignment and row heights of a table already written at ``header_row``. A column whose
    data are numbers is right-aligned, header included, so that on paper each number sits under its own
    header (a left header over right-aligned numbers put "Formasi 3, Terisi 4" under the wrong heads);
    ``No`` is centred; text wraps where it is longer than its column."""
    columns = list(columns)
    last = header_row + n_rows
    top = Alignment(vertical="top")
    lines = [1] * (n_rows + 1)  # per row, the header's first: counted here from the values already read
    for k, name in enumerate(columns):
        j = first_col + k
        letter = get_column_letter(j)
        values = [row[0] for row in ws.iter_rows(min_row=header_row + 1, max_row=last, min_col=j, max_col=j,
                                                 values_only=True)]  # fmt: skip
        present = [v for v in values if v is not None and v != ""]
        numeric = bool(present) and all(_is_number(v) for v in present)
        label = str(name)
        if label in (widths or {}):
            width = (widths or {})[label]
        elif label in COLUMN_WIDTHS:
            width = COLUMN_WIDTHS[label]
        elif numeric:
            digits = max(
                (len(format_number(v, 1 if isinstance(v, float) else 0)) for v in present), default=1
            )
            word = max((len(w) for w in label.split()), default=1)
            width = max(6.0, digits + 3.0, word * 1.1 + 3.0)
        else:
            longest = max((len(str(v)) for v in present), default=0)
            width = float(min(MAX_WIDTH, max(longest, min(len(label), header_wrap)) + 2))
        ws.column_dimensions[letter].width = width
        if label == "No":
            horizontal: str | None = "center"
        elif numeric:
            horizontal = "right"
        else:
            horizontal = None
        indent = 1 if numeric else 0  # a right-aligned number keeps apart from the text beside it
        head = ws.cell(row=header_row, column=j)
        head.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True, indent=indent)
        fmt = NUMBER_FORMATS.get(label)
        lines[0] = max(lines[0], text_lines(label, width, bold=True))
        needed = [text_lines(v, width) if isinstance(v, str) else 1 for v in values]
        wrap = not numeric and any(n > 1 or "\n" in str(v) for n, v in zip(needed, values))
        if wrap:
            lines[1:] = [max(a, b) for a, b in zip(lines[1:], needed)]
        style = Alignment(horizontal=horizontal, vertical="top", wrap_text=wrap or None, indent=indent)
        cells = [row[0] for row in ws.iter_rows(min_row=header_row + 1, max_row=last, min_col=j, max_col=j)]
        set_style(cells, alignment=style if (wrap or horizontal) else top)
        if (
            numeric
        ):  # counts with thousands separators, as the reader's locale writes them; a row number plain
            fmt = fmt or ("0" if label in PLAIN_NUMBERS else None)
            for cell in cells:
                if fmt:
                    cell.number_format = fmt
                elif isinstance(cell.value, float):
                    cell.number_format = cell_format(1)
                elif isinstance(cell.value, int):
                    cell.number_format = cell_format(0)
    for i, n in enumerate(lines):
        if n > 1:
            ws.row_dimensions[header_row + i].height = LINE_HEIGHT * n + ROW_PADDING


def _print_layout(
    ws: Worksheet,
    *,
    header_row: int,
    n_cols: int,
    last_row: int,
    filter_: bool = True,
    title_rows: str | None = None,
) -> None:
    """Frozen header, autofilter; A4 landscape fitted to the page width, the header row repeated on every
    printed page, "Halaman x dari y" at the foot, numbered from 1 on every sheet."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    if filter_ and n_cols:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n_cols)}{max(last_row, header_row + 1)}"
    ws.print_title_rows = title_rows or f"{header_row}:{header_row}"
    page_setup(ws)


def page_setup(ws: Worksheet, *, orientation: str = "landscape") -> None:
    """A4, fitted to the page width (as many pages down as needed), narrow margins, and the footer
    "Halaman x dari y" with the sheet's name. Pages are numbered from 1 on every sheet
    (``firstPageNumber`` with ``useFirstPageNumber``: LibreOffice otherwise numbers the pages on from the
    sheet before, so that printing the whole workbook put the decree's attachment at "Halaman 8")."""
    ps = ws.page_setup
    ps.orientation = orientation
    ps.paperSize = ws.PAPERSIZE_A4
    ps.fitToWidth = 1
    ps.fitToHeight = 0
    ps.firstPageNumber = 1
    ps.useFirstPageNumber = True
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    margins = ws.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.25
    ws.oddFooter.center.text = messages.PAGE_FOOTER
    ws.oddFooter.right.text = "&A"
    ws.print_options.horizontalCentered = False


# --- Lampiran SK -----------------------------------------------------------------------------------------
#: the attachment of the decree (DOMAIN.md): columns numbered 1–6, the unit inside the jabatan cells
LAMPIRAN_COLUMNS = ("NO", "NAMA / NIP", "PANGKAT/GOL. RUANG", "JABATAN LAMA", "JABATAN BARU", "KETERANGAN")
LAMPIRAN_WIDTHS = (6, 34, 22, 40, 40, 26)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _lampiran(ws: Worksheet, moves: pd.DataFrame) -> None:
    title = [
        ("LAMPIRAN", "KEPUTUSAN BUPATI BUNGO"),
        ("NOMOR", "…………………………"),
        ("TANGGAL", "…………………………"),
        ("TENTANG", "PEMINDAHAN PEGAWAI NEGERI SIPIL DI LINGKUNGAN PEMERINTAH KABUPATEN BUNGO"),
    ]
    for j, width in enumerate(LAMPIRAN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    for i, (key, value) in enumerate(title, start=1):
        put_cell(ws, i, 4, key)
        put_cell(ws, i, 5, f": {value}")
        ws.merge_cells(start_row=i, start_column=5, end_row=i, end_column=6)
        ws.cell(row=i, column=4).alignment = Alignment(horizontal="right", vertical="top")
        ws.cell(row=i, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    fit_row_heights(ws, 1, len(title), 6)
    header = 6
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, name in enumerate(LAMPIRAN_COLUMNS, start=1):
        labels: tuple[tuple[int, object], ...] = ((header, name), (header + 1, j))
        for row, label in labels:
            cell = put_cell(ws, row, j, label)
            cell.font, cell.alignment, cell.border = HEADER_FONT, center, BOX
        ws.cell(row=header, column=j).fill = HEADER_FILL
    top = Alignment(vertical="top", wrap_text=True)
    numbers: list[Cell] = []
    texts: list[Cell] = []
    for i, m in enumerate(moves.to_dict("records"), start=1):
        r = header + 1 + i
        values = (
            i,
            f"{m['Nama']}\nNIP. {m['NIP']}",
            m["Pangkat/Gol. Ruang"],
            f"{m['Jabatan Lama']}\npada {m['Unit Kerja Lama']}",
            f"{m['Jabatan Baru']}\npada {m['Unit Kerja Baru']}",
            m["Keterangan"],
        )
        for j, value in enumerate(values, start=1):
            (numbers if j == 1 else texts).append(put_cell(ws, r, j, value, text=j > 1))
    set_style(numbers, alignment=Alignment(horizontal="center", vertical="top"), border=BOX)
    set_style(texts, alignment=top, border=BOX)
    last = header + 1 + len(moves)
    fit_row_heights(ws, header, last, 6)
    end = last + 2
    for k, line in enumerate(("BUPATI BUNGO,", "", "", "", "…………………………")):
        if line:
            put_cell(ws, end + k, 5, line).alignment = Alignment(horizontal="center")
    _print_layout(
        ws, header_row=header, n_cols=6, last_row=last, filter_=False, title_rows=f"{header}:{header + 1}"
    )
    ws.freeze_panes = ws.cell(row=header + 2, column=1).coordinate


# --- Ringkasan -------------------------------------------------------------------------------------------
def _key_values(ws: Worksheet, rows: list[tuple[str, object]], start_row: int, *, merge_to: int = 0) -> int:
    """Label/value rows from ``start_row`` (labels bold in A, values in B, left-aligned); a long text value
    is merged across B…``merge_to`` and wrapped. Returns the next free row."""
    for i, (key, value) in enumerate(rows, start=start_row):
        put_cell(ws, i, 1, key).font = HEADER_FONT
        ws.cell(row=i, column=1).alignment = Alignment(vertical="top", wrap_text=True)
        cell = put_cell(ws, i, 2, value)
        cell.alignment = Alignment(horizontal="left", vertical="top")
        if _is_number(value):
            cell.number_format = cell_format(0 if isinstance(value, int) else 1)
        if isinstance(value, str) and merge_to > 2 and len(value) > 40:
            ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=merge_to)
            cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    return start_row + len(rows)


#: the election-freeze box on Ringkasan: (title, fill) without and with the Minister's approval
FREEZE_BOX = {
    False: (
        "PERHATIAN: PENGGANTIAN PEJABAT PADA TANGGAL BERLAKU INI MEMERLUKAN PERSETUJUAN TERTULIS MENTERI "
        "DALAM NEGERI (UU 10/2016)",
        "F8CBAD",
    ),
    True: (
        "PENGGANTIAN PEJABAT PADA TANGGAL BERLAKU INI TELAH MENDAPAT PERSETUJUAN TERTULIS MENTERI DALAM "
        "NEGERI (UU 10/2016)",
        "E2EFDA",
    ),
}
FREEZE_BOX_COLUMNS = 8


def _freeze_box(ws: Worksheet, row: int, freeze: Freeze) -> int:
    """The freeze note, a boxed title and message across the sheet's first columns; returns the next
    free row."""
    title, color = FREEZE_BOX[freeze.approved]
    fill = PatternFill("solid", fgColor=color)
    title_font = Font(name=FONT_NAME, size=11, bold=True, color=None if freeze.approved else "9C0006")
    for r, value, font in (
        (row, title, title_font),
        (row + 1, freeze.message, Font(name=FONT_NAME, size=11)),
    ):
        put_cell(ws, r, 1, value).font = font
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=FREEZE_BOX_COLUMNS)
        for j in range(1, FREEZE_BOX_COLUMNS + 1):
            ws.cell(row=r, column=j).fill = fill
            ws.cell(row=r, column=j).border = BOX
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    fit_row_heights(ws, row, row + 1, FREEZE_BOX_COLUMNS)  # by the merged width of the box
    return row + 3


#: Ringkasan's columns: labels and unit names in A, figures in B…H
RINGKASAN_LABEL_WIDTH = 42
RINGKASAN_NUMBER_WIDTH = 12
#: the chart of empty places shows at most this many units (those with most empty places before the
#: round), so that each keeps a legible bar and label on one A4 page
CHART_UNITS = 30
#: the chart's size on the page (cm): width within columns A…H, height per unit shown, at most a page
CHART_WIDTH_CM = 21.0
CHART_CM_PER_UNIT = 0.45
CHART_MAX_HEIGHT_CM = 16.5


def _ringkasan(
    ws: Worksheet,
    rnd: Round,
    result: PlanResult,
    s: Summary,
    freeze: Freeze | None = None,
    vacancies: pd.DataFrame | None = None,
) -> None:
    ws.column_dimensions["A"].width = RINGKASAN_LABEL_WIDTH
    for j in range(2, FREEZE_BOX_COLUMNS + 1):
        ws.column_dimensions[get_column_letter(j)].width = RINGKASAN_NUMBER_WIDTH
    put_cell(ws, 1, 1, "RINGKASAN RENCANA MUTASI").font = TITLE_FONT
    first = 3 if freeze is None else _freeze_box(ws, 3, freeze)
    rows: list[tuple[str, object]] = [
        ("Tanggal berlaku", rnd.effective_date),
        ("Status", messages.STATUS_TEXT.get(s.status, s.status)),
        ("Jumlah pegawai", rnd.n_people),
        ("Jumlah jabatan", rnd.n_positions),
        ("Jumlah mutasi", s.moves),
        (f"Pegawai jatuh tempo (≥ {rnd.rules.masa_jatuh_tempo} tahun)", s.due),
        ("Jatuh tempo yang dimutasi", s.due_moved),
        ("Tidak tertampung", s.unplaced),
        ("Tempat Prioritas 1", s.priority1_places),
        ("Tempat Prioritas 1 terisi", s.priority1_filled),
        ("Tempat lowong setelah mutasi", s.empty_places),
        *_routes_rows(vacancies),
        ("Waktu perencanaan (detik)", round(s.seconds, 1)),
    ]
    if result.message:
        rows.append(("Keterangan", result.message))
    if s.fallback:
        rows.insert(1, ("Peringatan", s.fallback_note))
    end = _key_values(ws, rows, first, merge_to=FREEZE_BOX_COLUMNS)
    fit_row_heights(ws, first, end - 1, 2)
    units = explain.unit_summary(rnd, result)
    row = end + 2
    tables = (
        ("Per unit kerja", units),
        ("Per golongan", explain.by_golongan(rnd, result)),
        ("Per jenis kelamin", explain.by_gender(rnd, result)),
    )
    for title, frame in tables:
        put_cell(ws, row - 1, 1, title).font = HEADER_FONT
        put_table(ws, frame, row)
        widths = {str(frame.columns[0]): RINGKASAN_LABEL_WIDTH}
        widths |= {str(c): RINGKASAN_NUMBER_WIDTH for c in frame.columns[1:]}
        layout_table(ws, frame.columns, row, len(frame), widths=widths)
        row += len(frame) + 3
    _empty_places_chart(ws, units, row)
    page_setup(ws)  # several tables: no one header row repeats on every page
    ws.freeze_panes = "A2"


def _chart_text(size: int, bold: bool = False) -> RichText:
    """Chart text properties of ``size`` points (axis labels, title)."""
    props = CharacterProperties(sz=size * 100, b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _empty_places_chart(ws: Worksheet, units: pd.DataFrame, row: int) -> None:
    """The empty places of each unit before and after the round, as horizontal bars: what the round does
    for public service, at a glance. On a page of its own under the tables, units in the table's order top
    to bottom, every label shown; at most :data:`CHART_UNITS` units (those with most empty places before),
    and the title says so. Its data are a small table under the chart."""
    before, after = "Lowong Sebelum", "Lowong Sesudah"
    shown = units[(units[before] > 0) | (units[after] > 0)]
    total = len(shown)
    if not total:
        return
    if total > CHART_UNITS:
        keep = shown.sort_values([before, after], ascending=False, kind="stable").index[:CHART_UNITS]
        shown = shown.loc[sorted(keep)]
        title = messages.CHART_TITLE_CAPPED.format(shown=CHART_UNITS, total=format_count(total))
    else:
        title = messages.CHART_TITLE
    ws.row_breaks.append(Break(id=row - 2))
    put_cell(ws, row - 1, 1, messages.CHART_HEADING).font = HEADER_FONT
    height = min(CHART_MAX_HEIGHT_CM, 3.0 + CHART_CM_PER_UNIT * len(shown))
    rows_under_chart = math.ceil(height / (LINE_HEIGHT * 2.54 / 72)) + 2
    data_row = row + rows_under_chart
    put_cell(ws, data_row - 1, 1, messages.CHART_DATA_TITLE).font = HEADER_FONT
    frame = shown[["Unit Kerja", before, after]]
    put_table(ws, frame, data_row)
    layout_table(ws, frame.columns, data_row, len(frame),
                 widths={"Unit Kerja": RINGKASAN_LABEL_WIDTH, before: RINGKASAN_NUMBER_WIDTH,
                         after: RINGKASAN_NUMBER_WIDTH})  # fmt: skip
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long unit names stay readable
    chart.grouping = "clustered"
    chart.title = title
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(defRPr=CharacterProperties(sz=1100, b=True))
    data = Reference(ws, min_col=2, max_col=3, min_row=data_row, max_row=data_row + len(frame))
    cats = Reference(ws, min_col=1, min_row=data_row + 1, max_row=data_row + len(frame))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    for series in chart.series:  # the unit names are text: a string reference, as Excel writes it
        series.cat = AxDataSource(strRef=StrRef(f=series.cat.numRef.f))
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit of the table at the top
    chart.x_axis.tickLblSkip = 1  # every unit's label, none skipped
    chart.x_axis.tickMarkSkip = 1
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.crosses = "max"  # with the categories reversed, the value axis stays at the foot
    chart.y_axis.title = messages.CHART_VALUE_AXIS
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = "0"
    chart.x_axis.txPr = _chart_text(8)
    chart.y_axis.txPr = _chart_text(8)
    chart.legend.position = "b"
    chart.gapWidth = 40
    chart.height = height
    chart.width = CHART_WIDTH_CM
    ws.add_chart(chart, f"A{row}")


def _routes_rows(vacancies: pd.DataFrame | None) -> list[tuple[str, object]]:
    """Ringkasan: the empty places rotation cannot fill, per route (open selection, promotion, JF)."""
    if vacancies is None:
        return []
    places = vacancies.groupby("Jalur Pengisian")["Lowong"].sum() if len(vacancies) else pd.Series(dtype=int)
    return [
        (messages.VACANCY_ROUTE_COUNT.format(route=name[0].lower() + name[1:]), int(places.get(name, 0)))
        for name, _reason, _source in (messages.VACANCY_JPT, messages.VACANCY_PROMOTION, messages.VACANCY_JF)
    ]


# --- Arus Mutasi -----------------------------------------------------------------------------------------
FLOW_FIRST_WIDTH = 34
FLOW_WIDTH = 5.5


def _flow_sheet(ws: Worksheet, flows: pd.DataFrame) -> None:
    """The unit × unit flow table on a sheet of its own (on Ringkasan its 22 columns forced the whole
    summary down to 4–5 pt): unit names of the columns written upwards, so that a column is as wide as
    its numbers and the table fits the page width at a legible scale."""
    put_cell(ws, 1, 1, messages.FLOW_TITLE).font = TITLE_FONT
    header = 3
    put_table(ws, flows, header)
    n = len(flows.columns)
    ws.column_dimensions["A"].width = FLOW_FIRST_WIDTH
    longest = 0
    for j in range(2, n + 1):
        ws.column_dimensions[get_column_letter(j)].width = FLOW_WIDTH
        head = ws.cell(row=header, column=j)
        head.alignment = Alignment(horizontal="center", vertical="bottom", text_rotation=90, wrap_text=True)
        longest = max(longest, len(str(head.value or "")))
        for r in range(header + 1, header + len(flows) + 1):
            ws.cell(row=r, column=j).alignment = Alignment(horizontal="right")
    ws.cell(row=header, column=1).alignment = Alignment(vertical="bottom", wrap_text=True)
    # upward text runs along the row's height; two lines fit a column of FLOW_WIDTH
    ws.row_dimensions[header].height = max(30.0, min(200.0, 6.0 * math.ceil(longest / 2) + 12))
    for r in range(header + 1, header + len(flows) + 1):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    last = header + len(flows)
    for j in range(1, n + 1):  # the totals row and column in bold
        ws.cell(row=last, column=j).font = HEADER_FONT
    for r in range(header + 1, last + 1):
        ws.cell(row=r, column=n).font = HEADER_FONT
    fit_row_heights(ws, header + 1, last, 1)
    _print_layout(ws, header_row=header, n_cols=n, last_row=last, filter_=False)


# --- Parameter -------------------------------------------------------------------------------------------
def _parameter(
    ws: Worksheet, rnd: Round, result: PlanResult, s: Summary, settings: dict[str, object]
) -> None:
    """Everything needed to audit the run, labels and values in Bahasa: numbers rounded and formatted
    (no 4452.993451559238), statuses and routes described. The labels :mod:`mutasi_cli.review.plan_check` reads
    back (inputs, SHA-256, Tanggal berlaku, Pengaturan: berkas pengaturan, the ``[aturan]`` rows "value —
    source", Tingkat 1) keep their form."""
    a, b = result.stage_a, result.stage_b
    m = messages
    rows: list[tuple[str, object, str | None]] = []  # (label, value, number format)
    for src in rnd.sources:
        rows.append((f"Berkas masukan: {Path(src.path).name}", src.path, None))
        rows.append((f"SHA-256 {Path(src.path).name}", src.sha256, None))
    rows += [
        ("Tanggal berlaku", rnd.effective_date, None),
        ("Versi mutasi", __version__, None),
        ("Python", platform.python_version(), None),
        ("Solver", m.SOLVER_NAMES.get(result.solver, result.solver), None),
        ("Versi solver", result.solver_version, None),
    ]
    for key, value in settings.items():
        if key == "rute":
            value = m.ROUTE_TEXT.get(str(value), value)
        rows.append((f"Pengaturan: {key}", value, _number_format(value)))
    rows += [
        ("Status", m.STATUS_TEXT.get(s.status, s.status), None),
        ("Tingkat 0: tidak tertampung (min)", result.levels[0], cell_format(0)),
        ("Tingkat 1: tempat Prioritas 1 terisi (maks)", result.levels[1], cell_format(0)),
        ("Tingkat 2: jatuh tempo dimutasi (maks)", result.levels[2], cell_format(0)),
        ("Tingkat 3: skor kesesuaian (maks)", result.levels[3], cell_format(0)),
        ("Tingkat 4: jumlah mutasi (min)", result.levels[4], cell_format(0)),
        ("Bobot leksikografis tingkat 0–2", " / ".join(format_count(w) for w in result.weights), None),
        ("Tahap A (tingkat 0–2): status", _outcome_text(a), None),
        ("Tahap A: nilai", *_rounded(a.objective if a else None)),
        ("Tahap A: batas atas terbukti", *_rounded(a.bound if a else None)),
        ("Tahap B (tingkat 3–4): status", _outcome_text(b), None),
        ("Tahap B: nilai", *_rounded(b.objective if b else None)),
        ("Tahap B: batas atas terbukti", *_rounded(b.bound if b else None)),
        ("Celah relatif (gap)", None if result.gap is None else round(result.gap, 6), percent_format(4)),
        ("Rencana cadangan (semua tetap)", f"Ya — {s.fallback_note}" if s.fallback else "Tidak", None),
        ("Toleransi celah tahap B", STAGE_B_ACCEPT if result.route == "pricing" else STAGE_B_REL_GAP,
         percent_format(2)),
        ("Pasangan calon (pegawai, jabatan)", result.space.n_pairs, cell_format(0)),
        ("Rute", m.ROUTE_TEXT.get(result.route, result.route), None),
    ]  # fmt: skip
    for key, value in result.stats.items():
        label, shown, fmt = _statistic(key, value)
        rows.append((f"Statistik: {label}", shown, fmt))
    rows += [(label, f"{value} — {source}", None) for label, value, source in setting_rows(rnd.rules)]
    rows += [(label, _decimal_comma(value), _number_format(value)) for label, value in rnd.weights.rows()]
    rows += [(label, value, _number_format(value)) for label, value in rnd.limits.rows()]
    rows += [
        (f"Waktu: {m.TIMING_LABELS.get(k, k)} (detik)", round(v, 2), cell_format(2))
        for k, v in result.timings.items()
    ]
    rows.append(("Waktu total (detik)", round(s.seconds, 2), cell_format(2)))
    put_cell(ws, 1, 1, "Parameter").font = HEADER_FONT
    put_cell(ws, 1, 2, "Nilai").font = HEADER_FONT
    ws.cell(row=1, column=1).fill = ws.cell(row=1, column=2).fill = HEADER_FILL
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 70
    for i, (label, value, fmt) in enumerate(rows, start=2):
        put_cell(ws, i, 1, label).font = HEADER_FONT
        cell = put_cell(ws, i, 2, value)
        wrap = isinstance(value, str) and text_lines(value, 70) > 1
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=wrap or None)
        ws.cell(row=i, column=1).alignment = Alignment(vertical="top", wrap_text=True)
        if fmt and _is_number(value):
            cell.number_format = fmt
    last = len(rows) + 1
    fit_row_heights(ws, 2, last, 2)
    _print_layout(ws, header_row=1, n_cols=2, last_row=last, filter_=False)


def _outcome_text(outcome: object) -> str:
    status = getattr(outcome, "status", None)
    return messages.OUTCOME_TEXT.get(str(status), str(status)) if status else "-"


def _rounded(value: float | None) -> tuple[object, str | None]:
    """An objective or a bound: whole when it is (stage A is integral), else to two decimals."""
    if value is None:
        return "-", None
    if float(value).is_integer():
        return int(value), cell_format(0)
    return round(float(value), 2), cell_format(2)


def _number_format(value: object) -> str | None:
    if isinstance(value, bool) or not _is_number(value):
        return None
    return cell_format(0) if float(value).is_integer() else cell_format(2)  # type: ignore[arg-type]


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _decimal_comma(value: object) -> object:
    """A weight shown as text ("2/1 (≤ 25.5 km)") with the decimal comma."""
    return _DECIMAL_POINT.sub(",", value) if isinstance(value, str) else value


def _statistic(key: str, value: float) -> tuple[str, object, str | None]:
    """(label in Bahasa, value, number format) of a planner statistic: counts whole, seconds rounded,
    flags yes/no."""
    label = messages.STAT_LABELS.get(key) or _describe_key(key)
    if key in messages.STAT_FLAGS:
        return label, "ya" if value else "tidak", None
    if key.endswith("_seconds"):
        return label, round(float(value), 3), cell_format(3)
    if float(value).is_integer():
        return label, int(value), cell_format(0)
    return label, round(float(value), 2), cell_format(2)


def _describe_key(key: str) -> str:
    """A statistic the table does not name, word by word ("stage_b_proof_columns" → "tahap B: kolom
    pembuktian"), so that a new one never shows as code."""
    words = key.split("_")
    stage = ""
    if len(words) >= 2 and words[0] == "stage":
        stage, words = f"tahap {words[1].upper()}: ", words[2:]
    seconds = bool(words) and words[-1] == "seconds"
    if seconds:
        words = words[:-1]
    text = " ".join(messages.STAT_WORDS.get(w, w) for w in words)
    return f"{stage}{text}{' (detik)' if seconds else ''}".strip()
