"""Re-planning after review (``plan --review``, CONTRACT.md "Re-planning after review").

The reviewed plan is the workbook ``plan`` wrote, edited in ``Daftar Mutasi``: a row with ``Setuju``
blank or Ya is approved, Tidak is rejected, a deleted row is rejected. Reading it:

1. it is checked as ``mutasi check`` checks it (:func:`mutasi_cli.review.plan_check.check_plan`), against the
   very inputs the re-plan reads: a changed input, other settings, a row that names nobody, a code that
   exists nowhere, an approved move that breaks a rule or the turnover cap, a rejected Kunci move — each
   is an error naming the sheet, Excel row and column (exit 1). Only the faults the re-plan repairs by
   moving others pass: a position over its formasi because an incumbent's move was rejected, a Relasi
   pair brought together by one approved move;
2. a deleted row is found from sheet ``Penjelasan``, which lists every move the plan made (its NIP and
   its new position as "Jabatan pada Unit"): a person there with no row in Daftar Mutasi had their row
   deleted, and every position of that name in that unit is closed to them;
3. the round gets a :class:`mutasi_cli.inputs.data.Review`: the approved moves, held as every model holds a
   Kunci move but counted in the turnover cap (:func:`mutasi_cli.solve.model.turnover_caps`), and the rejected
   ones, which join ``Larangan``.

The planner then optimises levels 0–2, then the fewest changes to the reviewed plan
(:func:`mutasi_cli.solve.model.unchanged_stays`), then levels 3–4; :func:`outcomes` marks each person's row.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from mutasi_cli.inputs.data import CHANGED, DROPPED, KEPT, NEW, Review, Round
from mutasi_cli.inputs.headers import header_key
from mutasi_cli.inputs.issues import Issue, IssueLog
from mutasi_cli.inputs.reader import ReadError, find_header_row, find_sheet, read_raw
from mutasi_cli.inputs.values import is_blank, nip_digits, norm_key
from mutasi_cli.outputs.decree import PLAN_SHEET, PlanError, ReviewedPlan, read_reviewed_plan
from mutasi_cli.outputs.explain import empty_priority1
from mutasi_cli.solve.verify import UNPLACED

#: the sheet that lists every move the plan made (deleted rows of Daftar Mutasi are found there)
EXPLANATION_SHEET = "Penjelasan"
#: faults of the approved rows alone that the re-plan repairs by moving other people
REPAIRABLE = frozenset({"check-over-capacity", "check-relasi"})

#: the rows of sheet Parameter that record the reviewed plan a re-plan followed (``explain`` applies it
#: again), after "Pengaturan: "
REVIEW_LABEL = "rencana yang ditinjau"
REVIEW_SHA_LABEL = "rencana yang ditinjau (SHA-256)"


@dataclass
class ReviewRead:
    """The reviewed plan as the re-plan uses it: the :class:`~mutasi_cli.inputs.data.Review` for the round, and
    the warnings of the check (a rejected move that leaves a Prioritas-1 place empty, …)."""

    review: Review
    warnings: list[Issue]


def read_review(
    path: Path,
    rnd: Round,
    *,
    pegawai: Path | None,
    jabatan: Path | None,
    config: Path | None,
    reviewed: ReviewedPlan | None = None,
) -> ReviewRead:
    """Read and check the reviewed plan at ``path`` for a re-plan of ``rnd`` (read from ``pegawai`` and
    ``jabatan``; ``reviewed``: the workbook already read, if it was). Raises
    :class:`~mutasi_cli.outputs.decree.PlanError` with every blocking fault."""
    from mutasi_cli.review.plan_check import check_plan  # plan_check reads the inputs again: above us

    reviewed = reviewed if reviewed is not None else read_reviewed_plan(path, strict=False)
    result = check_plan(path, pegawai=pegawai, jabatan=jabatan, fallback_config=config, reviewed=reviewed)
    blocking = [i for i in result.errors if i.code not in REPAIRABLE]
    log = IssueLog(list(blocking))
    if reviewed.effective_date is not None and reviewed.effective_date != rnd.effective_date:
        log.add(
            "review-effective-date",
            sheet="Parameter",
            value=reviewed.effective_date.isoformat(),
            actual=rnd.effective_date.isoformat(),
            path=str(path),
        )
    if log.has_errors:
        raise PlanError(path, log.issues)
    nip_index = {str(n): i for i, n in enumerate(rnd.people["nip"])}
    code_index = {str(k): i for i, k in enumerate(rnd.positions["kode"])}
    approved = [
        (nip_index[m.nip], code_index[m.kode_baru], m.excel_row, m.keterangan)
        for m in _first_rows(reviewed.moves)
    ]
    taken = {e for e, _p, _r, _k in approved}
    rejected = [
        (nip_index[m.nip], code_index[m.kode_baru], m.excel_row, PLAN_SHEET, "tidak")
        for m in _first_rows(reviewed.rejected_moves)
        if m.nip in nip_index and m.kode_baru in code_index and nip_index[m.nip] not in taken
    ]
    written = {m.nip for m in reviewed.moves} | {m.nip for m in reviewed.rejected_moves}
    rejected += [r for r in _deleted_rows(path, rnd, nip_index, log) if rnd.people.at[r[0], "nip"] not in written]
    review = Review(
        str(path),
        pd.DataFrame(approved, columns=["person", "position", "row", "keterangan"]).astype(
            {"person": "int64", "position": "int64", "row": "int64"}
        ),
        pd.DataFrame(rejected, columns=["person", "position", "row", "sheet", "how"]).astype(
            {"person": "int64", "position": "int64", "row": "int64"}
        ),
    )
    warnings = [i for i in result.issues if i.severity == "warning"] + log.issues
    return ReviewRead(review, warnings)


def _first_rows(moves):
    """One row per NIP, the first (the check names the others as duplicates)."""
    seen: set[str] = set()
    for m in moves:
        if m.nip not in seen:
            seen.add(m.nip)
            yield m


def _deleted_rows(path: Path, rnd: Round, nip_index: dict[str, int], log: IssueLog) -> list[tuple]:
    """(person, position, row, sheet, "dihapus") for each move of sheet Penjelasan, every position of the
    row's "Jabatan pada Unit" (the person's row of Daftar Mutasi is looked for by the caller)."""
    try:
        raw = read_raw(path)
    except ReadError:
        return []  # the check has read it already; nothing more to learn
    sheet = find_sheet(raw, EXPLANATION_SHEET)
    if sheet is None:
        log.add("review-no-explanations", sheet=EXPLANATION_SHEET, path=str(path))
        return []
    rows = raw.sheets[sheet]
    index = {header_key(c): c for c in ("NIP", "Jabatan Baru")}
    header = find_header_row(rows, index)
    if header is None:
        return []
    keys = [index.get(header_key(c)) if not is_blank(c) else None for c in rows[header]]
    at = {k: j for j, k in reversed(list(enumerate(keys))) if k}
    if "NIP" not in at or "Jabatan Baru" not in at:
        return []
    at = {"nip": at["NIP"], "jabatanbaru": at["Jabatan Baru"]}
    positions = rnd.positions
    by_text: dict[str, list[int]] = {}
    for p, (nama, unit) in enumerate(zip(positions["nama"], positions["unit"])):
        by_text.setdefault(norm_key(f"{nama} pada {unit}"), []).append(p)
    out: list[tuple] = []
    for i in range(header + 1, len(rows)):
        row = rows[i]
        nip_cell = row[at["nip"]] if at["nip"] < len(row) else None
        text_cell = row[at["jabatanbaru"]] if at["jabatanbaru"] < len(row) else None
        nip = nip_digits(nip_cell)[0] if not is_blank(nip_cell) else None
        if nip is None or nip not in nip_index or is_blank(text_cell):
            continue
        e = nip_index[nip]
        for p in by_text.get(norm_key(str(text_cell)), []):
            if p != rnd.people.at[e, "pos"]:
                out.append((e, p, i + 1, EXPLANATION_SHEET, "dihapus"))
    return out


def apply_review(rnd: Round, review: Review) -> Round:
    """The round re-planned after ``review``: its rejected moves join Larangan (by position, with the
    sheet and row they came from), its approved moves are held by :func:`mutasi_cli.rules.eligibility.person_status`
    and :func:`mutasi_cli.rules.eligibility.kunci_targets`."""
    lar = rnd.larangan.copy()
    if "sheet" not in lar.columns:
        lar["sheet"] = "Larangan"
    extra = review.rejected.assign(unit="")[["person", "position", "unit", "row", "sheet"]]
    larangan = pd.concat([lar, extra], ignore_index=True).astype(
        {"person": "int64", "position": "int64", "row": "int64"}
    )
    return dataclasses.replace(rnd, larangan=larangan, review=review)


@dataclass
class Outcomes:
    """Per person, the outcome of their row against the reviewed plan (``KEPT``, ``NEW``, ``CHANGED``,
    ``DROPPED`` or "" for nobody's row), and the counts."""

    marks: np.ndarray  # object, per person
    counts: dict[str, int]


def reference_plan(rnd: Round, dihapus: np.ndarray) -> np.ndarray:
    """The reviewed plan's outcome per person: the approved moves made, everyone else in place (an
    incumbent of a Dihapus position whom no approved row moves: tidak tertampung)."""
    assert rnd.review is not None
    final = rnd.people["pos"].to_numpy().copy()
    final[dihapus] = UNPLACED
    a = rnd.review.approved
    final[a["person"].to_numpy()] = a["position"].to_numpy()
    return final


def outcomes(rnd: Round, dihapus: np.ndarray, final: np.ndarray) -> Outcomes:
    """Mark each moved person's row: kept (the approved move), changed (their reviewed move was rejected
    and they move elsewhere), new (they had no move in the reviewed plan); and count the rejected moves
    that are now not made (dropped: the person stays or, from a Dihapus position, is unplaced)."""
    assert rnd.review is not None
    cur = rnd.people["pos"].to_numpy()
    marks = np.full(rnd.n_people, "", dtype=object)
    approved = np.zeros(rnd.n_people, dtype=bool)
    approved[rnd.review.approved["person"].to_numpy()] = True
    rejected = np.zeros(rnd.n_people, dtype=bool)
    rejected[rnd.review.rejected["person"].to_numpy()] = True
    moved = (final != cur) & (final != UNPLACED)
    marks[moved & approved] = KEPT
    marks[moved & ~approved & rejected] = CHANGED
    marks[moved & ~approved & ~rejected] = NEW
    marks[~moved & rejected] = DROPPED
    counts = {k: int((marks == k).sum()) for k in (KEPT, NEW, CHANGED, DROPPED)}
    counts["rejected"] = int(rejected.sum())
    counts["changes"] = int((final != reference_plan(rnd, dihapus)).sum())
    return Outcomes(marks, counts)


def priority1_losses(rnd: Round, final: np.ndarray) -> list[str]:
    """One sentence per rejected move into a Prioritas-1 position that stays short of its formasi."""
    assert rnd.review is not None
    empty = empty_priority1(rnd, final)
    rejected = rnd.review.rejected
    seen: set[int] = set()
    out = []
    for p in rejected["position"].tolist():
        if p in empty and p not in seen:
            seen.add(p)
            out.append(empty[p])
    return out


__all__ = [
    "Outcomes", "ReviewRead", "apply_review", "outcomes", "priority1_losses", "read_review", "reference_plan",
]  # fmt: skip
