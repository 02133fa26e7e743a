"""The election freeze (CONTRACT.md "The election freeze"; UU 10/2016 Pasal 71 ayat (2), Pasal 162 ayat (3)).

Two windows in which the Bupati may not replace officials without the written approval of the Minister
of Home Affairs (Menteri Dalam Negeri):

``pilkada``     from 6 calendar months before ``penetapan_paslon`` (the day candidates are fixed) up to and
                including ``akhir_masa_jabatan`` (the end of the term) — Pasal 71 ayat (2): "6 (enam) bulan
                sebelum tanggal penetapan pasangan calon sampai dengan akhir masa jabatan". Both dates are
                needed; with only one of them there is no such window.
``pelantikan``  from ``pelantikan`` (the inauguration) up to and including ``pelantikan`` + 6 calendar months
                — Pasal 162 ayat (3): "dalam jangka waktu 6 (enam) bulan terhitung sejak tanggal
                pelantikan".

Semantics, the same for both windows: a window is a closed interval. ``start`` and ``end`` are both frozen
days; the day before ``start`` and the day after ``end`` are free. Calendar months are added as
:func:`mutasi_cli.inputs.values.add_months` does (31 August − 6 months = 28 or 29 February). The end of the
pelantikan window is thus read cautiously: 26 May 2025 + 6 months = 26 November 2025 is still frozen.

The approval (``persetujuan_mendagri``), when set, approves the window D falls in, as the contract says; a
window with an approval is still reported (``approved`` true), and the decree cites the letter in
Mengingat. A letter dated outside the window (perhaps left in ``mutasi.toml`` from an earlier round) still
counts, but the message asks the reader to make sure it covers this replacement.

When D falls in both windows (only with odd settings), the one that ends last is reported.

Everything here is pure: no files, no clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mutasi_cli.inputs.settings import Approval, Pilkada
from mutasi_cli.inputs.values import add_months, format_date_id

FREEZE_MONTHS = 6

UU_10_2016 = (
    "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 Tahun 2015 "
    "tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 tentang Pemilihan "
    "Gubernur, Bupati, dan Walikota Menjadi Undang-Undang"
)
RULES = {
    "pilkada": "Pasal 71 ayat (2) Undang-Undang Nomor 10 Tahun 2016",
    "pelantikan": "Pasal 162 ayat (3) Undang-Undang Nomor 10 Tahun 2016",
}
#: the subject of the Minister's letter as the decree cites it (the settings hold only number and date)
APPROVAL_SUBJECT = "Persetujuan Penggantian Pejabat di Lingkungan Pemerintah Kabupaten Bungo"
SETTING_HINT = (
    "Cantumkan nomor dan tanggal surat persetujuan tertulis Menteri Dalam Negeri pada bagian [pilkada] "
    'berkas mutasi.toml, misalnya persetujuan_mendagri = {{ nomor = "100.2.2.6/1234/OTDA", tanggal = {date} }}, '
    "lalu jalankan kembali."
)


@dataclass(frozen=True)
class Freeze:
    """The freeze window that the effective date falls in."""

    window: str  # "pilkada" | "pelantikan"
    start: dt.date  # first frozen day
    end: dt.date  # last frozen day
    effective_date: dt.date
    pilkada: Pilkada
    #: the Minister's written approval (``persetujuan_mendagri``), else None
    approval: Approval | None = None

    @property
    def approved(self) -> bool:
        return self.approval is not None

    @property
    def rule(self) -> str:
        return RULES[self.window]

    @property
    def approval_outside(self) -> bool:
        """The approval is dated outside the window: it counts, but may belong to another round."""
        return self.approval is not None and not self.start <= self.approval.tanggal <= self.end

    def period(self) -> str:
        """``26 Mei 2025 sampai dengan 26 November 2025``"""
        return f"{format_date_id(self.start)} sampai dengan {format_date_id(self.end)}"

    def describe(self) -> str:
        """Where the effective date falls, and the rule, in one sentence."""
        d = format_date_id(self.effective_date)
        if self.window == "pelantikan":
            assert self.pilkada.pelantikan is not None
            return (
                f"Tanggal berlaku {d} berada dalam jangka waktu 6 (enam) bulan terhitung sejak pelantikan "
                f"Bupati pada {format_date_id(self.pilkada.pelantikan)}, yaitu {self.period()}; menurut "
                f"{self.rule}, penggantian pejabat dalam jangka waktu tersebut harus mendapat persetujuan "
                "tertulis dari Menteri Dalam Negeri."
            )
        assert self.pilkada.penetapan_paslon is not None and self.pilkada.akhir_masa_jabatan is not None
        return (
            f"Tanggal berlaku {d} berada dalam masa larangan penggantian pejabat sejak 6 (enam) bulan "
            f"sebelum penetapan pasangan calon ({format_date_id(self.pilkada.penetapan_paslon)}) sampai "
            f"dengan akhir masa jabatan ({format_date_id(self.pilkada.akhir_masa_jabatan)}), yaitu "
            f"{self.period()}; menurut {self.rule}, penggantian pejabat dalam masa tersebut dilarang "
            "kecuali mendapat persetujuan tertulis dari Menteri Dalam Negeri."
        )

    @property
    def message(self) -> str:
        """The full note for the terminal, Ringkasan and ``--json``."""
        if self.approval is not None:
            text = (
                f"{self.describe()} Persetujuan tersebut telah diberikan dengan Surat Menteri Dalam Negeri "
                f"Nomor {self.approval.nomor} tanggal {format_date_id(self.approval.tanggal)} dan "
                "dicantumkan pada konsiderans Mengingat draf keputusan."
            )
            if self.approval_outside:
                text += (
                    " Perhatian: surat tersebut bertanggal di luar masa ini; pastikan surat itu memang "
                    "berlaku untuk penggantian pejabat dalam rencana ini."
                )
            return text
        return (
            f"{self.describe()} Persetujuan tersebut belum tercantum dalam pengaturan. Rencana tetap "
            "disusun, tetapi draf SK dan berkas unggah SIASN tidak dapat disusun sebelum persetujuan "
            "tersebut dicantumkan."
        )

    def to_json(self) -> dict[str, object]:
        return {
            "window": self.window,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "approved": self.approved,
            "approval": None
            if self.approval is None
            else {"nomor": self.approval.nomor, "tanggal": self.approval.tanggal.isoformat()},
            "rule": self.rule,
            "message": self.message,
        }

    def mengingat(self) -> list[str]:
        """The legal bases an approved replacement in this window adds to the decree's Mengingat (no
        trailing punctuation: the template adds it)."""
        if self.approval is None:
            return []
        return [
            UU_10_2016,
            f"Surat Menteri Dalam Negeri Nomor {self.approval.nomor} tanggal "
            f"{format_date_id(self.approval.tanggal)} perihal {APPROVAL_SUBJECT}",
        ]


def windows(pilkada: Pilkada) -> list[tuple[str, dt.date, dt.date]]:
    """Every freeze window the settings define: (name, first frozen day, last frozen day)."""
    out: list[tuple[str, dt.date, dt.date]] = []
    if pilkada.pelantikan is not None:
        out.append(("pelantikan", pilkada.pelantikan, add_months(pilkada.pelantikan, FREEZE_MONTHS)))
    if pilkada.penetapan_paslon is not None and pilkada.akhir_masa_jabatan is not None:
        start = add_months(pilkada.penetapan_paslon, -FREEZE_MONTHS)
        if start <= pilkada.akhir_masa_jabatan:
            out.append(("pilkada", start, pilkada.akhir_masa_jabatan))
    return out


def freeze_status(pilkada: Pilkada, effective_date: dt.date) -> Freeze | None:
    """The freeze window ``effective_date`` falls in (see the module docstring), or None outside all."""
    hits = [w for w in windows(pilkada) if w[1] <= effective_date <= w[2]]
    if not hits:
        return None
    name, start, end = max(hits, key=lambda w: w[2])
    return Freeze(name, start, end, effective_date, pilkada, pilkada.persetujuan_mendagri)


def freeze_json(freeze: Freeze | None) -> dict[str, object] | None:
    """The ``"freeze"`` value of ``plan --json``: null outside every window."""
    return None if freeze is None else freeze.to_json()


class FreezeError(Exception):
    """A decree or an export refused during the freeze without approval; ``str()`` is the user's message."""

    def __init__(self, freeze: Freeze, what: str) -> None:
        self.freeze = freeze
        hint = SETTING_HINT.format(date=freeze.start.isoformat())
        super().__init__(
            f"{what} tidak disusun. {freeze.describe()} Persetujuan tersebut belum tercantum dalam "
            f"pengaturan. {hint}"
        )


def refuse_if_frozen(pilkada: Pilkada, dates: list[dt.date | None], what: str) -> Freeze | None:
    """The freeze of the first of ``dates`` that falls in a window; raises :class:`FreezeError` when that
    window has no approval (``what``: the thing refused, e.g. "Draf SK"). None when no date is frozen."""
    found: Freeze | None = None
    for d in dict.fromkeys(d for d in dates if d is not None):
        f = freeze_status(pilkada, d)
        if f is None:
            continue
        if not f.approved:
            raise FreezeError(f, what)
        found = found or f
    return found
