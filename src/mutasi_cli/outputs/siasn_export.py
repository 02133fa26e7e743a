"""The approved moves of a reviewed plan as a CSV for SIASN's position-history (riwayat jabatan) upload.

One row per approved move, in the plan's order. UTF-8 with a byte-order mark and ``;`` as the
separator, so that Excel with Indonesian regional settings opens it in columns. Columns:

====================  ===========================================================================
``NIP BARU``          18 digits, written as text (never a number, never in scientific notation)
``NAMA``              name, for the reader's check (SIASN matches on the NIP)
``JABATAN NAMA``      the new position (Jabatan Baru)
``KODE JABATAN``      the new position's code in the plan (Kode Jabatan Baru; local code, not the
                      SIASN ID)
``UNOR NAMA``         the new unit (Unit Kerja Baru)
``NOMOR SK``          the number of the decree that moves the person (their kind's; per-unit decrees:
                      of their kind and unit)
``TANGGAL SK``        the decree date, ``dd-mm-yyyy`` (``[sk] tanggal``; empty only in a draft)
``TMT JABATAN``       the effective date, ``dd-mm-yyyy`` (the plan's Tanggal berlaku, or ``[sk] tmt``)
====================  ===========================================================================

A cell is never read as a formula: a text that begins with ``=``, ``+``, ``-``, ``@`` or a tab is
written with a leading apostrophe (the OWASP rule for CSV files opened in spreadsheets).

An upload file carries the signed decree's number and date, so it is refused
(:class:`~mutasi_cli.outputs.decree.DecreeError` ``siasn-placeholders``, exit 1, naming the keys) while
``[sk] nomor_awal`` or ``tanggal`` is unset, as NOMOR SK would then hold dots and TANGGAL SK be empty:
SIASN would take the dots as the decree's number. ``draft=True`` (``--draft``) writes it all the same,
for checking, and the command says it is a draft. Every person's NOMOR SK is the number of the decree
that moves them (PNS, PPPK and JPT moves have decrees of their own; :func:`~mutasi_cli.outputs.decree.number_decrees`).

Excel shows an 18-digit NIP as a number when the file is opened by double-clicking; to edit the file
in Excel, import it (Data → From Text/CSV) with the NIP column set to Text.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from mutasi_cli.outputs.decree import PLACEHOLDER, DecreeError, DecreeSettings, ReviewedPlan, number_decrees
from mutasi_cli.support.files import atomic_file

SIASN_COLUMNS = (
    "NIP BARU",
    "NAMA",
    "JABATAN NAMA",
    "KODE JABATAN",
    "UNOR NAMA",
    "NOMOR SK",
    "TANGGAL SK",
    "TMT JABATAN",
)
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _date(d: dt.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


def _safe(value: str) -> str:
    """A text no spreadsheet takes for a formula; one line."""
    value = " ".join(value.split())
    return "'" + value if value.startswith(_FORMULA_START) else value


def siasn_rows(plan: ReviewedPlan, settings: DecreeSettings | None = None) -> list[dict[str, str]]:
    """The export's rows (column → text), one per approved move."""
    rnd = number_decrees(plan, settings or DecreeSettings())
    nomor = {m.nip: decree.nomor for decree in rnd.decrees for m in decree.moves}
    return [
        {
            "NIP BARU": m.nip,
            "NAMA": _safe(m.nama),
            "JABATAN NAMA": _safe(m.jabatan_baru),
            "KODE JABATAN": _safe(m.kode_baru),
            "UNOR NAMA": _safe(m.unit_baru),
            "NOMOR SK": _safe(nomor[m.nip]),
            "TANGGAL SK": _date(rnd.tanggal),
            "TMT JABATAN": _date(rnd.tmt),
        }
        for m in plan.moves
    ]


def write_siasn_csv(
    plan: ReviewedPlan, out: Path, settings: DecreeSettings | None = None, *, draft: bool = False
) -> int:
    """Write the CSV; returns the number of rows written. Refused before anything is written while the
    decree's number or date would be a placeholder, unless ``draft``."""
    settings = settings or DecreeSettings()
    missing = settings.placeholder_keys()
    if missing and not draft:
        raise DecreeError("siasn-placeholders", keys=" dan ".join(missing))
    rows = siasn_rows(plan, settings)
    assert draft or not any(PLACEHOLDER in r["NOMOR SK"] for r in rows)  # dots come from nomor_awal only
    with atomic_file(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SIASN_COLUMNS, delimiter=DELIMITER, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
