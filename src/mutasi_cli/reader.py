"""Reading spreadsheets into raw tables: the only module that opens input files.

A :class:`Table` keeps each data row's number as Excel shows it, the headers as written, and the
canonical name each header maps to. Nothing is normalised here (see :mod:`mutasi_cli.load`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from mutasi_cli.headers import SCHEMAS, alias_index, header_key
from mutasi_cli.issues import IssueLog
from mutasi_cli.values import is_blank

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
#: rows scanned for the header row under a title block
HEADER_SCAN_ROWS = 30


@dataclass
class Table:
    """One sheet's data rows with canonical column names."""

    source: Path
    sheet: str
    headers: dict[str, str]  # canonical → header as written
    rows: list[dict[str, object]]  # canonical → raw value
    excel_rows: list[int]
    extra_columns: list[str] = field(default_factory=list)

    def header(self, canonical: str) -> str:
        return self.headers.get(canonical, canonical)


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, list[list[object]]]  # sheet name → rows of cells
    sha256: str


class ReadError(Exception):
    """A file that cannot be read at all; carries an issue code and its fields."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields: dict[str, Any] = fields


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_raw(path: Path) -> RawWorkbook:
    """All sheets of a workbook (or the one table of a CSV) as lists of cell values."""
    if not path.exists():
        raise ReadError("file-not-found", path=str(path))
    suffix = path.suffix.lower()
    digest = sha256_of(path)
    if suffix == ".csv":
        return RawWorkbook(path, {path.stem: _read_csv(path)}, digest)
    if suffix not in SPREADSHEET_SUFFIXES:
        raise ReadError("unsupported-format", path=str(path))
    _check_container(path, suffix)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        sheets: dict[str, list[list[object]]] = {}
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            sheets[name] = _fill_merged(
                [list(r) for r in sheet.to_python(skip_empty_area=False)], sheet.merged_cell_ranges or []
            )
    except Exception as exc:  # calamine raises several private error types
        raise ReadError("unreadable-file", path=str(path), detail=str(exc).splitlines()[0][:120]) from exc
    return RawWorkbook(path, sheets, digest)


#: what each spreadsheet format's file starts with: a ZIP archive (.xlsx, .xlsm, .ods) or an OLE2
#: compound document (.xls; also what Excel makes of a password-protected .xlsx)
_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _fill_merged(rows: list[list[object]], ranges) -> list[list[object]]:
    """A merged cell's value in every cell it covers (a unit merged down the rows of its positions,
    a group header across its columns): Excel shows it there, so the analyst reads it there."""
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if is_blank(rows[r][c]):
                    rows[r][c] = value
    return rows


def _check_container(path: Path, suffix: str) -> None:
    """Name a password-protected workbook, or a file that is not a spreadsheet at all, precisely."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE2):
        if (
            b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e"
            in path.read_bytes()
        ):
            raise ReadError("encrypted-file", path=str(path))
        if suffix == ".xls":
            return
    elif head.startswith(_ZIP) and suffix != ".xls":
        return
    if not head:
        raise ReadError("not-a-spreadsheet", path=str(path), kind="kosong (0 bita)")
    raise ReadError("not-a-spreadsheet", path=str(path), kind=_describe(head))


def _describe(head: bytes) -> str:
    if head.startswith(_ZIP):
        return "arsip ZIP/.xlsx"
    if head.startswith(_OLE2):
        return "berkas Excel 97–2003 (.xls)"
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        return "HTML/XML"
    return "teks atau format lain"


def _read_csv(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def find_sheet(raw: RawWorkbook, wanted: str) -> str | None:
    for name in raw.sheets:
        if name.strip().lower() == wanted.lower():
            return name
    return None


def find_header_row(rows: list[list[object]], index: dict[str, str]) -> int | None:
    """The row (0-based) within the first HEADER_SCAN_ROWS naming the most distinct known columns
    (``index``: header key → canonical name), under any title block; None if no row names one."""
    header_at, best = None, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = len({index[k] for c in row if not is_blank(c) and (k := header_key(c)) in index})
        if hits > best:
            header_at, best = i, hits
    return header_at


def table_from_rows(
    raw: RawWorkbook, sheet_name: str, schema_name: str, log: IssueLog, local: dict[str, str] | None = None
) -> Table | None:
    """Locate the header row (under any title block), map headers (``local``: the settings' own
    mapping for this sheet), collect non-blank data rows."""
    rows = raw.sheets[sheet_name]
    index = alias_index(SCHEMAS[schema_name], local)
    header_at = find_header_row(rows, index)
    if header_at is None:
        log.add("empty-sheet", sheet=schema_name, row=None, path=raw.path.name, name=sheet_name)
        return None
    header_row, data_from = _two_row_header(rows, header_at, index)
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    extra: list[str] = []
    for j, cell in enumerate(header_row):
        if is_blank(cell):
            continue
        written = str(cell).strip()
        canonical = index.get(header_key(written))
        if canonical and canonical not in positions:
            headers[canonical] = written
            positions[canonical] = j
        else:
            extra.append(written)
    data: list[dict[str, object]] = []
    excel_rows: list[int] = []
    key = positions.get(KEY_COLUMN[schema_name])
    for i in range(data_from, len(rows)):
        row = rows[i]
        if all(is_blank(c) for c in row) or (i == data_from and _column_numbers(row)):
            continue
        key_cell = None if key is None or key >= len(row) else row[key]
        if _is_totals(row) and (is_blank(key_cell) or _is_totals([key_cell])):
            continue
        data.append({c: (row[j] if j < len(row) else None) for c, j in positions.items()})
        excel_rows.append(i + 1)
    if key is not None:  # a footer under the data (signature block, notes): no key, one cell
        while data and is_blank(data[-1][KEY_COLUMN[schema_name]]) and _sparse(data[-1]):
            data.pop()
            excel_rows.pop()
    return Table(raw.path, schema_name, headers, data, excel_rows, extra)


def _two_row_header(rows: list[list[object]], at: int, index: dict[str, str]) -> tuple[list[object], int]:
    """The header row, merged with the next row when that one names further columns (group headers
    such as PANGKAT over GOL/RUANG and TMT GOLONGAN); the lower row wins. Returns (header, first data
    row index)."""
    if at + 1 >= len(rows):
        return rows[at], at + 1

    def names(row: list[object]) -> set[str]:
        return {index[k] for c in row if not is_blank(c) and (k := header_key(c)) in index}

    upper, lower = rows[at], rows[at + 1]
    if not (names(lower) - names(upper)):
        return upper, at + 1
    width = max(len(upper), len(lower))
    merged = [
        lower[j] if j < len(lower) and not is_blank(lower[j]) else (upper[j] if j < len(upper) else None)
        for j in range(width)
    ]
    return merged, at + 2


#: the column that every data row of a sheet fills; rows after the last one that does are a footer
KEY_COLUMN = {
    "Pegawai": "NIP",
    "Jabatan": "Kode Jabatan",
    "Kunci": "NIP",
    "Larangan": "NIP",
    "Relasi": "NIP 1",
}
_TOTALS = re.compile(r"^\s*(jumlah|total|jml)\b", re.IGNORECASE)


def _sparse(row: dict[str, object]) -> bool:
    """One filled cell at most: a line of a signature block, not a person with a missing NIP."""
    return sum(not is_blank(v) for v in row.values()) <= 1


def _is_totals(row: list[object]) -> bool:
    """A totals row ("JUMLAH", "TOTAL", "Jml. pegawai") at the bottom of a nominative list."""
    return any(isinstance(c, str) and _TOTALS.match(c) for c in row)


def _column_numbers(row: list[object]) -> bool:
    """The row of column numbers (1, 2, 3, …) that many official lists print under the header."""
    cells = [c for c in row if not is_blank(c)]
    try:
        numbers = [int(float(str(c).strip().strip("()"))) for c in cells]
    except ValueError:
        return False
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
