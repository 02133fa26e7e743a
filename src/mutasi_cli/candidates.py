"""Candidate moves: every (person, position) move the rules allow.

People are grouped by the profile that decides eligibility (golongan and education for PNS; current
Nama Jabatan and education for PPPK), so the rules are evaluated once per profile and position rather
than once per pair. A :class:`CandidateSpace` keeps the groups without listing the pairs (a kabupaten
round has millions); :meth:`CandidateSpace.materialize` lists them for the direct model. The person's
own position and Larangan are excluded; Kunci moves are added even when a rule forbids them (the plan
then lists the rule broken).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mutasi_cli import scoring
from mutasi_cli.data import Round
from mutasi_cli.rules import NO_LOCK, PersonStatus, kunci_targets, larangan_mask


@dataclass
class Candidates:
    """Pairs as arrays (the direct model's columns)."""

    person: np.ndarray  # int64, pair → person index
    position: np.ndarray  # int64, pair → position index
    fit: np.ndarray  # int64, level-3 points of the pair
    kunci: np.ndarray  # bool, pair fixed by Kunci
    stay_fit: np.ndarray  # int64 per person, level-3 points of staying

    def __len__(self) -> int:
        return len(self.person)


@dataclass
class Group:
    persons: np.ndarray  # free movers sharing an eligibility profile
    positions: np.ndarray  # positions the profile may take (own position and Larangan not yet removed)


@dataclass
class CandidateSpace:
    rnd: Round
    groups: list[Group]
    kunci_person: np.ndarray
    kunci_position: np.ndarray
    stay_fit: np.ndarray
    group_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # person → group, -1
    _groups_of_position: dict[int, list[int]] | None = field(default=None, repr=False)

    @property
    def n_pairs(self) -> int:
        """Number of candidate moves (own position excluded; Larangan not subtracted)."""
        cur = self.rnd.people["pos"].to_numpy()
        total = 0
        for g in self.groups:
            own = np.isin(cur[g.persons], g.positions).sum()
            total += len(g.persons) * len(g.positions) - int(own)
        return total + len(self.kunci_person)

    def materialize(self) -> Candidates:
        rnd = self.rnd
        cur = rnd.people["pos"].to_numpy()
        e_parts = [np.repeat(g.persons, len(g.positions)) for g in self.groups]
        p_parts = [np.tile(g.positions, len(g.persons)) for g in self.groups]
        e = np.concatenate(e_parts) if e_parts else np.zeros(0, dtype=np.int64)
        p = np.concatenate(p_parts) if p_parts else np.zeros(0, dtype=np.int64)
        keep = p != cur[e]
        e, p = e[keep], p[keep]
        keep = ~larangan_mask(rnd, e, p)
        e, p = e[keep].astype(np.int64), p[keep].astype(np.int64)
        e = np.concatenate([e, self.kunci_person])
        p = np.concatenate([p, self.kunci_position])
        is_kunci = np.zeros(len(e), dtype=bool)
        is_kunci[len(e) - len(self.kunci_person) :] = True
        return Candidates(e, p, scoring.fit(rnd, e, p), is_kunci, self.stay_fit)

    def count_by_person(self) -> np.ndarray:
        """Positions each person could move to (0 for people held in place)."""
        cur = self.rnd.people["pos"].to_numpy()
        out = np.zeros(self.rnd.n_people, dtype=np.int64)
        for g in self.groups:
            own = np.isin(cur[g.persons], g.positions)
            out[g.persons] = len(g.positions) - own
        lar = self.rnd.larangan
        if len(lar):
            for e in np.unique(lar["person"].to_numpy()):
                if self.group_of[e] >= 0:
                    q = self.groups[self.group_of[e]].positions
                    out[e] -= int(larangan_mask(self.rnd, np.full(len(q), e), q).sum())
        return out

    def persons_for(self, p: int) -> np.ndarray:
        """Free movers who may take position p."""
        cur = self.rnd.people["pos"].to_numpy()
        if self._groups_of_position is None:
            index: dict[int, list[int]] = {}
            for gi, g in enumerate(self.groups):
                for q in g.positions.tolist():
                    index.setdefault(q, []).append(gi)
            self._groups_of_position = index
        parts = [self.groups[gi].persons for gi in self._groups_of_position.get(p, [])]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        e = np.concatenate(parts)
        e = e[cur[e] != p]
        return e[~larangan_mask(self.rnd, e, np.full(len(e), p))]


def candidate_space(rnd: Round, status: PersonStatus) -> CandidateSpace:
    people, positions = rnd.people, rnd.positions
    free = status.movable & (status.kunci_pos == NO_LOCK)
    aktif = positions["aktif"].to_numpy()
    lo, hi = positions["grade_lo"].to_numpy(), positions["grade_hi"].to_numpy()
    edu_min = positions["edu_min"].to_numpy()
    name_key = positions["name_key"].to_numpy()
    cur = people["pos"].to_numpy()
    movers = people.loc[free, ["grade", "edu", "pppk"]].assign(cur_name=name_key[cur[free]])
    movers.loc[~movers["pppk"], "cur_name"] = ""
    groups: list[Group] = []
    group_of = np.full(len(people), -1, dtype=np.int64)
    for (grade, edu, pppk, cur_name), frame in movers.groupby(
        ["grade", "edu", "pppk", "cur_name"], sort=False
    ):
        mask = aktif & (edu >= edu_min)
        mask &= (name_key == cur_name) if pppk else ((grade >= lo) & (grade <= hi))
        persons = frame.index.to_numpy().astype(np.int64)
        group_of[persons] = len(groups)
        groups.append(Group(persons, np.flatnonzero(mask).astype(np.int64)))
    locked = kunci_targets(rnd)
    everyone = np.arange(len(people))
    return CandidateSpace(
        rnd,
        groups,
        locked["person"].to_numpy(dtype=np.int64),
        locked["position"].to_numpy(dtype=np.int64),
        scoring.fit(rnd, everyone, cur),
        group_of,
    )
