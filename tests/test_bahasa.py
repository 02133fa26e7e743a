"""Typer's and Click's own texts in Bahasa Indonesia: the help of every command, usage errors and
suggestions, whatever the environment's language (mutasi_cli.bahasa and its catalogue)."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from rich.text import Text
from typer.testing import CliRunner

from mutasi_cli import bahasa
from mutasi_cli.cli import app

#: words of Click's and Typer's English texts that must not reach a user
ENGLISH = [
    r"\bUsage\b", r"\bOptions\b", r"\bOPTIONS\b", r"\bArguments\b", r"\bCommands?\b", r"\bCOMMAND\b",
    r"\bARGS\b", r"Show this message", r"Missing (argument|option|parameter|command)", r"No such (option|command)",
    r"Did you mean", r"Possible options", r"\b[Rr]equired\b", r"\b[Dd]efault\b", r"\bError\b", r"\bTry\b",
    r"Invalid value", r"Got unexpected", r"is not (a valid|one of)", r"\bInput should\b", r"\brequires\b",
    r"\bAborted\b", r"<(path|str|bool|int|float)\b", r"\brange\b",
]  # fmt: skip
#: a wide terminal, so that no phrase is split across lines; the environment's language is English
ENV = {
    **os.environ, "COLUMNS": "250", "TERMINAL_WIDTH": "250", "LANG": "en_US.UTF-8", "LANGUAGE": "en_US:en",
    "LC_ALL": "C.UTF-8", "NO_COLOR": "1",
}  # fmt: skip


#: the console script a user runs (its name is the usage line's), else the module
SCRIPT = Path(sys.executable).with_name("mutasi")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "mutasi_cli"]


def mutasi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, env=ENV, timeout=120)


def english(text: str) -> list[str]:
    return [p for p in ENGLISH if re.search(p, text)]


def commands() -> list[list[str]]:
    """Every command path of the app, the app itself first (any command added later included)."""

    def walk(command, path):
        yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def test_every_command_help_in_bahasa():
    found = commands()
    assert ["plan"] in found and ["export", "siasn"] in found
    for path in found:
        done = mutasi(*path, "--help")
        text = done.stdout + done.stderr
        assert done.returncode == 0, (path, text)
        assert "Penggunaan: " in text and "Opsi" in text, (path, text)
        assert "Tampilkan bantuan ini lalu keluar." in text, path
        assert not english(text), (path, english(text), text)
        if path and not path == ["export"]:
            assert "[OPSI]" in text, path


@pytest.mark.parametrize(
    "args,expected",
    [
        (["plan", "a.xlsx"], "Argumen 'jabatan' belum diisi."),
        (["plan", "a.xlsx", "b.xlsx", "--nope"], "Opsi --nope tidak dikenal"),
        (["plna"], "Perintah 'plna' tidak dikenal. Maksud Anda 'plan'?"),
        (["validat", "a", "b"], "Maksud Anda 'validate'?"),
        (["plan", "a", "b", "--time-limit", "x"], "Nilai '--time-limit' tidak sah: 'x' bukan bilangan."),
        (["plan", "a", "b", "--time-limit", "0"], "'0' terlalu kecil; paling sedikit 1"),
        (["plan", "a", "b", "--solver", "gurobi"], "'gurobi' bukan salah satu pilihan: 'cbc', 'highs'."),
        (["plan", "a", "b", "--route", "x"], "bukan salah satu pilihan"),
        (["validate", "a", "b", "c"], "Argumen berlebih"),
        (["plan", "a", "b", "--effective-date"], "Opsi '--effective-date' memerlukan nilai."),
        (["plan", "a", "b", "--effective-date", "31-02-2027"], "tidak ada (Februari 2027 hanya sampai tanggal 28)"),
        (["plan", "a", "b", "--effective-date", "besok"], "dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd"),
        (["sample", "--size", "x"], "'x' bukan bilangan bulat"),
        (["sample", "--size", "5"], "paling sedikit 10"),
        (["export", "siasn"], "Argumen 'PLAN.xlsx' belum diisi."),
        (["export", "siasm"], "Maksud Anda 'siasn'?"),
        (["--nope"], "Opsi --nope tidak dikenal"),
    ],
)
def test_usage_errors_in_bahasa_exit_2(args, expected):
    done = mutasi(*args)
    text = done.stdout + done.stderr
    assert done.returncode == 2, text
    assert expected in " ".join(text.split()), text
    assert "Galat" in text and not english(text), (english(text), text)


@pytest.mark.parametrize("args", [[], ["export"]])
def test_no_arguments_shows_the_help_in_bahasa(args):
    done = mutasi(*args)
    text = done.stdout + done.stderr
    assert done.returncode == 2 and "Penggunaan: " in text and "Perintah" in text
    assert "PERINTAH [ARGUMEN]..." in text and not english(text), english(text)


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--json", "a.xlsx"],
        ["plan", "a.xlsx", "b.xlsx", "--json", "--nope"],
        ["plan", "a.xlsx", "b.xlsx", "--json", "--effective-date", "31-02-2027"],
        ["validate", "a", "b", "--json", "--effective-date", "besok"],
        ["check", "p.xlsx", "--json", "--pegawai"],
    ],
)
def test_usage_error_with_json_prints_one_object(args):
    done = mutasi(*args)
    assert done.returncode == 2, done.stderr
    data = json.loads(done.stdout)  # one object, nothing else on stdout
    assert set(data) == {"status", "exit", "message"} and data["status"] == "error" and data["exit"] == 2
    assert data["message"] and not english(data["message"]), data


def test_usage_errors_through_cli_runner_too():
    """The app itself (not only the console script) speaks Bahasa: tests and embedders see the same."""
    result = CliRunner().invoke(app, ["plan", "a.xlsx", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["message"] == "Argumen 'jabatan' belum diisi."
    assert "Argumen 'jabatan' belum diisi." in result.stderr and not english(result.stderr)


def test_help_texts_keep_their_brackets():
    """Help texts are Rich markup: every "[" meant literally is escaped, so that "[sk]" is shown."""

    def walk(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    for command in walk(typer.main.get_command(app)):
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        for help_text in texts:
            assert Text.from_markup(help_text).plain == help_text.replace("\\[", "["), help_text
    done = mutasi("sk", "--help")
    assert "[sk]" in done.stdout and "[pilkada]" in done.stdout
    assert "[sk]" in mutasi("export", "siasn", "--help").stdout


def test_catalogue_is_well_formed():
    entries = bahasa.entries()
    assert "Content-Type: text/plain; charset=UTF-8" in entries[""]
    fields = string.Formatter()
    for key, translated in entries.items():
        msgid = key.split("\x04")[-1]
        assert translated.strip(), key
        wanted = {f for _, f, _, _ in fields.parse(msgid) if f is not None}
        if key.startswith("pydantic\x04"):
            continue  # msgid is the error's type; its fields come from the error itself
        got = {f for _, f, _, _ in fields.parse(translated) if f is not None}
        assert got <= wanted, (key, got, wanted)


def test_catalogue_covers_every_gettext_text_of_typer():
    """A Typer upgrade that adds a text to its gettext calls fails here, not in front of a user."""
    import typer.core
    import typer.rich_utils

    entries = bahasa.entries()
    for module in (typer.core, typer.rich_utils):
        source = Path(module.__file__).read_text(encoding="utf-8")
        for msgid in re.findall(r"""\b_\(\s*("(?:[^"\\]|\\.)*")\s*\)""", source):
            assert eval(msgid) in entries, (module.__name__, msgid)  # noqa: S307 - a string literal


def test_catalogue_read_as_standard_gettext():
    """The .po is compiled in memory into a real .mo, read by gettext.GNUTranslations."""
    cat = bahasa.catalogue()
    assert cat.gettext("Options") == "Opsi" and cat.pgettext("jenis", "path") == "jalur"
    assert cat.gettext("not in the catalogue") == "not in the catalogue"
    assert bahasa.read_po('msgid "a"\nmsgstr ""\n"b\\n"\n\nmsgctxt "c"\nmsgid "d"\nmsgstr "e"\n') == {
        "a": "b\n", "c\x04d": "e",
    }  # fmt: skip


def test_patterns_translate_click_messages():
    t = bahasa.translate
    assert t("No such option: --x (Possible options: --xy, --z)") == "Opsi --x tidak dikenal. Opsi yang mirip: --xy, --z."
    assert t("Missing option '--pegawai'.") == "Opsi '--pegawai' belum diisi."
    assert t("Got unexpected extra argument(s) (a b)") == "Argumen berlebih yang tidak dikenal perintah ini: a b."
    assert t("something else entirely") == "something else entirely"


def test_forced_whatever_the_language(monkeypatch):
    """LANGUAGE=de would pick a German catalogue through the global gettext: mutasi's is used instead."""
    import typer.core
    import typer.rich_utils

    monkeypatch.setenv("LANGUAGE", "de")
    bahasa.install()
    assert typer.core._("required") == "wajib"
    assert typer.rich_utils.OPTIONS_PANEL_TITLE == "Opsi" and typer.rich_utils.ERRORS_PANEL_TITLE == "Galat"


def test_catalogue_is_package_data():
    import tomllib

    root = Path(__file__).resolve().parents[1]
    data = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    catalogue = bahasa.CATALOGUE.relative_to(Path(bahasa.__file__).parent).as_posix()
    assert any(Path(catalogue).match(pattern) for pattern in data["mutasi_cli"]), data


def test_progress_in_plain_words_and_indonesian_numbers():
    from mutasi_cli.cli import PHASES
    from mutasi_cli.solve.column_generation import progress_round
    from mutasi_cli.support.messages import PROGRESS_FIX

    line = progress_round(3, 12345, 4452.993451559238, -4460.2)
    assert line == "putaran 3: 12.345 kemungkinan mutasi dipertimbangkan; nilai sementara 4.453, paling tinggi 4.460"
    assert progress_round(1, 999, 1.0, None) == "putaran 1: 999 kemungkinan mutasi dipertimbangkan"
    jargon = re.compile(r"\b(MIP|LP|pecahan|model optimasi|kolom|tingkat [0-9])\b")
    for text in [*PHASES.values(), PROGRESS_FIX, line]:
        assert not jargon.search(text), text
