"""Rules of a move (CONTRACT.md rules 1–8) as named, vectorised filters with reasons and legal sources.

Person rules decide whether someone may move at all; pair rules decide whether person *e* may take
position *p*. Each returns boolean arrays, so that the candidate generator, the verifier and the
explanations all ask the same code. Every number and switch comes from the round's ``[aturan]``
settings (:class:`mutasi_cli.inputs.settings.RuleSettings`, ``Round.rules``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mutasi_cli.domain import grades
from mutasi_cli.domain.grades import position_bup
from mutasi_cli.domain.regulations import PP11, RULES, Rule
from mutasi_cli.inputs.data import TETAP, Round
from mutasi_cli.inputs.settings import RuleSettings
from mutasi_cli.inputs.values import add_months, add_years, retirement_date

PERSON_RULES = ("masa-jabatan", "pensiun", "hukuman-disiplin", "kedudukan-hukum", "cpns")
#: person rules that hold even the incumbent of a Dihapus position (CONTRACT.md rule 8, exceptions)
ALWAYS_HOLD = ("kedudukan-hukum",)
PAIR_RULES = (
    "pensiun-tujuan", "golongan", "pendidikan", "larangan", "jabatan-dihapus", "jpt-seleksi", "jenis-jabatan",
    "eselon", "jf-berbeda", "jenjang-jf", "pppk-jabatan", "pppk-struktural",
)  # fmt: skip
#: rules a Kunci overrides (CONTRACT.md: rules 1–5 and 7); Larangan, Dihapus and rule 8 it never does
KUNCI_OVERRIDES = frozenset(
    c for c, r in RULES.items() if r.number in {"1", "2", "3", "4", "5", "7"}
)
#: JPT protection: a JPT is not replaced within 2 years of taking office (UU 5/2014 Pasal 116 ayat (1))
JPT_PROTECTION_YEARS = 2
JPT_PROTECTION = Rule(
    "perlindungan-jpt",
    "Kunci",
    f"Pejabat pimpinan tinggi belum {JPT_PROTECTION_YEARS} tahun sejak dilantik",
    "UU 5/2014 Pasal 116 ayat (1); SE MenPANRB 19/2023",
)


#: ``[aturan]`` key → (label on the Parameter sheet, legal source); one row per RuleSettings field
SETTING_LABELS: dict[str, tuple[str, str]] = {
    "masa_minimal": ("Aturan 1: masa jabatan minimal (tahun)", RULES["masa-jabatan"].source),
    "masa_jatuh_tempo": ("Aturan 1: masa jabatan jatuh tempo (tahun)", RULES["masa-jabatan"].source),
    "jendela_pensiun": ("Aturan 2: jendela pensiun (bulan)", RULES["pensiun"].source),
    "hukuman_menahan": ("Aturan 3: tingkat hukuman disiplin yang menahan", RULES["hukuman-disiplin"].source),
    "lama_hukuman": ("Aturan 3: lama hukuman tanpa tanggal akhir (bulan)", RULES["hukuman-disiplin"].source),
    "naik_eselon": ("Aturan 7: naik satu eselon diizinkan", f"{PP11} Pasal 162–165 (promosi)"),
    "antar_jf": ("Aturan 7: pindah ke jabatan fungsional lain diizinkan", RULES["jf-berbeda"].source),
    "struktural_fungsional": (
        "Aturan 7: struktural ↔ fungsional setara diizinkan",
        "PermenPANRB 17/2021 (penyetaraan jabatan); PermenPANRB 1/2023",
    ),
    "penyetaraan": (
        "Aturan 7: penyetaraan pemegang jabatan dihapus ke fungsional",
        "PermenPANRB 17/2021 (penyetaraan jabatan)",
    ),
    "mutasi_cpns": ("Aturan 8: CPNS boleh dimutasi", RULES["cpns"].source),
    "perputaran_persen": ("Batas perputaran unit (persen, dibulatkan ke atas)", "Kebijakan PPK (pengaturan)"),
    "relasi": ("Cakupan Relasi (pindah/selalu)", "PP 11/2017 Pasal 190 ayat (5); UU 30/2014 Pasal 42–43"),
}


def setting_rows(s: RuleSettings) -> list[tuple[str, str, str]]:
    """(label, value, legal source) of every ``[aturan]`` setting, for the Parameter sheet."""
    def shown(v: object) -> str:
        if isinstance(v, bool):
            return "ya" if v else "tidak"
        if isinstance(v, tuple):
            return ", ".join(v) or "-"
        return str(v)

    return [(label, shown(getattr(s, key)), source) for key, (label, source) in SETTING_LABELS.items()]


@dataclass
class PersonStatus:
    """Per-person facts at the effective date (arrays aligned with ``Round.people``)."""

    tenure_years: np.ndarray  # float, for display
    due: np.ndarray  # tenure ≥ masa_jatuh_tempo years
    blocked: dict[str, np.ndarray]  # person rule code → fires
    dihapus: np.ndarray  # incumbent of a Dihapus position (must move)
    kunci_pos: np.ndarray  # locked target position, TETAP (-1) for "stays", -2 for no lock
    retirement: list[dt.date | None]
    #: held by an approved row of a reviewed plan (``plan --review``) and by no Kunci row: its move is
    #: the planner's own, kept, not a decision of the leadership
    approved: np.ndarray | None = None

    def approved_only(self, e: int | np.integer) -> bool:
        return self.approved is not None and bool(self.approved[e])

    @property
    def movable(self) -> np.ndarray:
        """May move under the person rules (or must, from a Dihapus position, unless rule 8's Kedudukan
        Hukum holds them); before Kunci."""
        held = np.zeros(len(self.due), dtype=bool)
        always = np.zeros(len(self.due), dtype=bool)
        for code, fires in self.blocked.items():
            held |= fires
            if code in ALWAYS_HOLD:
                always |= fires
        return (self.dihapus & ~always) | ~held

    def reasons(self, i: int | np.integer) -> list[str]:
        return [code for code, fires in self.blocked.items() if fires[i]]


NO_LOCK = -2


def sanction_running(rnd: Round) -> np.ndarray:
    """A blocking sanction runs at D (rule 3): with Akhir Hukuman, from TMT Hukuman (if given) up to and
    including that day; with only TMT Hukuman, for ``lama_hukuman`` months from it; with no dates at all
    it is taken as running (``validate`` warns)."""
    D, s = rnd.effective_date, rnd.rules
    people = rnd.people
    out = np.zeros(len(people), dtype=bool)
    levels = people["hukuman"].isin(s.hukuman_menahan).to_numpy()
    for i in np.flatnonzero(levels):
        start, end = people.at[i, "hukuman_start"], people.at[i, "hukuman_end"]
        if not isinstance(end, dt.date) and isinstance(start, dt.date):
            end = add_months(start, s.lama_hukuman) - dt.timedelta(days=1)
        started = not isinstance(start, dt.date) or start <= D
        out[i] = started and (not isinstance(end, dt.date) or D <= end)
    return out




def person_status(rnd: Round) -> PersonStatus:
    D, s = rnd.effective_date, rnd.rules
    people, positions = rnd.people, rnd.positions
    n = len(people)
    tmt = list(people["tmt"])
    min_ok = np.array([add_years(t, s.masa_minimal) <= D for t in tmt], dtype=bool)
    due = np.array([add_years(t, s.masa_jatuh_tempo) <= D for t in tmt], dtype=bool)
    tenure = np.array([(D - t).days / 365.25 for t in tmt])
    pos = people["pos"].to_numpy()
    bup_here = rule_arrays(rnd).bup[pos]
    horizon = add_months(D, s.jendela_pensiun)
    retirement: list[dt.date | None] = []
    for b, bup in zip(people["birth"], bup_here):
        retirement.append(retirement_date(b, int(bup)) if isinstance(b, dt.date) else None)
    retiring = np.array([r is not None and r <= horizon for r in retirement], dtype=bool)
    dihapus = ~positions["aktif"].to_numpy()[pos]
    kunci_pos = np.full(n, NO_LOCK, dtype=np.int64)
    if len(rnd.kunci):
        kunci_pos[rnd.kunci["person"].to_numpy()] = rnd.kunci["position"].to_numpy()
    approved = None
    if rnd.review is not None:  # approved moves are held like Kunci moves
        a = rnd.review.approved["person"].to_numpy()
        approved = np.zeros(n, dtype=bool)
        approved[a] = True
        if len(rnd.kunci):
            approved[rnd.kunci["person"].to_numpy()] = False
        kunci_pos[a[approved[a]]] = rnd.review.approved["position"].to_numpy()[approved[a]]
    blocked = {
        "masa-jabatan": ~min_ok,
        "pensiun": retiring,
        "hukuman-disiplin": sanction_running(rnd),
        "kedudukan-hukum": (people["kedudukan"] != grades.KEDUDUKAN_AKTIF).to_numpy(),
        "cpns": people["cpns"].to_numpy(dtype=bool) & (not s.mutasi_cpns),
    }
    return PersonStatus(tenure, due, blocked, dihapus, kunci_pos, retirement, approved)


@dataclass
class RuleArrays:
    """The columns the pair rules read, as numpy arrays, computed once per round."""

    pppk: np.ndarray
    grade: np.ndarray
    edu: np.ndarray
    cur: np.ndarray
    retire_at: dict[int, np.ndarray]  # BUP age → person retires within the window under it
    lo: np.ndarray
    hi: np.ndarray
    edu_min: np.ndarray
    aktif: np.ndarray
    name_key: np.ndarray
    jenis: np.ndarray
    eselon_level: np.ndarray  # -1 without eselon
    jf: np.ndarray
    jenjang: np.ndarray
    bup: np.ndarray  # per position




def rule_arrays(rnd: Round) -> RuleArrays:
    cached = rnd.__dict__.get("_rule_arrays")
    if cached is not None and cached[0] is rnd.people and cached[1] is rnd.positions:
        return cached[2]
    people, positions = rnd.people, rnd.positions
    jenis = positions["jenis"].to_numpy(dtype=object)
    jenjang = positions["jenjang"].to_numpy(dtype=object)
    jf = positions["jf"].to_numpy(dtype=object)
    bup = position_bup(positions)
    horizon = add_months(rnd.effective_date, rnd.rules.jendela_pensiun)
    births = list(people["birth"])
    retire_at = {
        age: np.array(
            [isinstance(b, dt.date) and retirement_date(b, int(age)) <= horizon for b in births], dtype=bool
        )
        for age in np.unique(bup).tolist()
    }
    arrays = RuleArrays(
        people["pppk"].to_numpy(dtype=bool),
        people["grade"].to_numpy(),
        people["edu"].to_numpy(),
        people["pos"].to_numpy(),
        retire_at,
        positions["grade_lo"].to_numpy(),
        positions["grade_hi"].to_numpy(),
        positions["edu_min"].to_numpy(),
        positions["aktif"].to_numpy(dtype=bool),
        positions["name_key"].to_numpy(dtype=object),
        jenis,
        np.array([grades.ESELON_LEVEL.get(x, -1) if isinstance(x, str) else -1
                  for x in positions["eselon"]], dtype=np.int64),  # fmt: skip
        jf,
        jenjang,
        bup,
    )
    rnd.__dict__["_rule_arrays"] = (rnd.people, rnd.positions, arrays)
    return arrays


def pair_failures(
    rnd: Round, e: np.ndarray, p: np.ndarray, *, larangan: bool = True
) -> dict[str, np.ndarray]:
    """For pairs (person e[k], position p[k]): which pair rule fails, per rule code (PAIR_RULES order).
    ``larangan=False`` leaves the Larangan sheet out (the candidate groups apply it per person)."""
    a, s = rule_arrays(rnd), rnd.rules
    pppk = a.pppk[e]
    c = a.cur[e]
    bup_p = a.bup[p]
    retiring = np.zeros(len(e), dtype=bool)
    for age, fires in a.retire_at.items():
        retiring |= (bup_p == age) & fires[e]
    # the incumbent of a Dihapus position must move: rules 1–3 do not hold them back (CONTRACT.md,
    # exceptions), the destination's BUP included
    out = {"pensiun-tujuan": retiring & a.aktif[c]}
    grade = a.grade[e]
    out["golongan"] = ~pppk & ((grade < a.lo[p]) | (grade > a.hi[p]))
    out["pendidikan"] = a.edu[e] < a.edu_min[p]
    out["larangan"] = larangan_mask(rnd, e, p) if larangan else np.zeros(len(e), dtype=bool)
    out["jabatan-dihapus"] = ~a.aktif[p]
    out.update(career_failures(a, s, c, p, pppk))
    return out


def career_failures(
    a: RuleArrays, s: RuleSettings, c: np.ndarray, p: np.ndarray, pppk: np.ndarray
) -> dict[str, np.ndarray]:
    """Rule 7, the career path, for moves from position c[k] to p[k] (CONTRACT.md rule 7): the same kind
    of position, the same eselon, the same JF and jenjang; PPPK only to the same Nama Jabatan and never to
    a structural post. The doors of ``[aturan]`` open single steps: ``naik_eselon`` one eselon up (never
    into JPT), ``antar_jf`` another JF at the same jenjang, ``struktural_fungsional`` Administrator ↔
    Ahli Madya and Pengawas ↔ Ahli Muda, ``penyetaraan`` the same from a Dihapus structural post to a JF."""
    jc, jp = a.jenis[c], a.jenis[p]
    ec, ep = a.eselon_level[c], a.eselon_level[p]
    fung_c, fung_p = jc == "Fungsional", jp == "Fungsional"
    jpt_p = jp == "JPT Pratama"
    step_up = np.zeros(len(c), dtype=bool)
    if s.naik_eselon:
        step_up = (ec >= 0) & (ep == ec + 1) & ~jpt_p & (jc != "Fungsional")
    cross = np.zeros(len(c), dtype=bool)
    if s.struktural_fungsional or s.penyetaraan:
        for kind, level in grades.JENJANG_SETARA.items():
            down = (jc == kind) & fung_p & (a.jenjang[p] == level)  # structural → JF
            if s.struktural_fungsional:
                cross |= down | (fung_c & (jp == kind) & (a.jenjang[c] == level))
            elif s.penyetaraan:
                cross |= down & ~a.aktif[c]
    both_jf = fung_c & fung_p
    not_for_pppk = np.isin(jp, list(grades.NOT_FOR_PPPK))
    return {
        "jpt-seleksi": jpt_p & (jc != "JPT Pratama"),
        "jenis-jabatan": (jc != jp) & ~jpt_p & ~step_up & ~cross,
        "eselon": (ec >= 0) & (ep >= 0) & (ec != ep) & ~step_up,
        "jf-berbeda": both_jf & (a.jf[c] != a.jf[p]) & (not s.antar_jf),
        "jenjang-jf": both_jf & (a.jenjang[c] != a.jenjang[p]),
        "pppk-jabatan": pppk & (a.name_key[p] != a.name_key[c]),
        "pppk-struktural": pppk & not_for_pppk,
    }


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
    """Kunci rows that move someone (not TETAP, not their own position), and the approved moves of a
    reviewed plan (``plan --review``), which every model makes as it makes a Kunci move."""
    k = rnd.kunci[["person", "position"]]
    if rnd.review is not None and len(rnd.review.approved):  # a Kunci row wins, as in person_status
        approved = rnd.review.approved[["person", "position"]]
        k = pd.concat([k, approved[~approved["person"].isin(k["person"])]], ignore_index=True)
    cur = rnd.people["pos"].to_numpy()
    moving = (k["position"] != TETAP) & (k["position"].to_numpy() != cur[k["person"].to_numpy()])
    return k[moving]
