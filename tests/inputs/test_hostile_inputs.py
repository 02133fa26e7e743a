"""Hostile inputs (issue 14, "Inputs"): files that are not files, archives and sheets beyond the limits,
a column named twice, values no real record has, and characters Excel cannot store.

Every case is a real file in ``tmp_path``; the ones that used to hang or kill the process are also run
through the real CLI in a subprocess (with a timeout, and for memory under ``RLIMIT_AS``), since a
hang or an abort cannot be caught inside the test process.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import multiprocessing
import os
import resource
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from builders import EFFECTIVE, nip, person, position, write_workbook
from mutasi_cli.inputs import reader
from mutasi_cli.inputs.load import load_round
from mutasi_cli.inputs.reader import ReadError, read_raw
from mutasi_cli.inputs.settings import SettingsError, load_settings
from mutasi_cli.inputs.values import clean_text

DATE = ["--effective-date", EFFECTIVE.isoformat()]
#: a hostile input must be answered within this many seconds (generous: CI shares its cores)
QUICK = 10.0


def _codes(log) -> list[str]:
    return [i.code for i in log.issues]


def _only(log, code: str):
    found = [i for i in log.issues if i.code == code]
    assert found, [i.to_dict() for i in log.issues]
    return found[0]


def _cli(*args: str, cwd: Path, timeout: float = 60, memory: int | None = None) -> subprocess.CompletedProcess:
    """The real command line in a child process (its own working folder: no stray mutasi.toml)."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-m", "mutasi_cli", *args], cwd=cwd, capture_output=True, text=True,
        timeout=timeout, preexec_fn=limit, env=env,
    )  # fmt: skip


def _json_issues(result: subprocess.CompletedProcess) -> list[dict]:
    data = json.loads(result.stdout)
    assert data["valid"] is False, data
    return data["issues"]


def _round(tmp_path: Path, people=None, positions=None, name: str = "r.xlsx") -> Path:
    return write_workbook(
        tmp_path / name, people or [person(1, "A1")], positions or [position("A1", "Unit A")]
    )


# --- minimal hand-built archives ------------------------------------------------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main">'
)
_A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c></row>'


def _cell(ref: str, value: str = "x") -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _xlsx(path: Path, rows: str, dimension: str | None = None, after: str = "") -> Path:
    """A minimal .xlsx: one sheet Pegawai whose <sheetData> holds ``rows`` (XML text), ``after`` it."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = _SHEET_HEAD + f"{dim}<sheetData>{rows}</sheetData>{after}</worksheet>".encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _parts(z)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def _parts(z: zipfile.ZipFile) -> None:
    z.writestr("[Content_Types].xml", _CT)
    z.writestr("_rels/.rels", _RELS)
    z.writestr("xl/workbook.xml", _BOOK)
    z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)


def _string_bomb(path: Path, megabytes: int) -> Path:
    """An .xlsx whose one cell holds ``megabytes`` MB of "A": a few hundred KB on disk. Written in
    chunks, so the test itself stays small."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(_SHEET_HEAD + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
            chunk = b"A" * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(b"</t></is></c></row></sheetData></worksheet>")
    return path


def _lie_about_sizes(path: Path, part: str, size: int) -> None:
    """Rewrite the uncompressed size ``part`` declares (local header and central directory) as ``size``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        struct.pack_into("<L", data, z.getinfo(part).header_offset + 22, size)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == part.encode():
            struct.pack_into("<L", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
    'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)
_ODS_CELL = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


def _ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
        'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="Pegawai">{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


#: the address space a reading child may use: the hostile inputs took 1.3 GB, 5.2 GB or aborted
MEMORY = 2 << 30


def _in_child(fn, *args):
    """``fn(*args)`` in a forked child under ``MEMORY``, answered within ``QUICK`` seconds: a regression
    that hangs or aborts (calamine's failed allocation kills the process) fails this test, not the run.
    Returns ("ok", value) or ("error", ReadError code, fields)."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        try:
            send.send(("ok", fn(*args)))
        except ReadError as err:
            send.send(("error", err.code, err.fields))

    child = ctx.Process(target=run)
    child.start()
    try:
        assert receive.poll(QUICK), f"no answer within {QUICK} s (exit code {child.exitcode})"
        return receive.recv()
    finally:
        child.kill()
        child.join()


def _refused(path: Path, code: str) -> dict:
    """``read_raw`` refuses ``path`` with ``code``, quickly and within ``MEMORY``; the error's fields."""
    answer = _in_child(lambda p: bool(read_raw(p)), path)
    assert answer[:2] == ("error", code), answer
    return answer[2]


def _issues_in_child(pegawai: Path, jabatan: Path) -> list[dict]:
    def load(p: Path, j: Path) -> list[dict]:
        rnd, log = load_round(p, j, EFFECTIVE)
        assert rnd is None
        return [i.to_dict() for i in log.issues]

    answer = _in_child(load, pegawai, jabatan)
    assert answer[0] == "ok", answer
    return answer[1]


# --- 1. regular files only --------------------------------------------------------------------------------


def test_fifo_input_is_refused_without_blocking(tmp_path):
    """Opening a FIFO blocks until a writer comes: the CLI must answer from os.stat, within seconds."""
    fifo = tmp_path / "pegawai.xlsx"
    os.mkfifo(fifo)
    jab = _round(tmp_path)
    result = _cli("validate", str(fifo), str(jab), *DATE, "--json", cwd=tmp_path, timeout=30)
    assert result.returncode == 1, result.stderr
    issue = _json_issues(result)[0]
    assert issue["code"] == "not-a-regular-file" and str(fifo) in issue["message"] and "FIFO" in issue["message"]
    plan = _cli("plan", str(fifo), str(jab), *DATE, "--json", "-o", str(tmp_path / "o.xlsx"), cwd=tmp_path,
                timeout=30)  # fmt: skip
    assert plan.returncode == 1, plan.stderr
    assert _json_issues(plan)[0]["code"] == "not-a-regular-file"


@pytest.mark.parametrize("kind", ["device", "folder"])
def test_device_or_folder_input_is_a_read_error(tmp_path, kind):
    target = Path("/dev/zero") if kind == "device" else tmp_path / "pegawai.xlsx"
    if kind == "folder":
        target.mkdir()
    issue = _issues_in_child(target, _round(tmp_path))[0]  # (reading /dev/zero would never end)
    assert issue["code"] == "not-a-regular-file" and issue["severity"] == "error"
    assert str(target) in issue["message"] and ("folder" if kind == "folder" else "perangkat") in issue["message"]


def test_folder_input_through_the_cli_is_exit_1(tmp_path):
    folder = tmp_path / "pegawai.xlsx"
    folder.mkdir()
    result = _cli("validate", str(folder), str(_round(tmp_path)), *DATE, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "not-a-regular-file" in result.stdout and "Traceback" not in result.stderr


def test_unreadable_file_is_named(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    peg = _round(tmp_path)
    peg.chmod(0)
    rnd, log = load_round(peg, peg, EFFECTIVE)
    assert rnd is None and _only(log, "file-not-readable").message.count(str(peg)) == 1


# --- 2. limits checked before reading --------------------------------------------------------------------


def test_declared_huge_dimension_is_refused_before_calamine(tmp_path):
    """The 34 KB workbook whose one cell sits at XFD1048576: python-calamine would ask for 512 GB."""
    path = _xlsx(tmp_path / "p.xlsx", _A1 + f'<row r="1048576">{_cell("XFD1048576")}</row>', "A1:XFD1048576")
    err = _refused(path, "sheet-too-large")
    assert err["name"] == "Pegawai" and "XFD1048576" in err["detail"]


@pytest.mark.parametrize(
    ("case", "rows", "dimension"),
    [
        ("no dimension", _A1 + f'<row r="1048576">{_cell("XFD1048576")}</row>', None),
        ("a lying dimension", _A1 + f'<row r="1048576">{_cell("XFD1048576")}</row>', "A1:B2"),
        ("100 columns × 1,048,576 rows", _A1 + f'<row r="1048576">{_cell("CV1048576")}</row>', "A1:B2"),
        ("1,001 columns", _A1 + f'<row r="2">{_cell("ALM2")}</row>', None),
        # cells without r follow the last one: 16,384 of them in row 1, one in row 1,048,576
        ("no cell references",
         '<row r="1">' + "<c><v>1</v></c>" * 16384 + '</row><row r="1048576"><c><v>1</v></c></row>', None),
        ("r not the first attribute", _A1 + '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>', None),
        ("prefixed elements", _A1 + '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', None),
    ],
)  # fmt: skip
def test_far_cells_are_refused_whatever_the_dimension_says(tmp_path, case, rows, dimension):
    path = _xlsx(tmp_path / "p.xlsx", rows, dimension)
    err = _refused(path, "sheet-too-large")
    assert "sel terjauh" in err["detail"], case


def test_a_far_cell_holding_only_a_format_is_read(tmp_path):
    """calamine builds its grid from cells with a value; a formatted empty cell far away costs nothing."""
    path = _xlsx(tmp_path / "p.xlsx", _A1 + '<row r="1048576"><c r="XFD1048576" s="1"/></row>')
    assert read_raw(path).sheets["Pegawai"] == [["NIP"]]


def test_an_honest_10_million_cell_grid_is_still_read(tmp_path):
    """The limit is the grid, not the file: 100 columns × 100,000 rows is read (0.5 GB, ~1 s)."""
    path = _xlsx(tmp_path / "p.xlsx", _A1 + f'<row r="100000">{_cell("CV100000")}</row>', "A1:CV100000")
    rows = read_raw(path).sheets["Pegawai"]
    assert len(rows) == 100_000 and len(rows[0]) == 100


@pytest.mark.parametrize(
    "rows",
    [
        # one row of values, 1,048,574 empty repeated rows, then a value in column XFD
        f"<table:table-row>{_ODS_CELL}</table:table-row><table:table-row table:number-rows-repeated="
        '"1048574"><table:table-cell/></table:table-row><table:table-row><table:table-cell '
        f'table:number-columns-repeated="16383"/>{_ODS_CELL}</table:table-row>',
        # one value repeated over 95 columns and 1,048,576 rows: 99.6 million cells (under calamine's own
        # limit of 100 million) from 1 KB; took 11 GB and 30 s, then aborted
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-'
        'repeated="95" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>',
    ],
)
def test_ods_repeats_are_counted_before_calamine(tmp_path, rows):
    err = _refused(_ods(tmp_path / "p.ods", rows), "sheet-too-large")
    assert err["name"] == "Pegawai"


def test_ods_with_trailing_empty_repeats_is_read(tmp_path):
    """What LibreOffice writes under every sheet: empty rows and cells repeated to the sheet's end."""
    rows = (
        f"<table:table-row>{_ODS_CELL}{_ODS_CELL}</table:table-row><table:table-row table:number-rows-"
        'repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    assert read_raw(_ods(tmp_path / "p.ods", rows)).sheets["Pegawai"] == [["x", "x"]]


def test_string_bomb_is_refused_quickly(tmp_path):
    """300 MB of one string in a few hundred KB: the declared size is over the limit."""
    path = _string_bomb(tmp_path / "p.xlsx", 300)
    assert path.stat().st_size < 2 << 20
    err = _refused(path, "archive-too-large")
    assert "xl/worksheets/sheet1.xml" in err["detail"] or "200 MB" in err["detail"]


def test_string_bomb_with_lying_sizes_is_refused_while_inflating(tmp_path):
    """The archive declares 1 KB for a part that inflates to 100 MB: the inflated bytes are counted."""
    path = _string_bomb(tmp_path / "p.xlsx", 100)
    _lie_about_sizes(path, "xl/worksheets/sheet1.xml", 1000)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    err = _refused(path, "archive-too-large")
    assert "200 kali" in err["detail"]


def test_highly_compressed_part_is_refused(tmp_path):
    """50 MB (under the total) that compresses 1000:1: no sheet of real data does that."""
    err = _refused(_string_bomb(tmp_path / "p.xlsx", 50), "archive-too-large")
    assert "kali" in err["detail"]


def test_too_many_parts_are_refused(tmp_path):
    path = tmp_path / "p.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        _parts(z)
        for k in range(reader.MAX_PARTS):
            z.writestr(f"x/{k}", b"")
    _refused(path, "archive-too-large")


def test_file_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "pegawai.csv"
    with path.open("wb") as fh:  # sparse: nothing is written to disk
        fh.truncate(reader.MAX_FILE_BYTES + 1)
    err = _refused(path, "file-too-large")
    assert err["limit"] == "100 MB"


@pytest.mark.parametrize(
    ("name", "megabytes_or_cell"),
    [("bomb.xlsx", 300), ("xfd.xlsx", "XFD1048576"), ("cv.xlsx", "CV1048576")],
)
def test_cli_answers_within_seconds_and_bounded_memory(tmp_path, name, megabytes_or_cell):
    """Under a 2 GB address-space limit (the CV1048576 grid took 5.2 GB, the bomb 1.3 GB, XFD aborted):
    exit 1 with the message, for validate and for plan --json."""
    path = tmp_path / name
    if isinstance(megabytes_or_cell, int):
        _string_bomb(path, megabytes_or_cell)
    else:
        _xlsx(path, _A1 + f'<row r="1048576">{_cell(megabytes_or_cell)}</row>', None)
    jab = _round(tmp_path, name="jab.xlsx")
    t0 = time.perf_counter()
    result = _cli("validate", str(path), str(jab), *DATE, cwd=tmp_path, memory=2 << 30)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert str(path) in result.stdout.replace("\n", "") or name in result.stdout
    plan = _cli("plan", str(path), str(jab), *DATE, "--json", "-o", str(tmp_path / "o.xlsx"), cwd=tmp_path,
                memory=2 << 30)  # fmt: skip
    assert plan.returncode == 1, (plan.returncode, plan.stderr[-2000:])
    issue = _json_issues(plan)[0]
    assert issue["code"] in {"archive-too-large", "sheet-too-large"} and str(path) in issue["message"]
    assert time.perf_counter() - t0 < 60
    assert not (tmp_path / "o.xlsx").exists()


def test_calamines_grid_is_checked_before_it_becomes_lists(tmp_path, monkeypatch):
    """The last guard, and the only one for an .xls (not an archive): the grid calamine built is
    refused before ``to_python``. Here with the archive scan switched off and a small limit."""
    monkeypatch.setattr(reader, "check_archive", lambda path, suffix: None)
    monkeypatch.setattr(reader, "MAX_CELLS", 1000)
    path = _xlsx(tmp_path / "p.xlsx", _A1 + f'<row r="100">{_cell("Z100")}</row>')
    with pytest.raises(ReadError) as err:
        read_raw(path)
    assert err.value.code == "sheet-too-large" and "Z100" in err.value.fields["detail"]


def test_overlapping_merges_have_a_budget(tmp_path, monkeypatch):
    """Merged ranges each clipped to the grid, but many of them over it: refused, not looped."""
    merges = '<mergeCells count="3">' + '<mergeCell ref="A1:J10"/>' * 3 + "</mergeCells>"
    _xlsx(tmp_path / "p.xlsx", f'<row r="10">{_cell("J10")}</row>', after=merges)
    monkeypatch.setattr(reader, "MAX_CELLS", 250)
    with pytest.raises(ReadError) as err:
        read_raw(tmp_path / "p.xlsx")
    assert err.value.code == "sheet-too-large" and "merge" in err.value.fields["detail"]


def test_cell_longer_than_excel_allows_is_named(tmp_path):
    rows = _A1 + f'<row r="2"><c r="A2"><v>1</v></c>{_cell("C2", "y" * 40_000)}</row>'
    err = _refused(_xlsx(tmp_path / "p.xlsx", rows), "cell-too-long")
    assert err["cell"] == "C2" and err["row"] == 2 and err["column"] == "C"
    rnd, log = load_round(tmp_path / "p.xlsx", tmp_path / "p.xlsx", EFFECTIVE)
    issue = _only(log, "cell-too-long")
    assert rnd is None and issue.row == 2 and "C2" in issue.message and "32.767" in issue.message


@pytest.mark.parametrize("length", [40_000, 200_000])  # (csv's own limit is 131,072)
def test_csv_cell_too_long(tmp_path, length):
    path = tmp_path / "pegawai.csv"
    path.write_text(f"NIP;Nama\n'{nip(1)};{'y' * length}\n", encoding="utf-8")
    err = _refused(path, "cell-too-long")
    assert err["row"] == 2


def test_csv_wider_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "pegawai.csv"
    path.write_text("NIP;" + ";".join(f"K{j}" for j in range(reader.MAX_COLUMNS + 5)) + "\n", encoding="utf-8")
    _refused(path, "sheet-too-large")


# --- 3. duplicate headers --------------------------------------------------------------------------------


def _sheet_with_headers(path: Path, headers: list[str], rows: list[list[object]], merge: str | None = None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("Pegawai")
    ws.append(headers)
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    jab = wb.create_sheet("Jabatan")
    pos = [position("A1", "Unit A"), position("J00001", "Unit B")]
    jab.append(list(pos[0]))
    for p in pos:
        jab.append(list(p.values()))
    wb.save(path)
    return path


def _person_cells(**override: object) -> dict:
    p = person(1, "A1")
    p.update(override)
    return p


@pytest.mark.parametrize(
    ("second", "canonical"),
    [("Kode Jabatan", "Kode Jabatan"), ("Golongan", "Golongan"), ("GOL/RUANG", "Golongan"), ("nip_baru", "NIP")],
)
def test_a_column_named_twice_is_an_error_naming_both(tmp_path, second, canonical):
    p = _person_cells()
    headers = [*p, second]
    extra = {"Kode Jabatan": "J00001", "Golongan": "IV/a", "GOL/RUANG": "IV/a", "nip_baru": nip(2)}[second]
    path = _sheet_with_headers(tmp_path / "r.xlsx", headers, [[*p.values(), extra]])
    rnd, log = load_round(path, path, EFFECTIVE)
    assert rnd is None
    issue = _only(log, "duplicate-column")
    first_at = reader.column_letter(list(p).index(canonical))
    second_at = reader.column_letter(len(p))
    assert issue.sheet == "Pegawai" and issue.row == 1 and issue.column == second
    assert f"{first_at} '{canonical}'" in issue.message and f"{second_at} '{second}'" in issue.message


def test_a_header_merged_across_two_columns_is_not_a_duplicate(tmp_path):
    """One merged header cell over two columns (Excel shows one header): the first column is read."""
    p = _person_cells()
    headers = [*p, None]
    path = _sheet_with_headers(tmp_path / "r.xlsx", headers, [[*p.values(), "catatan"]], merge="F1:G1")
    assert headers[5] == "Pendidikan"
    rnd, log = load_round(path, path, EFFECTIVE)
    assert "duplicate-column" not in _codes(log) and rnd is not None, [i.to_dict() for i in log.issues]


def test_duplicate_column_through_the_cli(tmp_path):
    p = _person_cells()
    path = _sheet_with_headers(tmp_path / "r.xlsx", [*p, "Kode Jabatan"], [[*p.values(), "J00001"]])
    result = _cli("plan", str(path), str(path), *DATE, "--json", "-o", str(tmp_path / "o.xlsx"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [i["code"] for i in _json_issues(result)] == ["duplicate-column"]


# --- 4. plausibility --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "column", "words"),
    [
        ({"TMT Jabatan": "01-01-1800"}, "TMT Jabatan", "1950"),  # (Excel stores no date before 1900)
        ({"TMT Jabatan": dt.date(1979, 1, 1)}, "TMT Jabatan", "sebelum tanggal lahir"),  # NIP: born 1980
        ({"TMT Jabatan": dt.date(1995, 1, 1)}, "TMT Jabatan", "berusia 14 tahun"),
        ({"Tanggal Lahir": dt.date(2031, 3, 4), "nip": nip(1, birth=dt.date(2001, 3, 4))}, "Tanggal Lahir",
         "setelah tanggal berlaku"),
    ],
)  # fmt: skip
def test_implausible_dates_are_warnings(tmp_path, override, column, words):
    path = _round(tmp_path, [person(1, "A1", **override)])
    rnd, log = load_round(path, path, EFFECTIVE)
    issue = _only(log, "implausible-date")
    assert issue.severity == "warning" and issue.column == column and words in issue.message
    assert issue.row == 2


def test_birth_from_nip_also_counts(tmp_path):
    """Without Tanggal Lahir, the NIP's birth date (2001) makes a TMT in 2010 a nine-year-old's."""
    path = _round(tmp_path, [person(1, "A1", nip=nip(1, birth=dt.date(2001, 3, 4)), **{"TMT Jabatan": dt.date(2010, 1, 1)})])
    rnd, log = load_round(path, path, EFFECTIVE)
    assert "berusia 8 tahun" in _only(log, "implausible-date").message


def test_plausible_dates_give_no_warning(tmp_path):
    path = _round(tmp_path, [person(1, "A1", **{"Tanggal Lahir": dt.date(1980, 5, 17)})])
    rnd, log = load_round(path, path, EFFECTIVE)
    assert rnd is not None and "implausible-date" not in _codes(log)


def test_formasi_above_the_setting_is_a_warning(tmp_path):
    path = _round(tmp_path, positions=[position("A1", "Unit A", Formasi=150)])
    rnd, log = load_round(path, path, EFFECTIVE)
    issue = _only(log, "implausible-number")
    assert rnd is not None and issue.severity == "warning" and issue.column == "Formasi" and "100" in issue.message
    assert int(rnd.positions.at[0, "formasi"]) == 150
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[batas]\nformasi_maks = 200\n", encoding="utf-8")
    rnd, log = load_round(path, path, EFFECTIVE, load_settings(cfg))
    assert rnd is not None and "implausible-number" not in _codes(log)


@pytest.mark.parametrize("formasi", [10_001, 1e9, 1e20, "100000000000000000000"])
def test_impossible_formasi_is_an_error_not_an_overflow(tmp_path, formasi):
    path = _round(tmp_path, positions=[position("A1", "Unit A", Formasi=formasi)])
    rnd, log = load_round(path, path, EFFECTIVE)
    issue = _only(log, "impossible-number")
    assert rnd is None and issue.severity == "error" and "10.000" in issue.message


def test_formasi_1e20_through_the_cli_is_exit_1(tmp_path):
    path = _round(tmp_path, positions=[position("A1", "Unit A", Formasi=1e20)])
    result = _cli("plan", str(path), str(path), *DATE, "--json", "-o", str(tmp_path / "o.xlsx"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "impossible-number" in [i["code"] for i in _json_issues(result)]


@pytest.mark.parametrize(
    "text", ["[batas]\nformasi_maks = 0\n", "[batas]\nformasi_maks = 20000\n", '[batas]\nformasi_maks = "x"\n',
             "[batas]\nformasi = 5\n", "batas = 3\n"],
)  # fmt: skip
def test_bad_batas_is_a_settings_error(tmp_path, text):
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[batas\]|batas"):
        load_settings(cfg)


# --- 5. characters Excel cannot store --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "found"),
    [
        ("Budi Santoso", "Budi Santoso", []),
        ("Budi\x00 Santoso", "Budi Santoso", ["U+0000"]),
        ("Budi _x001B_[31mSantoso", "Budi [31mSantoso", ["_x001B_", "U+001B"]),
        ("_x005F_x001B_", "", ["_x005F_", "_x001B_", "U+001B"]),  # an escaped escape leaves no escape
        ("a\x9b31mb", "a31mb", ["U+009B"]),
        ("baris\r\ndua\tkolom", "baris\r\ndua\tkolom", []),
        ("Siti Ña 中", "Siti Ña 中", []),
    ],
)
def test_clean_text(text, kept, found):
    assert clean_text(text) == (kept, found)


def _csv_round(tmp_path: Path, nama: str, *, nip_text: str | None = None, encoding: str = "utf-8",
               bom: bytes = b"") -> tuple[Path, Path]:  # fmt: skip
    peg, jab = tmp_path / "pegawai.csv", tmp_path / "jabatan.csv"
    text = f"NIP;Nama;Golongan;Kode Jabatan;TMT Jabatan;Pendidikan\n'{nip_text or nip(1)};{nama};III/c;A1;01-06-2020;S1\n"
    peg.write_bytes(bom + text.encode(encoding))
    jab.write_text(
        "Kode Jabatan;Nama Jabatan;Unit Kerja;Jenis Jabatan;Formasi\nA1;Jabatan A1;Unit A;Pelaksana;1\n"
        "B1;Jabatan B1;Unit B;Pelaksana;1\n",
        encoding="utf-8",
    )  # fmt: skip
    return peg, jab


def test_nul_in_a_csv_cell_is_cleaned_with_a_warning(tmp_path):
    peg, jab = _csv_round(tmp_path, "Budi\x00 Santoso")
    rnd, log = load_round(peg, jab, EFFECTIVE)
    issue = _only(log, "control-characters")
    assert rnd is not None and rnd.people.at[0, "nama"] == "Budi Santoso"
    assert issue.severity == "warning" and issue.row == 2 and issue.column == "Nama" and "B2" in issue.message
    assert "U+0000" in issue.message and issue.value == "Budi Santoso"


def test_escape_sequence_in_a_name_validates_and_then_writes(tmp_path):
    """``_x001B_`` in a name: calamine turns it into ESC; cleaned on reading, so the plan is written."""
    path = _round(tmp_path, [person(1, "A1", nama="Budi _x001B_[2JSantoso"), person(2, "A2")],
                  [position("A1", "Unit A"), position("A2", "Unit B"), position("B1", "Unit C")])  # fmt: skip
    rnd, log = load_round(path, path, EFFECTIVE)
    assert rnd is not None and rnd.people.at[0, "nama"] == "Budi [2JSantoso"
    assert _only(log, "control-characters").row == 2
    out = tmp_path / "o.xlsx"
    result = _cli("plan", str(path), str(path), *DATE, "--json", "-o", str(out), "--time-limit", "30", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["output"] and out.exists()


def test_control_character_in_a_key_is_an_error(tmp_path):
    peg, jab = _csv_round(tmp_path, "Budi", nip_text=nip(1)[:9] + "\x1b" + nip(1)[9:])
    rnd, log = load_round(peg, jab, EFFECTIVE)
    issue = _only(log, "control-characters-key")
    assert rnd is None and issue.severity == "error" and issue.column == "NIP" and "A2" in issue.message


def test_control_characters_in_unread_columns_are_cleaned_silently(tmp_path):
    path = _round(tmp_path, [person(1, "A1", Catatan="lihat_x0007_ini")])
    raw = read_raw(path)
    assert raw.sheets["Pegawai"][1][-1] == "lihatini"
    rnd, log = load_round(path, path, EFFECTIVE)
    assert rnd is not None and "control-characters" not in _codes(log)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),  # no BOM: every other byte is NUL
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("cp1252", b""),
    ],
)
def test_csv_encodings_are_read(tmp_path, encoding, bom):
    peg, jab = _csv_round(tmp_path, "Siti Aminah Ñañez", encoding=encoding, bom=bom)
    rnd, log = load_round(peg, jab, EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.issues]
    assert rnd.people.at[0, "nama"] == "Siti Aminah Ñañez" and rnd.people.at[0, "nip"] == nip(1)
    assert "control-characters" not in _codes(log)


def test_broken_utf16_is_a_clear_error(tmp_path):
    peg, jab = tmp_path / "pegawai.csv", _csv_round(tmp_path, "x")[1]
    peg.write_bytes(codecs.BOM_UTF16_LE + "NIP;Nama\n".encode("utf-16-le") + b"\x00")  # odd length
    rnd, log = load_round(peg, jab, EFFECTIVE)
    assert rnd is None and "UTF-16" in _only(log, "unreadable-file").message


def test_nul_csv_and_utf16_csv_through_the_cli(tmp_path):
    """Both were exit 4 (an internal error) before."""
    peg, jab = _csv_round(tmp_path, "Budi\x00 Santoso")
    result = _cli("validate", str(peg), str(jab), *DATE, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [i["code"] for i in json.loads(result.stdout)["issues"]] == ["control-characters"]
    peg, jab = _csv_round(tmp_path, "Siti", encoding="utf-16-le", bom=codecs.BOM_UTF16_LE)
    result = _cli("validate", str(peg), str(jab), *DATE, "--json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["valid"] is True, result.stdout
