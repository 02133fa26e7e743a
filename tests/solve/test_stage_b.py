"""Stage B in parts, each on its own: the reduced costs per pricing class, pricing and purging, the
Lagrangian bound, fix and solve and the support MIP, the full MIP with its proof, and the whole of stage B
against the direct route. Rounds: the 200-person sample of ``test_routes`` (it has Kunci, Relasi and
Larangan rows) and the small random rounds of ``test_optimality``.

Signs: the model minimises −Ψ, so an LP value and the Lagrangian bound are values of −Ψ, and the bound is a
*lower* bound on it; ``StageB.bound_b`` is its negation, an upper bound on Ψ."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass

import highspy
import numpy as np
import pytest
from test_optimality import random_case

from mutasi_cli.inputs.data import Round
from mutasi_cli.inputs.load import load_frames
from mutasi_cli.rules.eligibility import NO_LOCK, PersonStatus, person_status
from mutasi_cli.sample import generate
from mutasi_cli.solve import bounds, mip_steps
from mutasi_cli.solve.aggregate import solve_stage_a
from mutasi_cli.solve.candidates import CandidateSpace, candidate_space
from mutasi_cli.solve.column_generation import PER_PERSON, PURGE_RC, RC_TOL, generate_columns, price, purge
from mutasi_cli.solve.mip_steps import StageB, fix_and_solve, full_mip, support_mip
from mutasi_cli.solve.planner import plan
from mutasi_cli.solve.pricing import CG_STOP_GAP
from mutasi_cli.solve.reduced_costs import values_at
from mutasi_cli.solve.stage_b_model import PricingModel
from mutasi_cli.solve.verify import level_values, violations

EFFECTIVE = dt.date(2026, 12, 1)


@dataclass
class Start:
    """A round with stage A solved: what stage B starts from."""

    rnd: Round
    status: PersonStatus
    space: CandidateSpace
    plan_a: np.ndarray
    targets: tuple[int, int, int]


def _start(rnd: Round) -> Start | None:
    status = person_status(rnd)
    space = candidate_space(rnd, status)
    stage = solve_stage_a(rnd, status, space, 60)
    if stage.final is None:
        return None
    reached = level_values(rnd, status, stage.final)
    return Start(rnd, status, space, stage.final, (reached[0], reached[1], reached[2]))


@pytest.fixture(scope="module")
def start() -> Start:
    rnd, log = load_frames(generate(200, 6, EFFECTIVE), EFFECTIVE)
    assert rnd is not None, [i.to_dict() for i in log.errors]
    assert len(rnd.kunci) and len(rnd.relasi) and len(rnd.larangan), "the round should have all three"
    found = _start(rnd)
    assert found is not None
    return found


def _restricted(s: Start) -> PricingModel:
    """Stage B's model as the driver builds it: the static columns, the Kunci moves, stage A's moves."""
    pm = PricingModel(s.rnd, s.status, s.space, s.targets)
    moved = np.flatnonzero((s.plan_a != pm.cur) & (s.plan_a >= 0) & (s.status.kunci_pos == NO_LOCK))
    pm.add_columns(moved, s.plan_a[moved])
    pm.keep_plan = s.plan_a
    return pm


def _full(s: Start) -> PricingModel:
    """The same model with every allowed move in it (besides the Kunci moves)."""
    full = PricingModel(s.rnd, s.status, s.space, s.targets)
    e, p = full._all_moves(np.flatnonzero(s.space.group_of >= 0))
    new = np.array([q not in full.in_model.get(int(f), ()) for f, q in zip(e, p)], dtype=bool)
    full.add_columns(e[new], p[new])
    return full


def _column_reduced_costs(pm: PricingModel, y: np.ndarray) -> np.ndarray:
    """c_j − a_jᵀy of every column, from the costs and entries HiGHS holds (not from the pricing code)."""
    lp = pm.h.getLp()
    a = lp.a_matrix_
    start, index, value = np.asarray(a.start_), np.asarray(a.index_), np.asarray(a.value_)
    major = np.repeat(np.arange(len(start) - 1), np.diff(start))
    rows, cols = (major, index) if a.format_ == highspy.MatrixFormat.kRowwise else (index, major)
    return np.asarray(lp.col_cost_) - np.bincount(cols, weights=value * y[rows], minlength=lp.num_col_)


def _move_reduced_costs(full: PricingModel, y: np.ndarray) -> dict[tuple[int, int], float]:
    """Every allowed move's reduced cost at the duals ``y`` (of a model with the same rows as ``full``)."""
    rc = _column_reduced_costs(full, y)[full.x_first :]
    return {(int(e), int(p)): float(r) for e, p, r in zip(full.xe, full.xp, rc)}


def _psi(s: Start, pm: PricingModel, final: np.ndarray) -> float:
    """Ψ of a plan, from the plan alone: level 3 less ε per move."""
    levels = level_values(s.rnd, s.status, final)
    return levels[3] - pm.eps * levels[4]


# --- reduced costs per pricing class ----------------------------------------------------------------------


def test_reduced_costs_per_class_are_the_columns_reduced_costs(start):
    """The values per pricing class give every allowed move's reduced cost, −(y_e + [due]·y_level2 +
    value), as HiGHS' own column entries give it — at the LP's duals and at duals perturbed at random —
    and −∞ exactly where there is no move (the person's own position, a Larangan pair)."""
    full = _full(start)
    st, _, _ = full.run(60)
    assert st == "optimal"
    y0 = full.duals()
    np.testing.assert_allclose(  # the test's reduced costs are HiGHS'
        _column_reduced_costs(full, y0), np.asarray(full.h.getSolution().col_dual), atol=1e-7
    )
    rng = np.random.default_rng(1)
    n = start.rnd.n_people
    for y in (y0, y0 * rng.uniform(0.0, 2.0, len(y0))):
        expected = _move_reduced_costs(full, y)
        seen: set[tuple[int, int]] = set()
        r = y[:n] + full.due * y[full.l2_row]
        for blk, sl, vals in values_at(full, y):
            persons = blk.persons[sl]
            for i, e in enumerate(persons.tolist()):
                for j, p in enumerate(blk.positions.tolist()):
                    if np.isfinite(vals[i, j]):
                        assert -(r[e] + vals[i, j]) == pytest.approx(expected[(e, p)], abs=1e-6), (e, p)
                        seen.add((e, p))
                    else:
                        assert (e, p) not in expected, (e, p)
        in_groups = {m for m in expected if start.space.group_of[m[0]] >= 0}
        assert seen == in_groups


# --- pricing ------------------------------------------------------------------------------------------


def test_pricing_adds_only_moves_of_negative_reduced_cost_at_most_per_person(start):
    """A pricing round adds moves left out whose reduced cost is below −RC_TOL, each person's best ones,
    at most PER_PERSON each; with no limit (the proof), every move left out below the threshold."""
    pm, full = _restricted(start), _full(start)
    assert pm.row_names == full.row_names  # the same rows, so one set of duals fits both
    st, _, _ = pm.run(60)
    assert st == "optimal"
    y = pm.duals()
    rc = _move_reduced_costs(full, y)
    before = set(zip(pm.xe.tolist(), pm.xp.tolist()))
    k0 = len(pm.xe)
    added = price(pm, y, -RC_TOL, PER_PERSON)
    new = list(zip(pm.xe[k0:].tolist(), pm.xp[k0:].tolist()))
    assert added == len(new) > 0
    assert len(set(new)) == len(new) and not set(new) & before, "a move already in the model"
    assert all(rc[m] < -RC_TOL + 1e-9 for m in new), [rc[m] for m in new if rc[m] >= -RC_TOL + 1e-9]
    per = Counter(e for e, _ in new)
    assert max(per.values()) <= PER_PERSON
    assert max(per.values()) == PER_PERSON, "the round should have someone with more moves to add"
    left_out: dict[int, list[float]] = {}
    for (e, p), r in rc.items():
        if (e, p) not in before:
            left_out.setdefault(e, []).append(r)
    for e, theirs in left_out.items():
        theirs.sort()
        got = sorted(rc[m] for m in new if m[0] == e)
        assert len(got) >= min(PER_PERSON, sum(r < -RC_TOL - 1e-9 for r in theirs)), e
        assert got == pytest.approx(theirs[: len(got)], abs=1e-9), e  # the best first
    for m in new:
        assert m[1] in pm.in_model[m[0]]

    # no limit: every move left out below the threshold, and only those
    threshold = 0.5
    k1 = len(pm.xe)
    inside = set(zip(pm.xe.tolist(), pm.xp.tolist()))
    price(pm, y, threshold, None)
    proof = set(zip(pm.xe[k1:].tolist(), pm.xp[k1:].tolist()))
    assert {m for m, r in rc.items() if m not in inside and r < threshold - 1e-9} <= proof
    assert all(rc[m] < threshold + 1e-9 for m in proof)


# --- purging ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("with_plan", [True, False], ids=["keep-plan", "no-plan"])
@pytest.mark.parametrize("rc_min", [PURGE_RC, 1e-9])
def test_purge_never_deletes_a_fixed_move_one_the_lp_uses_or_one_of_the_plan(start, rc_min, with_plan):
    """Purging deletes only moves of reduced cost above ``rc_min`` that are neither fixed (Kunci), nor used
    by the LP, nor in ``keep_plan`` — also when their reduced costs say otherwise; the model's bookkeeping
    and the LP's solution follow, and the LP keeps its value. Without a plan to keep (stage A's has the
    Kunci moves too), only the fixing keeps the Kunci moves."""
    pm = _restricted(start)
    if not with_plan:
        pm.keep_plan = None
    e, p = pm._all_moves(np.flatnonzero(start.space.group_of >= 0))
    new = np.array([q not in pm.in_model.get(int(f), ()) for f, q in zip(e, p)], dtype=bool)
    pm.add_columns(e[new], p[new])
    st, value, _ = pm.run(60)
    assert st == "optimal"
    lp = pm.lp_solution()
    moves = list(zip(pm.xe.tolist(), pm.xp.tolist()))
    xv = lp.col_value[pm.x_first :]
    used = {m for m, v in zip(moves, xv) if v > 1e-9}
    fixed = {m for m, f in zip(moves, pm.x_fixed) if f}
    kept_plan = {m for m in moves if start.plan_a[m[0]] == m[1]} if with_plan else set()
    assert fixed and used and (kept_plan or not with_plan)
    # a forced column's reduced cost is whatever the degenerate LP makes it: here, far above rc_min, as
    # are those of the plan's moves
    protected = np.array([m in fixed | kept_plan for m in moves])
    lp.col_dual[pm.x_first :][protected] = 10.0
    pm.last_lp = lp
    rc = lp.col_dual[pm.x_first :].copy()
    values = dict(zip(moves, xv))

    gone = purge(pm, rc_min)
    after = list(zip(pm.xe.tolist(), pm.xp.tolist()))
    deleted = set(moves) - set(after)
    assert gone == len(deleted) > 0
    assert not deleted & (fixed | used | kept_plan)
    assert all(r > rc_min for m, r in zip(moves, rc) if m in deleted)
    assert all(r <= rc_min or m in fixed | kept_plan for m, r in zip(moves, rc) if m not in deleted)
    # the bookkeeping: HiGHS' columns, who is in the model, the LP's solution realigned
    assert pm.h.getNumCol() == pm.n_cols == pm.x_first + len(after)
    assert {(a, b) for a, bs in pm.in_model.items() for b in bs} == set(after)
    assert len(pm.last_lp.col_value) == pm.n_cols
    np.testing.assert_array_equal(pm.last_lp.col_value[pm.x_first :], [values[m] for m in after])
    st, again, _ = pm.run(60)
    assert st == "optimal" and again == pytest.approx(value, abs=1e-7)


# --- the Lagrangian bound -----------------------------------------------------------------------------


def test_lagrangian_bound_lies_below_the_lp_at_every_round_and_meets_it_when_no_move_prices_out(
    start, monkeypatch
):
    """At every round of column generation the bound is ≤ the round's LP value and ≤ the LP over every
    move (it bounds −Ψ from below over all moves); at the duals of the LP over every move, where no move
    prices out, it equals that LP's value."""
    full = _full(start)
    st, full_value, _ = full.run(60)
    assert st == "optimal"
    assert bounds.lagrangian_bound(full, full.duals()) == pytest.approx(full_value, abs=1e-6)

    seen: list[tuple[float | None, float]] = []
    original = bounds.lagrangian_bound

    def recording(model, y):
        value = original(model, y)
        seen.append((value, model.h.getInfo().objective_function_value))
        return value

    monkeypatch.setattr(bounds, "lagrangian_bound", recording)
    pm = _restricted(start)
    stats: dict[str, float] = {}
    st, value, lower = generate_columns(pm, time.perf_counter() + 60, stats, "cg")
    assert st == "optimal" and len(seen) >= 3, (st, stats)
    for bound, lp_value in seen:
        assert bound is not None
        assert bound <= lp_value + 1e-6
        assert bound <= full_value + 1e-6
    assert value == pytest.approx(full_value, abs=1e-6) and lower == value
    assert seen[-1][0] == pytest.approx(full_value, abs=1e-6)  # no move priced out of the last round


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 8, 13, 21])
def test_lagrangian_bound_on_small_random_rounds(seed):
    """On small random rounds (Kunci, Larangan, Relasi now and then): the bound meets the LP over every
    move at its duals, and lies below it at the duals of every round of column generation and at duals
    perturbed at random."""
    s = _start(random_case(seed).round())
    if s is None:
        pytest.skip("no plan for levels 0–2")
    full = _full(s)
    st, full_value, _ = full.run(60)
    assert st == "optimal" and full_value is not None
    y = full.duals()
    assert bounds.lagrangian_bound(full, y) == pytest.approx(full_value, abs=1e-6)
    rng = np.random.default_rng(seed)
    for _ in range(3):
        perturbed = bounds.lagrangian_bound(full, y * rng.uniform(0.0, 2.0, len(y)))
        assert perturbed is None or perturbed <= full_value + 1e-6
    pm = _restricted(s)
    st, value, lower = generate_columns(pm, time.perf_counter() + 60, {}, "cg")
    assert st == "optimal" and value == pytest.approx(full_value, abs=1e-6)
    assert lower is not None and lower <= full_value + 1e-6


# --- the MIP steps ------------------------------------------------------------------------------------


def _after_generation(s: Start, stop_gap: float) -> tuple[StageB, float]:
    """Stage B's state after column generation to ``stop_gap``, as the driver hands it to fix and solve."""
    pm = _restricted(s)
    b = StageB(pm, s.plan_a, time.perf_counter() + 60, "highs", {}, lambda _m: None)
    st, value, lower = generate_columns(pm, b.deadline, b.stats, "stage_b", stop_gap)
    assert st in ("optimal", "bound") and value is not None and lower is not None
    b.bound_b = -lower
    return b, value


def test_fix_and_solve_gives_a_valid_plan_within_the_bound(start):
    """Fix and solve, and the support MIP: plans the verifier accepts, levels 0–2 held, Ψ the MIP's value
    and within the bound over all moves (level 3 then at most the bound plus under one point of move
    penalties); the model's column bounds as they were."""
    b, _ = _after_generation(start, CG_STOP_GAP)
    pm = b.pm
    lp = pm.last_lp
    assert lp is not None and b.bound_b is not None
    lower, upper = np.array(pm.h.getLp().col_lower_), np.array(pm.h.getLp().col_upper_)
    for step in (fix_and_solve, support_mip):
        (st, obj, _), found = step(b, lp)
        assert st == "optimal" and obj is not None and found is not None, step.__name__
        assert violations(start.rnd, start.status, found) == [], step.__name__
        levels = level_values(start.rnd, start.status, found)
        assert (levels[0], levels[1], levels[2]) == start.targets
        psi = _psi(start, pm, found)
        assert psi == pytest.approx(-obj, abs=1e-6)
        assert psi <= b.bound_b + 1e-6
        assert levels[3] < b.bound_b + 1
        np.testing.assert_array_equal(pm.h.getLp().col_lower_, lower)
        np.testing.assert_array_equal(pm.h.getLp().col_upper_, upper)
    assert b.stats["stage_b_fixed"] > 0


def test_full_mip_with_the_proof_by_reduced_costs(start, monkeypatch):
    """With no plan accepted by the bound alone (a negative acceptance), the full MIP takes every branch:
    the MIP over the LP's support, again over every generated move, then the proof, which adds every move
    of small enough reduced cost. Its plan is valid, Ψ the reported value, below the reported bound, and
    that bound no weaker than the Lagrangian one; no more moves could improve the plan."""
    monkeypatch.setattr(mip_steps, "STAGE_B_ACCEPT", -1.0)
    b, value = _after_generation(start, 0.0)
    assert b.bound_b == pytest.approx(-value, abs=1e-9)
    pm, lp = b.pm, b.pm.last_lp
    assert lp is not None
    generated = pm.n_cols - pm.x_first
    final, out = full_mip(b, "optimal", lp)
    assert b.stats["stage_b_mip_columns"] < generated  # first over the LP's support
    assert b.stats["stage_b_proof_columns"] > 0
    assert violations(start.rnd, start.status, final) == []
    assert out.status == "feasible"  # nothing is within a negative acceptance
    assert out.objective == pytest.approx(_psi(start, pm, final), abs=1e-6)
    assert out.bound is not None and out.objective <= out.bound + 1e-6 and out.bound <= b.bound_b + 1e-9
    # the proof: every move left out prices above the LP bound less the plan
    full = _full(start)
    rc = _move_reduced_costs(full, lp.row_dual)
    inside = set(zip(pm.xe.tolist(), pm.xp.tolist()))
    assert all(r > b.bound_b - out.objective - 1e-6 for m, r in rc.items() if m not in inside)


# --- the whole of stage B -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 9])
def test_stage_b_equals_the_direct_route_on_small_rounds(seed):
    """The pricing route's stage B reaches the direct route's level 3 (one variable per move), with
    levels 0–2 equal, on small random rounds."""
    rnd = random_case(seed).round()
    priced = plan(rnd, solver="highs", route="pricing", time_limit=60)
    direct = plan(rnd, solver="highs", route="direct", time_limit=60)
    if direct.status == "infeasible":
        assert priced.status == "infeasible"
        return
    assert priced.status == direct.status == "optimal", (priced.status, direct.status)
    assert priced.stage_b is not None and priced.stage_b.status == "optimal"
    assert violations(rnd, priced.person_status, priced.final) == []
    assert [priced.levels[k] for k in range(4)] == [direct.levels[k] for k in range(4)]
