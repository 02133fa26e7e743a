"""Header aliases: the one table that maps what spreadsheets call a column to its canonical name.

Matching ignores case, spaces, underscores and punctuation (see :func:`header_key`).
"""

from __future__ import annotations

import re

PEGAWAI = "Pegawai"
JABATAN = "Jabatan"
KUNCI = "Kunci"
LARANGAN = "Larangan"
RELASI = "Relasi"
OPTIONAL_SHEETS = (KUNCI, LARANGAN, RELASI)

#: canonical column → accepted spellings (the canonical one is always accepted)
PEGAWAI_ALIASES: dict[str, tuple[str, ...]] = {
    "NIP": ("NIP BARU", "NIP 18", "NIP PNS"),
    "Nama": ("NAMA PEGAWAI", "NAMA LENGKAP"),
    "Golongan": (
        "GOL AKHIR NAMA",
        "GOL AKHIR",
        "GOL/RUANG",
        "PANGKAT/GOL",
        "GOL RUANG",
        "GOL",
        "PANGKAT GOLONGAN",
    ),
    "Kode Jabatan": ("KODE JABATAN SAAT INI", "ID JABATAN"),
    "Jabatan": ("JABATAN NAMA", "NAMA JABATAN"),
    "Unit Kerja": ("UNOR NAMA", "NAMA UNOR", "UNIT KERJA NAMA", "OPD"),
    "TMT Jabatan": ("TMT JABATAN",),
    "Tanggal Lahir": ("TGL LAHIR", "TANGGAL LAHIR"),
    "Jenis Kelamin": ("JENIS KELAMIN", "JK", "L/P"),
    "Jenis ASN": ("JENIS PEGAWAI NAMA", "JENIS PEGAWAI", "STATUS ASN"),
    "Pendidikan": ("TINGKAT PENDIDIKAN NAMA", "TINGKAT PENDIDIKAN", "PENDIDIKAN TERAKHIR"),
    "Jurusan": ("PENDIDIKAN NAMA", "PROGRAM STUDI"),
    "Predikat Kinerja": ("PREDIKAT SKP", "NILAI SKP", "PREDIKAT"),
    "Hukuman Disiplin": ("HUKDIS", "HUKUMAN"),
    "Diklat": ("DIKLAT STRUKTURAL", "DIKLAT DIIKUTI"),
    "Kecamatan Domisili": ("DOMISILI", "KECAMATAN TEMPAT TINGGAL"),
    "Pilihan 1": ("PILIHAN1",),
    "Pilihan 2": ("PILIHAN2",),
    "Pilihan 3": ("PILIHAN3",),
    "Kedudukan Hukum": ("KEDUDUKAN HUKUM NAMA", "KEDUDUKAN PEGAWAI", "STATUS KEPEGAWAIAN"),
    "TMT Hukuman": ("TMT HUKDIS", "TMT HUKUMAN DISIPLIN", "TANGGAL MULAI HUKUMAN", "MULAI HUKUMAN"),
    "Akhir Hukuman": (
        "AKHIR HUKDIS", "AKHIR HUKUMAN DISIPLIN", "TMT AKHIR HUKUMAN", "TANGGAL AKHIR HUKUMAN",
        "SELESAI HUKUMAN",
    ),
}
PEGAWAI_REQUIRED = ("NIP", "Nama", "Golongan", "TMT Jabatan")  # plus Kode Jabatan or Jabatan + Unit Kerja

JABATAN_ALIASES: dict[str, tuple[str, ...]] = {
    "Kode Jabatan": ("KODE", "ID JABATAN"),
    "Nama Jabatan": ("JABATAN", "JABATAN NAMA"),
    "Unit Kerja": ("UNOR NAMA", "NAMA UNOR", "OPD"),
    "Jenis Jabatan": ("JENIS JABATAN NAMA",),
    "Jenjang": ("JENJANG JABATAN",),
    "Eselon": ("ESELON NAMA",),
    "Golongan Min": ("GOL MIN", "GOLONGAN MINIMAL", "GOLONGAN TERENDAH"),
    "Golongan Maks": ("GOL MAKS", "GOLONGAN MAKSIMAL", "GOLONGAN MAX", "GOLONGAN TERTINGGI"),
    "Pendidikan Min": ("PENDIDIKAN MINIMAL", "PENDIDIKAN MINIMUM"),
    "Jurusan": ("KUALIFIKASI JURUSAN",),
    "Syarat Diklat": ("DIKLAT",),
    "Kecamatan": ("LOKASI KECAMATAN",),
    "Formasi": ("KEBUTUHAN", "JUMLAH KEBUTUHAN"),
    "Prioritas": (),
    "Status": ("STATUS JABATAN",),
    "Rumpun": ("RUMPUN JABATAN", "NAMA JF", "JABATAN FUNGSIONAL"),
}
JABATAN_REQUIRED = ("Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan")

KUNCI_ALIASES: dict[str, tuple[str, ...]] = {"NIP": ("NIP BARU",), "Kode Jabatan": ()}
LARANGAN_ALIASES: dict[str, tuple[str, ...]] = {
    "NIP": ("NIP BARU",),
    "Kode Jabatan": (),
    "Unit Kerja": ("UNOR NAMA",),
}
RELASI_ALIASES: dict[str, tuple[str, ...]] = {"NIP 1": ("NIP1",), "NIP 2": ("NIP2",), "Hubungan": ()}

SCHEMAS: dict[str, dict[str, tuple[str, ...]]] = {
    PEGAWAI: PEGAWAI_ALIASES,
    JABATAN: JABATAN_ALIASES,
    KUNCI: KUNCI_ALIASES,
    LARANGAN: LARANGAN_ALIASES,
    RELASI: RELASI_ALIASES,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    PEGAWAI: PEGAWAI_REQUIRED,
    JABATAN: JABATAN_REQUIRED,
    KUNCI: ("NIP", "Kode Jabatan"),
    LARANGAN: ("NIP",),
    RELASI: ("NIP 1", "NIP 2"),
}


def header_key(text: object) -> str:
    """Comparison key of a header: case, spaces, underscores and punctuation ignored."""
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


def alias_index(schema: dict[str, tuple[str, ...]], local: dict[str, str] | None = None) -> dict[str, str]:
    """header key → canonical name, for one sheet's schema; ``local`` (header → canonical, from the
    ``[kolom.<sheet>]`` settings) wins over everything."""
    index: dict[str, str] = {}
    for canonical, aliases in schema.items():
        for name in (canonical, *aliases):
            index.setdefault(header_key(name), canonical)
    # a canonical name always wins over another column's alias
    for canonical in schema:
        index[header_key(canonical)] = canonical
    for written, canonical in (local or {}).items():
        index[header_key(written)] = canonical
    return index


def column_letter(j: int) -> str:
    """Excel's name of the 0-based column ``j``: 0 → A, 25 → Z, 26 → AA, 16383 → XFD."""
    name = ""
    j += 1
    while j > 0:
        j, rest = divmod(j - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_number(letters: str) -> int:
    """The 1-based number of an Excel column name: A → 1, XFD → 16384 (any case)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n
