"""Grade tables, ranks, education levels, retirement ages: one place for the facts of DOMAIN.md.

Every table here is quoted from ../shared/DOMAIN.md; the rest of the code asks this module and never
spells a grade, an eselon range or a BUP age itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    }
    return aliases.get(key)


# --- retirement (BUP) ---------------------------------------------------------------------------------
BUP_DEFAULT = 58
BUP_JPT_AND_MADYA = 60
BUP_AHLI_UTAMA = 65


def bup_age(jenis_jabatan: str | None, jenjang: str | None) -> int:
    """Batas usia pensiun by the current position (DOMAIN.md, BUP table)."""
    if jenis_jabatan == "JPT Pratama":
        return BUP_JPT_AND_MADYA
    if jenis_jabatan == "Fungsional" and jenjang == "Ahli Utama":
        return BUP_AHLI_UTAMA
    if jenis_jabatan == "Fungsional" and jenjang == "Ahli Madya":
        return BUP_JPT_AND_MADYA
    return BUP_DEFAULT


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
#: sanctions that keep a person in place (CONTRACT.md rule 3)
HUKUMAN_BLOCKING: frozenset[str] = frozenset({"Sedang", "Berat"})


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
