"""Re-planning after review (``plan --review``): the approved moves kept, the rejected never made, levels
0–2 and then the fewest changes to the reviewed plan exact — against the brute force of
``test_optimality`` (rules written again from CONTRACT.md) on random small rounds, with both routes — and
the command end to end on the sample round, through real workbooks."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from test_optimality import SEEDS, UNPLACED, Spec, brute_force, case_and_optimum, infeasibility, levels_of

from mutasi_cli.inputs.data import Review
from mutasi_cli.review.replan import apply_review
from mutasi_cli.rules.eligibility import person_status
from mutasi_cli.solve.planner import plan
from mutasi_cli.solve.verify import violations

PLAN_SHEET = "Daftar Mutasi"


def _reviewed(spec: Spec, approved: dict[int, int], rejected: dict[int, int]) -> Spec:
    """The brute force's round after review: an approved person's only option is their approved move
    (it still counts in the turnover cap), a rejected move is no option."""
    options = [list(o) for o in spec.options]
    for e, p in approved.items():
        options[e] = [p]
    for e, p in rejected.items():
        options[e] = [q for q in options[e] if q != p]
    return dataclasses.replace(spec, options=options)


def _changes(spec: Spec, approved: dict[int, int], final: list[int]) -> int:
    """People whose outcome differs from the reviewed plan's (approved moves made, everyone else in
    place, the incumbents of Dihapus positions whom no approved row moves tidak tertampung)."""
    ref = [approved.get(e, UNPLACED if not spec.aktif[c] else c) for e, c in enumerate(spec.cur)]
    return sum(1 for a, b in zip(ref, final, strict=True) if a != b)


def _review(approved: dict[int, int], rejected: dict[int, int]) -> Review:
    a = pd.DataFrame(
        [(e, p, 2 + i) for i, (e, p) in enumerate(sorted(approved.items()))], columns=["person", "position", "row"]
    ).astype("int64")
    r = pd.DataFrame(
        [(e, p, 100 + i, PLAN_SHEET, "tidak") for i, (e, p) in enumerate(sorted(rejected.items()))],
        columns=["person", "position", "row", "sheet", "how"],
    ).astype({"person": "int64", "position": "int64", "row": "int64"})
    return Review("tinjauan.xlsx", a, r)


def _split(seed: int, moves: dict[int, int], locked: set[int]) -> tuple[dict[int, int], dict[int, int]]:
    """About a third of the moves rejected, at least one; never a Kunci move (the check refuses that)."""
    rng = random.Random(seed)
    free = sorted(e for e in moves if e not in locked)
    rejected = {e: moves[e] for e in free if rng.random() < 0.35}
    if free and not rejected:
        e = rng.choice(free)
        rejected = {e: moves[e]}
    return {e: p for e, p in moves.items() if e not in rejected}, rejected


REVIEW_SEEDS = [s for s in SEEDS if s % 3 == 0]


#: the direct route (a PuLP model of every move, 0.6 s a round) on half the rounds: the suite's time
ROUTE_CASES = [(s, "pricing") for s in REVIEW_SEEDS] + [(s, "direct") for s in REVIEW_SEEDS[::2]]


@pytest.mark.parametrize(("seed", "route"), ROUTE_CASES)
def test_replan_matches_the_brute_force(seed: int, route: str) -> None:
    case, spec, best = case_and_optimum(seed)
    if best.levels is None:
        pytest.skip("no feasible first plan")
    rnd = case.round()
    first = plan(rnd, solver="highs", time_limit=30, route=route)
    cur = rnd.people["pos"].to_numpy()
    moves = {int(e): int(first.final[e]) for e in range(rnd.n_people) if first.final[e] not in (cur[e], UNPLACED)}
    if not moves:
        pytest.skip("the first plan moves nobody")
    locked = set(rnd.kunci["person"].tolist())
    approved, rejected = _split(seed, moves, locked)
    if not rejected:
        pytest.skip("only Kunci moves to review")
    again = _reviewed(spec, approved, rejected)
    optimum = brute_force(again)
    rnd2 = apply_review(rnd, _review(approved, rejected))
    res = plan(rnd2, solver="highs", time_limit=30, route=route)
    if optimum.levels is None:
        assert res.status == "infeasible"
        return
    final = [int(p) for p in res.final]
    assert violations(rnd2, person_status(rnd2), res.final) == []
    assert infeasibility(again, final) is None, infeasibility(again, final)
    assert all(final[e] == p for e, p in approved.items()), "an approved move was not kept"
    assert all(final[e] != p for e, p in rejected.items()), "a rejected move was made"
    assert levels_of(again, final) == optimum.levels
    fewest = min(_changes(spec, approved, plan_) for plan_ in optimum.plans)
    assert _changes(spec, approved, final) == fewest, "not the fewest changes to the reviewed plan"
    assert res.status == "optimal"


def _reviewed_from_brute_force(seed: int):
    """A reviewed plan drawn from the brute force's optimal plans (not the planner's: other plans give
    other repairs), about a third of its moves rejected."""
    case, spec, best = case_and_optimum(seed)
    if best.levels is None:
        return None
    rng = random.Random(seed)
    reviewed = rng.choice(best.plans)
    moves = {e: p for e, p in enumerate(reviewed) if p not in (spec.cur[e], UNPLACED)}
    rnd = case.round()
    approved, rejected = _split(seed, moves, set(rnd.kunci["person"].tolist()))
    if not rejected:
        return None
    again = _reviewed(spec, approved, rejected)
    return rnd, spec, approved, rejected, again, brute_force(again)


@pytest.mark.parametrize("seed", SEEDS)
def test_replan_of_any_optimal_plan_matches_the_brute_force(seed: int) -> None:
    drawn = _reviewed_from_brute_force(seed)
    if drawn is None or drawn[5].levels is None:
        pytest.skip("no move to reject, or no feasible re-plan")
    rnd, spec, approved, rejected, again, optimum = drawn
    res = plan(apply_review(rnd, _review(approved, rejected)), solver="highs", time_limit=30)
    final = [int(p) for p in res.final]
    assert infeasibility(again, final) is None, infeasibility(again, final)
    assert levels_of(again, final) == optimum.levels
    fewest = min(_changes(spec, approved, plan_) for plan_ in optimum.plans)
    assert _changes(spec, approved, final) == fewest
    assert res.status == "optimal"


def test_random_reviews_exercise_the_fewest_changes() -> None:
    """The rounds above are worth something: in several of them the optimal plans of levels 0–2 differ
    in how many changes they make, so that a planner without that level would fail them."""
    telling = 0
    for seed in SEEDS:
        drawn = _reviewed_from_brute_force(seed)
        if drawn is not None and drawn[5].levels is not None:
            _rnd, spec, approved, _rejected, _again, optimum = drawn
            telling += len({_changes(spec, approved, p) for p in optimum.plans}) > 1
    assert telling >= 3


def test_brute_force_counts_changes() -> None:
    """The self-check of the test's own measure: a plan equal to the reviewed one has no change."""
    case, spec, best = case_and_optimum(REVIEW_SEEDS[1])
    assert best.levels is not None
    plan_ = best.plans[0]
    approved = {e: p for e, p in enumerate(plan_) if p not in (spec.cur[e], UNPLACED)}
    assert _changes(spec, approved, plan_) == 0
    if approved:
        e = next(iter(approved))
        moved_back = list(plan_)
        moved_back[e] = spec.cur[e]
        assert _changes(spec, approved, moved_back) == 1


# --- the command, end to end ------------------------------------------------------------------------------
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
DATE = "2027-01-04"


def _mutasi(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mutasi_cli", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def _moves(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path, read_only=True)[PLAN_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    at = {h: j for j, h in enumerate(rows[0])}
    return {str(r[at["NIP"]]): str(r[at["Kode Jabatan Baru"]]) for r in rows[1:] if r[at["NIP"]]}


def _mark(src: Path, dst: Path, *, reject: int, delete: int) -> tuple[set[str], set[str]]:
    """Copy the plan with a Setuju column: the first ``reject`` rows Tidak, the next ``delete`` deleted."""
    wb = openpyxl.load_workbook(src)
    ws = wb[PLAN_SHEET]
    header = [c.value for c in ws[1]]
    nip_col = header.index("NIP") + 1
    col = len(header) + 1
    ws.cell(1, col, "Setuju")
    rejected = {str(ws.cell(r, nip_col).value) for r in range(2, 2 + reject)}
    deleted = {str(ws.cell(r, nip_col).value) for r in range(2 + reject, 2 + reject + delete)}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col, "Tidak" if r < 2 + reject else "Ya")
    if delete:
        ws.delete_rows(2 + reject, delete)
    wb.save(dst)
    return rejected, deleted


@pytest.fixture(scope="module")
def first_plan(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("review")
    out = d / "rencana.xlsx"
    done = _mutasi("plan", SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", "-o", out, "--effective-date", DATE)
    assert done.returncode == 0, done.stderr
    return out


def test_unchanged_review_gives_the_same_plan(first_plan: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / "ditinjau.xlsx"
    shutil.copy(first_plan, reviewed)
    out = tmp_path / "ulang.xlsx"
    done = _mutasi(
        "plan", SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", "-o", out, "--review", reviewed, "--json"
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["review"]["changes"] == 0
    assert report["review"]["baru"] == report["review"]["berubah"] == 0
    assert _moves(out) == _moves(first_plan)


def test_replan_keeps_approved_and_drops_rejected(first_plan: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / "ditinjau.xlsx"
    rejected, deleted = _mark(first_plan, reviewed, reject=8, delete=4)
    before = _moves(first_plan)
    out = tmp_path / "ulang.xlsx"
    digest = reviewed.read_bytes()
    done = _mutasi(
        "plan", SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", "-o", out, "--review", reviewed, "--json"
    )
    assert done.returncode == 0, done.stderr
    assert reviewed.read_bytes() == digest, "the reviewed workbook was modified"
    report = json.loads(done.stdout)
    after = _moves(out)
    for nip, kode in before.items():
        if nip in rejected | deleted:
            assert after.get(nip) != kode, f"rejected move of {nip} made again"
        else:
            assert after.get(nip) == kode, f"approved move of {nip} not kept"
    counts = report["review"]
    assert counts["tetap"] == len(before) - len(rejected | deleted)
    assert counts["rejected"] == len(rejected | deleted)
    assert counts["tetap"] + counts["baru"] + counts["berubah"] == report["moves"]
    book = openpyxl.load_workbook(out, read_only=True)
    assert "Hasil Tinjauan" in book.sheetnames
    header = next(book[PLAN_SHEET].iter_rows(max_row=1, values_only=True))
    assert "Hasil Tinjauan" in header
    check = _mutasi("check", out, "--json")
    assert json.loads(check.stdout)["valid"], check.stdout
    # explain applies the reviewed plan again and tells the person what became of their row
    nip = sorted(rejected)[0]
    told = _mutasi("explain", out, nip, "--json")
    assert told.returncode == 0, told.stderr
    review = json.loads(told.stdout)["outcome"]["review"]
    assert review["decision"] == "tidak" and review["proposed"] == before[nip]
    assert review["mark"] in ("berubah", "batal")


def test_review_may_not_be_the_output(first_plan: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / "ditinjau.xlsx"
    shutil.copy(first_plan, reviewed)
    digest = reviewed.read_bytes()
    done = _mutasi(
        "plan", SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", "-o", reviewed, "--review", reviewed
    )
    assert done.returncode == 2
    assert reviewed.read_bytes() == digest


def test_review_of_another_date_is_refused(first_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "ulang.xlsx"
    done = _mutasi(
        "plan", SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", "-o", out, "--review", first_plan,
        "--effective-date", "2027-02-01",
    )  # fmt: skip
    assert done.returncode == 1
    assert "2027-01-04" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
