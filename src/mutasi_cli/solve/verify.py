"""An independent check of a plan against every rule and limit, and the value of each objective level.

The planner never trusts solver values: every solution is re-checked here before it is used, and the
tests use the same checks as invariants. ``final[e]`` is the position person e ends in, ``UNPLACED``
for an incumbent of a Dihapus position left *tidak tertampung*.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mutasi_cli.inputs.data import TETAP, Round
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import ALWAYS_HOLD, PersonStatus, eligible_mask, pair_failures
from mutasi_cli.solve.model import turnover_caps

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
    if len(final) != len(rnd.people):
        return ["plan has the wrong length"]
    return [describe(rnd, f) for f in faults(rnd, status, final)]


@dataclass(frozen=True)
class Fault:
    """One broken rule or limit of a plan, with whom and what it concerns: the planner only asks whether
    there is any, ``mutasi check`` (:mod:`mutasi_cli.review.plan_check`) turns each into an issue naming the rows
    of the reviewed plan, so both judge a plan by the same code.

    ``kind``: ``unplaced`` (left unplaced outside a Dihapus post), ``stays-dihapus``, ``kunci-not-made``,
    ``kunci-tetap-moved``, ``person-rules`` (``codes``: the person rules that hold them), ``pair-rules``
    (``codes``: the pair rules the destination breaks), ``capacity`` (``count`` people end in
    ``position``, ``limit`` = max(Formasi, stayers); ``people``: all of them), ``dihapus-newcomers``,
    ``turnover`` (``count`` of ``unit``'s people move out, ``limit`` the cap; ``people``: those counted),
    ``relasi`` (``people``: the pair, ``unit`` where both end)."""

    kind: str
    people: tuple[int, ...] = ()
    position: int = -1
    unit: str = ""
    codes: tuple[str, ...] = ()
    count: int = 0
    limit: int = 0


def faults(rnd: Round, status: PersonStatus, final: np.ndarray) -> list[Fault]:
    """Every broken rule or limit of the plan ``final`` (CONTRACT.md "Rules of a move", "Limits of a
    plan"); empty when the plan is valid. A move a Kunci fixes is exempt from the person rules and the
    pair rules (the loader has refused a Kunci that Larangan, Dihapus or rule 8 forbids) and from the
    turnover cap; any other move of a locked person is a fault of its own and is judged like a free move."""
    out: list[Fault] = []
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    moved = (final != cur) & (final != UNPLACED)
    unplaced = final == UNPLACED
    lock = status.kunci_pos
    kunci_made = (lock >= 0) & (final == lock)
    for e in np.flatnonzero(unplaced & ~status.dihapus):
        out.append(Fault("unplaced", (int(e),)))
    for e in np.flatnonzero(status.dihapus & (final == cur)):
        out.append(Fault("stays-dihapus", (int(e),), int(cur[e])))
    for e in np.flatnonzero((lock >= 0) & ~kunci_made):
        out.append(Fault("kunci-not-made", (int(e),), int(lock[e])))
    for e in np.flatnonzero((lock == TETAP) & (final != cur)):
        out.append(Fault("kunci-tetap-moved", (int(e),)))
    free_moves = moved & ~kunci_made
    for e in np.flatnonzero(free_moves & ~status.movable):
        # the incumbent of a Dihapus post is held only by the rules that hold even them
        codes = tuple(c for c in status.reasons(e) if not status.dihapus[e] or c in ALWAYS_HOLD)
        out.append(Fault("person-rules", (int(e),), codes=codes))
    e_idx = np.flatnonzero(free_moves)
    if len(e_idx):
        fails = pair_failures(rnd, e_idx, final[e_idx])
        for k in np.flatnonzero(~eligible_mask(fails)):
            codes = tuple(c for c, f in fails.items() if f[k])
            out.append(Fault("pair-rules", (int(e_idx[k]),), int(final[e_idx[k]]), codes=codes))
    # capacity: at most max(Formasi, stayers); Dihapus positions take nobody new
    formasi = positions["formasi"].to_numpy()
    placed = final[final != UNPLACED]
    occupancy = np.bincount(placed, minlength=len(positions))
    stayers = np.bincount(cur[(final == cur)], minlength=len(positions))
    newcomers = np.bincount(final[moved], minlength=len(positions))
    for p in np.flatnonzero(occupancy > np.maximum(formasi, stayers)):
        holders = tuple(int(e) for e in np.flatnonzero(final == p))
        out.append(Fault("capacity", holders, int(p), count=int(occupancy[p]),
                         limit=int(max(formasi[p], stayers[p]))))  # fmt: skip
    for p in np.flatnonzero(~positions["aktif"].to_numpy() & (newcomers > 0)):
        out.append(
            Fault("dihapus-newcomers", tuple(int(e) for e in np.flatnonzero(moved & (final == p))), int(p))
        )
    # turnover per unit
    units = positions["unit"].to_numpy()
    counted = moved & ~kunci_made & ~status.dihapus
    for unit, cap in turnover_caps(rnd).items():
        leaving = np.flatnonzero(counted & (units[cur] == unit))
        if len(leaving) > cap:
            out.append(
                Fault("turnover", tuple(int(e) for e in leaving), unit=unit, count=len(leaving), limit=cap)
            )
    # relasi
    end_unit = np.where(final == UNPLACED, None, units[np.where(final == UNPLACED, 0, final)])
    always = rnd.rules.relasi == "selalu"
    for a, b in rnd.relasi[["a", "b"]].itertuples(index=False):
        if (always or moved[a] or moved[b]) and end_unit[a] is not None and end_unit[a] == end_unit[b]:
            out.append(Fault("relasi", (int(a), int(b)), unit=str(end_unit[a])))
    return out


def describe(rnd: Round, f: Fault) -> str:
    """A fault in short English, for the planner's checks, tests and logs."""
    nips = rnd.people["nip"].to_numpy()
    positions = rnd.positions
    kode = positions["kode"].to_numpy()
    who = nips[f.people[0]] if f.people else ""
    if f.kind == "unplaced":
        return f"{who} unplaced but not in a Dihapus position"
    if f.kind == "stays-dihapus":
        return f"{who} stays in Dihapus position {kode[f.position]}"
    if f.kind == "kunci-not-made":
        return f"{who} not placed as Kunci says ({kode[f.position]})"
    if f.kind == "kunci-tetap-moved":
        return f"{who} moved despite Kunci TETAP"
    if f.kind == "person-rules":
        return f"{who} moved although person rules hold them ({', '.join(f.codes)})"
    if f.kind == "pair-rules":
        return f"{who} -> {kode[f.position]} breaks {', '.join(f.codes)}"
    if f.kind == "capacity":
        formasi = positions["formasi"].to_numpy()[f.position]
        cur = rnd.people["pos"].to_numpy()
        stayers = sum(1 for e in f.people if cur[e] == f.position)
        return f"{kode[f.position]} holds {f.count} > max(Formasi {formasi}, stayers {stayers})"
    if f.kind == "dihapus-newcomers":
        return f"Dihapus position {kode[f.position]} takes newcomers"
    if f.kind == "turnover":
        return f"turnover of {f.unit}: {f.count} > {f.limit}"
    if f.kind == "relasi":
        return f"related {nips[f.people[0]]} and {nips[f.people[1]]} end in {f.unit}"
    return f.kind


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
