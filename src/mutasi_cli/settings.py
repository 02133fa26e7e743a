"""Settings from ``mutasi.toml``: the level-3 weights and column mappings for local exports.

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

    [kolom.pegawai]         # a local header → the canonical column it holds
    "NIP/NRP" = "NIP"
    "JABATAN SEKARANG" = "Jabatan"

    [kolom.jabatan]
    "KEBUTUHAN PEGAWAI" = "Formasi"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from mutasi_cli.headers import SCHEMAS

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


@dataclass
class Settings:
    weights: Weights = field(default_factory=Weights)
    #: sheet name (Pegawai, Jabatan, …) → {header as written: canonical column}
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    source: Path | None = None


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
    unknown = set(data) - {"bobot", "kolom", "sk"}  # [sk] is read by `mutasi sk` (mutasi_cli.decree)
    if unknown:
        raise SettingsError(
            f"{path}: bagian [{', '.join(sorted(unknown))}] tidak dikenal; yang dikenal: [bobot], "
            "[kolom.<sheet>], [sk]."
        )
    return Settings(_weights(path, data.get("bobot", {})), _columns(path, data.get("kolom", {})), path)


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
