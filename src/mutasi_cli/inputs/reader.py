"""Reading spreadsheets into raw tables: the only module that opens input files.

A :class:`Table` keeps each data row's number as Excel shows it, the headers as written, and the
canonical name each header maps to. Nothing is normalised here (see :mod:`mutasi_cli.inputs.load`), except
the text that no workbook can hold (below).

Reading is safe against files that are not what they seem, for a cron job that must never hang or
crash. Only regular files are opened (a FIFO, a device or a folder is refused from ``os.stat``, before
an ``open`` could block), and these limits are checked before python-calamine sees the file, since its
reader builds a dense grid of every sheet up to the last cell holding a value (one value at
XFD1048576 asks for 512 GB and aborts the process; 32 bytes a cell, ~50 once in Python):

- ``MAX_FILE_BYTES`` 100 MiB: an input file on disk (a CSV is read whole);
- ``MAX_UNPACKED`` 200 MiB: every part of an .xlsx/.xlsm/.ods together, uncompressed, counted while
  inflating (the sizes an archive declares may lie; they are checked first, for a quick answer);
- ``MAX_RATIO`` 200: uncompressed : compressed, for a part larger than ``RATIO_FLOOR`` (4 MiB; small
  XML parts compress far better than data);
- ``MAX_PARTS`` 10,000: parts in one archive;
- ``MAX_ROWS`` 1,048,576 (Excel's own), ``MAX_COLUMNS`` 1,000 (a real export has under 200) and
  ``MAX_CELLS`` 10,000,000 (rows × columns, ~0.5 GB once read) for one sheet;
- ``MAX_CELL_CHARS`` 32,767 (Excel's own): characters in one cell.

A sheet's size is its declared ``<dimension>`` (Excel's used range: beyond the limits only when
something sits far outside the table, which is also what to delete) and, since that may be missing or
lie, the last row and column of the cells that hold a value, found while the part streams (ODS:
counting repeated rows and cells); an .xls (not an archive) is checked from calamine's grid before it
becomes Python lists, and a CSV row by row.

Text cells lose what Excel cannot store (NUL and the other control characters but tab and line
breaks, ``_xHHHH_`` escapes: :func:`~mutasi_cli.inputs.values.clean_text`), so that nothing read can break
the workbook written later or reach the terminal raw. Where it happened is kept
(:attr:`RawWorkbook.cleaned`) and reported by :func:`table_from_rows` for the columns mutasi reads: a
warning ``control-characters``, or the error ``control-characters-key`` in a key column's data (NIP,
Kode Jabatan, NIP 1, NIP 2), where a hidden character means a value nobody typed, so the person or
position it names is in doubt; nothing is reported for the columns mutasi does not read.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from python_calamine import CalamineWorkbook

from mutasi_cli.inputs.headers import SCHEMAS, alias_index, column_letter, column_number, header_key
from mutasi_cli.inputs.issues import IssueLog
from mutasi_cli.inputs.values import clean_text, is_blank

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
#: rows scanned for the header row under a title block
HEADER_SCAN_ROWS = 30

# --- limits (see the module docstring) -----------------------------------------------------------------
MIB = 1 << 20
MAX_FILE_BYTES = 100 * MIB
MAX_UNPACKED = 200 * MIB
MAX_RATIO = 200
RATIO_FLOOR = 4 * MIB
MAX_PARTS = 10_000
MAX_ROWS = 1_048_576
MAX_COLUMNS = 1_000
MAX_CELLS = 10_000_000
MAX_CELL_CHARS = 32_767
#: columns whose value names a person or a position: a character removed there is an error
KEY_COLUMNS = frozenset({"NIP", "Kode Jabatan", "NIP 1", "NIP 2"})


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


Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first column), (last row, last column))


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, list[list[object]]]  # sheet name → rows of cells
    sha256: str
    #: sheet name → (row, column), 0-based → what :func:`~mutasi_cli.inputs.values.clean_text` removed there
    cleaned: dict[str, dict[tuple[int, int], list[str]]] = field(default_factory=dict)
    #: sheet name → its merged ranges, 0-based (a header merged across columns is one column)
    merged: dict[str, list[Merge]] = field(default_factory=dict)


class ReadError(Exception):
    """A file that cannot be read at all; carries an issue code and its fields."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields: dict[str, Any] = fields


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open_regular(path) as fh:
        for chunk in iter(lambda: fh.read(MIB), b""):
            h.update(chunk)
    return h.hexdigest()


def read_raw(path: Path) -> RawWorkbook:
    """All sheets of a workbook (or the one table of a CSV) as lists of cell values, text cleaned."""
    size = _regular_size(path)
    suffix = path.suffix.lower()
    if suffix != ".csv" and suffix not in SPREADSHEET_SUFFIXES:
        raise ReadError("unsupported-format", path=str(path))
    if size > MAX_FILE_BYTES:
        raise ReadError("file-too-large", path=str(path), size=_mib(size), limit=_mib(MAX_FILE_BYTES))
    try:
        digest = sha256_of(path)
        if suffix == ".csv":
            raw = RawWorkbook(path, {clean_text(path.stem)[0]: _read_csv(path)}, digest)
        else:
            _check_container(path, suffix)
            if suffix != ".xls":
                check_archive(path, suffix)
            raw = _read_workbook(path, digest)
    except OSError as exc:  # removed or made unreadable while being read
        raise ReadError("file-not-readable", path=str(path), detail=exc.strerror or str(exc)) from exc
    for name, rows in raw.sheets.items():
        raw.cleaned[name] = _clean_cells(path, name, rows)
        _fill_merged(path, name, rows, raw.merged.get(name, []))
    return raw


def _read_workbook(path: Path, digest: str) -> RawWorkbook:
    """Every sheet through python-calamine. Its ``get_sheet_by_name`` already builds the sheet's dense
    grid (3.2 GB for one value at CV1048576, before a row is asked for; ``iter_rows`` reads from that
    grid), so the guard against a huge grid is :func:`check_archive`, before this; the grid check here
    keeps one from becoming Python lists, and is the only one for an .xls."""
    raw = RawWorkbook(path, {}, digest)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        for written in wb.sheet_names:
            sheet, name = wb.get_sheet_by_name(written), clean_text(written)[0]  # (names reach messages)
            _check_grid(path, name, sheet.end)
            raw.sheets[name] = [list(r) for r in sheet.to_python(skip_empty_area=False)]
            raw.merged[name] = list(sheet.merged_cell_ranges or [])
    except ReadError:
        raise
    except Exception as exc:  # calamine raises several private error types
        raise ReadError("unreadable-file", path=str(path), detail=_detail(exc)) from exc
    return raw


def _detail(exc: BaseException) -> str:
    """The first line of a library's error, short and clean (it may quote the file's bytes)."""
    return clean_text((str(exc).splitlines() or [type(exc).__name__])[0][:120])[0]


# --- regular files only ----------------------------------------------------------------------------------

_KINDS = (
    (stat.S_ISDIR, "sebuah folder"),
    (stat.S_ISFIFO, "sebuah pipa bernama (FIFO)"),
    (stat.S_ISCHR, "sebuah perangkat (device)"),
    (stat.S_ISBLK, "sebuah perangkat blok"),
    (stat.S_ISSOCK, "sebuah soket"),
)


def _regular_size(path: Path) -> int:
    """The size of ``path`` if it is a regular file (symlinks followed); a :class:`ReadError` otherwise.
    From ``os.stat`` alone: opening a FIFO to look would block until someone writes to it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("file-not-found", path=str(path)) from None
    except OSError as exc:
        raise ReadError("file-not-readable", path=str(path), detail=exc.strerror or str(exc)) from None
    _require_regular(path, st.st_mode)
    return st.st_size


def _require_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "bukan berkas biasa")
        raise ReadError("not-a-regular-file", path=str(path), kind=kind)


def open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading, which never blocks: opened non-blocking, and refused unless it is
    still a regular file once open (it may have been replaced since :func:`_regular_size`)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (Windows has neither of the next two, nor FIFOs)
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        _require_regular(path, os.fstat(fd).st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _thousands(n: int) -> str:
    """``1.048.576``: an Indonesian reader's thousands."""
    return f"{n:,}".replace(",", ".")


def _mib(n: int) -> str:
    """A size as an Indonesian reader writes it: ``4,5 MB``, ``400 MB``."""
    value = n / MIB
    return (f"{value:.1f}".replace(".", ",") if value < 10 else f"{round(value):,}".replace(",", ".")) + " MB"


#: what each spreadsheet format's file starts with: a ZIP archive (.xlsx, .xlsm, .ods) or an OLE2
#: compound document (.xls; also what Excel makes of a password-protected .xlsx)
_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _fill_merged(path: Path, sheet: str, rows: list[list[object]], ranges: list[Merge]) -> None:
    """A merged cell's value in every cell it covers (a unit merged down the rows of its positions,
    a group header across its columns): Excel shows it there, so the analyst reads it there. The
    ranges together may cover at most MAX_CELLS cells of the grid (a file of overlapping merges could
    otherwise ask for billions of steps)."""
    budget = MAX_CELLS
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        r1, c1 = min(r1, len(rows) - 1), min(c1, len(rows[r0]) - 1)
        budget -= (r1 - r0 + 1) * (c1 - c0 + 1)
        if budget < 0:
            raise _too_large(path, sheet, f"sel gabungan (merge) di dalamnya mencakup lebih dari "
                             f"{_thousands(MAX_CELLS)} sel")  # fmt: skip
        value = rows[r0][c0]
        for r in range(r0, r1 + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if is_blank(rows[r][c]):
                    rows[r][c] = value


def _clean_cells(path: Path, sheet: str, rows: list[list[object]]) -> dict[tuple[int, int], list[str]]:
    """Clean every text cell in place (see the module docstring); refuse one longer than Excel allows.
    Returns (row, column) → what was removed."""
    cleaned: dict[tuple[int, int], list[str]] = {}
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if len(value) > MAX_CELL_CHARS:
                raise ReadError(
                    "cell-too-long", path=str(path), name=sheet, row=i + 1, column=column_letter(j),
                    cell=f"{column_letter(j)}{i + 1}", length=_thousands(len(value)),
                    limit=_thousands(MAX_CELL_CHARS),
                )  # fmt: skip
            text, found = clean_text(value)
            if found:
                row[j] = text
                cleaned[(i, j)] = found
    return cleaned


def _check_grid(path: Path, sheet: str, end: tuple[int, int] | None) -> None:
    """The grid calamine built for a sheet (last cell ``end``, 0-based) is refused before it becomes
    Python lists: the last guard, and the only one for an .xls."""
    if end is not None:
        _check_extent(path, sheet, end[0] + 1, end[1] + 1, "sel terjauh yang berisi nilai")


def _check_extent(path: Path, sheet: str, rows: int, columns: int, what: str) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _too_large(path, sheet, f"{what} {column_letter(columns - 1)}{rows}")


def _too_large(path: Path, sheet: str, detail: str) -> ReadError:
    return ReadError(
        "sheet-too-large", path=str(path), name=sheet, detail=detail,
        rows=_thousands(MAX_ROWS), columns=_thousands(MAX_COLUMNS), cells=_thousands(MAX_CELLS),
    )  # fmt: skip


def _check_container(path: Path, suffix: str) -> None:
    """Name a password-protected workbook, or a file that is not a spreadsheet at all, precisely."""
    with open_regular(path) as fh:
        head = fh.read(8)
        if head.startswith(_OLE2):
            fh.seek(0)
            if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in fh.read():
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


# --- CSV -------------------------------------------------------------------------------------------------

#: byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_csv(path: Path) -> list[list[object]]:
    with open_regular(path) as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    text = _decode(path, data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[object]] = []
    cells = 0
    try:
        for r in reader:
            rows.append(list(r))
            cells += len(r)
            if len(rows) > MAX_ROWS or len(r) > MAX_COLUMNS or cells > MAX_CELLS:
                last = f"{column_letter(len(r) - 1)}{len(rows)}"
                raise _too_large(path, path.stem, f"batasnya terlampaui di sel {last}")
    except csv.Error as exc:  # a field beyond csv's own limit (131,072 characters), a broken quote
        if "field larger" not in str(exc):
            raise ReadError("unreadable-file", path=str(path), detail=_detail(exc)) from None
        raise ReadError(
            "cell-too-long", path=str(path), name=path.stem, row=reader.line_num,
            cell=f"pada baris {reader.line_num}", length=f"lebih dari {_thousands(csv.field_size_limit())}",
            limit=_thousands(MAX_CELL_CHARS),
        ) from None  # fmt: skip
    return rows


def _decode(path: Path, data: bytes) -> str:
    """The text of a CSV: by its byte-order mark (UTF-8, UTF-16 or UTF-32: Excel's "Unicode Text" is
    UTF-16), as UTF-16 without one when every other byte is NUL, else UTF-8, cp1252 or Latin-1 (which
    decodes anything)."""
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom in ("utf-16", "utf-32"):
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            detail = f"teks {bom.upper()} yang rusak"
            raise ReadError("unreadable-file", path=str(path), detail=detail) from None
    guess = None if bom else _utf16_without_bom(data)
    for encoding in ([guess] if guess else []) + ["utf-8-sig", "cp1252", "latin-1"]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the zero bytes of the first KB sit at odd/even offsets (ASCII text in
    UTF-16); a stray NUL in a UTF-8 file does not look like that."""
    head = data[:1024]
    if len(head) < 4 or head.count(0) < len(head) // 3:
        return None
    if head[1::2].count(0) >= len(head) // 3:
        return "utf-16-le"
    if head[0::2].count(0) >= len(head) // 3:
        return "utf-16-be"
    return None


# --- archives (.xlsx, .xlsm, .ods): every limit, before calamine opens one ---------------------------------

#: inflated at most this much at a time, so that memory stays bounded whatever a part holds
_CHUNK = MIB
#: a tag cut at a chunk's end is kept for the next one, up to this size (no real tag comes close)
_MAX_TAG = MIB


def check_archive(path: Path, suffix: str) -> None:
    """Refuse an archive beyond the limits (module docstring): too many parts, too much inflated data,
    a part that inflates too far, a sheet too large. The declared sizes are checked first, for a quick
    answer; then every part is inflated in chunks and counted, since the sizes an archive declares may
    lie, and each sheet's cells are scanned on the way (nothing is kept)."""
    with open_regular(path) as fh:
        try:
            _check_parts(path, suffix, fh)
        except _DAMAGED as exc:  # a damaged archive: its central directory, offsets or data
            raise ReadError("unreadable-file", path=str(path), detail=_detail(exc)) from None


#: what zipfile and the reads below raise on a damaged archive
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, struct.error,
            OSError, zlib.error)  # fmt: skip


def _check_parts(path: Path, suffix: str, fh: IO[bytes]) -> None:
    if _declared_parts(fh) >= MAX_PARTS:
        raise _bomb(path, f"memuat lebih dari {_thousands(MAX_PARTS)} bagian")
    with zipfile.ZipFile(fh) as archive:
        infos = archive.infolist()
        for info in infos:
            _check_size(path, info, info.file_size)
        _check_total(path, sum(i.file_size for i in infos))
        names = _xlsx_sheet_names(archive) if suffix != ".ods" else {}
        total = 0
        for info in infos:
            scan, size = _scanner(path, suffix, info.filename, names), 0
            for size in _inflate(fh, info, scan):
                _check_size(path, info, size)
                _check_total(path, total + size)
            total += size


def _check_size(path: Path, info: zipfile.ZipInfo, size: int) -> None:
    if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
        detail = (
            f"bagian {info.filename} mengembang dari {_mib(info.compress_size)} menjadi lebih dari "
            f"{_mib(size)} (lebih dari {MAX_RATIO} kali)"
        )
        raise _bomb(path, detail)


def _check_total(path: Path, total: int) -> None:
    if total > MAX_UNPACKED:
        raise _bomb(path, f"isinya setelah diekstrak melebihi {_mib(MAX_UNPACKED)}")


def _bomb(path: Path, detail: str) -> ReadError:
    return ReadError("archive-too-large", path=str(path), detail=detail)


def _declared_parts(fh: IO[bytes]) -> int:
    """The number of parts the archive's end record declares, read before :mod:`zipfile` builds an
    object for each (0 when there is no end record: zipfile then says what is wrong). A ZIP64 archive
    declares 0xFFFF here, which is over the limit anyway."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    fh.seek(max(0, size - (22 + 0xFFFF)))
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return 0
    return int(struct.unpack_from("<H", tail, at + 10)[0])


def _inflate(fh: IO[bytes], info: zipfile.ZipInfo, scan: _Scanner | None) -> Iterator[int]:
    """Inflate one part in chunks, feeding ``scan``; yields the size inflated so far."""
    size = 0
    for chunk in _part_chunks(fh, info):
        size += len(chunk)
        if scan is not None:
            scan.feed(chunk)
        yield size


def _part_chunks(fh: IO[bytes], info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The bytes of one part, read from its local header on: stored, or deflated (all Excel and
    LibreOffice write), at most ``_CHUNK`` at a time whatever the part declares."""
    if info.flag_bits & 0x1:
        raise zipfile.BadZipFile(f"bagian {info.filename} terenkripsi")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise zipfile.BadZipFile(f"bagian {info.filename} memakai metode kompresi {info.compress_type}")
    fh.seek(info.header_offset)
    head = fh.read(30)
    if len(head) < 30 or not head.startswith(_ZIP):
        raise zipfile.BadZipFile(f"bagian {info.filename} rusak")
    name_len, extra_len = struct.unpack_from("<HH", head, 26)
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left = info.compress_size
    while left > 0:
        data = fh.read(min(_CHUNK, left))
        if not data:
            return
        left -= len(data)
        if inflater is None:
            yield data
            continue
        while True:
            out = inflater.decompress(data, _CHUNK)
            if out:
                yield out
            data = inflater.unconsumed_tail
            if not data and len(out) < _CHUNK:
                break


def _xlsx_sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from xl/workbook.xml and its relationships, for the messages (zipfile
    reads a part no further than its declared size, and these two are checked small first)."""
    try:
        book = _small_part(archive, "xl/workbook.xml")
        rels = _small_part(archive, "xl/_rels/workbook.xml.rels")
    except (KeyError, RuntimeError, *_DAMAGED):
        return {}  # only the messages need the names; the file's faults are found elsewhere
    targets = {}
    for tag in re.findall(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>", rels):
        rid, target = _attr(tag, b"Id"), _attr(tag, b"Target")
        if rid and target:
            targets[rid] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    names = {}
    for tag in re.findall(rb"<(?:[\w.-]+:)?sheet\s[^>]*>", book):
        name, rid = _attr(tag, b"name"), _attr(tag, b"r:id") or _attr(tag, b"id")
        if name and rid in targets:
            names[posixpath.normpath(targets[rid])] = name
    return names


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    return archive.read(info) if info.file_size <= MIB else b""


def _attr(tag: bytes, name: bytes) -> str | None:
    m = re.search(rb"[\s:]" + re.escape(name) + rb'\s*=\s*(["\'])(.*?)\1', b" " + tag)
    return html.unescape(m.group(2).decode("utf-8", "replace")) if m else None


def _scanner(path: Path, suffix: str, part: str, names: dict[str, str]) -> _Scanner | None:
    if suffix == ".ods":
        return _OdsScanner(path) if part == "content.xml" else None
    if part.endswith(".xml"):
        return _XlsxScanner(path, names.get(posixpath.normpath(part), part))
    return None


class _Scanner:
    """Regular-expression tokens of an XML part fed in chunks: a tag cut by a chunk's end waits for the
    next chunk. Subclasses find the extent of the cells that hold a value."""

    tag: re.Pattern[bytes]

    def __init__(self, path: Path) -> None:
        self.path, self.carry, self.first = path, b"", True

    def feed(self, chunk: bytes) -> None:
        data = self.carry + chunk
        cut = data.rfind(b"<")
        if cut >= 0 and data.find(b">", cut) < 0:
            data, self.carry = data[:cut], data[cut:]
            if len(self.carry) > _MAX_TAG:
                raise ReadError("unreadable-file", path=str(self.path), detail="tag XML yang terlalu panjang")
        else:
            self.carry = b""
        if self.first:
            self.head(data)
            self.first = False
        self.tokens(self.tag.findall(data))

    def head(self, data: bytes) -> None:
        """The first chunk of the part."""

    def tokens(self, found: list[Any]) -> None:
        raise NotImplementedError


class _XlsxScanner(_Scanner):
    """The grid calamine will build for an .xlsx worksheet part: the last row and the last column of
    a ``<c>`` that is not empty (``<c r="XFD9" s="1"/>`` holds only a format), with or without ``r``
    references (without, a row follows the last one, a cell the last cell). Any XML part may be fed:
    one without ``<row>`` and ``<c>`` tags yields nothing."""

    tag = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])(?:\s+r\s*=\s*[\"']([A-Za-z]*)(\d*)[\"'])?([^>]*)>")
    #: ``r`` when it is not the first attribute (the tag above takes it only there, which is faster)
    ref = re.compile(rb"\sr\s*=\s*[\"']([A-Za-z]*)(\d*)[\"']")
    dimension = re.compile(rb"<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*[\"']([^\"']*)[\"']")

    def __init__(self, path: Path, sheet: str) -> None:
        super().__init__(path)
        self.sheet = sheet
        self.row = self.col = self.rows = self.cols = 0
        self.numbers: dict[bytes, int] = {}

    def head(self, data: bytes) -> None:
        m = self.dimension.search(data)
        ref = re.fullmatch(rb"(?:[A-Za-z]+\d+:)?([A-Za-z]+)(\d+)", m.group(1)) if m else None
        if ref is not None:
            extent = (int(ref.group(2)), column_number(ref.group(1).decode()))
            _check_extent(self.path, self.sheet, *extent, "ukuran yang dinyatakan berkasnya sampai sel")

    def tokens(self, found: list[Any]) -> None:
        row, col, rows, cols, numbers = self.row, self.col, self.rows, self.cols, self.numbers
        for name, letters, digits, rest in found:
            if not (letters or digits) and (m := self.ref.search(rest)) is not None:
                letters, digits = m.groups()
            if name == b"row":
                row, col = (int(digits) if digits else row + 1), 0
                continue
            col = (numbers.get(letters) or self._number(letters)) if letters else col + 1
            if not rest.endswith(b"/"):  # a value, not only a format
                r = int(digits) if digits else row
                rows, cols = (r if r > rows else rows), (col if col > cols else cols)
        self.row, self.col, self.rows, self.cols = row, col, rows, cols
        _check_extent(self.path, self.sheet, rows, cols, "sel terjauh yang berisi nilai")

    def _number(self, letters: bytes) -> int:
        n = self.numbers[letters] = column_number(letters.decode())
        return n


class _OdsScanner(_Scanner):
    """The grid calamine will build for each table of an ODS content.xml: rows and cells repeat
    (``table:number-rows-repeated``, ``table:number-columns-repeated``), and a table's extent is its
    last row and column holding a cell that is not empty."""

    tag = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
    repeat_rows = re.compile(rb"number-rows-repeated\s*=\s*[\"'](\d+)")
    repeat_cols = re.compile(rb"number-columns-repeated\s*=\s*[\"'](\d+)")

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.sheet = ""
        self.row = self.col = self.rows = self.cols = 0
        self.span = 1  # the current row's repeat

    def tokens(self, found: list[Any]) -> None:
        for close, name, attrs in found:
            if name == b"table":  # a new sheet, or the end of one
                self.check()
                if not close:
                    self.sheet = _attr(attrs, b"name") or ""
                self.row = self.rows = self.cols = 0
            elif name == b"table-row":
                if not close:
                    m = self.repeat_rows.search(attrs)
                    self.span, self.col = (int(m.group(1)) if m else 1), 0
                if close or attrs.endswith(b"/"):
                    self.row += self.span
            elif not close:
                m = self.repeat_cols.search(attrs)
                span = int(m.group(1)) if m else 1
                if not attrs.endswith(b"/") or b"value-type" in attrs:
                    self.cols = max(self.cols, self.col + span)
                    self.rows = max(self.rows, self.row + self.span)
                self.col += span
        self.check()

    def check(self) -> None:
        if self.rows:
            _check_extent(self.path, self.sheet, self.rows, self.cols, "sel terjauh yang berisi nilai")


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
            continue
        if canonical and not _one_merge(raw.merged.get(sheet_name, []), range(header_at, data_from),
                                        positions[canonical], j):  # fmt: skip
            log.add(
                "duplicate-column", sheet=schema_name, row=data_from, column=written, value=written,
                canonical=canonical, first=headers[canonical], first_at=column_letter(positions[canonical]),
                second=written, second_at=column_letter(j),
            )  # fmt: skip
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
    table = Table(raw.path, schema_name, headers, data, excel_rows, extra)
    _report_cleaned(raw, sheet_name, table, positions, range(header_at, data_from), log)
    return table


def _one_merge(merges: list[Merge], header_rows: range, first: int, second: int) -> bool:
    """Columns ``first`` and ``second`` sit under one merged header cell (one column group, named once)."""
    return any(
        r0 <= r <= r1 and c0 <= first <= c1 and c0 <= second <= c1
        for (r0, c0), (r1, c1) in merges
        for r in header_rows
    )


def _report_cleaned(
    raw: RawWorkbook, sheet: str, table: Table, positions: dict[str, int], header_rows: range, log: IssueLog
) -> None:
    """An issue for each cell of a column mutasi reads that lost characters on reading (module
    docstring): an error in a key column's data, a warning elsewhere."""
    column_of = {j: c for c, j in positions.items()}
    rows = set(table.excel_rows) | {i + 1 for i in header_rows}
    for (i, j), found in sorted(raw.cleaned.get(sheet, {}).items()):
        canonical = column_of.get(j)
        if canonical is None or i + 1 not in rows:
            continue
        key = canonical in KEY_COLUMNS and i not in header_rows
        log.add(
            "control-characters-key" if key else "control-characters", sheet=table.sheet, row=i + 1,
            column=table.header(canonical), value=raw.sheets[sheet][i][j], cell=f"{column_letter(j)}{i + 1}",
            found=", ".join(found[:4]) + (", …" if len(found) > 4 else ""),
        )  # fmt: skip


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
