"""Plan a round: candidates → model → two solver stages → checked plan. The library's main entry.

Stage A maximises levels 0–2 in one integral objective Φ whose weights make it exactly lexicographic
(:func:`mutasi_cli.solve.model.define_stage_values`), solved with an absolute gap below 1, so "optimal" means
levels 0–2 are proven optimal. Stage B fixes Φ and maximises level 3 with level 4 as a tie-breaker,
starting from stage A's plan. Two routes: "pricing" (:mod:`mutasi_cli.solve.aggregate` for stage A,
:mod:`mutasi_cli.solve.pricing` for stage B) and "direct" (:mod:`mutasi_cli.solve.model`, one PuLP variable per move).
Every plan a solver returns is re-checked by :mod:`mutasi_cli.solve.verify` before it is used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules.eligibility import PersonStatus, person_status
from mutasi_cli.solve import model as model_mod
from mutasi_cli.solve.candidates import Candidates, CandidateSpace, candidate_space
from mutasi_cli.solve.diagnose import diagnose_infeasible
from mutasi_cli.solve.solvers import SolveOutcome, can_start, solve, solver_version
from mutasi_cli.solve.verify import UNPLACED, level_values, plan_from_solution, violations
from mutasi_cli.support.runtime import TimeUp, plan_deadline

#: relative gap at which stage B (level 3) stops
STAGE_B_REL_GAP = 1e-4
#: share of the time limit stage A may use when it cannot prove optimality sooner
STAGE_A_SHARE = 0.7
#: handing the direct model to a solver (PuLP writes an MPS file for CBC, adds HiGHS' columns one by
#: one), as a multiple of the time building it took: both are PuLP loops over every move (measured at
#: 1,200, 3,000 and 5,000 people: 1.1, 1.2 and 1.4), so the first solve knows whether it can start
EXPORT_PER_BUILD = 1.5
#: seconds writing the workbook takes per person, kept from the time limit so that the plan and its
#: workbook fit in it (``--time-limit`` counts writing too). Measured: 1.1 s at 5,000 people (1,713
#: moves), 2.4 s at 20,000 (the fallback, no moves), about 4.4 s at 20,000 with 6,865 moves
WRITE_SECONDS_PER_PERSON = 2.5e-4
#: the least time worth starting the solver stages with (seconds); with less the fallback is the plan
MIN_STAGE_SECONDS = 0.25
#: building the direct model, seconds per candidate move, on the low side (measured 5.5, 7.7 and 8.4 µs
#: at 1,200, 3,000 and 5,000 people): with less time left than the whole model takes, the direct route
#: does not start building (materialising the moves alone took 4 s and 1.7 GB at 20,000 people)
BUILD_SECONDS_PER_PAIR = 4e-6

Progress = Callable[[str], None]
#: the stats key set when the time limit left only the everyone-stays plan for levels 0–2
FALLBACK = "fallback"


@dataclass
class PlanResult:
    status: str  # "optimal" | "feasible" | "infeasible"
    final: np.ndarray  # position per person, UNPLACED (-1) for tidak tertampung
    person_status: PersonStatus
    space: CandidateSpace
    levels: dict[int, int]
    stage_a: SolveOutcome | None
    stage_b: SolveOutcome | None
    weights: tuple[int, int, int]
    solver: str
    solver_version: str
    turnover_caps: dict[str, int]
    route: str = "pricing"
    timings: dict[str, float] = field(default_factory=dict)
    stats: dict[str, float] = field(default_factory=dict)
    message: str | None = None

    @property
    def moved(self) -> np.ndarray:
        cur = self.space.rnd.people["pos"].to_numpy()
        return (self.final != cur) & (self.final != UNPLACED)

    @property
    def gap(self) -> float | None:
        """Relative gap of level 3 (stage B), or of stage A when that was not proven."""
        for out in (self.stage_a, self.stage_b) if self.stage_a_gap else (self.stage_b,):
            if out is not None and out.objective is not None and out.bound is not None:
                return abs(out.bound - out.objective) / max(1.0, abs(out.objective))
        return None

    @property
    def fallback(self) -> bool:
        """The time limit left only the everyone-stays plan (Kunci made, Dihapus incumbents unplaced) for
        levels 0–2 (CONTRACT.md ``--json`` ``fallback``)."""
        return self.status == "feasible" and bool(self.stats.get(FALLBACK))

    @property
    def stage_a_gap(self) -> bool:
        return self.stage_a is not None and self.stage_a.status != "optimal"


def plan(
    rnd: Round,
    *,
    solver: str = "cbc",
    time_limit: float = 300.0,
    route: str = "pricing",
    progress: Progress | None = None,
    reserve: float | None = None,
) -> PlanResult:
    """Plan a round. ``route`` "pricing" (default) solves over a proven-sufficient subset of the moves
    (:mod:`mutasi_cli.solve.pricing`); "direct" builds one PuLP variable per allowed move.

    ``time_limit`` counts writing the workbook afterwards: ``reserve`` seconds of it (by default
    :func:`write_reserve`) are kept for that, so the solvers stop that much earlier. Every solver run
    ends by the deadline (:func:`mutasi_cli.support.runtime.plan_deadline`)."""
    say = progress or (lambda _msg: None)
    t0 = time.perf_counter()
    keep = write_reserve(rnd) if reserve is None else reserve
    deadline = t0 + max(0.0, time_limit - keep)
    status = person_status(rnd)
    say("candidates")
    space = candidate_space(rnd, status)
    timings = {"candidates": time.perf_counter() - t0}
    weights = model_mod.lexicographic_weights(rnd, status)
    caps = model_mod.turnover_caps(rnd)
    with plan_deadline(deadline):  # no solver run of this plan goes past it, whatever its caller asks
        if route == "direct":
            st, final, a, b, stats = _plan_direct(rnd, status, space, solver, deadline, timings, say)
        else:
            st, final, a, b, stats = _plan_pricing(rnd, status, space, solver, deadline, timings, say)
    if route == "direct":
        version = solver_version(solver)
    else:
        version = solver_version("highs") + (f" + {solver_version('cbc')}" if solver == "cbc" else "")
    message = diagnose_infeasible(rnd, status) if st == "infeasible" else None
    return PlanResult(
        st, final, status, space, level_values(rnd, status, final), a, b, weights, solver, version, caps,
        route, timings, stats, message,
    )  # fmt: skip


def write_reserve(rnd: Round) -> float:
    """Seconds to keep from the time limit for writing the plan's workbook (:data:`WRITE_SECONDS_PER_PERSON`)."""
    return WRITE_SECONDS_PER_PERSON * rnd.n_people


def _fallback(rnd: Round, status: PersonStatus, out_a: SolveOutcome):
    """No usable stage-A plan: the trivial one if it is valid, else infeasible."""
    cur = rnd.people["pos"].to_numpy()
    plan_a = _trivial_plan(rnd, status)
    if violations(rnd, status, plan_a):
        return "infeasible", cur.copy(), out_a
    return "feasible", plan_a, SolveOutcome("feasible", None, out_a.bound, out_a.seconds)


def _plan_pricing(rnd, status, space, solver, deadline, timings, say):
    from mutasi_cli.solve.pricing import solve_pricing

    t = time.perf_counter()
    if deadline - t < MIN_STAGE_SECONDS:  # reading and checking took the time: no solver can start
        timings["model+solve"] = 0.0
        st, final, out_a = _fallback(rnd, status, SolveOutcome("no-solution", None, None, 0.0))
        return st, final, out_a, None, {} if st == "infeasible" else {FALLBACK: 1.0}
    say("solve-a")
    run = solve_pricing(rnd, status, space, deadline, mip_solver=solver, progress=say)
    timings["model+solve"] = time.perf_counter() - t
    cur = rnd.people["pos"].to_numpy()
    if run.stage_a.status == "infeasible":
        return "infeasible", cur.copy(), run.stage_a, None, run.stats
    plan_a_ok = run.final is not None and not violations(rnd, status, run.final)
    if not plan_a_ok:
        st, final, out_a = _fallback(rnd, status, run.stage_a)
        return st, final, out_a, run.stage_b, run.stats | {FALLBACK: 1.0}
    st = (
        "optimal"
        if run.stage_a.status == "optimal" and run.stage_b and run.stage_b.status == "optimal"
        else "feasible"
    )
    return st, run.final, run.stage_a, run.stage_b, run.stats


def _plan_direct(rnd, status, space, solver, deadline, timings, say):
    """Stage A then stage B on one PuLP model of every allowed move, all within ``deadline``: building
    stops when the time runs out (the everyone-stays fallback is then the plan), each solve starts only
    when it can write its model and run (:func:`mutasi_cli.solve.solvers.solve`), and stage B is skipped when
    too little is left to hand the model over again."""
    t = time.perf_counter()
    pairs = space.n_pairs
    if deadline - t < max(MIN_STAGE_SECONDS, BUILD_SECONDS_PER_PAIR * pairs):  # no model in the time left
        return _direct_time_up(rnd, status, pairs)
    say("model")
    cand = space.materialize()
    try:
        model = model_mod.build(rnd, status, cand, deadline=deadline)
    except TimeUp:
        timings["model"] = time.perf_counter() - t
        return _direct_time_up(rnd, status, len(cand))
    build_seconds = time.perf_counter() - t
    timings["model"] = build_seconds
    t = time.perf_counter()
    say("solve-a")
    prob = model.prob
    prob.setObjective(model_mod.stage_a_objective(model))
    share = (deadline - time.perf_counter()) * STAGE_A_SHARE
    estimate = EXPORT_PER_BUILD * build_seconds
    out_a = solve(prob, solver, share, abs_gap=0.999, export_seconds=estimate)
    if out_a.status == "infeasible":
        timings["solve"] = time.perf_counter() - t
        return "infeasible", rnd.people["pos"].to_numpy().copy(), out_a, None, {}
    plan_a = _extract(model, cand, rnd) if out_a.has_solution else None
    stats: dict[str, float] = {"columns": len(cand)}
    if plan_a is None or violations(rnd, status, plan_a):
        stats[FALLBACK] = 1.0
        st, plan_a, out_a = _fallback(rnd, status, out_a)
        if st == "infeasible":
            timings["solve"] = time.perf_counter() - t
            return st, plan_a, out_a, None, {}
    phi = _stage_a_value(model, level_values(rnd, status, plan_a))
    if out_a.objective is None:
        out_a.objective = float(phi)
    if not can_start(prob, deadline - time.perf_counter()):
        timings["solve"] = time.perf_counter() - t
        return "feasible", plan_a, out_a, SolveOutcome("feasible", None, None, 0.0), stats
    prob += (model_mod.stage_a_objective(model) >= phi, "fix_levels_0_2")
    keep = model_mod.unchanged_stays(rnd)
    if keep is not None:  # a re-plan after review: the fewest changes to it, levels 0–2 held
        plan_a, proven = _fewest_changes(model, cand, rnd, status, plan_a, keep, solver, deadline, stats)
        if not proven:
            out_a = SolveOutcome("feasible", out_a.objective, out_a.bound, out_a.seconds)
        if not can_start(prob, deadline - time.perf_counter()):
            timings["solve"] = time.perf_counter() - t
            return "feasible", plan_a, out_a, SolveOutcome("feasible", None, None, 0.0), stats
    say("solve-b")
    prob.setObjective(model_mod.stage_b_objective(model))
    _set_start(model, cand, rnd, plan_a)
    out_b = solve(prob, solver, deadline - time.perf_counter(), rel_gap=STAGE_B_REL_GAP, warm_start=True)
    final = plan_a
    if out_b.has_solution:
        plan_b = _extract(model, cand, rnd)
        if plan_b is not None and not violations(rnd, status, plan_b):
            final = plan_b
    if final is plan_a:
        kept = "feasible" if out_b.status != "infeasible" else out_b.status
        out_b = SolveOutcome(kept, None, out_b.bound, out_b.seconds)
    timings["solve"] = time.perf_counter() - t
    st = "optimal" if out_a.status == "optimal" and out_b.status == "optimal" else "feasible"
    return st, final, out_a, out_b, stats


def _fewest_changes(model, cand, rnd, status, plan_a, keep, solver, deadline, stats):
    """Maximise the stays of ``keep`` (:func:`mutasi_cli.solve.model.unchanged_stays`) with Φ held, then hold
    that count too: (the plan, whether it is proven). Stage A's plan stands if no better one is found."""
    prob = model.prob
    stays = model_mod.keep_expression(model, keep)
    prob.setObjective(stays)
    _set_start(model, cand, rnd, plan_a)
    t = time.perf_counter()
    out = solve(prob, solver, (deadline - t) * STAGE_A_SHARE, abs_gap=0.999, warm_start=True)
    stats["review_seconds"] = time.perf_counter() - t
    final = plan_a
    if out.has_solution:
        found = _extract(model, cand, rnd)
        if found is not None and not violations(rnd, status, found):
            if model_mod.unchanged_count(rnd, found, keep) >= model_mod.unchanged_count(rnd, plan_a, keep):
                final = found
    prob += (stays >= model_mod.unchanged_count(rnd, final, keep), "fix_changes")
    return final, out.status == "optimal" and final is not plan_a


def _direct_time_up(rnd: Round, status: PersonStatus, columns: int | None):
    """The time limit ran out before the direct model was built: the everyone-stays fallback."""
    st, final, out_a = _fallback(rnd, status, SolveOutcome("no-solution", None, None, 0.0))
    if st == "infeasible":
        return st, final, out_a, None, {}
    stats = {FALLBACK: 1.0} | ({} if columns is None else {"columns": float(columns)})
    return st, final, out_a, None, stats


def _stage_a_value(model: model_mod.Model, levels: dict[int, int]) -> int:
    w0, w1, w2 = model.weights
    return -w0 * levels[0] + w1 * levels[1] + w2 * levels[2]


def _extract(model: model_mod.Model, cand: Candidates, rnd: Round) -> np.ndarray | None:
    """The plan in the solver's values, or None when they are not a clean 0/1 assignment."""
    xv = np.array([v.varValue if v.varValue is not None else 0.0 for v in model.x])
    unplaced = np.array([e for e, v in model.u.items() if (v.varValue or 0.0) > 0.5], dtype=np.int64)
    return plan_from_solution(rnd.people["pos"].to_numpy(), cand.person, cand.position, xv, unplaced)


def _trivial_plan(rnd: Round, status: PersonStatus) -> np.ndarray:
    """Everyone stays, Kunci moves made, Dihapus incumbents tidak tertampung (valid without Kunci)."""
    final = rnd.people["pos"].to_numpy().copy()
    final[status.dihapus] = UNPLACED
    locked = status.kunci_pos >= 0
    final[locked] = status.kunci_pos[locked]
    return final


def _set_start(model: model_mod.Model, cand: Candidates, rnd: Round, final: np.ndarray) -> None:
    """Load a plan into the variables as the solver's starting solution."""
    cur = rnd.people["pos"].to_numpy()
    chosen = final[cand.person] == cand.position
    for k, v in enumerate(model.x):
        v.setInitialValue(1 if chosen[k] else 0)
    for e, v in model.s.items():
        v.setInitialValue(1 if final[e] == cur[e] else 0)
    for e, v in model.u.items():
        v.setInitialValue(1 if final[e] == UNPLACED else 0)


__all__ = ["PlanResult", "plan"]
