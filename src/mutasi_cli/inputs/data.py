"""The normalised round: people, positions and the analyst's decisions, ready for the rules.

Columns of ``Round.people`` (one row per person, index 0..n-1):
``nip, nama, golongan, grade (1..17, 0 for PPPK), pppk, cpns, kedudukan (Kedudukan Hukum), pos (index
into positions), tmt, birth, gender, pendidikan, edu (rank, 0 unknown), jurusan (key), skp (points),
predikat, hukuman, hukuman_start, hukuman_end (dates or None),
diklat (tuple of keys), diklat_text, kecamatan, wishes (tuple of keys), row``.

Columns of ``Round.positions``:
``kode, nama, name_key, unit, jenis, jenjang, jf (JF key, "" unless Fungsional), jf_nama (the JF as
written), eselon, grade_lo, grade_hi (0/99 = no limit),
edu_min (0 = none), jurusan (tuple of keys), syarat_diklat (tuple of texts), kecamatan, formasi,
prioritas, aktif, row``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from mutasi_cli.inputs.settings import Limits, RuleSettings, Weights

NO_LOW = 0
NO_HIGH = 99
TETAP = -1


#: the outcome of a person's row in a re-plan after review (``Hasil Tinjauan``): the approved move kept,
#: a move the reviewed plan did not have, another move for a person whose move was rejected, a rejected
#: move not made
KEPT, NEW, CHANGED, DROPPED = "tetap", "baru", "berubah", "batal"


@dataclass
class Review:
    """A reviewed plan the round is re-planned after (``plan --review``, CONTRACT.md "Re-planning after
    review"). ``approved``: person, position, row (its Excel row in Daftar Mutasi), keterangan (as the
    review left it, kept in the re-plan's Daftar Mutasi): moves kept as they are,
    which count in the turnover cap like any move. ``rejected``: person, position, row, sheet, how
    ("tidak" for Setuju = Tidak, "dihapus" for a deleted row): moves never made (they join
    ``Round.larangan``). ``path``: the reviewed workbook, as given."""

    path: str
    approved: pd.DataFrame
    rejected: pd.DataFrame


@dataclass
class Source:
    path: str
    sha256: str


@dataclass
class Round:
    people: pd.DataFrame
    positions: pd.DataFrame
    kunci: pd.DataFrame  # person, position (TETAP = -1)
    larangan: pd.DataFrame  # person, position (-1 when by unit), unit ("" when by position)
    relasi: pd.DataFrame  # a, b, hubungan
    effective_date: dt.date
    sources: list[Source] = field(default_factory=list)
    weights: Weights = field(default_factory=Weights)  # level 3, from mutasi.toml
    rules: RuleSettings = field(default_factory=RuleSettings)  # [aturan], from mutasi.toml
    limits: Limits = field(default_factory=Limits)  # [batas], from mutasi.toml
    #: the reviewed plan this round re-plans (``plan --review``), None for a first plan
    review: Review | None = None

    @property
    def n_people(self) -> int:
        return len(self.people)

    @property
    def n_positions(self) -> int:
        return len(self.positions)
