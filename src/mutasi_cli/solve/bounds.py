"""Stage B's bound over *all* moves: the Lagrangian bound of :func:`lagrangian_bound`.

After every LP of column generation the bound relaxes every row but the assignment rows with the LP's
duals and takes each person's best move over *all* moves (priced per class,
:mod:`mutasi_cli.solve.reduced_costs`): a valid bound at every round, equal to the LP value once no move
prices out. Column generation (:func:`mutasi_cli.solve.column_generation.generate_columns`) stops when the
two are within the gap its caller asks for; the plans of :mod:`mutasi_cli.solve.mip_steps` are accepted
against it.

Signs: the model minimises −Ψ, so the bound is a *lower* bound on −Ψ (an upper bound on Ψ, once negated).
"""

from __future__ import annotations

import numpy as np

from mutasi_cli.solve.reduced_costs import values_at
from mutasi_cli.solve.stage_b_model import PricingModel

__all__ = ["lagrangian_bound"]


def lagrangian_bound(pm: PricingModel, y: np.ndarray) -> float | None:
    """A lower bound on −Ψ over *every* move from any row duals ``y`` of the right signs: relax every
    row except the assignment rows into the objective,

        L(y) = Σ_i y_i·b_i + Σ_{z,f,g} min over the column's box of d_j·x_j + Σ_e min_{columns j of e} d_j,

    with d_j = c_j − a_jᵀy over the relaxed rows and b_i the row's bound that y_i's sign selects. The
    minimum per person runs over all their moves, priced per class as in
    :func:`mutasi_cli.solve.column_generation.price` (a column forced to 1, a Kunci move or a fixed
    stay, is the person's only choice). With the LP's duals at the end of column generation, L equals
    the LP value; before it, L lets column generation stop as soon as the bound is good enough. None
    if ``y`` does not give a finite bound."""
    y = np.asarray(y, dtype=np.float64).copy()
    n = pm.rnd.n_people
    y[np.abs(y) < 1e-9] = 0.0
    yo, lo, hi = y[n:], pm.row_lo[n:], pm.row_hi[n:]
    # a dual of the wrong sign (simplex noise, ~1e-8) is taken as 0 in the rows' term; the columns'
    # terms still carry it, which costs at most |y_i|·max|a_i x| with |a_i x| ≤ ACTIVITY
    wrong = ((yo > 0) & ~np.isfinite(lo)) | ((yo < 0) & ~np.isfinite(hi))
    if np.abs(yo[wrong]).sum() > 1e-4:
        return None
    up, down = (yo > 0) & ~wrong, (yo < 0) & ~wrong
    total = float(yo[up] @ lo[up] + yo[down] @ hi[down]) - float(np.abs(yo[wrong]).sum()) * pm.activity
    # reduced costs of the columns built with the model (static ones and Kunci moves)
    rows, cols, vals = pm.static_entries
    d0 = pm.static_cost - np.bincount(cols, weights=vals * y[rows], minlength=len(pm.static_cost))
    lo0, hi0 = pm.static_lo, pm.static_hi
    for col_of in (pm.z_col, pm.f_col, pm.g_col):
        c = col_of[col_of >= 0]
        total += float(np.minimum(d0[c] * lo0[c], d0[c] * hi0[c]).sum())
    # per person: stay (or tidak tertampung), else the best move over all moves
    own = np.where(pm.s_col >= 0, pm.s_col, pm.u_col)
    best = np.where(hi0[own] > 0.5, d0[own], np.inf)
    for blk, sl, vals in values_at(pm, y):
        persons = blk.persons[sl]
        d_best = -(vals.max(axis=1) + pm.due[persons] * y[pm.l2_row])
        best[persons] = np.minimum(best[persons], d_best)
    # a column forced to 1 is the person's only choice
    owner = np.concatenate([np.arange(n), pm.xe[: len(lo0) - pm.x_first]])
    own_col = np.concatenate([own, np.arange(pm.x_first, len(lo0))])
    is_forced = lo0[own_col] > 0.5
    best[owner[is_forced]] = d0[own_col[is_forced]]
    if not np.all(np.isfinite(best)):
        return None
    return total + float(best.sum())
