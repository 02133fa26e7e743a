"""The command line through Typer's CliRunner: exit codes, --json, help, messages."""

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.cli import app

runner = CliRunner()
DATE = ["--effective-date", EFFECTIVE.isoformat()]


def chain_round(tmp_path, **extra_sheets):
    positions = [position("V", "Unit B", Prioritas=1), position("PA", "Unit A"), position("PB", "Unit C")]
    people = [person(1, "PA", years=6, nama="=Siti Aminah & Ma'ruf <Budi>"), person(2, "PB", years=6)]
    return write_workbook(tmp_path / "round.xlsx", people, positions, **extra_sheets)


def test_every_command_has_help():
    for command in ("plan", "validate", "sample"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Penggunaan:" in result.output and "Usage" not in result.output


def test_plan_json_matches_workbook(tmp_path):
    wb = chain_round(tmp_path)
    out = tmp_path / "hasil.xlsx"
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "--json", *DATE])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "optimal"
    assert (data["moves"], data["due"], data["due_moved"], data["unplaced"]) == (2, 2, 2, 0)
    assert (data["priority1_places"], data["priority1_filled"]) == (1, 1)
    assert data["output"] == str(out)
    # CONTRACT.md --json: every field, with its type
    assert set(data) == {
        "status", "output", "moves", "due", "due_moved", "unplaced", "priority1_places", "priority1_filled",
        "seconds", "gap", "fallback", "freeze",
    }  # fmt: skip
    assert data["fallback"] is False and (data["gap"] is None or 0 <= data["gap"] <= 1e-3)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Ringkasan",
        "Daftar Mutasi",
        "Penjelasan",
        "Lampiran SK",
        "Lowongan",
        "Tidak Dimutasi",
        "Kebutuhan Diklat",
        "Parameter",
        "Arus Mutasi",
    ]
    rows = list(book["Daftar Mutasi"].iter_rows(values_only=True))
    assert len(rows) - 1 == data["moves"]
    names = {r[2] for r in rows[1:]}
    assert "=Siti Aminah & Ma'ruf <Budi>" in names
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    nip_cells = [r[1] for r in book["Daftar Mutasi"].iter_rows(min_row=2)]
    assert all(c.data_type == "s" and len(c.value) == 18 for c in nip_cells)


def test_plan_highs_same_levels(tmp_path):
    wb = chain_round(tmp_path)
    res = [
        json.loads(
            runner.invoke(
                app,
                ["plan", str(wb), str(wb), "-o", str(tmp_path / f"{s}.xlsx"), "--json", "--solver", s, *DATE],
            ).stdout
        )
        for s in ("cbc", "highs")
    ]
    keys = ("unplaced", "priority1_filled", "due_moved")
    assert [r[k] for k in keys for r in res[:1]] == [r[k] for k in keys for r in res[1:]]


def test_invalid_input_exit_1_names_row(tmp_path):
    positions = [position("PA", "Unit A")]
    people = [person(1, "PA"), person(2, "XX"), {**person(3, "PA"), "NIP": "123"}]
    wb = write_workbook(tmp_path / "bad.xlsx", people, positions)
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(tmp_path / "o.xlsx"), "--json", *DATE])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    found = {(i["code"], i["sheet"], i["row"], i["column"]) for i in data["issues"]}
    assert ("unknown-position", "Pegawai", 3, "Kode Jabatan") in found
    assert ("invalid-nip", "Pegawai", 4, "NIP") in found
    assert not (tmp_path / "o.xlsx").exists()


def test_validate_json_and_exit_codes(tmp_path):
    wb = chain_round(tmp_path)
    ok = runner.invoke(app, ["validate", str(wb), str(wb), "--json", *DATE])
    assert ok.exit_code == 0 and json.loads(ok.stdout) == {"valid": True, "issues": []}
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.xlsx"), str(wb), "--json"])
    assert missing.exit_code == 1
    assert json.loads(missing.stdout)["issues"][0]["code"] == "file-not-found"


def test_usage_errors_exit_2(tmp_path):
    wb = chain_round(tmp_path)
    assert runner.invoke(app, ["plan", str(wb), str(wb), "--effective-date", "2026-13-40"]).exit_code == 2
    assert runner.invoke(app, ["plan", str(wb), str(wb), "--solver", "gurobi"]).exit_code == 2
    assert runner.invoke(app, ["plan", str(wb)]).exit_code == 2


def test_infeasible_exit_3(tmp_path):
    # Kunci moves person 1 into V, whose only place is held by someone under two years in post.
    positions = [position("V", "Unit B"), position("PA", "Unit A")]
    people = [person(1, "PA", years=6), person(2, "V", years=1)]
    wb = write_workbook(
        tmp_path / "k.xlsx", people, positions, Kunci=[{"NIP": people[0]["NIP"], "Kode Jabatan": "V"}]
    )
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(tmp_path / "o.xlsx"), "--json", *DATE])
    assert result.exit_code == 3, result.output
    assert json.loads(result.stdout)["status"] == "infeasible"
    assert "V" in result.stderr


def test_internal_error_exit_4_without_traceback(tmp_path, monkeypatch):
    import mutasi_cli.workflow as workflow

    def boom(*a, **k):
        raise RuntimeError("uji")

    monkeypatch.setattr(workflow, "plan", boom)
    wb = chain_round(tmp_path)
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(tmp_path / "o.xlsx"), *DATE])
    assert result.exit_code == 4
    assert "Traceback" not in result.output and "uji" in result.stderr


@pytest.mark.parametrize("flag", ["--quiet", "--json"])
def test_quiet_and_json_print_nothing_else(tmp_path, flag):
    wb = chain_round(tmp_path)
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(tmp_path / "o.xlsx"), flag, *DATE])
    assert result.exit_code == 0
    if flag == "--quiet":
        assert result.stdout == ""
    else:
        json.loads(result.stdout)


def test_lampiran_sk_and_print_layout(tmp_path):
    wb = chain_round(tmp_path)
    out = tmp_path / "hasil.xlsx"
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "-q", *DATE])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    moves = list(book["Daftar Mutasi"].iter_rows(min_row=2, values_only=True))
    ws = book["Lampiran SK"]
    assert [c.value for c in ws[6][:6]] == [
        "NO", "NAMA / NIP", "PANGKAT/GOL. RUANG", "JABATAN LAMA", "JABATAN BARU", "KETERANGAN",
    ]  # fmt: skip
    assert [c.value for c in ws[7][:6]] == [1, 2, 3, 4, 5, 6]
    rows = [r for r in ws.iter_rows(min_row=8, max_col=6, values_only=True) if isinstance(r[0], int)]
    assert len(rows) == len(moves)
    for i, ((no, nama_nip, _, lama, baru, _), move) in enumerate(zip(rows, moves), start=1):
        assert no == i
        assert nama_nip == f"{move[2]}\nNIP. {move[1]}"  # name and the whole NIP, as text
        assert lama.endswith(f"pada {move[6]}") and baru.endswith(f"pada {move[9]}")  # the unit inside
    assert any("=Siti Aminah & Ma'ruf <Budi>" in r[1] for r in rows)
    for name in book.sheetnames:
        sheet = book[name]
        assert (
            sheet.page_setup.orientation == "landscape"
            and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        )
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert "&P" in sheet.oddFooter.center.text
    assert book["Lampiran SK"].print_title_rows == "$6:$7"
    assert book["Daftar Mutasi"].print_title_rows == "$1:$1" and book["Daftar Mutasi"].auto_filter.ref
    assert book["Daftar Mutasi"].freeze_panes == "A2"
    ring = [r[0] for r in book["Ringkasan"].iter_rows(values_only=True)]
    for title in ("Per unit kerja", "Per golongan", "Per jenis kelamin"):
        assert title in ring
    flow = [r[0] for r in book["Arus Mutasi"].iter_rows(values_only=True)]  # a sheet of its own
    assert any(isinstance(t, str) and t.startswith("Arus mutasi antarunit") for t in flow)
    assert not any(isinstance(t, str) and t.startswith("Arus mutasi antarunit") for t in ring)
    assert book["Ringkasan"]._charts


# --- validate lists every problem; plan on invalid input; --effective-date (issue 15, item 8) --------


def every_sheet_round(tmp_path, *, broken: bool):
    """Problems in every sheet; ``broken`` False: the same round with every error mended (its warnings
    stay: two people in PA's one place, a Sedang sanction without dates)."""
    from builders import nip

    positions = [position("PA", "Unit A"), position("PB", "Unit B"), position("PC", "Unit C"),
                 position("PX", "Unit C", jenis="Direktur" if broken else "Pelaksana")]  # fmt: skip
    people = [
        person(1, "PA"),
        person(2, "PA"),
        person(3, "PB", nip="123" if broken else None),
        person(4, "PC", **{"TMT Jabatan": "31-02-2020" if broken else "28-02-2020"}),
        person(5, "PB", **{"Hukuman Disiplin": "Sedang"}),
    ]
    one = nip(1)
    return write_workbook(
        tmp_path / ("bad.xlsx" if broken else "good.xlsx"), people, positions,
        Kunci=[{"NIP": "1980" if broken else nip(4), "Kode Jabatan": "PA"}, {"NIP": one, "Kode Jabatan": "ZZ" if broken else "TETAP"}],
        Larangan=[{"NIP": one, "Unit Kerja": "Unit Tidak Ada" if broken else "Unit B"}],
        Relasi=[{"NIP 1": one, "NIP 2": one if broken else nip(2), "Hubungan": "Suami-istri"}],
    )  # fmt: skip


def test_validate_lists_every_error_and_every_warning(tmp_path):
    bad = every_sheet_round(tmp_path, broken=True)
    result = runner.invoke(app, ["validate", str(bad), str(bad), "--json", *DATE])
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)["issues"]
    errors = {(i["code"], i["sheet"], i["row"]) for i in issues if i["severity"] == "error"}
    assert errors == {
        ("invalid-jenis-jabatan", "Jabatan", 5),
        ("invalid-nip", "Pegawai", 4),
        ("impossible-date", "Pegawai", 5),
        ("invalid-nip", "Kunci", 2),
        ("unknown-code-ref", "Kunci", 3),
        ("unknown-unit-ref", "Larangan", 2),
        ("relasi-self", "Relasi", 2),
    }
    good = every_sheet_round(tmp_path, broken=False)
    clean_run = runner.invoke(app, ["validate", str(good), str(good), "--json", *DATE])
    assert clean_run.exit_code == 0, clean_run.output
    clean_warnings = {(i["code"], i["sheet"], i["row"]) for i in json.loads(clean_run.stdout)["issues"]}
    assert ("overstaffed", "Jabatan", 2) in clean_warnings and ("hukuman-no-dates", "Pegawai", 6) in clean_warnings
    warnings = {(i["code"], i["sheet"], i["row"]) for i in issues if i["severity"] == "warning"}
    assert warnings == clean_warnings  # errors elsewhere hide no warning
    impossible = next(i for i in issues if i["code"] == "impossible-date")
    assert "tidak ada" in impossible["message"] and "Februari 2020 hanya sampai tanggal 29" in impossible["message"]
    assert "dd-mm-yyyy" not in impossible["message"]


def test_validate_one_line_per_problem_outside_a_terminal(tmp_path):
    bad = every_sheet_round(tmp_path, broken=True)
    result = runner.invoke(app, ["validate", str(bad), str(bad), *DATE])
    data = json.loads(runner.invoke(app, ["validate", str(bad), str(bad), "--json", *DATE]).stdout)["issues"]
    lines = result.stdout.splitlines()
    assert len(lines) == len(data) + 1 and lines[-1] == "7 galat, 3 peringatan."
    assert not any(ch in result.stdout for ch in "┃│┏")  # no table
    assert "Galat: Pegawai baris 4, kolom 'NIP': NIP '123' tidak sah" in result.stdout
    assert lines[3].startswith("Galat: ") and lines[-2].startswith("Peringatan: ")  # errors first
    for issue in data:
        assert any(line.endswith(f"[{issue['code']}]") for line in lines), issue


def test_validate_missing_file_still_checks_the_other_and_says_the_path_once(tmp_path):
    bad = every_sheet_round(tmp_path, broken=True)
    missing = tmp_path / "nope.xlsx"
    result = runner.invoke(app, ["validate", str(missing), str(bad), "--json", *DATE])
    codes = {i["code"] for i in json.loads(result.stdout)["issues"]}
    assert {"file-not-found", "invalid-jenis-jabatan"} <= codes  # the readable file's Jabatan is checked
    lines = runner.invoke(app, ["validate", str(missing), str(bad), *DATE]).stdout.splitlines()
    first = next(line for line in lines if "[file-not-found]" in line)
    assert first.count("nope.xlsx") == 1, first
    result = runner.invoke(app, ["sk", str(missing), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 1 and result.stderr.count("nope.xlsx") == 1, result.stderr


def test_plan_on_invalid_input_lists_errors_and_counts_warnings(tmp_path):
    bad = every_sheet_round(tmp_path, broken=True)
    result = runner.invoke(app, ["plan", str(bad), str(bad), "-o", str(tmp_path / "o.xlsx"), *DATE])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sum(line.startswith("Galat: ") for line in lines) == 7
    assert not any(line.startswith("Peringatan: ") for line in lines) and "┃" not in result.stderr
    assert "7 galat pada data masukan; rencana tidak disusun." in lines
    assert any("3 peringatan" in line and "mutasi validate" in line for line in lines), lines
    assert len(lines) == 9


@pytest.mark.parametrize("written", ["01-12-2026", "01/12/2026", "2026-12-01", "1 Desember 2026", "1 Des 2026"])
def test_effective_date_in_the_forms_of_the_cells(tmp_path, written):
    from mutasi_cli.cli import _parse_date

    assert _parse_date(written) == EFFECTIVE
    wb = chain_round(tmp_path)
    result = runner.invoke(app, ["validate", str(wb), str(wb), "--json", "--effective-date", written])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "written,said",
    [("31-02-2027", "Februari 2027 hanya sampai tanggal 28"), ("2026-13-40", "bulan hanya 1 sampai 12"),
     ("besok", "dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd"), ("46000", "dd-mm-yyyy")],
)  # fmt: skip
def test_effective_date_refused_in_bahasa(tmp_path, written, said):
    wb = chain_round(tmp_path)
    result = runner.invoke(app, ["validate", str(wb), str(wb), "--json", "--effective-date", written])
    assert result.exit_code == 2
    message = json.loads(result.stdout)["message"]
    assert said in message and "'--effective-date'" in message, message


def test_plan_summary_in_indonesian_numbers(tmp_path):
    import re

    wb = chain_round(tmp_path)
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(tmp_path / "o.xlsx"), *DATE])
    assert result.exit_code == 0, result.output
    assert re.search(r"\b\d+,\d detik\b", result.stdout), result.stdout  # a decimal comma
    assert not re.search(r"\b\d+\.\d+ detik|\d\.\d+ ?%", result.stdout), result.stdout
