"""The command line: a thin Typer layer over :mod:`mutasi_cli.workflow`. All texts in Bahasa Indonesia."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import traceback
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from mutasi_cli import __version__, bahasa
from mutasi_cli.inputs.issues import Issue
from mutasi_cli.inputs.settings import SettingsError, load_settings
from mutasi_cli.support.messages import (
    DEBUG_HELP,
    EFFECTIVE_DATE_HELP,
    EFFECTIVE_DATE_REFERENCE_HELP,
    ENVIRONMENT_ERROR,
    ENVIRONMENT_ERROR_NO_PATH,
    INTERNAL_ERROR,
    OUT_OF_MEMORY,
)
from mutasi_cli.support.numbers import format_count, format_number, format_percent
from mutasi_cli.support.terminal import clean, configure_streams, print_json, safe

if TYPE_CHECKING:
    from mutasi_cli.outputs.decree import ReviewedPlan
    from mutasi_cli.rules.freeze import Freeze

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

#: Typer's and Click's own texts (help, usage errors, suggestions) in Bahasa, whatever LANG says
bahasa.install()
app = typer.Typer(
    name="mutasi",
    help="Perencanaan mutasi ASN yang optimal dan dapat dijelaskan, untuk BKPSDMD.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=bahasa.BahasaGroup,
)
#: messages are never wrapped mid-path (a cron log is read by grep)
err = Console(stderr=True, soft_wrap=True)
out = Console()

#: the phases of `plan` as the terminal names them, in plain words
PHASES = {
    "read": "Membaca dan memeriksa berkas",
    "candidates": "Mencari jabatan yang dapat dituju setiap pegawai",
    "model": "Menyusun perhitungan rencana",
    "solve-a": (
        "Mencari rencana terbaik: menampung pegawai yang jabatannya dihapus, mengisi jabatan Prioritas 1, "
        "memindahkan pegawai yang sudah waktunya"
    ),
    "solve-b": "Menyempurnakan rencana: pegawai yang paling sesuai, dengan mutasi sesedikit mungkin",
    "write": "Menulis buku kerja",
}


class _PhaseProgress:
    """Each phase on its own line with its elapsed time (Rich, stderr, terminals only); a message
    ``"detail:<text>"`` (solver progress: column-generation rounds, bounds) updates the current line."""

    def __init__(self) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err
        )
        self.task: object | None = None
        self.label = ""

    def start(self) -> None:
        self.progress.start()

    def stop(self) -> None:
        self._finish()
        self.progress.stop()

    def _finish(self) -> None:
        if self.task is not None:
            self.progress.update(self.task, total=1, completed=1)  # type: ignore[arg-type]
            self.progress.stop_task(self.task)  # type: ignore[arg-type]

    def __call__(self, phase: str) -> None:
        if phase.startswith("detail:"):
            if self.task is not None:
                self.progress.update(self.task, description=f"{self.label} — {safe(phase[7:])}")  # type: ignore[arg-type]
            return
        self._finish()
        self.label = safe(PHASES.get(phase, phase))
        self.task = self.progress.add_task(self.label, total=None)


class Solver(StrEnum):
    cbc = "cbc"
    highs = "highs"


class Route(StrEnum):
    pricing = "pricing"
    direct = "direct"


def _version(value: bool) -> None:
    if value:
        out.print(f"mutasi {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi.")
    ] = None,
) -> None:
    """Perencanaan mutasi ASN yang optimal dan dapat dijelaskan, untuk BKPSDMD."""
    configure_streams(debug="--debug" in sys.argv)


def _parse_date(value: str | None) -> dt.date:
    """``--effective-date`` in the forms the cells take (values.parse_date, without Excel's serial
    numbers); a usage error (exit 2) that names them, or says that the day does not exist."""
    from mutasi_cli.inputs.values import date_fault, date_parts, parse_date
    from mutasi_cli.support.messages import EFFECTIVE_DATE_IMPOSSIBLE, EFFECTIVE_DATE_UNREADABLE

    if value is None:
        return dt.date.today()
    date = parse_date(value) if date_parts(value) is not None else None
    if date is not None:
        return date
    fault = date_fault(value)
    message = (
        EFFECTIVE_DATE_IMPOSSIBLE.format(value=clean(value), detail=fault)
        if fault
        else EFFECTIVE_DATE_UNREADABLE.format(value=clean(value))
    )
    raise typer.BadParameter(message, param_hint="'--effective-date'")


#: problems shown in the terminal table; the rest are counted (all of them: --json, -o masalah.xlsx)
MAX_TABLE_ROWS = 200


def _issue_table(issues: list[Issue], title: str = "Masalah pada data masukan") -> Table:
    more = len(issues) - MAX_TABLE_ROWS
    caption = (
        f"… dan {format_count(more)} masalah lainnya; semuanya ada di --json atau -o masalah.xlsx."
        if more > 0
        else None
    )
    table = Table(title=title, show_lines=False, caption=caption)
    for col in ("Kode", "Tingkat", "Sheet", "Baris", "Kolom", "Nilai", "Pesan"):
        table.add_column(col, overflow="fold")
    for i in sorted(issues, key=lambda i: i.severity != "error")[:MAX_TABLE_ROWS]:
        sev = "[red]galat[/]" if i.severity == "error" else "[yellow]peringatan[/]"
        cells = (i.code, i.sheet, i.row or "", i.column or "", i.value or "", i.message)
        code, sheet, row, column, value, message = (safe(c) for c in cells)
        table.add_row(code, sev, sheet, row, column, value, message)
    return table


def _issue_line(i: Issue, path: object = None) -> str:
    """One problem as one line of plain text (for a log, grep, a pipe): "Galat: Pegawai baris 5, kolom
    'NIP': <pesan> [invalid-nip]". ``path``: the file it is in, said unless the message says it; a
    file- or sheet-level problem whose message names its sheet is not prefixed with it either."""
    where = [str(path)] if path and str(path) not in i.message else []
    if i.sheet and (i.row or i.sheet not in i.message):
        where.append(f"{i.sheet} baris {i.row}" if i.row else i.sheet)
    if i.column:
        where.append(f"kolom '{i.column}'")
    label = "Galat" if i.severity == "error" else "Peringatan"
    place = f"{', '.join(where)}: " if where else ""
    return clean(f"{label}: {place}{i.message} [{i.code}]")


def _print_issues(console: Console, issues: list[Issue], title: str = "Masalah pada data masukan") -> None:
    """Every problem: a table on a terminal; else one line each, errors first, never wrapped."""
    if console.is_terminal:
        console.print(_issue_table(issues, title))
        return
    for i in sorted(issues, key=lambda i: i.severity != "error"):
        console.print(_issue_line(i), markup=False, highlight=False, soft_wrap=True)


CONFIG_HELP = "Berkas pengaturan (bobot, pemetaan kolom); bawaan: mutasi.toml di folder kerja bila ada."


def _fail(message: str, code: int, *, debug: bool = False, as_json: bool = False) -> None:
    """Print the error (one JSON object on stdout too with ``--json``) and exit with ``code``."""
    if debug:
        traceback.print_exc()
    if as_json:  # CONTRACT.md: any failure still prints one object
        print_json({"status": "error", "exit": code, "message": clean(message)})
    err.print(f"[bold red]Galat:[/] {safe(message)}")
    raise typer.Exit(code)


def _classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and message of an exception: 1 for invalid input, 2 for what the user or the
    environment must change (outputs, files, memory), 4 only for a fault of mutasi itself."""
    from mutasi_cli.outputs.decree import DecreeError
    from mutasi_cli.rules.freeze import FreezeError
    from mutasi_cli.support.files import OutputError, os_reason

    if isinstance(exc, OutputError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, SettingsError | FreezeError):
        return EXIT_INVALID, str(exc)
    if isinstance(exc, DecreeError):
        return _DECREE_EXIT.get(exc.code, EXIT_INVALID), str(exc)
    if isinstance(exc, MemoryError):
        return EXIT_USAGE, OUT_OF_MEMORY
    if isinstance(exc, OSError):
        if exc.filename is None:
            return EXIT_USAGE, ENVIRONMENT_ERROR_NO_PATH.format(reason=os_reason(exc))
        return EXIT_USAGE, ENVIRONMENT_ERROR.format(path=exc.filename, reason=os_reason(exc))
    return EXIT_INTERNAL, INTERNAL_ERROR.format(exc=exc)


@contextlib.contextmanager
def _errors(*, as_json: bool = False, debug: bool = False, cleanup=None) -> Iterator[None]:
    """The one place where a command's exceptions become a message and an exit code."""
    from mutasi_cli.outputs.decree import PlanError

    try:
        yield
    except typer.Exit:
        raise
    except PlanError as exc:
        if cleanup:
            cleanup()
        _plan_errors(exc)
        summary = f"{format_count(len(exc.issues))} masalah pada {exc.path}"
        if as_json:
            print_json({"status": "error", "exit": EXIT_INVALID, "message": summary})
        raise typer.Exit(EXIT_INVALID) from None
    except Exception as exc:  # noqa: BLE001 - every exception ends here as a message
        if cleanup:
            cleanup()
        code, message = _classify(exc)
        _fail(message, code, debug=debug, as_json=as_json)


def _inputs(*paths: Path | None) -> list[Path]:
    return [p for p in paths if p is not None]


def _invalid_input(
    errors: list[Issue], warnings: int, pegawai: Path, jabatan: Path, effective_date: str | None
) -> None:
    """`plan` on invalid input: its errors, one line each (at most MAX_TABLE_ROWS), and how many
    warnings there are besides, with the command that lists everything."""
    from mutasi_cli.support.messages import (
        PLAN_INVALID,
        PLAN_INVALID_MORE,
        PLAN_INVALID_NO_WARNINGS,
        PLAN_INVALID_WARNINGS,
    )

    for i in errors[:MAX_TABLE_ROWS]:
        line = _issue_line(i)
        label, rest = line.split(": ", 1)
        err.print(f"[bold red]{label}:[/] {safe(rest)}")
    if len(errors) > MAX_TABLE_ROWS:
        err.print(PLAN_INVALID_MORE.format(count=format_count(len(errors) - MAX_TABLE_ROWS)))
    err.print(f"[bold red]{safe(PLAN_INVALID.format(errors=format_count(len(errors))))}[/]")
    import shlex

    words = ["mutasi", "validate", str(pegawai), str(jabatan)]
    words += ["--effective-date", effective_date] if effective_date else []
    command = safe(shlex.join(words))
    note = PLAN_INVALID_WARNINGS if warnings else PLAN_INVALID_NO_WARNINGS
    err.print(note.format(warnings=format_count(warnings), command=command))


@app.command()
def plan(
    pegawai: Annotated[
        Path,
        typer.Argument(
            help="Berkas pegawai (.xlsx/.csv), atau satu buku kerja berisi sheet Pegawai dan Jabatan."
        ),
    ],
    jabatan: Annotated[
        Path, typer.Argument(help="Berkas jabatan (.xlsx/.csv); boleh sama dengan berkas pegawai.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Buku kerja hasil.")] = Path(
        "rencana_mutasi.xlsx"
    ),
    effective_date: Annotated[
        str | None, typer.Option("--effective-date", metavar="TANGGAL", help=EFFECTIVE_DATE_HELP)
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, help="Batas waktu perencanaan (detik).")
    ] = 300,  # the help shows "300": an Indonesian number has no decimal point
    solver: Annotated[Solver, typer.Option("--solver", help="Solver: cbc (bawaan) atau highs.")] = Solver.cbc,
    route: Annotated[
        Route,
        typer.Option(
            "--route",
            help="Cara membentuk model: pricing (bawaan; hanya pasangan yang terbukti diperlukan) atau "
            "direct (satu variabel per pasangan calon).",
        ),
    ] = Route.pricing,
    config: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    review: Annotated[
        Path | None,
        typer.Option(
            "--review",
            metavar="TINJAUAN.xlsx",
            help="Susun ulang setelah tinjauan: buku kerja rencana yang telah ditinjau (Setuju kosong/Ya "
            "dipertahankan, Tidak atau baris dihapus tidak dilakukan), dengan perubahan sesedikit mungkin.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa keluaran kecuali galat.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Susun rencana mutasi yang optimal dan tulis buku kerjanya."""
    from mutasi_cli.support.files import check_output, output_lock
    from mutasi_cli.workflow import InvalidInput, plan_files

    date = _parse_date(effective_date) if effective_date is not None or review is None else None
    show_progress = not quiet and not as_json and err.is_terminal
    status_line = _PhaseProgress() if show_progress else None
    stop = status_line.stop if status_line else None
    invalid: InvalidInput | None = None
    with _errors(as_json=as_json, debug=debug, cleanup=stop):
        settings = load_settings(config)
        check_output(
            output, inputs=_inputs(pegawai, jabatan, config, settings.source, review), suffixes=(".xlsx",)
        )
        with output_lock(output):
            if status_line:
                status_line.start()

            def progress(phase: str) -> None:
                if status_line:
                    status_line(phase)

            try:
                run = plan_files(
                    pegawai, jabatan, output, effective_date=date, solver=solver.value, time_limit=time_limit,
                    route=route.value, progress=progress, settings=settings, review=review,
                )  # fmt: skip
            except InvalidInput as exc:
                invalid = exc
        if status_line:
            status_line.stop()
    if invalid is not None:
        issues = invalid.log.issues
        if as_json:
            print_json({"valid": False, "issues": [i.to_dict() for i in issues]})
        else:
            n_warnings = len(issues) - len(invalid.log.errors)
            _invalid_input(invalid.log.errors, n_warnings, pegawai, jabatan, effective_date)
        raise typer.Exit(EXIT_INVALID)
    s = run.summary
    from mutasi_cli.rules.freeze import freeze_json

    freeze = {"freeze": freeze_json(run.freeze)}
    if run.result.status == "infeasible":
        if as_json:
            infeasible = {"status": "infeasible", "output": None, "message": clean(run.result.message or "")}
            print_json(s.to_json(output) | infeasible | freeze)
        err.print(f"[bold red]Tidak ada rencana yang layak.[/] {safe(run.result.message or '')}")
        raise typer.Exit(EXIT_INFEASIBLE)
    if as_json:
        print_json(s.to_json(output) | freeze)
    elif not quiet:
        table = Table(title=f"Rencana mutasi — {safe(output)}", show_header=False)
        table.add_column("Ukuran")
        table.add_column("Nilai", justify="right")
        from mutasi_cli.support.messages import STATUS_TEXT

        table.add_row("Status", STATUS_TEXT.get(s.status, s.status))
        table.add_row("Mutasi", format_count(s.moves))
        table.add_row("Jatuh tempo dimutasi", f"{format_count(s.due_moved)} dari {format_count(s.due)}")
        table.add_row(
            "Tempat Prioritas 1 terisi",
            f"{format_count(s.priority1_filled)} dari {format_count(s.priority1_places)}",
        )
        table.add_row("Tidak tertampung", format_count(s.unplaced))
        table.add_row("Tempat lowong setelah mutasi", format_count(s.empty_places))
        gap = run.result.gap
        table.add_row("Celah optimalitas tingkat 3", "-" if gap is None else format_percent(gap, 4))
        table.add_row("Waktu", f"{format_number(s.seconds, 1)} detik")
        out.print(table)
        warnings = [i for i in run.issues.issues if i.severity == "warning"]
        if warnings:
            out.print(
                f"[yellow]{format_count(len(warnings))} peringatan[/] pada data masukan (lihat `mutasi validate`)."
            )
        if s.review is not None:
            from mutasi_cli.support.messages import REVIEW_TERMINAL

            counts = {k: format_count(int(v)) for k, v in s.review.items() if isinstance(v, int)}
            out.print(safe(REVIEW_TERMINAL.format(**counts)))
            for key in ("priority1_left_empty", "warnings"):
                for line in list(s.review.get(key) or []):  # type: ignore[call-overload]
                    out.print(f"[bold yellow]Peringatan:[/] {safe(str(line))}")
        if run.freeze is not None:
            label = "[bold]Catatan:[/]" if run.freeze.approved else "[bold yellow]Peringatan:[/]"
            out.print(f"{label} {safe(run.freeze.message)}")
    if s.fallback and not quiet:
        err.print(f"[bold yellow]Peringatan:[/] {safe(s.fallback_note)}")


@app.command()
def validate(
    pegawai: Annotated[Path, typer.Argument(help="Berkas pegawai (.xlsx/.csv).")],
    jabatan: Annotated[Path, typer.Argument(help="Berkas jabatan (.xlsx/.csv).")],
    effective_date: Annotated[
        str | None, typer.Option("--effective-date", metavar="TANGGAL", help=EFFECTIVE_DATE_HELP)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Tulis juga buku kerja masalah (mis. masalah.xlsx) di samping sel aslinya."
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Periksa data masukan dan tampilkan semua masalah, tanpa menyusun rencana."""
    from mutasi_cli.inputs.load import load_round
    from mutasi_cli.support.files import check_output, output_lock

    date = _parse_date(effective_date)
    with _errors(as_json=as_json, debug=debug):
        settings = load_settings(config)
        if output is not None:
            check_output(
                output, inputs=_inputs(pegawai, jabatan, config, settings.source), suffixes=(".xlsx",)
            )
        with output_lock(output) if output is not None else contextlib.nullcontext():
            _, log = load_round(pegawai, jabatan, date, settings)
            if output is not None:
                from mutasi_cli.outputs.problems import write_problems

                write_problems(output, pegawai, jabatan, log.issues)
    if as_json:
        print_json({"valid": not log.has_errors, "issues": [i.to_dict() for i in log.issues]})
    elif log.issues:
        _print_issues(out, log.issues)
        n_err = len(log.errors)
        out.print(f"{format_count(n_err)} galat, {format_count(len(log.issues) - n_err)} peringatan.")
    else:
        out.print("[green]Data masukan sah: tidak ada masalah.[/]")
    if output is not None and not as_json:
        out.print(f"Buku kerja masalah: {safe(output)}")
    raise typer.Exit(EXIT_INVALID if log.has_errors else EXIT_OK)


CHECK_PLAN_HELP = (
    "Buku kerja rencana (keluaran `mutasi plan`), boleh sudah ditinjau dan diubah di Daftar Mutasi."
)
CHECK_INPUT_HELP = (
    "Berkas {what} putaran rencana ini; bawaan: berkas yang tercatat di sheet Parameter rencana."
)
CHECK_CONFIG_HELP = "Berkas pengaturan; bawaan: berkas yang tercatat di sheet Parameter rencana."


@app.command()
def check(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.xlsx", help=CHECK_PLAN_HELP)],
    pegawai: Annotated[
        Path | None, typer.Option("--pegawai", help=CHECK_INPUT_HELP.format(what="pegawai"))
    ] = None,
    jabatan: Annotated[
        Path | None, typer.Option("--jabatan", help=CHECK_INPUT_HELP.format(what="jabatan"))
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help=CHECK_CONFIG_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Periksa ulang rencana yang telah ditinjau terhadap data putarannya dan setiap aturan."""
    from mutasi_cli.review.plan_check import check_plan

    with _errors(as_json=as_json, debug=debug):
        result = check_plan(plan_file, pegawai=pegawai, jabatan=jabatan, config=config)
    if as_json:
        print_json(result.to_json())
        raise typer.Exit(EXIT_OK if result.valid else EXIT_INVALID)
    if result.issues:
        _print_issues(out, result.issues, "Masalah pada rencana yang ditinjau")
    n_err = len(result.errors)
    n_warn = len(result.issues) - n_err
    counts = f"{format_count(result.approved)} mutasi disetujui, {format_count(result.rejected)} ditolak"
    if result.valid:
        note = f" ({format_count(n_warn)} peringatan)" if n_warn else ""
        out.print(f"[green]Rencana lolos pemeriksaan:[/] {counts}{note}.")
        raise typer.Exit(EXIT_OK)
    out.print(
        f"[bold red]Rencana tidak lolos pemeriksaan:[/] {format_count(n_err)} galat, "
        f"{format_count(n_warn)} peringatan ({counts})."
    )
    raise typer.Exit(EXIT_INVALID)


EXPLAIN_SUBJECT_HELP = "NIP pegawai (18 angka) atau Kode Jabatan yang hendak dijelaskan."


@app.command()
def explain(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.xlsx", help=CHECK_PLAN_HELP)],
    subject: Annotated[str, typer.Argument(metavar="NIP|KODE", help=EXPLAIN_SUBJECT_HELP)],
    pegawai: Annotated[
        Path | None, typer.Option("--pegawai", help=CHECK_INPUT_HELP.format(what="pegawai"))
    ] = None,
    jabatan: Annotated[
        Path | None, typer.Option("--jabatan", help=CHECK_INPUT_HELP.format(what="jabatan"))
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help=CHECK_CONFIG_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Jelaskan mengapa seorang pegawai dipindahkan atau tetap (dan mengapa bukan pilihannya), atau
    mengapa suatu jabatan terisi atau lowong."""
    from rich.padding import Padding

    from mutasi_cli.review.inquiry import UnknownSubject, explain_subject, load_plan, sections

    with _errors(as_json=as_json, debug=debug):
        explained = load_plan(plan_file, pegawai=pegawai, jabatan=jabatan, config=config)
        try:
            answer = explain_subject(explained, subject)
        except UnknownSubject as exc:
            _fail(str(exc), EXIT_INVALID, as_json=as_json)
    if as_json:
        print_json(answer)
        return
    for section in sections(answer):
        if section.title:
            out.print(f"\n[bold]{safe(section.title)}[/]")
        for line in section.lines:
            out.print(safe(line))
        for heading, text in section.items:
            out.print(f"[bold]• {safe(heading)}[/]")
            out.print(Padding(safe(text), (0, 0, 0, 2)))
        if section.columns:
            table = Table(show_lines=True)
            for column in section.columns:
                table.add_column(safe(column), overflow="fold")
            for row in section.rows:
                table.add_row(*(safe(cell) for cell in row))
            out.print(table)


@app.command()
def sample(
    size: Annotated[int, typer.Option("--size", min=10, help="Jumlah pegawai.")] = 1200,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak (hasil sama untuk benih sama).")] = 2026,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder tujuan.")] = Path("."),
    effective_date: Annotated[
        str | None,
        typer.Option("--effective-date", metavar="TANGGAL", help=EFFECTIVE_DATE_REFERENCE_HELP),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa keluaran kecuali galat.")] = False,
) -> None:
    """Buat data contoh sintetis bergaya Kabupaten Bungo (pegawai.xlsx dan jabatan.xlsx)."""
    from mutasi_cli.sample import SAMPLE_FILES, generate, write_sample
    from mutasi_cli.support.files import check_output, output_lock

    date = _parse_date(effective_date)
    with _errors():
        if output.exists() and not output.is_dir():
            check_output(output, folder=True)  # the message for a file where a folder is meant
        targets = [output / name for name in SAMPLE_FILES]
        for target in targets:
            check_output(target, suffixes=(".xlsx",))
        with output_lock(targets[0]), output_lock(targets[1]):
            frames = generate(size, seed, date)
            paths = write_sample(frames, output)
    if not quiet:
        out.print(
            f"Data contoh ditulis: {', '.join(safe(p) for p in paths)} "
            f"({format_count(len(frames['Pegawai']))} pegawai, {format_count(len(frames['Jabatan']))} jabatan)."
        )


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="[DIR]", help="Folder kerja; bawaan: folder ini.")] = Path(
        "."
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa keluaran kecuali galat.")] = False,
) -> None:
    """Siapkan folder kerja: data contoh, mutasi.toml berisi semua pengaturan, dan LANGKAH.md."""
    from mutasi_cli.support.messages import INIT_DONE
    from mutasi_cli.workspace import init_folder

    with _errors():
        ws = init_folder(folder)
    if not quiet:
        files = ", ".join(safe(p.name) for p in ws.files)
        out.print(
            INIT_DONE.format(
                folder=safe(folder),
                files=files,
                people=format_count(ws.people),
                positions=format_count(ws.positions),
            )
        )


def main() -> None:
    """The console entry point: the Typer app inside :mod:`mutasi_cli.support.runtime`'s guard. SIGINT,
    SIGTERM and SIGHUP raise ``Interrupted`` (not KeyboardInterrupt, which Click turns into "Aborted!"
    and exit 1), caught here, outside Click, once every ``with`` and ``finally`` on the way has run; the
    private temporary folder is removed on every exit path (here, and by ``atexit``)."""
    from mutasi_cli.support import runtime

    runtime.install_signal_handlers()
    runtime.set_stuck_handler(_interrupted)
    try:
        try:
            runtime.open_private_temp()
        except OSError as exc:
            _main_failure(exc)
        app()
    except runtime.Interrupted as exc:
        _interrupted(exc)
    finally:
        runtime.closing()
        runtime.cleanup()


def _main_args_json() -> bool:
    """``--json`` among the arguments (before a ``--``): a failure outside a command prints one object."""
    args = sys.argv[1:]
    return "--json" in (args[: args.index("--")] if "--" in args else args)


def _main_failure(exc: OSError) -> None:
    """No private temporary folder (a full disk, an unwritable TMPDIR): exit 2 with what to do."""
    import tempfile

    from mutasi_cli.support.files import os_reason
    from mutasi_cli.support.messages import PRIVATE_TEMP_FAILED

    message = PRIVATE_TEMP_FAILED.format(path=tempfile.gettempdir(), reason=os_reason(exc))
    if _main_args_json():
        print_json({"status": "error", "exit": EXIT_USAGE, "message": clean(message)})
    err.print(f"[bold red]Galat:[/] {safe(message)}")
    sys.exit(EXIT_USAGE)


def _interrupted(exc: BaseException) -> None:
    """End an interrupted run: solver processes ended and temporary files removed first (so the line
    says what is true), any live progress display stopped, one line on stderr (and one object on stdout
    with ``--json``), exit 128 + the signal's number. When the in-process solver did not stop in time
    the process leaves at once (``os._exit``): waiting for its thread at shutdown could take the rest of
    the time limit."""
    import os

    from mutasi_cli.support import runtime
    from mutasi_cli.support.messages import INTERRUPTED, SIGNAL_NOTE

    assert isinstance(exc, runtime.Interrupted)
    runtime.cleanup()
    for console in (err, out):
        for live in list(getattr(console, "_live_stack", [])):
            with contextlib.suppress(Exception):
                live.stop()
    message = INTERRUPTED.format(signal=SIGNAL_NOTE.get(exc.name, exc.name))
    with contextlib.suppress(Exception):
        if _main_args_json():
            print_json({"status": "error", "exit": exc.exit_code, "message": message})
    with contextlib.suppress(Exception):
        sys.stderr.write(clean(message) + "\n")
        sys.stderr.flush()
    if runtime.worker_busy():
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        os._exit(exc.exit_code)
    sys.exit(exc.exit_code)


# --- decree (SK) and SIASN export: thin over mutasi_cli.outputs.decree and mutasi_cli.outputs.siasn_export ----------

PLAN_HELP = "Buku kerja rencana (keluaran `mutasi plan`) setelah ditinjau: sheet Daftar Mutasi dan Parameter."
#: help texts are Rich markup: a literal "[" is written "\\[" ("[sk]" alone would be swallowed as a tag)
SK_CONFIG_HELP = (
    "Berkas pengaturan dengan bagian \\[sk] (nomor, tanggal, nama Bupati) dan \\[pilkada] (masa larangan "
    "penggantian pejabat, persetujuan Menteri Dalam Negeri); bawaan: mutasi.toml bila ada."
)
#: a DecreeError's exit code where it is not invalid input: LibreOffice missing or failing is the
#: environment's problem (2), never an internal error (CONTRACT.md: 4 never for the environment's mistake)
_DECREE_EXIT = {"pdf-converter-missing": EXIT_USAGE, "pdf-conversion-failed": EXIT_USAGE}


def _plan_errors(exc: Exception) -> None:
    """Every problem of a reviewed plan, each naming file, sheet, row and column."""

    path, issues = getattr(exc, "path", ""), getattr(exc, "issues", [])
    for i in issues:
        line = _issue_line(i, path)
        label, rest = line.split(": ", 1)
        style = "bold red" if i.severity == "error" else "yellow"
        err.print(f"[{style}]{label}:[/] {safe(rest)}")


def _freeze_check(
    config: Path | None, reviewed: ReviewedPlan, tmt: dt.date | None, what: str
) -> Freeze | None:
    """The election freeze of the plan's effective date (and of ``[sk] tmt`` when set): raises
    FreezeError in a window without the Minister's approval; else the approved window, or None."""
    from mutasi_cli.rules.freeze import refuse_if_frozen

    pilkada = load_settings(config).pilkada
    return refuse_if_frozen(pilkada, [reviewed.effective_date, tmt], what)


@app.command()
def sk(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.xlsx", help=PLAN_HELP)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder tujuan draf SK dan petikan.")] = Path(
        "sk"
    ),
    template: Annotated[
        Path | None, typer.Option("--template", help="Templat SK (.docx); bawaan: templat Kabupaten Bungo.")
    ] = None,
    petikan_template: Annotated[
        Path | None,
        typer.Option("--petikan-template", help="Templat petikan (.docx); bawaan: templat Kabupaten Bungo."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Ubah juga setiap draf ke PDF (perlu LibreOffice).")
    ] = False,
    config: Annotated[Path | None, typer.Option("--config", help=SK_CONFIG_HELP)] = None,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Susun draf SK mutasi (.docx) beserta lampirannya, dan petikan per pegawai, dari rencana yang telah ditinjau."""
    from mutasi_cli.outputs.decree import (
        DecreeError,
        libreoffice,
        load_decree_settings,
        read_reviewed_plan,
        write_decrees,
    )
    from mutasi_cli.review.plan_check import require_passing
    from mutasi_cli.support.files import check_output, output_lock

    with _errors(debug=debug):
        check_output(output, inputs=_inputs(plan_file, template, petikan_template, config), folder=True)
        settings = load_decree_settings(config)
        if pdf and libreoffice() is None:
            raise DecreeError("pdf-converter-missing")
        with output_lock(output):
            reviewed = read_reviewed_plan(plan_file)
            freeze = _freeze_check(config, reviewed, settings.tmt, "Draf SK")
            checked = require_passing(plan_file, reviewed, what="Draf SK", config=config)
            drafts = write_decrees(
                reviewed, output, settings, template=template, petikan_template=petikan_template,
                freeze=freeze, pdf=pdf,
            )  # fmt: skip
    pdfs = [p.with_suffix(".pdf") for p in drafts.all] if pdf else []
    moves = sum(len(d.moves) for d in drafts.round.decrees)
    out.print(
        f"{format_count(len(drafts.decrees))} draf SK ({format_count(moves)} mutasi) dan "
        f"{format_count(len(drafts.petikan))} petikan ditulis di {safe(output)}"
        + (f"; {format_count(len(pdfs))} PDF." if pdf else ".")
    )
    if reviewed.rejected:
        out.print(f"{format_count(reviewed.rejected)} usulan bertanda Setuju = Tidak tidak dimasukkan.")
    _plan_errors(checked.as_plan_error())  # the check's warnings (a Prioritas-1 place left empty, …)
    for warning in drafts.warnings:  # what the drafts leave out of the workbook, or leave to fill in
        err.print(f"[yellow]Peringatan:[/] {safe(warning)}")
    if freeze is not None and freeze.approval is not None:
        out.print(
            f"[bold]Catatan:[/] tanggal berlaku berada dalam masa {safe(freeze.period())} "
            f"({safe(freeze.rule)}); Surat Menteri Dalam Negeri Nomor {safe(freeze.approval.nomor)} "
            "dicantumkan pada konsiderans Mengingat."
        )
    if settings.nomor_awal is None or settings.tanggal is None or not settings.bupati:
        out.print(
            "[yellow]Catatan:[/] nomor, tanggal atau nama Bupati yang belum diatur dibiarkan bertitik; "
            "isi nomor_awal, tanggal dan bupati di bagian \\[sk] mutasi.toml."
        )


export_app = typer.Typer(
    help="Ekspor rencana yang telah ditinjau ke format sistem lain.", no_args_is_help=True
)
app.add_typer(export_app, name="export")


@export_app.command("siasn")
def export_siasn(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.xlsx", help=PLAN_HELP)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Berkas CSV tujuan.")] = Path(
        "siasn_riwayat_jabatan.csv"
    ),
    config: Annotated[Path | None, typer.Option("--config", help=SK_CONFIG_HELP)] = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Tulis juga bila nomor_awal atau tanggal di bagian \\[sk] mutasi.toml belum diisi (NOMOR SK "
            "dan TANGGAL SK bertitik-titik atau kosong): draf untuk diperiksa, bukan untuk diunggah.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Tulis mutasi yang disetujui sebagai CSV unggah riwayat jabatan SIASN (UTF-8, pemisah ;)."""
    from mutasi_cli.outputs.decree import load_decree_settings, read_reviewed_plan
    from mutasi_cli.outputs.siasn_export import write_siasn_csv
    from mutasi_cli.review.plan_check import require_passing
    from mutasi_cli.support.files import check_output, output_lock

    with _errors(debug=debug):
        check_output(output, inputs=_inputs(plan_file, config), suffixes=(".csv",))
        settings = load_decree_settings(config)
        with output_lock(output):
            reviewed = read_reviewed_plan(plan_file)
            _freeze_check(config, reviewed, settings.tmt, "Berkas unggah SIASN")
            checked = require_passing(plan_file, reviewed, what="Berkas unggah SIASN", config=config)
            n = write_siasn_csv(reviewed, output, settings, draft=draft)
    out.print(f"{format_count(n)} baris riwayat jabatan ditulis di {safe(output)}.")
    if draft and settings.placeholder_keys():
        from mutasi_cli.support.messages import SIASN_DRAFT_NOTE

        out.print(
            f"[yellow]{safe(SIASN_DRAFT_NOTE.format(keys=' dan '.join(settings.placeholder_keys())))}[/]"
        )
    _plan_errors(checked.as_plan_error())  # the check's warnings


@app.command()
def diff(
    plan_a: Annotated[Path, typer.Argument(metavar="A.xlsx", help="Rencana pertama (skenario A).")],
    plan_b: Annotated[Path, typer.Argument(metavar="B.xlsx", help="Rencana kedua (skenario B).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Tulis juga buku kerja perbandingan (.xlsx).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak ringkasan sebagai JSON di stdout.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Bandingkan dua rencana: mutasi yang ditambah, ditolak, dihapus, ke jabatan berbeda, atau yang Keterangannya diubah."""
    from mutasi_cli.outputs.compare import LISTS, SUMMARY_LABELS, TERMINAL_COLUMNS, diff_plans, write_diff
    from mutasi_cli.support.files import check_output, output_lock

    with _errors(as_json=as_json, debug=debug):
        if output is not None:
            check_output(output, inputs=[plan_a, plan_b], suffixes=(".xlsx",))
        with output_lock(output) if output is not None else contextlib.nullcontext():
            d = diff_plans(plan_a, plan_b)
            if output is not None:
                write_diff(output, d)
    counts = d.counts()
    if as_json:
        print_json(counts | {"output": None if output is None else str(output)})
        return
    summary = Table(
        title=f"Perbandingan {safe(plan_a.name)} (A) dan {safe(plan_b.name)} (B)", show_header=False
    )
    summary.add_column("Ukuran")
    summary.add_column("Jumlah", justify="right")
    for key, label in SUMMARY_LABELS.items():
        summary.add_row(label, format_count(counts[key]))
    out.print(summary)
    for _sheet, title, attr in LISTS:
        frame, cols = getattr(d, attr), TERMINAL_COLUMNS[attr]
        if not len(frame):
            continue
        table = Table(title=title)
        for c in cols:
            table.add_column(c, overflow="fold")
        for rec in frame[cols].head(MAX_TABLE_ROWS).itertuples(index=False):
            table.add_row(*(safe(v) for v in rec))
        if len(frame) > MAX_TABLE_ROWS:
            table.caption = f"… dan {format_count(len(frame) - MAX_TABLE_ROWS)} lainnya; semuanya di -o."
        out.print(table)
    if output is not None:
        out.print(f"Buku kerja perbandingan: {safe(output)}")
