"""The pricing route: levels 0–2 exactly on the aggregated model (:mod:`mutasi_cli.solve.aggregate`), then
level 3 on the model of :mod:`mutasi_cli.solve.model` over a small subset of the moves, with a bound that
holds for all of them.

A Bungo-like round has millions of allowed (person, position) moves, but an optimal plan uses a few
thousand. Levels 0–2 are held at stage A's optimum by three rows with unit coefficients (the same integer
plans as "Φ ≥ Φ*", a better-conditioned LP than one Φ row with its lexicographic weights; measured:
column generation at 5,000 people 12.9 s → 5.8 s, the first LP at 20,000 people 26 s → 1.4 s). The
level-3 model starts from the stay/unplaced variables, the Kunci moves and the moves of stage A's plan,
and grows by *column generation*: solve the LP relaxation (HiGHS, built from arrays), compute the reduced
cost of every move left out, add those that could improve the LP, delete those far from entering
(``PURGE_RC``), repeat. The Relasi rows exist from the start; a move of a person named in Relasi enters
them when it is added, and their duals enter that person's reduced costs.

Fill places. A position with no more incumbents than its formasi can never hold more than formasi people,
so its filled places are simply its occupancy: its fill reward is part of the cost of every column that
puts someone there, and its Prioritas-1 places enter the level-1 row through those columns. Only the
over-filled positions keep a column and a row for them. Measured at 50,000 people: 80,537 → 68,539 rows,
column generation 761 s → 230 s (the dual simplex took up to 2.6 ms an iteration on the larger LP, and
the rounds' LPs converged more slowly).

Bounds. After every LP the *Lagrangian bound* (:meth:`PricingModel.lagrangian_bound`) relaxes every row
but the assignment rows with the LP's duals and takes each person's best move over *all* moves: a valid
bound at every round, equal to the LP value once no move prices out. Column generation stops when the
two are within ``CG_STOP_GAP`` (or at ``CG_SHARE`` of the time left).

Plans. First *fix and solve*: the integer columns at 1 in the LP are fixed and a MIP decides the
fractional rest; accepted when within ``STAGE_B_ACCEPT`` of the bound. Otherwise column generation runs
to the end and the MIP runs over the generated moves (first over the LP's support); if still not within
the acceptance, every move whose reduced cost is small enough to matter (``rc ≤ bound − plan``) is added
and the MIP solved again, so that its own bound holds for all moves.

Reduced costs are computed per *pricing class*: people of one eligibility profile who also share the
attributes the fit score reads (major, training, SKP, home kecamatan, wishes) have the same fit vector
over their eligible positions, computed once as a row of their group's matrix; a pricing round then
costs a few matrix operations per group.

Sign convention: HiGHS minimises −Ψ (move columns cost ε − fit); a column's reduced cost is c_j − a_jᵀy
with the row duals y.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import highspy
import numpy as np
import pandas as pd

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import NO_LOCK, PersonStatus, larangan_mask
from mutasi_cli.solve import rows as R
from mutasi_cli.solve.aggregate import solve_stage_a
from mutasi_cli.solve.candidates import CandidateSpace
from mutasi_cli.solve.model import held_incumbents, stay_bounds, turnover_groups, unchanged_stays
from mutasi_cli.solve.rows import relation_rows
from mutasi_cli.solve.solvers import (
    SIMPLEX_DUAL,
    SIMPLEX_PRIMAL,
    SolveOutcome,
    _quiet_stdout,
    run_highs,
    set_integrality,
    solve_highs_mip,
)
from mutasi_cli.solve.verify import level_values, plan_from_solution
from mutasi_cli.support.messages import PROGRESS_FIX, PROGRESS_ROUND, PROGRESS_ROUND_SCORE
from mutasi_cli.support.numbers import format_count, format_number

INF = highspy.kHighsInf
#: a move enters the model when its reduced cost is below −RC_TOL
RC_TOL = 1e-6
#: moves added per person and pricing round
PER_PERSON = 4
#: fit vectors are computed in batches of this many (class, position) pairs
FIT_BATCH = 4_000_000
#: reduced costs are computed in matrices of about this many (person, position) entries
VALUE_CHUNK = 2_000_000
#: relative gap at which the level-3 MIP stops
STAGE_B_GAP = 5e-4
#: level 3 is accepted when within this share of a bound valid for all moves (issue #3: 0.1 %)
STAGE_B_ACCEPT = 1e-3
#: the solver of stage B's fix-and-solve and support MIPs (the MIP over every generated move uses the
#: round's solver)
SMALL_MIP_SOLVER = "highs"
#: the level-3 MIP first runs over the moves the LP uses or prices within this reduced cost
RC_KEEP = 1e-6
#: column generation stops when the Lagrangian bound is this close to the LP value (relative), and fix
#: and solve is tried: its plan was 3–4e-4 below the LP at 20,000 and 50,000 people, so a bound this close
#: usually accepts it (when not, column generation goes on). Measured at 50,000 people with 4e-4: the
#: bound was 4.4e-4 above the LP, and the round that brought it to 0.1e-4 took 129 s
CG_STOP_GAP = 7e-4
#: the LP is re-solved by primal simplex when fewer moves than this share of the people were added (dual
#: simplex re-walks the degenerate optimal face after any change: measured at 20,000 people, 1,952 moves
#: added: dual 20,127 iterations in 3.9 s, primal 1,508 in 1.2 s; but 22,247 moves added: primal 4.8 s
#: against dual 3.0 s)
PRIMAL_SHARE = 0.1
#: share of stage B's time that column generation may use before settling for its Lagrangian bound
CG_SHARE = 0.85
#: after each column-generation round, moves whose reduced cost exceeds this are deleted from the LP
PURGE_RC = 0.5
#: never let the reduced-cost argument add more moves than this in one go
MAX_PROOF_COLUMNS = 300_000
#: building stage B's model, seconds per person, on the low side (measured at 20,000 people: 1.4 s on an
#: idle machine, 2.5 s and 4.9 s on a busy one): with less time than that left before the deadline when
#: stage A ends, stage B does not start and stage A's plan is the plan (issue #14: at 20,000 people with
#: HiGHS stage B was built after the deadline, for a column generation that could no longer run)
STAGE_B_BUILD_SECONDS_PER_PERSON = 5e-5

__all__ = ["PricingRun", "solve_pricing"]


@dataclass
class LpSolution:
    col_value: np.ndarray
    col_dual: np.ndarray
    row_dual: np.ndarray


@dataclass
class PricingRun:
    final: np.ndarray | None
    stage_a: SolveOutcome
    stage_b: SolveOutcome | None
    stats: dict[str, float] = field(default_factory=dict)


@dataclass
class _Block:
    """The pricing classes of one candidate group: they share the eligible positions."""

    positions: np.ndarray  # eligible positions, ascending
    fit: np.ndarray  # (classes × positions) fit points, float32 (integers, exact)
    persons: np.ndarray  # every member of every class
    row: np.ndarray  # each person's class (row of ``fit``)
    solo: np.ndarray  # per person: named in Relasi (their class is their own)
    cur_index: np.ndarray  # each person's own position in ``positions``, -1 if not there

    def rows(self, chunk: int) -> list[slice]:
        """Slices of ``persons`` whose value matrices hold about ``chunk`` entries."""
        step = max(1, chunk // max(1, len(self.positions)))
        return [slice(i, i + step) for i in range(0, len(self.persons), step)]


class _Classes:
    """Pricing classes: people of one candidate group who also share what the fit score reads have the
    same fit vector over the group's positions; it is computed once, as a row of the group's matrix, and
    each pricing round is then a few matrix operations per group."""

    def __init__(self, rnd: Round, space: CandidateSpace, solo: np.ndarray) -> None:
        """``solo``: people who get a class of their own (those named in Relasi, whose moves also enter
        their own Relasi rows)."""
        people = rnd.people
        cur = people["pos"].to_numpy()
        keys = pd.DataFrame(
            {
                "solo": np.where(solo, np.arange(len(people)), -1),
                "jurusan": people["jurusan"],
                "diklat": people["diklat"].map(lambda t: "|".join(t)),
                "skp": people["skp"],
                "kec": people["kecamatan"].fillna(""),
                "wishes": people["wishes"].map(lambda t: "|".join(t)),
            }
        )
        self.blocks: list[_Block] = []
        self.count = 0
        for g in space.groups:
            persons, positions = g.persons, g.positions
            if not len(persons) or not len(positions):
                continue
            sub = keys.iloc[persons]
            row = np.zeros(len(persons), dtype=np.int64)
            reps: list[int] = []
            for idx in sub.groupby(list(sub.columns), sort=False).indices.values():
                row[idx] = len(reps)
                reps.append(int(persons[idx[0]]))
            fit = np.empty((len(reps), len(positions)), dtype=np.float32)
            step = max(1, FIT_BATCH // len(positions))
            for i in range(0, len(reps), step):
                r = np.array(reps[i : i + step])
                e = np.repeat(r, len(positions))
                p = np.tile(positions, len(r))
                fit[i : i + len(r)] = scoring.fit(rnd, e, p).reshape(len(r), len(positions))
            at = np.searchsorted(positions, cur[persons]).clip(max=len(positions) - 1)
            cur_index = np.where(positions[at] == cur[persons], at, -1)
            self.blocks.append(_Block(positions, fit, persons, row, solo[persons], cur_index))
            self.count += len(reps)


class PricingModel:
    """The model of :mod:`mutasi_cli.solve.model` as HiGHS arrays, with move columns added on demand."""

    def __init__(
        self,
        rnd: Round,
        status: PersonStatus,
        space: CandidateSpace,
        targets: tuple[int, int, int],
        unchanged: tuple[np.ndarray, int] | None = None,
    ) -> None:
        """``targets``: the optimal values of levels 0–2 (stage A), held by three rows. ``unchanged``: for
        a re-plan after review, the people whose stay is no change (:func:`mutasi_cli.solve.model.unchanged_stays`)
        and how many of them stay at the fewest changes, held by a fourth row."""
        self.rnd, self.status, self.space = rnd, status, space
        people, positions = rnd.people, rnd.positions
        n, m = rnd.n_people, rnd.n_positions
        self.cur = people["pos"].to_numpy()
        self.due = status.due
        formasi = positions["formasi"].to_numpy().astype(int)
        aktif = positions["aktif"].to_numpy()
        prio = positions["prioritas"].to_numpy()
        wfill = scoring.fill_weight(prio, rnd.weights)
        with _quiet_stdout():
            self.h = highspy.Highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("threads", 1)

        # --- static columns ----------------------------------------------------------------------------
        lo: list[float] = []
        hi: list[float] = []
        self.integer_cols: list[int] = []

        def col(low: float, high: float, integer: bool) -> int:
            lo.append(low)
            hi.append(high)
            if integer:
                self.integer_cols.append(len(lo) - 1)
            return len(lo) - 1

        self.s_col = np.full(n, -1, dtype=np.int64)
        self.u_col = np.full(n, -1, dtype=np.int64)
        for e, (low, high) in enumerate(stay_bounds(rnd, status)):
            if status.dihapus[e]:
                self.u_col[e] = col(0, 1, True)
            else:
                self.s_col[e] = col(low, high, True)
        incumbents: dict[int, list[int]] = {}
        for e in np.flatnonzero(self.s_col >= 0).tolist():
            incumbents.setdefault(int(self.cur[e]), []).append(int(e))
        n_inc = np.array([len(incumbents.get(p, ())) for p in range(m)])
        over = aktif & (n_inc > formasi)
        # A position that cannot be over-filled (no more incumbents than formasi) holds at most formasi
        # people, so its filled places are its occupancy: its fill reward goes into the cost of every
        # column that puts someone there (stays and moves) and its Prioritas-1 places into the level-1
        # row directly, instead of a column and a row each (11,998 of 80,537 rows at 50,000 people).
        # Over-filled positions keep them: there occupancy may exceed formasi while nobody arrives.
        direct = aktif & ~over
        self.gain = np.where(direct, wfill, 0.0)  # added to the fit of every column that fills p
        self.p1_direct = direct & (prio == 1)
        self.z_col = np.full(m, -1, dtype=np.int64)
        self.over = over
        #: the incumbents of over-filled positions: fix and solve leaves their stays free and their moves open
        self.over_incumbent = (self.s_col >= 0) & (self.cur >= 0) & over[np.maximum(self.cur, 0)]
        self.f_col = np.full(m, -1, dtype=np.int64)
        self.g_col = np.full(m, -1, dtype=np.int64)
        for p in np.flatnonzero(over).tolist():
            self.z_col[p] = col(0, 1, True)
        for p in np.flatnonzero(over & (prio == 1)).tolist():
            self.f_col[p] = col(0, formasi[p], False)
        for p in np.flatnonzero(over & (wfill > 0)).tolist():
            self.g_col[p] = col(0, formasi[p], False)
        n_static = len(lo)
        self.h.addVars(n_static, np.array(lo), np.array(hi))
        cost = np.zeros(n_static)  # HiGHS minimises −Ψ
        has_s = self.s_col >= 0
        gain_at = np.where(self.cur >= 0, self.gain[np.maximum(self.cur, 0)], 0.0)
        cost[self.s_col[has_s]] = -space.stay_fit[has_s] - gain_at[has_s]
        has_g = self.g_col >= 0
        cost[self.g_col[has_g]] = -wfill[has_g]
        self.h.changeColsCost(n_static, np.arange(n_static, dtype=np.int32), cost)

        # --- static rows (CSR) ---------------------------------------------------------------------
        rows_lo: list[float] = []
        rows_hi: list[float] = []
        starts: list[int] = []
        idx: list[int] = []
        val: list[float] = []

        self.row_names: list[str] = []  # the families' rows by the PuLP model's names ("" for the others)

        def add(r: R.Row) -> int:
            i = row(r.terms, r.lo, r.hi)
            self.row_names[i] = r.name
            return i

        def row(entries, low: float, high: float) -> int:
            self.row_names.append("")
            starts.append(len(idx))
            for c, v in entries:
                idx.append(int(c))
                val.append(float(v))
            rows_lo.append(low)
            rows_hi.append(high)
            return len(rows_lo) - 1

        for e in range(n):  # assign rows are rows 0..n-1
            row([(self.s_col[e] if self.s_col[e] >= 0 else self.u_col[e], 1.0)], 1, 1)
        self.cap_row = np.full(m, -1, dtype=np.int64)
        self.open_row = np.full(m, -1, dtype=np.int64)
        self.p1_row = np.full(m, -1, dtype=np.int64)
        self.fill_row = np.full(m, -1, dtype=np.int64)
        held = held_incumbents(rnd, status)
        kode = positions["kode"].to_numpy()
        for p in np.flatnonzero(aktif).tolist():
            # the rows of every active position, its newcomers' entries added with their columns
            stay = [(int(self.s_col[e]), 1.0) for e in incumbents.get(p, [])]
            f, k = int(formasi[p]), str(kode[p])
            z = int(self.z_col[p]) if over[p] else None
            made = [add(r) for r in R.capacity_rows(k, f, int(n_inc[p]), int(held[p]), stay, [], z)]
            if over[p]:
                self.open_row[p], self.cap_row[p] = made
            else:
                (self.cap_row[p],) = made
            if self.f_col[p] >= 0:
                self.p1_row[p] = add(R.fill_row("filled_p1", k, stay, int(self.f_col[p])))
            if self.g_col[p] >= 0:
                self.fill_row[p] = add(R.fill_row("filled", k, stay, int(self.g_col[p])))
        turnover: list[R.Row[int]] = R.turnover_rows(turnover_groups(rnd, status), self.s_col)
        for r in turnover:
            add(r)
        # levels 0–2 held at their optimum by three rows with unit coefficients (rather than one row of
        # Φ with its large weights): the same integer plans, a tighter and better-conditioned LP
        unplaced = [(int(self.u_col[e]), 1.0) for e in np.flatnonzero(self.u_col >= 0)]
        p1_stays = [
            (self.s_col[e], 1.0)
            for p in np.flatnonzero(self.p1_direct).tolist()
            for e in incumbents.get(p, [])
        ]
        p1_places = [(self.f_col[p], 1.0) for p in np.flatnonzero(self.f_col >= 0)]
        # moves into Prioritas-1 positions enter the level-1 row as they are added, those of due people
        # the level-2 row
        levels: list[R.Row[int]] = R.held_levels_rows(targets, unplaced, p1_places + p1_stays, [])
        l0_row, l1_row, l2_row = levels
        add(l0_row)
        self.l1_row, self.l2_row = add(l1_row), add(l2_row)
        if unchanged is not None:  # the fewest changes to the reviewed plan, on static columns only
            mask, kept = unchanged
            own = np.where(self.s_col >= 0, self.s_col, self.u_col)
            add(R.unchanged_row([(c, 1.0) for c in own[mask].tolist()], kept))
        self.h.addRows(
            len(rows_lo),
            np.array(rows_lo),
            np.array(rows_hi),
            len(idx),
            np.array(starts, dtype=np.int32),
            np.array(idx, dtype=np.int32),
            np.array(val),
        )
        self.n_rows = len(rows_lo)
        self.n_cols = n_static
        self.integrality_on = False
        self.values_override: np.ndarray | None = None
        self.last_lp: LpSolution | None = None  # the last LP column generation solved to optimality
        self.keep_plan: np.ndarray | None = None  # a plan whose moves stay in the model (a MIP start)

        # --- move columns -------------------------------------------------------------------------------
        self.xe = np.zeros(0, dtype=np.int64)
        self.xp = np.zeros(0, dtype=np.int64)
        self.x_fixed = np.zeros(0, dtype=bool)
        self.x_first = self.n_cols
        self.in_model: dict[int, set[int]] = {}
        self.eps = 1.0 / (space.n_pairs + 1)
        related = np.zeros(n, dtype=bool)
        if len(rnd.relasi):
            related[rnd.relasi["a"].to_numpy()] = True
            related[rnd.relasi["b"].to_numpy()] = True
        self.related = related
        units = rnd.positions["unit"].to_numpy()
        self.unit_code = pd.factorize(units)[0].astype(np.int64)
        self.n_units = int(self.unit_code.max(initial=-1)) + 1
        #: Relasi rows a move of a person named in Relasi enters: person → unit code → row indices
        self.rel_rows: dict[int, dict[int, np.ndarray]] = {}
        # Kunci moves, fixed to 1
        self.add_columns(space.kunci_person, space.kunci_position, fixed=True)
        self._larangan()
        self._relation_rows()
        self.classes = _Classes(rnd, space, solo=related)
        lp = self.h.getLp()  # row bounds, static columns and their entries, for the Lagrangian bound
        self.row_lo, self.row_hi = np.array(lp.row_lower_), np.array(lp.row_upper_)
        self.static_lo = np.array(lp.col_lower_)[: self.n_cols]
        self.static_hi = np.array(lp.col_upper_)[: self.n_cols]
        self.static_cost = np.array(lp.col_cost_)[: self.n_cols]
        a = lp.a_matrix_
        start, index, value = np.asarray(a.start_), np.asarray(a.index_), np.asarray(a.value_)
        major = np.repeat(np.arange(len(start) - 1), np.diff(start))
        rows, cols = (major, index) if a.format_ == highspy.MatrixFormat.kRowwise else (index, major)
        keep = rows >= n  # the assignment rows are kept in the Lagrangian subproblem, not relaxed
        self.static_entries = (rows[keep], cols[keep], value[keep])
        finite = np.abs(np.concatenate([self.row_lo, self.row_hi]))
        self.activity = 2.0 * (n + formasi.sum() + finite[np.isfinite(finite)].max(initial=0.0))

    # ----------------------------------------------------------------------------------------------------
    def _all_moves(self, persons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every allowed move of ``persons`` (people of a candidate group), as (person, position) arrays."""
        es, ps = [], []
        for e in persons:
            q = self.space.groups[self.space.group_of[e]].positions
            q = q[q != self.cur[e]]
            if self.has_banned[e]:
                q = q[~np.isin(q, self.banned_positions[int(e)])]
            es.append(np.full(len(q), e))
            ps.append(q)
        if not es:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(es).astype(np.int64), np.concatenate(ps).astype(np.int64)

    def set_integrality(self, on: bool) -> None:
        if on == self.integrality_on:
            return
        set_integrality(self.h, self.integer_cols + list(range(self.x_first, self.n_cols)), on)
        self.integrality_on = on

    def add_columns(
        self, e: np.ndarray, p: np.ndarray, *, fixed: bool = False, fit: np.ndarray | None = None
    ) -> int:
        """Add move columns (e[k] → p[k]) with their entries in every row they belong to; ``fit``, their
        fit points when the caller has them (pricing does)."""
        if not len(e):
            return 0
        e, p = e.astype(np.int64), p.astype(np.int64)
        fit = (scoring.fit(self.rnd, e, p) if fit is None else fit).astype(np.float64)
        k = len(e)
        rows = np.stack(
            [
                e,
                self.cap_row[p],
                self.open_row[p],
                self.p1_row[p],
                self.fill_row[p],
                np.where(self.p1_direct[p], self.l1_row, -1),
                np.where(self.due[e], self.l2_row, -1),
            ],
            axis=1,
        )
        present = rows >= 0
        if self.rel_rows and self.related[e].any():  # Relasi rows too (few people): column by column
            lists = [r[m].tolist() for r, m in zip(rows, present)]
            for j in np.flatnonzero(self.related[e]).tolist():
                by = self.rel_rows.get(int(e[j]), {})
                lists[j] += by.get(int(self.unit_code[p[j]]), np.zeros(0, dtype=np.int64)).tolist()
            counts = np.array([len(t) for t in lists])
            index = np.array([i for t in lists for i in t], dtype=np.int32)
        else:
            counts = present.sum(axis=1)
            index = rows[present].astype(np.int32)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int32)
        value = np.ones(len(index))
        low = np.ones(k) if fixed else np.zeros(k)
        self.h.addCols(k, self.eps - fit - self.gain[p], low, np.ones(k), len(index), starts, index, value)
        if self.integrality_on:
            cols = np.arange(self.n_cols, self.n_cols + k, dtype=np.int32)
            set_integrality(self.h, cols, True)
        self.xe = np.concatenate([self.xe, e])
        self.xp = np.concatenate([self.xp, p])
        self.x_fixed = np.concatenate([self.x_fixed, np.full(k, fixed)])
        self.n_cols += k
        for a, b in zip(e.tolist(), p.tolist()):
            self.in_model.setdefault(a, set()).add(b)
        return k

    def _relation_rows(self) -> None:
        """The Relasi rows of :func:`mutasi_cli.solve.model.relation_rows`, all of them, before any move of a
        person named in Relasi is in the model: each (person, unit) of their moves stands for the moves
        still to come, which enter the rows as they are added (``rel_rows``). Rows with one side only
        are redundant and cost nothing."""
        if not len(self.rnd.relasi):
            return
        unit = self.rnd.positions["unit"].to_numpy()
        into: dict[int, dict[str, list]] = {}
        e_all, p_all = self._all_moves(np.flatnonzero(self.related & (self.space.group_of >= 0)))
        k_first = self.x_first
        e_all = np.concatenate([e_all, self.xe])  # the Kunci moves already in the model
        p_all = np.concatenate([p_all, self.xp])
        for e, w in {(int(e), unit[p]) for e, p in zip(e_all, p_all) if self.related[e]}:
            into.setdefault(e, {})[w] = [(("x", e, w), 1)]
        stay = {e: ("s", int(c)) for e, c in enumerate(self.s_col) if c >= 0}
        rows = relation_rows(self.rnd, into, stay)
        if not rows:
            return
        code = {w: c for w, c in zip(unit, self.unit_code)}
        existing: dict[tuple[int, str], list[int]] = {}
        for j, (e, p) in enumerate(zip(self.xe.tolist(), self.xp.tolist())):
            existing.setdefault((e, unit[p]), []).append(k_first + j)
        starts: list[int] = []
        idx: list[int] = []
        members: dict[int, dict[int, list[int]]] = {}
        for r, (_name, terms) in enumerate(rows, start=self.n_rows):
            starts.append(len(idx))
            for token, _v in terms:
                if token[0] == "s":
                    idx.append(token[1])
                else:
                    _, e, w = token
                    members.setdefault(e, {}).setdefault(int(code[w]), []).append(r)
                    idx += existing.get((e, w), [])
        k = len(rows)
        self.h.addRows(
            k, np.full(k, -INF), np.ones(k), len(idx), np.array(starts, dtype=np.int32),
            np.array(idx, dtype=np.int32), np.ones(len(idx)),
        )  # fmt: skip
        self.n_rows += k
        self.row_names += [name for name, _terms in rows]
        self.rel_rows = {e: {w: np.array(rs) for w, rs in by.items()} for e, by in members.items()}

    def _relasi_adjust(self, y: np.ndarray) -> dict[int, np.ndarray]:
        """Per person named in Relasi and unit code, the sum of the duals of the Relasi rows a move of
        theirs into that unit enters."""
        out: dict[int, np.ndarray] = {}
        for e, by in self.rel_rows.items():
            adj = np.zeros(self.n_units)
            for w, rs in by.items():
                adj[w] = y[rs].sum()
            out[e] = adj
        return out

    # ----------------------------------------------------------------------------------------------------
    def price(self, duals: np.ndarray, threshold: float, per_person: int | None) -> int:
        """Add the moves left out whose reduced cost is below ``threshold`` (at most ``per_person`` each,
        best first; all of them when ``per_person`` is None). Returns the number added."""
        q = self._position_duals(duals)
        r = duals[: self.rnd.n_people] + self.due * duals[self.l2_row]
        new_e: list[int] = []
        new_p: list[int] = []
        new_f: list[float] = []
        for blk, sl, vals in self._values(q, self._relasi_adjust(duals)):
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
                    self.in_model.get(int(persons[hot[i]]), ()),
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
        return self.add_columns(
            np.array(new_e, dtype=np.int64), np.array(new_p, dtype=np.int64), fit=np.array(new_f)
        )

    def _values(self, q: np.ndarray, adjust: dict[int, np.ndarray]):
        """Per group and chunk of its people: −(reduced cost) of each person's moves without their own
        duals (assignment, level 2), −∞ where the move does not exist (own position, Larangan)."""
        for blk in self.classes.blocks:
            base = q[blk.positions] + self.gain[blk.positions] - self.eps
            units = self.unit_code[blk.positions]
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
                for i in np.flatnonzero(self.has_banned[persons]).tolist():
                    banned = self.banned_positions[int(persons[i])]
                    at = np.searchsorted(blk.positions, banned)
                    ok = at < len(blk.positions)
                    vals[i, at[ok][blk.positions[at[ok]] == banned[ok]]] = -np.inf
                yield blk, sl, vals

    def purge(self, rc_min: float) -> int:
        """Delete the move columns whose reduced cost in the last LP (``last_lp``) exceeds ``rc_min``:
        nonbasic at 0, so the basis stays valid. Fixed moves and the moves of ``keep_plan`` stay. The
        others stay eligible: pricing adds any of them back when it prices out. Keeps the LP small
        (measured at 20,000 people: a dual simplex iteration costs 0.1 ms at 90k columns, 0.9 ms at
        480k). Returns the number deleted."""
        k = self.n_cols
        lp = self.last_lp
        if lp is None or len(lp.col_dual) != k:
            return 0
        drop = (lp.col_dual[self.x_first :] > rc_min) & ~self.x_fixed
        if self.keep_plan is not None:
            drop &= self.keep_plan[self.xe] != self.xp
        gone = np.flatnonzero(drop)
        if not len(gone):
            return 0
        self.h.deleteCols(len(gone), (gone + self.x_first).astype(np.int32))
        for e, p in zip(self.xe[gone].tolist(), self.xp[gone].tolist()):
            self.in_model[e].discard(p)
        kept = ~drop
        self.xe, self.xp, self.x_fixed = self.xe[kept], self.xp[kept], self.x_fixed[kept]
        self.n_cols -= len(gone)
        whole = np.concatenate([np.ones(self.x_first, dtype=bool), kept])
        self.last_lp = LpSolution(lp.col_value[whole], lp.col_dual[whole], lp.row_dual)
        return len(gone)

    def lagrangian_bound(self, y: np.ndarray) -> float | None:
        """A lower bound on −Ψ over *every* move from any row duals ``y`` of the right signs: relax every
        row except the assignment rows into the objective,

            L(y) = Σ_i y_i·b_i + Σ_{z,f,g} min over the column's box of d_j·x_j + Σ_e min_{columns j of e} d_j,

        with d_j = c_j − a_jᵀy over the relaxed rows and b_i the row's bound that y_i's sign selects. The
        minimum per person runs over all their moves, priced per class as in :meth:`price` (a column
        forced to 1, a Kunci move or a fixed stay, is the person's only choice). With the LP's duals at
        the end of column generation, L equals the LP value; before it, L lets column generation stop as
        soon as the bound is good enough. None if ``y`` does not give a finite bound."""
        y = np.asarray(y, dtype=np.float64).copy()
        n = self.rnd.n_people
        y[np.abs(y) < 1e-9] = 0.0
        yo, lo, hi = y[n:], self.row_lo[n:], self.row_hi[n:]
        # a dual of the wrong sign (simplex noise, ~1e-8) is taken as 0 in the rows' term; the columns'
        # terms still carry it, which costs at most |y_i|·max|a_i x| with |a_i x| ≤ ACTIVITY
        wrong = ((yo > 0) & ~np.isfinite(lo)) | ((yo < 0) & ~np.isfinite(hi))
        if np.abs(yo[wrong]).sum() > 1e-4:
            return None
        up, down = (yo > 0) & ~wrong, (yo < 0) & ~wrong
        total = float(yo[up] @ lo[up] + yo[down] @ hi[down]) - float(np.abs(yo[wrong]).sum()) * self.activity
        # reduced costs of the columns built with the model (static ones and Kunci moves)
        rows, cols, vals = self.static_entries
        d0 = self.static_cost - np.bincount(cols, weights=vals * y[rows], minlength=len(self.static_cost))
        lo0, hi0 = self.static_lo, self.static_hi
        for col_of in (self.z_col, self.f_col, self.g_col):
            c = col_of[col_of >= 0]
            total += float(np.minimum(d0[c] * lo0[c], d0[c] * hi0[c]).sum())
        # per person: stay (or tidak tertampung), else the best move over all moves
        own = np.where(self.s_col >= 0, self.s_col, self.u_col)
        best = np.where(hi0[own] > 0.5, d0[own], np.inf)
        q = self._position_duals(y)
        for blk, sl, vals in self._values(q, self._relasi_adjust(y)):
            persons = blk.persons[sl]
            d_best = -(vals.max(axis=1) + self.due[persons] * y[self.l2_row])
            best[persons] = np.minimum(best[persons], d_best)
        # a column forced to 1 is the person's only choice
        owner = np.concatenate([np.arange(n), self.xe[: len(lo0) - self.x_first]])
        own_col = np.concatenate([own, np.arange(self.x_first, len(lo0))])
        is_forced = lo0[own_col] > 0.5
        best[owner[is_forced]] = d0[own_col[is_forced]]
        if not np.all(np.isfinite(best)):
            return None
        return total + float(best.sum())

    def _position_duals(self, duals: np.ndarray) -> np.ndarray:
        """Per position, the sum of the duals of the rows a move into it enters (capacity, opens,
        Prioritas-1 and fill rows, the level-1 row)."""
        q = np.zeros(self.rnd.n_positions)
        for rows in (self.cap_row, self.open_row, self.p1_row, self.fill_row):
            has = rows >= 0
            q[has] += duals[rows[has]]
        q[self.p1_direct] += duals[self.l1_row]
        return q

    def _larangan(self) -> None:
        """The Larangan pairs among the eligible moves, per person (``banned_positions``, ascending)."""
        lar = self.rnd.larangan
        self.has_banned = np.zeros(self.rnd.n_people, dtype=bool)
        self.banned_positions: dict[int, np.ndarray] = {}
        if not len(lar):
            return
        for e in np.unique(lar["person"].to_numpy()).tolist():
            if self.space.group_of[e] < 0:
                continue
            q = self.space.groups[self.space.group_of[e]].positions
            banned = q[larangan_mask(self.rnd, np.full(len(q), e), q)]
            if len(banned):
                self.has_banned[e] = True
                self.banned_positions[int(e)] = banned

    # ----------------------------------------------------------------------------------------------------
    def run(self, time_limit: float) -> tuple[str, float | None, float | None]:
        """Solve the LP (the MIPs go through :meth:`run_mip`); (status, objective, bound) in the
        minimisation sense: the bound is the objective when optimal."""
        run_highs(self.h, time_limit)
        st = self.h.getModelStatus()
        info = self.h.getInfo()
        has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
        obj = info.objective_function_value if has_solution else None
        if st == highspy.HighsModelStatus.kOptimal:
            return "optimal", obj, obj
        if st == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", None, None
        return ("feasible" if has_solution else "no-solution"), obj, None

    def column_values(self) -> np.ndarray:
        if self.values_override is not None:
            return self.values_override
        return np.asarray(self.h.getSolution().col_value)

    def choose_simplex(self, added: int) -> None:
        """The next LP re-solve after ``added`` moves entered: primal simplex when few did
        (``PRIMAL_SHARE``), dual simplex otherwise."""
        few = added < PRIMAL_SHARE * self.rnd.n_people
        self.h.setOptionValue("simplex_strategy", SIMPLEX_PRIMAL if few else SIMPLEX_DUAL)

    def run_mip(
        self, solver: str, time_limit: float, *, abs_gap: float, rel_gap: float, start: np.ndarray | None
    ) -> tuple[str, float | None, float | None]:
        """Solve the MIP over the columns now in the model, with HiGHS or with CBC (through PuLP)."""
        self.h.setOptionValue("simplex_strategy", SIMPLEX_DUAL)  # the MIP's LPs after branching: dual simplex
        # a MIP run in HiGHS itself leaves no LP basis behind: kept, so that column generation re-solves
        # from it afterwards (measured, 20,000 people: 29.6 s → 39.8 s of column generation without it)
        basis = self.h.getBasis() if solver == "highs" else None
        self.set_integrality(True)
        out = solve_highs_mip(
            self.h,
            np.concatenate([self.integer_cols, np.arange(self.x_first, self.n_cols)]).astype(np.int64),
            solver,
            time_limit,
            abs_gap=abs_gap,
            rel_gap=rel_gap,
            start=None if start is None else self._start_values(start),
        )
        self.values_override = out.values
        if basis is not None and basis.valid:
            self.set_integrality(False)
            self.h.setBasis(basis)
        return out.status, out.objective, out.bound

    def lp_solution(self) -> LpSolution:
        """A copy of the current LP solution (a later MIP run replaces HiGHS' own)."""
        sol = self.h.getSolution()
        return LpSolution(np.array(sol.col_value), np.array(sol.col_dual), np.array(sol.row_dual))

    def narrow_to_lp_support(
        self, lp: LpSolution, keep_plan: np.ndarray, rc_keep: float = RC_KEEP, *, fixing: bool = False
    ) -> int:
        """Before the level-3 MIP: close the moves the LP neither uses nor prices within ``rc_keep``,
        except those of ``keep_plan`` (so that it stays a valid start) and, before fix and solve
        (``fixing``), those of the incumbents of over-filled positions (:meth:`fix_lp_ones`). The
        certificate is unaffected: the plan is compared with the LP bound over all moves. Returns the
        number of moves closed."""
        k = len(lp.col_value)
        xv = lp.col_value[self.x_first : k]
        rc = lp.col_dual[self.x_first : k]
        in_plan = keep_plan[self.xe[: k - self.x_first]] == self.xp[: k - self.x_first]
        keep = in_plan | (fixing & self.over_incumbent[self.xe[: k - self.x_first]])
        closed = np.flatnonzero((xv < 1e-6) & (rc > rc_keep) & ~keep)
        if len(closed):
            cols = (closed + self.x_first).astype(np.int32)
            self.h.changeColsBounds(len(cols), cols, np.zeros(len(cols)), np.zeros(len(cols)))
        self._closed = closed
        return len(closed)

    def fix_lp_ones(self, col_value: np.ndarray) -> int:
        """Before a first, small level-3 MIP: every integer column at 1 in the LP solution gets lower bound
        1, so the MIP only decides the fractional rest ("fix and solve"). Undone by :meth:`unfix`.

        Except at over-filled positions, where nothing is fixed (stays, arrivals, z): an arrival (z = 1)
        needs incumbents to leave down to formasi, and the LP lets people in at a fractional z while its
        incumbents stay at 1. Measured at 50,000 people, on the LP where the full bench ran: with every
        one fixed, or all but those stays, no integer completion (HiGHS proved it in 1.5 s; CBC gave up
        after 17.8 s, and the MIP over the LP's support then took 149 s); with nothing fixed at over-filled
        positions (and their incumbents' moves open, :meth:`narrow_to_lp_support`), 2.7 s (HiGHS) to a
        plan 0.028 % from the LP."""
        cols = np.array(self.integer_cols + list(range(self.x_first, len(col_value))), dtype=np.int64)
        moves = np.arange(self.x_first, len(col_value))
        into_over = moves[self.over[self.xp[: len(moves)]]]
        free = np.concatenate([self.s_col[self.over_incumbent], self.z_col[self.over], into_over])
        cols = cols[~np.isin(cols, free)]
        ones = cols[col_value[cols] > 1 - 1e-6]
        lower = np.asarray(self.h.getLp().col_lower_)[ones]
        ones, lower = ones[lower < 1], lower[lower < 1]
        if len(ones):
            upper = np.asarray(self.h.getLp().col_upper_)[ones]
            self.h.changeColsBounds(len(ones), ones.astype(np.int32), np.ones(len(ones)), upper)
        self._fixed = (ones, lower)
        return len(ones)

    def unfix(self) -> None:
        ones, lower = getattr(self, "_fixed", (np.zeros(0, dtype=np.int64), np.zeros(0)))
        if len(ones):
            upper = np.asarray(self.h.getLp().col_upper_)[ones]
            self.h.changeColsBounds(len(ones), ones.astype(np.int32), lower, upper)
        self._fixed = (np.zeros(0, dtype=np.int64), np.zeros(0))

    def widen(self) -> None:
        closed = getattr(self, "_closed", np.zeros(0, dtype=np.int64))
        if len(closed):
            cols = (closed + self.x_first).astype(np.int32)
            self.h.changeColsBounds(len(cols), cols, np.zeros(len(cols)), np.ones(len(cols)))
        self._closed = np.zeros(0, dtype=np.int64)

    def duals(self) -> np.ndarray:
        return np.asarray(self.h.getSolution().row_dual)

    def plan_from(self, values: np.ndarray) -> np.ndarray | None:
        uv = self.u_col >= 0
        unplaced = np.flatnonzero(uv)[values[self.u_col[uv]] > 0.5]
        return plan_from_solution(self.cur, self.xe, self.xp, values[self.x_first : self.n_cols], unplaced)

    def _start_values(self, final: np.ndarray) -> np.ndarray:
        """Every column's value in the plan ``final``, so that a solver can use it as it is."""
        values = np.zeros(self.n_cols)
        occupancy = np.bincount(final[final >= 0], minlength=self.rnd.n_positions).astype(float)
        formasi = self.rnd.positions["formasi"].to_numpy().astype(float)
        for cols in (self.f_col, self.g_col):
            has = cols >= 0
            values[cols[has]] = np.minimum(occupancy[has], formasi[has])
        has_z = self.z_col >= 0
        arriving = np.bincount(final[(final >= 0) & (final != self.cur)], minlength=self.rnd.n_positions)
        values[self.z_col[has_z]] = (arriving[has_z] > 0).astype(float)
        has_s = self.s_col >= 0
        values[self.s_col[has_s]] = (final[has_s] == self.cur[has_s]).astype(float)
        has_u = self.u_col >= 0
        values[self.u_col[has_u]] = (final[has_u] == -1).astype(float)
        xv = final[self.xe] == self.xp
        values[self.x_first : self.n_cols] = xv.astype(float)
        return values


def progress_round(round_: int, columns: int, value: float, bound: float | None) -> str:
    """The terminal's line for a round of column generation, in plain words and Indonesian numbers:
    the moves weighed so far and, once a bound is known, the LP's value and the ceiling the bound puts
    on it (both negated: the model minimises)."""
    if bound is None:
        return PROGRESS_ROUND.format(round=round_, columns=format_count(columns))
    return PROGRESS_ROUND_SCORE.format(
        round=round_, columns=format_count(columns), value=format_number(value), bound=format_number(-bound)
    )


def _column_generation(
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
        lagrange = pm.lagrangian_bound(duals)
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
        stats[f"{tag}_purged"] = stats.get(f"{tag}_purged", 0) + pm.purge(PURGE_RC)
        added = pm.price(duals, -RC_TOL, PER_PERSON)
        pm.choose_simplex(added)
        if added == 0:
            return "optimal", obj, obj  # no move left out can improve the LP: its value is a bound


#: the stats key set when the time limit (or a share of it) cut a step of stage B short
TIME_CUT = "time_cut"


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


def _stays(rnd: Round, final: np.ndarray) -> np.ndarray:
    """Per person, whether the plan keeps them where the stay column puts them: in place, or unplaced for
    an incumbent of a Dihapus position."""
    cur = rnd.people["pos"].to_numpy()
    return (final == cur) | (final < 0)


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
    # HiGHS whatever the round's solver: with CBC this MIP found no plan in 0.24 s on the sample round
    # and stage A's plan stood, unproven; HiGHS proves it there in a fraction of a second
    stage = solve_stage_a(
        rnd, status, space, until - t, "highs", hold=(reached[0], reached[1], reached[2]), keep=keep
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
    better = _stays(rnd, found)[keep].sum() >= _stays(rnd, plan_a)[keep].sum()
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
    plan_a = stage.final
    keep = unchanged_stays(rnd)
    kept: tuple[np.ndarray, int] | None = None
    if keep is not None:  # a re-plan after review: the fewest changes, with levels 0–2 held
        plan_a = _fewest_changes(rnd, status, space, plan_a, keep, a_deadline, deadline, mip_solver, stats)
        kept = (keep, int(_stays(rnd, plan_a)[keep].sum()))
    if deadline - time.perf_counter() < STAGE_B_BUILD_SECONDS_PER_PERSON * rnd.n_people:
        stats[TIME_CUT] = 1.0  # no time left to build stage B's model: stage A's plan, "feasible"
        stats["stage_b_skipped"] = 1.0
        return PricingRun(plan_a, out_a, SolveOutcome("feasible", None, None, 0.0), stats)
    t = time.perf_counter()
    reached = level_values(rnd, status, plan_a)
    pm = PricingModel(rnd, status, space, (reached[0], reached[1], reached[2]), kept)
    cur = pm.cur
    moved = np.flatnonzero((plan_a != cur) & (plan_a >= 0) & (status.kunci_pos == NO_LOCK))
    pm.add_columns(moved, plan_a[moved])
    stats["pricing_classes"] = pm.classes.count
    stats["stage_b_build_seconds"] = time.perf_counter() - t
    # ---- stage B: level 3, then 4, with Φ fixed -----------------------------------------------------
    say("solve-b")
    t = time.perf_counter()
    pm.values_override = None

    def mip_b(start, solver: str = mip_solver):
        found = pm.run_mip(
            solver, deadline - time.perf_counter(), abs_gap=0.0, rel_gap=STAGE_B_GAP, start=start
        )
        if found[0] not in ("optimal", "infeasible"):  # the time limit stopped it
            stats[TIME_CUT] = 1.0
        return found

    def accepted(value: float | None) -> bool:
        return (
            value is not None and bound_b is not None and bound_b + value <= STAGE_B_ACCEPT * max(1.0, -value)
        )

    current = plan_a
    pm.keep_plan = current
    bound_b: float | None = None
    best: tuple[float, np.ndarray] | None = None  # the best fix-and-solve plan: (−Ψ, plan)
    while True:
        cg_deadline = time.perf_counter() + CG_SHARE * (deadline - time.perf_counter())
        t_cg = time.perf_counter()
        lp_status, lp_value, lower = _column_generation(pm, cg_deadline, stats, "stage_b", CG_STOP_GAP, say)
        if lp_status == "time":
            stats[TIME_CUT] = 1.0
        stats["stage_b_lp_seconds"] = stats.get("stage_b_lp_seconds", 0.0) + time.perf_counter() - t_cg
        if lower is not None:  # a Lagrangian bound holds whenever it was computed; keep the best
            bound_b = -lower if bound_b is None else min(bound_b, -lower)
        lp = pm.last_lp or pm.lp_solution()
        if lp_value is None:
            break
        # fix and solve: the LP's ones fixed, the MIP decides the fractional rest; measured at 5,000
        # people: 3–7 s, 0.025 % from the bound, against 18 s for the MIP over every generated move
        t_fix = time.perf_counter()
        stats["stage_b_fixed"] = pm.fix_lp_ones(lp.col_value)
        say("detail:" + PROGRESS_FIX)
        # the moves the LP neither uses nor prices within RC_KEEP are closed too, so that the MIP is over
        # the fractional rest only: CBC reads the model through PuLP, whose cost is per column, and HiGHS
        # overran its time limit by over 5 minutes on this MIP with all 440k columns at 50,000 people
        closed = pm.narrow_to_lp_support(lp, current, fixing=True)
        # the small MIPs of fix and solve in HiGHS, whatever the solver of the large ones: measured on
        # the model in HiGHS already, no MPS round trip (20,000 people: 0.19 s and 3.2 s against CBC's
        # 2.8 s and 7.3 s; 50,000 people, an infeasible fixing: 1.5 s against 17.8 s)
        st, obj, _ = mip_b(None, SMALL_MIP_SOLVER)
        pm.unfix()
        if closed:
            pm.widen()
        stats["stage_b_fix_seconds"] = stats.get("stage_b_fix_seconds", 0.0) + time.perf_counter() - t_fix
        found = pm.plan_from(pm.column_values()) if obj is not None else None
        if found is None and deadline - time.perf_counter() <= 0.1 * (deadline - t):
            stats[TIME_CUT] = 1.0  # no time left for the support MIP
        elif found is None:
            # the fixed ones can leave the rest without an integer completion (the levels' rows): the
            # MIP over the moves the LP uses and those of the current plan (its start) instead. Only
            # those: the LP is degenerate, and with every move of reduced cost 0 this MIP took 234 s at
            # 20,000 people
            t_support = time.perf_counter()
            narrowed = pm.narrow_to_lp_support(lp, current, rc_keep=-np.inf)
            st, obj, _ = mip_b(current, SMALL_MIP_SOLVER)
            pm.widen()
            stats["stage_b_support_mip_seconds"] = time.perf_counter() - t_support
            stats["stage_b_support_mip_columns"] = pm.n_cols - pm.x_first - narrowed
            found = pm.plan_from(pm.column_values()) if obj is not None else None
        if found is not None and obj is not None and st in ("optimal", "feasible"):
            if best is None or obj < best[0]:
                best = (float(obj), found)
            current = best[1]
            pm.keep_plan = current
        if best is not None and accepted(best[0]):
            stats["stage_b_columns"] = pm.n_cols - pm.x_first
            out_b = SolveOutcome("optimal", -best[0], bound_b, time.perf_counter() - t)
            return PricingRun(best[1], out_a, out_b, stats)
        left = deadline - time.perf_counter()
        if lp_status != "time":
            break  # converged (then the full MIP below)
        if left < 0.25 * (deadline - t):
            stats[TIME_CUT] = 1.0
            break  # out of time
    if lp_status == "time" and best is not None:  # out of time: the best plan found, with its bound
        stats["stage_b_columns"] = pm.n_cols - pm.x_first
        out_b = SolveOutcome("feasible", -best[0], bound_b, time.perf_counter() - t)
        return PricingRun(best[1], out_a, out_b, stats)
    if lp_status in ("bound", "time"):  # not good enough: finish column generation, then the MIP below
        t_cg = time.perf_counter()
        # until the bound accepts the best plan found, if it does before the LP's optimum (measured, 20,000
        # people: the fix-and-solve plan 0.104 % from the bound at hand-over, accepted after further rounds)
        target = best[0] if best is not None else None
        lp_status, _, lower = _column_generation(
            pm, deadline, stats, "stage_b", say=say,
            enough=None if target is None else (lambda low: -low + target <= STAGE_B_ACCEPT * max(1.0, -target)),
        )  # fmt: skip
        if lp_status == "time":
            stats[TIME_CUT] = 1.0
        stats["stage_b_lp_seconds"] += time.perf_counter() - t_cg
        if lower is not None:
            bound_b = -lower if lp_status == "optimal" or bound_b is None else min(bound_b, -lower)
        lp = pm.last_lp or pm.lp_solution()
        if best is not None and accepted(best[0]):
            # the tighter bound accepts the fix-and-solve plan: no MIP over every generated move
            # (measured, 20,000 people under the career path: the support MIP's plan 0.104 % from the
            # bound at hand-over; the MIP over 113,904 columns then took 106 s with CBC)
            stats["stage_b_columns"] = pm.n_cols - pm.x_first
            out_b = SolveOutcome("optimal", -best[0], bound_b, time.perf_counter() - t)
            return PricingRun(best[1], out_a, out_b, stats)
    lp_duals = lp.row_dual if lp_status == "optimal" else None
    narrowed = pm.narrow_to_lp_support(lp, current) if lp_duals is not None else 0
    stats["stage_b_mip_columns"] = pm.n_cols - pm.x_first - narrowed
    st, obj, mip_bound = mip_b(current)
    if narrowed and (obj is None or bound_b is None or bound_b + obj > STAGE_B_ACCEPT * max(1.0, -obj)):
        pm.widen()  # the narrow MIP missed the acceptance: try again over every generated move
        again = pm.plan_from(pm.column_values()) if obj is not None else None
        current = again if again is not None else plan_a
        st, obj, mip_bound = mip_b(current)
    elif narrowed:
        mip_bound = None  # the narrow MIP's bound is not a bound over all moves
    complete = False
    if obj is not None and bound_b is not None and bound_b + obj <= STAGE_B_ACCEPT * max(1.0, -obj):
        complete, mip_bound = True, None  # the LP bound over all moves already certifies the gap
    elif obj is not None and bound_b is not None and lp_duals is not None:
        # moves left out can improve the plan only if rc ≤ (LP bound − plan); add them, then the MIP's own
        # bound holds for all moves
        try:
            added = pm.price(lp_duals, (bound_b + obj) + 1e-6, None)
        except OverflowError:
            added = -1
        stats["stage_b_proof_columns"] = added
        if added > 0:
            again = pm.plan_from(pm.column_values())
            st, obj, mip_bound = mip_b(again if again is not None else plan_a)
        complete = added >= 0
    stats["stage_b_columns"] = pm.n_cols - pm.x_first
    final = pm.plan_from(pm.column_values()) if obj is not None else None
    if final is None:  # stage A's plan stands; its level 3 against the bound still tells the gap
        fallback = best[1] if best is not None else plan_a
        reached_b = level_values(rnd, status, fallback)
        psi_a = reached_b[3] - pm.eps * reached_b[4]
        return PricingRun(
            fallback, out_a, SolveOutcome("feasible", psi_a, bound_b, time.perf_counter() - t), stats
        )
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
    out_b = SolveOutcome("optimal" if within else "feasible", psi, bound, time.perf_counter() - t)
    return PricingRun(final, out_a, out_b, stats)
