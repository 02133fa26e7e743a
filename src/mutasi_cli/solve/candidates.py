"""Candidate moves: every (person, position) move the rules allow.

People are grouped by the profile that decides eligibility (:func:`eligibility_profiles`), so the rules
are evaluated once per profile and position rather than once per pair. A :class:`CandidateSpace` keeps the groups without listing the pairs (a kabupaten
round has millions); :meth:`CandidateSpace.materialize` lists them for the direct model. The person's
own position and Larangan are excluded; Kunci moves are added even when a rule forbids them (the plan
then lists the rule broken).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mutasi_cli.inputs.data import Round
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import (
    NO_LOCK,
    PersonStatus,
    career_failures,
    eligible_mask,
    kunci_targets,
    larangan_mask,
    pair_failures,
    rule_arrays,
)


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


def eligibility_profiles(rnd: Round, people_idx: np.ndarray) -> np.ndarray:
    """Profile id per person of ``people_idx``: people of one profile pass or fail every pair rule but
    Larangan alike for every position (CONTRACT.md rules 2, 4, 5, 6 and 7 read golongan, education, PPPK,
    the current position's kind, eselon, JF, jenjang and status, its Nama Jabatan for PPPK, and when the
    person retires under each BUP age)."""
    a = rule_arrays(rnd)
    cur = a.cur[people_idx]
    career = career_codes(rnd)[cur]
    pppk = a.pppk[people_idx]
    retire = np.zeros(len(people_idx), dtype=np.int64)
    for bit, fires in enumerate(a.retire_at.values()):
        retire |= fires[people_idx].astype(np.int64) << bit
    retire[~a.aktif[cur]] = 0  # rule 2 does not hold the incumbents of Dihapus positions
    name = np.where(pppk, pd.factorize(a.name_key)[0][cur], -1)
    grade = np.where(pppk, 0, a.grade[people_idx])
    frame = pd.DataFrame(
        {"grade": grade, "edu": a.edu[people_idx], "pppk": pppk, "name": name, "career": career,
         "retire": retire}  # fmt: skip
    )
    return frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy()


def candidate_space(rnd: Round, status: PersonStatus) -> CandidateSpace:
    """The groups of free movers (movable, not in Kunci) with the positions their profile may take: one
    evaluation of :func:`~mutasi_cli.rules.eligibility.pair_failures` per profile, over the positions of the right
    kind only (rule 7 leaves a small share of the positions to each profile)."""
    people = rnd.people
    free = np.flatnonzero(status.movable & (status.kunci_pos == NO_LOCK))
    cur = people["pos"].to_numpy()
    groups: list[Group] = []
    group_of = np.full(len(people), -1, dtype=np.int64)
    if len(free):
        profile = eligibility_profiles(rnd, free)
        order = np.argsort(profile, kind="stable")
        bounds = np.flatnonzero(np.diff(profile[order])) + 1
        by_kind = _career_reach(rnd)
        for chunk in np.split(order, bounds):
            persons = free[chunk].astype(np.int64)
            rep = persons[0]
            q = by_kind(int(cur[rep]))
            ok = eligible_mask(pair_failures(rnd, np.full(len(q), rep), q, larangan=False))
            group_of[persons] = len(groups)
            groups.append(Group(persons, q[ok]))
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


def career_codes(rnd: Round) -> np.ndarray:
    """Per position, a code shared by the positions a move from which rule 7 treats alike (kind, eselon,
    JF, jenjang, status)."""
    a = rule_arrays(rnd)
    keys = pd.Series(list(zip(a.jenis, a.eselon_level, a.jf, a.jenjang, a.aktif)), dtype=object)
    return pd.factorize(keys)[0]


def _career_reach(rnd: Round):
    """c ↦ the Aktif positions rule 7 lets a PNS reach from position c, evaluated once per career code by
    :func:`~mutasi_cli.rules.eligibility.career_failures` itself (a superset for the person's own
    :func:`pair_failures`, which adds PPPK and every other rule)."""
    a, s = rule_arrays(rnd), rnd.rules
    codes = career_codes(rnd)
    aktif_idx = np.flatnonzero(a.aktif)
    cache: dict[int, np.ndarray] = {}

    def reach(c: int) -> np.ndarray:
        code = int(codes[c])
        if code not in cache:
            fails = career_failures(
                a, s, np.full(len(aktif_idx), c), aktif_idx, np.zeros(len(aktif_idx), dtype=bool)
            )
            cache[code] = aktif_idx[eligible_mask(fails)]
        return cache[code]

    return reach
