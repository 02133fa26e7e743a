"""`mutasi explain PLAN.xlsx NIP|KODE` (mutasi_cli.review.inquiry) on hand-built rounds planned for real, whose
answers are known on paper: a wish barred by a rule (named with its source), a wish lost to capacity
(the winner named), a wish whose forced price is known (1 Prioritas-1 place left empty), a vacancy nobody
qualifies for (the route named), a person held by a rule; and the command's exit codes and JSON.

Effective date D = 1 December 2026; ``person`` defaults to golongan III/c, S1, six years in post (due).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.outputs import explain
from mutasi_cli.review import inquiry
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import RULES
from mutasi_cli.support.messages import VACANCY_JPT, VACANCY_PROMOTION
from mutasi_cli.workflow import plan_files

runner = CliRunner()


def planned(folder: Path, people: list[dict], positions: list[dict], **sheets: list[dict]) -> Path:
    """The round as one workbook, planned (HiGHS, in process) into ``folder/rencana.xlsx``."""
    book = write_workbook(folder / "putaran.xlsx", people, positions, **sheets)
    out = folder / "rencana.xlsx"
    run = plan_files(book, book, out, effective_date=EFFECTIVE, solver="highs", time_limit=60)
    assert run.result.status == "optimal"
    return out


def ask(plan: Path, subject: str) -> dict[str, Any]:
    return inquiry.explain_subject(inquiry.load_plan(plan), subject)


def wish(answer: dict[str, Any], rank: int) -> dict[str, Any]:
    return next(w for w in answer["wishes"] if w["rank"] == rank)


def cli(*args: str):
    return runner.invoke(app, ["explain", *map(str, args)])


def without_times(obj: Any) -> Any:
    """The answer without its measured seconds (two runs of the same question differ only there)."""
    if isinstance(obj, dict):
        return {k: without_times(v) for k, v in obj.items() if k != "seconds"}
    if isinstance(obj, list):
        return [without_times(v) for v in obj]
    return obj


# --- a person -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def capacity(tmp_path_factory) -> tuple[Path, list[dict]]:
    """X (A1) and Y (D1), both due, both wish Unit B, whose one place B1 is empty; X's jurusan is B1's,
    so X takes it; Y moves to the other empty place, C1. Z (E1) wishes Unit F, whose F1 asks S2."""
    people = [
        person(1, "A1", nama="Ani Xaverius", Jurusan="Akuntansi", **{"Pilihan 1": "Unit B"}),
        person(2, "D1", nama="Budi Yusuf", **{"Pilihan 1": "Unit B"}),
        person(3, "E1", nama="Citra Zahra", **{"Pilihan 1": "Unit F"}),
    ]
    positions = [
        position("A1", "Unit A"),
        position("D1", "Unit D"),
        position("E1", "Unit E"),
        position("B1", "Unit B", Jurusan="Akuntansi"),
        position("C1", "Unit C"),
        position("F1", "Unit F", **{"Pendidikan Min": "S2"}),
    ]
    folder = tmp_path_factory.mktemp("capacity")
    return planned(folder, people, positions), people


def test_a_wish_lost_to_capacity_names_the_winner(capacity):
    plan, people = capacity
    x, y = people[0], people[1]
    answer = ask(plan, y["NIP"])
    assert answer["outcome"]["result"] == "moved" and answer["outcome"]["to"]["kode"] == "C1"
    w = wish(answer, 1)
    assert (w["verdict"], w["kode"], w["unit"]) == ("taken", "B1", "Unit B")
    assert [(h["nip"], h["newcomer"]) for h in w["holders"]] == [(x["NIP"], True)]
    assert x["NIP"] in w["reason"] and x["Nama"] in w["reason"]
    # the winner's points are the fit score of X in B1, as the plan counted them
    rnd = inquiry.load_plan(plan).rnd
    points = int(scoring.fit(rnd, np.array([0]), np.array([3]))[0])
    assert w["holders"][0]["points"] == points and f"skor kesesuaian {points}" in w["reason"]
    # forcing Y into B1 sends X elsewhere: levels 0–2 tie, the fit total falls (X's jurusan, priced exactly)
    price = w["price"]
    assert price["status"] == "priced" and price["delta"]["due_moved"] == 0
    assert price["delta"]["fit"] < 0 and price["decisive"] == "fit"
    assert f"turun {-price['delta']['fit']} poin" in price["text"]


def test_the_winner_got_the_wish_and_the_rules_that_allow_it(capacity):
    plan, people = capacity
    answer = ask(plan, people[0]["NIP"])
    assert answer["outcome"]["to"]["kode"] == "B1"
    assert wish(answer, 1)["verdict"] == "granted"
    rules = {r["code"]: r for r in answer["rules"]}
    assert all(r["passed"] for r in rules.values())
    assert rules["pendidikan"]["source"] == RULES["pendidikan"].source
    # the fit points by criterion add up to the score the plan used, against the weights
    fit = answer["fit"]
    parts = {c["criterion"]: c["points"] for c in fit["criteria"]}
    rnd = inquiry.load_plan(plan).rnd
    assert fit["total"] == sum(parts.values()) == int(scoring.fit(rnd, np.array([0]), np.array([3]))[0])
    assert parts["jurusan"] == rnd.weights.jurusan and parts["pilihan"] == rnd.weights.pilihan[0]
    # the need: an empty place of Prioritas 3, and the Keterangan the decree carries
    assert answer["need"]["occupied_before"] == 0 and answer["need"]["prioritas"] == 3
    keterangan = explain.moves(rnd, inquiry.load_plan(plan).result).set_index("NIP").loc[people[0]["NIP"]]
    assert answer["outcome"]["keterangan"] == keterangan["Keterangan"]


def test_a_wish_barred_by_a_rule_names_the_rule_and_its_source(capacity):
    plan, people = capacity
    w = wish(ask(plan, people[2]["NIP"]), 1)
    assert (w["verdict"], w["kode"]) == ("barred", "F1")
    assert [r["code"] for r in w["rules"]] == ["pendidikan"]
    assert RULES["pendidikan"].source in w["reason"] and w["price"] is None


def test_a_wish_whose_forced_price_is_one_priority_1_place(tmp_path):
    """Z (the only one who can) fills the Prioritas-1 vacancy V1; Z's wish, Unit W, has room and no rule
    bars it: forcing Z there leaves exactly that place empty."""
    people = [person(1, "Z1", nama="Zul", **{"Pilihan 1": "Unit W"})]
    positions = [
        position("Z1", "Unit Z"),
        position("V1", "Unit V", Prioritas=1),
        position("W1", "Unit W"),
    ]
    plan = planned(tmp_path, people, positions)
    answer = ask(plan, people[0]["NIP"])
    assert answer["outcome"]["to"]["kode"] == "V1"
    assert answer["need"]["prioritas"] == 1
    w = wish(answer, 1)
    assert (w["verdict"], w["kode"]) == ("priced", "W1")
    price = w["price"]
    assert price["delta"] == {"unplaced": 0, "priority1_filled": -1, "due_moved": 0}
    assert (price["decisive"], price["exact"], price["levels_computed"]) == ("priority1_filled", True, "0-2")
    assert "berarti 1 tempat Prioritas 1 tidak terisi" in price["text"]
    assert "Pilihan 1 (W1)" in price["text"]
    assert answer["forced_solves"] == 1


def test_a_person_held_by_a_rule(tmp_path):
    """One year in post: rule 1 holds them, and bars every wish with the same rule."""
    people = [person(1, "A1", years=1, **{"Pilihan 1": "Unit B", "Pilihan 2": "B1"})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B")]
    plan = planned(tmp_path, people, positions)
    answer = ask(plan, people[0]["NIP"])
    out = answer["outcome"]
    assert out["result"] == "stays" and out["to"] is None
    assert [r["code"] for r in out["reasons"]] == ["masa-jabatan"]
    assert out["reasons"][0]["source"] == RULES["masa-jabatan"].source
    held = {r["code"]: r["passed"] for r in answer["rules"]}
    assert held["masa-jabatan"] is False and held["pensiun"] is True
    for rank in (1, 2):
        w = wish(answer, rank)
        assert w["verdict"] == "barred" and [r["code"] for r in w["rules"]] == ["masa-jabatan"]
        assert RULES["masa-jabatan"].source in w["reason"]
    assert answer["forced_solves"] == 0 and answer["alternatives"] == []


def test_a_kunci_tetap_and_an_unknown_wish(tmp_path):
    people = [person(1, "A1", **{"Pilihan 1": "Dinas Entah"}), person(2, "C1", **{"Pilihan 1": "Unit B"})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B"), position("C1", "Unit C")]
    plan = planned(tmp_path, people, positions, Kunci=[{"NIP": people[1]["NIP"], "Kode Jabatan": "TETAP"}])
    first = wish(ask(plan, people[0]["NIP"]), 1)
    assert first["verdict"] == "unknown" and "dinas entah" in first["reason"]
    held = ask(plan, people[1]["NIP"])
    assert [r["code"] for r in held["outcome"]["reasons"]] == ["kunci-tetap"]
    assert wish(held, 1)["verdict"] == "kunci"


# --- a position -----------------------------------------------------------------------------------------


def test_vacancies_nobody_qualifies_for_name_their_route(tmp_path):
    """A JPT post (open selection) and an Administrator post (promotion) with no one of that kind and
    level in the round; a Pelaksana post S2 that the S1 people of its kind fail."""
    people = [person(1, "A1"), person(2, "A2")]
    positions = [
        position("A1", "Unit A"),
        position("A2", "Unit A"),
        position("J1", "Dinas B", nama="Kepala Dinas B", jenis="JPT Pratama", Eselon="II.b", Prioritas=1),
        position("K1", "Dinas B", nama="Kepala Bagian Umum", jenis="Administrator", Eselon="III.a"),
        position("S1", "Dinas B", **{"Pendidikan Min": "S2"}),
    ]
    plan = planned(tmp_path, people, positions)
    jpt = ask(plan, "J1")
    assert jpt["kind"] == "jabatan" and jpt["outcome"]["empty"] == 1 and jpt["candidates"] == []
    assert jpt["vacancy"]["action"]["route"] == VACANCY_JPT[0] and jpt["vacancy"]["route"] == VACANCY_JPT[0]
    assert VACANCY_JPT[2] == jpt["vacancy"]["action"]["source"]
    admin = ask(plan, "K1")
    assert admin["vacancy"]["action"]["route"] == VACANCY_PROMOTION[0]
    assert admin["vacancy"]["eligible"] == 0
    s2 = ask(plan, "s1")  # a code in another case is still found
    assert s2["kode"] == "S1" and s2["vacancy"]["same_kind"] == 2
    assert [(r["code"], r["count"]) for r in s2["rules"]] == [("pendidikan", 2)]
    shown = "\n".join(line for s in inquiry.sections(jpt) for line in s.lines)
    assert VACANCY_JPT[1] in shown


def test_a_filled_position_names_its_holders_and_who_was_stopped(capacity):
    plan, people = capacity
    b1 = ask(plan, "B1")
    assert [h["nip"] for h in b1["outcome"]["holders"]] == [people[0]["NIP"]]
    assert b1["outcome"]["holders"][0]["newcomer"] and b1["vacancy"] is None
    # Y left D1 for C1 and nobody took D1: the others eligible for it were moved elsewhere, each named
    d1 = ask(plan, "D1")
    assert [h["nip"] for h in d1["outcome"]["left"]] == [people[1]["NIP"]]
    assert d1["outcome"]["empty"] == 1 and d1["vacancy"]["eligible"] == 2  # its incumbent aside
    stops = {c["nip"]: (c["stop"], c["reason"]) for c in d1["candidates"]}
    assert set(stops) == {people[0]["NIP"], people[2]["NIP"]}
    assert stops[people[0]["NIP"]][0] == "moved" and "B1" in stops[people[0]["NIP"]][1]


# --- the command ----------------------------------------------------------------------------------------


def test_cli_json_is_the_librarys_answer_and_the_terminal_tells_it(capacity):
    plan, people = capacity
    nip = people[1]["NIP"]
    done = cli(plan, nip, "--json")
    assert done.exit_code == 0, done.output
    assert without_times(json.loads(done.stdout)) == without_times(ask(plan, nip))
    shown = cli(plan, nip)
    assert shown.exit_code == 0, shown.output
    assert f"Penjelasan untuk NIP {nip}" in shown.output and "Pilihan 1: B1" in shown.output
    assert people[0]["NIP"] in shown.output  # the winner, named
    position = cli(plan, "F1")
    assert position.exit_code == 0 and "Tempat lowong" in position.output


def test_cli_unknown_subject_and_usage_errors(capacity):
    plan, _ = capacity
    unknown = cli(plan, "199001012020011999", "--json")
    assert unknown.exit_code == 1
    body = json.loads(unknown.stdout)
    assert body["status"] == "error" and body["exit"] == 1 and "199001012020011999" in body["message"]
    assert cli(plan).exit_code == 2  # no NIP or code
    assert cli(plan, "A1", "--bogus").exit_code == 2
    missing = cli(plan.parent / "tidak_ada.xlsx", "A1")
    assert missing.exit_code == 1


def test_a_plan_that_fails_the_check_is_explained_and_says_so(capacity, tmp_path):
    plan, people = capacity
    book = openpyxl.load_workbook(plan)
    ws = book["Daftar Mutasi"]
    header = {c.value: j for j, c in enumerate(ws[1], start=1)}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, header["NIP"]).value == people[1]["NIP"])
    ws.cell(row, header["Kode Jabatan Baru"]).value = "F1"  # S2 asked; the person has S1
    ws.cell(row, header["Jabatan Baru"]).value = "Jabatan F1"
    ws.cell(row, header["Unit Kerja Baru"]).value = "Unit F"
    bad = tmp_path / "rencana.xlsx"
    book.save(bad)
    for name in ("putaran.xlsx",):
        (tmp_path / name).write_bytes((plan.parent / name).read_bytes())
    answer = ask(bad, people[1]["NIP"])
    assert answer["plan"]["valid"] is False and answer["plan"]["errors"] >= 1
    assert answer["outcome"]["to"]["kode"] == "F1"
    assert {r["code"]: r["passed"] for r in answer["rules"]}["pendidikan"] is False
    shown = cli(bad, people[1]["NIP"])
    assert shown.exit_code == 0 and "tidak lolos pemeriksaan" in shown.output
