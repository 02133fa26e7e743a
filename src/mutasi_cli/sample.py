"""Synthetic, Bungo-like rounds of mutasi: positions (Jabatan), people (Pegawai), Kunci, Larangan, Relasi.

``generate(size, seed, reference_date)`` returns the five input sheets of CONTRACT.md with exactly their
canonical headers; ``write_sample`` writes them as ``pegawai.xlsx`` and ``jabatan.xlsx``. Everything is
drawn from one ``numpy`` generator seeded with ``seed``, so a (size, seed, reference_date) triple always
gives the same frames, and the same bytes on disk.

The round looks like Bungo's: dinas, badan and kantor camat with their eselon structure; SD and SMP
negeri holding the teachers (a third or more of the people, JF Guru with Rumpun "Guru" and names such as
"Guru Kelas Ahli Pertama"); puskesmas, the RSUD and Dinas Kesehatan holding the health JF of every
jenjang; ~14 % PPPK (mostly teachers and health workers, some pelaksana, never JPT/Administrator/
Pengawas); ~3 % CPNS of the last year's intakes; a few people on Tugas Belajar, CLTN, Pemberhentian
Sementara or Masa Persiapan Pensiun; sanctions with running, ended, open and undated periods; Dihapus
kepala seksi/subbagian and pelaksana posts. Names, eselon, JF and jenjang recur across units, so that
rotation along the career path (CONTRACT.md rule 7) has room.

The round is feasible by construction: every person can stay where they are (a position holds its
stayers even above Formasi), ``Kunci`` moves go to vacant positions that the person qualifies for along
the career path and never name a person whom rule 8 holds, and ``Larangan`` never names a person's own
position or unit. Only the incumbents of ``Dihapus`` positions may end up unplaced.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from mutasi_cli.domain import grades
from mutasi_cli.domain.bungo import DINAS_UNITS, KECAMATAN_NAMES, SEAT_KECAMATAN, kantor_camat
from mutasi_cli.inputs.settings import RuleSettings
from mutasi_cli.support.files import atomic_file

# --- canonical headers (CONTRACT.md) -------------------------------------------------------------------
PEGAWAI_COLUMNS: tuple[str, ...] = (
    "NIP", "Nama", "Golongan", "Kode Jabatan", "TMT Jabatan", "Tanggal Lahir", "Jenis Kelamin", "Jenis ASN",
    "Kedudukan Hukum", "Pendidikan", "Jurusan", "Predikat Kinerja", "Hukuman Disiplin", "TMT Hukuman",
    "Akhir Hukuman", "Diklat", "Kecamatan Domisili", "Pilihan 1", "Pilihan 2", "Pilihan 3",
)  # fmt: skip
JABATAN_COLUMNS: tuple[str, ...] = (
    "Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan", "Jenjang", "Eselon", "Golongan Min",
    "Golongan Maks", "Pendidikan Min", "Jurusan", "Syarat Diklat", "Kecamatan", "Rumpun", "Formasi",
    "Prioritas", "Status",
)  # fmt: skip
KUNCI_COLUMNS: tuple[str, ...] = ("NIP", "Kode Jabatan")
LARANGAN_COLUMNS: tuple[str, ...] = ("NIP", "Kode Jabatan", "Unit Kerja")
RELASI_COLUMNS: tuple[str, ...] = ("NIP 1", "NIP 2", "Hubungan")
SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "Pegawai": PEGAWAI_COLUMNS,
    "Jabatan": JABATAN_COLUMNS,
    "Kunci": KUNCI_COLUMNS,
    "Larangan": LARANGAN_COLUMNS,
    "Relasi": RELASI_COLUMNS,
}
#: the word a Kunci row uses to keep a person where they are
TETAP = "TETAP"

# --- organisation of the units ----------------------------------------------------------------------
_AHLI = ("Ahli Pertama", "Ahli Muda", "Ahli Madya")
_AHLI2 = ("Ahli Pertama", "Ahli Muda")
_TRAMPIL = ("Terampil", "Mahir", "Penyelia")


@dataclass(frozen=True)
class _Unit:
    """How a dinas/badan/sekretariat is organised (kantor camat are built separately)."""

    kind: str  # dinas | badan | setda | setwan | inspektorat | rsud
    bidang: tuple[tuple[str, str], ...]  # (name of the bidang/bagian, topic of its seksi)
    fungsional: tuple[str, ...] = ()  # families typical of the unit
    pelaksana: tuple[str, ...] = ()  # pelaksana typical of the unit
    jurusan: str | None = None  # majors the unit's leaders tend to need
    weight: float = 1.0  # share of the places
    fungsional_share: float = 0.35  # share of the non-leadership places held by fungsional
    head: str | None = None  # name of the head position, default "Kepala <unit>"
    sekretaris: str | None = None  # name of the sekretaris position, default "Sekretaris <unit>"


_KES_PELAKSANA = ("Operator Layanan Kesehatan", "Pengelola Layanan Kesehatan")
#: dinas whose people are health workers (with the puskesmas)
_HEALTH_UNITS = frozenset({"Dinas Kesehatan", "RSUD H. Hanafie"})
_UNITS: dict[str, _Unit] = {
    "Sekretariat Daerah": _Unit(
        "setda",
        (
            ("Tata Pemerintahan", "Tata Pemerintahan"),
            ("Kesejahteraan Rakyat", "Kesejahteraan Rakyat"),
            ("Hukum", "Hukum"),
            ("Perekonomian dan Sumber Daya Alam", "Perekonomian"),
            ("Administrasi Pembangunan", "Administrasi Pembangunan"),
            ("Pengadaan Barang dan Jasa", "Pengadaan"),
            ("Organisasi", "Kelembagaan"),
            ("Umum", "Rumah Tangga"),
            ("Protokol dan Komunikasi Pimpinan", "Protokol"),
        ),
        ("Analis Hukum", "Perancang Peraturan Perundang-undangan", "Pengelola Pengadaan Barang/Jasa"),
        weight=2.0,
        head="Sekretaris Daerah",
    ),
    "Sekretariat DPRD": _Unit(
        "setwan",
        (
            ("Umum dan Keuangan", "Keuangan"),
            ("Persidangan dan Perundang-undangan", "Persidangan"),
            ("Fasilitasi Penganggaran dan Pengawasan", "Penganggaran"),
            ("Humas dan Protokol", "Kehumasan"),
        ),
        ("Analis Hukum", "Perancang Peraturan Perundang-undangan", "Pranata Hubungan Masyarakat"),
        head="Sekretaris DPRD",
    ),
    "Inspektorat": _Unit(
        "inspektorat",
        (("Wilayah I", ""), ("Wilayah II", ""), ("Wilayah III", ""), ("Wilayah IV", "")),
        ("Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah"),
        jurusan="Akuntansi;Ekonomi;Hukum",
        fungsional_share=0.7,
        head="Inspektur",
    ),
    "Bappeda": _Unit(
        "badan",
        (
            ("Perencanaan Pemerintahan dan Pembangunan Manusia", "Pembangunan Manusia"),
            ("Perencanaan Perekonomian dan Sumber Daya Alam", "Perekonomian"),
            ("Perencanaan Infrastruktur dan Kewilayahan", "Infrastruktur"),
            ("Penelitian dan Pengembangan", "Litbang"),
        ),
        ("Perencana", "Statistisi"),
        jurusan="Perencanaan Wilayah dan Kota;Ekonomi;Teknik Sipil",
        fungsional_share=0.5,
    ),
    "BPKAD": _Unit(
        "badan",
        (
            ("Anggaran", "Anggaran"),
            ("Perbendaharaan", "Perbendaharaan"),
            ("Akuntansi dan Pelaporan", "Akuntansi"),
            ("Aset", "Aset Daerah"),
        ),
        ("Analis Keuangan Pusat dan Daerah",),
        ("Penyusun Laporan Keuangan", "Pengelola Barang Milik Daerah"),
        jurusan="Akuntansi;Ekonomi;Manajemen",
    ),
    "BP2RD": _Unit(
        "badan",
        (
            ("Pendataan dan Penetapan", "Pendataan Pajak"),
            ("Penagihan dan Keberatan", "Penagihan"),
            ("Pajak Bumi dan Bangunan", "PBB dan BPHTB"),
            ("Perencanaan Pendapatan", "Pendapatan"),
        ),
        ("Analis Keuangan Pusat dan Daerah",),
        jurusan="Akuntansi;Ekonomi;Manajemen",
    ),
    "BKPSDMD": _Unit(
        "badan",
        (
            ("Pengadaan, Pemberhentian dan Informasi", "Informasi Kepegawaian"),
            ("Mutasi dan Promosi", "Mutasi"),
            ("Pengembangan Kompetensi", "Kompetensi"),
            ("Penilaian Kinerja dan Penghargaan", "Kinerja Aparatur"),
        ),
        ("Analis Sumber Daya Manusia Aparatur", "Asesor Sumber Daya Manusia Aparatur", "Widyaiswara"),
    ),
    "BPBD": _Unit(
        "badan",
        (
            ("Pencegahan dan Kesiapsiagaan", "Kesiapsiagaan"),
            ("Kedaruratan dan Logistik", "Kedaruratan"),
            ("Rehabilitasi dan Rekonstruksi", "Rehabilitasi"),
        ),
        ("Penata Penanggulangan Bencana",),
        head="Kepala Pelaksana BPBD",
    ),
    "Kesbangpol": _Unit(
        "badan",
        (
            ("Ideologi dan Wawasan Kebangsaan", "Wawasan Kebangsaan"),
            ("Politik Dalam Negeri", "Politik"),
            ("Ketahanan Ekonomi, Sosial dan Budaya", "Ketahanan Sosial"),
            ("Kewaspadaan Nasional", "Kewaspadaan"),
        ),
        ("Analis Kebijakan",),
    ),
    "Dinas Pendidikan": _Unit(
        "dinas",
        (
            ("Pembinaan Sekolah Dasar", "Sekolah Dasar"),
            ("Pembinaan Sekolah Menengah Pertama", "SMP"),
            ("Pembinaan PAUD dan Pendidikan Nonformal", "PAUD"),
            ("Guru dan Tenaga Kependidikan", "Ketenagaan"),
        ),
        ("Pengawas Sekolah", "Penilik", "Pamong Belajar", "Pengembang Teknologi Pembelajaran"),
        jurusan="Pendidikan",
        weight=2.0,
        fungsional_share=0.45,
    ),
    "Dinas Kesehatan": _Unit(
        "dinas",
        (
            ("Kesehatan Masyarakat", "Kesehatan Keluarga"),
            ("Pencegahan dan Pengendalian Penyakit", "Penyakit"),
            ("Pelayanan Kesehatan", "Fasilitas Kesehatan"),
            ("Sumber Daya Kesehatan", "Kefarmasian"),
        ),
        (
            "Epidemiolog Kesehatan",
            "Sanitarian",
            "Administrator Kesehatan",
            "Penyuluh Kesehatan Masyarakat",
            "Nutrisionis",
            "Apoteker",
            "Bidan",
            "Perawat",
        ),
        _KES_PELAKSANA,
        jurusan="Kesehatan Masyarakat;Kedokteran",
        weight=2.0,
        fungsional_share=0.55,
    ),
    "RSUD H. Hanafie": _Unit(
        "rsud",
        (
            ("Pelayanan Medik", "Pelayanan Medik"),
            ("Keperawatan", "Asuhan Keperawatan"),
            ("Penunjang Medik", "Penunjang Medik"),
            ("Perencanaan dan Rekam Medik", "Rekam Medik"),
        ),
        (
            "Perawat",
            "Bidan",
            "Dokter",
            "Apoteker",
            "Perekam Medis",
            "Radiografer",
            "Pranata Laboratorium Kesehatan",
            "Fisioterapis",
            "Nutrisionis",
            "Asisten Apoteker",
            "Dokter Gigi",
            "Terapis Gigi dan Mulut",
        ),
        _KES_PELAKSANA,
        jurusan="Kedokteran;Kesehatan Masyarakat;Keperawatan",
        weight=2.5,
        fungsional_share=0.75,
        head="Direktur RSUD H. Hanafie",
        sekretaris="Kepala Bagian Tata Usaha",
    ),
    "Dinas PUPR": _Unit(
        "dinas",
        (
            ("Bina Marga", "Jalan dan Jembatan"),
            ("Sumber Daya Air", "Irigasi"),
            ("Cipta Karya", "Air Minum"),
            ("Penataan Ruang", "Tata Ruang"),
        ),
        (
            "Teknik Jalan dan Jembatan",
            "Teknik Pengairan",
            "Penata Ruang",
            "Teknik Tata Bangunan dan Perumahan",
        ),
        jurusan="Teknik Sipil",
        weight=1.5,
    ),
    "Dinas Perumahan dan Kawasan Permukiman": _Unit(
        "dinas",
        (
            ("Perumahan", "Perumahan"),
            ("Kawasan Permukiman", "Permukiman"),
            ("Pertanahan", "Pertanahan"),
            ("Prasarana, Sarana dan Utilitas", "Utilitas Umum"),
        ),
        ("Teknik Tata Bangunan dan Perumahan", "Penata Ruang"),
        jurusan="Teknik Sipil;Perencanaan Wilayah dan Kota",
    ),
    "Satpol PP": _Unit(
        "dinas",
        (
            ("Penegakan Peraturan Daerah", "Penegakan Perda"),
            ("Ketertiban Umum dan Ketenteraman Masyarakat", "Ketertiban Umum"),
            ("Perlindungan Masyarakat", "Perlindungan Masyarakat"),
            ("Pemadam Kebakaran", "Pemadam Kebakaran"),
        ),
        ("Polisi Pamong Praja", "Pemadam Kebakaran"),
        ("Petugas Ketenteraman dan Ketertiban",),
        weight=1.5,
        fungsional_share=0.5,
        head="Kepala Satuan Polisi Pamong Praja",
    ),
    "Dinas Sosial": _Unit(
        "dinas",
        (
            ("Perlindungan dan Jaminan Sosial", "Jaminan Sosial"),
            ("Rehabilitasi Sosial", "Rehabilitasi Sosial"),
            ("Pemberdayaan Sosial", "Pemberdayaan Sosial"),
            ("Penanganan Fakir Miskin", "Fakir Miskin"),
        ),
        ("Pekerja Sosial", "Penyuluh Sosial"),
    ),
    "Disdukcapil": _Unit(
        "dinas",
        (
            ("Pelayanan Pendaftaran Penduduk", "Pendaftaran Penduduk"),
            ("Pelayanan Pencatatan Sipil", "Pencatatan Sipil"),
            ("Pengelolaan Informasi Administrasi Kependudukan", "Informasi Kependudukan"),
            ("Pemanfaatan Data dan Inovasi Pelayanan", "Pemanfaatan Data"),
        ),
        ("Administrator Database Kependudukan",),
    ),
    "Dinas PMD": _Unit(
        "dinas",
        (
            ("Pemerintahan Desa", "Pemerintahan Desa"),
            ("Pemberdayaan Masyarakat", "Pemberdayaan Masyarakat"),
            ("Kelembagaan dan Keuangan Desa", "Keuangan Desa"),
        ),
        ("Penggerak Swadaya Masyarakat",),
    ),
    "Dinas Kominfo": _Unit(
        "dinas",
        (
            ("Informasi dan Komunikasi Publik", "Komunikasi Publik"),
            ("Aplikasi Informatika", "Aplikasi"),
            ("Persandian dan Keamanan Informasi", "Persandian"),
            ("Statistik", "Statistik Sektoral"),
        ),
        ("Pranata Komputer", "Statistisi", "Sandiman", "Manggala Informatika", "Pranata Hubungan Masyarakat"),
        ("Pengelola Sistem dan Jaringan",),
        jurusan="Teknik Informatika;Sistem Informasi;Ilmu Komunikasi",
    ),
    "Dinas Perhubungan": _Unit(
        "dinas",
        (
            ("Lalu Lintas dan Angkutan", "Angkutan"),
            ("Sarana dan Prasarana", "Prasarana"),
            ("Keselamatan", "Keselamatan Transportasi"),
            ("Perparkiran", "Perparkiran"),
        ),
        ("Penguji Kendaraan Bermotor",),
    ),
    "Dinas Lingkungan Hidup": _Unit(
        "dinas",
        (
            ("Tata Lingkungan", "Tata Lingkungan"),
            ("Pengelolaan Sampah", "Persampahan"),
            ("Pengendalian Pencemaran dan Kerusakan Lingkungan", "Pencemaran Lingkungan"),
            ("Penaatan Hukum Lingkungan", "Hukum Lingkungan"),
        ),
        ("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup"),
        jurusan="Teknik Lingkungan;Biologi",
    ),
    "DPMPTSP": _Unit(
        "dinas",
        (
            ("Penanaman Modal", "Penanaman Modal"),
            ("Pelayanan Perizinan", "Perizinan"),
            ("Pengaduan dan Informasi", "Pengaduan"),
        ),
        ("Analis Kebijakan",),
    ),
    "Disperindagkop dan UMKM": _Unit(
        "dinas",
        (
            ("Perindustrian", "Industri"),
            ("Perdagangan", "Perdagangan"),
            ("Koperasi", "Koperasi"),
            ("Usaha Mikro, Kecil dan Menengah", "Usaha Mikro"),
        ),
        ("Penyuluh Perindustrian dan Perdagangan", "Pengawas Koperasi", "Penera"),
    ),
    "Dinas Pertanian": _Unit(
        "dinas",
        (
            ("Tanaman Pangan", "Tanaman Pangan"),
            ("Hortikultura", "Hortikultura"),
            ("Perkebunan", "Perkebunan"),
            ("Peternakan dan Kesehatan Hewan", "Peternakan"),
        ),
        (
            "Penyuluh Pertanian",
            "Pengendali Organisme Pengganggu Tumbuhan",
            "Pengawas Benih Tanaman",
            "Medik Veteriner",
            "Paramedik Veteriner",
        ),
        jurusan="Pertanian;Agribisnis;Peternakan",
        weight=1.5,
        fungsional_share=0.55,
    ),
    "Dinas Ketahanan Pangan": _Unit(
        "dinas",
        (
            ("Ketersediaan dan Distribusi Pangan", "Distribusi Pangan"),
            ("Konsumsi dan Keamanan Pangan", "Keamanan Pangan"),
            ("Kerawanan Pangan", "Kerawanan Pangan"),
        ),
        ("Analis Ketahanan Pangan", "Pengawas Mutu Hasil Pertanian", "Penyuluh Pertanian"),
        jurusan="Pertanian;Agribisnis;Gizi",
    ),
    "DP3AP2KB": _Unit(
        "dinas",
        (
            ("Pemberdayaan Perempuan", "Pemberdayaan Perempuan"),
            ("Perlindungan Anak", "Perlindungan Anak"),
            ("Pengendalian Penduduk", "Kependudukan"),
            ("Keluarga Berencana", "Keluarga Berencana"),
        ),
        ("Penyuluh Keluarga Berencana",),
    ),
    "Dinas Tenaga Kerja": _Unit(
        "dinas",
        (
            ("Penempatan dan Perluasan Kesempatan Kerja", "Penempatan Tenaga Kerja"),
            ("Pelatihan dan Produktivitas", "Pelatihan Kerja"),
            ("Hubungan Industrial", "Hubungan Industrial"),
        ),
        ("Pengantar Kerja", "Mediator Hubungan Industrial"),
    ),
    "Dinas Perpustakaan dan Kearsipan": _Unit(
        "dinas",
        (
            ("Layanan Perpustakaan", "Layanan Perpustakaan"),
            ("Pengembangan Koleksi", "Koleksi Bahan Pustaka"),
            ("Pengelolaan Arsip", "Kearsipan"),
            ("Pembinaan Kearsipan", "Arsip Daerah"),
        ),
        ("Pustakawan", "Arsiparis"),
        fungsional_share=0.5,
    ),
}
assert tuple(_UNITS) == DINAS_UNITS

_SETDA_ASISTEN = (
    "Asisten Pemerintahan dan Kesejahteraan Rakyat",
    "Asisten Perekonomian dan Pembangunan",
    "Asisten Administrasi Umum",
)
_SUBBAG_SEKRETARIAT = ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Pelaporan")
_SEKSI_PREFIX = ("Perencanaan", "Pembinaan", "Pengendalian", "Pengembangan", "Pelayanan", "Data dan Evaluasi")
_KASI_KECAMATAN = (
    "Pemerintahan",
    "Ketenteraman dan Ketertiban Umum",
    "Pemberdayaan Masyarakat dan Desa",
    "Pelayanan Umum",
    "Kesejahteraan Sosial",
)
#: dinas in the order a small sample takes them (the kantor camat are interleaved by _unit_order)
_DINAS_PRIORITY = (
    "BKPSDMD", "Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "RSUD H. Hanafie", "BPKAD",
    "Dinas PUPR", "Inspektorat", "Bappeda", "Dinas Pertanian", "Disdukcapil", "Satpol PP",
    "Dinas Sosial", "Dinas Kominfo", "BP2RD", "Dinas Lingkungan Hidup", "Dinas Perhubungan", "DPMPTSP",
    "Dinas PMD", "BPBD", "Kesbangpol", "Sekretariat DPRD", "Dinas Perumahan dan Kawasan Permukiman",
    "Disperindagkop dan UMKM", "Dinas Ketahanan Pangan", "DP3AP2KB", "Dinas Tenaga Kerja",
    "Dinas Perpustakaan dan Kearsipan",
)  # fmt: skip
assert sorted(_DINAS_PRIORITY) == sorted(DINAS_UNITS)
#: kecamatan in the order a small sample takes them: the seat, its neighbours, then the rest
_KECAMATAN_PRIORITY = (
    "Pasar Muara Bungo", "Rimbo Tengah", "Bungo Dani", "Bathin III", "Tanah Tumbuh", "Pelepat",
    "Rantau Pandan", "Jujuhan", "Tanah Sepenggal", "Bathin II Babeko", "Pelepat Ilir",
    "Limbur Lubuk Mengkuang", "Muko-Muko Bathin VII", "Bathin III Ulu", "Tanah Sepenggal Lintas",
    "Bathin II Pelayang", "Jujuhan Ilir",
)  # fmt: skip
assert sorted(_KECAMATAN_PRIORITY) == sorted(KECAMATAN_NAMES)

# --- jabatan fungsional and pelaksana ---------------------------------------------------------------
#: the Rumpun of teachers (JF Guru: BUP 60, UU 14/2005)
GURU = "Guru"


@dataclass(frozen=True)
class _Family:
    """A jabatan fungsional: its jenjang, the majors it takes and whether it has a technical training.

    ``alias`` is an older or longer name some exports still give its positions ("Perawat Gigi" for
    Terapis Gigi dan Mulut), used for a share ``alias_share`` of them: their JF is then only known from
    the ``Rumpun`` column.
    """

    jenjang: tuple[str, ...]
    jurusan: str | None = None
    training: bool = False
    female: float = 0.5
    training_name: str | None = None  # default "Diklat Fungsional <family>"
    alias: str | None = None
    alias_share: float = 0.0

    def training_of(self, family: str) -> str | None:
        if not self.training:
            return None
        return self.training_name or f"Diklat Fungsional {family}"


_FAMILIES: dict[str, _Family] = {
    "Analis Kebijakan": _Family(_AHLI, "Ilmu Pemerintahan;Administrasi Negara;Ekonomi;Hukum"),
    "Pranata Komputer": _Family(
        ("Terampil", "Mahir", "Ahli Pertama", "Ahli Muda"),
        "Teknik Informatika;Sistem Informasi;Ilmu Komputer",
        True,
    ),
    "Arsiparis": _Family(("Terampil", "Mahir", "Ahli Pertama", "Ahli Muda"), None, True, 0.6),
    "Perencana": _Family(_AHLI, "Perencanaan Wilayah dan Kota;Ekonomi;Teknik Sipil;Statistika", True),
    "Analis Keuangan Pusat dan Daerah": _Family(_AHLI2, "Akuntansi;Ekonomi;Manajemen"),
    "Analis Sumber Daya Manusia Aparatur": _Family(_AHLI, "Psikologi;Administrasi Negara;Manajemen;Hukum"),
    "Pranata Hubungan Masyarakat": _Family(("Terampil", "Ahli Pertama", "Ahli Muda"), "Ilmu Komunikasi"),
    "Pengelola Pengadaan Barang/Jasa": _Family(_AHLI2, None, True),
    "Analis Hukum": _Family(_AHLI2, "Hukum"),
    "Perancang Peraturan Perundang-undangan": _Family(_AHLI2, "Hukum", True),
    "Auditor": _Family(("Terampil",) + _AHLI, "Akuntansi;Ekonomi;Manajemen;Hukum", True),
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah": _Family(
        _AHLI, "Ilmu Pemerintahan;Hukum;Administrasi Negara", True
    ),
    "Statistisi": _Family(("Terampil", "Ahli Pertama", "Ahli Muda"), "Statistika;Matematika;Ekonomi"),
    "Asesor Sumber Daya Manusia Aparatur": _Family(_AHLI2, "Psikologi", True),
    "Widyaiswara": _Family(_AHLI, None, True),
    "Penata Penanggulangan Bencana": _Family(("Terampil", "Mahir") + _AHLI2, None, True, 0.3),
    "Pengawas Sekolah": _Family(("Ahli Muda", "Ahli Madya"), "Pendidikan"),
    "Penilik": _Family(_AHLI2, "Pendidikan"),
    "Pamong Belajar": _Family(_AHLI2, "Pendidikan", female=0.6),
    "Pengembang Teknologi Pembelajaran": _Family(_AHLI2, "Pendidikan;Teknik Informatika"),
    "Epidemiolog Kesehatan": _Family(
        ("Terampil", "Ahli Pertama", "Ahli Muda"), "Kesehatan Masyarakat", female=0.6
    ),
    "Sanitarian": _Family(
        ("Terampil", "Mahir", "Ahli Pertama", "Ahli Muda"), "Kesehatan Lingkungan", female=0.6
    ),
    "Administrator Kesehatan": _Family(_AHLI, "Kesehatan Masyarakat", female=0.6),
    "Penyuluh Kesehatan Masyarakat": _Family(_AHLI2, "Kesehatan Masyarakat", female=0.65),
    "Nutrisionis": _Family(("Terampil", "Ahli Pertama", "Ahli Muda"), "Gizi", female=0.85),
    "Apoteker": _Family(_AHLI2, "Farmasi", female=0.75),
    "Perawat": _Family(_TRAMPIL + _AHLI, "Keperawatan", female=0.7),
    "Bidan": _Family(_TRAMPIL + _AHLI2, "Kebidanan", female=1.0),
    "Dokter": _Family(_AHLI, "Kedokteran", female=0.55),
    "Dokter Gigi": _Family(_AHLI2, "Kedokteran Gigi", female=0.7),
    "Terapis Gigi dan Mulut": _Family(
        ("Terampil", "Mahir"), "Kesehatan Gigi", female=0.75, alias="Perawat Gigi", alias_share=0.5
    ),
    "Perekam Medis": _Family(("Terampil", "Mahir"), "Rekam Medis", female=0.65),
    "Radiografer": _Family(("Terampil", "Mahir"), "Radiologi"),
    "Pranata Laboratorium Kesehatan": _Family(
        ("Terampil", "Mahir", "Ahli Pertama"), "Analis Kesehatan", female=0.7
    ),
    "Fisioterapis": _Family(("Terampil", "Mahir"), "Fisioterapi", female=0.6),
    "Asisten Apoteker": _Family(("Terampil", "Mahir"), "Farmasi", female=0.8),
    "Teknik Jalan dan Jembatan": _Family(("Terampil", "Mahir") + _AHLI2, "Teknik Sipil", female=0.15),
    "Teknik Pengairan": _Family(("Terampil", "Ahli Pertama", "Ahli Muda"), "Teknik Sipil", female=0.15),
    "Penata Ruang": _Family(_AHLI2, "Perencanaan Wilayah dan Kota;Teknik Sipil"),
    "Teknik Tata Bangunan dan Perumahan": _Family(
        ("Terampil", "Ahli Pertama", "Ahli Muda"), "Teknik Sipil;Arsitektur", female=0.2
    ),
    "Polisi Pamong Praja": _Family(_TRAMPIL + _AHLI2, None, True, 0.2),
    "Pemadam Kebakaran": _Family(_TRAMPIL, None, True, 0.03),
    "Pekerja Sosial": _Family(
        ("Terampil", "Ahli Pertama", "Ahli Muda"), "Ilmu Kesejahteraan Sosial;Sosiologi"
    ),
    "Penyuluh Sosial": _Family(_AHLI2, "Ilmu Kesejahteraan Sosial;Sosiologi"),
    "Administrator Database Kependudukan": _Family(
        ("Terampil", "Ahli Pertama", "Ahli Muda"), "Teknik Informatika;Sistem Informasi", True
    ),
    "Penggerak Swadaya Masyarakat": _Family(("Terampil",) + _AHLI2, "Ilmu Pemerintahan;Sosiologi;Ekonomi"),
    "Sandiman": _Family(("Terampil", "Ahli Pertama"), "Teknik Informatika", True),
    "Manggala Informatika": _Family(_AHLI2, "Teknik Informatika;Sistem Informasi"),
    "Penguji Kendaraan Bermotor": _Family(_TRAMPIL + ("Ahli Pertama",), None, True, 0.1),
    "Pengendali Dampak Lingkungan": _Family(_AHLI, "Teknik Lingkungan;Biologi;Kehutanan"),
    "Pengawas Lingkungan Hidup": _Family(_AHLI2, "Teknik Lingkungan;Biologi", True),
    "Penyuluh Perindustrian dan Perdagangan": _Family(_AHLI2, "Ekonomi;Manajemen"),
    "Pengawas Koperasi": _Family(_AHLI2, "Ekonomi;Manajemen;Akuntansi"),
    "Penera": _Family(("Terampil", "Mahir", "Ahli Pertama"), None, True, 0.3),
    "Penyuluh Pertanian": _Family(_TRAMPIL + _AHLI2, "Pertanian;Agribisnis;Peternakan", female=0.35),
    "Pengendali Organisme Pengganggu Tumbuhan": _Family(
        ("Terampil", "Ahli Pertama", "Ahli Muda"), "Pertanian"
    ),
    "Pengawas Benih Tanaman": _Family(("Terampil", "Ahli Pertama"), "Pertanian;Agroteknologi"),
    "Medik Veteriner": _Family(_AHLI2, "Kedokteran Hewan"),
    "Paramedik Veteriner": _Family(("Terampil", "Mahir"), "Kesehatan Hewan;Peternakan"),
    "Analis Ketahanan Pangan": _Family(_AHLI2, "Pertanian;Agribisnis;Gizi"),
    "Pengawas Mutu Hasil Pertanian": _Family(("Terampil", "Ahli Pertama"), "Pertanian;Teknologi Pangan"),
    "Penyuluh Keluarga Berencana": _Family(("Terampil", "Ahli Pertama", "Ahli Muda"), None, True, 0.7),
    "Pengantar Kerja": _Family(("Terampil",) + _AHLI2, "Psikologi;Manajemen"),
    "Mediator Hubungan Industrial": _Family(_AHLI2, "Hukum", True),
    "Pustakawan": _Family(
        ("Terampil", "Mahir", "Ahli Pertama", "Ahli Muda"), "Ilmu Perpustakaan", True, 0.65
    ),
    # teachers: their positions carry longer names ("Guru Kelas Ahli Pertama"), see _SD_POSTS/_SMP_POSTS
    GURU: _Family(_AHLI, "Pendidikan", True, 0.7, training_name="Pendidikan Profesi Guru"),
}
#: health professions (puskesmas, RSUD, Dinas Kesehatan)
_HEALTH_FAMILIES = frozenset({
    "Epidemiolog Kesehatan", "Sanitarian", "Administrator Kesehatan", "Penyuluh Kesehatan Masyarakat",
    "Nutrisionis", "Apoteker", "Perawat", "Bidan", "Dokter", "Dokter Gigi", "Perekam Medis", "Radiografer",
    "Pranata Laboratorium Kesehatan", "Fisioterapis", "Asisten Apoteker", "Terapis Gigi dan Mulut",
})  # fmt: skip
assert _HEALTH_FAMILIES <= set(_FAMILIES)
_GENERIC_FUNGSIONAL = (
    "Analis Kebijakan", "Pranata Komputer", "Arsiparis", "Perencana", "Analis Keuangan Pusat dan Daerah",
    "Analis Sumber Daya Manusia Aparatur", "Pranata Hubungan Masyarakat", "Pengelola Pengadaan Barang/Jasa",
)  # fmt: skip
_KECAMATAN_FUNGSIONAL = (
    "Penggerak Swadaya Masyarakat",
    "Polisi Pamong Praja",
    "Analis Kebijakan",
    "Arsiparis",
)


@dataclass(frozen=True)
class _Pelaksana:
    """A pelaksana position: explicit grade range, minimum education, majors."""

    gol_min: str
    gol_max: str
    edu: str
    jurusan: str | None = None
    female: float = 0.5


_PELAKSANA: dict[str, _Pelaksana] = {
    "Pengadministrasi Perkantoran": _Pelaksana("II/a", "III/b", "SMA", female=0.6),
    "Pengelola Keuangan": _Pelaksana("II/c", "III/c", "D3", "Akuntansi;Ekonomi", 0.6),
    "Operator Layanan Operasional": _Pelaksana("II/a", "III/a", "SMA"),
    "Penata Layanan Operasional": _Pelaksana("III/a", "III/d", "S1"),
    "Bendahara": _Pelaksana("II/b", "III/c", "SMA", female=0.65),
    "Pengelola Layanan Operasional": _Pelaksana("II/b", "III/b", "D3"),
    "Pengelola Umum Operasional": _Pelaksana("II/a", "III/a", "SMA"),
    "Pengolah Data dan Informasi": _Pelaksana("II/b", "III/b", "D3"),
    "Penelaah Teknis Kebijakan": _Pelaksana("III/a", "III/d", "S1"),
    "Pengelola Barang Milik Daerah": _Pelaksana("II/b", "III/b", "D3"),
    "Penyusun Laporan Keuangan": _Pelaksana("III/a", "III/d", "S1", "Akuntansi;Ekonomi;Manajemen", 0.6),
    "Pengelola Sistem dan Jaringan": _Pelaksana(
        "II/c", "III/b", "D3", "Teknik Informatika;Manajemen Informatika;Sistem Informasi", 0.3
    ),
    # older nomenclature (KepmenPAN-RB 41/2018), still common in local ANJAB
    "Pengadministrasi Umum": _Pelaksana("II/a", "III/a", "SMA", female=0.55),
    "Pengadministrasi Keuangan": _Pelaksana("II/a", "III/b", "SMA", female=0.6),
    "Pengadministrasi Kepegawaian": _Pelaksana("II/a", "III/b", "SMA", female=0.55),
    "Pengadministrasi Persuratan": _Pelaksana("II/a", "III/a", "SMA", female=0.6),
    "Pengolah Data": _Pelaksana("II/b", "III/b", "SMA"),
    "Analis Data dan Informasi": _Pelaksana("III/a", "III/d", "S1"),
    "Pengelola Program dan Kegiatan": _Pelaksana("III/a", "III/c", "S1"),
    "Penyusun Rencana Kegiatan dan Anggaran": _Pelaksana(
        "III/a", "III/d", "S1", "Ekonomi;Manajemen;Akuntansi"
    ),
    "Pengelola Sarana dan Prasarana Kantor": _Pelaksana("II/a", "III/a", "SMA", female=0.3),
    "Penyusun Bahan Informasi dan Publikasi": _Pelaksana("III/a", "III/c", "S1", "Ilmu Komunikasi"),
    "Pengemudi": _Pelaksana("II/a", "II/d", "SMA", female=0.02),
    "Pramu Bakti": _Pelaksana("I/c", "II/b", "SMP", female=0.4),
    "Operator Layanan Kesehatan": _Pelaksana("II/a", "III/a", "SMA", female=0.7),
    "Pengelola Layanan Kesehatan": _Pelaksana("II/c", "III/b", "D3", "Kesehatan Masyarakat;Keperawatan", 0.7),
    "Petugas Ketenteraman dan Ketertiban": _Pelaksana("II/a", "III/a", "SMA", female=0.15),
    "Pengadministrasi Pemerintahan": _Pelaksana("II/a", "III/b", "SMA"),
}
_CORE_PELAKSANA = (
    "Pengadministrasi Perkantoran", "Pengelola Keuangan", "Operator Layanan Operasional",
    "Penata Layanan Operasional", "Bendahara",
)  # fmt: skip
_GENERIC_PELAKSANA = (
    "Pengelola Layanan Operasional", "Pengelola Umum Operasional", "Pengolah Data dan Informasi",
    "Penelaah Teknis Kebijakan", "Pengelola Barang Milik Daerah", "Pengemudi", "Pramu Bakti",
    "Pengadministrasi Umum", "Pengadministrasi Keuangan", "Pengadministrasi Kepegawaian",
    "Pengadministrasi Persuratan", "Pengolah Data", "Analis Data dan Informasi",
    "Pengelola Program dan Kegiatan", "Penyusun Rencana Kegiatan dan Anggaran",
    "Pengelola Sarana dan Prasarana Kantor",
    "Penyusun Bahan Informasi dan Publikasi", "Pengelola Sistem dan Jaringan",
)  # fmt: skip

# --- education, majors and academic titles ----------------------------------------------------------
_EDU_LEVELS = ("SD", "SMP", "SMA", "D3", "S1", "S2", "S3")
_EDU_INDEX = {e: i for i, e in enumerate(_EDU_LEVELS)}
#: distribution of (level above the position's minimum) by minimum level
_EDU_STEP_P: dict[str, tuple[float, ...]] = {
    "SD": (0.3, 0.4, 0.3),
    "SMP": (0.4, 0.55, 0.05),
    "SMA": (0.5, 0.13, 0.35, 0.02),
    "D3": (0.6, 0.37, 0.03),
    "S1": (0.72, 0.26, 0.02),
}
_MAJORS_BY_LEVEL: dict[str, tuple[str, ...]] = {
    "SMA": ("IPA", "IPS", "IPS", "Akuntansi", "Administrasi Perkantoran", "Teknik Komputer dan Jaringan"),
    "D3": ("Manajemen Informatika", "Akuntansi", "Administrasi Perkantoran", "Keperawatan", "Kebidanan",
           "Teknik Sipil", "Administrasi Negara"),
    "S1": ("Ilmu Pemerintahan", "Administrasi Negara", "Administrasi Negara", "Ekonomi", "Manajemen",
           "Akuntansi", "Hukum", "Pendidikan", "Ilmu Komunikasi", "Sosiologi", "Teknik Sipil",
           "Teknik Informatika", "Pertanian", "Kesehatan Masyarakat"),
    "S2": ("Ilmu Administrasi", "Manajemen", "Ilmu Pemerintahan", "Hukum", "Ekonomi", "Pendidikan",
           "Kesehatan Masyarakat", "Perencanaan Wilayah dan Kota"),
}  # fmt: skip
_MAJORS_BY_LEVEL["S3"] = _MAJORS_BY_LEVEL["S2"]
_S1_TITLE: dict[str, str] = {
    "Ilmu Pemerintahan": "S.IP.", "Administrasi Negara": "S.Sos.", "Ilmu Administrasi": "S.Sos.",
    "Ekonomi": "S.E.", "Manajemen": "S.E.", "Akuntansi": "S.E.", "Hukum": "S.H.", "Pendidikan": "S.Pd.",
    "Ilmu Komunikasi": "S.I.Kom.", "Sosiologi": "S.Sos.", "Ilmu Kesejahteraan Sosial": "S.Sos.",
    "Teknik Sipil": "S.T.", "Teknik Lingkungan": "S.T.", "Perencanaan Wilayah dan Kota": "S.T.",
    "Arsitektur": "S.Ars.", "Teknik Informatika": "S.Kom.", "Sistem Informasi": "S.Kom.",
    "Ilmu Komputer": "S.Kom.", "Manajemen Informatika": "S.Kom.", "Pertanian": "S.P.", "Agribisnis": "S.P.",
    "Agroteknologi": "S.P.", "Peternakan": "S.Pt.", "Kesehatan Hewan": "S.Pt.", "Teknologi Pangan": "S.TP.",
    "Kesehatan Masyarakat": "S.KM.", "Kesehatan Lingkungan": "S.KM.", "Keperawatan": "S.Kep., Ners",
    "Kebidanan": "S.Tr.Keb.", "Farmasi": "S.Farm., Apt.", "Gizi": "S.Gz.", "Psikologi": "S.Psi.",
    "Statistika": "S.Stat.", "Matematika": "S.Si.", "Biologi": "S.Si.", "Kehutanan": "S.Hut.",
    "Ilmu Perpustakaan": "S.IP.", "Fisioterapi": "S.Ft.", "Rekam Medis": "S.Tr.Kes.",
    "Radiologi": "S.Tr.Kes.", "Analis Kesehatan": "S.Tr.Kes.", "Kesehatan Gigi": "S.Tr.Kes.",
    "Pendidikan Agama Islam": "S.Pd.I.", "Bimbingan dan Konseling": "S.Pd.",
}  # fmt: skip
_FRONT_TITLE: dict[str, str] = {"Kedokteran": "dr.", "Kedokteran Gigi": "drg.", "Kedokteran Hewan": "drh."}
_D3_TITLE: dict[str, str] = {
    "Keperawatan": "A.Md.Kep.", "Kebidanan": "A.Md.Keb.", "Farmasi": "A.Md.Farm.", "Gizi": "A.Md.Gz.",
    "Kesehatan Lingkungan": "A.Md.KL.", "Rekam Medis": "A.Md.Kes.", "Radiologi": "A.Md.Rad.",
    "Analis Kesehatan": "A.Md.AK.", "Fisioterapi": "A.Md.Ftr.", "Kesehatan Hewan": "A.Md.Pet.",
    "Kesehatan Gigi": "A.Md.Kes.",
}  # fmt: skip
_S2_TITLE: dict[str, str] = {
    "Manajemen": "M.M.", "Ekonomi": "M.E.", "Akuntansi": "M.Ak.", "Hukum": "M.H.", "Pendidikan": "M.Pd.",
    "Kesehatan Masyarakat": "M.Kes.", "Kedokteran": "M.Kes.", "Teknik Sipil": "M.T.",
    "Perencanaan Wilayah dan Kota": "M.T.", "Teknik Informatika": "M.Kom.", "Sistem Informasi": "M.Kom.",
    "Ilmu Administrasi": "M.A.P.", "Pertanian": "M.P.", "Psikologi": "M.Psi.", "Keperawatan": "M.Kep.",
    "Kebidanan": "M.Keb.", "Farmasi": "M.Farm.", "Gizi": "M.Gz.",
}  # fmt: skip

# --- names ------------------------------------------------------------------------------------------
_MALE_FIRST = (
    "Ahmad", "Muhammad", "M.", "Rahmat", "Hendra", "Rizal", "Syafrizal", "Zulkifli", "Afrizal", "Yusrizal",
    "Hasan", "Irwan", "Joni", "Edi", "Firdaus", "Syamsul", "Darmawan", "Budi", "Agus", "Arif", "Ridwan",
    "Yusuf", "Zainal", "Helmi", "Asril", "Nasrul", "Efendi", "Novri", "Dedi", "Taufik", "Fikri", "Iqbal",
    "Reza", "Roni", "Sapri", "Mardi", "Yulizar", "Erwin", "Dodi", "Andri", "Rudi", "Fadli", "Ilham",
    "Hamdan", "Khairul", "Zulhendri", "Ardiansyah", "Rio", "Doni", "Yopi", "Indra", "Fajar", "Aidil",
    "Rahmad", "Feri", "Gusrizal", "Herman", "Jefri", "Mursyid", "Wandi",
)  # fmt: skip
_MALE_LAST = (
    "Fauzi", "Hidayat", "Saputra", "Pratama", "Syahputra", "Hakim", "Rahman", "Firmansyah", "Kurniawan",
    "Gunawan", "Setiawan", "Hamdani", "Putra", "Ramadhan", "Effendi", "Harahap", "Nasution", "Siregar",
    "Lubis", "Azhari", "Maulana", "Hasibuan", "Syaputra", "Afandi", "Zulkarnain", "Yunus", "Ilyas",
    "Ismail", "Arifin", "Saleh", "Anshori", "Febrianto", "Wahyudi", "Irawan", "Rizki", "Akbar", "Fitra",
    "Candra", "Hafiz", "Alamsyah", "Mahendra", "Syafei",
)  # fmt: skip
_MALE_SINGLE = (
    "Jasman", "Bustami", "Kamaruddin", "Syahrial", "Masri", "Sukri", "Anwar", "Hasbullah", "Mukhtar",
    "Rusli", "Zulfikar", "Nazaruddin", "Jamaluddin", "Syafruddin",
)  # fmt: skip
_FEMALE_FIRST = (
    "Siti", "Nur", "Rini", "Yulia", "Desi", "Fitri", "Sri", "Dewi", "Elvi", "Yeni", "Lisa", "Rita", "Nurul",
    "Putri", "Rahmi", "Mardiah", "Hasnah", "Zubaidah", "Fitria", "Novita", "Mega", "Winda", "Erna", "Yanti",
    "Resti", "Ratna", "Indah", "Suryani", "Fatimah", "Aisyah", "Nila", "Hafizah", "Asmah", "Erlina", "Vivi",
    "Afni", "Yessi", "Rahma", "Dian", "Eka", "Leni", "Marlinda", "Nelly", "Zurnita", "Henny", "Lusi",
)  # fmt: skip
_FEMALE_LAST = (
    "Rahmah", "Oktaviani", "Wahyuni", "Susanti", "Handayani", "Yulianti", "Marlina", "Safitri", "Rahmawati",
    "Lestari", "Novianti", "Maharani", "Agustina", "Fitriani", "Sari", "Utami", "Permata Sari", "Anggraini",
    "Zuraida", "Hayati", "Yusnita", "Ramadhani", "Aryani", "Mulyani", "Febriani", "Ningsih", "Puspita",
    "Afriyanti", "Elfira", "Meliza", "Syafitri", "Yolanda", "Kurniasih", "Nofitri", "Hartati", "Aprilia",
)  # fmt: skip
_FEMALE_SINGLE = (
    "Rosmiati", "Nurhayati", "Asmawati", "Yusnidar", "Mardiana", "Jusmaniar", "Rosnani", "Hasanah",
    "Zainab", "Nurbaiti", "Rosmawati", "Darmawati",
)  # fmt: skip

_SKP = ("Sangat Baik", "Baik", "Butuh Perbaikan")
_SKP_P = (0.2, 0.76, 0.04)
_HUKUMAN_P = (0.97, 0.01, 0.012, 0.008)  # Tidak Ada, Ringan, Sedang, Berat
_PPPK_GRADE_BY_JENJANG = {
    "Terampil": "VII", "Mahir": "VIII", "Penyelia": "IX", "Ahli Pertama": "IX", "Ahli Muda": "XI",
    "Ahli Madya": "XIII",
}  # fmt: skip
_PPPK_GRADE_BY_EDU = {"SD": "I", "SMP": "IV", "SMA": "V", "D3": "VII", "S1": "IX", "S2": "X", "S3": "XI"}
_ENTRY_RANK = {"SD": 1, "SMP": 3, "SMA": 5, "D3": 7, "S1": 9, "S2": 10, "S3": 11}
_CPNS_AGE = {"SD": (20.1, 27), "SMP": (20.1, 28), "SMA": (20.1, 29), "D3": (21.5, 31), "S1": (23, 35),
             "S2": (25, 35), "S3": (28, 35)}  # fmt: skip
_DAYS_PER_YEAR = 365.2425
#: the first PPPK were appointed in 2019
_FIRST_PPPK_YEAR = 2019
#: metadata stamp of the written workbooks, so that a sample is byte-for-byte reproducible
_FILE_TIMESTAMP = dt.datetime(2026, 1, 1)


def _unit_order() -> list[str]:
    """All 45 units in the order a sample of a given size takes them: dinas, with kantor camat interleaved."""
    dinas, kec = list(_DINAS_PRIORITY), [kantor_camat(k) for k in _KECAMATAN_PRIORITY]
    total, order = len(dinas) + len(kec), []
    assert len(kec) == 17
    for k in range(total):
        if math.floor((k + 1) * 17 / total + 0.5) > math.floor(k * 17 / total + 0.5):
            order.append(kec.pop(0))
        else:
            order.append(dinas.pop(0))
    return order


def _n_units(rest: int) -> int:
    """How many dinas, badan and kantor camat a sample takes for ``rest`` places outside the schools and
    puskesmas."""
    return int(min(len(DINAS_UNITS) + len(KECAMATAN_NAMES), max(2, round(rest / 75))))


def _spread(total: int, weights: np.ndarray) -> np.ndarray:
    """``total`` split in proportion to ``weights`` (largest remainder, ties to the first); parts may be 0."""
    raw = max(total, 0) * weights / weights.sum()
    base = np.floor(raw).astype(int)
    rest = max(total, 0) - int(base.sum())
    if rest > 0:
        base[np.argsort(-(raw - base), kind="stable")[:rest]] += 1
    return base


def _split(total: int, weights: np.ndarray) -> np.ndarray:
    """``total`` split in proportion to ``weights`` (largest remainder), every part at least 1."""
    return np.maximum(_spread(total, weights), 1)


def _pick(weights: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Mask of ``k`` items drawn without replacement with probability by ``weights`` (Efraimidis–Spirakis
    keys; items of weight 0 never), fewer if fewer have a weight."""
    u = rng.random(len(weights))
    keys = np.full(len(weights), -np.inf)
    w = weights > 0
    with np.errstate(divide="ignore"):
        keys[w] = np.log(u[w]) / weights[w]
    mask = np.zeros(len(weights), dtype=bool)
    mask[np.argsort(-keys, kind="stable")[: min(k, int(w.sum()))]] = True
    return mask


def _roman(i: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while i >= value:
            out, i = out + sym, i - value
    return out


def _place(kecamatan: str) -> str:
    """The place a school or puskesmas is named after: the town for the seat, else the kecamatan."""
    return "Muara Bungo" if kecamatan == SEAT_KECAMATAN else kecamatan


# --- positions ----------------------------------------------------------------------------------------


class _Positions:
    """Rows of the Jabatan sheet, with the hidden attributes that drawing the people needs.

    ``sector`` is stamped on every row added: ``sd``/``smp`` (schools), ``kesehatan`` (puskesmas, RSUD,
    Dinas Kesehatan) or ``umum``; people wish for units of their own sector.
    """

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.sector = "umum"

    def add(
        self,
        nama: str,
        unit: str,
        jenis: str,
        *,
        kecamatan: str,
        eselon: str | None = None,
        jenjang: str | None = None,
        gol: tuple[str, str] | None = None,
        edu: str = "S1",
        jurusan: str | None = None,
        show_jurusan: bool = False,
        diklat: str | None = None,
        formasi: int = 1,
        majors: str | None = None,
        female: float = 0.5,
        training: str | None = None,
        family: str | None = None,
    ) -> None:
        self.rows.append(
            {
                "Nama Jabatan": nama,
                "Unit Kerja": unit,
                "Jenis Jabatan": jenis,
                "Jenjang": jenjang,
                "Eselon": eselon,
                "Golongan Min": gol[0] if gol else None,
                "Golongan Maks": gol[1] if gol else None,
                "Pendidikan Min": edu,
                "Jurusan": jurusan if show_jurusan else None,
                "Syarat Diklat": diklat,
                "Kecamatan": kecamatan,
                "Formasi": formasi,
                "_majors": majors if majors is not None else jurusan,
                "_female": female,
                "_training": training,
                "_family": family,
                "_sector": self.sector,
            }
        )

    def places(self) -> int:
        return sum(int(r["Formasi"]) for r in self.rows)


def _add_fungsional(
    p: _Positions,
    unit: str,
    kec: str,
    family: str,
    jenjang: str,
    formasi: int,
    rng: np.random.Generator,
    *,
    title: str | None = None,
    jurusan: str | None = None,
) -> None:
    """A JF position "<title> <jenjang>"; the title is the family's name, its alias, or (teachers) given."""
    fam = _FAMILIES[family]
    if title is None:
        title = fam.alias if fam.alias and rng.random() < fam.alias_share else family
    jurusan = jurusan or fam.jurusan
    if jenjang.startswith("Ahli"):
        edu = "S1"
    else:
        edu = "SMA" if fam.jurusan is None and rng.random() < 0.3 else "D3"
    training = fam.training_of(family)
    p.add(f"{title} {jenjang}", unit, "Fungsional", kecamatan=kec, jenjang=jenjang, edu=edu, jurusan=jurusan,
          show_jurusan=jurusan is not None and rng.random() < 0.5,
          diklat=training if training and rng.random() < 0.6 else None, formasi=formasi, female=fam.female,
          training=training, family=family)  # fmt: skip


def _add_pelaksana(
    p: _Positions, unit: str, kec: str, name: str, formasi: int, rng: np.random.Generator
) -> None:
    pel = _PELAKSANA[name]
    p.add(name, unit, "Pelaksana", kecamatan=kec, gol=(pel.gol_min, pel.gol_max), edu=pel.edu,
          jurusan=pel.jurusan, show_jurusan=pel.jurusan is not None and rng.random() < 0.7,
          formasi=formasi, female=pel.female)  # fmt: skip


def _leaders_dinas(p: _Positions, unit: str, spec: _Unit, budget: int, rng: np.random.Generator) -> None:
    kec = SEAT_KECAMATAN
    small, medium = budget < 35, budget < 70

    def leader(nama: str, jenis: str, eselon: str, female: float, jurusan: str | None = None) -> None:
        show = jurusan is not None and rng.random() < 0.5
        edu = "D3" if jenis == "Pengawas" and rng.random() < 0.1 else "S1"
        p.add(nama, unit, jenis, kecamatan=kec, eselon=eselon, edu=edu, jurusan=jurusan, show_jurusan=show,
              diklat=grades.LEADERSHIP_TRAINING[jenis], female=female)  # fmt: skip

    n_bid = 1 if small else 2 if medium else 3 if budget < 140 else int(rng.integers(3, 5))
    n_sub = 1 if medium else int(rng.integers(2, 4))
    n_sek = 1 if medium else None  # None: 2–3 per bidang, drawn per bidang
    bidang = spec.bidang[: min(n_bid, len(spec.bidang))]

    def seksi_names(topic: str) -> list[str]:
        k = n_sek if n_sek is not None else int(rng.integers(2, 4))
        options = [x for x in _SEKSI_PREFIX if not topic.startswith(x)]  # no "Pelayanan Pelayanan Medik"
        prefixes = rng.choice(len(options), size=k, replace=False)
        return [f"{options[i]} {topic}" for i in sorted(prefixes)]

    if spec.kind == "setda":
        leader(spec.head or "Sekretaris Daerah", "JPT Pratama", "II.a", 0.15)
        n_as = 1 if medium else 2 if budget < 140 else 3
        n_bag = 2 if medium else 3 * n_as
        for a in range(n_as):
            leader(_SETDA_ASISTEN[a], "JPT Pratama", "II.b", 0.2)
        for name, topic in spec.bidang[:n_bag]:
            leader(
                f"Kepala Bagian {name}", "Administrator", "III.a", 0.3, "Hukum" if name == "Hukum" else None
            )
            for s in seksi_names(topic):
                leader(f"Kepala Subbagian {s}", "Pengawas", "IV.a", 0.4)
        return

    head = spec.head or f"Kepala {unit}"
    leader(head, "JPT Pratama", "II.b", 0.15, spec.jurusan)
    if spec.kind == "setwan":
        for name, topic in bidang:
            leader(f"Kepala Bagian {name}", "Administrator", "III.a", 0.3)
            for s in seksi_names(topic):
                leader(f"Kepala Subbagian {s}", "Pengawas", "IV.a", 0.4)
        return
    leader(spec.sekretaris or f"Sekretaris {unit}", "Administrator", "III.a", 0.3)
    for s in _SUBBAG_SEKRETARIAT[:n_sub] if n_sub == 3 else ("Umum dan Kepegawaian", "Keuangan")[:n_sub]:
        jur = "Akuntansi;Ekonomi;Manajemen" if s == "Keuangan" else None
        leader(f"Kepala Subbagian {s}", "Pengawas", "IV.a", 0.45, jur)
    for name, topic in bidang:
        if spec.kind == "inspektorat":
            leader(f"Inspektur Pembantu {name}", "Administrator", "III.b", 0.3, spec.jurusan)
            continue
        leader(f"Kepala Bidang {name}", "Administrator", "III.b", 0.3, spec.jurusan)
        title = "Kepala Subbidang" if spec.kind == "badan" else "Kepala Seksi"
        for s in seksi_names(topic):
            leader(f"{title} {s}", "Pengawas", "IV.a", 0.4, spec.jurusan)


def _leaders_kecamatan(p: _Positions, kec: str, budget: int, rng: np.random.Generator) -> None:
    unit = kantor_camat(kec)
    p.add(f"Camat {kec}", unit, "Administrator", kecamatan=kec, eselon="III.a", diklat="PKA", female=0.15,
          majors="Ilmu Pemerintahan;Administrasi Negara")  # fmt: skip
    p.add(f"Sekretaris Camat {kec}", unit, "Pengawas", kecamatan=kec, eselon="IV.a", diklat="PKP", female=0.3)
    n_kasi = 1 if budget < 20 else 2 if budget < 40 else int(rng.integers(3, 6))
    for name in _KASI_KECAMATAN[:n_kasi]:
        eselon = "IV.a" if rng.random() < 0.6 else "IV.b"
        edu = "D3" if rng.random() < 0.1 else "S1"
        p.add(f"Kepala Seksi {name}", unit, "Pengawas", kecamatan=kec, eselon=eselon, edu=edu, diklat="PKP",
              female=0.35)  # fmt: skip


def _cycler(groups: list[list[Any]], rng: np.random.Generator) -> Iterator[Any]:
    """Endless iterator over the items: each group shuffled, groups in order, then again from the start."""
    items: list[Any] = []
    for g in groups:
        items.extend(g[i] for i in rng.permutation(len(g)))
    while True:
        yield from items


def _staff(
    p: _Positions, unit: str, kec: str, places: int, spec: _Unit | None, rng: np.random.Generator
) -> None:
    """Fungsional and pelaksana positions of a unit, ``places`` places in all."""
    if spec is None:  # kantor camat
        fam_groups = [list(_KECAMATAN_FUNGSIONAL)]
        pel_groups = [
            list(_CORE_PELAKSANA),
            ["Pengadministrasi Pemerintahan"] + list(_GENERIC_PELAKSANA[:-1]),
        ]
        share = 0.12
    else:
        generic = [f for f in _GENERIC_FUNGSIONAL if f not in spec.fungsional]
        fam_groups = [list(spec.fungsional), generic]
        pel_groups = [list(_CORE_PELAKSANA), list(spec.pelaksana) + list(_GENERIC_PELAKSANA)]
        share = spec.fungsional_share
    fungsional = _cycler(
        [[(f, j) for f in group for j in _FAMILIES[f].jenjang] for group in fam_groups if group], rng
    )
    pelaksana = _cycler(pel_groups, rng)
    while places > 0:
        if rng.random() < share:
            family, jenjang = next(fungsional)
            formasi = min(places, int(rng.integers(1, 7)))
            _add_fungsional(p, unit, kec, family, jenjang, formasi, rng)
        else:
            formasi = min(places, int(rng.integers(2, 9)))
            _add_pelaksana(p, unit, kec, next(pelaksana), formasi, rng)
        places -= formasi


# --- schools and puskesmas -----------------------------------------------------------------------------
#: the kecamatan of the town of Muara Bungo: schools there are fuller, puskesmas larger
_TOWN = frozenset({"Pasar Muara Bungo", "Rimbo Tengah", "Bungo Dani"})
#: schools per kecamatan (relative), roughly by population
_KECAMATAN_SCHOOLS = {"Pasar Muara Bungo": 2.2, "Rimbo Tengah": 2.0, "Bungo Dani": 1.5, "Pelepat Ilir": 1.4,
                      "Tanah Tumbuh": 1.2, "Pelepat": 1.2, "Jujuhan": 1.1}  # fmt: skip
#: people per school of each level (Bungo: some 300 SD negeri and 70 SMP negeri for 6,000–7,000 ASN)
_PEOPLE_PER_SCHOOL = {"SD": 31, "SMP": 105}
#: people per puskesmas
_PEOPLE_PER_PUSKESMAS = 300
#: teacher posts of a school: (name before the jenjang, majors it takes, share of the school's teachers)
_SD_POSTS: tuple[tuple[str, str, float], ...] = (
    ("Guru Kelas", "Pendidikan Guru Sekolah Dasar", 0.78),
    ("Guru Pendidikan Jasmani", "Pendidikan Jasmani", 0.11),
    ("Guru Pendidikan Agama Islam", "Pendidikan Agama Islam", 0.11),
)
_SMP_POSTS: tuple[tuple[str, str, float], ...] = (
    ("Guru Mata Pelajaran Matematika", "Pendidikan Matematika", 0.13),
    ("Guru Mata Pelajaran Bahasa Indonesia", "Pendidikan Bahasa Indonesia", 0.13),
    ("Guru Mata Pelajaran Bahasa Inggris", "Pendidikan Bahasa Inggris", 0.11),
    ("Guru Mata Pelajaran Ilmu Pengetahuan Alam",
     "Pendidikan Biologi;Pendidikan Fisika;Pendidikan Kimia", 0.13),
    ("Guru Mata Pelajaran Ilmu Pengetahuan Sosial",
     "Pendidikan Ekonomi;Pendidikan Sejarah;Pendidikan Geografi", 0.11),
    ("Guru Mata Pelajaran Pendidikan Pancasila", "Pendidikan Pancasila dan Kewarganegaraan", 0.08),
    ("Guru Mata Pelajaran Pendidikan Agama Islam", "Pendidikan Agama Islam", 0.08),
    ("Guru Mata Pelajaran Seni Budaya", "Pendidikan Seni", 0.05),
    ("Guru Mata Pelajaran Informatika", "Pendidikan Teknologi Informasi;Teknik Informatika", 0.04),
    ("Guru Mata Pelajaran Pendidikan Jasmani", "Pendidikan Jasmani", 0.07),
    ("Guru Bimbingan dan Konseling", "Bimbingan dan Konseling", 0.07),
)  # fmt: skip
#: teachers by jenjang: Ahli Pertama (the young and most PPPK), Ahli Muda, Ahli Madya (the seniors)
_GURU_JENJANG_P = (0.36, 0.30, 0.34)
#: pelaksana of a school: (name, chance a school has the post, most people in it)
_SCHOOL_PELAKSANA: dict[str, tuple[tuple[str, float, int], ...]] = {
    "SD": (("Pengelola Layanan Operasional", 0.3, 1), ("Pramu Bakti", 0.15, 1)),
    "SMP": (("Pengadministrasi Perkantoran", 0.9, 2), ("Pengelola Keuangan", 0.4, 1),
            ("Operator Layanan Operasional", 0.5, 1), ("Pramu Bakti", 0.6, 1)),
}  # fmt: skip
#: health posts of a puskesmas: (family, share of its health workers)
_PUSKESMAS_STAFF: tuple[tuple[str, float], ...] = (
    ("Bidan", 0.29), ("Perawat", 0.27), ("Dokter", 0.06), ("Dokter Gigi", 0.03), ("Apoteker", 0.03),
    ("Asisten Apoteker", 0.03), ("Nutrisionis", 0.04), ("Sanitarian", 0.04),
    ("Pranata Laboratorium Kesehatan", 0.04), ("Penyuluh Kesehatan Masyarakat", 0.03),
    ("Epidemiolog Kesehatan", 0.02), ("Perekam Medis", 0.03), ("Terapis Gigi dan Mulut", 0.02),
)  # fmt: skip
_PUSKESMAS_PELAKSANA = (
    "Pengadministrasi Perkantoran", "Pengelola Keuangan", "Operator Layanan Kesehatan", "Pengemudi",
    "Pramu Bakti",
)  # fmt: skip
#: relative number of positions of each jenjang in a family (a puskesmas has few Ahli Madya)
_JENJANG_WEIGHT = {"Terampil": 1.3, "Mahir": 1.0, "Penyelia": 0.6, "Ahli Pertama": 1.3, "Ahli Muda": 0.9,
                   "Ahli Madya": 0.25}  # fmt: skip


def _school_units(size: int) -> list[tuple[str, str, str]]:
    """(unit, kecamatan, level) of the SD and SMP negeri, numbered across the kabupaten from the seat out:
    "SD Negeri 12 Muara Bungo", "SMP Negeri 3 Rantau Pandan"."""
    kec = np.asarray(_KECAMATAN_PRIORITY, dtype=object)
    weights = np.array([_KECAMATAN_SCHOOLS.get(k, 1.0) for k in kec])
    out = []
    for level, per in _PEOPLE_PER_SCHOOL.items():
        number = 0
        for k, count in zip(kec, _spread(round(size / per), weights), strict=True):
            for _ in range(count):
                number += 1
                out.append((f"{level} Negeri {number} {_place(k)}", str(k), level))
    return out


def _school(p: _Positions, unit: str, kec: str, level: str, rng: np.random.Generator) -> None:
    """The teacher posts of a school (JF Guru, by subject and jenjang) and its few pelaksana."""
    town = kec in _TOWN
    if level == "SD":
        posts, teachers = _SD_POSTS, int(np.clip(round(rng.normal(9.5 if town else 7.0, 2.5)), 4, 16))
    else:
        posts, teachers = _SMP_POSTS, int(np.clip(round(rng.normal(24 if town else 15, 5)), 8, 40))
    share = np.array([s for _, _, s in posts])
    per_post = rng.multinomial(teachers, share / share.sum())
    per_post[0] = max(per_post[0], 1)
    for (title, majors, _), count in zip(posts, per_post, strict=True):
        for jenjang, formasi in zip(_AHLI, rng.multinomial(count, _GURU_JENJANG_P), strict=True):
            if formasi:
                _add_fungsional(p, unit, kec, GURU, jenjang, int(formasi), rng, title=title, jurusan=majors)
    for name, chance, most in _SCHOOL_PELAKSANA[level]:
        if rng.random() < chance:
            _add_pelaksana(p, unit, kec, name, int(rng.integers(1, most + 1)), rng)


def _puskesmas_units(size: int) -> list[tuple[str, str]]:
    """(unit, kecamatan) of the puskesmas: the seat has two (Muara Bungo I and II), then one per kecamatan
    from the seat out, then more, numbered I, II, … where a kecamatan has several."""
    n = round(size / _PEOPLE_PER_PUSKESMAS)
    order = [SEAT_KECAMATAN, *_KECAMATAN_PRIORITY] + list(_KECAMATAN_PRIORITY) * (n // len(KECAMATAN_NAMES))
    picked = order[:n]
    out: list[tuple[str, str]] = []
    for k in _KECAMATAN_PRIORITY:
        count = picked.count(k)
        out.extend(
            (f"Puskesmas {_place(k)}" + (f" {_roman(i + 1)}" if count > 1 else ""), k) for i in range(count)
        )
    return out


def _puskesmas(p: _Positions, unit: str, kec: str, rng: np.random.Generator) -> None:
    """A puskesmas: its Kepala Subbagian Tata Usaha (IV.b), health JF of every jenjang, a few pelaksana."""
    places = int(np.clip(round(rng.normal(42 if kec in _TOWN else 30, 7)), 16, 60))
    p.add(
        "Kepala Subbagian Tata Usaha",
        unit,
        "Pengawas",
        kecamatan=kec,
        eselon="IV.b",
        diklat="PKP",
        female=0.5,
    )
    n_pel = max(2, round(0.12 * places))
    per_pel = rng.multinomial(n_pel - 2, np.full(len(_PUSKESMAS_PELAKSANA), 1 / len(_PUSKESMAS_PELAKSANA)))
    per_pel[:2] += 1  # always an administrator and a finance officer
    for name, formasi in zip(_PUSKESMAS_PELAKSANA, per_pel, strict=True):
        if formasi:
            _add_pelaksana(p, unit, kec, name, int(formasi), rng)
    share = np.array([s for _, s in _PUSKESMAS_STAFF])
    for (family, _), count in zip(_PUSKESMAS_STAFF, rng.multinomial(places - 1 - n_pel, share / share.sum()),
                                  strict=True):  # fmt: skip
        levels = _FAMILIES[family].jenjang
        w = np.array([_JENJANG_WEIGHT[j] for j in levels])
        for jenjang, formasi in zip(levels, rng.multinomial(count, w / w.sum()), strict=True):
            if formasi:
                _add_fungsional(p, unit, kec, family, jenjang, int(formasi), rng)


def _service_units(size: int, rng: np.random.Generator) -> _Positions:
    """The positions of the schools and puskesmas."""
    p = _Positions()
    for unit, kec, level in _school_units(size):
        p.sector = level.lower()
        _school(p, unit, kec, level, rng)
    p.sector = "kesehatan"
    for unit, kec in _puskesmas_units(size):
        _puskesmas(p, unit, kec, rng)
    return p


def _build_positions(size: int, rng: np.random.Generator) -> pd.DataFrame:
    """Every position: the dinas, badan and kantor camat, then the schools and puskesmas (about 1.12
    places per person in all)."""
    service = _service_units(size, rng)
    total = round(1.12 * size)
    rest = max(total - service.places(), min(total, 40))
    order = _unit_order()[: _n_units(rest)]
    units = [u for u in (*DINAS_UNITS, *(kantor_camat(k) for k in KECAMATAN_NAMES)) if u in order]
    weights = np.array([_UNITS[u].weight if u in _UNITS else 0.5 for u in units])
    budgets = _split(rest, weights)
    p = _Positions()
    for unit, budget in zip(units, budgets, strict=True):
        p.sector = "kesehatan" if unit in _HEALTH_UNITS else "umum"
        start = len(p.rows)
        if unit in _UNITS:
            kec = SEAT_KECAMATAN
            _leaders_dinas(p, unit, _UNITS[unit], int(budget), rng)
        else:
            kec = unit.removeprefix("Kecamatan ")
            _leaders_kecamatan(p, kec, int(budget), rng)
        n_leaders = len(p.rows) - start
        _staff(p, unit, kec, max(3, int(budget) - n_leaders), _UNITS.get(unit), rng)
    jab = pd.DataFrame(p.rows + service.rows)
    jab.insert(0, "Kode Jabatan", [f"J{i:05d}" for i in range(1, len(jab) + 1)])
    jab["Formasi"] = jab["Formasi"].astype("int64")
    _add_career_path(jab, rng)
    _add_grade_bounds(jab)
    return jab


def _add_career_path(jab: pd.DataFrame, rng: np.random.Generator) -> None:
    """The ``Rumpun`` column and the hidden ``_jf``, ``_bup`` and ``_career`` of each position.

    ``Rumpun`` names the JF of a Fungsional position: always where the name alone does not give it (teachers'
    "Guru Kelas Ahli Pertama", the older "Perawat Gigi Terampil"), else for most. ``_career`` is the key of
    CONTRACT.md rule 7: positions with equal keys are open to each other by rotation (for PNS).
    """
    memo: dict[tuple[str, str | None], str] = {}

    def jf(name: str, rumpun: str | None) -> str:
        if (name, rumpun) not in memo:
            memo[name, rumpun] = grades.jabatan_fungsional(name, rumpun)[0]
        return memo[name, rumpun]

    fung = (jab["Jenis Jabatan"] == "Fungsional").to_numpy()
    names = jab["Nama Jabatan"].to_numpy(dtype=object)
    family = jab["_family"].to_numpy(dtype=object)
    key = np.array(
        [jf(nm, fam) if f else "" for nm, fam, f in zip(names, family, fung, strict=True)], dtype=object
    )
    by_name = np.array([jf(nm, None) if f else "" for nm, f in zip(names, fung, strict=True)], dtype=object)
    shown = fung & ((by_name != key) | (rng.random(len(jab)) < 0.7))
    jab["Rumpun"] = np.where(shown, family, None)
    jab["_jf"] = key
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)
    jenjang = jab["Jenjang"].to_numpy(dtype=object)
    eselon = jab["Eselon"].to_numpy(dtype=object)
    jab["_bup"] = [
        grades.bup_age(j, jj if isinstance(jj, str) else None, k or None)
        for j, jj, k in zip(jenis, jenjang, key, strict=True)
    ]
    jab["_career"] = [
        f"{j}|{k}|{jj}" if j == "Fungsional" else f"{j}|{es}" if isinstance(es, str) else j
        for j, k, jj, es in zip(jenis, key, jenjang, eselon, strict=True)
    ]


# --- occupancy ---------------------------------------------------------------------------------------
#: pelaksana names of the older nomenclature (KepmenPANRB 41/2018), the first to be abolished
_OLD_PELAKSANA = (
    "Pengadministrasi Umum", "Pengadministrasi Keuangan", "Pengadministrasi Kepegawaian",
    "Pengadministrasi Persuratan", "Pengolah Data", "Analis Data dan Informasi",
    "Pengelola Program dan Kegiatan",
    "Penyusun Rencana Kegiatan dan Anggaran", "Pengelola Sarana dan Prasarana Kantor",
    "Penyusun Bahan Informasi dan Publikasi",
)  # fmt: skip
#: pelaksana names of the new nomenclature (KepmenPANRB 11/2024), never abolished
_NEW_PELAKSANA = (
    "Operator Layanan Operasional", "Pengelola Layanan Operasional", "Penata Layanan Operasional",
    "Pengelola Umum Operasional",
)  # fmt: skip


def _abolished(jab: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """The Dihapus mask, ~2 % of the positions: ~7 % of the dinas' kepala seksi/subbagian/subbidang
    (penyederhanaan birokrasi), and pelaksana posts, mostly of the older nomenclature, never of the new."""
    n = len(jab)
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)
    names = jab["Nama Jabatan"]
    in_dinas = jab["Unit Kerja"].isin(list(DINAS_UNITS)).to_numpy()
    seksi = np.flatnonzero(
        in_dinas
        & (jenis == "Pengawas")
        & names.str.match(r"Kepala (Seksi|Subbagian|Subbidang) ").to_numpy()
        & ~names.str.startswith("Kepala Subbagian Umum").to_numpy()
    )
    n_total = max(1, round(0.02 * n))
    n_seksi = min(len(seksi), max(1 if len(seksi) >= 4 else 0, round(0.07 * len(seksi))), n_total)
    dihapus = np.zeros(n, dtype=bool)
    dihapus[rng.choice(seksi, size=n_seksi, replace=False)] = True
    weight = np.select([names.isin(list(_OLD_PELAKSANA)), names.isin(list(_NEW_PELAKSANA))], [8.0, 0.0], 1.0)
    w = np.where(jenis == "Pelaksana", weight, 0.0)
    dihapus |= _pick(np.where(dihapus, 0.0, w), n_total - n_seksi, rng)
    return dihapus


def _occupancy(jab: pd.DataFrame, size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """People per position (summing to ``size``) and the Dihapus mask.

    Leaders' chairs are filled or empty (~20 %); staff positions are vacant (~7 %), overstaffed by one
    (~6 %) or partly filled. Schools and puskesmas are uneven as in Bungo: in town fuller and often
    overstaffed, outside it more often short.
    """
    n = len(jab)
    f = jab["Formasi"].to_numpy()
    leader = jab["Eselon"].notna().to_numpy()
    dihapus = _abolished(jab, rng)
    service = (
        jab["_sector"].isin(["sd", "smp"]).to_numpy()
        | jab["Unit Kerja"].str.startswith("Puskesmas ").to_numpy()
    )
    town = jab["Kecamatan"].isin(sorted(_TOWN)).to_numpy()
    vacant_p = np.where(service, np.where(town, 0.03, 0.14), 0.07)
    over_p = np.where(service, np.where(town, 0.12, 0.02), 0.06)

    k = np.zeros(n, dtype=np.int64)
    k[leader] = (rng.random(int(leader.sum())) >= 0.2).astype(np.int64)
    k[dihapus] = rng.integers(1, f[dihapus] + 1)
    k[leader & dihapus] = 1
    normal = np.flatnonzero(~leader & ~dihapus)
    u = rng.random(len(normal))
    is_over = u > 1 - over_p[normal]
    over = normal[is_over]
    rest = normal[~is_over & (u >= vacant_p[normal])]  # the others stay vacant

    excess = int(k.sum()) - size
    if excess > 0:  # tiny samples: empty leaders' chairs first, then abolished positions
        seats = np.repeat(np.arange(n), k)
        first = np.where(leader[seats] & ~dihapus[seats], 0.0, 1.0) + rng.random(len(seats))
        np.subtract.at(k, seats[np.argsort(first, kind="stable")[:excess]], 1)
        dihapus &= k > 0
    remaining = size - int(k.sum())
    if remaining < len(rest) + int((f[over] + 1).sum()):  # too few people: no overstaffing
        rest, over = np.concatenate([rest, over]), over[:0]
    if remaining < len(rest):  # still too few: leave more positions vacant
        rest = rng.permutation(rest)[:remaining]
    k[over] = f[over] + 1
    k[rest] = 1
    remaining = size - int(k.sum())
    if remaining > 0:
        slots = np.repeat(rest, f[rest] - 1)
        take = min(remaining, len(slots))
        np.add.at(k, rng.choice(slots, size=take, replace=False), 1)
        remaining -= take
    if remaining > 0:  # more people than places: overstaff further
        pool = np.concatenate([rest, over]) if len(rest) + len(over) else np.flatnonzero(~dihapus)
        np.add.at(k, rng.choice(pool, size=remaining, replace=True), 1)
    return k, dihapus


def _priorities(
    jab: pd.DataFrame, k: np.ndarray, dihapus: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Prioritas: 1 for a vacant leader's chair and for many short teacher and health posts (more often
    outside the town), else 2 (~30 %) or 3; 3 for an abolished position."""
    n = len(jab)
    prioritas = np.where(rng.random(n) < 0.3, 2, 3)
    prioritas[jab["Eselon"].notna().to_numpy() & (k == 0)] = 1
    service = (
        jab["_sector"].isin(["sd", "smp", "kesehatan"]).to_numpy()
        & (jab["Jenis Jabatan"] == "Fungsional").to_numpy()
    )
    town = jab["Kecamatan"].isin(sorted(_TOWN)).to_numpy()
    short = service & (k < jab["Formasi"].to_numpy()) & (rng.random(n) < np.where(town, 0.25, 0.6))
    prioritas[short] = 1
    prioritas[dihapus] = 3
    return prioritas.astype("int64")


# --- people ------------------------------------------------------------------------------------------


def _years(x: np.ndarray) -> np.ndarray:
    return np.round(x * _DAYS_PER_YEAR).astype("timedelta64[D]")


def _ymd(d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    months = d.astype("datetime64[M]")
    y = months.astype("datetime64[Y]").astype(int) + 1970
    m = months.astype(int) % 12 + 1
    day = (d - months.astype("datetime64[D]")).astype(int) + 1
    return y, m, day


def _same_day_years_before(ref: dt.date, years: int) -> dt.date:
    try:
        return ref.replace(year=ref.year - years)
    except ValueError:  # 29 February
        return ref.replace(year=ref.year - years, day=28)


def _draw_names(female: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(female)
    out = np.empty(n, dtype=object)
    form = rng.random(n)
    for is_f, first, last, single in (
        (False, _MALE_FIRST, _MALE_LAST, _MALE_SINGLE),
        (True, _FEMALE_FIRST, _FEMALE_LAST, _FEMALE_SINGLE),
    ):
        idx = np.flatnonzero(female == is_f)
        f_ = np.asarray(first, dtype=object)[rng.integers(0, len(first), len(idx))]
        m_ = np.asarray(first, dtype=object)[rng.integers(0, len(first), len(idx))]
        l_ = np.asarray(last, dtype=object)[rng.integers(0, len(last), len(idx))]
        s_ = np.asarray(single, dtype=object)[rng.integers(0, len(single), len(idx))]
        fm = form[idx]
        out[idx] = [
            s if u < 0.08 else (f"{a} {b} {c}" if u > 0.88 and a != b else f"{a} {c}")
            for u, a, b, c, s in zip(fm, f_, m_, l_, s_, strict=True)
        ]
    return out


def _with_titles(
    names: np.ndarray, edu: np.ndarray, major: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    show = rng.random(len(names)) < 0.85
    out = names.copy()
    for i in np.flatnonzero(show & np.isin(edu, ("D3", "S1", "S2", "S3"))):
        e, mj, front = edu[i], major[i], ""
        if e == "D3":
            back = [_D3_TITLE.get(mj, "A.Md.")]
        else:
            front = _FRONT_TITLE.get(mj, "")
            teacher = isinstance(mj, str) and mj.startswith("Pendidikan")
            back = [] if front else [_S1_TITLE.get(mj, "S.Pd." if teacher else "S.Sos.")]
            if e in ("S2", "S3"):
                back.append(_S2_TITLE.get(mj, "M.Pd." if teacher else "M.Si."))
            if e == "S3":
                front = "Dr. " + front if front else "Dr."
        out[i] = " ".join(x for x in (front, names[i]) if x) + "".join(f", {t}" for t in back)
    return out


def _add_grade_bounds(jab: pd.DataFrame) -> None:
    """The hidden ``_lo`` and ``_hi``: lowest and highest grade rank of each position, explicit, else by
    eselon or jenjang (rule 4)."""
    memo: dict[tuple[Any, ...], tuple[int, int]] = {}
    columns = ("Eselon", "Jenis Jabatan", "Jenjang", "Golongan Min", "Golongan Maks")
    lo_hi = []
    for row in zip(*(jab[c].to_numpy(dtype=object) for c in columns), strict=True):
        key = tuple(v if isinstance(v, str) else None for v in row)
        if key not in memo:
            es, jn, jj, gmin, gmax = key
            if gmin and gmax:
                memo[key] = (grades.GOLONGAN_RANK[gmin], grades.GOLONGAN_RANK[gmax])
            else:
                r = grades.default_grade_range(es, jn, jj)
                memo[key] = (r.low or 5, r.high or 12)
        lo_hi.append(memo[key])
    bounds = np.array(lo_hi, dtype=np.int64).reshape(-1, 2)
    jab["_lo"], jab["_hi"] = bounds[:, 0], bounds[:, 1]


def _grade_bounds(jab: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    return jab["_lo"].to_numpy(), jab["_hi"].to_numpy()


def _draw_diklat(
    jenis: np.ndarray,
    pppk: np.ndarray,
    cpns: np.ndarray,
    rank: np.ndarray,
    appointed_year: np.ndarray,
    training: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Trainings held, ``;``-separated: basic training, leadership training by level, technical training."""
    n = len(jenis)
    u = rng.random((n, 5))
    out = np.full(n, None, dtype=object)
    for i in range(n):
        items: list[str] = []
        if cpns[i]:  # on probation: many still await their Latsar
            if u[i, 0] < 0.3:
                items.append("Latsar CPNS")
        elif not pppk[i]:
            if appointed_year[i] >= 2018:
                if u[i, 0] < 0.9:
                    items.append("Latsar CPNS")
            elif u[i, 0] < 0.8:
                items.append("Prajabatan")
        j = jenis[i]
        if j == "JPT Pratama":
            has = (u[i, 1] < 0.5, u[i, 2] < 0.75, u[i, 3] < 0.85)
        elif j == "Administrator":
            has = (u[i, 1] < 0.55, u[i, 2] < 0.75, False)
        elif j == "Pengawas":
            has = (u[i, 1] < 0.7, u[i, 2] < 0.03, False)
        else:  # some senior staff already hold PKP
            has = (not pppk[i] and rank[i] >= 10 and u[i, 1] < 0.08, False, False)
        items.extend(t for t, h in zip(("PKP", "PKA", "PKN II"), has, strict=True) if h)
        if isinstance(training[i], str) and u[i, 4] < 0.45:
            items.append(training[i])
        out[i] = ";".join(items) if items else None
    return out


def _units_table(jab: pd.DataFrame) -> pd.DataFrame:
    """One row per unit: name, sector and how often people wish for it (central units and the town more)."""
    units = jab.drop_duplicates("Unit Kerja")[["Unit Kerja", "_sector", "Kecamatan"]].reset_index(drop=True)
    name = units["Unit Kerja"]
    central = name.isin(
        ["Sekretariat Daerah", "BPKAD", "Bappeda", "BKPSDMD", "Inspektorat", "RSUD H. Hanafie"]
    )
    camat = name.str.startswith("Kecamatan ") & (name != kantor_camat(SEAT_KECAMATAN))
    in_town = units["Kecamatan"].isin(sorted(_TOWN)) & (units["_sector"] != "umum")
    units["_weight"] = np.select([central, camat, in_town], [2.0, 0.5, 3.0], 1.0)
    return units


def _draw_wishes(unit_idx: np.ndarray, units: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Pilihan 1–3: ~30 % of the people name 1–3 other units of their own sector (teachers schools of
    their level, health workers puskesmas and the RSUD), the central ones and those in town more often."""
    n = len(unit_idx)
    wish = np.full((n, 3), None, dtype=object)
    wishers = np.flatnonzero(rng.random(n) < 0.3)
    how_many = rng.choice([1, 2, 3], size=len(wishers), p=[0.4, 0.35, 0.25])
    sector = units["_sector"].to_numpy(dtype=object)
    weight = units["_weight"].to_numpy(dtype=float)
    own = unit_idx[wishers]
    draws = np.zeros((len(wishers), 6), dtype=np.int64)
    for s in sorted(set(sector)):
        sel = sector[own] == s
        pool = np.flatnonzero(sector == s)
        cdf = np.cumsum(weight[pool]) / weight[pool].sum()
        picks = np.searchsorted(cdf, rng.random((int(sel.sum()), draws.shape[1])), side="right")
        draws[sel] = pool[np.minimum(picks, len(pool) - 1)]
    valid = draws != own[:, None]
    for c in range(1, draws.shape[1]):  # a unit once
        valid[:, c] &= (draws[:, c : c + 1] != draws[:, :c]).all(axis=1)
    order = np.cumsum(valid, axis=1)
    rows, cols = np.nonzero(valid & (order <= how_many[:, None]))
    wish[wishers[rows], order[rows, cols] - 1] = units["Unit Kerja"].to_numpy(dtype=object)[draws[rows, cols]]
    return wish


def _draw_asn(
    jab: pd.DataFrame, pos: np.ndarray, dihapus: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Who is PPPK (~14 %) and who CPNS (~3 %), as masks over the people.

    PPPK hold staff posts whose name recurs in several units (they may move only to the same Nama Jabatan):
    mostly teachers' and health workers' JF (the 2021–2024 intakes), some pelaksana (the 2024 conversion of
    honorary staff); never JPT, Administrator or Pengawas (Perpres 38/2020) nor an abolished post. CPNS
    were appointed within the last year to an entry post: Ahli Pertama, Terampil or a pelaksana post whose
    grade range holds the entry grade of its education (SMA or above, as CPNS formations ask today).
    """
    n = len(pos)
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)
    jenjang = jab["Jenjang"].to_numpy(dtype=object)
    family = jab["_family"].to_numpy(dtype=object)
    staff = np.isin(jenis, ("Pelaksana", "Fungsional")) & ~dihapus
    spread = jab.groupby("Nama Jabatan")["Unit Kerja"].transform("nunique").to_numpy()
    recurring = spread >= min(3, jab["Unit Kerja"].nunique())
    w = np.select(
        [family == GURU, np.isin(family, sorted(_HEALTH_FAMILIES)), jenis == "Fungsional"],
        [3.0, 2.5, 0.4],
        0.9,
    )
    # the intakes were mostly at the entry jenjang
    w = w * np.select([jenjang == "Ahli Madya", np.isin(jenjang, ("Ahli Muda", "Penyelia"))], [0.0, 0.3], 1.0)
    w = w * (staff & recurring)
    pppk = _pick(w[pos], round(0.14 * n), rng)

    lo, hi = _grade_bounds(jab)
    entry = jab["Pendidikan Min"].map(_ENTRY_RANK).to_numpy()
    entry_post = ((jenis == "Pelaksana") | np.isin(jenjang, ("Ahli Pertama", "Terampil"))) & (entry >= 5)
    ok = staff & entry_post & (entry >= lo) & (entry <= hi)
    cpns = _pick(np.where(pppk, 0.0, ok[pos].astype(float)), round(0.03 * n), rng)
    return pppk, cpns


def _draw_education(
    jab: pd.DataFrame, pos: np.ndarray, cpns: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Education: mostly the position's minimum or one level above (teachers and health workers seldom
    hold an S2), a few below it; a CPNS exactly the minimum of the formation they were appointed to."""
    n = len(pos)
    edu_min = jab["Pendidikan Min"].to_numpy(dtype=object)[pos]
    edu_idx = np.array([_EDU_INDEX[e] for e in edu_min])
    step = np.zeros(n, dtype=int)
    u = rng.random(n)
    for e, probs in _EDU_STEP_P.items():
        sel = edu_min == e
        cum = np.cumsum(probs)
        step[sel] = np.searchsorted(cum, u[sel] * cum[-1], side="right")
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)[pos]
    jpt = jenis == "JPT Pratama"
    step[jpt] = np.searchsorted([0.25, 0.95, 1.0], u[jpt], side="right")
    profession = np.isin(jab["_family"].to_numpy(dtype=object)[pos], [GURU, *sorted(_HEALTH_FAMILIES)])
    step[profession] = np.searchsorted([0.9, 0.995, 1.0], u[profession], side="right")
    step[rng.random(n) < 0.03] = -1  # a few below the position's minimum
    edu = np.asarray(_EDU_LEVELS, dtype=object)[np.clip(edu_idx + step, 1, len(_EDU_LEVELS) - 1)]
    edu[cpns] = edu_min[cpns]
    return edu


def _draw_majors(
    edu: np.ndarray, majors_pos: np.ndarray, match: np.ndarray, female: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """A major by level: with chance ``match`` one the position takes, else a common one (none below
    SMA); no man studied midwifery."""
    n = len(edu)
    major = np.empty(n, dtype=object)
    u_major = rng.random(n)
    pick = rng.random(n)
    for i in range(n):
        level = edu[i]
        pool = _MAJORS_BY_LEVEL.get(level)
        if pool is None:
            major[i] = None
        elif level != "SMA" and isinstance(majors_pos[i], str) and u_major[i] < match[i]:
            opts = majors_pos[i].split(";")
            major[i] = opts[int(pick[i] * len(opts))]
        else:
            major[i] = pool[int(pick[i] * len(pool))]
    major[~female & (major == "Kebidanan")] = "Keperawatan"
    return major


def _cpns_intakes(ref: dt.date, rng: np.random.Generator) -> np.ndarray:
    """The TMT CPNS of the two intakes of the last year: first days of months 2–11 months before ``ref``."""
    back = np.sort(rng.choice(np.arange(2, 12), size=2, replace=False))
    return (np.datetime64(ref, "M") - back).astype("datetime64[D]")


@dataclass
class _Dates:
    birth: np.ndarray
    appointed: np.ndarray  # TMT CPNS (PNS, CPNS), TMT PPPK
    tmt: np.ndarray  # TMT Jabatan


def _draw_dates(
    rank: np.ndarray,
    edu: np.ndarray,
    bup: np.ndarray,
    pppk: np.ndarray,
    cpns: np.ndarray,
    senior_age: np.ndarray,
    ref: dt.date,
    rng: np.random.Generator,
) -> _Dates:
    """Birth, appointment and TMT Jabatan.

    Service follows the grade (a promotion every ~4 years from the entry grade of the education); PPPK
    were appointed since 2019, often after years as honorer; CPNS in one of the last year's two intakes,
    their TMT Jabatan that of their appointment. ``senior_age``: the age of people drawn close to their
    BUP (NaN for the others). A few more are within 12 months of their retirement. A PNS was appointed
    more than a year ago (else they would still be a CPNS).
    """
    n = len(rank)
    ref64 = np.datetime64(ref, "D")
    cap = bup - 1 - 0.15
    entry_age = np.empty(n)
    for e, (a, b) in _CPNS_AGE.items():
        sel = edu == e
        entry_age[sel] = rng.uniform(a, b, int(sel.sum()))
    entry_rank = np.array([_ENTRY_RANK[e] for e in edu])
    # people whose grade is below their education's entry grade mostly studied while in service
    service = 4.0 * np.maximum(0, rank - entry_rank) + rng.uniform(0, 8, n)
    service += np.where(rank < entry_rank, rng.uniform(0, 14, n), 0.0)
    age = entry_age + service
    age = np.where(age > cap, cap - rng.uniform(0, 5, n), age)
    senior = ~np.isnan(senior_age)
    age = np.where(senior, senior_age, age)
    since_max = max(0.05, min(5.5, (ref - dt.date(_FIRST_PPPK_YEAR, 1, 1)).days / _DAYS_PER_YEAR))
    p_since = rng.uniform(0, since_max, n)
    p_age = rng.uniform(24, 48, n) + p_since
    age = np.where(pppk, np.minimum(p_age, cap - rng.uniform(0, 3, n)), age)
    intakes = _cpns_intakes(ref, rng)
    c_app = np.where(rng.random(n) < 0.7, intakes[0], intakes[1])
    c_since = (ref64 - c_app).astype(int) / _DAYS_PER_YEAR
    c_entry = np.maximum(entry_age, 22.2 - c_since)
    age = np.where(cpns, c_entry + c_since, age)
    age = np.maximum(age, 22 + rng.uniform(0, 1.5, n))
    entry_age = np.where(pppk, age - p_since, np.where(cpns, age - c_since, entry_age))
    entry_age = np.clip(entry_age, 20.1, age)
    birth = ref64 - _years(age)
    # a few within 12 months of retirement
    near = (rng.random(n) < 0.015) & ~pppk & ~cpns & ~senior
    for b in np.unique(bup[near]):
        sel = near & (bup == b)
        anchor = np.datetime64(_same_day_years_before(ref, int(b)), "D")
        birth[sel] = anchor + rng.integers(1, 330, int(sel.sum())).astype("timedelta64[D]")
    appointed = birth + np.round(entry_age * _DAYS_PER_YEAR).astype("timedelta64[D]")
    appointed = np.minimum(appointed, ref64 - np.timedelta64(1, "D"))
    appointed = np.where(pppk, appointed, appointed.astype("datetime64[M]").astype("datetime64[D]"))
    late = appointed < birth + _years(np.full(n, 20.0))  # rounded below age 20: the 1st of next month
    appointed[late] = (appointed[late].astype("datetime64[M]") + 1).astype("datetime64[D]")
    last_pns = (np.datetime64(ref, "M") - 13).astype("datetime64[D]")
    appointed = np.where(~pppk & ~cpns, np.minimum(appointed, last_pns), appointed)
    appointed = np.where(cpns, c_app, np.minimum(appointed, ref64))

    # TMT Jabatan: ~15 % under 2 years, ~35 % over 5, never before the appointment nor after ref
    u = rng.random(n)
    tenure = np.where(
        u < 0.15, rng.uniform(0, 2, n), np.where(u < 0.66, rng.uniform(2, 5, n), rng.uniform(5, 12, n))
    )
    tmt = np.maximum(ref64 - _years(tenure), appointed)
    tmt = np.where(cpns, appointed, np.minimum(tmt, ref64))
    return _Dates(birth, appointed, tmt)


def _make_nips(dates: _Dates, female: np.ndarray, pppk: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """NIPs: PNS and CPNS ``YYYYMMDD YYYYMM G NNN``, PPPK ``YYYYMMDD YYYY 2 1 G NNN`` (DOMAIN.md)."""
    n = len(female)
    by, bm, bd = _ymd(dates.birth)
    ay, am, _ = _ymd(dates.appointed)
    g = np.where(female, 2, 1)
    birth8 = by.astype(np.int64) * 10_000 + bm * 100 + bd
    prefix = np.where(
        pppk, birth8 * 10_000_000 + ay * 1000 + 210 + g, birth8 * 10_000_000 + ay * 1000 + am * 10 + g
    )
    base = rng.integers(1, 9, n) + np.where(rng.random(n) < 0.1, rng.integers(0, 200, n), 0)
    # serials count up from a per-prefix start, so equal prefixes (same birth, appointment, gender) differ
    first_base = pd.Series(base).groupby(prefix).transform("first").to_numpy()
    serial = first_base + pd.Series(prefix).groupby(prefix).cumcount().to_numpy()
    nip = (prefix * 1000 + serial).astype(str)
    assert len(set(nip)) == n
    return nip


def _retirement(birth: np.ndarray, bup: np.ndarray) -> np.ndarray:
    """First day of the month after the birthday at BUP age (CONTRACT.md rule 2)."""
    months = (12 * bup.astype(np.int64) + 1).astype("timedelta64[M]")
    return (birth.astype("datetime64[M]") + months).astype("datetime64[D]")


def _draw_kedudukan(
    jenis: np.ndarray,
    family: np.ndarray,
    edu: np.ndarray,
    regular: np.ndarray,
    female: np.ndarray,
    age: np.ndarray,
    dates: _Dates,
    retire: np.ndarray,
    ref: dt.date,
    rng: np.random.Generator,
) -> np.ndarray:
    """Kedudukan Hukum: Aktif, but ~1.5 % on Tugas Belajar (staff under 45 with a D3 or more, doctors in
    specialist training most often), ~0.3 % on CLTN (after 5 years of service, mostly women following a
    spouse), ~0.1 % Pemberhentian Sementara, and a quarter of those retiring within 12 months on Masa
    Persiapan Pensiun.
    Only ``regular`` people (PNS past probation, not in an abolished post) are other than Aktif; people
    on study or leave hold staff posts (a structural official leaving for long is released from the post).
    """
    n = len(jenis)
    ref64 = np.datetime64(ref, "D")
    served = (ref64 - dates.appointed).astype(int) / _DAYS_PER_YEAR
    staff = np.isin(jenis, ("Pelaksana", "Fungsional"))
    out = np.full(n, grades.KEDUDUKAN_AKTIF, dtype=object)
    horizon = np.datetime64(_same_day_years_before(ref, -1), "D")
    mpp = regular & (retire <= horizon) & (rng.random(n) < 0.25)
    out[mpp] = "Masa Persiapan Pensiun"
    free = regular & staff & ~mpp
    w_tb = np.where(family == "Dokter", 6.0, np.where(jenis == "Fungsional", 1.5, 1.0))
    studies = np.isin(edu, ("D3", "S1", "S2"))  # for the next degree
    tb = _pick(w_tb * (free & studies & (age < 45) & (served >= 2)), round(0.015 * n), rng)
    out[tb] = "Tugas Belajar"
    free &= ~tb
    cltn = _pick(np.where(female, 3.0, 1.0) * (free & (served >= 5)), round(0.003 * n), rng)
    out[cltn] = "CLTN"
    free &= ~cltn
    out[_pick(free.astype(float), round(0.001 * n), rng)] = "Pemberhentian Sementara"
    return out


def _add_months(d: np.ndarray, months: np.ndarray) -> np.ndarray:
    """``d`` + ``months`` months, for days 1–28."""
    m = d.astype("datetime64[M]")
    return (m + months).astype("datetime64[D]") + (d - m.astype("datetime64[D]"))


def _draw_sanctions(
    hukuman: np.ndarray, appointed: np.ndarray, ref: dt.date, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """TMT Hukuman and Akhir Hukuman (NaT when not given), PP 94/2021 Art. 8.

    Sedang runs 6, 9 or 12 months, Berat 12. Of the Sedang/Berat sanctions ~40 % run at ``ref`` (start
    and end given), ~30 % have ended, ~20 % give only a start (half of them within the last 12 months,
    so still running by the 12-month default) and ~10 % have no dates at all. A Ringan sanction often
    gives the date it was imposed. No date is within 15 days of ``ref``, none before the appointment.
    """
    n = len(hukuman)
    ref64 = np.datetime64(ref, "D")
    heavy = np.isin(hukuman, ("Sedang", "Berat"))
    months = np.where(hukuman == "Berat", 12, rng.choice([6, 9, 12], size=n))
    span = months * 30.4
    u, v, w = rng.random(n), rng.random(n), rng.random(n)
    running = heavy & (u < 0.4)
    ended = heavy & (u >= 0.4) & (u < 0.7)
    start_only = (heavy & (u >= 0.7) & (u < 0.9)) | ((hukuman == "Ringan") & (u < 0.6))
    back = np.select(
        [running, ended, start_only & (v < 0.5)],
        [15 + w * (span - 45), span + 30 + w * (4 * 365 - span - 30), 15 + w * 315],
        400 + w * (4 * 365 - 400),
    )
    start = ref64 - np.round(back).astype("timedelta64[D]")
    start = np.maximum(start, appointed + np.timedelta64(30, "D"))
    m = start.astype("datetime64[M]")
    start = np.minimum(start, m.astype("datetime64[D]") + np.timedelta64(27, "D"))  # days 1–28
    end = _add_months(start, months) - np.timedelta64(1, "D")
    dated = running | ended | start_only
    nat = np.datetime64("NaT", "D")
    return np.where(dated, start, nat), np.where(running | ended, end, nat)


def _senior_ages(
    jab: pd.DataFrame, pos: np.ndarray, rank: np.ndarray, regular: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Ages of people drawn close to a BUP of 60 (NaN for the others): ~6 % of the senior teachers are 58
    (still movable, their BUP being 60), ~15 % of the other Ahli Madya 58–60 (some within a year of it)."""
    n = len(pos)
    guru = jab["_family"].to_numpy(dtype=object)[pos] == GURU
    madya = jab["Jenjang"].to_numpy(dtype=object)[pos] == "Ahli Madya"
    u = rng.random(n)
    out = np.full(n, np.nan)
    teachers = regular & guru & (rank >= 11) & (u < 0.06)
    out[teachers] = rng.uniform(58.05, 58.95, int(teachers.sum()))
    others = regular & ~guru & madya & (u < 0.15)
    out[others] = rng.uniform(58.0, 59.85, int(others.sum()))
    return out


def _draw_domisili(unit: np.ndarray, unit_kec: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Home kecamatan: mostly around the seat; staff of a kantor camat, school or puskesmas outside the
    seat often live where they work."""
    n = len(unit)
    kec_names = np.asarray(KECAMATAN_NAMES, dtype=object)
    w = np.array(
        [{"Pasar Muara Bungo": 30, "Rimbo Tengah": 20, "Bungo Dani": 15}.get(k, 35 / 14) for k in kec_names]
    )
    domisili = kec_names[rng.choice(len(kec_names), size=n, p=w / w.sum())]
    camat = np.char.startswith(unit.astype(str), "Kecamatan ")
    local = np.where(camat, 0.6, np.where(unit_kec != SEAT_KECAMATAN, 0.75, 0.0))
    at_home = rng.random(n) < local
    domisili[at_home] = unit_kec[at_home]
    return domisili


def _draw_people(
    jab: pd.DataFrame, k: np.ndarray, dihapus: np.ndarray, size: int, ref: dt.date, rng: np.random.Generator
) -> pd.DataFrame:
    ref64 = np.datetime64(ref, "D")
    pos = np.repeat(np.arange(len(jab)), k)
    assert len(pos) == size
    n = size
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)[pos]
    jenjang = jab["Jenjang"].to_numpy(dtype=object)[pos]
    family = jab["_family"].to_numpy(dtype=object)[pos]
    unit = jab["Unit Kerja"].to_numpy(dtype=object)[pos]
    leader = pd.notna(jab["Eselon"].to_numpy(dtype=object)[pos])
    lo_pos, hi_pos = _grade_bounds(jab)
    lo, hi = lo_pos[pos], hi_pos[pos]
    bup = jab["_bup"].to_numpy()[pos]

    pppk, cpns = _draw_asn(jab, pos, dihapus, rng)
    regular = ~pppk & ~cpns & ~dihapus[pos]  # PNS past probation, in a post that stays
    female = rng.random(n) < jab["_female"].to_numpy(dtype=float)[pos]
    edu = _draw_education(jab, pos, cpns, rng)
    profession = np.isin(family, [GURU, *sorted(_HEALTH_FAMILIES)])
    major = _draw_majors(
        edu, jab["_majors"].to_numpy(dtype=object)[pos], np.where(profession, 0.95, 0.85), female, rng
    )

    # grade (PNS rank, a CPNS the entry grade of their education; PPPK roman numeral)
    rank = rng.integers(lo, hi + 1)
    off = rng.random(n) < 0.03
    rank[off] += np.where(rng.random(int(off.sum())) < 0.5, -1, 1)
    rank = np.clip(rank, 1, 17)
    rank[cpns] = [_ENTRY_RANK[e] for e in edu[cpns]]
    pppk_grade = np.array(
        [_PPPK_GRADE_BY_JENJANG.get(jj) if isinstance(jj, str) else _PPPK_GRADE_BY_EDU[e]
         for jj, e in zip(jenjang, edu, strict=True)], dtype=object)  # fmt: skip
    golongan = np.where(pppk, pppk_grade, np.asarray(grades.GOLONGAN, dtype=object)[rank - 1])

    dates = _draw_dates(rank, edu, bup, pppk, cpns, _senior_ages(jab, pos, rank, regular, rng), ref, rng)
    age_days = (ref64 - dates.birth).astype(int)
    nip = _make_nips(dates, female, pppk, rng)
    names = _with_titles(_draw_names(female, rng), edu, major, rng)
    ay, _, _ = _ymd(dates.appointed)
    diklat = _draw_diklat(jenis, pppk, cpns, rank, ay, jab["_training"].to_numpy(dtype=object)[pos], rng)

    domisili = _draw_domisili(unit, jab["Kecamatan"].to_numpy(dtype=object)[pos], rng)
    units = _units_table(jab)
    wish = _draw_wishes(pd.Index(units["Unit Kerja"]).get_indexer(unit), units, rng)

    skp = np.asarray(_SKP, dtype=object)[rng.choice(3, size=n, p=_SKP_P)]
    hukuman = np.asarray(grades.HUKUMAN, dtype=object)[rng.choice(4, size=n, p=_HUKUMAN_P)]
    hukuman[cpns | (dates.appointed > ref64 - np.timedelta64(365, "D"))] = "Tidak Ada"
    h_start, h_end = _draw_sanctions(hukuman, dates.appointed, ref, rng)
    retire = _retirement(dates.birth, bup)
    kedudukan = _draw_kedudukan(
        jenis, family, edu, regular, female, age_days / _DAYS_PER_YEAR, dates, retire, ref, rng
    )

    peg = pd.DataFrame(
        {
            "NIP": nip,
            "Nama": names,
            "Golongan": golongan,
            "Kode Jabatan": jab["Kode Jabatan"].to_numpy(dtype=object)[pos],
            "TMT Jabatan": pd.to_datetime(dates.tmt).astype("datetime64[ns]"),
            "Tanggal Lahir": pd.to_datetime(dates.birth).astype("datetime64[ns]"),
            "Jenis Kelamin": np.where(female, "P", "L"),
            "Jenis ASN": np.select([pppk, cpns], ["PPPK", "CPNS"], "PNS"),
            "Kedudukan Hukum": kedudukan,
            "Pendidikan": edu,
            "Jurusan": major,
            "Predikat Kinerja": skp,
            "Hukuman Disiplin": hukuman,
            "TMT Hukuman": pd.to_datetime(h_start).astype("datetime64[ns]"),
            "Akhir Hukuman": pd.to_datetime(h_end).astype("datetime64[ns]"),
            "Diklat": diklat,
            "Kecamatan Domisili": domisili,
            "Pilihan 1": wish[:, 0],
            "Pilihan 2": wish[:, 1],
            "Pilihan 3": wish[:, 2],
        }
    )
    peg["_rank"] = np.where(pppk, 0, rank)
    peg["_pos"] = pos
    peg["_age_days"] = age_days
    peg["_bup"] = bup
    peg["_leader"] = leader
    return peg


# --- Kunci, Larangan, Relasi --------------------------------------------------------------------------


def _held_by_status(peg: pd.DataFrame) -> np.ndarray:
    """People whom CONTRACT.md rule 8 keeps in place: Kedudukan Hukum other than Aktif, and CPNS."""
    return ((peg["Kedudukan Hukum"] != grades.KEDUDUKAN_AKTIF) | (peg["Jenis ASN"] == "CPNS")).to_numpy()


def _kunci(
    peg: pd.DataFrame, jab: pd.DataFrame, k: np.ndarray, ref: dt.date, rng: np.random.Generator
) -> pd.DataFrame:
    """A TETAP for a due person and up to two moves (a staff post, a leader's chair), each to a vacant
    place within every rule: the career path (rule 7: the same kind, eselon, JF and jenjang; a PPPK the
    same Nama Jabatan), tenure, retirement at both ends, discipline, grade and education. Never a person
    whom rule 8 holds (a Kunci naming them is an input error) nor the incumbent of an abolished post."""
    rows: list[tuple[str, str]] = []
    pos = peg["_pos"].to_numpy()
    aktif = (jab["Status"] == "Aktif").to_numpy()
    asn = peg["Jenis ASN"].to_numpy(dtype=object)
    free = ~_held_by_status(peg) & aktif[pos]
    tmt = peg["TMT Jabatan"].to_numpy().astype("datetime64[D]")
    due = tmt <= np.datetime64(_same_day_years_before(ref, 5), "D")
    tetap = np.flatnonzero(due & free & (asn == "PNS"))
    used = np.zeros(len(peg), dtype=bool)
    if len(tetap):
        i = int(rng.choice(tetap))
        rows.append((peg["NIP"].iat[i], TETAP))
        used[i] = True

    # movers: at least 2 years (and a margin) in place, far from retirement, no blocking sanction
    age_days = peg["_age_days"].to_numpy()
    movable = (
        free
        & (tmt <= np.datetime64(_same_day_years_before(ref, 2), "D") - np.timedelta64(90, "D"))
        & (age_days < (peg["_bup"].to_numpy() - 3) * _DAYS_PER_YEAR)
        & ~peg["Hukuman Disiplin"].isin(list(RuleSettings().hukuman_menahan)).to_numpy()
        & ~(jab["Jenis Jabatan"].to_numpy(dtype=object)[pos] == "JPT Pratama")
    )
    lo, hi = _grade_bounds(jab)
    rank = peg["_rank"].to_numpy()
    pppk = asn == "PPPK"
    edu_rank = peg["Pendidikan"].map(grades.EDUCATION_RANK).to_numpy()
    edu_min = jab["Pendidikan Min"].map(grades.EDUCATION_RANK).to_numpy()
    unit = jab["Unit Kerja"].to_numpy(dtype=object)
    name = jab["Nama Jabatan"].to_numpy(dtype=object)
    career = jab["_career"].to_numpy(dtype=object)
    bup = jab["_bup"].to_numpy()
    jenis = jab["Jenis Jabatan"].to_numpy(dtype=object)
    vacant = aktif & (k == 0)
    staff_targets = np.flatnonzero(vacant & np.isin(jenis, ("Pelaksana", "Fungsional")))
    lead_targets = np.flatnonzero(vacant & np.isin(jenis, ("Administrator", "Pengawas")))
    for targets in (staff_targets, lead_targets):
        for t in rng.permutation(targets)[:200]:
            ok = (
                movable
                & ~used
                & (unit[pos] != unit[t])
                & (career[pos] == career[t])
                & (pppk & (name[pos] == name[t]) | ~pppk & (rank >= lo[t]) & (rank <= hi[t]))
                & (edu_rank >= edu_min[t])
                & (age_days < (bup[t] - 3) * _DAYS_PER_YEAR)
            )
            if ok.any():
                i = int(rng.choice(np.flatnonzero(ok)))
                rows.append((peg["NIP"].iat[i], jab["Kode Jabatan"].iat[t]))
                used[i] = True
                break
    return pd.DataFrame(rows, columns=list(KUNCI_COLUMNS)) if rows else _empty(KUNCI_COLUMNS)


def _larangan(
    peg: pd.DataFrame, jab: pd.DataFrame, exclude: set[str], rng: np.random.Generator
) -> pd.DataFrame:
    """~0.3 % of the people barred from a position (half) or a unit (half) their career path leads to,
    never their own."""
    n = round(0.003 * len(peg))
    units = jab["Unit Kerja"].to_numpy(dtype=object)
    aktif_pos = np.flatnonzero((jab["Status"] == "Aktif").to_numpy())
    if n == 0 or len(set(units)) < 2:
        return _empty(LARANGAN_COLUMNS)
    career = jab["_career"].to_numpy(dtype=object)
    by_career = {
        key: aktif_pos[idx]
        for key, idx in pd.Series(career[aktif_pos]).groupby(career[aktif_pos]).indices.items()
    }
    pool = np.flatnonzero(~peg["NIP"].isin(sorted(exclude)).to_numpy())
    people = rng.choice(pool, size=min(n, len(pool)), replace=False)
    rows: list[tuple[str, str | None, str | None]] = []
    for j, i in enumerate(people):
        own_pos = int(peg["_pos"].iat[i])
        own_unit = units[own_pos]
        open_to = by_career.get(career[own_pos], aktif_pos[:0])
        open_to = open_to[open_to != own_pos]
        if j % 2 == 0:
            targets = open_to if len(open_to) else aktif_pos[aktif_pos != own_pos]
            t = int(rng.choice(targets))
            rows.append((peg["NIP"].iat[i], jab["Kode Jabatan"].iat[t], None))
        else:
            others = np.unique(units[open_to][units[open_to] != own_unit])
            if not len(others):
                others = np.unique(units[units != own_unit])
            rows.append((peg["NIP"].iat[i], None, str(rng.choice(others))))
    return pd.DataFrame(rows, columns=list(LARANGAN_COLUMNS))


def _relasi(peg: pd.DataFrame, exclude: set[str], rng: np.random.Generator) -> pd.DataFrame:
    """~0.3 % of the people in married couples (Suami/Istri), partners of about the same age."""
    n = round(0.003 * len(peg))
    free = ~peg["NIP"].isin(sorted(exclude)).to_numpy()
    men = np.flatnonzero(free & (peg["Jenis Kelamin"] == "L").to_numpy())
    women = np.flatnonzero(free & (peg["Jenis Kelamin"] == "P").to_numpy())
    n = min(n, len(men), len(women))
    if n == 0:
        return _empty(RELASI_COLUMNS)
    age = peg["_age_days"].to_numpy()
    m = rng.choice(men, size=n, replace=False)
    w = rng.choice(women, size=n, replace=False)
    m, w = m[np.argsort(age[m], kind="stable")], w[np.argsort(age[w], kind="stable")]
    first_is_man = rng.random(n) < 0.5
    nip = peg["NIP"].to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "NIP 1": np.where(first_is_man, nip[m], nip[w]),
            "NIP 2": np.where(first_is_man, nip[w], nip[m]),
            "Hubungan": "Suami/Istri",
        }
    )


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})


def _text_columns_as_str(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text column as pandas' ``str`` dtype, missing values as NaN (None and NaN mixed otherwise)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].astype("str")
    return out


def _draw_round(
    size: int, ref: dt.date, rng: np.random.Generator
) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame]:
    """Positions (with Prioritas and Status), the people per position, and the people."""
    jab = _build_positions(size, rng)
    k, dihapus = _occupancy(jab, size, rng)
    jab["Prioritas"] = _priorities(jab, k, dihapus, rng)
    jab["Status"] = np.where(dihapus, "Dihapus", "Aktif")
    return jab, k, _draw_people(jab, k, dihapus, size, ref, rng)


# --- public API ------------------------------------------------------------------------------------


def generate(size: int, seed: int, reference_date: dt.date) -> dict[str, pd.DataFrame]:
    """A synthetic Bungo-like round of ``size`` people, as of ``reference_date``.

    Returns the frames ``Pegawai``, ``Jabatan``, ``Kunci``, ``Larangan`` and ``Relasi`` with exactly the
    canonical headers of CONTRACT.md. NIPs are 18-digit strings; dates are ``datetime64`` columns. The
    result depends only on the three arguments.
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    rng = np.random.default_rng(seed)
    jab, k, peg = _draw_round(size, reference_date, rng)

    kunci = _kunci(peg, jab, k, reference_date, rng) if size >= 200 else _empty(KUNCI_COLUMNS)
    taken = set(kunci["NIP"])
    larangan = _larangan(peg, jab, taken, rng)
    relasi = _relasi(peg, taken, rng)

    peg = peg.sort_values(["_pos", "_rank", "NIP"], ascending=[True, False, True], kind="stable")
    frames = {
        "Pegawai": peg[list(PEGAWAI_COLUMNS)].reset_index(drop=True),
        "Jabatan": jab[list(JABATAN_COLUMNS)].reset_index(drop=True),
        "Kunci": kunci,
        "Larangan": larangan,
        "Relasi": relasi,
    }
    return {name: _text_columns_as_str(frame) for name, frame in frames.items()}


_TEXT_COLUMNS = frozenset({"NIP", "NIP 1", "NIP 2", "Kode Jabatan"})
_DATE_COLUMNS = frozenset({"TMT Jabatan", "Tanggal Lahir", "TMT Hukuman", "Akhir Hukuman"})
_DATE_FORMAT = "DD-MM-YYYY"
_WIDTH = {"NIP": 21, "NIP 1": 21, "NIP 2": 21, "Nama": 34, "Nama Jabatan": 46, "Unit Kerja": 34, "Diklat": 30,
          "Rumpun": 30}  # fmt: skip


def _cell_values(series: pd.Series) -> list[Any]:
    """Python values of a column for openpyxl: ``None`` for missing, ``datetime`` for dates, ``int``..."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return [None if pd.isna(v) else v.to_pydatetime() for v in series]
    values = series.astype(object).tolist()
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values]


def _write_sheet(wb: Workbook, title: str, frame: pd.DataFrame) -> None:
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for j, col in enumerate(frame.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = _WIDTH.get(col, max(12, len(col) + 4))
    bold = Font(bold=True)
    header = []
    for col in frame.columns:
        c = WriteOnlyCell(ws, value=col)
        c.font = bold
        header.append(c)
    ws.append(header)

    def styled(fmt: str) -> Callable[[Any], Any]:
        def make(v: Any) -> Any:
            if v is None:
                return None
            c = WriteOnlyCell(ws, value=str(v) if fmt == "@" else v)
            c.number_format = fmt
            return c

        return make

    makers = [
        styled("@") if col in _TEXT_COLUMNS else styled(_DATE_FORMAT) if col in _DATE_COLUMNS else None
        for col in frame.columns
    ]
    columns = [_cell_values(frame[col]) for col in frame.columns]
    for row in zip(*columns, strict=True):
        ws.append([m(v) if m else v for m, v in zip(makers, row, strict=True)])


def _save_reproducibly(wb: Workbook, path: Path) -> None:
    """Save with fixed metadata and zip timestamps, so equal frames give equal bytes."""
    wb.properties.creator = "mutasi"
    wb.properties.created = _FILE_TIMESTAMP
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = _FILE_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            out = zipfile.ZipInfo(info.filename, date_time=_FILE_TIMESTAMP.timetuple()[:6])
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = info.external_attr
            dst.writestr(out, data)


#: the files of a sample round and their sheets
SAMPLE_FILES = {"pegawai.xlsx": ("Pegawai", "Kunci", "Larangan", "Relasi"), "jabatan.xlsx": ("Jabatan",)}


def write_sample(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write ``pegawai.xlsx`` (Pegawai, Kunci, Larangan, Relasi) and ``jabatan.xlsx`` (Jabatan) to a folder.

    The folder is created if needed. NIPs and position codes are text cells, dates real Excel dates shown
    as DD-MM-YYYY, headers bold and frozen. Returns the paths written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, sheets in SAMPLE_FILES.items():
        wb = Workbook(write_only=True)
        for sheet in sheets:
            frame = frames.get(sheet)
            _write_sheet(wb, sheet, frame if frame is not None else _empty(SHEET_COLUMNS[sheet]))
        path = out_dir / filename
        with atomic_file(path) as tmp:
            _save_reproducibly(wb, tmp)
        written.append(path)
    return written
