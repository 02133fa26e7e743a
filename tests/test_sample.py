"""The synthetic-round generator: shape, consistency, feasibility and the written workbooks."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from mutasi_cli import grades
from mutasi_cli.bungo import KECAMATAN_NAMES, OPD_UNITS
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
    return f["Pegawai"].merge(f["Jabatan"], on="Kode Jabatan", how="left", validate="many_to_one")


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
    # PNS: YYYYMMDD YYYYMM G NNN, month 01–12; PPPK: YYYYMMDD YYYY 2 1 G NNN
    pns_month = nip[~pppk].str[12:14].astype(int)
    assert pns_month.between(1, 12).all()
    assert (nip[pppk].str[13] == "1").all()
    assert (nip.str[15:].astype(int) >= 1).all()
    appointed = pd.to_datetime(np.where(pppk, nip.str[8:12] + "0101", nip.str[8:14] + "01"), format="%Y%m%d")
    age_at_appointment = (appointed - peg["Tanggal Lahir"]).dt.days / 365.25
    assert (age_at_appointment > 19).all()
    assert (appointed[~pppk] <= REF_TS).all()
    assert (nip[pppk].str[8:12].astype(int) <= REF.year).all()
    # never in a position before being appointed (PNS: the TMT CPNS month)
    assert (peg.loc[~pppk, "TMT Jabatan"] >= appointed[~pppk]).all()


def test_dates_ages_and_tenure(frames: dict[str, pd.DataFrame]) -> None:
    peg = frames["Pegawai"]
    assert pd.api.types.is_datetime64_any_dtype(peg["TMT Jabatan"])
    assert pd.api.types.is_datetime64_any_dtype(peg["Tanggal Lahir"])
    assert (peg["TMT Jabatan"] <= REF_TS).all()
    assert (peg["TMT Jabatan"] >= REF_TS - pd.DateOffset(years=12, days=1)).all()
    age = (REF_TS - peg["Tanggal Lahir"]).dt.days / 365.2425
    assert age.between(22, 60).all()
    m = _merged(frames)
    bup = [
        grades.bup_age(j, jj if isinstance(jj, str) else None)
        for j, jj in zip(m["Jenis Jabatan"], m["Jenjang"], strict=True)
    ]
    retire = [_retirement(b, a) for b, a in zip(m["Tanggal Lahir"], bup, strict=True)]
    assert all(r > REF for r in retire), "nobody is past retirement"


def test_values_parse_with_the_grade_tables(frames: dict[str, pd.DataFrame]) -> None:
    peg = frames["Pegawai"]
    pns = peg["Jenis ASN"] == "PNS"
    assert peg.loc[pns, "Golongan"].map(grades.parse_golongan).eq(peg.loc[pns, "Golongan"]).all()
    assert peg.loc[~pns, "Golongan"].isin(grades.PPPK_GRADES).all()
    assert peg["Jenis ASN"].isin(["PNS", "PPPK"]).all()
    assert peg["Jenis Kelamin"].isin(["L", "P"]).all()
    assert peg["Pendidikan"].map(grades.parse_education).eq(peg["Pendidikan"]).all()
    assert peg["Predikat Kinerja"].map(grades.parse_skp).eq(peg["Predikat Kinerja"]).all()
    assert peg["Hukuman Disiplin"].isin(grades.HUKUMAN).all()
    assert peg["Kecamatan Domisili"].isin(KECAMATAN_NAMES).all()
    assert peg["Nama"].str.len().gt(2).all()
    diklat = peg["Diklat"].dropna().str.split(";").explode()
    assert diklat.str.strip().ne("").all()


def test_wishes_name_other_existing_units(frames: dict[str, pd.DataFrame]) -> None:
    m = _merged(frames)
    units = set(frames["Jabatan"]["Unit Kerja"])
    for col in ("Pilihan 1", "Pilihan 2", "Pilihan 3"):
        wished = m[col].dropna()
        assert wished.isin(units).all()
        assert (wished != m.loc[wished.index, "Unit Kerja"]).all()
    # no gaps: Pilihan 2 only after Pilihan 1, Pilihan 3 only after Pilihan 2
    assert not (m["Pilihan 1"].isna() & m["Pilihan 2"].notna()).any()
    assert not (m["Pilihan 2"].isna() & m["Pilihan 3"].notna()).any()


def test_people_mostly_fit_their_position(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    pns = m[m["Jenis ASN"] == "PNS"]
    rank = pns["Golongan"].map(grades.GOLONGAN_RANK)

    def bounds(row: pd.Series) -> tuple[int, int]:
        if isinstance(row["Golongan Min"], str):
            return grades.GOLONGAN_RANK[row["Golongan Min"]], grades.GOLONGAN_RANK[row["Golongan Maks"]]
        r = grades.default_grade_range(
            row["Eselon"] if isinstance(row["Eselon"], str) else None,
            row["Jenis Jabatan"],
            row["Jenjang"] if isinstance(row["Jenjang"], str) else None,
        )
        return r.low or 1, r.high or 17

    lo_hi = pns.apply(bounds, axis=1, result_type="expand")
    in_range = (rank >= lo_hi[0]) & (rank <= lo_hi[1])
    assert 0.95 < in_range.mean() < 1.0  # mostly, and a few out of range
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
    assert 0.08 < (peg["Jenis ASN"] == "PPPK").mean() < 0.12
    assert (peg["Hukuman Disiplin"].isin(["Sedang", "Berat"])).mean() > 0.005
    m = _merged(big)
    retire = [
        _retirement(b, grades.bup_age(j, jj if isinstance(jj, str) else None))
        for b, j, jj in zip(m["Tanggal Lahir"], m["Jenis Jabatan"], m["Jenjang"], strict=True)
    ]
    soon = sum(REF < r <= (REF_TS + pd.DateOffset(months=12)).date() for r in retire)
    assert 0.005 < soon / len(m) < 0.05, "a few retire within 12 months"


def test_pppk_only_in_recurring_staff_positions(big: dict[str, pd.DataFrame]) -> None:
    m = _merged(big)
    pppk = m[m["Jenis ASN"] == "PPPK"]
    assert pppk["Jenis Jabatan"].isin(["Pelaksana", "Fungsional"]).all()
    spread = big["Jabatan"].groupby("Nama Jabatan")["Unit Kerja"].nunique()
    assert (pppk["Nama Jabatan"].map(spread) >= 3).all()


# --- Jabatan ------------------------------------------------------------------------------------------


def test_positions_are_well_formed(frames: dict[str, pd.DataFrame]) -> None:
    jab, peg = frames["Jabatan"], frames["Pegawai"]
    assert jab["Kode Jabatan"].is_unique
    assert jab["Kode Jabatan"].str.fullmatch(r"J\d{5}").all()
    assert peg["Kode Jabatan"].isin(set(jab["Kode Jabatan"])).all()
    assert (jab["Formasi"] >= 1).all()
    assert jab["Prioritas"].isin([1, 2, 3]).all()
    assert jab["Status"].isin(["Aktif", "Dihapus"]).all()
    assert jab["Unit Kerja"].isin(OPD_UNITS).all()
    assert jab["Kecamatan"].isin(KECAMATAN_NAMES).all()
    camat = jab["Unit Kerja"].str.startswith("Kecamatan ")
    assert (jab.loc[camat, "Unit Kerja"].str.removeprefix("Kecamatan ") == jab.loc[camat, "Kecamatan"]).all()
    assert (jab.loc[~camat, "Kecamatan"] == "Pasar Muara Bungo").all()
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
    assert jab.loc[~fung, "Jenjang"].isna().all()
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


# --- Kunci, Larangan, Relasi -----------------------------------------------------------------------


def test_kunci_is_within_the_rules(big: dict[str, pd.DataFrame]) -> None:
    kunci = big["Kunci"]
    assert 2 <= len(kunci) <= 3
    assert kunci["NIP"].is_unique
    m = _merged(big).set_index("NIP")
    jab = big["Jabatan"].set_index("Kode Jabatan")
    occ = _occupancy(big).set_axis(big["Jabatan"]["Kode Jabatan"])
    tetap = kunci[kunci["Kode Jabatan"] == TETAP]
    assert len(tetap) == 1
    person = m.loc[tetap["NIP"].iat[0]]
    assert person["TMT Jabatan"] <= REF_TS - pd.DateOffset(years=5)
    assert person["Status"] == "Aktif"
    moves = kunci[kunci["Kode Jabatan"] != TETAP]
    assert len(moves) >= 1
    assert moves["Kode Jabatan"].is_unique
    for nip, code in moves.itertuples(index=False):
        p, t = m.loc[nip], jab.loc[code]
        assert t["Status"] == "Aktif" and occ[code] == 0 and t["Formasi"] >= 1
        assert t["Unit Kerja"] != p["Unit Kerja"]
        assert p["Jenis ASN"] == "PNS" and p["Status"] == "Aktif"
        assert p["TMT Jabatan"] <= REF_TS - pd.DateOffset(years=2)
        assert p["Hukuman Disiplin"] not in grades.HUKUMAN_BLOCKING
        r = grades.GOLONGAN_RANK[p["Golongan"]]
        if isinstance(t["Golongan Min"], str):
            assert grades.GOLONGAN_RANK[t["Golongan Min"]] <= r <= grades.GOLONGAN_RANK[t["Golongan Maks"]]
        else:
            es = t["Eselon"] if isinstance(t["Eselon"], str) else None
            jj = t["Jenjang"] if isinstance(t["Jenjang"], str) else None
            assert grades.default_grade_range(es, t["Jenis Jabatan"], jj).contains(r)
        assert grades.EDUCATION_RANK[p["Pendidikan"]] >= grades.EDUCATION_RANK[t["Pendidikan Min"]]
    others = set(big["Larangan"]["NIP"]) | set(big["Relasi"]["NIP 1"]) | set(big["Relasi"]["NIP 2"])
    assert not set(kunci["NIP"]) & others


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
    for name in ("Kunci", "Larangan", "Relasi"):
        assert [c.value for c in wb[name][1]] == list(SHEET_COLUMNS[name])
    kunci_nip = [row[0].value for row in wb["Kunci"].iter_rows(min_row=2)]
    assert kunci_nip == f["Kunci"]["NIP"].tolist() and all(isinstance(v, str) for v in kunci_nip)
    read = pd.read_excel(paths[1], sheet_name="Jabatan", engine="openpyxl")
    assert list(read.columns) == list(SHEET_COLUMNS["Jabatan"])
    assert read["Formasi"].tolist() == f["Jabatan"]["Formasi"].tolist()
    # equal frames give equal bytes
    again = write_sample(generate(400, 2, REF), tmp_path / "again")
    for a, b in zip(paths, again, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_write_sample_of_a_tiny_round(tmp_path: Path) -> None:
    paths = write_sample(generate(30, 1, REF), tmp_path / "new" / "dir")
    wb = openpyxl.load_workbook(paths[0])
    assert wb["Kunci"].max_row == 1
    assert [c.value for c in wb["Relasi"][1]] == list(SHEET_COLUMNS["Relasi"])
