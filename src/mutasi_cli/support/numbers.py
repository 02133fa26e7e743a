"""Numbers as Indonesian text: decimal comma, thousands dot ("1.234,5"; "0,0112 %").

Every text a person reads writes numbers this way (PUEBI; the BKPSDMD's own documents do). Cells keep
numbers as numbers, with a number format that Excel and LibreOffice show in the reader's locale
(:data:`CELL_FORMATS`); only text built by the tool itself goes through these functions.
"""

from __future__ import annotations

import math

#: cell number formats (``#,##0``, ``0.00%`` …) are locale-aware: Excel and LibreOffice show them with the
#: separators of the reader's locale, so a cell is never given text where a number belongs
CELL_FORMATS = {
    0: "#,##0",
    1: "#,##0.0",
    2: "#,##0.00",
    3: "#,##0.000",
}


def cell_format(decimals: int) -> str:
    """The locale-aware cell number format with ``decimals`` places (``#,##0.00``)."""
    return CELL_FORMATS.get(decimals) or "#,##0." + "0" * decimals


def percent_format(decimals: int) -> str:
    """The locale-aware cell percent format with ``decimals`` places (``0.00%``)."""
    return "0%" if decimals <= 0 else "0." + "0" * decimals + "%"


def format_number(x: float | int, decimals: int = 0, *, trim: bool = False) -> str:
    """``x`` rounded to ``decimals`` places in Indonesian notation: ``format_number(1234.5, 1)`` is
    "1.234,5", ``format_number(4452.99)`` is "4.453". With ``trim``, trailing zeros of the fraction go
    (``format_number(25.0, 2, trim=True)`` is "25", ``format_number(0.5, 2, trim=True)`` "0,5"). A NaN or
    an infinity is written "-": no number to show."""
    value = float(x)
    if math.isnan(value) or math.isinf(value):
        return "-"
    text = f"{abs(value):,.{max(0, decimals)}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    out = whole.replace(",", ".") + ("," + fraction if fraction else "")
    negative = value < 0 and any(ch not in "0.," for ch in out)
    return ("-" if negative else "") + out


def format_percent(fraction: float, decimals: int = 2, *, trim: bool = False) -> str:
    """A share (0.000112) as a percentage in Indonesian notation: "0,0112 %" with ``decimals`` = 4."""
    return format_number(100.0 * float(fraction), decimals, trim=trim) + " %"


def format_count(n: int) -> str:
    """A whole count with thousands dots: 12345 → "12.345"."""
    return format_number(int(n), 0)
