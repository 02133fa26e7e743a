"""``mutasi check``: a reviewed plan re-checked against its round's inputs and every rule and limit.

A plan workbook travels between people: the analyst deletes rows of ``Daftar Mutasi``, marks ``Setuju =
Tidak``, changes a ``Kode Jabatan Baru``, pastes rows. A decree drafted from it must still be a plan the
planner could have made, so before ``mutasi sk`` or ``mutasi export siasn`` write anything the plan is
checked again, with the same checker the planner trusts (:func:`mutasi_cli.solve.verify.faults`, over the rules
of :mod:`mutasi_cli.rules.eligibility`), against the very inputs it was made from:

1. the round is found from sheet ``Parameter`` (each input's path and SHA-256, the effective date, the
   settings file), or from the files given; a changed or missing input is an error naming it, since a
   plan checked against other data proves nothing;
2. the inputs are read again with :func:`mutasi_cli.inputs.load.load_round`, at the same effective date and with
   the same settings (the ``[aturan]`` values are compared with those ``Parameter`` recorded);
3. every approved row (``Setuju`` blank or Ya) is applied to the round's current positions; a rejected
   (Tidak) or deleted row means the person stays;
4. every fault is an :class:`~mutasi_cli.inputs.issues.Issue` naming the sheet, the Excel row and the column:
   first each row's own faults (a NIP not in the round, a code that exists nowhere, a "move" to the
   person's own position, a row pasted from another round, a text the decree would print that is not the
   position's), then the faults of the plan as a whole, each mapped to the rows that cause it.

Rule codes of :mod:`mutasi_cli.rules.eligibility` become issue codes ``rule-<code>`` (``rule-golongan``,
``rule-masa-jabatan``, …), so that a test or a cron job can tell which rule a row breaks. The election
freeze is not judged here: ``sk`` and ``export`` refuse it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mutasi_cli.inputs.data import Round
from mutasi_cli.inputs.issues import Issue, IssueLog
from mutasi_cli.inputs.load import load_round
from mutasi_cli.inputs.reader import sha256_of
from mutasi_cli.inputs.settings import Settings, load_settings
from mutasi_cli.inputs.values import is_blank, norm_key
from mutasi_cli.outputs.decree import (
    COLUMNS,
    PARAMETER_SHEET,
    PLAN_SHEET,
    Move,
    PlanError,
    ReviewedPlan,
    read_reviewed_plan,
)
from mutasi_cli.rules.eligibility import RULES, PersonStatus, person_status, setting_rows
from mutasi_cli.solve.verify import UNPLACED, Fault, faults, level_values
from mutasi_cli.support.messages import issue_message

#: labels of sheet Parameter as :func:`mutasi_cli.outputs.report._parameter` and the workflow write them
INPUT_LABEL = "Berkas masukan: "
SHA_LABEL = "SHA-256 "
SETTINGS_LABEL = "Pengaturan: berkas pengaturan"
DEFAULT_SETTINGS_SHOWN = "(bawaan)"
LEVEL1_LABEL = "Tingkat 1"
#: the column of sheet Parameter that holds the values
VALUE_COLUMN = "Nilai"
#: columns ``mutasi check`` needs beyond those a decree needs (the codes identify the positions)
CODE_COLUMNS = ("Kode Jabatan Lama", "Kode Jabatan Baru")
#: reading problems after which the rows cannot be checked at all
_UNREADABLE = frozenset({"missing-sheet", "missing-column", "empty-sheet"})
#: rows listed in one message before the rest are counted
MAX_ROWS_NAMED = 20


@dataclass
class CheckResult:
    """What :func:`check_plan` found: every issue, and the plan the approved rows make (``final[e]``: the
    position person e ends in, ``UNPLACED`` for an incumbent of a Dihapus post left *tidak tertampung*;
    None when the round could not be found or read)."""

    path: Path
    issues: list[Issue]
    approved: int = 0  # rows approved (Setuju blank or Ya), faulty ones included
    rejected: int = 0  # rows marked Setuju = Tidak
    round: Round | None = None
    status: PersonStatus | None = None
    final: np.ndarray | None = None

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def as_plan_error(self) -> PlanError:
        """The issues in the shape the CLI lists any problem of a reviewed plan (``sk`` prints the check's
        warnings so)."""
        return PlanError(self.path, self.issues)

    def to_json(self) -> dict[str, object]:
        """The ``validate`` object (CONTRACT.md ``--json``) with the counts of the review."""
        return {
            "valid": self.valid,
            "issues": [i.to_dict() for i in self.issues],
            "moves": self.approved,
            "rejected": self.rejected,
        }


class PlanRefused(PlanError):
    """A reviewed plan that fails the check: ``mutasi sk`` and ``mutasi export siasn`` write nothing
    (exit 1), and list its faults as they list any problem of a reviewed plan."""


def require_passing(
    path: Path, reviewed: ReviewedPlan, *, what: str, config: Path | None = None
) -> CheckResult:
    """The check ``sk`` and ``export siasn`` run before they write: raises :class:`PlanRefused` with every
    fault (and a last line saying that ``what`` was not drafted) when the plan fails. ``config``: the
    command's ``--config``, used for the rules only when the settings file the plan recorded is gone (the
    values are compared with the plan's anyway)."""
    result = check_plan(path, reviewed=reviewed, fallback_config=config)
    if not result.valid:
        log = IssueLog(list(result.issues))
        log.add("check-refused", sheet="", what=what, count=len(result.errors), path=str(path))
        raise PlanRefused(path, log.issues)
    return result


def check_plan(
    path: Path,
    *,
    pegawai: Path | None = None,
    jabatan: Path | None = None,
    config: Path | None = None,
    fallback_config: Path | None = None,
    reviewed: ReviewedPlan | None = None,
) -> CheckResult:
    """Check the reviewed plan at ``path`` (already read: ``reviewed``) against its round. ``pegawai`` /
    ``jabatan`` point to the inputs instead of the paths ``Parameter`` recorded (their SHA-256 must still
    match); ``config`` replaces the settings file the plan recorded, ``fallback_config`` stands in only when
    that file is gone. Never raises for a fault of the plan or its inputs: they are all in ``issues``,
    those of the round first, then by the Excel row of Daftar Mutasi (the order an analyst fixes them)."""
    result = _check(path, pegawai, jabatan, config, fallback_config, reviewed)
    result.issues.sort(key=lambda i: (i.sheet == PLAN_SHEET, i.row is None, i.row or 0))
    return result


def _check(
    path: Path,
    pegawai: Path | None,
    jabatan: Path | None,
    config: Path | None,
    fallback_config: Path | None,
    reviewed: ReviewedPlan | None,
) -> CheckResult:
    reviewed = reviewed if reviewed is not None else read_reviewed_plan(path, strict=False)
    log = IssueLog(list(reviewed.issues))
    result = CheckResult(path, log.issues, len(reviewed.moves), reviewed.rejected)
    if any(i.code in _UNREADABLE or not i.sheet for i in log.errors):
        return result  # no table of moves to check
    missing = [c for c in CODE_COLUMNS if c not in reviewed.columns]
    for wanted in missing:
        log.add(
            "missing-column", sheet=PLAN_SHEET, wanted=wanted, available=", ".join(reviewed.columns.values())
        )
    if missing:
        return result
    if reviewed.effective_date is None:
        log.add("check-no-effective-date", sheet=PARAMETER_SHEET, path=str(path))
    inputs = _locate_inputs(reviewed, pegawai, jabatan, log)
    if inputs is None or reviewed.effective_date is None:
        return result
    settings = _settings(reviewed, config, fallback_config, log)
    if settings is None or log.has_errors:
        return result
    rnd, load_log = load_round(inputs[0], inputs[1], reviewed.effective_date, settings)
    if rnd is None:
        log.issues.extend(load_log.errors)  # the inputs' warnings were there when the plan was made
        log.add("check-inputs-invalid", sheet="", count=len(load_log.errors))
        return result
    status = person_status(rnd)
    review = _Review(rnd, status, reviewed, inputs)
    final = _apply(review, log)
    _plan_faults(review, final, log)
    _warnings(review, final, log)
    result.round, result.status, result.final = rnd, status, final
    return result


# --- the round -------------------------------------------------------------------------------------


@dataclass
class _Recorded:
    """An input as sheet Parameter recorded it."""

    path: str
    row: int
    sha256: str | None = None


def recorded_inputs(reviewed: ReviewedPlan) -> list[_Recorded]:
    """The inputs of the plan in the order ``plan`` read them (pegawai first), from sheet Parameter."""
    out: list[_Recorded] = []
    for row, label, value in reviewed.parameter:
        if label.startswith(INPUT_LABEL) and not is_blank(value):
            out.append(_Recorded(str(value).strip(), row))
        elif label.startswith(SHA_LABEL) and out and out[-1].sha256 is None and not is_blank(value):
            out[-1].sha256 = str(value).strip().lower()
    return out


def _candidates(written: str, plan_dir: Path) -> list[Path]:
    """Where a recorded input may be now: as written (relative to the working folder), relative to the
    plan's folder, and by name beside the plan (a round folder copied or moved whole)."""
    p = Path(written)
    found = [p] if p.is_absolute() else [p, plan_dir / p]
    found.append(plan_dir / p.name)
    return list(dict.fromkeys(found))


def _digest(path: Path) -> str | None:
    try:
        return sha256_of(path) if path.is_file() else None
    except OSError:
        return None


_ROLES = {"pegawai": "--pegawai BERKAS", "jabatan": "--jabatan BERKAS"}


def _locate_inputs(
    reviewed: ReviewedPlan, pegawai: Path | None, jabatan: Path | None, log: IssueLog
) -> tuple[Path, Path] | None:
    """(pegawai, jabatan) of the plan's round, or None with the reason logged."""
    recorded = recorded_inputs(reviewed)
    given = {"pegawai": pegawai, "jabatan": jabatan}
    if not recorded:
        if pegawai is None and jabatan is None:
            log.add("check-round-unknown", sheet=PARAMETER_SHEET, path=str(reviewed.path))
            return None
        for p in dict.fromkeys(p for p in given.values() if p is not None):
            log.add("check-input-unverified", sheet=PARAMETER_SHEET, value=str(p))
        peg = pegawai or jabatan
        jab = jabatan or pegawai
        assert peg is not None and jab is not None
        return peg, jab
    by_role = {"pegawai": recorded[0], "jabatan": recorded[1] if len(recorded) > 1 else recorded[0]}
    shared = by_role["pegawai"] is by_role["jabatan"]
    found: dict[str, Path] = {}
    for role, rec in by_role.items():
        if shared and role == "jabatan" and "pegawai" in found and given["jabatan"] is None:
            found[role] = found["pegawai"]
            continue
        label = (
            "pegawai dan jabatan"
            if shared and given["pegawai"] is None and given["jabatan"] is None
            else role
        )
        option = " ".join(_ROLES.values()) if label != role else _ROLES[role]
        path = given[role]
        if path is not None:
            actual = _digest(path)
            if rec.sha256 is None:
                log.add("check-input-unverified", sheet=PARAMETER_SHEET, row=rec.row, value=str(path))
            elif actual is not None and actual != rec.sha256:
                log.add(
                    "check-input-changed",
                    sheet=PARAMETER_SHEET,
                    row=rec.row,
                    column=VALUE_COLUMN,
                    value=str(path),
                    role=label,
                    option=option,
                    actual=actual[:12],
                    recorded=rec.sha256[:12],
                )
            found[role] = path  # a file that cannot be read is load_round's to report
            continue
        first_seen: tuple[Path, str] | None = None
        for candidate in _candidates(rec.path, reviewed.path.parent):
            digest = _digest(candidate)
            if digest is None:
                continue
            if rec.sha256 is None or digest == rec.sha256:
                found[role] = candidate
                break
            first_seen = first_seen or (candidate, digest)
        if role in found:
            if rec.sha256 is None:
                log.add("check-input-unverified", sheet=PARAMETER_SHEET, row=rec.row, value=str(found[role]))
        elif first_seen is not None:
            assert rec.sha256 is not None
            log.add(
                "check-input-changed",
                sheet=PARAMETER_SHEET,
                row=rec.row,
                column=VALUE_COLUMN,
                value=str(first_seen[0]),
                role=label,
                option=option,
                actual=first_seen[1][:12],
                recorded=rec.sha256[:12],
            )
        else:
            log.add(
                "check-input-missing",
                sheet=PARAMETER_SHEET,
                row=rec.row,
                column=VALUE_COLUMN,
                value=rec.path,
                role=label,
                option=option,
            )
    if log.has_errors:
        return None
    return found["pegawai"], found["jabatan"]


def _parameter_value(
    reviewed: ReviewedPlan, label: str, *, prefix: bool = False
) -> tuple[int, object] | None:
    for row, written, value in reviewed.parameter:
        if written == label or (prefix and written.startswith(label)):
            return row, value
    return None


def _settings(
    reviewed: ReviewedPlan, config: Path | None, fallback: Path | None, log: IssueLog
) -> Settings | None:
    """The settings the plan was made with: ``config`` when given, else the file Parameter recorded
    (found like an input), else ``fallback``; their ``[aturan]`` values compared with those recorded."""
    recorded = _parameter_value(reviewed, SETTINGS_LABEL)
    if config is not None:
        settings = load_settings(config)
    elif recorded is None or is_blank(recorded[1]):  # a plan older than the row, or made by hand
        settings = load_settings(fallback)
    elif str(recorded[1]).strip() == DEFAULT_SETTINGS_SHOWN:
        settings = Settings()
    else:
        written = str(recorded[1]).strip()
        found = next((c for c in _candidates(written, reviewed.path.parent) if c.is_file()), None)
        if found is None and fallback is None:
            log.add(
                "check-settings-missing",
                sheet=PARAMETER_SHEET,
                row=recorded[0],
                column=VALUE_COLUMN,
                value=written,
            )
            return None
        settings = load_settings(found or fallback)
    source = str(settings.source) if settings.source else DEFAULT_SETTINGS_SHOWN
    for label, value, _source in setting_rows(settings.rules):
        shown = _parameter_value(reviewed, label)
        if shown is None or is_blank(shown[1]):
            continue
        before = str(shown[1]).split(" — ")[0].strip()
        if norm_key(before) != norm_key(value):
            log.add(
                "check-settings-changed",
                sheet=PARAMETER_SHEET,
                row=shown[0],
                column=VALUE_COLUMN,
                value=value,
                label=label,
                recorded=before,
                path=source,
            )
    return settings


# --- the rows --------------------------------------------------------------------------------------


class _Review:
    """The round's lookups and the review's rows, built once for the row checks, the plan's faults and
    the warnings. ``applied``: person → the approved row that moved them."""

    def __init__(self, rnd: Round, status: PersonStatus, reviewed: ReviewedPlan, inputs: tuple[Path, Path]):
        self.rnd, self.status, self.reviewed, self.inputs = rnd, status, reviewed, inputs
        people, positions = rnd.people, rnd.positions
        self.nips = people["nip"].to_numpy(dtype=object)
        self.names = people["nama"].to_numpy(dtype=object)
        self.cur = people["pos"].to_numpy()
        self.kode, self.nama, self.unit = (
            positions[c].to_numpy(dtype=object) for c in ("kode", "nama", "unit")
        )
        self.nip_index = {n: i for i, n in enumerate(self.nips)}
        self.code_index = {k: i for i, k in enumerate(self.kode)}
        self.col = {c: reviewed.columns.get(c, c) for c in COLUMNS}  # as written, else canonical
        self.approved: dict[str, Move] = {}
        for m in reviewed.moves:
            self.approved.setdefault(m.nip, m)
        self.rejected = {m.nip: m for m in reviewed.rejected_moves}
        self.kunci_row = dict(zip(rnd.kunci["person"].tolist(), rnd.kunci["row"].tolist()))
        self.applied: dict[int, Move] = {}

    def row_of(self, e: int) -> int | None:
        return self.applied[e].excel_row if e in self.applied else None

    def who(self, e: int) -> str:
        return f"NIP {self.nips[e]} ({self.names[e]})"


def _apply(r: _Review, log: IssueLog) -> np.ndarray:
    """The plan the approved rows make. Each row's own faults are logged here; a row that names nobody of
    the round, or no position of it, or the person's own position, moves nobody."""
    final = r.cur.copy()
    final[r.status.dihapus] = UNPLACED  # an incumbent of a Dihapus post whom no row moves: tidak tertampung
    col, seen = r.col, set()
    for m in r.reviewed.moves:
        e = r.nip_index.get(m.nip)
        if e is None:
            log.add(
                "check-unknown-nip",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=col["NIP"],
                value=m.nip,
                path=str(r.inputs[0]),
            )
            continue
        if e in seen:
            continue  # the reader named the second row (duplicate-nip); the first one counts
        seen.add(e)
        c = int(r.cur[e])
        if not m.kode_lama:
            log.add("empty-cell", sheet=PLAN_SHEET, row=m.excel_row, column=col["Kode Jabatan Lama"])
        elif m.kode_lama != r.kode[c]:
            log.add(
                "check-wrong-origin",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=col["Kode Jabatan Lama"],
                value=m.kode_lama,
                actual=r.kode[c],
                nama=r.nama[c],
                unit=r.unit[c],
            )
        else:
            _same_text(r, log, m, "Jabatan Lama", m.jabatan_lama, c, "nama")
            _same_text(r, log, m, "Unit Kerja Lama", m.unit_lama, c, "unit")
        if norm_key(m.nama) != norm_key(r.names[e]):
            log.add(
                "check-name-mismatch",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=col["Nama"],
                value=m.nama,
                expected=r.names[e],
            )
        p = r.code_index.get(m.kode_baru)
        if not m.kode_baru:
            log.add("empty-cell", sheet=PLAN_SHEET, row=m.excel_row, column=col["Kode Jabatan Baru"])
        elif p is None:
            log.add(
                "check-unknown-position",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=col["Kode Jabatan Baru"],
                value=m.kode_baru,
                path=str(r.inputs[1]),
            )
        elif p == c:
            log.add(
                "check-same-position",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=col["Kode Jabatan Baru"],
                value=m.kode_baru,
            )
        else:
            _same_text(r, log, m, "Jabatan Baru", m.jabatan_baru, p, "nama")
            _same_text(r, log, m, "Unit Kerja Baru", m.unit_baru, p, "unit")
            final[e] = p
            r.applied[e] = m
    return final


def _same_text(r: _Review, log: IssueLog, m: Move, column: str, written: str, p: int, what: str) -> None:
    """The decree prints the texts of the row, not its codes: they must name the position the code does."""
    expected = (r.nama if what == "nama" else r.unit)[p]
    if norm_key(written) != norm_key(expected):
        log.add(
            "check-text-mismatch",
            sheet=PLAN_SHEET,
            row=m.excel_row,
            column=r.col[column],
            value=written,
            expected=expected,
            kode=r.kode[p],
        )


# --- the plan as a whole ---------------------------------------------------------------------------


def _plan_faults(r: _Review, final: np.ndarray, log: IssueLog) -> None:
    """The checker's faults (:func:`mutasi_cli.solve.verify.faults`), each named by the rows that cause it."""
    for f in faults(r.rnd, r.status, final):
        _FAULT_ISSUES[f.kind](r, f, final, log)


def _kunci_not_made(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    e = f.people[0]
    nip = r.nips[e]
    row: int | None = None
    column: str | None = None
    if e in r.applied:
        row, column = r.applied[e].excel_row, r.col["Kode Jabatan Baru"]
        how = f"baris {row} memindahkannya ke jabatan {r.kode[final[e]]}"
    elif nip in r.approved:
        row = r.approved[nip].excel_row
        how = f"baris {row} tidak dapat dijalankan"
    elif nip in r.rejected:
        row, column = r.rejected[nip].excel_row, r.col["Setuju"]
        how = f"baris {row} ditandai Setuju = Tidak"
    else:
        how = "barisnya tidak ada lagi di Daftar Mutasi"
    log.add(
        "check-kunci-not-made",
        sheet=PLAN_SHEET,
        row=row,
        column=column,
        value=nip,
        kunci_row=r.kunci_row.get(e, "-"),
        kode=r.kode[f.position],
        how=how,
    )


def _kunci_tetap_moved(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    e = f.people[0]
    log.add(
        "check-kunci-tetap-moved",
        sheet=PLAN_SHEET,
        row=r.row_of(e),
        column=r.col["Kode Jabatan Baru"],
        value=r.nips[e],
        kunci_row=r.kunci_row.get(e, "-"),
    )


def _person_rules(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    e = f.people[0]
    for code in f.codes:
        _rule_issue(r, log, code, "check-person-rule", r.row_of(e), r.col["NIP"], r.nips[e])


def _pair_rules(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    e = f.people[0]
    for code in f.codes:
        _rule_issue(
            r, log, code, "check-pair-rule", r.row_of(e), r.col["Kode Jabatan Baru"], r.kode[f.position]
        )


def _rule_issue(
    r: _Review, log: IssueLog, code: str, template: str, row: int | None, column: str, value: object
) -> None:
    """One broken rule as issue ``rule-<code>`` (the rule codes are stable; two templates word them)."""
    rule = RULES[code]
    severity, message = issue_message(
        template,
        value=value,
        column=column,
        number=rule.number,
        text=rule.describe(r.rnd.rules),
        source=rule.source,
    )
    log.issues.append(Issue(f"rule-{code}", severity, PLAN_SHEET, row, column, str(value), message))


def _capacity(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    p = f.position
    incoming = sorted((e for e in f.people if r.cur[e] != p), key=lambda e: r.row_of(e) or 0)

    def stayer(e: int) -> str:
        if r.nips[e] in r.rejected:
            return f"{r.who(e)}, usulan mutasinya ditolak di baris {r.rejected[r.nips[e]].excel_row}"
        return r.who(e)

    log.add(
        "check-over-capacity",
        sheet=PLAN_SHEET,
        row=r.row_of(incoming[0]) if incoming else None,
        column=r.col["Kode Jabatan Baru"],
        value=r.kode[p],
        nama=r.nama[p],
        unit=r.unit[p],
        count=f.count,
        formasi=int(r.rnd.positions.at[p, "formasi"]),
        incoming="; ".join(f"{r.who(e)}, baris {r.row_of(e)}" for e in incoming) or "-",
        stayers="; ".join(stayer(e) for e in f.people if r.cur[e] == p) or "-",
    )


def _turnover(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    """Named at the first row beyond the cap, in sheet order."""
    rows = sorted(row for row in map(r.row_of, f.people) if row is not None)
    log.add(
        "check-turnover",
        sheet=PLAN_SHEET,
        row=rows[f.limit] if len(rows) > f.limit else None,
        column=r.col["Unit Kerja Lama"],
        value=f.unit,
        count=f.count,
        cap=f.limit,
        persen=r.rnd.rules.perputaran_persen,
        people=int((r.unit[r.cur] == f.unit).sum()),
        rows=_rows_text(rows),
    )


def _relasi(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    a, b = f.people
    rows = sorted(row for row in (r.row_of(a), r.row_of(b)) if row is not None)
    relasi = r.rnd.relasi
    pair = relasi[(relasi["a"] == a) & (relasi["b"] == b)]
    log.add(
        "check-relasi",
        sheet=PLAN_SHEET,
        row=rows[0] if rows else None,
        column=r.col["Unit Kerja Baru"],
        value=r.nips[a],
        other=r.nips[b],
        hubungan=str(pair["hubungan"].iloc[0]) if len(pair) else "Relasi",
        unit=f.unit,
        rows=_rows_text(rows) or "-",
    )


def _covered(r: _Review, f: Fault, final: np.ndarray, log: IssueLog) -> None:
    """Faults already named otherwise: each row moving into a Dihapus post breaks the pair rule
    ``jabatan-dihapus``; and nobody but a Dihapus incumbent is ever left unplaced here, all of them."""


_FAULT_ISSUES = {
    "kunci-not-made": _kunci_not_made,
    "kunci-tetap-moved": _kunci_tetap_moved,
    "person-rules": _person_rules,
    "pair-rules": _pair_rules,
    "capacity": _capacity,
    "turnover": _turnover,
    "relasi": _relasi,
    "dihapus-newcomers": _covered,
    "unplaced": _covered,
    "stays-dihapus": _covered,
}


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:MAX_ROWS_NAMED])
    return shown + (f" dan {len(rows) - MAX_ROWS_NAMED} baris lainnya" if len(rows) > MAX_ROWS_NAMED else "")


# --- warnings --------------------------------------------------------------------------------------


def _warnings(r: _Review, final: np.ndarray, log: IssueLog) -> None:
    """What the review costs without breaking a rule: a due person's rejected move that leaves a
    Prioritas-1 place empty, a Dihapus incumbent left tidak tertampung, fewer Prioritas-1 places filled
    than the plan did (deleted rows included, which name no place)."""
    positions, status = r.rnd.positions, r.status
    formasi = positions["formasi"].to_numpy()
    prio, aktif = positions["prioritas"].to_numpy(), positions["aktif"].to_numpy(dtype=bool)
    occupancy = np.bincount(final[final != UNPLACED], minlength=len(positions))
    for m in r.reviewed.rejected_moves:
        e = r.nip_index.get(m.nip)
        if e is None or e in r.applied:
            continue
        if status.dihapus[e] and final[e] == UNPLACED:
            log.add(
                "check-rejected-unplaced",
                sheet=PLAN_SHEET,
                row=m.excel_row,
                column=r.col["Setuju"],
                value=r.kode[r.cur[e]],
            )
        p = r.code_index.get(m.kode_baru)
        if p is None or not status.due[e] or prio[p] != 1 or not aktif[p] or occupancy[p] >= formasi[p]:
            continue
        log.add(
            "check-rejected-priority1",
            sheet=PLAN_SHEET,
            row=m.excel_row,
            column=r.col["Setuju"],
            value=m.kode_baru,
            nama=r.nama[p],
            unit=r.unit[p],
            empty=int(formasi[p] - occupancy[p]),
            formasi=int(formasi[p]),
        )
    before = _parameter_value(r.reviewed, LEVEL1_LABEL, prefix=True)
    if before is not None and isinstance(before[1], int | float) and not isinstance(before[1], bool):
        now = level_values(r.rnd, status, final)[1]
        if now < before[1]:
            log.add(
                "check-priority1-fewer",
                sheet=PLAN_SHEET,
                now=now,
                before=int(before[1]),
                lost=int(before[1]) - now,
            )


__all__ = ["CheckResult", "PlanRefused", "check_plan", "recorded_inputs", "require_passing"]
