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
and the capacity, Prioritas-1, turnover and Relasi rows of :mod:`mutasi_cli.solve.model` with Σ_k y[k,p] in
place of Σ_e x[e,p].

Exactness: summing a plan's moves per key gives a feasible y; conversely, a feasible y splits into
individual moves because each member excludes only one destination (their own position), so Hall's
condition reduces to the second row (see :func:`split_moves`). The MIP therefore has the same optimum
for levels 0–2 as the model with one variable per move.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules.eligibility import PersonStatus, larangan_mask
from mutasi_cli.solve import rows as R
from mutasi_cli.solve.candidates import CandidateSpace
from mutasi_cli.solve.model import held_incumbents, lexicographic_weights, stay_bounds, turnover_groups
from mutasi_cli.solve.rows import moves_into_units, relation_rows
from mutasi_cli.solve.solvers import (
    INTERRUPT_LEAD,
    MIN_SOLVE_SECONDS,
    SIMPLEX_PRIMAL,
    HighsMip,
    SolveOutcome,
    _quiet_stdout,
    run_highs,
    set_integrality,
    solve_highs_mip,
)
from mutasi_cli.support import runtime

INF = highspy.kHighsInf
#: an LP value this close to an integer counts as integral
INTEGRAL_TOL = 1e-6
#: an individual move enters the LP when its reduced cost is below −RC_TOL
RC_TOL = 1e-6
#: slack on reduced-cost thresholds: the LP's duals are exact only to the solver's tolerances
RC_SLACK = 1e-6
#: slack on reduced-cost fixing, wide: a column wrongly fixed could cost a proof, one left free costs little
RC_FIX_SLACK = 1e-3
#: individual moves entering the LP per person and round of pricing
POOL_PER_PERSON = 8
#: a MIP of stage A over every column of the LP with at least this many columns is solved by HiGHS in a
#: child process (:func:`_mip_in_child`), which is killed at the deadline; the neighbourhood MIP (most
#: columns fixed, HiGHS' presolve on) stays in-process. In-process, HiGHS could not be stopped: once its
#: root LP is solved, its MIP computes an analytic centre, an interior-point solve of the whole model which
#: in HiGHS 1.16 has neither a time limit nor an interrupt check, and no option turns it off (measured, 20,000
#: people, 313,240 columns, presolve off: 27 s, so that a MIP given 18 s took 33 s; the same MIP in the child,
#: value for value the in-process result). Below this size the centre takes a fraction of a second and the
#: child's start (about a second at 150,000 columns) is not worth it
MIP_CHILD_COLUMNS = 100_000


@dataclass
class StageA:
    outcome: SolveOutcome
    final: np.ndarray | None
    columns: int


class _Builder:
    """Columns and CSR rows collected in Python lists (the solver gets them through :class:`_StageLp`)."""

    def __init__(self) -> None:
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.integer: list[int] = []
        self.r_lo: list[float] = []
        self.r_hi: list[float] = []
        self.starts: list[int] = []
        self.idx: list[int] = []
        self.val: list[float] = []
        self.row_names: list[str] = []  # the families' rows by the PuLP model's names ("" for the others)

    def col(self, lo: float, hi: float, integer: bool = True) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        if integer:
            self.integer.append(len(self.lo) - 1)
        return len(self.lo) - 1

    def add(self, row: R.Row) -> int:
        """A row of :mod:`mutasi_cli.solve.rows`, kept with its name."""
        i = self.row(row.terms, row.lo, row.hi)
        self.row_names[i] = row.name
        return i

    def row(self, entries, lo: float, hi: float) -> int:
        self.row_names.append("")
        self.starts.append(len(self.idx))
        for c, v in entries:
            self.idx.append(int(c))
            self.val.append(float(v))
        self.r_lo.append(lo)
        self.r_hi.append(hi)
        return len(self.r_lo) - 1


def solve_stage_a(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    time_limit: float,
    solver: str = "highs",
    *,
    hold: tuple[int, int, int] | None = None,
    keep: np.ndarray | None = None,
) -> StageA:
    """Maximise Φ (levels 0–2), exactly. With ``hold`` (levels 0–2 at their optimum, from a first call)
    and ``keep`` (:func:`mutasi_cli.solve.model.unchanged_stays`), maximise instead the stays of ``keep``
    with levels 0–2 held by three rows: the fewest changes to a reviewed plan, as exactly (the objective
    is integral either way, and nothing below depends on which)."""
    t0 = time.perf_counter()
    model = build_stage_a_model(rnd, status, space, hold=hold, keep=keep)
    b, stay, keys = model.b, model.stay, model.keys
    ind_e, ind_p, ind_col, columns = model.ind_e, model.ind_p, model.ind_col, model.columns
    cur = rnd.people["pos"].to_numpy()

    # --- solve ----------------------------------------------------------------------------------------
    # The LP relaxation first: on these models it is usually integral at an optimal vertex, and then it
    # is its own certificate. HiGHS' presolve costs more than it saves here (measured: 5,000 people,
    # 5.4 s of presolve for a 3.3 s solve), so it is off for both the LP and the MIP.
    # Two kinds of columns and rows wait outside the LP until they matter (see :class:`_StageLp`):
    # - the own-position rows (one per key and origin: most of the rows, almost all slack) join the LP
    #   only when its solution violates them (measured: 20,000 people, 12,839 of 25,903 rows held back,
    #   none needed, 18.0 s → 15.1 s);
    # - the individual moves (one per move of each person named in Relasi or Larangan: 1.6 of the 2.4
    #   million columns at 50,000 people) join only when their reduced cost is negative (measured, stage
    #   A in all: 20,000 people 15.1 s → 8.7 s; 50,000 people 298 s → 103 s, 71 s of it the first LP,
    #   then four re-solves of under 3 s each, with 1,816 moves priced in).
    # the individual moves not fixed by Kunci are priced into the LP (see _StageLp)
    ind_cols, ind_people = np.array(ind_col, dtype=np.int64), np.array(ind_e, dtype=np.int64)
    priced = np.asarray(b.lo)[ind_cols] == 0
    # with relasi = "selalu" two related people of one unit cannot both stay: without their moves the
    # first LP would be infeasible, so those moves are in it from the start
    priced &= ~_must_part(rnd)[ind_people]
    lp = _StageLp(b, model.cost, ind_cols[priced], ind_people[priced], model.own)
    ints = np.array(b.integer, dtype=np.int64)
    values, st_name, value, bound = None, "no-solution", None, None
    incumbent: tuple[float, np.ndarray] | None = None
    ms = lp.solve_lp(t0 + time_limit)
    if ms == highspy.HighsModelStatus.kInfeasible and not lp.complete():
        # infeasible without the moves held out: someone named in Larangan (a rejected move of a reviewed
        # plan, too) may have to leave a position that approved or Kunci moves fill. Infeasible is proven
        # only with every move in
        lp.add_all_moves()
        ms = lp.solve_lp(t0 + time_limit)
    if ms == highspy.HighsModelStatus.kOptimal:
        x = lp.lp_values()
        lp_value = lp.objective()
        bound = float(np.floor(lp_value + 1e-6))  # Φ is integral
        if np.all(np.abs(x[ints] - np.round(x[ints])) <= INTEGRAL_TOL):
            values, st_name, value = np.round(x), "optimal", float(round(lp_value))
    elif ms == highspy.HighsModelStatus.kInfeasible:
        st_name = "infeasible"
    if values is None and st_name != "infeasible":
        lp.lazy.add_all(lp.h)
        if bound is not None:
            near = _neighbourhood(lp, model, status, ints, x, lp_value, bound, t0 + time_limit, solver)
            incumbent, lp_value, bound = near.incumbent, near.lp_value, near.bound
            if near.proven and incumbent is not None:
                st_name, value, values = "optimal", incumbent[0], incumbent[1]
    if values is None and st_name != "infeasible":
        if bound is None:
            # the LP did not finish (only the time limit stops it): the MIP over the columns so far, with
            # HiGHS' presolve (a large one in a child, killed at the deadline). Without presolve HiGHS set
            # this MIP up and solved its root LP for seconds before it looked at its limit (measured,
            # 20,000 people: 4.2 s on a 0.1 s limit); only this path, cut by time, takes it
            st_name, value, values, mip_bound = lp.solve_mip(ints, t0 + time_limit, solver, presolve=True)
            if lp.complete():
                bound = mip_bound
            elif st_name == "optimal":
                st_name = "feasible"  # nothing is proven about the moves left out
        else:
            st_name, value, values, bound = _mip_over_priced(
                lp, ints, lp_value, bound, t0 + time_limit, solver, incumbent
            )
    seconds = time.perf_counter() - t0
    if values is None:
        return StageA(SolveOutcome(st_name, None, bound, seconds), None, columns)
    final = _disaggregate(cur, status.dihapus, stay, values, keys, ind_e, ind_p, ind_col)
    if st_name == "optimal":
        bound = value
    return StageA(SolveOutcome(st_name, value, bound, seconds), final, columns)


@dataclass
class _Near:
    """What the neighbourhood MIP found: its plan (value, column values), whether it is proven optimal,
    and the LP value and bound, tightened when the level-wise LPs ran."""

    incumbent: tuple[float, np.ndarray] | None
    proven: bool
    lp_value: float
    bound: float


def _neighbourhood(
    lp: _StageLp,
    model: StageAModel,
    status: PersonStatus,
    ints: np.ndarray,
    x: np.ndarray,
    lp_value: float,
    bound: float,
    deadline: float,
    solver: str,
) -> _Near:
    """The MIP over the LP's fractional neighbourhood: every integer column at its LP value except those
    that share a row (Φ's aside) with a fractional one. Reaching the LP's floor proves it (measured,
    50,000 people: 42 fractional values, 58,460 columns left free, 9.8 s; 298 s for the MIP over every
    column in the LP; with only the 42 free, infeasible). It gets the whole time left, not a share of
    it: a share would make the path (this MIP cut short, then the MIP over every priced column) depend
    on the machine's load, and so the plan (the same round, another plan on a busy machine)."""
    lp.fix_around_fractional(ints, x, model.phi_row)
    found = lp.solve_mip(ints, deadline, solver, presolve=True, in_process=True)
    lp.unfix()
    if found[1] is None or found[2] is None:
        return _Near(None, False, lp_value, bound)
    incumbent = (found[1], found[2])
    if found[1] >= bound - 0.5:
        return _Near(incumbent, True, lp_value, bound)  # at the LP's floor: proven
    if found[1] <= bound - model.level_gap:
        # a gap of a Prioritas-1 place or more: reduced-cost fixing cannot close it, the level-wise LPs
        # may (measured, 50,000 people, 4 due moves short: the three LPs took 112 s and left 2, so they
        # run only for a level-0/1 gap)
        level_cols = (model.stay[status.dihapus], np.array(model.f_cols, dtype=np.int64))
        duals = lp.last_y, lp.last_d
        tight = _level_rows(lp, level_cols, found[2], deadline)
        if tight is None:
            # Φ's duals back for the reduced-cost argument of _mip_over_priced (the last LP solved was
            # a level's); still valid with any level row added (a cut)
            lp.last_y, lp.last_d = duals
        else:
            lp_value = tight[0]
            bound = float(np.floor(lp_value + 1e-6))
            return _Near(incumbent, found[1] >= bound - 0.5, lp_value, bound)
    return _Near(incumbent, False, lp_value, bound)


@dataclass
class StageAModel:
    """Stage A's model as built (:func:`build_stage_a_model`): the builder's columns and rows, and which
    column is what."""

    b: _Builder
    cost: np.ndarray
    stay: np.ndarray  # person → their stay (or unplaced) column
    keys: list[tuple[np.ndarray, np.ndarray, list[int]]]  # per aggregated key: members, positions, y columns
    ind_e: list[int]  # the individual moves: person, position, column
    ind_p: list[int]
    ind_col: list[int]
    own: _Builder  # the own-position rows, added when violated
    f_cols: list[int]
    z_of: dict[int, int]
    f_of: dict[int, int]
    phi_row: int
    level_gap: float
    columns: int


def build_stage_a_model(
    rnd: Round,
    status: PersonStatus,
    space: CandidateSpace,
    *,
    hold: tuple[int, int, int] | None = None,
    keep: np.ndarray | None = None,
) -> StageAModel:
    """The aggregated model of the module's docstring: columns, rows (those shared with the other models
    from :mod:`mutasi_cli.solve.rows`) and the objective Φ (or, with ``hold``, the stays of ``keep``)."""
    w = _ModelWriter(rnd, status)
    w.individual_moves(space)
    w.aggregated_keys(space)
    w.assignment_rows()
    w.position_rows()
    turnover: list[R.Row[int]] = R.turnover_rows(turnover_groups(rnd, status), w.stay)
    for row in turnover:
        w.b.add(row)
    _relation_rows(w.b, rnd, w.stay, status, w.ind_e, w.ind_p, w.ind_col)
    phi_row, level_gap = w.objective(hold, keep)
    cost = np.zeros(len(w.b.lo))
    cost[w.phi] = -1.0
    return StageAModel(
        w.b, cost, w.stay, w.keys, w.ind_e, w.ind_p, w.ind_col, w.own, w.f_cols, w.z_of, w.f_of, phi_row,
        level_gap, len(w.b.lo),
    )  # fmt: skip


class _ModelWriter:
    """Writes stage A's model part by part (:func:`build_stage_a_model`): a stay (or unplaced) column per
    person, the individual moves of the people Kunci, Larangan or Relasi name, one column per aggregated
    key and position, then the rows."""

    def __init__(self, rnd: Round, status: PersonStatus) -> None:
        self.rnd, self.status = rnd, status
        self.cur = rnd.people["pos"].to_numpy()
        self.w0, self.w1, self.w2 = lexicographic_weights(rnd, status)
        self.b = _Builder()
        self.stay = np.full(rnd.n_people, -1, dtype=np.int64)  # s_e, or u_e for Dihapus incumbents
        for e, (low, high) in enumerate(stay_bounds(rnd, status)):
            self.stay[e] = self.b.col(low, high)
        self.individual = np.zeros(rnd.n_people, dtype=bool)
        for frame, cols in ((rnd.relasi, ("a", "b")), (rnd.larangan, ("person",))):
            for name in cols:
                self.individual[frame[name].to_numpy()] = True
        self.moves_into: list[list[tuple[int, float]]] = [[] for _ in range(rnd.n_positions)]
        self.phi_terms: list[tuple[int, float]] = []
        self.due_cols: list[int] = []  # the move columns of due people (level 2)
        self.ind_e: list[int] = []
        self.ind_p: list[int] = []
        self.ind_col: list[int] = []
        self.person_moves: dict[int, list[int]] = {}
        self.keys: list[tuple[np.ndarray, np.ndarray, list[int]]] = []  # members, positions, y columns
        self.own = _Builder()  # the own-position rows, added to the LP only when violated
        self.f_cols: list[int] = []
        self.z_of: dict[int, int] = {}  # position → its switch column (over-filled, with newcomers)
        self.f_of: dict[int, int] = {}  # Prioritas-1 position → its filled-places column
        self.phi = -1

    def _move_column(self, c: int, p: int, due: bool) -> None:
        self.moves_into[p].append((c, 1.0))
        if due:
            self.phi_terms.append((c, self.w2))
            self.due_cols.append(c)

    def individual_moves(self, space: CandidateSpace) -> None:
        """One binary per move of a person Kunci, Larangan or Relasi names (a Kunci move fixed at 1)."""
        rnd, cur = self.rnd, self.cur

        def move(e: int, p: int, fixed: bool) -> None:
            c = self.b.col(1 if fixed else 0, 1)
            self.ind_e.append(e)
            self.ind_p.append(p)
            self.ind_col.append(c)
            self.person_moves.setdefault(e, []).append(c)
            self._move_column(c, p, bool(self.status.due[e]))

        for e, p in zip(space.kunci_person.tolist(), space.kunci_position.tolist()):
            move(e, p, True)
        for e in np.flatnonzero(self.individual & (space.group_of >= 0)).tolist():
            q = space.groups[space.group_of[e]].positions
            q = q[q != cur[e]]
            q = q[~larangan_mask(rnd, np.full(len(q), e), q)]
            for p in q.tolist():
                move(e, p, False)

    def aggregated_keys(self, space: CandidateSpace) -> None:
        """The other free movers by key (eligibility profile, due, Dihapus incumbent): y[k,p] counts the
        members of k who move to p, at most the members not from p."""
        status = self.status
        for g in space.groups:
            free = g.persons[~self.individual[g.persons]]
            for due in (False, True):
                for dih in (False, True):
                    members = free[(status.due[free] == due) & (status.dihapus[free] == dih)]
                    if not len(members) or not len(g.positions):
                        continue
                    origin = Counter(self.cur[members].tolist())
                    ycols: list[int] = []
                    for p in g.positions.tolist():
                        c = self.b.col(0, len(members) - origin.get(p, 0))
                        ycols.append(c)
                        self._move_column(c, p, due)
                    self.keys.append((members, g.positions, ycols))

    def assignment_rows(self) -> None:
        """Every member of a key stays, is unplaced or moves (one row per key, with the own-position rows
        held back); every other person: their stay and moves sum to 1."""
        b, stay, cur = self.b, self.stay, self.cur
        in_key = np.zeros(self.rnd.n_people, dtype=bool)
        for members, q, ycols in self.keys:
            in_key[members] = True
            b.row([(c, 1.0) for c in ycols] + [(stay[e], 1.0) for e in members], len(members), len(members))
            # nobody moves to their own position: y[k,p] ≤ Σ_{e∈M_k, cur(e)≠p} (1 − s_e) = mv_k − |O_p| +
            # Σ_{e∈O_p} s_e with O_p the members from p and mv_k = |M_k| − Σ_{e∈M_k} s_e the key's movers,
            # a column of its own: linear in |M_k| rather than |M_k| × origins (measured: 4.5 GB of rows
            # at 50,000 people)
            pos_index = {p: j for j, p in enumerate(q.tolist())}
            from_p: dict[int, list[int]] = {}
            for e in members.tolist():
                if cur[e] in pos_index:
                    from_p.setdefault(int(cur[e]), []).append(e)
            if from_p:
                mv = b.col(0, len(members), integer=False)
                b.row([(mv, 1.0)] + [(stay[e], 1.0) for e in members], len(members), len(members))
                for p, here in from_p.items():
                    self.own.row(
                        [(ycols[pos_index[p]], 1.0), (mv, -1.0)] + [(stay[e], -1.0) for e in here],
                        -INF,
                        -len(here),
                    )
        for e in range(self.rnd.n_people):
            if not in_key[e]:
                b.row([(stay[e], 1.0)] + [(c, 1.0) for c in self.person_moves.get(e, [])], 1, 1)

    def position_rows(self) -> None:
        """Capacity and the opens switch, and the filled places of each Prioritas-1 position, from
        :mod:`mutasi_cli.solve.rows`, with Σ_k y[k,p] in place of Σ_e x[e,p]."""
        rnd, status, b = self.rnd, self.status, self.b
        positions = rnd.positions
        formasi = positions["formasi"].to_numpy().astype(int)
        prio, kode = positions["prioritas"].to_numpy(), positions["kode"].to_numpy()
        incumbents: dict[int, list[int]] = {}
        for e in np.flatnonzero(~status.dihapus).tolist():
            incumbents.setdefault(int(self.cur[e]), []).append(e)
        held = held_incumbents(rnd, status)
        for p in np.flatnonzero(positions["aktif"].to_numpy()).tolist():
            st = [(self.stay[e], 1.0) for e in incumbents.get(p, [])]
            new = self.moves_into[p]
            f = int(formasi[p])
            n_inc = len(st)
            if new:
                z = b.col(0, 1) if R.over_filled(n_inc, f) else None
                if z is not None:
                    self.z_of[p] = z
                for row in R.capacity_rows(str(kode[p]), f, n_inc, int(held[p]), st, new, z):
                    b.add(row)
            if prio[p] == 1:
                fc = b.col(0, f, integer=False)
                self.f_cols.append(fc)
                self.f_of[p] = fc
                b.add(R.fill_row("filled_p1", str(kode[p]), st + new, fc))

    def objective(self, hold: tuple[int, int, int] | None, keep: np.ndarray | None) -> tuple[int, float]:
        """Φ as a column of its own, defined by a row, and the only cost (minimise −Φ); with ``hold``, the
        stays of ``keep`` instead, levels 0–2 held. (row of Φ, the gap that is a level-0/1 gap). With the
        weights in the costs instead of a row, the LP's optimal vertex was fractional (measured, 5,000
        people: 23 values, with every move in the LP; a 9.5 s MIP then); with the Φ row it has been
        integral on every round measured."""
        b, stay, dihapus = self.b, self.stay, self.status.dihapus
        self.phi = b.col(-INF, INF, integer=False)
        if hold is None:
            terms = self.phi_terms + [(stay[e], -self.w0) for e in np.flatnonzero(dihapus).tolist()]
            terms += [(c, self.w1) for c in self.f_cols]
            return b.row(terms + [(self.phi, -1.0)], 0, 0), float(self.w1)
        assert keep is not None
        unplaced = [(stay[e], 1.0) for e in np.flatnonzero(dihapus).tolist()]
        p1 = [(c, 1.0) for c in self.f_cols]
        levels: list[R.Row[int]] = R.held_levels_rows(hold, unplaced, p1, [(c, 1.0) for c in self.due_cols])
        for row in levels:
            b.add(row)
        phi_row = b.row([(stay[e], 1.0) for e in np.flatnonzero(keep).tolist()] + [(self.phi, -1.0)], 0, 0)
        return phi_row, INF  # the level-wise LPs are Φ's


class _StageLp:
    """Stage A's LP in HiGHS over the columns that matter so far; results in the builder's numbering.

    The individual moves (``pool``, with their people ``pool_person``) start outside. After each solve
    the duals y price them all at once, by one sparse product: the reduced cost of move j is
    c_j − A_jᵀy. The most negative few per person enter. The own-position rows ``own`` wait as
    :class:`_LazyRows`. When no move prices in and no held-back row is violated, the LP's optimum is
    that of the whole model, and its duals bound every move left out (:meth:`add_priced`)."""

    def __init__(
        self, b: _Builder, cost: np.ndarray, pool: np.ndarray, pool_person: np.ndarray, own: _Builder
    ) -> None:
        n = len(b.lo)
        self.n_cols, self.n_rows = n, len(b.r_lo)
        # the matrix by columns (CSC), from the builder's rows
        idx = np.asarray(b.idx, dtype=np.int64)
        row_of = np.repeat(np.arange(self.n_rows), np.diff(np.append(b.starts, len(idx))))
        by_col = np.argsort(idx, kind="stable")
        self.col_start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(idx, minlength=n), out=self.col_start[1:])
        self.col_row, self.col_val = row_of[by_col], np.asarray(b.val)[by_col]
        self.lo, self.hi = np.asarray(b.lo, dtype=float), np.asarray(b.hi, dtype=float)
        self.cost = cost  # −Φ's coefficients
        self.pool, self.pool_person = pool, pool_person
        starts, entries = _gather(self.col_start[pool], self.col_start[pool + 1])
        self.pool_start, self.pool_row, self.pool_val = starts, self.col_row[entries], self.col_val[entries]
        self.hcol = np.full(n, -1, dtype=np.int64)  # builder column → HiGHS column
        self.order = np.zeros(0, dtype=np.int64)  # HiGHS column → builder column
        self.last_y: np.ndarray | None = None  # the last LP's row duals (the builder's rows)
        self.last_d: np.ndarray | None = None  # and its reduced costs (the solver's columns)
        self.fixed: np.ndarray | None = None  # the solver's columns fixed by fix_by_reduced_cost
        with _quiet_stdout():
            self.h = highspy.Highs()
        for option, value in (("output_flag", False), ("threads", 1), ("presolve", "off")):
            self.h.setOptionValue(option, value)
        self.h.addRows(
            self.n_rows, np.asarray(b.r_lo, dtype=float), np.asarray(b.r_hi, dtype=float), 0,
            np.zeros(self.n_rows, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0),
        )  # fmt: skip
        outside = np.zeros(n, dtype=bool)
        outside[pool] = True
        self._add(np.flatnonzero(~outside))
        self.lazy = _LazyRows(own, self.hcol)

    def _add(self, cols: np.ndarray) -> int:
        if not len(cols):
            return 0
        starts, entries = _gather(self.col_start[cols], self.col_start[cols + 1])
        self.h.addCols(
            len(cols), self.cost[cols], self.lo[cols], self.hi[cols], len(entries),
            starts.astype(np.int32), self.col_row[entries].astype(np.int32), self.col_val[entries],
        )  # fmt: skip
        self.hcol[cols] = np.arange(len(self.order), len(self.order) + len(cols))
        self.order = np.concatenate([self.order, cols])
        return len(cols)

    def values(self, col_value) -> np.ndarray:
        x = np.zeros(self.n_cols)
        col_value = np.asarray(col_value)
        x[self.order[: len(col_value)]] = col_value
        return x

    def objective(self) -> float:
        return -self.h.getInfo().objective_function_value  # Φ

    def level_bound(self, cols: np.ndarray, sign: float, deadline: float) -> float | None:
        """The LP optimum of one level alone, ``sign`` · Σ_{cols} x minimised (the held-out moves priced
        with that objective: they cost nothing in it, as in −Φ), over the rows so far; None if the LP
        does not solve. Restores −Φ as the objective (the next :meth:`solve_lp` re-solves it)."""
        cost = np.zeros(self.n_cols)
        cost[cols] = sign
        saved, self.cost = self.cost, cost
        try:
            self._set_costs()
            ms = self.solve_lp(deadline)
            value = self.h.getInfo().objective_function_value if ms == highspy.HighsModelStatus.kOptimal else None
        finally:
            self.cost = saved
            self._set_costs()
        return None if value is None else sign * value

    def _set_costs(self) -> None:
        k = len(self.order)
        self.h.changeColsCost(k, np.arange(k, dtype=np.int32), self.cost[self.order])

    def add_row(self, cols: np.ndarray, lo: float, hi: float) -> None:
        """A row lo ≤ Σ_{cols} x ≤ hi over columns already in the LP (no held-out move enters it)."""
        h_cols = self.hcol[cols]
        assert np.all(h_cols >= 0)
        self.h.addRow(lo, hi, len(h_cols), h_cols.astype(np.int32), np.ones(len(h_cols)))

    def _reduced_costs(self) -> tuple[np.ndarray, np.ndarray]:
        """The moves still outside and their reduced costs at the last LP's duals."""
        out = np.flatnonzero(self.hcol[self.pool] < 0)
        assert self.last_y is not None
        if not len(out):
            return out, np.zeros(0)
        # every move has an entry in its person's row, so no range is empty
        d = self.cost[self.pool] - np.add.reduceat(
            self.pool_val * self.last_y[self.pool_row], self.pool_start
        )
        return out, d[out]

    def _price(self) -> int:
        out, d = self._reduced_costs()
        take = np.flatnonzero(d < -RC_TOL)
        if not len(take):
            return 0
        person = self.pool_person[out[take]]
        order = np.lexsort((d[take], person))
        person = person[order]
        first = np.flatnonzero(np.r_[True, person[1:] != person[:-1]])
        rank = np.arange(len(order)) - np.repeat(first, np.diff(np.r_[first, len(order)]))
        return self._add(self.pool[out[take[order[rank < POOL_PER_PERSON]]]])

    def add_all_moves(self) -> int:
        """Every individual move still held out enters the LP."""
        return self._add(self.pool[self.hcol[self.pool] < 0])

    def complete(self) -> bool:
        """Whether every individual move is in the LP."""
        return bool(np.all(self.hcol[self.pool] >= 0))

    def add_priced(self, threshold: float) -> int:
        """Add every move left out whose reduced cost is at most ``threshold``; their number."""
        if self.last_y is None:
            return 0
        out, d = self._reduced_costs()
        return self._add(self.pool[out[d <= threshold]])

    def fix_by_reduced_cost(self, ints: np.ndarray, threshold: float) -> int:
        """Fix at its LP bound every integer column of the last LP whose reduced cost exceeds
        ``threshold`` in absolute value (undone by :meth:`unfix`); their number."""
        if self.last_d is None:
            return 0
        cols = self.hcol[ints]
        cols = cols[(cols >= 0) & (cols < len(self.last_d))]
        d = self.last_d[cols]
        low, high = cols[d > threshold], cols[d < -threshold]
        at = np.concatenate([self.lo[self.order[low]], self.hi[self.order[high]]])
        return self._fix(np.concatenate([low, high]), at)

    def fix_around_fractional(self, ints: np.ndarray, x: np.ndarray, skip_row: int) -> int:
        """Fix every integer column at its value in the LP solution ``x`` (the builder's numbering)
        except the fractional ones and those sharing a row with one (``skip_row`` aside); undone by
        :meth:`unfix`. Their number."""
        frac = ints[np.abs(x[ints] - np.round(x[ints])) > INTEGRAL_TOL]
        starts, entries = _gather(self.col_start[frac], self.col_start[frac + 1])
        rows = np.unique(self.col_row[entries])
        near_row = np.zeros(self.n_rows + 1, dtype=bool)
        near_row[rows[rows != skip_row]] = True
        col_of = np.repeat(np.arange(self.n_cols), np.diff(self.col_start))
        free = np.zeros(self.n_cols, dtype=bool)
        free[col_of[near_row[self.col_row]]] = True
        cols = ints[~free[ints] & (self.hcol[ints] >= 0)]
        return self._fix(self.hcol[cols], np.round(x[cols]))

    def _fix(self, cols: np.ndarray, at: np.ndarray) -> int:
        self.fixed = cols
        self.h.changeColsBounds(len(cols), cols.astype(np.int32), at, at)
        return len(cols)

    def unfix(self) -> None:
        if self.fixed is not None and len(self.fixed):
            b = self.order[self.fixed]
            self.h.changeColsBounds(len(b), self.fixed.astype(np.int32), self.lo[b], self.hi[b])
        self.fixed = None

    def solve_lp(self, deadline: float) -> highspy.HighsModelStatus:
        """Solve, price in moves and add violated rows until neither happens; the model status."""
        while True:
            run_highs(self.h, max(1.0, deadline - time.perf_counter()))
            ms = self.h.getModelStatus()
            if ms != highspy.HighsModelStatus.kOptimal:
                return ms
            sol = self.h.getSolution()
            self.last_y = np.asarray(sol.row_dual)[: self.n_rows]
            self.last_d = np.asarray(sol.col_dual)
            added = self.lazy.add_violated(self.h, self.values(sol.col_value))
            added += self._price()
            if not added:
                return ms
            # re-solves by primal simplex: the basis stays primal feasible when columns enter, and the
            # dual simplex re-solve wanders on this degenerate LP (measured, 5,000 people: 13,343
            # iterations to re-solve after 96 new columns, against 2,391 for the first solve; by primal
            # simplex, a few dozen)
            self.h.setOptionValue("simplex_strategy", SIMPLEX_PRIMAL)

    def lp_values(self) -> np.ndarray:
        return self.values(self.h.getSolution().col_value)

    def solve_mip(
        self,
        ints: np.ndarray,
        deadline: float,
        solver: str,
        start: np.ndarray | None = None,
        *,
        presolve: bool = False,
        in_process: bool = False,
    ) -> tuple[str, float | None, np.ndarray | None, float | None]:
        """The MIP over the columns in the LP: (status, Φ, values in the builder's numbering, bound).
        ``start``: a plan to start from, in the builder's numbering. ``presolve``: HiGHS' presolve on for
        this MIP (the neighbourhood MIP, most columns fixed: measured at 20,000 people with HiGHS, 25 s
        of root separation without it, which did not look at the time limit, against 2.5 s with it).
        ``in_process``: HiGHS solves it in this process whatever its size (else a large one goes to a
        child, :data:`MIP_CHILD_COLUMNS`)."""
        h = self.h
        if presolve:
            h.setOptionValue("presolve", "on")
        ints_h = self.hcol[ints]
        ints_h = ints_h[ints_h >= 0]
        set_integrality(h, ints_h, True)
        start_h = None
        if start is not None:
            start_h = np.asarray(start)[self.order[: h.getNumCol()]]
        seconds = max(1.0, deadline - time.perf_counter())
        try:
            if solver == "highs" and not in_process and h.getNumCol() >= MIP_CHILD_COLUMNS:
                out = _mip_in_child(h, seconds, abs_gap=0.999, rel_gap=0.0, start=start_h)
            else:
                out = solve_highs_mip(h, ints_h, solver, seconds, abs_gap=0.999, rel_gap=0.0, start=start_h)
        finally:
            # the LP again: left integer, the next "LP" (the level-wise LPs of _level_rows) was a MIP
            # without duals, which HiGHS solved for seconds past its time limit and interrupt (measured,
            # 20,000 people: its root LP 5.7 s on a 0.3 s limit), and which priced nothing
            if not runtime.worker_busy():  # (a model still solving must not be touched)
                set_integrality(h, ints_h, False)
                if presolve:
                    h.setOptionValue("presolve", "off")
        values = None if out.values is None else self.values(out.values)
        value = None if out.objective is None else -out.objective
        return out.status, value, values, None if out.bound is None else -out.bound


#: the HiGHS child of :func:`_mip_in_child`: the model (arrays), the options and a start from the parent;
#: back the status, the bound and, when there is one, the solution
_MIP_CHILD = """
import os, sys
import highspy
import numpy as np
model, options, out, seconds = sys.argv[1:5]
h = highspy.Highs()
h.readOptions(options)
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", float(seconds))
d = np.load(model)
lp = highspy.HighsLp()
lp.num_col_, lp.num_row_ = int(d["num_col"]), int(d["num_row"])
lp.col_cost_, lp.col_lower_, lp.col_upper_ = d["col_cost"], d["col_lower"], d["col_upper"]
lp.row_lower_, lp.row_upper_ = d["row_lower"], d["row_upper"]
lp.offset_ = float(d["offset"])
lp.sense_ = highspy.ObjSense(int(d["sense"]))
a = lp.a_matrix_
a.format_ = highspy.MatrixFormat(int(d["format"]))
a.num_col_, a.num_row_ = lp.num_col_, lp.num_row_
a.start_, a.index_, a.value_ = d["start"], d["index"], d["value"]
lp.a_matrix_ = a
lp.integrality_ = [highspy.HighsVarType(int(v)) for v in d["integrality"]]
h.passModel(lp)
if len(d["solution"]):
    sol = highspy.HighsSolution()
    sol.col_value = d["solution"].tolist()
    sol.value_valid = True
    h.setSolution(sol)
h.run()
info = h.getInfo()
found = info.primal_solution_status == 2
values = np.asarray(h.getSolution().col_value) if found else np.zeros(0)
np.savez(out + ".part.npz", status=int(h.getModelStatus()), found=found,
         objective=info.objective_function_value, bound=info.mip_dual_bound, values=values)
os.replace(out + ".part.npz", out)
"""


def _mip_in_child(
    h: highspy.Highs, seconds: float, *, abs_gap: float, rel_gap: float, start: np.ndarray | None
) -> HighsMip:
    """:func:`mutasi_cli.solve.solvers.solve_highs_mip` by HiGHS in a child process, back within ``seconds``
    (and by the plan's deadline, :func:`mutasi_cli.support.runtime.clamp`): the child gets the same model,
    options and start as ``h`` would use in-process (the same search), its own time limit
    :data:`~mutasi_cli.solve.solvers.INTERRUPT_LEAD` seconds short of the end, and is killed at the end,
    wherever HiGHS is (see :data:`MIP_CHILD_COLUMNS`). Through :mod:`mutasi_cli.support.runtime`: its own session,
    ended on any interrupt, its files in this run's private temporary folder."""
    t0 = time.perf_counter()
    end = t0 + runtime.clamp(seconds)
    if end - t0 < MIN_SOLVE_SECONDS:
        return HighsMip("no-solution", None, None, None)
    h.setOptionValue("mip_abs_gap", abs_gap)
    h.setOptionValue("mip_rel_gap", rel_gap)
    lp = h.getLp()
    a = lp.a_matrix_
    solution = np.zeros(0)
    if start is not None:
        solution = np.asarray(start, dtype=float)
    else:  # in-process, HiGHS would start from the model's solution if it is still valid
        sol = h.getSolution()
        if sol.value_valid and len(sol.col_value) == lp.num_col_:
            solution = np.asarray(sol.col_value, dtype=float)
    with tempfile.TemporaryDirectory(prefix="mutasi-highs-", dir=runtime.temp_dir()) as tmp:
        model, options, out = Path(tmp) / "model.npz", Path(tmp) / "options.txt", Path(tmp) / "result.npz"
        with _quiet_stdout():
            h.writeOptions(str(options))
        np.savez(
            model, num_col=lp.num_col_, num_row=lp.num_row_, col_cost=np.asarray(lp.col_cost_),
            col_lower=np.asarray(lp.col_lower_), col_upper=np.asarray(lp.col_upper_),
            row_lower=np.asarray(lp.row_lower_), row_upper=np.asarray(lp.row_upper_), offset=lp.offset_,
            sense=int(lp.sense_), format=int(a.format_), start=np.asarray(a.start_),
            index=np.asarray(a.index_), value=np.asarray(a.value_),
            integrality=np.array([int(v) for v in lp.integrality_], dtype=np.int8), solution=solution,
        )  # fmt: skip
        limit = end - time.perf_counter()
        if limit < MIN_SOLVE_SECONDS:
            return HighsMip("no-solution", None, None, None)
        lead = min(INTERRUPT_LEAD, limit / 2)
        args = [sys.executable, "-c", _MIP_CHILD, str(model), str(options), str(out), f"{limit - lead:.3f}"]
        with runtime.child(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ) as proc:  # fmt: skip
            try:
                proc.wait(timeout=max(0.0, end - time.perf_counter()))
            except subprocess.TimeoutExpired:
                runtime.end_child(proc, grace=0.0)
        if not out.exists():
            return HighsMip("no-solution", None, None, None)
        with np.load(out) as r:
            ms, found = highspy.HighsModelStatus(int(r["status"])), bool(r["found"])
            objective, bound, values = float(r["objective"]), float(r["bound"]), np.array(r["values"])
    status = (
        "optimal" if ms == highspy.HighsModelStatus.kOptimal and found
        else "infeasible" if ms == highspy.HighsModelStatus.kInfeasible
        else "feasible" if found else "no-solution"
    )  # fmt: skip
    finite = bound if np.isfinite(bound) else None
    if not found:
        return HighsMip(status, None, None, finite)
    return HighsMip(status, objective, values, finite)


def _level_rows(
    lp: _StageLp, level_cols: tuple[np.ndarray, np.ndarray], plan: np.ndarray, deadline: float
) -> tuple[float, np.ndarray] | None:
    """Prove levels 0 and 1 of ``plan`` one at a time by the LP, where Φ's LP cannot: the LP optimum
    of level 0 alone, rounded up, is a bound on every plan's level 0 (an integer); when ``plan`` meets
    it, the row L0 ≤ L0(plan) is valid for every optimal plan, and the same for level 1 (L1 ≥ L1(plan),
    the LP's maximum rounded down) once level 0 is held. Returns Φ's LP value (and solution) with the
    rows added, or None when level 0 is not proven this way. Levels 0–2 stay exact: the rows only cut
    off plans worse than ``plan`` on a level above.

    Why: one unplaced person weighs w0 in Φ, so a fraction of one in the LP leaves Φ's bound far above
    every plan and reduced-cost fixing powerless (measured, 5,000 people under the career path: LP 0.67
    of a person below the optimum's level 0, one proof MIP of 6–8 s with CBC)."""
    unplaced, filled = level_cols
    if time.perf_counter() >= deadline:  # a proof, not a plan: none is started after stage A's time
        return None
    l0 = float(plan[unplaced].sum()) if len(unplaced) else 0.0
    floor0 = lp.level_bound(unplaced, 1.0, deadline) if len(unplaced) else 0.0
    if floor0 is None or np.ceil(floor0 - 1e-6) < l0 - 0.5:
        return None
    if len(unplaced):
        lp.add_row(unplaced, -INF, l0)
    if len(filled) and time.perf_counter() < deadline:
        l1 = float(np.round(plan[filled].sum()))
        top1 = lp.level_bound(filled, -1.0, deadline)
        if top1 is not None and np.floor(top1 + 1e-6) <= l1 + 0.5:
            lp.add_row(filled, l1, INF)
    if time.perf_counter() >= deadline or lp.solve_lp(deadline) != highspy.HighsModelStatus.kOptimal:
        return None
    return lp.objective(), lp.lp_values()


def _mip_over_priced(
    lp: _StageLp,
    ints: np.ndarray,
    lp_value: float,
    bound: float,
    deadline: float,
    solver: str,
    incumbent: tuple[float, np.ndarray] | None = None,
) -> tuple[str, float | None, np.ndarray | None, float]:
    """Stage A's MIP when the LP's vertex is fractional, exact without every individual move in it.

    Reduced-cost argument, from the LP's optimal duals: a plan has Φ ≤ LP − Σ_j |d_j|·(distance of x_j
    from its LP bound). So a plan with Φ ≥ t keeps every integer column with |d_j| > LP − t at its LP
    bound (those are fixed), and uses only held-out moves with d_j ≤ LP − t. The target t is one above
    the best plan known (``incumbent``, e.g. the neighbourhood MIP's), or the LP's floor ``bound``
    without one. The MIP runs first over the LP's columns only; if it falls short of t, again with the
    held-out moves that could reach t; if it still falls short, no plan reaches t and the best plan is
    optimal. A plan reaching t raises t. (Measured, 5,000 people under the career path, LP 0.67 places
    above the optimum: starting from the LP's floor took three MIPs of 5–8 s with CBC before the one
    that proves the incumbent; starting from the incumbent, that one alone.)"""
    best_v, best_x = incumbent if incumbent is not None else (None, None)
    target = bound if best_v is None else min(bound, best_v + 1)
    complete = False  # every held-out move that could reach the target is in
    while True:
        if best_v is not None and best_v >= bound - 0.5:
            return "optimal", best_v, best_x, best_v
        if best_x is not None and time.perf_counter() >= deadline:
            # stage A's time is up and a plan is at hand: no MIP is started for the proof. Such a MIP is
            # given a second at least, and HiGHS, its presolve off, sets up this one (every column of
            # the LP) and solves its root LP for seconds before it looks at its limit or its interrupt
            return "feasible", best_v, best_x, bound
        lp.fix_by_reduced_cost(ints, lp_value - target + RC_FIX_SLACK)
        st_name, value, values, _ = lp.solve_mip(ints, deadline, solver, start=best_x)
        lp.unfix()
        if value is not None and values is not None and (best_v is None or value > best_v):
            best_v, best_x = value, values
        if st_name not in ("optimal", "infeasible"):  # out of time: the best plan found, the bound so far
            return ("feasible" if best_x is not None else st_name), best_v, best_x, bound
        if value is not None and value >= target - 0.5:
            target, complete = min(bound, value + 1), False  # better plans may use moves left out
            continue
        if not complete:
            complete = True
            if lp.add_priced(lp_value - target + RC_SLACK):
                continue
        bound = target - 1  # nothing reaches the target
        if best_v is None:
            target, complete = target - 1, False
        if time.perf_counter() >= deadline:
            return ("feasible" if best_x is not None else "no-solution"), best_v, best_x, bound


class _LazyRows:
    """Rows held back from the LP (all of the form Σ a·x ≤ hi), added when a solution violates them."""

    def __init__(self, rows: _Builder, colmap: np.ndarray | None = None) -> None:
        self.colmap = colmap  # the solver's column of each column in ``rows``, if they differ
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
        starts, entries = _gather(self.starts[rows], self.ends[rows])
        h.addRows(
            len(rows), np.full(len(rows), -INF), self.hi[rows], len(entries), starts.astype(np.int32),
            (self.idx[entries] if self.colmap is None else self.colmap[self.idx[entries]]).astype(np.int32),
            self.val[entries],
        )  # fmt: skip
        self.pending[rows] = False
        return len(rows)


def _gather(begin: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ranges [begin, end) of a sparse matrix's entries, laid end to end: (start of each range in the
    result, the entries' positions in the matrix)."""
    lens = end - begin
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
    return starts, np.repeat(begin - starts, lens) + np.arange(lens.sum())


def _must_part(rnd: Round) -> np.ndarray:
    """Per person: named in a Relasi pair that starts in one unit while ``relasi = "selalu"``."""
    out = np.zeros(rnd.n_people, dtype=bool)
    if rnd.rules.relasi != "selalu" or not len(rnd.relasi):
        return out
    unit = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    a, b = rnd.relasi["a"].to_numpy(), rnd.relasi["b"].to_numpy()
    same = unit[a] == unit[b]
    out[a[same]] = out[b[same]] = True
    return out


def _relation_rows(b: _Builder, rnd, stay, status, ind_e, ind_p, ind_col) -> None:
    """Relasi rows (:func:`mutasi_cli.solve.model.relation_rows`) over the individual moves: people named in
    Relasi are always individual."""
    if not len(rnd.relasi):
        return
    into = moves_into_units(rnd, ind_e, ind_p, ind_col)
    can_stay = {e: int(stay[e]) for e in range(rnd.n_people) if not status.dihapus[e]}
    for name, terms in relation_rows(rnd, into, can_stay):
        b.add(R.Row(name, terms, -INF, 1))


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
