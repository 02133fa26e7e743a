"""The command line: a thin Typer layer over :mod:`mutasi_cli.workflow`. All texts in Bahasa Indonesia."""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from mutasi_cli import __version__
from mutasi_cli.issues import Issue
from mutasi_cli.settings import Settings, SettingsError, load_settings

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

app = typer.Typer(
    name="mutasi",
    help="Perencanaan mutasi ASN yang optimal dan dapat dijelaskan, untuk BKPSDMD.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

PHASES = {
    "read": "Membaca dan memeriksa berkas",
    "candidates": "Menyusun pasangan calon",
    "model": "Menyusun model optimasi",
    "solve-a": "Mengoptimalkan tingkat 0–2 (tertampung, Prioritas 1, jatuh tempo)",
    "solve-b": "Mengoptimalkan tingkat 3–4 (kesesuaian, jumlah mutasi)",
    "write": "Menulis buku kerja",
}


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


def _parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' bukan tanggal yang sah; tulis sebagai YYYY-MM-DD.") from None


def _issue_table(issues: list[Issue]) -> Table:
    table = Table(title="Masalah pada data masukan", show_lines=False)
    for col in ("Kode", "Tingkat", "Sheet", "Baris", "Kolom", "Nilai", "Pesan"):
        table.add_column(col, overflow="fold")
    for i in issues:
        sev = "[red]galat[/]" if i.severity == "error" else "[yellow]peringatan[/]"
        table.add_row(i.code, sev, i.sheet, str(i.row or ""), i.column or "", i.value or "", i.message)
    return table


CONFIG_HELP = "Berkas pengaturan (bobot, pemetaan kolom); bawaan: mutasi.toml di folder kerja bila ada."


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except SettingsError as exc:
        _fail(str(exc), EXIT_INVALID)
        raise  # unreachable: _fail exits


def _fail(message: str, code: int, *, debug: bool = False) -> None:
    if debug:
        traceback.print_exc()
    err.print(f"[bold red]Galat:[/] {message}")
    raise typer.Exit(code)


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
        str | None, typer.Option("--effective-date", help="Tanggal berlaku (YYYY-MM-DD); bawaan: hari ini.")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, help="Batas waktu perencanaan (detik).")
    ] = 300.0,
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
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa keluaran kecuali galat.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Tampilkan jejak galat internal.")] = False,
) -> None:
    """Susun rencana mutasi yang optimal dan tulis buku kerjanya."""
    from mutasi_cli.workflow import InvalidInput, plan_files

    date = _parse_date(effective_date)
    settings = _settings(config)
    show_progress = not quiet and not as_json and err.is_terminal
    status_line = err.status("Memulai…") if show_progress else None
    try:
        if status_line:
            status_line.start()

        def progress(phase: str) -> None:
            if status_line:
                status_line.update(PHASES.get(phase, phase) + "…")

        run = plan_files(
            pegawai, jabatan, output, effective_date=date, solver=solver.value, time_limit=time_limit, route=route.value,
            progress=progress, settings=settings,
        )  # fmt: skip
    except InvalidInput as exc:
        if status_line:
            status_line.stop()
        issues = exc.log.issues
        if as_json:
            print(json.dumps({"valid": False, "issues": [i.to_dict() for i in issues]}, ensure_ascii=False))
        else:
            err.print(_issue_table(issues))
            err.print(f"[bold red]{len(exc.log.errors)} galat[/] pada data masukan; rencana tidak disusun.")
        raise typer.Exit(EXIT_INVALID) from None
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - the one place internal errors become a message
        if status_line:
            status_line.stop()
        _fail(
            f"kesalahan internal: {exc}. Jalankan ulang dengan --debug untuk rinciannya.",
            EXIT_INTERNAL,
            debug=debug,
        )
        return
    if status_line:
        status_line.stop()
    s = run.summary
    if run.result.status == "infeasible":
        if as_json:
            print(
                json.dumps(s.to_json(output) | {"status": "infeasible", "output": None}, ensure_ascii=False)
            )
        err.print(f"[bold red]Tidak ada rencana yang layak.[/] {run.result.message or ''}")
        raise typer.Exit(EXIT_INFEASIBLE)
    if as_json:
        print(json.dumps(s.to_json(output), ensure_ascii=False))
    elif not quiet:
        table = Table(title=f"Rencana mutasi — {output}", show_header=False)
        table.add_column("Ukuran")
        table.add_column("Nilai", justify="right")
        from mutasi_cli.messages import STATUS_TEXT

        table.add_row("Status", STATUS_TEXT.get(s.status, s.status))
        table.add_row("Mutasi", str(s.moves))
        table.add_row("Jatuh tempo dimutasi", f"{s.due_moved} dari {s.due}")
        table.add_row("Tempat Prioritas 1 terisi", f"{s.priority1_filled} dari {s.priority1_places}")
        table.add_row("Tidak tertampung", str(s.unplaced))
        table.add_row("Tempat lowong setelah mutasi", str(s.empty_places))
        gap = run.result.gap
        table.add_row("Celah optimalitas tingkat 3", "-" if gap is None else f"{gap:.4%}")
        table.add_row("Waktu", f"{s.seconds:.1f} detik")
        out.print(table)
        warnings = [i for i in run.issues.issues if i.severity == "warning"]
        if warnings:
            out.print(f"[yellow]{len(warnings)} peringatan[/] pada data masukan (lihat `mutasi validate`).")


@app.command()
def validate(
    pegawai: Annotated[Path, typer.Argument(help="Berkas pegawai (.xlsx/.csv).")],
    jabatan: Annotated[Path, typer.Argument(help="Berkas jabatan (.xlsx/.csv).")],
    effective_date: Annotated[
        str | None, typer.Option("--effective-date", help="Tanggal berlaku (YYYY-MM-DD); bawaan: hari ini.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Tulis juga buku kerja masalah (mis. masalah.xlsx) di samping sel aslinya."
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak hasil sebagai JSON di stdout.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Tampilkan jejak galat internal.")] = False,
) -> None:
    """Periksa data masukan dan tampilkan semua masalah, tanpa menyusun rencana."""
    from mutasi_cli.load import load_round

    settings = _settings(config)
    try:
        _, log = load_round(pegawai, jabatan, _parse_date(effective_date), settings)
        if output is not None:
            from mutasi_cli.problems import write_problems

            write_problems(output, pegawai, jabatan, log.issues)
    except typer.BadParameter:
        raise
    except Exception as exc:  # noqa: BLE001
        _fail(f"kesalahan internal: {exc}.", EXIT_INTERNAL, debug=debug)
        return
    if as_json:
        print(
            json.dumps(
                {"valid": not log.has_errors, "issues": [i.to_dict() for i in log.issues]}, ensure_ascii=False
            )
        )
    elif log.issues:
        out.print(_issue_table(log.issues))
        n_err = len(log.errors)
        out.print(f"{n_err} galat, {len(log.issues) - n_err} peringatan.")
    else:
        out.print("[green]Data masukan sah: tidak ada masalah.[/]")
    if output is not None and not as_json:
        out.print(f"Buku kerja masalah: {output}")
    raise typer.Exit(EXIT_INVALID if log.has_errors else EXIT_OK)


@app.command()
def sample(
    size: Annotated[int, typer.Option("--size", min=10, help="Jumlah pegawai.")] = 1200,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak (hasil sama untuk benih sama).")] = 2026,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder tujuan.")] = Path("."),
    effective_date: Annotated[
        str | None,
        typer.Option("--effective-date", help="Tanggal acuan masa jabatan (YYYY-MM-DD); bawaan: hari ini."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa keluaran kecuali galat.")] = False,
) -> None:
    """Buat data contoh sintetis bergaya Kabupaten Bungo (pegawai.xlsx dan jabatan.xlsx)."""
    from mutasi_cli.sample import generate, write_sample

    frames = generate(size, seed, _parse_date(effective_date))
    paths = write_sample(frames, output)
    if not quiet:
        out.print(
            f"Data contoh ditulis: {', '.join(str(p) for p in paths)} "
            f"({len(frames['Pegawai'])} pegawai, {len(frames['Jabatan'])} jabatan)."
        )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("Dihentikan oleh pengguna.")
        sys.exit(EXIT_INTERNAL)
