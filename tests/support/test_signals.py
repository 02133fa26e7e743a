"""CONTRACT.md "Exit codes": SIGINT, SIGTERM and SIGHUP during a solve end the solver processes, remove
the temporary files, leave the previous output intact, print one line and exit 128 + the signal; the
solver never outlives mutasi, not even its kill -9; a killed run's private temporary folder is swept by
the next run.

Real processes and real signals: ``mutasi plan --route direct`` on a 1,500-person round runs its
solver (CBC, or HiGHS in a child process) for a few seconds after about 3 s; the signal is sent while
it runs. Solver processes are found by scanning ``/proc/*/cmdline`` for the test's temporary folder in
their arguments (the model file lives there; mutasi's own arguments do not name it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals and /proc: Linux")

DATE = ["--effective-date", "2026-12-01"]
#: seconds after the signal by which no solver process may be left
CHILD_DEADLINE = 5.0
LOCKS = f"mutasi-locks-{os.getuid()}"
SINGLE_LINE = "proses solver diakhiri dan berkas sementara dihapus. Berkas keluaran sebelumnya tidak berubah."


def mutasi(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mutasi_cli", *args], capture_output=True, text=True, timeout=120, env=env
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def round_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("round")
    done = mutasi("sample", "--size", "1500", "--seed", "7", *DATE, "-o", str(d), "-q")
    assert done.returncode == 0, done.stderr
    return d


@pytest.fixture
def run_env(tmp_path) -> tuple[Path, dict[str, str]]:
    """A TMPDIR of the test's own, to list what a run leaves there."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    return tmp, dict(os.environ, TMPDIR=str(tmp))


def solver_processes(tmp: Path) -> list[int]:
    """Pids of the live processes whose arguments name a file under ``tmp``: the solvers."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and any(os.fsencode(tmp) in a for a in argv[1:]):
            found.append(int(entry.name))
    return found


def no_solver_within(tmp: Path, seconds: float) -> list[int]:
    end = time.monotonic() + seconds
    while (left := solver_processes(tmp)) and time.monotonic() < end:
        time.sleep(0.05)
    return left


def start_plan(
    round_dir: Path, out: Path, env: dict[str, str], *extra: str, solver: str = "cbc"
) -> subprocess.Popen:
    args = [
        sys.executable, "-m", "mutasi_cli", "plan", str(round_dir / "pegawai.xlsx"),
        str(round_dir / "jabatan.xlsx"), "-o", str(out), *DATE, "--route", "direct", "--solver", solver,
        "--time-limit", "120", *extra,
    ]  # fmt: skip
    # SIGHUP as a terminal gives it: under nohup (SIG_IGN, inherited) mutasi keeps ignoring it, on purpose
    return subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sighup
    )


def _default_sighup() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def wait_for_solver(proc: subprocess.Popen, tmp: Path, timeout: float = 60.0) -> list[int]:
    """Wait until a solver has run for a moment (stage A's, else stage B's) while ``proc`` lives."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if solver_processes(tmp):
            time.sleep(0.3)
            running = solver_processes(tmp)
            if running:
                return running
        time.sleep(0.05)
    raise AssertionError(f"no solver ran (exit {proc.poll()})")


def previous_output(tmp_path: Path, round_dir: Path) -> Path:
    """An earlier output at the target path (any workbook: only its bytes are compared)."""
    out = tmp_path / "hasil" / "rencana.xlsx"
    out.parent.mkdir()
    shutil.copyfile(round_dir / "jabatan.xlsx", out)
    return out


@pytest.mark.parametrize(
    ("sig", "code", "as_json", "solver"),
    [
        (signal.SIGTERM, 143, False, "cbc"),
        (signal.SIGINT, 130, True, "cbc"),
        (signal.SIGHUP, 129, False, "cbc"),
        (signal.SIGTERM, 143, False, "highs"),
    ],
    ids=["SIGTERM", "SIGINT-json", "SIGHUP", "SIGTERM-highs"],
)
def test_a_signal_during_the_solve_ends_cleanly(round_dir, run_env, tmp_path, sig, code, as_json, solver):
    tmp, env = run_env
    out = previous_output(tmp_path, round_dir)
    before = digest(out)
    proc = start_plan(round_dir, out, env, *(["--json"] if as_json else []), solver=solver)
    try:
        running = wait_for_solver(proc, tmp)
        # the solver's files live in the run's private folder: mode 0700, named after the run's pid
        private = [p for p in tmp.iterdir() if p.name.startswith(f"mutasi-{proc.pid}-")]
        assert len(private) == 1 and (private[0].stat().st_mode & 0o777) == 0o700
        argv = (Path("/proc") / str(running[0]) / "cmdline").read_bytes()
        assert os.fsencode(private[0]) in argv
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and signal.Signals(sig).name in lines[0] and SINGLE_LINE in lines[0], stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    if as_json:
        obj = json.loads(stdout)  # exactly one object
        assert obj["status"] == "error" and obj["exit"] == code and SINGLE_LINE in obj["message"]
    else:
        assert stdout == ""
    assert no_solver_within(tmp, CHILD_DEADLINE) == []
    assert sorted(p.name for p in tmp.iterdir()) == [LOCKS]  # the shared lock folder only
    assert digest(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["rencana.xlsx"]


def test_kill_9_ends_the_solver_and_the_next_run_sweeps_the_folder(round_dir, run_env, tmp_path):
    tmp, env = run_env
    out = previous_output(tmp_path, round_dir)
    before = digest(out)
    proc = start_plan(round_dir, out, env, "-q")
    try:
        wait_for_solver(proc, tmp)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert no_solver_within(tmp, CHILD_DEADLINE) == []  # the parent-death signal
    stale = [p for p in tmp.iterdir() if p.name.startswith(f"mutasi-{proc.pid}-")]
    assert len(stale) == 1  # no handler ran: the folder is left...
    done = mutasi(
        "validate", str(round_dir / "pegawai.xlsx"), str(round_dir / "jabatan.xlsx"), *DATE, env=env
    )
    assert done.returncode in (0, 1), done.stderr
    assert not stale[0].exists()  # ...and the next run removes it
    assert sorted(p.name for p in tmp.iterdir()) == [LOCKS]
    assert digest(out) == before


def test_only_stale_folders_of_dead_runs_are_swept(run_env):
    tmp, env = run_env
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = tmp / f"mutasi-{gone.pid}-abc123"
        live = tmp / f"mutasi-{alive.pid}-def456"
        foreign = tmp / f"mutasi-{gone.pid}-ghi789"
        other = tmp / "mutasi-cbc-keepme"
        for folder in (dead, live, foreign, other):
            folder.mkdir(mode=0o700)
            (folder / "model.mps").write_text("NIP 199001012015011001\n")
        if os.getuid() == 0:
            os.chown(foreign, 65534, 65534)  # another user's
        else:
            shutil.rmtree(foreign)
        done = mutasi("--version", env=env)
        assert done.returncode == 0, done.stderr
        assert not dead.exists()
        assert live.exists() and other.exists()
        assert foreign.exists() == (os.getuid() == 0)
        assert not [p for p in tmp.iterdir() if p.name.startswith(f"mutasi-{os.getpid()}-")]
    finally:
        alive.kill()
        alive.wait()


def test_a_normal_run_leaves_no_temporary_file(round_dir, run_env, tmp_path):
    """Plan written (the solver's files and openpyxl's ``openpyxl.*`` in the private folder): nothing
    left."""
    tmp, env = run_env
    out = tmp_path / "rencana.xlsx"
    small = tmp_path / "small"
    done = mutasi("sample", "--size", "200", "--seed", "3", *DATE, "-o", str(small), "-q", env=env)
    assert done.returncode == 0, done.stderr
    args = ["plan", str(small / "pegawai.xlsx"), str(small / "jabatan.xlsx"), "-o", str(out), *DATE]
    done = mutasi(*args, "--route", "direct", "--solver", "cbc", "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] in ("optimal", "feasible")
    assert sorted(p.name for p in tmp.iterdir()) == [LOCKS]


def test_a_signal_during_an_in_process_highs_solve_is_handled_at_once(tmp_path):
    """HiGHS runs in the solver thread: a signal is handled at once, not when the solve ends (a signal
    handler only runs between the main thread's bytecodes), and stops HiGHS."""
    script = tmp_path / "hard_mip.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys, time
            import numpy as np, highspy
            from mutasi_cli.support import runtime
            from mutasi_cli.solve.solvers import run_highs

            runtime.install_signal_handlers()
            rng = np.random.default_rng(1)
            h = highspy.Highs(); h.silent(); h.setOptionValue("threads", 1)
            n, m = 400, 200
            h.addVars(n, np.zeros(n), np.ones(n))
            h.changeColsCost(n, np.arange(n, dtype=np.int32), -rng.integers(1, 100, n).astype(float))
            for _ in range(m):
                idx = rng.choice(n, 40, replace=False).astype(np.int32)
                h.addRow(-highspy.kHighsInf, 50.0, 40, idx, rng.integers(1, 30, 40).astype(float))
            h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
            print("solving", flush=True)
            try:
                run_highs(h, 60.0)
            except runtime.Interrupted as exc:
                print("interrupted", exc.signum, runtime.worker_busy(), flush=True)
                sys.exit(exc.exit_code)
            print("finished", h.getModelStatus(), flush=True)
            """
        )
    )
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        while (line := proc.stdout.readline()) and line.strip() != "solving":  # after HiGHS' banner
            pass
        assert line.strip() == "solving", proc.stderr.read() if proc.stderr else ""
        time.sleep(1.5)
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, stderr
    assert stdout.split() == ["interrupted", str(int(signal.SIGTERM)), "False"]
    assert took < 3.0
