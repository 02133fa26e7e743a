"""Why a round has no feasible plan: the Kunci, Larangan and Relasi rows that cannot all hold (exit 3).

A round without any of the analyst's rows always has a plan: everyone stays and the incumbents of
Dihapus positions are *tidak tertampung* (no capacity, turnover or rule stops that). So an infeasible
round is infeasible through those rows, and what the analyst needs is which rows, by sheet and Excel
row, and why they clash.

The rows are found by QuickXplain (Junker 2004), a deletion filter that drops halves before single
rows: about 2·k·log₂(n/k) feasibility tests for a conflict of k rows among n, then one test per row of
the conflict to make sure each is needed (a plain deletion filter when the halving was misled: a Kunci
row is not a relaxation, it can *free* a place, so feasibility is not monotone in the rows). What is
left is an irreducible set: infeasible on its own, feasible without any one of its rows. Its rows are
set aside and the search repeats until the rest of the round is feasible, so the message names every
conflict and the union of their rows, without which the round is proven feasible.

A feasibility test must take milliseconds, not the second a stage-A solve of 5,000 people takes, so the
rows are switches in one model built once (:class:`_Switchboard`): stage A's aggregated model
(:mod:`mutasi_cli.solve.aggregate`: interchangeable people counted per group and position, people named in
Larangan or Relasi as individuals), with every row present and turned on or off by bounds alone — a
Kunci move is a column fixed at 1 or at 0 (its person then free under the rules), a Kunci TETAP a stay
fixed at 1 or free, a Larangan row the upper bounds of the moves it covers, a Relasi row the upper
bounds of its rows. HiGHS re-solves the LP from the last basis after each switch. An infeasible LP
proves infeasibility; an integral LP solution proves feasibility; only a fractional one needs a MIP.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import highspy
import numpy as np
import pandas as pd

from mutasi_cli.inputs.data import TETAP, Round
from mutasi_cli.rules.eligibility import NO_LOCK, RULES, PersonStatus
from mutasi_cli.solve.candidates import CandidateSpace, candidate_space
from mutasi_cli.solve.model import held_incumbents, stay_bounds, turnover_caps
from mutasi_cli.solve.rows import relation_rows
from mutasi_cli.solve.solvers import _quiet_stdout, run_highs, set_integrality
from mutasi_cli.support import messages as m

INF = highspy.kHighsInf
#: an LP value this close to an integer counts as integral
INTEGRAL_TOL = 1e-6
#: seconds the whole diagnosis may take; past it the conflicts found so far are reported, unproven
DIAGNOSIS_SECONDS = 120.0
#: seconds one MIP feasibility test may take (only for an LP solution that is fractional)
MIP_SECONDS = 20.0
#: conflicts searched for at most (each names its rows; more is noise to the analyst)
MAX_CONFLICTS = 20

KUNCI, LARANGAN, RELASI = "Kunci", "Larangan", "Relasi"
#: the reviewed plan's sheets (``plan --review``): approved rows of Daftar Mutasi are held like Kunci
#: rows, rejected ones (and deleted ones, found in Penjelasan) like Larangan rows
PLAN_ROWS, EXPLANATION_ROWS = "Daftar Mutasi", "Penjelasan"
SHEET_ORDER = (KUNCI, LARANGAN, RELASI, PLAN_ROWS, EXPLANATION_ROWS)


@dataclass(frozen=True)
class RowRef:
    """One row of the analyst's sheets: ``row`` as Excel shows it (None when the round was built
    without one)."""

    sheet: str
    row: int | None

    def to_dict(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row}


@dataclass
class Conflict:
    """An irreducible set of rows (infeasible together, feasible without any one) and what clashes."""

    rows: list[RowRef]
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"rows": [r.to_dict() for r in self.rows], "text": self.text}


@dataclass
class Diagnosis:
    conflicts: list[Conflict]
    message: str
    #: the round is feasible without the rows of every conflict (tested); False when time ran out or
    #: the search could not tell
    proven: bool
    checks: int = 0
    seconds: float = 0.0

    @property
    def rows(self) -> list[RowRef]:
        """Every row of every conflict, in sheet order: without them the round is feasible."""
        return sorted({r for c in self.conflicts for r in c.rows}, key=_row_key)

    def to_dict(self) -> dict[str, object]:
        return {
            "conflicts": [c.to_dict() for c in self.conflicts],
            "rows": [r.to_dict() for r in self.rows],
            "proven": self.proven,
            "message": self.message,
        }


def diagnose_infeasible(rnd: Round, status: PersonStatus) -> str:
    """The message of exit 3 (the planner's hook; see :func:`diagnose`)."""
    return diagnose(rnd, status).message


def diagnose(rnd: Round, status: PersonStatus, *, time_limit: float = DIAGNOSIS_SECONDS) -> Diagnosis:
    """The conflicts among the round's Kunci, Larangan and Relasi rows that leave it without a plan."""
    t0 = time.perf_counter()
    deadline = t0 + time_limit
    units = _units(rnd)
    if not units:
        return Diagnosis([], m.DIAGNOSIS_NONE, False, 0, time.perf_counter() - t0)
    board = _Switchboard(rnd, status, units)
    everything = list(range(len(units)))
    conflicts: list[list[int]] = []
    proven = False
    try:
        if board.feasible(everything, deadline):
            # the round has a plan: the planner ran out of time before it found one (its fallback, the
            # everyone-stays plan, breaks a Kunci)
            message = m.DIAGNOSIS_NONE if board.unsure else m.DIAGNOSIS_FEASIBLE
            return Diagnosis([], message, False, board.checks, time.perf_counter() - t0)
        if not board.feasible([], deadline):  # cannot be (module docstring): nothing to name for sure
            return Diagnosis([], m.DIAGNOSIS_NONE, False, board.checks, time.perf_counter() - t0)
        active = everything
        while len(conflicts) < MAX_CONFLICTS:
            found = _conflict(board, active, deadline)
            if not found:
                break
            conflicts.append(found)
            gone = set(found)
            active = [u for u in active if u not in gone]
            if board.feasible(active, deadline):
                proven = True
                break
    except _OutOfTime:
        pass
    facts = _Facts(rnd, board)
    found_conflicts = [
        Conflict(sorted((units[u].ref for u in c), key=_row_key), facts.describe([units[u] for u in c]))
        for c in conflicts
    ]
    proven = proven and not board.unsure
    message = _message(found_conflicts, proven, time.perf_counter() > deadline)
    return Diagnosis(found_conflicts, message, proven, board.checks, time.perf_counter() - t0)


# --- the rows ------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One analyst row: what the model switches when it is on."""

    ref: RowRef
    kind: str  # "move" | "stay" (Kunci), "larangan", "relasi"
    person: int = -1  # Kunci, Larangan
    position: int = -1  # Kunci move's target
    #: Larangan: (position, unit) per entry of the row (position -1 for a unit, unit "" for a position)
    bans: list[tuple[int, str]] = field(default_factory=list)
    pair: tuple[int, int] = (-1, -1)  # Relasi
    hubungan: str = ""


def _excel_row(frame: pd.DataFrame, i: int) -> int | None:
    if "row" not in frame.columns:
        return None
    value = frame["row"].iloc[i]
    return int(value) if pd.notna(value) and int(value) > 0 else None


def _units(rnd: Round) -> list[_Unit]:
    """The Kunci, Larangan and Relasi rows of the round, in sheet and row order. A Larangan row naming
    both a position and a unit is one row with two bans."""
    cur = rnd.people["pos"].to_numpy()
    units: list[_Unit] = []
    k = rnd.kunci
    for i in range(len(k)):
        e, p = int(k["person"].iloc[i]), int(k["position"].iloc[i])
        ref = RowRef(KUNCI, _excel_row(k, i))
        kind = "stay" if p == TETAP or p == cur[e] else "move"
        units.append(_Unit(ref, kind, person=e, position=p if kind == "move" else -1))
    if rnd.review is not None:
        a = rnd.review.approved
        locked = set(k["person"].tolist())  # a Kunci move approved in review is the Kunci row's unit
        for e, p, row in a[["person", "position", "row"]].itertuples(index=False):
            if int(e) in locked:
                continue
            units.append(_Unit(RowRef(PLAN_ROWS, int(row)), "move", person=int(e), position=int(p)))
    lar = rnd.larangan
    by_row: dict[object, _Unit] = {}
    for i in range(len(lar)):
        row = _excel_row(lar, i)
        e = int(lar["person"].iloc[i])
        sheet = str(lar["sheet"].iloc[i]) if "sheet" in lar.columns else LARANGAN
        key: object = (sheet, row, e) if row is not None else ("index", i)
        unit = by_row.get(key)
        if unit is None:
            unit = by_row[key] = _Unit(RowRef(sheet, row), "larangan", person=e)
            units.append(unit)
        unit.bans.append((int(lar["position"].iloc[i]), str(lar["unit"].iloc[i] or "")))
    rel = rnd.relasi
    for i in range(len(rel)):
        pair = (int(rel["a"].iloc[i]), int(rel["b"].iloc[i]))
        hubungan = str(rel["hubungan"].iloc[i]) if "hubungan" in rel.columns else "Relasi"
        units.append(_Unit(RowRef(RELASI, _excel_row(rel, i)), "relasi", pair=pair, hubungan=hubungan))
    return units


def _row_key(r: RowRef) -> tuple[int, int]:
    return SHEET_ORDER.index(r.sheet), r.row if r.row is not None else 1 << 30


# --- the search ------------------------------------------------------------------------------------------


class _OutOfTime(Exception):
    pass


def _conflict(board: _Switchboard, active: list[int], deadline: float) -> list[int]:
    """An irreducible infeasible subset of ``active`` (itself infeasible): QuickXplain, checked row by
    row, and a plain deletion filter when the check finds the halving misled by non-monotone rows."""
    found = _quickxplain(board, active, deadline)
    if not found or board.feasible(found, deadline):
        found = list(active)  # the invariant of the filter below: the set is infeasible
    return _deletion_filter(board, found, deadline)


def _quickxplain(board: _Switchboard, rows: list[int], deadline: float) -> list[int]:
    """Junker's QuickXplain over ``rows`` (infeasible together) with an empty background."""

    def qx(background: list[int], grew: bool, candidates: list[int]) -> list[int]:
        if grew and not board.feasible(background, deadline):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        d2 = qx(background + first, bool(first), second)
        d1 = qx(background + d2, bool(d2), first)
        return d1 + d2

    return qx([], False, rows) if rows else []


def _deletion_filter(board: _Switchboard, rows: list[int], deadline: float) -> list[int]:
    """Drop each row in turn, for good if the rest stays infeasible without it: what is left is
    infeasible, and feasible without any one of its rows."""
    kept = list(rows)
    for u in list(rows):
        rest = [v for v in kept if v != u]
        if not board.feasible(rest, deadline):
            kept = rest
    return kept


# --- the model -------------------------------------------------------------------------------------------


class _Cols:
    """Columns and CSR rows in Python lists, handed to HiGHS once."""

    def __init__(self) -> None:
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.cost: list[float] = []
        self.integer: list[bool] = []
        self.r_lo: list[float] = []
        self.r_hi: list[float] = []
        self.starts: list[int] = []
        self.idx: list[int] = []
        self.coef_rows: list[list[float] | None] = []

    def col(self, lo: float, hi: float, cost: float = 0.0, integer: bool = True) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        self.cost.append(cost)
        self.integer.append(integer)
        return len(self.lo) - 1

    def row(self, cols: Iterable[int], lo: float, hi: float, coef: Iterable[float] | None = None) -> int:
        """A row lo ≤ Σ coef·x ≤ hi (coefficients 1 unless given); its index."""
        self.starts.append(len(self.idx))
        cols = list(cols)
        self.idx.extend(cols)
        self.coef_rows.append(None if coef is None else list(coef))
        self.r_lo.append(lo)
        self.r_hi.append(hi)
        return len(self.r_lo) - 1

    def values(self) -> np.ndarray:
        out = np.ones(len(self.idx))
        for r, coef in enumerate(self.coef_rows):
            if coef is not None:
                out[self.starts[r] : self.starts[r] + len(coef)] = coef
        return out


class _Switchboard:
    """Stage A's feasibility model with every analyst row as a switch (see the module's docstring).

    Columns: t[e] (person e stays; for a Dihapus incumbent: is tidak tertampung), k[i] (Kunci move i is
    made), y[g,p] (members of aggregated key g moving to p), x[e,q] (individual e moving to q), mv[g]
    (movers of key g), z[p] (an overstaffed p takes newcomers). Rows, with r[e] = t[e] + k[e]:
      key g:      Σ_p y[g,p] + Σ_{e∈g} r[e] = |g|;   person e outside keys: r[e] + Σ_q x[e,q] = 1
      own post:   y[g,p] ≤ Σ_{e∈g, cur(e)≠p} (1 − r[e])   (through mv[g]: exact, as in stage A)
      capacity, turnover (Σ_{e∈M_u} r[e] ≥ |M_u| − cap_u, M_u the unit's movable people: a Kunci
      person counts as staying, as the model leaves them out of M_u) and Relasi rows of
      :mod:`mutasi_cli.solve.model`. Minimising the moves keeps the LP at the everyone-stays corner.
    Switches: Kunci move i on → k[i] = 1, t[e] = 0; off → k[i] = 0, t[e] within the rules' bounds.
    Kunci TETAP on → t[e] = 1. Larangan on → x[e,q] ≤ 0 for the moves it covers. Relasi on → its rows
    ≤ 1, off → unbounded."""

    def __init__(self, rnd: Round, status: PersonStatus, units: list[_Unit]) -> None:
        self.rnd, self.units = rnd, units
        self.checks = 0
        #: tests the solver could not settle (time): a diagnosis with any is not proven
        self.unsure = 0
        n = rnd.n_people
        empty = dataclasses.replace(
            rnd,
            kunci=rnd.kunci.iloc[0:0],
            larangan=rnd.larangan.iloc[0:0],
            relasi=rnd.relasi.iloc[0:0],
            review=None,
        )
        self.status = dataclasses.replace(status, kunci_pos=np.full(n, NO_LOCK, dtype=np.int64))
        self.space: CandidateSpace = candidate_space(empty, self.status)
        cur = rnd.people["pos"].to_numpy()
        self.cur = cur
        dihapus = self.status.dihapus
        positions = rnd.positions
        unit_of = positions["unit"].to_numpy()
        self.unit_of = unit_of
        b = _Cols()
        t = np.array([b.col(lo, hi) for lo, hi in stay_bounds(empty, self.status)], dtype=np.int64)
        self.t = t
        # Kunci moves
        self.k_col: dict[int, int] = {}  # unit → column
        k_of: dict[int, int] = {}  # person → column
        moves_into: list[list[int]] = [[] for _ in range(rnd.n_positions)]
        person_moves: dict[int, list[tuple[int, int]]] = {}  # individual → (position, column)
        for u, unit in enumerate(units):
            if unit.kind == "move":
                c = b.col(0, 0, cost=1.0)
                self.k_col[u] = c
                k_of[unit.person] = c
                moves_into[unit.position].append(c)
                person_moves.setdefault(unit.person, []).append((unit.position, c))
        # individuals: people named in Larangan or Relasi, one column per move of their group
        individual = np.zeros(n, dtype=bool)
        for unit in units:
            if unit.kind == "larangan":
                individual[unit.person] = True
            elif unit.kind == "relasi":
                individual[list(unit.pair)] = True
        self.x_of: dict[int, dict[int, int]] = {}
        for e in np.flatnonzero(individual).tolist():
            g = self.space.group_of[e]
            cols: dict[int, int] = {}
            if g >= 0:
                for q in self.space.groups[g].positions.tolist():
                    if q != cur[e]:
                        cols[q] = c = b.col(0, 1, cost=1.0)
                        moves_into[q].append(c)
                        person_moves.setdefault(e, []).append((q, c))
            self.x_of[e] = cols
        # aggregated keys: the other members of each group, apart by Dihapus
        in_key = np.zeros(n, dtype=bool)
        for grp in self.space.groups:
            free = grp.persons[~individual[grp.persons]]
            for dih in (False, True):
                members = free[dihapus[free] == dih]
                if not len(members) or not len(grp.positions):
                    continue
                in_key[members] = True
                origin: dict[int, list[int]] = {}
                for e in members.tolist():
                    origin.setdefault(int(cur[e]), []).append(e)
                ycols: dict[int, int] = {}
                for p in grp.positions.tolist():
                    ub = len(members) - len(origin.get(p, ()))
                    if ub > 0:
                        ycols[p] = c = b.col(0, ub, cost=1.0)
                        moves_into[p].append(c)
                r_cols = [int(t[e]) for e in members.tolist()] + [
                    k_of[e] for e in members.tolist() if e in k_of
                ]
                b.row(list(ycols.values()) + r_cols, len(members), len(members))
                here = {p: es for p, es in origin.items() if p in ycols}
                if here:
                    mv = b.col(0, len(members), integer=False)
                    b.row([mv, *r_cols], len(members), len(members))
                    for p, es in here.items():
                        own = [int(t[e]) for e in es] + [k_of[e] for e in es if e in k_of]
                        b.row([ycols[p], mv, *own], -INF, -len(es), [1.0, -1.0] + [-1.0] * len(own))
        for e in np.flatnonzero(~in_key).tolist():
            b.row([int(t[e])] + ([k_of[e]] if e in k_of else []) + list(self.x_of.get(e, {}).values()), 1, 1)
        # capacity of every active position that may take someone
        formasi = positions["formasi"].to_numpy().astype(int)
        aktif = positions["aktif"].to_numpy(dtype=bool)
        held = held_incumbents(empty, self.status)
        incumbents: dict[int, list[int]] = {}
        for e in np.flatnonzero(~dihapus).tolist():
            incumbents.setdefault(int(cur[e]), []).append(e)
        for p in np.flatnonzero(aktif).tolist():
            new = moves_into[p]
            if not new:
                continue
            st = [int(t[e]) for e in incumbents.get(p, [])]
            f, n_inc = int(formasi[p]), len(st)
            if n_inc <= f:
                b.row(st + new, -INF, f)
            else:
                z = b.col(0, 1)
                b.row([*new, z], -INF, 0, [1.0] * len(new) + [-float(max(f - int(held[p]), 0))])
                b.row([*st, *new, z], -INF, n_inc, [1.0] * (len(st) + len(new)) + [float(n_inc - f)])
        # turnover: Σ_{M_u} r[e] ≥ |M_u| − cap_u
        caps = turnover_caps(empty)
        movable = self.status.movable & ~dihapus
        members_u: dict[str, list[int]] = {}
        for e in np.flatnonzero(movable).tolist():
            members_u.setdefault(str(unit_of[cur[e]]), []).append(e)
        for u_name, es in members_u.items():
            if len(es) > caps[u_name]:
                r_cols = [int(t[e]) for e in es] + [k_of[e] for e in es if e in k_of]
                b.row(r_cols, len(es) - caps[u_name], INF)
        # Relasi: each row's own rows, off (unbounded) until switched on
        self.relasi_rows: dict[int, list[int]] = {}
        for u, unit in enumerate(units):
            if unit.kind != "relasi":
                continue
            a, c2 = unit.pair
            one = dataclasses.replace(
                empty, relasi=pd.DataFrame({"a": [a], "b": [c2], "hubungan": [unit.hubungan]})
            )
            into: dict[int, dict[str, list]] = {}
            for e in (a, c2):
                for q, col in person_moves.get(e, []):
                    into.setdefault(e, {}).setdefault(unit_of[q], []).append((col, 1))
            stay = {e: int(t[e]) for e in (a, c2) if not dihapus[e]}
            self.relasi_rows[u] = [
                b.row([col for col, _ in terms], -INF, INF) for _, terms in relation_rows(one, into, stay)
            ]
        # Larangan: the individual moves each row covers
        self.larangan_cols: dict[int, list[int]] = {}
        for u, unit in enumerate(units):
            if unit.kind != "larangan":
                continue
            self.larangan_cols[u] = [
                col for q, col in self.x_of.get(unit.person, {}).items() if _covers(unit, q, unit_of)
            ]
        self.b = b
        self.ints = np.flatnonzero(np.array(b.integer, dtype=bool)).astype(np.int32)
        self.col_lo = np.array(b.lo, dtype=float)
        self.col_hi = np.array(b.hi, dtype=float)
        self.row_lo = np.array(b.r_lo, dtype=float)
        self.row_hi = np.array(b.r_hi, dtype=float)
        self._load()
        # the bounds in the solver now: every row off
        self.cur_lo, self.cur_hi, self.cur_row_hi = self.col_lo, self.col_hi, self.row_hi

    def _load(self) -> None:
        b = self.b
        with _quiet_stdout():
            h = highspy.Highs()
        for option, value in (
            ("output_flag", False),
            ("threads", 1),
            ("presolve", "off"),
            ("random_seed", 0),
        ):
            h.setOptionValue(option, value)
        n_cols = len(b.lo)
        h.addCols(
            n_cols, np.array(b.cost), self.col_lo, self.col_hi, 0, np.zeros(n_cols, dtype=np.int32),
            np.zeros(0, dtype=np.int32), np.zeros(0),
        )  # fmt: skip
        h.addRows(
            len(b.r_lo), self.row_lo, self.row_hi, len(b.idx),
            np.array(b.starts, dtype=np.int32), np.array(b.idx, dtype=np.int32), b.values(),
        )  # fmt: skip
        self.h = h

    # --- the switches ---------------------------------------------------------------------------------
    def _bounds(self, on: Iterable[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Column bounds and row upper bounds with exactly the units ``on`` switched on."""
        lo, hi, row_hi = self.col_lo.copy(), self.col_hi.copy(), self.row_hi.copy()
        for u in on:
            unit = self.units[u]
            if unit.kind == "move":
                c, te = self.k_col[u], self.t[unit.person]
                lo[c] = hi[c] = 1.0
                lo[te] = hi[te] = 0.0
            elif unit.kind == "stay":
                te = self.t[unit.person]
                lo[te] = hi[te] = 1.0
            elif unit.kind == "larangan":
                hi[self.larangan_cols[u]] = 0.0
            else:
                row_hi[self.relasi_rows[u]] = 1.0
        return lo, hi, row_hi

    def feasible(self, on: Iterable[int], deadline: float) -> bool:
        """Whether the round with exactly the rows ``on`` (the others removed) has a plan."""
        left = deadline - time.perf_counter()
        if left <= 0:
            raise _OutOfTime
        self.checks += 1
        lo, hi, row_hi = self._bounds(on)
        h = self.h
        cols = np.flatnonzero((lo != self.cur_lo) | (hi != self.cur_hi))
        if len(cols):
            h.changeColsBounds(len(cols), cols.astype(np.int32), lo[cols], hi[cols])
        rows = np.flatnonzero(row_hi != self.cur_row_hi)
        for r in rows.tolist():  # a few Relasi rows at a time
            h.changeRowBounds(r, self.row_lo[r], row_hi[r])
        self.cur_lo, self.cur_hi, self.cur_row_hi = lo, hi, row_hi
        run_highs(h, left)
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return False
        if status != highspy.HighsModelStatus.kOptimal:
            if time.perf_counter() >= deadline:
                raise _OutOfTime
            self.unsure += 1
            return True  # not settled: keep the row (the set named stays infeasible)
        x = np.asarray(h.getSolution().col_value)
        if np.all(np.abs(x[self.ints] - np.round(x[self.ints])) <= INTEGRAL_TOL):
            return True
        return self._mip(deadline)

    def _mip(self, deadline: float) -> bool:
        """The LP has a fractional solution: whether an integral one exists (any will do)."""
        h = self.h
        set_integrality(h, self.ints, True)
        saved = h.getOptionValue("mip_max_improving_sols")[1]
        h.setOptionValue("mip_max_improving_sols", 1)
        try:
            run_highs(h, min(MIP_SECONDS, deadline - time.perf_counter()))
            status = h.getModelStatus()
            found = h.getInfo().primal_solution_status == 2  # kSolutionStatusFeasible
        finally:
            h.setOptionValue("mip_max_improving_sols", saved)
            set_integrality(h, self.ints, False)
        if status == highspy.HighsModelStatus.kInfeasible:
            return False
        if found:
            return True
        if time.perf_counter() >= deadline:
            raise _OutOfTime
        self.unsure += 1
        return True

    # --- facts for the description ----------------------------------------------------------------------
    def targets(self, e: int) -> list[int]:
        """The positions the rules let person e move to (Kunci aside, own position excluded)."""
        g = self.space.group_of[e]
        if g < 0:
            return []
        return [q for q in self.space.groups[g].positions.tolist() if q != self.cur[e]]


# --- the words -------------------------------------------------------------------------------------------


class _Facts:
    """Sentences about a conflict's rows, from the round's data (CONTRACT.md exit 3: the conflict each row
    takes part in, in words)."""

    def __init__(self, rnd: Round, board: _Switchboard) -> None:
        self.rnd, self.board = rnd, board
        self.nips = rnd.people["nip"].to_numpy()
        self.positions = rnd.positions
        self.cur = rnd.people["pos"].to_numpy()
        self.unit_of = rnd.positions["unit"].to_numpy()

    def person(self, e: int) -> str:
        return m.DIAGNOSIS_PERSON.format(nip=self.nips[e])

    def position(self, p: int) -> str:
        row = self.positions.iloc[p]
        return m.DIAGNOSIS_POSITION.format(
            kode=row["kode"], nama=row["nama"], unit=row["unit"], formasi=row["formasi"]
        )

    def held(self, e: int, units: list[_Unit]) -> str | None:
        """What keeps person e in their position (a Kunci TETAP of the conflict, the person rules), or
        None when nothing does."""
        tetap = [u for u in units if u.kind == "stay" and u.person == e]
        if tetap:
            return m.DIAGNOSIS_HELD_TETAP.format(rows=rows_text(u.ref for u in tetap))
        status = self.board.status
        if status.movable[e]:
            return None
        return ", ".join(_lower_first(RULES[c].describe(self.rnd.rules)) for c in status.reasons(e))

    def no_target(self, e: int, units: list[_Unit]) -> str:
        """Why person e, who must leave, cannot: held in place, or nowhere to go."""
        held = self.held(e, units)
        if held is not None:
            return m.DIAGNOSIS_CANNOT_MOVE.format(person=self.person(e), reasons=held)
        targets = self.board.targets(e)
        if not targets:
            return m.DIAGNOSIS_NO_TARGET.format(person=self.person(e))
        bans = [u for u in units if u.kind == "larangan" and u.person == e]
        banned = {q for q in targets if any(_covers(u, q, self.unit_of) for u in bans)}
        if bans and len(banned) == len(targets):
            return m.DIAGNOSIS_ALL_BANNED.format(person=self.person(e), rows=rows_text(u.ref for u in bans))
        extra = ""
        if banned:
            extra = m.DIAGNOSIS_NO_ROOM_BANNED.format(rows=rows_text(u.ref for u in bans), count=len(banned))
        return m.DIAGNOSIS_NO_ROOM.format(count=len(targets), person=self.person(e), banned=extra)

    def describe(self, units: list[_Unit]) -> str:
        """One conflict in words: Kunci moves by target position, then Relasi pairs, then the rows not
        named yet."""
        said: set[int] = set()
        parts: list[str] = []
        formasi = self.positions["formasi"].to_numpy()
        moves = [u for u in units if u.kind == "move"]
        leaving = {u.person for u in moves}
        for p in sorted({u.position for u in moves}):
            into = [u for u in moves if u.position == p]
            holders = [e for e in np.flatnonzero(self.cur == p).tolist() if e not in leaving]
            stuck = [(e, m.DIAGNOSIS_HELD.format(person=self.person(e), reasons=why))
                     for e in holders if (why := self.held(e, units)) is not None]  # fmt: skip
            free = [e for e in holders if all(e != s for s, _ in stuck)]
            head = (
                m.DIAGNOSIS_KUNCI_INTO_ONE.format(
                    rows=rows_text([into[0].ref]),
                    person=self.person(into[0].person),
                    position=self.position(p),
                )
                if len(into) == 1
                else m.DIAGNOSIS_KUNCI_INTO.format(
                    rows=rows_text(u.ref for u in into), count=len(into), position=self.position(p)
                )
            )
            if len(into) + len(stuck) > formasi[p]:
                if stuck:
                    tail = m.DIAGNOSIS_HOLDERS_STUCK.format(
                        count=len(stuck), who=", ".join(w for _, w in stuck)
                    )
                else:
                    tail = m.DIAGNOSIS_OVER_FORMASI
            elif free and len(into) + len(holders) > formasi[p]:
                whys = [self.no_target(e, units) for e in free]
                tail = m.DIAGNOSIS_HOLDER_MUST_LEAVE.format(
                    who=", ".join(self.person(e) for e in free), why=m.DIAGNOSIS_JOIN.join(whys)
                )
            else:
                continue  # room enough: the row clashes elsewhere (a Relasi pair below)
            parts.append(f"{head}, {tail}")
            said |= {id(u) for u in into}
            said |= {id(u) for u in units if u.kind in ("stay", "larangan") and (u.person in holders)}
        for unit in (u for u in units if u.kind == "relasi"):
            parts.append(self._relasi(unit, units, moves))
            said.add(id(unit))
            said |= {id(u) for u in moves if u.person in unit.pair}
            said |= {id(u) for u in units if u.kind in ("stay", "larangan") and u.person in unit.pair}
        rest = [u for u in units if id(u) not in said]
        if rest:
            also = m.DIAGNOSIS_JOIN.join(self._plain(u) for u in rest)
            parts.append(m.DIAGNOSIS_ALSO.format(rows=also) if parts else also)
        text = m.DIAGNOSIS_JOIN.join(parts)
        return text[:1].upper() + text[1:] + "."

    def _relasi(self, unit: _Unit, units: list[_Unit], moves: list[_Unit]) -> str:
        a, b = unit.pair
        cur_unit = self.unit_of[self.cur]
        fields = {
            "rows": rows_text([unit.ref]),
            "a": self.person(a),
            "b": self.person(b),
            "hubungan": unit.hubungan,
        }
        for mover, other in ((a, b), (b, a)):
            lock = next((u for u in moves if u.person == mover), None)
            if lock is None:
                continue
            target_unit = self.unit_of[lock.position]
            other_lock = next((u for u in moves if u.person == other), None)
            if other_lock is not None and self.unit_of[other_lock.position] == target_unit:
                where = m.DIAGNOSIS_RELASI_WHERE_LOCKED.format(kunci=rows_text([other_lock.ref]))
            elif other_lock is None and cur_unit[other] == target_unit:
                held = self.held(other, units)
                where = (
                    m.DIAGNOSIS_RELASI_WHERE_STAYS.format(why=held)
                    if held is not None
                    else m.DIAGNOSIS_RELASI_WHERE_STUCK.format(why=self.no_target(other, units))
                )
            else:
                continue
            return m.DIAGNOSIS_RELASI_KUNCI.format(
                **fields, kunci=rows_text([lock.ref]), mover=self.person(mover), unit=target_unit,
                other=self.person(other), where=where,
            )  # fmt: skip
        if self.rnd.rules.relasi == "selalu" and cur_unit[a] == cur_unit[b]:
            return m.DIAGNOSIS_RELASI_ALWAYS.format(
                **fields, unit=cur_unit[a], why_a=self.no_target(a, units), why_b=self.no_target(b, units)
            )
        return m.DIAGNOSIS_RELASI_PLAIN.format(**fields)

    def _plain(self, unit: _Unit) -> str:
        """A row on its own: what it says."""
        rows = rows_text([unit.ref])
        if unit.kind == "move":
            return m.DIAGNOSIS_KUNCI_INTO_ONE.format(
                rows=rows, person=self.person(unit.person), position=self.position(unit.position)
            )
        if unit.kind == "stay":
            return m.DIAGNOSIS_KUNCI_TETAP.format(rows=rows, person=self.person(unit.person))
        if unit.kind == "larangan":
            texts = []
            for bp, bu in unit.bans:
                if bp >= 0:
                    texts.append(
                        m.DIAGNOSIS_LARANGAN_POSITION.format(
                            rows=rows, person=self.person(unit.person), kode=self.positions["kode"].iloc[bp]
                        )
                    )
                else:
                    texts.append(
                        m.DIAGNOSIS_LARANGAN_UNIT.format(rows=rows, person=self.person(unit.person), unit=bu)
                    )
            return m.DIAGNOSIS_JOIN.join(texts)
        a, b = unit.pair
        return m.DIAGNOSIS_RELASI_PLAIN.format(
            rows=rows, a=self.person(a), b=self.person(b), hubungan=unit.hubungan
        )


def _covers(unit: _Unit, q: int, unit_of: np.ndarray) -> bool:
    return any(q == bp if bp >= 0 else unit_of[q] == bu for bp, bu in unit.bans)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _and(items: list[str]) -> str:
    """The items joined as Bahasa Indonesia lists them: "a", "a dan b", "a, b dan c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


def rows_text(refs: Iterable[RowRef]) -> str:
    """Rows named by sheet, in order: "Kunci baris 5 dan 7; Relasi baris 3"."""
    by_sheet: dict[str, list[int | None]] = {}
    for r in sorted(set(refs), key=_row_key):
        by_sheet.setdefault(r.sheet, []).append(r.row)
    parts = []
    for sheet, rows in by_sheet.items():
        known = [str(r) for r in rows if r is not None]
        if known:
            parts.append(m.DIAGNOSIS_ROWS.format(sheet=sheet, rows=_and(known)))
        if len(known) < len(rows):
            parts.append(m.DIAGNOSIS_ROW_UNKNOWN.format(sheet=sheet))
    return m.DIAGNOSIS_JOIN.join(parts)


def _message(conflicts: list[Conflict], proven: bool, out_of_time: bool) -> str:
    if not conflicts:
        return m.DIAGNOSIS_NONE
    lines = [m.DIAGNOSIS_HEAD]
    lines += [m.DIAGNOSIS_CONFLICT.format(number=i, text=c.text) for i, c in enumerate(conflicts, start=1)]
    if proven:
        lines.append(m.DIAGNOSIS_FOOT.format(rows=rows_text(r for c in conflicts for r in c.rows)))
    else:
        why = m.DIAGNOSIS_WHY_TIME if out_of_time else m.DIAGNOSIS_WHY_UNKNOWN
        lines.append(m.DIAGNOSIS_FOOT_UNPROVEN.format(why=why))
    return " ".join(lines)


__all__ = ["Conflict", "Diagnosis", "RowRef", "diagnose", "diagnose_infeasible", "rows_text"]
