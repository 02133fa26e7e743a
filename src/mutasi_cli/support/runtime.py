"""Process-wide safety of one run: signals, solver child processes, one private temporary folder.

Why: ``mutasi`` runs unattended from cron on personnel data. A SIGTERM (cron, systemd, ``timeout``), a
SIGHUP (the SSH session drops) or Ctrl-C must end the run like an error does: the solver processes
ended, every temporary file removed, the previous output left as it was (outputs are written beside
their target and renamed, so unwinding the stack is enough), one line for the user, and exit 128 +
the signal's number (CONTRACT.md "Exit codes", "Files"). So:

- :func:`install_signal_handlers` makes SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` in the
  main thread, so every ``with`` and ``finally`` on the way out runs (the default SIGTERM and SIGHUP
  kill the process on the spot, and Click turns a KeyboardInterrupt into "Aborted!" and exit 1).
- :func:`popen` starts a solver child in its own session (a Ctrl-C at the terminal reaches ``mutasi``
  only, which then ends the child itself), with the Linux parent-death signal (SIGKILL when ``mutasi``
  dies, also by ``kill -9``, which no handler sees) and registered so that :func:`end_children` ends it.
- :func:`call_in_worker` runs in-process HiGHS in a worker thread while the main thread waits: a signal
  handler only runs between Python bytecodes of the main thread, so a signal during ``Highs.run()`` in
  the main thread waited for the whole solve (measured: 13 s late on a 15 s MIP).
- :func:`open_private_temp` makes one folder (mode 0700, ``mutasi-<pid>-XXXX`` in the system's
  temporary folder) the temporary folder of every file the run and its libraries create (CBC's MPS,
  solution and log files; openpyxl's ``openpyxl.*`` files hold the NIPs of the people to be moved), and
  :func:`close_private_temp` removes it on every exit path. What a ``kill -9`` leaves is swept by the
  next run (:func:`sweep_stale`).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: the signals that end a run cleanly (exit 128 + signum)
SIGNALS: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
#: seconds a child gets to end after SIGTERM before it is killed
CHILD_GRACE = 1.0
#: seconds the main thread waits for an in-process solver to stop once asked to
WORKER_STOP_WAIT = 2.0
#: prefix of the private temporary folder, followed by the pid and a random part
PRIVATE_PREFIX = "mutasi-"
_PRIVATE_NAME = re.compile(r"^mutasi-(?P<pid>\d+)-[A-Za-z0-9_]+$")
#: a file inside the private folder held under an exclusive flock for the whole run: a folder whose
#: lock can be taken belongs to no live process, whatever its pid says (pid reuse, another pid namespace
#: sharing /tmp)
_LIVE_LOCK = ".live"

_PR_SET_PDEATHSIG = 1


class Interrupted(BaseException):
    """Raised in the main thread by the handler of SIGINT, SIGTERM and SIGHUP.

    A BaseException, like KeyboardInterrupt, so that the ``except Exception`` that turns a bug into exit 4
    lets it through; not a KeyboardInterrupt, so that Click does not turn it into "Aborted!" and exit 1.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"sinyal {self.signum}"

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports a process ended by that signal."""
        return 128 + self.signum


class TimeUp(Exception):
    """The time limit ran out in the middle of work that has nothing usable to return yet (building a
    model); the caller falls back to the plan it already has."""


def check_deadline(deadline: float | None) -> None:
    """Raise :class:`TimeUp` when ``deadline`` (a ``time.perf_counter()`` instant) has passed."""
    if deadline is not None and time.perf_counter() > deadline:
        raise TimeUp


_plan_deadline: float | None = None


@contextlib.contextmanager
def plan_deadline(deadline: float) -> Iterator[None]:
    """The instant (``time.perf_counter()``) by which every solver run of this plan must end, whatever
    its caller asks: callers give a solve at least a second (``max(1.0, left)``), so after the deadline
    solve after solve got one more second, and HiGHS overran each (measured, 20,000 people,
    ``--time-limit 20``: six MIPs after the deadline, 77 s over). See :func:`clamp`."""
    global _plan_deadline
    saved, _plan_deadline = _plan_deadline, deadline
    try:
        yield
    finally:
        _plan_deadline = saved


def clamp(seconds: float) -> float:
    """``seconds`` from now, cut to what is left before the plan's deadline (:func:`plan_deadline`);
    0 or less once it has passed."""
    if _plan_deadline is None:
        return seconds
    return min(seconds, _plan_deadline - time.perf_counter())


# --- signals ------------------------------------------------------------------------------------------

_first_signal: int | None = None
_pending: int | None = None
_deferring = 0
_closing = False


def _handler(signum: int, _frame: object) -> None:
    """Raise :class:`Interrupted` once (later, at the end of a :func:`deferred_signals` section); a
    second signal while the first unwinds is ignored so that it cannot cut the cleanup short (every wait
    on that path is bounded)."""
    global _first_signal, _pending
    if _first_signal is not None or _closing:
        return
    _first_signal = signum
    if _deferring:
        _pending = signum
        return
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    """Make SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread. A
    SIGHUP ignored when we start stays ignored (``nohup mutasi …`` must survive the hangup); SIGINT and
    SIGTERM are always ours (a shell starts background jobs with SIGINT ignored, yet ``kill -INT`` of
    such a job is meant to stop it cleanly)."""
    global _first_signal, _pending, _closing
    _first_signal = _pending = None
    _closing = False
    for sig in SIGNALS:
        if sig == signal.SIGHUP and signal.getsignal(sig) == signal.SIG_IGN:
            continue
        signal.signal(sig, _handler)


def closing() -> None:
    """The run is over (its exit code decided): a signal from now on is ignored rather than raised in
    the middle of the last cleanup, where it would end the process with a traceback."""
    global _closing
    _closing = True


def interrupted() -> int | None:
    """The signal that interrupted this run, if any."""
    return _first_signal


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold :class:`Interrupted` back until the end of the block: for steps that must not be cut in two,
    such as starting a child and registering it (a child started but not yet registered would be left
    to the parent-death signal). Blocking the signals with ``pthread_sigmask`` would not do: the kernel
    hands a process's signal to any thread that does not block it, and Python then runs the handler in
    the main thread at its next bytecode."""
    global _deferring, _pending
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)


# --- solver child processes -----------------------------------------------------------------------

_children: dict[int, subprocess.Popen[Any]] = {}
_children_lock = threading.Lock()


def _load_prctl() -> Callable[..., int] | None:
    """``prctl`` from the C library, resolved in the parent: a child between fork and exec must not
    load libraries (another thread may hold the loader's or malloc's lock)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.prctl
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    fn.restype = ctypes.c_int
    return fn  # type: ignore[no-any-return]


_prctl = _load_prctl()


def _child_setup(parent: int) -> Callable[[], None]:
    """The ``preexec_fn`` of a solver child: our signals unblocked (a mask is inherited across exec, and
    a solver that cannot receive SIGTERM could only be killed), and SIGKILL asked of the kernel when the
    parent dies; if the parent already died between fork and prctl, end at once."""

    def setup() -> None:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
        if _prctl is not None:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:
                os._exit(1)

    return setup


def popen(args: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
    """Start a solver child that never outlives ``mutasi`` (see the module's docstring), registered
    before any interrupt can be handled (:func:`deferred_signals`). The parent-death signal follows the
    thread that started the child: call this from the main thread (or one that outlives the child)."""
    kwargs.setdefault("start_new_session", True)
    kwargs["preexec_fn"] = _child_setup(os.getpid())
    with deferred_signals():
        proc = subprocess.Popen(args, **kwargs)
        with _children_lock:
            _children[proc.pid] = proc
    return proc


def end_child(proc: subprocess.Popen[Any], grace: float = CHILD_GRACE) -> None:
    """End ``proc`` and its process group: SIGTERM, then SIGKILL after ``grace`` seconds; reap it."""
    try:
        if proc.poll() is None:
            _signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait(timeout=5.0)
    except (OSError, subprocess.SubprocessError):
        pass
    finally:
        with _children_lock:
            _children.pop(proc.pid, None)


def _signal_group(proc: subprocess.Popen[Any], sig: int) -> None:
    """Signal the child's process group (it leads its own session), else the child alone."""
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(sig)


def end_children(grace: float = CHILD_GRACE) -> None:
    """End every registered child still running (the signal path, and the last line of defence)."""
    with _children_lock:
        procs = list(_children.values())
    for proc in procs:
        end_child(proc, grace)


@contextlib.contextmanager
def child(args: Sequence[str], **kwargs: Any) -> Iterator[subprocess.Popen[Any]]:
    """:func:`popen` for the length of a ``with`` block: whatever ends the block (a return, an
    exception, :class:`Interrupted`), the child has ended and been reaped when the block is left."""
    proc = popen(args, **kwargs)
    try:
        yield proc
    finally:
        end_child(proc)


def running_children() -> list[int]:
    """The pids of the registered children still running (for tests and diagnostics)."""
    with _children_lock:
        return [pid for pid, p in _children.items() if p.poll() is None]


# --- the in-process solver's thread ----------------------------------------------------------------

_jobs: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
_worker: threading.Thread | None = None
_worker_busy = threading.Event()
_on_stuck: Callable[[Interrupted], None] | None = None


def set_stuck_handler(handler: Callable[[Interrupted], None] | None) -> None:
    """What to do when an interrupt finds the solver thread still running after it was asked to stop
    (HiGHS looks at its interrupt flag where it looks at the clock, and setting up a large MIP can take
    seconds without either): the command line ends the run there and then (cleanup, message,
    ``os._exit``), since unwinding further would run ``finally`` blocks that touch the running model."""
    global _on_stuck
    _on_stuck = handler


def _work() -> None:
    while True:
        fn, fut = _jobs.get()
        if not fut.set_running_or_notify_cancel():
            continue
        _worker_busy.set()
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            _worker_busy.clear()  # (before the waiter wakes: it asks worker_busy() next)
            fut.set_exception(exc)
        else:
            _worker_busy.clear()
            fut.set_result(result)


def call_in_worker(
    fn: Callable[[], T], cancel: Callable[[], None] | None = None, deadline: float | None = None
) -> T:
    """``fn()`` in the one solver thread, the main thread waiting so that a signal is handled at once.

    One persistent thread, not one per call: HiGHS keeps its task scheduler per thread, so every solve
    runs in the thread that first ran one, as before. On :class:`Interrupted` (or any exception raised in
    the wait) ``cancel`` asks the solver to stop, and the main thread waits up to
    :data:`WORKER_STOP_WAIT` seconds before going on: the caller's ``finally`` blocks may touch the
    solver's model only once it has stopped; if it has not, the stuck handler
    (:func:`set_stuck_handler`) ends the run. At ``deadline`` (a ``time.perf_counter()`` instant)
    ``cancel`` is called too, and the wait goes on: a watchdog for a solver that overruns its own time
    limit. Called from any other thread than the main one, ``fn`` simply runs there."""
    global _worker
    if threading.current_thread() is not threading.main_thread():
        return fn()
    if _worker is None or not _worker.is_alive():
        _worker = threading.Thread(target=_work, name="mutasi-solver", daemon=True)
        _worker.start()
    fut: Future[T] = Future()
    _jobs.put((fn, fut))
    try:
        while True:
            try:
                return fut.result(timeout=0.1)
            except TimeoutError:
                if deadline is not None and cancel is not None and time.perf_counter() > deadline:
                    cancel()
                    deadline = None
    except BaseException as exc:
        if not fut.cancel():
            if cancel is not None:
                with contextlib.suppress(Exception):
                    cancel()
            with contextlib.suppress(BaseException):
                fut.exception(timeout=WORKER_STOP_WAIT)
            if not fut.done() and isinstance(exc, Interrupted) and _on_stuck is not None:
                _on_stuck(exc)
        raise


def worker_busy() -> bool:
    """True while the solver thread is still running a job (then exiting must not wait for it)."""
    return _worker_busy.is_set()


# --- the private temporary folder ------------------------------------------------------------------

_private: Path | None = None
_live_fd: int | None = None
_saved_tempdir: str | None = None
_saved_env: str | None = None
_system_tmp: str | None = None


def system_temp_dir() -> str:
    """The system's temporary folder as it was before :func:`open_private_temp` (for what must be
    shared between runs, such as the output locks)."""
    return _system_tmp if _system_tmp is not None else tempfile.gettempdir()


def temp_dir() -> str:
    """Where this run's temporary files go: the private folder once open, else the system's."""
    return str(_private) if _private is not None else tempfile.gettempdir()


def private_temp() -> Path | None:
    """The private temporary folder of this run, if open."""
    return _private


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists (one of another user counts: it cannot be signalled, but is)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(folder: str | None = None) -> list[Path]:
    """Remove the private folders that killed runs left in ``folder`` (the system's temporary folder):
    ours by name and owner, their pid not alive, and their live-lock free (a live run holds it, whatever
    its pid looks like from here). Returns what was removed."""
    base = Path(folder or system_temp_dir())
    removed: list[Path] = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return removed
    uid = os.getuid()
    for entry in entries:
        m = _PRIVATE_NAME.match(entry.name)
        if m is None or int(m["pid"]) == os.getpid():
            continue
        try:
            st = entry.lstat()
        except OSError:
            continue
        if st.st_uid != uid or not entry.is_dir() or entry.is_symlink() or alive(int(m["pid"])):
            continue
        if _held(entry / _LIVE_LOCK):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(entry)
    return removed


def _held(lock: Path) -> bool:
    """True when another process holds the live-lock ``lock`` (a missing lock file is not held)."""
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def open_private_temp() -> Path:
    """Create this run's private temporary folder and make it the temporary folder of the process
    (``tempfile.tempdir``) and of its children (``TMPDIR``); sweep what killed runs left first.
    Idempotent. Removed by :func:`close_private_temp`, also registered with ``atexit``."""
    global _private, _live_fd, _saved_tempdir, _saved_env, _system_tmp
    if _private is not None:
        return _private
    _system_tmp = tempfile.gettempdir()
    sweep_stale(_system_tmp)
    path = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}{os.getpid()}-", dir=_system_tmp))
    fd = os.open(path / _LIVE_LOCK, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    _private, _live_fd = path, fd
    _saved_tempdir, _saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(path)
    os.environ["TMPDIR"] = str(path)
    atexit.register(close_private_temp)
    return path


def close_private_temp() -> None:
    """Remove the private folder with everything in it, and restore the temporary folder. Idempotent."""
    global _private, _live_fd
    path, fd = _private, _live_fd
    if path is None:
        return
    _private, _live_fd = None, None
    tempfile.tempdir = _saved_tempdir
    if _saved_env is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = _saved_env
    shutil.rmtree(path, ignore_errors=True)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def cleanup() -> None:
    """Every exit path's last step: end the children, remove the private folder."""
    end_children()
    close_private_temp()


__all__ = [
    "Interrupted",
    "TimeUp",
    "call_in_worker",
    "check_deadline",
    "clamp",
    "child",
    "cleanup",
    "close_private_temp",
    "closing",
    "deferred_signals",
    "end_children",
    "install_signal_handlers",
    "open_private_temp",
    "plan_deadline",
    "popen",
    "private_temp",
    "set_stuck_handler",
    "sweep_stale",
    "system_temp_dir",
    "temp_dir",
]
