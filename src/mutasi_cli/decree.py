"""The decree (SK) drafted from a plan workbook after the analyst's review.

Pipeline: :func:`read_reviewed_plan` (the ``Daftar Mutasi`` and ``Parameter`` sheets, problems
collected as :class:`~mutasi_cli.issues.Issue` values) → :func:`number_decrees` (one decree for the
round, or one per unit kerja baru, numbered by the ``[sk]`` settings) → :func:`write_decrees` (one
.docx per decree and one *petikan* per person, drafted with docxtpl) → :func:`convert_to_pdf`
(LibreOffice, when installed).

What the review may change in ``Daftar Mutasi``: delete rows, change the order of the columns
(headers match ignoring case and spaces), add a ``Setuju`` column (``Ya``/``Tidak`` in any case; blank means Ya), edit
``Keterangan``. NIP must stay text: a NIP that Excel turned into a number is an error naming the row.

Template variables (docxtpl/Jinja2; every value is text and is XML-escaped, so ``&``, ``<``, ``>``
and ``'`` reach the document unchanged; a line break inside a value becomes a line break):

Decree (``sk_bungo.docx``) and extract (``petikan_bungo.docx``) alike:

=====================  ===========================================================================
``nomor``              the decree's number, ``pola_nomor`` filled in (``800.1.3.3/048/BKPSDMD/2026``);
                       without ``nomor_awal`` the number is left as dots to be filled in by hand
``tanggal``            decree date in words (``1 Desember 2026``), or dots when not set
``tahun``              year of the decree (decree date, else effective date)
``tempat``             place of signing (``Muara Bungo``)
``tmt``                effective date (TMT jabatan) in words
``bupati``             the regent's name (``[sk] bupati``), or dots when not set
``unit``               the unit kerja baru of a per-unit decree; empty for a decree of the round
``jumlah``             number of moves in this decree
``mutasi``             list of the moves in this decree, each a row (below)
``mengingat``          list of legal bases (``[sk] mengingat``; default: the list of DOMAIN.md); in an
                       election-freeze window with the Minister's approval also UU 10/2016 and the
                       Minister's letter (:mod:`mutasi_cli.freeze`)
``tembusan``           list of copy recipients (``[sk] tembusan``)
``petikan_jabatan``    position of the official who authenticates extracts
``petikan_nama``       their name, or dots
``petikan_nip``        their NIP, or dots
=====================  ===========================================================================

Extract only: ``pegawai`` — the one row of the person it is given to.

A row (``m`` in ``{%tr for m in mutasi %}``, or ``pegawai``) has: ``no`` (1, 2, … within the decree),
``nip`` (18 digits), ``nama``, ``pangkat`` (``Penata (III/c)``), ``jabatan_lama``, ``kode_lama``,
``unit_lama``, ``jabatan_baru``, ``kode_baru``, ``unit_baru``, ``keterangan``.

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
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mutasi_cli.files import atomic_folder
from mutasi_cli.freeze import Freeze, FreezeError
from mutasi_cli.headers import header_key
from mutasi_cli.issues import Issue, IssueLog
from mutasi_cli.messages import issue_message
from mutasi_cli.reader import RawWorkbook, ReadError, find_header_row, find_sheet, read_raw
from mutasi_cli.settings import read_settings_file, toml_date
from mutasi_cli.values import format_date_id, is_blank, parse_date, parse_nip, text

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
}
REQUIRED = ("NIP", "Nama", "Jabatan Lama", "Unit Kerja Lama", "Jabatan Baru", "Unit Kerja Baru")
HEADER_SCAN_ROWS = 10
_YES = {"ya", "y", "yes", "setuju", "true", "1"}
_NO = {"tidak", "tdk", "t", "no", "n", "tidak setuju", "false", "0"}

DEFAULT_MENGINGAT = (
    "Undang-Undang Nomor 12 Tahun 1956 tentang Pembentukan Daerah Otonom Kabupaten dalam Lingkungan "
    "Daerah Propinsi Sumatera Tengah, sebagaimana telah diubah dengan Undang-Undang Nomor 7 Tahun 1965 "
    "tentang Pembentukan Daerah Tingkat II Sarolangun-Bangko, Daerah Tingkat II Tanjung Jabung dan "
    "Daerah Tingkat II Bungo-Tebo",
    "Undang-Undang Nomor 54 Tahun 1999 tentang Pembentukan Kabupaten Sarolangun, Kabupaten Tebo, "
    "Kabupaten Muaro Jambi dan Kabupaten Tanjung Jabung Timur, sebagaimana telah diubah dengan "
    "Undang-Undang Nomor 14 Tahun 2000",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah beserta perubahannya",
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil, sebagaimana telah "
    "diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020",
    "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
    "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara Pelaksanaan Mutasi",
    "Peraturan Daerah Kabupaten Bungo tentang Pembentukan dan Susunan Perangkat Daerah Kabupaten Bungo",
)
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
    mengingat = ["Undang-Undang Nomor 12 Tahun 1956 …", …]
    petikan_jabatan = "Kepala BKPSDMD Kabupaten Bungo"
    petikan_nama = "…"
    petikan_nip = "…"
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
    if key in {"tembusan", "mengingat"}:
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


@dataclass
class ReviewedPlan:
    path: Path
    moves: list[Move]  # approved, in the plan's order
    effective_date: dt.date | None
    rejected: int = 0  # rows marked Setuju = Tidak
    issues: list[Issue] = field(default_factory=list)  # warnings only (errors raise PlanError)


def read_reviewed_plan(path: Path) -> ReviewedPlan:
    """The approved moves of a reviewed plan workbook; every problem at once in a :class:`PlanError`."""
    log = IssueLog()
    try:
        raw = read_raw(path)
    except ReadError as exc:
        log.add(exc.code, sheet="", **exc.fields)
        raise PlanError(path, log.issues) from None
    sheet = find_sheet(raw, PLAN_SHEET)
    if sheet is None:
        log.add(
            "missing-sheet",
            sheet=PLAN_SHEET,
            wanted=PLAN_SHEET,
            path=str(path),
            available=", ".join(raw.sheets),
        )
        raise PlanError(path, log.issues)
    moves, rejected = _moves(raw.sheets[sheet], log)
    effective = _effective_date(raw)
    if log.has_errors:
        raise PlanError(path, log.issues)
    return ReviewedPlan(path, moves, effective, rejected, log.issues)


def _moves(rows: list[list[object]], log: IssueLog) -> tuple[list[Move], int]:
    index = {header_key(c): c for c in COLUMNS}
    header_at = find_header_row(rows, index)
    if header_at is None:
        log.add("empty-sheet", sheet=PLAN_SHEET)
        return [], 0
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
        return [], 0

    moves: list[Move] = []
    rejected = 0
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
                rejected += 1
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
    return moves, rejected


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


def _effective_date(raw: RawWorkbook) -> dt.date | None:
    sheet = find_sheet(raw, PARAMETER_SHEET)
    if sheet is None:
        return None
    key = header_key(EFFECTIVE_DATE_KEY)
    for row in raw.sheets[sheet]:
        if len(row) >= 2 and not is_blank(row[0]) and header_key(row[0]) == key:
            return parse_date(row[1])
    return None


# --- decrees -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decree:
    """One decree: its number, the unit of a per-unit decree ("" for the round) and its moves."""

    nomor: str
    unit: str
    moves: list[Move]


@dataclass(frozen=True)
class DecreeRound:
    decrees: list[Decree]
    tanggal: dt.date | None
    tmt: dt.date
    year: int


def number_decrees(plan: ReviewedPlan, settings: DecreeSettings) -> DecreeRound:
    """Group the approved moves into decrees (one, or one per unit kerja baru) and number them."""
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
    groups: dict[str, list[Move]] = {}
    for m in plan.moves:
        groups.setdefault(m.unit_baru if settings.per_unit else "", []).append(m)
    decrees = [
        Decree(settings.number(i, year), unit, moves) for i, (unit, moves) in enumerate(groups.items())
    ]
    return DecreeRound(decrees, settings.tanggal, tmt, year)


def _issue(code: str, *, sheet: str = PLAN_SHEET, path: str) -> Issue:
    log = IssueLog()
    log.add(code, sheet=sheet, path=path)
    return log.issues[0]


def _row(m: Move, no: int) -> dict[str, object]:
    return {
        "no": no,
        "nip": m.nip,
        "nama": m.nama,
        "pangkat": m.pangkat,
        "jabatan_lama": m.jabatan_lama,
        "kode_lama": m.kode_lama,
        "unit_lama": m.unit_lama,
        "jabatan_baru": m.jabatan_baru,
        "kode_baru": m.kode_baru,
        "unit_baru": m.unit_baru,
        "keterangan": m.keterangan,
    }


_UU_YEAR = re.compile(r"^Undang-Undang Nomor \d+ Tahun (\d{4})\b")


def _mengingat(settings: DecreeSettings, freeze: Freeze | None) -> list[str]:
    """``[sk] mengingat``, plus, for a replacement the Minister approved during the election freeze,
    UU 10/2016 among the laws (after those of 2016 and before) and the Minister's letter last."""
    items = list(settings.mengingat)
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


def decree_context(
    d: Decree, rnd: DecreeRound, settings: DecreeSettings, freeze: Freeze | None = None
) -> dict[str, object]:
    """The template variables of one decree (documented in the module docstring)."""
    return {
        "nomor": d.nomor,
        "tanggal": format_date_id(rnd.tanggal) if rnd.tanggal else PLACEHOLDER,
        "tahun": str(rnd.year),
        "tempat": settings.tempat,
        "tmt": format_date_id(rnd.tmt),
        "bupati": settings.bupati or PLACEHOLDER,
        "unit": d.unit,
        "jumlah": len(d.moves),
        "mutasi": [_row(m, no) for no, m in enumerate(d.moves, start=1)],
        "mengingat": _mengingat(settings, freeze),
        "tembusan": list(settings.tembusan),
        "petikan_jabatan": settings.petikan_jabatan,
        "petikan_nama": settings.petikan_nama or PLACEHOLDER,
        "petikan_nip": settings.petikan_nip or PLACEHOLDER,
    }


# --- drafting ------------------------------------------------------------------------------------


def default_template(name: str) -> Path:
    """A template shipped in the package: ``sk_bungo.docx`` or ``petikan_bungo.docx``."""
    return Path(str(resources.files("mutasi_cli") / "templates" / name))


@dataclass
class Drafts:
    decrees: list[Path]
    petikan: list[Path]
    round: DecreeRound

    @property
    def all(self) -> list[Path]:
        return [*self.decrees, *self.petikan]


def _slug(value: str, limit: int = 40) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_")[:limit].strip("_") or "x"


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

    The folder is written whole beside ``out_dir`` and swapped in (:func:`mutasi_cli.files.atomic_folder`):
    it never mixes two runs and is whole or absent. ``freeze``: the election-freeze window of the plan
    (:func:`mutasi_cli.freeze.refuse_if_frozen`); one without approval is refused before anything is
    written, an approved one is cited in Mengingat."""
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
            name = (
                f"SK_Mutasi_{rnd.year}.docx"
                if not d.unit
                else f"SK_Mutasi_{rnd.year}_{i:02d}_{_slug(d.unit)}.docx"
            )
            context = decree_context(d, rnd, settings, freeze)
            sk.render(context, work / name)
            decrees.append(Path(name))
            for row, m in zip(context["mutasi"], d.moves):  # type: ignore[call-overload]
                path = Path("petikan") / f"Petikan_{m.nip}_{_slug(m.nama)}.docx"
                pk.render({**context, "pegawai": row}, work / path)
                petikan.append(path)
        if pdf:
            convert_to_pdf([work / p for p in [*decrees, *petikan]])
    return Drafts([out_dir / p for p in decrees], [out_dir / p for p in petikan], rnd)


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
            try:
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise DecreeError("pdf-conversion-failed", path=str(files[0]), detail=str(exc)) from None
            return (done.stderr or done.stdout or f"kode keluar {done.returncode}").strip()[:300]

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
