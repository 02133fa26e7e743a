"""``mutasi explain``: why one person ends where they end, and why one position is filled or empty.

A person who asks "why me, and why not my first choice?" is owed an answer the analyst can show, with the
rule and its source. Everything told here is a lookup over what the plan's own code decided — the rules
of :mod:`mutasi_cli.rules.eligibility`, the fit points of :mod:`mutasi_cli.rules.scoring` (by component, through
:func:`mutasi_cli.outputs.explain.fit_components`), the workbook's own reasons (:mod:`mutasi_cli.outputs.explain`) —
except one thing no lookup can tell: what a wish that no rule bars would have cost. That is measured, by
planning the round again with the wished move fixed as a Kunci (a decision of the leadership, which is
what granting it would take) and comparing the objective levels 0–4 with the plan's
(CONTRACT.md "What the plan optimises"): "menempatkan Anda di Pilihan 1 berarti 1 tempat Prioritas 1
tidak terisi".

The forced re-solve first runs stage A alone (:func:`mutasi_cli.solve.aggregate.solve_stage_a`, exact for
levels 0–2, half a second at 5,000 people): when forcing the move loses a place, a Prioritas-1 place or a
due person's rotation, that is the price and level 3 does not matter; only when levels 0–2 tie is the
whole plan made (:func:`mutasi_cli.solve.planner.plan`, a few seconds). Level 3 is solved to a tolerance
(stage B's accepted gap), so a difference in fit points smaller than the two plans' gaps is reported as
such, never as a price. The re-solves are limited to the person's wishes and :data:`FORCED_EXTRA` more
positions, each with a time limit, within :data:`EXPLAIN_SECONDS` in all.

The plan is loaded with :func:`mutasi_cli.review.plan_check.check_plan` (its round found from sheet Parameter,
its reviewed rows applied): a plan that fails the check is still explained, and the answer says it fails.
The answer is one JSON-ready dict (``--json``) and the same facts as :class:`Section` texts for the
terminal; this module knows nothing of Rich or Typer.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mutasi_cli.domain import grades
from mutasi_cli.inputs.data import NO_HIGH, NO_LOW, TETAP, Round
from mutasi_cli.inputs.reader import sha256_of
from mutasi_cli.inputs.values import format_date_id, norm_key
from mutasi_cli.outputs import explain
from mutasi_cli.outputs.decree import PlanError, ReviewedPlan, read_reviewed_plan
from mutasi_cli.review.plan_check import CheckResult, check_plan
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import (
    ALWAYS_HOLD,
    KUNCI_OVERRIDES,
    NO_LOCK,
    PAIR_RULES,
    PERSON_RULES,
    RULES,
    SETTING_LABELS,
    PersonStatus,
    larangan_mask,
    pair_failures,
    person_status,
    rule_arrays,
)
from mutasi_cli.solve.aggregate import solve_stage_a
from mutasi_cli.solve.candidates import candidate_space
from mutasi_cli.solve.model import held_incumbents, lexicographic_weights, turnover_caps
from mutasi_cli.solve.planner import PlanResult
from mutasi_cli.solve.planner import plan as plan_round
from mutasi_cli.solve.verify import UNPLACED, level_values, violations
from mutasi_cli.support import messages as m
from mutasi_cli.support.runtime import plan_deadline

#: positions beyond the wishes whose forced price is measured (the best the person was eligible for)
FORCED_EXTRA = 2
#: time limit of one forced re-solve (seconds): at 5,000 people stage A takes 0.5 s, a whole plan 4 s
FORCE_SECONDS = 20.0
#: all forced re-solves of one explanation (seconds); a price not reached by then is said to be skipped
EXPLAIN_SECONDS = 60.0
#: rounds up to this many people also get the whole forced plan (a second at 1,200 people) for levels 3–4
FULL_RESOLVE_PEOPLE = 2000
#: people eligible for an empty place listed with what stopped each (by fit)
CANDIDATES_SHOWN = 5
#: holders of a wished place named in its sentence (newcomers first); the JSON lists them all
HOLDERS_TOLD = 3
#: the objective levels (CONTRACT.md), by the names of ``plan --json``, and whether more is better
LEVELS = ("unplaced", "priority1_filled", "due_moved", "fit", "moves")
MAXIMISED = (False, True, True, True, False)
#: the Kunci row number given to a forced move (no sheet row: it exists only in the copy of the round)
FORCED_ROW = 0


class UnknownSubject(Exception):
    """The NIP or Kode Jabatan is not in the plan's round; ``str()`` is the user's message (exit 1)."""


# --- the plan and its round ----------------------------------------------------------------------------


@dataclass
class _Baseline:
    """What a forced plan is compared with: a plan the planner made (``final``, its ``levels``), the
    round's optimum of levels 0–2 (``optimum``; ``exact`` when proven), the plan's level-3 tolerance
    (points; None unknown), and whether it is the explained plan itself or a fresh plan of the same
    round (a reviewed plan that differs from what the planner made)."""

    final: np.ndarray
    levels: dict[int, int]
    optimum: dict[int, int]
    exact: bool
    fresh: bool
    tolerance: float | None
    status: str


@dataclass
class ExplainedPlan:
    """A plan workbook with its round, as :func:`load_plan` found them."""

    path: Path
    check: CheckResult
    rnd: Round
    status: PersonStatus
    final: np.ndarray
    result: PlanResult  # the plan in the shape :mod:`mutasi_cli.outputs.explain` reads
    levels: dict[int, int]
    recorded: dict[int, int]  # the levels sheet Parameter recorded
    recorded_status: str | None
    solver: str
    tolerance: float | None  # level-3 points the recorded stage B may lie below its optimum
    _baseline: _Baseline | None = None
    _moves: pd.DataFrame | None = None
    _vacancies: pd.DataFrame | None = None

    @property
    def valid(self) -> bool:
        return self.check.valid

    def summary(self) -> dict[str, Any]:
        errors = self.check.errors
        return {
            "path": str(self.path),
            "valid": self.valid,
            "errors": len(errors),
            "warnings": len(self.check.issues) - len(errors),
            "status": self.recorded_status,
            "effective_date": self.rnd.effective_date.isoformat(),
        }

    def moves_frame(self) -> pd.DataFrame:
        """Daftar Mutasi as the workbook writes it (Keterangan, Catatan Internal), by NIP."""
        if self._moves is None:
            self._moves = explain.moves(self.rnd, self.result).set_index("NIP", drop=False)
        return self._moves

    def vacancies_frame(self) -> pd.DataFrame:
        """Lowongan as the workbook writes it, by Kode Jabatan."""
        if self._vacancies is None:
            self._vacancies = explain.vacancies(self.rnd, self.result).set_index("Kode Jabatan", drop=False)
        return self._vacancies


def load_plan(
    path: Path, *, pegawai: Path | None = None, jabatan: Path | None = None, config: Path | None = None
) -> ExplainedPlan:
    """The plan at ``path`` with its round, the reviewed rows applied. Raises
    :class:`~mutasi_cli.outputs.decree.PlanError` (every problem, exit 1) only when there is nothing to explain:
    the round cannot be found or read, or the workbook is not a plan."""
    reviewed = read_reviewed_plan(path, strict=False)
    checked = check_plan(path, pegawai=pegawai, jabatan=jabatan, config=config, reviewed=reviewed)
    if checked.round is None or checked.status is None or checked.final is None:
        raise PlanError(path, checked.issues or reviewed.issues)
    rnd, status, final = checked.round, checked.status, checked.final
    followed = _followed_review(path, reviewed, rnd, pegawai, jabatan, config)
    if followed is not None:  # a re-plan after review: explained in the round it was planned in
        rnd = followed
        status = person_status(rnd)
    recorded, recorded_status, solver, tolerance = _recorded(reviewed)
    levels = level_values(rnd, status, final)
    space = candidate_space(rnd, status)
    result = PlanResult(
        recorded_status or "feasible", final, status, space, levels, None, None,
        lexicographic_weights(rnd, status), solver, "", turnover_caps(rnd),
    )  # fmt: skip
    return ExplainedPlan(
        path, checked, rnd, status, final, result, levels, recorded, recorded_status, solver, tolerance
    )


def _followed_review(
    path: Path, reviewed: ReviewedPlan, rnd: Round, pegawai: Path | None, jabatan: Path | None,
    config: Path | None,
) -> Round | None:
    """The round with the reviewed plan a re-plan followed (sheet Parameter records it, with its SHA-256)
    applied again, so that the forced re-solves keep its approved and rejected moves; None for a first
    plan, or when that workbook is gone or changed (the explanation then holds for the round alone, and
    says so through the check's warning)."""
    from mutasi_cli.review.replan import REVIEW_LABEL, REVIEW_SHA_LABEL, apply_review, read_review

    written = sha = None
    for _row, label, value in reviewed.parameter:
        if label == f"Pengaturan: {REVIEW_LABEL}":
            written = str(value)
        elif label == f"Pengaturan: {REVIEW_SHA_LABEL}":
            sha = str(value)
    if written is None:
        return None
    for candidate in (Path(written), path.parent / Path(written).name):
        if candidate.is_file() and (sha is None or sha256_of(candidate) == sha):
            try:
                read = read_review(candidate, rnd, pegawai=pegawai, jabatan=jabatan, config=config)
            except PlanError:
                return None
            return apply_review(rnd, read.review)
    return None


def _recorded(reviewed: ReviewedPlan) -> tuple[dict[int, int], str | None, str, float | None]:
    """(levels, status, solver, level-3 tolerance) as sheet Parameter recorded them (report.py's labels)."""
    levels: dict[int, int] = {}
    status: str | None = None
    solver = "cbc"
    stage_b: dict[str, float] = {}
    statuses = {text: key for key, text in m.STATUS_TEXT.items()}
    solvers = {text: key for key, text in m.SOLVER_NAMES.items()}
    for _row, label, value in reviewed.parameter:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        for k in range(len(LEVELS)):
            if label.startswith(f"Tingkat {k}:") and number is not None:
                levels[k] = int(number)
        if label == "Status":
            status = statuses.get(str(value).strip(), status)
        elif label == "Solver":
            solver = solvers.get(str(value).strip(), solver)
        elif label in ("Tahap B: nilai", "Tahap B: batas atas terbukti") and number is not None:
            stage_b[label] = float(number)
    tolerance = None
    if len(stage_b) == 2:
        tolerance = max(0.0, stage_b["Tahap B: batas atas terbukti"] - stage_b["Tahap B: nilai"])
    return levels, status, solver, tolerance


def find_subject(ctx: ExplainedPlan, subject: str) -> tuple[str, int]:
    """("pegawai", person) or ("jabatan", position) named by ``subject``: a NIP (spaces, dots and a
    leading apostrophe ignored) or a Kode Jabatan (exactly, else case- and punctuation-insensitively)."""
    text = subject.strip().lstrip("'")
    digits = "".join(ch for ch in text if not ch.isspace() and ch != ".")
    nips = ctx.rnd.people["nip"].tolist()
    if digits in nips:
        return "pegawai", nips.index(digits)
    codes = ctx.rnd.positions["kode"].tolist()
    if text in codes:
        return "jabatan", codes.index(text)
    keyed = [i for i, k in enumerate(codes) if norm_key(k) == norm_key(text)]
    if len(keyed) == 1:
        return "jabatan", keyed[0]
    raise UnknownSubject(m.WHY_UNKNOWN.format(subject=subject, path=ctx.path))


def explain_subject(ctx: ExplainedPlan, subject: str, *, budget: float = EXPLAIN_SECONDS) -> dict[str, Any]:
    """The answer for a NIP or a Kode Jabatan (:func:`explain_person`, :func:`explain_position`)."""
    kind, index = find_subject(ctx, subject)
    if kind == "pegawai":
        return _plain(explain_person(ctx, index, budget=budget))
    return _plain(explain_position(ctx, index))


def _plain(obj: Any) -> Any:
    """The answer in JSON's own types (numpy's integers and booleans become Python's)."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    return obj


# --- small facts -----------------------------------------------------------------------------------------


def _position(rnd: Round, p: int) -> dict[str, Any]:
    pos = rnd.positions
    return {
        "kode": str(pos.at[p, "kode"]),
        "nama": str(pos.at[p, "nama"]),
        "unit": str(pos.at[p, "unit"]),
        "jenis": str(pos.at[p, "jenis"]),
        "prioritas": int(pos.at[p, "prioritas"]),
        "formasi": int(pos.at[p, "formasi"]),
        "aktif": bool(pos.at[p, "aktif"]),
    }


def _occupancy(ctx: ExplainedPlan) -> np.ndarray:
    placed = ctx.final[ctx.final != UNPLACED]
    return np.bincount(placed, minlength=ctx.rnd.n_positions)


def _rule(rnd: Round, code: str, passed: bool | None, detail: str = "", note: str = "") -> dict[str, Any]:
    rule = RULES[code]
    return {
        "code": code,
        "number": rule.number,
        "name": m.WHY_RULE_NAMES.get(code, code),
        "text": rule.describe(rnd.rules),
        "source": rule.source,
        "passed": passed,
        "detail": detail,
        "note": note,
    }


def _grade_text(rank: int) -> str:
    return grades.GOLONGAN[rank - 1] if 1 <= rank <= len(grades.GOLONGAN) else "-"


def _edu_text(rank: int) -> str:
    names = [k for k, v in grades.EDUCATION_RANK.items() if v == rank and k != "D4"]
    return names[0] if names else "-"


def _rejected_text(rnd: Round, e: int, p: int) -> str:
    """For a re-plan after review: "the review panel rejected this move (Daftar Mutasi row N)", when the
    pair's ban comes from the reviewed plan rather than the Larangan sheet; "" otherwise."""
    review = rnd.review
    if review is None or not len(review.rejected):
        return ""
    r = review.rejected[(review.rejected["person"] == e) & (review.rejected["position"] == p)]
    if not len(r):
        return ""
    return m.WHY_DETAIL_REJECTED.format(sheet=str(r["sheet"].iloc[0]), row=int(r["row"].iloc[0]))


def _rule_detail(ctx: ExplainedPlan, code: str, e: int, p: int | None) -> str:
    """The person's own fact behind a rule (their tenure, golongan against the range, …)."""
    rnd, st = ctx.rnd, ctx.status
    person = rnd.people.iloc[e]
    s = rnd.rules
    if code == "masa-jabatan":
        return m.WHY_DETAIL_TENURE.format(
            tenure=explain.tenure_text(person["tmt"], rnd.effective_date), years=s.masa_minimal
        )
    if code == "pensiun":
        date = st.retirement[e]
        return m.WHY_DETAIL_RETIREMENT.format(date=format_date_id(date)) if date else ""
    if code == "hukuman-disiplin":
        return m.WHY_DETAIL_HUKUMAN.format(hukuman=person["hukuman"])
    if code == "kedudukan-hukum":
        return m.WHY_DETAIL_KEDUDUKAN.format(kedudukan=person["kedudukan"])
    if code == "cpns":
        return m.WHY_DETAIL_CPNS if bool(person["cpns"]) else ""
    if p is None:
        return ""
    pos = rnd.positions.iloc[p]
    if code == "golongan" and not bool(person["pppk"]):
        lo, hi = int(pos["grade_lo"]), int(pos["grade_hi"])
        if lo == NO_LOW and hi == NO_HIGH:
            return m.WHY_DETAIL_GRADE_ANY.format(golongan=person["golongan"])
        return m.WHY_DETAIL_GRADE.format(
            golongan=person["golongan"],
            lo=_grade_text(lo) if lo != NO_LOW else "-",
            hi=_grade_text(hi) if hi != NO_HIGH else "-",
        )
    if code == "pendidikan":
        return m.WHY_DETAIL_EDU.format(
            pendidikan=person["pendidikan"] or "-", minimum=_edu_text(int(pos["edu_min"]))
        )
    if code == "pensiun-tujuan":
        return m.WHY_DETAIL_BUP.format(age=int(rule_arrays(rnd).bup[p]))
    if code == "larangan" and p is not None:
        return _rejected_text(rnd, e, p)
    if code in ("jenis-jabatan", "jpt-seleksi", "eselon", "jf-berbeda", "jenjang-jf", "pppk-jabatan"):
        c = int(person["pos"])
        return m.WHY_DETAIL_CAREER.format(old=_career_text(rnd, c), new=_career_text(rnd, p))
    return ""


def _career_text(rnd: Round, p: int) -> str:
    pos = rnd.positions.iloc[p]
    parts = [str(pos["jenis"])]
    if isinstance(pos["eselon"], str) and pos["eselon"]:
        parts.append(f"eselon {pos['eselon']}")
    if pos["jenis"] == "Fungsional":
        parts.append(str(pos["jf_nama"] or pos["nama"]))
        if pos["jenjang"]:
            parts.append(str(pos["jenjang"]))
    return " ".join(parts)


def _failing(ctx: ExplainedPlan, e: int, targets: np.ndarray) -> dict[str, np.ndarray]:
    return pair_failures(ctx.rnd, np.full(len(targets), e, dtype=np.int64), targets.astype(np.int64))


def _fit_at(ctx: ExplainedPlan, e: int, targets: np.ndarray) -> np.ndarray:
    return scoring.fit(ctx.rnd, np.full(len(targets), e, dtype=np.int64), targets.astype(np.int64))


def _units_at_cap(ctx: ExplainedPlan) -> dict[str, int]:
    """Units whose free moves out reached the turnover cap → the cap."""
    st = ctx.status
    cur = ctx.rnd.people["pos"].to_numpy()
    unit = ctx.rnd.positions["unit"].to_numpy()[cur]
    moved = (ctx.final != cur) & (ctx.final != UNPLACED)
    counted = pd.Series(unit[moved & (st.kunci_pos == NO_LOCK) & ~st.dihapus]).value_counts()
    caps = ctx.result.turnover_caps
    return {u: caps[u] for u, n in counted.items() if n >= caps.get(u, 0)}


def _partners(ctx: ExplainedPlan, e: int) -> list[tuple[int, str]]:
    rel = ctx.rnd.relasi
    rows = rel[(rel["a"] == e) | (rel["b"] == e)]
    return [
        (int(b if a == e else a), str(h)) for a, b, h in rows[["a", "b", "hubungan"]].itertuples(index=False)
    ]


def _who(ctx: ExplainedPlan, e: int) -> dict[str, Any]:
    people = ctx.rnd.people
    return {"nip": str(people.at[e, "nip"]), "nama": str(people.at[e, "nama"])}


def _sources(items: list[str]) -> str:
    return "; ".join(dict.fromkeys(s for s in items if s))


# --- a person ------------------------------------------------------------------------------------------


def explain_person(ctx: ExplainedPlan, e: int, *, budget: float = EXPLAIN_SECONDS) -> dict[str, Any]:
    """Where person e ends and why, and why not each wish and the best positions they were eligible
    for (the forced re-solves within ``budget`` seconds)."""
    t0 = time.perf_counter()
    rnd, st = ctx.rnd, ctx.status
    people = rnd.people
    c, f = int(people.at[e, "pos"]), int(ctx.final[e])
    moved = f not in (c, UNPLACED)
    lock = int(st.kunci_pos[e])
    answer: dict[str, Any] = {
        "kind": "pegawai",
        **_who(ctx, e),
        "golongan": str(people.at[e, "golongan"]),
        "plan": ctx.summary(),
    }
    tenure = explain.tenure_text(people.at[e, "tmt"], rnd.effective_date)
    outcome: dict[str, Any] = {
        "result": "moved" if moved else ("unplaced" if f == UNPLACED else "stays"),
        "from": _position(rnd, c),
        "to": _position(rnd, f) if moved else None,
        "due": bool(st.due[e]),
        "tenure": tenure,
        "kunci": None if lock == NO_LOCK or st.approved_only(e) else ("tetap" if lock in (TETAP, c) else "move"),
        "dihapus": bool(st.dihapus[e]),
        "review": _review_outcome(rnd, e, f),
    }
    if moved:
        row = ctx.moves_frame().loc[str(people.at[e, "nip"])]
        outcome["keterangan"] = str(row["Keterangan"])
        outcome["catatan"] = str(row["Catatan Internal"])
        outcome["text"] = m.WHY_MOVED.format(**_two_places(rnd, c, f))
        answer["rules"] = _move_rules(ctx, e, c, f)
        answer["need"] = _need(ctx, e, f)
    else:
        outcome["reasons"] = _stay_reasons(ctx, e)
        template = m.WHY_UNPLACED if f == UNPLACED else m.WHY_STAYS
        outcome["text"] = template.format(**_two_places(rnd, c, c))
        answer["rules"] = _person_rules(ctx, e)
        answer["need"] = None
    outcome["due_text"] = (m.WHY_DUE_YES if st.due[e] else m.WHY_DUE_NO).format(
        tenure=tenure, due=rnd.rules.masa_jatuh_tempo
    )
    answer["outcome"] = outcome
    answer["fit"] = _fit(ctx, e, c, f if moved else None)
    pricer = _Pricer(ctx, budget)
    answer["wishes"] = _wishes(ctx, e, pricer)
    chosen = {w["position"] for w in answer["wishes"] if w.get("position") is not None}
    answer["alternatives"] = _alternatives(ctx, e, chosen, pricer)
    for item in (*answer["wishes"], *answer["alternatives"]):
        item.pop("position", None)
    answer["baseline"] = pricer.baseline_json()
    answer["forced_solves"] = pricer.solves
    answer["seconds"] = round(time.perf_counter() - t0, 3)
    return answer


def _two_places(rnd: Round, c: int, p: int) -> dict[str, str]:
    pos = rnd.positions
    return {
        "old": str(pos.at[c, "nama"]), "old_unit": str(pos.at[c, "unit"]), "old_kode": str(pos.at[c, "kode"]),
        "new": str(pos.at[p, "nama"]), "new_unit": str(pos.at[p, "unit"]), "new_kode": str(pos.at[p, "kode"]),
    }  # fmt: skip


def _person_rules(ctx: ExplainedPlan, e: int) -> list[dict[str, Any]]:
    """Each person rule (rules 1–3 and 8): passed, or what holds them; the incumbent of a Dihapus post is
    held only by the rules that hold even them."""
    st = ctx.status
    out = []
    for code in PERSON_RULES:
        fires = bool(st.blocked[code][e])
        note = ""
        if fires and st.dihapus[e] and code not in ALWAYS_HOLD:
            fires, note = False, m.WHY_RULE_DIHAPUS
        out.append(_rule(ctx.rnd, code, not fires, _rule_detail(ctx, code, e, None), note))
    return out


def _move_rules(ctx: ExplainedPlan, e: int, c: int, p: int) -> list[dict[str, Any]]:
    """The person rules and every pair rule for the move c → p, each passed or not; a rule a Kunci
    overrides is marked so (CONTRACT.md: a Kunci overrides rules 1–5 and 7)."""
    kunci = ctx.status.kunci_pos[e] == p
    fails = _failing(ctx, e, np.array([p]))
    out = _person_rules(ctx, e)
    for code in PAIR_RULES:
        out.append(_rule(ctx.rnd, code, not bool(fails[code][0]), _rule_detail(ctx, code, e, p)))
    for item in out:
        if not item["passed"] and kunci and item["code"] in KUNCI_OVERRIDES:
            item["note"] = m.WHY_RULE_KUNCI
    return out


def _need(ctx: ExplainedPlan, e: int, p: int) -> dict[str, Any]:
    """The need the move fills: the place (Prioritas, Formasi, who was in it), the unit's empty places
    before the round, and the person's own reasons (due, Dihapus, Kunci)."""
    rnd, st = ctx.rnd, ctx.status
    pos = rnd.positions
    cur = rnd.people["pos"].to_numpy()
    formasi = pos["formasi"].to_numpy() * pos["aktif"].to_numpy()
    before = np.bincount(cur, minlength=rnd.n_positions)
    empty = np.maximum(formasi - before, 0)
    in_unit = pos["unit"].to_numpy() == pos.at[p, "unit"]
    prio = pos["prioritas"].to_numpy()
    left = int(((ctx.final != cur) & (cur == p)).sum())
    facts: dict[str, Any] = {
        "prioritas": int(prio[p]),
        "formasi": int(pos.at[p, "formasi"]),
        "occupied_before": int(before[p]),
        "incumbents_left": left,
        "unit_empty_before": int(empty[in_unit].sum()),
        "unit_priority1_empty_before": int(empty[in_unit & (prio == 1)].sum()),
        "due": bool(st.due[e]),
        "dihapus": bool(st.dihapus[e]),
        "kunci": bool(st.kunci_pos[e] == p),
    }
    lines: list[str] = []
    if facts["kunci"]:
        lines.append(m.WHY_NEED_KUNCI)
    if facts["dihapus"]:
        lines.append(m.WHY_NEED_DIHAPUS)
    names = {"kode": pos.at[p, "kode"], "nama": pos.at[p, "nama"], "unit": pos.at[p, "unit"]}
    if before[p] < facts["formasi"]:
        lines.append(m.WHY_NEED_PLACE.format(**names, **facts))
    elif left:
        lines.append(m.WHY_NEED_REPLACE.format(**names, left=left))
    else:
        lines.append(m.WHY_NEED_FIT.format(**names))
    if facts["unit_empty_before"]:
        lines.append(m.WHY_NEED_UNIT.format(unit=names["unit"], empty=facts["unit_empty_before"],
                                                p1=facts["unit_priority1_empty_before"]))  # fmt: skip
    if facts["due"]:
        lines.append(m.WHY_NEED_DUE)
    facts["text"] = lines
    return facts


def _stay_reasons(ctx: ExplainedPlan, e: int) -> list[dict[str, str]]:
    """Why person e is not moved, each reason with its source: the order of the workbook's Tidak
    Dimutasi (:func:`mutasi_cli.outputs.explain.stays`) — tidak tertampung, Kunci TETAP, the person rules, then
    for a movable person whether they are due, and what the plan ran into."""
    rnd, st = ctx.rnd, ctx.status
    c = int(rnd.people.at[e, "pos"])
    unit = str(rnd.positions.at[c, "unit"])
    out: list[dict[str, str]] = []

    def add(code: str, text: str, source: str) -> None:
        out.append({"code": code, "text": text, "source": source})

    held = [code for code in st.reasons(e) if not st.dihapus[e] or code in ALWAYS_HOLD]
    if ctx.final[e] == UNPLACED:
        if held:
            add("tidak-tertampung", m.STAY_TIDAK_TERTAMPUNG_HELD, RULES["jabatan-dihapus"].source)
        else:
            add("tidak-tertampung", m.STAY_TIDAK_TERTAMPUNG,
                _sources([RULES["jabatan-dihapus"].source, RULES["jenis-jabatan"].source]))  # fmt: skip
    lock = int(st.kunci_pos[e])
    if lock in (TETAP, c):
        add("kunci-tetap", m.STAY_KUNCI_TETAP, m.SOURCE_KUNCI)
    for code in held:
        detail = _rule_detail(ctx, code, e, None)
        text = RULES[code].describe(rnd.rules) + (f" ({detail})" if detail else "")
        add(code, text, RULES[code].source)
    if out:
        return out
    if not st.due[e]:
        add("belum-jatuh-tempo", m.WHY_STAY_NOT_DUE.format(
            tenure=explain.tenure_text(rnd.people.at[e, "tmt"], rnd.effective_date),
            due=rnd.rules.masa_jatuh_tempo), RULES["masa-jabatan"].source)  # fmt: skip
    count = int(ctx.result.space.count_by_person()[e])
    caps = _units_at_cap(ctx)
    partners = _partners(ctx, e)
    if count == 0:
        add("tanpa-jabatan", m.WHY_STAY_NO_CANDIDATE, RULES["jenis-jabatan"].source)
    elif unit in caps:
        add("batas-perputaran", m.WHY_STAY_CAP.format(unit=unit, cap=caps[unit]),
            SETTING_LABELS["perputaran_persen"][1])  # fmt: skip
    else:
        if partners:
            named = ", ".join(f"NIP {rnd.people.at[b, 'nip']} ({h})" for b, h in partners)
            add("relasi", m.WHY_STAY_RELATION.format(who=named), SETTING_LABELS["relasi"][1])
        add("kebutuhan", m.WHY_STAY_FULL.format(count=count), m.SOURCE_NEED)
    return out


def _fit(ctx: ExplainedPlan, e: int, c: int, p: int | None) -> dict[str, Any]:
    """The person's fit points by criterion against the weights, where they end (and where they were)."""
    w = ctx.rnd.weights
    weights = {
        "golongan": str(w.golongan), "pendidikan": str(w.pendidikan), "jurusan": str(w.jurusan),
        "diklat": str(w.diklat), "skp": m.WHY_WEIGHT_SKP.format(w=w.skp),
        "pilihan": "/".join(map(str, w.pilihan)),
        "domisili": m.WHY_WEIGHT_HOME.format(w=w.domisili, near=w.dekat, km=f"{w.dekat_km:g}"),
    }  # fmt: skip
    ends = p if p is not None else (c if ctx.final[e] != UNPLACED else None)
    here = explain.fit_components(ctx.rnd, np.array([e]), np.array([ends if ends is not None else c]))
    old = explain.fit_components(ctx.rnd, np.array([e]), np.array([c])) if p is not None else None
    criteria = []
    for part in explain.FIT_PARTS:
        criteria.append({
            "criterion": part,
            "label": m.WHY_FIT_LABELS[part],
            "weight": weights[part],
            "points": int(here[part][0]) if ends is not None else 0,
            "points_before": int(old[part][0]) if old is not None else None,
        })  # fmt: skip
    return {
        "position": None if ends is None else str(ctx.rnd.positions.at[ends, "kode"]),
        "criteria": criteria,
        "total": sum(c_["points"] for c_ in criteria),
        "total_before": None if old is None else sum(int(v[0]) for v in old.values()),
    }


# --- wishes and alternatives -----------------------------------------------------------------------------


def _wish_targets(ctx: ExplainedPlan, key: str) -> np.ndarray:
    """Positions a wish names: its unit, or its code (scoring's own match, :func:`scoring._wish_points`)."""
    pos = ctx.rnd.positions
    hit = (pos["unit"].map(norm_key) == key) | (pos["kode"].map(norm_key) == key)
    return np.flatnonzero(hit.to_numpy())


def _wishes(ctx: ExplainedPlan, e: int, pricer: _Pricer) -> list[dict[str, Any]]:
    people = ctx.rnd.people
    c, f = int(people.at[e, "pos"]), int(ctx.final[e])
    out = []
    for rank, key in enumerate(people.at[e, "wishes"][: len(ctx.rnd.weights.pilihan)], start=1):
        label = m.WHY_WISH_LABEL.format(rank=rank)
        item: dict[str, Any] = {"rank": rank, "wish": key, "kode": None, "unit": None, "nama": None,
                                "position": None, "verdict": "", "reason": "", "price": None}  # fmt: skip
        targets = _wish_targets(ctx, key)
        if not len(targets):
            item.update(verdict="unknown", reason=m.WHY_WISH_UNKNOWN.format(wish=key))
            out.append(item)
            continue
        item["unit"] = str(ctx.rnd.positions.at[int(targets[0]), "unit"])
        item["positions"] = len(targets)
        if f in targets:
            item.update(_target_names(ctx, f), verdict="granted",
                        reason=m.WHY_WISH_GRANTED if f != c else m.WHY_WISH_GRANTED_STAY)  # fmt: skip
            out.append(item)
            continue
        out.append(_why_not(ctx, e, targets[targets != c], label, pricer, item))
    return out


def _alternatives(ctx: ExplainedPlan, e: int, chosen: set[int], pricer: _Pricer) -> list[dict[str, Any]]:
    """The positions person e was eligible for with the highest fit (not where they end, nor a wish
    already told), :data:`FORCED_EXTRA` of them, each with why not."""
    space = ctx.result.space
    g = int(space.group_of[e])
    if g < 0:
        return []
    c, f = int(ctx.rnd.people.at[e, "pos"]), int(ctx.final[e])
    q = space.groups[g].positions
    q = q[(q != c) & (q != f) & ~np.isin(q, list(chosen))]
    q = q[~larangan_mask(ctx.rnd, np.full(len(q), e), q)]
    if not len(q):
        return []
    points = _fit_at(ctx, e, q)
    prio = ctx.rnd.positions["prioritas"].to_numpy()[q]
    order = np.lexsort((q, prio, -points))[:FORCED_EXTRA]
    out = []
    for p in q[order].tolist():
        item: dict[str, Any] = {"rank": None, "wish": None, "verdict": "", "reason": "", "price": None}
        out.append(_why_not(ctx, e, np.array([p]), m.WHY_ALT_LABEL.format(kode=ctx.rnd.positions.at[p, "kode"]),
                            pricer, item))  # fmt: skip
    return out


def _target_names(ctx: ExplainedPlan, p: int) -> dict[str, Any]:
    pos = ctx.rnd.positions
    return {"kode": str(pos.at[p, "kode"]), "nama": str(pos.at[p, "nama"]), "unit": str(pos.at[p, "unit"])}


def _why_not(
    ctx: ExplainedPlan, e: int, targets: np.ndarray, label: str, pricer: _Pricer, item: dict[str, Any]
) -> dict[str, Any]:
    """Why person e is not in any of ``targets`` (a wished unit's positions, or one position): a Kunci,
    a person rule, the pair rules of the nearest one; else the best open one's capacity and who took
    it, the turnover cap, Relasi, and the price of forcing it."""
    rnd, st = ctx.rnd, ctx.status
    lock = int(st.kunci_pos[e])
    c = int(rnd.people.at[e, "pos"])
    if lock != NO_LOCK and not st.approved_only(e):
        if lock in (TETAP, c):
            item.update(verdict="kunci", reason=m.WHY_WISH_KUNCI_TETAP)
        else:
            item.update(verdict="kunci", reason=m.WHY_WISH_KUNCI.format(kode=rnd.positions.at[lock, "kode"]))
        return item
    held = [code for code in st.reasons(e) if not st.dihapus[e] or code in ALWAYS_HOLD]
    if held:
        rules = [_rule(rnd, code, False, _rule_detail(ctx, code, e, None)) for code in held]
        item.update(verdict="barred", rules=rules,
                    reason=m.WHY_WISH_HELD.format(rules=_rules_text(rules)))  # fmt: skip
        return item
    if not len(targets):  # the wish names the person's own position, which they leave
        item.update(verdict="own", reason=m.WHY_WISH_OWN)
        return item
    fails = _failing(ctx, e, targets)
    bad = np.zeros(len(targets), dtype=bool)
    for arr in fails.values():
        bad |= arr
    points = _fit_at(ctx, e, targets)
    if bad.all():
        count = np.sum([arr.astype(int) for arr in fails.values()], axis=0)
        k = int(np.lexsort((-points, count))[0])
        p = int(targets[k])
        rules = [
            _rule(rnd, code, False, _rule_detail(ctx, code, e, p)) for code in PAIR_RULES if fails[code][k]
        ]
        names = _target_names(ctx, p)
        template = m.WHY_WISH_BARRED_UNIT if len(targets) > 1 else m.WHY_WISH_BARRED
        item.update(names, verdict="barred", rules=rules, position=p,
                    reason=template.format(**names, count=len(targets), rules=_rules_text(rules)))  # fmt: skip
        return item
    open_ = targets[~bad]
    open_points = points[~bad]
    occupancy = _occupancy(ctx)
    formasi = rnd.positions["formasi"].to_numpy()
    cur = rnd.people["pos"].to_numpy()
    stayers = np.bincount(cur[ctx.final == cur], minlength=rnd.n_positions)
    room = occupancy[open_] < np.maximum(formasi[open_], stayers[open_])
    k = int(np.lexsort((open_, -open_points, ~room))[0])
    p = int(open_[k])
    names = _target_names(ctx, p)
    item.update(names, position=p, fit=int(open_points[k]))
    reasons: list[str] = []
    if len(targets) > 1:
        reasons.append(m.WHY_WISH_OPEN_COUNT.format(open=len(open_), count=len(targets), **names))
    if room[k]:
        empty = int(max(formasi[p], stayers[p]) - occupancy[p])
        reasons.append(m.WHY_WISH_ROOM.format(**names, empty=empty, points=int(open_points[k])))
        verdict = "priced"
    else:
        holders = [_holder(ctx, h, p) for h in np.flatnonzero(ctx.final == p).tolist()]
        holders.sort(key=lambda h: (not h["newcomer"], -h["points"]))
        item["holders"] = holders
        shown = "; ".join(
            m.WHY_HOLDER.format(**h, how=m.WHY_NEWCOMER if h["newcomer"] else m.WHY_STAYER)
            for h in holders[:HOLDERS_TOLD]
        )
        if len(holders) > HOLDERS_TOLD:
            shown += m.WHY_HOLDERS_MORE.format(count=len(holders) - HOLDERS_TOLD)
        reasons.append(m.WHY_WISH_TAKEN.format(**names, formasi=int(formasi[p]), holders=shown,
                                                   points=int(open_points[k])))  # fmt: skip
        verdict = "taken"
    unit = str(rnd.positions.at[c, "unit"])
    caps = _units_at_cap(ctx)
    capped = bool(unit in caps and ctx.final[e] == c)
    if capped:
        reasons.append(m.WHY_WISH_CAP.format(unit=unit, cap=caps[unit]))
    item["turnover_cap"] = capped
    for b, hubungan in _partners(ctx, e):
        fb = int(ctx.final[b])
        if fb != UNPLACED and rnd.positions.at[fb, "unit"] == names["unit"]:
            reasons.append(m.WHY_WISH_RELASI.format(nip=rnd.people.at[b, "nip"], hubungan=hubungan,
                                                        unit=names["unit"]))  # fmt: skip
    what = label if item.get("rank") is None else m.WHY_WISH_WHAT.format(label=label, kode=names["kode"])
    price = pricer.price(e, p, what, capped=capped)
    item["price"] = price
    reasons.append(price["text"])
    item.update(verdict=verdict, reason=" ".join(reasons))
    return item


def _rules_text(rules: list[dict[str, Any]]) -> str:
    """Rules with their facts and sources in one sentence; a fact told once (rule 7's kinds are the same
    fact for each of its rules)."""
    parts = []
    told: set[str] = set()
    for r in rules:
        detail = f"; {r['detail']}" if r.get("detail") and r["detail"] not in told else ""
        told.add(r.get("detail") or "")
        parts.append(m.WHY_RULE_WITH_SOURCE.format(text=r["text"], detail=detail, source=r["source"]))
    return "; ".join(parts)


def _holder(ctx: ExplainedPlan, h: int, p: int) -> dict[str, Any]:
    cur = int(ctx.rnd.people.at[h, "pos"])
    return {**_who(ctx, h), "points": int(_fit_at(ctx, h, np.array([p]))[0]), "newcomer": cur != p}


# --- the price of forcing a move -----------------------------------------------------------------------


def _key(levels: dict[int, int], upto: int = len(LEVELS)) -> tuple[int, ...]:
    """Levels as a tuple that compares lexicographically, larger is better."""
    return tuple(levels[k] if MAXIMISED[k] else -levels[k] for k in range(upto))


class _Pricer:
    """Forced re-solves of one explanation, within its budget of seconds.

    The price of forcing person e into position p (a Kunci on a copy of the round):

    - levels 0–2 are the forced round's stage-A optimum (exact) against the round's own optimum;
    - when they tie, levels 3–4 are those of the best forced plan found — the plan itself with e moved
      into p (and, where p is full, one of its holders moved into the place e leaves or back home), the
      stage-A plan, and on rounds of up to :data:`FULL_RESOLVE_PEOPLE` people, or when no such local plan
      keeps levels 0–2 at their optimum, the whole plan (:func:`mutasi_cli.solve.planner.plan`) — against the
      plan explained. A
      forced plan that exists bounds the price from above ("paling banyak"); it is exact only where both
      plans are proven optimal. The local plans are there because the whole plan's level 3 is solved to
      a tolerance (±24 points at 5,000 people): two independent solves differ by more than most
      single moves cost, and take 4 s each."""

    def __init__(self, ctx: ExplainedPlan, budget: float) -> None:
        self.ctx = ctx
        self.deadline = time.perf_counter() + budget
        self.budget = budget
        self.solves = 0
        self._held: np.ndarray | None = None

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    def limit(self) -> float:
        return max(1.0, min(FORCE_SECONDS, self.left()))

    def baseline(self) -> _Baseline:
        """The plan explained, when its levels are those the planner recorded (the plan as made); else a
        fresh plan of the same round, since a reviewed plan's edits are no price of a wish. With the
        round's exact optimum of levels 0–2 (stage A) when the plan's status does not prove it."""
        ctx = self.ctx
        if ctx._baseline is not None:
            return ctx._baseline
        same = bool(ctx.recorded) and all(ctx.recorded.get(k) == v for k, v in ctx.levels.items())
        if same:
            final, levels, status = ctx.final, dict(ctx.levels), ctx.recorded_status or "feasible"
            tolerance = ctx.tolerance
        else:
            res = plan_round(ctx.rnd, solver=ctx.solver, time_limit=self.limit(), reserve=0.0)
            final, levels, status, tolerance = res.final, dict(res.levels), res.status, _tolerance(res)
        optimum, exact = {k: levels[k] for k in range(3)}, status == "optimal"
        if not exact:
            with plan_deadline(time.perf_counter() + self.limit()):
                stage = solve_stage_a(ctx.rnd, ctx.status, ctx.result.space, self.limit(), ctx.solver)
            if stage.final is not None:
                reached = level_values(ctx.rnd, ctx.status, stage.final)
                optimum, exact = {k: reached[k] for k in range(3)}, stage.outcome.status == "optimal"
        ctx._baseline = _Baseline(final, levels, optimum, exact, not same, tolerance, status)
        return ctx._baseline

    def baseline_json(self) -> dict[str, Any] | None:
        b = self.ctx._baseline
        if b is None:
            return None
        return {"levels": _named(b.levels), "optimum_0_2": _named(b.optimum), "fresh": b.fresh,
                "tolerance": None if b.tolerance is None else round(b.tolerance, 1), "status": b.status}  # fmt: skip

    def held(self) -> np.ndarray:
        if self._held is None:
            self._held = held_incumbents(self.ctx.rnd, self.ctx.status)
        return self._held

    def price(self, e: int, p: int, what: str, *, capped: bool = False) -> dict[str, Any]:
        """The price of forcing e into p, told as ``what``; ``capped``: e stays because their unit's
        turnover cap is reached, so that a forced plan that does no worse owes it to the Kunci, which
        the cap does not count."""
        ctx = self.ctx
        t0 = time.perf_counter()
        names = _target_names(ctx, p)
        kunci = ctx.rnd.kunci
        locked_in = int(((kunci["position"] == p) & (kunci["person"] != e)).sum())
        if self.held()[p] + locked_in >= int(ctx.rnd.positions.at[p, "formasi"]):
            return _price_dict("impossible", m.WHY_PRICE_FULL_HELD.format(**names), t0)
        if self.left() <= 1.0:
            return _price_dict("skipped", m.WHY_PRICE_SKIPPED.format(seconds=f"{self.budget:g}"), t0)
        base = self.baseline()
        self.solves += 1
        rnd = _with_kunci(ctx.rnd, e, p)
        status = person_status(rnd)
        with plan_deadline(time.perf_counter() + self.limit()):
            stage = solve_stage_a(rnd, status, candidate_space(rnd, status), self.limit(), ctx.solver)
        if stage.outcome.status == "infeasible":
            return _price_dict("impossible", m.WHY_PRICE_INFEASIBLE, t0)
        if stage.final is None or violations(rnd, status, stage.final):
            return _price_dict("no-plan", m.WHY_PRICE_NO_PLAN, t0)
        optimum = level_values(rnd, status, stage.final)
        exact = base.exact and stage.outcome.status == "optimal"
        if _key(optimum, 3) != _key(base.optimum, 3):  # levels 0–2 decide
            delta = {k: optimum[k] - base.optimum[k] for k in range(3)}
            text = _price_text(what, delta, exact=exact, upto=3) + " " + m.WHY_PRICE_LEVELS_0_2
            if not exact:
                text += " " + m.WHY_PRICE_APPROXIMATE
            out = _price_dict("priced", text, t0)
            out.update(levels=_named({k: optimum[k] for k in range(3)}), baseline=_named(base.optimum),
                       delta=_named(delta), decisive=_decisive(delta), exact=exact, levels_computed="0-2",
                       changed=None)  # fmt: skip
            return out
        found: list[tuple[dict[int, int], np.ndarray, bool]] = [(optimum, stage.final, False)]
        for local in _local_plans(base.final, e, p, rnd, status):
            found.append((level_values(rnd, status, local), local, False))
        best = max(found, key=lambda f: _key(f[0]))
        near = any(_key(f[0], 3) == _key(optimum, 3) for f in found[1:])
        whole = rnd.n_people <= FULL_RESOLVE_PEOPLE or not near
        if whole and self.left() > 1.0:
            res = plan_round(rnd, solver=ctx.solver, time_limit=self.limit(), reserve=0.0)
            if res.status != "infeasible" and not violations(rnd, status, res.final):
                proven = res.status == "optimal" and (_tolerance(res) or 0.0) < 1.0
                found.append((res.levels, res.final, proven))
                best = max(found, key=lambda f: (_key(f[0]), f[2]))  # a proven plan among equals
        levels, plan_found, proven = best
        approximate = not exact
        exact = exact and proven and base.tolerance is not None and base.tolerance < 1.0
        delta = {k: levels[k] - base.levels[k] for k in range(len(LEVELS))}
        changed = [int(x) for x in np.flatnonzero(plan_found != base.final) if x != e]
        text = _price_text(
            what, delta, exact=exact, upto=len(LEVELS), tolerance=None if capped else base.tolerance
        )
        if changed and len(changed) <= 2 and not proven:  # a local plan: the one other person it moves
            text += " " + m.WHY_PRICE_CHANGED.format(
                who="; ".join(
                    m.WHY_PRICE_CHANGE.format_map(_change(ctx, x, base.final, plan_found)) for x in changed
                )
            )
        if base.fresh:
            text += " " + m.WHY_PRICE_FRESH
        if approximate:
            text += " " + m.WHY_PRICE_APPROXIMATE
        out = _price_dict("priced", text, t0)
        out.update(levels=_named(levels), baseline=_named(base.levels), delta=_named(delta),
                   decisive=_decisive(delta), exact=exact, levels_computed="0-4",
                   changed=[_change(ctx, x, base.final, plan_found) for x in changed[:CANDIDATES_SHOWN]],
                   changed_count=len(changed))  # fmt: skip
        return out


def _local_plans(base: np.ndarray, e: int, p: int, rnd: Round, status: PersonStatus) -> list[np.ndarray]:
    """Forced plans next to ``base``: e moved into p, and where p is then too full, one of its holders
    (its newcomers first) moved into the place e leaves, or a newcomer sent back home; only the valid
    ones (:func:`mutasi_cli.solve.verify.violations` on the forced round)."""
    cur = rnd.people["pos"].to_numpy()
    c = int(base[e])  # the place e leaves in the base plan
    moved = base.copy()
    moved[e] = p
    tries = [moved]
    holders = [h for h in np.flatnonzero(base == p).tolist() if h != e]
    holders.sort(key=lambda h: cur[h] == p)
    for h in holders[:CANDIDATES_SHOWN]:
        for to in dict.fromkeys((c, int(cur[h]))):
            if to not in (p, UNPLACED):
                swap = moved.copy()
                swap[h] = to
                tries.append(swap)
    return [t for t in tries if not violations(rnd, status, t)]


def _change(ctx: ExplainedPlan, x: int, before: np.ndarray, after: np.ndarray) -> dict[str, Any]:
    def where(q: int) -> str:
        return m.WHY_UNPLACED_SHORT if q == UNPLACED else str(ctx.rnd.positions.at[q, "kode"])

    return {**_who(ctx, x), "from": where(int(before[x])), "to": where(int(after[x]))}


def _decisive(delta: dict[int, int]) -> str | None:
    """The first level the forced plan loses on (by the names of ``plan --json``), None if none."""
    for k in sorted(delta):
        if delta[k] and (delta[k] < 0) == MAXIMISED[k]:
            return LEVELS[k]
        if delta[k]:
            return None
    return None


def _price_dict(status: str, text: str, t0: float) -> dict[str, Any]:
    return {"status": status, "text": text, "seconds": round(time.perf_counter() - t0, 3)}


def _named(levels: dict[int, int]) -> dict[str, int]:
    return {LEVELS[k]: int(v) for k, v in sorted(levels.items())}


def _tolerance(res: PlanResult) -> float | None:
    """Level-3 points stage B may lie below the optimum (bound − value), None when unknown."""
    b = res.stage_b
    if b is None or b.objective is None or b.bound is None:
        return None
    return max(0.0, float(b.bound) - float(b.objective))


def _with_kunci(rnd: Round, e: int, p: int) -> Round:
    """A copy of the round with the move e → p fixed as a Kunci row. The round's caches (rule arrays, fit
    tables, Larangan keys) are shared: they are keyed to the very frames the copy keeps."""
    row = pd.DataFrame({"person": [e], "position": [p], "row": [FORCED_ROW]})
    kunci = pd.concat([rnd.kunci[rnd.kunci["person"] != e], row], ignore_index=True).astype("int64")
    forced = dataclasses.replace(rnd, kunci=kunci)
    fields = {f.name for f in dataclasses.fields(rnd)}
    forced.__dict__.update({k: v for k, v in rnd.__dict__.items() if k not in fields})
    return forced


def _price_text(
    what: str, delta: dict[int, int], *, exact: bool, upto: int, tolerance: float | None = None
) -> str:
    """The price in words: the first level that differs decides (lexicographic, as the plan is made);
    level 4 speaks only when level 3 ties; a gain in fit within the plan's tolerance is the plan's own
    gap, not a price."""
    for k in range(upto):
        d = delta[k]
        if not d:
            continue
        loss = -d if MAXIMISED[k] else d
        if loss > 0:
            worse = m.WHY_PRICE_WORSE[k] if exact or k < 3 else m.WHY_PRICE_WORSE_AT_MOST[k]
            return m.WHY_PRICE_LEAD.format(what=what, consequences=worse.format(n=abs(d)))
        if k == 3 and tolerance is not None and d <= tolerance:
            return m.WHY_PRICE_WITHIN.format(what=what, n=d, tol=f"{tolerance:.0f}")
        if k == 4:
            return m.WHY_PRICE_FEWER_MOVES.format(what=what, n=abs(d))
        return m.WHY_PRICE_GAIN.format(what=what, gains=m.WHY_PRICE_BETTER[k].format(n=abs(d)))
    return m.WHY_PRICE_TIE.format(what=what)


# --- a position ----------------------------------------------------------------------------------------


def explain_position(ctx: ExplainedPlan, p: int) -> dict[str, Any]:
    """Who holds position p after the round and why; who left it; for its empty places, who was
    eligible and what stopped each (the first few by fit), or that nobody qualifies and the route."""
    t0 = time.perf_counter()
    rnd, st = ctx.rnd, ctx.status
    cur = rnd.people["pos"].to_numpy()
    info = _position(rnd, p)
    occupancy = _occupancy(ctx)
    before = int((cur == p).sum())
    holders = []
    moves = ctx.moves_frame()
    for h in np.flatnonzero(ctx.final == p).tolist():
        item = _holder(ctx, h, p)
        if item["newcomer"]:
            c = int(cur[h])
            item["from"] = _target_names(ctx, c)
            item["reason"] = str(moves.loc[item["nip"], "Keterangan"])
        else:
            reasons = _stay_reasons(ctx, h)
            item["reason"] = "; ".join(r["text"] for r in reasons)
            item["sources"] = _sources([r["source"] for r in reasons])
        holders.append(item)
    holders.sort(key=lambda h: (h["newcomer"], h["nama"]))
    left = []
    for h in np.flatnonzero((cur == p) & (ctx.final != p)).tolist():
        to = int(ctx.final[h])
        item = {**_who(ctx, h), "to": None if to == UNPLACED else _target_names(ctx, to)}
        if to == UNPLACED:
            item["reason"] = m.STAY_TIDAK_TERTAMPUNG
        else:
            item["reason"] = str(moves.loc[item["nip"], "Keterangan"])
        left.append(item)
    empty = int(max(info["formasi"] - occupancy[p], 0)) if info["aktif"] else 0
    answer: dict[str, Any] = {
        "kind": "jabatan",
        "kode": info["kode"],
        "position": info,
        "plan": ctx.summary(),
        "outcome": {
            "before": before,
            "after": int(occupancy[p]),
            "formasi": info["formasi"],
            "empty": empty,
            "holders": holders,
            "left": left,
        },  # fmt: skip
        "vacancy": None,
        "candidates": [],
        "rules": [],
    }
    if not info["aktif"]:
        answer["outcome"]["text"] = m.WHY_POS_DIHAPUS.format(**info)
    else:
        answer["outcome"]["text"] = m.WHY_POS_HOLDERS.format(**info, after=int(occupancy[p]), before=before)
    if empty:
        answer.update(_vacancy(ctx, p, st))
    answer["seconds"] = round(time.perf_counter() - t0, 3)
    return answer


def _vacancy(ctx: ExplainedPlan, p: int, st: PersonStatus) -> dict[str, Any]:
    """The empty places of p: the workbook's Lowongan row (route, reason, source), the people eligible
    by the pair rules with what stopped each, or — nobody eligible — the pair rules that bar the people
    of its kind and level, and what the office can do."""
    rnd = ctx.rnd
    kode = str(rnd.positions.at[p, "kode"])
    frame = ctx.vacancies_frame()
    row = frame.loc[kode] if kode in frame.index else None
    cur = rnd.people["pos"].to_numpy()
    others = np.flatnonzero(cur != p)
    fails = pair_failures(rnd, others, np.full(len(others), p, dtype=np.int64), larangan=False)
    bad = np.zeros(len(others), dtype=bool)
    for arr in fails.values():
        bad |= arr
    eligible = others[~bad]
    vacancy: dict[str, Any] = {
        "route": str(row["Jalur Pengisian"]) if row is not None else m.VACANCY_ROUTE_ROTATION,
        "reason": str(row["Alasan"]) if row is not None else "",
        "sources": str(row["Dasar Hukum"]) if row is not None else "",
        "eligible": len(eligible),
    }
    out: dict[str, Any] = {"vacancy": vacancy, "candidates": [], "rules": []}
    route = explain.vacancy_route(rnd, p, len(eligible))
    if route is None and not len(eligible):
        route = (m.WHY_ROUTE_PELAKSANA[0], m.WHY_ROUTE_PELAKSANA[1], m.WHY_ROUTE_PELAKSANA[2])
    if route is not None:
        vacancy["action"] = {"route": route[0], "text": route[1], "source": route[2]}
    if len(eligible):
        points = scoring.fit(rnd, eligible, np.full(len(eligible), p, dtype=np.int64))
        order = np.lexsort((eligible, -points))[:CANDIDATES_SHOWN]
        out["candidates"] = [_stop(ctx, int(eligible[k]), p, int(points[k])) for k in order.tolist()]
        return out
    # nobody qualifies: the rules barring the people of p's kind and level (career rules all pass)
    career = [c for c in PAIR_RULES if RULES[c].number == "7"]
    same_kind = np.ones(len(others), dtype=bool)
    for c in career:
        same_kind &= ~fails[c]
    vacancy["same_kind"] = int(same_kind.sum())
    for code in PAIR_RULES:
        if code in career:
            continue
        n = int((fails[code] & same_kind).sum())
        if n:
            out["rules"].append({**_rule(rnd, code, False), "count": n})
    return out


def _stop(ctx: ExplainedPlan, e: int, p: int, points: int) -> dict[str, Any]:
    """What stopped person e, eligible by the pair rules, from taking an empty place of p (the workbook's
    Lowongan categories, :data:`mutasi_cli.outputs.explain._STOPS`, told of one person)."""
    rnd, st = ctx.rnd, ctx.status
    cur = int(rnd.people.at[e, "pos"])
    f = int(ctx.final[e])
    pos = rnd.positions
    prio = pos["prioritas"].to_numpy()
    item: dict[str, Any] = {**_who(ctx, e), "points": points, "from": _target_names(ctx, cur)}
    unit = str(pos.at[cur, "unit"])
    source = m.SOURCE_NEED
    held = [code for code in st.reasons(e) if not st.dihapus[e] or code in ALWAYS_HOLD]
    if larangan_mask(rnd, np.array([e]), np.array([p]))[0]:
        code, text, source = "larangan", m.WHY_STOP["larangan"], RULES["larangan"].source
        text = _rejected_text(rnd, e, p) or text
    elif f == UNPLACED:
        code, text, source = "unplaced", m.WHY_STOP["unplaced"], RULES["jabatan-dihapus"].source
    elif st.kunci_pos[e] != NO_LOCK and not st.approved_only(e):
        code, text, source = "kunci", m.WHY_STOP["kunci"], m.SOURCE_KUNCI
    elif held and not st.movable[e]:
        rule = RULES[held[0]]
        code, text, source = "held", m.WHY_STOP["held"].format(rule=rule.describe(rnd.rules)), rule.source
    elif f != cur:
        names = _target_names(ctx, f)
        key = "moved_p1" if prio[f] == 1 else "moved"
        code, text = key, m.WHY_STOP[key].format(**names, points=int(_fit_at(ctx, e, np.array([f]))[0]))
    elif unit in _units_at_cap(ctx):
        code, text = "cap", m.WHY_STOP["cap"].format(unit=unit)
        source = SETTING_LABELS["perputaran_persen"][1]
    elif _partners(ctx, e):
        code, text, source = "relasi", m.WHY_STOP["relasi"], SETTING_LABELS["relasi"][1]
    elif prio[cur] <= prio[p]:
        code = "own_p1" if prio[cur] == 1 else "own_needed"
        text = m.WHY_STOP[code].format(prioritas=int(prio[cur]))
    else:
        own = int(_fit_at(ctx, e, np.array([cur]))[0])
        code, text = "stay_fit", m.WHY_STOP["stay_fit"].format(own=own, here=points)
    item.update(stop=code, reason=text, source=source)
    return item


# --- the terminal's texts ------------------------------------------------------------------------------


@dataclass
class Section:
    """One block of the terminal answer: a title, lines of text, items (a heading and its paragraph: a
    wish and why not, too long for a table's cell) and an optional table. The texts hold data (names,
    units) and no markup; the CLI prints them literally."""

    title: str
    lines: list[str] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)


def sections(answer: dict[str, Any]) -> list[Section]:
    """The answer as the terminal shows it: the same facts as the JSON, in formal Bahasa Indonesia."""
    head = _plan_section(answer)
    body = _person_sections(answer) if answer["kind"] == "pegawai" else _position_sections(answer)
    return [head, *body]


def _plan_section(answer: dict[str, Any]) -> Section:
    plan = answer["plan"]
    if answer["kind"] == "pegawai":
        title = m.WHY_TITLE_PERSON.format(nip=answer["nip"], nama=answer["nama"])
    else:
        title = m.WHY_TITLE_POSITION.format(**answer["position"])
    lines = [m.WHY_PLAN_LINE.format(path=plan["path"], date=plan["effective_date"])]
    if not plan["valid"]:
        lines.append(m.WHY_PLAN_FAILS.format(errors=plan["errors"], path=plan["path"]))
    return Section(title, lines)


def _verdict(item: dict[str, Any]) -> str:
    return m.WHY_VERDICTS.get(item["verdict"], item["verdict"])


def _review_outcome(rnd: Round, e: int, f: int) -> dict[str, Any] | None:
    """For a re-plan after review: the person's row in the reviewed plan (decision, proposed position) and
    its outcome now (``mutasi_cli.review.replan``'s marks), with the sentence that says it; None otherwise."""
    review = rnd.review
    if review is None:
        return None
    cur = int(rnd.people.at[e, "pos"])
    moved = f not in (cur, UNPLACED)
    a = review.approved[review.approved["person"] == e]
    r = review.rejected[review.rejected["person"] == e]
    decision: str | None
    proposed: int | None
    mark: str | None
    if len(a):
        decision, proposed, mark = "disetujui", int(a["position"].iloc[0]), "tetap"
    elif len(r):
        decision, proposed = str(r["how"].iloc[0]), int(r["position"].iloc[0])
        mark = "berubah" if moved else "batal"
    else:
        decision, proposed, mark = None, None, "baru" if moved else None
    if mark is None:
        return None
    kode = None if proposed is None else str(rnd.positions.at[proposed, "kode"])
    return {
        "decision": decision,
        "proposed": kode,
        "mark": mark,
        "text": m.WHY_REVIEW[mark].format(kode=kode or "-", decision=m.WHY_REVIEW_DECISION.get(decision or "", "")),
    }


def _person_sections(a: dict[str, Any]) -> list[Section]:
    out = a["outcome"]
    result = Section(m.WHY_SECTION_OUTCOME, [out["text"], out["due_text"]])
    if out.get("review"):
        result.lines.append(out["review"]["text"])
    if out["result"] == "moved":
        result.lines.append(m.WHY_KETERANGAN.format(text=out["keterangan"]))
    else:
        result.columns = (m.WHY_COL_REASON, m.WHY_COL_SOURCE)
        result.rows = [(r["text"], r["source"]) for r in out["reasons"]]
    blocks = [result]
    if a["need"] is not None:
        blocks.append(Section(m.WHY_SECTION_NEED, list(a["need"]["text"])))
    rules = Section(
        m.WHY_SECTION_RULES if out["result"] == "moved" else m.WHY_SECTION_PERSON_RULES,
        columns=(m.WHY_COL_RULE, m.WHY_COL_RESULT, m.WHY_COL_FACT, m.WHY_COL_SOURCE),
    )
    career = [r for r in a["rules"] if r["number"] == "7"]
    for r in a["rules"]:
        if r["number"] == "7" and all(c["passed"] for c in career):  # rule 7 passed: one row
            if r is career[0]:
                source = RULES["jenis-jabatan"].source  # rule 7's own basis; the JSON has each rule's
                rules.rows.append((m.WHY_RULE_CAREER, m.WHY_PASSED, r["detail"] or "-", source))
            continue
        state = m.WHY_PASSED if r["passed"] else m.WHY_FAILED
        if r["note"]:
            state = f"{state} ({r['note']})"
        rules.rows.append((f"{r['number']}. {r['name']}", state, r["detail"] or "-", r["source"]))
    blocks.append(rules)
    fit = a["fit"]
    if fit["position"] is not None:
        moved = fit["total_before"] is not None
        columns = (m.WHY_COL_CRITERION, m.WHY_COL_WEIGHT, m.WHY_COL_POINTS_NEW if moved
                   else m.WHY_COL_POINTS)  # fmt: skip
        section = Section(m.WHY_SECTION_FIT.format(kode=fit["position"]),
                          columns=(*columns, m.WHY_COL_POINTS_OLD) if moved else columns)  # fmt: skip
        for c in fit["criteria"]:
            row = (c["label"], c["weight"], str(c["points"]))
            section.rows.append((*row, str(c["points_before"])) if moved else row)
        total = (m.WHY_FIT_TOTAL, "", str(fit["total"]))
        section.rows.append((*total, str(fit["total_before"])) if moved else total)
        blocks.append(section)
    choices = Section(m.WHY_SECTION_WISHES)
    for w in (*a["wishes"], *a["alternatives"]):
        label = m.WHY_WISH_LABEL.format(rank=w["rank"]) if w["rank"] else m.WHY_ALT_ROW
        where = f"{w['kode']} — {w['nama']}, {w['unit']}" if w.get("kode") else (w.get("unit") or w["wish"])
        choices.items.append((f"{label}: {where} — {_verdict(w)}", w["reason"]))
    if not a["wishes"]:
        choices.lines.append(m.WHY_NO_WISHES)
    blocks.append(choices)
    if a["forced_solves"]:
        blocks.append(
            Section("", [m.WHY_FOOT.format(count=a["forced_solves"], seconds=f"{a['seconds']:.1f}")])
        )
    return blocks


def _position_sections(a: dict[str, Any]) -> list[Section]:
    out = a["outcome"]
    blocks = [Section(m.WHY_SECTION_OUTCOME, [out["text"]])]
    if out["holders"]:
        held = Section(m.WHY_SECTION_HOLDERS,
                       columns=(m.WHY_COL_NIP, m.WHY_COL_NAME, m.WHY_COL_STATUS,
                                m.WHY_COL_FIT, m.WHY_COL_WHY))  # fmt: skip
        for h in out["holders"]:
            how = m.WHY_CAME_FROM.format(**h["from"]) if h["newcomer"] else m.WHY_STAYED
            held.rows.append((h["nip"], h["nama"], how, str(h["points"]), h["reason"]))
        blocks.append(held)
    if out["left"]:
        gone = Section(
            m.WHY_SECTION_LEFT, columns=(m.WHY_COL_NIP, m.WHY_COL_NAME, m.WHY_COL_TO, m.WHY_COL_WHY)
        )
        for h in out["left"]:
            to = f"{h['to']['kode']} — {h['to']['nama']}, {h['to']['unit']}" if h["to"] else "-"
            gone.rows.append((h["nip"], h["nama"], to, h["reason"]))
        blocks.append(gone)
    v = a["vacancy"]
    if v is not None:
        lines = [m.WHY_POS_EMPTY.format(empty=out["empty"], route=v["route"])]
        if v["reason"]:
            lines.append(m.WHY_POS_REASON.format(reason=v["reason"], sources=v["sources"] or "-"))
        if "action" in v and v["action"]["text"] not in v["reason"]:  # Lowongan may have told it already
            lines.append(m.WHY_POS_ACTION.format(**v["action"]))
        section = Section(m.WHY_SECTION_VACANCY, lines)
        if a["candidates"]:
            section.lines.append(m.WHY_POS_CANDIDATES.format(count=v["eligible"], shown=len(a["candidates"])))
            section.columns = (m.WHY_COL_NIP, m.WHY_COL_NAME, m.WHY_COL_FIT, m.WHY_COL_STOP,
                               m.WHY_COL_SOURCE)  # fmt: skip
            section.rows = [
                (c["nip"], c["nama"], str(c["points"]), c["reason"], c["source"]) for c in a["candidates"]
            ]
        elif a["rules"]:
            section.lines.append(m.WHY_POS_NOBODY.format(count=v.get("same_kind", 0)))
            section.columns = (m.WHY_COL_RULE, m.WHY_COL_COUNT, m.WHY_COL_SOURCE)
            section.rows = [(r["text"], str(r["count"]), r["source"]) for r in a["rules"]]
        blocks.append(section)
    return blocks


__all__ = [
    "CANDIDATES_SHOWN",
    "EXPLAIN_SECONDS",
    "FORCED_EXTRA",
    "FORCE_SECONDS",
    "ExplainedPlan",
    "Section",
    "UnknownSubject",
    "explain_person",
    "explain_position",
    "explain_subject",
    "find_subject",
    "load_plan",
    "sections",
]
