"""Stage B's model: the model of :mod:`mutasi_cli.solve.model` as HiGHS arrays (:class:`PricingModel`), with
move columns added on demand, and the pricing classes its moves are priced by (:class:`_Classes`).

The model starts from the stay/unplaced variables and the Kunci moves; the caller adds the moves of stage
A's plan, and column generation (:mod:`mutasi_cli.solve.column_generation`) the rest. Its static rows are
the families of :mod:`mutasi_cli.solve.rows`. The Relasi rows exist from the start; a move of a person named
in Relasi enters them when it is added, and their duals enter that person's reduced costs
(:func:`mutasi_cli.solve.reduced_costs.relasi_adjust`).

Fill places. A position with no more incumbents than its formasi can never hold more than formasi people,
so its filled places are simply its occupancy: its fill reward is part of the cost of every column that
puts someone there, and its Prioritas-1 places enter the level-1 row through those columns. Only the
over-filled positions keep a column and a row for them. Measured at 50,000 people: 80,537 → 68,539 rows,
column generation 761 s → 230 s (the dual simplex took up to 2.6 ms an iteration on the larger LP, and
the rounds' LPs converged more slowly).

Pricing classes. People of one eligibility profile who also share the attributes the fit score reads
(major, training, SKP, home kecamatan, wishes) have the same fit vector over their eligible positions,
computed once as a row of their group's matrix; a pricing round then costs a few matrix operations per
group (:mod:`mutasi_cli.solve.reduced_costs`).

Sign convention: HiGHS minimises −Ψ (move columns cost ε − fit); a column's reduced cost is c_j − a_jᵀy
with the row duals y.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import highspy
import numpy as np
import pandas as pd

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import PersonStatus, larangan_mask
from mutasi_cli.solve import rows as R
from mutasi_cli.solve.candidates import CandidateSpace
from mutasi_cli.solve.model import held_incumbents, stay_bounds, turnover_groups
from mutasi_cli.solve.rows import relation_rows
from mutasi_cli.solve.solvers import (
    SIMPLEX_DUAL,
    _quiet_stdout,
    run_highs,
    set_integrality,
    solve_highs_mip,
)
from mutasi_cli.solve.verify import plan_from_solution

INF = highspy.kHighsInf
#: fit vectors are computed in batches of this many (class, position) pairs
FIT_BATCH = 4_000_000
#: the level-3 MIP first runs over the moves the LP uses or prices within this reduced cost
RC_KEEP = 1e-6

__all__ = ["LpSolution", "PricingModel"]


@dataclass
class LpSolution:
    col_value: np.ndarray
    col_dual: np.ndarray
    row_dual: np.ndarray


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


@dataclass
class _RowBuffer:
    """Rows in CSR form, gathered for one ``addRows``, with each row's name (its family's, "" for the
    assignment rows)."""

    lo: list[float] = field(default_factory=list)
    hi: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    idx: list[int] = field(default_factory=list)
    val: list[float] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def add(self, r: R.Row) -> int:
        i = self.row(r.terms, r.lo, r.hi)
        self.names[i] = r.name
        return i

    def row(self, entries, low: float, high: float) -> int:
        self.names.append("")
        self.starts.append(len(self.idx))
        for c, v in entries:
            self.idx.append(int(c))
            self.val.append(float(v))
        self.lo.append(low)
        self.hi.append(high)
        return len(self.lo) - 1

    def write(self, h: highspy.Highs) -> None:
        h.addRows(
            len(self.lo),
            np.array(self.lo),
            np.array(self.hi),
            len(self.idx),
            np.array(self.starts, dtype=np.int32),
            np.array(self.idx, dtype=np.int32),
            np.array(self.val),
        )


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
        incumbents, n_inc = self._static_columns(formasi, aktif, prio, wfill)
        self._static_rows(incumbents, n_inc, formasi, aktif, targets, unchanged)
        self.integrality_on = False
        self.values_override: np.ndarray | None = None
        self.last_lp: LpSolution | None = None  # the last LP column generation solved to optimality
        self.keep_plan: np.ndarray | None = None  # a plan whose moves stay in the model (a MIP start)
        self._move_columns()
        self._lagrangian_data(formasi)

    def _static_columns(
        self, formasi: np.ndarray, aktif: np.ndarray, prio: np.ndarray, wfill: np.ndarray
    ) -> tuple[dict[int, list[int]], np.ndarray]:
        """The columns every plan has, with their costs: per person a stay (or tidak tertampung, for an
        incumbent of a Dihapus position); per over-filled position its switch z and its filled places (f
        for Prioritas 1, g for the fill reward). Returns each position's incumbents and their number."""
        rnd, status, space = self.rnd, self.status, self.space
        n, m = rnd.n_people, rnd.n_positions
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
        self.n_cols = n_static
        return incumbents, n_inc

    def _static_rows(
        self,
        incumbents: dict[int, list[int]],
        n_inc: np.ndarray,
        formasi: np.ndarray,
        aktif: np.ndarray,
        targets: tuple[int, int, int],
        unchanged: tuple[np.ndarray, int] | None,
    ) -> None:
        """The rows every plan has, through the families of :mod:`mutasi_cli.solve.rows` (by the PuLP model's
        names, ``row_names``): assignment, capacity and opens, filled places, turnover, levels 0–2 held
        and, for a re-plan, the fewest changes. Moves enter them as they are added."""
        rnd, status = self.rnd, self.status
        n, m = rnd.n_people, rnd.n_positions
        positions = rnd.positions
        over = self.over
        buf = _RowBuffer()
        add, row = buf.add, buf.row

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
        buf.write(self.h)
        #: the families' rows by the PuLP model's names ("" for the others)
        self.row_names: list[str] = buf.names
        self.n_rows = len(buf.lo)

    def _move_columns(self) -> None:
        """The bookkeeping of the move columns (``xe[k]`` → ``xp[k]``, the k-th column from ``x_first``), the
        Kunci moves fixed to 1, the Larangan pairs, the Relasi rows and the pricing classes."""
        rnd, space = self.rnd, self.space
        n = rnd.n_people
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

    def _lagrangian_data(self, formasi: np.ndarray) -> None:
        """What :func:`mutasi_cli.solve.bounds.lagrangian_bound` reads of the model as built: the row bounds,
        the static columns (and Kunci moves) with their entries outside the assignment rows, and a bound
        on any row's activity."""
        n = self.rnd.n_people
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

    def delete_moves(self, drop: np.ndarray) -> int:
        """Delete the move columns where ``drop`` (over the moves, from ``x_first``) holds, after an LP whose
        solution ``last_lp`` covers every column: nonbasic at 0, they leave the basis valid, and
        ``last_lp`` loses their entries. Returns the number deleted."""
        lp = self.last_lp
        assert lp is not None
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
