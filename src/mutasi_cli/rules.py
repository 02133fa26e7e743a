"""Rules of a move (CONTRACT.md rules 1–6) as named, vectorised filters with reasons and legal sources.

Person rules decide whether someone may move at all; pair rules decide whether person *e* may take
position *p*. Each returns boolean arrays, so that the candidate generator, the verifier and the
explanations all ask the same code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mutasi_cli import grades
from mutasi_cli.data import TETAP, Round
from mutasi_cli.values import add_months, add_years, retirement_date

MIN_TENURE_YEARS = 2
DUE_TENURE_YEARS = 5
RETIREMENT_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class Rule:
    code: str
    number: str  # the rule's number in CONTRACT.md
    text: str  # Bahasa Indonesia, shown to the analyst
    source: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "masa-jabatan",
            "1",
            f"Belum {MIN_TENURE_YEARS} tahun dalam jabatan saat ini",
            "PP 11/2017 jo. PP 17/2020 Pasal 190 ayat (3); Perban BKN 5/2019 Pasal 2 ayat (3)",
        ),
        Rule(
            "pensiun",
            "2",
            f"Mencapai batas usia pensiun dalam {RETIREMENT_WINDOW_MONTHS} bulan",
            "PP 11/2017 jo. PP 17/2020 Pasal 239 (batas usia pensiun)",
        ),
        Rule("hukuman-disiplin", "3", "Sedang menjalani hukuman disiplin sedang/berat", "PP 94/2021"),
        Rule(
            "golongan",
            "4",
            "Golongan di luar rentang golongan jabatan",
            "PP 100/2000 jo. PP 13/2002 (eselon); ketentuan jenjang jabatan fungsional",
        ),
        Rule(
            "pppk-jabatan",
            "4",
            "PPPK hanya dapat dipindahkan ke jabatan yang sama di unit lain",
            "Kebijakan PPPK 2025 (pengaturan)",
        ),
        Rule(
            "pendidikan",
            "5",
            "Pendidikan di bawah pendidikan minimal jabatan",
            "PP 11/2017 jo. PP 17/2020 Pasal 190 ayat (4)",
        ),
        Rule("larangan", "6", "Dilarang ditempatkan di jabatan/unit ini (sheet Larangan)", "Keputusan PPK"),
        Rule("jabatan-dihapus", "6", "Jabatan berstatus Dihapus", "Keputusan PPK (penataan organisasi)"),
    )
}
PERSON_RULES = ("masa-jabatan", "pensiun", "hukuman-disiplin")
PAIR_RULES = ("golongan", "pppk-jabatan", "pendidikan", "larangan", "jabatan-dihapus")


@dataclass
class PersonStatus:
    """Per-person facts at the effective date (arrays aligned with ``Round.people``)."""

    tenure_years: np.ndarray  # float, for display
    due: np.ndarray  # tenure ≥ 5 years
    blocked: dict[str, np.ndarray]  # person rule code → fires
    dihapus: np.ndarray  # incumbent of a Dihapus position (must move)
    kunci_pos: np.ndarray  # locked target position, TETAP (-1) for "stays", -2 for no lock
    retirement: list[dt.date | None]

    @property
    def movable(self) -> np.ndarray:
        """May move under rules 1–3 (or must, from a Dihapus position); before Kunci."""
        held = np.zeros(len(self.due), dtype=bool)
        for fires in self.blocked.values():
            held |= fires
        return self.dihapus | ~held

    def reasons(self, i: int | np.integer) -> list[str]:
        return [code for code, fires in self.blocked.items() if fires[i]]


NO_LOCK = -2


def person_status(rnd: Round) -> PersonStatus:
    D = rnd.effective_date
    people, positions = rnd.people, rnd.positions
    n = len(people)
    tmt = list(people["tmt"])
    min_ok = np.array([add_years(t, MIN_TENURE_YEARS) <= D for t in tmt], dtype=bool)
    due = np.array([add_years(t, DUE_TENURE_YEARS) <= D for t in tmt], dtype=bool)
    tenure = np.array([(D - t).days / 365.25 for t in tmt])
    pos = people["pos"].to_numpy()
    jenis = positions["jenis"].to_numpy()[pos]
    jenjang = positions["jenjang"].to_numpy()[pos]
    horizon = add_months(D, RETIREMENT_WINDOW_MONTHS)
    retirement: list[dt.date | None] = []
    for b, j, jj in zip(people["birth"], jenis, jenjang):
        retirement.append(retirement_date(b, grades.bup_age(j, jj)) if isinstance(b, dt.date) else None)
    retiring = np.array([r is not None and r <= horizon for r in retirement], dtype=bool)
    sanctioned = people["hukuman"].isin(grades.HUKUMAN_BLOCKING).to_numpy()
    dihapus = ~positions["aktif"].to_numpy()[pos]
    kunci_pos = np.full(n, NO_LOCK, dtype=np.int64)
    if len(rnd.kunci):
        kunci_pos[rnd.kunci["person"].to_numpy()] = rnd.kunci["position"].to_numpy()
    blocked = {"masa-jabatan": ~min_ok, "pensiun": retiring, "hukuman-disiplin": sanctioned}
    return PersonStatus(tenure, due, blocked, dihapus, kunci_pos, retirement)


def pair_failures(rnd: Round, e: np.ndarray, p: np.ndarray) -> dict[str, np.ndarray]:
    """For pairs (person e[k], position p[k]): which pair rule fails, per rule code."""
    people, positions = rnd.people, rnd.positions
    pppk = people["pppk"].to_numpy()[e]
    grade = people["grade"].to_numpy()[e]
    lo, hi = positions["grade_lo"].to_numpy()[p], positions["grade_hi"].to_numpy()[p]
    name_key = positions["name_key"].to_numpy()
    cur = people["pos"].to_numpy()[e]
    out = {
        "golongan": ~pppk & ((grade < lo) | (grade > hi)),
        "pppk-jabatan": pppk & (name_key[p] != name_key[cur]),
        "pendidikan": people["edu"].to_numpy()[e] < positions["edu_min"].to_numpy()[p],
        "larangan": larangan_mask(rnd, e, p),
        "jabatan-dihapus": ~positions["aktif"].to_numpy()[p],
    }
    return out


def larangan_mask(rnd: Round, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    """True where the pair is forbidden by the Larangan sheet (by position or by unit)."""
    lar = rnd.larangan
    if not len(lar):
        return np.zeros(len(e), dtype=bool)
    npos = len(rnd.positions)
    keys = e.astype(np.int64) * npos + p.astype(np.int64)
    return np.isin(keys, _banned_keys(rnd))


def _banned_keys(rnd: Round) -> np.ndarray:
    """person·n_positions + position of every forbidden pair, sorted; computed once per Larangan table
    (explaining a plan asks for it hundreds of times)."""
    lar = rnd.larangan
    cached = rnd.__dict__.get("_banned_keys")
    if cached is not None and cached[0] is lar:
        return cached[1]
    npos = len(rnd.positions)
    banned = set(
        (lar.loc[lar["position"] >= 0, "person"] * npos + lar.loc[lar["position"] >= 0, "position"]).tolist()
    )
    by_unit = lar[lar["position"] < 0]
    if len(by_unit):
        unit_pos = rnd.positions.reset_index().merge(by_unit, on="unit")
        banned |= set((unit_pos["person"] * npos + unit_pos["index"]).tolist())
    keys = np.sort(np.fromiter(banned, dtype=np.int64, count=len(banned)))
    rnd.__dict__["_banned_keys"] = (lar, keys)
    return keys


def eligible_mask(failures: dict[str, np.ndarray]) -> np.ndarray:
    it = iter(failures.values())
    bad = next(it).copy()
    for f in it:
        bad |= f
    return ~bad


def kunci_targets(rnd: Round) -> pd.DataFrame:
    """Kunci rows that move someone (not TETAP, not their own position)."""
    k = rnd.kunci
    cur = rnd.people["pos"].to_numpy()
    moving = (k["position"] != TETAP) & (k["position"].to_numpy() != cur[k["person"].to_numpy()])
    return k[moving]
