"""The synthetic-round generator: shape, consistency, feasibility and the written workbooks."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from mutasi_cli import sample
from mutasi_cli.domain import grades
from mutasi_cli.domain.bungo import KECAMATAN_NAMES, OPD_UNITS
from mutasi_cli.inputs.settings import RuleSettings
from mutasi_cli.sample import _FAMILIES as JF_FAMILIES
from mutasi_cli.sample import SHEET_COLUMNS, TETAP, generate, write_sample

REF = dt.date(2026, 6, 1)
REF_TS = pd.Timestamp(REF)


@pytest.fixture(scope="module", params=[30, 3000])
def frames(request: pytest.FixtureRequest) -> dict[str, pd.DataFrame]:
    return generate(request.param, 11, REF)


@pytest.fixture(scope="module")
def big() -> dict[str, pd.DataFrame]:
    return generate(3000, 5, REF)


def _merged(f: dict[str, pd.DataFrame]) -> pd.DataFrame:
    m = f["Pegawai"].merge(f["Jabatan"], on="Kode Jabatan", how="left", validate="many_to_one")
    m["jf"] = _jf(m)
    return m


def _opt(v: object) -> str | None:
    return v if isinstance(v, str) else None


def _jf(jab: pd.DataFrame) -> pd.Series:
    """The JF of each Fungsional position as the planner reads it (Rumpun, else the name), else None."""
    return pd.Series(
        [
            grades.jabatan_fungsional(n, _opt(r))[0] if j == "Fungsional" else None
            for n, r, j in zip(jab["Nama Jabatan"], jab["Rumpun"], jab["Jenis Jabatan"], strict=True)
        ],
        index=jab.index,
        dtype=object,
    )


def _bup(m: pd.DataFrame) -> list[int]:
    return [
        grades.bup_age(j, _opt(jj), _opt(jf))
        for j, jj, jf in zip(m["Jenis Jabatan"], m["Jenjang"], m["jf"], strict=True)
    ]


def _career(m: pd.DataFrame) -> pd.Series:
    """Rule 7's key: positions with equal keys are open to each other by rotation."""
    return pd.Series(
        [
            f"{j}|{jf}|{jj}" if j == "Fungsional" else f"{j}|{es}" if isinstance(es, str) else j
            for j, jf, jj, es in zip(m["Jenis Jabatan"], _jf(m), m["Jenjang"], m["Eselon"], strict=True)
        ],
        index=m.index,
    )


_SCHOOL = r"(SD|SMP) Negeri \d+ .+"
_PUSKESMAS = r"Puskesmas .+"
HEALTH = {
    "perawat", "bidan", "dokter", "dokter gigi", "apoteker", "asisten apoteker", "nutrisionis", "sanitarian",
    "pranata laboratorium kesehatan", "penyuluh kesehatan masyarakat", "epidemiolog kesehatan",
    "perekam medis", "terapis gigi dan mulut", "radiografer", "fisioterapis", "administrator kesehatan",
}  # fmt: skip


def _occupancy(f: dict[str, pd.DataFrame]) -> pd.Series:
    counts = f["Pegawai"]["Kode Jabatan"].value_counts()
    return f["Jabatan"]["Kode Jabatan"].map(counts).fillna(0).astype(int)


def _retirement(birth: pd.Timestamp, bup: int) -> dt.date:
    b = birth.date()
    try:
        birthday = b.replace(year=b.year + bup)
    except ValueError:  # 29 February
        birthday = dt.date(b.year + bup, 3, 1)
    return (birthday.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


# --- shape ------------------------------------------------------------------------------------------


def test_same_seed_same_frames_other_seed_other_people() -> None:
    a, b = generate(1200, 7, REF), generate(1200, 7, REF)
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    c = generate(1200, 8, REF)
    assert set(c["Pegawai"]["NIP"]) != set(a["Pegawai"]["NIP"])


@pytest.mark.parametrize("size", [1, 7, 30, 200, 3000])
def test_headers_are_canonical_and_size_is_exact(size: int) -> None:
    f = generate(size, 3, REF)
    assert list(f) == ["Pegawai", "Jabatan", "Kunci", "Larangan", "Relasi"]
    for name, frame in f.items():
        assert list(frame.columns) == list(SHEET_COLUMNS[name]), name
    assert len(f["Pegawai"]) == size


def test_tiny_samples_have_empty_optional_sheets() -> None:
    f = generate(30, 1, REF)
    for name in ("Kunci", "Larangan", "Relasi"):
        assert f[name].empty
        assert list(f[name].columns) == list(SHEET_COLUMNS[name])


def test_rejects_nonpositive_size() -> None:
    with pytest.raises(ValueError):
        generate(0, 1, REF)


# --- Pegawai ------------------------------------------------------------------------------------------


def _appointed(peg: pd.DataFrame) -> pd.Series:
    """TMT CPNS (PNS, CPNS: the month of the NIP) or 1 January of the PPPK appointment year."""
    nip, pppk = peg["NIP"], peg["Jenis ASN"] == "PPPK"
    raw = np.where(pppk, nip.str[8:12] + "0101", nip.str[8:14] + "01")
    return pd.Series(pd.to_datetime(raw, format="%Y%m%d"), index=peg.index)


def test_nip_is_18_digits_unique_and_consistent(frames: dict[str, pd.DataFrame]) -> None:
    peg = frames["Pegawai"]
    nip = peg["NIP"]
    assert nip.map(type).eq(str).all()
    assert nip.str.fullmatch(r"\d{18}").all()
    assert nip.is_unique
    birth = pd.to_datetime(nip.str[:8], format="%Y%m%d")
    assert (birth == peg["Tanggal Lahir"]).all()
    assert (nip.str[14].map({"1": "L", "2": "P"}) == peg["Jenis Kelamin"]).all()
    pppk = peg["Jenis ASN"] == "PPPK"
    assert (nip.str[12] == "2").eq(pppk).all()
    # PNS and CPNS: YYYYMMDD YYYYMM G NNN, month 01–12; PPPK: YYYYMMDD YYYY 2 1 G NNN
    pns_month = nip[~pppk].str[12:14].astype(int)
    assert pns_month.between(1, 12).all()
    assert (nip[pppk].str[13] == "1").all()
    assert (nip.str[15:].astype(int) >= 1).all()
    appointed = _appointed(peg)
    age_at_appointment = (appointed - peg["Tanggal Lahir"]).dt.days / 365.25
    assert (age_at_appointment > 19).all()
    assert (appointed[~pppk] <= REF_TS).all()
    assert (nip[pppk].str[8:12].astype(int) <= REF.year).all()
    # never in a position before being appointed (PNS: the TMT CPNS month)
    assert (peg.loc[~pppk, "TMT Jabatan"] >= appointed[~pppk]).all()
    # a PNS passed at least a year of probation as CPNS
    pns = peg["Jenis ASN"] == "PNS"
    assert (appointed[pns] <= REF_TS - pd.DateOffset(years=1)).all()


def test_dates_ages_and_tenure(frames: dict[str, pd.DataFrame]) -> None:
    peg = frames["Pegawai"]
    for col in ("TMT Jabatan", "Tanggal Lahir", "TMT Hukuman", "Akhir Hukuman"):
        assert pd.api.types.is_datetime64_any_dtype(peg[col]), col
    assert (peg["TMT Jabatan"] <= REF_TS).all()
    assert (peg["TMT Jabatan"] >= REF_TS - pd.DateOffset(years=12, days=1)).all()
    age = (REF_TS - peg["Tanggal Lahir"]).dt.days / 365.2425
    assert age.between(22, 60).all()
    m = _merged(frames)
    retire = [_retirement(b, a) for b, a in zip(m["Tanggal Lahir"], _bup(m), strict=True)]
    assert all(r > REF for r in retire), "nobody is past retirement"


def test_values_parse_with_the_grade_tables(frames: dict[str, pd.DataFrame]) -> None:
    peg = frames["Pegawai"]
    pns = peg["Jenis ASN"] != "PPPK"
    assert peg.loc[pns, "Golongan"].map(grades.parse_golongan).eq(peg.loc[pns, "Golongan"]).all()
    assert peg.loc[~pns, "Golongan"].isin(grades.PPPK_GRADES).all()
    assert peg["Jenis ASN"].isin(["PNS", "CPNS", "PPPK"]).all()
    assert peg["Jenis ASN"].map(grades.parse_jenis_asn).eq(peg["Jenis ASN"]).all()
    assert peg["Kedudukan Hukum"].isin(grades.KEDUDUKAN_HUKUM).all()
    assert peg["Kedudukan Hukum"].map(grades.parse_kedudukan).eq(peg["Kedudukan Hukum"]).all()
    assert peg["Jenis Kelamin"].isin(["L", "P"]).all()
    assert peg["Pendidikan"].map(grades.parse_education).eq(peg["Pendidikan"]).all()
    assert peg["Predikat Kinerja"].map(grades.parse_skp).eq(peg["Predikat Kinerja"]).all()
    assert peg["Hukuman Disiplin"].isin(grades.HUKUMAN).all()
    assert peg["Kecamatan Domisili"].isin(KECAMATAN_NAMES).all()
    assert peg["Nama"].str.len().gt(2).all()
    diklat = peg["Diklat"].dropna().str.split(";").explode()
    assert diklat.str.strip().ne("").all()


def test_wishes_name_other_existing_units_of_the_same_kind(frames: dict[str, pd.DataFrame]) -> None:
    m = _merged(frames)
    units = set(frames["Jabatan"]["Unit Kerja"])
    school = m["Unit Kerja"].str.fullmatch(_SCHOOL)
    for col in ("Pilihan 1", "Pilihan 2", "Pilihan 3"):
        wished = m[col].dropna()
        assert wished.isin(units).all()
        assert (wished != m.loc[wished.index, "Unit Kerja"]).all()
        # teachers wish for schools of their own level, the others for no school
        of_school = school.loc[wished.index]
        assert (wished[of_school].str[:3] == m.loc[wished[of_school].index, "Unit Kerja"].str[:3]).all()
        assert not wished[~of_school].str.fullmatch(_SCHOOL).any()
    # no gaps: Pilihan 2 only after Pilihan 1, Pilihan 3 only after Pilihan 2
    assert not (m["Pilihan 1"].isna() & m["Pilihan 2"].notna()).any()
    assert not (m["Pilihan 2"].isna() & m["Pilihan 3"].notna()).any()


def test_people_mostly_fit_their_position(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    pns = m[m["Jenis ASN"] != "PPPK"]
    rank = pns["Golongan"].map(grades.GOLONGAN_RANK)

    def bounds(row: pd.Series) -> tuple[int, int]:
        if isinstance(row["Golongan Min"], str):
            return grades.GOLONGAN_RANK[row["Golongan Min"]], grades.GOLONGAN_RANK[row["Golongan Maks"]]
        r = grades.default_grade_range(_opt(row["Eselon"]), row["Jenis Jabatan"], _opt(row["Jenjang"]))
        return r.low or 1, r.high or 17

    lo_hi = pns.apply(bounds, axis=1, result_type="expand")
    in_range = (rank >= lo_hi[0]) & (rank <= lo_hi[1])
    assert 0.95 < in_range.mean() < 1.0  # mostly, and a few out of range
    cpns = pns["Jenis ASN"] == "CPNS"
    assert in_range[cpns].all(), "a CPNS holds the entry grade of their formation"
    edu_ok = m["Pendidikan"].map(grades.EDUCATION_RANK) >= m["Pendidikan Min"].map(grades.EDUCATION_RANK)
    assert 0.93 < edu_ok.mean() < 1.0


def test_round_has_due_people_dihapus_priority_vacancies_and_pppk(big: dict[str, pd.DataFrame]) -> None:
    peg, jab = big["Pegawai"], big["Jabatan"]
    due = peg["TMT Jabatan"] <= REF_TS - pd.DateOffset(years=5)
    assert 0.15 < due.mean() < 0.35
    assert 0.1 < (peg["TMT Jabatan"] > REF_TS - pd.DateOffset(years=2)).mean() < 0.35
    occ = _occupancy(big)
    dihapus = jab["Status"] == "Dihapus"
    assert 0.01 < dihapus.mean() < 0.04
    assert (occ[dihapus] >= 1).all(), "every abolished position has incumbents"
    leader = jab["Eselon"].notna()
    p1_vacant = leader & (occ == 0) & (jab["Prioritas"] == 1)
    assert 0.1 < p1_vacant.sum() / leader.sum() < 0.3
    assert (occ[~leader & (jab["Status"] == "Aktif")] == 0).any(), "some staff positions are vacant"
    assert (occ > jab["Formasi"]).any(), "some positions are overstaffed"
    assert 0.10 < (peg["Jenis ASN"] == "PPPK").mean() < 0.20
    assert (peg["Hukuman Disiplin"].isin(["Sedang", "Berat"])).mean() > 0.005
    m = _merged(big)
    retire = [_retirement(b, a) for b, a in zip(m["Tanggal Lahir"], _bup(m), strict=True)]
    soon = sum(REF < r <= (REF_TS + pd.DateOffset(months=12)).date() for r in retire)
    assert 0.005 < soon / len(m) < 0.05, "a few retire within 12 months"


def test_pppk_hold_recurring_staff_posts_mostly_jf(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    pppk = m[m["Jenis ASN"] == "PPPK"]
    assert not pppk["Jenis Jabatan"].isin(sorted(grades.NOT_FOR_PPPK)).any()
    assert pppk["Jenis Jabatan"].isin(["Pelaksana", "Fungsional"]).all()
    assert (pppk["Status"] == "Aktif").all()
    spread = big["Jabatan"].groupby("Nama Jabatan")["Unit Kerja"].nunique()
    assert (pppk["Nama Jabatan"].map(spread) >= 3).all(), "a PPPK can move to the same Nama Jabatan"
    fungsional = pppk["Jenis Jabatan"] == "Fungsional"
    assert 0.7 < fungsional.mean() < 0.97, "mostly JF, some pelaksana"
    assert pppk["jf"].isin({"guru"} | HEALTH).mean() > 0.6, "mostly teachers and health workers"
    assert (pppk["Kedudukan Hukum"] == "Aktif").all()


def test_cpns_are_recent_entry_appointments(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    cpns = m[m["Jenis ASN"] == "CPNS"]
    assert 0.02 <= len(cpns) / len(m) <= 0.04
    appointed = _appointed(cpns)
    assert (appointed > REF_TS - pd.DateOffset(years=1)).all() and (appointed < REF_TS).all()
    assert appointed.nunique() <= 2, "one or two intakes"
    assert (cpns["TMT Jabatan"] >= appointed).all()
    assert (cpns["TMT Jabatan"] > REF_TS - pd.DateOffset(years=1)).all()
    assert cpns["Golongan"].map(grades.GOLONGAN_RANK).le(grades.GOLONGAN_RANK["III/b"]).all()
    entry = (cpns["Jenis Jabatan"] == "Pelaksana") | cpns["Jenjang"].isin(["Ahli Pertama", "Terampil"])
    assert entry.all()
    assert (cpns["Kedudukan Hukum"] == "Aktif").all() and (cpns["Hukuman Disiplin"] == "Tidak Ada").all()
    assert (cpns["Status"] == "Aktif").all()


def test_kedudukan_hukum_mostly_aktif_with_every_other_kind(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    k = m["Kedudukan Hukum"]
    assert 0.95 < (k == "Aktif").mean() < 0.99
    assert 0.005 < (k == "Tugas Belajar").mean() < 0.03
    for value in ("CLTN", "Pemberhentian Sementara", "Masa Persiapan Pensiun"):
        assert (k == value).any(), value
    other = m[k != "Aktif"]
    assert (other["Jenis ASN"] == "PNS").all() and (other["Status"] == "Aktif").all()
    away = other[other["Kedudukan Hukum"] != "Masa Persiapan Pensiun"]
    assert away["Jenis Jabatan"].isin(["Pelaksana", "Fungsional"]).all()
    mpp = other[other["Kedudukan Hukum"] == "Masa Persiapan Pensiun"]
    limit = (REF_TS + pd.DateOffset(months=12)).date()
    assert all(_retirement(b, a) <= limit for b, a in zip(mpp["Tanggal Lahir"], _bup(mpp), strict=True))


def test_sanctions_have_running_ended_open_and_undated_periods(big: dict[str, pd.DataFrame]) -> None:
    peg = big["Pegawai"]
    h, start, end = peg["Hukuman Disiplin"], peg["TMT Hukuman"], peg["Akhir Hukuman"]
    assert start[h == "Tidak Ada"].isna().all() and end[h == "Tidak Ada"].isna().all()
    assert (end.notna() <= start.notna()).all(), "an end only with a start"
    assert (end.dropna() >= start[end.notna()]).all()
    assert (start.dropna() < REF_TS).all()
    assert (start.dropna() >= _appointed(peg)[start.notna()]).all()
    heavy = h.isin(["Sedang", "Berat"])
    running = heavy & (start <= REF_TS) & (end >= REF_TS)
    ended = heavy & (end < REF_TS)
    open_ended = heavy & start.notna() & end.isna()
    undated = heavy & start.isna()
    for name, mask in (
        ("running", running),
        ("ended", ended),
        ("start only", open_ended),
        ("undated", undated),
    ):
        assert mask.any(), name
    assert running.sum() > undated.sum() and ended.sum() > undated.sum()
    months = (end - start).dt.days[heavy & end.notna()] / 30.44
    assert months.between(5.8, 12.2).all(), "PP 94/2021: 6, 9 or 12 months"
    assert ((h == "Ringan") & start.notna()).any()


# --- Jabatan ------------------------------------------------------------------------------------------


def test_positions_are_well_formed(frames: dict[str, pd.DataFrame]) -> None:
    jab, peg = frames["Jabatan"], frames["Pegawai"]
    assert jab["Kode Jabatan"].is_unique
    assert jab["Kode Jabatan"].str.fullmatch(r"J\d{5}").all()
    assert peg["Kode Jabatan"].isin(set(jab["Kode Jabatan"])).all()
    assert (jab["Formasi"] >= 1).all()
    assert jab["Prioritas"].isin([1, 2, 3]).all()
    assert jab["Status"].isin(["Aktif", "Dihapus"]).all()
    unit = jab["Unit Kerja"]
    school, puskesmas = unit.str.fullmatch(_SCHOOL), unit.str.fullmatch(_PUSKESMAS)
    assert (unit.isin(OPD_UNITS) | school | puskesmas).all()
    assert jab["Kecamatan"].isin(KECAMATAN_NAMES).all()
    camat = unit.str.startswith("Kecamatan ")
    assert (unit[camat].str.removeprefix("Kecamatan ") == jab.loc[camat, "Kecamatan"]).all()
    located = school | puskesmas
    kec = jab.loc[located, "Kecamatan"]
    place = kec.where(kec != "Pasar Muara Bungo", "Muara Bungo")
    named = unit[located].str.replace(r"^(SD Negeri \d+|SMP Negeri \d+|Puskesmas) ", "", regex=True)
    assert (named.str.replace(r" [IVX]+$", "", regex=True).eq(place) | named.eq(place)).all(), (
        "named after their kecamatan"
    )
    assert (jab.loc[~camat & ~located, "Kecamatan"] == "Pasar Muara Bungo").all()
    assert jab["Jenis Jabatan"].isin(grades.JENIS_JABATAN).all()
    leader = jab["Jenis Jabatan"].isin(list(grades.LEADERSHIP_TRAINING))
    assert jab.loc[leader, "Eselon"].map(grades.parse_eselon).eq(jab.loc[leader, "Eselon"]).all()
    assert jab.loc[~leader, "Eselon"].isna().all()
    assert (
        jab.loc[leader, "Syarat Diklat"] == jab.loc[leader, "Jenis Jabatan"].map(grades.LEADERSHIP_TRAINING)
    ).all()
    assert (jab.loc[leader, "Formasi"] == 1).all()
    fung = jab["Jenis Jabatan"] == "Fungsional"
    assert jab.loc[fung, "Jenjang"].map(grades.parse_jenjang).eq(jab.loc[fung, "Jenjang"]).all()
    named = jab.loc[fung, "Nama Jabatan"].map(lambda n: grades.jabatan_fungsional(n)[1])
    assert named.eq(jab.loc[fung, "Jenjang"]).all(), "the name carries the jenjang"
    assert jab.loc[~fung, "Jenjang"].isna().all()
    assert jab.loc[~fung, "Rumpun"].isna().all()
    pel = jab["Jenis Jabatan"] == "Pelaksana"
    lo = jab.loc[pel, "Golongan Min"].map(grades.GOLONGAN_RANK)
    hi = jab.loc[pel, "Golongan Maks"].map(grades.GOLONGAN_RANK)
    assert lo.notna().all() and hi.notna().all() and (lo <= hi).all()
    assert jab["Pendidikan Min"].map(grades.parse_education).eq(jab["Pendidikan Min"]).all()


def test_places_are_about_110_percent_of_people(big: dict[str, pd.DataFrame]) -> None:
    jab = big["Jabatan"]
    places = jab.loc[jab["Status"] == "Aktif", "Formasi"].sum()
    assert 1.0 < places / len(big["Pegawai"]) < 1.2
    assert jab["Unit Kerja"].nunique() >= 20
    assert jab["Nama Jabatan"].isin(["Pengadministrasi Perkantoran", "Pengelola Keuangan"]).any()


def test_rumpun_resolves_every_jf_including_irregular_names(big: dict[str, pd.DataFrame]) -> None:
    jab = big["Jabatan"]
    fung = jab[jab["Jenis Jabatan"] == "Fungsional"]
    jf = _jf(fung)
    known = {grades.jabatan_fungsional("", family)[0] for family in JF_FAMILIES}
    assert set(jf) <= known, "every position resolves to a JF of the generator's table"
    by_name = fung["Nama Jabatan"].map(lambda n: grades.jabatan_fungsional(n)[0])
    irregular = by_name != jf
    assert fung.loc[irregular, "Rumpun"].notna().all()
    names = set(fung.loc[irregular, "Nama Jabatan"])
    assert {"Guru Kelas Ahli Pertama", "Guru Mata Pelajaran Matematika Ahli Muda"} <= names
    assert any(n.startswith("Perawat Gigi ") for n in names)
    gigi = fung["Nama Jabatan"].str.startswith("Dokter Gigi ")
    assert gigi.any() and (jf[gigi] == "dokter gigi").all()
    assert fung["Rumpun"].isna().any(), "regular names may leave Rumpun empty"


def test_teachers_fill_schools_and_are_a_third_of_the_people(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    jab = big["Jabatan"]
    school = jab["Unit Kerja"].str.fullmatch(_SCHOOL)
    assert jab.loc[school, "Unit Kerja"].str.startswith("SD ").any()
    assert jab.loc[school, "Unit Kerja"].str.startswith("SMP ").any()
    guru = _jf(jab) == "guru"
    assert (jab.loc[guru, "Unit Kerja"].str.fullmatch(_SCHOOL)).all(), "teachers teach in schools"
    assert (jab.loc[school & (jab["Jenis Jabatan"] == "Fungsional"), "Rumpun"] == "Guru").all()
    assert jab.loc[guru, "Jenjang"].isin(["Ahli Pertama", "Ahli Muda", "Ahli Madya"]).all()
    assert jab.loc[guru, "Nama Jabatan"].str.startswith("Guru ").all()
    teachers = m["jf"] == "guru"
    assert 1 / 3 <= teachers.mean() < 0.5
    sd = m["Unit Kerja"].str.startswith("SD ")
    assert m.loc[sd & teachers, "Nama Jabatan"].str.startswith("Guru Kelas ").mean() > 0.6
    # schools are uneven: short posts, and many of them Prioritas 1, mostly outside the town
    occ = _occupancy(big)
    short = guru & (occ < jab["Formasi"]) & (jab["Status"] == "Aktif")
    assert short.any() and (short & (jab["Prioritas"] == 1)).any()


def test_health_workers_in_puskesmas_rsud_and_dinas(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    jab = big["Jabatan"]
    puskesmas = jab["Unit Kerja"].str.fullmatch(_PUSKESMAS)
    assert {"Puskesmas Muara Bungo I", "Puskesmas Muara Bungo II"} <= set(jab.loc[puskesmas, "Unit Kerja"])
    jf = _jf(jab)
    for unit, rows in jab[puskesmas].groupby("Unit Kerja"):
        kinds = set(jf[rows.index])
        assert {"perawat", "bidan"} <= kinds, unit
        assert kinds <= HEALTH | {None}, unit
    health = m["jf"].isin(HEALTH)
    assert 0.1 < health.mean() < 0.3
    where = m.loc[health, "Unit Kerja"]
    assert where.str.startswith("Puskesmas ").any() and (where == "RSUD H. Hanafie").any()
    assert (where == "Dinas Kesehatan").any()
    for family in ("perawat", "bidan"):
        levels = set(m.loc[m["jf"] == family, "Jenjang"])
        assert {"Terampil", "Mahir", "Penyelia", "Ahli Pertama"} <= levels, family
    assert {"dokter", "dokter gigi", "apoteker", "nutrisionis", "sanitarian"} <= set(m["jf"])


def test_other_jf_families_span_several_units(big: dict[str, pd.DataFrame]) -> None:
    jab = big["Jabatan"]
    units = jab.assign(jf=_jf(jab)).groupby("jf")["Unit Kerja"].nunique()
    for family in ("analis kebijakan", "perencana", "arsiparis", "pranata komputer"):
        assert units.get(family, 0) >= 2, family
    for family in ("auditor", "penyuluh pertanian", "pengelola pengadaan barang jasa"):
        assert family in units.index, family


def test_dihapus_are_pengawas_and_pelaksana_posts(big: dict[str, pd.DataFrame]) -> None:
    jab = big["Jabatan"]
    gone = jab[jab["Status"] == "Dihapus"]
    assert set(gone["Jenis Jabatan"]) == {"Pengawas", "Pelaksana"}
    seksi = gone[gone["Jenis Jabatan"] == "Pengawas"]
    assert seksi["Nama Jabatan"].str.match(r"Kepala (Seksi|Subbagian|Subbidang) ").all()
    assert (seksi["Eselon"] == "IV.a").all()


def test_rotation_has_room_along_the_career_path(big: dict[str, pd.DataFrame]) -> None:
    """Most people hold a post whose career key (rule 7) recurs in another unit with an open place."""
    m = _merged(big)
    jab = big["Jabatan"].copy()
    jab["career"] = _career(jab)
    jab["free"] = (jab["Formasi"] - _occupancy(big)).clip(lower=0) * (jab["Status"] == "Aktif")
    units_with_room = jab[jab["free"] > 0].groupby("career")["Unit Kerja"].agg(set)
    career = _career(m)
    room = [bool(units_with_room.get(c, set()) - {u}) for c, u in zip(career, m["Unit Kerja"], strict=True)]
    assert np.mean(room) > 0.7
    pppk = m["Jenis ASN"] == "PPPK"
    same_name = jab[jab["free"] > 0].groupby("Nama Jabatan")["Unit Kerja"].agg(set)
    pppk_room = [
        bool(same_name.get(n, set()) - {u})
        for n, u in zip(m.loc[pppk, "Nama Jabatan"], m.loc[pppk, "Unit Kerja"], strict=True)
    ]
    assert np.mean(pppk_room) > 0.5


def test_ages_allow_realistic_retirement_cases(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    age = (REF_TS - m["Tanggal Lahir"]).dt.days / 365.2425
    teachers = (m["jf"] == "guru") & (m["Jenis ASN"] == "PNS")
    aged_58 = teachers & age.between(58, 59)
    assert aged_58.sum() >= 5, "teachers of 58, still movable (BUP 60)"
    limit = (REF_TS + pd.DateOffset(months=12)).date()
    assert all(_retirement(b, 60) > limit for b in m.loc[aged_58, "Tanggal Lahir"])
    madya = (m["Jenjang"] == "Ahli Madya") & (m["jf"] != "guru")
    assert (madya & age.between(58, 60)).any()


# --- Kunci, Larangan, Relasi -----------------------------------------------------------------------


def _check_kunci(f: dict[str, pd.DataFrame], ref: dt.date) -> None:
    kunci = f["Kunci"]
    ref_ts = pd.Timestamp(ref)
    assert kunci["NIP"].is_unique
    m = _merged(f).set_index("NIP")
    jab = f["Jabatan"].set_index("Kode Jabatan")
    career = _career(f["Jabatan"]).set_axis(f["Jabatan"]["Kode Jabatan"])
    jf = _jf(f["Jabatan"]).set_axis(f["Jabatan"]["Kode Jabatan"])
    occ = _occupancy(f).set_axis(f["Jabatan"]["Kode Jabatan"])
    named = m.loc[kunci["NIP"]]
    assert (named["Kedudukan Hukum"] == "Aktif").all(), "rule 8: never a person on study, leave, …"
    assert (named["Jenis ASN"] != "CPNS").all(), "rule 8: never a CPNS on probation"
    assert (named["Status"] == "Aktif").all()
    for nip, code in kunci.itertuples(index=False):
        p = m.loc[nip]
        if code == TETAP:
            assert p["TMT Jabatan"] <= ref_ts - pd.DateOffset(years=5)
            continue
        t = jab.loc[code]
        assert t["Status"] == "Aktif" and occ[code] == 0 and t["Formasi"] >= 1
        assert t["Unit Kerja"] != p["Unit Kerja"]
        assert career[code] == career[p["Kode Jabatan"]], "rule 7: same kind, eselon, JF and jenjang"
        assert p["TMT Jabatan"] <= ref_ts - pd.DateOffset(years=2)
        assert p["Hukuman Disiplin"] not in RuleSettings().hukuman_menahan
        limit = (ref_ts + pd.DateOffset(months=12)).date()
        bup_t = grades.bup_age(t["Jenis Jabatan"], _opt(t["Jenjang"]), jf[code])
        assert _retirement(p["Tanggal Lahir"], bup_t) > limit
        if p["Jenis ASN"] == "PPPK":
            assert t["Nama Jabatan"] == p["Nama Jabatan"]
            continue
        r = grades.GOLONGAN_RANK[p["Golongan"]]
        if isinstance(t["Golongan Min"], str):
            assert grades.GOLONGAN_RANK[t["Golongan Min"]] <= r <= grades.GOLONGAN_RANK[t["Golongan Maks"]]
        else:
            rng = grades.default_grade_range(_opt(t["Eselon"]), t["Jenis Jabatan"], _opt(t["Jenjang"]))
            assert rng.contains(r)
        assert grades.EDUCATION_RANK[p["Pendidikan"]] >= grades.EDUCATION_RANK[t["Pendidikan Min"]]


def test_kunci_is_within_the_rules(big: dict[str, pd.DataFrame]) -> None:
    kunci = big["Kunci"]
    assert 2 <= len(kunci) <= 3
    assert (kunci["Kode Jabatan"] == TETAP).sum() == 1
    moves = kunci[kunci["Kode Jabatan"] != TETAP]
    assert len(moves) >= 1 and moves["Kode Jabatan"].is_unique
    _check_kunci(big, REF)
    others = set(big["Larangan"]["NIP"]) | set(big["Relasi"]["NIP 1"]) | set(big["Relasi"]["NIP 2"])
    assert not set(kunci["NIP"]) & others


@pytest.mark.parametrize("seed", range(8))
def test_kunci_follow_the_career_path_and_never_name_held_people(seed: int) -> None:
    f = generate(600, seed, REF)
    assert len(f["Kunci"]) >= 2
    _check_kunci(f, REF)


def test_kunci_skips_people_whom_rule_8_holds_even_if_they_are_the_only_candidates() -> None:
    """Most people made non-Aktif, then every PNS a CPNS: the Kunci only names the people still free."""
    rng = np.random.default_rng(4)
    jab, k, peg = sample._draw_round(800, REF, rng)
    away = rng.random(len(peg)) < 0.9
    peg.loc[away, "Kedudukan Hukum"] = "Tugas Belajar"
    kunci = sample._kunci(peg, jab, k, REF, rng)
    assert len(kunci) >= 2
    assert peg.set_index("NIP").loc[kunci["NIP"], "Kedudukan Hukum"].eq("Aktif").all()
    peg["Kedudukan Hukum"] = "Aktif"
    peg["Jenis ASN"] = peg["Jenis ASN"].replace("PNS", "CPNS")
    kunci = sample._kunci(peg, jab, k, REF, rng)
    assert peg.set_index("NIP").loc[kunci["NIP"], "Jenis ASN"].eq("PPPK").all()


def test_larangan_never_names_own_position_or_unit(big: dict[str, pd.DataFrame]) -> None:
    lar = big["Larangan"]
    assert len(lar) == round(0.003 * len(big["Pegawai"]))
    assert (lar["Kode Jabatan"].notna() ^ lar["Unit Kerja"].notna()).all()
    assert lar["Kode Jabatan"].notna().any() and lar["Unit Kerja"].notna().any()
    m = _merged(big).set_index("NIP")
    own = m.loc[lar["NIP"]]
    assert (lar["Kode Jabatan"].to_numpy() != own["Kode Jabatan"].to_numpy()).all()
    assert (lar["Unit Kerja"].to_numpy() != own["Unit Kerja"].to_numpy()).all()
    assert lar["Kode Jabatan"].dropna().isin(set(big["Jabatan"]["Kode Jabatan"])).all()
    assert lar["Unit Kerja"].dropna().isin(set(big["Jabatan"]["Unit Kerja"])).all()


def test_relasi_pairs_are_couples_of_different_gender(big: dict[str, pd.DataFrame]) -> None:
    rel = big["Relasi"]
    assert len(rel) == round(0.003 * len(big["Pegawai"]))
    assert (rel["Hubungan"] == "Suami/Istri").all()
    gender = big["Pegawai"].set_index("NIP")["Jenis Kelamin"]
    assert (rel["NIP 1"].map(gender) != rel["NIP 2"].map(gender)).all()
    people = pd.concat([rel["NIP 1"], rel["NIP 2"]])
    assert people.is_unique


# --- the written workbooks -------------------------------------------------------------------------


def test_write_sample_round_trips(tmp_path: Path) -> None:
    f = generate(400, 2, REF)
    paths = write_sample(f, tmp_path)
    assert [p.name for p in paths] == ["pegawai.xlsx", "jabatan.xlsx"]
    wb = openpyxl.load_workbook(paths[0])
    assert wb.sheetnames == ["Pegawai", "Kunci", "Larangan", "Relasi"]
    assert openpyxl.load_workbook(paths[1]).sheetnames == ["Jabatan"]
    ws = wb["Pegawai"]
    assert [c.value for c in ws[1]] == list(SHEET_COLUMNS["Pegawai"])
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.max_row == len(f["Pegawai"]) + 1
    nips = [row[0] for row in ws.iter_rows(min_row=2)]
    assert all(isinstance(c.value, str) and len(c.value) == 18 and c.number_format == "@" for c in nips)
    assert [c.value for c in nips] == f["Pegawai"]["NIP"].tolist()
    for col in ("TMT Jabatan", "Tanggal Lahir"):
        j = list(SHEET_COLUMNS["Pegawai"]).index(col)
        cells = [row[j] for row in ws.iter_rows(min_row=2)]
        assert all(isinstance(c.value, dt.datetime) and c.number_format == "DD-MM-YYYY" for c in cells)
        assert [c.value.date() for c in cells] == [t.date() for t in f["Pegawai"][col]]
    for col in ("TMT Hukuman", "Akhir Hukuman"):
        j = list(SHEET_COLUMNS["Pegawai"]).index(col)
        cells = [row[j] for row in ws.iter_rows(min_row=2)]
        assert [c.value.date() if c.value else None for c in cells] == [
            None if pd.isna(t) else t.date() for t in f["Pegawai"][col]
        ]
        assert all(c.number_format == "DD-MM-YYYY" for c in cells if c.value is not None)
        assert any(c.value is not None for c in cells)
    for name in ("Kunci", "Larangan", "Relasi"):
        assert [c.value for c in wb[name][1]] == list(SHEET_COLUMNS[name])
    kunci_nip = [row[0].value for row in wb["Kunci"].iter_rows(min_row=2)]
    assert kunci_nip == f["Kunci"]["NIP"].tolist() and all(isinstance(v, str) for v in kunci_nip)
    read = pd.read_excel(paths[1], sheet_name="Jabatan", engine="openpyxl")
    assert list(read.columns) == list(SHEET_COLUMNS["Jabatan"])
    assert read["Formasi"].tolist() == f["Jabatan"]["Formasi"].tolist()
    assert read["Rumpun"].fillna("").tolist() == f["Jabatan"]["Rumpun"].fillna("").tolist()
    # equal frames give equal bytes
    again = write_sample(generate(400, 2, REF), tmp_path / "again")
    for a, b in zip(paths, again, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_write_sample_of_a_tiny_round(tmp_path: Path) -> None:
    paths = write_sample(generate(30, 1, REF), tmp_path / "new" / "dir")
    wb = openpyxl.load_workbook(paths[0])
    assert wb["Kunci"].max_row == 1
    assert [c.value for c in wb["Relasi"][1]] == list(SHEET_COLUMNS["Relasi"])
