"""``make bench``: plan generated rounds end to end with each route and print the figures.

Each run is a separate process, so its peak memory is its own (the Python process and, for CBC, the
solver process). Rounds are generated with ``mutasi sample`` (seed 7, effective date 2026-12-01) and
cached under ``out/bench/``.

    python -m mutasi_cli.bench [--sizes 1200,5000,20000,50000] [--routes pricing,direct]
                               [--time-limit SECONDS] [--direct-max 5000]

Each plan gets a time limit of 300 s up to 20,000 people, 600 s above (``--time-limit`` gives one limit
to every size). Each row also gives the candidate moves there would be without rule 7 (the career
path), beside those the rules allow.

The direct route (one PuLP variable per allowed move) is the straightforward baseline; above
``--direct-max`` people it is not run (29 million moves at 20,000 people: PuLP alone would need tens of
gigabytes), and the table says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

EFFECTIVE = dt.date(2026, 12, 1)
SEED = 7
#: (largest size, time limit in seconds) when ``--time-limit`` is not given; larger rounds get the last
TIME_LIMITS = ((20_000, 300.0), (50_000, 600.0))


def time_limit_for(size: int, given: float | None) -> float:
    if given is not None:
        return given
    return next((limit for top, limit in TIME_LIMITS if size <= top), TIME_LIMITS[-1][1])


def _round_files(size: int, root: Path) -> tuple[Path, Path]:
    from mutasi_cli.sample import generate, write_sample

    folder = root / f"round-{size}"
    peg, jab = folder / "pegawai.xlsx", folder / "jabatan.xlsx"
    if not (peg.exists() and jab.exists()):
        write_sample(generate(size, SEED, EFFECTIVE), folder)
    return peg, jab


def run_one(size: int, route: str, solver: str, time_limit: float, root: Path) -> dict[str, object]:
    """One end-to-end plan (read → write), in this process."""
    from mutasi_cli.workflow import plan_files

    peg, jab = _round_files(size, root)
    out = root / f"plan-{size}-{route}-{solver}.xlsx"
    t0 = time.perf_counter()
    run = plan_files(
        peg, jab, out, effective_date=EFFECTIVE, solver=solver, time_limit=time_limit, route=route
    )
    total = time.perf_counter() - t0
    r = run.result
    return {
        "people": run.round.n_people,
        "positions": run.round.n_positions,
        "pairs": r.space.n_pairs,
        "pairs_without_rule_7": pairs_without_career_path(run.round, r.person_status),
        "route": route,
        "solver": solver,
        "status": r.status,
        "levels": [r.levels[k] for k in range(5)],
        "gap": r.gap,
        "timings": {k: round(v, 2) for k, v in r.timings.items()},
        "seconds": round(total, 2),
        "columns": r.stats.get("stage_b_columns", r.stats.get("columns")),
        "stats": {k: round(float(v), 2) for k, v in r.stats.items()},  # where the time went, per stage
        "peak_mb_python": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_mb_solver": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def pairs_without_career_path(rnd, status) -> int:
    """The candidate moves there would be without rule 7 (the career path): free movers × the positions
    every other pair rule allows them, their own position aside. Evaluated once per eligibility profile
    (:func:`~mutasi_cli.solve.candidates.eligibility_profiles`), so that the figure costs seconds even at
    50,000 people."""
    import numpy as np

    from mutasi_cli.rules.eligibility import NO_LOCK, RULES, pair_failures
    from mutasi_cli.solve.candidates import eligibility_profiles

    free = np.flatnonzero(status.movable & (status.kunci_pos == NO_LOCK))
    if not len(free):
        return 0
    profile = eligibility_profiles(rnd, free)
    career = {code for code, rule in RULES.items() if rule.number == "7"}
    cur = rnd.people["pos"].to_numpy()
    everywhere = np.arange(rnd.n_positions)
    total = 0
    for k in np.unique(profile):
        members = free[profile == k]
        fails = pair_failures(rnd, np.full(rnd.n_positions, members[0]), everywhere, larangan=False)
        ok = ~np.logical_or.reduce([f for code, f in fails.items() if code not in career])
        total += int(ok.sum()) * len(members) - int(ok[cur[members]].sum())
    return total


def run_read(size: int, root: Path) -> dict[str, object]:
    """Reading and checking alone (what ``mutasi validate`` does) on a large round."""
    from mutasi_cli.inputs.load import load_round

    peg, jab = _round_files(size, root)
    t0 = time.perf_counter()
    rnd, log = load_round(peg, jab, EFFECTIVE)
    return {
        "rows": size,
        "positions": 0 if rnd is None else rnd.n_positions,
        "seconds": round(time.perf_counter() - t0, 2),
        "errors": len(log.errors),
        "warnings": len(log.issues) - len(log.errors),
        "peak_mb_python": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1200,5000,20000,50000")
    ap.add_argument("--routes", default="pricing,direct")
    ap.add_argument("--solver", default="cbc")
    ap.add_argument("--time-limit", type=float, default=None)
    ap.add_argument("--direct-max", type=int, default=5000)
    ap.add_argument("--root", default="out/bench")
    ap.add_argument("--read-sizes", default="100000", help="rounds to read and check only ('' for none)")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--read-one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    root = Path(args.root)
    root.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    routes = args.routes.split(",")
    if args.read_one:
        print(json.dumps(run_read(sizes[0], root)))
        return
    if args.one:
        limit = time_limit_for(sizes[0], args.time_limit)
        print(json.dumps(run_one(sizes[0], routes[0], args.solver, limit, root)))
        return
    rows = []
    for size in sizes:
        _round_files(size, root)
        for route in routes:
            if route == "direct" and size > args.direct_max:
                print(f"direct route not run at {size:,} people (above --direct-max {args.direct_max:,})")
                continue
            cmd = [sys.executable, "-m", "mutasi_cli.bench", "--one", "--sizes", str(size), "--routes", route,
                   "--solver", args.solver, "--time-limit", str(time_limit_for(size, args.time_limit)),
                   "--root", str(root)]  # fmt: skip
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr[-2000:], file=sys.stderr)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(json.dumps(row), flush=True)
    for size in [int(s) for s in args.read_sizes.split(",") if s]:
        _round_files(size, root)
        cmd = [
            sys.executable,
            "-m",
            "mutasi_cli.bench",
            "--read-one",
            "--sizes",
            str(size),
            "--root",
            str(root),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode == 0:
            read = json.loads(proc.stdout.strip().splitlines()[-1])
            print(
                f"read + check (mutasi validate) of {read['rows']:,} people and {read['positions']:,} positions: "
                f"{read['seconds']} s, peak {read['peak_mb_python']:.0f} MB, {read['errors']} errors, "
                f"{read['warnings']} warnings"
            )
        else:
            print(proc.stderr[-2000:], file=sys.stderr)
    print()
    limits = ", ".join(f"{time_limit_for(size, args.time_limit):g} s at {size:,}" for size in sizes)
    print(f"Machine: {platform.machine()}, {_cpus()} cores, Python {platform.python_version()}; "
          f"time limit {limits}; solver {args.solver}")  # fmt: skip
    print()
    print("| people | positions | pairs without rule 7 | pairs | route | read | candidates | model+solve | write "
          "| total s | peak MB (py/solver) | status | L0 | L1 | L2 | L3 | moves | gap | ×faster |")  # fmt: skip
    print("|" + "---|" * 19)
    for row in rows:
        t = row["timings"]
        direct = next((r for r in rows if r["people"] == row["people"] and r["route"] == "direct"), None)
        ratio = "" if direct is None or row is direct else f"{direct['seconds'] / row['seconds']:.1f}"
        model_solve = t.get("model+solve", round(t.get("model", 0) + t.get("solve", 0), 2))
        gap = "-" if row["gap"] is None else f"{row['gap']:.3%}"
        lv = row["levels"]
        print(
            f"| {row['people']:,} | {row['positions']:,} | {row.get('pairs_without_rule_7', 0):,} | "
            f"{row['pairs']:,} | {row['route']} | "
            f"{t.get('read+check', 0):.1f} | {t.get('candidates', 0):.1f} | {model_solve:.1f} | "
            f"{t.get('write', 0):.1f} | {row['seconds']:.1f} | {row['peak_mb_python']:.0f}/"
            f"{row['peak_mb_solver']:.0f} | {row['status']} | {lv[0]} | {lv[1]} | {lv[2]} | {lv[3]} | "
            f"{lv[4]} | {gap} | {ratio} |"
        )


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
