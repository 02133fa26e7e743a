"""The plan job end to end (read → check → candidates → model → solve → write), without any UI."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mutasi_cli.inputs.data import Round
from mutasi_cli.inputs.issues import IssueLog
from mutasi_cli.inputs.load import load_round
from mutasi_cli.inputs.reader import sha256_of
from mutasi_cli.inputs.settings import Settings
from mutasi_cli.outputs.report import Summary, summarize, write_plan
from mutasi_cli.review.replan import REVIEW_LABEL, REVIEW_SHA_LABEL
from mutasi_cli.rules.freeze import Freeze, freeze_status
from mutasi_cli.solve.planner import PlanResult, plan, write_reserve

#: seconds of writing the workbook kept per second the inputs took to read
WRITE_PER_READ = 2.5


class InvalidInput(Exception):
    def __init__(self, log: IssueLog) -> None:
        super().__init__(f"{len(log.errors)} error(s) in the input")
        self.log = log


@dataclass
class PlanRun:
    round: Round
    result: PlanResult
    summary: Summary
    issues: IssueLog
    output: Path
    #: the election freeze window the effective date falls in (CONTRACT.md), None outside every one
    freeze: Freeze | None = None


def plan_files(
    pegawai: Path,
    jabatan: Path,
    output: Path,
    *,
    effective_date: dt.date | None,
    solver: str = "cbc",
    time_limit: float = 300.0,
    route: str = "pricing",
    progress: Callable[[str], None] | None = None,
    settings: Settings | None = None,
    review: Path | None = None,
) -> PlanRun:
    """Read, plan and write. ``effective_date`` None: today, or for a re-plan after review (``review``,
    the reviewed workbook) the date of the reviewed plan. A reviewed plan that cannot be used raises
    :class:`mutasi_cli.outputs.decree.PlanError` with every fault."""
    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    say("read")
    settings = settings or Settings()
    reviewed = None
    if review is not None:  # read once: its effective date, then its rows (read_review)
        from mutasi_cli.outputs.decree import read_reviewed_plan

        reviewed = read_reviewed_plan(review, strict=False)
    if effective_date is None:
        # the reviewed plan's date (None when it cannot be read: the check then says why)
        effective_date = (reviewed.effective_date if reviewed is not None else None) or dt.date.today()
    rnd, log = load_round(pegawai, jabatan, effective_date, settings)
    if rnd is None:
        raise InvalidInput(log)
    read = None
    if review is not None:
        from mutasi_cli.review.replan import apply_review, read_review

        read = read_review(
            review, rnd, pegawai=pegawai, jabatan=jabatan, config=settings.source, reviewed=reviewed
        )
        rnd = apply_review(rnd, read.review)
    t_read = time.perf_counter() - t0
    budget = max(1.0, time_limit - t_read)
    # the workbook's writing, kept from the time limit: it takes 1.5–2.8 times as long as reading the
    # inputs on the same machine under the same load (measured at 20,000 people, idle to loaded: the
    # per-person reserve alone let a loaded run overrun by 10.6 s)
    reserve = max(write_reserve(rnd), WRITE_PER_READ * t_read)
    result = plan(rnd, solver=solver, time_limit=budget, route=route, progress=say, reserve=reserve)
    result.timings = {"read+check": t_read, **result.timings}
    summary = summarize(rnd, result, time.perf_counter() - t0, time_limit)
    freeze = freeze_status(settings.pilkada, effective_date)
    marks = None
    if read is not None and result.status != "infeasible":
        from mutasi_cli.review.replan import outcomes, priority1_losses

        marks = outcomes(rnd, result.person_status.dihapus, result.final)
        summary.review = dict(marks.counts) | {
            "priority1_left_empty": priority1_losses(rnd, result.final),
            # the reading's own (not the check's warnings on the reviewed plan: the re-plan repairs those,
            # and what it leaves is said above)
            "warnings": [i.message for i in read.warnings if not i.code.startswith("check-")],
        }
    if result.status != "infeasible":
        say("write")
        t = time.perf_counter()
        shown: dict[str, object] = {
            "batas waktu (detik)": time_limit,
            "rute": route,
            "berkas pengaturan": str(settings.source) if settings.source else "(bawaan)",
        }
        if review is not None:
            shown[REVIEW_LABEL] = str(review)
            shown[REVIEW_SHA_LABEL] = sha256_of(review)
        write_plan(output, rnd, result, summary, shown, freeze=freeze, review=None if marks is None else marks.marks)
        result.timings["write"] = time.perf_counter() - t
        summary.seconds = time.perf_counter() - t0
    return PlanRun(rnd, result, summary, log, output, freeze)
