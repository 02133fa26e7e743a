"""Infeasibility diagnosis (exit 3): the Kunci, Larangan and Relasi rows that cannot all hold, found
exactly (no extra rows, decoys left out), in words, and through the CLI."""

import json

import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, make_round, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.inputs.settings import RuleSettings, Settings
from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve import diagnose as diagnose_mod
from mutasi_cli.solve import planner
from mutasi_cli.solve.diagnose import RowRef, diagnose, rows_text

runner = CliRunner()
SELALU = Settings(rules=RuleSettings(relasi="selalu"))


def _nip(people, i):
    return people[i]["NIP"]


def _round(people, positions, settings=None, **sheets):
    sheets = {k: v for k, v in sheets.items() if v}
    return make_round(people, positions, settings=settings, **sheets)


def _rows(d):
    return {(r.sheet, r.row) for r in d.rows}


def _without(sheets, refs):
    """The sheets with the rows ``refs`` (sheet, Excel row) removed: Excel row r is list item r - 2."""
    return {
        name: [row for i, row in enumerate(rows, start=2) if (name, i) not in refs]
        for name, rows in sheets.items()
    }


def _check(people, positions, sheets, expected, settings=None, conflicts=None):
    """The round is infeasible for the planner, the diagnosis names exactly ``expected`` and the planner
    finds a plan once they are removed."""
    rnd = _round(people, positions, settings, **sheets)
    assert planner.plan(rnd, time_limit=30).status == "infeasible"
    d = diagnose(rnd, person_status(rnd))
    assert d.proven, d.message
    assert _rows(d) == expected, d.message
    if conflicts is not None:
        assert sorted({(r.sheet, r.row) for r in c.rows} for c in d.conflicts) == sorted(conflicts), d.message
    for sheet, row in expected:
        assert f"{sheet} baris" in d.message and str(row) in d.message
    fixed = _round(people, positions, settings, **_without(sheets, expected))
    assert planner.plan(fixed, time_limit=30).status in ("optimal", "feasible")
    return d


def _decoys(people):
    """Rows that are fine: a Kunci into a vacancy, a Larangan and a Relasi across units."""
    return (
        [{"NIP": _nip(people, -1), "Kode Jabatan": "V9"}],
        [{"NIP": _nip(people, -2), "Kode Jabatan": "V9"}],
        [{"NIP 1": _nip(people, -2), "NIP 2": _nip(people, -3), "Hubungan": "Suami/Istri"}],
    )


def _decoy_people_and_positions():
    positions = [
        position("V9", "Unit Z"),
        position("D1", "Unit X"),
        position("D2", "Unit Y"),
        position("D3", "Unit W"),
    ]
    people = [person(91, "D1"), person(92, "D2"), person(93, "D3")]
    return people, positions


def test_two_kunci_into_a_place_whose_holder_cannot_move():
    """Formasi 2, one holder held by tenure: Kunci rows 2 and 4 bring two more; row 3 is a decoy."""
    positions = [position("P1", "Unit A", Formasi=2), position("B1", "Unit B"), position("C1", "Unit C")]
    people = [person(1, "P1", years=1), person(2, "B1"), person(3, "C1")]
    dp, dpos = _decoy_people_and_positions()
    people, positions = people + dp, positions + dpos
    k_decoy, l_decoy, r_decoy = _decoys(people)
    kunci = [
        {"NIP": _nip(people, 1), "Kode Jabatan": "P1"},
        *k_decoy,
        {"NIP": _nip(people, 2), "Kode Jabatan": "P1"},
    ]
    sheets = {"Kunci": kunci, "Larangan": l_decoy, "Relasi": r_decoy}
    d = _check(
        people, positions, sheets, {("Kunci", 2), ("Kunci", 4)}, conflicts=[{("Kunci", 2), ("Kunci", 4)}]
    )
    text = d.conflicts[0].text
    assert "Kunci baris 2 dan 4 menempatkan 2 pegawai ke P1" in text and "Formasi 2" in text
    assert f"NIP {_nip(people, 0)}" in text and "belum 2 tahun" in text  # the holder and why


def test_kunci_and_larangan_leave_the_holder_nowhere_to_go():
    """The holder of P1 (movable) must make room for a Kunci; the only vacancy for a Pelaksana is
    barred by a Larangan row; the others' holders are held, the Kunci person comes from a Pengawas post."""
    positions = [
        position("P1", "Unit A"), position("V1", "Unit B"), position("Q1", "Unit C"),
        position("S1", "Unit D", jenis="Pengawas", Eselon="IV.a"),
    ]  # fmt: skip
    people = [person(1, "P1"), person(2, "Q1", years=1), person(3, "S1")]
    kunci = [{"NIP": _nip(people, 2), "Kode Jabatan": "P1"}]
    larangan = [
        {"NIP": _nip(people, 1), "Kode Jabatan": "P1"},  # decoy: a held person barred elsewhere
        {"NIP": _nip(people, 0), "Kode Jabatan": "V1"},
    ]
    sheets = {"Kunci": kunci, "Larangan": larangan}
    d = _check(people, positions, sheets, {("Kunci", 2), ("Larangan", 3)})
    text = d.conflicts[0].text
    assert "Kunci baris 2 menempatkan" in text and "harus pindah" in text
    assert "Larangan baris 3" in text and f"NIP {_nip(people, 0)}" in text


def test_relasi_always_with_nobody_able_to_move():
    """relasi = "selalu": a pair in one unit, both held by tenure (Relasi row 3); row 2 is a decoy pair."""
    positions = [position("A1", "Unit A"), position("A2", "Unit A"), position("V1", "Unit B")]
    people = [person(1, "A1", years=1), person(2, "A2", years=1)]
    dp, dpos = _decoy_people_and_positions()
    people, positions = people + dp, positions + dpos
    k_decoy, _, r_decoy = _decoys(people)
    relasi = [*r_decoy, {"NIP 1": _nip(people, 0), "NIP 2": _nip(people, 1), "Hubungan": "Suami/Istri"}]
    sheets = {"Kunci": k_decoy, "Relasi": relasi}
    d = _check(people, positions, sheets, {("Relasi", 3)}, settings=SELALU)
    text = d.conflicts[0].text
    assert text.startswith("Relasi baris 3 (pasangan") and "selalu" in text and "Unit A" in text


def test_kunci_into_the_unit_of_a_related_person_who_stays():
    """relasi = "pindah": Kunci row 3 moves person 1 into Unit B, where their partner (Relasi row 2) is
    held; Kunci row 2 and the Larangan row are decoys."""
    positions = [position("A1", "Unit A"), position("B1", "Unit B"), position("B2", "Unit B")]
    people = [person(1, "A1"), person(2, "B1", years=1)]
    dp, dpos = _decoy_people_and_positions()
    people, positions = people + dp, positions + dpos
    k_decoy, l_decoy, _ = _decoys(people)
    kunci = [*k_decoy, {"NIP": _nip(people, 0), "Kode Jabatan": "B2"}]
    relasi = [{"NIP 1": _nip(people, 0), "NIP 2": _nip(people, 1), "Hubungan": "Saudara kandung"}]
    sheets = {"Kunci": kunci, "Larangan": l_decoy, "Relasi": relasi}
    d = _check(people, positions, sheets, {("Kunci", 3), ("Relasi", 2)})
    text = d.conflicts[0].text
    assert "Relasi baris 2" in text and "Kunci baris 3 memindahkan" in text and "Unit B" in text


def test_two_conflicts_are_named_apart():
    """A Kunci into a held holder's place (row 2) and a Relasi pair that must part (row 2): two
    conflicts, and the round is feasible without both."""
    positions = [
        position("P1", "Unit A"),
        position("B1", "Unit B"),
        position("C1", "Unit C"),
        position("C2", "Unit C"),
    ]
    people = [person(1, "P1", years=1), person(2, "B1"), person(3, "C1", years=1), person(4, "C2", years=1)]
    kunci = [{"NIP": _nip(people, 1), "Kode Jabatan": "P1"}]
    relasi = [{"NIP 1": _nip(people, 2), "NIP 2": _nip(people, 3)}]
    sheets = {"Kunci": kunci, "Relasi": relasi}
    d = _check(
        people, positions, sheets, {("Kunci", 2), ("Relasi", 2)}, settings=SELALU,
        conflicts=[{("Kunci", 2)}, {("Relasi", 2)}],
    )  # fmt: skip
    assert "(1) " in d.message and "(2) " in d.message


def test_a_feasible_round_names_nothing():
    positions = [position("A1", "Unit A"), position("V1", "Unit B")]
    people = [person(1, "A1")]
    rnd = _round(people, positions, Kunci=[{"NIP": _nip(people, 0), "Kode Jabatan": "V1"}])
    d = diagnose(rnd, person_status(rnd))
    assert d.conflicts == [] and not d.proven
    assert "--time-limit" in d.message  # what the planner's "infeasible" then means: time ran out


def test_rows_text_groups_by_sheet():
    refs = [RowRef("Relasi", 3), RowRef("Kunci", 7), RowRef("Kunci", 5), RowRef("Kunci", 9)]
    assert rows_text(refs) == "Kunci baris 5, 7 dan 9; Relasi baris 3"


class _Oracle:
    """A stand-in for the model: infeasible exactly when ``bad`` holds of the rows on."""

    def __init__(self, bad):
        self.bad, self.checks = bad, 0

    def feasible(self, on, deadline):
        self.checks += 1
        return not self.bad(set(on))


@pytest.mark.parametrize(
    "bad, expected",
    [
        (lambda s: {3, 17} <= s, [3, 17]),
        (lambda s: {0} <= s, [0]),
        (lambda s: {5, 6, 40} <= s or {41} <= s, None),
        # not monotone: row 9 on its own frees what 2 and 4 need; the halving is misled, the filter is not
        (lambda s: {2, 4} <= s and 9 not in s or {2, 4, 9, 30} <= s, None),
    ],
)
def test_conflict_search_is_irreducible(bad, expected):
    oracle = _Oracle(bad)
    rows = list(range(50))
    found = diagnose_mod._conflict(oracle, rows, float("inf"))
    assert bad(set(found))  # infeasible on its own
    assert all(not bad(set(found) - {u}) for u in found)  # and without any one of its rows, feasible
    if expected is not None:
        assert sorted(found) == expected
    assert oracle.checks < 40


def _cli_round(tmp_path):
    positions = [
        position("P1", "Unit A", Formasi=2),
        position("B1", "Unit B"),
        position("C1", "Unit C"),
        position("V1", "Unit D"),
    ]
    people = [person(1, "P1", years=1), person(2, "B1"), person(3, "C1"), person(4, "V1")]
    kunci = [{"NIP": _nip(people, 1), "Kode Jabatan": "P1"}, {"NIP": _nip(people, 2), "Kode Jabatan": "P1"}]
    return write_workbook(tmp_path / "round.xlsx", people, positions, Kunci=kunci)


def test_cli_plan_exits_3_naming_the_rows(tmp_path):
    wb = _cli_round(tmp_path)
    out = tmp_path / "rencana.xlsx"
    date = ["--effective-date", EFFECTIVE.isoformat()]
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), *date])
    assert result.exit_code == 3, result.output
    assert "Kunci baris 2 dan 3" in result.output and "P1" in result.output
    assert not out.exists()
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "--json", *date])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["status"] == "infeasible" and data["output"] is None
    assert "Kunci baris 2 dan 3" in data["message"]


def test_a_generated_round_with_its_own_rows_as_decoys():
    """The sample's Kunci, Larangan and Relasi rows are fine; one Kunci row added at the end puts a
    person into a Formasi-1 place whose holder cannot move: the diagnosis names that row only."""
    import numpy as np
    import pandas as pd

    from mutasi_cli.inputs.load import load_frames
    from mutasi_cli.sample import generate

    frames = generate(600, 11, EFFECTIVE)
    rnd0, _ = load_frames(frames, EFFECTIVE)
    status = person_status(rnd0)
    cur = rnd0.people["pos"].to_numpy()
    occupancy = np.bincount(cur, minlength=rnd0.n_positions)
    named = (
        set(rnd0.kunci["person"])
        | set(rnd0.larangan["person"])
        | set(rnd0.relasi["a"])
        | set(rnd0.relasi["b"])
    )
    positions = rnd0.positions
    target = next(
        p for p in range(rnd0.n_positions)
        if positions.at[p, "aktif"] and positions.at[p, "formasi"] == 1 and occupancy[p] == 1
        and not status.movable[np.flatnonzero(cur == p)[0]]
    )  # fmt: skip
    mover = next(
        e for e in range(rnd0.n_people)
        if e not in named and status.movable[e] and not status.dihapus[e]
        and positions.at[cur[e], "unit"] != positions.at[target, "unit"]
    )  # fmt: skip
    # decoys: Larangan and Relasi rows of people held in place (in different units), Kunci rows into vacancies
    nips, units = rnd0.people["nip"].to_numpy(), positions["unit"].to_numpy()[cur]
    held = [e for e in range(rnd0.n_people) if e not in named and e != mover and not status.movable[e]]
    free = [e for e in range(rnd0.n_people) if e not in named and e != mover and status.movable[e]]
    vacant = [
        p
        for p in range(rnd0.n_positions)
        if positions.at[p, "aktif"] and occupancy[p] < positions.at[p, "formasi"]
    ]
    larangan = [{"NIP": nips[e], "Kode Jabatan": positions.at[i, "kode"]} for i, e in enumerate(held[:10])]
    pairs, rest = [], iter(held[10:])
    for a in rest:
        b = next((b for b in rest if units[b] != units[a]), None)
        if b is None or len(pairs) == 10:
            break
        pairs.append((a, b))
    relasi = [{"NIP 1": nips[a], "NIP 2": nips[b], "Hubungan": "Suami/Istri"} for a, b in pairs]
    kunci, movers = [], iter(free)
    for p in vacant:
        e = next((e for e in movers if units[e] != positions.at[p, "unit"]), None)
        if e is None or len(kunci) == 10:
            break
        if p != target and p not in set(rnd0.kunci["position"]):
            kunci.append({"NIP": nips[e], "Kode Jabatan": positions.at[p, "kode"]})
    kunci.append({"NIP": nips[mover], "Kode Jabatan": positions.at[target, "kode"]})
    row = len(frames["Kunci"]) + len(kunci) + 1
    for name, rows in (("Kunci", kunci), ("Larangan", larangan), ("Relasi", relasi)):
        frames[name] = pd.concat([frames[name], pd.DataFrame(rows)], ignore_index=True)
    rnd, log = load_frames(frames, EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.errors]
    assert len(rnd.kunci) + len(rnd.larangan) + len(rnd.relasi) > 30  # decoys enough
    assert planner.plan(rnd, time_limit=60).status == "infeasible"
    d = diagnose(rnd, person_status(rnd))
    assert d.proven and _rows(d) == {("Kunci", row)}, d.message
    assert positions.at[target, "kode"] in d.message


def test_the_mip_agrees_with_the_lp():
    """A fractional LP falls back to a MIP: on the same switches it gives the LP's answer."""
    positions = [position("P1", "Unit A", Formasi=2), position("B1", "Unit B"), position("C1", "Unit C")]
    people = [person(1, "P1", years=1), person(2, "B1"), person(3, "C1")]
    kunci = [{"NIP": _nip(people, 1), "Kode Jabatan": "P1"}, {"NIP": _nip(people, 2), "Kode Jabatan": "P1"}]
    rnd = _round(people, positions, Kunci=kunci)
    units = diagnose_mod._units(rnd)
    board = diagnose_mod._Switchboard(rnd, person_status(rnd), units)
    for on, feasible in (([0, 1], False), ([0], True), ([], True)):
        assert board.feasible(on, float("inf")) is feasible
        assert board._mip(float("inf")) is feasible
