"""Reading: .xlsx and .csv, one workbook or two files, header aliases, dates and golongan spellings."""

import datetime as dt

import pandas as pd

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.inputs.load import load_round


def _people_positions():
    positions = [position("V", "Unit B", Prioritas=1), position("PA", "Unit A"), position("PB", "Unit C")]
    people = [person(1, "PA", years=6), person(2, "PB", years=6, gol="3-c")]
    return people, positions


def test_two_csv_files_semicolon_latin1(tmp_path):
    people, positions = _people_positions()
    peg = pd.DataFrame(people)
    peg["TMT Jabatan"] = [d.strftime("%d-%m-%Y") for d in peg["TMT Jabatan"]]
    peg["Nama"] = ["Siti Aminah", "Ma'ruf Hasibuan é"]
    peg.to_csv(tmp_path / "pegawai.csv", sep=";", index=False, encoding="latin-1")
    pd.DataFrame(positions).to_csv(tmp_path / "jabatan.csv", index=False)
    rnd, log = load_round(tmp_path / "pegawai.csv", tmp_path / "jabatan.csv", EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.issues]
    assert list(rnd.people["nip"]) == [p["NIP"] for p in people]
    assert list(rnd.people["golongan"]) == ["III/c", "III/c"]
    assert rnd.people.at[1, "nama"] == "Ma'ruf Hasibuan é"
    assert rnd.people.at[0, "tmt"] == people[0]["TMT Jabatan"]


def test_separate_workbooks_first_sheet_and_aliases(tmp_path):
    people, positions = _people_positions()
    renamed = [
        {"NIP_BARU": "'" + p["NIP"], "nama": p["Nama"], "GOL AKHIR NAMA": p["Golongan"], "kode jabatan": p["Kode Jabatan"],
         "TMT_JABATAN": p["TMT Jabatan"].isoformat(), "Unknown Column": "x"}
        for p in people
    ]  # fmt: skip
    from openpyxl import Workbook

    for name, rows in (("peg.xlsx", renamed), ("jab.xlsx", positions)):
        wb = Workbook()
        ws = wb.active
        ws.title = "Data"
        ws.append(list(rows[0]))
        for r in rows:
            ws.append(list(r.values()))
        wb.save(tmp_path / name)
    rnd, log = load_round(tmp_path / "peg.xlsx", tmp_path / "jab.xlsx", EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.issues]
    assert list(rnd.people["nip"]) == [p["NIP"] for p in people]


def test_one_workbook_needs_both_named_sheets(tmp_path):
    people, positions = _people_positions()
    wb = write_workbook(tmp_path / "w.xlsx", people, positions)
    from openpyxl import load_workbook

    book = load_workbook(wb)
    book["Jabatan"].title = "Posisi"
    book.save(wb)
    rnd, log = load_round(wb, wb, EFFECTIVE)
    assert rnd is None
    assert [(i.code, i.sheet) for i in log.errors] == [("missing-sheet", "Jabatan")]


def test_unsupported_and_missing_files(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    _, log = load_round(tmp_path / "a.pdf", tmp_path / "none.xlsx", EFFECTIVE)
    assert {i.code for i in log.errors} == {"unsupported-format", "file-not-found"}


def test_every_problem_collected_with_excel_rows(tmp_path):
    people, positions = _people_positions()
    people[0]["Golongan"] = "V/z"
    people[1]["TMT Jabatan"] = "kemarin"
    positions[1]["Jenis Jabatan"] = "Direktur"
    positions.append(dict(positions[2]))  # duplicate code PB at row 5
    wb = write_workbook(tmp_path / "bad.xlsx", people, positions)
    _, log = load_round(wb, wb, EFFECTIVE)
    found = {(i.code, i.sheet, i.row, i.column) for i in log.errors}
    assert ("invalid-jenis-jabatan", "Jabatan", 3, "Jenis Jabatan") in found
    assert ("duplicate-code", "Jabatan", 5, "Kode Jabatan") in found
    assert ("invalid-golongan", "Pegawai", 2, "Golongan") in found
    assert ("invalid-date", "Pegawai", 3, "TMT Jabatan") in found
    assert len(found) == 4


def test_impossible_date_is_called_impossible(tmp_path):
    people, positions = _people_positions()
    people[0]["TMT Jabatan"] = "31-02-2020"  # in the form dd-mm-yyyy, but no such day
    people[1]["Tanggal Lahir"] = "1980-13-05"
    wb = write_workbook(tmp_path / "d.xlsx", people, positions)
    _, log = load_round(wb, wb, EFFECTIVE)
    found = {(i.code, i.row, i.column): i.message for i in log.errors}
    assert set(found) == {("impossible-date", 2, "TMT Jabatan"), ("impossible-date", 3, "Tanggal Lahir")}
    assert "Februari 2020 hanya sampai tanggal 29" in found[("impossible-date", 2, "TMT Jabatan")]
    assert "tidak dapat dibaca" not in " ".join(found.values())


def test_a_missing_column_leaves_the_other_columns_and_sheets_checked(tmp_path):
    people, positions = _people_positions()
    for p in people:
        del p["TMT Jabatan"]
    people[1]["Golongan"] = "V/z"
    wb = write_workbook(tmp_path / "c.xlsx", people, positions, Kunci=[{"NIP": "123", "Kode Jabatan": "PA"}])
    rnd, log = load_round(wb, wb, EFFECTIVE)
    assert rnd is None
    found = {(i.code, i.sheet, i.row) for i in log.errors}
    assert found == {("missing-column", "Pegawai", None), ("invalid-golongan", "Pegawai", 3), ("invalid-nip", "Kunci", 2)}


def test_an_unreadable_file_leaves_the_other_checked(tmp_path):
    people, positions = _people_positions()
    positions[1]["Jenis Jabatan"] = "Direktur"
    jab = write_workbook(tmp_path / "jabatan.xlsx", [], positions)
    _, log = load_round(tmp_path / "tidak_ada.xlsx", jab, EFFECTIVE)
    assert {(i.code, i.sheet) for i in log.errors} == {
        ("file-not-found", "tidak_ada.xlsx"), ("invalid-jenis-jabatan", "Jabatan"),
    }  # fmt: skip


def test_excel_serial_dates_and_words(tmp_path):
    people, positions = _people_positions()
    people[0]["TMT Jabatan"] = "12 Januari 2019"
    people[1]["TMT Jabatan"] = 43477  # 12-01-2019 as an Excel serial number
    wb = write_workbook(tmp_path / "d.xlsx", people, positions)
    rnd, log = load_round(wb, wb, EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.issues]
    assert list(rnd.people["tmt"]) == [dt.date(2019, 1, 12)] * 2
