"""Facts about Kabupaten Bungo (Jambi) quoted from ../shared/DOMAIN.md: kecamatan, units, distances.

The kecamatan centres are approximate (two are estimates): good enough for a distance score, not for
anything that needs a map.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt


class Kecamatan(NamedTuple):
    bps: str
    name: str
    lat: float
    lon: float


#: the 17 kecamatan with their BPS codes and approximate centres (DOMAIN.md)
KECAMATAN: tuple[Kecamatan, ...] = (
    Kecamatan("1509010", "Pelepat", -1.830, 102.026),
    Kecamatan("1509011", "Pelepat Ilir", -1.618, 102.369),
    Kecamatan("1509021", "Bathin II Babeko", -1.505, 102.232),
    Kecamatan("1509022", "Rimbo Tengah", -1.553, 102.129),
    Kecamatan("1509023", "Bungo Dani", -1.497, 102.083),
    Kecamatan("1509024", "Pasar Muara Bungo", -1.492, 102.135),
    Kecamatan("1509025", "Bathin III", -1.46, 102.10),  # estimate
    Kecamatan("1509030", "Rantau Pandan", -1.659, 101.958),
    Kecamatan("1509031", "Muko-Muko Bathin VII", -1.58, 101.90),  # estimate
    Kecamatan("1509032", "Bathin III Ulu", -1.75, 101.96),
    Kecamatan("1509040", "Tanah Sepenggal", -1.440, 101.969),
    Kecamatan("1509041", "Tanah Sepenggal Lintas", -1.384, 101.946),
    Kecamatan("1509050", "Tanah Tumbuh", -1.507, 101.866),
    Kecamatan("1509051", "Limbur Lubuk Mengkuang", -1.680, 101.661),
    Kecamatan("1509052", "Bathin II Pelayang", -1.432, 101.821),
    Kecamatan("1509060", "Jujuhan", -1.319, 101.775),
    Kecamatan("1509061", "Jujuhan Ilir", -1.205, 101.912),
)
KECAMATAN_NAMES: tuple[str, ...] = tuple(k.name for k in KECAMATAN)

#: the seat of the kabupaten (Muara Bungo); the kecamatan of every unit that is not a kantor camat
SEAT_KECAMATAN = "Pasar Muara Bungo"

#: dinas, badan and sekretariat (DOMAIN.md, "Units (OPD) for realistic sample data")
DINAS_UNITS: tuple[str, ...] = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat",
    "Bappeda",
    "BPKAD",
    "BP2RD",
    "BKPSDMD",
    "BPBD",
    "Kesbangpol",
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "RSUD H. Hanafie",
    "Dinas PUPR",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Satpol PP",
    "Dinas Sosial",
    "Disdukcapil",
    "Dinas PMD",
    "Dinas Kominfo",
    "Dinas Perhubungan",
    "Dinas Lingkungan Hidup",
    "DPMPTSP",
    "Disperindagkop dan UMKM",
    "Dinas Pertanian",
    "Dinas Ketahanan Pangan",
    "DP3AP2KB",
    "Dinas Tenaga Kerja",
    "Dinas Perpustakaan dan Kearsipan",
)


def kantor_camat(kecamatan: str) -> str:
    """Unit name of the kantor camat of a kecamatan: ``"Kecamatan Pelepat"``."""
    return f"Kecamatan {kecamatan}"


#: one kantor camat per kecamatan
KECAMATAN_UNITS: tuple[str, ...] = tuple(kantor_camat(k) for k in KECAMATAN_NAMES)
#: every unit of the sample data: dinas/badan/sekretariat, then the kantor camat
OPD_UNITS: tuple[str, ...] = DINAS_UNITS + KECAMATAN_UNITS

_EARTH_RADIUS_KM = 6371.0088
_PREFIX_RE = re.compile(r"^(kecamatan|kec\.?)\s+")


def _key(name: object) -> str:
    """Lookup key of a kecamatan name: case, hyphens, spacing and a ``Kecamatan``/``Kec.`` prefix ignored."""
    s = re.sub(r"[\s\-_]+", " ", str(name)).strip().lower()
    return _PREFIX_RE.sub("", s)


_BY_KEY: dict[str, Kecamatan] = {_key(k.name): k for k in KECAMATAN}


def find_kecamatan(name: object) -> Kecamatan | None:
    """The kecamatan a name refers to (``"Kec. Rimbo Tengah"``, ``"muko muko bathin vii"``), else ``None``."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return None
    return _BY_KEY.get(_key(name))


def haversine_km(lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike) -> Any:
    """Great-circle distance in km, element-wise on scalars or numpy arrays alike (NaN in, NaN out)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def distance_km(kec_a: str, kec_b: str) -> float | None:
    """Distance between the centres of two kecamatan in km; ``None`` if either is unknown."""
    a, b = find_kecamatan(kec_a), find_kecamatan(kec_b)
    if a is None or b is None:
        return None
    return float(haversine_km(a.lat, a.lon, b.lat, b.lon))
