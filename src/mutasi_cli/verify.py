"""An independent check of a plan against every rule and limit, and the value of each objective level.

The planner never trusts solver values: every solution is re-checked here before it is used, and the
tests use the same checks as invariants. ``final[e]`` is the position person e ends in, ``UNPLACED``
for an incumbent of a Dihapus position left *tidak tertampung*.
"""

from __future__ import annotations

import numpy as np

from mutasi_cli import scoring
from mutasi_cli.data import TETAP, Round
from mutasi_cli.model import turnover_caps
from mutasi_cli.rules import NO_LOCK, PersonStatus, eligible_mask, pair_failures

UNPLACED = -1


def plan_from_solution(
    cur: np.ndarray,
    move_person: np.ndarray,
    move_position: np.ndarray,
    move_values: np.ndarray,
    unplaced: np.ndarray,
) -> np.ndarray | None:
    """The plan in a solver's values (moves and the people it left unplaced), or None when the values
    are not a clean 0/1 assignment with each person placed once."""
    final = cur.copy()
    if np.any((move_values > 1e-6) & (move_values < 1 - 1e-6)):
        return None
    chosen = np.flatnonzero(move_values > 0.5)
    if len(np.unique(move_person[chosen])) != len(chosen):
        return None
    if np.intersect1d(unplaced, move_person[chosen]).size:
        return None
    final[move_person[chosen]] = move_position[chosen]
    final[unplaced] = UNPLACED
    return final


def violations(rnd: Round, status: PersonStatus, final: np.ndarray) -> list[str]:
    """Every broken rule or limit, as short English descriptions (empty when the plan is valid)."""
    out: list[str] = []
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    nips = people["nip"].to_numpy()
    kode = positions["kode"].to_numpy()
    if len(final) != len(people):
        return ["plan has the wrong length"]
    moved = (final != cur) & (final != UNPLACED)
    unplaced = final == UNPLACED
    lock = status.kunci_pos
    for e in np.flatnonzero(unplaced & ~status.dihapus):
        out.append(f"{nips[e]} unplaced but not in a Dihapus position")
    for e in np.flatnonzero(status.dihapus & (final == cur)):
        out.append(f"{nips[e]} stays in Dihapus position {kode[cur[e]]}")
    for e in np.flatnonzero((lock >= 0) & (final != np.where(lock >= 0, lock, 0))):
        out.append(f"{nips[e]} not placed as Kunci says ({kode[lock[e]]})")
    for e in np.flatnonzero((lock == TETAP) & (final != cur)):
        out.append(f"{nips[e]} moved despite Kunci TETAP")
    free_moves = moved & (lock == NO_LOCK)
    for e in np.flatnonzero(free_moves & ~status.movable):
        out.append(f"{nips[e]} moved although person rules hold them ({', '.join(status.reasons(e))})")
    e_idx = np.flatnonzero(free_moves)
    if len(e_idx):
        fails = pair_failures(rnd, e_idx, final[e_idx])
        for k in np.flatnonzero(~eligible_mask(fails)):
            codes = [c for c, f in fails.items() if f[k]]
            out.append(f"{nips[e_idx[k]]} -> {kode[final[e_idx[k]]]} breaks {', '.join(codes)}")
    # capacity: at most max(Formasi, stayers); Dihapus positions take nobody new
    formasi = positions["formasi"].to_numpy()
    placed = final[final != UNPLACED]
    occupancy = np.bincount(placed, minlength=len(positions))
    stayers = np.bincount(cur[(final == cur)], minlength=len(positions))
    newcomers = np.bincount(final[moved], minlength=len(positions))
    for p in np.flatnonzero(occupancy > np.maximum(formasi, stayers)):
        out.append(f"{kode[p]} holds {occupancy[p]} > max(Formasi {formasi[p]}, stayers {stayers[p]})")
    for p in np.flatnonzero(~positions["aktif"].to_numpy() & (newcomers > 0)):
        out.append(f"Dihapus position {kode[p]} takes newcomers")
    # turnover per unit
    units = positions["unit"].to_numpy()
    counted = moved & (lock == NO_LOCK) & ~status.dihapus
    for unit, cap in turnover_caps(rnd).items():
        n = int((counted & (units[cur] == unit)).sum())
        if n > cap:
            out.append(f"turnover of {unit}: {n} > {cap}")
    # relasi
    end_unit = np.where(final == UNPLACED, None, units[np.where(final == UNPLACED, 0, final)])
    always = rnd.rules.relasi == "selalu"
    for a, b in rnd.relasi[["a", "b"]].itertuples(index=False):
        if (always or moved[a] or moved[b]) and end_unit[a] is not None and end_unit[a] == end_unit[b]:
            out.append(f"related {nips[a]} and {nips[b]} end in {end_unit[a]}")
    return out


def level_values(rnd: Round, status: PersonStatus, final: np.ndarray) -> dict[int, int]:
    """The value of objective levels 0–4 for a plan, computed from the plan alone."""
    positions = rnd.positions
    cur = rnd.people["pos"].to_numpy()
    moved = (final != cur) & (final != UNPLACED)
    placed = final != UNPLACED
    formasi = positions["formasi"].to_numpy()
    prio = positions["prioritas"].to_numpy()
    aktif = positions["aktif"].to_numpy()
    occupancy = np.bincount(final[placed], minlength=len(positions))
    filled = np.minimum(occupancy, formasi) * aktif
    e = np.flatnonzero(placed)
    l3 = int(scoring.fit(rnd, e, final[e]).sum()) + int(
        (filled * scoring.fill_weight(prio, rnd.weights)).sum()
    )
    return {
        0: int((~placed).sum()),
        1: int(filled[prio == 1].sum()),
        2: int((moved & status.due).sum()),
        3: l3,
        4: int(moved.sum()),
    }
