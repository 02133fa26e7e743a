"""Why: the reasons behind each move, each vacancy and each due person who stays, and training needs.

Builds plain DataFrames (columns in Bahasa Indonesia, as the workbook shows them); rendering is
:mod:`mutasi_cli.outputs.report`'s job. Every reason is a lookup over what the rules and the fit score already
decided (:mod:`mutasi_cli.rules.eligibility`, :mod:`mutasi_cli.rules.scoring`), never a second judgement, so that what the
workbook says is what the planner did. Three audiences, three texts: a move's ``Keterangan`` is made of
phrases from :data:`~mutasi_cli.support.messages.PUBLIC_REASONS` only, since it travels into the decree and its
copies; ``Catatan Internal`` keeps the facts behind it for the analyst (the rules a Kunci breaks, the
tenure, the scores); ``Penjelasan`` tells the person, in plain formal Bahasa, what the move is for —
resistance to a move is met by explaining it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mutasi_cli.domain import grades
from mutasi_cli.domain.bungo import distance_km, find_kecamatan
from mutasi_cli.inputs.data import CHANGED, DROPPED, KEPT, NEW, TETAP, Round
from mutasi_cli.inputs.values import add_years, format_date_id, norm_key
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import (
    ALWAYS_HOLD,
    JPT_PROTECTION,
    JPT_PROTECTION_YEARS,
    KUNCI_OVERRIDES,
    NO_LOCK,
    PAIR_RULES,
    PERSON_RULES,
    RULES,
    SETTING_LABELS,
    eligible_mask,
    larangan_mask,
    pair_failures,
)
from mutasi_cli.solve.candidates import eligibility_profiles
from mutasi_cli.solve.planner import PlanResult
from mutasi_cli.solve.verify import UNPLACED
from mutasi_cli.support import messages
from mutasi_cli.support.numbers import format_number

MOVE_COLUMNS = [
    "No", "NIP", "Nama", "Pangkat/Gol. Ruang", "Jabatan Lama", "Kode Jabatan Lama", "Unit Kerja Lama",
    "Jabatan Baru", "Kode Jabatan Baru", "Unit Kerja Baru", "Keterangan", "Catatan Internal",
]  # fmt: skip
EXPLANATION_COLUMNS = ["No", "NIP", "Nama", "Jabatan Baru", "Penjelasan"]
VACANCY_COLUMNS = [
    "No", "Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan", "Prioritas", "Formasi", "Terisi",
    "Lowong", "Jalur Pengisian", "Alasan", "Dasar Hukum",
]  # fmt: skip
STAY_COLUMNS = [
    "No", "NIP", "Nama", "Pangkat/Gol. Ruang", "Jabatan", "Kode Jabatan", "Unit Kerja", "Lama Menjabat (tahun)",
    "Alasan", "Dasar Hukum",
]  # fmt: skip
TRAINING_COLUMNS = [
    "No", "NIP", "Nama", "Jabatan Baru", "Kode Jabatan Baru", "Unit Kerja Baru", "Diklat yang Dibutuhkan",
    "Keterangan",
]  # fmt: skip
#: the level-3 components of :func:`mutasi_cli.rules.scoring.fit`, in its order
FIT_PARTS = ("golongan", "pendidikan", "jurusan", "diklat", "skp", "pilihan", "domisili")
#: the components a person brings to a position (their competence), as against wishes and home
COMPETENCE_PARTS = ("golongan", "pendidikan", "jurusan", "diklat")
#: rule 7 (the career path): a position of another kind or level is no rotation at all
CAREER_RULES = frozenset(c for c in PAIR_RULES if RULES[c].number == "7")


class _Columns:
    """``frame.at[i, column]`` read from arrays: a ``DataFrame.at`` lookup costs some 20 µs, and the
    reasons of a round ask for 74,000 of them at 5,000 people (1.6 of the 4.9 seconds of writing)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.columns = {c: frame[c].to_numpy() for c in frame.columns}

    def __getitem__(self, key: tuple[object, str]) -> Any:
        i, column = key
        return self.columns[column][i]


@dataclass
class _RoundColumns:
    people: _Columns
    positions: _Columns


def _at(rnd: Round) -> _RoundColumns:
    """The round's people and positions as :class:`_Columns`, built once per round (kept on it, as
    :mod:`mutasi_cli.rules.scoring` keeps its tables)."""
    cached = rnd.__dict__.get("_explain_columns")
    if cached is not None and cached[0] is rnd.people and cached[1] is rnd.positions:
        return cached[2]
    columns = _RoundColumns(_Columns(rnd.people), _Columns(rnd.positions))
    rnd.__dict__["_explain_columns"] = (rnd.people, rnd.positions, columns)
    return columns


def _rank_order(rnd: Round, idx: np.ndarray) -> np.ndarray:
    """Sort key: PNS by golongan descending, then PPPK by grade descending, then name."""
    people = rnd.people.iloc[idx]
    pppk_rank = people["golongan"].map(
        lambda g: grades.PPPK_GRADES.index(g) + 1 if g in grades.PPPK_GRADES else 0
    )
    return np.where(people["pppk"], pppk_rank, 100 + people["grade"]).astype(int)


def tenure_text(start: dt.date, end: dt.date) -> str:
    """Time in a position in whole years and months, as a person says it: 5.89 years is "5 tahun 10
    bulan", not "5 tahun" (and never "lebih dari 5 tahun", which 5 years and a day also is)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, rest = divmod(max(0, months), 12)
    if years and rest:
        return f"{years} tahun {rest} bulan"
    if years:
        return f"{years} tahun"
    return f"{rest} bulan" if rest else "kurang dari 1 bulan"


# --- the fit of a placement, by component ------------------------------------------------------------
def fit_components(rnd: Round, e: np.ndarray, p: np.ndarray) -> dict[str, np.ndarray]:
    """The level-3 points of each pair (person e[k] in position p[k]) by component, read from the very
    tables :func:`mutasi_cli.rules.scoring.fit` adds up (their sum is ``scoring.fit``; a test holds them to it),
    so that what a person is told they gain is what the plan counted."""
    t = scoring._tables(rnd)
    w = rnd.weights
    people, positions = rnd.people, rnd.positions
    pppk = people["pppk"].to_numpy()[e]
    grade = people["grade"].to_numpy()[e]
    in_range = (grade >= positions["grade_lo"].to_numpy()[p]) & (grade <= positions["grade_hi"].to_numpy()[p])
    parts = {
        "golongan": w.golongan * (pppk | in_range),
        "pendidikan": w.pendidikan * (people["edu"].to_numpy()[e] >= positions["edu_min"].to_numpy()[p]),
        "jurusan": w.jurusan * t.major[t.major_person[e], t.major_position[p]],
        "diklat": w.diklat * t.training[t.training_person[e], t.training_position[p]],
        "skp": w.skp * people["skp"].to_numpy()[e] * (positions["prioritas"].to_numpy()[p] <= 2),
        "pilihan": scoring._wish_points(t, e, p),
        "domisili": t.home[t.home_person[e], t.home_position[p]],
    }
    return {k: np.asarray(v, dtype=np.int64) for k, v in parts.items()}


def wish_rank(rnd: Round, e: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Rank (1-based) of the wish that position p[k] grants person e[k] (its unit or its code), 0 for
    none: the highest-ranked one when several match."""
    t = scoring._tables(rnd)
    rank = np.zeros(len(e), dtype=np.int64)
    for r in range(t.wish_code.shape[1] - 1, -1, -1):
        wish = t.wish_code[e, r]
        hit = (wish >= 0) & ((wish == t.unit_code[p]) | (wish == t.code_code[p]))
        rank = np.where(hit, r + 1, rank)
    return rank


def _home_distance(rnd: Round, e: int, p: int) -> float | None:
    """Kilometres between the person's home kecamatan and the position's, None when either is unknown."""
    home, work = _at(rnd).people[e, "kecamatan"], _at(rnd).positions[p, "kecamatan"]
    a, b = find_kecamatan(home), find_kecamatan(work)
    if a is None or b is None:
        return None
    return 0.0 if a.name == b.name else distance_km(a.name, b.name)


@dataclass
class _MoveFacts:
    """What the reasons of every move read, computed once for all moves (arrays by move, in the order of
    Daftar Mutasi)."""

    idx: np.ndarray  # moved people, in Daftar Mutasi order
    new: dict[str, np.ndarray]  # fit components in the new position
    old: dict[str, np.ndarray]  # and in the old one
    wish: np.ndarray  # rank of the wish the new position grants, 0 none
    occupancy_before: np.ndarray  # per position: people in it before the round
    left: np.ndarray  # per position: incumbents who leave it in the round


def _move_facts(rnd: Round, result: PlanResult) -> _MoveFacts:
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    idx = np.flatnonzero(result.moved)
    if len(idx):
        frame = pd.DataFrame(
            {
                "unit": positions["unit"].to_numpy()[result.final[idx]],
                "rank": _rank_order(rnd, idx),
                "nama": people["nama"].to_numpy()[idx],
            }  # fmt: skip
        )
        order = frame.sort_values(
            ["unit", "rank", "nama"], ascending=[True, False, True], kind="stable"
        ).index
        idx = idx[order.to_numpy()]
    p, c = result.final[idx].astype(np.int64), cur[idx]
    leaving = result.final != cur
    return _MoveFacts(
        idx=idx,
        new=fit_components(rnd, idx, p),
        old=fit_components(rnd, idx, c),
        wish=wish_rank(rnd, idx, p),
        occupancy_before=np.bincount(cur, minlength=len(positions)),
        left=np.bincount(cur[leaving], minlength=len(positions)),
    )


def _jpt_protected(rnd: Round, e: int, c: int) -> bool:
    return (
        _at(rnd).positions[c, "jenis"] == "JPT Pratama"
        and add_years(_at(rnd).people[e, "tmt"], JPT_PROTECTION_YEARS) > rnd.effective_date
    )


def moves(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Daftar Mutasi: one row per move, its public Keterangan and its Catatan Internal."""
    people, positions = rnd.people, rnd.positions
    f = _move_facts(rnd, result)
    if not len(f.idx):
        return pd.DataFrame(columns=MOVE_COLUMNS)
    cur = people["pos"].to_numpy()
    unit = positions["unit"].to_numpy()
    rows = []
    for k, e in enumerate(f.idx):
        p, c = int(result.final[e]), int(cur[e])
        public, internal = _move_reasons(rnd, result, f, k)
        rows.append(
            {
                "NIP": _at(rnd).people[e, "nip"],
                "Nama": _at(rnd).people[e, "nama"],
                "Pangkat/Gol. Ruang": grades.golongan_label(_at(rnd).people[e, "golongan"]),
                "Jabatan Lama": _at(rnd).positions[c, "nama"],
                "Kode Jabatan Lama": _at(rnd).positions[c, "kode"],
                "Unit Kerja Lama": unit[c],
                "Jabatan Baru": _at(rnd).positions[p, "nama"],
                "Kode Jabatan Baru": _at(rnd).positions[p, "kode"],
                "Unit Kerja Baru": unit[p],
                "Keterangan": "; ".join(dict.fromkeys(public)),
                "Catatan Internal": "; ".join(internal),
            }
        )
    df = pd.DataFrame(rows)
    df.insert(0, "No", range(1, len(df) + 1))
    return df[MOVE_COLUMNS]


def _move_reasons(rnd: Round, result: PlanResult, f: _MoveFacts, k: int) -> tuple[list[str], list[str]]:
    """(public phrases, internal notes) of move k. The public side is what the move is for, in the
    reviewed phrases a decree may carry; the internal side the facts behind them (CONTRACT.md: the rules a
    Kunci breaks and the JPT protection go to Catatan Internal, never to a decree)."""
    st = result.person_status
    e = int(f.idx[k])
    p, c = int(result.final[e]), int(_at(rnd).people[e, "pos"])
    public: list[str] = []
    internal: list[str] = []
    if st.approved_only(e):
        internal.append(messages.REVIEW_NOTE_KEPT)
    elif st.kunci_pos[e] >= 0:
        public.append(messages.REASON_KUNCI)
        internal.append(messages.NOTE_KUNCI)
        broken = [RULES[r].describe(rnd.rules) for r in kunci_breaks(rnd, result, e)]
        if _jpt_protected(rnd, e, c):
            broken.append(f"{JPT_PROTECTION.text} ({JPT_PROTECTION.source})")
        if broken:
            internal.append(messages.REASON_KUNCI_BREAKS.format(rules="; ".join(broken)))
    if st.dihapus[e]:
        public.append(messages.REASON_DIHAPUS)
    formasi, prio = int(_at(rnd).positions[p, "formasi"]), int(_at(rnd).positions[p, "prioritas"])
    if f.occupancy_before[p] < formasi:
        public.append(messages.REASON_PRIORITY1 if prio == 1 else messages.REASON_FILL)
        internal.append(
            messages.NOTE_PLACE.format(prioritas=prio, formasi=formasi, occupied=int(f.occupancy_before[p]))
        )
    if st.due[e]:
        public.append(messages.REASON_ROTATION)
        internal.append(
            messages.REASON_DUE.format(
                tenure=tenure_text(_at(rnd).people[e, "tmt"], rnd.effective_date),
                due=rnd.rules.masa_jatuh_tempo,
            )
        )
    if f.wish[k]:
        public.append(messages.REASON_WISH)
        internal.append(messages.NOTE_WISH.format(rank=int(f.wish[k])))
    if f.new["domisili"][k] > f.old["domisili"][k]:
        public.append(messages.REASON_HOME)
        internal.append(messages.NOTE_HOME.format(home=_home_text(rnd, e, p, short=True)))
    if not public:
        better = sum(int(f.new[x][k]) for x in COMPETENCE_PARTS) > sum(
            int(f.old[x][k]) for x in COMPETENCE_PARTS
        )
        public.append(messages.REASON_FIT if better else messages.REASON_CAREER)
    old, new = (sum(int(side[x][k]) for x in FIT_PARTS) for side in (f.old, f.new))
    internal.append(messages.NOTE_FIT.format(old=old, new=new))
    return public, internal


def _home_text(rnd: Round, e: int, p: int, *, short: bool = False) -> str:
    """Where the new workplace lies from the person's home: in the home kecamatan, or about N km away."""
    km = _home_distance(rnd, e, p)
    kec = find_kecamatan(_at(rnd).positions[p, "kecamatan"])
    if km == 0 and kec is not None:
        return (messages.HOME_SAME_SHORT if short else messages.HOME_SAME).format(kecamatan=kec.name)
    if km is None:
        return messages.HOME_NEAR_UNKNOWN
    return (messages.HOME_NEAR_SHORT if short else messages.HOME_NEAR).format(km=format_number(km, 0))


def kunci_breaks(rnd: Round, result: PlanResult, e: int | np.integer) -> list[str]:
    """The codes of the rules a Kunci move of person e breaks (rules 1–5 and 7; CONTRACT.md: listed in
    the workbook)."""
    p = int(result.final[e])
    fails = pair_failures(rnd, np.array([e]), np.array([p]))
    codes = [r for r, f in fails.items() if f[0]] + result.person_status.reasons(e)
    return [c for c in codes if c in KUNCI_OVERRIDES]


# --- Penjelasan: the move told to the person ---------------------------------------------------------
def explanations(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Penjelasan: per moved person (in Daftar Mutasi's order), the move told to them in plain, formal
    Bahasa Indonesia — the need it fills, what they bring, what they gain, the training that comes with
    it and its legal basis. Nothing internal: no rule a Kunci breaks, no sanction, no score."""
    f = _move_facts(rnd, result)
    if not len(f.idx):
        return pd.DataFrame(columns=EXPLANATION_COLUMNS)
    positions = rnd.positions
    unit = positions["unit"].to_numpy()
    formasi = positions["formasi"].to_numpy() * positions["aktif"].to_numpy()
    empty = np.maximum(formasi - f.occupancy_before, 0)
    unit_empty = pd.Series(empty).groupby(unit).sum()
    unit_p1 = pd.Series(np.where(positions["prioritas"].to_numpy() == 1, empty, 0)).groupby(unit).sum()
    rows = []
    for k, e in enumerate(f.idx):
        p = int(result.final[e])
        rows.append(
            {
                "NIP": _at(rnd).people[e, "nip"],
                "Nama": _at(rnd).people[e, "nama"],
                "Jabatan Baru": f"{_at(rnd).positions[p, 'nama']} pada {unit[p]}",
                "Penjelasan": _explanation(
                    rnd, result, f, k, int(unit_empty.get(unit[p], 0)), int(unit_p1.get(unit[p], 0))
                ),
            }
        )
    df = pd.DataFrame(rows)
    df.insert(0, "No", range(1, len(df) + 1))
    return df[EXPLANATION_COLUMNS]


def _address(gender: object) -> str:
    return {"L": "Saudara", "P": "Saudari"}.get(str(gender), "Saudara/Saudari")


def _enumerate(items: list[str], last: str = "dan") -> str:
    """ "a, b, dan c" as Bahasa joins a list; items that hold commas themselves are joined by
    semicolons ("a; b, c; serta d"), so that the list stays readable."""
    if len(items) <= 1:
        return "".join(items)
    if any("," in item for item in items):
        return "; ".join(items[:-1]) + "; serta " + items[-1]
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    return ", ".join(items[:-1]) + f", {last} " + items[-1]


def major_text(key: object) -> str:
    """A jurusan key ("pendidikan guru sekolah dasar") as written in a sentence: words capitalised,
    short abbreviations in capitals ("IPS"), "dan"/"dari" small."""
    words = str(key or "").split()
    small = {"dan", "dari", "di", "ke", "atau", "untuk"}
    return " ".join(w if w in small else (w.upper() if len(w) <= 3 else w.capitalize()) for w in words)


def _explanation(
    rnd: Round, result: PlanResult, f: _MoveFacts, k: int, unit_empty: int, unit_p1_empty: int
) -> str:
    st = result.person_status
    m = messages
    e = int(f.idx[k])
    p, c = int(result.final[e]), int(_at(rnd).people[e, "pos"])
    you = _address(_at(rnd).people[e, "gender"])
    new_name, new_unit = _at(rnd).positions[p, "nama"], _at(rnd).positions[p, "unit"]
    old_name, old_unit = _at(rnd).positions[c, "nama"], _at(rnd).positions[c, "unit"]
    tenure = tenure_text(_at(rnd).people[e, "tmt"], rnd.effective_date)
    lines = [
        m.EXPLAIN_OPENING.format(
            you=you,
            nama=_at(rnd).people[e, "nama"],
            old=old_name,
            old_unit=old_unit,
            new=new_name,
            new_unit=new_unit,
            date=format_date_id(rnd.effective_date),
        )  # fmt: skip
    ]
    # the need the move fills
    need: list[str] = []
    if st.kunci_pos[e] >= 0 and not st.approved_only(e):
        need.append(m.EXPLAIN_KUNCI)
    if st.dihapus[e]:
        need.append(m.EXPLAIN_DIHAPUS.format(you=you))
    formasi, prio = int(_at(rnd).positions[p, "formasi"]), int(_at(rnd).positions[p, "prioritas"])
    occupied = int(f.occupancy_before[p])
    if occupied < formasi:
        p1 = m.EXPLAIN_UNIT_P1.format(count=unit_p1_empty) if unit_p1_empty else ""
        need.append(
            m.EXPLAIN_NEED_EMPTY.format(
                unit=new_unit,
                empty=unit_empty,
                p1=p1,
                jabatan=new_name,
                formasi=formasi,
                occupied=m.EXPLAIN_OCCUPIED.format(count=occupied) if occupied else m.EXPLAIN_UNOCCUPIED,
                you=you,
                place=m.EXPLAIN_PLACE_P1 if prio == 1 else m.EXPLAIN_PLACE.format(prioritas=prio),
            )  # fmt: skip
        )
    elif f.left[p]:
        need.append(m.EXPLAIN_NEED_REPLACE.format(jabatan=new_name, unit=new_unit, you=you))
    if st.due[e]:
        need.append(m.EXPLAIN_DUE.format(you=you, tenure=tenure, due=rnd.rules.masa_jatuh_tempo))
    if not need:
        need.append(m.EXPLAIN_NEED_FIT.format(unit=new_unit))
    lines.append(m.EXPLAIN_NEED_LABEL + " ".join(need))
    # what the person brings
    golongan = _at(rnd).people[e, "golongan"]
    brings = [m.EXPLAIN_GRADE_PPPK.format(code=golongan) if bool(_at(rnd).people[e, "pppk"])
              else m.EXPLAIN_GRADE.format(label=grades.golongan_label(golongan))]  # fmt: skip
    edu, major = _at(rnd).people[e, "pendidikan"], major_text(_at(rnd).people[e, "jurusan"])
    if edu or major:
        brings.append(m.EXPLAIN_EDUCATION.format(text=" ".join(x for x in (edu, major) if x)))
    if _at(rnd).people[e, "diklat_text"]:
        items = [t.strip() for t in str(_at(rnd).people[e, "diklat_text"]).split(";") if t.strip()]
        brings.append(m.EXPLAIN_TRAINING_HELD.format(text=_enumerate(items)))
    brings.append(m.EXPLAIN_EXPERIENCE.format(tenure=tenure, jabatan=old_name, unit=old_unit))
    lines.append(m.EXPLAIN_BRINGS.format(you=you, items=_enumerate(brings, "serta")))
    # what the person gains
    gains = [m.EXPLAIN_GAIN_FIELD.format(unit=new_unit) if new_unit != old_unit
             else m.EXPLAIN_GAIN_TASK.format(unit=new_unit)]  # fmt: skip
    if f.wish[k]:
        gains.append(m.EXPLAIN_GAIN_WISH.format(rank=int(f.wish[k]), you=you))
    if f.new["domisili"][k] > f.old["domisili"][k]:
        gains.append(m.EXPLAIN_GAIN_HOME.format(where=_home_text(rnd, e, p), you=you))
    if f.new["jurusan"][k]:
        gains.append(m.EXPLAIN_GAIN_MAJOR.format(you=you))
    if f.new["diklat"][k]:
        gains.append(m.EXPLAIN_GAIN_TRAINING.format(you=you))
    if f.new["skp"][k] > f.old["skp"][k] and _at(rnd).people[e, "predikat"]:
        gains.append(m.EXPLAIN_GAIN_SKP.format(predikat=_at(rnd).people[e, "predikat"], you=you))
    lines.append(m.EXPLAIN_GAINS.format(you=you, items=_enumerate(gains)))
    # the training that comes with it
    required = required_training(rnd, p)
    missing = missing_training(rnd, e, p)
    if missing:
        named = [m.TRAINING_NAMES.get(t, t) for t in missing]
        lines.append(m.EXPLAIN_TRAINING_NEEDED.format(you=you, training=_enumerate(named)))
    elif required:
        lines.append(m.EXPLAIN_TRAINING_MET.format(you=you, training=_enumerate(required)))
    else:
        lines.append(m.EXPLAIN_TRAINING_NONE)
    # the rule basis, briefly
    sources = [m.EXPLAIN_SOURCE_FIT.format(source=RULES["pendidikan"].source)]
    if st.due[e]:
        sources.append(RULES["masa-jabatan"].source)
    if st.dihapus[e]:
        sources.append(RULES["jabatan-dihapus"].source)
    if bool(_at(rnd).people[e, "pppk"]):
        sources.append(RULES["pppk-jabatan"].source)
    if st.kunci_pos[e] >= 0 and not st.approved_only(e):
        sources.append(RULES["larangan"].source)
    lines.append(m.EXPLAIN_BASIS.format(sources="; ".join(dict.fromkeys(sources))))
    return "\n".join(lines)


# --- Lowongan: every empty place and why ---------------------------------------------------------------
def vacancy_route(rnd: Round, p: int, qualified: int) -> tuple[str, str, str] | None:
    """(route, reason, source) for an empty place that rotation cannot fill: a JPT post (open selection),
    an Administrator/Pengawas post nobody of that level qualifies for (promotion), a JF post nobody of
    that JF and jenjang qualifies for (appointment or transfer into the JF); None otherwise."""
    jenis = _at(rnd).positions[p, "jenis"]
    if jenis == "JPT Pratama":
        return messages.VACANCY_JPT
    if qualified:
        return None
    if jenis in ("Administrator", "Pengawas"):
        route, text, source = messages.VACANCY_PROMOTION
        return route, text.format(jenis=jenis.lower()), source
    if jenis == "Fungsional":
        route, text, source = messages.VACANCY_JF
        jf = str(_at(rnd).positions[p, "jf_nama"] or _at(rnd).positions[p, "nama"])
        return route, text.format(jf=jf, jenjang=_at(rnd).positions[p, "jenjang"] or "-"), source
    return None


#: why a qualified person did not fill an empty place, in the order a reason is told (most telling
#: first when counts tie); the texts are messages.VACANCY_STOP
_STOPS = ("filled", "moved_p1", "moved", "cap", "held", "kunci", "larangan", "relasi", "own_p1", "own_needed",
          "stay_fit", "unplaced")  # fmt: skip
#: the legal source of each reason (held: the person rule's own)
_STOP_SOURCES = {
    "filled": messages.SOURCE_NEED,
    "moved_p1": messages.SOURCE_NEED,
    "moved": messages.SOURCE_NEED,
    "cap": SETTING_LABELS["perputaran_persen"][1],
    "kunci": messages.SOURCE_KUNCI,
    "larangan": RULES["larangan"].source,
    "relasi": SETTING_LABELS["relasi"][1],
    "own_p1": messages.SOURCE_NEED,
    "own_needed": messages.SOURCE_NEED,
    "stay_fit": messages.SOURCE_NEED,
    "unplaced": RULES["jabatan-dihapus"].source,
}
#: units named one by one in a turnover-cap reason (up to one more when that names them all); the rest
#: are counted
CAP_UNITS_NAMED = 2


#: the place-independent part of a stop, before a place is looked at: a movable person who stays
_STAY = len(_STOPS)


@dataclass
class _Stops:
    """Per person, why they are not free to take another place (the part that does not depend on the
    place), as integer codes so that a place with thousands of qualified people is counted with
    :func:`numpy.bincount`: an index into :data:`_STOPS` (``_STAY`` for a movable person who stays), the
    first person rule that holds them (an index into PERSON_RULES) and their unit (an index into
    ``units``)."""

    code: np.ndarray
    held_rule: np.ndarray
    unit: np.ndarray
    units: np.ndarray  # unit names
    prio_own: np.ndarray  # Prioritas of the current position


def _person_stops(rnd: Round, result: PlanResult) -> _Stops:
    st = result.person_status
    cur = rnd.people["pos"].to_numpy()
    final = result.final
    positions = rnd.positions
    prio = positions["prioritas"].to_numpy()
    unit_code, units = pd.factorize(positions["unit"].to_numpy()[cur])
    at_cap = _units_at_cap(rnd, result)
    related = np.zeros(rnd.n_people, dtype=bool)
    if len(rnd.relasi):
        pairs = np.concatenate([rnd.relasi["a"].to_numpy(), rnd.relasi["b"].to_numpy()]).astype(np.int64)
        related[pairs] = True
    placed = final != UNPLACED
    moved = placed & (final != cur)
    moved_p1 = moved & (prio[np.where(placed, final, 0)] == 1)
    index = {name: i for i, name in enumerate(_STOPS)}
    code = np.select(
        [
            ~placed,
            st.kunci_pos != NO_LOCK,
            ~st.movable,
            moved_p1,
            moved,
            np.isin(np.asarray(units, dtype=object)[unit_code], list(at_cap)),
            related,
            prio[cur] == 1,
        ],
        [index[k] for k in ("unplaced", "kunci", "held", "moved_p1", "moved", "cap", "relasi", "own_p1")],
        default=_STAY,
    ).astype(np.int64)
    held_rule = np.zeros(rnd.n_people, dtype=np.int64)
    for i in range(len(PERSON_RULES) - 1, -1, -1):  # the first rule in PERSON_RULES order wins
        held_rule[st.blocked[PERSON_RULES[i]]] = i
    return _Stops(code, held_rule, unit_code.astype(np.int64), np.asarray(units, dtype=object), prio[cur])


def vacancies(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Lowongan: every Aktif place left empty, with its route and the reason of that row — who could
    have filled it and what stopped them, or why nobody qualifies — and the legal basis of that reason."""
    positions = rnd.positions
    final = result.final
    formasi = positions["formasi"].to_numpy()
    occupancy = np.bincount(final[final != UNPLACED], minlength=len(positions))
    empty = np.flatnonzero(positions["aktif"].to_numpy() & (occupancy < formasi))
    if not len(empty):
        return pd.DataFrame(columns=VACANCY_COLUMNS)
    finder = _Qualified(rnd)
    stops = _person_stops(rnd, result)
    rows = []
    for p in empty.tolist():
        members, failures = finder.of(p)
        route = messages.VACANCY_ROUTE_ROTATION
        if len(members):
            reason, sources = _stop_reason(rnd, result, stops, p, members)
        else:
            detail, sources = _no_candidate_detail(rnd, failures)
            reason = f"{messages.VACANCY_NO_CANDIDATE}: {detail}"
            if not _special(rnd, p):
                sources = [RULES["jenis-jabatan"].source, *sources]
        special = vacancy_route(rnd, p, len(members))
        if special is not None:
            route, text, source = special
            if len(members):  # a JPT post other JPT could take (mutasi antar-JPT): who and why not
                reason = f"{text}. {reason}"
            else:
                reason = f"{text} ({detail})" if failures[0] else text
            sources = [source, *sources]
        rows.append(
            {
                "Kode Jabatan": _at(rnd).positions[p, "kode"],
                "Nama Jabatan": _at(rnd).positions[p, "nama"],
                "Unit Kerja": _at(rnd).positions[p, "unit"],
                "Jenis Jabatan": _at(rnd).positions[p, "jenis"],
                "Prioritas": int(_at(rnd).positions[p, "prioritas"]),
                "Formasi": int(formasi[p]),
                "Terisi": int(occupancy[p]),
                "Lowong": int(formasi[p] - occupancy[p]),
                "Jalur Pengisian": route,
                "Alasan": reason,
                "Dasar Hukum": "; ".join(dict.fromkeys(s for s in sources if s)),
            }
        )
    df = pd.DataFrame(rows).sort_values(["Prioritas", "Unit Kerja", "Kode Jabatan"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[VACANCY_COLUMNS].reset_index(drop=True)


class _Qualified:
    """Who passes the pair rules (Larangan aside) for a position, person by person: the rules are asked
    once per eligibility profile (:func:`~mutasi_cli.solve.candidates.eligibility_profiles`) and position, so
    the cost grows with profiles × positions, not people × positions."""

    def __init__(self, rnd: Round) -> None:
        self.rnd = rnd
        self.profile = eligibility_profiles(rnd, np.arange(rnd.n_people))
        order = np.argsort(self.profile, kind="stable")
        ids, first, sizes = np.unique(self.profile[order], return_index=True, return_counts=True)
        self.reps = order[first].astype(np.int64)  # one person per profile, profile ids ascending
        self.sizes = sizes
        self.members = np.split(order, np.cumsum(sizes)[:-1])
        self.cur = rnd.people["pos"].to_numpy()
        assert (ids == np.arange(len(ids))).all()

    def of(self, p: int) -> tuple[np.ndarray, tuple[int, dict[str, int]]]:
        """(people who qualify for p, outside it; (people of p's kind and level outside it, how many of
        them fail each non-career rule first)): the second part explains an empty list."""
        fails = pair_failures(self.rnd, self.reps, np.full(len(self.reps), p), larangan=False)
        ok = eligible_mask(fails)
        parts = [self.members[g] for g in np.flatnonzero(ok)]
        members = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        members = members[self.cur[members] != p]
        kind_ok = ~np.logical_or.reduce([fails[c] for c in CAREER_RULES]) if CAREER_RULES else ok
        same_kind = 0
        first_fail: dict[str, int] = {}
        for g in np.flatnonzero(kind_ok & ~ok):
            size = int((self.cur[self.members[g]] != p).sum())
            if not size:
                continue
            same_kind += size
            code = next(c for c in PAIR_RULES if c not in CAREER_RULES and fails[c][g])
            first_fail[code] = first_fail.get(code, 0) + size
        if len(members):
            same_kind += len(members)
        return members, (same_kind, first_fail)


def _special(rnd: Round, p: int) -> bool:
    """A post whose vacancy has a route of its own when nobody rotates into it (JPT, Administrator,
    Pengawas, JF): its route's source is the basis, not rule 7's."""
    return _at(rnd).positions[p, "jenis"] in ("JPT Pratama", "Administrator", "Pengawas", "Fungsional")


def _no_candidate_detail(rnd: Round, failures: tuple[int, dict[str, int]]) -> tuple[str, list[str]]:
    """Why nobody qualifies: the people of the same kind and level, and the rule each fails first (or
    that there are none), with those rules' sources and rule 7's."""
    same_kind, first_fail = failures
    if not same_kind:
        return messages.VACANCY_NONE_OF_KIND, []
    ranked = sorted(first_fail.items(), key=lambda kv: (-kv[1], PAIR_RULES.index(kv[0])))
    parts = [
        messages.VACANCY_FAILS.format(n=n, rule=_lower_first(RULES[c].describe(rnd.rules))) for c, n in ranked
    ]
    sources = [RULES[c].source for c, _ in ranked]
    return messages.VACANCY_NO_CANDIDATE_DETAIL.format(count=same_kind, parts=", ".join(parts)), sources


def _lower_first(text: str) -> str:
    """A rule's text inside a sentence: its first letter small, unless the word is an abbreviation."""
    head = text.split(" ", 1)[0]
    return text if head.isupper() else text[:1].lower() + text[1:]


def _stop_reason(
    rnd: Round, result: PlanResult, stops: _Stops, p: int, members: np.ndarray
) -> tuple[str, list[str]]:
    """ "N pegawai memenuhi syarat; 2 tertahan batas perputaran unit X, 1 menempati tempat Prioritas 1
    lain, …" for an empty place some people qualify for, with the sources of the reasons told."""
    index = {name: i for i, name in enumerate(_STOPS)}
    code = stops.code[members].copy()
    filled = result.final[members] == p
    code[filled] = index["filled"]
    banned = larangan_mask(rnd, members, np.full(len(members), p))
    code[banned & ~filled] = index["larangan"]
    prio_p = int(_at(rnd).positions[p, "prioritas"])
    stay = code == _STAY
    own = stops.prio_own[members]
    code[stay & (own <= prio_p)] = index["own_needed"]
    code[stay & (own > prio_p)] = index["stay_fit"]
    counts = np.bincount(code, minlength=len(_STOPS))
    parts: list[tuple[int, int, str]] = []  # (count, order, text)
    sources: list[str] = []
    for kind_i in np.flatnonzero(counts).tolist():
        kind, n = _STOPS[kind_i], int(counts[kind_i])
        mask = code == kind_i
        if kind == "cap":
            by_unit = np.bincount(stops.unit[members[mask]])
            order = sorted(
                np.flatnonzero(by_unit).tolist(), key=lambda u: -by_unit[u]
            )  # stable: ties by unit
            named = len(order) if len(order) <= CAP_UNITS_NAMED + 1 else CAP_UNITS_NAMED
            for u in order[:named]:
                text = messages.VACANCY_STOP["cap"].format(n=int(by_unit[u]), unit=stops.units[u])
                parts.append((int(by_unit[u]), kind_i, text))
            if len(order) > named:
                rest = int(sum(by_unit[u] for u in order[named:]))
                text = messages.VACANCY_STOP["cap_more"].format(n=rest, units=len(order) - named)
                parts.append((rest, kind_i, text))
            sources.append(_STOP_SOURCES[kind])
        elif kind == "held":
            rules = np.bincount(stops.held_rule[members[mask]], minlength=len(PERSON_RULES))
            for r in np.flatnonzero(rules).tolist():
                rule = PERSON_RULES[r]
                text = messages.VACANCY_STOP["held"].format(
                    n=int(rules[r]), rule=_lower_first(RULES[rule].describe(rnd.rules))
                )
                parts.append((int(rules[r]), kind_i, text))
                sources.append(RULES[rule].source)
        else:
            parts.append((n, kind_i, messages.VACANCY_STOP[kind].format(n=n, prioritas=prio_p)))
            sources.append(_STOP_SOURCES[kind])
    parts.sort(key=lambda t: (-t[0], t[1]))
    text = messages.VACANCY_QUALIFIED.format(count=len(members), parts=", ".join(t for _, _, t in parts))
    return text, sources


def _units_at_cap(rnd: Round, result: PlanResult) -> set[str]:
    """Units whose free moves out reached the turnover cap."""
    st = result.person_status
    unit = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    counted = result.moved & (st.kunci_pos == NO_LOCK) & ~st.dihapus
    moved_out = pd.Series(unit[counted]).value_counts()
    return {u for u, n in moved_out.items() if n >= result.turnover_caps.get(u, 0)}


# --- Tidak Dimutasi: due people who stay, and everyone tidak tertampung ----------------------------------
def stays(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Due people who stay, and everyone left tidak tertampung, each with the reason and its legal basis
    (every reason rests on a rule, a limit, a decision of the PPK or the organisation's need)."""
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    final = result.final
    st = result.person_status
    unplaced = final == UNPLACED
    idx = np.flatnonzero((st.due & (final == cur)) | unplaced)
    if not len(idx):
        return pd.DataFrame(columns=STAY_COLUMNS)
    unit = positions["unit"].to_numpy()
    at_cap = _units_at_cap(rnd, result)
    cand_count = result.space.count_by_person()
    related = set(rnd.relasi["a"]) | set(rnd.relasi["b"])
    rows = []
    for e in idx:
        sources: list[str] = []
        held = [c for c in st.reasons(e) if c in ALWAYS_HOLD]
        if unplaced[e] and held:
            reason = (
                messages.STAY_TIDAK_TERTAMPUNG_HELD
                + ": "
                + "; ".join(RULES[c].describe(rnd.rules) for c in held)
            )
            reason += f" ({_at(rnd).people[e, 'kedudukan']})"
            sources = [RULES["jabatan-dihapus"].source, *(RULES[c].source for c in held)]
        elif unplaced[e]:
            reason = messages.STAY_TIDAK_TERTAMPUNG
            sources = [RULES["jabatan-dihapus"].source, RULES["jenis-jabatan"].source]
        elif st.kunci_pos[e] == TETAP:
            reason = messages.STAY_KUNCI_TETAP
            sources = [messages.SOURCE_KUNCI]
        elif codes := st.reasons(e):
            reason = "; ".join(RULES[c].describe(rnd.rules) for c in codes)
            if "kedudukan-hukum" in codes:
                reason += f" ({_at(rnd).people[e, 'kedudukan']})"
            sources = [RULES[c].source for c in codes]
        elif cand_count[e] == 0:
            reason = messages.STAY_NO_CANDIDATE
            sources = [RULES["jenis-jabatan"].source]
        elif unit[cur[e]] in at_cap:
            reason = messages.STAY_CAP.format(unit=unit[cur[e]], cap=result.turnover_caps[unit[cur[e]]])
            sources = [SETTING_LABELS["perputaran_persen"][1]]
        elif e in related:
            reason = messages.STAY_RELATION
            sources = [SETTING_LABELS["relasi"][1]]
        else:
            reason = messages.STAY_FULL.format(count=int(cand_count[e]))
            sources = [messages.SOURCE_NEED]
        c = cur[e]
        rows.append(
            {
                "NIP": _at(rnd).people[e, "nip"],
                "Nama": _at(rnd).people[e, "nama"],
                "Pangkat/Gol. Ruang": grades.golongan_label(_at(rnd).people[e, "golongan"]),
                "Jabatan": _at(rnd).positions[c, "nama"],
                "Kode Jabatan": _at(rnd).positions[c, "kode"],
                "Unit Kerja": unit[c],
                "Lama Menjabat (tahun)": round(float(st.tenure_years[e]), 1),
                "Alasan": reason,
                "Dasar Hukum": "; ".join(dict.fromkeys(sources)),
            }
        )
    df = pd.DataFrame(rows).sort_values(["Unit Kerja", "Nama"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[STAY_COLUMNS].reset_index(drop=True)


# --- Kebutuhan Diklat -------------------------------------------------------------------------------------
def required_training(rnd: Round, p: int) -> list[str]:
    """Training a position expects: its Syarat Diklat and the leadership training of its jenis."""
    needed = list(_at(rnd).positions[p, "syarat_diklat"])
    lead = grades.LEADERSHIP_TRAINING.get(_at(rnd).positions[p, "jenis"])
    if lead and lead not in needed:
        needed.insert(0, lead)
    return needed


def missing_training(rnd: Round, e: int, p: int) -> list[str]:
    """The training position p expects that person e does not hold (a need, not a bar)."""
    held = set(_at(rnd).people[e, "diklat"])
    return [t for t in required_training(rnd, p) if norm_key(t) not in held]


def training_needs(rnd: Round, result: PlanResult) -> pd.DataFrame:
    rows = []
    for e in np.flatnonzero(result.moved).tolist():
        p = int(result.final[e])
        missing = missing_training(rnd, e, p)
        if not missing:
            continue
        jenis = _at(rnd).positions[p, "jenis"]
        notes = [
            messages.TRAINING_NEED.format(training=t, jenis=jenis)
            if grades.LEADERSHIP_TRAINING.get(jenis) == t
            else messages.TRAINING_TECHNICAL.format(training=t)
            for t in missing
        ]
        rows.append(
            {
                "NIP": _at(rnd).people[e, "nip"],
                "Nama": _at(rnd).people[e, "nama"],
                "Jabatan Baru": _at(rnd).positions[p, "nama"],
                "Kode Jabatan Baru": _at(rnd).positions[p, "kode"],
                "Unit Kerja Baru": _at(rnd).positions[p, "unit"],
                "Diklat yang Dibutuhkan": "; ".join(missing),
                "Keterangan": "; ".join(notes),
            }
        )
    if not rows:
        return pd.DataFrame(columns=TRAINING_COLUMNS)
    df = pd.DataFrame(rows).sort_values(["Unit Kerja Baru", "Nama"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[TRAINING_COLUMNS].reset_index(drop=True)


# --- Ringkasan ------------------------------------------------------------------------------------------
def unit_summary(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per unit: people in, out, staying, due, and places empty before and after."""
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    final = result.final
    unit = positions["unit"].to_numpy()
    moved = result.moved
    units = sorted(set(unit))
    placed = final != UNPLACED
    formasi = positions["formasi"].to_numpy() * positions["aktif"].to_numpy()
    before = np.bincount(cur, minlength=len(positions))
    after = np.bincount(final[placed], minlength=len(positions))
    df = pd.DataFrame({"Unit Kerja": units})
    series = {
        "Pegawai Awal": pd.Series(unit[cur]).value_counts(),
        "Masuk": pd.Series(unit[final[moved]]).value_counts(),
        "Keluar": pd.Series(unit[cur[moved | ~placed]]).value_counts(),
        "Tetap": pd.Series(unit[cur[final == cur]]).value_counts(),
        "Jatuh Tempo": pd.Series(unit[cur[result.person_status.due]]).value_counts(),
        "Lowong Sebelum": pd.Series(np.maximum(formasi - before, 0)).groupby(unit).sum(),
        "Lowong Sesudah": pd.Series(np.maximum(formasi - after, 0)).groupby(unit).sum(),
    }
    for name, s in series.items():
        df[name] = df["Unit Kerja"].map(s).fillna(0).astype(int)
    return df


def by_golongan(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per golongan (PPPK grades after the PNS ones): people, due, moved, unplaced."""
    people = rnd.people
    order = _rank_order(rnd, np.arange(rnd.n_people))
    labels = np.where(
        people["pppk"], "PPPK " + people["golongan"].astype(str), people["golongan"].astype(str)
    )
    return _counts_by("Golongan", labels, order, rnd, result)


def by_gender(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per jenis kelamin: people, due, moved, unplaced."""
    names = {"L": "Laki-laki", "P": "Perempuan"}
    labels = rnd.people["gender"].map(lambda g: names.get(g, "Tidak diketahui")).to_numpy()
    order = np.array([("Laki-laki", "Perempuan", "Tidak diketahui").index(x) for x in labels], dtype=int)
    return _counts_by("Jenis Kelamin", labels, order, rnd, result)


def _counts_by(
    title: str, labels: np.ndarray, order: np.ndarray, rnd: Round, result: PlanResult
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            title: labels,
            "order": order,
            "Pegawai": 1,
            "Jatuh Tempo": result.person_status.due.astype(int),
            "Dimutasi": result.moved.astype(int),
            "Tidak Tertampung": (result.final == UNPLACED).astype(int),
        }
    )
    out = frame.groupby(title, sort=False).agg(
        order=("order", "min"),
        **{c: (c, "sum") for c in ("Pegawai", "Jatuh Tempo", "Dimutasi", "Tidak Tertampung")},
    )
    return out.sort_values("order").drop(columns="order").reset_index()


#: units shown by name in the flow table (the busiest); the rest are summed in one row and column
FLOW_UNITS = 20


def unit_flow(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Moves from unit (rows) to unit (columns); only units that send or receive someone, the
    ``FLOW_UNITS`` busiest by name and the rest as "Unit lainnya" (a kabupaten with its schools has
    hundreds of units: 800 × 800 cells were written at 20,000 people)."""
    moved = np.flatnonzero(result.moved)
    unit = rnd.positions["unit"].to_numpy()
    cur = rnd.people["pos"].to_numpy()
    if not len(moved):
        return pd.DataFrame(columns=["Dari \\ Ke"])
    src, dst = pd.Series(unit[cur[moved]]), pd.Series(unit[result.final[moved]])
    busy = pd.concat([src, dst]).value_counts(sort=False)
    busy = busy.sort_values(ascending=False, kind="stable")
    if len(busy) > FLOW_UNITS:
        keep = set(busy.index[:FLOW_UNITS])
        other = messages.FLOW_OTHER_UNITS.format(count=len(busy) - FLOW_UNITS)
        src = src.where(src.isin(keep), other)
        dst = dst.where(dst.isin(keep), other)
    flows = pd.crosstab(src.rename("Dari \\ Ke"), dst.rename("Ke"))
    units = sorted(set(flows.index) | set(flows.columns), key=lambda u: (u.startswith("("), u))
    flows = flows.reindex(index=units, columns=units, fill_value=0)
    flows["Jumlah Keluar"] = flows.sum(axis=1)
    flows.loc["Jumlah Masuk"] = flows.sum(axis=0)
    flows.columns.name = None
    return flows.reset_index()


# --- a re-plan after review (mutasi_cli.review.replan) ---------------------------------------------------
REVIEW_SHEET_COLUMNS = [
    "No", "NIP", "Nama", "Usulan Semula", "Keputusan Tim Penilai", "Hasil Rencana Baru", "Hasil Tinjauan",
    "Keterangan",
]  # fmt: skip


def review_sheet(rnd: Round, final: np.ndarray, marks: np.ndarray, moves: pd.DataFrame) -> pd.DataFrame:
    """Sheet Hasil Tinjauan: every row of the reviewed plan (approved, rejected, deleted) and every new
    move, with what the re-plan made of it and why; a rejected move that leaves a Prioritas-1 place empty
    says so. ``moves``: Daftar Mutasi of the re-plan (its Keterangan tells what a new move is for)."""
    assert rnd.review is not None
    people, positions = rnd.people, rnd.positions
    kode = positions["kode"].to_numpy()
    cur = people["pos"].to_numpy()
    keterangan = dict(zip(moves["NIP"], moves["Keterangan"])) if len(moves) else {}
    reviewed: dict[int, tuple[int, str, int]] = {}  # person → (position, decision, Excel row)
    for e, p, row in rnd.review.approved[["person", "position", "row"]].itertuples(index=False):
        reviewed[int(e)] = (int(p), "disetujui", int(row))
    for e, p, row, how in rnd.review.rejected[["person", "position", "row", "how"]].itertuples(index=False):
        reviewed.setdefault(int(e), (int(p), str(how), int(row)))
    empty_p1 = empty_priority1(rnd, final)
    # what the re-plan changed first (rejected rows, then new moves), then the moves kept as approved
    rows_of = sorted(reviewed, key=lambda e: reviewed[e][2])
    order = (
        [e for e in rows_of if reviewed[e][1] != "disetujui"]
        + [int(e) for e in np.flatnonzero(marks == NEW).tolist()]
        + [e for e in rows_of if reviewed[e][1] == "disetujui"]
    )
    rows = []
    for e in order:
        mark = str(marks[e])
        nip = str(people.at[e, "nip"])
        if e in reviewed:
            p, how, _row = reviewed[e]
            before, decision = f"{kode[p]} ({positions.at[p, 'nama']})", messages.REVIEW_DECISIONS[how]
        else:
            p, how, before, decision = -1, "", messages.REVIEW_NO_ROW, messages.REVIEW_NO_ROW
        f = int(final[e])
        after = (
            messages.REVIEW_UNPLACED if f == UNPLACED
            else messages.REVIEW_STAYS if f == cur[e]
            else f"{kode[f]} ({positions.at[f, 'nama']})"
        )  # fmt: skip
        why = {
            KEPT: messages.REVIEW_WHY_KEPT,
            DROPPED: messages.REVIEW_WHY_DROPPED,
            CHANGED: messages.REVIEW_WHY_CHANGED.format(kode=kode[p] if p >= 0 else "-", keterangan=keterangan.get(nip, "")),
            NEW: messages.REVIEW_WHY_NEW.format(keterangan=keterangan.get(nip, "")),
        }.get(mark, "")
        if how in ("tidak", "dihapus") and p in empty_p1:
            why += " " + empty_p1[p]
        rows.append(
            {
                "NIP": nip,
                "Nama": people.at[e, "nama"],
                "Usulan Semula": before,
                "Keputusan Tim Penilai": decision,
                "Hasil Rencana Baru": after,
                "Hasil Tinjauan": messages.REVIEW_MARKS.get(mark, ""),
                "Keterangan": why.strip(),
            }
        )
    df = pd.DataFrame(rows, columns=REVIEW_SHEET_COLUMNS[1:])
    df.insert(0, "No", range(1, len(df) + 1))
    return df


def empty_priority1(rnd: Round, final: np.ndarray) -> dict[int, str]:
    """Prioritas-1 positions short of their formasi after the re-plan → the sentence that says so."""
    positions = rnd.positions
    formasi = positions["formasi"].to_numpy()
    occupancy = np.bincount(final[final != UNPLACED], minlength=len(positions))
    short = positions["aktif"].to_numpy() & (positions["prioritas"].to_numpy() == 1) & (occupancy < formasi)
    return {
        int(p): messages.REVIEW_P1_EMPTY.format(
            kode=positions.at[p, "kode"],
            nama=positions.at[p, "nama"],
            unit=positions.at[p, "unit"],
            empty=int(formasi[p] - occupancy[p]),
            formasi=int(formasi[p]),
        )
        for p in np.flatnonzero(short).tolist()
    }


