"""The rules of a move (CONTRACT.md rules 1–8) as named data: code, number, text and legal source.

Each rule is written here once; the filters that apply them (:mod:`mutasi_cli.rules.eligibility`), the
loader's check of Kunci rows, the verifier, the reasons and the reports all name a rule by its code and
read its text and source from :data:`RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mutasi_cli.domain import grades

if TYPE_CHECKING:
    from mutasi_cli.inputs.settings import RuleSettings


@dataclass(frozen=True)
class Rule:
    code: str
    number: str  # the rule's number in CONTRACT.md
    text: str  # Bahasa Indonesia, shown to the analyst; may name settings as {s.<field>}
    source: str

    def describe(self, s: RuleSettings) -> str:
        """The rule's text with the round's settings filled in."""
        return self.text.format(s=s, hukuman=" atau ".join(h.lower() for h in s.hukuman_menahan))


#: the government regulation on civil-servant management, as amended, cited by most rules
PP11 = "PP 11/2017 jo. PP 17/2020"
RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        # --- person rules: they keep a person in place ---------------------------------------------------
        Rule(
            "masa-jabatan",
            "1",
            "Belum {s.masa_minimal} tahun dalam jabatan saat ini",
            f"{PP11} Pasal 190 ayat (3); Perban BKN 5/2019 Pasal 2 ayat (3)",
        ),
        Rule(
            "pensiun",
            "2",
            "Mencapai batas usia pensiun dalam {s.jendela_pensiun} bulan",
            f"{PP11} Pasal 239 (batas usia pensiun); UU 14/2005 Pasal 40 ayat (4) (guru)",
        ),
        Rule(
            "hukuman-disiplin",
            "3",
            "Sedang menjalani hukuman disiplin tingkat {hukuman}",
            "PP 94/2021 Pasal 8",
        ),
        Rule(
            "kedudukan-hukum",
            "8",
            "Kedudukan hukum bukan Aktif (tugas belajar, cuti di luar tanggungan negara, pemberhentian "
            "sementara, masa persiapan pensiun, dan sebagainya)",
            f"{PP11} Pasal 190 (mutasi bagi PNS yang aktif); data SIASN KEDUDUKAN HUKUM",
        ),
        Rule("cpns", "8", "Masih CPNS dalam masa percobaan", f"{PP11} Pasal 34–37 (masa percobaan CPNS)"),
        # --- pair rules: they bar one destination ----------------------------------------------------------
        Rule(
            "pensiun-tujuan",
            "2",
            "Mencapai batas usia pensiun jabatan tujuan dalam {s.jendela_pensiun} bulan",
            f"{PP11} Pasal 239 (batas usia pensiun menurut jabatan)",
        ),
        Rule(
            "golongan",
            "4",
            "Golongan di luar rentang golongan jabatan",
            "PP 100/2000 jo. PP 13/2002 (eselon); ketentuan jenjang jabatan fungsional",
        ),
        Rule(
            "pendidikan",
            "5",
            "Pendidikan di bawah pendidikan minimal jabatan",
            f"{PP11} Pasal 190 ayat (4)",
        ),
        Rule("larangan", "6", "Dilarang ditempatkan di jabatan/unit ini (sheet Larangan)", "Keputusan PPK"),
        Rule("jabatan-dihapus", "6", "Jabatan berstatus Dihapus", "Keputusan PPK (penataan organisasi)"),
        Rule(
            "jpt-seleksi",
            "7",
            "Jabatan pimpinan tinggi hanya diisi melalui seleksi terbuka atau mutasi antar-JPT",
            f"{PP11} Pasal 107–119 (seleksi terbuka JPT)",
        ),
        Rule(
            "jenis-jabatan",
            "7",
            "Jenis jabatan tujuan berbeda: rotasi mempertahankan jenis jabatan (promosi, demosi dan alih "
            "jabatan menempuh prosedurnya sendiri)",
            f"{PP11} Pasal 190 ayat (4) (pola karier); PP 94/2021 Pasal 8 ayat (4)",
        ),
        Rule(
            "eselon",
            "7",
            "Eselon jabatan tujuan berbeda: naik eselon adalah promosi, turun eselon adalah demosi",
            f"{PP11} Pasal 190 ayat (4); PP 94/2021 Pasal 8 ayat (4)",
        ),
        Rule(
            "jf-berbeda",
            "7",
            "Jabatan fungsional tujuan berbeda: perpindahan ke jabatan fungsional lain menempuh prosedur "
            "perpindahan jabatan",
            "PermenPANRB 1/2023 (perpindahan jabatan fungsional)",
        ),
        Rule(
            "jenjang-jf",
            "7",
            "Jenjang jabatan fungsional tujuan berbeda: kenaikan jenjang bukan rotasi",
            f"PermenPANRB 1/2023; {PP11} Pasal 190 ayat (4)",
        ),
        Rule(
            "pppk-jabatan",
            "7",
            "PPPK hanya dapat dipindahkan ke jabatan yang sama di unit lain",
            "Perpres 38/2020; kebijakan PPPK 2025",
        ),
        Rule(
            "pppk-struktural",
            "7",
            "PPPK tidak dapat menduduki jabatan pimpinan tinggi, administrator atau pengawas",
            "Perpres 38/2020",
        ),
    )
}


def status_hold(kedudukan: str, cpns: bool, position_aktif: bool, s: RuleSettings) -> tuple[str, str] | None:
    """(what holds the person, legal source) when rule 8 keeps them in place, else None; the loader asks
    it for Kunci rows (a Kunci that moves such a person is an input error)."""
    if kedudukan != grades.KEDUDUKAN_AKTIF:
        return f"kedudukan hukumnya {kedudukan}", RULES["kedudukan-hukum"].source
    if cpns and not s.mutasi_cpns and position_aktif:
        return "ia masih CPNS dalam masa percobaan", RULES["cpns"].source
    return None


__all__ = ["RULES", "Rule", "status_hold"]
