"""`mutasi check PLAN.xlsx`: a plan planned for real, then tampered with as an analyst would (one tampering
per test), is checked against its round with the planner's own checker; `sk` and `export siasn` refuse
each failing plan and write nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, keep_valid_moves, nip, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.inputs.settings import load_settings
from mutasi_cli.review.plan_check import CheckResult, check_plan
from mutasi_cli.sample import generate, write_sample
from mutasi_cli.solve.verify import UNPLACED
from mutasi_cli.workflow import plan_files

runner = CliRunner()
SHEET = "Daftar Mutasi"


def plan_round(folder: Path, *, seed: int = 7, size: int = 200, config: Path | None = None) -> Path:
    """`mutasi sample` + `mutasi plan` (in process): the plan workbook of a synthetic round in ``folder``."""
    if not (folder / "pegawai.xlsx").exists():
        write_sample(generate(size, seed, EFFECTIVE), folder)
    out = folder / "rencana.xlsx"
    settings = load_settings(config) if config else None
    run = plan_files(
        folder / "pegawai.xlsx",
        folder / "jabatan.xlsx",
        out,
        effective_date=EFFECTIVE,
        solver="highs",
        time_limit=60,
        settings=settings,
    )
    assert run.result.status == "optimal"
    return out


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> Path:
    return plan_round(tmp_path_factory.mktemp("round"))


@pytest.fixture(scope="module")
def checked(planned) -> CheckResult:
    result = check_plan(planned)
    assert result.valid, [i.to_dict() for i in result.issues]
    return result


# --- reading and tampering with the workbook ----------------------------------------------------------


def header(ws) -> dict[str, int]:
    """Column name → 1-based column number."""
    return {c.value: j for j, c in enumerate(ws[1], start=1) if c.value}


def moves(planned: Path) -> list[dict[str, object]]:
    """The planned rows, each with its Excel row number under "row"."""
    ws = openpyxl.load_workbook(planned)[SHEET]
    cols = header(ws)
    return [
        {"row": r, **{h: ws.cell(row=r, column=j).value for h, j in cols.items()}}
        for r in range(2, ws.max_row + 1)
    ]


def tamper(planned: Path, out: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(planned)
    edit(book)
    book.save(out)
    return out


def set_cell(ws, row: int, column: str, value: object) -> None:
    cols = header(ws)
    if column not in cols:
        cols[column] = ws.max_column + 1
        ws.cell(row=1, column=cols[column], value=column)
    cell = ws.cell(row=row, column=cols[column], value=value)
    cell.data_type = "s" if isinstance(value, str) else cell.data_type


def faults(result: CheckResult) -> list[tuple[str, str, int | None, str | None]]:
    return [(i.code, i.sheet, i.row, i.column) for i in result.errors]


def free_row(planned: Path, checked: CheckResult) -> dict[str, object]:
    """A move whose undoing breaks nothing else: out of a post nobody moves into, of a person no Kunci
    names and whose post is not Dihapus (the first such row)."""
    rows = moves(planned)
    entered = {r["Kode Jabatan Baru"] for r in rows}
    rnd, status = checked.round, checked.status
    assert rnd is not None and status is not None
    index = {n: i for i, n in enumerate(rnd.people["nip"])}
    for r in rows:
        e = index[r["NIP"]]
        if r["Kode Jabatan Lama"] not in entered and status.kunci_pos[e] == -2 and not status.dihapus[e]:
            return r
    raise AssertionError("no free move in the plan")


def cli_check(path: Path, *args: str):
    return runner.invoke(app, ["check", str(path), *args])


# --- an untouched plan passes ------------------------------------------------------------------------


def test_an_untouched_plan_passes(planned, checked):
    result = cli_check(planned)
    assert result.exit_code == 0, result.output
    assert f"Rencana lolos pemeriksaan: {len(moves(planned))} mutasi disetujui, 0 ditolak" in result.output
    data = json.loads(cli_check(planned, "--json").stdout)
    assert data == checked.to_json()
    assert data["valid"] is True and data["moves"] == len(moves(planned)) and data["rejected"] == 0
    # the plan the rows make is the planner's own
    rnd = checked.round
    assert rnd is not None and checked.final is not None
    cur = rnd.people["pos"].to_numpy()
    assert int(((checked.final != cur) & (checked.final != UNPLACED)).sum()) == len(moves(planned))


# --- one tampering per test --------------------------------------------------------------------------


def test_rejecting_the_move_out_of_a_formasi_1_post_leaves_two_people_in_it(planned, checked, tmp_path):
    rnd = checked.round
    assert rnd is not None and checked.status is not None
    formasi = dict(zip(rnd.positions["kode"], rnd.positions["formasi"]))
    rows = moves(planned)
    out_of = {r["Kode Jabatan Lama"]: r for r in rows}
    locked = set(rnd.people["nip"].to_numpy()[checked.status.kunci_pos != -2])
    into, leaving = next(
        (r, out_of[r["Kode Jabatan Baru"]])
        for r in rows
        if r["Kode Jabatan Baru"] in out_of
        and formasi[r["Kode Jabatan Baru"]] == 1
        and out_of[r["Kode Jabatan Baru"]]["NIP"] not in locked
    )
    bad = tamper(
        planned, tmp_path / "tolak.xlsx", lambda b: set_cell(b[SHEET], leaving["row"], "Setuju", "Tidak")
    )
    result = check_plan(bad)
    assert faults(result) == [("check-over-capacity", SHEET, into["row"], "Kode Jabatan Baru")]
    (issue,) = result.errors
    assert issue.value == into["Kode Jabatan Baru"]
    assert f"baris {into['row']}" in issue.message and f"baris {leaving['row']}" in issue.message
    assert str(into["NIP"]) in issue.message and str(leaving["NIP"]) in issue.message
    assert (result.approved, result.rejected) == (len(rows) - 1, 1)
    shown = cli_check(bad)
    assert shown.exit_code == 1 and "Rencana tidak lolos pemeriksaan" in shown.output
    data = json.loads(cli_check(bad, "--json").stdout)
    assert data["valid"] is False and [i["code"] for i in data["issues"]] == ["check-over-capacity"]
    assert (data["moves"], data["rejected"]) == (len(rows) - 1, 1)


def test_a_position_code_that_exists_nowhere(planned, checked, tmp_path):
    row = free_row(planned, checked)["row"]
    bad = tamper(
        planned, tmp_path / "kode.xlsx", lambda b: set_cell(b[SHEET], row, "Kode Jabatan Baru", "J99999")
    )
    assert faults(check_plan(bad)) == [("check-unknown-position", SHEET, row, "Kode Jabatan Baru")]


def test_a_move_to_the_persons_own_position(planned, checked, tmp_path):
    r = free_row(planned, checked)
    bad = tamper(
        planned,
        tmp_path / "sendiri.xlsx",
        lambda b: set_cell(b[SHEET], r["row"], "Kode Jabatan Baru", r["Kode Jabatan Lama"]),
    )
    assert faults(check_plan(bad)) == [("check-same-position", SHEET, r["row"], "Kode Jabatan Baru")]


def test_a_nip_not_in_the_round(planned, checked, tmp_path):
    row = free_row(planned, checked)["row"]
    stranger = nip(999, birth=dt.date(1979, 1, 2))
    bad = tamper(planned, tmp_path / "nip.xlsx", lambda b: set_cell(b[SHEET], row, "NIP", stranger))
    result = check_plan(bad)
    assert faults(result) == [("check-unknown-nip", SHEET, row, "NIP")]
    assert result.errors[0].value == stranger


def test_a_list_pasted_from_another_round(planned, checked, tmp_path):
    other = plan_round(tmp_path / "lain", seed=8)
    pasted = openpyxl.load_workbook(other)[SHEET]

    def paste(book):
        ws = book[SHEET]
        ws.delete_rows(2, ws.max_row)
        for r in pasted.iter_rows(min_row=2):
            for c in r:
                set_cell(ws, c.row, pasted.cell(row=1, column=c.column).value, c.value)

    result = check_plan(tamper(planned, tmp_path / "tempel.xlsx", paste))
    assert not result.valid
    named = {i.row for i in result.errors}
    assert set(range(2, pasted.max_row + 1)) <= named  # every pasted row is named
    codes = {i.code for i in result.errors}
    assert codes & {"check-unknown-nip", "check-wrong-origin"}
    # the round's Kunci moves are gone with the rows they were in
    assert "check-kunci-not-made" in codes


def test_a_kunci_no_longer_carried_out(planned, checked, tmp_path):
    rnd, status = checked.round, checked.status
    assert rnd is not None and status is not None
    locked = [
        e for e in np.flatnonzero(status.kunci_pos >= 0) if status.kunci_pos[e] != rnd.people.at[e, "pos"]
    ]
    assert locked, "the sample round has a Kunci move"
    nip_locked = rnd.people.at[locked[0], "nip"]
    row = next(r["row"] for r in moves(planned) if r["NIP"] == nip_locked)
    bad = tamper(planned, tmp_path / "kunci.xlsx", lambda b: set_cell(b[SHEET], row, "Setuju", "Tidak"))
    kunci = [i for i in check_plan(bad).errors if i.code == "check-kunci-not-made"]
    assert [(i.row, i.column, i.value) for i in kunci] == [(row, "Setuju", nip_locked)]
    assert f"baris {int(rnd.kunci.set_index('person').at[locked[0], 'row'])}" in kunci[0].message


def test_a_destination_the_rules_forbid(planned, checked, tmp_path):
    """A move changed to an empty place of another kind of position breaks rule 7 (and no limit)."""
    rnd, final = checked.round, checked.final
    assert rnd is not None and final is not None
    r = free_row(planned, checked)
    positions = rnd.positions
    jenis = dict(zip(positions["kode"], positions["jenis"]))
    occupancy = np.bincount(final[final != UNPLACED], minlength=len(positions))
    empty = positions[
        (occupancy < positions["formasi"].to_numpy())
        & positions["aktif"].to_numpy()
        & (positions["jenis"] != jenis[r["Kode Jabatan Lama"]])
        & (positions["jenis"] != "JPT Pratama")
    ]
    target = empty.iloc[0]

    def edit(book):
        ws = book[SHEET]
        for column, value in (
            ("Kode Jabatan Baru", target["kode"]),
            ("Jabatan Baru", target["nama"]),
            ("Unit Kerja Baru", target["unit"]),
        ):
            set_cell(ws, r["row"], column, value)

    result = check_plan(tamper(planned, tmp_path / "aturan.xlsx", edit))
    assert ("rule-jenis-jabatan", SHEET, r["row"], "Kode Jabatan Baru") in faults(result)
    assert {i.row for i in result.errors} == {r["row"]}
    assert all(i.code.startswith("rule-") for i in result.errors)


def test_a_changed_input_file(tmp_path):
    plan = plan_round(tmp_path / "putaran", seed=3, size=60)
    pristine = tmp_path / "asli.xlsx"
    shutil.copy(tmp_path / "putaran" / "jabatan.xlsx", pristine)
    book = openpyxl.load_workbook(tmp_path / "putaran" / "jabatan.xlsx")
    book.active.cell(row=2, column=1).value = book.active.cell(row=2, column=1).value  # same data, new file
    book.save(tmp_path / "putaran" / "jabatan.xlsx")
    result = check_plan(plan)
    params = {
        r[0]: i
        for i, r in enumerate(openpyxl.load_workbook(plan)["Parameter"].iter_rows(values_only=True), 1)
    }
    assert faults(result) == [
        ("check-input-changed", "Parameter", params["Berkas masukan: jabatan.xlsx"], "Nilai")
    ]
    assert "jabatan.xlsx" in result.errors[0].message and "--jabatan" in result.errors[0].message
    assert cli_check(plan).exit_code == 1
    # pointed to the file the plan was made from, it passes; a round folder moved whole is found too
    assert cli_check(plan, "--jabatan", str(pristine)).exit_code == 0
    shutil.copy(pristine, tmp_path / "putaran" / "jabatan.xlsx")
    moved = tmp_path / "dipindah"
    (tmp_path / "putaran").rename(moved)
    result = cli_check(moved / "rencana.xlsx")
    assert result.exit_code == 0, result.output
    (moved / "pegawai.xlsx").unlink()
    result = check_plan(moved / "rencana.xlsx")
    assert [i.code for i in result.errors] == ["check-input-missing"]


def test_a_plan_whose_settings_changed(tmp_path):
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[aturan]\nperputaran_persen = 40\n", encoding="utf-8")
    plan = plan_round(tmp_path / "putaran", seed=3, size=60, config=cfg)
    assert check_plan(plan).valid
    cfg.write_text("[aturan]\nperputaran_persen = 30\n", encoding="utf-8")
    assert [i.code for i in check_plan(plan).errors] == ["check-settings-changed"]


def test_a_plan_without_parameter_cannot_be_checked(planned, tmp_path):
    def drop(book):
        del book["Parameter"]

    result = check_plan(tamper(planned, tmp_path / "tanpa.xlsx", drop))
    assert [i.code for i in result.errors] == ["check-no-effective-date", "check-round-unknown"]


# --- limits the sample does not reach: a hand-made round, rows pasted by the analyst -------------------


@pytest.fixture
def small(tmp_path) -> tuple[Path, list[dict]]:
    """Unit A with three due people (turnover cap ceil(30 % × 3) = 1), two empty posts in unit B (V1 of
    Prioritas 1) and an abolished one (D0), and a Relasi between A's second person and B's incumbent."""
    positions = [position(f"A{i}", "Unit A") for i in range(3)]
    positions += [position("V1", "Unit B", Prioritas=1), position("V2", "Unit B"), position("B0", "Unit B")]
    positions.append(position("D0", "Unit B", Status="Dihapus"))
    people = [person(i + 1, f"A{i}", years=6) for i in range(3)] + [person(9, "B0", years=1)]
    relasi = [{"NIP 1": people[1]["NIP"], "NIP 2": people[3]["NIP"], "Hubungan": "Suami/Istri"}]
    wb = write_workbook(tmp_path / "round.xlsx", people, positions, Relasi=relasi)
    out = tmp_path / "rencana.xlsx"
    done = runner.invoke(
        app, ["plan", str(wb), str(wb), "-o", str(out), "--effective-date", EFFECTIVE.isoformat(), "-q"]
    )
    assert done.exit_code == 0, done.output
    assert len(moves(out)) == 1 and moves(out)[0]["Kode Jabatan Baru"] == "V1"
    return out, people


def pasted_row(planned: Path, people: list[dict], who: int, to: str) -> Callable[[openpyxl.Workbook], None]:
    """A row for people[who] moving to ``to``, pasted under the plan's rows with the texts of the round."""

    def paste(book):
        ws = book[SHEET]
        r = ws.max_row + 1
        p = people[who]
        for column, value in (
            ("No", r - 1),
            ("NIP", p["NIP"]),
            ("Nama", p["Nama"]),
            ("Pangkat/Gol. Ruang", "III/c"),
            ("Jabatan Lama", f"Jabatan {p['Kode Jabatan']}"),
            ("Kode Jabatan Lama", p["Kode Jabatan"]),
            ("Unit Kerja Lama", "Unit A"),
            ("Jabatan Baru", f"Jabatan {to}"),
            ("Kode Jabatan Baru", to),
            ("Unit Kerja Baru", "Unit B"),
        ):
            set_cell(ws, r, column, value)

    return paste


def test_turnover_cap_of_a_unit(small, tmp_path):
    planned, people = small
    mover = next(i for i in range(3) if people[i]["NIP"] != moves(planned)[0]["NIP"] and i != 1)
    result = check_plan(
        tamper(planned, tmp_path / "perputaran.xlsx", pasted_row(planned, people, mover, "V2"))
    )
    assert faults(result) == [("check-turnover", SHEET, 3, "Unit Kerja Lama")]
    assert "Unit A" in result.errors[0].message and "2, 3" in result.errors[0].message


def test_relasi_in_one_unit(small, tmp_path):
    planned, people = small

    def edit(book):
        ws = book[SHEET]
        ws.delete_rows(2)
        pasted_row(planned, people, 1, "V2")(book)

    result = check_plan(tamper(planned, tmp_path / "relasi.xlsx", edit))
    assert faults(result) == [("check-relasi", SHEET, 2, "Unit Kerja Baru")]
    assert people[1]["NIP"] in result.errors[0].message and people[3]["NIP"] in result.errors[0].message


def test_a_move_into_an_abolished_post(small, tmp_path):
    planned, people = small

    def edit(book):
        book[SHEET].delete_rows(2)
        pasted_row(planned, people, 0, "D0")(book)

    result = check_plan(tamper(planned, tmp_path / "dihapus.xlsx", edit))
    assert faults(result) == [("rule-jabatan-dihapus", SHEET, 2, "Kode Jabatan Baru")]


def test_the_same_nip_twice(small, tmp_path):
    planned, people = small
    moved = next(i for i, p in enumerate(people) if p["NIP"] == moves(planned)[0]["NIP"])
    result = check_plan(tamper(planned, tmp_path / "ganda.xlsx", pasted_row(planned, people, moved, "V2")))
    assert faults(result) == [("duplicate-nip", SHEET, 3, "NIP")]


def test_a_decree_text_that_is_not_the_codes_position(planned, checked, tmp_path):
    row = free_row(planned, checked)["row"]
    bad = tamper(
        planned, tmp_path / "teks.xlsx", lambda b: set_cell(b[SHEET], row, "Jabatan Baru", "Kepala Dinas")
    )
    assert faults(check_plan(bad)) == [("check-text-mismatch", SHEET, row, "Jabatan Baru")]


def test_rejecting_a_due_persons_move_to_a_priority_1_post_is_a_warning(small, tmp_path):
    planned, _ = small
    bad = tamper(planned, tmp_path / "lowong.xlsx", lambda b: set_cell(b[SHEET], 2, "Setuju", "Tidak"))
    result = check_plan(bad)
    assert result.valid
    assert [(i.code, i.severity, i.row) for i in result.issues] == [
        ("check-rejected-priority1", "warning", 2),
        ("check-priority1-fewer", "warning", None),
    ]
    shown = cli_check(bad)
    assert shown.exit_code == 0 and "0 mutasi disetujui, 1 ditolak" in shown.output


# --- sk and export siasn run the same check first -----------------------------------------------------


def failing_plans(planned: Path, checked: CheckResult, tmp_path: Path) -> dict[str, Path]:
    r = free_row(planned, checked)
    rows = moves(planned)
    out_of = {row["Kode Jabatan Lama"]: row for row in rows}
    leaving = next(out_of[row["Kode Jabatan Baru"]] for row in rows if row["Kode Jabatan Baru"] in out_of)
    edits = {
        "tolak": lambda b: set_cell(b[SHEET], leaving["row"], "Setuju", "Tidak"),
        "kode": lambda b: set_cell(b[SHEET], r["row"], "Kode Jabatan Baru", "J99999"),
        "sendiri": lambda b: set_cell(b[SHEET], r["row"], "Kode Jabatan Baru", r["Kode Jabatan Lama"]),
        "nip": lambda b: set_cell(b[SHEET], r["row"], "NIP", nip(999, birth=dt.date(1979, 1, 2))),
    }
    return {name: tamper(planned, tmp_path / f"{name}.xlsx", edit) for name, edit in edits.items()}


def test_sk_and_export_refuse_each_failing_plan_and_write_nothing(planned, checked, tmp_path):
    for name, bad in failing_plans(planned, checked, tmp_path).items():
        faulty = check_plan(bad)
        assert not faulty.valid, name
        rows = {i.row for i in faulty.errors}
        for args, what, target in (
            (["sk", str(bad), "-o", str(tmp_path / "sk")], "Draf SK tidak disusun", tmp_path / "sk"),
            (
                ["export", "siasn", str(bad), "-o", str(tmp_path / "s.csv")],
                "Berkas unggah SIASN tidak disusun",
                tmp_path / "s.csv",
            ),
        ):
            result = runner.invoke(app, args)
            assert result.exit_code == 1, (name, result.output)
            text = " ".join(result.stderr.split())
            assert what in text, name
            assert all(f"baris {row}" in text for row in rows), name
            assert not target.exists(), name


def test_sk_and_export_write_a_valid_review(planned, tmp_path):
    reviewed, kept = keep_valid_moves(planned, 10, tmp_path / "ditinjau.xlsx")
    assert check_plan(reviewed).valid
    csv_path = tmp_path / "s.csv"
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[sk]\nnomor_awal = 48\ntanggal = 2026-11-20\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "siasn", str(reviewed), "-o", str(csv_path), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert len(csv_path.read_text(encoding="utf-8-sig").splitlines()) == len(kept) + 1
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "sk" / "petikan").glob("*.docx"))) == len(kept)


def test_check_help_and_usage():
    assert runner.invoke(app, ["check", "--help"]).exit_code == 0
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert runner.invoke(app, ["check", "x.xlsx", "--tidak-ada"]).exit_code == 2
