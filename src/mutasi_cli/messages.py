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
    # reviewed plans (mutasi check; also run by mutasi sk and mutasi export siasn before they write)
    "check-round-unknown": (
        "error",
        "Sheet Parameter {path} tidak mencatat berkas masukan rencana ini (baris 'Berkas masukan: …' dan "
        "'SHA-256 …'), sehingga rencana tidak dapat diperiksa terhadap data putarannya. SK dan berkas unggah "
        "SIASN hanya disusun dari rencana yang lolos pemeriksaan: susun ulang rencana dengan `mutasi plan` "
        "lalu tinjau kembali, atau periksa dengan `mutasi check {path} --pegawai BERKAS --jabatan BERKAS`.",
    ),
    "check-input-missing": (
        "error",
        "Berkas masukan {role} rencana ini, {value}, tidak ditemukan (dicari juga di folder rencana). "
        "Letakkan berkas yang sama di tempat itu atau di samping rencana, tunjuk letaknya dengan "
        "`mutasi check … --{option} BERKAS`, atau susun ulang rencana dengan `mutasi plan`.",
    ),
    "check-input-changed": (
        "error",
        "Berkas masukan {role} {value} telah berubah sejak rencana disusun (SHA-256 sekarang {actual}…, "
        "tercatat di sheet Parameter {recorded}…), sehingga rencana tidak lagi sesuai dengan datanya. "
        "Tunjuk berkas yang dipakai saat menyusun rencana dengan `mutasi check … --{option} BERKAS`, atau "
        "susun ulang rencana dengan `mutasi plan` dari data terbaru.",
    ),
    "check-input-unverified": (
        "warning",
        "Sheet Parameter tidak mencatat SHA-256 berkas {value}, sehingga tidak dapat dipastikan bahwa rencana "
        "disusun dari berkas ini.",
    ),
    "check-no-effective-date": (
        "error",
        "Tanggal berlaku tidak ditemukan di sheet Parameter {path}, padahal masa jabatan, batas usia pensiun "
        "dan hukuman disiplin diukur pada tanggal itu. Kembalikan baris 'Tanggal berlaku' di sheet Parameter, "
        "atau susun ulang rencana dengan `mutasi plan`.",
    ),
    "check-settings-missing": (
        "error",
        "Berkas pengaturan yang dipakai saat menyusun rencana, {value}, tidak ditemukan. Tunjuk berkas itu "
        "dengan --config, atau susun ulang rencana.",
    ),
    "check-settings-changed": (
        "error",
        "Pengaturan '{label}' bernilai {value} di {path}, sedangkan rencana disusun dengan nilai {recorded}. "
        "Periksa dengan berkas pengaturan yang dipakai saat menyusun rencana (--config), atau susun ulang "
        "rencana dengan pengaturan ini.",
    ),
    "check-inputs-invalid": (
        "error",
        "Berkas masukan rencana ini kini memuat {count} galat (tercantum di atas; lihat juga `mutasi "
        "validate`), sehingga rencana tidak dapat diperiksa terhadapnya.",
    ),
    "check-unknown-nip": (
        "error",
        "NIP {value} tidak ada dalam data pegawai putaran ini ({path}). Baris ini kemungkinan disalin dari "
        "rencana putaran lain: hapus baris ini atau perbaiki NIP-nya.",
    ),
    "check-unknown-position": (
        "error",
        "Kode Jabatan Baru {value} tidak ada dalam data jabatan putaran ini ({path}). Perbaiki kodenya sesuai "
        "sheet Jabatan, atau hapus baris ini.",
    ),
    "check-same-position": (
        "error",
        "Kode Jabatan Baru {value} adalah jabatan pegawai ini sekarang, sehingga baris ini bukan mutasi. Isi "
        "jabatan tujuan yang benar, atau hapus baris ini.",
    ),
    "check-wrong-origin": (
        "error",
        "Kode Jabatan Lama {value} bukan jabatan pegawai ini dalam putaran ini: menurut data pegawai ia "
        "menduduki {actual} ({nama}, {unit}). Baris ini kemungkinan disalin dari rencana putaran lain: salin "
        "baris dari rencana putaran ini, atau susun ulang rencana.",
    ),
    "check-text-mismatch": (
        "error",
        "{column} '{value}' tidak sesuai dengan jabatan {kode} dalam data jabatan ('{expected}'). SK dan "
        "petikan mencantumkan teks kolom ini: samakan dengan data jabatan, atau perbaiki kode jabatannya.",
    ),
    "check-name-mismatch": (
        "warning",
        "Nama '{value}' berbeda dengan nama NIP ini dalam data pegawai ('{expected}'); SK dan petikan memakai "
        "nama di kolom ini. Pastikan penulisannya benar.",
    ),
    "check-over-capacity": (
        "error",
        "Jabatan {value} ({nama}, {unit}) akan diduduki {count} orang, melebihi Formasi {formasi}. Masuk: "
        "{incoming}. Tetap: {stayers}. Tolak atau ubah salah satu mutasi masuk, atau setujui kembali mutasi "
        "keluar pemangkunya.",
    ),
    "check-person-rule": (
        "error",
        "Pegawai ini tidak dapat dimutasi menurut aturan {number}: {text} ({source}). Tolak mutasi ini "
        "(Setuju = Tidak) atau hapus barisnya.",
    ),
    "check-pair-rule": (
        "error",
        "Jabatan {value} tidak dapat diisi pegawai ini menurut aturan {number}: {text} ({source}). Pilih "
        "jabatan tujuan lain atau tolak mutasi ini.",
    ),
    "check-turnover": (
        "error",
        "Dari unit {value} akan keluar {count} pegawai, melebihi batas perputaran {cap} orang ({persen}% dari "
        "{people} pegawai unit itu, dibulatkan ke atas; mutasi karena jabatan dihapus dan yang ditetapkan "
        "Kunci tidak dihitung). Baris: {rows}. Tolak sebagian mutasi keluar dari unit ini.",
    ),
    "check-relasi": (
        "error",
        "NIP {value} dan NIP {other} ({hubungan}, sheet Relasi) akan sama-sama berada di unit {unit} "
        "(baris {rows}). Mutasi tidak boleh mempertemukan keduanya dalam satu unit (konflik kepentingan): "
        "tolak atau ubah mutasi ini.",
    ),
    "check-kunci-not-made": (
        "error",
        "Kunci pada berkas masukan (sheet Kunci baris {kunci_row}) menetapkan NIP {value} ke jabatan {kode}, "
        "tetapi rencana yang ditinjau tidak menjalankannya: {how}. Keputusan pimpinan itu harus dijalankan: "
        "kembalikan mutasinya, atau hapus baris Kunci itu lalu susun ulang rencana.",
    ),
    "check-kunci-tetap-moved": (
        "error",
        "NIP {value} ditetapkan tetap di jabatannya (Kunci TETAP, sheet Kunci baris {kunci_row} pada berkas "
        "masukan), tetapi baris ini memindahkannya. Tolak mutasi ini (Setuju = Tidak) atau hapus barisnya.",
    ),
    "check-rejected-priority1": (
        "warning",
        "Usulan mutasi pegawai jatuh tempo ini ke jabatan Prioritas 1 {value} ({nama}, {unit}) ditolak, "
        "sehingga jabatan itu lowong setelah mutasi ({empty} dari Formasi {formasi} tempat kosong).",
    ),
    "check-rejected-unplaced": (
        "warning",
        "Usulan mutasi pemangku jabatan yang dihapus ini ditolak: ia tidak tertampung (jabatan lamanya "
        "{value} berstatus Dihapus).",
    ),
    "check-priority1-fewer": (
        "warning",
        "Rencana yang ditinjau mengisi {now} tempat Prioritas 1, sedangkan rencana semula mengisi {before}: "
        "{lost} tempat Prioritas 1 lowong karena peninjauan.",
    ),
    "check-refused": (
        "error",
        "{what} tidak disusun: rencana yang ditinjau tidak lolos pemeriksaan ({count} galat di atas; "
        "`mutasi check {path}` menampilkan semuanya). Perbaiki sheet Daftar Mutasi, lalu jalankan lagi.",
    ),
    # hostile inputs (mutasi_cli.reader, mutasi_cli.load: files that are not files, archives and sheets
    # beyond the limits, characters Excel cannot store, a column named twice, values no real data has)
    "not-a-regular-file": (
        "error",
        "{path} adalah {kind}, bukan berkas biasa, sehingga tidak dibaca. Sebutkan berkas .xlsx, .xls, .ods "
        "atau .csv yang berisi datanya (data yang dikirim lewat pipa disimpan dulu sebagai berkas).",
    ),
    "file-not-readable": (
        "error",
        "Berkas {path} tidak dapat dibuka untuk dibaca ({detail}). Periksa izin akses berkas itu, atau "
        "salin ke folder Anda sendiri, lalu jalankan lagi.",
    ),
    "file-too-large": (
        "error",
        "Berkas {path} berukuran {size}, melebihi batas {limit} untuk berkas masukan. Simpan sheet yang "
        "diperlukan saja (Pegawai, Jabatan, Kunci, Larangan, Relasi) ke buku kerja baru, lalu jalankan lagi.",
    ),
    "archive-too-large": (
        "error",
        "Berkas {path} tidak dibaca: {detail}, jauh melebihi buku kerja yang wajar. Kemungkinan berkasnya "
        "rusak atau bukan buku kerja sungguhan; buka di Excel, simpan ulang sebagai .xlsx, lalu jalankan lagi.",
    ),
    "sheet-too-large": (
        "error",
        "Sheet '{name}' di {path} terlalu besar untuk dibaca: {detail} (batas: {rows} baris, {columns} kolom, "
        "{cells} sel). Biasanya ada isi atau format yang tertinggal jauh di luar tabel: hapus semua baris di "
        "bawah dan kolom di kanan tabel (blok, klik kanan → Hapus), simpan, lalu jalankan lagi.",
    ),
    "cell-too-long": (
        "error",
        "Sheet '{name}' di {path}: sel {cell} berisi {length} karakter, melebihi batas {limit} karakter per "
        "sel (batas Excel). Periksa isi sel itu; kemungkinan ada teks yang salah tempel atau berkasnya rusak.",
    ),
    "duplicate-column": (
        "error",
        "Kolom {first_at} '{first}' dan kolom {second_at} '{second}' sama-sama dibaca sebagai '{canonical}', "
        "sehingga tidak jelas mana yang berlaku. Ganti judul kolom yang bukan data terkini (misalnya menjadi "
        "'{second} Lama') atau hapus kolom itu, lalu jalankan lagi.",
    ),
    "control-characters": (
        "warning",
        "Sel {cell} memuat karakter yang tidak dapat disimpan Excel ({found}); karakter itu dibuang dan "
        "nilainya dibaca sebagai '{value}'. Periksa sel ini di berkas aslinya.",
    ),
    "control-characters-key": (
        "error",
        "Sel {cell} pada kolom kunci '{column}' memuat karakter yang tidak dapat disimpan Excel ({found}), "
        "sehingga tidak pasti pegawai atau jabatan mana yang dimaksud. Ketik ulang isi sel ini (salin dari "
        "SIASN), simpan, lalu jalankan lagi.",
    ),
    "implausible-date": (
        "warning",
        "Tanggal {value} pada kolom '{column}' tidak wajar: {detail}. Periksa tanggal ini di SIASN.",
    ),
    "implausible-number": (
        "warning",
        "Formasi {value} tidak wajar: lebih dari {limit} tempat untuk satu jabatan. Periksa angkanya; bila "
        "memang benar, naikkan formasi_maks di bagian [batas] mutasi.toml.",
    ),
    "impossible-number": (
        "error",
        "Formasi {value} mustahil: lebih dari {limit} tempat untuk satu jabatan. Perbaiki angkanya (jumlah "
        "kebutuhan pegawai jabatan ini), lalu jalankan lagi.",
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


# signals and time limits
#: the one line printed when a signal ends a run (mutasi_cli.runtime; exit 128 + the signal's number)
INTERRUPTED = (
    "Dihentikan oleh sinyal {signal}; proses solver diakhiri dan berkas sementara dihapus. "
    "Berkas keluaran sebelumnya tidak berubah."
)
#: what the signal usually means, after its name
SIGNAL_NOTE = {"SIGINT": "SIGINT (Ctrl-C)", "SIGHUP": "SIGHUP (sesi terminal terputus)"}
PRIVATE_TEMP_FAILED = (
    "Folder sementara tidak dapat dibuat di {path}: {reason}. Kosongkan ruang disk atau atur TMPDIR ke "
    "folder lain yang dapat ditulis, lalu jalankan lagi."
)


# decrees (mutasi_cli.decree, mutasi_cli.siasn_export)
#: The reviewed table of public phrases a move's ``Keterangan`` may carry into a decree, its attachment
#: and every petikan (CONTRACT.md "Output workbook"). It is the one list shared by the planner, which
#: writes ``Keterangan`` from it (several joined by "; "), and the decree side, which passes nothing
#: else: a phrase not in this table (the rules a Kunci breaks, a sanction, a score, a solver note, an
#: analyst's free text) stays in the workbook (``Catatan Internal``) and the decree shows
#: PUBLIC_REASON_NEUTRAL in its place. Matching ignores case, repeated spaces and a final full stop.
#: Add a phrase only after Bagian Hukum has agreed that it may be read by everyone a decree is copied to.
PUBLIC_REASONS: tuple[str, ...] = (
    "Rotasi/penyegaran",
    "Mengisi kebutuhan formasi",
    "Mengisi jabatan yang lowong",
    "Penataan organisasi (jabatan lama dihapus)",
    "Atas permintaan sendiri",
    "Sesuai pilihan pegawai",
    "Penugasan pimpinan",
    "Pengembangan karier",
    "Peningkatan kesesuaian kompetensi",
    "Mendekatkan dengan domisili",
    "Pembinaan karier dan kebutuhan organisasi",
)
#: what a decree shows for a Keterangan with no public phrase in it
PUBLIC_REASON_NEUTRAL = "Pembinaan karier dan kebutuhan organisasi"
SK_KETERANGAN_REPLACED = (
    "Keterangan pada {count} baris sheet Daftar Mutasi ({rows}) bukan frasa publik yang disetujui untuk "
    "SK, sehingga tidak dimuat apa adanya di SK, lampiran dan petikan: bagian yang bukan frasa publik "
    "dibuang, dan baris tanpa frasa publik diberi keterangan '{neutral}'. Frasa yang disetujui: {phrases}. "
    "Catatan lain tempatkan di kolom Catatan Internal."
)
SK_PERDA_MISSING = (
    "Konsiderans Mengingat memuat Peraturan Daerah Kabupaten Bungo tentang {tentang} dengan nomor dan "
    "tahun bertitik-titik, karena {keys} di bagian [sk] mutasi.toml belum diisi. Isi nomor dan tahun "
    "Perda itu (dan perda_perubahan bila Perda itu telah diubah) sebelum SK diajukan."
)
SK_UNNAMED_CHANGE = (
    "Konsiderans Mengingat butir {number} menyebut perubahan tanpa menyebut peraturan perubahannya "
    "('{item}'). Tulis 'sebagaimana telah diubah dengan … Nomor … Tahun …' di [sk] {key}."
)
SK_JPT_UNKNOWN = (
    "Jenis jabatan lama dan baru tidak dapat dipastikan untuk {count} mutasi ({detail}), sehingga mutasi "
    "antar-JPT di antaranya tidak dapat dipisahkan ke SK tersendiri. Jalankan mutasi sk dari folder "
    "tempat mutasi plan dijalankan (berkas masukan jabatan yang tercatat di sheet Parameter), atau "
    "tambahkan kolom 'Jenis Jabatan Lama' dan 'Jenis Jabatan Baru' di sheet Daftar Mutasi."
)
SK_JPT_SOURCE_MISSING = "berkas masukan jabatan {path} tidak ditemukan"
SK_JPT_SOURCE_CHANGED = "berkas masukan jabatan {path} telah berubah sejak rencana disusun (SHA-256 berbeda)"
SK_JPT_SOURCE_NONE = "sheet Parameter tidak mencatat berkas masukan jabatan"
SK_JPT_CODES_UNKNOWN = "kode jabatan {codes} tidak ada di berkas masukan jabatan {path}"
#: the one line `export siasn --draft` adds to what it wrote
SIASN_DRAFT_NOTE = (
    "DRAF, bukan untuk diunggah: NOMOR SK dan/atau TANGGAL SK masih kosong atau bertitik-titik. Isi "
    "{keys} di bagian [sk] mutasi.toml, lalu jalankan lagi tanpa --draft."
)
ISSUE_TEMPLATES.update(
    {
        "siasn-placeholders": (
            "error",
            "Berkas unggah SIASN tidak ditulis: NOMOR SK dan TANGGAL SK akan berupa titik-titik atau kosong, "
            "karena {keys} di bagian [sk] mutasi.toml (atau berkas --config) belum diisi. Isi {keys} sesuai "
            "SK yang telah ditandatangani, atau jalankan dengan --draft untuk draf yang tidak diunggah.",
        ),
    }
)
