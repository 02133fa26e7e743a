"""Stage B's column generation: solve the LP relaxation of :class:`mutasi_cli.solve.stage_b_model.PricingModel`
(HiGHS, built from arrays), compute the reduced cost of every move left out (per pricing class,
:mod:`mutasi_cli.solve.reduced_costs`), add those that could improve the LP (:func:`price`), delete those far
from entering (:func:`purge`, ``PURGE_RC``), repeat (:func:`generate_columns`). After every LP the Lagrangian
bound (:func:`mutasi_cli.solve.bounds.lagrangian_bound`) bounds −Ψ over all moves; the loop stops when it
meets the LP value, or comes within the gap its caller asks for.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from mutasi_cli.solve import bounds
from mutasi_cli.solve.reduced_costs import values_at
from mutasi_cli.solve.solvers import SIMPLEX_DUAL, SIMPLEX_PRIMAL
from mutasi_cli.solve.stage_b_model import PricingModel
from mutasi_cli.support.messages import PROGRESS_ROUND, PROGRESS_ROUND_SCORE
from mutasi_cli.support.numbers import format_count, format_number

#: a move enters the model when its reduced cost is below −RC_TOL
RC_TOL = 1e-6
#: moves added per person and pricing round
PER_PERSON = 4
#: the LP is re-solved by primal simplex when fewer moves than this share of the people were added (dual
#: simplex re-walks the degenerate optimal face after any change: measured at 20,000 people, 1,952 moves
#: added: dual 20,127 iterations in 3.9 s, primal 1,508 in 1.2 s; but 22,247 moves added: primal 4.8 s
#: against dual 3.0 s)
PRIMAL_SHARE = 0.1
#: after each column-generation round, moves whose reduced cost exceeds this are deleted from the LP
PURGE_RC = 0.5
#: never let the reduced-cost argument add more moves than this in one go
MAX_PROOF_COLUMNS = 300_000

__all__ = [
    "MAX_PROOF_COLUMNS", "PER_PERSON", "PRIMAL_SHARE", "PURGE_RC", "RC_TOL", "choose_simplex",
    "generate_columns", "price", "progress_round", "purge",
]  # fmt: skip


def price(pm: PricingModel, duals: np.ndarray, threshold: float, per_person: int | None) -> int:
    """Add the moves left out whose reduced cost is below ``threshold`` (at most ``per_person`` each,
    best first; all of them when ``per_person`` is None). Returns the number added."""
    r = duals[: pm.rnd.n_people] + pm.due * duals[pm.l2_row]
    new_e: list[int] = []
    new_p: list[int] = []
    new_f: list[float] = []
    for blk, sl, vals in values_at(pm, duals):
        persons = blk.persons[sl]
        # rc(e, p) = −(r_e + vals_p) < threshold  ⇔  vals_p > −r_e − threshold
        need = -r[persons] - threshold
        hot = np.flatnonzero(vals.max(axis=1) > need)
        if not len(hot):
            continue
        width = len(blk.positions)
        k = width if per_person is None else min(width, per_person + 2)
        v = vals[hot]
        top = np.argpartition(-v, k - 1, axis=1)[:, :k] if k < width else np.argsort(-v, axis=1)
        top = np.take_along_axis(
            top, np.argsort(-np.take_along_axis(v, top, 1), axis=1, kind="stable"), 1
        )
        fit_rows = blk.fit[blk.row[sl][hot]]
        for i in range(len(hot)):
            e, bar, have = (
                int(persons[hot[i]]),
                float(need[hot[i]]),
                pm.in_model.get(int(persons[hot[i]]), ()),
            )
            order = top[i]
            for attempt in range(2):
                taken, full = 0, True
                for j in order.tolist():
                    if v[i, j] <= bar:
                        full = False
                        break
                    p = int(blk.positions[j])
                    if p in have:
                        continue
                    new_e.append(e)
                    new_p.append(p)
                    new_f.append(float(fit_rows[i, j]))
                    taken += 1
                    if per_person is not None and taken >= per_person:
                        full = False
                        break
                if not full or len(order) == width or attempt:
                    break
                # the best k were in the model already: look at every position (rare)
                del new_e[len(new_e) - taken :], new_p[len(new_p) - taken :], new_f[len(new_f) - taken :]
                order = np.argsort(-v[i], kind="stable")
            if per_person is None and len(new_e) > MAX_PROOF_COLUMNS:
                raise OverflowError("too many columns for the reduced-cost proof")
    return pm.add_columns(
        np.array(new_e, dtype=np.int64), np.array(new_p, dtype=np.int64), fit=np.array(new_f)
    )


def purge(pm: PricingModel, rc_min: float) -> int:
    """Delete the move columns whose reduced cost in the last LP (``last_lp``) exceeds ``rc_min``:
    nonbasic at 0, so the basis stays valid. Fixed moves and the moves of ``keep_plan`` stay. The
    others stay eligible: pricing adds any of them back when it prices out. Keeps the LP small
    (measured at 20,000 people: a dual simplex iteration costs 0.1 ms at 90k columns, 0.9 ms at
    480k). Returns the number deleted."""
    k = pm.n_cols
    lp = pm.last_lp
    if lp is None or len(lp.col_dual) != k:
        return 0
    drop = (lp.col_dual[pm.x_first :] > rc_min) & ~pm.x_fixed
    if pm.keep_plan is not None:
        drop &= pm.keep_plan[pm.xe] != pm.xp
    return pm.delete_moves(drop)


def choose_simplex(pm: PricingModel, added: int) -> None:
    """The next LP re-solve after ``added`` moves entered: primal simplex when few did
    (``PRIMAL_SHARE``), dual simplex otherwise."""
    few = added < PRIMAL_SHARE * pm.rnd.n_people
    pm.h.setOptionValue("simplex_strategy", SIMPLEX_PRIMAL if few else SIMPLEX_DUAL)


def progress_round(round_: int, columns: int, value: float, bound: float | None) -> str:
    """The terminal's line for a round of column generation, in plain words and Indonesian numbers:
    the moves weighed so far and, once a bound is known, the LP's value and the ceiling the bound puts
    on it (both negated: the model minimises)."""
    if bound is None:
        return PROGRESS_ROUND.format(round=round_, columns=format_count(columns))
    return PROGRESS_ROUND_SCORE.format(
        round=round_, columns=format_count(columns), value=format_number(value), bound=format_number(-bound)
    )


def generate_columns(
    pm: PricingModel,
    deadline: float,
    stats: dict[str, float],
    tag: str,
    stop_gap: float = 0.0,
    say: Callable[[str], None] | None = None,
    enough: Callable[[float], bool] | None = None,
) -> tuple[str, float | None, float | None]:
    """LP column generation until no move has a negative reduced cost ("optimal"), or until the
    Lagrangian bound is within ``stop_gap`` of the LP value, or ``enough(bound)`` says the bound already
    certifies the plan at hand ("bound"). Returns (status, LP value, best lower bound on −Ψ over all
    moves)."""
    pm.set_integrality(False)
    bound: float | None = None
    last_obj: float | None = None
    while True:
        st, obj, _ = pm.run(deadline - time.perf_counter())
        stats[f"{tag}_rounds"] = stats.get(f"{tag}_rounds", 0) + 1
        if st != "optimal" or obj is None:
            if last_obj is not None and st != "infeasible":  # cut off mid-LP: the last round's LP stands
                return "time", last_obj, bound
            return st, None, bound
        pm.last_lp, last_obj = pm.lp_solution(), obj
        duals = pm.last_lp.row_dual
        lagrange = bounds.lagrangian_bound(pm, duals)
        if lagrange is not None and (bound is None or lagrange > bound):
            bound = lagrange
        if say is not None:
            say("detail:" + progress_round(int(stats[f"{tag}_rounds"]), pm.n_cols - pm.x_first, -obj, bound))
        if time.perf_counter() > deadline:
            return "time", obj, bound
        if bound is not None and obj - bound <= 1e-9 * max(1.0, abs(obj)):
            return "optimal", obj, obj  # the bound meets the LP: no move left out can improve it
        if bound is not None and obj - bound <= stop_gap * max(1.0, abs(obj)):
            return "bound", obj, bound
        if bound is not None and enough is not None and enough(bound):
            return "bound", obj, bound
        stats[f"{tag}_purged"] = stats.get(f"{tag}_purged", 0) + purge(pm, PURGE_RC)
        added = price(pm, duals, -RC_TOL, PER_PERSON)
        choose_simplex(pm, added)
        if added == 0:
            return "optimal", obj, obj  # no move left out can improve the LP: its value is a bound
