"""From raw tables to a :class:`~mutasi_cli.inputs.data.Round`, collecting every problem on the way."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from mutasi_cli.domain import grades
from mutasi_cli.domain.grades import position_bup
from mutasi_cli.domain.regulations import status_hold
from mutasi_cli.inputs.data import NO_HIGH, NO_LOW, TETAP, Round, Source
from mutasi_cli.inputs.headers import (
    JABATAN,
    KUNCI,
    LARANGAN,
    OPTIONAL_SHEETS,
    PEGAWAI,
    RELASI,
    REQUIRED,
)
from mutasi_cli.inputs.issues import IssueLog
from mutasi_cli.inputs.reader import RawWorkbook, ReadError, Table, find_sheet, read_raw, table_from_rows
from mutasi_cli.inputs.settings import FORMASI_MUSTAHIL, Limits, RuleSettings, Settings
from mutasi_cli.inputs.values import (
    date_fault,
    is_blank,
    norm_key,
    parse_date,
    parse_gender,
    parse_int,
    parse_nip,
    retirement_date,
    split_list,
    text,
)
from mutasi_cli.support.numbers import format_count


def load_round(
    pegawai_path: Path, jabatan_path: Path, effective_date: dt.date, settings: Settings | None = None
) -> tuple[Round | None, IssueLog]:
    """Read, normalise and cross-check the inputs. ``Round`` is ``None`` when there is any error.
    Input files are only ever opened for reading."""
    log = IssueLog()
    raws: dict[Path, RawWorkbook] = {}
    for path in dict.fromkeys([Path(pegawai_path), Path(jabatan_path)]):
        try:
            raws[path] = read_raw(path)
        except ReadError as err:
            log.add(err.code, sheet=path.name, **err.fields)
    # a file that cannot be read leaves the other one to check, every sheet of it
    return _load(
        list(raws.values()),
        raws.get(Path(pegawai_path)),
        raws.get(Path(jabatan_path)),
        effective_date,
        log,
        settings or Settings(),
    )


def load_frames(
    frames: dict[str, pd.DataFrame], effective_date: dt.date, settings: Settings | None = None
) -> tuple[Round | None, IssueLog]:
    """The same as :func:`load_round` for in-memory sheets (sheet name → frame with header names)."""
    sheets = {
        name: [list(df.columns)]
        + [[None if v is pd.NA else v for v in row] for row in df.itertuples(index=False)]
        for name, df in frames.items()
    }
    raw = RawWorkbook(Path("<memori>"), sheets, "")
    return _load([raw], raw, raw, effective_date, IssueLog(), settings or Settings())


def _load(
    raws: list[RawWorkbook],
    peg_raw: RawWorkbook | None,
    jab_raw: RawWorkbook | None,
    effective_date: dt.date,
    log: IssueLog,
    settings: Settings,
) -> tuple[Round | None, IssueLog]:
    """Every check of every sheet that can be read, whatever else failed (a missing file, sheet or
    column, a bad cell): each sheet's cells, then the references between sheets as far as the sheets
    they point into could be read. A Round only from inputs without any error."""
    same = peg_raw is not None and peg_raw is jab_raw
    local = settings.columns
    peg_t = _main_table(peg_raw, PEGAWAI, log, require_named=same, local=local.get(PEGAWAI)) if peg_raw else None
    jab_t = _main_table(jab_raw, JABATAN, log, require_named=same, local=local.get(JABATAN)) if jab_raw else None
    optional: dict[str, Table] = {}
    for raw in raws:
        for name in OPTIONAL_SHEETS:
            sheet = find_sheet(raw, name)
            if sheet is not None and name not in optional:
                t = table_from_rows(raw, sheet, name, log, local.get(name))
                if t is not None:
                    _has_required(t, log)
                    optional[name] = t
    positions = _positions(jab_t, log, settings.limits) if jab_t is not None else None
    # positions are referred to by code, or by name and unit: without those columns, nothing to look up
    refs = positions if jab_t is not None and _complete(jab_t) else None
    people = _people(peg_t, refs, effective_date, log, settings.rules) if peg_t is not None else None
    persons = people if peg_t is not None and "NIP" in peg_t.headers else None
    kunci = _kunci(optional.get(KUNCI), persons, refs, log)
    larangan = _larangan(optional.get(LARANGAN), persons, refs, log)
    relasi = _relasi(optional.get(RELASI), persons, log)
    if persons is not None and refs is not None:  # the people whose current position is known
        placed = persons[persons["pos"].notna()].astype({"pos": int})
        kunci_t = optional.get(KUNCI)
        kunci_ok = kunci[kunci["person"].isin(placed.index)]
        _check_kunci(kunci_ok, larangan, placed, refs, log, kunci_t.headers if kunci_t else {}, settings.rules)
        _warn_overstaffed(placed, refs, log, jab_t.headers.get("Formasi") if jab_t else None)
    if log.has_errors or people is None or positions is None:
        return None, log  # never a Round from invalid data
    people["pos"] = people["pos"].astype(int)
    sources = [Source(str(r.path), r.sha256) for r in raws]
    rnd = Round(
        people, positions, kunci, larangan, relasi, effective_date, sources, settings.weights, settings.rules,
        settings.limits,
    )
    return rnd, log


def _main_table(
    raw: RawWorkbook, name: str, log: IssueLog, *, require_named: bool, local: dict[str, str] | None
) -> Table | None:
    sheet = find_sheet(raw, name)
    if sheet is None:
        if require_named or not raw.sheets:
            log.add(
                "missing-sheet",
                sheet=name,
                path=raw.path.name,
                wanted=name,
                available=", ".join(raw.sheets) or "-",
            )
            return None
        sheet = next(iter(raw.sheets))
    table = table_from_rows(raw, sheet, name, log, local)
    if table is None:
        return None
    if not table.rows:
        log.add("empty-sheet", sheet=name, path=raw.path.name, name=sheet)
        return None
    _has_required(table, log)  # a missing column is reported; the other columns are still checked
    return table


def _missing_columns(table: Table) -> list[str]:
    missing = [c for c in REQUIRED[table.sheet] if c not in table.headers]
    if table.sheet == PEGAWAI and "Kode Jabatan" not in table.headers:
        if not {"Jabatan", "Unit Kerja"} <= set(table.headers):
            missing.append("Kode Jabatan")
    return missing


def _complete(table: Table) -> bool:
    """Every required column of ``table`` is there."""
    return not _missing_columns(table)


def _has_required(table: Table, log: IssueLog) -> bool:
    missing = _missing_columns(table)
    for wanted in missing:
        log.add(
            "missing-column",
            sheet=table.sheet,
            row=None,
            wanted=wanted,
            available=", ".join(table.headers.values()) or "-",
        )
    return not missing


class _Cells:
    """Helper to read one row's cells and log problems at the right Excel position."""

    def __init__(self, table: Table, log: IssueLog) -> None:
        self.table, self.log = table, log
        self.row: dict[str, object] = {}
        self.excel_row = 0

    def at(self, i: int) -> _Cells:
        self.row, self.excel_row = self.table.rows[i], self.table.excel_rows[i]
        return self

    def raw(self, col: str) -> object:
        return self.row.get(col)

    def has(self, col: str) -> bool:
        """The sheet has column ``col`` (a missing required column is reported once, not per row)."""
        return col in self.table.headers

    def issue(self, code: str, col: str | None, value: object = None, **fmt: Any) -> None:
        self.log.add(
            code,
            sheet=self.table.sheet,
            row=self.excel_row,
            column=self.table.header(col) if col else None,
            value=value,
            **fmt,
        )

    def required_text(self, col: str) -> str | None:
        v = text(self.raw(col))
        if v is None and self.has(col):
            self.issue("empty-cell", col)
        return v

    def parsed(self, col: str, parse: Callable[[object], object], code: str, *, required: bool = False):
        raw = self.raw(col)
        if is_blank(raw):
            if required and self.has(col):
                self.issue("empty-cell", col)
            return None
        value = parse(raw)
        if value is None:
            self.issue(code, col, text(raw))
        return value

    def date(self, col: str, *, required: bool = False) -> dt.date | None:
        """A date cell: ``invalid-date`` for what cannot be read, ``impossible-date`` for a day written
        as a date that does not exist (31-02-2020)."""
        raw = self.raw(col)
        if is_blank(raw):
            if required and self.has(col):
                self.issue("empty-cell", col)
            return None
        value = parse_date(raw)
        if value is None:
            fault = date_fault(raw)
            if fault is not None:
                self.issue("impossible-date", col, text(raw), detail=fault)
            else:
                self.issue("invalid-date", col, text(raw))
        return value


def _positions(t: Table, log: IssueLog, limits: Limits) -> pd.DataFrame | None:
    c = _Cells(t, log)
    out: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for i in range(len(t.rows)):
        c.at(i)
        kode = c.required_text("Kode Jabatan")
        nama = c.required_text("Nama Jabatan")
        unit = c.required_text("Unit Kerja")
        jenis = c.parsed("Jenis Jabatan", grades.parse_jenis_jabatan, "invalid-jenis-jabatan", required=True)
        jenjang = c.parsed("Jenjang", grades.parse_jenjang, "invalid-jenjang")
        eselon = c.parsed("Eselon", _eselon_or_dash, "invalid-eselon")
        eselon = None if eselon == "-" else eselon
        gmin = c.parsed("Golongan Min", grades.parse_golongan, "invalid-golongan")
        gmax = c.parsed("Golongan Maks", grades.parse_golongan, "invalid-golongan")
        edu_min = c.parsed("Pendidikan Min", grades.parse_education, "invalid-education")
        formasi = _plausible_formasi(c, c.parsed("Formasi", _positive_int, "invalid-number"), limits)
        prioritas = c.parsed("Prioritas", _priority, "invalid-priority")
        status = c.parsed("Status", _status, "invalid-status")
        if kode is not None:
            if kode in seen:
                c.issue("duplicate-code", "Kode Jabatan", kode, other=seen[kode])
            else:
                seen[kode] = c.excel_row
        jf = jf_nama = ""
        if jenis == "Fungsional":
            jf, named = grades.jabatan_fungsional(nama, text(c.raw("Rumpun")))
            jf_nama = grades.jf_name(nama, text(c.raw("Rumpun")))
            jenjang = jenjang or named
        default = grades.default_grade_range(eselon, jenis, jenjang)  # type: ignore[arg-type]
        lo = grades.GOLONGAN_RANK[gmin] if gmin else (default.low or NO_LOW)  # type: ignore[index]
        hi = grades.GOLONGAN_RANK[gmax] if gmax else (default.high or NO_HIGH)  # type: ignore[index]
        if gmin and gmax and lo > hi:
            c.issue("grade-range-inverted", "Golongan Min", gmin, high=gmax)
        out.append(
            {
                "kode": kode,
                "nama": nama,
                "name_key": norm_key(nama),
                "unit": unit,
                "jenis": jenis,
                "jenjang": jenjang,
                "jf": jf,
                "jf_nama": jf_nama,
                "eselon": eselon,
                "grade_lo": lo,
                "grade_hi": hi,
                "pendidikan_min": edu_min,
                "edu_min": grades.EDUCATION_RANK.get(edu_min, 0) if edu_min else 0,  # type: ignore[arg-type]
                "jurusan": tuple(norm_key(j) for j in split_list(c.raw("Jurusan"))),
                "syarat_diklat": tuple(split_list(c.raw("Syarat Diklat"))),
                "kecamatan": text(c.raw("Kecamatan")),
                "formasi": formasi if formasi is not None else 1,
                "prioritas": prioritas if prioritas is not None else 3,
                "aktif": status != "Dihapus",
                "row": c.excel_row,
            }
        )
    return pd.DataFrame(out)


def _plausible_formasi(c: _Cells, formasi: object, limits: Limits) -> int | None:
    """Formasi above ``[batas] formasi_maks`` is read with a warning; above FORMASI_MUSTAHIL it is an
    error and is not kept (1e20 would overflow the int64 columns before anyone reads the message)."""
    if not isinstance(formasi, int) or formasi <= limits.formasi_maks:
        return formasi if isinstance(formasi, int) else None
    shown = text(c.raw("Formasi"))
    if formasi > FORMASI_MUSTAHIL:
        c.issue("impossible-number", "Formasi", shown, limit=format_count(FORMASI_MUSTAHIL))
        return None
    c.issue("implausible-number", "Formasi", shown, limit=format_count(limits.formasi_maks))
    return formasi


def _eselon_or_dash(v: object) -> str | None:
    s = text(v) or ""
    if s in {"-", "Non Eselon", "Non-Eselon", "NON ESELON"}:
        return "-"
    return grades.parse_eselon(s)


def _positive_int(v: object) -> int | None:
    n = parse_int(v)
    return n if n is not None and n >= 1 else None


def _priority(v: object) -> int | None:
    n = parse_int(v)
    return n if n in (1, 2, 3) else None


def _status(v: object) -> str | None:
    s = (text(v) or "").lower()
    return {"aktif": "Aktif", "dihapus": "Dihapus"}.get(s)


def _people(
    t: Table, positions: pd.DataFrame | None, effective: dt.date, log: IssueLog, rules: RuleSettings
) -> pd.DataFrame:
    """Every row's cells checked; the frame has every row, with ``None`` where a cell is bad (``pos``
    also where ``positions`` is None: the Jabatan sheet could not be read to look positions up)."""
    c = _Cells(t, log)
    code_index = {k: i for i, k in enumerate(positions["kode"]) if k is not None} if positions is not None else {}
    matcher = _PositionMatcher(positions) if positions is not None else None
    out: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for i in range(len(t.rows)):
        c.at(i)
        nip_raw = c.raw("NIP")
        nip, problem = parse_nip(nip_raw) if c.has("NIP") else (None, None)
        if problem:
            c.issue(problem, "NIP", text(nip_raw))
        elif nip is not None:
            if nip.text in seen:
                c.issue("duplicate-nip", "NIP", nip.text, other=seen[nip.text])
            else:
                seen[nip.text] = c.excel_row
        nama = c.required_text("Nama")
        jenis_asn_raw = text(c.raw("Jenis ASN"))
        jenis_asn = None
        if jenis_asn_raw is not None:
            jenis_asn = grades.parse_jenis_asn(jenis_asn_raw)
            if jenis_asn is None:
                c.issue("invalid-jenis-asn", "Jenis ASN", jenis_asn_raw)
        pppk = jenis_asn == "PPPK" if jenis_asn else bool(nip and nip.pppk)
        if nip and jenis_asn and nip.pppk != (jenis_asn == "PPPK"):
            c.issue("jenis-asn-mismatch", "Jenis ASN", jenis_asn, nip_kind="PPPK" if nip.pppk else "PNS")
        gol_raw = c.raw("Golongan")
        golongan = None
        if is_blank(gol_raw):
            if c.has("Golongan"):
                c.issue("empty-cell", "Golongan")
        else:
            golongan = grades.parse_pppk_grade(gol_raw) if pppk else grades.parse_golongan(gol_raw)
            if golongan is None:
                other = grades.parse_golongan(gol_raw) if pppk else grades.parse_pppk_grade(gol_raw)
                if other is not None:
                    c.issue(
                        "golongan-kind-mismatch", "Golongan", text(gol_raw), asn="PPPK" if pppk else "PNS"
                    )
                else:
                    c.issue("invalid-golongan", "Golongan", text(gol_raw))
        pos = _current_position(c, code_index, matcher)
        tmt = c.date("TMT Jabatan", required=True)
        if isinstance(tmt, dt.date) and tmt > effective:
            c.issue(
                "date-after-effective",
                "TMT Jabatan",
                tmt.strftime("%d-%m-%Y"),
                effective=effective.strftime("%d-%m-%Y"),
            )
        birth = c.date("Tanggal Lahir")
        if nip and isinstance(birth, dt.date) and birth != nip.birth:
            c.issue(
                "birth-date-mismatch", "Tanggal Lahir", birth.strftime("%d-%m-%Y"),
                nip_birth=nip.birth.strftime("%d-%m-%Y"),
            )  # fmt: skip
        _check_dates(c, tmt, birth if isinstance(birth, dt.date) else (nip.birth if nip else None), effective)
        gender = c.parsed("Jenis Kelamin", parse_gender, "invalid-gender")
        if nip and gender and gender != nip.gender:
            c.issue("gender-mismatch", "Jenis Kelamin", gender, nip_gender=nip.gender)
        pendidikan = c.parsed("Pendidikan", grades.parse_education, "invalid-education")
        hukuman = c.parsed("Hukuman Disiplin", grades.parse_hukuman, "invalid-hukuman") or "Tidak Ada"
        predikat = c.parsed("Predikat Kinerja", grades.parse_skp, "invalid-skp")
        h_start = c.date("TMT Hukuman")
        h_end = c.date("Akhir Hukuman")
        if isinstance(h_start, dt.date) and isinstance(h_end, dt.date) and h_end < h_start:
            c.issue("hukuman-period-inverted", "Akhir Hukuman", h_end.strftime("%d-%m-%Y"),
                    start=h_start.strftime("%d-%m-%Y"))  # fmt: skip
        if hukuman in rules.hukuman_menahan and h_start is None and h_end is None:
            c.issue("hukuman-no-dates", "Hukuman Disiplin", hukuman)
        diklat = split_list(c.raw("Diklat"))
        wishes = tuple(
            norm_key(text(c.raw(f"Pilihan {k}"))) for k in (1, 2, 3) if text(c.raw(f"Pilihan {k}"))
        )
        out.append(
            {
                "nip": nip.text if nip else None,
                "nama": nama,
                "golongan": golongan,
                "grade": grades.GOLONGAN_RANK.get(golongan, 0) if golongan and not pppk else 0,
                "pppk": pppk,
                "pos": pos,
                "tmt": tmt,
                "birth": birth if isinstance(birth, dt.date) else (nip.birth if nip else None),
                "gender": gender or (nip.gender if nip else None),
                "pendidikan": pendidikan,
                "edu": grades.EDUCATION_RANK.get(pendidikan, 0) if pendidikan else 0,  # type: ignore[arg-type]
                "jurusan": norm_key(c.raw("Jurusan")),
                "predikat": predikat,
                "skp": grades.SKP_POINTS.get(predikat, 0) if predikat else 0,  # type: ignore[arg-type]
                "hukuman": hukuman,
                "hukuman_start": h_start if isinstance(h_start, dt.date) else None,
                "hukuman_end": h_end if isinstance(h_end, dt.date) else None,
                "cpns": jenis_asn == "CPNS",
                "kedudukan": grades.parse_kedudukan(text(c.raw("Kedudukan Hukum"))),
                "diklat": tuple(norm_key(d) for d in diklat),
                "diklat_text": "; ".join(diklat),
                "kecamatan": text(c.raw("Kecamatan Domisili")),
                "wishes": wishes,
                "row": c.excel_row,
            }
        )
    people = pd.DataFrame(out)
    if positions is not None:  # the warnings of the rows whose position (and grade, birth) could be read
        placed = people[people["pos"].notna()].reset_index(drop=True)
        placed["pos"] = placed["pos"].astype(int)
        _warn_grade_outside(placed[placed["golongan"].notna()].reset_index(drop=True), positions, t, log)
        _warn_past_retirement(placed, positions, effective, t, log)
    return people


#: no serving ASN took their position before this
_EARLIEST_TMT = dt.date(1950, 1, 1)
#: the youngest age at which a person is appointed (PP 11/2017 Pasal 23: a CPNS applicant is at least 18)
_MIN_AGE = 18


def _check_dates(c: _Cells, tmt: object, birth: dt.date | None, effective: dt.date) -> None:
    """Warnings (``implausible-date``) for dates no real record has: TMT Jabatan before 1950, before
    the birth date, or before the 18th birthday; a birth date after the effective date. The birth date
    is the column's, else the NIP's."""
    own = "Tanggal Lahir" in c.table.headers and not is_blank(c.raw("Tanggal Lahir"))
    if birth is not None and birth > effective:
        c.issue("implausible-date", "Tanggal Lahir" if own else "NIP", birth.strftime("%d-%m-%Y"),
                detail=f"tanggal lahir jatuh setelah tanggal berlaku {effective:%d-%m-%Y}")  # fmt: skip
    if not isinstance(tmt, dt.date):
        return
    shown = tmt.strftime("%d-%m-%Y")
    if tmt < _EARLIEST_TMT:
        c.issue("implausible-date", "TMT Jabatan", shown, detail="sebelum tahun 1950")
    elif birth is not None and tmt < birth:
        c.issue("implausible-date", "TMT Jabatan", shown, detail=f"sebelum tanggal lahir ({birth:%d-%m-%Y})")
    elif birth is not None and (age := _age(birth, tmt)) < _MIN_AGE:
        c.issue("implausible-date", "TMT Jabatan", shown,
                detail=f"pada tanggal itu pegawai ini baru berusia {age} tahun (lahir {birth:%d-%m-%Y}), "
                f"sedangkan ASN diangkat paling muda pada usia {_MIN_AGE} tahun")  # fmt: skip


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _warn_past_retirement(
    people: pd.DataFrame, positions: pd.DataFrame, effective: dt.date, t: Table, log: IssueLog
) -> None:
    """A person already past the BUP of their position at the effective date (CONTRACT.md rule 2)."""
    bups = position_bup(positions)[people["pos"].to_numpy()]
    rows = people["row"].to_numpy()
    for birth, bup, row in zip(people["birth"], bups.tolist(), rows.tolist()):
        if not isinstance(birth, dt.date):
            continue
        retires = retirement_date(birth, bup)
        if retires <= effective:
            log.add(
                "past-retirement", sheet=PEGAWAI, row=int(row),
                column=t.header("Tanggal Lahir") if "Tanggal Lahir" in t.headers else t.header("NIP"),
                value=birth.strftime("%d-%m-%Y"), bup=bup, date=retires.strftime("%d-%m-%Y"),
            )  # fmt: skip


class _PositionMatcher:
    """The current position named by jabatan + unit (SIASN exports have no code): matched ignoring case,
    spacing and punctuation; people named to several identical positions fill them in sheet order, up
    to each one's Formasi; when nothing matches, the closest names are offered ("Maksud Anda …")."""

    def __init__(self, positions: pd.DataFrame) -> None:
        self.positions = positions
        self.by_key: dict[tuple[str, str], list[int]] = {}
        for i, (n, u) in enumerate(zip(positions["nama"], positions["unit"])):
            self.by_key.setdefault((norm_key(n), norm_key(u)), []).append(i)
        self.taken: dict[int, int] = {}
        self.codes = {k: i for i, k in enumerate(positions["kode"]) if isinstance(k, str)}

    def by_name(self, nama: str, unit: str) -> int | None:
        found = self.by_key.get((norm_key(nama), norm_key(unit)))
        if not found:
            return None
        formasi = self.positions["formasi"].to_numpy()
        pos = next((p for p in found if self.taken.get(p, 0) < formasi[p]), found[-1])
        self.taken[pos] = self.taken.get(pos, 0) + 1
        return pos

    def suggest_name(self, nama: str, unit: str) -> str:
        keys = {f"{n} | {u}": ks for (n, u), ks in self.by_key.items()}
        close = difflib.get_close_matches(f"{norm_key(nama)} | {norm_key(unit)}", keys, n=3, cutoff=0.6)
        shown = [
            f"{self.positions.at[keys[k][0], 'nama']} di {self.positions.at[keys[k][0], 'unit']} "
            f"(kode {self.positions.at[keys[k][0], 'kode']})"
            for k in close
        ]
        return f" Maksud Anda: {'; atau '.join(shown)}?" if shown else ""

    def suggest_code(self, kode: str) -> str:
        close = difflib.get_close_matches(kode, list(self.codes), n=3, cutoff=0.7)
        return f" Maksud Anda: {', '.join(close)}?" if close else ""


def _current_position(c: _Cells, code_index: dict[str, int], matcher: _PositionMatcher | None) -> int | None:
    """The row's current position; ``None`` (and an issue) when the cell is empty or names none.
    Without ``matcher`` the Jabatan sheet could not be read, and only empty cells are reported."""
    if "Kode Jabatan" in c.table.headers:
        kode = c.required_text("Kode Jabatan")
        if kode is None or matcher is None:
            return None
        if kode not in code_index:
            c.issue(
                "unknown-position",
                "Kode Jabatan",
                kode,
                what=f"Kode Jabatan '{kode}'",
                hint=matcher.suggest_code(kode),
            )
            return None
        return code_index[kode]
    if not (c.has("Jabatan") and c.has("Unit Kerja")):
        return None  # no column names the position: reported once (missing-column)
    nama, unit = text(c.raw("Jabatan")), text(c.raw("Unit Kerja"))
    if nama is None or unit is None:
        c.issue("empty-cell", "Jabatan" if nama is None else "Unit Kerja")
        return None
    if matcher is None:
        return None
    pos = matcher.by_name(nama, unit)
    if pos is None:
        c.issue(
            "unknown-position",
            "Jabatan",
            f"{nama} — {unit}",
            what=f"Jabatan '{nama}' di unit '{unit}'",
            hint=matcher.suggest_name(nama, unit),
        )
    return pos


def _warn_grade_outside(people: pd.DataFrame, positions: pd.DataFrame, t: Table, log: IssueLog) -> None:
    lo = positions["grade_lo"].to_numpy()[people["pos"].to_numpy()]
    hi = positions["grade_hi"].to_numpy()[people["pos"].to_numpy()]
    g = people["grade"].to_numpy()
    bad = (~people["pppk"].to_numpy()) & ((g < lo) | (g > hi))
    for i in bad.nonzero()[0]:
        low = grades.GOLONGAN[lo[i] - 1] if lo[i] != NO_LOW else "-"
        high = grades.GOLONGAN[hi[i] - 1] if hi[i] != NO_HIGH else "-"
        log.add(
            "grade-outside-position", sheet=PEGAWAI, row=int(people.at[i, "row"]), column=t.header("Golongan"),
            value=people.at[i, "golongan"], low=low, high=high,
        )  # fmt: skip


def _nip_lookup(people: pd.DataFrame | None) -> dict[str, int] | None:
    if people is None:
        return None
    return {n: i for i, n in enumerate(people["nip"]) if n is not None}


def _ref_nip(c: _Cells, col: str, nips: dict[str, int] | None) -> int | None:
    """The person a reference names; ``nips`` None: the Pegawai sheet could not be read, so only the
    NIP's own form is checked."""
    if not c.has(col):
        return None
    raw = c.raw(col)
    nip, problem = parse_nip(raw)
    if problem:
        c.issue(problem, col, text(raw))
        return None
    assert nip is not None
    if nips is None:
        return None
    if nip.text not in nips:
        c.issue("unknown-nip-ref", col, nip.text)
        return None
    return nips[nip.text]


def _codes(positions: pd.DataFrame | None) -> dict[str, int] | None:
    return None if positions is None else {k: i for i, k in enumerate(positions["kode"])}


def _kunci(
    t: Table | None, people: pd.DataFrame | None, positions: pd.DataFrame | None, log: IssueLog
) -> pd.DataFrame:
    """Kunci rows; ``people`` or ``positions`` None: that sheet could not be read, so the references into
    it are not checked (nor kept)."""
    rows: list[dict[str, int]] = []
    if t is not None:
        c, nips = _Cells(t, log), _nip_lookup(people)
        codes = _codes(positions)
        seen: set[int] = set()
        for i in range(len(t.rows)):
            c.at(i)
            person = _ref_nip(c, "NIP", nips)
            target = c.required_text("Kode Jabatan")
            if target is None:
                continue
            if target.strip().upper() == "TETAP":
                pos = TETAP
            elif codes is None:
                continue
            elif target in codes:
                pos = codes[target]
            else:
                c.issue("unknown-code-ref", "Kode Jabatan", target)
                continue
            if person is None or people is None:
                continue
            if person in seen:
                c.issue("kunci-duplicate", "NIP", people.at[person, "nip"])
                continue
            seen.add(person)
            rows.append({"person": person, "position": pos, "row": c.excel_row})
    return pd.DataFrame(rows, columns=["person", "position", "row"]).astype("int64")


def _larangan(
    t: Table | None, people: pd.DataFrame | None, positions: pd.DataFrame | None, log: IssueLog
) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    if t is not None:
        c, nips = _Cells(t, log), _nip_lookup(people)
        codes = _codes(positions)
        units = None if positions is None else {norm_key(u): u for u in positions["unit"]}
        for i in range(len(t.rows)):
            c.at(i)
            person = _ref_nip(c, "NIP", nips)
            kode, unit = text(c.raw("Kode Jabatan")), text(c.raw("Unit Kerja"))
            if kode is None and unit is None:
                c.issue("empty-cell", "Kode Jabatan")
            if kode is not None and codes is not None:
                if kode not in codes:
                    c.issue("unknown-code-ref", "Kode Jabatan", kode)
                elif person is not None:
                    rows.append({"person": person, "position": codes[kode], "unit": "", "row": c.excel_row})
            if unit is not None and units is not None:
                if norm_key(unit) not in units:
                    c.issue("unknown-unit-ref", "Unit Kerja", unit)
                elif person is not None:
                    rows.append({"person": person, "position": -1, "unit": units[norm_key(unit)], "row": c.excel_row})
    # ``row``: the Excel row, so that an infeasible round names it (mutasi_cli.solve.diagnose)
    return pd.DataFrame(rows, columns=["person", "position", "unit", "row"]).astype(
        {"person": "int64", "position": "int64", "row": "int64"}
    )


def _relasi(t: Table | None, people: pd.DataFrame | None, log: IssueLog) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    if t is not None:
        c, nips = _Cells(t, log), _nip_lookup(people)
        for i in range(len(t.rows)):
            c.at(i)
            a, b = _ref_nip(c, "NIP 1", nips), _ref_nip(c, "NIP 2", nips)
            if a is None or b is None or people is None:
                continue
            if a == b:
                c.issue("relasi-self", "NIP 2", people.at[a, "nip"])
                continue
            rows.append({"a": min(a, b), "b": max(a, b), "hubungan": text(c.raw("Hubungan")) or "Relasi",
                         "row": c.excel_row})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["a", "b", "hubungan", "row"]).astype(
        {"a": "int64", "b": "int64", "row": "int64"}
    )
    return frame.drop_duplicates(subset=["a", "b"]).reset_index(drop=True)


def _check_kunci(
    kunci: pd.DataFrame,
    larangan: pd.DataFrame,
    people: pd.DataFrame,
    positions: pd.DataFrame,
    log: IssueLog,
    headers: dict[str, str],
    rules: RuleSettings,
) -> None:
    """Kunci rows that cannot hold; ``headers``: the Kunci sheet's headers as written."""
    col_nip, col_kode = headers.get("NIP", "NIP"), headers.get("Kode Jabatan", "Kode Jabatan")
    aktif = positions["aktif"].to_numpy()
    banned_pos = set(zip(larangan["person"], larangan["position"]))
    banned_unit = set(zip(larangan["person"], larangan["unit"]))
    counts: dict[int, int] = {}
    for person, pos, row in kunci[["person", "position", "row"]].itertuples(index=False):
        cur = int(people.at[person, "pos"])
        if pos == TETAP:
            if not aktif[cur]:
                log.add(
                    "kunci-tetap-dihapus",
                    sheet=KUNCI,
                    row=row,
                    column=col_kode,
                    value=people.at[person, "nip"],
                )
            continue
        if not aktif[pos]:
            log.add("kunci-dihapus", sheet=KUNCI, row=row, column=col_kode, value=positions.at[pos, "kode"])
        if (person, pos) in banned_pos or (person, positions.at[pos, "unit"]) in banned_unit:
            log.add("kunci-larangan", sheet=KUNCI, row=row, column=col_nip, value=people.at[person, "nip"])
        if pos != cur:
            counts[pos] = counts.get(pos, 0) + 1
            held = status_hold(people.at[person, "kedudukan"], bool(people.at[person, "cpns"]),
                               bool(aktif[cur]), rules)  # fmt: skip
            if held is not None:
                log.add("kunci-status", sheet=KUNCI, row=row, column=col_nip, value=people.at[person, "nip"],
                        status=held[0], source=held[1])  # fmt: skip
    for pos, count in counts.items():
        if count > positions.at[pos, "formasi"]:
            log.add(
                "kunci-over-formasi", sheet=KUNCI, value=positions.at[pos, "kode"], count=count,
                formasi=positions.at[pos, "formasi"],
            )  # fmt: skip


def _warn_overstaffed(
    people: pd.DataFrame, positions: pd.DataFrame, log: IssueLog, formasi_header: str | None
) -> None:
    counts = people["pos"].value_counts()
    for pos, count in counts.items():
        formasi = positions.at[pos, "formasi"]
        if positions.at[pos, "aktif"] and count > formasi:
            log.add(
                "overstaffed", sheet=JABATAN, row=int(positions.at[pos, "row"]), column=formasi_header,
                value=positions.at[pos, "kode"], count=int(count), formasi=int(formasi),
            )  # fmt: skip
