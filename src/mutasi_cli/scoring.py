"""Level 3 of the objective: the fit of a person in a position, as documented integer points.

The weights come from ``mutasi.toml`` (:class:`mutasi_cli.settings.Weights`, carried by the Round). All
scores are integers, so the
objective is integral and the solver's gap is meaningful. Scores apply to the final placement of
every person (a stayer is scored in their own position), so nobody is moved for points they already
have.
"""

from __future__ import annotations

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
    score = np.zeros(len(e), dtype=np.int64)
    pppk = people["pppk"].to_numpy()[e]
    grade = people["grade"].to_numpy()[e]
    in_range = (grade >= positions["grade_lo"].to_numpy()[p]) & (grade <= positions["grade_hi"].to_numpy()[p])
    score += w.golongan * (pppk | in_range)
    score += w.pendidikan * (people["edu"].to_numpy()[e] >= positions["edu_min"].to_numpy()[p])
    score += w.jurusan * _table_lookup(people["jurusan"], positions["jurusan"], e, p, _major_match)
    score += w.diklat * _table_lookup(people["diklat"], positions["syarat_diklat"], e, p, _training_held)
    score += w.skp * people["skp"].to_numpy()[e] * (positions["prioritas"].to_numpy()[p] <= 2)
    score += _wish_points(rnd, e, p)
    score += _home_points(rnd, e, p)
    return score


def _table_lookup(person_col: pd.Series, position_col: pd.Series, e, p, match) -> np.ndarray:
    """Evaluate ``match`` once per distinct (person value, position value) and gather for the pairs."""
    pc, pu = pd.factorize(person_col.map(_hashable))
    qc, qu = pd.factorize(position_col.map(_hashable))
    table = np.array([[bool(match(a, b)) for b in qu] for a in pu], dtype=bool).reshape(len(pu), len(qu))
    return table[pc[e], qc[p]]


def _hashable(v):
    return tuple(v) if isinstance(v, list) else v


def _major_match(person_major: str, allowed: tuple[str, ...]) -> bool:
    return bool(person_major) and any(a and a in person_major for a in allowed)


def _training_held(held: tuple[str, ...], required: tuple[str, ...]) -> bool:
    return bool(required) and all(norm_key(r) in held for r in required)


def _wish_points(rnd: Round, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    wishes = rnd.people["wishes"]
    points = rnd.weights.pilihan
    rows = [(i, rank, key) for i, ws in enumerate(wishes) for rank, key in enumerate(ws[: len(points)])]
    out = np.zeros(len(e), dtype=np.int64)
    if not rows:
        return out
    w = pd.DataFrame(rows, columns=["person", "rank", "key"])
    w["points"] = np.array(points)[w["rank"].to_numpy()]
    w = w.groupby(["person", "key"], as_index=False)["points"].max()
    unit_key = rnd.positions["unit"].map(norm_key).to_numpy()
    code_key = rnd.positions["kode"].map(norm_key).to_numpy()
    pairs = pd.DataFrame({"k": np.arange(len(e)), "person": e})
    wanted = pairs[pairs["person"].isin(w["person"])]
    if not len(wanted):
        return out
    for keys in (unit_key, code_key):
        m = wanted.assign(key=keys[p[wanted["k"].to_numpy()]]).merge(w, on=["person", "key"])
        out[m["k"].to_numpy()] = np.maximum(out[m["k"].to_numpy()], m["points"].to_numpy())
    return out


def _home_points(rnd: Round, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``domisili`` points where the position lies in the home kecamatan, ``dekat`` within ``dekat_km``."""
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
    return table[hc[e], wc[p]]


def fill_weight(prioritas: np.ndarray, weights: Weights) -> np.ndarray:
    """Points per filled place by the position's Prioritas (Prioritas 1 is level 1, not scored here)."""
    return np.select([prioritas == 2, prioritas == 3], [weights.isi_prioritas_2, weights.isi_prioritas_3], 0)
