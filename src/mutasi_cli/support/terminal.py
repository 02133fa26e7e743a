"""What reaches the terminal: cell texts shown literally, any stdout encoding, one JSON object.

Cell values come from the office's files and may hold Rich markup (``[/bold]`` crashed ``validate``,
``[link=…]`` changed what a table showed) or escape sequences that a terminal would obey. Every text
from data goes through :func:`safe` before it is printed. A stdout that cannot encode UTF-8
(``PYTHONIOENCODING=ascii``, an old console) degrades to ASCII instead of raising after the work is done.
"""

from __future__ import annotations

import codecs
import json
import re
import sys

from rich.markup import escape

#: C0 controls but tab and newline, DEL, and C1 controls (ESC [ … and the 8-bit CSI among them)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: object) -> str:
    """``value`` as text without control characters (a line break stays a line break)."""
    return _CONTROL.sub("", str(value)).replace("\r", "")


def safe(value: object) -> str:
    """``value`` as text that Rich prints literally: no markup, no control characters."""
    return escape(clean(value))


def utf8_capable(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32", "utf-8-sig")
    except LookupError:
        return False


def configure_streams(debug: bool = False) -> None:
    """Let stdout and stderr replace what their encoding cannot hold (a "?"), so printing never raises;
    and, unless ``debug``, keep Python's "Exception ignored in …" tracebacks (a library's generator
    closed after a failed write) off the user's terminal."""
    if not debug:
        sys.unraisablehook = lambda _unraisable: None
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not utf8_capable(stream):
            reconfigure(errors="replace")


def print_json(obj: object) -> None:
    """One JSON object on stdout; ASCII escapes where stdout cannot encode UTF-8 (still valid JSON)."""
    print(json.dumps(obj, ensure_ascii=not utf8_capable(sys.stdout)), flush=True)
