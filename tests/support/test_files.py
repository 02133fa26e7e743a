"""CONTRACT.md "Files": inputs only read, outputs whole or absent (also under kill -9), a folder of
decrees never mixing two runs, two runs to one output not corrupting it, outputs checked before any work.

Real processes and real signals. The kill loops are short for CI; MUTASI_LONG_TESTS=1 runs them long.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from builders import keep_valid_moves
from mutasi_cli.support import files

LONG = os.environ.get("MUTASI_LONG_TESTS") == "1"
DATE = ["--effective-date", "2026-12-01"]


def mutasi(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mutasi_cli", *args], capture_output=True, text=True, timeout=120, **kw
    )


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mutasi_cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def round_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("round")
    done = mutasi("sample", "--size", "300", "--seed", "5", *DATE, "-o", str(d), "-q")
    assert done.returncode == 0, done.stderr
    return d


@pytest.fixture(scope="module")
def planned(round_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plan") / "rencana.xlsx"
    done = mutasi("plan", str(round_dir / "pegawai.xlsx"), str(round_dir / "jabatan.xlsx"), "-o", str(out), *DATE, "-q")
    assert done.returncode == 0, done.stderr
    return out


def plan_args(round_dir: Path, out: Path) -> list[str]:
    return ["plan", str(round_dir / "pegawai.xlsx"), str(round_dir / "jabatan.xlsx"), "-o", str(out), *DATE, "-q"]


def whole_workbook(path: Path) -> bool:
    try:
        book = openpyxl.load_workbook(path, read_only=True)
        ok = "Daftar Mutasi" in book.sheetnames and "Parameter" in book.sheetnames
        book.close()
        return ok
    except Exception:  # noqa: BLE001 - any failure to read means not whole
        return False


def kill_while_writing(proc: subprocess.Popen, folder: Path, prefix: str, rng: random.Random) -> bool:
    """SIGKILL ``proc`` at a random moment after its hidden sibling ``prefix…`` appears in ``folder``
    (it is writing then); True if it was killed while writing, False if it ended first."""
    while proc.poll() is None and not any(p.name.startswith(prefix) for p in folder.iterdir()):
        time.sleep(0.002)
    time.sleep(rng.uniform(0.0, 0.25))
    writing = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return writing


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- an output is never an input -----------------------------------------------------------------------


def test_plan_refuses_each_input_as_output(round_dir, tmp_path):
    pegawai, jabatan = round_dir / "pegawai.xlsx", round_dir / "jabatan.xlsx"
    link = tmp_path / "tautan.xlsx"
    link.symlink_to(pegawai)
    before = {p: digest(p) for p in (pegawai, jabatan)}
    for target in (pegawai, jabatan, link):
        done = mutasi("plan", str(pegawai), str(jabatan), "-o", str(target), *DATE)
        assert done.returncode == 2, done.stderr
        assert "berkas masukan" in done.stderr
    assert {p: digest(p) for p in (pegawai, jabatan)} == before


def test_other_commands_refuse_an_input_as_output(round_dir, planned, tmp_path):
    pegawai, jabatan = round_dir / "pegawai.xlsx", round_dir / "jabatan.xlsx"
    before = {p: digest(p) for p in (pegawai, jabatan, planned)}
    copy = tmp_path / "salinan.xlsx"
    copy.write_bytes(planned.read_bytes())
    for args in (
        ["validate", str(pegawai), str(jabatan), "-o", str(pegawai), *DATE],
        ["diff", str(planned), str(copy), "-o", str(copy)],
        ["export", "siasn", str(planned), "-o", str(planned)],
        ["sk", str(planned), "-o", str(planned.parent)],
    ):
        done = mutasi(*args)
        assert done.returncode == 2, (args, done.stderr)
    assert {p: digest(p) for p in (pegawai, jabatan, planned)} == before


@pytest.mark.parametrize(
    "target, words",
    [("folder", "adalah folder"), ("rencana.csv", "ekstensi"), ("/proc/rencana.xlsx", "tidak dapat ditulis")],
)
def test_unwritable_outputs_are_usage_errors_before_any_work(round_dir, tmp_path, target, words):
    if target == "folder":
        (tmp_path / "folder").mkdir()
    out = tmp_path / target if not target.startswith("/") else Path(target)
    t = time.perf_counter()
    done = mutasi(*plan_args(round_dir, out)[:-1], "--json")
    assert done.returncode == 2, done.stderr
    assert words in done.stderr
    data = json.loads(done.stdout)
    assert data["status"] == "error" and data["exit"] == 2 and words in data["message"]
    assert time.perf_counter() - t < 10  # refused before reading and solving


def test_sk_refuses_a_folder_with_other_files(planned, tmp_path):
    folder = tmp_path / "dokumen"
    folder.mkdir()
    (folder / "catatan.txt").write_text("milik analis")
    done = mutasi("sk", str(planned), "-o", str(folder))
    assert done.returncode == 2
    assert "bukan draf SK" in done.stderr
    assert (folder / "catatan.txt").read_text() == "milik analis"


# --- whole or absent ----------------------------------------------------------------------------------


def test_kill_during_plan_leaves_the_previous_plan_whole(round_dir, planned, tmp_path):
    out = tmp_path / "rencana.xlsx"
    out.write_bytes(planned.read_bytes())
    old = digest(out)
    rng = random.Random(14)
    runs = 40 if LONG else 6
    while_writing = 0
    for _ in range(runs):
        proc = start(*plan_args(round_dir, out))
        while_writing += kill_while_writing(proc, tmp_path, ".rencana.xlsx.", rng)
        assert out.exists()
        assert digest(out) == old or whole_workbook(out)
    assert while_writing >= runs // 2
    # whatever a killed run left beside the target is cleared by the next run, which then succeeds
    done = mutasi(*plan_args(round_dir, out))
    assert done.returncode == 0, done.stderr
    assert whole_workbook(out) and leftovers(tmp_path) == []


def test_write_failure_keeps_the_previous_output(round_dir, planned, tmp_path):
    """A file-size limit makes the write fail (EFBIG) midway, as a full disk would (ENOSPC)."""
    out = tmp_path / "rencana.xlsx"
    out.write_bytes(planned.read_bytes())
    old = digest(out)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, size // 2))

    size = out.stat().st_size
    done = subprocess.run(  # HiGHS: no solver files, so that only the workbook meets the limit
        [sys.executable, "-m", "mutasi_cli", *plan_args(round_dir, out)[:-1], "--json", "--solver", "highs"],
        capture_output=True, text=True, timeout=120, preexec_fn=limit,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Gagal menulis" in done.stderr and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["exit"] == 2
    assert digest(out) == old and leftovers(tmp_path) == []


def test_two_runs_to_one_output(round_dir, tmp_path):
    out = tmp_path / "rencana.xlsx"
    procs = [start(*plan_args(round_dir, out)) for _ in range(2)]
    codes = [p.wait(timeout=120) for p in procs]
    assert 0 in codes and set(codes) <= {0, 2}
    for p, code in zip(procs, codes):
        if code == 2:
            assert "sedang ditulis oleh proses mutasi lain" in p.stderr.read()
    assert whole_workbook(out) and leftovers(tmp_path) == []


def test_a_second_run_waits_for_the_lock_then_gives_up(round_dir, tmp_path):
    out = tmp_path / "rencana.xlsx"
    other = (
        "import sys; from pathlib import Path; from mutasi_cli.support import files\n"
        "try:\n    with files.output_lock(Path(sys.argv[1]), wait=1.0): pass\n"
        "except files.OutputError as e: print(e); sys.exit(2)"
    )
    with files.output_lock(out):
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", other, str(out)], capture_output=True, text=True)
        assert done.returncode == 2 and "sedang ditulis" in done.stdout
        assert 1.0 <= time.perf_counter() - t < 5
        if LONG:  # the command itself, with its real wait
            t = time.perf_counter()
            done = mutasi(*plan_args(round_dir, out))
            assert done.returncode == 2 and "sedang ditulis" in done.stderr
            assert files.LOCK_WAIT_SECONDS <= time.perf_counter() - t < files.LOCK_WAIT_SECONDS + 10
    assert not out.exists()


# --- a folder of decrees -------------------------------------------------------------------------------


def _review(planned: Path, keep: int, out: Path) -> Path:
    """The plan with about ``keep`` moves left, still a valid plan (`sk` refuses any other)."""
    return keep_valid_moves(planned, keep, out)[0]


def _folder_state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sk_rerun_replaces_the_whole_folder(planned, tmp_path):
    out = tmp_path / "sk"
    assert mutasi("sk", str(planned), "-o", str(out)).returncode == 0
    first = len(list((out / "petikan").iterdir()))
    small, kept = keep_valid_moves(planned, 3, tmp_path / "ditinjau.xlsx")
    done = mutasi("sk", str(small), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert first > len(kept) >= 3 and len(list((out / "petikan").iterdir())) == len(kept)
    assert leftovers(tmp_path) == []


def test_kill_during_sk_leaves_one_whole_folder(planned, tmp_path):
    small = _review(planned, 25, tmp_path / "ditinjau.xlsx")
    full = tmp_path / "sk-penuh"
    assert mutasi("sk", str(planned), "-o", str(full)).returncode == 0
    new_names = set(_folder_state(full))
    out = tmp_path / "sk"
    assert mutasi("sk", str(small), "-o", str(out)).returncode == 0
    old = _folder_state(out)
    rng = random.Random(15)
    runs, while_writing = (30 if LONG else 5), 0
    for _ in range(runs):
        proc = start("sk", str(planned), "-o", str(out))
        while_writing += kill_while_writing(proc, tmp_path, ".sk.", rng)
        # the old folder, or the new one whole; a kill between the two renames leaves the old one aside,
        # restored by the next run (here: by its sweep)
        files.sweep(out)
        state = _folder_state(out)
        if state != old:
            assert set(state) == new_names
            for name in state:
                if name.endswith(".docx"):
                    assert zipfile.ZipFile(out / name).testzip() is None
    assert while_writing >= runs // 2
    done = mutasi("sk", str(small), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert set(_folder_state(out)) == set(old)
    assert leftovers(tmp_path) == []


# --- the library ---------------------------------------------------------------------------------------


def test_sweep_restores_a_folder_taken_aside_and_clears_stale_files(tmp_path):
    target = tmp_path / "sk"
    dead = 2**22 + 12345  # above pid_max's default: no such process
    aside = tmp_path / f".sk.{dead}.old"
    aside.mkdir()
    (aside / "SK.docx").write_text("lama")
    (tmp_path / f".rencana.xlsx.{dead}.tmp").write_text("setengah")
    files.sweep(target)
    files.sweep(tmp_path / "rencana.xlsx")
    assert (target / "SK.docx").read_text() == "lama"
    assert leftovers(tmp_path) == []


def test_atomic_file_removes_its_temporary_on_error(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_text("lama")
    with pytest.raises(RuntimeError), files.atomic_file(target) as tmp:
        tmp.write_text("baru setengah")
        raise RuntimeError
    assert target.read_text() == "lama" and leftovers(tmp_path) == []
