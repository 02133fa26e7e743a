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
        "Tanggal '{value}' tidak dapat dibaca. Tulis sebagai tanggal Excel, dd-mm-yyyy, dd/mm/yyyy, "
        "yyyy-mm-dd, atau dengan nama bulan (1 Desember 2026).",
    ),
    "impossible-date": (
        "error",
        "Tanggal '{value}' tidak ada: {detail}. Periksa tanggal ini di SIASN atau di dokumen sumbernya.",
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
        "`mutasi check … {option}`, atau susun ulang rencana dengan `mutasi plan`.",
    ),
    "check-input-changed": (
        "error",
        "Berkas masukan {role} {value} telah berubah sejak rencana disusun (SHA-256 sekarang {actual}…, "
        "tercatat di sheet Parameter {recorded}…), sehingga rencana tidak lagi sesuai dengan datanya. "
        "Tunjuk berkas yang dipakai saat menyusun rencana dengan `mutasi check … {option}`, atau "
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
    "review-effective-date": (
        "error",
        "Rencana yang ditinjau ({path}) disusun untuk tanggal berlaku {value}, bukan {actual}. Susun ulang "
        "dengan --effective-date {value}, atau tanpa --effective-date.",
    ),
    "review-no-explanations": (
        "warning",
        "Sheet Penjelasan tidak ada di {path}: baris Daftar Mutasi yang dihapus tidak dapat dikenali, "
        "sehingga hanya baris bertanda Setuju = Tidak yang dianggap ditolak.",
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
    # hostile inputs (mutasi_cli.inputs.reader, mutasi_cli.inputs.load: files that are not files, archives and sheets
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
#: `plan` on invalid input: the errors (one line each), then these
PLAN_INVALID = "{errors} galat pada data masukan; rencana tidak disusun."
PLAN_INVALID_MORE = "… dan {count} galat lainnya."
PLAN_INVALID_WARNINGS = (
    "Data masukan juga memuat {warnings} peringatan; `{command}` menampilkan semua galat dan peringatan."
)
PLAN_INVALID_NO_WARNINGS = "`{command}` menampilkan semua galat beserta kolom dan cara memperbaikinya."

#: why a date written as one does not exist (mutasi_cli.inputs.values.date_fault)
DATE_NO_MONTH = "bulan hanya 1 sampai 12"
DATE_NO_DAY_ZERO = "tanggal dimulai dari 1"
DATE_NO_YEAR = "tahun {year} di luar kalender"
DATE_NO_DAY = "{month} {year} hanya sampai tanggal {days}"
#: --effective-date: its forms (the same as the cells'), and what is wrong with a value
EFFECTIVE_DATE_FORMS = "dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd, atau dengan nama bulan (1 Desember 2026)"
EFFECTIVE_DATE_HELP = "Tanggal berlaku, ditulis " + EFFECTIVE_DATE_FORMS + "; bawaan: hari ini."
EFFECTIVE_DATE_REFERENCE_HELP = (
    "Tanggal acuan masa jabatan, ditulis " + EFFECTIVE_DATE_FORMS + "; bawaan: hari ini."
)
EFFECTIVE_DATE_UNREADABLE = "'{value}' tidak dapat dibaca sebagai tanggal; tulis sebagai " + EFFECTIVE_DATE_FORMS + "."
EFFECTIVE_DATE_IMPOSSIBLE = "tanggal '{value}' tidak ada ({detail})."

# --- progress on a terminal (plan), in plain words ----------------------------------------------------
#: a round of column generation: the moves weighed so far, and (once known) the score and its ceiling
PROGRESS_ROUND = "putaran {round}: {columns} kemungkinan mutasi dipertimbangkan"
PROGRESS_ROUND_SCORE = (
    "putaran {round}: {columns} kemungkinan mutasi dipertimbangkan; nilai sementara {value}, paling tinggi "
    "{bound}"
)
PROGRESS_FIX = "menuntaskan pilihan yang masih terbuka"

# --- reasons written in the plan --------------------------------------------------------------------
#: the public phrases of a move's Keterangan (each one of PUBLIC_REASONS, below; tests hold them to it)
REASON_KUNCI = "Penugasan pimpinan"
REASON_DIHAPUS = "Penataan organisasi (jabatan lama dihapus)"
REASON_PRIORITY1 = "Mengisi kebutuhan formasi"
REASON_FILL = "Mengisi jabatan yang lowong"
REASON_ROTATION = "Rotasi/penyegaran"
REASON_WISH = "Sesuai pilihan pegawai"
REASON_HOME = "Mendekatkan dengan domisili"
REASON_FIT = "Peningkatan kesesuaian kompetensi"
REASON_CAREER = "Pembinaan karier dan kebutuhan organisasi"
#: Catatan Internal of a move (never a decree): the facts behind the public phrase
REASON_DUE = "Telah menduduki jabatan {tenure} (jatuh tempo setelah {due} tahun)"
REASON_KUNCI_BREAKS = "Kunci melanggar aturan: {rules}"
NOTE_KUNCI = "Ditetapkan oleh pimpinan (Kunci)"
NOTE_PLACE = (
    "Mengisi tempat Prioritas {prioritas} yang lowong (formasi {formasi}, terisi {occupied} sebelum mutasi)"
)
NOTE_WISH = "Pilihan ke-{rank} pegawai"
NOTE_HOME = "Lebih dekat ke domisili ({home})"
NOTE_FIT = "Skor kesesuaian {old} di jabatan lama, {new} di jabatan baru"

#: Lowongan: who could have filled a place and what stopped them ("{count} pegawai memenuhi syarat; …")
VACANCY_QUALIFIED = "{count} pegawai memenuhi syarat; {parts}"
VACANCY_STOP = {
    "filled": "{n} telah ditempatkan di jabatan ini",
    "moved_p1": "{n} menempati tempat Prioritas 1 lain",
    "moved": "{n} dimutasi ke jabatan lain yang lebih dibutuhkan atau lebih sesuai",
    "cap": "{n} tertahan batas perputaran unit {unit}",
    "cap_more": "{n} tertahan batas perputaran {units} unit lain",
    "held": "{n} tertahan aturan: {rule}",
    "kunci": "{n} ditetapkan pimpinan (Kunci) di jabatan lain",
    "larangan": "{n} dilarang ditempatkan di sini (sheet Larangan)",
    "relasi": "{n} terhalang ketentuan relasi (konflik kepentingan)",
    "own_p1": "{n} menduduki jabatan Prioritas 1 yang lebih dibutuhkan",
    "own_needed": "{n} menduduki jabatan yang sama atau lebih dibutuhkan (Prioritas {prioritas} atau lebih tinggi)",
    "stay_fit": "{n} lebih sesuai di jabatannya sendiri",
    "unplaced": "{n} tidak tertampung",
}
VACANCY_NO_CANDIDATE = "Tidak ada pegawai yang memenuhi syarat jabatan ini"
#: after a no-candidate reason: why the people of the same kind and level do not qualify
VACANCY_NO_CANDIDATE_DETAIL = "dari {count} pegawai dengan jenis dan jenjang jabatan yang sama, {parts}"
VACANCY_NONE_OF_KIND = "tidak ada pegawai lain dengan jenis dan jenjang jabatan yang sama"
VACANCY_FAILS = "{n} tidak memenuhi syarat: {rule}"
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
STAY_CAP = "Batas perputaran unit {unit} ({cap} orang) telah tercapai"
STAY_FULL = (
    "Ke-{count} jabatan lain yang memenuhi syarat baginya sudah terisi oleh pegawai yang lebih "
    "diprioritaskan, atau kepindahannya akan mengosongkan jabatan yang lebih dibutuhkan"
)
STAY_RELATION = "Terhalang ketentuan relasi (konflik kepentingan)"
#: the legal basis of reasons that rest on the organisation's need (formasi from ANJAB/ABK) and of Kunci
SOURCE_NEED = "PP 11/2017 jo. PP 17/2020 Pasal 190 ayat (4) (kebutuhan organisasi)"
SOURCE_KUNCI = "Keputusan PPK (Kunci)"

TRAINING_NEED = "Wajib mengikuti {training} untuk jabatan {jenis}"
TRAINING_TECHNICAL = "Wajib mengikuti {training} sesuai syarat jabatan"

STATUS_TEXT = {
    "optimal": "Optimal (terbukti)",
    "feasible": "Layak (optimalitas belum terbukti dalam batas waktu)",
    "infeasible": "Tidak ada rencana yang layak",
}


# --- outputs (mutasi_cli.support.files): exit 2, checked before any work -------------------------------------
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
#: the one line printed when a signal ends a run (mutasi_cli.support.runtime; exit 128 + the signal's number)
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


# decrees (mutasi_cli.outputs.decree, mutasi_cli.outputs.siasn_export)
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


# workbook reasons and print (mutasi_cli.outputs.explain, mutasi_cli.outputs.report, mutasi_cli.outputs.problems) -------------
#: where the new workplace lies from home (Penjelasan; the short forms in Catatan Internal)
HOME_SAME = "di kecamatan domisili sendiri ({kecamatan})"
HOME_SAME_SHORT = "di kecamatan domisili, {kecamatan}"
HOME_NEAR = "lebih dekat dengan domisili (sekitar {km} km)"
HOME_NEAR_SHORT = "sekitar {km} km dari domisili"
HOME_NEAR_UNKNOWN = "lebih dekat dengan domisili"
#: Penjelasan: the move told to the person, paragraph by paragraph ({you}: Saudara, Saudari)
EXPLAIN_OPENING = (
    "{you} {nama} dipindahkan dari jabatan {old} pada {old_unit} ke jabatan {new} pada {new_unit}, "
    "terhitung mulai tanggal {date}."
)
EXPLAIN_NEED_LABEL = "Kebutuhan yang diisi: "
EXPLAIN_KUNCI = "Penempatan ini merupakan penugasan pimpinan."
EXPLAIN_DIHAPUS = (
    "Jabatan {you} sebelumnya dihapus dalam penataan organisasi, sehingga {you} ditempatkan pada jabatan "
    "yang sejenis dan setingkat."
)
EXPLAIN_NEED_EMPTY = (
    "Sebelum mutasi ini, {unit} memiliki {empty} tempat lowong{p1}. Jabatan {jabatan} memerlukan {formasi} "
    "orang dan {occupied}; {you} mengisi {place} demi kelancaran pelayanan {unit}."
)
EXPLAIN_UNIT_P1 = ", {count} di antaranya tempat Prioritas 1 yang wajib diisi"
EXPLAIN_OCCUPIED = "baru terisi {count} orang"
EXPLAIN_UNOCCUPIED = "belum terisi"
EXPLAIN_PLACE_P1 = "salah satu tempat lowong itu (Prioritas 1, wajib diisi)"
EXPLAIN_PLACE = "salah satu tempat lowong itu (Prioritas {prioritas})"
EXPLAIN_NEED_REPLACE = (
    "Jabatan {jabatan} pada {unit} ditinggalkan pemangkunya yang juga dimutasi dalam putaran ini; {you} "
    "ditempatkan agar pelayanan {unit} tetap berjalan."
)
EXPLAIN_DUE = (
    "{you} telah menduduki jabatan lama selama {tenure}; masa {due} tahun dalam satu jabatan telah "
    "tercapai, sehingga sudah waktunya mendapat penyegaran."
)
EXPLAIN_NEED_FIT = "Penempatan ini menyesuaikan kompetensi pegawai dengan kebutuhan {unit}."
EXPLAIN_BRINGS = "Yang {you} bawa: {items}."
EXPLAIN_GRADE = "pangkat {label}"
EXPLAIN_GRADE_PPPK = "golongan PPPK {code}"
EXPLAIN_EDUCATION = "pendidikan {text}"
EXPLAIN_TRAINING_HELD = "diklat {text}"
EXPLAIN_EXPERIENCE = "pengalaman {tenure} sebagai {jabatan} pada {unit}"
EXPLAIN_GAINS = "Yang {you} peroleh: {items}."
EXPLAIN_GAIN_FIELD = "bidang tugas dan lingkungan kerja baru di {unit}"
EXPLAIN_GAIN_TASK = "tugas baru di lingkungan {unit}"
EXPLAIN_GAIN_WISH = "pilihan ke-{rank} {you} terpenuhi"
EXPLAIN_GAIN_HOME = "tempat kerja {where}"
EXPLAIN_GAIN_MAJOR = "jabatan yang sesuai dengan jurusan pendidikan {you}"
EXPLAIN_GAIN_TRAINING = "jabatan yang syarat diklatnya telah {you} penuhi"
EXPLAIN_GAIN_SKP = "jabatan prioritas yang memanfaatkan predikat kinerja {predikat} {you}"
#: the leadership trainings by their full names (Penjelasan)
TRAINING_NAMES = {
    "PKN II": "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)",
    "PKA": "Pelatihan Kepemimpinan Administrator (PKA)",
    "PKP": "Pelatihan Kepemimpinan Pengawas (PKP)",
}
EXPLAIN_TRAINING_NEEDED = (
    "Diklat yang menyertai: {you} akan diikutsertakan dalam {training} sesuai syarat jabatan baru."
)
EXPLAIN_TRAINING_MET = (
    "Diklat yang menyertai: tidak ada; syarat diklat jabatan ini ({training}) telah {you} penuhi."
)
EXPLAIN_TRAINING_NONE = "Diklat yang menyertai: jabatan ini tidak mensyaratkan diklat tambahan."
EXPLAIN_SOURCE_FIT = "{source} (kesesuaian kompetensi, pola karier dan kebutuhan organisasi)"
EXPLAIN_BASIS = "Dasar: {sources}."
#: the footer of every printed sheet (Excel's code &P: the page, numbered from 1 on every sheet). No
#: "dari &N": printing the whole workbook, LibreOffice and Excel count the pages of the whole job, and the
#: attachment's first page read "Halaman 1 dari 202"
PAGE_FOOTER = "Halaman &P"
#: Ringkasan's chart of empty places per unit, and the table of its data
CHART_TITLE = "Tempat lowong per unit kerja, sebelum dan sesudah mutasi"
CHART_TITLE_CAPPED = (
    "Tempat lowong per unit kerja, sebelum dan sesudah mutasi ({shown} unit dengan tempat lowong terbanyak "
    "dari {total} unit yang memiliki tempat lowong)"
)
CHART_HEADING = "Grafik tempat lowong per unit kerja"
CHART_DATA_TITLE = "Data grafik: tempat lowong per unit kerja"
CHART_VALUE_AXIS = "Tempat lowong"
FLOW_TITLE = "Arus mutasi antarunit (baris: unit asal, kolom: unit tujuan)"
#: Parameter: names and descriptions instead of codes
SOLVER_NAMES = {"cbc": "CBC", "highs": "HiGHS"}
ROUTE_TEXT = {
    "pricing": "pricing: model teragregasi untuk tingkat 0–2 dan pembangkitan kolom untuk tingkat 3",
    "direct": "langsung: satu variabel per kemungkinan mutasi",
}
OUTCOME_TEXT = {
    "optimal": "optimal (terbukti)",
    "feasible": "layak (optimal belum terbukti)",
    "infeasible": "tidak layak",
    "no-solution": "tidak ada solusi dalam batas waktu",
}
TIMING_LABELS = {
    "read+check": "membaca dan memeriksa masukan",
    "candidates": "menyusun calon mutasi",
    "model": "menyusun model",
    "solve": "menyelesaikan model",
    "model+solve": "menyusun dan menyelesaikan model",
    "write": "menulis buku kerja",
}
STAT_LABELS = {
    "columns": "kolom model",
    "stage_a_columns": "kolom model tahap A",
    "stage_a_seconds": "waktu tahap A (detik)",
    "stage_a_rounds": "putaran pembangkitan kolom tahap A",
    "stage_a_purged": "kolom yang dikeluarkan dari LP tahap A",
    "pricing_classes": "kelas penetapan harga kolom (pricing)",
    "stage_b_build_seconds": "waktu menyusun model tahap B (detik)",
    "stage_b_rounds": "putaran pembangkitan kolom tahap B",
    "stage_b_purged": "kolom yang dikeluarkan dari LP tahap B",
    "stage_b_lp_seconds": "waktu LP tahap B (detik)",
    "stage_b_fixed": "kolom yang ditetapkan dari LP tahap B",
    "stage_b_fix_seconds": "waktu MIP sisa pecahan tahap B (detik)",
    "stage_b_columns": "kolom model tahap B",
    "stage_b_support_mip_seconds": "waktu MIP atas kolom LP tahap B (detik)",
    "stage_b_support_mip_columns": "kolom MIP atas kolom LP tahap B",
    "stage_b_mip_columns": "kolom MIP tahap B",
    "stage_b_proof_columns": "kolom yang ditambahkan untuk pembuktian tahap B",
    "time_cut": "langkah yang terpotong batas waktu",
    "fallback": "rencana cadangan (semua tetap) dipakai",
}
#: statistics that are yes/no flags
STAT_FLAGS = frozenset({"time_cut", "fallback"})
#: words of a statistic's name the table does not list, for the word-by-word description
STAT_WORDS = {
    "columns": "kolom", "rounds": "putaran", "purged": "kolom dikeluarkan", "fixed": "kolom ditetapkan",
    "mip": "MIP", "lp": "LP", "build": "penyusunan", "support": "pendukung", "proof": "pembuktian",
    "fix": "penetapan", "pricing": "pricing", "classes": "kelas", "rows": "baris", "groups": "kelompok",
}  # fmt: skip
# end of workbook reasons and print


# --- init, diagnosis, diff (mutasi_cli.workspace, mutasi_cli.solve.diagnose, mutasi_cli.outputs.compare) ----------
#: exit 3: the head, one line per conflict, and what to do (mutasi_cli.solve.diagnose)
DIAGNOSIS_HEAD = "Baris berikut pada sheet Kunci, Larangan dan Relasi tidak dapat dipenuhi bersamaan."
DIAGNOSIS_CONFLICT = "({number}) {text}"
DIAGNOSIS_FOOT = (
    "Setiap konflik selesai bila salah satu barisnya dihapus atau diubah; tanpa semua baris tersebut ({rows}) "
    "rencana terbukti layak."
)
DIAGNOSIS_FOOT_UNPROVEN = (
    "Setiap konflik selesai bila salah satu barisnya dihapus atau diubah; periksa juga baris Kunci, Larangan "
    "dan Relasi lainnya, karena pemeriksaan tidak selesai {why}."
)
DIAGNOSIS_WHY_TIME = "dalam batas waktu"
DIAGNOSIS_WHY_UNKNOWN = "dengan bukti penuh"
DIAGNOSIS_NONE = (
    "Tidak ada rencana yang memenuhi semua Kunci, Larangan dan Relasi sekaligus, tetapi baris penyebabnya "
    "tidak dapat ditentukan. Periksa sheet Kunci (jabatan tujuan yang penuh) dan Relasi (pasangan yang "
    "dikunci ke unit yang sama)."
)
DIAGNOSIS_FEASIBLE = (
    "Semua baris Kunci, Larangan dan Relasi dapat dipenuhi bersamaan, tetapi rencana tidak ditemukan dalam "
    "batas waktu. Jalankan lagi dengan --time-limit yang lebih besar."
)
#: how the rows of one sheet are named: "Kunci baris 5", "Kunci baris 5 dan 7", "Kunci baris 5, 7 dan 9"
DIAGNOSIS_ROWS = "{sheet} baris {rows}"
DIAGNOSIS_ROW_UNKNOWN = "{sheet} (baris tidak diketahui)"
DIAGNOSIS_PERSON = "NIP {nip}"
DIAGNOSIS_POSITION = "{kode} ({nama}, {unit}; Formasi {formasi})"
DIAGNOSIS_KUNCI_INTO = "{rows} menempatkan {count} pegawai ke {position}"
DIAGNOSIS_KUNCI_INTO_ONE = "{rows} menempatkan {person} ke {position}"
DIAGNOSIS_HOLDERS_STUCK = "padahal {count} pemangkunya tidak dapat dipindahkan: {who}"
DIAGNOSIS_HOLDER_MUST_LEAVE = "sehingga pemangkunya, {who}, harus pindah, tetapi {why}"
DIAGNOSIS_OVER_FORMASI = "melebihi Formasi-nya"
DIAGNOSIS_RELASI_ALWAYS = (
    "{rows} (pasangan {a} dan {b}, {hubungan}) dengan relasi = \"selalu\": keduanya di unit {unit} sehingga "
    "salah satunya harus pindah, tetapi tidak ada jabatan tujuan bagi keduanya ({why_a}; {why_b})"
)
DIAGNOSIS_RELASI_KUNCI = (
    "{rows} (pasangan {a} dan {b}, {hubungan}): {kunci} memindahkan {mover} ke unit {unit}, tempat {other} "
    "{where}"
)
DIAGNOSIS_RELASI_WHERE_STAYS = "berada dan tidak dapat pindah ({why})"
DIAGNOSIS_RELASI_WHERE_STUCK = "berada dan harus tetap di sana: {why}"
DIAGNOSIS_RELASI_WHERE_LOCKED = "juga dikunci ({kunci})"
DIAGNOSIS_RELASI_PLAIN = "{rows} (pasangan {a} dan {b}, {hubungan}) melarang keduanya berakhir di unit yang sama"
DIAGNOSIS_KUNCI_TETAP = "{rows} menahan {person} di jabatannya (TETAP)"
DIAGNOSIS_LARANGAN_POSITION = "{rows} melarang {person} ke {kode}"
DIAGNOSIS_LARANGAN_UNIT = "{rows} melarang {person} ke unit {unit}"
DIAGNOSIS_ALSO = "bersama {rows}"
DIAGNOSIS_JOIN = "; "
#: why a person cannot leave (the rule texts of mutasi_cli.rules.eligibility follow, lower-cased)
DIAGNOSIS_HELD = "{person} ({reasons})"
DIAGNOSIS_HELD_TETAP = "dikunci TETAP oleh {rows}"
DIAGNOSIS_NO_TARGET = "tidak ada jabatan lain yang memenuhi syarat bagi {person}"
DIAGNOSIS_ALL_BANNED = "semua jabatan yang memenuhi syarat bagi {person} dilarang oleh {rows}"
DIAGNOSIS_NO_ROOM = (
    "tidak satu pun dari {count} jabatan yang memenuhi syarat bagi {person} dapat menampungnya{banned}"
)
DIAGNOSIS_NO_ROOM_BANNED = " ({rows} menutup {count} di antaranya)"
DIAGNOSIS_CANNOT_MOVE = "{person} tidak dapat dipindahkan ({reasons})"
#: mutasi init (mutasi_cli.workspace): refusals and the summary
INIT_EXISTS = (
    "Folder {folder} sudah berisi {files}; `mutasi init` tidak pernah menimpa berkas dan tidak menulis apa pun. "
    "Pilih folder lain, atau pindahkan berkas tersebut lebih dahulu."
)
INIT_NOT_FOLDER = "{folder} sudah ada sebagai berkas, bukan folder; pilih nama folder lain."
INIT_DONE = (
    "Folder kerja disiapkan di {folder}: {files} ({people} pegawai dan {positions} jabatan contoh). "
    "Baca LANGKAH.md untuk langkah satu putaran mutasi."
)
#: mutasi.toml written by `mutasi init`: the head, one heading per section, per key its meaning
INIT_TOML_HEAD = """\
# mutasi.toml — pengaturan `mutasi` untuk folder kerja ini (dibuat oleh `mutasi init` pada {date}).
#
# Dibaca otomatis bila `mutasi` dijalankan dari folder ini (atau dengan --config BERKAS). Setiap kunci
# boleh dihapus: nilai yang tertulis di sini adalah nilai bawaannya, sehingga berkas ini sebagaimana
# adanya sama dengan tanpa berkas. Baris yang diawali "#" adalah keterangan; kunci tanpa nilai bawaan
# ditulis sebagai contoh berawalan "# " — hapus "# " untuk memakainya. Kunci atau nilai yang salah
# ditolak dengan pesan yang menyebut berkas dan kuncinya (kode keluar 1).
"""
INIT_TOML_SECTIONS = {
    "aturan": "Aturan mutasi (aturan 1–8 dan batas rencana); nilai dan sumbernya tercantum di sheet Parameter",
    "pilkada": (
        "Larangan penggantian pejabat menjelang dan sesudah pilkada (UU 10/2016 Pasal 71 ayat (2) dan "
        "Pasal 162 ayat (3)): dari 6 bulan sebelum penetapan pasangan calon sampai akhir masa jabatan, dan "
        "6 bulan sesudah pelantikan, kecuali dengan persetujuan tertulis Menteri Dalam Negeri"
    ),
    "bobot": (
        "Bobot kesesuaian (tingkat 3 optimasi): poin seorang pegawai di suatu jabatan; hanya memutus seri "
        "setelah tingkat 0–2 (tertampung, Prioritas 1, jatuh tempo) optimal"
    ),
    "batas": "Batas kewajaran data masukan: di atasnya `mutasi validate` memberi peringatan",
    "sk": "Draf Keputusan Bupati dan petikannya (`mutasi sk`) serta berkas unggah SIASN (`mutasi export siasn`)",
    "kolom": (
        "Pemetaan judul kolom lokal ke kolom baku, per sheet ([kolom.pegawai], [kolom.jabatan], "
        "[kolom.kunci], [kolom.larangan], [kolom.relasi]); judul SIASN yang umum sudah dikenali tanpa ini"
    ),
}
INIT_TOML_DEFAULT_NONE = "Bawaan: tidak diisi."
INIT_TOML_SOURCE = "Sumber: {source}"
INIT_TOML_NO_MEANING = "(lihat dokumentasi kunci ini)"
INIT_TOML_COLUMNS = "Kolom baku sheet {sheet}: {columns}."
#: the meaning and legal source of every key outside [aturan] ([aturan] reads rules.SETTING_LABELS)
_SOURCE_FIT = "PP 11/2017 jo. PP 17/2020 Pasal 190 ayat (4) (kesesuaian kompetensi); bobotnya kebijakan PPK"
_SOURCE_SK = "Permendagri 1/2023 (tata naskah dinas di lingkungan pemerintah daerah)"
_SOURCE_FREEZE = "UU 10/2016 Pasal 71 ayat (2) dan Pasal 162 ayat (3)"
INIT_TOML_KEYS: dict[str, dict[str, tuple[str, str]]] = {
    "aturan": {
        "hukuman_menahan": ("Pilihan: Ringan, Sedang, Berat", ""),
        "relasi": (
            '"pindah": tidak ada mutasi yang menempatkan pasangan Relasi di unit yang sama; "selalu": '
            "pasangan yang kini satu unit juga tidak boleh sama-sama tetap (salah satunya dipindahkan)",
            "",
        ),
    },
    "pilkada": {
        "penetapan_paslon": ("Tanggal penetapan pasangan calon kepala daerah berikutnya", _SOURCE_FREEZE),
        "akhir_masa_jabatan": ("Tanggal akhir masa jabatan kepala daerah (diisi bersama penetapan_paslon)", _SOURCE_FREEZE),
        "pelantikan": ("Tanggal pelantikan kepala daerah; 6 bulan sesudahnya tidak ada penggantian pejabat", _SOURCE_FREEZE),
        "persetujuan_mendagri": (
            "Nomor dan tanggal persetujuan tertulis Menteri Dalam Negeri; dengan ini rencana boleh di-SK-kan "
            "dalam masa larangan dan Mengingat SK mengutipnya",
            _SOURCE_FREEZE,
        ),
    },
    "bobot": {
        "golongan": ("Poin bila golongan pegawai dalam rentang golongan jabatan", _SOURCE_FIT),
        "pendidikan": ("Poin bila pendidikan pegawai memenuhi pendidikan minimal jabatan", _SOURCE_FIT),
        "jurusan": ("Poin bila jurusan pegawai termasuk jurusan yang diminta jabatan", _SOURCE_FIT),
        "diklat": ("Poin bila pegawai memiliki semua diklat yang disyaratkan jabatan", _SOURCE_FIT),
        "skp": (
            "Poin per nilai SKP (Sangat Baik 2, Baik 1) di jabatan Prioritas 1 atau 2",
            "PP 30/2019 (penilaian kinerja PNS); bobotnya kebijakan PPK",
        ),
        "pilihan": ("Poin bila jabatan atau unit adalah pilihan ke-1, ke-2, ke-3 pegawai", "Kebijakan PPK"),
        "domisili": ("Poin bila jabatan berada di kecamatan domisili pegawai", "Kebijakan PPK"),
        "dekat": ("Poin bila jabatan berada dalam dekat_km dari kecamatan domisili", "Kebijakan PPK"),
        "dekat_km": ("Jarak (km) yang masih dihitung dekat", "Kebijakan PPK"),
        "isi_prioritas_2": ("Poin per tempat terisi di jabatan Prioritas 2", "Kebijakan PPK (kebutuhan formasi)"),
        "isi_prioritas_3": ("Poin per tempat terisi di jabatan Prioritas 3", "Kebijakan PPK (kebutuhan formasi)"),
    },
    "batas": {
        "formasi_maks": (
            "Formasi satu jabatan di atas angka ini diberi peringatan (di atas 10.000 selalu galat)",
            "Pemeriksaan kewajaran data",
        ),
    },
    "sk": {
        "pola_nomor": (
            "Pola nomor SK; {nomor} diganti nomor urut, {tahun} tahun SK",
            "Permendagri 83/2022 (kode klasifikasi arsip: 800.1.3.3 mutasi pegawai)",
        ),
        "nomor_awal": ("Nomor urut SK pertama; tanpa ini nomor berupa titik-titik", _SOURCE_SK),
        "digit_nomor": ("Lebar nomor urut, diisi nol di depan (3: 048)", _SOURCE_SK),
        "tanggal": ("Tanggal SK; tanpa ini berupa titik-titik", _SOURCE_SK),
        "tmt": ("TMT jabatan baru; tanpa ini tanggal berlaku rencana (sheet Parameter)", "PP 11/2017 jo. PP 17/2020 Pasal 190"),
        "bupati": ("Nama Bupati penanda tangan; tanpa ini berupa titik-titik", _SOURCE_SK),
        "per_unit": ("true: satu SK per unit kerja baru, bernomor berurutan", _SOURCE_SK),
        "tempat": ("Tempat penetapan SK", _SOURCE_SK),
        "tembusan": ("Daftar tembusan SK", _SOURCE_SK),
        "mengingat": ("Konsiderans Mengingat SK pemindahan PNS (juga JPT bila mengingat_jpt tidak diisi)", _SOURCE_SK),
        "mengingat_pppk": ("Konsiderans Mengingat SK pemindahan PPPK", "PP 49/2018; Perpres 38/2020"),
        "mengingat_jpt": ("Konsiderans Mengingat SK pemindahan pejabat pimpinan tinggi; tanpa ini sama dengan mengingat", _SOURCE_SK),
        "perda_nomor": ("Nomor Perda Kabupaten Bungo tentang perangkat daerah; tanpa ini berupa titik-titik dan `sk` memperingatkan", _SOURCE_SK),
        "perda_tahun": ("Tahun Perda tersebut", _SOURCE_SK),
        "perda_tentang": ("Judul Perda tersebut", _SOURCE_SK),
        "perda_perubahan": ('Perubahannya, ditulis sesudah judul ("sebagaimana telah diubah dengan …")', _SOURCE_SK),
        "petikan_jabatan": ("Jabatan penanda tangan \"Untuk petikan yang sah\"", _SOURCE_SK),
        "petikan_nama": ("Nama penanda tangan petikan", _SOURCE_SK),
        "petikan_nip": ("NIP penanda tangan petikan", _SOURCE_SK),
    },
}
#: examples for the keys without a default (written commented out), as TOML
INIT_TOML_EXAMPLES: dict[str, dict[str, str]] = {
    "pilkada": {
        "penetapan_paslon": "2029-09-22",
        "akhir_masa_jabatan": "2030-02-17",
        "persetujuan_mendagri": '{ nomor = "100.2.2.6/1234/OTDA", tanggal = 2026-11-02 }',
    },
    "sk": {
        "nomor_awal": "48",
        "tanggal": "2026-11-20",
        "tmt": "2026-12-01",
        "bupati": '"NAMA BUPATI"',
        "mengingat_jpt": '["…", "…"]',
        "perda_nomor": '"9"',
        "perda_tahun": "2016",
        "perda_perubahan": '"sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Bungo Nomor … Tahun …"',
        "petikan_nama": '"NAMA PEJABAT"',
        "petikan_nip": '"NIP PEJABAT"',
    },
    "kolom": {"pegawai": '"NIP/NRP" = "NIP"', "jabatan": '"KEBUTUHAN PEGAWAI" = "Formasi"'},
}
#: LANGKAH.md written by `mutasi init`
INIT_STEPS = """\
# Langkah satu putaran mutasi

Folder ini disiapkan oleh `mutasi init` pada {date}. Isinya:

- `pegawai.xlsx` (sheet Pegawai, Kunci, Larangan, Relasi) dan `jabatan.xlsx` (sheet Jabatan): data
  contoh sintetis bergaya Kabupaten Bungo, {people} pegawai dan {positions} jabatan, bukan data pegawai
  sebenarnya. Gantilah dengan data putaran Anda.
- `mutasi.toml`: semua pengaturan dengan nilai bawaan, arti dan dasar hukumnya.
- `LANGKAH.md`: berkas ini.

Jalankan setiap perintah dari folder ini agar `mutasi.toml` terbaca. Tanggal berlaku di bawah
({date}) adalah tanggal data contoh; pakai tanggal berlaku putaran Anda.

## 1. Ambil data dari SIASN

Unduh data pegawai dari SIASN (atau SIMPEG daerah) dan simpan sebagai `pegawai.xlsx`, sheet `Pegawai`.
Judul kolom SIASN (`NIP BARU`, `GOL AKHIR NAMA`, `TMT JABATAN`, `JABATAN NAMA`, `UNOR NAMA`, …) dikenali;
judul lain dipetakan di `[kolom.pegawai]` pada `mutasi.toml`. Susun peta jabatan sebagai `jabatan.xlsx`,
sheet `Jabatan`, dengan `Formasi`, `Prioritas` (1 = wajib diisi) dan `Status` (Aktif/Dihapus).
Keputusan pimpinan yang sudah diambil dicatat di sheet `Kunci` (pegawai ke jabatan tertentu, atau
TETAP), `Larangan` (pegawai tidak boleh ke jabatan atau unit tertentu) dan `Relasi` (dua pegawai yang
tidak boleh berada di unit yang sama).

## 2. Periksa data

    mutasi validate pegawai.xlsx jabatan.xlsx --effective-date {date} -o masalah.xlsx

Setiap masalah disebut dengan berkas, sheet, baris Excel, kolom dan cara memperbaikinya. Perbaiki semua
galat; tinjau peringatannya.

## 3. Susun rencana

    mutasi plan pegawai.xlsx jabatan.xlsx --effective-date {date} -o rencana_mutasi.xlsx

Hasilnya buku kerja `rencana_mutasi.xlsx`: Ringkasan, Daftar Mutasi, Lowongan, Tidak Dimutasi,
Kebutuhan Diklat, Penjelasan dan Parameter. Bila tidak ada rencana yang layak (kode keluar 3), pesan
menyebut baris Kunci, Larangan dan Relasi yang saling bertentangan; ubah atau hapus salah satunya.

## 4. Telaah rencana di Excel

Tim penilai kinerja menelaah sheet `Daftar Mutasi` pada salinan rencana, misalnya
`rencana_ditelaah.xlsx`: tambahkan kolom `Setuju` dan isi `Ya` (atau biarkan kosong) untuk usulan yang
disetujui dan `Tidak` untuk yang ditolak; baris yang dihapus juga berarti ditolak. `Keterangan` boleh
diubah; hanya frasa publik yang disetujui Bagian Hukum yang masuk ke SK.

## 5. Periksa hasil telaah

    mutasi check rencana_ditelaah.xlsx
    mutasi diff rencana_mutasi.xlsx rencana_ditelaah.xlsx

`check` memeriksa ulang rencana yang telah diubah terhadap data masukan dan setiap aturan, dan menyebut
setiap kesalahan dengan sheet dan barisnya. `diff` menunjukkan usulan yang ditolak, dihapus, diubah
jabatan barunya, dan Keterangan yang diubah. Jabatan yang menjadi kelebihan pemangku karena suatu
penolakan tidak perlu diperbaiki dengan tangan: langkah berikut menyusunnya ulang.

## 6. Susun ulang setelah telaah

    mutasi plan pegawai.xlsx jabatan.xlsx --review rencana_ditelaah.xlsx -o rencana_final.xlsx

Setiap usulan yang disetujui dipertahankan (dan tetap dihitung dalam batas perputaran unit), usulan yang
ditolak atau dihapus tidak dilakukan, lalu tempat yang ditinggalkan diisi kembali dengan perubahan
sesedikit mungkin terhadap rencana yang ditelaah. Kolom dan sheet `Hasil Tinjauan` menandai setiap baris:
dipertahankan, baru, berubah atau batal, beserta alasannya; penolakan yang membuat jabatan Prioritas 1
tetap lowong disebutkan. Telaah ulang bila perlu, lalu ulangi langkah 5 dan 6.

## 7. Jelaskan kepada pegawai

    mutasi explain rencana_final.xlsx NIP
    mutasi explain rencana_final.xlsx KODE_JABATAN

Mengapa seseorang dipindahkan atau tetap, mengapa bukan pilihannya, dan mengapa suatu jabatan terisi
atau lowong, dengan aturan dan dasar hukumnya; untuk rencana hasil telaah, juga apa yang terjadi dengan
usulannya semula.

## 8. Susun SK

Isi bagian `[sk]` di `mutasi.toml`: `nomor_awal`, `tanggal`, `bupati`, `perda_nomor` dan `perda_tahun`.

    mutasi sk rencana_final.xlsx -o sk

Draf Keputusan Bupati beserta lampirannya dan petikan untuk setiap pegawai ditulis di folder `sk`.
Serahkan kepada Bagian Hukum untuk diperiksa, lalu kepada Bupati untuk ditandatangani.

## 9. Unggah ke SIASN

Setelah SK ditandatangani (nomor dan tanggalnya sama dengan `[sk]`):

    mutasi export siasn rencana_final.xlsx -o riwayat_jabatan.csv

Berkas CSV ini diunggah ke SIASN sebagai riwayat jabatan.
"""
# end of init, diagnosis, diff


# --- explain (mutasi_cli.review.inquiry): `mutasi explain PLAN.xlsx NIP|KODE` --------------------------------------
#: the person is addressed as "Anda" (the answer is shown to them); a position is told in the third person
WHY_UNKNOWN = (
    "{subject} bukan NIP pegawai maupun Kode Jabatan pada putaran rencana {path}. Periksa penulisannya: NIP "
    "18 angka, atau Kode Jabatan sebagaimana tertulis di sheet Jabatan."
)
WHY_TITLE_PERSON = "Penjelasan untuk NIP {nip} ({nama})"
WHY_TITLE_POSITION = "Penjelasan untuk jabatan {kode} ({nama}, {unit})"
WHY_PLAN_LINE = "Rencana: {path}; tanggal berlaku {date}."
WHY_PLAN_FAILS = (
    "Perhatian: rencana ini tidak lolos pemeriksaan ({errors} galat; lihat `mutasi check {path}`). "
    "Penjelasan di bawah menggambarkan rencana sebagaimana adanya."
)
WHY_SECTION_OUTCOME = "Hasil"
WHY_SECTION_NEED = "Kebutuhan yang diisi"
WHY_SECTION_RULES = "Aturan mutasi untuk perpindahan ini"
WHY_SECTION_PERSON_RULES = "Aturan yang menentukan apakah Anda dapat dimutasi"
WHY_SECTION_FIT = "Skor kesesuaian (tingkat 3 rencana) di {kode}"
WHY_SECTION_WISHES = "Pilihan Anda dan jabatan lain yang memenuhi syarat"
WHY_SECTION_HOLDERS = "Pemangku setelah mutasi"
WHY_SECTION_LEFT = "Pemangku yang keluar"
WHY_SECTION_VACANCY = "Tempat lowong"
WHY_COL_REASON = "Alasan"
WHY_COL_SOURCE = "Dasar hukum"
WHY_COL_RULE = "Aturan"
WHY_COL_RESULT = "Hasil"
WHY_COL_FACT = "Keadaan"
WHY_COL_CRITERION = "Kriteria"
WHY_COL_WEIGHT = "Bobot"
WHY_COL_POINTS = "Poin"
WHY_COL_POINTS_NEW = "Poin di jabatan baru"
WHY_COL_POINTS_OLD = "Poin di jabatan lama"
WHY_COL_CHOICE = "Pilihan"
WHY_COL_POSITION = "Jabatan"
WHY_COL_VERDICT = "Keputusan"
WHY_COL_WHY = "Alasan"
WHY_COL_NIP = "NIP"
WHY_COL_NAME = "Nama"
WHY_COL_STATUS = "Status"
WHY_COL_FIT = "Skor kesesuaian"
WHY_COL_TO = "Pindah ke"
WHY_COL_STOP = "Yang menghalangi"
WHY_COL_COUNT = "Jumlah pegawai"
WHY_MOVED = (
    "Anda dipindahkan dari {old} pada {old_unit} ({old_kode}) ke {new} pada {new_unit} ({new_kode})."
)
WHY_STAYS = "Anda tetap pada jabatan {old} di {old_unit} ({old_kode})."
WHY_UNPLACED = (
    "Anda tidak tertampung: jabatan Anda, {old} di {old_unit} ({old_kode}), dihapus, dan tidak ada jabatan "
    "yang memenuhi syarat dan terbuka bagi Anda."
)
WHY_DUE_YES = "Anda telah menduduki jabatan saat ini {tenure}: sudah jatuh tempo rotasi (setelah {due} tahun)."
WHY_DUE_NO = "Anda telah menduduki jabatan saat ini {tenure}: belum jatuh tempo rotasi (setelah {due} tahun)."
WHY_KETERANGAN = "Keterangan dalam daftar mutasi (dan SK): {text}."
WHY_PASSED = "terpenuhi"
WHY_FAILED = "tidak terpenuhi"
WHY_RULE_KUNCI = "dikesampingkan oleh Kunci pimpinan"
WHY_RULE_DIHAPUS = "tidak menahan pemangku jabatan yang dihapus"
WHY_RULE_WITH_SOURCE = "{text}{detail} ({source})"
WHY_RULE_CAREER = "7. Pola karier: jenis, eselon, jabatan fungsional dan jenjang yang sama"
#: a rule by what it asks (RULES[code].text says what fails it)
WHY_RULE_NAMES = {
    "masa-jabatan": "Masa jabatan minimal",
    "pensiun": "Batas usia pensiun",
    "hukuman-disiplin": "Hukuman disiplin",
    "kedudukan-hukum": "Kedudukan hukum aktif",
    "cpns": "Bukan CPNS dalam masa percobaan",
    "pensiun-tujuan": "Batas usia pensiun jabatan tujuan",
    "golongan": "Golongan dalam rentang jabatan",
    "pendidikan": "Pendidikan minimal",
    "larangan": "Tidak ada larangan (sheet Larangan)",
    "jabatan-dihapus": "Jabatan tujuan aktif",
    "jpt-seleksi": "Pengisian jabatan pimpinan tinggi",
    "jenis-jabatan": "Jenis jabatan yang sama (pola karier)",
    "eselon": "Eselon yang sama",
    "jf-berbeda": "Jabatan fungsional yang sama",
    "jenjang-jf": "Jenjang jabatan fungsional yang sama",
    "pppk-jabatan": "PPPK: jabatan yang sama",
    "pppk-struktural": "PPPK: bukan jabatan struktural",
}
WHY_DETAIL_TENURE = "menjabat {tenure}; minimal {years} tahun"
WHY_DETAIL_RETIREMENT = "pensiun {date}"
WHY_DETAIL_HUKUMAN = "hukuman disiplin: {hukuman}"
WHY_DETAIL_KEDUDUKAN = "kedudukan hukum: {kedudukan}"
WHY_DETAIL_CPNS = "CPNS"
WHY_DETAIL_GRADE = "golongan {golongan}; rentang jabatan {lo} s.d. {hi}"
WHY_DETAIL_GRADE_ANY = "golongan {golongan}; jabatan tanpa batas golongan"
WHY_DETAIL_EDU = "pendidikan {pendidikan}; minimal {minimum}"
WHY_DETAIL_BUP = "batas usia pensiun jabatan tujuan {age} tahun"
WHY_DETAIL_CAREER = "{old} → {new}"
WHY_NEED_KUNCI = "Penempatan ini ditetapkan pimpinan (sheet Kunci)."
WHY_NEED_DIHAPUS = "Jabatan lama Anda dihapus, sehingga Anda harus ditempatkan di jabatan lain."
WHY_NEED_PLACE = (
    "{kode} ({nama}) pada {unit} berformasi {formasi} dan terisi {occupied_before} orang sebelum mutasi: "
    "Anda mengisi tempat lowong Prioritas {prioritas}."
)
WHY_NEED_REPLACE = (
    "{kode} ({nama}) pada {unit} tidak lowong sebelum mutasi, tetapi {left} pemangkunya dipindahkan: Anda "
    "menggantikannya."
)
WHY_NEED_FIT = (
    "{kode} ({nama}) pada {unit} tidak lowong: penempatan Anda di sana menaikkan kesesuaian kompetensi "
    "(tingkat 3 rencana)."
)
WHY_NEED_UNIT = "{unit} memiliki {empty} tempat lowong sebelum mutasi, {p1} di antaranya Prioritas 1."
WHY_NEED_DUE = (
    "Anda sudah jatuh tempo rotasi: memindahkan pegawai yang jatuh tempo adalah tingkat 2 tujuan rencana."
)
WHY_STAY_NOT_DUE = "Belum jatuh tempo rotasi: menjabat {tenure}, jatuh tempo setelah {due} tahun."
WHY_STAY_NO_CANDIDATE = (
    "Tidak ada jabatan lain yang sejenis dan setingkat (pola karier) yang memenuhi syarat dan terbuka bagi "
    "Anda."
)
WHY_STAY_CAP = "Batas perputaran unit {unit} ({cap} orang) telah tercapai oleh pegawai lain yang dimutasi."
WHY_STAY_RELATION = "Ketentuan relasi (konflik kepentingan) dengan {who} membatasi unit tujuan Anda."
WHY_STAY_FULL = (
    "Dari {count} jabatan lain yang memenuhi syarat bagi Anda, tidak satu pun yang dapat Anda isi tanpa "
    "merugikan tujuan rencana yang lebih tinggi: tempatnya terisi oleh pegawai yang lebih diprioritaskan, "
    "atau kepindahan Anda akan mengosongkan jabatan yang lebih dibutuhkan. Rinciannya ada pada daftar "
    "pilihan di bawah."
)
WHY_FIT_LABELS = {
    "golongan": "Golongan dalam rentang jabatan",
    "pendidikan": "Pendidikan memenuhi minimal",
    "jurusan": "Jurusan sesuai",
    "diklat": "Syarat diklat dimiliki",
    "skp": "Predikat kinerja (SKP), di jabatan Prioritas 1–2",
    "pilihan": "Pilihan pegawai (1/2/3)",
    "domisili": "Kecamatan domisili / dekat domisili",
}
WHY_WEIGHT_SKP = "{w} per poin SKP"
WHY_WEIGHT_HOME = "{w}/{near} (≤ {km} km)"
WHY_FIT_TOTAL = "Jumlah"
WHY_WISH_LABEL = "Pilihan {rank}"
WHY_WISH_WHAT = "{label} ({kode})"
WHY_ALT_LABEL = "{kode}"
WHY_ALT_ROW = "Jabatan lain"
WHY_NO_WISHES = "Anda tidak menuliskan pilihan (kolom Pilihan 1–3)."
WHY_VERDICTS = {
    "granted": "terpenuhi",
    "unknown": "tidak dikenal",
    "barred": "terhalang aturan",
    "kunci": "ditetapkan pimpinan",
    "taken": "tempat terisi",
    "priced": "tidak dipilih",
    "own": "jabatan sendiri",
}
WHY_WISH_UNKNOWN = "Tidak ada unit kerja atau kode jabatan \"{wish}\" pada data jabatan."
WHY_WISH_GRANTED = "Anda ditempatkan di sini."
WHY_WISH_GRANTED_STAY = "Anda tetap di sini."
WHY_WISH_OWN = "Pilihan ini adalah jabatan Anda sendiri; alasan kepindahan Anda ada pada bagian Hasil di atas."
WHY_WISH_KUNCI_TETAP = "Pimpinan menetapkan Anda tetap di jabatan sekarang (Kunci TETAP; Keputusan PPK)."
WHY_WISH_KUNCI = "Pimpinan menetapkan penempatan Anda di {kode} (Kunci; Keputusan PPK)."
WHY_WISH_HELD = "Anda tidak dapat dimutasi: {rules}."
WHY_WISH_BARRED = "{kode} ({nama}) tidak terbuka bagi Anda: {rules}."
WHY_WISH_BARRED_UNIT = (
    "Tidak satu pun dari {count} jabatan di {unit} terbuka bagi Anda; yang paling mendekati, {kode} "
    "({nama}), terhalang: {rules}."
)
WHY_WISH_OPEN_COUNT = "{open} dari {count} jabatan di {unit} memenuhi syarat bagi Anda; yang terbaik: {kode} ({nama})."
WHY_WISH_ROOM = (
    "{kode} masih memiliki {empty} tempat lowong setelah mutasi; skor kesesuaian Anda di sana {points}."
)
WHY_WISH_TAKEN = (
    "Tempat di {kode} (formasi {formasi}) telah diisi oleh {holders}; skor kesesuaian Anda di sana {points}."
)
WHY_HOLDER = "NIP {nip} ({nama}, skor kesesuaian {points}, {how})"
WHY_HOLDERS_MORE = ", dan {count} pegawai lain"
WHY_NEWCOMER = "pindahan"
WHY_STAYER = "pemangku yang tetap"
WHY_WISH_CAP = (
    "Batas perputaran unit {unit} ({cap} orang) telah tercapai, sehingga pegawai lain dari unit Anda tidak "
    "dapat lagi dimutasi tanpa ketetapan pimpinan."
)
WHY_WISH_RELASI = "NIP {nip} ({hubungan}) ditempatkan di {unit}; ketentuan relasi melarang keduanya di unit yang sama."
#: the price of forcing a move (a Kunci on a copy of the round, planned again)
WHY_PRICE_LEAD = "Menempatkan Anda di {what} berarti {consequences}."
WHY_PRICE_WORSE = {
    0: "{n} pegawai lagi tidak tertampung",
    1: "{n} tempat Prioritas 1 tidak terisi",
    2: "{n} pegawai jatuh tempo lagi tidak dapat dimutasi",
    3: "skor kesesuaian total turun {n} poin",
    4: "{n} mutasi lebih banyak",
}
WHY_PRICE_BETTER = {
    0: "{n} pegawai lebih sedikit tidak tertampung",
    1: "{n} tempat Prioritas 1 lebih banyak terisi",
    2: "{n} pegawai jatuh tempo lebih banyak dimutasi",
    3: "skor kesesuaian total naik {n} poin",
    4: "{n} mutasi lebih sedikit",
}
WHY_PRICE_WORSE_AT_MOST = {
    3: "skor kesesuaian total turun paling banyak {n} poin",
    4: "paling banyak {n} mutasi lebih banyak",
}
WHY_PRICE_GAIN = (
    "Menempatkan Anda di {what} atas ketetapan pimpinan (Kunci, yang tidak dihitung dalam batas perputaran "
    "unit) tidak merugikan rencana: {gains}."
)
WHY_PRICE_FEWER_MOVES = (
    "Menempatkan Anda di {what} menghasilkan rencana yang sama baiknya pada tingkat 0–3 dengan {n} mutasi "
    "lebih sedikit, selisih yang berada dalam toleransi optimasi rencana."
)
WHY_PRICE_TIE = (
    "Menempatkan Anda di {what} menghasilkan rencana yang sama baiknya pada setiap tingkat tujuan; perencana "
    "memilih salah satu dari rencana yang setara."
)
WHY_PRICE_WITHIN = (
    "Menempatkan Anda di {what} tidak merugikan tujuan rencana: skor kesesuaian total bahkan {n} poin lebih "
    "tinggi, selisih yang berada dalam toleransi optimasi rencana (± {tol} poin)."
)
WHY_PRICE_CHANGED = "Rencana pembanding itu mengubah pula penempatan {who}."
WHY_UNPLACED_SHORT = "tidak tertampung"
WHY_PRICE_CHANGE = "NIP {nip} ({nama}) dari {from} ke {to}"
WHY_PRICE_LEVELS_0_2 = "Tingkat 3–4 tidak dihitung, karena tingkat yang lebih tinggi telah menentukan."
WHY_PRICE_FRESH = (
    "Pembanding: rencana baru dari data putaran yang sama, karena rencana ini telah diubah sejak disusun."
)
WHY_PRICE_APPROXIMATE = "Perhitungan dibatasi waktu, sehingga hasilnya perkiraan."
WHY_PRICE_FULL_HELD = (
    "Penempatan di {kode} tidak dapat dipaksakan: seluruh tempatnya diduduki pegawai yang tidak dapat "
    "dipindahkan atau telah ditetapkan pimpinan."
)
WHY_PRICE_INFEASIBLE = (
    "Penempatan ini tidak dapat dipaksakan: bila ditetapkan, tidak ada rencana yang memenuhi semua batas "
    "(kapasitas, batas perputaran unit, Relasi, Kunci lain)."
)
WHY_PRICE_NO_PLAN = "Harga penempatan ini tidak dapat dihitung dalam batas waktu."
WHY_PRICE_SKIPPED = "Harga penempatan ini tidak dihitung: batas waktu penjelasan ({seconds} detik) telah habis."
WHY_FOOT = (
    "Harga setiap penempatan dihitung dengan menyusun ulang rencana seolah-olah penempatan itu ditetapkan "
    "pimpinan (Kunci): {count} kali, {seconds} detik."
)
#: a position
WHY_POS_HOLDERS = (
    "Setelah mutasi jabatan ini diduduki {after} orang dari formasi {formasi} ({before} orang sebelum "
    "mutasi); Prioritas {prioritas}."
)
WHY_POS_DIHAPUS = (
    "Jabatan ini berstatus Dihapus: tidak menerima pegawai baru, dan pemangkunya harus dipindahkan."
)
WHY_CAME_FROM = "pindahan dari {kode} ({unit})"
WHY_STAYED = "tetap"
WHY_POS_EMPTY = "{empty} tempat tetap lowong setelah mutasi. Jalur pengisian: {route}."
WHY_POS_REASON = "Alasan: {reason} (dasar hukum: {sources})."
WHY_POS_ACTION = "Yang dapat dilakukan: {text} ({source})."
WHY_POS_CANDIDATES = "{count} pegawai memenuhi syarat jabatan ini; {shown} dengan skor kesesuaian tertinggi:"
WHY_POS_NOBODY = (
    "Tidak ada pegawai yang memenuhi syarat. Dari {count} pegawai dengan jenis dan jenjang jabatan yang sama, "
    "aturan berikut menghalangi:"
)
#: what stopped one eligible person from taking an empty place (VACANCY_STOP, told of one person)
WHY_STOP = {
    "larangan": "dilarang ditempatkan di sini (sheet Larangan)",
    "unplaced": "tidak tertampung",
    "kunci": "ditetapkan pimpinan (Kunci)",
    "held": "tertahan aturan: {rule}",
    "moved_p1": "dipindahkan ke tempat Prioritas 1 lain: {kode} ({unit}), skor kesesuaian {points}",
    "moved": "dipindahkan ke {kode} ({unit}), skor kesesuaian {points}",
    "cap": "tertahan batas perputaran unit {unit}",
    "relasi": "terhalang ketentuan relasi (konflik kepentingan)",
    "own_p1": "menduduki jabatan Prioritas 1 yang lebih dibutuhkan",
    "own_needed": "menduduki jabatan yang sama atau lebih dibutuhkan (Prioritas {prioritas})",
    "stay_fit": "lebih sesuai di jabatannya sendiri (skor kesesuaian {own}, di sini {here})",
}
WHY_ROUTE_PELAKSANA = (
    "Pengadaan/penataan",
    "Tidak ada pelaksana yang memenuhi syarat untuk dirotasi ke sini: tinjau syarat jabatan (golongan, "
    "pendidikan) atau usulkan kebutuhannya dalam penyusunan kebutuhan dan pengadaan ASN",
    "PP 11/2017 jo. PP 17/2020 (penyusunan kebutuhan dan pengadaan PNS); UU 20/2023 (manajemen ASN)",
)
# end of explain (mutasi_cli.review.inquiry)

# --- re-planning after review (mutasi_cli.review.replan) ---------------------------------------------------------
#: the column of Daftar Mutasi and the sheet a re-plan adds
REVIEW_COLUMN = "Hasil Tinjauan"
REVIEW_SHEET = "Hasil Tinjauan"
REVIEW_MARKS = {
    "tetap": "Dipertahankan (disetujui tim penilai)",
    "baru": "Baru (tidak ada dalam rencana yang ditinjau)",
    "berubah": "Berubah (usulan semula ditolak)",
    "batal": "Batal (usulan ditolak; pegawai tetap pada jabatannya)",
}
REVIEW_DECISIONS = {"disetujui": "Disetujui", "tidak": "Ditolak (Setuju = Tidak)", "dihapus": "Baris dihapus"}
REVIEW_NO_ROW = "-"
REVIEW_STAYS = "Tetap pada jabatannya"
REVIEW_UNPLACED = "Tidak tertampung"
REVIEW_WHY_KEPT = "Usulan disetujui dan dipertahankan apa adanya."
REVIEW_WHY_DROPPED = "Usulan ditolak; mutasi ini tidak dilakukan."
REVIEW_WHY_CHANGED = "Usulan semula ke {kode} ditolak; kini: {keterangan}."
REVIEW_WHY_NEW = "Mutasi baru untuk menggantikan yang ditolak: {keterangan}."
REVIEW_P1_EMPTY = (
    "Penolakan usulan ini membuat jabatan Prioritas 1 {kode} ({nama}, {unit}) tetap lowong: {empty} dari "
    "Formasi {formasi} tempat kosong setelah mutasi, dan tidak ada pegawai lain yang dapat mengisinya."
)
REVIEW_NOTE_KEPT = "Disetujui tim penilai pada rencana yang ditinjau"
REVIEW_TERMINAL = (
    "Hasil tinjauan: {tetap} dipertahankan, {baru} baru, {berubah} berubah, {batal} batal; "
    "{changes} perubahan terhadap rencana yang ditinjau."
)
#: ``explain`` of a person in a re-plan after review (mutasi_cli.review.inquiry)
WHY_REVIEW_DECISION = {"tidak": "ditolak tim penilai", "dihapus": "dihapus dari Daftar Mutasi oleh tim penilai"}
WHY_REVIEW = {
    "tetap": "Tinjauan: usulan mutasi Anda ke {kode} disetujui tim penilai dan dipertahankan.",
    "berubah": "Tinjauan: usulan semula ke {kode} {decision}; rencana baru menempatkan Anda seperti di atas.",
    "batal": "Tinjauan: usulan mutasi Anda ke {kode} {decision}; Anda tetap pada jabatan semula.",
    "baru": "Tinjauan: mutasi ini baru dalam rencana setelah tinjauan, untuk menggantikan usulan yang tidak "
    "dilakukan.",
}
WHY_DETAIL_REJECTED = "usulan mutasi ini ditolak tim penilai pada rencana yang ditinjau ({sheet} baris {row})"
