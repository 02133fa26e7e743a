"""The decrees (SK) drafted from a plan workbook after the analyst's review.

Pipeline: :func:`read_reviewed_plan` (the ``Daftar Mutasi`` and ``Parameter`` sheets, problems
collected as :class:`~mutasi_cli.inputs.issues.Issue` values) → :func:`number_decrees` (one decree per kind
of move — between JPT posts, PNS, PPPK —, or one per kind and unit kerja baru, numbered by the ``[sk]``
settings) → :func:`write_decrees` (one .docx per decree and one *petikan* per person, drafted with
docxtpl; what the user must be told in ``Drafts.warnings``) → :func:`convert_to_pdf` (LibreOffice,
when installed).

What the review may change in ``Daftar Mutasi``: delete rows, change the order of the columns
(headers match ignoring case and spaces), add a ``Setuju`` column (``Ya``/``Tidak`` in any case; blank means Ya), edit
``Keterangan``. NIP must stay text: a NIP that Excel turned into a number is an error naming the row.

**Public text only.** A decree is copied to BKN, the Governor and BPKAD, and every petikan goes to its
person: ``Catatan Internal`` (the rules a Kunci breaks, sanctions, scores, solver notes) is never read,
and ``Keterangan`` passes only as phrases of the reviewed table
:data:`mutasi_cli.support.messages.PUBLIC_REASONS` (:func:`public_keterangan`); anything else is left out, and
``sk`` names the rows.

**The kind of a move** (:func:`move_kinds`): PNS or PPPK from an optional ``Jenis ASN`` column, else
the grade the planner wrote (a PPPK grade exactly when the round took the person as PPPK), else the
NIP (an NI PPPK reads 21–29 in digits 13–14); between JPT posts from optional ``Jenis Jabatan
Lama``/``Jenis Jabatan Baru`` columns, else the round's jabatan input named on ``Parameter``.

Template variables (docxtpl/Jinja2; every value is text and is XML-escaped, so ``&``, ``<``, ``>``
and ``'`` reach the document unchanged; a line break inside a value becomes a line break):

Decree (``sk_bungo.docx``) and extract (``petikan_bungo.docx``) alike:

=====================  ===========================================================================
``nomor``              the decree's number, ``pola_nomor`` filled in (``800.1.3.3/048/BKPSDMD/2026``);
                       without ``nomor_awal`` the number is left as dots to be filled in by hand
``tanggal``            decree date in words (``1 Desember 2026``), or dots when not set
``tahun``              year of the decree (decree date, else effective date)
``tempat``             place of signing (``Muara Bungo``)
``tmt``                effective date (TMT jabatan) in words (``[sk] tmt``, else the plan's)
``bupati``             the regent's name (``[sk] bupati``), or dots when not set
``unit``               the unit kerja baru of a per-unit decree; empty for a decree of the round
``jumlah``             number of moves in this decree
``jenis``              whom it moves: ``PNS``, ``PPPK`` or ``JPT``
``judul``              the title's first line (``PEMINDAHAN PEGAWAI NEGERI SIPIL``)
``tentang``            the whole title (``PEMINDAHAN … DI LINGKUNGAN PEMERINTAH KABUPATEN BUNGO``)
``subjek``             whom it moves, in a sentence (``Pegawai Pemerintah dengan Perjanjian Kerja``)
``menimbang``          list of considerations (letters a, b, c)
``menetapkan``         ``KEPUTUSAN BUPATI BUNGO TENTANG ….``
``diktum``             list of the operative items, each ``label`` (``KESATU`` …) and ``teks``;
                       KEDUA gives the TMT. The petikan shows the same items (a true extract).
``lampiran_judul``     the attachment's title (``DAFTAR PEGAWAI NEGERI SIPIL YANG DIPINDAHKAN``)
``kolom_pangkat``      header of the attachment's column 3 (``PANGKAT/GOL. RUANG``, PPPK ``GOLONGAN``)
``label_pangkat``      the same as a label (``Pangkat/Gol. Ruang``, ``Golongan``)
``label_nomor``        the number's label (``NIP``, PPPK ``NI PPPK``)
``mutasi``             list of the moves in this decree, each a row (below)
``mengingat``          list of legal bases of the decree's kind (``[sk] mengingat``, ``mengingat_pppk``,
                       ``mengingat_jpt``), then the Perda on Bungo's units (``perda_*``); in an
                       election-freeze window with the Minister's approval also UU 10/2016 and the
                       Minister's letter (:mod:`mutasi_cli.rules.freeze`)
``tembusan``           list of copy recipients (``[sk] tembusan``)
``petikan_jabatan``    position of the official who authenticates extracts
``petikan_nama``       their name, or dots
``petikan_nip``        their NIP, or dots
=====================  ===========================================================================

Extract only: ``pegawai`` — the one row of the person it is given to.

A row (``m`` in ``{%tr for m in mutasi %}``, or ``pegawai``) has: ``no`` (1, 2, … within the decree),
``nip`` (18 digits), ``nip_label`` (``NIP.``, PPPK ``NI PPPK``), ``jenis_asn`` (``PNS``/``PPPK``),
``nama``, ``pangkat`` (``Penata (III/c)``), ``jabatan_lama``, ``kode_lama``, ``unit_lama``,
``jabatan_baru``, ``kode_baru``, ``unit_baru``, ``keterangan`` (public phrases only).

``[sk]`` settings in ``mutasi.toml`` (all optional), see :class:`DecreeSettings`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import string
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mutasi_cli.domain import grades
from mutasi_cli.inputs.headers import header_key
from mutasi_cli.inputs.issues import Issue, IssueLog
from mutasi_cli.inputs.reader import RawWorkbook, ReadError, find_header_row, find_sheet, read_raw
from mutasi_cli.inputs.settings import read_settings_file, toml_date
from mutasi_cli.inputs.values import format_date_id, is_blank, norm_key, parse_date, parse_nip, text
from mutasi_cli.rules.freeze import Freeze, FreezeError
from mutasi_cli.support import messages, runtime
from mutasi_cli.support.files import atomic_folder
from mutasi_cli.support.messages import issue_message

PLAN_SHEET = "Daftar Mutasi"
PARAMETER_SHEET = "Parameter"
EFFECTIVE_DATE_KEY = "Tanggal berlaku"
#: what a value left for the analyst to fill in by hand looks like
PLACEHOLDER = "…………………"

#: canonical column of Daftar Mutasi → the context key of a row
COLUMNS: dict[str, str] = {
    "NIP": "nip",
    "Nama": "nama",
    "Pangkat/Gol. Ruang": "pangkat",
    "Jabatan Lama": "jabatan_lama",
    "Kode Jabatan Lama": "kode_lama",
    "Unit Kerja Lama": "unit_lama",
    "Jabatan Baru": "jabatan_baru",
    "Kode Jabatan Baru": "kode_baru",
    "Unit Kerja Baru": "unit_baru",
    "Keterangan": "keterangan",
    "Setuju": "setuju",
    # optional: the kind of person and of position, when the workbook (or the analyst) gives them
    "Jenis ASN": "jenis_asn",
    "Jenis Jabatan Lama": "jenis_jabatan_lama",
    "Jenis Jabatan Baru": "jenis_jabatan_baru",
}
REQUIRED = ("NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru", "Unit Kerja Baru")
HEADER_SCAN_ROWS = 10
_YES = {"ya", "y", "yes", "setuju", "true", "1"}
_NO = {"tidak", "tdk", "t", "no", "n", "tidak setuju", "false", "0"}

#: the laws forming Kabupaten Bungo and on regional government: the first items of every decree
_MENGINGAT_DAERAH = (
    "Undang-Undang Nomor 12 Tahun 1956 tentang Pembentukan Daerah Otonom Kabupaten dalam Lingkungan "
    "Daerah Propinsi Sumatera Tengah, sebagaimana telah diubah dengan Undang-Undang Nomor 7 Tahun 1965 "
    "tentang Pembentukan Daerah Tingkat II Sarolangun-Bangko, Daerah Tingkat II Tanjung Jabung dan "
    "Daerah Tingkat II Bungo-Tebo",
    "Undang-Undang Nomor 54 Tahun 1999 tentang Pembentukan Kabupaten Sarolangun, Kabupaten Tebo, "
    "Kabupaten Muaro Jambi dan Kabupaten Tanjung Jabung Timur, sebagaimana telah diubah dengan "
    "Undang-Undang Nomor 14 Tahun 2000 tentang Perubahan atas Undang-Undang Nomor 54 Tahun 1999",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, sebagaimana telah beberapa kali "
    "diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah "
    "Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang",
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
)
#: Mengingat of a decree moving PNS (and of one moving JPT): DOMAIN.md's list; the Perda on Bungo's
#: units is added after it from ``[sk] perda_*`` (:meth:`DecreeSettings.perda`)
DEFAULT_MENGINGAT = (
    *_MENGINGAT_DAERAH,
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil, sebagaimana telah "
    "diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan Pemerintah "
    "Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
    "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
    "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara Pelaksanaan Mutasi",
)
#: Mengingat of a decree moving PPPK: their own management regulation and the posts open to them
#: (PP 11/2017 and the BKN mutation rules are for PNS)
DEFAULT_MENGINGAT_PPPK = (
    *_MENGINGAT_DAERAH,
    "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
    "Peraturan Presiden Nomor 38 Tahun 2020 tentang Jenis Jabatan yang Dapat Diisi oleh Pegawai Pemerintah "
    "dengan Perjanjian Kerja",
)
DEFAULT_PERDA_TENTANG = "Pembentukan dan Susunan Perangkat Daerah Kabupaten Bungo"
#: words that announce an amendment without naming it (a Bagian Hukum sends such a draft back)
_UNNAMED_CHANGE = re.compile(r"\b(beserta|dan|berikut)\s+(segala\s+)?perubahan(nya|-perubahannya)\b", re.I)
DEFAULT_TEMBUSAN = (
    "Kepala Badan Kepegawaian Negara di Jakarta",
    "Kepala Kantor Regional VII Badan Kepegawaian Negara di Palembang",
    "Gubernur Jambi di Jambi",
    "Kepala BPKAD Kabupaten Bungo di Muara Bungo",
    "Kepala BKPSDMD Kabupaten Bungo di Muara Bungo",
    "Pegawai yang bersangkutan",
    "Arsip",
)


# --- errors --------------------------------------------------------------------------------------


class PlanError(Exception):
    """The reviewed plan cannot be used; carries every problem found (file, sheet, row, column)."""

    def __init__(self, path: Path, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} problem(s) in {path}")
        self.path = path
        self.issues = issues


class DecreeError(Exception):
    """Settings, template or PDF conversion that stop the drafting; ``str()`` is the user's message."""

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        super().__init__(issue_message(code, **fields)[1])


# --- settings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecreeSettings:
    """The ``[sk]`` section of ``mutasi.toml``. Example (defaults shown, or what a blank means)::

    [sk]
    pola_nomor = "800.1.3.3/{nomor}/BKPSDMD/{tahun}"  # Permendagri 83/2022 classification
    nomor_awal = 48          # first number; without it the number is left as dots
    digit_nomor = 3          # zero-padded width of {nomor}: 048
    tanggal = 2026-11-20     # decree date; without it left as dots
    tmt = 2026-12-01         # TMT jabatan; default: the plan's effective date (sheet Parameter)
    bupati = "…"             # the regent's name; without it left as dots
    per_unit = false         # true: one decree per unit kerja baru, numbered in turn
    tempat = "Muara Bungo"
    tembusan = ["Kepala Badan Kepegawaian Negara di Jakarta", …]
    mengingat = ["Undang-Undang Nomor 12 Tahun 1956 …", …]   # decrees moving PNS
    mengingat_pppk = ["…", …]     # decrees moving PPPK (default: PP 49/2018, Perpres 38/2020)
    mengingat_jpt = ["…", …]      # decrees moving JPT (default: as mengingat)
    perda_nomor = "…"             # the Perda on Bungo's units (perangkat daerah): number (text) ...
    perda_tahun = …               # ... and year; without them Mengingat shows dots and `sk` warns
    perda_tentang = "Pembentukan dan Susunan Perangkat Daerah Kabupaten Bungo"
    perda_perubahan = "sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Bungo Nomor … Tahun …"
    petikan_jabatan = "Kepala BKPSDMD Kabupaten Bungo"
    petikan_nama = "…"
    petikan_nip = "…"

    The Perda item is added at the end of each Mengingat list (before the Minister's approval in an
    election-freeze window) unless the list already names a Peraturan Daerah Kabupaten Bungo.
    """

    pola_nomor: str = "800.1.3.3/{nomor}/BKPSDMD/{tahun}"
    nomor_awal: int | None = None
    digit_nomor: int = 3
    tanggal: dt.date | None = None
    tmt: dt.date | None = None
    bupati: str = ""
    per_unit: bool = False
    tempat: str = "Muara Bungo"
    tembusan: tuple[str, ...] = DEFAULT_TEMBUSAN
    mengingat: tuple[str, ...] = DEFAULT_MENGINGAT
    mengingat_pppk: tuple[str, ...] = DEFAULT_MENGINGAT_PPPK
    mengingat_jpt: tuple[str, ...] | None = None
    perda_nomor: str = ""
    perda_tahun: int | None = None
    perda_tentang: str = DEFAULT_PERDA_TENTANG
    perda_perubahan: str = ""
    petikan_jabatan: str = "Kepala BKPSDMD Kabupaten Bungo"
    petikan_nama: str = ""
    petikan_nip: str = ""

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], *, source: str = "mutasi.toml") -> DecreeSettings:
        """Settings from the parsed ``[sk]`` table; a bad key or value raises :class:`DecreeError`."""
        if not isinstance(table, Mapping):
            raise DecreeError(
                "sk-invalid-value", path=source, key="", expected="harus berupa tabel", value=table
            )
        known = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in known:
                raise DecreeError("sk-unknown-key", path=source, key=key, known=", ".join(known))
            values[key] = _setting(source, key, value)
        return cls(**values)

    def number(self, index: int, year: int) -> str:
        """The ``index``-th decree's number (0 = the first)."""
        nomor = (
            PLACEHOLDER if self.nomor_awal is None else str(self.nomor_awal + index).zfill(self.digit_nomor)
        )
        return self.pola_nomor.format(nomor=nomor, tahun=year)

    def perda(self) -> str:
        """The Mengingat item of the Perda on Bungo's units; dots for a number or year not set."""
        nomor = self.perda_nomor or PLACEHOLDER
        tahun = str(self.perda_tahun) if self.perda_tahun else PLACEHOLDER
        item = f"Peraturan Daerah Kabupaten Bungo Nomor {nomor} Tahun {tahun} tentang {self.perda_tentang}"
        return f"{item}, {self.perda_perubahan}" if self.perda_perubahan else item

    def missing_perda(self) -> list[str]:
        """The ``[sk]`` keys of the Perda still unset (the decree then shows dots)."""
        return [k for k, v in (("perda_nomor", self.perda_nomor), ("perda_tahun", self.perda_tahun)) if not v]

    def mengingat_of(self, kind: str) -> tuple[tuple[str, ...], str]:
        """(the Mengingat list, the ``[sk]`` key it comes from) of a decree of ``kind``."""
        if kind == PPPK:
            return self.mengingat_pppk, "mengingat_pppk"
        if kind == JPT and self.mengingat_jpt is not None:
            return self.mengingat_jpt, "mengingat_jpt"
        return self.mengingat, "mengingat"

    def placeholder_keys(self) -> list[str]:
        """The ``[sk]`` keys whose absence leaves NOMOR SK or TANGGAL SK as dots or blank."""
        return [k for k, v in (("nomor_awal", self.nomor_awal), ("tanggal", self.tanggal)) if v is None]


def _setting(source: str, key: str, value: object) -> object:
    def bad(expected: str) -> DecreeError:
        return DecreeError("sk-invalid-value", path=source, key=key, expected=expected, value=value)

    if key == "pola_nomor":
        if not isinstance(value, str):
            raise bad("harus berupa teks")
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
            value.format(nomor="1", tahun=2026)
        except (ValueError, IndexError, KeyError):
            names = {"?"}
        if not names <= {"nomor", "tahun"}:
            raise DecreeError("sk-invalid-pattern", path=source, value=value)
        return value
    if key in {"nomor_awal", "digit_nomor"}:
        if isinstance(value, bool) or not isinstance(value, int) or value < (1 if key == "nomor_awal" else 0):
            raise bad("harus bilangan bulat positif")
        return value
    if key in {"tanggal", "tmt"}:
        parsed = toml_date(value)
        if parsed is None:
            raise bad("harus tanggal YYYY-MM-DD")
        return parsed
    if key == "per_unit":
        if not isinstance(value, bool):
            raise bad("harus true atau false")
        return value
    if key == "perda_nomor":
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip():
            raise bad('harus nomor Perda, misalnya 9 atau "9"')
        return str(value).strip()
    if key == "perda_tahun":
        if isinstance(value, bool) or not isinstance(value, int) or not 1945 <= value <= 2100:
            raise bad("harus tahun, misalnya 2016")
        return value
    if key in {"tembusan", "mengingat", "mengingat_pppk", "mengingat_jpt"}:
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise bad('harus daftar teks, misalnya ["…", "…"]')
        return tuple(value)
    if not isinstance(value, str):
        raise bad("harus berupa teks")
    return value


def load_decree_settings(path: Path | None = None) -> DecreeSettings:
    """The ``[sk]`` section of ``path``, or of ``./mutasi.toml`` when it exists, or the defaults."""
    data, found = read_settings_file(path)  # raises SettingsError for a missing or unreadable file
    if found is None:
        return DecreeSettings()
    return DecreeSettings.from_toml(data.get("sk", {}), source=str(found))


# --- the reviewed plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One approved move, as the review left it. ``excel_row``: its row in Daftar Mutasi."""

    nip: str
    nama: str
    pangkat: str
    jabatan_lama: str
    kode_lama: str
    unit_lama: str
    jabatan_baru: str
    kode_baru: str
    unit_baru: str
    keterangan: str
    excel_row: int
    #: optional columns of Daftar Mutasi, as written ("" when absent): see :func:`move_kinds`
    jenis_asn: str = ""
    jenis_jabatan_lama: str = ""
    jenis_jabatan_baru: str = ""


@dataclass
class ReviewedPlan:
    path: Path
    moves: list[Move]  # approved, in the plan's order
    effective_date: dt.date | None
    rejected: int = 0  # rows marked Setuju = Tidak
    #: warnings only (errors raise PlanError), unless read with strict=False
    issues: list[Issue] = field(default_factory=list)
    #: the rows marked Setuju = Tidak (``mutasi check`` warns about what they leave empty)
    rejected_moves: list[Move] = field(default_factory=list)
    #: the rows of sheet Parameter as (Excel row, label, value), in order (the round's inputs, SHA-256,
    #: settings: what ``mutasi check`` finds the round by)
    parameter: list[tuple[int, str, object]] = field(default_factory=list)
    #: canonical column of Daftar Mutasi → its header as written (for issues naming a column)
    columns: dict[str, str] = field(default_factory=dict)


def read_reviewed_plan(path: Path, *, strict: bool = True) -> ReviewedPlan:
    """The approved moves of a reviewed plan workbook; every problem at once in a :class:`PlanError`.
    ``strict=False`` (``mutasi check``, which lists these problems with the rest) returns them in
    ``issues`` instead, with the moves that could be read."""
    log = IssueLog()
    try:
        raw = read_raw(path)
    except ReadError as exc:
        log.add(exc.code, sheet="", **exc.fields)
        if not strict:
            return ReviewedPlan(path, [], None, issues=log.issues)
        raise PlanError(path, log.issues) from None
    parameter = _parameter_rows(raw)
    sheet = find_sheet(raw, PLAN_SHEET)
    if sheet is None:
        log.add(
            "missing-sheet",
            sheet=PLAN_SHEET,
            wanted=PLAN_SHEET,
            path=str(path),
            available=", ".join(raw.sheets),
        )
        if not strict:
            return ReviewedPlan(path, [], _effective_date(raw), issues=log.issues, parameter=parameter)
        raise PlanError(path, log.issues)
    moves, rejected, written = _moves(raw.sheets[sheet], log)
    effective = _effective_date(raw)
    if log.has_errors and strict:
        raise PlanError(path, log.issues)
    return ReviewedPlan(path, moves, effective, len(rejected), log.issues, rejected, parameter, written)


def _moves(rows: list[list[object]], log: IssueLog) -> tuple[list[Move], list[Move], dict[str, str]]:
    """(approved moves, rejected moves, canonical column → header as written)."""
    index = {header_key(c): c for c in COLUMNS}
    header_at = find_header_row(rows, index)
    if header_at is None:
        log.add("empty-sheet", sheet=PLAN_SHEET)
        return [], [], {}
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    for j, cell in enumerate(rows[header_at]):
        canonical = index.get(header_key(cell)) if not is_blank(cell) else None
        if canonical and canonical not in positions:
            positions[canonical], written[canonical] = j, str(cell).strip()
    available = ", ".join(str(c) for c in rows[header_at] if not is_blank(c))
    missing = [c for c in REQUIRED if c not in positions]
    for wanted in missing:
        log.add("missing-column", sheet=PLAN_SHEET, row=header_at + 1, wanted=wanted, available=available)
    if missing:
        return [], [], written

    moves: list[Move] = []
    rejected: list[Move] = []
    seen: dict[str, int] = {}
    for i in range(header_at + 1, len(rows)):
        row = rows[i]
        excel_row = i + 1

        def cell(col: str, row: list[object] = row) -> object:
            j = positions.get(col)
            return row[j] if j is not None and j < len(row) else None

        if all(is_blank(cell(c)) for c in REQUIRED):
            continue  # blank, or a note under the table
        setuju = cell("Setuju")
        if not is_blank(setuju):
            answer = (text(setuju) or "").lower()
            if isinstance(setuju, bool):
                answer = "ya" if setuju else "tidak"
            if answer in _NO:
                rejected.append(_rejected(row_values=cell, excel_row=excel_row))
                continue
            if answer not in _YES:
                log.add(
                    "invalid-setuju",
                    sheet=PLAN_SHEET,
                    row=excel_row,
                    column=written["Setuju"],
                    value=text(setuju),
                )
                continue
        nip_raw = cell("NIP")
        nip, problem = parse_nip(nip_raw)
        if problem:
            log.add(problem, sheet=PLAN_SHEET, row=excel_row, column=written["NIP"], value=text(nip_raw))
        elif nip is not None:
            if nip.text in seen:
                log.add(
                    "duplicate-nip", sheet=PLAN_SHEET, row=excel_row, column=written["NIP"], value=nip.text,
                    other=seen[nip.text],
                )  # fmt: skip
            seen.setdefault(nip.text, excel_row)
        values = {}
        for col in COLUMNS:
            if col in {"NIP", "Setuju"}:
                continue
            values[COLUMNS[col]] = _clean(cell(col))
            if col in REQUIRED and not values[COLUMNS[col]]:
                log.add("empty-cell", sheet=PLAN_SHEET, row=excel_row, column=written[col])
        if nip is not None and not problem:
            moves.append(Move(nip=nip.text, excel_row=excel_row, **values))
    return moves, rejected, written


def _rejected(row_values: Callable[[str], object], excel_row: int) -> Move:
    """A row marked Setuju = Tidak as a Move (its NIP as written when it does not read: nothing is
    drafted from it, and its problems are not the review's)."""
    nip, _problem = parse_nip(row_values("NIP"))
    values = {COLUMNS[c]: _clean(row_values(c)) for c in COLUMNS if c not in {"NIP", "Setuju"}}
    return Move(nip=nip.text if nip is not None else _clean(row_values("NIP")), excel_row=excel_row, **values)


_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: object) -> str:
    """Cell text as the document shows it: trimmed, line breaks kept, characters XML forbids dropped."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = format_date_id(value if isinstance(value, dt.date) else value.date())
    s = _XML_INVALID.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in s.split("\n")).strip()


def _parameter_rows(raw: RawWorkbook) -> list[tuple[int, str, object]]:
    """Sheet Parameter as (Excel row, label, value) rows, in order; empty when the sheet is gone."""
    sheet = find_sheet(raw, PARAMETER_SHEET)
    if sheet is None:
        return []
    return [(i, str(row[0]).strip(), row[1] if len(row) > 1 else None)
            for i, row in enumerate(raw.sheets[sheet], start=1) if row and not is_blank(row[0])]  # fmt: skip


def _effective_date(raw: RawWorkbook) -> dt.date | None:
    sheet = find_sheet(raw, PARAMETER_SHEET)
    if sheet is None:
        return None
    key = header_key(EFFECTIVE_DATE_KEY)
    for row in raw.sheets[sheet]:
        if len(row) >= 2 and not is_blank(row[0]) and header_key(row[0]) == key:
            return parse_date(row[1])
    return None


# --- the kind of each move: PNS, PPPK, or between JPT posts ----------------------------------------

PNS, PPPK, JPT = "PNS", "PPPK", "JPT"
#: the order decrees of a round are numbered in: the JPT moves first, as their decree is the regent's
#: own (and the one the election-freeze approval names), then PNS, then PPPK
KIND_ORDER = (JPT, PNS, PPPK)
_JPT_JENIS = "JPT Pratama"


@dataclass(frozen=True)
class MoveKind:
    """The decree a move belongs in: ``asn`` "PNS" or "PPPK" (a CPNS is a PNS here), ``jpt`` when its
    old or new position is a JPT post (``None``: unknown, drafted with the PNS moves)."""

    asn: str
    jpt: bool | None

    @property
    def decree(self) -> str:
        return JPT if self.jpt and self.asn == PNS else self.asn


@dataclass
class Kinds:
    """Each move's kind (by NIP) and why some could not be known (user texts, for ``sk``'s warnings)."""

    by_nip: dict[str, MoveKind]
    notes: list[str] = field(default_factory=list)


def _asn_kind(m: Move) -> str:
    """PNS or PPPK, from what the workbook says, most direct first:

    1. an optional ``Jenis ASN`` column in Daftar Mutasi (SIASN spellings accepted);
    2. ``Pangkat/Gol. Ruang``: the planner writes the round's grade, which it read as a PPPK grade
       (``PPPK golongan IX``, roman I–XVII) exactly when the round took the person as PPPK (its own
       ``Jenis ASN``, else the NIP), and as a PNS pangkat (``Penata (III/c)``) otherwise;
    3. the NIP: a PPPK's NI PPPK carries ``2`` and the appointment count where a PNS NIP has the month
       of appointment, so digits 13–14 read 21–29 (DOMAIN.md "NIP").
    """
    if m.jenis_asn and (parsed := grades.parse_jenis_asn(m.jenis_asn)):
        return PPPK if parsed == PPPK else PNS
    label = m.pangkat.strip()
    if label:
        if label.lower().startswith("pppk"):
            return PPPK
        inner = re.search(r"\(([^()]*)\)\s*$", label)
        if grades.parse_golongan(inner[1] if inner else label) is not None:
            return PNS
        if grades.parse_pppk_grade(label) is not None:
            return PPPK
    nip, _ = parse_nip(m.nip)
    return PPPK if nip is not None and nip.pppk else PNS


def _round_sources(plan: ReviewedPlan) -> list[tuple[str, str]]:
    """(path as written, SHA-256) of the round's inputs named on sheet Parameter, in the order the
    planner wrote them (the pegawai file first, the jabatan file last; one entry when they are one)."""
    paths: list[str] = []
    digests: list[str] = []
    for entry in plan.parameter:  # (…, label, value)
        label, value = entry[-2], entry[-1]
        key = str(label).strip().lower()
        if key.startswith("berkas masukan") and not is_blank(value):
            paths.append(str(value).strip())
        elif key.startswith("sha-256") and not is_blank(value):
            digests.append(str(value).strip().lower())
    return list(zip(paths, digests)) if len(paths) == len(digests) else [(p, "") for p in paths]


def _find_input(written: str, plan_path: Path) -> Path | None:
    """The input file as the planner named it: the path as written (from the working folder, as
    `mutasi plan` was run), else the same name beside the plan workbook."""
    for candidate in (Path(written), plan_path.parent / written, plan_path.parent / Path(written).name):
        if candidate.is_file():
            return candidate
    return None


def _position_kinds(plan: ReviewedPlan) -> tuple[dict[str, str] | None, str]:
    """Kode Jabatan (normalised) → jenis jabatan, from the round's jabatan input when it is found
    unchanged; else (None, why not)."""
    from mutasi_cli.inputs.headers import JABATAN
    from mutasi_cli.inputs.reader import sha256_of, table_from_rows

    sources = _round_sources(plan)
    if not sources:
        return None, messages.SK_JPT_SOURCE_NONE
    written, digest = sources[-1]
    path = _find_input(written, plan.path)
    if path is None:
        return None, messages.SK_JPT_SOURCE_MISSING.format(path=written)
    try:
        if digest and sha256_of(path) != digest:
            return None, messages.SK_JPT_SOURCE_CHANGED.format(path=written)
        raw = read_raw(path)
    except (OSError, ReadError):
        return None, messages.SK_JPT_SOURCE_MISSING.format(path=written)
    sheet = find_sheet(raw, JABATAN) or (next(iter(raw.sheets)) if len(sources) > 1 and raw.sheets else None)
    table = table_from_rows(raw, sheet, JABATAN, IssueLog()) if sheet else None
    if table is None or not {"Kode Jabatan", "Jenis Jabatan"} <= set(table.headers):
        return None, messages.SK_JPT_SOURCE_MISSING.format(path=written)
    kinds: dict[str, str] = {}
    for row in table.rows:
        kode, jenis = text(row.get("Kode Jabatan")), grades.parse_jenis_jabatan(row.get("Jenis Jabatan"))
        if kode and jenis:
            kinds.setdefault(norm_key(kode), jenis)
    return kinds, written


def move_kinds(plan: ReviewedPlan) -> Kinds:
    """The decree each approved move belongs in (computed once per plan, then kept on it).

    Whether a move is between JPT posts comes from optional ``Jenis Jabatan Lama``/``Jenis Jabatan
    Baru`` columns of Daftar Mutasi, else from the round's jabatan input named on sheet Parameter
    (found as written or beside the plan, and only when its SHA-256 is unchanged). A move whose kind of
    position cannot be known is drafted with the PNS moves, and ``notes`` says so."""
    cached = getattr(plan, "_kinds", None)
    if isinstance(cached, Kinds):
        return cached
    need_round = any(not (m.jenis_jabatan_lama and m.jenis_jabatan_baru) for m in plan.moves)
    positions, source = _position_kinds(plan) if need_round else ({}, "")
    by_nip: dict[str, MoveKind] = {}
    unknown: list[Move] = []
    missing_codes: list[str] = []
    for m in plan.moves:
        asn = _asn_kind(m)
        jenis: list[str | None] = []
        for given, kode in ((m.jenis_jabatan_lama, m.kode_lama), (m.jenis_jabatan_baru, m.kode_baru)):
            parsed = grades.parse_jenis_jabatan(given) if given else None
            if parsed is None and positions is not None and kode:
                parsed = positions.get(norm_key(kode))
                if parsed is None and kode not in missing_codes:
                    missing_codes.append(kode)
            jenis.append(parsed)
        if _JPT_JENIS in jenis:
            jpt: bool | None = True
        elif None in jenis:
            jpt = None
            unknown.append(m)
        else:
            jpt = False
        by_nip[m.nip] = MoveKind(asn, jpt)
    notes: list[str] = []
    if unknown:
        if positions is None:
            detail = source
        else:
            detail = messages.SK_JPT_CODES_UNKNOWN.format(codes=", ".join(missing_codes[:10]), path=source)
        rows = _row_ranges([m.excel_row for m in unknown])
        notes.append(messages.SK_JPT_UNKNOWN.format(count=len(unknown), detail=f"baris {rows}; {detail}"))
    kinds = Kinds(by_nip, notes)
    plan._kinds = kinds  # type: ignore[attr-defined]
    return kinds


def _row_ranges(rows: list[int]) -> str:
    """Excel rows as a short list of ranges: ``2–14, 17, 20–21``."""
    parts: list[str] = []
    for r in sorted(set(rows)):
        if parts and (last := parts[-1].split("–")[-1]).isdigit() and int(last) == r - 1:
            parts[-1] = f"{parts[-1].split('–')[0]}–{r}"
        else:
            parts.append(str(r))
    return ", ".join(parts)


# --- public text: the Keterangan a decree may carry ------------------------------------------------


def _phrase_key(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().rstrip(".").strip().lower()


_PUBLIC = {_phrase_key(p): p for p in messages.PUBLIC_REASONS}


def public_keterangan(value: str) -> tuple[str, bool]:
    """(what a decree may show for this Keterangan, whether anything was left out).

    Only phrases of the reviewed table :data:`mutasi_cli.support.messages.PUBLIC_REASONS` pass (several may be
    joined by ";" or a line break), in their table spelling; everything else is dropped, and a Keterangan
    with no public phrase becomes :data:`~mutasi_cli.support.messages.PUBLIC_REASON_NEUTRAL`. A decree is read by
    everyone it is copied to (BKN, the Governor, BPKAD): whatever a workbook's Keterangan holds — an
    analyst's note, the rules a Kunci breaks, a sanction — never reaches it. An empty Keterangan stays
    empty."""
    parts = [p for p in re.split(r"[;\n]+", value) if p.strip()]
    if not parts:
        return "", False
    keys = [_phrase_key(p) for p in parts]
    public = list(dict.fromkeys(_PUBLIC[k] for k in keys if k in _PUBLIC))
    left_out = any(k not in _PUBLIC for k in keys)
    return ("; ".join(public) if public else messages.PUBLIC_REASON_NEUTRAL), left_out


def keterangan_warning(moves: list[Move]) -> str | None:
    """``sk``'s warning naming the rows whose Keterangan a decree does not carry as written."""
    replaced = [m.excel_row for m in moves if public_keterangan(m.keterangan)[1]]
    if not replaced:
        return None
    return messages.SK_KETERANGAN_REPLACED.format(
        count=len(replaced),
        rows=f"baris {_row_ranges(replaced)}",
        neutral=messages.PUBLIC_REASON_NEUTRAL,
        phrases="; ".join(messages.PUBLIC_REASONS),
    )


# --- decrees -------------------------------------------------------------------------------------

LINGKUNGAN = "DI LINGKUNGAN PEMERINTAH KABUPATEN BUNGO"


@dataclass(frozen=True)
class DecreeText:
    """The words that differ between the decrees of a round by whom they move: a PPPK is no Pegawai
    Negeri Sipil and holds an NI PPPK, not a NIP; JPT moves have a decree of their own."""

    subjek: str  # in sentences: "Pegawai Negeri Sipil"
    judul: str  # the title's first line: "PEMINDAHAN PEGAWAI NEGERI SIPIL"
    nip_label: str  # before the number in the attachment: "NIP." / "NI PPPK"
    nomor_nama: str  # the number's label in the petikan: "NIP" / "NI PPPK"
    kolom_pangkat: str  # the attachment's column 3: "PANGKAT/GOL. RUANG" / "GOLONGAN"
    label_pangkat: str  # the petikan's label of the grade

    @property
    def tentang(self) -> str:
        """The whole title, as TENTANG and the attachment write it."""
        return f"{self.judul} {LINGKUNGAN}"


DECREE_TEXTS: dict[str, DecreeText] = {
    PNS: DecreeText(
        "Pegawai Negeri Sipil", "PEMINDAHAN PEGAWAI NEGERI SIPIL", "NIP.", "NIP", "PANGKAT/GOL. RUANG",
        "Pangkat/Gol. Ruang",
    ),
    PPPK: DecreeText(
        "Pegawai Pemerintah dengan Perjanjian Kerja", "PEMINDAHAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA",
        "NI PPPK", "NI PPPK", "GOLONGAN", "Golongan",
    ),
    JPT: DecreeText(
        "Pejabat Pimpinan Tinggi Pratama", "PEMINDAHAN PEJABAT PIMPINAN TINGGI PRATAMA", "NIP.", "NIP",
        "PANGKAT/GOL. RUANG", "Pangkat/Gol. Ruang",
    ),
}  # fmt: skip


def menimbang(kind: str) -> list[str]:
    """The considerations of a decree of ``kind`` (letters a, b, c)."""
    t = DECREE_TEXTS[kind]
    return [
        "bahwa dalam rangka pembinaan karier, peningkatan kinerja dan pemenuhan kebutuhan organisasi di "
        f"lingkungan Pemerintah Kabupaten Bungo, dipandang perlu melakukan pemindahan {t.subjek};",
        f"bahwa {t.subjek} yang namanya tercantum dalam Lampiran Keputusan ini dipandang memenuhi syarat dan "
        "cakap untuk dipindahkan dalam jabatan sebagaimana tercantum dalam Lampiran Keputusan ini;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        f"Keputusan Bupati Bungo tentang Pemindahan {t.subjek} di Lingkungan Pemerintah Kabupaten Bungo;",
    ]


def diktum(kind: str, tmt: dt.date) -> list[dict[str, str]]:
    """The decree's operative items, each ``{"label": "KESATU", "teks": …}``: the decree and every
    petikan show these same items (a petikan is a true extract), the petikan with its person's row of
    the attachment after KESATU. KEDUA gives the TMT."""
    t = DECREE_TEXTS[kind]
    items = (
        f"Memindahkan {t.subjek} yang namanya tercantum dalam kolom 2 Lampiran Keputusan ini dari jabatan "
        "sebagaimana tercantum dalam kolom 4 ke jabatan sebagaimana tercantum dalam kolom 5 Lampiran "
        "Keputusan ini.",
        "Pemindahan sebagaimana dimaksud dalam Diktum KESATU berlaku terhitung mulai tanggal "
        f"{format_date_id(tmt)}.",
        "Petikan Keputusan ini diberikan kepada yang bersangkutan untuk diketahui dan dipergunakan "
        "sebagaimana mestinya.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari "
        "terdapat kekeliruan dalam Keputusan ini akan diadakan perbaikan sebagaimana mestinya.",
    )
    labels = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT")
    return [{"label": label, "teks": teks} for label, teks in zip(labels, items)]


@dataclass(frozen=True)
class Decree:
    """One decree: its number, the unit of a per-unit decree ("" for the round), its moves, and whom
    it moves (``kind``: PNS, PPPK or JPT)."""

    nomor: str
    unit: str
    moves: list[Move]
    kind: str = PNS


@dataclass(frozen=True)
class DecreeRound:
    decrees: list[Decree]
    tanggal: dt.date | None
    tmt: dt.date
    year: int
    #: why some moves' kind could not be known (user texts): see :func:`move_kinds`
    notes: list[str] = field(default_factory=list)


def number_decrees(plan: ReviewedPlan, settings: DecreeSettings) -> DecreeRound:
    """Group the approved moves into decrees and number them: one decree per kind of move (JPT, PNS,
    PPPK, in that order; :func:`move_kinds`), or, with ``per_unit``, one per kind and unit kerja baru."""
    if not plan.moves:
        raise PlanError(
            plan.path,
            [_issue("no-approved-moves", path=str(plan.path))],
        )
    tmt = settings.tmt or plan.effective_date
    if tmt is None:
        raise PlanError(
            plan.path, [_issue("missing-effective-date", sheet=PARAMETER_SHEET, path=str(plan.path))]
        )
    year = (settings.tanggal or tmt).year
    kinds = move_kinds(plan)
    groups: dict[tuple[str, str], list[Move]] = {}
    for m in plan.moves:
        kind = kinds.by_nip[m.nip].decree if m.nip in kinds.by_nip else _asn_kind(m)
        groups.setdefault((kind, m.unit_baru if settings.per_unit else ""), []).append(m)
    ordered = sorted(groups.items(), key=lambda item: KIND_ORDER.index(item[0][0]))  # stable: units in order
    decrees = [
        Decree(settings.number(i, year), unit, moves, kind) for i, ((kind, unit), moves) in enumerate(ordered)
    ]
    return DecreeRound(decrees, settings.tanggal, tmt, year, list(kinds.notes))


def _issue(code: str, *, sheet: str = PLAN_SHEET, path: str) -> Issue:
    log = IssueLog()
    log.add(code, sheet=sheet, path=path)
    return log.issues[0]


def _row(m: Move, no: int, kind: str) -> dict[str, object]:
    """A row of the attachment (and the petikan's ``pegawai``). Only public text: ``keterangan`` is
    filtered by :func:`public_keterangan`; ``Catatan Internal`` is never read at all."""
    t = DECREE_TEXTS[kind]
    return {
        "no": no,
        "nip": m.nip,
        "nip_label": t.nip_label,
        "jenis_asn": PPPK if kind == PPPK else PNS,
        "nama": m.nama,
        "pangkat": m.pangkat,
        "jabatan_lama": m.jabatan_lama,
        "kode_lama": m.kode_lama,
        "unit_lama": m.unit_lama,
        "jabatan_baru": m.jabatan_baru,
        "kode_baru": m.kode_baru,
        "unit_baru": m.unit_baru,
        "keterangan": public_keterangan(m.keterangan)[0],
    }


_UU_YEAR = re.compile(r"^Undang-Undang Nomor \d+ Tahun (\d{4})\b")
_PERDA = re.compile(r"\bPeraturan Daerah Kabupaten Bungo\b", re.I)


def _with_perda(items: tuple[str, ...], settings: DecreeSettings) -> list[str]:
    """The list with the Perda on Bungo's units last, unless the list names a Bungo Perda itself."""
    listed = list(items)
    return listed if any(_PERDA.search(item) for item in listed) else [*listed, settings.perda()]


def _mengingat(settings: DecreeSettings, freeze: Freeze | None, kind: str = PNS) -> list[str]:
    """The legal basis of a decree of ``kind`` (``[sk] mengingat``, ``mengingat_pppk`` or
    ``mengingat_jpt``) with the Perda on Bungo's units, plus, for a replacement the Minister approved
    during the election freeze, UU 10/2016 among the laws (after those of 2016 and before) and the
    Minister's letter last."""
    items = _with_perda(settings.mengingat_of(kind)[0], settings)
    if freeze is None or not freeze.approved:
        return items
    law, letter = freeze.mengingat()
    if not any("Nomor 10 Tahun 2016" in item for item in items):
        at = next(
            (i for i, item in enumerate(items) if not ((m := _UU_YEAR.match(item)) and int(m[1]) <= 2016)),
            len(items),
        )
        items.insert(at, law)
    return [*items, letter]


def decree_warnings(plan: ReviewedPlan, rnd: DecreeRound, settings: DecreeSettings) -> list[str]:
    """What ``sk`` must say about drafts that are not yet fit to sign or that differ from the workbook
    (user texts): Keterangan left out of the decree, the Perda's number and year missing, an amendment
    announced without being named, moves whose kind of position is unknown."""
    warnings: list[str] = []
    if (note := keterangan_warning(plan.moves)) is not None:
        warnings.append(note)
    kinds = list(dict.fromkeys(d.kind for d in rnd.decrees))
    lists = [settings.mengingat_of(k) for k in kinds]
    missing = settings.missing_perda()
    if missing and any(not any(_PERDA.search(i) for i in items) for items, _key in lists):
        warnings.append(
            messages.SK_PERDA_MISSING.format(tentang=settings.perda_tentang, keys=" dan ".join(missing))
        )
    for items, key in dict.fromkeys(lists):
        for number, item in enumerate(_with_perda(items, settings), start=1):
            if _UNNAMED_CHANGE.search(item):
                warnings.append(messages.SK_UNNAMED_CHANGE.format(number=number, item=item, key=key))
    return [*warnings, *rnd.notes]


def decree_context(
    d: Decree, rnd: DecreeRound, settings: DecreeSettings, freeze: Freeze | None = None
) -> dict[str, object]:
    """The template variables of one decree (documented in the module docstring)."""
    t = DECREE_TEXTS[d.kind]
    return {
        "nomor": d.nomor,
        "tanggal": format_date_id(rnd.tanggal) if rnd.tanggal else PLACEHOLDER,
        "tahun": str(rnd.year),
        "tempat": settings.tempat,
        "tmt": format_date_id(rnd.tmt),
        "bupati": settings.bupati or PLACEHOLDER,
        "unit": d.unit,
        "jumlah": len(d.moves),
        "jenis": d.kind,
        "judul": t.judul,
        "tentang": t.tentang,
        "subjek": t.subjek,
        "menimbang": menimbang(d.kind),
        "menetapkan": f"KEPUTUSAN BUPATI BUNGO TENTANG {t.tentang}.",
        "diktum": diktum(d.kind, rnd.tmt),
        "lampiran_judul": f"DAFTAR {t.subjek.upper()} YANG DIPINDAHKAN",
        "kolom_pangkat": t.kolom_pangkat,
        "label_pangkat": t.label_pangkat,
        "label_nomor": t.nomor_nama,
        "mutasi": [_row(m, no, d.kind) for no, m in enumerate(d.moves, start=1)],
        "mengingat": _mengingat(settings, freeze, d.kind),
        "tembusan": list(settings.tembusan),
        "petikan_jabatan": settings.petikan_jabatan,
        "petikan_nama": settings.petikan_nama or PLACEHOLDER,
        "petikan_nip": settings.petikan_nip or PLACEHOLDER,
    }


# --- drafting ------------------------------------------------------------------------------------


def default_template(name: str) -> Path:
    """A template shipped in the package: ``sk_bungo.docx`` or ``petikan_bungo.docx``."""
    return Path(str(resources.files("mutasi_cli.outputs") / "templates" / name))


@dataclass
class Drafts:
    decrees: list[Path]
    petikan: list[Path]
    round: DecreeRound
    #: what ``sk`` prints as warnings (:func:`decree_warnings`): user texts, in Bahasa Indonesia
    warnings: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[Path]:
        return [*self.decrees, *self.petikan]


def _slug(value: str, limit: int = 40) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_")[:limit].strip("_") or "x"


def decree_file_name(d: Decree, index: int, rnd: DecreeRound) -> str:
    """``SK_Mutasi_2026_PNS.docx`` for the one decree of a round, else numbered in the round's order:
    ``SK_Mutasi_2026_01_JPT.docx``, ``SK_Mutasi_2026_02_PNS_Dinas_Kesehatan.docx`` …"""
    if len(rnd.decrees) == 1:
        return f"SK_Mutasi_{rnd.year}_{d.kind}.docx"
    unit = f"_{_slug(d.unit)}" if d.unit else ""
    return f"SK_Mutasi_{rnd.year}_{index:02d}_{d.kind}{unit}.docx"


class _Renderer:
    """Renders one template many times (read once; a fresh DocxTemplate per document)."""

    def __init__(self, path: Path) -> None:
        from docxtpl import DocxTemplate

        if not path.is_file():
            raise DecreeError("template-not-found", path=str(path))
        self.path = path
        self.blob = path.read_bytes()
        try:
            DocxTemplate(io.BytesIO(self.blob)).get_docx()
        except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a non-.docx
            raise DecreeError(
                "template-invalid", path=str(path), detail=f"bukan berkas .docx ({exc})"
            ) from None

    def render(self, context: Mapping[str, object], out: Path) -> None:
        from docxtpl import DocxTemplate
        from jinja2 import Environment, StrictUndefined, TemplateError

        doc = DocxTemplate(io.BytesIO(self.blob))
        try:
            env = Environment(autoescape=True, undefined=StrictUndefined)
            doc.render(dict(context), jinja_env=env, autoescape=True)
        except TemplateError as exc:
            raise DecreeError("template-invalid", path=str(self.path), detail=str(exc)) from None
        doc.save(str(out))


def write_decrees(
    plan: ReviewedPlan,
    out_dir: Path,
    settings: DecreeSettings | None = None,
    *,
    template: Path | None = None,
    petikan_template: Path | None = None,
    freeze: Freeze | None = None,
    pdf: bool = False,
) -> Drafts:
    """Draft the decree(s) and one petikan per approved move into ``out_dir`` (petikan in ``petikan/``),
    with a PDF beside each when ``pdf``.

    The folder is written whole beside ``out_dir`` and swapped in (:func:`mutasi_cli.support.files.atomic_folder`):
    it never mixes two runs and is whole or absent. ``freeze``: the election-freeze window of the plan
    (:func:`mutasi_cli.rules.freeze.refuse_if_frozen`); one without approval is refused before anything is
    written, an approved one is cited in Mengingat. ``Drafts.warnings``: what the caller must tell the
    user (:func:`decree_warnings`)."""
    settings = settings or DecreeSettings()
    if freeze is not None and not freeze.approved:
        raise FreezeError(freeze, "Draf SK")
    rnd = number_decrees(plan, settings)
    sk = _Renderer(template or default_template("sk_bungo.docx"))
    pk = _Renderer(petikan_template or default_template("petikan_bungo.docx"))
    decrees: list[Path] = []
    petikan: list[Path] = []
    with atomic_folder(out_dir) as work:
        (work / "petikan").mkdir()
        for i, d in enumerate(rnd.decrees, start=1):
            name = decree_file_name(d, i, rnd)
            context = decree_context(d, rnd, settings, freeze)
            sk.render(context, work / name)
            decrees.append(Path(name))
            for row, m in zip(context["mutasi"], d.moves):  # type: ignore[call-overload]
                path = Path("petikan") / f"Petikan_{m.nip}_{_slug(m.nama)}.docx"
                pk.render({**context, "pegawai": row}, work / path)
                petikan.append(path)
        if pdf:
            convert_to_pdf([work / p for p in [*decrees, *petikan]])
    warnings = decree_warnings(plan, rnd, settings)
    return Drafts([out_dir / p for p in decrees], [out_dir / p for p in petikan], rnd, warnings)


# --- PDF -----------------------------------------------------------------------------------------


def libreoffice() -> str | None:
    """The LibreOffice executable, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


#: files per LibreOffice run: in one long run it was seen to skip files silently (rc 0)
PDF_BATCH = 40


def convert_to_pdf(paths: list[Path], *, timeout: float = 900.0) -> list[Path]:
    """Each .docx converted to a PDF beside it, by LibreOffice in headless mode.

    Files go in batches of :data:`PDF_BATCH`; a file whose PDF is missing afterwards is tried once more,
    then reported."""
    exe = libreoffice()
    if exe is None:
        raise DecreeError("pdf-converter-missing")
    for p in paths:
        p.with_suffix(".pdf").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="mutasi-lo-") as profile:

        def run(files: list[Path]) -> str:
            cmd = [
                exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
                "--outdir", str(files[0].parent), *map(str, files),
            ]  # fmt: skip
            # through runtime.child: an interrupt or a time-out ends LibreOffice with its children
            try:
                with runtime.child(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
                    stdout, stderr = proc.communicate(timeout=timeout)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise DecreeError("pdf-conversion-failed", path=str(files[0]), detail=str(exc)) from None
            return (stderr or stdout or f"kode keluar {proc.returncode}").strip()[:300]

        by_dir: dict[Path, list[Path]] = {}
        for p in paths:
            by_dir.setdefault(p.parent, []).append(p)
        for files in by_dir.values():
            for start in range(0, len(files), PDF_BATCH):
                batch = files[start : start + PDF_BATCH]
                run(batch)
                missing = [f for f in batch if not f.with_suffix(".pdf").is_file()]
                if missing:
                    detail = run(missing)
                    missing = [f for f in missing if not f.with_suffix(".pdf").is_file()]
                    if missing:
                        raise DecreeError("pdf-conversion-failed", path=str(missing[0]), detail=detail)
    return [p.with_suffix(".pdf") for p in paths]
