"""`mutasi diff A.xlsx B.xlsx`: added, dropped and changed moves between two real plan workbooks."""

import json

import openpyxl
from typer.testing import CliRunner

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.compare import diff_plans

runner = CliRunner()
DATE = ["--effective-date", EFFECTIVE.isoformat()]


def _plan(tmp_path):
    positions = [
        position("V1", "Unit B", Prioritas=1),
        position("V2", "Unit C", Prioritas=1),
        position("PA", "Unit A"),
        position("PB", "Unit A"),
        position("PC", "Unit D"),
    ]
    people = [
        person(1, "PA", years=6, nama="Siti Aminah & Ma'ruf"),
        person(2, "PB", years=6),
        person(3, "PC", years=6),
    ]
    wb = write_workbook(tmp_path / "round.xlsx", people, positions)
    out = tmp_path / "a.xlsx"
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "-q", *DATE])
    assert result.exit_code == 0, result.output
    return out


def _edit(src, dst, fn):
    book = openpyxl.load_workbook(src)
    fn(book["Daftar Mutasi"])
    book.save(dst)


def test_diff_finds_added_dropped_and_changed(tmp_path):
    a = _plan(tmp_path)
    rows = list(openpyxl.load_workbook(a)["Daftar Mutasi"].iter_rows(min_row=2, values_only=True))
    assert len(rows) >= 2
    header = [c.value for c in openpyxl.load_workbook(a)["Daftar Mutasi"][1]]
    kode_baru = header.index("Kode Jabatan Baru") + 1
    b = tmp_path / "b.xlsx"

    def change(ws):
        first_target = ws.cell(row=2, column=kode_baru).value
        ws.cell(row=2, column=kode_baru).value = "PC" if first_target != "PC" else "V1"  # changed
        ws.delete_rows(3)  # dropped

    _edit(a, b, change)
    d = diff_plans(a, b)
    assert d.counts() == {
        "moves_a": len(rows), "moves_b": len(rows) - 1, "same": len(rows) - 2, "added": 0, "dropped": 1,
        "changed": 1,
    }  # fmt: skip
    assert d.dropped["NIP"].tolist() == [rows[1][1]]
    assert d.changed["NIP"].tolist() == [rows[0][1]]
    # B against A: the dropped move is an added one
    assert diff_plans(b, a).counts()["added"] == 1

    out = tmp_path / "perbandingan.xlsx"
    result = runner.invoke(app, ["diff", str(a), str(b), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["changed"] == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Perbandingan", "Ditambah", "Dihapus", "Berbeda"]
    dropped = list(book["Dihapus"].iter_rows(min_row=2, values_only=True))
    assert dropped[0][0] == rows[1][1] and book["Dihapus"]["A2"].data_type == "s"
    names = {r[1] for s in ("Dihapus", "Berbeda") for r in book[s].iter_rows(min_row=2, values_only=True)}
    assert names == {rows[0][2], rows[1][2]}  # names (incl. "Siti Aminah & Ma'ruf") exactly as in the plan


def test_identical_plans_have_no_difference(tmp_path):
    a = _plan(tmp_path)
    result = runner.invoke(app, ["diff", str(a), str(a)])
    assert result.exit_code == 0, result.output
    assert "Sama di kedua rencana" in result.stdout
    d = diff_plans(a, a)
    assert (len(d.added), len(d.dropped), len(d.changed)) == (0, 0, 0)


def test_diff_of_a_broken_plan_exits_1(tmp_path):
    a = _plan(tmp_path)
    bad = tmp_path / "rusak.xlsx"
    bad.write_text("bukan buku kerja", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(a), str(bad)])
    assert result.exit_code == 1
    assert "rusak.xlsx" in result.output and "Traceback" not in result.output
