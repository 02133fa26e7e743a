"""Level 3 of the objective: the fit of a person in a position, as documented integer points.

The weights come from ``mutasi.toml`` (:class:`mutasi_cli.settings.Weights`, carried by the Round). All
scores are integers, so the
objective is integral and the solver's gap is meaningful. Scores apply to the final placement of
every person (a stayer is scored in their own position), so nobody is moved for points they already
have.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from mutasi_cli.bungo import distance_km, find_kecamatan
from mutasi_cli.data import Round
from mutasi_cli.settings import Weights
from mutasi_cli.values import norm_key


def fit(rnd: Round, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Integer fit score of each pair (person e[k] placed in position p[k])."""
    people, positions = rnd.people, rnd.positions
    w = rnd.weights
    t = _tables(rnd)
    score = np.zeros(len(e), dtype=np.int64)
    pppk = people["pppk"].to_numpy()[e]
    grade = people["grade"].to_numpy()[e]
    in_range = (grade >= positions["grade_lo"].to_numpy()[p]) & (grade <= positions["grade_hi"].to_numpy()[p])
    score += w.golongan * (pppk | in_range)
    score += w.pendidikan * (people["edu"].to_numpy()[e] >= positions["edu_min"].to_numpy()[p])
    score += w.jurusan * t.major[t.major_person[e], t.major_position[p]]
    score += w.diklat * t.training[t.training_person[e], t.training_position[p]]
    score += w.skp * people["skp"].to_numpy()[e] * (positions["prioritas"].to_numpy()[p] <= 2)
    score += _wish_points(t, e, p)
    score += t.home[t.home_person[e], t.home_position[p]]
    return score


@dataclass
class _Tables:
    """What :func:`fit` reads, per distinct value: computed once per round (measured: recomputing them
    on every call cost 0.3 s a call, 60 s for the 196 batches of a 20,000-person round)."""

    people: pd.DataFrame
    positions: pd.DataFrame
    weights: Weights
    major: np.ndarray
    major_person: np.ndarray
    major_position: np.ndarray
    training: np.ndarray
    training_person: np.ndarray
    training_position: np.ndarray
    home: np.ndarray
    home_person: np.ndarray
    home_position: np.ndarray
    wishes: pd.DataFrame  # person, key, points
    unit_key: np.ndarray
    code_key: np.ndarray


def _tables(rnd: Round) -> _Tables:
    cached = rnd.__dict__.get("_fit_tables")
    if (
        cached is not None
        and cached.people is rnd.people
        and cached.positions is rnd.positions
        and cached.weights == rnd.weights
    ):
        return cached
    people, positions = rnd.people, rnd.positions
    major = _table(people["jurusan"], positions["jurusan"], _major_match)
    training = _table(people["diklat"], positions["syarat_diklat"], _training_held)
    home = _home_table(rnd)
    tables = _Tables(
        people, positions, rnd.weights, *major, *training, *home, _wish_table(rnd),
        positions["unit"].map(norm_key).to_numpy(), positions["kode"].map(norm_key).to_numpy(),
    )  # fmt: skip
    rnd.__dict__["_fit_tables"] = tables
    return tables


def _table(
    person_col: pd.Series, position_col: pd.Series, match
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``match`` once per distinct (person value, position value): the table and each side's codes."""
    pc, pu = pd.factorize(person_col.map(_hashable))
    qc, qu = pd.factorize(position_col.map(_hashable))
    table = np.array([[bool(match(a, b)) for b in qu] for a in pu], dtype=bool).reshape(len(pu), len(qu))
    return table, pc, qc


def _hashable(v):
    return tuple(v) if isinstance(v, list) else v


def _major_match(person_major: str, allowed: tuple[str, ...]) -> bool:
    return bool(person_major) and any(a and a in person_major for a in allowed)


def _training_held(held: tuple[str, ...], required: tuple[str, ...]) -> bool:
    return bool(required) and all(norm_key(r) in held for r in required)


def _wish_table(rnd: Round) -> pd.DataFrame:
    points = rnd.weights.pilihan
    wishes = rnd.people["wishes"]
    rows = [(i, rank, key) for i, ws in enumerate(wishes) for rank, key in enumerate(ws[: len(points)])]
    w = pd.DataFrame(rows, columns=["person", "rank", "key"])
    if not len(w):
        return w.assign(points=np.zeros(0, dtype=np.int64))[["person", "key", "points"]]
    w["points"] = np.array(points)[w["rank"].to_numpy()]
    return w.groupby(["person", "key"], as_index=False)["points"].max()


def _wish_points(t: _Tables, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    out = np.zeros(len(e), dtype=np.int64)
    w = t.wishes
    if not len(w):
        return out
    pairs = pd.DataFrame({"k": np.arange(len(e)), "person": e})
    wanted = pairs[pairs["person"].isin(w["person"])]
    if not len(wanted):
        return out
    for keys in (t.unit_key, t.code_key):
        m = wanted.assign(key=keys[p[wanted["k"].to_numpy()]]).merge(w, on=["person", "key"])
        out[m["k"].to_numpy()] = np.maximum(out[m["k"].to_numpy()], m["points"].to_numpy())
    return out


def _home_table(rnd: Round) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``domisili`` points where the position lies in the home kecamatan, ``dekat`` within ``dekat_km``:
    the table over (home, workplace) kecamatan, and each side's codes (-1, the last row or column, for
    unknown)."""
    weights = rnd.weights

    def name(v: object) -> str | None:
        k = find_kecamatan(v)
        return k.name if k else None

    hc, hu = pd.factorize(rnd.people["kecamatan"].map(name))
    wc, wu = pd.factorize(rnd.positions["kecamatan"].map(name))
    table = np.zeros((len(hu) + 1, len(wu) + 1), dtype=np.int64)  # last row/column: unknown (code -1)
    for i, a in enumerate(hu):
        for j, b in enumerate(wu):
            if a == b:
                table[i, j] = weights.domisili
            elif (d := distance_km(a, b)) is not None and d <= weights.dekat_km:
                table[i, j] = weights.dekat
    return table, hc, wc


def fill_weight(prioritas: np.ndarray, weights: Weights) -> np.ndarray:
    """Points per filled place by the position's Prioritas (Prioritas 1 is level 1, not scored here)."""
    return np.select([prioritas == 2, prioritas == 3], [weights.isi_prioritas_2, weights.isi_prioritas_3], 0)
