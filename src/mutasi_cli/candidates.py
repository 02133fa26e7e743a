"""Candidate generation: every (person, position) move the rules allow, as arrays.

People are grouped by the profile that decides eligibility (golongan and education for PNS; current
Nama Jabatan and education for PPPK), so the rules are evaluated once per profile and position rather
than once per pair. Larangan and the person's own position are removed afterwards; Kunci moves are
added even when a rule forbids them (the plan then lists the rule broken).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mutasi_cli import scoring
from mutasi_cli.data import Round
from mutasi_cli.rules import NO_LOCK, PersonStatus, kunci_targets, larangan_mask


@dataclass
class Candidates:
    person: np.ndarray  # int64, pair → person index
    position: np.ndarray  # int64, pair → position index
    fit: np.ndarray  # int64, level-3 points of the pair
    kunci: np.ndarray  # bool, pair fixed by Kunci
    stay_fit: np.ndarray  # int64 per person, level-3 points of staying

    def __len__(self) -> int:
        return len(self.person)


def generate(rnd: Round, status: PersonStatus) -> Candidates:
    people, positions = rnd.people, rnd.positions
    free = status.movable & (status.kunci_pos == NO_LOCK)
    aktif = positions["aktif"].to_numpy()
    lo, hi = positions["grade_lo"].to_numpy(), positions["grade_hi"].to_numpy()
    edu_min = positions["edu_min"].to_numpy()
    name_key = positions["name_key"].to_numpy()
    cur = people["pos"].to_numpy()
    movers = people.loc[free, ["grade", "edu", "pppk"]].assign(cur_name=name_key[cur[free]])
    movers.loc[~movers["pppk"], "cur_name"] = ""
    e_parts, p_parts = [], []
    for (grade, edu, pppk, cur_name), group in movers.groupby(
        ["grade", "edu", "pppk", "cur_name"], sort=False
    ):
        mask = aktif & (edu >= edu_min)
        mask &= (name_key == cur_name) if pppk else ((grade >= lo) & (grade <= hi))
        pos_idx = np.flatnonzero(mask)
        persons = group.index.to_numpy()
        e_parts.append(np.repeat(persons, len(pos_idx)))
        p_parts.append(np.tile(pos_idx, len(persons)))
    e = np.concatenate(e_parts) if e_parts else np.zeros(0, dtype=np.int64)
    p = np.concatenate(p_parts) if p_parts else np.zeros(0, dtype=np.int64)
    keep = p != cur[e]
    e, p = e[keep], p[keep]
    keep = ~larangan_mask(rnd, e, p)
    e, p = e[keep].astype(np.int64), p[keep].astype(np.int64)
    locked = kunci_targets(rnd)
    ke = locked["person"].to_numpy(dtype=np.int64)
    kp = locked["position"].to_numpy(dtype=np.int64)
    e = np.concatenate([e, ke])
    p = np.concatenate([p, kp])
    is_kunci = np.concatenate([np.zeros(len(e) - len(ke), dtype=bool), np.ones(len(ke), dtype=bool)])
    everyone = np.arange(len(people))
    return Candidates(
        person=e,
        position=p,
        fit=scoring.fit(rnd, e, p),
        kunci=is_kunci,
        stay_fit=scoring.fit(rnd, everyone, cur),
    )
