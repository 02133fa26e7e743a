"""Grade tables, ranks, education levels, retirement ages: one place for the facts of DOMAIN.md.

Every table here is quoted from ../shared/DOMAIN.md; the rest of the code asks this module and never
spells a grade, an eselon range or a BUP age itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

# --- golongan/ruang (PNS), lowest to highest, with the pangkat name ---------------------------------
GOLONGAN_PANGKAT: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tk. I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tk. I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tk. I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tk. I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tk. I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tk. I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tk. I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
GOLONGAN: tuple[str, ...] = tuple(g for g, _ in GOLONGAN_PANGKAT)
#: rank 1 (I/a) … 17 (IV/e)
GOLONGAN_RANK: dict[str, int] = {g: i + 1 for i, g in enumerate(GOLONGAN)}
PANGKAT: dict[str, str] = dict(GOLONGAN_PANGKAT)

#: PPPK grades are roman numerals I–XVII
PPPK_GRADES: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ARABIC_TO_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_GOL_RE = re.compile(r"^(IV|III|II|I|[1-4])\s*[/\-\s.]?\s*([A-E])$", re.IGNORECASE)
_PAREN_RE = re.compile(r"\(([^)]*)\)")
_PANGKAT_BY_NAME = {re.sub(r"[^a-z]", "", p.lower().replace("tk. i", "tki")): g for g, p in GOLONGAN_PANGKAT}


def parse_golongan(text: object) -> str | None:
    """Canonical PNS golongan (``"III/a"``) from its common spellings, else ``None``.

    Accepts ``III/a``, ``III-A``, ``3a``, ``iii/a``, ``Penata Muda (III/a)`` and the pangkat name alone.
    """
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    m = _PAREN_RE.search(s)
    if m:
        inner = parse_golongan(m.group(1))
        if inner:
            return inner
    m = _GOL_RE.match(s.replace(" ", "") if len(s) <= 8 else s)
    if m:
        major = m.group(1).upper()
        major = _ARABIC_TO_ROMAN.get(major, major)
        code = f"{major}/{m.group(2).lower()}"
        if code in GOLONGAN_RANK:
            return code
        return None
    key = re.sub(r"[^a-z]", "", s.lower().replace("tk. i", "tki").replace("tingkat i", "tki"))
    return _PANGKAT_BY_NAME.get(key)


def parse_pppk_grade(text: object) -> str | None:
    """Canonical PPPK grade (roman ``I``–``XVII``) from a roman or arabic numeral, else ``None``."""
    if text is None:
        return None
    s = str(text).strip().upper()
    s = re.sub(r"^(GOL(ONGAN)?\.?\s*)", "", s)
    if s.isdigit() and 1 <= int(s) <= 17:
        return PPPK_GRADES[int(s) - 1]
    return s if s in PPPK_GRADES else None


def golongan_label(code: str) -> str:
    """``"Penata Muda (III/a)"`` as the attachment writes it; PPPK grades as ``"PPPK golongan IX"``."""
    if code in PANGKAT:
        return f"{PANGKAT[code]} ({code})"
    return f"PPPK golongan {code}"


# --- default grade ranges -----------------------------------------------------------------------
#: eselon → (lowest, highest) golongan, PP 100/2000 as amended by PP 13/2002
ESELON_RANGE: dict[str, tuple[str, str]] = {
    "I.a": ("IV/d", "IV/e"),
    "I.b": ("IV/c", "IV/e"),
    "II.a": ("IV/c", "IV/d"),
    "II.b": ("IV/b", "IV/c"),
    "III.a": ("IV/a", "IV/b"),
    "III.b": ("III/d", "IV/a"),
    "IV.a": ("III/c", "III/d"),
    "IV.b": ("III/b", "III/c"),
    "V.a": ("III/a", "III/b"),
}

#: jenjang of a jabatan fungsional → (lowest, highest) golongan
JENJANG_RANGE: dict[str, tuple[str, str]] = {
    "Ahli Pertama": ("III/a", "III/b"),
    "Ahli Muda": ("III/c", "III/d"),
    "Ahli Madya": ("IV/a", "IV/c"),
    "Ahli Utama": ("IV/d", "IV/e"),
    "Pemula": ("II/a", "II/a"),
    "Terampil": ("II/b", "II/d"),
    "Mahir": ("III/a", "III/b"),
    "Penyelia": ("III/c", "III/d"),
}


def parse_eselon(text: object) -> str | None:
    """Canonical eselon (``"III.b"``) from ``III.b``, ``III/b``, ``3b``, ``IIIB``; ``None`` if unknown."""
    if text is None:
        return None
    s = re.sub(r"\s", "", str(text)).upper()
    if not s or s in {"-", "NONESELON", "NON-ESELON"}:
        return None
    m = re.match(r"^(?:ESELON)?(V|IV|III|II|I|[1-5])[./\-]?([AB])$", s)
    if not m:
        return None
    major = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}.get(m.group(1), m.group(1))
    code = f"{major}.{m.group(2).lower()}"
    return code if code in ESELON_RANGE else None


def parse_jenjang(text: object) -> str | None:
    """Canonical jenjang of a jabatan fungsional, tolerant of case and spacing."""
    if text is None:
        return None
    key = re.sub(r"\s+", " ", str(text)).strip().lower()
    for j in JENJANG_RANGE:
        if j.lower() == key:
            return j
    return None


# --- jenis jabatan ---------------------------------------------------------------------------------
JENIS_JABATAN: tuple[str, ...] = ("JPT Pratama", "Administrator", "Pengawas", "Pelaksana", "Fungsional")
#: leadership training a managerial position expects (a training need, not a bar)
LEADERSHIP_TRAINING: dict[str, str] = {
    "JPT Pratama": "PKN II",
    "Administrator": "PKA",
    "Pengawas": "PKP",
}


def parse_jenis_jabatan(text: object) -> str | None:
    if text is None:
        return None
    key = re.sub(r"[\s_]+", " ", str(text)).strip().lower()
    aliases = {
        "jpt": "JPT Pratama",
        "jpt pratama": "JPT Pratama",
        "jabatan pimpinan tinggi pratama": "JPT Pratama",
        "administrator": "Administrator",
        "jabatan administrator": "Administrator",
        "pengawas": "Pengawas",
        "jabatan pengawas": "Pengawas",
        "pelaksana": "Pelaksana",
        "jabatan pelaksana": "Pelaksana",
        "fungsional": "Fungsional",
        "jabatan fungsional": "Fungsional",
        "jf": "Fungsional",
        # older and SIMPEG spellings: JFT was the functional post, JFU (fungsional umum) today's Pelaksana
        "jabatan pimpinan tinggi": "JPT Pratama",
        "pimpinan tinggi pratama": "JPT Pratama",
        "jabatan fungsional tertentu": "Fungsional",
        "fungsional tertentu": "Fungsional",
        "jft": "Fungsional",
        "jabatan fungsional umum": "Pelaksana",
        "fungsional umum": "Pelaksana",
        "jfu": "Pelaksana",
        "jabatan pelaksana (jfu)": "Pelaksana",
    }
    return aliases.get(key)


# --- jabatan fungsional: the JF (profession) and its jenjang ------------------------------------------
#: the jenjang words a Nama Jabatan may carry ("Perawat Ahli Muda"), longest first so that "Ahli Muda" is
#: found before any shorter word
JENJANG_WORDS: tuple[str, ...] = tuple(sorted(JENJANG_RANGE, key=len, reverse=True))
_JENJANG_IN_NAME = re.compile(
    r"\b(" + "|".join(re.escape(j) for j in JENJANG_WORDS).replace(r"\ ", r"\s+") + r")\b", re.IGNORECASE
)
#: the JF of teachers (UU 14/2005: BUP 60)
JF_GURU = "guru"


def _jf_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def jabatan_fungsional(nama: object, rumpun: object = None) -> tuple[str, str | None]:
    """(JF key, jenjang named in the name) of a Fungsional position: the JF is its ``Rumpun`` when given,
    else its Nama Jabatan without the jenjang words ("Perawat Ahli Muda" → ("perawat", "Ahli Muda")).
    The JF key is lower case with single spaces; the one function the rules, checker and reports ask."""
    name = "" if nama is None else str(nama)
    m = _JENJANG_IN_NAME.search(name)
    jenjang = parse_jenjang(m.group(1)) if m else None
    return _jf_key(jf_name(name, rumpun)), jenjang


def jf_name(nama: object, rumpun: object = None) -> str:
    """The JF of a Fungsional position as people write it: its ``Rumpun``, else its Nama Jabatan without
    the jenjang words ("Perawat Ahli Muda" → "Perawat")."""
    if rumpun is not None and str(rumpun).strip():
        return re.sub(r"\s+", " ", str(rumpun)).strip()
    return re.sub(r"\s+", " ", _JENJANG_IN_NAME.sub(" ", "" if nama is None else str(nama))).strip()


def is_guru(jf: str | None) -> bool:
    """A teacher's JF: "guru", also as an export without `Rumpun` names it ("Guru Kelas", "Guru Mata
    Pelajaran …"), for the BUP of UU 14/2005."""
    return bool(jf) and (jf == JF_GURU or str(jf).startswith(JF_GURU + " "))


#: structural eselon, lowest to highest (a rotation keeps it; one step up is a promotion)
ESELON_ORDER: tuple[str, ...] = ("V.a", "IV.b", "IV.a", "III.b", "III.a", "II.b", "II.a", "I.b", "I.a")
ESELON_LEVEL: dict[str, int] = {e: i for i, e in enumerate(ESELON_ORDER)}
#: the JF jenjang equivalent to a structural post (PermenPANRB 17/2021, penyetaraan jabatan)
JENJANG_SETARA: dict[str, str] = {"Administrator": "Ahli Madya", "Pengawas": "Ahli Muda"}
#: kinds of position PPPK never hold (Perpres 38/2020)
NOT_FOR_PPPK: frozenset[str] = frozenset({"JPT Pratama", "Administrator", "Pengawas"})


# --- retirement (BUP) ---------------------------------------------------------------------------------
BUP_DEFAULT = 58
BUP_JPT_AND_MADYA = 60
BUP_AHLI_UTAMA = 65


def bup_age(jenis_jabatan: str | None, jenjang: str | None, jf: str | None = None) -> int:
    """Batas usia pensiun of a position (DOMAIN.md, BUP table): 65 Ahli Utama; 60 JPT, Ahli Madya and
    teachers (JF Guru, UU 14/2005); 58 otherwise."""
    if jenis_jabatan == "JPT Pratama":
        return BUP_JPT_AND_MADYA
    if jenis_jabatan == "Fungsional" and jenjang == "Ahli Utama":
        return BUP_AHLI_UTAMA
    if jenis_jabatan == "Fungsional" and (jenjang == "Ahli Madya" or is_guru(jf)):
        return BUP_JPT_AND_MADYA
    return BUP_DEFAULT


# --- status of a person (SIASN) --------------------------------------------------------------------------
KEDUDUKAN_AKTIF = "Aktif"
#: KEDUDUKAN HUKUM NAMA values that keep a person in place (CONTRACT.md rule 8), canonical spelling
KEDUDUKAN_HUKUM: tuple[str, ...] = (
    "Aktif", "Tugas Belajar", "CLTN", "Pemberhentian Sementara", "Masa Persiapan Pensiun",
    "Penerima Uang Tunggu", "Hukuman Disiplin", "Perpanjangan Kontrak",
)  # fmt: skip
_KEDUDUKAN_ALIASES = {
    "cuti diluar tanggungan negara": "CLTN", "cuti di luar tanggungan negara": "CLTN",
    "diberhentikan sementara": "Pemberhentian Sementara", "mpp": "Masa Persiapan Pensiun",
    "tubel": "Tugas Belajar", "active": "Aktif",
}  # fmt: skip


def parse_kedudukan(text: object) -> str:
    """Canonical Kedudukan Hukum: a known SIASN value in its canonical spelling, else the text as given
    (every value other than Aktif keeps the person in place, known or not)."""
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    key = s.lower()
    for k in KEDUDUKAN_HUKUM:
        if key == k.lower():
            return k
    return _KEDUDUKAN_ALIASES.get(key, s or KEDUDUKAN_AKTIF)


def parse_jenis_asn(text: object) -> str | None:
    """"PNS", "CPNS" or "PPPK" from ``Jenis ASN`` as exports write it (SIASN JENIS PEGAWAI NAMA: ``PNS
    Daerah``, ``PNS Pusat DPK``, ``CPNS Daerah``, ``PPPK``; any case), else ``None``."""
    key = re.sub(r"[^a-z ]+", " ", str(text or "").lower()).split()
    if not key:
        return None
    head = key[0]
    if head in {"pppk", "p3k"} or " ".join(key[:4]) == "pegawai pemerintah dengan perjanjian":
        return "PPPK"
    if head == "cpns" or " ".join(key[:3]) == "calon pegawai negeri":
        return "CPNS"
    if head in {"pns", "asn"} or " ".join(key[:2]) == "pegawai negeri":
        return "PNS"
    return None


# --- education ----------------------------------------------------------------------------------------
#: canonical level → rank; D4 counts as S1 (CONTRACT.md rule 5)
EDUCATION_RANK: dict[str, int] = {
    "SD": 1, "SMP": 2, "SMA": 3, "D1": 4, "D2": 5, "D3": 6, "D4": 7, "S1": 7, "S2": 8, "S3": 9,
}  # fmt: skip
_EDU_ALIASES: dict[str, str] = {
    "SD": "SD", "SEKOLAHDASAR": "SD",
    "SMP": "SMP", "SLTP": "SMP", "MTS": "SMP",
    "SMA": "SMA", "SLTA": "SMA", "SMK": "SMA", "MA": "SMA", "SMU": "SMA",
    "D1": "D1", "DI": "D1", "DIPLOMAI": "D1",
    "D2": "D2", "DII": "D2", "DIPLOMAII": "D2",
    "D3": "D3", "DIII": "D3", "DIPLOMAIII": "D3",
    "D4": "D4", "DIV": "D4", "DIPLOMAIV": "D4",
    "S1": "S1", "STRATA1": "S1", "STRATAI": "S1", "SARJANA": "S1",
    "S2": "S2", "STRATA2": "S2", "STRATAII": "S2", "MAGISTER": "S2",
    "S3": "S3", "STRATA3": "S3", "STRATAIII": "S3", "DOKTOR": "S3",
}  # fmt: skip


def parse_education(text: object) -> str | None:
    """Canonical education level (``"S1"``) from ``S-1/Sarjana``, ``Strata 1``, ``SLTA``, ``D-III``…"""
    if text is None:
        return None
    s = str(text).strip().upper()
    if not s:
        return None
    first = re.split(r"[/(]", s)[0]
    for candidate in (first, s):
        key = re.sub(r"[^A-Z0-9]", "", candidate)
        if key in _EDU_ALIASES:
            return _EDU_ALIASES[key]
    return None


# --- performance rating, discipline ------------------------------------------------------------------
#: SKP rating (PermenPANRB 6/2022) → points used by the fit score
SKP_POINTS: dict[str, int] = {
    "Sangat Baik": 2,
    "Baik": 1,
    "Butuh Perbaikan": 0,
    "Kurang": 0,
    "Misconduct": 0,
    "Sangat Kurang": 0,
}
HUKUMAN: tuple[str, ...] = ("Tidak Ada", "Ringan", "Sedang", "Berat")


def parse_hukuman(text: object) -> str | None:
    if text is None:
        return "Tidak Ada"
    s = str(text).strip().lower()
    if s in {"", "-", "tidak ada", "tidak", "nihil", "none"}:
        return "Tidak Ada"
    for h in HUKUMAN:
        if s == h.lower() or s.startswith(h.lower()):
            return h
    return None


def parse_skp(text: object) -> str | None:
    if text is None:
        return None
    s = re.sub(r"\s+", " ", str(text)).strip().lower()
    for k in SKP_POINTS:
        if s == k.lower():
            return k
    return None


@dataclass(frozen=True)
class GradeRange:
    """Inclusive rank range; ``None`` bounds mean no limit."""

    low: int | None
    high: int | None

    def contains(self, rank: int) -> bool:
        return (self.low is None or rank >= self.low) and (self.high is None or rank <= self.high)


def default_grade_range(eselon: str | None, jenis: str | None, jenjang: str | None) -> GradeRange:
    """The range of a position without explicit Golongan Min/Maks (CONTRACT.md rule 4)."""
    if eselon and eselon in ESELON_RANGE:
        lo, hi = ESELON_RANGE[eselon]
        return GradeRange(GOLONGAN_RANK[lo], GOLONGAN_RANK[hi])
    if jenis == "Fungsional" and jenjang in JENJANG_RANGE:
        lo, hi = JENJANG_RANGE[jenjang]
        return GradeRange(GOLONGAN_RANK[lo], GOLONGAN_RANK[hi])
    return GradeRange(None, None)


def position_bup(positions: pd.DataFrame) -> np.ndarray:
    """The BUP age of every position (:func:`bup_age` of its kind, jenjang and JF)."""
    cols = (positions[c].to_numpy(dtype=object) for c in ("jenis", "jenjang", "jf"))
    return np.array([bup_age(j, jj, f) for j, jj, f in zip(*cols)], dtype=np.int64)
