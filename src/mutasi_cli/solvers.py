"""Running a solver on a PuLP problem, with a wall-clock limit we enforce ourselves.

Two traps measured on this project (issue #2): when CBC reaches its time limit before it has an
integer solution PuLP reports "Infeasible" and loads fractional LP values; and CBC does not honour its
time limit during the root LP. So we run CBC ourselves (PuLP writes the MPS file and reads the
solution), interrupt it at the deadline, and read ``sol_status`` rather than ``status``; the caller
re-checks any solution against every rule before using it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np
import pulp

SOLVERS = ("cbc", "highs")
#: HiGHS' ``simplex_strategy`` values
SIMPLEX_DUAL, SIMPLEX_PRIMAL = 1, 4
#: CBC's options for the same search on any run and any load (issue: a 17,625-person round took
#: another path on a busy machine). ``-timeMode elapsed`` made CBC's own budgets (heuristics, cut passes)
#: follow the wall clock; CPU time does not grow with a neighbour's load. The wall-clock limit is ours
#: (the deadline in :func:`_solve_cbc`). Seeds fixed explicitly (CBC's 0 means "time of day"), one thread.
CBC_DETERMINISM = ("-timeMode", "cpu", "-randomSeed", "1234567", "-randomCbcSeed", "1", "-threads", "0")
#: seconds CBC gets, after an interrupt at the deadline, to write its best solution
INTERRUPT_GRACE = 10.0


def run_highs(h: highspy.Highs, seconds: float) -> None:
    """``h.run()`` for at most ``seconds`` from now. HiGHS (before 2.0) compares ``time_limit`` with the
    run time summed over every ``run()`` of the object (HiGHS issues #1331, #1477), so passing "the time
    left" to a model solved many times cuts a later solve short: at 50,000 people column generation's
    15th round was given the 210 s left of its budget when HiGHS had run for most of the 205 s since
    column generation began."""
    h.setOptionValue("time_limit", h.getRunTime() + max(0.5, float(seconds)))
    h.run()


@dataclass
class SolveOutcome:
    #: "optimal", "feasible" (a solution, optimality not proven), "infeasible", "no-solution" (limit hit)
    status: str
    objective: float | None
    bound: float | None
    seconds: float

    @property
    def has_solution(self) -> bool:
        return self.status in ("optimal", "feasible")


def solver_version(name: str) -> str:
    if name == "highs":
        from importlib.metadata import version

        return f"HiGHS (highspy {version('highspy')})"
    try:
        out = subprocess.run(
            [pulp.PULP_CBC_CMD().path], input="quit\n", capture_output=True, text=True, timeout=10
        ).stdout
        m = re.search(r"Version:\s*(\S+)", out)
        return f"CBC {m.group(1)}" if m else "CBC"
    except (OSError, subprocess.SubprocessError):
        return "CBC"


def solve(
    prob: pulp.LpProblem,
    solver: str,
    time_limit: float,
    *,
    abs_gap: float = 0.0,
    rel_gap: float = 0.0,
    warm_start: bool = False,
) -> SolveOutcome:
    """Solve with CBC or HiGHS. ``prob.objective_offset`` (a constant left out of the objective, e.g.
    by :func:`highs_to_pulp`) is added to the value and the bound reported."""
    offset = float(getattr(prob, "objective_offset", 0.0))
    if not prob.variables():  # every column fixed (and every row holds, else a marker variable exists)
        return SolveOutcome("optimal", offset, offset, 0.0)
    if solver == "highs":
        out = _solve_highs(prob, time_limit, abs_gap, rel_gap)
    else:
        out = _solve_cbc(prob, time_limit, abs_gap, rel_gap, warm_start)
    if out.status in ("optimal", "feasible") and out.objective is None:
        out.objective = 0.0  # an objective with no terms left: PuLP's value is None
        out.bound = 0.0 if out.status == "optimal" else out.bound
    if offset:
        out.objective = None if out.objective is None else out.objective + offset
        out.bound = None if out.bound is None else out.bound + offset
    return out


class _Fixed:
    """A column whose bounds fix its value: left out of the PuLP model, read back as is."""

    def __init__(self, value: float) -> None:
        self.varValue = value


def highs_to_pulp(h: highspy.Highs, integer: set[int], start: np.ndarray | None = None):
    """A HiGHS model as a PuLP problem (maximising −cost), so that CBC can solve it. Columns whose
    bounds fix them (the moves closed by narrowing, the LP's ones in fix-and-solve) are substituted into
    the rows rather than written out: PuLP's cost is per column (measured: hundreds of thousands of
    columns took CBC's whole time limit to write and read, where HiGHS solved the same MIP in 2 s)."""
    lp = h.getLp()
    n = lp.num_col_
    prob = pulp.LpProblem("mutasi", pulp.LpMaximize)
    lo, hi = np.asarray(lp.col_lower_), np.asarray(lp.col_upper_)
    fixed = lo == hi
    cols: list = [
        _Fixed(float(lo[j]))
        if fixed[j]
        else prob.add_variable(
            f"c{j}",
            None if lo[j] <= -highspy.kHighsInf else float(lo[j]),
            None if hi[j] >= highspy.kHighsInf else float(hi[j]),
            cat=pulp.LpInteger if j in integer else pulp.LpContinuous,
        )
        for j in range(n)
    ]
    a = lp.a_matrix_
    start_ = np.asarray(a.start_)
    index, value = np.asarray(a.index_), np.asarray(a.value_)
    terms: list[list] = [[] for _ in range(lp.num_row_)]
    shift = np.zeros(lp.num_row_)  # the fixed columns' share of each row
    if a.format_ == highspy.MatrixFormat.kRowwise:
        for i in range(lp.num_row_):
            for k in range(start_[i], start_[i + 1]):
                j = index[k]
                if fixed[j]:
                    shift[i] += value[k] * lo[j]
                else:
                    terms[i].append((cols[j], float(value[k])))
    else:
        for j in range(n):
            if fixed[j]:
                if lo[j] != 0:
                    rows = index[start_[j] : start_[j + 1]]
                    np.add.at(shift, rows, value[start_[j] : start_[j + 1]] * lo[j])
                continue
            for k in range(start_[j], start_[j + 1]):
                terms[index[k]].append((cols[j], float(value[k])))
    rlo, rhi = np.asarray(lp.row_lower_) - shift, np.asarray(lp.row_upper_) - shift
    for i in range(lp.num_row_):
        if not terms[i]:
            if rlo[i] > 1e-9 or rhi[i] < -1e-9:  # the fixed columns alone break the row
                never = prob.add_variable(f"infeasible_r{i}", 0, 0)
                prob += (pulp.LpAffineExpression([(never, 1.0)]) >= 1, f"r{i}")
            continue
        expr = pulp.LpAffineExpression(terms[i])
        if rlo[i] == rhi[i]:
            prob += (expr == float(rlo[i]), f"r{i}")
            continue
        if rlo[i] > -highspy.kHighsInf / 2:
            prob += (expr >= float(rlo[i]), f"r{i}_lo")
        if rhi[i] < highspy.kHighsInf / 2:
            prob += (expr <= float(rhi[i]), f"r{i}_hi")
    cost = np.asarray(lp.col_cost_)
    prob.setObjective(
        pulp.LpAffineExpression([(cols[j], -float(cost[j])) for j in np.flatnonzero(cost) if not fixed[j]])
    )
    prob.objective_offset = -float(cost[fixed] @ lo[fixed])  # added back by solve
    if start is not None:
        for j in integer:
            if not fixed[j]:
                cols[j].setInitialValue(round(start[j]))
    return prob, cols


@dataclass
class HighsMip:
    """A MIP solved from a HiGHS model, in HiGHS' (minimising) sense."""

    status: str
    objective: float | None
    values: np.ndarray | None  # every column's value, when there is a solution
    bound: float | None


def solve_highs_mip(
    h: highspy.Highs,
    integer: np.ndarray,
    solver: str,
    seconds: float,
    *,
    abs_gap: float,
    rel_gap: float,
    start: np.ndarray | None = None,
) -> HighsMip:
    """The MIP held in ``h`` (the columns ``integer`` already integer), by HiGHS itself or by CBC through
    PuLP (:func:`highs_to_pulp`; building the PuLP model counts against ``seconds``). ``start``: every
    column's value in a plan to start from."""
    if solver == "cbc":
        t0 = time.perf_counter()
        prob, cols = highs_to_pulp(h, set(np.asarray(integer).tolist()), start)
        left = seconds - (time.perf_counter() - t0)
        if left < 1.0:
            return HighsMip("no-solution", None, None, None)
        out = solve(prob, "cbc", left, abs_gap=abs_gap, rel_gap=rel_gap, warm_start=start is not None)
        bound = None if out.bound is None else -out.bound
        if not out.has_solution:
            return HighsMip(out.status, None, None, bound)
        values = np.array([v.varValue or 0.0 for v in cols])
        return HighsMip(out.status, -float(out.objective or 0.0), values, bound)
    if start is not None:
        sol = highspy.HighsSolution()
        sol.col_value = np.asarray(start, dtype=float).tolist()
        sol.value_valid = True
        h.setSolution(sol)
    h.setOptionValue("mip_abs_gap", abs_gap)
    h.setOptionValue("mip_rel_gap", rel_gap)
    run_highs(h, seconds)
    info = h.getInfo()
    ok = info.primal_solution_status == 2  # kSolutionStatusFeasible
    ms = h.getModelStatus()
    status = (
        "optimal" if ms == highspy.HighsModelStatus.kOptimal and ok
        else "infeasible" if ms == highspy.HighsModelStatus.kInfeasible
        else "feasible" if ok else "no-solution"
    )  # fmt: skip
    bound = float(info.mip_dual_bound) if np.isfinite(info.mip_dual_bound) else None
    if not ok:
        return HighsMip(status, None, None, bound)
    return HighsMip(
        status, float(info.objective_function_value), np.asarray(h.getSolution().col_value), bound
    )


def _sol_status(prob: pulp.LpProblem) -> str:
    if prob.sol_status == pulp.LpSolutionOptimal:
        return "optimal"
    if prob.sol_status == pulp.LpSolutionIntegerFeasible:
        return "feasible"
    if prob.sol_status in (pulp.LpSolutionInfeasible,):
        return "infeasible"
    return "no-solution"


def _solve_cbc(prob, time_limit, abs_gap, rel_gap, warm_start) -> SolveOutcome:
    t0 = time.perf_counter()
    cmd = pulp.PULP_CBC_CMD(msg=False, warmStart=warm_start)
    with tempfile.TemporaryDirectory(prefix="mutasi-cbc-") as tmp:
        mps, sol, mst, logf = (Path(tmp) / n for n in ("model.mps", "model.sol", "start.mst", "cbc.log"))
        vs, var_names, con_names, _ = prob.writeMPS(str(mps), rename=1)
        args = [cmd.path, str(mps)]
        if prob.sense == pulp.LpMaximize:
            args.append("-max")
        if warm_start:
            cmd.writesol(str(mst), prob, vs, var_names, con_names)
            args += ["-mips", str(mst)]
        limit = max(1.0, time_limit - (time.perf_counter() - t0))
        args += ["-sec", f"{limit:.1f}", "-allow", f"{abs_gap}", "-ratio", f"{rel_gap}"]
        args += [*CBC_DETERMINISM, "-printingOptions", "all", "-solve", "-solution", str(sol)]
        with logf.open("w") as log:
            proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            try:
                proc.wait(timeout=limit + 2.0)
            except subprocess.TimeoutExpired:
                # CBC ignores -sec during the root LP: interrupt it like Ctrl-C, then kill.
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(timeout=INTERRUPT_GRACE)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        text = logf.read_text(errors="replace")
        if not sol.exists() or os.path.getsize(sol) == 0:
            status = "infeasible" if "infeasible" in text.lower() and "Result - " in text else "no-solution"
            return SolveOutcome(status, None, None, time.perf_counter() - t0)
        status_code, values, _, _, _, sol_status = cmd.readsol_MPS(str(sol), prob, vs, var_names, con_names)
        prob.assignVarsVals(values)
        prob.assignStatus(status_code, sol_status)
    status = _sol_status(prob)
    if status == "infeasible" and "Result - Stopped" in text:
        status = "no-solution"  # PuLP's "Infeasible" after a time limit: no integer solution yet
    if "Result - Optimal solution found" in text and status == "feasible":
        status = "optimal"
    objective = pulp.value(prob.objective) if status in ("optimal", "feasible") else None
    bound = _cbc_bound(text, prob.sense)
    if status == "optimal" and objective is not None:
        bound = objective if bound is None else bound
    return SolveOutcome(status, objective, bound, time.perf_counter() - t0)


def _cbc_bound(log: str, sense: int) -> float | None:
    """Best bound from CBC's log (CBC minimises internally; with -max the sign is flipped back)."""
    m = re.findall(r"Lower bound:\s*(-?[\d.eE+-]+)", log)
    if not m:
        return None
    value = float(m[-1])
    return -value if sense == pulp.LpMaximize and value != 0 and "-max" not in log else value


@contextlib.contextmanager
def _quiet_stdout():
    """Silence file descriptor 1 (C++ code writes there directly) so ``--json`` stays clean."""
    import sys

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def _solve_highs(prob, time_limit, abs_gap, rel_gap) -> SolveOutcome:
    t0 = time.perf_counter()
    solver = pulp.HiGHS(msg=False, timeLimit=max(1.0, time_limit), gapAbs=abs_gap, gapRel=rel_gap, threads=1)
    with _quiet_stdout():  # HiGHS prints a banner on creation, before PuLP can silence it
        prob.solve(solver)
    info = prob.solverModel.getInfo()
    status = _sol_status(prob)
    objective = pulp.value(prob.objective) if status in ("optimal", "feasible") else None
    bound = getattr(info, "mip_dual_bound", None)
    if bound is not None and (abs(bound) == float("inf") or bound != bound):
        bound = None
    if bound is not None and prob.sense == pulp.LpMaximize:
        bound = -bound  # PuLP hands HiGHS the negated objective
    if status == "optimal" and objective is not None and bound is None:
        bound = objective
    return SolveOutcome(status, objective, bound, time.perf_counter() - t0)


def set_integrality(h: highspy.Highs, cols, on: bool) -> None:
    """Make HiGHS columns ``cols`` integer (``on``) or continuous (the LP relaxation)."""
    cols = np.asarray(cols, dtype=np.int32)
    kind = highspy.HighsVarType.kInteger if on else highspy.HighsVarType.kContinuous
    h.changeColsIntegrality(len(cols), cols, np.array([kind] * len(cols)))
