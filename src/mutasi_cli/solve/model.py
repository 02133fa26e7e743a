"""The integer programme, in PuLP: one small ``define_*`` function per rule family.

Notation: E people, P positions, K candidate moves k = (e_k, p_k).
Variables: ``x[k]`` ∈ {0,1} move k is made; ``s[e]`` ∈ {0,1} person e stays (fixed to 1 for people
rules 1–3 or Kunci TETAP hold in place); ``u[e]`` ∈ {0,1} incumbent e of a Dihapus position is left
*tidak tertampung*; ``f[p]`` ∈ [0, Formasi_p] filled places of a Prioritas-1 position; ``g[p]`` the same
for Prioritas-2/3 positions (scored at level 3); ``z[p]`` ∈ {0,1} an overstaffed position takes newcomers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pulp

from mutasi_cli.inputs.data import TETAP, Round
from mutasi_cli.rules.eligibility import NO_LOCK, PersonStatus
from mutasi_cli.rules.scoring import fill_weight
from mutasi_cli.solve import rows as R
from mutasi_cli.solve.candidates import Candidates
from mutasi_cli.solve.rows import moves_into_units, relation_rows
from mutasi_cli.support.runtime import check_deadline

#: items (variables, positions) built between two looks at the deadline: about 20 ms of PuLP work
_CHECK_EVERY = 10_000


@dataclass
class Model:
    prob: pulp.LpProblem
    x: list[pulp.LpVariable]
    s: dict[int, pulp.LpVariable]
    u: dict[int, pulp.LpVariable]
    levels: dict[int, pulp.LpAffineExpression]
    #: lexicographic weights of levels 0–2 in the stage-A objective (see :func:`stage_a_objective`)
    weights: tuple[int, int, int]
    turnover_caps: dict[str, int] = field(default_factory=dict)
    #: Φ, the lexicographic value of levels 0–2, and Ψ, level 3 with level 4 as tie-breaker
    phi: pulp.LpVariable | None = None
    psi: pulp.LpVariable | None = None


def turnover_caps(rnd: Round) -> dict[str, int]:
    """ceil(perputaran_persen % × people in the unit), per unit that has people (CONTRACT.md "Limits of a
    plan"; 30 % by default, ``[aturan] perputaran_persen``). Integer arithmetic: no rounding surprises."""
    units = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    counts = pd.Series(units).value_counts()
    share = rnd.rules.perputaran_persen
    caps = {u: -(-share * int(n) // 100) for u, n in counts.items()}
    for u, n in approved_per_unit(rnd).items():
        caps[u] -= n  # what is left of the cap for the other movers (may go below 0: then infeasible)
    return caps


def approved_per_unit(rnd: Round) -> dict[str, int]:
    """The approved moves of a reviewed plan out of each unit, leaving Dihapus positions aside as the cap
    does (CONTRACT.md: approved moves count in the turnover cap like any move). The models hold these
    people as they hold Kunci people, outside the unit's free movers, so the cap the free movers share is
    the unit's cap less these moves."""
    review = rnd.review
    if review is None or not len(review.approved):
        return {}
    a = review.approved["person"].to_numpy()
    a = a[~np.isin(a, rnd.kunci["person"].to_numpy())]  # a Kunci move stays outside the cap
    cur = rnd.people["pos"].to_numpy()[a]
    aktif = rnd.positions["aktif"].to_numpy()[cur]
    units = rnd.positions["unit"].to_numpy()[cur[aktif]]
    return {str(u): int(n) for u, n in pd.Series(units).value_counts().items()}


def unchanged_stays(rnd: Round) -> np.ndarray | None:
    """For a re-plan after review, the people whose staying (s[e], or u[e] for an incumbent of a Dihapus
    position) keeps their outcome of the reviewed plan (:func:`mutasi_cli.review.replan.reference_plan`):
    everyone but the approved movers, whose move is fixed. The changes to the reviewed plan are then
    |U| − Σ_{e ∈ U} s[e], and "fewest changes" (between levels 2 and 3) is "most of these stay". None for
    a first plan."""
    review = rnd.review
    if review is None:
        return None
    keep = np.ones(rnd.n_people, dtype=bool)
    keep[review.approved["person"].to_numpy()] = False
    return keep


def lexicographic_weights(rnd: Round, status: PersonStatus) -> tuple[int, int, int]:
    """(w0, w1, w2) of Φ = −w0·L0 + w1·L1 + w2·L2: w1 = #due + 1 > max L2, w0 = (P1 places + 1)·w1."""
    w1 = int(status.due.sum()) + 1
    p1 = rnd.positions["aktif"] & (rnd.positions["prioritas"] == 1)
    return (int(rnd.positions.loc[p1, "formasi"].sum()) + 1) * w1, w1, 1


def build(rnd: Round, status: PersonStatus, cand: Candidates, deadline: float | None = None) -> Model:
    """The whole model. ``deadline`` (a ``time.perf_counter()`` instant): building stops with
    :class:`mutasi_cli.support.runtime.TimeUp` soon after it passes, since the time limit counts building too
    (8 s of PuLP objects at 5,000 people on the direct route, more than a short ``--time-limit``); the
    longest stretch without a look at the clock is one PuLP expression of every move (about 1 s there)."""
    prob = pulp.LpProblem("mutasi", pulp.LpMaximize)
    x, s, u = define_variables(prob, rnd, status, cand, deadline=deadline)
    check_deadline(deadline)
    per_person = _group_pairs(cand.person)
    define_assignment(prob, rnd, x, s, u, per_person)
    check_deadline(deadline)
    newcomers = _group_pairs(cand.position)
    occupancy = define_capacity(prob, rnd, status, x, s, newcomers, deadline=deadline)
    check_deadline(deadline)
    caps = turnover_caps(rnd)
    define_turnover(prob, rnd, status, s)
    define_relations(prob, rnd, cand, x, s)
    check_deadline(deadline)
    levels = define_levels(prob, rnd, status, cand, x, s, u, occupancy, deadline=deadline)
    check_deadline(deadline)
    model = Model(prob, x, s, u, levels, lexicographic_weights(rnd, status), caps)
    define_stage_values(model)
    check_deadline(deadline)
    return model


def _binary(prob: pulp.LpProblem, name: str, lo: int = 0, hi: int = 1) -> pulp.LpVariable:
    """A 0/1 variable with its own bounds. Not ``LpBinary``: PuLP writes that as ``BV`` in the MPS file,
    which resets the bounds to [0, 1] and silently drops a variable fixed by Kunci or by rules 1–3."""
    return prob.add_variable(name, lowBound=lo, upBound=hi, cat=pulp.LpInteger)


def stay_bounds(rnd: Round, status: PersonStatus) -> list[tuple[int, int]]:
    """(lower, upper) of s[e] for each person: fixed to 1 when rules 1–3 or Kunci TETAP hold them (or
    Kunci names their own position), to 0 when Kunci moves them, free otherwise. Incumbents of a Dihapus
    position have u[e] instead; their entry is (0, 1)."""
    cur = rnd.people["pos"].to_numpy()
    movable = status.movable  # (a property computed afresh at each call)
    out: list[tuple[int, int]] = []
    for e in range(rnd.n_people):
        lock = status.kunci_pos[e]
        if status.dihapus[e]:
            out.append((0, 1))
        elif lock == TETAP or lock == cur[e] or (lock == NO_LOCK and not movable[e]):
            out.append((1, 1))
        elif lock >= 0:
            out.append((0, 0))
        else:
            out.append((0, 1))
    return out


def held_incumbents(rnd: Round, status: PersonStatus) -> np.ndarray:
    """Per position, its incumbents held in place whatever the plan (stay fixed at 1: rules, Kunci
    TETAP). An over-filled position opens to newcomers only once enough incumbents leave, and these never
    do, so it takes at most ``formasi − held`` newcomers: the row N_p ≤ (F_p − h_p)·z_p is the convex hull
    of {z = 0: N = 0} ∪ {z = 1: N + S ≤ F, S ≥ h}, where the coefficient F_p alone let the LP place a
    fraction of a person at a position whose incumbents cannot leave (measured, 5,000 people under the
    career path: LP 0.75 places above the integer optimum, four stage-A MIPs, 19.5 s with CBC)."""
    fixed = np.array([lo == 1 for lo, _hi in stay_bounds(rnd, status)], dtype=bool)
    cur = rnd.people["pos"].to_numpy()
    return np.bincount(cur[fixed & ~status.dihapus], minlength=rnd.n_positions)


def turnover_groups(rnd: Round, status: PersonStatus) -> list[tuple[str, list[int], int]]:
    """(unit, M_u, cap_u) for every unit whose free movers M_u (Dihapus and Kunci excluded) outnumber
    its cap: the constraint is Σ_{e ∈ M_u} (1 − s[e]) ≤ cap_u."""
    caps = turnover_caps(rnd)
    units = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    free = R.free_movers(status)
    members: dict[str, list[int]] = {}
    for e in np.flatnonzero(free).tolist():
        members.setdefault(units[e], []).append(e)
    return [(u, es, caps[u]) for u, es in members.items() if len(es) > caps[u]]


def define_variables(
    prob, rnd: Round, status: PersonStatus, cand: Candidates, *, deadline: float | None = None
):
    """x[k] for each candidate (Kunci moves fixed to 1); s[e] for every person not in a Dihapus position
    (fixed to 1 when rules 1–3 or Kunci TETAP hold them, to 0 when Kunci moves them); u[e] otherwise."""
    x: list[pulp.LpVariable] = []
    kunci = cand.kunci
    for start in range(0, len(cand), _CHECK_EVERY):
        check_deadline(deadline)
        x += [
            _binary(prob, f"x_{k}", 1 if kunci[k] else 0, 1)
            for k in range(start, min(start + _CHECK_EVERY, len(cand)))
        ]
    s: dict[int, pulp.LpVariable] = {}
    u: dict[int, pulp.LpVariable] = {}
    nips = rnd.people["nip"].to_numpy()
    for e, (lo, hi) in enumerate(stay_bounds(rnd, status)):
        if status.dihapus[e]:
            u[e] = _binary(prob, f"unplaced_{nips[e]}")
        else:
            s[e] = _binary(prob, f"stay_{nips[e]}", lo, hi)
    return x, s, u


def _group_pairs(keys: np.ndarray) -> dict[int, list[int]]:
    """key → indices of the candidate pairs with that key (people or positions)."""
    order = np.argsort(keys, kind="stable")
    bounds = np.flatnonzero(np.diff(keys[order])) + 1
    return {int(keys[chunk[0]]): chunk.tolist() for chunk in np.split(order, bounds) if len(chunk)}


def _expr(pairs) -> pulp.LpAffineExpression:
    return pulp.LpAffineExpression(list(pairs))


def add_row(prob: pulp.LpProblem, row: R.Row) -> None:
    """A row of :mod:`mutasi_cli.solve.rows` as a PuLP constraint of its name."""
    expr = _expr(row.terms)
    if row.lo == row.hi:
        prob.addConstraint(expr == row.lo, row.name)
    elif row.lo == -R.INF:
        prob.addConstraint(expr <= row.hi, row.name)
    elif row.hi == R.INF:
        prob.addConstraint(expr >= row.lo, row.name)
    else:  # a ranged row: two constraints
        prob.addConstraint(expr >= row.lo, f"{row.name}_lo")
        prob.addConstraint(_expr(row.terms) <= row.hi, f"{row.name}_hi")


def define_assignment(prob, rnd: Round, x, s, u, per_person) -> None:
    """∀e: s[e] (or u[e]) + Σ_{k: e_k = e} x[k] = 1 — each person ends in exactly one place."""
    nips = rnd.people["nip"].to_numpy()
    for e in range(rnd.n_people):
        base = s.get(e) if e in s else u[e]
        terms = [(base, 1)] + [(x[k], 1) for k in per_person.get(e, ())]
        prob += (_expr(terms) == 1, f"assign_{nips[e]}")


def define_capacity(
    prob, rnd: Round, status: PersonStatus, x, s, newcomers, *, deadline: float | None = None
) -> dict[int, list]:
    """∀ active p with newcomers N_p and incumbents I_p (stayers S_p = Σ_{I_p} s):
    if |I_p| ≤ F_p:  N_p + S_p ≤ F_p;
    else (overstaffed): N_p ≤ (F_p − h_p)·z_p and N_p + S_p ≤ F_p + (|I_p| − F_p)(1 − z_p), h_p its
    incumbents held in place (:func:`held_incumbents`),
    i.e. the position holds at most max(F_p, S_p). Returns the occupancy terms of every position."""
    pos = rnd.people["pos"].to_numpy()
    formasi = rnd.positions["formasi"].to_numpy()
    kode = rnd.positions["kode"].to_numpy()
    incumbents: dict[int, list[int]] = {}
    for e, p in enumerate(pos):
        if e in s:
            incumbents.setdefault(int(p), []).append(e)
    held = held_incumbents(rnd, status)
    occupancy: dict[int, list] = {}
    seen = 0
    for p in range(rnd.n_positions):
        seen += len(newcomers.get(p, ())) + 1
        if seen >= _CHECK_EVERY:
            check_deadline(deadline)
            seen = 0
        stay_terms = [(s[e], 1) for e in incumbents.get(p, ())]
        new_terms = [(x[k], 1) for k in newcomers.get(p, ())]
        occupancy[p] = stay_terms + new_terms
        if not new_terms:
            continue
        n_inc, f = len(stay_terms), int(formasi[p])
        z = _binary(prob, f"opens_{kode[p]}") if R.over_filled(n_inc, f) else None
        for row in R.capacity_rows(str(kode[p]), f, n_inc, int(held[p]), stay_terms, new_terms, z):
            add_row(prob, row)
    return occupancy


def define_turnover(prob, rnd: Round, status: PersonStatus, s) -> None:
    """∀ unit u: Σ_{e ∈ M_u} (1 − s[e]) ≤ cap_u (see :func:`turnover_groups`)."""
    for row in R.turnover_rows(turnover_groups(rnd, status), s):
        add_row(prob, row)


def define_relations(prob, rnd: Round, cand: Candidates, x, s) -> None:
    """Relasi: see :func:`relation_rows`."""
    if not len(rnd.relasi):
        return
    into = moves_into_units(rnd, cand.person.tolist(), cand.position.tolist(), x)
    for name, terms in relation_rows(rnd, into, s):
        add_row(prob, R.Row(name, terms, -R.INF, 1))


def define_levels(
    prob, rnd, status, cand, x, s, u, occupancy, *, deadline: float | None = None
) -> dict[int, pulp.LpAffineExpression]:
    """Level 0: Σ u (tidak tertampung). Level 1: Σ_{p ∈ P1} f[p] with f[p] ≤ occupancy_p, f[p] ≤ F_p.
    Level 2: Σ_{k: e_k due} x[k]. Level 3: Σ fit_k x[k] + Σ stay_fit_e s[e] + Σ W_fill g[p].
    Level 4: Σ x[k] (moves)."""
    positions = rnd.positions
    kode = positions["kode"].to_numpy()
    formasi = positions["formasi"].to_numpy()
    prio = positions["prioritas"].to_numpy()
    aktif = positions["aktif"].to_numpy()
    wfill = fill_weight(prio, rnd.weights)

    def filled(p: int, prefix: str) -> pulp.LpVariable:
        v = prob.add_variable(f"{prefix}_{kode[p]}", lowBound=0, upBound=int(formasi[p]))
        add_row(prob, R.fill_row(prefix, str(kode[p]), occupancy[p], v))
        return v

    f_terms = [(filled(p, "filled_p1"), 1) for p in np.flatnonzero(aktif & (prio == 1)).tolist()]
    check_deadline(deadline)
    g_terms = [(filled(p, "filled"), int(wfill[p])) for p in np.flatnonzero(aktif & (wfill > 0)).tolist()]
    check_deadline(deadline)
    due = status.due
    l2 = [(x[k], 1) for k in np.flatnonzero(due[cand.person])]
    fit = np.asarray(cand.fit, dtype=np.int64).tolist()
    l3 = [(x[k], fit[k]) for k in range(len(cand))]
    l3 += [(var, int(cand.stay_fit[e])) for e, var in s.items()]
    l3 += g_terms
    check_deadline(deadline)
    levels = {0: _expr([(v, 1) for v in u.values()]), 1: _expr(f_terms), 2: _expr(l2)}
    check_deadline(deadline)
    levels[3] = _expr(l3)
    check_deadline(deadline)
    levels[4] = _expr([(v, 1) for v in x])
    return levels


def define_stage_values(model: Model) -> None:
    """Φ = w0·(−L0) + w1·L1 + L2 and Ψ = L3 − L4 / (K + 1) as variables fixed by equality rows.

    Φ orders plans exactly lexicographically by levels 0–2: w1 = (#due + 1) > max L2 and
    w0 = (P1 places + 1)·w1 > max (w1·L1 + L2). Ψ lets fewer moves break ties of fit only, K being the
    number of candidate moves. Keeping them as variables means an objective is never an empty
    expression (PuLP would then add a ``__dummy`` column that CBC rejects in the next solve)."""
    w0, w1, w2 = model.weights
    lv = model.levels
    prob = model.prob
    model.phi = prob.add_variable("levels_0_2", cat=pulp.LpContinuous)
    model.psi = prob.add_variable("levels_3_4", cat=pulp.LpContinuous)
    prob += (-w0 * lv[0] + w1 * lv[1] + w2 * lv[2] - model.phi == 0, "value_levels_0_2")
    prob += (lv[3] - (1.0 / (len(model.x) + 1)) * lv[4] - model.psi == 0, "value_levels_3_4")


def stage_a_objective(model: Model) -> pulp.LpAffineExpression:
    """Stage A maximises Φ (levels 0–2)."""
    assert model.phi is not None
    return pulp.LpAffineExpression([(model.phi, 1)])


def unchanged_count(rnd: Round, final: np.ndarray, keep: np.ndarray) -> int:
    """Σ_{e ∈ keep} s[e] of a plan: the people of :func:`unchanged_stays` whom it leaves where their stay
    column puts them (in place, or unplaced for an incumbent of a Dihapus position)."""
    cur = rnd.people["pos"].to_numpy()
    return int((((final == cur) | (final < 0)) & keep).sum())


def keep_expression(model: Model, keep: np.ndarray) -> pulp.LpAffineExpression:
    """Σ_{e ∈ keep} s[e] (u[e] for an incumbent of a Dihapus position): the stays that are no change to
    a reviewed plan (:func:`unchanged_stays`)."""
    terms = [(v, 1) for e, v in model.s.items() if keep[e]] + [(v, 1) for e, v in model.u.items() if keep[e]]
    return _expr(terms)


def stage_b_objective(model: Model) -> pulp.LpAffineExpression:
    """Stage B maximises Ψ (level 3, then level 4) once Φ is fixed at its optimum."""
    assert model.psi is not None
    return pulp.LpAffineExpression([(model.psi, 1)])
