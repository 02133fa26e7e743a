"""Problems as values: every defect found in the input is an :class:`Issue`, collected, never raised.

The same list feeds the terminal table, ``--json`` and the workbook sheet; tests assert on ``code``
and position, never on wording. Message templates live in :mod:`mutasi_cli.support.messages`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from mutasi_cli.inputs.values import nip_problem
from mutasi_cli.support.messages import issue_message

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    sheet: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IssueLog:
    """Collects issues; ``add`` formats the message from the code's template."""

    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        code: str,
        *,
        sheet: str,
        row: int | None = None,
        column: str | None = None,
        value: object = None,
        severity: Severity | None = None,
        **fmt: object,
    ) -> None:
        if code == "invalid-nip" and "detail" not in fmt and value is not None:
            fmt["detail"] = nip_problem(value)  # which of the NIP's parts is wrong, wherever it is read
        sev, text = issue_message(code, value=value, column=column, **fmt)
        shown = None if value is None else str(value)
        self.issues.append(Issue(code, severity or sev, sheet, row, column, shown, text))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.issues)
