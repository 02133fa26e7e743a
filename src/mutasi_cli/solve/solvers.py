"""Running a solver on a PuLP problem, with a wall-clock limit we enforce ourselves.

Two traps measured on this project (issue #2): when CBC reaches its time limit before it has an
integer solution PuLP reports "Infeasible" and loads fractional LP values; and CBC does not honour its
time limit during the root LP. So we run CBC ourselves (PuLP writes the MPS file and reads the
solution), interrupt it before the deadline and kill it at the deadline, and read ``sol_status`` rather
than ``status``; the caller re-checks any solution against every rule before using it.

Every solve returns within its ``time_limit``, writing the model for the solver and reading its solution
back included (issue #14: the direct route overran ``--time-limit 5`` by 124 s): PuLP's writing of a
5,000-person direct model takes 11 s, so a solve that cannot write its model in the time left does not
start. CBC runs through :mod:`mutasi_cli.support.runtime` (its own session, the parent-death signal, ended on
any interrupt), in this run's private temporary folder, and so does HiGHS on a PuLP problem (the direct
route: its presolve does not look at the clock, so only a child can be stopped at the deadline). HiGHS
on a model held in memory (the pricing route) runs in the solver thread, so that a signal is handled at
once and ends the solve through HiGHS' interrupt callback; that callback also stops a solve that
overruns its time limit, and no solve of a plan runs past the plan's deadline
(:func:`mutasi_cli.support.runtime.plan_deadline`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import highspy
import numpy as np
import pulp

from mutasi_cli.support import runtime

SOLVERS = ("cbc", "highs")
#: HiGHS' ``simplex_strategy`` values
SIMPLEX_DUAL, SIMPLEX_PRIMAL = 1, 4
#: CBC's options for the same search on any run and any load (issue: a 17,625-person round took
#: another path on a busy machine). ``-timeMode elapsed`` made CBC's own budgets (heuristics, cut passes)
#: follow the wall clock; CPU time does not grow with a neighbour's load. The wall-clock limit is ours
#: (the deadline in :func:`_solve_cbc`). Seeds fixed explicitly (CBC's 0 means "time of day"), one thread.
CBC_DETERMINISM = ("-timeMode", "cpu", "-randomSeed", "1234567", "-randomCbcSeed", "1", "-threads", "0")
#: seconds before the end of its time at which CBC is interrupted (SIGINT) to write the best solution it
#: has; at the end it is killed. CBC answers SIGINT only once it branches: in presolve and the root LP
#: (44 s at 5,000 people on the direct route) it went on for 90 s after the interrupt (measured), so the
#: end of the time must be a kill, not a longer grace.
INTERRUPT_LEAD = 2.0
#: the shortest solver run worth starting (seconds): a small model solves in a fraction of a second
MIN_SOLVE_SECONDS = 0.25
#: reading a solution back into PuLP, as a share of the time writing the model for the solver took
#: (both are PuLP loops over every column; measured at 5,000 people on the direct route: 3.2 s to read
#: CBC's solution, 18.3 s to write the MPS file)
READ_SHARE = 0.3
#: seconds past its time limit after which a HiGHS solve is interrupted from outside
HIGHS_WATCHDOG_GRACE = 0.5
#: building the PuLP model of a HiGHS model (:func:`highs_to_pulp`), seconds per column left free, on the
#: low side; writing its MPS file for CBC takes about as long again (measured at 20,000 people, stage A's
#: MIP over every column: 306,781 columns, 2.0 s to build, 2.0 s to write, 6.8 µs per column)
PULP_SECONDS_PER_COLUMN = 5e-6
#: the attribute of a PuLP problem holding the seconds its last export to a solver took
_EXPORT_SECONDS = "mutasi_export_seconds"


def run_highs(h: highspy.Highs, seconds: float) -> None:
    """``h.run()`` for at most ``seconds`` from now. HiGHS (before 2.0) compares ``time_limit`` with the
    run time summed over every ``run()`` of the object (HiGHS issues #1331, #1477), so passing "the time
    left" to a model solved many times cuts a later solve short: at 50,000 people column generation's
    15th round was given the 210 s left of its budget when HiGHS had run for most of the 205 s since
    column generation began."""
    seconds = runtime.clamp(max(0.5, float(seconds)))
    h.setOptionValue("time_limit", h.getRunTime() + max(0.0, seconds))
    run_interruptible(h, time.perf_counter() + seconds, stopped=seconds <= 0)


def run_interruptible(h: highspy.Highs, deadline: float | None = None, *, stopped: bool = False) -> None:
    """``h.run()`` in the solver thread (:func:`mutasi_cli.support.runtime.call_in_worker`), the main thread
    waiting: a signal during a solve is then handled at once instead of when the solve ends, and stops
    HiGHS at its next interrupt check (simplex, IPM and MIP callbacks), so that the ``finally`` blocks on
    the way out may touch the model again. At ``deadline`` (+ :data:`HIGHS_WATCHDOG_GRACE`) the same
    interrupt stops a HiGHS that overruns its own ``time_limit``. ``stopped``: the plan's deadline has
    passed; the run is interrupted at HiGHS' first check (a run is still made, so that the model's
    status is this run's, not the last one's)."""
    stop = threading.Event()
    if stopped:
        stop.set()

    def check(event: Any) -> None:
        # set both ways: HiGHS keeps the flag between runs, and a run interrupted once would otherwise
        # interrupt every later run of the same model at its first check
        event.interrupt(stop.is_set())

    hooks = (h.cbSimplexInterrupt, h.cbIpmInterrupt, h.cbMipInterrupt)
    for hook in hooks:
        hook.subscribe(check)
    try:
        watchdog = None if deadline is None else deadline + HIGHS_WATCHDOG_GRACE
        runtime.call_in_worker(h.run, cancel=stop.set, deadline=watchdog)
    finally:
        if not runtime.worker_busy():  # (a model still solving must not be touched)
            for hook in hooks:
                hook.unsubscribe(check)


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
        with runtime.child(
            [pulp.PULP_CBC_CMD().path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True,
        ) as proc:  # fmt: skip
            out, _ = proc.communicate("quit\n", timeout=10)
        m = re.search(r"Version:\s*(\S+)", out or "")
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
    export_seconds: float | None = None,
) -> SolveOutcome:
    """Solve with CBC or HiGHS, returning within ``time_limit`` seconds and by the plan's deadline
    (:func:`mutasi_cli.support.runtime.clamp`), writing the model for the solver and reading the solution back
    included. ``export_seconds``: how long handing this model to the solver is expected to take (the
    caller's estimate before the first solve; later solves of the same problem use the time the last
    one took); a solve that cannot hand it over and still run :data:`MIN_SOLVE_SECONDS` does not start
    ("no-solution"). ``prob.objective_offset`` (a constant left out of the objective, e.g. by
    :func:`highs_to_pulp`) is added to the value and the bound reported."""
    offset = float(getattr(prob, "objective_offset", 0.0))
    if not prob.variables():  # every column fixed (and every row holds, else a marker variable exists)
        return SolveOutcome("optimal", offset, offset, 0.0)
    time_limit = runtime.clamp(time_limit)
    if export_seconds is not None and getattr(prob, _EXPORT_SECONDS, None) is None:
        setattr(prob, _EXPORT_SECONDS, export_seconds)  # until a hand-over is measured
    if not can_start(prob, time_limit, export_seconds):
        return SolveOutcome("no-solution", None, None, 0.0)
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


def can_start(prob: pulp.LpProblem, seconds: float, export_seconds: float | None = None) -> bool:
    """Whether ``seconds`` are enough to hand ``prob`` to a solver, run it :data:`MIN_SOLVE_SECONDS` and
    read the solution back; ``export_seconds`` defaults to the time the last hand-over of ``prob`` took
    (unknown before the first: then only the run itself is counted)."""
    if export_seconds is None:
        export_seconds = getattr(prob, _EXPORT_SECONDS, None)
    return (export_seconds or 0.0) * (1 + READ_SHARE) + MIN_SOLVE_SECONDS <= seconds


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
    column's value in a plan to start from. A MIP with less than :data:`MIN_SOLVE_SECONDS` left before
    the plan's deadline is not started: HiGHS sets a large MIP up for seconds before it first looks at
    its limit or its interrupt (measured, stage A at 20,000 people: 4.2 s on a 0.1 s limit)."""
    if runtime.clamp(seconds) < MIN_SOLVE_SECONDS:
        return HighsMip("no-solution", None, None, None)
    if solver == "cbc":
        t0 = time.perf_counter()
        lp = h.getLp()
        free = int(np.count_nonzero(np.asarray(lp.col_lower_) != np.asarray(lp.col_upper_)))
        # building the PuLP model and writing it for CBC do not look at the clock (issue #14): with less
        # time left than they take and a second for CBC, no MIP is started
        if runtime.clamp(seconds) < 2 * PULP_SECONDS_PER_COLUMN * free + 1.0:
            return HighsMip("no-solution", None, None, None)
        prob, cols = highs_to_pulp(h, set(np.asarray(integer).tolist()), start)
        build = time.perf_counter() - t0
        left = seconds - build
        if left < 1.0:
            return HighsMip("no-solution", None, None, None)
        out = solve(
            prob, "cbc", left, abs_gap=abs_gap, rel_gap=rel_gap, warm_start=start is not None,
            export_seconds=build,
        )  # fmt: skip
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


#: CBC's log lines that prove a MIP infeasible. "Infeasible or unbounded" is infeasible for every model
#: of this project: each column is bounded but the level values (Φ, Ψ), which rows define as sums of
#: bounded columns
CBC_PROVEN_INFEASIBLE = (
    "Result - Linear relaxation infeasible",
    "Result - Problem proven infeasible",
    "Pre-processing says infeasible or unbounded",
)


def _sol_status(prob: pulp.LpProblem) -> str:
    if prob.sol_status == pulp.LpSolutionOptimal:
        return "optimal"
    if prob.sol_status == pulp.LpSolutionIntegerFeasible:
        return "feasible"
    if prob.sol_status in (pulp.LpSolutionInfeasible,):
        return "infeasible"
    return "no-solution"


def _cbc_args(
    path: str, mps: Path, sol: Path, mst: Path | None, sense: int, seconds: float, abs_gap: float,
    rel_gap: float,
) -> list[str]:  # fmt: skip
    """CBC's command line: the one place it is built."""
    args = [path, str(mps)]
    if sense == pulp.LpMaximize:
        args.append("-max")
    if mst is not None:
        args += ["-mips", str(mst)]
    args += ["-sec", f"{seconds:.1f}", "-allow", f"{abs_gap}", "-ratio", f"{rel_gap}"]
    args += [*CBC_DETERMINISM, "-printingOptions", "all", "-solve", "-solution", str(sol)]
    return args


def _solve_cbc(prob, time_limit, abs_gap, rel_gap, warm_start) -> SolveOutcome:
    """CBC on ``prob``, back within ``time_limit`` seconds: after writing the model (timed, and
    remembered on ``prob`` for the next solve's estimate) CBC gets what is left less the time to read its
    solution back; it is asked to stop (SIGINT) :data:`INTERRUPT_LEAD` seconds before that, and killed
    at it. Its files live in a folder of this run's private temporary folder."""
    t0 = time.perf_counter()
    end = t0 + time_limit
    cmd = pulp.PULP_CBC_CMD(msg=False, warmStart=warm_start)
    with tempfile.TemporaryDirectory(prefix="mutasi-cbc-", dir=runtime.temp_dir()) as tmp:
        mps, sol, mst, logf = (Path(tmp) / n for n in ("model.mps", "model.sol", "start.mst", "cbc.log"))
        vs, var_names, con_names, _ = prob.writeMPS(str(mps), rename=1)
        if warm_start:
            cmd.writesol(str(mst), prob, vs, var_names, con_names)
        export = time.perf_counter() - t0
        setattr(prob, _EXPORT_SECONDS, export)
        limit = end - READ_SHARE * export - time.perf_counter()  # CBC's wall-clock seconds
        if limit < MIN_SOLVE_SECONDS:
            return SolveOutcome("no-solution", None, None, time.perf_counter() - t0)
        lead = min(INTERRUPT_LEAD, limit / 2)
        args = _cbc_args(
            cmd.path, mps, sol, mst if warm_start else None, prob.sense, limit - lead, abs_gap, rel_gap
        )
        started = time.perf_counter()
        killed = False
        with logf.open("w") as log, runtime.child(
            args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        ) as proc:  # fmt: skip
            try:
                proc.wait(timeout=max(0.0, started + limit - lead / 2 - time.perf_counter()))
            except subprocess.TimeoutExpired:
                # CBC overruns its -sec in presolve and the root LP: interrupt it like Ctrl-C, then kill.
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(timeout=max(0.0, started + limit - time.perf_counter()))
                except subprocess.TimeoutExpired:
                    killed = True
                    runtime.end_child(proc, grace=0.0)
        text = logf.read_text(errors="replace")
        if killed or not sol.exists() or os.path.getsize(sol) == 0:  # a killed CBC's file may be partial
            status = "infeasible" if "infeasible" in text.lower() and "Result - " in text else "no-solution"
            return SolveOutcome(status, None, None, time.perf_counter() - t0)
        status_code, values, _, _, _, sol_status = cmd.readsol_MPS(str(sol), prob, vs, var_names, con_names)
        prob.assignVarsVals(values)
        prob.assignStatus(status_code, sol_status)
    status = _sol_status(prob)
    if status == "no-solution" and any(line in text for line in CBC_PROVEN_INFEASIBLE):
        # PuLP reads CBC's solution file as "no solution found" when CBC proved the MIP infeasible at
        # its root (measured: stage A's proof MIP with the columns fixed by reduced cost, on a re-planned
        # 5,000-person round: "Result - Linear relaxation infeasible", and the proof stopped there with
        # the plan reported feasible, one Φ short of the bound HiGHS then proved; the fewest-changes MIP
        # of the sample round's re-plan: "Pre-processing says infeasible or unbounded")
        status = "infeasible"
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


#: the HiGHS child of :func:`_solve_highs`: reads the MPS file, solves, writes what the parent needs
#: (the status and the non-zero values by column name: a plan's values are almost all zero)
_HIGHS_CHILD = """
import json, sys
import highspy
mps, out, seconds, abs_gap, rel_gap = sys.argv[1:6]
h = highspy.Highs()
h.silent()
h.setOptionValue("threads", 1)
h.setOptionValue("time_limit", float(seconds))
h.setOptionValue("mip_abs_gap", float(abs_gap))
h.setOptionValue("mip_rel_gap", float(rel_gap))
h.readModel(mps)
h.run()
info = h.getInfo()
found = info.primal_solution_status == 2
names = h.getLp().col_names_
values = h.getSolution().col_value if found else []
with open(out + ".part", "w") as f:
    json.dump({
        "status": h.modelStatusToString(h.getModelStatus()),
        "solution": found,
        "bound": info.mip_dual_bound,
        "values": {n: v for n, v in zip(names, values) if v != 0},
    }, f)
import os
os.replace(out + ".part", out)
"""


def _solve_highs(prob, time_limit, abs_gap, rel_gap) -> SolveOutcome:
    """HiGHS on ``prob`` in a child process, back within ``time_limit`` seconds: like CBC, since HiGHS
    does not look at its time limit (nor at an interrupt) in every phase. Measured at 5,000 people on the
    direct route: its presolve ran 45 s on a 7 s limit; in-process it could not be stopped, a child is
    killed at the deadline. The model goes over as an MPS file (timed for the next solve's estimate, as
    for CBC); the child has one thread and the same options as before, so the same search."""
    t0 = time.perf_counter()
    end = t0 + time_limit
    with tempfile.TemporaryDirectory(prefix="mutasi-highs-", dir=runtime.temp_dir()) as tmp:
        mps, out, logf = Path(tmp) / "model.mps", Path(tmp) / "result.json", Path(tmp) / "highs.log"
        vs, var_names, _, _ = prob.writeMPS(str(mps), rename=1, with_objsense=True)
        export = time.perf_counter() - t0
        setattr(prob, _EXPORT_SECONDS, export)
        limit = end - READ_SHARE * export - time.perf_counter()
        if limit < MIN_SOLVE_SECONDS:
            return SolveOutcome("no-solution", None, None, time.perf_counter() - t0)
        lead = min(INTERRUPT_LEAD, limit / 2)
        args = [
            sys.executable, "-c", _HIGHS_CHILD, str(mps), str(out), f"{limit - lead:.3f}", f"{abs_gap}",
            f"{rel_gap}",
        ]  # fmt: skip
        started = time.perf_counter()
        with logf.open("w") as log, runtime.child(
            args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        ) as proc:  # fmt: skip
            try:
                proc.wait(timeout=max(0.0, started + limit - time.perf_counter()))
            except subprocess.TimeoutExpired:
                runtime.end_child(proc, grace=0.0)
        if not out.exists():
            return SolveOutcome("no-solution", None, None, time.perf_counter() - t0)
        result = json.loads(out.read_text())
    status = result["status"]
    if status == "Infeasible":
        return SolveOutcome("infeasible", None, None, time.perf_counter() - t0)
    if not result["solution"]:
        return SolveOutcome("no-solution", None, None, time.perf_counter() - t0)
    values = result["values"]
    for v in vs:  # a column left out of the child's values is 0, or the bound nearest to 0
        zero = max(0.0, v.lowBound) if v.lowBound is not None else 0.0
        v.varValue = values.get(var_names[v.name], zero if v.upBound is None else min(zero, v.upBound))
    st = "optimal" if status == "Optimal" else "feasible"
    objective = pulp.value(prob.objective)
    bound = result["bound"]
    if bound is None or not np.isfinite(bound):
        bound = None
    if st == "optimal" and objective is not None and bound is None:
        bound = objective
    return SolveOutcome(st, objective, bound, time.perf_counter() - t0)


def set_integrality(h: highspy.Highs, cols, on: bool) -> None:
    """Make HiGHS columns ``cols`` integer (``on``) or continuous (the LP relaxation)."""
    cols = np.asarray(cols, dtype=np.int32)
    kind = highspy.HighsVarType.kInteger if on else highspy.HighsVarType.kContinuous
    h.changeColsIntegrality(len(cols), cols, np.array([kind] * len(cols)))
