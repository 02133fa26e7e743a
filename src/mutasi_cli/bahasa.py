"""Typer's and Click's own texts in Bahasa Indonesia, whatever the environment's language.

One catalogue, ``locale/id/LC_MESSAGES/messages.po`` (gettext's format, reviewed like any other text),
read at import (no compiled ``.mo`` to keep in step with it), reaches Typer by two routes:

* **gettext.** Typer passes its own texts through :func:`gettext.gettext` of the global domain
  ("messages"): ``typer.core`` ("[required]", "No such command …", "Missing command.") and
  ``typer.rich_utils`` (the panel titles "Arguments", "Options", "Commands", "Error", "[default: …]",
  "Try … for help."). Both bound ``_`` at import, and the global gettext picks its language from LANGUAGE,
  LC_ALL and LANG. :func:`install` gives those modules the catalogue's ``gettext`` instead, so the
  language is Indonesian on any machine, and recomputes the panel titles that ``rich_utils`` computed at
  import.
* **The command tree and the error boundary.** The Click that Typer 0.29 vendors (``typer._click``) no
  longer calls gettext: its texts are literal f-strings ("Usage: ", "[OPTIONS]", "Show this message and
  exit.", "Missing argument 'x'.", "No such option: --x", "Got unexpected extra argument(s)") and the
  values of options are checked by pydantic ("Input should be a valid number"). :class:`BahasaGroup`, the
  app's group class, puts them through the same catalogue: on the command tree, once per run (the usage
  prefix, the metavars, the help option, the type labels), and where every usage error leaves a
  command (its message: by the English templates of the catalogue's ``pola`` context, and pydantic's
  errors by their type in the ``pydantic`` context). With ``--json`` a usage error also prints the one
  JSON object of CONTRACT.md.

Nothing here forks a formatter: the help is still Typer's Rich help, with Indonesian words in it.
Only the command line imports this module (the library core knows nothing of Typer).
"""

from __future__ import annotations

import ast
import functools
import gettext
import io
import re
import struct
from collections.abc import Sequence
from pathlib import Path
from types import MethodType
from typing import Any

import typer
import typer.core
import typer.rich_utils
from typer import _click
from typer._click.exceptions import BadParameter, NoArgsIsHelpError, UsageError

from mutasi_cli.support.numbers import format_number
from mutasi_cli.support.terminal import clean, print_json

#: the domain of Typer's gettext calls (the global default) and where its Indonesian catalogue lies
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).with_name("locale")
CATALOGUE = LOCALE_DIR / "id" / "LC_MESSAGES" / f"{DOMAIN}.po"
#: gettext's separator of a context and its msgid in a catalogue's keys
_CONTEXT_SEP = "\x04"

#: the texts ``typer.rich_utils`` computed with ``_()`` at import: module constant → its msgid
RICH_UTILS_TEXTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
#: the literals of ``typer._click`` that :class:`BahasaGroup` replaces on the command tree
USAGE_PREFIX = "Usage: "
OPTIONS_METAVAR = "[OPTIONS]"
SUBCOMMAND_METAVAR = "COMMAND [ARGS]..."
HELP_OPTION_HELP = "Show this message and exit."


# --- the catalogue ---------------------------------------------------------------------------------


def read_po(text: str) -> dict[str, str]:
    """The entries of a ``.po`` file as gettext keys them (``msgid``, or ``msgctxt`` + ``\\x04`` +
    ``msgid``) → ``msgstr``, in the file's order; an entry without translation (empty ``msgstr``) is left
    out, so that gettext falls back to the msgid. Only what this catalogue uses is read: ``msgctxt``,
    ``msgid`` and ``msgstr`` with continuation lines, and comments; no plural forms."""
    entries: dict[str, str] = {}
    fields: dict[str, str] = {}
    current: str | None = None

    def flush() -> None:
        if "msgid" in fields and fields.get("msgstr"):
            key = fields["msgid"]
            if "msgctxt" in fields:
                key = fields["msgctxt"] + _CONTEXT_SEP + key
            entries[key] = fields["msgstr"]
        fields.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgstr"):
            if keyword != "msgstr" and "msgstr" in fields:
                flush()
            current = keyword
            fields[current] = _po_string(rest, number)
        elif line.startswith('"') and current is not None:
            fields[current] += _po_string(line, number)
        else:
            raise ValueError(f"{CATALOGUE.name} baris {number}: tidak dikenal: {line!r}")
    flush()
    return entries


def _po_string(token: str, number: int) -> str:
    token = token.strip()
    if not (len(token) >= 2 and token.startswith('"') and token.endswith('"')):
        raise ValueError(f"{CATALOGUE.name} baris {number}: teks harus di antara tanda petik: {token!r}")
    value = ast.literal_eval(token)  # the C escapes of a .po (\n, \t, \", \\) are Python's too
    assert isinstance(value, str)
    return value


def mo_bytes(entries: dict[str, str]) -> bytes:
    """``entries`` as a GNU ``.mo`` file (the layout of CPython's Tools/i18n/msgfmt.py), so that the
    standard :class:`gettext.GNUTranslations` reads them: contexts, charset and all."""
    keys = sorted(entries)
    ids = strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        k, v = key.encode(), entries[key].encode()
        offsets.append((len(ids), len(k), len(strs), len(v)))
        ids += k + b"\0"
        strs += v + b"\0"
    head = 7 * 4
    ids_start = head + len(keys) * 16
    strs_start = ids_start + len(ids)
    table: list[int] = []
    for id_off, id_len, _s_off, _s_len in offsets:
        table += [id_len, ids_start + id_off]
    for _i_off, _i_len, s_off, s_len in offsets:
        table += [s_len, strs_start + s_off]
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), head, head + len(keys) * 8, 0, 0)
    return header + struct.pack(f"<{len(table)}I", *table) + ids + strs


@functools.cache
def entries() -> dict[str, str]:
    """The catalogue's entries (see :func:`read_po`)."""
    return read_po(CATALOGUE.read_text(encoding="utf-8"))


@functools.cache
def catalogue() -> gettext.GNUTranslations:
    """The Indonesian catalogue as a standard gettext translation (``gettext``, ``pgettext``)."""
    return gettext.GNUTranslations(io.BytesIO(mo_bytes(entries())))


def _(message: str) -> str:
    return catalogue().gettext(message)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The ``pola`` entries as (regular expression over the English text, Indonesian template), in the
    catalogue's order: each ``{field}`` of the msgid matches any text."""
    found = []
    prefix = "pola" + _CONTEXT_SEP
    for key, template in entries().items():
        if not key.startswith(prefix):
            continue
        parts = re.split(r"\{(\w+)\}", key[len(prefix) :])
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
        found.append((re.compile(regex, re.DOTALL), template))
    return tuple(found)


def translate(text: str) -> str:
    """``text``, a message of Typer or Click, in Bahasa Indonesia: the catalogue's own entry for it, else
    the first ``pola`` template that matches it whole (its ``{message}`` translated in turn), else the
    text as it is."""
    exact = _(text)
    if exact != text:
        return exact
    for regex, template in _patterns():
        found = regex.fullmatch(text)
        if found:
            fields = found.groupdict()
            if "message" in fields:
                fields["message"] = translate(fields["message"])
            return template.format(**fields)
    return text


def _value(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return format_number(value, 6, trim=True)


def _pydantic_message(exc: BaseException) -> str | None:
    """The first validation error behind a bad option value, by its pydantic type (``float_parsing``,
    ``greater_than_equal`` …), in Bahasa; ``None`` when ``exc`` came from elsewhere."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return None
    try:
        first = errors()[0]
    except (IndexError, TypeError):
        return None
    kind = str(first.get("type", ""))
    template = catalogue().pgettext("pydantic", kind)
    if template == kind:
        return translate(str(first.get("msg", "")))
    fields = {key: _value(v) for key, v in dict(first.get("ctx") or {}).items()}
    fields["input"] = clean(first.get("input", ""))
    if "error" in fields:
        fields["error"] = translate(str((first.get("ctx") or {})["error"]))
    return template.format_map(_Fields(fields))


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "-"


def usage_message(exc: UsageError) -> str:
    """The message of a usage error in Bahasa Indonesia, as one sentence or more, each with its stop."""
    if isinstance(exc, BadParameter):
        inner = _pydantic_message(exc)
        if inner is not None:
            exc.message = inner
    text = translate(exc.format_message()).strip()
    while text.endswith(".."):
        text = text[:-1]
    return text if text.endswith((".", "?", "!")) else text + "."


# --- the command tree ------------------------------------------------------------------------------


class BahasaFormatter(_click.HelpFormatter):
    """Click's help formatter with the usage line's prefix in Bahasa ("Penggunaan: …")."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _(USAGE_PREFIX) if prefix is None else prefix)


class BahasaContext(_click.Context):
    formatter_class = BahasaFormatter


class BahasaUsageError(UsageError):
    """A usage error whose message is already in Bahasa; ``reported``: its JSON object is printed."""

    reported = False


def _display_type_rich(param: Any, ctx: _click.Context) -> str | None:
    """The type label of the help's middle column in Bahasa (``<jalur>``, ``<bilangan>``); none for a
    flag, which takes no value."""
    if getattr(param, "is_bool_flag", False):
        return None
    label = type(param).display_type_rich(param, ctx)
    if label and label.startswith("<") and label.endswith(">"):
        inner = label[1:-1]
        return f"<{catalogue().pgettext('jenis', inner)}>"
    return label


def localise_tree(command: _click.Command, ctx: _click.Context) -> None:
    """Put the literals of the vendored Click on ``command`` and everything under it into Bahasa: the
    usage prefix (through the context class), ``[OPTIONS]``, ``COMMAND [ARGS]...``, the help option's
    text and the type labels. ``ctx``: the root context (every context inherits its help option names)."""
    if command.options_metavar == OPTIONS_METAVAR:
        command.options_metavar = _(OPTIONS_METAVAR)
    if isinstance(command, typer.core.TyperGroup) and command.subcommand_metavar == SUBCOMMAND_METAVAR:
        command.subcommand_metavar = _(SUBCOMMAND_METAVAR)
    if not issubclass(command.context_class, BahasaContext):
        command.context_class = BahasaContext
    option = command.get_help_option(ctx)
    if option is not None and option.help == HELP_OPTION_HELP:
        option.help = _(HELP_OPTION_HELP)
    for param in command.get_params(ctx):
        if getattr(param.display_type_rich, "__func__", None) is not _display_type_rich:  # type: ignore[attr-defined]
            param.display_type_rich = MethodType(_display_type_rich, param)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        localise_tree(sub, ctx)


def json_requested(args: Sequence[str]) -> bool:
    """``--json`` among ``args`` before a ``--``."""
    args = list(args)
    return "--json" in (args[: args.index("--")] if "--" in args else args)


class BahasaGroup(typer.core.TyperGroup):
    """The app's group: its command tree in Bahasa (:func:`localise_tree`, once per run, before any help
    or usage line is written), and every usage error of any command under it turned into one whose
    message is in Bahasa (Typer then prints it in its usual panel, titled "Galat", and exits 2); with
    ``--json`` among the arguments, also one JSON object on stdout (CONTRACT.md: any failure)."""

    context_class = BahasaContext
    _localised = False
    _args: tuple[str, ...] = ()

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        if not self._localised and ctx.parent is None:  # before the help or any usage line is written
            self._localised = True
            localise_tree(self, ctx)
        return super().parse_args(ctx, args)

    def make_context(
        self, info_name: str | None, args: list[str], parent: _click.Context | None = None, **extra: Any
    ) -> _click.Context:
        if parent is None:
            self._args = tuple(args)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except UsageError as exc:
            raise self._in_bahasa(exc, root=parent is None) from exc

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise self._in_bahasa(exc, root=ctx.parent is None) from exc

    def _in_bahasa(self, exc: UsageError, *, root: bool) -> UsageError:
        if isinstance(exc, NoArgsIsHelpError):  # the help itself, already printed
            return exc
        error = exc if isinstance(exc, BahasaUsageError) else BahasaUsageError(usage_message(exc), ctx=exc.ctx)
        if root and json_requested(self._args) and not error.reported:
            print_json({"status": "error", "exit": error.exit_code, "message": clean(error.message)})
            error.reported = True
        return error


def install() -> None:
    """Give Typer's gettext calls the Indonesian catalogue (idempotent). Call before the app runs."""
    translate_ = catalogue().gettext
    for module in (typer.core, typer.rich_utils):
        setattr(module, "_", translate_)  # noqa: B010 - the module attribute their functions look up
    for name, msgid in RICH_UTILS_TEXTS.items():
        setattr(typer.rich_utils, name, translate_(msgid))
