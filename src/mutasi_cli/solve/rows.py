"""One definition of each row family of the model, for the three models that write it.

The PuLP model of every move (:mod:`mutasi_cli.solve.model`), stage A's aggregated model
(:mod:`mutasi_cli.solve.aggregate`) and stage B's column-generation model
(:mod:`mutasi_cli.solve.stage_b_model`)
share their limits: a position's capacity and the "opens" switch of an over-filled one, the filled places
of a position, a unit's turnover cap, the Relasi pairs, levels 0–2 held at their optimum, and the fewest
changes to a reviewed plan. Each family is written here once, as :class:`Row` objects over the caller's
own handles (a PuLP variable, or a column index): the caller says which handle stands for a person's stay,
a position's switch, a move; the coefficients and bounds come from here, so a new limit, or a change to
one, is written once (in the manner of PyPSA's ``define_*_constraints``). ``tests/solve/test_rows.py``
builds one round in all three models and compares their rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules.eligibility import NO_LOCK, PersonStatus

INF = float("inf")

H = TypeVar("H")  # a model's handle of a column: a PuLP variable, or an index
Terms = Sequence[tuple[H, float]]


@dataclass
class Row(Generic[H]):
    """lo ≤ Σ coef·column ≤ hi (either bound may be infinite), named as the PuLP model names it."""

    name: str
    terms: list[tuple[H, float]]
    lo: float
    hi: float


def capacity_rows(
    kode: str, formasi: int, n_inc: int, held: int, stay: Terms, new: Terms, opens: H | None
) -> list[Row[H]]:
    """A position p with incumbents I_p (``n_inc`` of them, ``stay`` the terms of their stays), newcomers
    N_p (``new``) and formasi F_p:

    - if |I_p| ≤ F_p: N_p + S_p ≤ F_p;
    - else (over-filled): N_p ≤ (F_p − h_p)·z_p and N_p + S_p ≤ F_p + (|I_p| − F_p)(1 − z_p), with z_p the
      switch ``opens`` (a newcomer comes only once enough incumbents leave) and h_p the incumbents held in
      place whatever the plan (:func:`mutasi_cli.solve.model.held_incumbents`).

    So the position holds at most max(F_p, S_p). The first row of an over-filled position is the convex
    hull of {z = 0: N = 0} ∪ {z = 1: N + S ≤ F, S ≥ h}."""
    if n_inc <= formasi:
        return [Row(f"capacity_{kode}", [*stay, *new], -INF, formasi)]
    assert opens is not None, "an over-filled position needs its switch"
    return [
        Row(f"opens_{kode}", [*new, (opens, -float(max(formasi - held, 0)))], -INF, 0),
        Row(f"capacity_{kode}", [*stay, *new, (opens, float(n_inc - formasi))], -INF, n_inc),
    ]


def over_filled(n_inc: int, formasi: int) -> bool:
    """Whether a position has more incumbents than its formasi (it then needs the switch z_p)."""
    return n_inc > formasi


def fill_row(prefix: str, kode: str, occupancy: Terms, filled: H) -> Row[H]:
    """filled_p ≤ occupancy_p (with filled_p ∈ [0, F_p] as the column's bounds): the places of a
    position that count as filled (Prioritas 1 at level 1, Prioritas 2–3 in level 3's fill reward)."""
    return Row(f"{prefix}_{kode}", [*occupancy, (filled, -1.0)], 0, INF)


def turnover_rows(
    groups: Iterable[tuple[str, Sequence[int], int]], stay: Mapping[int, H] | np.ndarray
) -> list[Row[H]]:
    """∀ unit u with free movers M_u and cap c_u (:func:`mutasi_cli.solve.model.turnover_groups`):
    Σ_{e ∈ M_u} (1 − s_e) ≤ c_u, written Σ s_e ≥ |M_u| − c_u."""
    return [
        Row(f"turnover_{unit}", [(stay[e], 1.0) for e in members], float(len(members) - cap), INF)
        for unit, members, cap in groups
    ]


def relation_rows(
    rnd: Round, into: Mapping[int, Mapping[str, list]], stay: Mapping[int, object]
) -> list[tuple[str, list]]:
    """The Relasi rows, each ``Σ terms ≤ 1``, for any model: ``into[e][w]`` are the (variable, 1) terms of
    person e's moves into unit w, ``stay[e]`` the variable of e staying (absent when e cannot stay).

    For related a, b and every unit w: if they start in different units, end_a(w) + end_b(w) ≤ 1, with
    end_a(w) = moves of a into w + [w = unit(a)]·s[a]; if both start in w0, a move into w0 by one
    excludes the other staying there or moving into w0, and for w ≠ w0 the two cannot both move into w.
    With ``[aturan] relasi = "selalu"`` two people who start in one unit may not both stay either
    (s[a] + s[b] ≤ 1): one of them must move.
    """
    always = rnd.rules.relasi == "selalu"
    cur_unit = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    nips = rnd.people["nip"].to_numpy()
    rows: list[tuple[str, list]] = []
    for a, b in rnd.relasi[["a", "b"]].itertuples(index=False):
        ia, ib = into.get(a, {}), into.get(b, {})
        ua, ub = cur_unit[a], cur_unit[b]
        sa = [(stay[a], 1)] if a in stay else []
        sb = [(stay[b], 1)] if b in stay else []
        tag = f"relasi_{nips[a]}_{nips[b]}"
        for w in sorted(set(ia) | set(ib) | {ua, ub}):
            ta, tb = list(ia.get(w, [])), list(ib.get(w, []))
            if ua != ub:
                ta += sa if w == ua else []
                tb += sb if w == ub else []
                if ta and tb:
                    rows.append((f"{tag}_{w}", ta + tb))
            elif w == ua:
                if always and sa and sb:
                    rows.append((f"{tag}_{w}_stay", sa + sb))
                if ta and sb:
                    rows.append((f"{tag}_{w}_a", ta + sb))
                if tb and sa:
                    rows.append((f"{tag}_{w}_b", tb + sa))
                if ta and tb:
                    rows.append((f"{tag}_{w}_ab", ta + tb))
            elif ta and tb:
                rows.append((f"{tag}_{w}", ta + tb))
    return rows


def moves_into_units(
    rnd: Round, person: list[int], position: list[int], var: list
) -> dict[int, dict[str, list]]:
    """``into[e][unit]``: the (variable, 1) terms of the moves of the people named in Relasi."""
    unit = rnd.positions["unit"].to_numpy()
    involved = set(rnd.relasi["a"]) | set(rnd.relasi["b"])
    into: dict[int, dict[str, list]] = {}
    for e, p, v in zip(person, position, var):
        if e in involved:
            into.setdefault(e, {}).setdefault(unit[p], []).append((v, 1))
    return into


def held_levels_rows(
    targets: tuple[int, int, int], unplaced: Terms, priority1: Terms, due_moves: Terms
) -> list[Row[H]]:
    """Levels 0–2 held at their optimum (stage A's values) by three rows with unit coefficients, rather
    than one row of Φ with its large weights: the same integer plans, a better-conditioned LP (measured:
    column generation at 5,000 people 12.9 s → 5.8 s)."""
    l0, l1, l2 = targets
    return [
        Row("level_0", list(unplaced), -INF, float(l0)),
        Row("level_1", list(priority1), float(l1), INF),
        Row("level_2", list(due_moves), float(l2), INF),
    ]


def unchanged_row(stays: Terms, kept: int) -> Row[H]:
    """The fewest changes to a reviewed plan held: at least ``kept`` of the stays that are no change
    (:func:`mutasi_cli.solve.model.unchanged_stays`)."""
    return Row("fewest_changes", list(stays), float(kept), INF)


def free_movers(status: PersonStatus) -> np.ndarray:
    """The people a unit's turnover cap counts: movable, not held by Kunci (or an approved row), not the
    incumbent of a Dihapus position."""
    return ~status.dihapus & status.movable & (status.kunci_pos == NO_LOCK)


__all__ = [
    "INF", "Row", "capacity_rows", "fill_row", "free_movers", "held_levels_rows", "moves_into_units",
    "over_filled", "relation_rows", "turnover_rows", "unchanged_row",
]  # fmt: skip
