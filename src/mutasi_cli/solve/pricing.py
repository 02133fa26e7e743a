"""The pricing route: levels 0–2 exactly on the aggregated model (:mod:`mutasi_cli.solve.aggregate`), then
level 3 on the model of :mod:`mutasi_cli.solve.model` over a small subset of the moves, with a bound that
holds for all of them.

A Bungo-like round has millions of allowed (person, position) moves, but an optimal plan uses a few
thousand. Levels 0–2 are held at stage A's optimum by three rows with unit coefficients (the same integer
plans as "Φ ≥ Φ*", a better-conditioned LP than one Φ row with its lexicographic weights; measured:
column generation at 5,000 people 12.9 s → 5.8 s, the first LP at 20,000 people 26 s → 1.4 s). The
level-3 model starts from the stay/unplaced variables, the Kunci moves and the moves of stage A's plan,
and grows by *column generation*. Stage B in parts:

- :mod:`mutasi_cli.solve.stage_b_model`: the model (:class:`~mutasi_cli.solve.stage_b_model.PricingModel`),
  its columns and rows, the MIP runs, narrowing and widening, the plan of a solution;
- :mod:`mutasi_cli.solve.reduced_costs`: the reduced costs of every move from row duals, per pricing class;
- :mod:`mutasi_cli.solve.column_generation`: pricing, purging and the column-generation loop;
- :mod:`mutasi_cli.solve.bounds`: the Lagrangian bound over all moves;
- :mod:`mutasi_cli.solve.mip_steps`: fix and solve, the support MIP, the full MIP and the proof by reduced
  costs;
- here: the steps in order (:func:`_solve_pricing`). Column generation stops when the Lagrangian bound is
  within ``CG_STOP_GAP`` of the LP value (or at ``CG_SHARE`` of the time left) and fix and solve is tried;
  when its plan is not accepted, column generation goes on (to the end, or until the bound accepts the plan)
  and the full MIP follows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules.eligibility import NO_LOCK, PersonStatus
from mutasi_cli.solve.aggregate import solve_stage_a
from mutasi_cli.solve.candidates import CandidateSpace
from mutasi_cli.solve.column_generation import generate_columns
from mutasi_cli.solve.mip_steps import (
    STAGE_B_ACCEPT,
    TIME_CUT,
    StageB,
    fix_and_solve,
    full_mip,
    support_mip,
)
from mutasi_cli.solve.model import unchanged_count, unchanged_stays
from mutasi_cli.solve.solvers import SolveOutcome
from mutasi_cli.solve.stage_b_model import LpSolution, PricingModel
from mutasi_cli.solve.verify import level_values

#: column generation stops when the Lagrangian bound is this close to the LP value (relative), and fix
#: and solve is tried: its plan was 3–4e-4 below the LP at 20,000 and 50,000 people, so a bound this close
#: usually accepts it (when not, column generation goes on). Measured at 50,000 people with 4e-4: the
#: bound was 4.4e-4 above the LP, and the round that brought it to 0.1e-4 took 129 s
CG_STOP_GAP = 7e-4
#: share of stage B's time that column generation may use before settling for its Lagrangian bound
CG_SHARE = 0.85
#: building stage B's model, seconds per person, on the low side (measured at 20,000 people: 1.4 s on an
#: idle machine, 2.5 s and 4.9 s on a busy one): with less time than that left before the deadline when
#: stage A ends, stage B does not start and stage A's plan is the plan (issue #14: at 20,000 people with
#: HiGHS stage B was built after the deadline, for a column generation that could no longer run)
STAGE_B_BUILD_SECONDS_PER_PERSON = 5e-5

__all__ = ["PricingRun", "solve_pricing"]


@dataclass
class PricingRun:
    final: np.ndarray | None
    stage_a: SolveOutcome
    stage_b: SolveOutcome | None
    stats: dict[str, float] = field(default_factory=dict)


def solve_pricing(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    deadline: float,
    *,
    mip_solver: str = "highs",
    stage_a_share: float = 0.7,
    progress=None,
) -> PricingRun:
    """Both stages: LPs by column generation in HiGHS, MIPs by ``mip_solver`` over the columns found.
    The returned plan is re-checked by the caller.

    Determinism: apart from the time limit, no step depends on the clock. Where the time limit (or the
    share of it a step may use) cut a step short, the path taken, and so the plan, could depend on the
    machine's load: stage B is then reported "feasible" (``stats[TIME_CUT]``), never "optimal"."""
    stats: dict[str, float] = {}
    run = _solve_pricing(rnd, status, space, deadline, mip_solver, stage_a_share, progress, stats)
    out_b = run.stage_b
    if stats.get(TIME_CUT) and out_b is not None and out_b.status == "optimal":
        out_b.status = "feasible"
    return run


def _fewest_changes(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    plan_a: np.ndarray,
    keep: np.ndarray,
    a_deadline: float,
    deadline: float,
    mip_solver: str,
    stats: dict[str, float],
) -> np.ndarray:
    """Stage A again, on the same aggregated model, maximising the stays of ``keep`` with levels 0–2 held
    at stage A's values: the plan with the fewest changes to the reviewed plan. Stage A's plan stands
    (and the run is no longer proven, ``TIME_CUT``) when this one is not proven or not found in time."""
    t = time.perf_counter()
    reached = level_values(rnd, status, plan_a)
    until = max(a_deadline, t + 0.5 * (deadline - t))
    stage = solve_stage_a(
        rnd, status, space, until - t, mip_solver, hold=(reached[0], reached[1], reached[2]), keep=keep
    )
    stats["review_seconds"] = time.perf_counter() - t
    stats["review_columns"] = stage.columns
    found = stage.final
    if found is None:
        stats[TIME_CUT] = 1.0
        return plan_a
    now = level_values(rnd, status, found)
    if (now[0], now[1], now[2]) != (reached[0], reached[1], reached[2]):
        stats[TIME_CUT] = 1.0  # not expected: the rows hold them; stage A's plan is safe
        return plan_a
    if stage.outcome.status != "optimal":
        stats[TIME_CUT] = 1.0
    better = unchanged_count(rnd, found, keep) >= unchanged_count(rnd, plan_a, keep)
    return found if better else plan_a


def _solve_pricing(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    deadline: float,
    mip_solver: str,
    stage_a_share: float,
    progress,
    stats: dict[str, float],
) -> PricingRun:
    """The method's steps: stage A (levels 0–2), the fewest changes of a re-plan, stage B's model, then
    level 3 (and 4) with levels 0–2 held (:func:`_stage_b`)."""
    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    a_deadline = t0 + (deadline - t0) * stage_a_share
    # ---- stage A: levels 0–2, exactly, on the aggregated model ------------------------------------------
    stage = solve_stage_a(rnd, status, space, a_deadline - t0, mip_solver)
    out_a = stage.outcome
    stats["stage_a_columns"] = stage.columns
    stats["stage_a_seconds"] = time.perf_counter() - t0
    if out_a.status == "infeasible" or stage.final is None:
        return PricingRun(None, out_a, None, stats)
    plan_a, kept = _replan(rnd, status, space, stage.final, a_deadline, deadline, mip_solver, stats)
    if deadline - time.perf_counter() < STAGE_B_BUILD_SECONDS_PER_PERSON * rnd.n_people:
        stats[TIME_CUT] = 1.0  # no time left to build stage B's model: stage A's plan, "feasible"
        stats["stage_b_skipped"] = 1.0
        return PricingRun(plan_a, out_a, SolveOutcome("feasible", None, None, 0.0), stats)
    pm = _build_stage_b(rnd, status, space, plan_a, kept, stats)
    # ---- stage B: level 3, then 4, with Φ fixed -----------------------------------------------------
    say("solve-b")
    final, out_b = _stage_b(StageB(pm, plan_a, deadline, mip_solver, stats, say))
    return PricingRun(final, out_a, out_b, stats)


def _replan(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    plan_a: np.ndarray,
    a_deadline: float,
    deadline: float,
    mip_solver: str,
    stats: dict[str, float],
) -> tuple[np.ndarray, tuple[np.ndarray, int] | None]:
    """For a re-plan after review, stage A's plan with the fewest changes (:func:`_fewest_changes`) and
    the row that holds them in stage B (the people whose stay is no change, and how many of them stay);
    for a first plan, stage A's plan as it is."""
    keep = unchanged_stays(rnd)
    if keep is None:
        return plan_a, None
    plan_a = _fewest_changes(rnd, status, space, plan_a, keep, a_deadline, deadline, mip_solver, stats)
    return plan_a, (keep, unchanged_count(rnd, plan_a, keep))


def _build_stage_b(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    plan_a: np.ndarray,
    kept: tuple[np.ndarray, int] | None,
    stats: dict[str, float],
) -> PricingModel:
    """Stage B's model, levels 0–2 held at ``plan_a``'s values, with the moves of ``plan_a``."""
    t = time.perf_counter()
    reached = level_values(rnd, status, plan_a)
    pm = PricingModel(rnd, status, space, (reached[0], reached[1], reached[2]), kept)
    cur = pm.cur
    moved = np.flatnonzero((plan_a != cur) & (plan_a >= 0) & (status.kunci_pos == NO_LOCK))
    pm.add_columns(moved, plan_a[moved])
    stats["pricing_classes"] = pm.classes.count
    stats["stage_b_build_seconds"] = time.perf_counter() - t
    return pm


def _stage_b(b: StageB) -> tuple[np.ndarray, SolveOutcome]:
    """Level 3: column generation until the bound is close, then fix and solve (the support MIP when the
    fixing has no plan), again while the time limit cut column generation short; a plan within the
    acceptance ends stage B. Otherwise column generation to the end and the full MIP, with its proof."""
    while True:
        lp_status, lp_value, lp = _generate(b)
        if lp_value is None:
            break
        (st, obj, _), found = fix_and_solve(b, lp)
        if found is None and b.deadline - time.perf_counter() <= 0.1 * (b.deadline - b.t):
            b.stats[TIME_CUT] = 1.0  # no time left for the support MIP
        elif found is None:
            (st, obj, _), found = support_mip(b, lp)
        b.keep(st, obj, found)
        if b.best is not None and b.accepted(b.best[0]):
            return b.best_plan("optimal")
        left = b.deadline - time.perf_counter()
        if lp_status != "time":
            break  # converged (then the full MIP below)
        if left < 0.25 * (b.deadline - b.t):
            b.stats[TIME_CUT] = 1.0
            break  # out of time
    if lp_status == "time" and b.best is not None:  # out of time: the best plan found, with its bound
        return b.best_plan("feasible")
    if lp_status in ("bound", "time"):  # not good enough: finish column generation, then the MIP below
        lp_status, lp = _finish_generation(b)
        if b.best is not None and b.accepted(b.best[0]):
            # the tighter bound accepts the fix-and-solve plan: no MIP over every generated move
            # (measured, 20,000 people under the career path: the support MIP's plan 0.104 % from the
            # bound at hand-over; the MIP over 113,904 columns then took 106 s with CBC)
            return b.best_plan("optimal")
    return full_mip(b, lp_status, lp)


def _generate(b: StageB) -> tuple[str, float | None, LpSolution]:
    """Column generation until the bound is within ``CG_STOP_GAP`` of the LP, in ``CG_SHARE`` of the time
    left; the bound it reached improves ``b.bound_b``. Returns its status, the LP value and the LP."""
    pm, stats = b.pm, b.stats
    cg_deadline = time.perf_counter() + CG_SHARE * (b.deadline - time.perf_counter())
    t_cg = time.perf_counter()
    lp_status, lp_value, lower = generate_columns(pm, cg_deadline, stats, "stage_b", CG_STOP_GAP, b.say)
    if lp_status == "time":
        stats[TIME_CUT] = 1.0
    stats["stage_b_lp_seconds"] = stats.get("stage_b_lp_seconds", 0.0) + time.perf_counter() - t_cg
    if lower is not None:  # a Lagrangian bound holds whenever it was computed; keep the best
        b.bound_b = -lower if b.bound_b is None else min(b.bound_b, -lower)
    return lp_status, lp_value, pm.last_lp or pm.lp_solution()


def _finish_generation(b: StageB) -> tuple[str, LpSolution]:
    """Column generation to the LP's optimum, or until the bound accepts the best plan found, if it does
    before (measured, 20,000 people: the fix-and-solve plan 0.104 % from the bound at hand-over, accepted
    after further rounds). Returns its status and the LP."""
    pm, stats = b.pm, b.stats
    t_cg = time.perf_counter()
    target = b.best[0] if b.best is not None else None
    lp_status, _, lower = generate_columns(
        pm, b.deadline, stats, "stage_b", say=b.say,
        enough=None if target is None else (lambda low: -low + target <= STAGE_B_ACCEPT * max(1.0, -target)),
    )  # fmt: skip
    if lp_status == "time":
        stats[TIME_CUT] = 1.0
    stats["stage_b_lp_seconds"] += time.perf_counter() - t_cg
    if lower is not None:
        b.bound_b = -lower if lp_status == "optimal" or b.bound_b is None else min(b.bound_b, -lower)
    return lp_status, pm.last_lp or pm.lp_solution()
