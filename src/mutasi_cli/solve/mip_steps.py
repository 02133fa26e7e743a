"""Stage B's plans: the MIP steps over the moves column generation found, each judged against the bound
over *all* moves (:func:`mutasi_cli.solve.bounds.lagrangian_bound`).

First *fix and solve* (:func:`fix_and_solve`): the integer columns at 1 in the LP are fixed and a MIP
decides the fractional rest; accepted when within ``STAGE_B_ACCEPT`` of the bound. When the fixing leaves
no integer plan, the *support MIP* (:func:`support_mip`) over the moves the LP uses instead. Otherwise
column generation runs to the end and the MIP runs over the generated moves, first over the LP's support
(:func:`full_mip`); if still not within the acceptance, every move whose reduced cost is small enough to
matter (``rc ≤ bound − plan``) is added and the MIP solved again, so that its own bound holds for all moves
(:func:`prove_by_reduced_costs`).

The steps share a :class:`StageB`: the model, the clock, the best plan found and the best bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mutasi_cli.solve.column_generation import price
from mutasi_cli.solve.solvers import SolveOutcome
from mutasi_cli.solve.stage_b_model import LpSolution, PricingModel
from mutasi_cli.solve.verify import level_values
from mutasi_cli.support.messages import PROGRESS_FIX

#: relative gap at which the level-3 MIP stops
STAGE_B_GAP = 5e-4
#: level 3 is accepted when within this share of a bound valid for all moves (issue #3: 0.1 %)
STAGE_B_ACCEPT = 1e-3
#: the solver of stage B's fix-and-solve and support MIPs (the MIP over every generated move uses the
#: round's solver)
SMALL_MIP_SOLVER = "highs"
#: the stats key set when the time limit (or a share of it) cut a step of stage B short
TIME_CUT = "time_cut"

__all__ = [
    "SMALL_MIP_SOLVER", "STAGE_B_ACCEPT", "STAGE_B_GAP", "TIME_CUT", "StageB", "fix_and_solve", "full_mip",
    "prove_by_reduced_costs", "support_mip",
]  # fmt: skip

#: a MIP run: (status, objective, bound), in the minimisation sense (objective −Ψ)
MipRun = tuple[str, float | None, float | None]


@dataclass
class StageB:
    """What stage B's steps share. ``bound_b`` is the best bound on Ψ over all moves (the negated
    Lagrangian bound), ``best`` the best plan of fix and solve as (−Ψ, plan), ``current`` the plan the
    MIPs start from (its moves stay in the model, ``pm.keep_plan``), ``t`` when stage B started."""

    pm: PricingModel
    plan_a: np.ndarray  # stage A's plan (the fewest changes, in a re-plan): the first start and fallback
    deadline: float
    mip_solver: str  # the round's solver, for the MIP over every generated move
    stats: dict[str, float]
    say: Callable[[str], None]
    bound_b: float | None = None
    best: tuple[float, np.ndarray] | None = None
    t: float = field(init=False)
    current: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.t = time.perf_counter()
        self.pm.values_override = None
        self.current = self.plan_a
        self.pm.keep_plan = self.current

    def mip(self, start: np.ndarray | None, solver: str | None = None) -> MipRun:
        """The level-3 MIP over the columns now open, from ``start``, by ``solver`` (the round's by
        default) until the deadline; a run the time limit stopped sets ``TIME_CUT``."""
        pm = self.pm
        found = pm.run_mip(
            self.mip_solver if solver is None else solver,
            self.deadline - time.perf_counter(),
            abs_gap=0.0,
            rel_gap=STAGE_B_GAP,
            start=start,
        )
        if found[0] not in ("optimal", "infeasible"):  # the time limit stopped it
            self.stats[TIME_CUT] = 1.0
        return found

    def accepted(self, value: float | None) -> bool:
        """Whether a plan of objective ``value`` (−Ψ) is within ``STAGE_B_ACCEPT`` of the bound."""
        return (
            value is not None
            and self.bound_b is not None
            and self.bound_b + value <= STAGE_B_ACCEPT * max(1.0, -value)
        )

    def keep(self, st: str, obj: float | None, found: np.ndarray | None) -> None:
        """Keep the plan of a fix-and-solve or support MIP when it is the best so far; the best plan is
        then the MIPs' start."""
        if found is not None and obj is not None and st in ("optimal", "feasible"):
            if self.best is None or obj < self.best[0]:
                self.best = (float(obj), found)
            self.current = self.best[1]
            self.pm.keep_plan = self.current

    def best_plan(self, status: str) -> tuple[np.ndarray, SolveOutcome]:
        """Stage B's result: the best fix-and-solve plan, with the bound."""
        assert self.best is not None
        pm = self.pm
        self.stats["stage_b_columns"] = pm.n_cols - pm.x_first
        return self.best[1], SolveOutcome(status, -self.best[0], self.bound_b, time.perf_counter() - self.t)


def fix_and_solve(b: StageB, lp: LpSolution) -> tuple[MipRun, np.ndarray | None]:
    """The LP's ones fixed (:meth:`PricingModel.fix_lp_ones`), the MIP decides the fractional rest; measured
    at 5,000 people: 3–7 s, 0.025 % from the bound, against 18 s for the MIP over every generated move.
    Returns the MIP run and its plan (None when the fixing left none)."""
    pm, stats = b.pm, b.stats
    t_fix = time.perf_counter()
    stats["stage_b_fixed"] = pm.fix_lp_ones(lp.col_value)
    b.say("detail:" + PROGRESS_FIX)
    # the moves the LP neither uses nor prices within RC_KEEP are closed too, so that the MIP is over
    # the fractional rest only: CBC reads the model through PuLP, whose cost is per column, and HiGHS
    # overran its time limit by over 5 minutes on this MIP with all 440k columns at 50,000 people
    closed = pm.narrow_to_lp_support(lp, b.current, fixing=True)
    # the small MIPs of fix and solve in HiGHS, whatever the solver of the large ones: measured on
    # the model in HiGHS already, no MPS round trip (20,000 people: 0.19 s and 3.2 s against CBC's
    # 2.8 s and 7.3 s; 50,000 people, an infeasible fixing: 1.5 s against 17.8 s)
    run = b.mip(None, SMALL_MIP_SOLVER)
    pm.unfix()
    if closed:
        pm.widen()
    stats["stage_b_fix_seconds"] = stats.get("stage_b_fix_seconds", 0.0) + time.perf_counter() - t_fix
    found = pm.plan_from(pm.column_values()) if run[1] is not None else None
    return run, found


def support_mip(b: StageB, lp: LpSolution) -> tuple[MipRun, np.ndarray | None]:
    """When the fixed ones leave the rest without an integer completion (the levels' rows): the MIP over
    the moves the LP uses and those of the current plan (its start) instead. Only those: the LP is
    degenerate, and with every move of reduced cost 0 this MIP took 234 s at 20,000 people. Returns the
    MIP run and its plan."""
    pm, stats = b.pm, b.stats
    t_support = time.perf_counter()
    narrowed = pm.narrow_to_lp_support(lp, b.current, rc_keep=-np.inf)
    run = b.mip(b.current, SMALL_MIP_SOLVER)
    pm.widen()
    stats["stage_b_support_mip_seconds"] = time.perf_counter() - t_support
    stats["stage_b_support_mip_columns"] = pm.n_cols - pm.x_first - narrowed
    found = pm.plan_from(pm.column_values()) if run[1] is not None else None
    return run, found


def full_mip(b: StageB, lp_status: str, lp: LpSolution) -> tuple[np.ndarray, SolveOutcome]:
    """The level-3 MIP over the generated moves, after column generation ended with ``lp_status``: over the
    LP's support first when the LP is at its optimum, over every generated move when that plan misses the
    acceptance; then, when the bound over all moves does not accept its plan, the proof by reduced costs.
    Returns stage B's plan and outcome."""
    pm, stats, bound_b = b.pm, b.stats, b.bound_b
    lp_duals = lp.row_dual if lp_status == "optimal" else None
    narrowed = pm.narrow_to_lp_support(lp, b.current) if lp_duals is not None else 0
    stats["stage_b_mip_columns"] = pm.n_cols - pm.x_first - narrowed
    st, obj, mip_bound = b.mip(b.current)
    if narrowed and (obj is None or bound_b is None or bound_b + obj > STAGE_B_ACCEPT * max(1.0, -obj)):
        pm.widen()  # the narrow MIP missed the acceptance: try again over every generated move
        again = pm.plan_from(pm.column_values()) if obj is not None else None
        st, obj, mip_bound = b.mip(again if again is not None else b.plan_a)
    elif narrowed:
        mip_bound = None  # the narrow MIP's bound is not a bound over all moves
    complete = False
    if obj is not None and bound_b is not None and bound_b + obj <= STAGE_B_ACCEPT * max(1.0, -obj):
        complete, mip_bound = True, None  # the LP bound over all moves already certifies the gap
    elif obj is not None and bound_b is not None and lp_duals is not None:
        (st, obj, mip_bound), complete = prove_by_reduced_costs(b, lp_duals, (st, obj, mip_bound))
    return _outcome(b, (st, obj, mip_bound), complete)


def prove_by_reduced_costs(b: StageB, lp_duals: np.ndarray, run: MipRun) -> tuple[MipRun, bool]:
    """Moves left out can improve the plan of ``run`` only if rc ≤ (LP bound − plan): add them, then the
    MIP's own bound holds for all moves (the MIP runs again when any were added). Returns the MIP run and
    whether the proof is complete (it is not when more than ``MAX_PROOF_COLUMNS`` moves would enter)."""
    pm = b.pm
    st, obj, mip_bound = run
    assert obj is not None and b.bound_b is not None
    try:
        added = price(pm, lp_duals, (b.bound_b + obj) + 1e-6, None)
    except OverflowError:
        added = -1
    b.stats["stage_b_proof_columns"] = added
    if added > 0:
        again = pm.plan_from(pm.column_values())
        st, obj, mip_bound = b.mip(again if again is not None else b.plan_a)
    return (st, obj, mip_bound), added >= 0


def _outcome(b: StageB, run: MipRun, complete: bool) -> tuple[np.ndarray, SolveOutcome]:
    """Stage B's plan and outcome after the full MIP: "optimal" when the proof is ``complete``, the MIP
    optimal and its plan within ``STAGE_B_ACCEPT`` of the bound (the MIP's own bound counts once
    ``complete``); without a plan, the best fix-and-solve plan (or stage A's) stands with the bound."""
    pm, bound_b = b.pm, b.bound_b
    st, obj, mip_bound = run
    b.stats["stage_b_columns"] = pm.n_cols - pm.x_first
    final = pm.plan_from(pm.column_values()) if obj is not None else None
    if obj is None or final is None:  # stage A's plan stands; its level 3 against the bound still tells the gap
        fallback = b.best[1] if b.best is not None else b.plan_a
        reached_b = level_values(pm.rnd, pm.status, fallback)
        psi_a = reached_b[3] - pm.eps * reached_b[4]
        return fallback, SolveOutcome("feasible", psi_a, bound_b, time.perf_counter() - b.t)
    psi = -obj
    bound = bound_b
    if complete and mip_bound is not None and np.isfinite(mip_bound):
        bound = min(bound_b, -mip_bound) if bound_b is not None else -mip_bound
    within = (
        complete
        and st == "optimal"
        and bound is not None
        and bound - psi <= STAGE_B_ACCEPT * max(1.0, abs(psi))
    )
    return final, SolveOutcome("optimal" if within else "feasible", psi, bound, time.perf_counter() - b.t)
