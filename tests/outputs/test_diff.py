"""`mutasi diff A.xlsx B.xlsx`: added, dropped and changed moves between two real plan workbooks."""

import json

import openpyxl
from typer.testing import CliRunner

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.outputs.compare import diff_plans

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


def _plan_of_four(tmp_path):
    """Four due people, each alone in a unit, and four vacant Prioritas-1 places: four moves."""
    positions = [position(f"V{i}", f"Unit V{i}", Prioritas=1) for i in range(1, 5)]
    positions += [position(f"P{i}", f"Unit P{i}") for i in range(1, 5)]
    people = [person(i, f"P{i}", years=6) for i in range(1, 5)]
    wb = write_workbook(tmp_path / "round4.xlsx", people, positions)
    out = tmp_path / "a4.xlsx"
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
        "rejected": 0, "deleted": 1, "changed": 1, "keterangan_changed": 0,
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
    assert book.sheetnames == [
        "Perbandingan",
        "Ditambah",
        "Ditolak",
        "Dihapus",
        "Berbeda",
        "Keterangan Diubah",
    ]
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


def test_diff_tells_rejected_from_deleted_and_reports_keterangan(tmp_path):
    """The review: row 2 marked Setuju = Tidak, row 3 deleted, row 4's Keterangan edited; the terminal,
    the -o workbook and --json all tell them apart."""
    a = _plan_of_four(tmp_path)
    ws_a = openpyxl.load_workbook(a)["Daftar Mutasi"]
    header = [c.value for c in ws_a[1]]
    rows = list(ws_a.iter_rows(min_row=2, values_only=True))
    assert len(rows) >= 3
    nip, nama, ket = header.index("NIP"), header.index("Nama"), header.index("Keterangan")
    b = tmp_path / "ditelaah.xlsx"
    edited = "Mengisi kebutuhan formasi; Sesuai pilihan pegawai"
    assert rows[2][ket] != edited

    def review(ws):
        setuju = len(header) + 1
        ws.cell(row=1, column=setuju).value = "Setuju"
        ws.cell(row=2, column=setuju).value = "Tidak"
        ws.cell(row=4, column=ket + 1).value = edited
        ws.delete_rows(3)

    _edit(a, b, review)
    d = diff_plans(a, b)
    counts = d.counts()
    assert (counts["rejected"], counts["deleted"], counts["dropped"]) == (1, 1, 2)
    assert counts["keterangan_changed"] == 1 and counts["changed"] == 0 and counts["added"] == 0
    assert counts["moves_b"] == len(rows) - 2 and counts["same"] == len(rows) - 2
    assert d.rejected["NIP"].tolist() == [rows[0][nip]] and d.rejected["Baris di B"].tolist() == [2]
    assert d.deleted["NIP"].tolist() == [rows[1][nip]] and d.deleted["Baris di A"].tolist() == [3]
    assert d.keterangan[["NIP", "Keterangan (A)", "Keterangan (B)"]].values.tolist() == [
        [rows[2][nip], rows[2][ket], edited]
    ]

    result = runner.invoke(app, ["diff", str(a), str(b)])
    assert result.exit_code == 0, result.output
    for title in ("Ditolak di B (Setuju = Tidak)", "Barisnya dihapus dari B", "Keterangan diubah"):
        assert title in result.stdout
    assert "Hanya di A (dihapus)" not in result.stdout

    out = tmp_path / "perbandingan.xlsx"
    result = runner.invoke(app, ["diff", str(a), str(b), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("rejected", "deleted", "keterangan_changed")} == {
        "rejected": 1, "deleted": 1, "keterangan_changed": 1,
    }  # fmt: skip
    assert data == d.counts() | {"output": str(out)}
    book = openpyxl.load_workbook(out)
    summary = {r[0]: r[1] for r in book["Perbandingan"].iter_rows(values_only=True)}
    assert summary["  ditolak di B (Setuju = Tidak)"] == 1 and summary["  barisnya dihapus dari B"] == 1
    assert summary["Di keduanya, Keterangan diubah"] == 1
    rejected = list(book["Ditolak"].iter_rows(min_row=2, values_only=True))
    deleted = list(book["Dihapus"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rejected] == [rows[0][nip]] and [r[0] for r in deleted] == [rows[1][nip]]
    assert rejected[0][1] == rows[0][nama]
    ket_rows = list(book["Keterangan Diubah"].iter_rows(min_row=2, values_only=True))
    assert ket_rows[0][0] == rows[2][nip] and ket_rows[0][5] == edited
