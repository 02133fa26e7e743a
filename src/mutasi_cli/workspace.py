"""``mutasi init [DIR]``: a working folder to start a round from.

It holds sample inputs (:mod:`mutasi_cli.sample`), a ``mutasi.toml`` listing every key with its default,
meaning and legal source, and ``LANGKAH.md``, the steps of a round in Bahasa Indonesia. The
``mutasi.toml`` is generated from the settings' own dataclasses (:mod:`mutasi_cli.inputs.settings` and
:class:`mutasi_cli.outputs.decree.DecreeSettings`: keys and defaults) and from ``rules.SETTING_LABELS`` (the
``[aturan]`` labels and sources the Parameter sheet shows), so a key added there appears here with its
default; the meanings of the other keys are a table in :mod:`mutasi_cli.support.messages`, which a test holds
complete. Read back, the file gives exactly the defaults.

It never overwrites anything: if any of its files exists, it refuses (exit 2) naming them, before
writing anything; each file is written whole (:func:`mutasi_cli.support.files.atomic_file`), and a failure
half-way removes what this run wrote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import textwrap
from contextlib import ExitStack
from pathlib import Path

from mutasi_cli.inputs.headers import SCHEMAS
from mutasi_cli.inputs.settings import DEFAULT_FILE, Approval, Limits, Pilkada, RuleSettings, Weights
from mutasi_cli.outputs.decree import DecreeSettings
from mutasi_cli.rules.eligibility import SETTING_LABELS
from mutasi_cli.support import messages as m
from mutasi_cli.support.files import OutputError, atomic_file, check_output, output_lock
from mutasi_cli.support.numbers import format_count

STEPS_FILE = "LANGKAH.md"
#: the sample round of a new folder: the size `mutasi sample` writes by default
SAMPLE_SIZE = 1200
SAMPLE_SEED = 2026
#: the sections of mutasi.toml and the dataclass whose fields are its keys, in the order written
SECTIONS: dict[str, type] = {
    "aturan": RuleSettings,
    "pilkada": Pilkada,
    "bobot": Weights,
    "batas": Limits,
    "sk": DecreeSettings,
}
#: a comment line's width in mutasi.toml
WIDTH = 100


@dataclasses.dataclass
class Workspace:
    folder: Path
    files: list[Path]
    people: int
    positions: int


def init_files(folder: Path) -> list[Path]:
    """The files ``mutasi init`` writes into ``folder``, in order."""
    from mutasi_cli.sample import SAMPLE_FILES

    return [folder / name for name in SAMPLE_FILES] + [folder / DEFAULT_FILE, folder / STEPS_FILE]


def init_folder(
    folder: Path,
    *,
    size: int = SAMPLE_SIZE,
    seed: int = SAMPLE_SEED,
    effective_date: dt.date | None = None,
) -> Workspace:
    """Write the working folder; :class:`mutasi_cli.support.files.OutputError` (exit 2), writing nothing, when
    ``folder`` is a file or any of the files exists already."""
    from mutasi_cli.sample import generate, write_sample

    folder = Path(folder)
    date = effective_date or dt.date.today()
    if folder.exists() and not folder.is_dir():
        raise OutputError(m.INIT_NOT_FOLDER.format(folder=folder))
    targets = init_files(folder)
    _refuse_existing(folder, targets)
    for target in targets:
        check_output(target)
    with ExitStack() as locks:
        for target in targets:
            locks.enter_context(output_lock(target))
        _refuse_existing(folder, targets)  # again, now that no other run can be writing them
        frames = generate(size, seed, date)
        written: list[Path] = []
        try:
            written += write_sample(frames, folder)
            for target, text in ((targets[-2], settings_toml(date)), (targets[-1], steps_text(frames, date))):
                with atomic_file(target) as tmp:
                    tmp.write_text(text, encoding="utf-8")
                written.append(target)
        except BaseException:
            for path in written:  # new files of this run only: nothing was there before
                path.unlink(missing_ok=True)
            raise
    return Workspace(folder, written, len(frames["Pegawai"]), len(frames["Jabatan"]))


def _refuse_existing(folder: Path, targets: list[Path]) -> None:
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing:
        names = ", ".join(t.name for t in existing)
        raise OutputError(m.INIT_EXISTS.format(folder=folder, files=names))


# --- mutasi.toml -------------------------------------------------------------------------------------------


def settings_toml(date: dt.date) -> str:
    """Every key of mutasi.toml with its default, meaning and source as comments (module docstring)."""
    lines = [m.INIT_TOML_HEAD.format(date=date.isoformat())]
    for section, cls in SECTIONS.items():
        lines += _comment(f"[{section}] {m.INIT_TOML_SECTIONS[section]}.", heading=True)
        lines.append(f"[{section}]")
        defaults = cls()
        for f in dataclasses.fields(cls):
            lines.append("")
            meaning, source = key_meaning(section, f.name)
            value = getattr(defaults, f.name)
            unset = value is None or value == ""
            note = f"{meaning}." if meaning else m.INIT_TOML_NO_MEANING
            lines += _comment(note + (f" {m.INIT_TOML_DEFAULT_NONE}" if unset else ""))
            if source:
                lines += _comment(m.INIT_TOML_SOURCE.format(source=source))
            if unset:
                example = m.INIT_TOML_EXAMPLES.get(section, {}).get(f.name, '"…"')
                lines.append(f"# {f.name} = {example}")
            else:
                lines.append(f"{f.name} = {toml_value(value)}")
        lines.append("")
    lines += _comment(f"[kolom.<sheet>] {m.INIT_TOML_SECTIONS['kolom']}.", heading=True)
    for sheet, columns in SCHEMAS.items():
        lines += _comment(m.INIT_TOML_COLUMNS.format(sheet=sheet, columns=", ".join(columns)))
    for sheet, example in m.INIT_TOML_EXAMPLES["kolom"].items():
        lines += [f"# [kolom.{sheet}]", f"# {example}"]
    return "\n".join(lines) + "\n"


def key_meaning(section: str, key: str) -> tuple[str, str]:
    """(meaning, legal source) of a key: ``[aturan]`` from ``rules.SETTING_LABELS`` (a hint from the
    messages' table added), the others from ``messages.INIT_TOML_KEYS``; ("", "") when unknown."""
    if section == "aturan" and key in SETTING_LABELS:
        label, source = SETTING_LABELS[key]
        hint = m.INIT_TOML_KEYS["aturan"].get(key, ("", ""))[0]
        return (f"{label}. {hint}" if hint else label), source
    return m.INIT_TOML_KEYS.get(section, {}).get(key, ("", ""))


def _comment(text: str, *, heading: bool = False) -> list[str]:
    lines = textwrap.wrap(text, WIDTH - 2, break_long_words=False, break_on_hyphens=False)
    if heading:
        return ["", "#" * WIDTH, *(f"# {line}" for line in lines), "#" * WIDTH]
    return [f"# {line}" for line in lines]


def toml_value(value: object) -> str:
    """A default as TOML: booleans, numbers, dates, strings (JSON escapes are TOML's), lists (one item a
    line when long) and the Minister's approval as an inline table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Approval):
        return f"{{ nomor = {toml_value(value.nomor)}, tanggal = {toml_value(value.tanggal)} }}"
    if isinstance(value, tuple | list):
        items = [toml_value(v) for v in value]
        inline = f"[{', '.join(items)}]"
        if len(inline) <= WIDTH - 30:
            return inline
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    raise TypeError(f"no TOML form for {value!r}")


# --- LANGKAH.md --------------------------------------------------------------------------------------------


def steps_text(frames: dict, date: dt.date) -> str:
    """The steps of a round, from the SIASN export to the signed decree, with the commands."""
    return m.INIT_STEPS.format(
        date=date.isoformat(),
        people=format_count(len(frames["Pegawai"])),
        positions=format_count(len(frames["Jabatan"])),
    )


__all__ = ["Workspace", "init_files", "init_folder", "settings_toml", "steps_text", "toml_value"]
