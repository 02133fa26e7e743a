"""Cell normalisation: each parser returns a value or ``None``; callers turn ``None`` into an Issue.

Nothing here raises on bad data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

_MONTHS_ID = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12,
    "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10, "december": 12,
    "january": 1, "february": 2, "march": 3,
}  # fmt: skip
_EXCEL_EPOCH = dt.date(1899, 12, 30)
MONTHS_ID_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, dt.date) and value != value:  # pandas' NaT (a datetime unequal to itself)
        return True
    return isinstance(value, str) and not value.strip()


def text(value: object) -> str | None:
    """Trimmed text of a cell, ``None`` when blank; integral floats lose their ``.0``."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


#: characters an .xlsx cell cannot hold (XML 1.0 forbids the C0 controls but tab, newline and carriage
#: return, lone surrogates and U+FFFE/U+FFFF) or that a terminal would obey rather than show (DEL and
#: the C1 controls U+0080–U+009F: 0x9B is CSI on some terminals)
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: an OOXML escape (ST_Xstring): ``_x001B_`` is how a file spells ESC, and what any .xlsx reader turns
#: back into one
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SUSPECT = re.compile(f"{_UNSTORABLE.pattern}|{_XML_ESCAPE.pattern}")


def clean_text(s: str) -> tuple[str, list[str]]:
    """``s`` without anything Excel cannot store, and what was found (``U+001B``, ``_x001B_``), in order.

    ``_xHHHH_`` escapes are decoded as Excel would show them, again until none is left (``_x005F_``
    is an escaped underscore, so one pass can leave a new escape); then the unstorable characters are
    dropped. A text kept this way can be written to a workbook and shown on a terminal as it is.
    """
    if not _SUSPECT.search(s):
        return s, []
    found: list[str] = []
    while escapes := _XML_ESCAPE.findall(s):
        found += [f"_x{h}_" for h in escapes]
        s = _XML_ESCAPE.sub(lambda e: chr(int(e.group(1), 16)), s)
    found += [f"U+{ord(ch):04X}" for ch in _UNSTORABLE.findall(s)]
    return _UNSTORABLE.sub("", s), list(dict.fromkeys(found))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel date, a serial number, ``dd-mm-yyyy``, ``dd/mm/yyyy``, ISO or Indonesian words;
    ``None`` also for a date written in one of those forms that does not exist (see :func:`date_fault`)."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return None
    s = str(value).strip()
    parts = date_parts(s)
    if parts is not None:
        return _safe_date(*parts)
    if re.fullmatch(r"\d+(\.0+)?", s):
        return parse_date(float(s))
    return None


def date_parts(value: object) -> tuple[int, int, int] | None:
    """(year, month, day) of a text in one of the written forms :func:`parse_date` reads (ISO,
    ``dd-mm-yyyy``, ``dd/mm/yyyy``, ``dd.mm.yyyy``, a month's name), whether or not that day exists;
    ``None`` for any other text."""
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", s)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", s)
    if m:
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    m = re.fullmatch(r"(\d{1,2})[\s\-]+([A-Za-z]+)\.?[\s\-]+(\d{4})", s)
    if m and m.group(2).lower() in _MONTHS_ID:
        return int(m.group(3)), _MONTHS_ID[m.group(2).lower()], int(m.group(1))
    return None


def date_fault(value: object) -> str | None:
    """Why ``value``, written as a date (:func:`date_parts`), is no date ("Februari 2020 hanya sampai
    tanggal 29", "bulan hanya 1 sampai 12"); ``None`` when it is a date or not written as one."""
    from mutasi_cli.support.messages import DATE_NO_DAY, DATE_NO_DAY_ZERO, DATE_NO_MONTH, DATE_NO_YEAR

    parts = None if is_blank(value) or isinstance(value, dt.date | int | float) else date_parts(value)
    if parts is None or _safe_date(*parts) is not None:
        return None
    year, month, day = parts
    if not 1 <= month <= 12:
        return DATE_NO_MONTH.format(month=month)
    if day == 0:
        return DATE_NO_DAY_ZERO
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return DATE_NO_YEAR.format(year=year)
    days = calendar.monthrange(year, month)[1]
    return DATE_NO_DAY.format(month=MONTHS_ID_NAMES[month - 1], year=year, days=days)


def format_date_id(d: dt.date) -> str:
    """``27 November 2026``"""
    return f"{d.day} {MONTHS_ID_NAMES[d.month - 1]} {d.year}"


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return dt.date(year, month, day)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def retirement_date(birth: dt.date, bup: int) -> dt.date:
    """First day of the month after the birthday on which the BUP age is reached."""
    birthday = add_years(birth, bup)
    return add_months(birthday.replace(day=1), 1)


# --- NIP -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nip:
    text: str
    birth: dt.date
    gender: str  # "L" or "P"
    pppk: bool


def nip_digits(value: object) -> tuple[str | None, str | None]:
    """(18-digit text, None) or (None, problem code). A number cell is an error: Excel lost digits."""
    if is_blank(value):
        return None, "empty-cell"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None, "nip-as-number"
    s = str(value).strip().lstrip("'").strip()
    if re.fullmatch(r"\d(?:[.,]\d+)?[eE]\+?\d+", s):
        return None, "nip-as-number"
    s = re.sub(r"[\s.\-]", "", s)
    if not re.fullmatch(r"\d{18}", s):
        return None, "invalid-nip"
    return s, None


def parse_nip(value: object) -> tuple[Nip | None, str | None]:
    """Parse and check a NIP (PNS or PPPK form). Returns (Nip, None) or (None, problem code)."""
    s, problem = nip_digits(value)
    if s is None:
        return None, problem
    if _nip_fault(s) is not None:
        return None, "invalid-nip"
    birth = _safe_date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    assert birth is not None
    return Nip(s, birth, "L" if s[14] == "1" else "P", int(s[12:14]) >= 21), None


def nip_problem(value: object) -> str:
    """What is wrong with a NIP that :func:`parse_nip` rejects as ``invalid-nip``, in Bahasa Indonesia."""
    return _nip_fault(re.sub(r"[\s.\-]", "", str(value).strip().lstrip("'"))) or "bentuknya tidak dikenal"


def _nip_fault(s: str) -> str | None:
    """The first part of a NIP's text that cannot be (None if it is a possible NIP): 18 digits, a real
    birth date, appointment month 01–12 (PNS) or 21–29 (PPPK), gender digit 1 or 2."""
    if not s.isdecimal():  # (isdigit would let "²" through to int())
        return "berisi karakter selain angka"
    if len(s) != 18:
        return f"panjangnya {len(s)} angka, seharusnya 18"
    birth = _safe_date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    if birth is None or not 1930 <= birth.year <= 2015:
        return f"8 angka pertama ({s[:8]}) bukan tanggal lahir yang mungkin"
    month = int(s[12:14])
    if not (1 <= month <= 12 or 21 <= month <= 29):
        return f"bulan pengangkatan (angka ke-13–14: {s[12:14]}) harus 01–12, atau 21–29 untuk PPPK"
    if s[14] not in "12":
        return f"kode jenis kelamin (angka ke-15: {s[14]}) harus 1 atau 2"
    return None


def parse_gender(value: object) -> str | None:
    s = (text(value) or "").lower().replace("-", "").replace(" ", "")
    if s in {"l", "m", "lakilaki", "pria", "male", "1"}:
        return "L"
    if s in {"p", "f", "perempuan", "wanita", "female", "2"}:
        return "P"
    return None


def parse_int(value: object) -> int | None:
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    s = str(value).strip()
    return int(s) if re.fullmatch(r"\d+", s) else None


def split_list(value: object) -> list[str]:
    """``"PKP; PKA"`` → ``["PKP", "PKA"]`` (also accepts commas)."""
    s = text(value)
    if not s:
        return []
    return [p.strip() for p in re.split(r"[;,]", s) if p.strip()]


def norm_key(value: object) -> str:
    """Comparison key: lower case, single spaces, no punctuation at the edges."""
    s = text(value) or ""
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()
