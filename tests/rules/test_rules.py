"""The rules of a move (CONTRACT.md rules 1–8, their exceptions, and every ``[aturan]`` setting) on
hand-built rounds at their boundaries, planned by the real planner with both solvers.

Effective date D = 1 December 2026 (``builders.EFFECTIVE``); ``person`` defaults to golongan III/c, S1,
six years in post (due), born 17 May 1980. Most rounds put a person in A1 (Unit A) next to a vacancy:
a move the rules allow happens (level 1 or 2 gains), one they refuse does not, and the refusing rule is
named by its code (``rules.pair_failures`` / ``PersonStatus.reasons``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import fields

import numpy as np
import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, make_round, nip, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.inputs.load import load_frames, load_round
from mutasi_cli.inputs.settings import RuleSettings, Settings, load_settings
from mutasi_cli.outputs import explain
from mutasi_cli.rules.eligibility import RULES, SETTING_LABELS, pair_failures, person_status
from mutasi_cli.solve.planner import PlanResult, plan
from mutasi_cli.solve.verify import UNPLACED, violations

SOLVERS = ("cbc", "highs")
DATE = ["--effective-date", EFFECTIVE.isoformat()]
runner = CliRunner()

#: every door of rule 7 open
ALL_DOORS = {"naik_eselon": True, "antar_jf": True, "struktural_fungsional": True, "penyetaraan": True}


# --- helpers --------------------------------------------------------------------------------------------
def with_rules(**kw) -> Settings:
    return Settings(rules=RuleSettings(**kw))


def solve(rnd, *, unique: bool = True) -> PlanResult:
    """Plan with CBC and HiGHS: both proven optimal, both valid by the independent checker, both with the
    same levels 0–4 and (``unique``) the same plan. Returns the CBC result."""
    results = []
    for solver in SOLVERS:
        res = plan(rnd, solver=solver, time_limit=30)
        assert res.status == "optimal", (solver, res.status, res.message)
        assert violations(rnd, person_status(rnd), res.final) == [], solver
        results.append(res)
    a, b = results
    assert a.levels == b.levels, (a.levels, b.levels)
    if unique:
        assert a.final.tolist() == b.final.tolist(), (a.final.tolist(), b.final.tolist())
    return a


def final(rnd) -> list[int]:
    return solve(rnd).final.tolist()


def kode_index(rnd, kode: str) -> int:
    return rnd.positions["kode"].tolist().index(kode)


def failing(rnd, e: int, kode: str) -> set[str]:
    """The pair rules that refuse person e position ``kode``."""
    fails = pair_failures(rnd, np.array([e]), np.array([kode_index(rnd, kode)]))
    return {code for code, fires in fails.items() if fires[0]}


def held_by(rnd, e: int) -> list[str]:
    return person_status(rnd).reasons(e)


def fungsional(kode: str, unit: str, nama: str, **extra) -> dict:
    return position(kode, unit, jenis="Fungsional", nama=nama, **extra)


def born(n: int, birth: dt.date, kode: str, **extra) -> dict:
    """Person n born on ``birth`` (NIP and Tanggal Lahir agree)."""
    return person(n, kode, nip=nip(n, birth=birth), **{"Tanggal Lahir": birth}, **extra)


def load_log(people, positions, settings=None, **sheets):
    frames = {"Pegawai": pd.DataFrame(people), "Jabatan": pd.DataFrame(positions)}
    frames.update({k: pd.DataFrame(v) for k, v in sheets.items()})
    return load_frames(frames, EFFECTIVE, settings)


def codes_of(log, severity: str | None = None) -> list[str]:
    return [i.code for i in log.issues if severity is None or i.severity == severity]


def squash(text: str) -> str:
    """Text without any whitespace (Rich wraps long messages, also inside paths)."""
    return re.sub(r"\s+", "", text)


def sheet_records(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


def key_values(ws) -> dict:
    return {r[0]: r[1] for r in ws.iter_rows(min_col=1, max_col=2, values_only=True) if r[0] is not None}


# --- rule 7: career path --------------------------------------------------------------------------------
@pytest.mark.parametrize("doors", [{}, ALL_DOORS], ids=["default", "all-doors"])
def test_same_jf_at_another_jenjang_is_refused(doors) -> None:
    """An Ahli Pertama nurse may not take the Prioritas-1 Ahli Muda nurse post (a grade range wide enough
    for both leaves rule 7 alone to refuse it), whatever door is open; she takes the Prioritas-2 nurse
    post at her own jenjang instead."""
    people = [person(1, "A1", gol="III/b")]
    positions = [
        fungsional("A1", "Unit A", "Perawat Ahli Pertama"),
        fungsional(
            "B1",
            "Unit B",
            "Perawat Ahli Muda",
            Prioritas=1,
            **{"Golongan Min": "III/a", "Golongan Maks": "III/d"},
        ),
        fungsional("C1", "Unit C", "Perawat Ahli Pertama", Prioritas=2),
    ]
    rnd = make_round(people, positions, settings=with_rules(**doors))
    assert failing(rnd, 0, "B1") == {"jenjang-jf"}
    assert failing(rnd, 0, "C1") == set()
    assert final(rnd) == [2]


@pytest.mark.parametrize(
    ("rumpun", "antar_jf", "allowed"),
    [("Guru", False, True), (None, False, False), (None, True, True)],
    ids=["rumpun-guru", "no-rumpun", "no-rumpun-antar-jf"],
)
def test_irregular_jf_names_are_one_jf_by_rumpun(rumpun, antar_jf, allowed) -> None:
    """The names "Guru Kelas Ahli Pertama" and "Guru Mata Pelajaran IPA Ahli Pertama" are one JF only by their
    Rumpun; read from the names they are two JF ("guru kelas", "guru mata pelajaran ipa"), which only
    the antar_jf door joins."""
    extra = {"Rumpun": rumpun} if rumpun else {}
    people = [person(1, "A1", gol="III/b")]
    positions = [
        fungsional("A1", "Unit A", "Guru Kelas Ahli Pertama", **extra),
        fungsional("B1", "Unit B", "Guru Mata Pelajaran IPA Ahli Pertama", Prioritas=1, **extra),
    ]
    rnd = make_round(people, positions, settings=with_rules(antar_jf=antar_jf))
    assert failing(rnd, 0, "B1") == (set() if allowed else {"jf-berbeda"})
    assert final(rnd) == ([1] if allowed else [0])


def test_antar_jf_keeps_the_jenjang() -> None:
    """antar_jf opens another JF at the same jenjang only: Perencana Ahli Muda → Analis Kebijakan Ahli
    Muda, never → Analis Kebijakan Ahli Madya."""
    people = [person(1, "A1", gol="III/d")]
    wide = {"Golongan Min": "III/c", "Golongan Maks": "IV/a"}
    positions = [
        fungsional("A1", "Unit A", "Perencana Ahli Muda"),
        fungsional("B1", "Unit B", "Analis Kebijakan Ahli Madya", Prioritas=1, **wide),
        fungsional("C1", "Unit C", "Analis Kebijakan Ahli Muda", Prioritas=2),
    ]
    rnd = make_round(people, positions)
    assert failing(rnd, 0, "B1") == {"jf-berbeda", "jenjang-jf"}
    assert failing(rnd, 0, "C1") == {"jf-berbeda"}
    assert final(rnd) == [0]
    rnd = make_round(people, positions, settings=with_rules(antar_jf=True))
    assert failing(rnd, 0, "B1") == {"jenjang-jf"}
    assert failing(rnd, 0, "C1") == set()
    assert final(rnd) == [2]


@pytest.mark.parametrize(
    ("cur", "dest", "gol", "naik", "refused_by"),
    [
        (("Administrator", "III.b"), ("Administrator", "III.a"), "IV/a", False, {"eselon"}),
        (("Administrator", "III.a"), ("Administrator", "III.b"), "IV/a", False, {"eselon"}),
        (("Administrator", "III.b"), ("Administrator", "III.a"), "IV/a", True, set()),
        (("Administrator", "III.a"), ("Administrator", "III.b"), "IV/a", True, {"eselon"}),
        (("Pengawas", "IV.b"), ("Pengawas", "IV.a"), "III/c", True, set()),
        (("Pengawas", "IV.a"), ("Administrator", "III.b"), "III/d", False, {"jenis-jabatan", "eselon"}),
        (("Pengawas", "IV.a"), ("Administrator", "III.b"), "III/d", True, set()),
        (("Pengawas", "IV.b"), ("Administrator", "III.b"), "III/d", True, {"jenis-jabatan", "eselon"}),
        (("Administrator", "III.a"), ("JPT Pratama", "II.b"), "IV/b", True, {"jpt-seleksi", "eselon"}),
    ],
    ids=[
        "IIIb-IIIa",
        "IIIa-IIIb",
        "IIIb-IIIa-naik",
        "IIIa-IIIb-naik-never-down",
        "IVb-IVa-naik",
        "IVa-Adm-IIIb",
        "IVa-Adm-IIIb-naik",
        "IVb-Adm-IIIb-two-steps",
        "IIIa-JPT-naik-never",
    ],
)
def test_eselon_is_kept_and_naik_eselon_opens_one_step_up(cur, dest, gol, naik, refused_by) -> None:
    """Same eselon, or with naik_eselon exactly one step up (IV.b < IV.a < III.b < III.a), never down,
    never two steps and never into a JPT post (Golongan Min/Maks wide enough that rule 4 is silent)."""
    wide = {"Golongan Min": "III/b", "Golongan Maks": "IV/c"}
    people = [person(1, "A1", gol=gol)]
    positions = [
        position("A1", "Unit A", jenis=cur[0], Eselon=cur[1], **wide),
        position("B1", "Unit B", jenis=dest[0], Eselon=dest[1], Prioritas=1, **wide),
    ]
    rnd = make_round(people, positions, settings=with_rules(naik_eselon=naik))
    assert failing(rnd, 0, "B1") == refused_by
    assert final(rnd) == ([0] if refused_by else [1])


KINDS = {
    "Pelaksana": {"jenis": "Pelaksana", "nama": "Pengadministrasi Umum"},
    "Pengawas": {"jenis": "Pengawas", "nama": "Kepala Seksi Umum"},
    "Fungsional": {"jenis": "Fungsional", "nama": "Analis Kebijakan Ahli Muda"},
}


@pytest.mark.parametrize("doors", [{}, ALL_DOORS], ids=["default", "all-doors"])
@pytest.mark.parametrize(
    ("src", "dst"),
    [
        ("Pelaksana", "Pengawas"),
        ("Pengawas", "Pelaksana"),
        ("Fungsional", "Pelaksana"),
        ("Pelaksana", "Fungsional"),
    ],
)
def test_kind_of_position_is_kept(src, dst, doors) -> None:
    """Pelaksana → Pengawas is a promotion, Pengawas → Pelaksana a demotion, JF ↔ Pelaksana a change of
    profession: none is a rotation, and no setting opens them."""
    people = [person(1, "A1", gol="III/c")]
    positions = [position("A1", "Unit A", **KINDS[src]), position("B1", "Unit B", Prioritas=1, **KINDS[dst])]
    rnd = make_round(people, positions, settings=with_rules(**doors))
    assert failing(rnd, 0, "B1") == {"jenis-jabatan"}
    assert final(rnd) == [0]


def test_jpt_moves_between_jpt_posts_only() -> None:
    """Mutasi antar-JPT is a rotation: a JPT takes the other JPT post; an Administrator III.a may not,
    even with naik_eselon."""
    jpt = {"jenis": "JPT Pratama", "Eselon": "II.b"}
    people = [person(1, "A1", gol="IV/b")]
    positions = [position("A1", "Unit A", **jpt), position("B1", "Unit B", Prioritas=1, **jpt)]
    assert final(make_round(people, positions)) == [1]
    positions[0] = position("A1", "Unit A", jenis="Administrator", Eselon="III.a")
    rnd = make_round(people, positions, settings=with_rules(naik_eselon=True))
    assert "jpt-seleksi" in failing(rnd, 0, "B1")
    assert final(rnd) == [0]


@pytest.mark.parametrize("doors", [{}, ALL_DOORS], ids=["default", "all-doors"])
def test_pppk_keeps_its_nama_jabatan_and_never_takes_a_structural_post(doors) -> None:
    """A PPPK nurse: not the Pengawas post, not the Bidan post (another JF name), whatever door is open;
    the same Nama Jabatan in another unit, whatever its grade range."""
    pppk = person(1, "A1", gol="IX", nip=nip(1, pppk=True), **{"Jenis ASN": "PPPK"})
    positions = [
        fungsional("A1", "Unit A", "Perawat Ahli Pertama"),
        position("B1", "Unit B", jenis="Pengawas", nama="Kepala Seksi Pelayanan", Prioritas=1),
        fungsional("B2", "Unit B", "Bidan Ahli Pertama", Prioritas=1),
        fungsional("C1", "Unit C", "Perawat Ahli Pertama", Prioritas=2, **{"Golongan Min": "IV/d"}),
    ]
    rnd = make_round([pppk], positions, settings=with_rules(**doors))
    assert {"pppk-struktural", "pppk-jabatan"} <= failing(rnd, 0, "B1")
    assert "pppk-jabatan" in failing(rnd, 0, "B2")
    assert failing(rnd, 0, "C1") == set()
    assert final(rnd) == [3]


def test_pppk_pelaksana_to_a_pengawas_post_of_the_same_name_is_refused() -> None:
    """Even under the same Nama Jabatan, a PPPK never holds a Pengawas post (Perpres 38/2020)."""
    pppk = person(1, "A1", gol="VII", nip=nip(1, pppk=True), **{"Jenis ASN": "PPPK"})
    positions = [
        position("A1", "Unit A", nama="Pengelola Layanan"),
        position("B1", "Unit B", jenis="Pengawas", nama="Pengelola Layanan", Prioritas=1),
    ]
    rnd = make_round([pppk], positions, settings=with_rules(**ALL_DOORS))
    assert "pppk-struktural" in failing(rnd, 0, "B1")
    assert final(rnd) == [0]


# --- rule 2: retirement ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("nama", "rumpun", "birth", "held"),
    [
        ("Guru Ahli Muda", None, dt.date(1967, 12, 1), False),  # 59 at D, BUP 60: retires 1 Jan 2028
        ("Guru Ahli Muda", None, dt.date(1967, 11, 30), True),  # retires 1 Dec 2027 = D + 12 months
        ("Guru Kelas Ahli Muda", "Guru", dt.date(1967, 12, 1), False),  # JF Guru by its Rumpun
        ("Perawat Ahli Muda", None, dt.date(1969, 6, 1), True),  # 57.5, BUP 58: retires 1 Jul 2027
        ("Perawat Ahli Muda", None, dt.date(1969, 12, 1), False),  # 57.0: retires 1 Jan 2028
    ],
    ids=["guru-59-free", "guru-59-held", "guru-by-rumpun-59-free", "perawat-57.5-held", "perawat-57-free"],
)
def test_retirement_by_the_bup_of_the_jf(nama, rumpun, birth, held) -> None:
    extra = {"Rumpun": rumpun} if rumpun else {}
    people = [born(1, birth, "A1")]
    positions = [
        fungsional("A1", "Unit A", nama, **extra),
        fungsional("B1", "Unit B", nama, Prioritas=1, **extra),
    ]
    rnd = make_round(people, positions)
    assert held_by(rnd, 0) == (["pensiun"] if held else [])
    assert final(rnd) == ([0] if held else [1])


def test_past_retirement_is_a_validate_warning_by_the_bup_of_the_position() -> None:
    """58.5 years old: past BUP 58 as a nurse (warning), within BUP 60 as a teacher (no warning)."""
    birth = dt.date(1968, 6, 1)
    people = [born(1, birth, "A1"), born(2, birth, "B1")]
    positions = [
        fungsional("A1", "Unit A", "Perawat Ahli Muda"),
        fungsional("B1", "Unit B", "Guru Ahli Muda"),
    ]
    rnd, log = load_log(people, positions)
    assert rnd is not None
    warned = [(i.code, i.severity, i.row) for i in log.issues if i.code == "past-retirement"]
    assert warned == [("past-retirement", "warning", 2)]


@pytest.mark.parametrize(
    ("birth", "door", "refused_by"),
    [
        (dt.date(1968, 6, 1), False, {"jenis-jabatan", "pensiun-tujuan"}),  # 58.5
        (dt.date(1968, 6, 1), True, {"pensiun-tujuan"}),
        (dt.date(1971, 12, 1), True, set()),  # 55
        (dt.date(1971, 12, 1), False, {"jenis-jabatan"}),
    ],
    ids=["58.5-door-shut", "58.5-door-open", "55-door-open", "55-door-shut"],
)
def test_ahli_madya_to_administrator_by_the_bup_of_the_destination(birth, door, refused_by) -> None:
    """An Ahli Madya (BUP 60) of 58.5 is not held where she is, but an Administrator post (BUP 58) is one
    she has already passed retirement for: refused by rule 2 even with struktural_fungsional, and by
    rule 7 without it; at 55 the door lets her through."""
    people = [born(1, birth, "A1", gol="IV/a")]
    positions = [
        fungsional("A1", "Unit A", "Analis Kebijakan Ahli Madya"),
        position(
            "B1", "Unit B", jenis="Administrator", nama="Kepala Bidang Program", Eselon="III.b", Prioritas=1
        ),
    ]
    rnd = make_round(people, positions, settings=with_rules(struktural_fungsional=door))
    assert held_by(rnd, 0) == []
    assert failing(rnd, 0, "B1") == refused_by
    assert final(rnd) == ([0] if refused_by else [1])


# --- rule 3: discipline ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("level", "start", "end", "held"),
    [
        ("Sedang", None, dt.date(2026, 11, 30), False),  # ended the day before D
        ("Sedang", None, dt.date(2026, 12, 1), True),  # ends on D
        ("Berat", dt.date(2026, 1, 1), None, True),  # started 11 months ago: runs to 31 Dec 2026
        ("Berat", dt.date(2025, 12, 1), None, False),  # started 12 months ago: ended 30 Nov 2026
        ("Berat", dt.date(2027, 1, 1), dt.date(2027, 12, 31), False),  # not started yet
        ("Sedang", dt.date(2026, 6, 1), dt.date(2027, 5, 31), True),
        ("Berat", None, None, True),  # no dates: taken as running
        ("Ringan", None, None, False),  # Ringan never holds
    ],
    ids=[
        "ended-day-before-D",
        "ends-on-D",
        "start-11-months-ago",
        "start-12-months-ago",
        "starts-after-D",
        "running",
        "no-dates",
        "ringan",
    ],
)
def test_sanction_period(level, start, end, held) -> None:
    row = {"Hukuman Disiplin": level}
    if start:
        row["TMT Hukuman"] = start
    if end:
        row["Akhir Hukuman"] = end
    people = [person(1, "A1", **row)]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    rnd, log = load_log(people, positions)
    assert rnd is not None
    no_dates = level in ("Sedang", "Berat") and start is None and end is None
    assert [(i.code, i.severity) for i in log.issues if i.code == "hukuman-no-dates"] == (
        [("hukuman-no-dates", "warning")] if no_dates else []
    )
    assert held_by(rnd, 0) == (["hukuman-disiplin"] if held else [])
    assert final(rnd) == ([0] if held else [1])


def test_validate_warns_of_unknown_sanction_end_and_past_retirement(tmp_path) -> None:
    """Warnings, not errors: `mutasi validate` exits 0 and names each row."""
    people = [
        person(1, "A1", **{"Hukuman Disiplin": "Berat"}),  # no dates
        person(2, "A2", **{"Hukuman Disiplin": "Sedang", "Akhir Hukuman": dt.date(2027, 3, 1)}),
        born(3, dt.date(1968, 6, 1), "A3"),  # 58.5, Pelaksana: past BUP 58
    ]
    positions = [position(f"A{k}", "Unit A") for k in (1, 2, 3)]
    wb = write_workbook(tmp_path / "r.xlsx", people, positions)
    result = runner.invoke(app, ["validate", str(wb), str(wb), "--json", *DATE])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["valid"] is True
    found = sorted((i["code"], i["severity"], i["sheet"], i["row"]) for i in data["issues"])
    assert found == [
        ("hukuman-no-dates", "warning", "Pegawai", 2),
        ("past-retirement", "warning", "Pegawai", 4),
    ]


# --- rule 8: status ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tugas Belajar", "Tugas Belajar"),
        ("CLTN", "CLTN"),
        ("Cuti di Luar Tanggungan Negara", "CLTN"),
        ("Pemberhentian Sementara", "Pemberhentian Sementara"),
        ("Aktif", None),
    ],
)
def test_kedudukan_hukum_keeps_a_person_in_place(written, canonical) -> None:
    people = [person(1, "A1", **{"Kedudukan Hukum": written})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    rnd = make_round(people, positions)
    if canonical is None:
        assert held_by(rnd, 0) == [] and final(rnd) == [1]
        return
    assert held_by(rnd, 0) == ["kedudukan-hukum"]
    res = solve(rnd)
    assert res.final.tolist() == [0]
    [row] = explain.stays(rnd, res).to_dict("records")  # due, stays: on Tidak Dimutasi
    assert canonical in row["Alasan"]
    assert row["Dasar Hukum"]


def test_kedudukan_hukum_holds_even_a_dihapus_incumbent() -> None:
    """On Tugas Belajar in an abolished post: not moved although B1 would fit, so tidak tertampung."""
    people = [person(1, "A1", **{"Kedudukan Hukum": "Tugas Belajar"})]
    positions = [position("A1", "Unit A", Status="Dihapus"), position("B1", "Unit B")]
    rnd = make_round(people, positions)
    assert failing(rnd, 0, "B1") == set()
    res = solve(rnd)
    assert res.final.tolist() == [UNPLACED] and res.levels[0] == 1


def test_tidak_tertampung_by_kedudukan_hukum_names_it() -> None:
    people = [person(1, "A1", **{"Kedudukan Hukum": "Tugas Belajar"})]
    positions = [position("A1", "Unit A", Status="Dihapus"), position("B1", "Unit B")]
    rnd = make_round(people, positions)
    res = solve(rnd)
    [row] = explain.stays(rnd, res).to_dict("records")
    assert "Tugas Belajar" in row["Alasan"]


@pytest.mark.parametrize("jenis_asn", ["CPNS", "CPNS Daerah", "cpns daerah"])
def test_cpns_stays_unless_mutasi_cpns(jenis_asn) -> None:
    people = [person(1, "A1", years=3, **{"Jenis ASN": jenis_asn})]
    positions = [position("A1", "Unit A"), position("B1", "Unit B", Prioritas=1)]
    rnd = make_round(people, positions)
    assert held_by(rnd, 0) == ["cpns"]
    assert final(rnd) == [0]
    rnd = make_round(people, positions, settings=with_rules(mutasi_cpns=True))
    assert held_by(rnd, 0) == []
    assert final(rnd) == [1]


def test_cpns_in_a_dihapus_post_moves() -> None:
    people = [person(1, "A1", years=1, **{"Jenis ASN": "CPNS"})]
    positions = [position("A1", "Unit A", Status="Dihapus"), position("B1", "Unit B")]
    assert final(make_round(people, positions)) == [1]


# --- exceptions: Dihapus and penyetaraan ----------------------------------------------------------------
def test_dihapus_pengawas_is_placed_in_a_jf_ahli_muda_only_with_penyetaraan() -> None:
    """The incumbent of an abolished Pengawas post, with no Pengawas place left: tidak tertampung; with
    penyetaraan, a JF Ahli Muda post (not Ahli Madya). An Aktif Pengawas gets no such door."""
    people = [person(1, "D1"), person(2, "A2")]
    positions = [
        position("D1", "Unit A", jenis="Pengawas", nama="Kepala Seksi Lama", Status="Dihapus"),
        fungsional("F1", "Unit B", "Analis Kebijakan Ahli Muda", Prioritas=1, Formasi=2),
        fungsional("F2", "Unit C", "Analis Kebijakan Ahli Madya", Prioritas=1, **{"Golongan Min": "III/c"}),
        position("A2", "Unit D", jenis="Pengawas", nama="Kepala Seksi Umum"),
    ]
    rnd = make_round(people, positions)
    assert failing(rnd, 0, "F1") == {"jenis-jabatan"}
    res = solve(rnd)
    assert res.final.tolist() == [UNPLACED, 3] and res.levels[0] == 1
    [row] = [r for r in explain.stays(rnd, res).to_dict("records") if r["NIP"] == people[0]["NIP"]]
    assert row["Kode Jabatan"] == "D1"

    rnd = make_round(people, positions, settings=with_rules(penyetaraan=True))
    assert failing(rnd, 0, "F1") == set()
    assert failing(rnd, 0, "F2") >= {"jenis-jabatan"}
    assert failing(rnd, 1, "F1") == {"jenis-jabatan"}  # Aktif post: no penyetaraan
    res = solve(rnd)
    assert res.final.tolist() == [1, 3] and res.levels[0] == 0


def test_dihapus_administrator_is_placed_in_a_jf_ahli_madya_with_penyetaraan() -> None:
    people = [person(1, "D1", gol="IV/a")]
    positions = [
        position("D1", "Unit A", jenis="Administrator", Eselon="III.a", Status="Dihapus"),
        fungsional("F1", "Unit B", "Analis Kebijakan Ahli Muda", **{"Golongan Maks": "IV/a"}),
        fungsional("F2", "Unit C", "Analis Kebijakan Ahli Madya"),
    ]
    assert final(make_round(people, positions)) == [UNPLACED]
    rnd = make_round(people, positions, settings=with_rules(penyetaraan=True))
    assert "jenis-jabatan" in failing(rnd, 0, "F1")
    assert final(rnd) == [2]


def test_dihapus_incumbent_near_retirement_is_still_placed() -> None:
    people = [born(1, dt.date(1969, 3, 10), "D1")]  # BUP 58: retires 1 Apr 2027
    positions = [position("D1", "Unit A", Status="Dihapus"), position("B1", "Unit B")]
    assert final(make_round(people, positions)) == [1]


# --- Kunci ----------------------------------------------------------------------------------------------
def _kunci_round():
    """P1 a Pelaksana locked into a Pengawas post (breaks rule 7); P2 a JPT of one year locked into
    another JPT post (breaks rule 1 and the JPT protection); P3 a JPT of three years locked likewise
    (breaks nothing)."""
    jpt = {"jenis": "JPT Pratama", "Eselon": "II.b"}
    people = [person(1, "A1"), person(2, "J1", years=1, gol="IV/b"), person(3, "J3", years=3, gol="IV/b")]
    positions = [
        position("A1", "Unit A"),
        position("B1", "Unit B", jenis="Pengawas", nama="Kepala Seksi Umum"),
        position("J1", "Unit C", nama="Kepala Dinas C", **jpt),
        position("J2", "Unit D", nama="Kepala Dinas D", **jpt),
        position("J3", "Unit E", nama="Kepala Dinas E", **jpt),
        position("J4", "Unit F", nama="Kepala Dinas F", **jpt),
    ]
    kunci = [
        {"NIP": people[0]["NIP"], "Kode Jabatan": "B1"},
        {"NIP": people[1]["NIP"], "Kode Jabatan": "J2"},
        {"NIP": people[2]["NIP"], "Kode Jabatan": "J4"},
    ]
    return people, positions, kunci


def test_kunci_breaking_rules_is_honoured_and_the_broken_rules_are_named() -> None:
    people, positions, kunci = _kunci_round()
    rnd = make_round(people, positions, Kunci=kunci)
    res = solve(rnd)
    assert res.final.tolist() == [1, 3, 5]
    assert explain.kunci_breaks(rnd, res, 0) == ["jenis-jabatan"]
    assert explain.kunci_breaks(rnd, res, 1) == ["masa-jabatan"]
    assert explain.kunci_breaks(rnd, res, 2) == []


def _plan_rows(tmp_path, people, positions, *, config=None, **sheets):
    """Plan through the CLI; (Daftar Mutasi rows by NIP, the workbook)."""
    wb = write_workbook(tmp_path / "round.xlsx", people, positions, **sheets)
    out = tmp_path / "hasil.xlsx"
    args = ["plan", str(wb), str(wb), "-o", str(out), "--json", *DATE]
    if config is not None:
        args += ["--config", str(config)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "optimal"
    book = openpyxl.load_workbook(out)
    return {r["NIP"]: r for r in sheet_records(book["Daftar Mutasi"])}, book


def _notes(row: dict) -> str:
    """What the workbook says about a move: Keterangan and, where present, Catatan Internal."""
    return " ".join(str(row.get(c) or "") for c in ("Keterangan", "Catatan Internal"))


def test_kunci_workbook_lists_the_rules_it_breaks_and_the_jpt_protection(tmp_path) -> None:
    people, positions, kunci = _kunci_round()
    rows, _ = _plan_rows(tmp_path, people, positions, Kunci=kunci)
    assert {nip_: r["Kode Jabatan Baru"] for nip_, r in rows.items()} == {
        people[0]["NIP"]: "B1",
        people[1]["NIP"]: "J2",
        people[2]["NIP"]: "J4",
    }
    s = RuleSettings()
    p1, p2, p3 = (_notes(rows[p["NIP"]]) for p in people)
    assert RULES["jenis-jabatan"].describe(s) in p1
    assert RULES["masa-jabatan"].describe(s) not in p1 and "116" not in p1
    assert RULES["masa-jabatan"].describe(s) in p2
    assert "UU 5/2014 Pasal 116" in p2  # the JPT protection
    assert "116" not in p3 and RULES["masa-jabatan"].describe(s) not in p3


def test_kunci_broken_rules_stay_out_of_keterangan_and_the_lampiran(tmp_path) -> None:
    people, positions, kunci = _kunci_round()
    rows, book = _plan_rows(tmp_path, people, positions, Kunci=kunci)
    broken = RULES["jenis-jabatan"].describe(RuleSettings())
    assert broken in str(rows[people[0]["NIP"]].get("Catatan Internal") or "")
    assert broken not in str(rows[people[0]["NIP"]]["Keterangan"])
    lampiran = " ".join(str(v) for r in book["Lampiran SK"].iter_rows(values_only=True) for v in r if v)
    assert broken not in lampiran and "116" not in lampiran


@pytest.mark.parametrize(
    ("tmt", "protected"),
    [
        pytest.param(dt.date(2024, 12, 2), True, id="one-day-short-of-2-years"),
        pytest.param(dt.date(2024, 12, 1), False, id="exactly-2-years"),
    ],
)
def test_jpt_protection_ends_two_years_after_taking_office(tmt, protected) -> None:
    """UU 5/2014 Pasal 116 ayat (1): no replacement for 2 years from taking office; at TMT + 2 years the
    protection is over (the same boundary rule 1 uses for 'two years in post')."""
    jpt = {"jenis": "JPT Pratama", "Eselon": "II.b"}
    people = [person(1, "J1", gol="IV/b", **{"TMT Jabatan": tmt})]
    positions = [position("J1", "Unit A", **jpt), position("J2", "Unit B", **jpt)]
    rnd = make_round(people, positions, Kunci=[{"NIP": people[0]["NIP"], "Kode Jabatan": "J2"}])
    res = solve(rnd)
    [row] = explain.moves(rnd, res).to_dict("records")
    assert ("116" in _notes(row)) == protected
    assert explain.kunci_breaks(rnd, res, 0) == (["masa-jabatan"] if protected else [])


def test_kunci_moving_a_person_held_by_rule_8_is_a_validate_error(tmp_path) -> None:
    people = [
        person(1, "A1", **{"Kedudukan Hukum": "Tugas Belajar"}),
        person(2, "A2", years=1, **{"Jenis ASN": "CPNS"}),
        person(3, "A3", **{"Kedudukan Hukum": "Tugas Belajar"}),
    ]
    positions = [position(f"A{k}", "Unit A") for k in (1, 2, 3)] + [
        position(f"B{k}", "Unit B") for k in (1, 2)
    ]
    wb = write_workbook(tmp_path / "ok.xlsx", people, positions)
    ok = runner.invoke(app, ["validate", str(wb), str(wb), "--json", *DATE])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["valid"] is True

    kunci = [
        {"NIP": people[0]["NIP"], "Kode Jabatan": "B1"},
        {"NIP": people[1]["NIP"], "Kode Jabatan": "B2"},
        {"NIP": people[2]["NIP"], "Kode Jabatan": "TETAP"},  # keeping them in place is fine
    ]
    wb = write_workbook(tmp_path / "kunci.xlsx", people, positions, Kunci=kunci)
    bad = runner.invoke(app, ["validate", str(wb), str(wb), "--json", *DATE])
    assert bad.exit_code == 1, bad.output
    data = json.loads(bad.stdout)
    assert data["valid"] is False
    found = sorted((i["code"], i["severity"], i["sheet"], i["row"]) for i in data["issues"])
    assert found == [("kunci-status", "error", "Kunci", 2), ("kunci-status", "error", "Kunci", 3)]
    # with mutasi_cpns the CPNS may be locked into a move; the Tugas Belajar person still may not
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[aturan]\nmutasi_cpns = true\n", encoding="utf-8")
    bad = runner.invoke(app, ["validate", str(wb), str(wb), "--json", "--config", str(cfg), *DATE])
    assert bad.exit_code == 1
    found = [(i["code"], i["row"]) for i in json.loads(bad.stdout)["issues"]]
    assert found == [("kunci-status", 2)]


# --- Lowongan: the route of a place rotation cannot fill ------------------------------------------------
def test_lowongan_routes_and_ringkasan_counts(tmp_path) -> None:
    """A JPT vacancy nobody enters (an Administrator III.a is due, naik_eselon is on): Seleksi terbuka;
    a Pengawas post nobody of that level qualifies for: Promosi; a JF post nobody of that JF holds:
    appointment/transfer; a Pelaksana post whose only candidate is held: Rotasi."""
    people = [person(1, "A1", gol="IV/b"), person(2, "R0", years=1)]
    positions = [
        position("A1", "Unit A", jenis="Administrator", nama="Sekretaris", Eselon="III.a"),
        position("J1", "Unit B", jenis="JPT Pratama", nama="Kepala Dinas", Eselon="II.b", Prioritas=1),
        position("V1", "Unit C", jenis="Pengawas", nama="Kepala Seksi", Prioritas=2),
        fungsional("F1", "Unit D", "Apoteker Ahli Pertama", Prioritas=2),
        position("R0", "Unit E"),
        position("R1", "Unit F"),
    ]
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[aturan]\nnaik_eselon = true\n", encoding="utf-8")
    rows, book = _plan_rows(tmp_path, people, positions, config=cfg)
    assert rows == {}  # nobody moves: A1 may not enter J1, R0's holder is under two years
    lowongan = {r["Kode Jabatan"]: r for r in sheet_records(book["Lowongan"])}
    assert set(lowongan) == {"J1", "V1", "F1", "R1"}
    assert lowongan["J1"]["Jalur Pengisian"] == "Seleksi terbuka" and lowongan["J1"]["Terisi"] == 0
    assert "107" in lowongan["J1"]["Dasar Hukum"]
    assert lowongan["V1"]["Jalur Pengisian"] == "Promosi"
    assert lowongan["F1"]["Jalur Pengisian"] == "Pengangkatan/perpindahan JF"
    assert lowongan["R1"]["Jalur Pengisian"] == "Rotasi"
    for r in lowongan.values():
        assert r["Alasan"]
    ringkasan = {str(k).strip().lower(): v for k, v in key_values(book["Ringkasan"]).items()}
    counts = {
        route: v
        for k, v in ringkasan.items()
        for route in ("seleksi terbuka", "promosi", "pengangkatan/perpindahan jf")
        if k.startswith("di antaranya") and route in k
    }
    assert counts == {"seleksi terbuka": 1, "promosi": 1, "pengangkatan/perpindahan jf": 1}


# --- every [aturan] setting changes the plan ------------------------------------------------------------
def _pair(p1: dict, src: dict, dst: dict) -> tuple[list[dict], list[dict], dict]:
    return (
        [p1],
        [
            {**src, "Kode Jabatan": "A1", "Unit Kerja": "Unit A"},
            {**dst, "Kode Jabatan": "B1", "Unit Kerja": "Unit B"},
        ],
        {},
    )


def _relasi_scenario():
    people = [person(1, "A1", years=3), person(2, "A2", years=3)]
    positions = [position("A1", "Unit A"), position("A2", "Unit A"), position("B1", "Unit B")]
    sheets = {
        "Relasi": [{"NIP 1": people[0]["NIP"], "NIP 2": people[1]["NIP"], "Hubungan": "Suami/Istri"}],
        "Larangan": [{"NIP": people[1]["NIP"], "Unit Kerja": "Unit B"}],
    }
    return people, positions, sheets


def _turnover_scenario():
    people = [person(k, f"A{k}") for k in range(1, 5)]
    positions = [position(f"A{k}", "Unit A") for k in range(1, 5)]
    positions += [position(f"B{k}", "Unit B", Prioritas=1) for k in range(1, 5)]
    return people, positions, {}


def _moved(res: PlanResult) -> int:
    return int(res.moved.sum())


PLAIN = position("X", "X")
P1 = {**PLAIN, "Prioritas": 1}
SETTING_CASES = {
    # key: (scenario, toml line, measure, default value, value under the setting)
    "masa_minimal": (
        lambda: _pair(person(1, "A1", years=1.5), PLAIN, P1),
        "masa_minimal = 1",
        None,
        [0],
        [1],
    ),
    "masa_jatuh_tempo": (  # 4 years in post, a Prioritas-3 vacancy: moved only when due
        lambda: _pair(person(1, "A1", years=4), PLAIN, PLAIN),
        "masa_jatuh_tempo = 4",
        None,
        [0],
        [1],
    ),
    "jendela_pensiun": (  # BUP 58: retires 1 Oct 2027, 10 months after D
        lambda: _pair(born(1, dt.date(1969, 9, 15), "A1"), PLAIN, P1),
        "jendela_pensiun = 6",
        None,
        [0],
        [1],
    ),
    "perputaran_persen": (_turnover_scenario, "perputaran_persen = 100", _moved, 2, 4),
    "hukuman_menahan": (
        lambda: _pair(person(1, "A1", **{"Hukuman Disiplin": "Sedang"}), PLAIN, P1),
        'hukuman_menahan = ["Berat"]',
        None,
        [0],
        [1],
    ),
    "lama_hukuman": (  # started 7 months before D
        lambda: _pair(
            person(1, "A1", **{"Hukuman Disiplin": "Berat", "TMT Hukuman": dt.date(2026, 5, 1)}), PLAIN, P1
        ),
        "lama_hukuman = 6",
        None,
        [0],
        [1],
    ),
    "relasi": (_relasi_scenario, 'relasi = "selalu"', None, [0, 1], [2, 1]),
    "naik_eselon": (
        lambda: _pair(
            person(1, "A1", gol="IV/a"),
            {**PLAIN, "Jenis Jabatan": "Administrator", "Eselon": "III.b"},
            {**P1, "Jenis Jabatan": "Administrator", "Eselon": "III.a"},
        ),
        "naik_eselon = true",
        None,
        [0],
        [1],
    ),
    "antar_jf": (
        lambda: _pair(
            person(1, "A1"),
            {**PLAIN, "Jenis Jabatan": "Fungsional", "Nama Jabatan": "Perencana Ahli Muda"},
            {**P1, "Jenis Jabatan": "Fungsional", "Nama Jabatan": "Analis Kebijakan Ahli Muda"},
        ),
        "antar_jf = true",
        None,
        [0],
        [1],
    ),
    "struktural_fungsional": (
        lambda: _pair(
            person(1, "A1", gol="IV/a"),
            {**PLAIN, "Jenis Jabatan": "Fungsional", "Nama Jabatan": "Analis Kebijakan Ahli Madya"},
            {**P1, "Jenis Jabatan": "Administrator", "Eselon": "III.b"},
        ),
        "struktural_fungsional = true",
        None,
        [0],
        [1],
    ),
    "penyetaraan": (
        lambda: _pair(
            person(1, "A1"),
            {**PLAIN, "Jenis Jabatan": "Pengawas", "Status": "Dihapus"},
            {**PLAIN, "Jenis Jabatan": "Fungsional", "Nama Jabatan": "Perencana Ahli Muda"},
        ),
        "penyetaraan = true",
        None,
        [UNPLACED],
        [1],
    ),
    "mutasi_cpns": (
        lambda: _pair(person(1, "A1", years=3, **{"Jenis ASN": "CPNS"}), PLAIN, P1),
        "mutasi_cpns = true",
        None,
        [0],
        [1],
    ),
}


def test_every_setting_has_a_case() -> None:
    assert set(SETTING_CASES) == {f.name for f in fields(RuleSettings)}




@pytest.mark.parametrize(
    "key",
    [
        k
        for k in SETTING_CASES
    ],
)
def test_setting_changes_the_plan(tmp_path, key) -> None:
    """The same round planned with the defaults and with one ``[aturan]`` key read from a real
    mutasi.toml gives a different plan."""
    scenario, line, measure, expected_default, expected_set = SETTING_CASES[key]
    people, positions, sheets = scenario()
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(f"# one key\n[aturan]\n{line}\n", encoding="utf-8")
    settings = load_settings(cfg)
    assert settings.rules != RuleSettings()
    assert [
        f.name
        for f in fields(RuleSettings)
        if getattr(settings.rules, f.name) != getattr(RuleSettings(), f.name)
    ] == [key]
    measure = measure or (lambda r: r.final.tolist())
    for s, expected in ((None, expected_default), (settings, expected_set)):
        rnd = make_round(people, positions, settings=s, **sheets)
        assert measure(solve(rnd, unique=measure is not _moved)) == expected, (key, s)


def test_relasi_selalu_on_the_direct_route(tmp_path) -> None:
    """What the default route should give too: with "selalu", one of the related pair who both start in
    Unit A must leave it (P2 may not go to Unit B, so P1 does); with "pindah" both stay."""
    people, positions, sheets = _relasi_scenario()
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text('[aturan]\nrelasi = "selalu"\n', encoding="utf-8")
    for settings, expected in ((None, [0, 1]), (load_settings(cfg), [2, 1])):
        rnd = make_round(people, positions, settings=settings, **sheets)
        for solver in SOLVERS:
            res = plan(rnd, solver=solver, route="direct", time_limit=30)
            assert res.status == "optimal", (solver, res.message)
            assert violations(rnd, person_status(rnd), res.final) == []
            assert res.final.tolist() == expected, solver


def test_relasi_selalu_plan_cli_is_not_infeasible(tmp_path) -> None:
    people, positions, sheets = _relasi_scenario()
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text('[aturan]\nrelasi = "selalu"\n', encoding="utf-8")
    rows, _ = _plan_rows(tmp_path, people, positions, config=cfg, **sheets)
    assert {n: r["Kode Jabatan Baru"] for n, r in rows.items()} == {people[0]["NIP"]: "B1"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[aturan]\nmasa_minimum = 2\n", "masa_minimum"),
        ('[aturan]\nrelasi = "kadang"\n', "relasi"),
        ('[aturan]\nnaik_eselon = "ya"\n', "naik_eselon"),
        ("[aturan]\nperputaran_persen = 0\n", "perputaran_persen"),
        ('[aturan]\nhukuman_menahan = ["Parah"]\n', "hukuman_menahan"),
        ('[aturan]\nhukuman_menahan = "Berat"\n', "hukuman_menahan"),
        ("[aturan]\njendela_pensiun = 1.5\n", "jendela_pensiun"),
        ("[aturan]\nlama_hukuman = -1\n", "lama_hukuman"),
        ("[aturan]\nmasa_minimal = 6\n", "masa_minimal"),  # more than masa_jatuh_tempo
        ("[aturan]\nmutasi_cpns = 1\n", "mutasi_cpns"),
        ("aturan = 3\n", "aturan"),
    ],
)
def test_bad_aturan_is_exit_1_naming_file_and_key(tmp_path, text, key) -> None:
    wb = write_workbook(tmp_path / "r.xlsx", [person(1, "A1")], [position("A1", "Unit A")])
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text, encoding="utf-8")
    out = tmp_path / "hasil.xlsx"
    result = runner.invoke(app, ["plan", str(wb), str(wb), "-o", str(out), "--config", str(cfg), *DATE])
    assert result.exit_code == 1, result.output
    message = squash(result.stderr)
    assert squash(str(cfg)) in message and key in message
    assert "Traceback" not in result.output
    assert not out.exists()


def test_bad_aturan_with_json_prints_the_error_object(tmp_path) -> None:
    wb = write_workbook(tmp_path / "r.xlsx", [person(1, "A1")], [position("A1", "Unit A")])
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[aturan]\nrelasi = "kadang"\n', encoding="utf-8")
    result = runner.invoke(app, ["plan", str(wb), str(wb), "--config", str(cfg), "--json", *DATE])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "error" and data["exit"] == 1 and "relasi" in data["message"]


def test_parameter_sheet_lists_every_aturan_setting_with_value_and_source(tmp_path) -> None:
    assert set(SETTING_LABELS) == {f.name for f in fields(RuleSettings)}
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(
        "[aturan]\nmasa_minimal = 3\nmasa_jatuh_tempo = 6\njendela_pensiun = 9\nperputaran_persen = 40\n"
        'hukuman_menahan = ["Berat"]\nlama_hukuman = 6\nrelasi = "selalu"\nnaik_eselon = true\n'
        "antar_jf = true\npenyetaraan = true\nmutasi_cpns = true\n",
        encoding="utf-8",
    )
    shown = {
        "masa_minimal": "3",
        "masa_jatuh_tempo": "6",
        "jendela_pensiun": "9",
        "perputaran_persen": "40",
        "hukuman_menahan": "Berat",
        "lama_hukuman": "6",
        "relasi": "selalu",
        "naik_eselon": True,
        "antar_jf": True,
        "struktural_fungsional": False,
        "penyetaraan": True,
        "mutasi_cpns": True,
    }
    sources = {
        "masa_minimal": "PP 11/2017",
        "masa_jatuh_tempo": "PP 11/2017",
        "jendela_pensiun": "PP 11/2017",
        "hukuman_menahan": "PP 94/2021",
        "lama_hukuman": "PP 94/2021",
        "antar_jf": "PermenPANRB 1/2023",
        "struktural_fungsional": "PermenPANRB 17/2021",
        "penyetaraan": "PermenPANRB 17/2021",
        "relasi": "UU 30/2014",
        "mutasi_cpns": "PP 11/2017",
        "naik_eselon": "PP 11/2017",
    }
    people = [person(1, "A1"), person(2, "A2")]
    positions = [position("A1", "Unit A"), position("A2", "Unit B"), position("B1", "Unit C", Prioritas=1)]
    _, book = _plan_rows(tmp_path, people, positions, config=cfg)
    params = key_values(book["Parameter"])
    truthy, falsy = {"ya", "true", "benar"}, {"tidak", "false", "salah"}
    for key, (label, source) in SETTING_LABELS.items():
        assert label in params, label
        value, _, cited = str(params[label]).partition(" — ")
        want = shown[key]
        if isinstance(want, bool):
            assert value.strip().lower() in (truthy if want else falsy), (key, value)
        else:
            assert value.strip() == want, (key, value)
        assert cited.strip() == source and source, key
        if key in sources:
            assert sources[key] in cited, (key, cited)


# --- SIASN headers and values -----------------------------------------------------------------------------
SIASN_POSITIONS = [
    position("A1", "Unit A", nama="Pengadministrasi Umum"),
    position("A2", "Unit B", nama="Pengadministrasi Umum", Prioritas=1),
    fungsional("A3", "Unit C", "Perawat Ahli Pertama"),
    fungsional("A4", "Unit D", "Perawat Ahli Pertama", Prioritas=1),
    fungsional("A9", "Unit D", "Bidan Ahli Pertama", Prioritas=1),
    position("A5", "Unit E", nama="Analis Kepegawaian"),
    position("A7", "Unit G", nama="Analis Kepegawaian"),
]
#: (NIP serial, Kode Jabatan, golongan, years, canonical Jenis ASN, SIASN JENIS PEGAWAI NAMA,
#: canonical Kedudukan Hukum, SIASN KEDUDUKAN HUKUM NAMA)
SIASN_PEOPLE = [
    (1, "A1", "III/c", 6, "PNS", "PNS Daerah", "Aktif", "Aktif"),
    (2, "A3", "IX", 6, "PPPK", "pppk", "Aktif", "AKTIF"),
    (3, "A5", "III/a", 3, "CPNS", "CPNS Daerah", "Aktif", "Aktif"),
    (4, "A7", "III/b", 6, "PNS", "PNS PUSAT DPK", "Tugas Belajar", "Tugas Belajar"),
]


def _siasn_books(tmp_path, jenis_override: str | None = None):
    jab = {p["Kode Jabatan"]: p for p in SIASN_POSITIONS}
    canonical, siasn = [], []
    for n, kode, gol, years, jenis, jenis_siasn, ked, ked_siasn in SIASN_PEOPLE:
        row = person(n, kode, years=years, gol=gol, nip=nip(n, pppk=jenis == "PPPK"))
        canonical.append({**row, "Jenis ASN": jenis, "Kedudukan Hukum": ked})
        siasn.append(
            {
                "NIP BARU": row["NIP"],
                "NAMA": row["Nama"],
                "GOL AKHIR NAMA": gol,
                "JABATAN NAMA": jab[kode]["Nama Jabatan"],
                "UNOR NAMA": jab[kode]["Unit Kerja"].upper(),
                "TMT JABATAN": row["TMT Jabatan"].strftime("%d-%m-%Y"),
                "JENIS PEGAWAI NAMA": jenis_override if jenis_override and n == 1 else jenis_siasn,
                "KEDUDUKAN HUKUM NAMA": ked_siasn,
                "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana",
            }
        )
    a = write_workbook(tmp_path / "kanonik.xlsx", canonical, SIASN_POSITIONS)
    b = write_workbook(tmp_path / "siasn.xlsx", siasn, SIASN_POSITIONS)
    return a, b


def test_siasn_export_plans_like_canonical_headers(tmp_path) -> None:
    a, b = _siasn_books(tmp_path)
    results = []
    for wb in (a, b):
        rnd, log = load_round(wb, wb, EFFECTIVE)
        assert rnd is not None, [i.to_dict() for i in log.errors]
        assert rnd.people["pppk"].tolist() == [False, True, False, False]
        assert rnd.people["cpns"].tolist() == [False, False, True, False]
        assert rnd.people["kedudukan"].tolist() == ["Aktif", "Aktif", "Aktif", "Tugas Belajar"]
        res = solve(rnd)
        kode = rnd.positions["kode"].to_numpy()
        results.append((dict(zip(rnd.people["nip"], kode[res.final])), res.levels))
    assert results[0] == results[1]
    ends = results[0][0]
    assert [ends[nip(n, pppk=n == 2)] for n in (1, 2, 3, 4)] == ["A2", "A4", "A5", "A7"]


def test_siasn_honorer_is_invalid_jenis_asn(tmp_path) -> None:
    _, wb = _siasn_books(tmp_path, jenis_override="Honorer")
    result = runner.invoke(app, ["validate", str(wb), str(wb), "--json", *DATE])
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)["issues"]
    assert [
        (i["code"], i["severity"], i["sheet"], i["row"], i["column"], i["value"])
        for i in issues
        if i["severity"] == "error"
    ] == [
        ("invalid-jenis-asn", "error", "Pegawai", 2, "JENIS PEGAWAI NAMA", "Honorer"),
    ]
