"""The plan workbook (CONTRACT.md "Output workbook"): the only module that writes it.

Input values are always written as text or numbers, never as formulas: a string beginning with ``=`` is
stored as a string cell explicitly.
"""

from __future__ import annotations

import datetime as dt
import math
import platform
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mutasi_cli import __version__, explain, messages
from mutasi_cli.data import Round
from mutasi_cli.files import atomic_file
from mutasi_cli.freeze import Freeze
from mutasi_cli.planner import STAGE_B_REL_GAP, PlanResult
from mutasi_cli.pricing import STAGE_B_ACCEPT
from mutasi_cli.rules import setting_rows

SHEETS = (
    "Ringkasan", "Daftar Mutasi", "Lampiran SK", "Lowongan", "Tidak Dimutasi", "Kebutuhan Diklat", "Parameter",
)  # fmt: skip
TEXT_COLUMNS = {"NIP", "Kode Jabatan", "Kode Jabatan Lama", "Kode Jabatan Baru"}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MAX_WIDTH = 32


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

    @property
    def fallback_note(self) -> str:
        """What a fallback plan is and the time limit to run again with (CONTRACT.md ``fallback``)."""
        limit = self.time_limit or self.seconds
        suggest = 60 * math.ceil(max(2 * limit, 3 * self.seconds) / 60)
        return messages.FALLBACK_NOTE.format(limit=f"{limit:g}".replace(".", ","), suggest=suggest)

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
        }


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
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Ringkasan"
    vacancies = explain.vacancies(rnd, result)
    _ringkasan(ws, rnd, result, summary, freeze, vacancies)
    moves = explain.moves(rnd, result)
    for name, frame in (
        ("Daftar Mutasi", moves),
        ("Lampiran SK", None),
        ("Lowongan", vacancies),
        ("Tidak Dimutasi", explain.stays(rnd, result)),
        ("Kebutuhan Diklat", explain.training_needs(rnd, result)),
    ):
        sheet = wb.create_sheet(name)
        if frame is None:
            _lampiran(sheet, moves)
            continue
        put_table(sheet, frame, 1)
        _print_layout(sheet, header_row=1, n_cols=len(frame.columns), last_row=len(frame) + 1)
    _parameter(wb.create_sheet("Parameter"), rnd, result, summary, settings)
    with atomic_file(path) as tmp:
        wb.save(tmp)


def _print_layout(
    ws: Worksheet, *, header_row: int, n_cols: int, last_row: int, filter_: bool = True
) -> None:
    """Frozen header, autofilter, wrapped long text; A4 landscape fitted to the page width, the header
    row repeated on every printed page, "Halaman x dari y" at the foot."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    if filter_ and n_cols:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n_cols)}{max(last_row, header_row + 1)}"
    wrap = Alignment(wrap_text=True, vertical="top")
    plain = Alignment(vertical="top")
    wide = [
        j
        for j in range(1, n_cols + 1)
        if (ws.column_dimensions[get_column_letter(j)].width or 0) >= MAX_WIDTH
    ]
    for j in wide:
        for (cell,) in ws.iter_rows(min_row=header_row + 1, max_row=last_row, min_col=j, max_col=j):
            if isinstance(cell.value, str) and not cell.alignment.wrap_text:
                cell.alignment = wrap
    tall = _fit_row_heights(ws, header_row + 1, last_row, n_cols, columns=wide or None)
    for r in tall:  # rows of several lines: every cell aligned to the top
        for cell in next(ws.iter_rows(min_row=r, max_row=r, min_col=1, max_col=n_cols)):
            if not cell.alignment.wrap_text:
                cell.alignment = plain
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.right.text = "&A"


#: points per line of text (Calibri 11)
LINE_HEIGHT = 15.0


def _fit_row_heights(
    ws: Worksheet, first: int, last: int, n_cols: int, columns: list[int] | None = None
) -> list[int]:
    """Explicit heights for rows with wrapped or multi-line text (in ``columns``, default all): neither
    openpyxl nor LibreOffice's import sizes them, and the lines of a row then print over the next row.
    Returns the rows made taller."""
    widths = [(ws.column_dimensions[get_column_letter(j)].width or 10) for j in range(1, n_cols + 1)]
    tall: list[int] = []
    for r in range(first, last + 1):
        lines = 1
        for j in columns or range(1, n_cols + 1):
            cell = ws.cell(row=r, column=j)
            if not isinstance(cell.value, str) or not (cell.alignment.wrap_text or "\n" in cell.value):
                continue
            per_line = max(1, int(widths[j - 1]) - 2)
            lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * lines
            tall.append(r)
    return tall


#: the attachment of the decree (DOMAIN.md): columns numbered 1–6, the unit inside the jabatan cells
LAMPIRAN_COLUMNS = ("NO", "NAMA / NIP", "PANGKAT/GOL. RUANG", "JABATAN LAMA", "JABATAN BARU", "KETERANGAN")
LAMPIRAN_WIDTHS = (6, 34, 24, 42, 42, 26)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _lampiran(ws: Worksheet, moves: pd.DataFrame) -> None:
    title = [
        ("LAMPIRAN", "KEPUTUSAN BUPATI BUNGO"),
        ("NOMOR", "…………………………"),
        ("TANGGAL", "…………………………"),
        ("TENTANG", "PEMINDAHAN PEGAWAI NEGERI SIPIL DI LINGKUNGAN PEMERINTAH KABUPATEN BUNGO"),
    ]
    for i, (key, value) in enumerate(title, start=1):
        put_cell(ws, i, 4, key)
        put_cell(ws, i, 5, f": {value}")
        ws.merge_cells(start_row=i, start_column=5, end_row=i, end_column=6)
        ws.cell(row=i, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    header = 6
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, (name, width) in enumerate(zip(LAMPIRAN_COLUMNS, LAMPIRAN_WIDTHS), start=1):
        labels: tuple[tuple[int, object], ...] = ((header, name), (header + 1, j))
        for row, label in labels:
            cell = put_cell(ws, row, j, label)
            cell.font, cell.alignment, cell.border = HEADER_FONT, center, BOX
        ws.cell(row=header, column=j).fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(j)].width = width
    top = Alignment(vertical="top", wrap_text=True)
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
            cell = put_cell(ws, r, j, value, text=j > 1)
            cell.alignment, cell.border = (center if j == 1 else top), BOX
    end = header + 1 + len(moves) + 2
    for k, line in enumerate(("BUPATI BUNGO,", "", "", "", "…………………………")):
        if line:
            put_cell(ws, end + k, 5, line).alignment = Alignment(horizontal="center")
    _print_layout(ws, header_row=header, n_cols=6, last_row=header + 1 + len(moves), filter_=False)
    ws.print_title_rows = f"{header}:{header + 1}"
    ws.freeze_panes = ws.cell(row=header + 2, column=1).coordinate


def put_cell(ws: Worksheet, row: int, col: int, value: object, *, text: bool = False):
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


def _key_values(ws: Worksheet, rows: list[tuple[str, object]], start_row: int) -> int:
    for i, (key, value) in enumerate(rows, start=start_row):
        put_cell(ws, i, 1, key).font = HEADER_FONT
        put_cell(ws, i, 2, value)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 34)
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 40)
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
    title_font = Font(bold=True, color=None if freeze.approved else "9C0006")
    for r, value, font in ((row, title, title_font), (row + 1, freeze.message, Font())):
        put_cell(ws, r, 1, value).font = font
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=FREEZE_BOX_COLUMNS)
        for j in range(1, FREEZE_BOX_COLUMNS + 1):
            ws.cell(row=r, column=j).fill = fill
            ws.cell(row=r, column=j).border = BOX
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    width = 34 + 16 * (FREEZE_BOX_COLUMNS - 1)  # columns A and B… as _ringkasan leaves them
    ws.row_dimensions[row + 1].height = LINE_HEIGHT * (-(-len(freeze.message) // (width - 12)) + 1)
    return row + 3


def _ringkasan(
    ws: Worksheet,
    rnd: Round,
    result: PlanResult,
    s: Summary,
    freeze: Freeze | None = None,
    vacancies: pd.DataFrame | None = None,
) -> None:
    put_cell(ws, 1, 1, "RINGKASAN RENCANA MUTASI").font = Font(bold=True, size=13)
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
    end = _key_values(ws, rows, first)
    ws.freeze_panes = "A2"
    units = explain.unit_summary(rnd, result)
    top = end + 2
    put_cell(ws, top - 1, 1, "Per unit kerja").font = HEADER_FONT
    put_table(ws, units, top)
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
    row = top + len(units) + 3
    header_rows = [top]
    for title, frame in (
        ("Per golongan", explain.by_golongan(rnd, result)),
        ("Per jenis kelamin", explain.by_gender(rnd, result)),
        ("Arus mutasi antarunit (baris: unit asal, kolom: unit tujuan)", explain.unit_flow(rnd, result)),
    ):
        put_cell(ws, row - 1, 1, title).font = HEADER_FONT
        put_table(ws, frame, row)
        header_rows.append(row)
        row += len(frame) + 3
    # narrow number columns with wrapped headers, so that the page is not scaled down to nothing
    for j in range(2, ws.max_column + 1):
        dim = ws.column_dimensions[get_column_letter(j)]
        dim.width = min(dim.width or 10, 16)
    for r in header_rows:
        for cell in ws[r]:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        _fit_row_heights(ws, r, r, ws.max_column)
    _print_layout(ws, header_row=top, n_cols=len(units.columns), last_row=top + len(units), filter_=False)
    ws.freeze_panes = "A2"


def _routes_rows(vacancies: pd.DataFrame | None) -> list[tuple[str, object]]:
    """Ringkasan: the empty places rotation cannot fill, per route (open selection, promotion, JF)."""
    if vacancies is None:
        return []
    places = vacancies.groupby("Jalur Pengisian")["Lowong"].sum() if len(vacancies) else pd.Series(dtype=int)
    return [
        (messages.VACANCY_ROUTE_COUNT.format(route=name[0].lower() + name[1:]), int(places.get(name, 0)))
        for name, _reason, _source in (messages.VACANCY_JPT, messages.VACANCY_PROMOTION, messages.VACANCY_JF)
    ]


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
        ("Rencana cadangan (semua tetap)", f"Ya — {s.fallback_note}" if s.fallback else "Tidak"),
        ("Toleransi celah tahap B", STAGE_B_ACCEPT if result.route == "pricing" else STAGE_B_REL_GAP),
        ("Pasangan calon (pegawai, jabatan)", result.space.n_pairs),
        ("Rute", result.route),
        *((f"Statistik: {k}", v) for k, v in result.stats.items()),
        *((label, f"{value} — {source}") for label, value, source in setting_rows(rnd.rules)),
        *rnd.weights.rows(),
        *rnd.limits.rows(),
        *((f"Waktu: {k} (detik)", round(v, 3)) for k, v in result.timings.items()),
        ("Waktu total (detik)", round(s.seconds, 3)),
    ]
    put_cell(ws, 1, 1, "Parameter").font = HEADER_FONT
    put_cell(ws, 1, 2, "Nilai").font = HEADER_FONT
    ws.cell(row=1, column=1).fill = ws.cell(row=1, column=2).fill = HEADER_FILL
    end = _key_values(ws, rows, 2)
    ws.column_dimensions["B"].width = MAX_WIDTH
    _print_layout(ws, header_row=1, n_cols=2, last_row=end - 1, filter_=False)
