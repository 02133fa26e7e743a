"""Reduced costs of stage B's moves from row duals, per pricing class: what pricing
(:func:`mutasi_cli.solve.column_generation.price`) and the Lagrangian bound
(:func:`mutasi_cli.solve.bounds.lagrangian_bound`) both read.

A move e → p enters the rows of position p (capacity, opens, Prioritas-1 and fill rows, the level-1 row:
:func:`position_duals`), the person's assignment row, the level-2 row when e is due, and, for a person named
in Relasi, the Relasi rows of p's unit (:func:`relasi_adjust`). People of one pricing class share their fit
vector over their group's positions (:class:`mutasi_cli.solve.stage_b_model._Classes`), so the values of a
chunk of them are one matrix: −(reduced cost) of every move without the person's own duals
(:func:`move_values`).

Sign convention: HiGHS minimises −Ψ (move columns cost ε − fit); a column's reduced cost is c_j − a_jᵀy
with the row duals y, so rc(e, p) = −(y_e + [e due]·y_level2 + values[e, p]).
"""

from __future__ import annotations

import numpy as np

from mutasi_cli.solve.stage_b_model import PricingModel

#: reduced costs are computed in matrices of about this many (person, position) entries
VALUE_CHUNK = 2_000_000

__all__ = ["VALUE_CHUNK", "move_values", "position_duals", "relasi_adjust", "values_at"]


def values_at(pm: PricingModel, y: np.ndarray):
    """:func:`move_values` at the row duals ``y``."""
    q = position_duals(pm, y)
    return move_values(pm, q, relasi_adjust(pm, y))


def position_duals(pm: PricingModel, duals: np.ndarray) -> np.ndarray:
    """Per position, the sum of the duals of the rows a move into it enters (capacity, opens,
    Prioritas-1 and fill rows, the level-1 row)."""
    q = np.zeros(pm.rnd.n_positions)
    for rows in (pm.cap_row, pm.open_row, pm.p1_row, pm.fill_row):
        has = rows >= 0
        q[has] += duals[rows[has]]
    q[pm.p1_direct] += duals[pm.l1_row]
    return q


def relasi_adjust(pm: PricingModel, y: np.ndarray) -> dict[int, np.ndarray]:
    """Per person named in Relasi and unit code, the sum of the duals of the Relasi rows a move of
    theirs into that unit enters."""
    out: dict[int, np.ndarray] = {}
    for e, by in pm.rel_rows.items():
        adj = np.zeros(pm.n_units)
        for w, rs in by.items():
            adj[w] = y[rs].sum()
        out[e] = adj
    return out


def move_values(pm: PricingModel, q: np.ndarray, adjust: dict[int, np.ndarray]):
    """Per group and chunk of its people: −(reduced cost) of each person's moves without their own
    duals (assignment, level 2), −∞ where the move does not exist (own position, Larangan)."""
    for blk in pm.classes.blocks:
        base = q[blk.positions] + pm.gain[blk.positions] - pm.eps
        units = pm.unit_code[blk.positions]
        for sl in blk.rows(VALUE_CHUNK):
            vals = blk.fit[blk.row[sl]] + base
            persons = blk.persons[sl]
            for i in np.flatnonzero(blk.solo[sl]).tolist():
                adj = adjust.get(int(persons[i]))
                if adj is not None:
                    vals[i] += adj[units]
            ci = blk.cur_index[sl]
            has = np.flatnonzero(ci >= 0)
            vals[has, ci[has]] = -np.inf
            for i in np.flatnonzero(pm.has_banned[persons]).tolist():
                banned = pm.banned_positions[int(persons[i])]
                at = np.searchsorted(blk.positions, banned)
                ok = at < len(blk.positions)
                vals[i, at[ok][blk.positions[at[ok]] == banned[ok]]] = -np.inf
            yield blk, sl, vals
