"""Stage A (levels 0–2) on an aggregated model: exact, without one variable per move.

Levels 0–2 do not depend on *which* member of a group of interchangeable people takes a place, only
on how many. People are grouped by key k = (eligibility profile, due, Dihapus incumbent); a move
variable y[k, p] ∈ ℤ counts the members of k who move to position p. The model keeps every individual
stay/unplaced variable (capacities, turnover caps and levels read them) and keeps people named in
Kunci, Larangan or Relasi as individuals with one binary per move.

Rows, with M_k the members of k and I_p the incumbents of p:
  Σ_p y[k,p] + Σ_{e∈M_k} (s_e or u_e) = |M_k|                  (every member stays, is unplaced or moves)
  y[k,p] + Σ_{e∈M_k, cur(e)≠p} s_e ≤ |{e∈M_k : cur(e)≠p}|       (nobody moves to their own position)
(the second written with a column mv_k = |M_k| − Σ_{e∈M_k} s_e for the key's movers, so that its size is
linear in the members; s_e stands for u_e in a key of Dihapus incumbents)
and the capacity, Prioritas-1, turnover and Relasi rows of :mod:`mutasi_cli.model` with Σ_k y[k,p] in
place of Σ_e x[e,p].

Exactness: summing a plan's moves per key gives a feasible y; conversely, a feasible y splits into
individual moves because each member excludes only one destination (their own position), so Hall's
condition reduces to the second row (see :func:`split_moves`). The MIP therefore has the same optimum
for levels 0–2 as the model with one variable per move.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import highspy
import numpy as np

from mutasi_cli.candidates import CandidateSpace
from mutasi_cli.data import Round
from mutasi_cli.model import (
    lexicographic_weights,
    moves_into_units,
    relation_rows,
    stay_bounds,
    turnover_groups,
)
from mutasi_cli.rules import PersonStatus, larangan_mask
from mutasi_cli.solvers import SolveOutcome, _quiet_stdout, set_integrality

INF = highspy.kHighsInf
#: an LP value this close to an integer counts as integral
INTEGRAL_TOL = 1e-6


@dataclass
class StageA:
    outcome: SolveOutcome
    final: np.ndarray | None
    columns: int


class _Builder:
    """Columns and CSR rows collected in Python lists, then passed to HiGHS in two calls."""

    def __init__(self) -> None:
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.integer: list[int] = []
        self.r_lo: list[float] = []
        self.r_hi: list[float] = []
        self.starts: list[int] = []
        self.idx: list[int] = []
        self.val: list[float] = []

    def col(self, lo: float, hi: float, integer: bool = True) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        if integer:
            self.integer.append(len(self.lo) - 1)
        return len(self.lo) - 1

    def row(self, entries, lo: float, hi: float) -> int:
        self.starts.append(len(self.idx))
        for c, v in entries:
            self.idx.append(int(c))
            self.val.append(float(v))
        self.r_lo.append(lo)
        self.r_hi.append(hi)
        return len(self.r_lo) - 1

    def highs(self, cost: dict[int, float]) -> highspy.Highs:
        with _quiet_stdout():
            h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        n = len(self.lo)
        h.addVars(n, np.array(self.lo), np.array(self.hi))
        if cost:
            keys = np.array(list(cost), dtype=np.int32)
            h.changeColsCost(len(keys), keys, np.array([cost[k] for k in cost.keys()]))
        h.addRows(
            len(self.r_lo), np.array(self.r_lo), np.array(self.r_hi), len(self.idx),
            np.array(self.starts, dtype=np.int32), np.array(self.idx, dtype=np.int32), np.array(self.val),
        )  # fmt: skip
        return h


def solve_stage_a(
    rnd: Round, status: PersonStatus, space: CandidateSpace, time_limit: float, solver: str = "highs"
) -> StageA:
    t0 = time.perf_counter()
    people, positions = rnd.people, rnd.positions
    n, m = rnd.n_people, rnd.n_positions
    cur = people["pos"].to_numpy()
    formasi = positions["formasi"].to_numpy().astype(int)
    aktif = positions["aktif"].to_numpy()
    prio = positions["prioritas"].to_numpy()
    w0, w1, w2 = lexicographic_weights(rnd, status)
    b = _Builder()

    # --- stay / unplaced per person ---------------------------------------------------------------
    stay = np.full(n, -1, dtype=np.int64)  # s_e, or u_e for Dihapus incumbents
    for e, (low, high) in enumerate(stay_bounds(rnd, status)):
        stay[e] = b.col(low, high)

    # --- who is individual, who is aggregated ------------------------------------------------------
    individual = np.zeros(n, dtype=bool)
    for frame, cols in ((rnd.relasi, ("a", "b")), (rnd.larangan, ("person",))):
        for name in cols:
            individual[frame[name].to_numpy()] = True
    moves_into: list[list[tuple[int, float]]] = [[] for _ in range(m)]
    phi_terms: list[tuple[int, float]] = []
    ind_e: list[int] = []
    ind_p: list[int] = []
    ind_col: list[int] = []
    person_moves: dict[int, list[int]] = {}

    def individual_move(e: int, p: int, fixed: bool) -> None:
        c = b.col(1 if fixed else 0, 1)
        ind_e.append(e)
        ind_p.append(p)
        ind_col.append(c)
        moves_into[p].append((c, 1.0))
        person_moves.setdefault(e, []).append(c)
        if status.due[e]:
            phi_terms.append((c, w2))

    for e, p in zip(space.kunci_person.tolist(), space.kunci_position.tolist()):
        individual_move(e, p, True)
    for e in np.flatnonzero(individual & (space.group_of >= 0)).tolist():
        q = space.groups[space.group_of[e]].positions
        q = q[q != cur[e]]
        q = q[~larangan_mask(rnd, np.full(len(q), e), q)]
        for p in q.tolist():
            individual_move(e, p, False)

    # --- aggregated keys ----------------------------------------------------------------------------
    keys: list[tuple[np.ndarray, np.ndarray, list[int]]] = []  # members, positions, y columns
    key_rows: list[int] = []
    for g in space.groups:
        free = g.persons[~individual[g.persons]]
        for due in (False, True):
            for dih in (False, True):
                members = free[(status.due[free] == due) & (status.dihapus[free] == dih)]
                if not len(members) or not len(g.positions):
                    continue
                origin = Counter(cur[members].tolist())
                ycols: list[int] = []
                for p in g.positions.tolist():
                    c = b.col(0, len(members) - origin.get(p, 0))
                    ycols.append(c)
                    moves_into[p].append((c, 1.0))
                    if due:
                        phi_terms.append((c, w2))
                keys.append((members, g.positions, ycols))
    # --- rows ---------------------------------------------------------------------------------------
    in_key = np.zeros(n, dtype=bool)
    own = _Builder()  # the own-position rows, added to the LP only when violated (see below)
    for members, q, ycols in keys:
        in_key[members] = True
        key_rows.append(
            b.row([(c, 1.0) for c in ycols] + [(stay[e], 1.0) for e in members], len(members), len(members))
        )
        # nobody moves to their own position: y[k,p] ≤ Σ_{e∈M_k, cur(e)≠p} (1 − s_e) = mv_k − |O_p| + Σ_{e∈O_p} s_e
        # with O_p the members from p and mv_k = |M_k| − Σ_{e∈M_k} s_e the key's movers, a column of its own:
        # linear in |M_k| rather than |M_k| × origins (measured: 4.5 GB of rows at 50,000 people)
        pos_index = {p: j for j, p in enumerate(q.tolist())}
        from_p: dict[int, list[int]] = {}
        for e in members.tolist():
            if cur[e] in pos_index:
                from_p.setdefault(int(cur[e]), []).append(e)
        if from_p:
            mv = b.col(0, len(members), integer=False)
            b.row([(mv, 1.0)] + [(stay[e], 1.0) for e in members], len(members), len(members))
            for p, here in from_p.items():
                own.row(
                    [(ycols[pos_index[p]], 1.0), (mv, -1.0)] + [(stay[e], -1.0) for e in here],
                    -INF,
                    -len(here),
                )
    for e in range(n):
        if not in_key[e]:
            b.row([(stay[e], 1.0)] + [(c, 1.0) for c in person_moves.get(e, [])], 1, 1)
    incumbents: dict[int, list[int]] = {}
    for e in np.flatnonzero(~status.dihapus).tolist():
        incumbents.setdefault(int(cur[e]), []).append(e)
    f_cols = []
    for p in np.flatnonzero(aktif).tolist():
        st = [(stay[e], 1.0) for e in incumbents.get(p, [])]
        new = moves_into[p]
        f = int(formasi[p])
        n_inc = len(st)
        if new:
            if n_inc <= f:
                b.row(st + new, -INF, f)
            else:
                z = b.col(0, 1)
                b.row(new + [(z, -f)], -INF, 0)
                b.row(st + new + [(z, n_inc - f)], -INF, n_inc)
        if prio[p] == 1:
            fc = b.col(0, f, integer=False)
            f_cols.append(fc)
            b.row(st + new + [(fc, -1.0)], 0, INF)
    for _unit, es, cap in turnover_groups(rnd, status):
        b.row([(stay[e], 1.0) for e in es], len(es) - cap, INF)
    _relation_rows(b, rnd, stay, status, ind_e, ind_p, ind_col)
    phi = b.col(-INF, INF, integer=False)
    phi_terms += [(stay[e], -w0) for e in np.flatnonzero(status.dihapus).tolist()]
    phi_terms += [(c, w1) for c in f_cols]
    b.row(phi_terms + [(phi, -1.0)], 0, 0)
    columns = len(b.lo)

    # --- solve ----------------------------------------------------------------------------------------
    # The LP relaxation first: on these models it is usually integral at an optimal vertex, and then it
    # is its own certificate. HiGHS' presolve costs more than it saves here (measured: 5,000 people,
    # 5.4 s of presolve for a 3.3 s solve), so it is off for both the LP and the MIP.
    # The own-position rows (one per key and origin: most of the rows, almost all slack) join the LP
    # only when its solution violates them; the LP that satisfies them all is the LP's optimum
    # (measured: 20,000 people, 12,839 of 25,903 rows held back, none needed, 18.0 s → 15.1 s; at
    # 50,000 people 31,893 held back and 298 s either way: there the 2.4 million columns dominate).
    h = b.highs({phi: -1.0})
    h.setOptionValue("presolve", "off")
    ints = np.array(b.integer, dtype=np.int32)
    set_integrality(h, ints, False)
    lazy = _LazyRows(own)
    while True:
        h.setOptionValue("time_limit", max(1.0, time_limit - (time.perf_counter() - t0)))
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        if not lazy.add_violated(h, np.asarray(h.getSolution().col_value)):
            break
    values, st_name, value, bound = None, "no-solution", None, None
    if h.getModelStatus() == highspy.HighsModelStatus.kOptimal:
        lp = np.asarray(h.getSolution().col_value)
        lp_value = -h.getInfo().objective_function_value
        bound = float(np.floor(lp_value + 1e-6))  # Φ is integral
        if np.all(np.abs(lp[ints] - np.round(lp[ints])) <= INTEGRAL_TOL):
            values, st_name, value = np.round(lp), "optimal", float(round(lp_value))
    elif h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
        st_name = "infeasible"
    if values is None and st_name != "infeasible":
        remaining = max(1.0, time_limit - (time.perf_counter() - t0))
        lazy.add_all(h)
        set_integrality(h, ints, True)
        if solver == "cbc":
            from mutasi_cli.pricing import highs_to_pulp
            from mutasi_cli.solvers import solve

            t_build = time.perf_counter()
            prob, cols = highs_to_pulp(h, set(b.integer))
            remaining = max(1.0, remaining - (time.perf_counter() - t_build))  # the build counts too
            out = solve(prob, "cbc", remaining, abs_gap=0.999)
            values = np.array([v.varValue or 0.0 for v in cols]) if out.has_solution else None
            st_name, value = out.status, out.objective
            bound = out.bound if bound is None or out.bound is None else min(bound, out.bound)
        else:
            h.setOptionValue("time_limit", remaining)
            h.setOptionValue("mip_abs_gap", 0.999)
            h.setOptionValue("mip_rel_gap", 0.0)
            h.run()
            info = h.getInfo()
            ok = info.primal_solution_status == 2
            values = np.asarray(h.getSolution().col_value) if ok else None
            ms = h.getModelStatus()
            st_name = (
                "optimal" if ms == highspy.HighsModelStatus.kOptimal and ok
                else "infeasible" if ms == highspy.HighsModelStatus.kInfeasible
                else "feasible" if ok else "no-solution"
            )  # fmt: skip
            value = -info.objective_function_value if ok else None
            if np.isfinite(info.mip_dual_bound):
                mip_bound = -info.mip_dual_bound
                bound = mip_bound if bound is None else min(bound, mip_bound)
    seconds = time.perf_counter() - t0
    if values is None:
        return StageA(SolveOutcome(st_name, None, bound, seconds), None, columns)
    final = _disaggregate(cur, status.dihapus, stay, values, keys, ind_e, ind_p, ind_col)
    if st_name == "optimal":
        bound = value
    return StageA(SolveOutcome(st_name, value, bound, seconds), final, columns)


class _LazyRows:
    """Rows held back from the LP (all of the form Σ a·x ≤ hi), added when a solution violates them."""

    def __init__(self, rows: _Builder) -> None:
        self.starts = np.array(rows.starts, dtype=np.int64)
        self.idx = np.array(rows.idx, dtype=np.int64)
        self.val = np.array(rows.val)
        self.ends = np.append(self.starts[1:], len(self.idx))
        self.hi = np.array(rows.r_hi)
        self.pending = np.ones(len(self.hi), dtype=bool)

    def add_violated(self, h: highspy.Highs, x: np.ndarray) -> int:
        """Add the pending rows that ``x`` violates; their number."""
        if not self.pending.any():
            return 0
        activity = np.add.reduceat(self.val * x[self.idx], self.starts)
        return self._add(h, np.flatnonzero(self.pending & (activity > self.hi + 1e-7)))

    def add_all(self, h: highspy.Highs) -> int:
        return self._add(h, np.flatnonzero(self.pending))

    def _add(self, h: highspy.Highs, rows: np.ndarray) -> int:
        if not len(rows):
            return 0
        lens = self.ends[rows] - self.starts[rows]
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int32)
        entries = np.repeat(self.starts[rows] - starts, lens) + np.arange(lens.sum())
        h.addRows(
            len(rows), np.full(len(rows), -INF), self.hi[rows], int(lens.sum()), starts,
            self.idx[entries].astype(np.int32), self.val[entries],
        )  # fmt: skip
        self.pending[rows] = False
        return len(rows)


def _relation_rows(b: _Builder, rnd, stay, status, ind_e, ind_p, ind_col) -> None:
    """Relasi rows (:func:`mutasi_cli.model.relation_rows`) over the individual moves: people named in
    Relasi are always individual."""
    if not len(rnd.relasi):
        return
    into = moves_into_units(rnd, ind_e, ind_p, ind_col)
    can_stay = {e: int(stay[e]) for e in range(rnd.n_people) if not status.dihapus[e]}
    for _, terms in relation_rows(rnd, into, can_stay):
        b.row(terms, -INF, 1)


def _disaggregate(cur, dihapus, stay, values, keys, ind_e, ind_p, ind_col) -> np.ndarray | None:
    final = cur.copy()
    final[dihapus & (values[stay] > 0.5)] = -1  # tidak tertampung
    for e, p, c in zip(ind_e, ind_p, ind_col):
        if values[c] > 0.5:
            final[e] = p
    for members, q, ycols in keys:
        counts = {p: int(round(values[c])) for p, c in zip(q.tolist(), ycols) if values[c] > 0.5}
        movers = [e for e in members.tolist() if values[stay[e]] < 0.5]
        places = split_moves([int(cur[e]) for e in movers], counts)
        if places is None:
            return None
        final[movers] = places
    return final


def split_moves(origins: list[int], counts: dict[int, int]) -> list[int] | None:
    """A destination for each mover (aligned with ``origins``), ``counts[p]`` of them to p, nobody to
    their own origin; None if impossible. Greedy (movers from the most demanded origins first, each to
    the destination with the most places left) with a repair swap when only their own origin is left.
    For this structure Hall's condition is ``counts[p] ≤ #movers not from p`` (each mover excludes one
    destination), which the model's own-position rows guarantee, so a partner for the swap exists."""
    if sum(counts.values()) != len(origins):
        return None
    order = sorted(range(len(origins)), key=lambda i: -counts.get(origins[i], 0))
    remaining = dict(counts)
    result: list[int] = [-1] * len(origins)
    done: list[int] = []
    for i in order:
        o = origins[i]
        best = max(
            (p for p, c in remaining.items() if c > 0 and p != o), key=lambda p: remaining[p], default=None
        )
        if best is None:
            j = next((j for j in done if result[j] != o and origins[j] != o), None)
            if j is None or remaining.get(o, 0) <= 0:
                return None
            result[i], result[j] = result[j], o
            remaining[o] -= 1
        else:
            result[i] = best
            remaining[best] -= 1
        done.append(i)
    return result
