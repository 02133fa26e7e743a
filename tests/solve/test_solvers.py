"""The solver helpers, against the real HiGHS."""

import highspy
import numpy as np

from mutasi_cli.solve.solvers import run_highs


def _small_lp(rng: np.random.Generator, n: int = 300, m: int = 150) -> highspy.Highs:
    h = highspy.Highs()
    h.silent()
    h.addVars(n, np.zeros(n), np.ones(n))
    for _ in range(m):
        idx = rng.choice(n, 20, replace=False).astype(np.int32)
        h.addRow(-highspy.kHighsInf, 3.0, 20, idx, rng.random(20))
    return h


def test_the_time_limit_counts_from_this_solve_not_from_the_first():
    """HiGHS sums its run time over every solve of the object; a model re-solved many times (column
    generation) must still get the seconds it is given."""
    rng = np.random.default_rng(3)
    h = _small_lp(rng)
    cols = np.arange(h.getNumCol(), dtype=np.int32)
    while h.getRunTime() < 0.3:
        h.clearSolver()
        h.changeColsCost(len(cols), cols, -rng.random(len(cols)))
        run_highs(h, 60.0)
        assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    h.clearSolver()
    h.changeColsCost(len(cols), cols, -rng.random(len(cols)))
    run_highs(h, 0.25)  # less than the run time already spent, more than this solve needs
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal


def test_cbc_proving_a_mip_infeasible_in_preprocessing_is_infeasible() -> None:
    """CBC proves 2·(x0 + x1 + x2) = 3 infeasible before any node ("Pre-processing says infeasible or
    unbounded") and writes a solution file PuLP reads as "no solution found": that is "infeasible", not
    a time limit (stage A's proof stopped there and reported a plan one Φ short as only feasible)."""
    import pulp

    from mutasi_cli.solve.solvers import solve

    prob = pulp.LpProblem("odd", pulp.LpMaximize)
    xs = [prob.add_variable(f"x{i}", lowBound=0, upBound=1, cat=pulp.LpInteger) for i in range(6)]
    prob.setObjective(pulp.lpSum(xs))
    prob += (2 * pulp.lpSum(xs[:3]) == 3, "odd")
    for v in xs:
        v.setInitialValue(1)
    assert solve(prob, "cbc", 30, abs_gap=0.999, warm_start=True).status == "infeasible"
