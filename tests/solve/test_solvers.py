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
