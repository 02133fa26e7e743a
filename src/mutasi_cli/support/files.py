"""Output files that appear whole or not at all, never over an input (CONTRACT.md "Files").

Every command that writes checks its output before any work (:func:`check_output`: not an input, not a
folder where a file is meant, the right extension, a place that takes a new file), holds an advisory lock
on it for the run (:func:`output_lock`, through ``filelock``), and writes through :func:`atomic_file` or
:func:`atomic_folder`: into a hidden sibling first, flushed to disk, then renamed over the target. A kill
at any moment leaves the previous output or the new one, never a mixture; the leftovers of a killed run
(hidden siblings named after its process id) are removed, or restored, by the next run on that target.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from filelock import FileLock, Timeout

from mutasi_cli.support import messages as msg
from mutasi_cli.support.runtime import alive, system_temp_dir

#: seconds a second run waits for the lock on an output before it gives up (exit 2)
LOCK_WAIT_SECONDS = 10.0
#: the marker file of a folder of decrees: only such a folder is ever replaced
FOLDER_MARKER = ".mutasi-sk"
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.(?P<kind>tmp|new|old)(?:-[0-9a-z_]+)?$")


class OutputError(Exception):
    """An output that cannot or must not be written (exit 2, CONTRACT.md); the text is for the user."""


def check_output(
    path: Path,
    *,
    inputs: Sequence[Path] = (),
    suffixes: Sequence[str] = (),
    folder: bool = False,
) -> Path:
    """``path`` if it may be written, else :class:`OutputError` with what to do. Creates nothing."""
    path = Path(path)
    for inp in inputs:
        if _same(path, Path(inp)):
            raise OutputError(msg.OUTPUT_IS_INPUT.format(path=path, input=inp))
        if folder and _inside(Path(inp), path):
            raise OutputError(msg.OUTPUT_HOLDS_INPUT.format(path=path, input=inp))
    if folder:
        if path.exists() and not path.is_dir():
            raise OutputError(msg.OUTPUT_NOT_FOLDER.format(path=path))
        if path.is_dir() and any(path.iterdir()) and not (path / FOLDER_MARKER).is_file():
            raise OutputError(msg.OUTPUT_FOLDER_FOREIGN.format(path=path))
    else:
        if path.is_dir():
            raise OutputError(msg.OUTPUT_IS_FOLDER.format(path=path))
        if path.exists() and not path.is_file():
            raise OutputError(msg.OUTPUT_NOT_REGULAR.format(path=path))
        if suffixes and path.suffix.lower() not in suffixes:
            raise OutputError(msg.OUTPUT_SUFFIX.format(path=path, suffixes=", ".join(suffixes)))
    _probe_writable(_nearest_existing(path.parent), path)
    return path


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _inside(inner: Path, outer: Path) -> bool:
    try:
        return inner.resolve().is_relative_to(outer.resolve())
    except OSError:
        return False


def _nearest_existing(folder: Path) -> Path:
    folder = folder.absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _probe_writable(folder: Path, target: Path) -> None:
    """Create and remove a file in ``folder``: the only test that also sees a read-only file system and
    root's rights (``os.access`` says yes to root on a read-only mount)."""
    if not folder.is_dir():
        raise OutputError(msg.OUTPUT_UNWRITABLE.format(path=target, reason=f"{folder} bukan folder"))
    try:
        fd, name = tempfile.mkstemp(prefix=".mutasi-probe-", dir=folder)
    except OSError as exc:
        raise OutputError(msg.OUTPUT_UNWRITABLE.format(path=target, reason=os_reason(exc))) from None
    os.close(fd)
    os.unlink(name)


def os_reason(exc: OSError) -> str:
    """An OS error in words (Bahasa Indonesia), for messages."""
    return msg.OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))


def write_failed(path: Path, exc: OSError) -> OutputError:
    """The OutputError for an OS error met while writing ``path`` (disk full, folder removed, …)."""
    return OutputError(msg.OUTPUT_WRITE_FAILED.format(path=path, reason=os_reason(exc)))


def _io_failure(path: Path, exc: BaseException) -> OutputError | None:
    """An OS error that a library reported in its own type: lxml (under openpyxl) raises
    ``SerialisationError("IO_ENOSPC")`` for a full disk. None for anything else."""
    m = re.fullmatch(r"IO_(E[A-Z]+)", str(exc))
    if type(exc).__name__ != "SerialisationError" or m is None:
        return None
    code = getattr(errno, m[1], 0)
    return write_failed(path, OSError(code, msg.OS_ERRORS.get(code, m[1])))


# --- the lock ---------------------------------------------------------------------------------------


def _lock_path(target: Path) -> Path:
    """A lock file per output, in a folder of the user's own under the system's temporary folder (not
    beside the output, where it would litter the analyst's folder; it holds nothing). The system's, not
    this run's private one (:mod:`mutasi_cli.support.runtime`): a lock no other run sees locks nothing."""
    folder = Path(system_temp_dir()) / f"mutasi-locks-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    key = hashlib.sha256(str(target.absolute().resolve()).encode()).hexdigest()[:32]
    return folder / f"{key}.lock"


@contextlib.contextmanager
def output_lock(target: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the advisory lock of ``target`` (a second run to the same output waits ``wait`` seconds,
    then gets :class:`OutputError`)."""
    lock = FileLock(str(_lock_path(Path(target))), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(msg.OUTPUT_LOCKED.format(path=target, seconds=f"{wait:.0f}")) from None
    try:
        yield
    finally:
        lock.release()


# --- whole files and folders --------------------------------------------------------------------------


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{kind}")


def sweep(target: Path) -> None:
    """Remove what killed runs left beside ``target``; restore a folder of decrees that a kill took away
    between the two renames of :func:`atomic_folder` (its previous version is then the only one)."""
    folder = target.parent
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        m = _TEMP.match(entry.name)
        if m is None or m["name"] != target.name:
            continue
        pid = int(m["pid"])
        if pid != os.getpid() and alive(pid):
            continue  # a run still writing
        if m["kind"] == "old" and not target.exists():
            os.replace(entry, target)
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a hidden path beside ``target`` to write to; on success it is flushed to disk and renamed
    over ``target`` (the old file stays until that instant). On failure it is removed and an OS error
    becomes :class:`OutputError`."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target)
    except OSError as exc:
        raise write_failed(target, exc) from None
    tmp = _sibling(target, "tmp")
    try:
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failed(target, exc) from None
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        failure = _io_failure(target, exc)
        if failure is not None:
            raise failure from None
        raise


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a new hidden folder beside ``target``; on success every file in it is flushed, the old
    folder is renamed aside, the new one renamed into place and the old one removed. A folder of two
    runs never exists; a kill between the two renames leaves the old folder aside, restored by the next
    run's :func:`sweep`."""
    target = Path(target)
    new = _sibling(target, "new")
    old = _sibling(target, "old")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target)
        new.mkdir(mode=0o755)
        (new / FOLDER_MARKER).write_text("mutasi sk\n", encoding="utf-8")
    except OSError as exc:
        raise write_failed(target, exc) from None
    try:
        yield new
        for root, _dirs, files in os.walk(new):
            for f in files:
                _fsync_file(Path(root) / f)
            _fsync_dir(Path(root))
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
        _fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(new, ignore_errors=True)
        if old.exists() and not target.exists():
            os.replace(old, target)
        failure = write_failed(target, exc) if isinstance(exc, OSError) else _io_failure(target, exc)
        if failure is not None:
            raise failure from None
        raise

