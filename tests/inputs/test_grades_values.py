import datetime as dt

import pytest

from mutasi_cli.domain import grades
from mutasi_cli.inputs.values import (
    add_years,
    date_fault,
    nip_digits,
    parse_date,
    parse_gender,
    parse_nip,
    retirement_date,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("III/a", "III/a"),
        ("III-A", "III/a"),
        ("3a", "III/a"),
        ("iii/a", "III/a"),
        ("IV/e", "IV/e"),
        ("Penata Muda Tk. I (III/b)", "III/b"),
        ("Pembina Utama Muda", "IV/c"),
        ("Penata", "III/c"),
        ("5a", None),
        ("III/f", None),
        ("", None),
    ],
)
def test_parse_golongan(text, expected):
    assert grades.parse_golongan(text) == expected


def test_golongan_order_and_pangkat():
    assert grades.GOLONGAN[0] == "I/a" and grades.GOLONGAN[-1] == "IV/e"
    assert grades.GOLONGAN_RANK["III/a"] < grades.GOLONGAN_RANK["III/b"] < grades.GOLONGAN_RANK["IV/a"]
    assert grades.golongan_label("III/a") == "Penata Muda (III/a)"
    assert len(grades.PPPK_GRADES) == 17 and grades.parse_pppk_grade("9") == "IX"


def test_default_ranges():
    r = grades.default_grade_range("IV.a", "Pengawas", None)
    assert (r.low, r.high) == (grades.GOLONGAN_RANK["III/c"], grades.GOLONGAN_RANK["III/d"])
    r = grades.default_grade_range(None, "Fungsional", "Ahli Madya")
    assert (r.low, r.high) == (grades.GOLONGAN_RANK["IV/a"], grades.GOLONGAN_RANK["IV/c"])
    assert grades.default_grade_range(None, "Pelaksana", None) == grades.GradeRange(None, None)


def test_bup_ages():
    assert grades.bup_age("Pelaksana", None) == 58
    assert grades.bup_age("JPT Pratama", None) == 60
    assert grades.bup_age("Fungsional", "Ahli Madya") == 60
    assert grades.bup_age("Fungsional", "Ahli Utama") == 65
    assert grades.bup_age("Fungsional", "Ahli Muda") == 58


@pytest.mark.parametrize(
    "text,expected",
    [
        ("S-1/Sarjana", "S1"),
        ("Strata 1", "S1"),
        ("SLTA", "SMA"),
        ("Diploma III", "D3"),
        ("D-III", "D3"),
        ("xx", None),
    ],
)
def test_education(text, expected):
    assert grades.parse_education(text) == expected
    if expected:
        assert expected in grades.EDUCATION_RANK


def test_d4_equals_s1():
    assert grades.EDUCATION_RANK["D4"] == grades.EDUCATION_RANK["S1"]


@pytest.mark.parametrize(
    "value,expected",
    [
        (dt.datetime(2019, 1, 12), dt.date(2019, 1, 12)),
        ("12-01-2019", dt.date(2019, 1, 12)),
        ("12/01/2019", dt.date(2019, 1, 12)),
        ("2019-01-12", dt.date(2019, 1, 12)),
        ("12 Januari 2019", dt.date(2019, 1, 12)),
        ("12 Jan 2019", dt.date(2019, 1, 12)),
        (43477, dt.date(2019, 1, 12)),
        ("31-02-2019", None),
        ("kemarin", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value,fault",
    [
        ("31-02-2020", "Februari 2020 hanya sampai tanggal 29"),
        ("29/02/2021", "Februari 2021 hanya sampai tanggal 28"),
        ("2026-04-31", "April 2026 hanya sampai tanggal 30"),
        ("31 Juni 2026", "Juni 2026 hanya sampai tanggal 30"),
        ("2026-13-01", "bulan hanya 1 sampai 12"),
        ("15-00-2026", "bulan hanya 1 sampai 12"),
        ("00-01-2026", "tanggal dimulai dari 1"),
        ("0000-01-01", "tahun 0 di luar kalender"),
        ("32-12-9999", "Desember 9999 hanya sampai tanggal 31"),
        # a date, or not written as one: nothing impossible about it
        ("29-02-2020", None),
        ("kemarin", None),
        ("31 Fantasi 2020", None),
        (43477, None),
        (dt.date(2020, 2, 29), None),
        (None, None),
    ],
)
def test_date_fault_says_why_a_written_date_does_not_exist(value, fault):
    assert date_fault(value) == fault
    if fault is not None:
        assert parse_date(value) is None


def test_nip_pns_and_pppk():
    n, problem = parse_nip("'19860926 201505 1 001")
    assert problem is None and n.text == "198609262015051001"
    assert n.birth == dt.date(1986, 9, 26) and n.gender == "L" and not n.pppk
    n, problem = parse_nip("199001012024212003")
    assert problem is None and n.pppk and n.gender == "P"


@pytest.mark.parametrize(
    "value,code",
    [
        (1.98609262015051e17, "nip-as-number"),
        ("1.98609E+17", "nip-as-number"),
        ("19860926201505100", "invalid-nip"),
        ("198613262015051001", "invalid-nip"),  # month 13 of birth
        ("198609262015151001", "invalid-nip"),  # appointment month 15
        ("198609262015053001", "invalid-nip"),  # gender digit 3
        ("", "empty-cell"),
    ],
)
def test_nip_problems(value, code):
    if code in ("nip-as-number", "empty-cell"):
        assert nip_digits(value)[1] == code
    assert parse_nip(value) == (None, code)


def test_gender():
    assert parse_gender("Laki-laki") == "L" and parse_gender("F") == "P" and parse_gender("x") is None


def test_retirement_date_first_of_next_month():
    assert retirement_date(dt.date(1968, 12, 15), 58) == dt.date(2027, 1, 1)
    assert retirement_date(dt.date(1968, 3, 1), 58) == dt.date(2026, 4, 1)
    assert add_years(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)


@pytest.mark.parametrize(
    ("text", "jenis"),
    [
        ("JPT Pratama", "JPT Pratama"),
        ("Jabatan Pimpinan Tinggi Pratama", "JPT Pratama"),
        ("jabatan administrator", "Administrator"),
        ("Jabatan Fungsional Tertentu", "Fungsional"),
        ("JFT", "Fungsional"),
        ("Jabatan Fungsional Umum", "Pelaksana"),  # the old name of today's Pelaksana
        ("JFU", "Pelaksana"),
        ("Staf", None),
    ],
)
def test_jenis_jabatan_spellings(text: str, jenis: str | None) -> None:
    assert grades.parse_jenis_jabatan(text) == jenis


@pytest.mark.parametrize(
    ("nama", "rumpun", "jf", "jenjang"),
    [
        ("Perawat Ahli Muda", None, "perawat", "Ahli Muda"),
        ("Bidan Terampil", None, "bidan", "Terampil"),
        ("Guru Kelas Ahli Pertama", "Guru", "guru", "Ahli Pertama"),
        ("Guru Kelas Ahli Pertama", None, "guru kelas", "Ahli Pertama"),
        ("Analis Kebijakan  ahli  madya", None, "analis kebijakan", "Ahli Madya"),
        ("Pranata Komputer", None, "pranata komputer", None),
    ],
)
def test_jabatan_fungsional(nama, rumpun, jf, jenjang) -> None:
    assert grades.jabatan_fungsional(nama, rumpun) == (jf, jenjang)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("PNS Daerah", "PNS"), ("PNS Pusat DPK", "PNS"), ("CPNS Daerah", "CPNS"), ("cpns", "CPNS"),
     ("PPPK", "PPPK"), ("pppk", "PPPK"), ("Honorer", None), ("", None)],
)  # fmt: skip
def test_jenis_asn_siasn_forms(text: str, kind: str | None) -> None:
    assert grades.parse_jenis_asn(text) == kind


def test_bup_of_teachers_and_the_destination_tables() -> None:
    assert grades.bup_age("Fungsional", "Ahli Pertama", "guru") == 60
    assert grades.bup_age("Fungsional", "Ahli Muda", "guru kelas") == 60
    assert grades.bup_age("Fungsional", "Ahli Muda", "perawat") == 58
    assert grades.bup_age("Fungsional", "Ahli Utama", "guru") == 65
