"""mutasi.toml (weights, column mappings) and `mutasi validate -o masalah.xlsx`."""

import hashlib
import json

import openpyxl
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, make_round, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.inputs.load import load_round
from mutasi_cli.inputs.settings import Settings, SettingsError, Weights, load_settings
from mutasi_cli.solve.planner import plan

runner = CliRunner()
DATE = ["--effective-date", EFFECTIVE.isoformat()]


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_weights_and_columns_are_read(tmp_path):
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(
        '[bobot]\njurusan = 7\npilihan = [9, 1, 0]\ndekat_km = 10\n\n[kolom.pegawai]\n"NIP/NRP" = "nip"\n',
        encoding="utf-8",
    )
    s = load_settings(cfg)
    assert s.weights == Weights(jurusan=7, pilihan=(9, 1, 0), dekat_km=10.0)
    assert s.columns == {"Pegawai": {"NIP/NRP": "NIP"}}
    assert s.source == cfg


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("[bobot\n", "tidak dapat dibaca"),
        ("[bobot]\nwarna = 2\n", "'warna' tidak dikenal"),
        ("[bobot]\njurusan = -1\n", "bilangan bulat ≥ 0"),
        ("[bobot]\npilihan = [1, 2]\n", "tiga bilangan bulat"),
        ('[kolom.gaji]\n"X" = "NIP"\n', "[kolom.gaji] tidak dikenal"),
        ('[kolom.pegawai]\n"X" = "Gaji"\n', "kolom baku 'Gaji' tidak dikenal"),
        ("[lain]\n", "[lain] tidak dikenal"),
    ],
)
def test_bad_settings_are_named(tmp_path, text, fragment):
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings(cfg)
    assert fragment in str(err.value) and str(cfg) in str(err.value)


def test_bad_settings_exit_1_with_message(tmp_path):
    wb = write_workbook(tmp_path / "r.xlsx", [person(1, "A")], [position("A", "Unit A")])
    cfg = tmp_path / "x.toml"
    cfg.write_text("[bobot]\nskp = 'tinggi'\n", encoding="utf-8")
    result = runner.invoke(app, ["plan", str(wb), str(wb), "--config", str(cfg), *DATE])
    assert result.exit_code == 1
    assert "skp" in result.output and "Traceback" not in result.output


def test_weights_change_the_plan():
    """One wish worth more than every other point moves the person to the unit they wished for."""
    positions = [position("A", "Unit A"), position("B", "Unit B"), position("C", "Unit C")]
    people = [person(1, "A", years=6, **{"Pilihan 1": "Unit C"})]
    default = plan(make_round(people, positions), time_limit=30)
    rnd = make_round(people, positions)
    rnd.weights = Weights(pilihan=(0, 0, 0))
    no_wishes = plan(rnd, time_limit=30)
    kode = rnd.positions["kode"].tolist()
    assert kode[int(default.final[0])] == "C"  # due, moved, to the wish
    assert default.levels[3] - no_wishes.levels[3] == Weights().pilihan[0]


def test_column_mapping_reads_a_local_header(tmp_path):
    people = [person(1, "A")]
    for p in people:
        p["NIP/NRP"] = p.pop("NIP")
    wb = write_workbook(tmp_path / "r.xlsx", people, [position("A", "Unit A")])
    rnd, log = load_round(wb, wb, EFFECTIVE)
    assert rnd is None and [i.code for i in log.errors] == ["missing-column"]
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text('[kolom.pegawai]\n"NIP/NRP" = "NIP"\n', encoding="utf-8")
    rnd, log = load_round(wb, wb, EFFECTIVE, load_settings(cfg))
    assert rnd is not None, log.errors
    assert rnd.people["nip"].tolist() == [people[0]["NIP/NRP"]]


def test_parameter_sheet_shows_the_settings(tmp_path):
    wb = write_workbook(tmp_path / "r.xlsx", [person(1, "A")], [position("A", "Unit A")])
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[bobot]\ndiklat = 11\n", encoding="utf-8")
    out = tmp_path / "hasil.xlsx"
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "--config", str(cfg), "-q", *DATE])
    assert result.exit_code == 0, result.output
    rows = dict(r[:2] for r in openpyxl.load_workbook(out)["Parameter"].iter_rows(values_only=True))
    assert rows["Bobot: diklat dimiliki"] == 11
    assert rows["Pengaturan: berkas pengaturan"] == str(cfg)


def test_validate_writes_problems_beside_the_cells(tmp_path):
    people = [person(1, "A"), person(2, "A", gol="IX/z"), person(3, "NOPE")]
    wb = write_workbook(tmp_path / "r.xlsx", people, [position("A", "Unit A", Formasi=3)])
    before = hashlib.sha256(wb.read_bytes()).hexdigest()
    out = tmp_path / "masalah.xlsx"
    result = runner.invoke(app, ["validate", str(wb), str(wb), "-o", str(out), "--json", *DATE])
    assert result.exit_code == 1
    issues = json.loads(result.stdout)["issues"]
    assert hashlib.sha256(wb.read_bytes()).hexdigest() == before
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Masalah"
    listed = list(book["Masalah"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in listed] == [(i["code"], i["row"]) for i in issues]
    copy = book["Pegawai (asli)"]
    header = [c.value for c in copy[1]]
    assert header[-1] == "Masalah"
    gol = header.index("Golongan") + 1
    bad = copy.cell(row=3, column=gol)
    assert bad.value == "IX/z" and bad.comment is not None and "invalid-golongan" in bad.comment.text
    assert bad.fill.fgColor.rgb.endswith("F8CBAD")
    assert "Kode Jabatan 'NOPE'" in copy.cell(row=4, column=len(header)).value
    assert copy.cell(row=2, column=len(header)).value is None  # a clean row has no note


def test_problems_workbook_keeps_formula_like_text(tmp_path):
    people = [person(1, "A", nama="=SUM(A1) & Ma'ruf <Budi>", gol="X/x")]
    wb = write_workbook(tmp_path / "r.xlsx", people, [position("A", "Unit A")])
    out = tmp_path / "masalah.xlsx"
    result = runner.invoke(app, ["validate", str(wb), str(wb), "-o", str(out), *DATE])
    assert result.exit_code == 1
    book = openpyxl.load_workbook(out)
    copy = book["Pegawai (asli)"]
    cells = [c for row in copy.iter_rows() for c in row if c.value == "=SUM(A1) & Ma'ruf <Budi>"]
    assert cells and all(c.data_type == "s" for c in cells)
    for ws in book:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
