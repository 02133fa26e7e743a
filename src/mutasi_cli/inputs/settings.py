"""Settings from ``mutasi.toml``: the rules of a move, the election freeze, the level-3 weights and column
mappings for local exports.

Looked for with ``--config PATH``, else ``mutasi.toml`` in the working directory; without one the
defaults below hold. Every key is optional. Example (the defaults)::

    [bobot]                 # level 3: points of a person in a position
    golongan = 2            # golongan within the position's range
    pendidikan = 2          # education at or above the position's minimum
    jurusan = 3             # major among those the position lists
    diklat = 3              # holds every training the position requires
    skp = 1                 # per SKP point (Sangat Baik 2, Baik 1) in a Prioritas-1 or -2 position
    pilihan = [4, 3, 2]     # the person's 1st, 2nd, 3rd wish
    domisili = 2            # position in the home kecamatan
    dekat = 1               # ... or within dekat_km of it
    dekat_km = 25.0
    isi_prioritas_2 = 5     # per place filled in a Prioritas-2 / -3 position
    isi_prioritas_3 = 2

    [aturan]                # the rules of a move (CONTRACT.md rules 1–8); see :class:`RuleSettings`
    masa_minimal = 2        # years in the current position before a move
    masa_jatuh_tempo = 5    # years after which a person is due for rotation
    jendela_pensiun = 12    # months before retirement in which nobody is moved
    perputaran_persen = 30  # share of a unit's people who may move out in one round
    hukuman_menahan = ["Sedang", "Berat"]
    lama_hukuman = 12       # months a sanction runs when only its start is given
    relasi = "pindah"       # "pindah": no move may join a Relasi pair; "selalu": they may not share a unit
    naik_eselon = false
    antar_jf = false
    struktural_fungsional = false
    penyetaraan = false
    mutasi_cpns = false

    [pilkada]               # the election freeze (UU 10/2016 Pasal 71 ayat (2), Pasal 162 ayat (3))
    penetapan_paslon = 2029-09-22
    akhir_masa_jabatan = 2030-02-17
    pelantikan = 2025-05-26
    persetujuan_mendagri = { nomor = "100.2.2.6/1234/OTDA", tanggal = 2026-11-02 }

    [batas]                 # where a value stops being plausible (a warning; see :class:`Limits`)
    formasi_maks = 100      # places in one position (above 10,000 is an error whatever this says)

    [kolom.pegawai]         # a local header → the canonical column it holds
    "NIP/NRP" = "NIP"
    "JABATAN SEKARANG" = "Jabatan"

    [kolom.jabatan]
    "KEBUTUHAN PEGAWAI" = "Formasi"
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from mutasi_cli.inputs.headers import SCHEMAS
from mutasi_cli.inputs.values import parse_date

DEFAULT_FILE = "mutasi.toml"


@dataclass(frozen=True)
class Weights:
    golongan: int = 2
    pendidikan: int = 2
    jurusan: int = 3
    diklat: int = 3
    skp: int = 1
    pilihan: tuple[int, int, int] = (4, 3, 2)
    domisili: int = 2
    dekat: int = 1
    dekat_km: float = 25.0
    isi_prioritas_2: int = 5
    isi_prioritas_3: int = 2

    def rows(self) -> list[tuple[str, object]]:
        """(label, value) for the Parameter sheet."""
        return [
            ("Bobot: golongan sesuai", self.golongan),
            ("Bobot: pendidikan sesuai", self.pendidikan),
            ("Bobot: jurusan sesuai", self.jurusan),
            ("Bobot: diklat dimiliki", self.diklat),
            ("Bobot: per poin SKP di jabatan Prioritas 1–2", self.skp),
            ("Bobot: pilihan 1/2/3", "/".join(map(str, self.pilihan))),
            ("Bobot: kecamatan domisili / dekat", f"{self.domisili}/{self.dekat} (≤ {self.dekat_km:g} km)"),
            ("Bobot: tempat terisi Prioritas 2/3", f"{self.isi_prioritas_2}/{self.isi_prioritas_3}"),
        ]


#: sanction levels that exist (grades.HUKUMAN without "Tidak Ada"); repeated here to keep settings free
#: of the rules' imports
_HUKUMAN_LEVELS = ("Ringan", "Sedang", "Berat")
RELASI_SCOPES = ("pindah", "selalu")


@dataclass(frozen=True)
class RuleSettings:
    """The numbers and switches of CONTRACT.md "Rules of a move" (``[aturan]``); the defaults are the
    contract's. The one table of defaults: the rules, the checker, the reasons and the report read it
    from the Round (``Round.rules``)."""

    masa_minimal: int = 2  # rule 1, years
    masa_jatuh_tempo: int = 5  # rule 1, years
    jendela_pensiun: int = 12  # rule 2, months
    perputaran_persen: int = 30  # limits: turnover per unit, percent
    hukuman_menahan: tuple[str, ...] = ("Sedang", "Berat")  # rule 3
    lama_hukuman: int = 12  # rule 3, months, when only TMT Hukuman is given
    relasi: str = "pindah"  # Relasi scope: "pindah" | "selalu"
    naik_eselon: bool = False  # rule 7 door: one eselon step up
    antar_jf: bool = False  # rule 7 door: another jabatan fungsional at the same jenjang
    struktural_fungsional: bool = False  # rule 7 door: structural ↔ JF at the equivalent jenjang
    penyetaraan: bool = False  # rule 7 door: incumbent of a Dihapus post to the equivalent JF jenjang
    mutasi_cpns: bool = False  # rule 8: CPNS may be moved during probation

    @property
    def turnover_share(self) -> float:
        return self.perputaran_persen / 100.0


@dataclass(frozen=True)
class Approval:
    """The Minister of Home Affairs' written approval of a replacement during the election freeze."""

    nomor: str
    tanggal: dt.date


@dataclass(frozen=True)
class Pilkada:
    """``[pilkada]``: the dates of the regional election that freeze replacements (CONTRACT.md "The
    election freeze"). Bungo's Bupati was inaugurated on 26 May 2025 (DOMAIN.md)."""

    penetapan_paslon: dt.date | None = None
    akhir_masa_jabatan: dt.date | None = None
    pelantikan: dt.date | None = dt.date(2025, 5, 26)
    persetujuan_mendagri: Approval | None = None


#: a Formasi no real position has: an error whatever ``[batas] formasi_maks`` says (and its ceiling),
#: so that a typo such as 1e9 never becomes a billion Prioritas-1 places, nor overflows an int64
FORMASI_MUSTAHIL = 10_000


@dataclass(frozen=True)
class Limits:
    """``[batas]``: where a value stops being plausible. A Formasi above ``formasi_maks`` is read, with
    a warning (``implausible-number``); above :data:`FORMASI_MUSTAHIL` it is an error."""

    formasi_maks: int = 100

    def rows(self) -> list[tuple[str, object]]:
        """(label, value) for the Parameter sheet."""
        return [("Batas kewajaran: Formasi per jabatan (di atasnya diperingatkan)", self.formasi_maks)]


@dataclass
class Settings:
    rules: RuleSettings = field(default_factory=RuleSettings)
    pilkada: Pilkada = field(default_factory=Pilkada)
    weights: Weights = field(default_factory=Weights)
    #: sheet name (Pegawai, Jabatan, …) → {header as written: canonical column}
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    source: Path | None = None
    limits: Limits = field(default_factory=Limits)


class SettingsError(Exception):
    """A settings file that cannot be used; the message is for the user (Bahasa Indonesia)."""


def read_settings_file(path: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The parsed settings file: ``path``, or ``./mutasi.toml`` when it exists, else ({}, None). The
    one place that finds and parses it (``plan``, ``validate`` and ``mutasi sk`` alike)."""
    if path is None:
        default = Path(DEFAULT_FILE)
        if not default.is_file():
            return {}, None
        path = default
    if not path.is_file():
        raise SettingsError(f"Berkas pengaturan {path} tidak ditemukan.")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), path
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"Berkas pengaturan {path} tidak dapat dibaca: {exc}.") from None


def load_settings(path: Path | None = None) -> Settings:
    """The settings of ``path``, or of ``./mutasi.toml`` when it exists, or the defaults."""
    data, path = read_settings_file(path)
    if path is None:
        return Settings()
    # [sk] is read by `mutasi sk` (mutasi_cli.outputs.decree)
    unknown = set(data) - {"aturan", "pilkada", "bobot", "batas", "kolom", "sk"}
    if unknown:
        raise SettingsError(
            f"{path}: bagian [{', '.join(sorted(unknown))}] tidak dikenal; yang dikenal: [aturan], "
            "[pilkada], [bobot], [batas], [kolom.<sheet>], [sk]."
        )
    return Settings(
        _rules(path, data.get("aturan", {})),
        _pilkada(path, data.get("pilkada", {})),
        _weights(path, data.get("bobot", {})),
        _columns(path, data.get("kolom", {})),
        path,
        _limits(path, data.get("batas", {})),
    )


def _limits(path: Path, table: object) -> Limits:
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [batas] harus berupa tabel.")
    known = [f.name for f in fields(Limits)]
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{path}: [batas] '{key}' tidak dikenal; yang dikenal: {', '.join(known)}.")
        if not _whole(value) or not 1 <= value <= FORMASI_MUSTAHIL:
            ceiling = f"{FORMASI_MUSTAHIL:,}".replace(",", ".")
            raise SettingsError(
                f"{path}: [batas] '{key}' harus bilangan bulat 1–{ceiling} (tertulis: {value!r})."
            )
    return Limits(**table)


def _rules(path: Path, table: object) -> RuleSettings:
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [aturan] harus berupa tabel.")
    known = {f.name: f for f in fields(RuleSettings)}
    defaults = RuleSettings()
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise SettingsError(
                f"{path}: [aturan] '{key}' tidak dikenal; yang dikenal: {', '.join(known)}."
            )
        default = getattr(defaults, key)
        where = f"{path}: [aturan] '{key}'"
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise SettingsError(f"{where} harus true atau false (tertulis: {value!r}).")
            values[key] = value
        elif key == "hukuman_menahan":
            levels = {h.lower(): h for h in _HUKUMAN_LEVELS}
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip().lower() in levels for v in value
            ):
                raise SettingsError(
                    f"{where} harus daftar tingkat hukuman dari {', '.join(_HUKUMAN_LEVELS)}, misalnya "
                    '["Sedang", "Berat"].'
                )
            values[key] = tuple(dict.fromkeys(levels[v.strip().lower()] for v in value))
        elif key == "relasi":
            if value not in RELASI_SCOPES:
                raise SettingsError(f"{where} harus salah satu dari: {', '.join(RELASI_SCOPES)}.")
            values[key] = value
        else:
            limits = {"perputaran_persen": (1, 100), "masa_minimal": (0, 40), "masa_jatuh_tempo": (1, 40)}
            lo, hi = limits.get(key, (0, 120))
            if not _whole(value) or not lo <= value <= hi:  # type: ignore[operator]
                raise SettingsError(f"{where} harus bilangan bulat {lo}–{hi} (tertulis: {value!r}).")
            values[key] = int(value)  # type: ignore[call-overload]
    rules = RuleSettings(**values)  # type: ignore[arg-type]
    if rules.masa_minimal > rules.masa_jatuh_tempo:
        raise SettingsError(
            f"{path}: [aturan] 'masa_minimal' ({rules.masa_minimal}) tidak boleh melebihi "
            f"'masa_jatuh_tempo' ({rules.masa_jatuh_tempo})."
        )
    return rules


def _pilkada(path: Path, table: object) -> Pilkada:
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [pilkada] harus berupa tabel.")
    known = {f.name for f in fields(Pilkada)}
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{path}: [pilkada] '{key}' tidak dikenal; yang dikenal: {', '.join(known)}.")
        if key == "persetujuan_mendagri":
            if not isinstance(value, dict) or set(value) != {"nomor", "tanggal"}:
                raise SettingsError(
                    f'{path}: [pilkada] persetujuan_mendagri harus berisi nomor dan tanggal, misalnya '
                    '{ nomor = "100.2.2.6/1234/OTDA", tanggal = 2026-11-02 }.'
                )
            nomor = str(value["nomor"]).strip()
            if not nomor:
                raise SettingsError(f"{path}: [pilkada] persetujuan_mendagri: nomor wajib diisi.")
            values[key] = Approval(nomor, _toml_date(path, "persetujuan_mendagri.tanggal", value["tanggal"]))
        else:
            values[key] = _toml_date(path, key, value)
    pilkada = Pilkada(**values)  # type: ignore[arg-type]
    start, end = pilkada.penetapan_paslon, pilkada.akhir_masa_jabatan
    if (start is None) != (end is None):
        raise SettingsError(
            f"{path}: [pilkada] penetapan_paslon dan akhir_masa_jabatan harus diisi keduanya (masa larangan "
            "berlaku dari 6 bulan sebelum penetapan pasangan calon sampai akhir masa jabatan)."
        )
    if start is not None and end is not None and end < start:
        raise SettingsError(
            f"{path}: [pilkada] akhir_masa_jabatan ({end:%d-%m-%Y}) lebih awal daripada penetapan_paslon "
            f"({start:%d-%m-%Y})."
        )
    return pilkada


def toml_date(value: object) -> dt.date | None:
    """A TOML date (2025-05-26), or a text in a form the cells accept (26-05-2025); None otherwise. The
    one reading of a date in mutasi.toml ([pilkada], [sk])."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(value) if isinstance(value, str) else None


def _toml_date(path: Path, key: str, value: object) -> dt.date:
    parsed = toml_date(value)
    if parsed is None:
        raise SettingsError(
            f"{path}: [pilkada] '{key}' harus tanggal, misalnya 2025-05-26 (tertulis: {value!r})."
        )
    return parsed


def _weights(path: Path, table: object) -> Weights:
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [bobot] harus berupa tabel.")
    known = {f.name: f for f in fields(Weights)}
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{path}: bobot '{key}' tidak dikenal; yang dikenal: {', '.join(known)}.")
        if key == "pilihan":
            if not (isinstance(value, list) and len(value) == 3 and all(_whole(v) for v in value)):
                raise SettingsError(
                    f"{path}: bobot 'pilihan' harus tiga bilangan bulat ≥ 0, misalnya [4, 3, 2]."
                )
            values[key] = tuple(int(v) for v in value)
        elif key == "dekat_km":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise SettingsError(f"{path}: 'dekat_km' harus bilangan ≥ 0.")
            values[key] = float(value)
        else:
            if not _whole(value):
                raise SettingsError(f"{path}: bobot '{key}' harus bilangan bulat ≥ 0 (tertulis: {value!r}).")
            values[key] = int(value)  # type: ignore[call-overload]
    return Weights(**values)  # type: ignore[arg-type]


def _whole(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _columns(path: Path, table: object) -> dict[str, dict[str, str]]:
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [kolom] harus berupa tabel, misalnya [kolom.pegawai].")
    sheets = {name.lower(): name for name in SCHEMAS}
    out: dict[str, dict[str, str]] = {}
    for sheet_key, mapping in table.items():
        sheet = sheets.get(str(sheet_key).lower())
        if sheet is None:
            raise SettingsError(
                f"{path}: [kolom.{sheet_key}] tidak dikenal; sheet yang dikenal: {', '.join(SCHEMAS)}."
            )
        if not isinstance(mapping, dict):
            raise SettingsError(f'{path}: [kolom.{sheet_key}] harus berisi "judul lokal" = "kolom baku".')
        canonical = {c.lower(): c for c in SCHEMAS[sheet]}
        for local, target in mapping.items():
            column = canonical.get(str(target).strip().lower())
            if column is None:
                raise SettingsError(
                    f'{path}: [kolom.{sheet_key}] "{local}" = "{target}": kolom baku \'{target}\' tidak '
                    f"dikenal; pilih salah satu dari: {', '.join(SCHEMAS[sheet])}."
                )
            out.setdefault(sheet, {})[str(local)] = column
    return out
