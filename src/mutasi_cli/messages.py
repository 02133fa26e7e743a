"""Every text a user reads, in formal Bahasa Indonesia, in one place.

Issue templates are keyed by the issue's stable code; they may use ``{value}``, ``{column}`` and any
keyword the caller passes.
"""

from __future__ import annotations

from typing import Literal

_Sev = Literal["error", "warning"]

ISSUE_TEMPLATES: dict[str, tuple[_Sev, str]] = {
    # files and sheets
    "file-not-found": ("error", "Berkas tidak ditemukan: {path}. Periksa nama dan lokasi berkas."),
    "unsupported-format": (
        "error",
        "Format berkas {path} tidak didukung. Simpan ulang sebagai .xlsx atau .csv.",
    ),
    "unreadable-file": (
        "error",
        "Berkas {path} tidak dapat dibaca ({detail}). Buka di Excel lalu simpan ulang sebagai .xlsx.",
    ),
    "encrypted-file": (
        "error",
        "Berkas {path} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File → Info → Protect "
        "Workbook → Encrypt with Password, kosongkan), simpan, lalu jalankan lagi.",
    ),
    "not-a-spreadsheet": (
        "error",
        "Berkas {path} bukan lembar kerja sesuai ekstensinya (isinya: {kind}). Buka berkas aslinya di Excel "
        "lalu simpan sebagai .xlsx, atau ganti ekstensinya sesuai isinya.",
    ),
    "missing-sheet": (
        "error",
        "Sheet '{wanted}' tidak ditemukan di {path}. Sheet yang ada: {available}.",
    ),
    "missing-column": (
        "error",
        "Kolom wajib '{wanted}' tidak ada di baris judul. Tambahkan kolom tersebut (kolom yang ada: {available}).",
    ),
    "empty-sheet": (
        "error",
        "Sheet '{name}' di {path} tidak berisi data. Isi minimal satu baris di bawah baris judul.",
    ),
    # cells
    "empty-cell": ("error", "Kolom '{column}' wajib diisi."),
    "invalid-nip": (
        "error",
        "NIP '{value}' tidak sah: {detail}. NIP terdiri atas 18 angka: tanggal lahir (8), tahun dan bulan "
        "pengangkatan (6), jenis kelamin (1) dan nomor urut (3). Salin NIP yang benar dari SIASN.",
    ),
    "nip-as-number": (
        "error",
        "NIP '{value}' tersimpan sebagai angka sehingga digit terakhirnya hilang. Format kolom NIP sebagai "
        "Teks lalu ketik ulang NIP lengkap dari sumbernya.",
    ),
    "duplicate-nip": ("error", "NIP {value} tercantum lebih dari sekali (juga di baris {other})."),
    "duplicate-code": ("error", "Kode Jabatan {value} tercantum lebih dari sekali (juga di baris {other})."),
    "unknown-position": (
        "error",
        "{what} tidak ada di sheet Jabatan.{hint} Periksa penulisannya atau tambahkan jabatan tersebut.",
    ),
    "invalid-date": (
        "error",
        "Tanggal '{value}' tidak dapat dibaca. Tulis sebagai tanggal Excel, dd-mm-yyyy, atau yyyy-mm-dd.",
    ),
    "date-after-effective": (
        "error",
        "TMT Jabatan {value} jatuh setelah tanggal berlaku {effective}. Periksa tanggalnya.",
    ),
    "invalid-golongan": (
        "error",
        "Golongan '{value}' tidak dikenal. Tulis seperti III/a, III-a atau 3a (PPPK: angka romawi I–XVII).",
    ),
    "invalid-jenis-jabatan": (
        "error",
        "Jenis Jabatan '{value}' tidak dikenal. Pilih: JPT Pratama, Administrator, Pengawas, Pelaksana, "
        "Fungsional.",
    ),
    "invalid-eselon": ("error", "Eselon '{value}' tidak dikenal. Tulis seperti II.b, III.a, IV.a."),
    "invalid-jenjang": (
        "error",
        "Jenjang '{value}' tidak dikenal. Pilih: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, "
        "Terampil, Mahir, Penyelia.",
    ),
    "invalid-education": (
        "error",
        "Pendidikan '{value}' tidak dikenal. Pilih: SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3.",
    ),
    "invalid-number": ("error", "Nilai '{value}' pada kolom '{column}' harus bilangan bulat positif."),
    "invalid-priority": ("error", "Prioritas '{value}' harus 1, 2 atau 3."),
    "invalid-status": ("error", "Status '{value}' harus Aktif atau Dihapus."),
    "invalid-jenis-asn": (
        "error",
        "Jenis ASN '{value}' tidak dikenal. Tulis PNS, CPNS atau PPPK (bentuk SIASN seperti 'PNS Daerah', "
        "'PNS Pusat DPK' dan 'CPNS Daerah' juga diterima).",
    ),
    "invalid-gender": ("error", "Jenis Kelamin '{value}' tidak dikenal. Tulis L atau P."),
    "invalid-hukuman": (
        "error",
        "Hukuman Disiplin '{value}' tidak dikenal. Pilih: Tidak Ada, Ringan, Sedang, Berat.",
    ),
    "invalid-skp": (
        "warning",
        "Predikat Kinerja '{value}' tidak dikenal dan diabaikan. Pilih: Sangat Baik, Baik, Butuh "
        "Perbaikan, Kurang, Sangat Kurang.",
    ),
    "grade-range-inverted": ("error", "Golongan Min {value} lebih tinggi dari Golongan Maks {high}."),
    "golongan-kind-mismatch": (
        "error",
        "Golongan '{value}' tidak sesuai dengan jenis ASN {asn}. PNS memakai III/a dst., PPPK angka romawi.",
    ),
    # cross-references
    "unknown-nip-ref": ("error", "NIP {value} tidak ada di sheet Pegawai."),
    "unknown-code-ref": ("error", "Kode Jabatan {value} tidak ada di sheet Jabatan."),
    "unknown-unit-ref": ("error", "Unit Kerja '{value}' tidak ada di sheet Jabatan."),
    "kunci-duplicate": ("error", "NIP {value} dikunci lebih dari sekali."),
    "kunci-dihapus": (
        "error",
        "Kunci ke jabatan {value} tidak dapat dipenuhi: jabatan itu berstatus Dihapus.",
    ),
    "kunci-tetap-dihapus": (
        "error",
        "Kunci TETAP untuk NIP {value} tidak dapat dipenuhi: jabatannya berstatus Dihapus.",
    ),
    "kunci-larangan": ("error", "NIP {value} dikunci ke jabatan yang dilarang baginya di sheet Larangan."),
    "kunci-status": (
        "error",
        "NIP {value} dikunci untuk dipindahkan, padahal {status}: pegawai ini tidak dapat dimutasi (aturan 8, "
        "{source}). Hapus baris Kunci ini atau perbaiki datanya.",
    ),
    "kunci-over-formasi": (
        "error",
        "Jabatan {value} menerima {count} kunci, melebihi Formasi {formasi}.",
    ),
    "relasi-self": ("error", "Relasi menghubungkan NIP {value} dengan dirinya sendiri."),
    # warnings
    "birth-date-mismatch": (
        "warning",
        "Tanggal Lahir {value} berbeda dengan tanggal lahir dalam NIP ({nip_birth}); dipakai Tanggal Lahir.",
    ),
    "gender-mismatch": (
        "warning",
        "Jenis Kelamin {value} berbeda dengan kode dalam NIP ({nip_gender}).",
    ),
    "jenis-asn-mismatch": ("warning", "Jenis ASN {value} berbeda dengan bentuk NIP ({nip_kind})."),
    "past-retirement": (
        "warning",
        "Pegawai ini telah melewati batas usia pensiun {bup} tahun jabatannya (pensiun {date}). Periksa "
        "datanya di SIASN; selama masih tercantum ia tidak dimutasi.",
    ),
    "hukuman-no-dates": (
        "warning",
        "Hukuman disiplin {value} tanpa TMT Hukuman maupun Akhir Hukuman: akhir hukumannya tidak diketahui, "
        "sehingga dianggap masih berjalan dan pegawai ini tidak dimutasi. Isi kolom TMT Hukuman dan Akhir "
        "Hukuman.",
    ),
    "hukuman-period-inverted": (
        "error",
        "Akhir Hukuman {value} lebih awal daripada TMT Hukuman {start}. Periksa kedua tanggal tersebut.",
    ),
    "grade-outside-position": (
        "warning",
        "Golongan {value} di luar rentang jabatannya sendiri ({low}–{high}).",
    ),
    "overstaffed": ("warning", "Jabatan {value} diisi {count} orang, melebihi Formasi {formasi}."),
    # the reviewed plan, the decree (mutasi sk) and the SIASN export
    "invalid-setuju": (
        "error",
        "Nilai Setuju '{value}' tidak dikenal. Tulis Ya atau Tidak (sel kosong berarti Ya).",
    ),
    "missing-effective-date": (
        "error",
        "Tanggal berlaku (TMT) tidak ditemukan di sheet Parameter {path}. Kembalikan baris 'Tanggal "
        "berlaku' di sheet Parameter, atau isi tmt = YYYY-MM-DD di bagian [sk] mutasi.toml.",
    ),
    "no-approved-moves": (
        "error",
        "Tidak ada mutasi yang disetujui di sheet Daftar Mutasi {path}; tidak ada yang dapat disusun.",
    ),
    "sk-unknown-key": (
        "error",
        "{path}: kunci '{key}' di bagian [sk] tidak dikenal; yang dikenal: {known}.",
    ),
    "sk-invalid-value": ("error", "{path}: [sk] {key} {expected} (tertulis: {value!r})."),
    "sk-invalid-pattern": (
        "error",
        "{path}: [sk] pola_nomor '{value}' tidak sah: hanya boleh memuat {{nomor}} dan {{tahun}}, "
        'misalnya "800.1.3.3/{{nomor}}/BKPSDMD/{{tahun}}".',
    ),
    "template-not-found": ("error", "Templat {path} tidak ditemukan."),
    "template-invalid": (
        "error",
        "Templat {path} tidak dapat dipakai: {detail}. Periksa penulisan variabel {{{{ … }}}} di "
        "dalamnya (daftar variabel ada di README).",
    ),
    "pdf-converter-missing": (
        "error",
        "LibreOffice tidak terpasang, sehingga PDF tidak dapat dibuat. Pasang dengan perintah "
        "`sudo apt install libreoffice-writer` (Windows/macOS: unduh dari libreoffice.org), lalu "
        "jalankan lagi; atau jalankan tanpa --pdf untuk membuat .docx saja.",
    ),
    "pdf-conversion-failed": (
        "error",
        "LibreOffice gagal mengubah {path} menjadi PDF: {detail}. Berkas .docx tetap tersedia.",
    ),
}


def issue_message(
    code: str, *, value: object = None, column: str | None = None, **fmt: object
) -> tuple[_Sev, str]:
    severity, template = ISSUE_TEMPLATES[code]
    fields = _Fields(value=value, column=column, **fmt)
    return severity, template.format_map(fields)


class _Fields(dict):
    """Template fields; one a caller did not pass shows as "-" rather than failing."""

    def __missing__(self, key: str) -> str:
        return "-"


# --- the command line -------------------------------------------------------------------------------
INTERNAL_ERROR = "kesalahan internal: {exc}. Jalankan ulang dengan --debug untuk rinciannya."
DEBUG_HELP = "Tampilkan jejak galat internal."

# --- progress on a terminal (plan) ------------------------------------------------------------------
PROGRESS_ROUND = "putaran {round}: {columns:,} kolom, LP {lp:,.0f}, batas {bound}"
PROGRESS_FIX = "MIP atas sisa pecahan LP"

# --- reasons written in the plan --------------------------------------------------------------------
REASON_DUE = "Telah menduduki jabatan {years} tahun (jatuh tempo setelah {due} tahun)"
REASON_DIHAPUS = "Jabatan lama dihapus"
REASON_KUNCI = "Ditetapkan oleh pimpinan (Kunci)"
REASON_PRIORITY1 = "Mengisi jabatan Prioritas 1 yang lowong"
REASON_FILL = "Mengisi kebutuhan formasi"
REASON_WISH = "Sesuai pilihan pegawai"
REASON_FIT = "Peningkatan kesesuaian kompetensi"
REASON_KUNCI_BREAKS = "Kunci melanggar aturan: {rules}"

VACANCY_NO_CANDIDATE = "Tidak ada pegawai yang memenuhi syarat jabatan"
VACANCY_CANDIDATES_HELD = "Ada {count} pegawai yang memenuhi syarat, tetapi semuanya tertahan aturan lain atau batas perputaran unit"
VACANCY_CAP = "Semua {count} calon berasal dari unit yang batas perputarannya telah tercapai"
VACANCY_LOWER_PRIORITY = (
    "Setiap calon yang memenuhi syarat akan meninggalkan tempat yang sama atau lebih dibutuhkan "
    "(Prioritas 1, pegawai jatuh tempo, atau kesesuaian yang lebih tinggi)"
)
VACANCY_DIHAPUS = "Jabatan dihapus"
FLOW_OTHER_UNITS = "(unit lainnya: {count} unit)"
#: vacancies that rotation cannot fill: (route in Lowongan's Jalur Pengisian, reason, legal source)
VACANCY_ROUTE_ROTATION = "Rotasi"
#: Ringkasan: the empty places of each route that rotation cannot fill
VACANCY_ROUTE_COUNT = "  di antaranya perlu {route}"
VACANCY_JPT = (
    "Seleksi terbuka",
    "Jabatan pimpinan tinggi yang lowong diisi melalui seleksi terbuka, bukan melalui rotasi",
    "PP 11/2017 jo. PP 17/2020 Pasal 107–119",
)
VACANCY_PROMOTION = (
    "Promosi",
    "Tidak ada pejabat {jenis} setingkat yang memenuhi syarat untuk dirotasi ke jabatan ini: perlu promosi "
    "melalui tim penilai kinerja",
    "PP 11/2017 jo. PP 17/2020 Pasal 162–165 (promosi dan tim penilai kinerja)",
)
VACANCY_JF = (
    "Pengangkatan/perpindahan JF",
    "Tidak ada pemegang jabatan fungsional {jf} jenjang {jenjang} yang memenuhi syarat untuk dirotasi ke "
    "sini: perlu pengangkatan/perpindahan JF",
    "PermenPANRB 1/2023 (pengangkatan dan perpindahan jabatan fungsional)",
)

STAY_TIDAK_TERTAMPUNG = "Tidak tertampung: jabatan lama dihapus dan tidak ada jabatan yang memenuhi syarat"
STAY_TIDAK_TERTAMPUNG_HELD = "Tidak tertampung: jabatan lama dihapus, sedangkan pegawai ini tidak dapat dimutasi"
STAY_KUNCI_TETAP = "Ditetapkan tetap oleh pimpinan (Kunci TETAP)"
STAY_NO_CANDIDATE = (
    "Tidak ada jabatan lain yang sejenis dan setingkat (pola karier) yang memenuhi syarat dan terbuka "
    "baginya"
)
STAY_CAP = "Batas perputaran unit kerjanya ({cap} orang) telah tercapai"
STAY_FULL = "Jabatan yang memenuhi syarat sudah terisi oleh pegawai yang lebih diprioritaskan"
STAY_RELATION = "Terhalang ketentuan relasi (konflik kepentingan)"

TRAINING_NEED = "Wajib mengikuti {training} untuk jabatan {jenis}"
TRAINING_TECHNICAL = "Wajib mengikuti {training} sesuai syarat jabatan"

STATUS_TEXT = {
    "optimal": "Optimal (terbukti)",
    "feasible": "Layak (batas waktu tercapai sebelum optimal terbukti)",
    "infeasible": "Tidak ada rencana yang layak",
}

INFEASIBLE_KUNCI = (
    "Kunci ke jabatan {kode} tidak dapat dipenuhi: {incoming} pegawai dikunci ke sana sementara {stayers} "
    "pemangku tidak dapat dipindahkan, melebihi Formasi {formasi}. Kurangi Kunci atau tambah Formasi."
)
INFEASIBLE_GENERIC = (
    "Tidak ada rencana yang memenuhi semua Kunci, Larangan dan Relasi sekaligus. Periksa sheet Kunci "
    "(jabatan tujuan yang penuh) dan Relasi (pasangan yang dikunci ke unit yang sama)."
)

# --- outputs (mutasi_cli.files): exit 2, checked before any work -------------------------------------
OUTPUT_IS_INPUT = (
    "Berkas keluaran {path} adalah berkas masukan {input}; berkas masukan tidak pernah ditimpa. "
    "Pilih nama lain dengan -o."
)
OUTPUT_HOLDS_INPUT = (
    "Folder keluaran {path} berisi berkas masukan {input}; folder keluaran diganti utuh setiap kali "
    "dijalankan. Pilih folder lain dengan -o."
)
OUTPUT_IS_FOLDER = "Keluaran {path} adalah folder; sebutkan nama berkas, misalnya {path}/rencana_mutasi.xlsx."
OUTPUT_NOT_REGULAR = "Keluaran {path} bukan berkas biasa (misalnya perangkat atau pipa); pilih nama berkas lain."
OUTPUT_NOT_FOLDER = "Keluaran {path} sudah ada sebagai berkas, bukan folder; pilih nama folder lain dengan -o."
OUTPUT_FOLDER_FOREIGN = (
    "Folder {path} sudah berisi berkas lain yang bukan draf SK dari mutasi; folder keluaran diganti utuh "
    "setiap kali dijalankan. Pilih folder baru atau kosong dengan -o."
)
OUTPUT_SUFFIX = "Berkas keluaran {path} harus berekstensi {suffixes}."
OUTPUT_UNWRITABLE = (
    "Berkas keluaran {path} tidak dapat ditulis: {reason}. Pilih folder yang dapat ditulisi dengan -o."
)
OUTPUT_WRITE_FAILED = (
    "Gagal menulis {path}: {reason}. Berkas sebelumnya (bila ada) tidak berubah; atasi penyebabnya lalu "
    "jalankan lagi."
)
OUTPUT_LOCKED = (
    "Berkas keluaran {path} sedang ditulis oleh proses mutasi lain; sudah ditunggu {seconds} detik. "
    "Tunggu proses itu selesai, atau pilih keluaran lain dengan -o."
)
#: OS errors in words, by errno
OS_ERRORS = {
    1: "operasi tidak diizinkan",
    2: "folder tidak ada",
    13: "tidak ada izin menulis",
    17: "berkas sudah ada",
    20: "bagian jalurnya bukan folder",
    21: "jalur itu adalah folder",
    27: "berkas melebihi batas ukuran yang diizinkan",
    28: "disk penuh",
    30: "sistem berkas hanya-baca",
    36: "nama berkas terlalu panjang",
    122: "kuota disk habis",
}
ENVIRONMENT_ERROR = "Berkas {path} tidak dapat diakses: {reason}. Periksa jalur dan izinnya, lalu jalankan lagi."
OUT_OF_MEMORY = (
    "Memori komputer tidak cukup untuk data sebesar ini. Tutup program lain atau jalankan di komputer "
    "dengan memori lebih besar."
)
FALLBACK_NOTE = (
    "Batas waktu {limit} detik habis sebelum rencana tingkat 0–2 ditemukan: buku kerja ini hanya memuat "
    "rencana cadangan (semua pegawai tetap, Kunci dijalankan, pemegang jabatan yang dihapus tidak "
    "tertampung) dan tidak layak diajukan. Jalankan lagi dengan --time-limit {suggest} atau lebih."
)
ENVIRONMENT_ERROR_NO_PATH = (
    "Sistem operasi menolak operasi: {reason}. Periksa ruang disk dan batas sistem, lalu jalankan lagi."
)
