"""Random workbooks never make the loader raise: it returns a Round, or errors with a message to read.

Headers come from the alias table plus garbage; cells are ints, floats, dates, datetimes, bools, blanks,
unicode and very long strings, and strings starting with ``=``, ``+``, ``-`` or ``@`` (some written as
formulas); blank rows and title blocks (merged) are sprinkled in. The files are written with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from builders import EFFECTIVE, nip, person, position
from mutasi_cli.inputs.headers import SCHEMAS
from mutasi_cli.inputs.load import load_round

#: MUTASI_FUZZ_EXAMPLES=2000 for a longer hunt (random examples); the default keeps the file within a few
#: seconds and the same examples on every run, so that CI stays deterministic
FUZZ = settings(
    max_examples=int(os.environ.get("MUTASI_FUZZ_EXAMPLES", "50")),
    derandomize="MUTASI_FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# openpyxl refuses the C0 control characters other than tab and newlines; surrogates are not text
_CHARS = st.characters(
    blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
)
_TEXT = st.text(_CHARS, max_size=30)
_CODES = st.sampled_from(["J1", "J2", "J3", "j1", " J2 ", "TETAP"])
_PLAUSIBLE = st.one_of(
    _CODES,
    st.sampled_from(["III/a", "III-A", "3a", "IV/e", "V/z", "IX", "XVIII", "Penata", "Penata Muda (III/a)"]),
    st.sampled_from(["L", "P", "M", "F", "Laki-laki", "X", "S1", "S-1/Sarjana", "SLTA", "D-III", "S9"]),
    st.sampled_from(["Pelaksana", "Fungsional", "Pengawas", "Direktur", "Ahli Pertama", "IV.a", "VI.z", "-"]),
    st.sampled_from(["Aktif", "Dihapus", "Sedang", "Baik", "Unit A", "Unit B", "PPPK", "PNS"]),
    st.sampled_from(["12-01-2019", "12/01/2019", "2019-01-12", "12 Januari 2019", "31-02-2019", "1.98E+17"]),
    st.builds(lambda n, p: nip(n, pppk=p), st.integers(0, 999), st.booleans()),
    st.builds(lambda n: "'" + nip(n), st.integers(0, 999)),
)
_CELLS = st.one_of(
    st.none(),
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 12, 31)),
    st.booleans(),
    _TEXT,
    st.builds(lambda s, n: (s or "x") * n, _TEXT, st.integers(100, 400)),  # very long strings
    st.builds(lambda p, s: p + s, st.sampled_from(["=", "+", "-", "@", "=SUM(", "=A1+"]), _TEXT),
    _PLAUSIBLE,
)


def _headers(schema: str) -> st.SearchStrategy[list[str]]:
    names = [n for canonical, aliases in SCHEMAS[schema].items() for n in (canonical, *aliases)]
    spelled = st.builds(
        lambda n, f: f(n),
        st.sampled_from(names),
        st.sampled_from([str, str.upper, str.lower, lambda s: s.replace(" ", "_"), lambda s: f"  {s} "]),
    )
    return st.lists(st.one_of(spelled, spelled, _TEXT, st.none()), min_size=0, max_size=12)


@st.composite
def _sheet(draw, schema: str) -> dict:
    title = draw(st.lists(st.lists(st.one_of(_TEXT, st.none()), max_size=3), max_size=4))
    headers = draw(_headers(schema))
    width = max(len(headers), 1)
    rows = draw(st.lists(st.one_of(st.just([]), st.lists(_CELLS, max_size=width + 2)), max_size=7))
    return {"title": title, "headers": headers, "rows": rows, "formulas": draw(st.booleans())}


def _write_sheet(ws, sheet: dict) -> None:
    grid = [*sheet["title"], sheet["headers"], *sheet["rows"]]
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str) and not (sheet["formulas"] and value.startswith("=")):
                cell.data_type = "s"
    for r, row in enumerate(sheet["title"], start=1):
        if row:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=max(len(sheet["headers"]), 2))


def _check(rnd, log) -> None:
    if rnd is None:
        assert log.errors, "no Round and no error"
    else:
        assert not log.errors
    for issue in log.issues:
        assert issue.severity in ("error", "warning")
        assert isinstance(issue.message, str) and issue.message.strip(), issue
        assert issue.sheet, issue


@FUZZ
@given(
    st.fixed_dictionaries(
        {"Pegawai": _sheet("Pegawai"), "Jabatan": _sheet("Jabatan")},
        optional={"Kunci": _sheet("Kunci"), "Larangan": _sheet("Larangan"), "Relasi": _sheet("Relasi")},
    ),
    st.booleans(),
)
def test_random_workbooks_never_raise(sheets, one_file):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        if one_file:
            wb = Workbook()
            wb.remove(wb.active)
            for name, sheet in sheets.items():
                _write_sheet(wb.create_sheet(name), sheet)
            wb.save(Path(tmp) / "buku.xlsx")
            paths = [Path(tmp) / "buku.xlsx"] * 2
        else:
            for name in ("Pegawai", "Jabatan"):
                wb = Workbook()
                _write_sheet(wb.active, sheets[name])
                wb.save(Path(tmp) / f"{name}.xlsx")
                paths.append(Path(tmp) / f"{name}.xlsx")
        rnd, log = load_round(paths[0], paths[1], EFFECTIVE)
    _check(rnd, log)


def _valid_tables() -> dict[str, list[list]]:
    positions = [
        position("J1", "Unit A", Formasi=2),
        position("J2", "Unit B"),
        position("J3", "Unit A", jenis="Fungsional"),
    ]
    people = [person(1, "J1"), person(2, "J1", gol="III/a"), person(3, "J2", gol="II/c"), person(4, "J3")]
    out = {}
    for name, rows in (("Pegawai", people), ("Jabatan", positions)):
        headers = list(dict.fromkeys(k for r in rows for k in r))
        out[name] = [headers, *([r.get(h) for h in headers] for r in rows)]
    out["Kunci"] = [["NIP", "Kode Jabatan"], [people[0]["NIP"], "TETAP"]]
    out["Relasi"] = [["NIP 1", "NIP 2"], [people[0]["NIP"], people[2]["NIP"]]]
    return out


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Pegawai", "Jabatan", "Kunci", "Relasi"]),
            st.integers(0, 20),
            st.integers(0, 12),
            _CELLS,
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 4),
    st.lists(st.integers(1, 6), max_size=3),
)
def test_damaged_valid_workbook_never_raises_and_points_at_real_cells(damage, title_rows, blank_at):
    """A valid round with a few cells replaced: issues name a row that exists and a header that is written."""
    tables = _valid_tables()
    for sheet, r, c, value in damage:
        grid = tables[sheet]
        r %= len(grid)
        row = grid[r]
        row.extend([None] * (c + 1 - len(row)))
        row[c] = value
    for sheet, grid in tables.items():
        for at in sorted(blank_at, reverse=True):
            if at < len(grid):
                grid.insert(at, [])
        tables[sheet] = [["DAFTAR NOMINATIF"]] * title_rows + [[]] * bool(title_rows) + grid
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "buku.xlsx"
        wb = Workbook()
        wb.remove(wb.active)
        for name, grid in tables.items():
            _write_sheet(
                wb.create_sheet(name), {"title": [], "headers": grid[0], "rows": grid[1:], "formulas": False}
            )
        wb.save(path)
        rnd, log = load_round(path, path, EFFECTIVE)
    _check(rnd, log)
    for issue in log.issues:
        if issue.sheet not in tables or issue.row is None:
            continue
        grid = tables[issue.sheet]
        assert 1 <= issue.row <= len(grid), issue
        assert any(
            v is not None and not (isinstance(v, str) and not v.strip()) for v in grid[issue.row - 1]
        ), issue
        if issue.column is not None:
            written = {str(h).strip() for row in grid for h in row if isinstance(h, str)}
            assert issue.column in written, issue
