"""Property tests: small random rounds drawn by hypothesis, and what must hold of every plan.

* the plan breaks no rule or limit (``verify.violations`` is empty) and is a valid assignment;
* the levels the planner reports are those recomputed from its plan (``verify.level_values``);
* CBC and HiGHS agree on the status and on levels 0-2 (and on level 3 when both prove optimality);
* relaxing the round (dropping Larangan and Relasi) never makes levels 0-2 worse.

``MUTASI_HYPOTHESIS_EXAMPLES`` raises the number of examples for a longer search.
"""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builders import EFFECTIVE, make_round, nip, person, position
from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve.planner import PlanResult, plan
from mutasi_cli.solve.verify import UNPLACED, level_values, violations

EXAMPLES = int(os.environ.get("MUTASI_HYPOTHESIS_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAMES = ("Analis Kepegawaian", "Pengadministrasi Umum", "Pranata Komputer")
PNS_GRADES = ("II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
EDUCATION = ("SMA", "D3", "D4", "S1", "S2")


def _tmt(years: float) -> dt.date:
    d = EFFECTIVE - dt.timedelta(days=round(years * 365.25))
    return d.replace(day=28) if (d.month, d.day) == (2, 29) else d


@st.composite
def positions_rows(draw, n_units: int) -> list[dict]:
    rows = []
    for k in range(draw(st.integers(2, 6))):
        extra: dict = {}
        grades = draw(st.none() | st.tuples(st.integers(0, 7), st.integers(0, 7)))
        if grades is not None:
            extra["Golongan Min"], extra["Golongan Maks"] = PNS_GRADES[min(grades)], PNS_GRADES[max(grades)]
        if draw(st.integers(0, 3)) == 0:
            extra["Pendidikan Min"] = draw(st.sampled_from(EDUCATION))
        rows.append(
            position(
                f"P{k}",
                f"Unit {draw(st.integers(0, n_units - 1))}",
                nama=draw(st.sampled_from(NAMES)),
                Formasi=draw(st.sampled_from((1, 1, 2))),
                Prioritas=draw(st.integers(1, 3)),
                Status=draw(st.sampled_from(("Aktif", "Aktif", "Aktif", "Aktif", "Dihapus"))),
                **extra,
            )
        )
    return rows


@st.composite
def people_rows(draw, n_pos: int) -> list[dict]:
    rows = []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        pppk = draw(st.integers(0, 5)) == 0
        birth = dt.date(1980, 5, 17)
        if draw(st.integers(0, 4)) == 0:  # around BUP 58 at D + 12 months
            birth = dt.date(draw(st.integers(1967, 1971)), draw(st.integers(1, 12)), draw(st.integers(1, 28)))
        extra = {
            "TMT Jabatan": _tmt(draw(st.sampled_from((0.5, 1.5, 2.5, 4.0, 5.5, 8.0)))),
            "Pendidikan": draw(st.sampled_from(EDUCATION)),
            "Hukuman Disiplin": draw(st.sampled_from(("Tidak Ada",) * 6 + ("Ringan", "Sedang", "Berat"))),
        }
        if pppk:
            extra["Jenis ASN"] = "PPPK"
        gol = draw(st.sampled_from(("V", "IX", "X"))) if pppk else draw(st.sampled_from(PNS_GRADES))
        kode = f"P{draw(st.integers(0, n_pos - 1))}"
        rows.append(person(n, kode, gol=gol, nip=nip(n, birth=birth, pppk=pppk), **extra))
    return rows


@st.composite
def rounds(draw) -> tuple[list[dict], list[dict], dict[str, list[dict]]]:
    units = draw(st.integers(1, 3))
    positions = draw(positions_rows(units))
    people = draw(people_rows(len(positions)))
    aktif = {row["Kode Jabatan"] for row in positions if row["Status"] == "Aktif"}
    formasi = {row["Kode Jabatan"]: row["Formasi"] for row in positions}
    sheets: dict[str, list[dict]] = {}
    locked: set[int] = set()
    incoming: dict[str, int] = {}
    for e in draw(st.lists(st.integers(0, len(people) - 1), max_size=2, unique=True)):
        target = draw(st.sampled_from(["TETAP", *sorted(aktif)]))
        own = people[e]["Kode Jabatan"]
        if target == "TETAP" and own not in aktif:
            continue
        if target not in ("TETAP", own):
            if incoming.get(target, 0) >= formasi[target]:
                continue
            incoming[target] = incoming.get(target, 0) + 1
        locked.add(e)
        sheets.setdefault("Kunci", []).append({"NIP": people[e]["NIP"], "Kode Jabatan": target})
    for e in draw(st.lists(st.integers(0, len(people) - 1), max_size=2)):
        if e in locked:
            continue
        if draw(st.booleans()):
            row = {
                "Kode Jabatan": draw(st.sampled_from([r["Kode Jabatan"] for r in positions])),
                "Unit Kerja": None,
            }
        else:
            row = {
                "Kode Jabatan": None,
                "Unit Kerja": draw(st.sampled_from(sorted({r["Unit Kerja"] for r in positions}))),
            }
        sheets.setdefault("Larangan", []).append({"NIP": people[e]["NIP"], **row})
    if len(people) >= 2:
        for a, b in draw(
            st.lists(st.tuples(st.integers(0, len(people) - 1), st.integers(0, len(people) - 1)), max_size=2)
        ):
            if a != b:
                row = {"NIP 1": people[a]["NIP"], "NIP 2": people[b]["NIP"], "Hubungan": "Suami/Istri"}
                sheets.setdefault("Relasi", []).append(row)
    return people, positions, sheets


def _key(levels: dict[int, int]) -> tuple[int, int, int]:
    """Levels 0-2 as a tuple that compares the way the plan optimises them (bigger is better)."""
    return -levels[0], levels[1], levels[2]


def _check_valid(rnd, res: PlanResult) -> None:
    status = person_status(rnd)
    final = res.final
    assert final.shape == (rnd.n_people,)
    assert np.issubdtype(final.dtype, np.integer)
    assert ((final >= 0) & (final < rnd.n_positions) | (final == UNPLACED)).all()
    assert not (final == UNPLACED)[~status.dihapus].any(), "only Dihapus incumbents may be tidak tertampung"
    cur = rnd.people["pos"].to_numpy()
    stayers = np.bincount(cur[final == cur], minlength=rnd.n_positions)
    occupancy = np.bincount(final[final != UNPLACED], minlength=rnd.n_positions)
    assert (occupancy <= np.maximum(rnd.positions["formasi"].to_numpy(), stayers)).all()
    assert violations(rnd, status, final) == []
    assert res.levels == level_values(rnd, status, final)


# pinned examples (found by this test): a Kunci into a vacancy; a round with nothing to gain at levels 0-2
_KUNCI_CASE = (
    [person(1, "P0", years=0.5, gol="V", nip=nip(1, pppk=True), **{"Jenis ASN": "PPPK"})],
    [position("P0", "Unit 0", Prioritas=1), position("P1", "Unit 0", Prioritas=1)],
    {"Kunci": [{"NIP": nip(1, pppk=True), "Kode Jabatan": "P1"}]},
)
_EMPTY_STAGE_A_CASE = ([person(1, "P0", years=2.5)], [position("P0", "Unit 0"), position("P1", "Unit 1")], {})


@SETTINGS
@given(rounds())
@example(_KUNCI_CASE)
@example(_EMPTY_STAGE_A_CASE)
def test_plans_are_valid_and_solvers_agree(case) -> None:
    people, positions, sheets = case
    rnd = make_round(people, positions, **sheets)
    cbc = plan(rnd, solver="cbc", time_limit=30)
    highs = plan(rnd, solver="highs", time_limit=30)
    assert cbc.status == highs.status
    if cbc.status == "infeasible":
        assert "Kunci" in sheets, "only Kunci can make a round infeasible"
        return
    for res in (cbc, highs):
        _check_valid(rnd, res)
        assert res.status == "optimal", (res.solver, res.status)
    assert _key(cbc.levels) == _key(highs.levels)
    assert cbc.levels[3] == highs.levels[3]


@SETTINGS
@given(rounds())
def test_dropping_larangan_and_relasi_never_hurts(case) -> None:
    people, positions, sheets = case
    if not {"Larangan", "Relasi"} & set(sheets):
        return
    full = plan(make_round(people, positions, **sheets), solver="highs", time_limit=30)
    kept = {k: v for k, v in sheets.items() if k == "Kunci"}
    relaxed = plan(make_round(people, positions, **kept), solver="highs", time_limit=30)
    if full.status == "infeasible":
        return
    assert relaxed.status != "infeasible"
    assert _key(relaxed.levels) >= _key(full.levels)
