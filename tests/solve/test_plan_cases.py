"""Hand-built rounds whose optimum is known: each rule and limit of CONTRACT.md in a case small enough to
solve on paper. Levels are (0) tidak tertampung, (1) Prioritas-1 places filled, (2) due people moved.

Effective date D = 1 December 2026; ``person`` defaults to golongan III/c, S1, six years in post (due).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from builders import EFFECTIVE, make_round, nip, person, position
from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve.planner import PlanResult, plan
from mutasi_cli.solve.verify import UNPLACED, violations

SOLVERS = ("cbc", "highs")


def run(rnd, solver: str) -> PlanResult:
    res = plan(rnd, solver=solver, time_limit=30)
    assert violations(rnd, person_status(rnd), res.final) == []
    return res


def levels(res: PlanResult) -> tuple[int, int, int]:
    return res.levels[0], res.levels[1], res.levels[2]


def check(
    rnd, expected_levels: tuple[int, int, int], expected_final: list[int] | None = None
) -> list[PlanResult]:
    """Plan with both solvers: the exact levels 0-2, the plan when it is unique, and a proven optimum."""
    results = []
    for solver in SOLVERS:
        res = run(rnd, solver)
        assert levels(res) == expected_levels, (solver, res.final.tolist())
        if expected_final is not None:
            assert res.final.tolist() == expected_final, solver
        assert res.status == "optimal", (solver, res.status, res.message)
        results.append(res)
    return results


def tmt_years_ago(years: int) -> dt.date:
    return EFFECTIVE.replace(year=EFFECTIVE.year - years)


# --- vacancy chains and the turnover cap -----------------------------------------------------------------
def test_vacancy_chain() -> None:
    """A takes the Prioritas-1 vacancy B2; B (the only one who fits A's place) takes A1."""
    people = [person(1, "A1"), person(2, "B1", gol="IV/a"), person(3, "C1", years=1)]
    positions = [
        position("A1", "Unit A", Prioritas=2),
        position("B1", "Unit B", **{"Golongan Min": "IV/a"}),
        position("B2", "Unit B", Prioritas=1),
        position("C1", "Unit C"),
    ]
    check(make_round(people, positions), (0, 1, 2), [2, 0, 3])


def test_turnover_cap_binds() -> None:
    """Unit A has 4 people: at most ceil(30 % × 4) = 2 move out, though 3 due people could fill 3 places."""
    people = [person(1, "A1"), person(2, "A2"), person(3, "A3"), person(4, "A4", years=1)]
    positions = [position(f"A{k}", "Unit A") for k in range(1, 5)]
    positions += [position(f"B{k}", "Unit B", Prioritas=1) for k in range(1, 4)]
    for res in check(make_round(people, positions), (0, 2, 2)):
        assert int(res.moved.sum()) == 2
        assert res.turnover_caps["Unit A"] == 2


def test_turnover_cap_of_ten_people_is_three() -> None:
    """ceil(30 % × 10) is 3, not 4 (0.3 × 10 is 3.0000000000000004 in floating point)."""
    people = [person(k, f"A{k}") for k in range(1, 11)]
    positions = [position(f"A{k}", "Unit A") for k in range(1, 11)]
    positions += [position(f"B{k}", "Unit B", Prioritas=1) for k in range(1, 6)]
    check(make_round(people, positions), (0, 3, 3))


# --- Kunci ----------------------------------------------------------------------------------------------
def test_kunci_to_a_position_is_honoured_against_the_grade_rule() -> None:
    """K (III/c) is locked into V (III/a-III/b). D could only have gone to V, D2 only to W.
    Honouring the lock: K -> V, D stays, D2 -> W: levels (0, 1, 1). Ignoring it would give (0, 1, 2)."""
    people = [
        person(1, "A1", gol="III/a"),  # D, due
        person(2, "K1", years=3),  # K, not due, out of V's grade range
        person(3, "C1", gol="IV/a"),  # D2, due
    ]
    positions = [
        position("A1", "Unit A"),
        position("V", "Unit B", Prioritas=1, **{"Golongan Min": "III/a", "Golongan Maks": "III/b"}),
        position("K1", "Unit C", **{"Golongan Min": "IV/b"}),  # nobody follows K into K1
        position("C1", "Unit D", **{"Golongan Min": "IV/a"}),
        position("W", "Unit E", **{"Golongan Min": "IV/a"}),
    ]
    kunci = [{"NIP": people[1]["NIP"], "Kode Jabatan": "V"}]
    check(make_round(people, positions, Kunci=kunci), (0, 1, 1), [0, 1, 4])


def test_kunci_tetap_keeps_a_due_person() -> None:
    """P1 is due and could take the Prioritas-1 vacancy B1, but is locked in place; P2 takes it instead."""
    people = [person(1, "A1"), person(2, "C1")]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1), position("C1", "Unit C")]
    rnd = make_round(people, positions)
    check(rnd, (0, 1, 2))  # without the lock both move (P2 into A1 or B1)
    rnd = make_round(people, positions, Kunci=[{"NIP": people[0]["NIP"], "Kode Jabatan": "TETAP"}])
    check(rnd, (0, 1, 1), [0, 1])


def test_kunci_moves_a_person_held_by_rules_1_to_3() -> None:
    """Under two years or under a Berat sanction: a Kunci still moves them, not counted as turnover."""
    people = [
        person(1, "A1", years=1),
        person(2, "A2", **{"Hukuman Disiplin": "Berat"}),
        person(3, "A3"),
    ]
    positions = [position(f"A{k}", "Unit A") for k in range(1, 4)]
    positions += [position("B1", "Unit B"), position("B2", "Unit B"), position("B3", "Unit B", Prioritas=1)]
    kunci = [{"NIP": people[0]["NIP"], "Kode Jabatan": "B1"}, {"NIP": people[1]["NIP"], "Kode Jabatan": "B2"}]
    # Unit A: 3 people, cap 1; the two Kunci moves do not count, so P3 (due) may still go to B3
    check(make_round(people, positions, Kunci=kunci), (0, 1, 2), [3, 4, 5])


def test_kunci_without_room_is_infeasible() -> None:
    """P1 is locked into B1, whose incumbent may not move (under two years): no plan exists."""
    people = [person(1, "A1"), person(2, "B1", years=1)]
    positions = [position("A1", "Unit A"), position("B1", "Unit B")]
    rnd = make_round(people, positions, Kunci=[{"NIP": people[0]["NIP"], "Kode Jabatan": "B1"}])
    for solver in SOLVERS:
        res = plan(rnd, solver=solver, time_limit=30)
        assert res.status == "infeasible"
        assert res.message and "B1" in res.message


# --- Larangan -------------------------------------------------------------------------------------------
def _larangan_round(row: dict):
    people = [person(1, "A1")]
    positions = [
        position("A1", "Unit A"),
        position("B1", "Unit B", Prioritas=1),
        position("B2", "Unit B", Prioritas=1),
        position("C1", "Unit C", Prioritas=2),
    ]
    return make_round(people, positions, Larangan=[{"NIP": people[0]["NIP"], **row}])


def test_larangan_by_code() -> None:
    """Banned from B1 only: P1 still fills the other Prioritas-1 place B2."""
    check(_larangan_round({"Kode Jabatan": "B1", "Unit Kerja": None}), (0, 1, 1), [2])


def test_larangan_by_unit() -> None:
    """Banned from Unit B: neither Prioritas-1 place, so C1."""
    check(_larangan_round({"Kode Jabatan": None, "Unit Kerja": "Unit B"}), (0, 0, 1), [3])


# --- Relasi ---------------------------------------------------------------------------------------------
def _relasi_round(with_relasi: bool):
    s2 = {"Pendidikan Min": "S2"}  # the people hold S1: nobody can take A1 or C1
    people = [person(1, "A1"), person(2, "C1")]
    positions = [
        position("A1", "Unit A", **s2),
        position("B1", "Unit B", Prioritas=1),
        position("B2", "Unit B", Prioritas=1),
        position("C1", "Unit C", **s2),
    ]
    relasi = [{"NIP 1": people[0]["NIP"], "NIP 2": people[1]["NIP"], "Hubungan": "Suami/Istri"}]
    return make_round(people, positions, **({"Relasi": relasi} if with_relasi else {}))


def test_relasi_keeps_related_people_out_of_one_unit() -> None:
    check(_relasi_round(False), (0, 2, 2))
    for res in check(_relasi_round(True), (0, 1, 1)):
        assert int(res.moved.sum()) == 1


def test_relasi_counts_a_partner_who_stays() -> None:
    """P2 stays in Unit B (under two years); P1 may not move into Unit B next to them."""
    people = [person(1, "A1"), person(2, "B1", years=1)]
    positions = [position("A1", "Unit A"), position("B1", "Unit B"), position("B2", "Unit B", Prioritas=1)]
    relasi = [{"NIP 1": people[1]["NIP"], "NIP 2": people[0]["NIP"], "Hubungan": "Saudara"}]
    check(make_round(people, positions), (0, 1, 1), [2, 1])
    check(make_round(people, positions, Relasi=relasi), (0, 0, 0), [0, 1])


def test_relasi_allows_staying_together() -> None:
    """Both already work in Unit A: they may both stay there, and one may leave it."""
    positions = [position("A1", "Unit A"), position("A2", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    for years, expected, final in ((1, (0, 0, 0), [0, 1]), (6, (0, 1, 1), [2, 1])):
        people = [person(1, "A1", years=years), person(2, "A2", years=1)]
        relasi = [{"NIP 1": people[0]["NIP"], "NIP 2": people[1]["NIP"], "Hubungan": "Suami/Istri"}]
        check(make_round(people, positions, Relasi=relasi), expected, final)


# --- Dihapus --------------------------------------------------------------------------------------------
def test_dihapus_incumbent_moves_even_under_two_years() -> None:
    people = [person(1, "D1", years=1)]
    positions = [position("D1", "Unit A", Status="Dihapus", Prioritas=1), position("B1", "Unit B")]
    check(make_round(people, positions), (0, 0, 0), [1])


def test_dihapus_incumbent_with_nowhere_to_go_is_unplaced() -> None:
    people = [person(1, "D1")]
    positions = [
        position("D1", "Unit A", Status="Dihapus"),
        position("B1", "Unit B", **{"Golongan Min": "IV/a"}),
    ]
    [res, _] = check(make_round(people, positions), (1, 0, 0), [UNPLACED])
    assert not res.moved.any()


def test_dihapus_moves_do_not_count_as_turnover() -> None:
    """Unit A: 3 people, cap 1. The Dihapus incumbent's forced move is free, so a due colleague also goes."""
    people = [person(1, "D1"), person(2, "A2"), person(3, "A3")]
    positions = [
        position("D1", "Unit A", Status="Dihapus"),
        position("A2", "Unit A"),
        position("A3", "Unit A"),
    ]
    positions += [position(f"B{k}", "Unit B", Prioritas=1) for k in range(1, 4)]
    check(make_round(people, positions), (0, 2, 2))


def test_dihapus_position_takes_nobody() -> None:
    """A Prioritas-1 position marked Dihapus is neither filled nor counted."""
    people = [person(1, "A1")]
    positions = [position("A1", "Unit A"), position("D1", "Unit B", Status="Dihapus", Prioritas=1)]
    check(make_round(people, positions), (0, 0, 0), [0])


# --- rules of a move ------------------------------------------------------------------------------------
def test_pppk_moves_only_to_the_same_nama_jabatan() -> None:
    """The PPPK skips the Prioritas-1 'Analis' place and takes the other 'Pranata Komputer' place,
    whatever its grade range."""
    pppk = person(1, "A1", gol="IX", nip=nip(1, pppk=True), **{"Jenis ASN": "PPPK"})
    positions = [
        position("A1", "Unit A", nama="Pranata Komputer"),
        position("B1", "Unit B", nama="Analis Kepegawaian", Prioritas=1),
        position("C1", "Unit C", nama="Pranata Komputer", **{"Golongan Min": "IV/d"}),
    ]
    check(make_round([pppk], positions), (0, 0, 1), [2])


def test_grade_and_education_rules() -> None:
    people = [person(1, "A1", gol="III/b", Pendidikan="D3")]
    positions = [
        position("A1", "Unit A"),
        position("B1", "Unit B", Prioritas=1, **{"Golongan Min": "III/c"}),
        position("B2", "Unit B", Prioritas=1, **{"Golongan Maks": "III/a"}),
        position("B3", "Unit B", Prioritas=1, **{"Pendidikan Min": "S1"}),
        position("C1", "Unit C", Prioritas=2, **{"Golongan Min": "III/a", "Golongan Maks": "III/b"}),
    ]
    check(make_round(people, positions), (0, 0, 1), [4])


def test_d4_counts_as_s1() -> None:
    people = [person(1, "A1", Pendidikan="D4")]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1, **{"Pendidikan Min": "S1"})]
    check(make_round(people, positions), (0, 1, 1), [1])


def test_eselon_gives_the_default_grade_range() -> None:
    """Eselon IV.a means III/c-III/d when no Golongan Min/Maks is given (A1 and C1 are Pengawas posts
    without an eselon, so that rule 7 lets both people reach B1)."""
    people = [person(1, "A1", gol="III/b"), person(2, "C1", gol="III/d")]
    positions = [
        position("A1", "Unit A", jenis="Pengawas"),
        position("B1", "Unit B", jenis="Pengawas", Eselon="IV.a", Prioritas=1),
        position("C1", "Unit C", jenis="Pengawas"),
    ]
    check(make_round(people, positions), (0, 1, 2), [2, 1])


@pytest.mark.parametrize(
    ("years", "expected"),
    [(1.9, (0, 0, 0)), (2, (0, 1, 0)), (4.9, (0, 1, 0)), (5, (0, 1, 1))],
    ids=["1.9y-held", "2y-movable", "4.9y-not-due", "5y-due"],
)
def test_tenure_rules(years: float, expected: tuple[int, int, int]) -> None:
    """Moved only after two years in post; due after five (both boundaries inclusive)."""
    extra = {"TMT Jabatan": tmt_years_ago(int(years))} if float(years).is_integer() else {}
    people = [person(1, "A1", years=years, **extra)]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    check(make_round(people, positions), expected, [0] if expected[1] == 0 else [1])


@pytest.mark.parametrize(
    ("birth", "jenis", "extra", "held"),
    [
        (dt.date(1969, 11, 15), "Pelaksana", {}, True),  # BUP 58: retires 1 Dec 2027 = D + 12 months
        (dt.date(1969, 12, 1), "Pelaksana", {}, False),  # retires 1 Jan 2028
        (dt.date(1967, 11, 30), "JPT Pratama", {"Eselon": "II.b"}, True),  # BUP 60: 1 Dec 2027
        (dt.date(1969, 11, 15), "JPT Pratama", {"Eselon": "II.b"}, False),  # BUP 60: 1 Dec 2029
        (dt.date(1969, 6, 1), "Fungsional", {"Jenjang": "Ahli Madya"}, False),  # BUP 60: 1 Jul 2029
        (dt.date(1962, 11, 20), "Fungsional", {"Jenjang": "Ahli Utama"}, True),  # BUP 65: 1 Dec 2027
        (dt.date(1962, 12, 20), "Fungsional", {"Jenjang": "Ahli Utama"}, False),  # BUP 65: 1 Jan 2028
    ],
    ids=[
        "bup58-held",
        "bup58-free",
        "jpt60-held",
        "jpt60-free",
        "madya60-free",
        "utama65-held",
        "utama65-free",
    ],
)
def test_retirement_within_twelve_months(birth: dt.date, jenis: str, extra: dict, held: bool) -> None:
    """The destination is of the same kind and level (rule 7), so only rule 2 decides."""
    gol = "IV/d" if extra.get("Jenjang") == "Ahli Utama" else "IV/b"
    people = [person(1, "A1", gol=gol, nip=nip(1, birth=birth), **{"Tanggal Lahir": birth})]
    nama = f"Analis Kebijakan {extra['Jenjang']}" if jenis == "Fungsional" else f"Jabatan {jenis}"
    positions = [
        position("A1", "Unit A", jenis=jenis, nama=nama, **extra),
        position("B1", "Unit B", jenis=jenis, nama=nama, Prioritas=1, **extra),
    ]
    check(make_round(people, positions), (0, 0, 0) if held else (0, 1, 1), [0] if held else [1])


def test_retirement_from_the_nip_when_no_birth_date_column() -> None:
    people = [person(1, "A1", nip=nip(1, birth=dt.date(1969, 6, 3)))]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    check(make_round(people, positions), (0, 0, 0), [0])


@pytest.mark.parametrize(("hukuman", "held"), [("Berat", True), ("Sedang", True), ("Ringan", False)])
def test_discipline(hukuman: str, held: bool) -> None:
    people = [person(1, "A1", **{"Hukuman Disiplin": hukuman})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    check(make_round(people, positions), (0, 0, 0) if held else (0, 1, 1), [0] if held else [1])


# --- capacity -------------------------------------------------------------------------------------------
def _overstaffed_round(second_held: bool):
    """A1 has Formasi 1 and two incumbents; Unit A also has two staff under two years (cap 2)."""
    people = [
        person(1, "A1"),
        person(2, "A1", years=1 if second_held else 6),
        person(3, "C1", **{"Pilihan 1": "A1"}),
        person(4, "A2", years=1),
        person(5, "A3", years=1),
    ]
    positions = [
        position("A1", "Unit A"),
        position("A2", "Unit A"),
        position("A3", "Unit A"),
        position("B1", "Unit B"),
        position("B2", "Unit B"),
        position("C1", "Unit C", **{"Pendidikan Min": "S2"}),  # nobody can take C1
    ]
    larangan = [{"NIP": people[2]["NIP"], "Kode Jabatan": None, "Unit Kerja": "Unit B"}]  # P3: only A1
    return make_round(people, positions, Larangan=larangan)


def test_overstaffed_position_takes_a_newcomer_once_both_incumbents_leave() -> None:
    check(_overstaffed_round(second_held=False), (0, 0, 3))


def test_overstaffed_position_with_one_stayer_takes_nobody() -> None:
    """One incumbent stays: A1 may hold max(Formasi 1, 1 stayer) = 1, so P3 cannot come."""
    [res, _] = check(_overstaffed_round(second_held=True), (0, 0, 1))
    assert res.final[1] == 0 and res.final[2] == 5


def test_overstaffed_position_keeps_all_its_stayers() -> None:
    people = [person(1, "A1", years=1), person(2, "A1", years=1), person(3, "A1", years=1)]
    check(make_round(people, [position("A1", "Unit A", Prioritas=1)]), (0, 1, 0), [0, 0, 0])


def test_formasi_two_fills_both_places() -> None:
    people = [person(1, "A1"), person(2, "A2"), person(3, "A3"), person(4, "A4", years=1)]
    positions = [position(f"A{k}", "Unit A") for k in range(1, 5)]
    positions.append(position("B1", "Unit B", Prioritas=1, Formasi=2))
    res = check(make_round(people, positions), (0, 2, 2))
    assert np.count_nonzero(res[0].final == 4) == 2


# --- a round with nothing to gain at levels 0-2 is still solved to optimality ---------------------------
def test_round_without_level_0_2_terms_is_optimal() -> None:
    """No Dihapus, no Prioritas-1 place, nobody due: stage A is empty; the plan must still be proven
    optimal at level 3 (here: the wish for Unit B is granted by both solvers)."""
    people = [person(1, "A1", years=3, **{"Pilihan 1": "Unit B"})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B")]
    results = check(make_round(people, positions), (0, 0, 0))
    assert results[0].levels[3] == results[1].levels[3]
    assert [r.final.tolist() for r in results] == [[1], [1]]


@pytest.mark.parametrize("route", ["pricing", "direct"])
def test_nobody_moves_to_their_own_position(route: str) -> None:
    """A due person alone in their group, whose only other eligible position is held by someone who
    cannot move: "moving" into their own position is not a move, so nobody moves and level 2 is 0."""
    people = [person(1, "A1", years=6), person(2, "A2", years=1)]
    positions = [position("A1", "Unit A"), position("A2", "Unit B")]
    res = plan(make_round(people, positions), solver="highs", route=route, time_limit=30)
    assert res.status == "optimal"
    assert res.levels[2] == 0 and res.levels[4] == 0
    assert list(res.final) == [0, 1]


def test_lazy_rows_add_exactly_the_violated_ones() -> None:
    import highspy

    from mutasi_cli.solve.aggregate import _Builder, _LazyRows

    rows = _Builder()
    rows.row([(0, 1.0), (1, 1.0)], -highspy.kHighsInf, 1)  # x0 + x1 ≤ 1
    rows.row([(1, 1.0), (2, -1.0)], -highspy.kHighsInf, 0)  # x1 − x2 ≤ 0
    rows.row([(0, 2.0)], -highspy.kHighsInf, 3)  # 2·x0 ≤ 3
    lazy = _LazyRows(rows)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.addVars(3, np.zeros(3), np.ones(3))
    assert lazy.add_violated(h, np.array([1.0, 1.0, 1.0])) == 1  # only the first
    assert h.getNumRow() == 1 and list(lazy.pending) == [False, True, True]
    assert lazy.add_violated(h, np.array([1.0, 1.0, 1.0])) == 0  # the first is no longer pending
    assert lazy.add_violated(h, np.array([0.0, 1.0, 0.0])) == 1  # the second
    assert lazy.add_all(h) == 1 and h.getNumRow() == 3
    lp = h.getLp()
    assert list(lp.row_upper_) == [1.0, 0.0, 3.0]
