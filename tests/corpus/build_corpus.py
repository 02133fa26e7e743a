"""Write the corpus of bad and odd input files, and ``expected.json``: the issues each case must produce.

Run ``python tests/corpus/build_corpus.py`` (from anywhere) to regenerate ``files/`` and
``expected.json`` beside this script. ``tests/test_corpus.py`` loads every case and checks it, and
rebuilds into a temporary folder to check that ``expected.json`` is current.

The expectations are written by hand, as the loader *should* answer (CONTRACT.md, DOMAIN.md), never
copied from what it answers today. Each issue is ``{code, severity, sheet, row, column}``: ``row`` is
the row number Excel shows (title block included), ``column`` the header as written; file-level
problems name the file as ``sheet`` and have no row or column. ``values`` lists, for some tolerated
cases, what must be read from the cells (one entry per data row, in order).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EFFECTIVE = dt.date(2026, 12, 1)
#: one fixed time for every zip entry and document property, so the files are the same on every run
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
PASSWORD = "bungo2026"

Grid = list[list[Any]]

# --- the base round: five positions and five people, valid and without any warning --------------------
PEG_H = [
    "NIP",
    "Nama",
    "Golongan",
    "Kode Jabatan",
    "TMT Jabatan",
    "Tanggal Lahir",
    "Jenis Kelamin",
    "Pendidikan",
]
JAB_H = [
    "Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan", "Jenjang", "Eselon",
    "Golongan Min", "Golongan Maks", "Pendidikan Min", "Formasi", "Prioritas", "Status",
]  # fmt: skip

NIP1, NIP2, NIP3, NIP4, NIP5 = (
    "198005172010031001",
    "198703122015032002",
    "199011252014031003",
    "197502102000031004",
    "198808082012032005",
)
#: a well-formed NIP that is nobody's
NIP_STRANGER = "199912312022031099"


def d(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, day)


def base_positions() -> list[dict[str, Any]]:
    rows = [
        ("J001", "Kepala Seksi Kurikulum", "Dinas Pendidikan", "Pengawas", None, "IV.a", None, None, "S1", 1, 1),
        ("J002", "Analis SDM Aparatur Ahli Pertama", "BKPSDMD", "Fungsional", "Ahli Pertama", None, None, None, "S1", 2, 2),
        ("J003", "Pengadministrasi Umum", "Dinas Kesehatan", "Pelaksana", None, None, None, None, "SMA", 3, 3),
        ("J004", "Kepala Bidang Mutasi", "BKPSDMD", "Administrator", None, "III.b", None, None, "S1", 1, 1),
        ("J005", "Pengelola Keuangan", "Dinas Pendidikan", "Pelaksana", None, None, "II/a", "IV/e", "D3", 2, 3),
    ]  # fmt: skip
    return [dict(zip(JAB_H, (*r, "Aktif"))) for r in rows]


def base_people() -> list[dict[str, Any]]:
    rows = [
        (NIP1, "Ahmad Fauzi", "III/c", "J001", d(2019, 1, 12), d(1980, 5, 17), "L", "S1"),
        (NIP2, "Siti Aminah", "III/a", "J002", d(2020, 3, 2), d(1987, 3, 12), "P", "S1"),
        (NIP3, "Budi Santoso", "II/c", "J003", d(2018, 7, 1), d(1990, 11, 25), "L", "SMA"),
        (NIP4, "Rahmat Hidayat", "IV/a", "J004", d(2021, 1, 4), d(1975, 2, 10), "L", "S2"),
        (NIP5, "Dewi Lestari", "III/b", "J005", d(2017, 9, 15), d(1988, 8, 8), "P", "D3"),
    ]
    return [dict(zip(PEG_H, r)) for r in rows]


def extra_people(n: int, kode: str = "J003", gol: str = "II/c") -> list[dict[str, Any]]:
    """``n`` more valid men on one position (numbered 6, 7, …), born 1985-01-0k."""
    out = []
    for k in range(6, 6 + n):
        birth = d(1985, 1, k)
        out.append(
            dict(zip(PEG_H, (f"{birth:%Y%m%d}201203{1}{k:03d}", f"Pegawai {k}", gol, kode, d(2018, 1, 2), birth, "L", "SMA")))
        )  # fmt: skip
    return out


def grid(
    headers: list[str], rows: list[dict[str, Any]], title: Grid = (), rename: dict[str, str] | None = None
) -> Grid:
    """Title rows, then the header row (``rename`` canonical → header as written), then one row per dict."""
    written = [(rename or {}).get(h, h) for h in headers]
    return [list(t) for t in title] + [written] + [[r.get(h) for h in headers] for r in rows]


TITLE = [
    ["DAFTAR NOMINATIF PEGAWAI NEGERI SIPIL"],
    ["PEMERINTAH KABUPATEN BUNGO — KEADAAN 1 NOVEMBER 2026"],
    [],
]

# --- writers --------------------------------------------------------------------------------------------


def _normalise_zip(path: Path) -> None:
    """Same bytes on every run: fixed entry times, fixed document dates, same order and compression."""
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in entries:
            if info.filename in ("docProps/core.xml", "meta.xml"):
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", b"2026-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            out.writestr(fixed, data)
    path.write_bytes(buf.getvalue())


def write_xlsx(path: Path, sheets: dict[str, Grid], merges: dict[str, list[str]] | None = None) -> Path:
    """Strings are stored as text (``=SUM(A1)`` stays a name), numbers as numbers, dates as Excel dates."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                    cell.number_format = "@"
                elif isinstance(value, dt.datetime):
                    cell.number_format = "dd-mm-yyyy hh:mm"
                elif isinstance(value, dt.date):
                    cell.number_format = "dd-mm-yyyy"
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.properties.creator = "build_corpus"
    wb.save(path)
    _normalise_zip(path)
    return path


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def write_csv(path: Path, rows: Grid, *, sep: str = ",", encoding: str = "utf-8", pad: bool = False) -> Path:
    """``pad``: every line as wide as the widest, as Excel's CSV export writes a title block."""
    width = max(len(r) for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    for row in rows:
        cells = [_csv_cell(v) for v in row]
        w.writerow(cells + [""] * (width - len(cells)) if pad else cells)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xls(
    path: Path, sheets: dict[str, Grid], merges: dict[str, list[tuple[int, int, int, int]]] | None = None
) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        merged = (merges or {}).get(name, [])
        for r1, r2, c1, c2 in merged:
            ws.write_merge(r1, r2, c1, c2, rows[r1][c1])
        starts = {(r1, c1) for r1, _, c1, _ in merged}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in starts:
                    continue
                if isinstance(value, dt.date):
                    ws.write(r, c, value, date_style)
                else:
                    ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, Grid]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tc = TableCell()
                elif isinstance(value, dt.date):
                    tc = TableCell(valuetype="date", datevalue=value.isoformat())
                    tc.addElement(P(text=value.strftime("%d-%m-%Y")))
                elif isinstance(value, (int, float)):
                    tc = TableCell(valuetype="float", value=value)
                    tc.addElement(P(text=str(value)))
                else:
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=str(value)))
                tr.addElement(tc)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    _normalise_zip(path)
    return path


class _FixedNow(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _FixedNow:
        return cls(*FIXED_TIME)


def write_encrypted_xlsx(path: Path, sheets: dict[str, Grid]) -> Path:
    import hashlib
    from unittest import mock

    from msoffcrypto.format.ooxml import OOXMLFile

    counter = iter(range(1 << 30))

    def fixed_random(size: int) -> bytes:  # salts and keys from a counter: the same file on every run
        return hashlib.sha512(b"corpus-%d" % next(counter)).digest()[:size]

    plain = path.with_suffix(".plain.xlsx")
    write_xlsx(plain, sheets)
    with plain.open("rb") as src, path.open("wb") as dst:
        with (
            mock.patch("msoffcrypto.method.ecma376_agile._random_buffer", fixed_random),
            mock.patch("msoffcrypto.method.container.ecma376_encrypted.datetime", _FixedNow),
        ):
            OOXMLFile(src).encrypt(PASSWORD, dst)
    plain.unlink()
    return path


# --- cases ----------------------------------------------------------------------------------------------


def E(code: str, sheet: str, row: int | None = None, column: str | None = None) -> dict[str, Any]:
    return {"code": code, "severity": "error", "sheet": sheet, "row": row, "column": column}


def W(code: str, sheet: str, row: int | None = None, column: str | None = None) -> dict[str, Any]:
    return {"code": code, "severity": "warning", "sheet": sheet, "row": row, "column": column}


CASES: list[tuple[str, str, Callable[[Path, str], dict[str, Any]]]] = []


def case(
    description: str,
) -> Callable[[Callable[[Path, str], dict[str, Any]]], Callable[[Path, str], dict[str, Any]]]:
    def register(fn: Callable[[Path, str], dict[str, Any]]) -> Callable[[Path, str], dict[str, Any]]:
        CASES.append((fn.__name__.removeprefix("case_"), description, fn))
        return fn

    return register


def one_book(path: Path, issues: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"pegawai": path.name, "jabatan": path.name, "issues": issues or [], **extra}


def pair(peg: Path, jab: Path, issues: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"pegawai": peg.name, "jabatan": jab.name, "issues": issues or [], **extra}


def std_book(
    out: Path,
    name: str,
    people: list[dict[str, Any]] | None = None,
    positions: list[dict[str, Any]] | None = None,
    **sheets: Grid,
) -> Path:
    return write_xlsx(
        out / f"{name}.xlsx",
        {"Pegawai": grid(PEG_H, people or base_people()), "Jabatan": grid(JAB_H, positions or base_positions()), **sheets},
    )  # fmt: skip


def std_jabatan(out: Path, name: str, positions: list[dict[str, Any]] | None = None) -> Path:
    return write_xlsx(out / f"{name}__jabatan.xlsx", {"Jabatan": grid(JAB_H, positions or base_positions())})


# tolerated oddities -------------------------------------------------------------------------------------


@case("A clean workbook with both sheets: no issue at all.")
def case_baseline_one_workbook(out: Path, name: str) -> dict[str, Any]:
    values = {
        "people": {
            "nip": [NIP1, NIP2, NIP3, NIP4, NIP5],
            "golongan": ["III/c", "III/a", "II/c", "IV/a", "III/b"],
        }
    }
    return one_book(std_book(out, name), values=values)


@case("Two workbooks whose only sheets are called 'Sheet1' and 'DATA': the first sheet is read.")
def case_two_files_first_sheet(out: Path, name: str) -> dict[str, Any]:
    peg = write_xlsx(out / f"{name}__pegawai.xlsx", {"Sheet1": grid(PEG_H, base_people())})
    jab = write_xlsx(out / f"{name}__jabatan.xlsx", {"DATA": grid(JAB_H, base_positions())})
    return pair(peg, jab, values={"people": {"nama": [p["Nama"] for p in base_people()]}})


@case("Sheets named ' PEGAWAI ' and 'jabatan' (case and spaces) in one workbook.")
def case_sheet_names_any_case(out: Path, name: str) -> dict[str, Any]:
    path = write_xlsx(
        out / f"{name}.xlsx",
        {" PEGAWAI ": grid(PEG_H, base_people()), "jabatan": grid(JAB_H, base_positions())},
    )
    return one_book(path)


@case(
    "Title block with merged cells above the header on both sheets; rows shift by 3. Two bad cells check the row numbers."
)
def case_title_block_merged(out: Path, name: str) -> dict[str, Any]:
    people, positions = base_people(), base_positions()
    people[2]["Golongan"] = "V/z"
    positions[1]["Jenis Jabatan"] = "Direktur"
    path = write_xlsx(
        out / f"{name}.xlsx",
        {"Pegawai": grid(PEG_H, people, TITLE), "Jabatan": grid(JAB_H, positions, [["DAFTAR JABATAN"], ["KABUPATEN BUNGO"], []])},
        merges={"Pegawai": ["A1:H1", "A2:H2"], "Jabatan": ["A1:L1", "A2:L2"]},
    )  # fmt: skip
    return one_book(
        path,
        [
            E("invalid-golongan", "Pegawai", 7, "Golongan"),
            E("invalid-jenis-jabatan", "Jabatan", 6, "Jenis Jabatan"),
        ],
    )


@case(
    "Extra sheets before the data (Petunjuk, Rekap) and valid Kunci/Larangan/Relasi sheets (NIP BARU header, NIP with apostrophe)."
)
def case_several_sheets_and_optional(out: Path, name: str) -> dict[str, Any]:
    path = write_xlsx(
        out / f"{name}.xlsx",
        {
            "Petunjuk": [["Isi sheet Pegawai dan Jabatan."], ["Kolom NIP harus berformat Teks."]],
            "Rekap": [["Unit Kerja", "Jumlah"], ["BKPSDMD", 2], ["Dinas Pendidikan", 2]],
            "Pegawai": grid(PEG_H, base_people()),
            "Jabatan": grid(JAB_H, base_positions()),
            "Kunci": [["NIP BARU", "Kode Jabatan"], ["'" + NIP1, "TETAP"], [NIP3, "J005"]],
            "Larangan": [
                ["NIP", "Kode Jabatan", "Unit Kerja"],
                [NIP2, None, "Dinas Kesehatan"],
                [NIP4, "J001", None],
            ],
            "Relasi": [["NIP 1", "NIP 2", "Hubungan"], [NIP1, NIP5, "Suami-Istri"]],
        },
    )
    return one_book(path)


@case(
    "Blank rows (and a row of spaces) after the header and between the data; an unreadable date after them keeps its Excel row."
)
def case_blank_rows(out: Path, name: str) -> dict[str, Any]:
    p = base_people()
    p[4]["TMT Jabatan"] = "kemarin"
    rows = [
        PEG_H,
        [],
        [*p[0].values()],
        [*p[1].values()],
        [None] * 8,
        [],
        [*p[2].values()],
        [*p[3].values()],
        ["  ", " ", None],
        [*p[4].values()],
    ]
    path = write_xlsx(
        out / f"{name}.xlsx", {"Pegawai": rows, "Jabatan": grid(JAB_H, base_positions()) + [[], []]}
    )
    return one_book(path, [E("invalid-date", "Pegawai", 10, "TMT Jabatan")])


@case(
    "A 'No' column and a JUMLAH (totals) row at the bottom of both sheets, merged across the first columns: not a data row."
)
def case_totals_row_jumlah(out: Path, name: str) -> dict[str, Any]:
    peg = grid(["No", *PEG_H], [{"No": i + 1, **p} for i, p in enumerate(base_people())])
    peg.append(["JUMLAH", None, "5 orang"])
    jab = grid(["No", *JAB_H], [{"No": i + 1, **p} for i, p in enumerate(base_positions())])
    jab.append(["JUMLAH", None, None, None, None, None, None, None, None, None, 9])
    path = write_xlsx(
        out / f"{name}.xlsx",
        {"Pegawai": peg, "Jabatan": jab},
        merges={"Pegawai": ["A7:B7"], "Jabatan": ["A7:J7"]},
    )
    return one_book(path)


@case("A row of column numbers (1, 2, 3 …) under the header, as government tables print it: not a data row.")
def case_column_number_row(out: Path, name: str) -> dict[str, Any]:
    peg = grid(PEG_H, base_people())
    peg.insert(1, list(range(1, len(PEG_H) + 1)))
    jab = grid(JAB_H, base_positions())
    jab.insert(1, [f"({i})" for i in range(1, len(JAB_H) + 1)])
    return one_book(write_xlsx(out / f"{name}.xlsx", {"Pegawai": peg, "Jabatan": jab}))


@case("Unit Kerja merged vertically over the rows of one unit in Jabatan: each row belongs to that unit.")
def case_merged_unit_cells(out: Path, name: str) -> dict[str, Any]:
    pos = base_positions()
    pos = [pos[1], pos[3], pos[0], pos[4], pos[2]]  # BKPSDMD, BKPSDMD, Dinas Pendidikan ×2, Dinas Kesehatan
    jab = grid(JAB_H, pos)
    jab[2][2] = None
    jab[4][2] = None
    path = write_xlsx(
        out / f"{name}.xlsx",
        {"Pegawai": grid(PEG_H, base_people()), "Jabatan": jab},
        merges={"Jabatan": ["C2:C3", "C4:C5"]},
    )
    values = {
        "positions": {
            "unit": ["BKPSDMD", "BKPSDMD", "Dinas Pendidikan", "Dinas Pendidikan", "Dinas Kesehatan"]
        }
    }
    return one_book(path, values=values)


@case(
    "A signature block and a note under the data (place and date, office, name, 'NIP. …' in the right-hand columns): not data rows."
)
def case_footer_signature_block(out: Path, name: str) -> dict[str, Any]:
    peg = grid(PEG_H, base_people())
    peg += [[], [None, "Keterangan: data per 1 November 2026"], [], [None, None, None, None, None, "Muara Bungo, 1 Desember 2026"],
            [None, None, None, None, None, "KEPALA BKPSDMD KABUPATEN BUNGO"], [], [None, None, None, None, None, "Drs. H. Contoh Pejabat, M.Si"],
            [None, None, None, None, None, "NIP. 197001011990031001"]]  # fmt: skip
    return one_book(
        write_xlsx(out / f"{name}.xlsx", {"Pegawai": peg, "Jabatan": grid(JAB_H, base_positions())})
    )


@case(
    "The last data row names a person and a position but lacks NIP, Golongan and TMT: a person with empty cells, not a footer."
)
def case_incomplete_last_row(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people.append({"Nama": "Hendra Gunawan", "Kode Jabatan": "J003"})
    issues = [E("empty-cell", "Pegawai", 7, c) for c in ("NIP", "Golongan", "TMT Jabatan")]
    return one_book(std_book(out, name, people), issues)


@case(
    "A two-row header as nominative lists print it: group cells merged over two columns (PANGKAT, JABATAN) above GOL/RUANG, KODE, TMT."
)
def case_two_row_header(out: Path, name: str) -> dict[str, Any]:
    top = ["NIP", "NAMA", "PANGKAT", None, "JABATAN", None]
    sub = [None, None, "GOL/RUANG", "TMT GOLONGAN", "KODE JABATAN", "TMT JABATAN"]
    rows = [
        [p["NIP"], p["Nama"], p["Golongan"], d(2018, 4, 1), p["Kode Jabatan"], p["TMT Jabatan"]]
        for p in base_people()
    ]
    peg = [["DAFTAR NOMINATIF PEGAWAI"], [], top, sub, *rows]
    merges = {"Pegawai": ["A1:F1", "A3:A4", "B3:B4", "C3:D3", "E3:F3"]}
    path = write_xlsx(
        out / f"{name}.xlsx", {"Pegawai": peg, "Jabatan": grid(JAB_H, base_positions())}, merges=merges
    )
    return one_book(
        path, values={"people": {"golongan": [p["Golongan"] for p in base_people()], "pos": [0, 1, 2, 3, 4]}}
    )


@case(
    "No Kode Jabatan, and two positions with the same name in the same unit: the two people fill one each, no overstaffing."
)
def case_name_unit_identical_positions(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[2]["Formasi"] = 1
    positions.append({**positions[2], "Kode Jabatan": "J006"})
    people = base_people() + extra_people(1)
    rows = [["NIP", "Nama", "Golongan", "Jabatan", "Unit Kerja", "TMT Jabatan"]]
    pos = {p["Kode Jabatan"]: p for p in positions}
    for p in people:
        j = pos[p["Kode Jabatan"]]
        rows.append(
            [p["NIP"], p["Nama"], p["Golongan"], j["Nama Jabatan"], j["Unit Kerja"], p["TMT Jabatan"]]
        )
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": rows, "Jabatan": grid(JAB_H, positions)})
    return one_book(path, values={"people": {"pos": [0, 1, 2, 3, 4, 5]}})


SIASN_H = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TANGGAL LAHIR", "JENIS KELAMIN",
    "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM NAMA", "TMT CPNS", "GOL AKHIR NAMA", "TMT GOLONGAN", "JENIS JABATAN NAMA",
    "JABATAN NAMA", "TMT JABATAN", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN NAMA", "LOKASI KERJA NAMA", "UNOR NAMA",
    "UNOR INDUK NAMA", "ESELON NAMA",
]  # fmt: skip


def siasn_rows() -> list[list[Any]]:
    pos = {p["Kode Jabatan"]: p for p in base_positions()}
    edu = {"S1": "S-1/Sarjana", "SMA": "SLTA", "S2": "S-2/Magister", "D3": "Diploma III"}
    jenis = {"Pengawas": "Jabatan Struktural", "Administrator": "Jabatan Struktural", "Fungsional": "Jabatan Fungsional Tertentu", "Pelaksana": "Jabatan Fungsional Umum"}  # fmt: skip
    rows = []
    for i, p in enumerate(base_people()):
        j = pos[p["Kode Jabatan"]]
        rows.append([
            f"A8ACA7{i}1-7C3E-9A2D-E040-640A040269{i}B", p["NIP"], f"4400{i}123{i}", p["Nama"].upper(), "Drs." if i == 3 else "",
            "S.Pd." if i == 1 else "", p["Tanggal Lahir"].strftime("%d-%m-%Y"), "M" if p["Jenis Kelamin"] == "L" else "F",
            "PNS", "Aktif", "01-03-2010", p["Golongan"], "01-04-2018", jenis[j["Jenis Jabatan"]], j["Nama Jabatan"],
            p["TMT Jabatan"].strftime("%d-%m-%Y"), edu[p["Pendidikan"]], "Pendidikan Matematika" if i == 0 else "",
            "Muara Bungo", j["Unit Kerja"], "Pemerintah Kab. Bungo", j["Eselon"] or "-",
        ])  # fmt: skip
    return rows


@case(
    "A SIASN 'Data ASN' export under a title block: all its columns, no Kode Jabatan (JABATAN NAMA + UNOR NAMA), M/F, dd-mm-yyyy text dates, S-1/Sarjana."
)
def case_siasn_export(out: Path, name: str) -> dict[str, Any]:
    peg = write_xlsx(out / f"{name}__pegawai.xlsx", {"Data ASN": [["DATA ASN KABUPATEN BUNGO"], [], SIASN_H, *siasn_rows()]}, merges={"Data ASN": ["A1:V1"]})  # fmt: skip
    values = {
        "people": {
            "pos": [0, 1, 2, 3, 4],
            "gender": ["L", "P", "L", "L", "P"],
            "pendidikan": ["S1", "S1", "SMA", "S2", "D3"],
            "tmt": [p["TMT Jabatan"].isoformat() for p in base_people()],
        }
    }
    return pair(peg, std_jabatan(out, name), values=values)


@case(
    "An API dump as CSV with ',' and underscore headers (NIP_BARU, GOL_AKHIR_NAMA, JABATAN_NAMA, UNOR_NAMA, TMT_JABATAN, TGL_LAHIR); ISO dates, some with a time."
)
def case_siasn_underscore_csv(out: Path, name: str) -> dict[str, Any]:
    pos = {p["Kode Jabatan"]: p for p in base_positions()}
    head = [
        "NIP_BARU",
        "NAMA",
        "GOL_AKHIR_NAMA",
        "JABATAN_NAMA",
        "UNOR_NAMA",
        "TMT_JABATAN",
        "TGL_LAHIR",
        "JENIS_KELAMIN",
        "TINGKAT_PENDIDIKAN_NAMA",
    ]
    rows = [head]
    for i, p in enumerate(base_people()):
        j = pos[p["Kode Jabatan"]]
        tmt = p["TMT Jabatan"].isoformat() + ("T00:00:00" if i % 2 else "")
        rows.append([p["NIP"], p["Nama"], p["Golongan"], j["Nama Jabatan"], j["Unit Kerja"], tmt, p["Tanggal Lahir"].isoformat(), p["Jenis Kelamin"], p["Pendidikan"]])  # fmt: skip
    peg = write_csv(out / f"{name}__pegawai.csv", rows)
    jab_head = [
        "KODE_JABATAN",
        "JABATAN_NAMA",
        "UNOR_NAMA",
        "JENIS_JABATAN_NAMA",
        "JENJANG_JABATAN",
        "ESELON_NAMA",
        "FORMASI",
    ]
    keys = ["Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan", "Jenjang", "Eselon", "Formasi"]
    jab = write_csv(
        out / f"{name}__jabatan.csv", [jab_head] + [[p[k] for k in keys] for p in base_positions()]
    )
    return pair(
        peg,
        jab,
        values={
            "people": {"pos": [0, 1, 2, 3, 4], "tmt": [p["TMT Jabatan"].isoformat() for p in base_people()]}
        },
    )


@case("Local SIMPEG headers: NAMA PEGAWAI, GOL AKHIR, NAMA JABATAN, NAMA UNOR, TGL LAHIR, JK.")
def case_simpeg_local_headers(out: Path, name: str) -> dict[str, Any]:
    pos = {p["Kode Jabatan"]: p for p in base_positions()}
    rows = [
        ["NIP", "NAMA PEGAWAI", "GOL AKHIR", "NAMA JABATAN", "NAMA UNOR", "TMT JABATAN", "TGL LAHIR", "JK"]
    ]
    for p in base_people():
        j = pos[p["Kode Jabatan"]]
        rows.append([p["NIP"], p["Nama"], p["Golongan"], j["Nama Jabatan"], j["Unit Kerja"], p["TMT Jabatan"], p["Tanggal Lahir"], p["Jenis Kelamin"]])  # fmt: skip
    peg = write_xlsx(out / f"{name}__pegawai.xlsx", {"Sheet1": rows})
    return pair(peg, std_jabatan(out, name), values={"people": {"pos": [0, 1, 2, 3, 4]}})


@case("Headers in any case, with extra spaces, underscores, dots, hyphens and a non-breaking space.")
def case_headers_any_case(out: Path, name: str) -> dict[str, Any]:
    rename = {"NIP": "  nip ", "Nama": "NAMA", "Golongan": "golongan", "Kode Jabatan": "KODE   JABATAN", "TMT Jabatan": "Tmt.Jabatan",
              "Tanggal Lahir": "tanggal_lahir", "Jenis Kelamin": "Jenis-Kelamin", "Pendidikan": "PENDIDIKAN\u00a0"}  # fmt: skip
    jrename = {
        "Kode Jabatan": "kode_jabatan",
        "Nama Jabatan": "NAMA JABATAN",
        "Unit Kerja": "unit  kerja",
        "Jenis Jabatan": "Jenis Jabatan ",
    }
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid(PEG_H, base_people(), rename=rename), "Jabatan": grid(JAB_H, base_positions(), rename=jrename)})  # fmt: skip
    return one_book(path, values={"people": {"gender": ["L", "P", "L", "L", "P"], "pos": [0, 1, 2, 3, 4]}})


def name_unit_people(changes: dict[int, tuple[str | None, str | None]] | None = None) -> Grid:
    pos = {p["Kode Jabatan"]: p for p in base_positions()}
    head = ["NIP", "Nama", "Golongan", "Jabatan", "Unit Kerja", "TMT Jabatan"]
    rows = [head]
    for i, p in enumerate(base_people()):
        j = pos[p["Kode Jabatan"]]
        jab, unit = (changes or {}).get(i, (j["Nama Jabatan"], j["Unit Kerja"]))
        rows.append([p["NIP"], p["Nama"], p["Golongan"], jab, unit, p["TMT Jabatan"]])
    return rows


@case("No Kode Jabatan in Pegawai: Jabatan + Unit Kerja match the positions whatever their case and spacing.")
def case_name_unit_match(out: Path, name: str) -> dict[str, Any]:
    rows = name_unit_people(
        {
            0: ("kepala seksi  kurikulum", "DINAS PENDIDIKAN "),
            1: ("ANALIS SDM APARATUR AHLI PERTAMA", "bkpsdmd"),
        }
    )
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": rows, "Jabatan": grid(JAB_H, base_positions())})
    return one_book(path, values={"people": {"pos": [0, 1, 2, 3, 4]}})


@case(
    "NIP with a leading apostrophe, with spaces between its parts, padded with spaces, with a non-breaking space."
)
def case_nip_apostrophe_spaces(out: Path, name: str) -> dict[str, Any]:
    p = base_people()
    p[0]["NIP"] = "'" + NIP1
    p[1]["NIP"] = "19870312 201503 2 002"
    p[2]["NIP"] = "  " + NIP3 + "  "
    p[3]["NIP"] = "'19750210 200003 1 004"
    p[4]["NIP"] = NIP5 + "\u00a0"
    return one_book(std_book(out, name, p), values={"people": {"nip": [NIP1, NIP2, NIP3, NIP4, NIP5]}})


@case(
    "Dates in every accepted form: Excel date, serial number (int and float), dd-mm-yyyy, dd/mm/yyyy, ISO, '12 Januari 2019', '12 Jan 2019', a datetime, '12 JANUARI 2019'; all are 12 January 2019."
)
def case_dates_accepted_forms(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(5)
    forms = [d(2019, 1, 12), 43477, 43477.0, "12-01-2019", "12/01/2019", "2019-01-12", "12 Januari 2019", "12 Jan 2019",
             dt.datetime(2019, 1, 12, 8, 30), "12 JANUARI 2019"]  # fmt: skip
    for p, f in zip(people, forms, strict=True):
        p["TMT Jabatan"] = f
    pos = base_positions()
    pos[2]["Formasi"] = 10
    return one_book(std_book(out, name, people, pos), values={"people": {"tmt": ["2019-01-12"] * 10}})


@case(
    "Golongan in every accepted spelling: III/a, III-A, 3a, iii/a, 'Penata Muda Tk. I (III/b)', pangkat names alone, 'II / b', spaces around."
)
def case_golongan_forms(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(5)
    forms = [
        "III/a",
        "III-A",
        "3a",
        "iii/a",
        "Penata Muda Tk. I (III/b)",
        "Penata",
        "Pembina Utama Muda",
        "II / b",
        " IV/a ",
        "Penata Tk.I",
    ]
    canon = ["III/a", "III/a", "III/a", "III/a", "III/b", "III/c", "IV/c", "II/b", "IV/a", "III/d"]
    for p, f in zip(people, forms, strict=True):
        p["Golongan"], p["Kode Jabatan"] = f, "J003"
    pos = base_positions()
    pos[2]["Formasi"] = 10
    return one_book(std_book(out, name, people, pos), values={"people": {"golongan": canon}})


def pppk_nip(k: int, gender: int = 1) -> str:
    return f"19920315202121{gender}{k:03d}"


@case("PPPK staff (NIP month 21-29) with roman or arabic grade numerals: IX, V, xi, 7; Jenis ASN PPPK.")
def case_golongan_pppk(out: Path, name: str) -> dict[str, Any]:
    people = []
    for k, g in enumerate(["IX", "V", "xi", "7"], start=1):
        people.append({"NIP": pppk_nip(k), "Nama": f"PPPK {k}", "Golongan": g, "Kode Jabatan": "J003", "TMT Jabatan": d(2022, 3, 1), "Jenis ASN": "PPPK"})  # fmt: skip
    pos = base_positions()
    pos[2]["Formasi"] = 4
    head = ["NIP", "Nama", "Golongan", "Kode Jabatan", "TMT Jabatan", "Jenis ASN"]
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid(head, people), "Jabatan": grid(JAB_H, pos)})
    return one_book(path, values={"people": {"golongan": ["IX", "V", "XI", "VII"], "pppk": [True] * 4}})


@case("Jenis Kelamin as Laki-laki/Perempuan, M/F, l/p, 'LAKI - LAKI', agreeing with the NIP.")
def case_gender_forms(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(2)
    forms = ["Laki-laki", "Perempuan", "M", "l", "F", "LAKI - LAKI", "Pria"]
    for p, f in zip(people, forms, strict=True):
        p["Jenis Kelamin"] = f
    return one_book(
        std_book(out, name, people), values={"people": {"gender": ["L", "P", "L", "L", "P", "L", "L"]}}
    )


@case("Pendidikan as S-1/Sarjana, Strata 1, SLTA, S-2/Magister, Diploma III, D-III, D IV, SLTA/SMK.")
def case_education_forms(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(3)
    forms = ["S-1/Sarjana", "Strata 1", "SLTA", "S-2/Magister", "Diploma III", "D-III", "D IV", "SLTA/SMK"]
    for p, f in zip(people, forms, strict=True):
        p["Pendidikan"] = f
    pos = base_positions()
    pos[2]["Formasi"] = 4
    return one_book(std_book(out, name, people, pos), values={"people": {"pendidikan": ["S1", "S1", "SMA", "S2", "D3", "D3", "D4", "SMA"]}})  # fmt: skip


def _pad(v: Any, i: int) -> Any:
    if not isinstance(v, str):
        return v
    return (" " if i % 2 else "\u00a0") + v + ("  " if i % 3 else " \u00a0")


@case(
    "Leading and trailing spaces (and non-breaking spaces) in every text cell of both sheets, codes included."
)
def case_trailing_spaces(out: Path, name: str) -> dict[str, Any]:
    people = [{k: _pad(v, i) for i, (k, v) in enumerate(p.items())} for p in base_people()]
    positions = [{k: _pad(v, i + 1) for i, (k, v) in enumerate(p.items())} for p in base_positions()]
    values = {"people": {"nip": [NIP1, NIP2, NIP3, NIP4, NIP5], "pos": [0, 1, 2, 3, 4], "nama": [p["Nama"] for p in base_people()]},
              "positions": {"kode": ["J001", "J002", "J003", "J004", "J005"]}}  # fmt: skip
    return one_book(std_book(out, name, people, positions), values=values)


NAMES = ["Siti Aminah & Ma'ruf", "=SUM(A1)", "+62 Budi", "-Rahmat-", "@Dewi Łukasz 李明 Ñoño 😀"]


@case(
    "Names with &, apostrophes, unicode and emoji, and names that start with =, +, - or @ (stored as text, read as text)."
)
def case_unicode_and_formula_names(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    for p, n in zip(people, NAMES, strict=True):
        p["Nama"] = n
    return one_book(std_book(out, name, people), values={"people": {"nama": NAMES}})


@case("Very long strings: a 2,999-character name, a 5,000-character Jurusan, a 2,000-character Nama Jabatan.")
def case_very_long_strings(out: Path, name: str) -> dict[str, Any]:
    people, positions = base_people(), base_positions()
    long_name = ("Ahmad Fauzi bin Abdullah " * 120).strip()
    people[0]["Nama"] = long_name
    people[1]["Jurusan"] = "Manajemen Sumber Daya Manusia; " * 160
    positions[2]["Nama Jabatan"] = ("Pengadministrasi Umum " * 91)[:2000]
    path = write_xlsx(
        out / f"{name}.xlsx",
        {"Pegawai": grid([*PEG_H, "Jurusan"], people), "Jabatan": grid(JAB_H, positions)},
    )
    return one_book(path, values={"people": {"nama": [long_name] + [p["Nama"] for p in base_people()[1:]]}})


@case("Two CSV files with ';', UTF-8 (Pegawai with a byte-order mark), dd/mm/yyyy dates, unicode names.")
def case_csv_semicolon_utf8(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[1]["Nama"] = "Ni Luh Putu Ayu Śri"
    for p in people:
        p["TMT Jabatan"] = p["TMT Jabatan"].strftime("%d/%m/%Y")
    peg = write_csv(out / f"{name}__pegawai.csv", grid(PEG_H, people), sep=";", encoding="utf-8-sig")
    jab = write_csv(out / f"{name}__jabatan.csv", grid(JAB_H, base_positions()), sep=";")
    values = {
        "people": {
            "nama": [p["Nama"] for p in people],
            "tmt": [p["TMT Jabatan"].isoformat() for p in base_people()],
        }
    }
    return pair(peg, jab, values=values)


@case("Two CSV files with ',' in Latin-1 (names with é, ç, ë).")
def case_csv_comma_latin1(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["Nama"], people[2]["Nama"] = "José Marçal", "Zoë Hanafié"
    peg = write_csv(out / f"{name}__pegawai.csv", grid(PEG_H, people), encoding="latin-1")
    jab = write_csv(out / f"{name}__jabatan.csv", grid(JAB_H, base_positions()), encoding="latin-1")
    return pair(peg, jab, values={"people": {"nama": [p["Nama"] for p in people]}})


@case(
    "CSV with ',' and quoted fields holding commas and quotes (a name with a title, a unit name with a comma)."
)
def case_csv_quoted_fields(out: Path, name: str) -> dict[str, Any]:
    people, positions = base_people(), base_positions()
    people[1]["Nama"] = "Siti Aminah, S.Pd."
    people[0]["Nama"] = 'Ahmad "Ucok" Fauzi'
    positions[0]["Unit Kerja"] = "Dinas Pendidikan, Pemuda dan Olahraga"
    peg = write_csv(out / f"{name}__pegawai.csv", grid(PEG_H, people))
    jab = write_csv(out / f"{name}__jabatan.csv", grid(JAB_H, positions))
    values = {
        "people": {"nama": [p["Nama"] for p in people]},
        "positions": {"unit": [p["Unit Kerja"] for p in positions]},
    }
    return pair(peg, jab, values=values)


@case(
    "CSV with ';' as Excel exports a sheet with a title block (title lines padded with ';'); a bad golongan checks the row (= line)."
)
def case_csv_title_block(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[1]["Golongan"] = "X/x"
    title = [["DAFTAR NOMINATIF PEGAWAI, KEADAAN 1 NOVEMBER 2026"], ["KABUPATEN BUNGO"], []]
    peg = write_csv(out / f"{name}__pegawai.csv", grid(PEG_H, people, title), sep=";", pad=True)
    jab = write_csv(out / f"{name}__jabatan.csv", grid(JAB_H, base_positions()), sep=";")
    return pair(peg, jab, [E("invalid-golongan", "Pegawai", 6, "Golongan")])


@case("A legacy .xls (BIFF8, written with xlwt) holding both sheets, a merged title block and date cells.")
def case_xls_legacy(out: Path, name: str) -> dict[str, Any]:
    path = write_xls(
        out / f"{name}.xls",
        {"Pegawai": grid(PEG_H, base_people(), TITLE), "Jabatan": grid(JAB_H, base_positions())},
        merges={"Pegawai": [(0, 0, 0, 7), (1, 1, 0, 7)]},
    )
    values = {
        "people": {
            "nip": [NIP1, NIP2, NIP3, NIP4, NIP5],
            "tmt": [p["TMT Jabatan"].isoformat() for p in base_people()],
        }
    }
    return one_book(path, values=values)


@case("An OpenDocument .ods (written with odfpy) holding both sheets, with date cells.")
def case_ods_libreoffice(out: Path, name: str) -> dict[str, Any]:
    path = write_ods(
        out / f"{name}.ods", {"Pegawai": grid(PEG_H, base_people()), "Jabatan": grid(JAB_H, base_positions())}
    )
    values = {
        "people": {
            "nip": [NIP1, NIP2, NIP3, NIP4, NIP5],
            "tmt": [p["TMT Jabatan"].isoformat() for p in base_people()],
        }
    }
    return one_book(path, values=values)


# warnings only ------------------------------------------------------------------------------------------


@case(
    "Tanggal Lahir and Jenis Kelamin that disagree with the NIP, and an unknown Predikat Kinerja: warnings only."
)
def case_warn_birth_gender(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["Tanggal Lahir"] = d(1980, 5, 18)
    people[1]["Jenis Kelamin"] = "L"
    people[2]["Predikat Kinerja"] = "Istimewa"
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid([*PEG_H, "Predikat Kinerja"], people), "Jabatan": grid(JAB_H, base_positions())})  # fmt: skip
    return one_book(path, [W("birth-date-mismatch", "Pegawai", 2, "Tanggal Lahir"), W("gender-mismatch", "Pegawai", 3, "Jenis Kelamin"),
                           W("invalid-skp", "Pegawai", 4, "Predikat Kinerja")])  # fmt: skip


@case(
    "People outside their own position's grade range (eselon IV.a, Ahli Pertama, eselon III.b): warnings only."
)
def case_warn_grade_outside(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["Golongan"], people[1]["Golongan"], people[3]["Golongan"] = "III/a", "III/c", "IV/c"
    issues = [W("grade-outside-position", "Pegawai", r, "Golongan") for r in (2, 3, 5)]
    return one_book(std_book(out, name, people), issues)


@case("Three people on a position with Formasi 2: a warning on the position's row.")
def case_warn_overstaffed(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(2, kode="J005", gol="III/b")
    return one_book(std_book(out, name, people), [W("overstaffed", "Jabatan", 6, "Formasi")])


@case("Overstaffing where Formasi is written 'Kebutuhan': the warning names the header as written.")
def case_warn_overstaffed_alias_header(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(2, kode="J005", gol="III/b")
    jab = grid(JAB_H, base_positions(), rename={"Formasi": "Kebutuhan"})
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid(PEG_H, people), "Jabatan": jab})
    return one_book(path, [W("overstaffed", "Jabatan", 6, "Kebutuhan")])


@case(
    "No Formasi column (each position takes 1): two people on one position; the warning has no column to name."
)
def case_warn_overstaffed_no_formasi_column(out: Path, name: str) -> dict[str, Any]:
    people = base_people() + extra_people(1)
    head = [h for h in JAB_H if h != "Formasi"]
    path = write_xlsx(
        out / f"{name}.xlsx", {"Pegawai": grid(PEG_H, people), "Jabatan": grid(head, base_positions())}
    )
    return one_book(path, [W("overstaffed", "Jabatan", 4, None)])


# errors in cells --------------------------------------------------------------------------------------


@case("NIP stored as a number (an int cell and the text '1.98703E+17'): digits are lost.")
def case_nip_as_number(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["NIP"] = int(NIP1)
    people[1]["NIP"] = "1.98703E+17"
    people[2]["NIP"] = float(NIP3)
    return one_book(std_book(out, name, people), [E("nip-as-number", "Pegawai", r, "NIP") for r in (2, 3, 4)])


@case("NIPs that cannot be: birth month 13, appointment month 00, gender digit 3, 17 digits, a letter.")
def case_nip_impossible(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["NIP"] = "198013172010031001"
    people[1]["NIP"] = "198703122015002002"
    people[2]["NIP"] = "199011252014033003"
    people[3]["NIP"] = "19750210200003100"
    people[4]["NIP"] = "19880808201203200X"
    return one_book(std_book(out, name, people), [E("invalid-nip", "Pegawai", r, "NIP") for r in range(2, 7)])


@case("The same NIP on two rows: an error on the second.")
def case_duplicate_nip(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[4].update({"NIP": NIP1, "Tanggal Lahir": d(1980, 5, 17), "Jenis Kelamin": "L"})
    return one_book(std_book(out, name, people), [E("duplicate-nip", "Pegawai", 6, "NIP")])


@case("The same Kode Jabatan on two rows, once more with a trailing space: errors on the later rows.")
def case_duplicate_kode(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions.append({**positions[2], "Nama Jabatan": "Pengadministrasi Umum II"})
    positions.append({**positions[3], "Kode Jabatan": "J004 ", "Nama Jabatan": "Kepala Bidang Mutasi II"})
    return one_book(
        std_book(out, name, None, positions),
        [E("duplicate-code", "Jabatan", r, "Kode Jabatan") for r in (7, 8)],
    )


@case("A current Kode Jabatan that is not in Jabatan.")
def case_unknown_position(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[2]["Kode Jabatan"] = "J999"
    return one_book(std_book(out, name, people), [E("unknown-position", "Pegawai", 4, "Kode Jabatan")])


@case("Jabatan + Unit Kerja naming no position, and a blank Unit Kerja.")
def case_name_unit_unknown(out: Path, name: str) -> dict[str, Any]:
    rows = name_unit_people(
        {0: ("Kepala Seksi Kurikulum", "Dinas Kesehatan"), 3: ("Kepala Bidang Mutasi", None)}
    )
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": rows, "Jabatan": grid(JAB_H, base_positions())})
    return one_book(
        path, [E("unknown-position", "Pegawai", 2, "Jabatan"), E("empty-cell", "Pegawai", 5, "Unit Kerja")]
    )


@case(
    "Unreadable dates: a word, 31-02-2019 (in a date's form, but no such day: impossible-date), 2019/13/01, "
    "01-2019, '12 Janu 2019', and a Tanggal Lahir 'tidak tahu'."
)
def case_dates_unreadable(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    for p, v in zip(people, ["kemarin", "31-02-2019", "2019/13/01", "01-2019", "12 Janu 2019"], strict=True):
        p["TMT Jabatan"] = v
    people[1]["Tanggal Lahir"] = "tidak tahu"
    issues = [E("impossible-date" if r == 3 else "invalid-date", "Pegawai", r, "TMT Jabatan") for r in range(2, 7)]
    return one_book(std_book(out, name, people), [*issues, E("invalid-date", "Pegawai", 3, "Tanggal Lahir")])


@case("TMT Jabatan after the effective date 2026-12-01 (one on the date itself is fine).")
def case_tmt_after_effective(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[1]["TMT Jabatan"] = d(2027, 1, 2)
    people[2]["TMT Jabatan"] = "01-12-2026"
    return one_book(std_book(out, name, people), [E("date-after-effective", "Pegawai", 3, "TMT Jabatan")])


@case("Empty required cells in both sheets (a NIP of spaces counts as empty).")
def case_empty_required_cells(out: Path, name: str) -> dict[str, Any]:
    people, positions = base_people(), base_positions()
    people[0]["Nama"] = None
    people[1]["Golongan"] = ""
    people[2]["TMT Jabatan"] = None
    people[3]["Kode Jabatan"] = "  "
    people[4]["NIP"] = "   "
    positions[1]["Nama Jabatan"] = None
    positions[2]["Jenis Jabatan"] = None
    positions[3]["Unit Kerja"] = " "
    issues = [
        E("empty-cell", "Pegawai", 2, "Nama"), E("empty-cell", "Pegawai", 3, "Golongan"), E("empty-cell", "Pegawai", 4, "TMT Jabatan"),
        E("empty-cell", "Pegawai", 5, "Kode Jabatan"), E("empty-cell", "Pegawai", 6, "NIP"),
        E("empty-cell", "Jabatan", 3, "Nama Jabatan"), E("empty-cell", "Jabatan", 4, "Jenis Jabatan"), E("empty-cell", "Jabatan", 5, "Unit Kerja"),
    ]  # fmt: skip
    return one_book(std_book(out, name, people, positions), issues)


@case(
    "Unknown golongan (V/a, III/f, 'golongan tiga', PPPK XVIII) and grades of the wrong kind (PNS with IX, PPPK with III/a)."
)
def case_golongan_unknown(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    for p, g in zip(people, ["V/a", "III/f", "golongan tiga", "IX", "III/b"], strict=True):
        p["Golongan"] = g
    for k, g in ((1, "XVIII"), (2, "III/a")):
        people.append(
            {
                "NIP": pppk_nip(k),
                "Nama": f"PPPK {k}",
                "Golongan": g,
                "Kode Jabatan": "J003",
                "TMT Jabatan": d(2022, 3, 1),
            }
        )
    issues = [E("invalid-golongan", "Pegawai", r, "Golongan") for r in (2, 3, 4, 7)]
    issues += [E("golongan-kind-mismatch", "Pegawai", r, "Golongan") for r in (5, 8)]
    return one_book(std_book(out, name, people), issues)


@case("Unknown Jenis Jabatan, Jenjang, Eselon and Pendidikan Min in Jabatan.")
def case_jabatan_unknown_enums(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[0]["Jenis Jabatan"] = "Kepala"
    positions[1]["Jenjang"] = "Ahli Super"
    positions[3]["Eselon"] = "VI.a"
    positions[4]["Pendidikan Min"] = "S4"
    issues = [E("invalid-jenis-jabatan", "Jabatan", 2, "Jenis Jabatan"), E("invalid-jenjang", "Jabatan", 3, "Jenjang"),
              E("invalid-eselon", "Jabatan", 5, "Eselon"), E("invalid-education", "Jabatan", 6, "Pendidikan Min")]  # fmt: skip
    return one_book(std_book(out, name, None, positions), issues)


@case("Bad Formasi ('dua', 0, 2.5), Prioritas 4 and Status 'Nonaktif' in Jabatan.")
def case_jabatan_bad_numbers(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[0]["Formasi"], positions[1]["Formasi"], positions[2]["Formasi"] = "dua", 0, 2.5
    positions[3]["Prioritas"] = 4
    positions[4]["Status"] = "Nonaktif"
    issues = [E("invalid-number", "Jabatan", r, "Formasi") for r in (2, 3, 4)]
    issues += [E("invalid-priority", "Jabatan", 5, "Prioritas"), E("invalid-status", "Jabatan", 6, "Status")]
    return one_book(std_book(out, name, None, positions), issues)


@case("Unknown Pendidikan, Jenis Kelamin, Hukuman Disiplin and Jenis ASN in Pegawai.")
def case_pegawai_unknown_enums(out: Path, name: str) -> dict[str, Any]:
    people = base_people()
    people[0]["Pendidikan"] = "Kursus"
    people[1]["Jenis Kelamin"] = "X"
    people[2]["Hukuman Disiplin"] = "Teguran"
    people[3]["Jenis ASN"] = "Honorer"
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid([*PEG_H, "Hukuman Disiplin", "Jenis ASN"], people), "Jabatan": grid(JAB_H, base_positions())})  # fmt: skip
    issues = [E("invalid-education", "Pegawai", 2, "Pendidikan"), E("invalid-gender", "Pegawai", 3, "Jenis Kelamin"),
              E("invalid-hukuman", "Pegawai", 4, "Hukuman Disiplin"), E("invalid-jenis-asn", "Pegawai", 5, "Jenis ASN")]  # fmt: skip
    return one_book(path, issues)


@case("Golongan Min above Golongan Maks.")
def case_grade_range_inverted(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[4]["Golongan Min"], positions[4]["Golongan Maks"] = "IV/a", "III/b"
    return one_book(
        std_book(out, name, None, positions), [E("grade-range-inverted", "Jabatan", 6, "Golongan Min")]
    )


@case(
    "Kunci, Larangan and Relasi naming unknown NIPs, codes and units, and a Relasi of a person with herself."
)
def case_references_unknown(out: Path, name: str) -> dict[str, Any]:
    sheets = {
        "Kunci": [["NIP", "Kode Jabatan"], [NIP_STRANGER, "J003"], [NIP2, "J999"]],
        "Larangan": [
            ["NIP", "Kode Jabatan", "Unit Kerja"],
            [NIP1, None, "Dinas Pariwisata"],
            [NIP3, "J777", None],
        ],
        "Relasi": [
            ["NIP 1", "NIP 2", "Hubungan"],
            [NIP1, NIP_STRANGER, "Saudara"],
            [NIP5, NIP5, "Suami-Istri"],
        ],
    }
    issues = [
        E("unknown-nip-ref", "Kunci", 2, "NIP"), E("unknown-code-ref", "Kunci", 3, "Kode Jabatan"),
        E("unknown-unit-ref", "Larangan", 2, "Unit Kerja"), E("unknown-code-ref", "Larangan", 3, "Kode Jabatan"),
        E("unknown-nip-ref", "Relasi", 2, "NIP 2"), E("relasi-self", "Relasi", 3, "NIP 2"),
    ]  # fmt: skip
    return one_book(std_book(out, name, **sheets), issues)


@case(
    "Kunci that cannot hold: a NIP locked twice, a lock to an abolished position, TETAP on an abolished position, a lock Larangan forbids, a NIP stored as a number."
)
def case_kunci_conflicts(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[4]["Status"] = "Dihapus"
    sheets = {
        "Kunci": [
            ["NIP", "Kode Jabatan"],
            [NIP1, "TETAP"],
            [NIP1, "J003"],
            [NIP3, "J005"],
            [NIP5, "TETAP"],
            [NIP2, "J001"],
            [int(NIP4), "J003"],
        ],
        "Larangan": [["NIP", "Kode Jabatan"], [NIP2, "J001"]],
    }
    issues = [
        E("kunci-duplicate", "Kunci", 3, "NIP"), E("kunci-dihapus", "Kunci", 4, "Kode Jabatan"),
        E("kunci-tetap-dihapus", "Kunci", 5, "Kode Jabatan"), E("kunci-larangan", "Kunci", 6, "NIP"),
        E("nip-as-number", "Kunci", 7, "NIP"),
    ]  # fmt: skip
    return one_book(std_book(out, name, None, positions, **sheets), issues)


@case(
    "Kunci with headers 'NIP BARU' and 'kode jabatan': a lock Larangan forbids and a lock to an abolished position name the headers as written."
)
def case_kunci_alias_headers(out: Path, name: str) -> dict[str, Any]:
    positions = base_positions()
    positions[4]["Status"] = "Dihapus"
    sheets = {
        "Kunci": [["NIP BARU", "kode jabatan"], [NIP2, "J001"], [NIP3, "J005"]],
        "Larangan": [["NIP", "Kode Jabatan"], [NIP2, "J001"]],
    }
    issues = [E("kunci-larangan", "Kunci", 2, "NIP BARU"), E("kunci-dihapus", "Kunci", 3, "kode jabatan")]
    return one_book(std_book(out, name, None, positions, **sheets), issues)


# errors in the shape of the file ----------------------------------------------------------------------


@case("Pegawai lacks the required Golongan and TMT Jabatan columns.")
def case_missing_columns(out: Path, name: str) -> dict[str, Any]:
    head = ["NIP", "Nama", "Kode Jabatan", "Tanggal Lahir"]
    path = write_xlsx(
        out / f"{name}.xlsx", {"Pegawai": grid(head, base_people()), "Jabatan": grid(JAB_H, base_positions())}
    )
    return one_book(path, [E("missing-column", "Pegawai"), E("missing-column", "Pegawai")])


@case("One workbook without a Jabatan sheet (only Pegawai and Sheet2).")
def case_missing_jabatan_sheet(out: Path, name: str) -> dict[str, Any]:
    path = write_xlsx(out / f"{name}.xlsx", {"Pegawai": grid(PEG_H, base_people()), "Sheet2": [["catatan"]]})
    return one_book(path, [E("missing-sheet", "Jabatan")])


@case("A Pegawai sheet with the header row and no data.")
def case_header_only_sheet(out: Path, name: str) -> dict[str, Any]:
    path = write_xlsx(
        out / f"{name}.xlsx", {"Pegawai": [PEG_H, [], []], "Jabatan": grid(JAB_H, base_positions())}
    )
    return one_book(path, [E("empty-sheet", "Pegawai")])


@case("A truncated .xlsx (the first 60% of a good file) as Pegawai.")
def case_truncated_xlsx(out: Path, name: str) -> dict[str, Any]:
    full = std_book(out, name + "__full")
    data = full.read_bytes()
    full.unlink()
    peg = out / f"{name}__pegawai.xlsx"
    peg.write_bytes(data[: len(data) * 6 // 10])
    return pair(peg, std_jabatan(out, name), [E("unreadable-file", peg.name)])


@case("A text file (CSV content) named .xlsx as Pegawai.")
def case_text_named_xlsx(out: Path, name: str) -> dict[str, Any]:
    peg = write_csv(out / f"{name}__pegawai.xlsx", grid(PEG_H, base_people()))
    return pair(peg, std_jabatan(out, name), [E("not-a-spreadsheet", peg.name)])


@case("An HTML table named .xls, as some SIMPEG 'export to Excel' buttons produce.")
def case_html_named_xls(out: Path, name: str) -> dict[str, Any]:
    cells = "".join(f"<tr>{''.join(f'<td>{v}</td>' for v in r)}</tr>" for r in grid(PEG_H, base_people()))
    peg = out / f"{name}__pegawai.xls"
    peg.write_text(
        f"<html><head><meta charset='utf-8'></head><body><table>{cells}</table></body></html>",
        encoding="utf-8",
    )
    return pair(peg, std_jabatan(out, name), [E("not-a-spreadsheet", peg.name)])


@case("An empty workbook (one sheet, no cell) as Pegawai.")
def case_empty_workbook(out: Path, name: str) -> dict[str, Any]:
    peg = write_xlsx(out / f"{name}__pegawai.xlsx", {"Sheet1": []})
    return pair(peg, std_jabatan(out, name), [E("empty-sheet", "Pegawai")])


@case("A password-protected .xlsx (password 'bungo2026') as Pegawai.")
def case_encrypted_xlsx(out: Path, name: str) -> dict[str, Any]:
    peg = write_encrypted_xlsx(out / f"{name}__pegawai.xlsx", {"Pegawai": grid(PEG_H, base_people())})
    return pair(peg, std_jabatan(out, name), [E("encrypted-file", peg.name)])


# --- build ----------------------------------------------------------------------------------------------


def _check_entry(entry: dict[str, Any]) -> None:
    """Guard against slips in the hand-written expectations."""
    for issue in entry["issues"]:
        assert set(issue) == {"code", "severity", "sheet", "row", "column"}, issue
        assert issue["severity"] in ("error", "warning"), issue
        assert issue["column"] is None or issue["row"] is not None, issue


def build(root: Path = HERE) -> dict[str, Any]:
    """Write ``root/files/*`` and ``root/expected.json``; return the expectations."""
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    for old in files.iterdir():
        old.unlink()
    cases: dict[str, Any] = {}
    for name, description, fn in CASES:
        entry = fn(files, name)
        _check_entry(entry)
        layout = "one workbook" if entry["pegawai"] == entry["jabatan"] else "two files"
        cases[name] = {"description": description, "layout": layout, **entry}
    expected = {
        "effective_date": EFFECTIVE.isoformat(),
        "note": "Written by build_corpus.py; do not edit by hand. Issues: {code, severity, sheet, row, column}.",
        "cases": cases,
    }
    (root / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return expected


if __name__ == "__main__":
    built = build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"{len(built['cases'])} kasus ditulis.")
