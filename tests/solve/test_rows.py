"""One definition of the rows: the PuLP model of every move, stage A's aggregated model and stage B's
column-generation model write the capacity, "opens", filled-places, turnover and Relasi rows from
:mod:`mutasi_cli.solve.rows`. This builds rounds in all three and compares their rows, by name, bound and
terms: the people whose stay a row counts, the switches and filled-place columns, and the moves (one per
candidate in the PuLP and stage-B models, one per group and position in stage A's, compared by position
there)."""

from __future__ import annotations

import math

import highspy
import numpy as np
import pulp
import pytest
from test_optimality import SEEDS, random_case

from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve import aggregate, model
from mutasi_cli.solve.candidates import candidate_space
from mutasi_cli.solve.rows import INF, capacity_rows
from mutasi_cli.solve.stage_b_model import PricingModel

FAMILIES = ("capacity_", "opens_", "filled_p1_", "filled_", "turnover_", "relasi_")


def _family(name: str) -> bool:
    return name.startswith(FAMILIES)


def _pulp_rows(rnd, status, cand):
    m = model.build(rnd, status, cand)
    kode = {str(k): p for p, k in enumerate(rnd.positions["kode"])}
    nip = {str(n): e for e, n in enumerate(rnd.people["nip"])}

    def key(v: pulp.LpVariable):
        name = v.name
        if name.startswith("x_"):
            k = int(name[2:])
            return ("x", int(cand.person[k]), int(cand.position[k]))
        for prefix, tag, table in (
            ("stay_", "s", nip), ("unplaced_", "s", nip), ("opens_", "z", kode),
            ("filled_p1_", "f", kode), ("filled_", "g", kode),
        ):  # fmt: skip
            if name.startswith(prefix):
                return (tag, table[name[len(prefix):]])
        raise AssertionError(name)

    out = {}
    for c in m.prob.constraints():
        name = c.name
        if not _family(name):
            continue
        bound = -c.constant
        lo, hi = {
            pulp.LpConstraintLE: (-INF, bound), pulp.LpConstraintGE: (bound, INF), pulp.LpConstraintEQ: (bound, bound)
        }[c.sense]  # fmt: skip
        out[name] = (lo, hi, {key(v): float(a) for v, a in c.items() if a != 0})  # HiGHS drops zeros
    return {n.replace(" ", "_"): row for n, row in out.items()}  # PuLP writes a space as "_"


def _csr_rows(names, starts, idx, val, lo, hi, key):
    out = {}
    ends = list(starts[1:]) + [len(idx)]
    for i, name in enumerate(names):
        if _family(name):
            terms: dict = {}
            for j in range(starts[i], ends[i]):
                k = key(int(idx[j]))
                if float(val[j]) != 0:
                    terms[k] = terms.get(k, 0.0) + float(val[j])
            out[name.replace(" ", "_")] = (float(lo[i]), float(hi[i]), terms)
    return out


def _stage_a_rows(rnd, status, space):
    m = aggregate.build_stage_a_model(rnd, status, space)
    b = m.b
    what: dict[int, tuple] = {int(c): ("s", e) for e, c in enumerate(m.stay)}
    what |= {c: ("z", p) for p, c in m.z_of.items()} | {c: ("f", p) for p, c in m.f_of.items()}
    what |= {c: ("move", p) for p, c in zip(m.ind_p, m.ind_col)}
    for _members, positions, ycols in m.keys:
        what |= {c: ("move", int(p)) for p, c in zip(positions.tolist(), ycols)}
    # a group's column to a position none of its members may take (all of them from there) is fixed at 0
    what |= {c: None for c in range(len(b.hi)) if b.hi[c] == 0 and what.get(c, ("",))[0] == "move"}
    rows = _csr_rows(b.row_names, b.starts, b.idx, b.val, b.r_lo, b.r_hi, lambda c: what[c])
    return {n: (lo, hi, {k: v for k, v in t.items() if k is not None}) for n, (lo, hi, t) in rows.items()}


def _stage_b_rows(rnd, status, space, cand):
    pm = PricingModel(rnd, status, space, (0, 0, 0))
    free = ~cand.kunci  # the Kunci moves are in the model from the start
    pm.add_columns(cand.person[free], cand.position[free])
    what: dict[int, tuple] = {}
    for e in range(rnd.n_people):
        c = pm.s_col[e] if pm.s_col[e] >= 0 else pm.u_col[e]
        what[int(c)] = ("s", e)
    for tag, cols in (("z", pm.z_col), ("f", pm.f_col), ("g", pm.g_col)):
        what |= {int(c): (tag, p) for p, c in enumerate(cols) if c >= 0}
    what |= {pm.x_first + j: ("x", int(e), int(p)) for j, (e, p) in enumerate(zip(pm.xe, pm.xp))}
    lp = pm.h.getLp()
    a = lp.a_matrix_
    start, index, value = np.asarray(a.start_), np.asarray(a.index_), np.asarray(a.value_)
    by_row = a.format_ == highspy.MatrixFormat.kRowwise
    rows: dict[int, list[tuple[int, float]]] = {}
    for major in range(len(start) - 1):
        for j in range(start[major], start[major + 1]):
            r, col = (major, int(index[j])) if by_row else (int(index[j]), major)
            rows.setdefault(r, []).append((col, float(value[j])))
    out = {}
    for i, name in enumerate(pm.row_names):
        if _family(name):
            terms: dict = {}
            for col, v in rows.get(i, []):
                terms[what[col]] = terms.get(what[col], 0.0) + v
            out[name.replace(" ", "_")] = (float(lp.row_lower_[i]), float(lp.row_upper_[i]), terms)
    return out, pm


def _by_position(terms: dict) -> dict:
    """A row's terms with the moves counted by destination (stage A's groups stand for many people)."""
    out: dict = {}
    for k, v in terms.items():
        kk = ("move", k[2]) if k[0] == "x" else k
        out[kk] = v if kk[0] != "move" else 1.0
    return out


def _same_bound(a: float, b: float) -> bool:
    return (math.isinf(a) and math.isinf(b) and a * b > 0) or a == b


ROUND_SEEDS = [s for s in SEEDS if s % 5 == 0]


@pytest.mark.parametrize("seed", ROUND_SEEDS)
def test_the_three_models_write_the_same_rows(seed: int) -> None:
    rnd = random_case(seed).round()
    status = person_status(rnd)
    space = candidate_space(rnd, status)
    cand = space.materialize()
    direct = _pulp_rows(rnd, status, cand)
    stage_a = _stage_a_rows(rnd, status, space)
    stage_b, pm = _stage_b_rows(rnd, status, space, cand)
    # stage A writes the rows the PuLP model writes, with the moves grouped; not the filled places of
    # Prioritas-2/3 positions, which only level 3 rewards
    level3 = {n for n in direct if n.startswith("filled_") and not n.startswith("filled_p1_")}
    assert set(direct) - level3 <= set(stage_a)
    for name in set(stage_a) - set(direct):  # a position no group's move can reach: no move in its rows
        assert name.startswith(("capacity_", "opens_")), name
        assert all(k[0] in ("s", "z") for k in stage_a[name][2]), name
    for name, (lo, hi, terms) in direct.items():
        if name in level3:
            continue
        a_lo, a_hi, a_terms = stage_a[name]
        assert _same_bound(lo, a_lo) and _same_bound(hi, a_hi), name
        assert _by_position(terms) == _by_position(a_terms), name
    # stage B writes them term for term; it has no filled-places rows where a position cannot be
    # over-filled (its places are its occupancy, in the level rows and the costs), and it writes a
    # position's capacity even before any newcomer is in the model
    for name, (lo, hi, terms) in direct.items():
        if name not in stage_b:
            p = int(np.flatnonzero(rnd.positions["kode"].to_numpy() == name.split("_")[-1])[0])
            assert name.startswith(("filled_p1_", "filled_")) and not pm.over[p], name
            continue
        b_lo, b_hi, b_terms = stage_b[name]
        assert _same_bound(lo, b_lo) and _same_bound(hi, b_hi), name
        assert terms == b_terms, name
    for name in set(stage_b) - set(direct):  # a position nobody may move to: no move in its rows
        assert name.startswith(("capacity_", "opens_")), name
        assert all(k[0] in ("s", "z") for k in stage_b[name][2]), name


def test_the_rounds_exercise_every_family() -> None:
    """The comparison above is worth something only if the rounds have every family in them."""
    seen: set[str] = set()
    for seed in ROUND_SEEDS:
        rnd = random_case(seed).round()
        status = person_status(rnd)
        names = _pulp_rows(rnd, status, candidate_space(rnd, status).materialize())
        seen |= {f for f in FAMILIES for n in names if n.startswith(f)}
    assert seen == set(FAMILIES), set(FAMILIES) - seen


def test_capacity_rows_by_hand() -> None:
    """A position of formasi 2 with 3 incumbents, 1 of them held: newcomers only once one leaves."""
    stay = [("s1", 1.0), ("s2", 1.0), ("s3", 1.0)]
    opens, capacity = capacity_rows("J1", 2, 3, 1, stay, [("x", 1.0)], "z")
    assert (opens.name, opens.terms, opens.lo, opens.hi) == ("opens_J1", [("x", 1.0), ("z", -1.0)], -INF, 0)
    assert capacity.terms == [*stay, ("x", 1.0), ("z", 1.0)] and capacity.hi == 3
    (only,) = capacity_rows("J2", 4, 3, 0, stay, [("x", 1.0)], None)
    assert (only.name, only.hi) == ("capacity_J2", 4)
