"""Decrees a Bagian Hukum would pass, and nothing internal in them (issue 15, items 2–4).

One small round planned with `mutasi plan` has every kind of decree: two JPT who swap posts, three PNS
(one moved by a Kunci that breaks the tenure rule, so the plan's Catatan Internal says so), and one
PPPK. The drafts are read back with python-docx (and every XML part as text); the SIASN export is
refused while the decree's number or date would be dots. Where LibreOffice is installed, the sample
round's decree is printed to PDF and read with pdftotext: no attachment row is split across pages.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from builders import EFFECTIVE, append_rows, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.outputs.decree import (
    DEFAULT_MENGINGAT,
    DEFAULT_MENGINGAT_PPPK,
    PLACEHOLDER,
    DecreeSettings,
    convert_to_pdf,
    public_keterangan,
    read_reviewed_plan,
    write_decrees,
)
from mutasi_cli.support import messages

runner = CliRunner()
DIKTUM = re.compile(r"^(Menetapkan|KESATU|KEDUA|KETIGA|KEEMPAT)\t:\t(.*)$", re.S)
TITLES = {
    "JPT": "PEMINDAHAN PEJABAT PIMPINAN TINGGI PRATAMA",
    "PNS": "PEMINDAHAN PEGAWAI NEGERI SIPIL",
    "PPPK": "PEMINDAHAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA",
}
#: what must never reach a decree, a petikan or an upload file (CONTRACT.md "Output workbook")
INTERNAL_WORDS = (
    "kunci", "melanggar", "hukuman", "disiplin", "skor", "solver", "catatan internal", "prioritas",
    "jatuh tempo", "belum 2 tahun", "rahasia",
)  # fmt: skip
ANALYST_NOTE = "Sedang menjalani hukuman disiplin sedang; skor 12,5 menurut solver"
INTERNAL_NOTE = "Kunci melanggar aturan: rahasia pimpinan"
CONFIG = '[sk]\nnomor_awal = 48\ntanggal = 2026-11-20\nbupati = "H. NAMA BUPATI"\n'


# --- the round ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def round_plan(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("jenis")
    positions = [
        position("KD1", "Dinas Pendidikan", nama="Kepala Dinas Pendidikan", jenis="JPT Pratama", Eselon="II.b"),
        position("KD2", "Dinas Kesehatan", nama="Kepala Dinas Kesehatan", jenis="JPT Pratama", Eselon="II.b"),
        position("P0", "BPKAD", nama="Pengadministrasi Umum"),
        position("P1", "Bappeda", nama="Pengadministrasi Umum"),
        position("V", "BKPSDMD", nama="Pengadministrasi Umum", Prioritas=1),
        position("P3", "Inspektorat", nama="Pengolah Data"),
        position("V2", "Bappeda", nama="Pengolah Data"),
        position("PL1", "RSUD H. Hanafie", nama="Perawat Ahli Pertama", jenis="Fungsional", Jenjang="Ahli Pertama"),
        position(
            "PL2", "Puskesmas Muara Bungo I", nama="Perawat Ahli Pertama", jenis="Fungsional",
            Jenjang="Ahli Pertama", Prioritas=1,
        ),
    ]  # fmt: skip
    people = [
        person(1, "KD1", gol="IV/b", nama="Drs. Ahmad Jaya, M.Si.", **{"Pilihan 1": "Dinas Kesehatan"}),
        person(2, "KD2", gol="IV/b", nama="dr. Rina Sari, M.Kes.", **{"Pilihan 1": "Dinas Pendidikan"}),
        person(3, "P0", nama="Budi Santoso"),
        person(4, "P1", nama="Siti Aminah"),
        person(5, "P3", years=1, nama="Candra Wijaya"),  # moved by a Kunci within 2 years: internal
        person(6, "PL1", gol="IX", nama="Dewi Lestari, S.Kep.", **{"Jenis ASN": "PPPK"}),
    ]
    wb = write_workbook(
        tmp / "round.xlsx", people, positions, Kunci=[{"NIP": people[4]["NIP"], "Kode Jabatan": "V2"}]
    )
    out = tmp / "rencana.xlsx"
    result = runner.invoke(
        app, ["plan", str(wb), str(wb), "-o", str(out), "--effective-date", EFFECTIVE.isoformat(), "-q"]
    )
    assert result.exit_code == 0, result.output
    return out


def plan_rows(path: Path) -> list[dict[str, object]]:
    rows = list(openpyxl.load_workbook(path)["Daftar Mutasi"].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.fixture(scope="module")
def reviewed(round_plan, tmp_path_factory) -> tuple[Path, str]:
    """The analyst's review: internal words in every Catatan Internal, and an internal note typed into
    one Keterangan (the PNS moved by the Kunci). Returns (the workbook, that row's NIP)."""
    tmp = tmp_path_factory.mktemp("tinjau")
    rows = plan_rows(round_plan)
    edited = next(r for r in rows if r["Kode Jabatan Baru"] == "V2")
    edited["Keterangan"] = ANALYST_NOTE
    for r in rows:
        r["Catatan Internal"] = f"{r.get('Catatan Internal') or ''}; {INTERNAL_NOTE}"
    book = openpyxl.load_workbook(round_plan)
    del book["Daftar Mutasi"]
    append_rows(book.create_sheet("Daftar Mutasi", 1), list(rows[0]), rows)
    out = tmp / "ditinjau.xlsx"
    book.save(out)
    return out, str(edited["NIP"])


@pytest.fixture(scope="module")
def drafted(reviewed, tmp_path_factory):
    """`mutasi sk` on the review with the decree's number, date and regent set (no Perda: it warns)."""
    tmp = tmp_path_factory.mktemp("sk")
    cfg = tmp / "mutasi.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    out = tmp / "sk"
    result = runner.invoke(app, ["sk", str(reviewed[0]), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    return out, result


def decree_of(out: Path, kind: str) -> Path:
    (path,) = out.glob(f"SK_Mutasi_*_{kind}.docx")
    return path


def petikan_of(out: Path, nip: str) -> Path:
    (path,) = (out / "petikan").glob(f"Petikan_{nip}_*.docx")
    return path


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def diktum(path: Path) -> list[tuple[str, str]]:
    """(label, text) of Menetapkan and every diktum item, in order."""
    return [(m[1], m[2]) for t in paragraphs(path) if (m := DIKTUM.match(t))]


def attachment_rows(path: Path) -> list[list[str]]:
    """The attachment's data rows as cell texts; the last row's cells are in the one-row table that its
    single cell holds above the signature block."""
    table = Document(str(path)).tables[-1]
    rows = []
    for row in table.rows[2:]:
        inner = row.cells[0].tables
        rows.append([c.text for c in (inner[0].rows[0] if inner else row).cells])
    return rows


def xml_text(path: Path) -> str:
    """The text of every XML part of a .docx (body, headers, footers, properties …), tags removed."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


def internal_words(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The internal words in ``text`` once the legal citations ``allowed`` are taken out (PP 94/2021 on
    the discipline of PNS is a legal basis of the PNS decree, not a disclosure)."""
    for item in allowed:
        text = text.replace(item, " ")
    low = " ".join(text.split()).lower()
    return [w for w in INTERNAL_WORDS if w in low]


# --- one decree per kind, each with its own title and legal basis ------------------------------------


def test_one_decree_per_kind_with_its_title(round_plan, drafted):
    out, _ = drafted
    rows = plan_rows(round_plan)
    expected = {
        "JPT": {str(r["NIP"]) for r in rows if str(r["Kode Jabatan Baru"]).startswith("KD")},
        "PPPK": {str(r["NIP"]) for r in rows if r["Kode Jabatan Baru"] == "PL2"},
    }
    expected["PNS"] = {str(r["NIP"]) for r in rows} - expected["JPT"] - expected["PPPK"]
    assert all(expected.values())
    for number, kind in enumerate(("JPT", "PNS", "PPPK"), start=48):  # numbered JPT, PNS, PPPK
        path = decree_of(out, kind)
        text = paragraphs(path)
        assert f"NOMOR 800.1.3.3/{number:03d}/BKPSDMD/2026" in text
        assert TITLES[kind] in text  # the title under TENTANG
        assert ("Menetapkan", f"KEPUTUSAN BUPATI BUNGO TENTANG {TITLES[kind]} DI LINGKUNGAN PEMERINTAH "
                "KABUPATEN BUNGO.") in diktum(path)  # fmt: skip
        others = [t for k, t in TITLES.items() if k != kind]
        assert not any(t in "\n".join(text) for t in others)
        nips = {re.search(r"\d{18}", r[1])[0] for r in attachment_rows(path)}  # type: ignore[index]
        assert nips == expected[kind], kind


def test_each_kind_has_its_legal_basis(drafted):
    out, _ = drafted
    for kind, must, never in (
        ("PNS", ["Nomor 11 Tahun 2017", "Nomor 17 Tahun 2020", "Nomor 94 Tahun 2021"], ["Nomor 49 Tahun 2018"]),
        ("JPT", ["Nomor 11 Tahun 2017", "Nomor 17 Tahun 2020"], ["Nomor 49 Tahun 2018"]),
        ("PPPK", ["Peraturan Pemerintah Nomor 49 Tahun 2018", "Peraturan Presiden Nomor 38 Tahun 2020"],
         ["Nomor 11 Tahun 2017", "Disiplin Pegawai Negeri Sipil"]),
    ):  # fmt: skip
        doc = Document(str(decree_of(out, kind)))
        mengingat = doc.tables[0].rows[1].cells[2].text
        assert doc.tables[0].rows[1].cells[0].text == "Mengingat"
        assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in mengingat
        for item in must:
            assert item in mengingat, (kind, item)
        for item in never:
            assert item not in mengingat, (kind, item)
        # every amendment named; the Perda last, with dots while its number and year are not set
        assert "beserta perubahannya" not in mengingat
        assert "terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in mengingat
        last = mengingat.strip().split("\n")[-1]
        assert last.startswith(f"8.\tPeraturan Daerah Kabupaten Bungo Nomor {PLACEHOLDER} Tahun {PLACEHOLDER}") or (
            kind == "PPPK" and last.startswith("7.\tPeraturan Daerah Kabupaten Bungo Nomor")
        )  # fmt: skip


def test_the_perda_warns_until_set(reviewed, drafted, tmp_path):
    _, result = drafted
    warning = " ".join(result.stderr.split())
    assert "perda_nomor dan perda_tahun" in warning and "Peringatan:" in warning
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(
        CONFIG + 'perda_nomor = "9"\nperda_tahun = 2016\nperda_perubahan = "sebagaimana telah diubah '
        'dengan Peraturan Daerah Kabupaten Bungo Nomor 2 Tahun 2021"\n',
        encoding="utf-8",
    )
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(reviewed[0]), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "perda_nomor" not in result.stderr
    mengingat = Document(str(decree_of(out, "PNS"))).tables[0].rows[1].cells[2].text
    assert (
        "Peraturan Daerah Kabupaten Bungo Nomor 9 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
        "Daerah Kabupaten Bungo, sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Bungo Nomor 2 "
        "Tahun 2021;"
    ) in mengingat
    assert PLACEHOLDER not in mengingat


def test_an_unnamed_amendment_is_a_warning(reviewed, tmp_path):
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(
        '[sk]\nmengingat = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah beserta '
        'perubahannya"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["sk", str(reviewed[0]), "-o", str(tmp_path / "sk"), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    message = " ".join(result.stderr.split())
    assert "butir 1" in message and "[sk] mengingat" in message and "beserta perubahannya" in message


def test_tmt_in_the_diktum(reviewed, drafted, tmp_path):
    out, _ = drafted
    kedua = ("KEDUA", "Pemindahan sebagaimana dimaksud dalam Diktum KESATU berlaku terhitung mulai tanggal "
             "1 Desember 2026.")  # fmt: skip
    for path in [*out.glob("SK_*.docx"), *(out / "petikan").glob("*.docx")]:
        assert kedua in diktum(path), path.name
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(CONFIG + "tmt = 2027-01-02\n", encoding="utf-8")
    result = runner.invoke(app, ["sk", str(reviewed[0]), "-o", str(tmp_path / "sk"), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert dict(diktum(decree_of(tmp_path / "sk", "PNS")))["KEDUA"].endswith("mulai tanggal 2 Januari 2027.")


def test_each_petikan_is_a_true_extract_of_its_decree(drafted):
    out, _ = drafted
    seen = 0
    for kind in TITLES:
        path = decree_of(out, kind)
        items = diktum(path)
        assert [label for label, _ in items] == ["Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
        heading = paragraphs(path)[:12]
        for row in attachment_rows(path):
            nip = re.search(r"\d{18}", row[1])[0]  # type: ignore[index]
            petikan = petikan_of(out, nip)
            assert diktum(petikan) == items, petikan.name  # the same items, word for word, no more
            text = paragraphs(petikan)
            assert text[0] == "PETIKAN" and [t for t in text[2:14] if t] == [t for t in heading if t]
            assert f"Lampiran Keputusan ini, nomor urut {row[0]}:" in text
            person = {r.cells[1].text: r.cells[3].text for r in Document(str(petikan)).tables[1].rows}
            assert person["Nama"] == row[1].split("\n")[0]
            assert row[3] == f"{person['Jabatan Lama']}\npada {person['Unit Kerja Lama']}"
            assert row[4] == f"{person['Jabatan Baru']}\npada {person['Unit Kerja Baru']}"
            assert person["Keterangan"] == row[5]
            seen += 1
    assert seen == len(list((out / "petikan").glob("*.docx"))) == 6


def test_nip_for_pns_and_ni_pppk_for_pppk(drafted):
    out, _ = drafted
    for kind, label, field_label, column in (
        ("PNS", "NIP.", "NIP", "PANGKAT/GOL. RUANG"),
        ("JPT", "NIP.", "NIP", "PANGKAT/GOL. RUANG"),
        ("PPPK", "NI PPPK", "NI PPPK", "GOLONGAN"),
    ):
        path = decree_of(out, kind)
        header = [c.text for c in Document(str(path)).tables[-1].rows[0].cells]
        assert header[2] == column
        for row in attachment_rows(path):
            number = re.search(r"\d{18}", row[1])[0]  # type: ignore[index]
            assert row[1].split("\n")[1] == f"{label} {number}"
            person = {
                r.cells[1].text: r.cells[3].text
                for r in Document(str(petikan_of(out, number))).tables[1].rows
            }
            assert person[field_label] == number
            assert ("NI PPPK" in person) == (kind == "PPPK")


def test_the_attachment_has_a_tentang_line(drafted):
    out, _ = drafted
    for kind, title in TITLES.items():
        head = Document(str(decree_of(out, kind))).tables[-2]
        labels = {r.cells[0].text: r.cells[2].text for r in head.rows}
        assert list(labels) == ["LAMPIRAN", "NOMOR", "TANGGAL", "TENTANG"]
        assert labels["TENTANG"] == f"{title} DI LINGKUNGAN PEMERINTAH KABUPATEN BUNGO"
        assert labels["TANGGAL"] == "20 November 2026"


def test_attachment_rows_never_split_and_the_header_repeats(drafted):
    out, _ = drafted
    for path in out.glob("SK_*.docx"):
        table = Document(str(path)).tables[-1]
        rows = table._tbl.findall(qn("w:tr"))
        assert len(rows) == 2 + len(attachment_rows(path))
        for i, tr in enumerate(rows):
            tr_pr = tr.find(qn("w:trPr"))
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None, (path.name, i)
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (i < 2), (path.name, i)
        # the last row holds the last person and the signature block: they print on one page
        last = table.rows[-1].cells[0]
        assert last.tables and "BUPATI BUNGO," in [p.text for p in last.paragraphs]
        assert "H. NAMA BUPATI" in [p.text for p in last.paragraphs]


# --- public text only ----------------------------------------------------------------------------------


def test_no_internal_text_in_any_draft_or_export(reviewed, drafted, tmp_path):
    out, result = drafted
    allowed = (*DEFAULT_MENGINGAT, *DEFAULT_MENGINGAT_PPPK)
    drafts = [*out.glob("SK_*.docx"), *(out / "petikan").glob("*.docx")]
    assert len(drafts) == 9
    for path in drafts:
        text = xml_text(path)
        assert not internal_words(text, allowed), (path.name, internal_words(text, allowed))
        assert ANALYST_NOTE not in text and INTERNAL_NOTE not in text
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    csv_path = tmp_path / "siasn.csv"
    exported = runner.invoke(
        app, ["export", "siasn", str(reviewed[0]), "-o", str(csv_path), "--config", str(cfg)]
    )
    assert exported.exit_code == 0, exported.output
    assert not internal_words(csv_path.read_text(encoding="utf-8-sig"))


def test_a_keterangan_that_is_not_public_is_replaced_and_named(reviewed, drafted):
    out, result = drafted
    path, nip = reviewed
    row = next(r for r in plan_rows(path) if str(r["NIP"]) == nip)
    excel_row = [str(r["NIP"]) for r in plan_rows(path)].index(nip) + 2
    petikan = {r.cells[1].text: r.cells[3].text for r in Document(str(petikan_of(out, nip))).tables[1].rows}
    assert row["Keterangan"] == ANALYST_NOTE
    assert petikan["Keterangan"] == messages.PUBLIC_REASON_NEUTRAL
    warning = " ".join(result.stderr.split())
    assert f"1 baris sheet Daftar Mutasi (baris {excel_row})" in warning
    # the planner's own Keterangan are public phrases and pass unchanged
    for r in plan_rows(path):
        if str(r["NIP"]) != nip:
            shown = {
                x.cells[1].text: x.cells[3].text
                for x in Document(str(petikan_of(out, str(r["NIP"])))).tables[1].rows
            }
            assert shown["Keterangan"] == r["Keterangan"], r["Nama"]


@pytest.mark.parametrize(
    "written, shown, left_out",
    [
        ("Rotasi/penyegaran", "Rotasi/penyegaran", False),
        ("  mengisi KEBUTUHAN   formasi. ", "Mengisi kebutuhan formasi", False),
        ("Rotasi/penyegaran; Sesuai pilihan pegawai", "Rotasi/penyegaran; Sesuai pilihan pegawai", False),
        ("Rotasi/penyegaran; Kunci melanggar aturan: Golongan di luar rentang", "Rotasi/penyegaran", True),
        ("Telah menduduki jabatan 8 tahun\nAtas permintaan sendiri", "Atas permintaan sendiri", True),
        ("Sedang menjalani hukuman disiplin", messages.PUBLIC_REASON_NEUTRAL, True),
        ("", "", False),
    ],
)
def test_public_keterangan(written, shown, left_out):
    assert public_keterangan(written) == (shown, left_out)


# --- SIASN upload file ----------------------------------------------------------------------------


def test_export_refuses_placeholders_naming_the_keys(reviewed, tmp_path):
    out = tmp_path / "siasn.csv"
    for body, keys in (("", "nomor_awal dan tanggal"), ("[sk]\nnomor_awal = 48\n", "tanggal"),
                       ("[sk]\ntanggal = 2026-11-20\n", "nomor_awal")):  # fmt: skip
        cfg = tmp_path / "mutasi.toml"
        cfg.write_text(body, encoding="utf-8")
        result = runner.invoke(
            app, ["export", "siasn", str(reviewed[0]), "-o", str(out), "--config", str(cfg)]
        )
        assert result.exit_code == 1, result.output
        message = " ".join(result.stderr.split())
        assert keys in message and "[sk]" in message and "--draft" in message, message
        assert not out.exists()


def test_export_draft_writes_and_says_so(reviewed, tmp_path):
    out = tmp_path / "siasn.csv"
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("", encoding="utf-8")
    result = runner.invoke(
        app, ["export", "siasn", str(reviewed[0]), "-o", str(out), "--config", str(cfg), "--draft"]
    )
    assert result.exit_code == 0, result.output
    assert "DRAF" in result.stdout and "nomor_awal dan tanggal" in " ".join(result.stdout.split())
    body = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(body) == 6 and all(PLACEHOLDER in r["NOMOR SK"] and not r["TANGGAL SK"] for r in body)


def test_export_numbers_each_person_by_their_decree(reviewed, drafted, tmp_path):
    out_sk, _ = drafted
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "siasn.csv"
    result = runner.invoke(app, ["export", "siasn", str(reviewed[0]), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "DRAF" not in result.stdout
    text = out.read_text(encoding="utf-8-sig")
    assert "…" not in text and "..." not in text
    body = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [r["NIP BARU"] for r in body] == [
        str(r["NIP"]) for r in plan_rows(reviewed[0])
    ]  # the plan's order
    for kind in TITLES:
        path = decree_of(out_sk, kind)
        (nomor,) = [t[len("NOMOR ") :] for t in paragraphs(path) if t.startswith("NOMOR ")]
        for row in attachment_rows(path):
            nip = re.search(r"\d{18}", row[1])[0]  # type: ignore[index]
            (line,) = [r for r in body if r["NIP BARU"] == nip]
            assert (line["NOMOR SK"], line["TANGGAL SK"], line["TMT JABATAN"]) == (
                nomor,
                "20-11-2026",
                "01-12-2026",
            )


# --- printed: no row split across pages (LibreOffice) -------------------------------------------------


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice/poppler not installed"
)
def test_printed_attachment_rows_are_never_split(tmp_path):
    """The sample round's PNS decree (about 20 pages of attachment) printed by LibreOffice: on every
    page each person's number and name sit with their NIP line, every attachment page starts with the
    header, and the signature shares its page with the last row."""
    data = tmp_path / "data"
    assert runner.invoke(app, ["sample", "--size", "500", "--seed", "7", "-o", str(data)]).exit_code == 0
    plan = tmp_path / "rencana.xlsx"
    result = runner.invoke(
        app, ["plan", str(data / "pegawai.xlsx"), str(data / "jabatan.xlsx"), "-o", str(plan), "-q",
              "--effective-date", EFFECTIVE.isoformat()],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    drafts = write_decrees(read_reviewed_plan(plan), tmp_path / "sk", DecreeSettings(bupati="H. NAMA BUPATI"))
    path = max(drafts.decrees, key=lambda p: len(attachment_rows(p)))
    rows = attachment_rows(path)
    assert len(rows) > 60
    (pdf,) = convert_to_pdf([path])
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    text = pages.stdout.split("\f")
    where: dict[str, int] = {}
    for k, page in enumerate(text):
        lines = page.splitlines()
        for i, line in enumerate(lines):
            if found := re.search(r"(?:NIP\.|NI PPPK) (\d{18})", line):
                where[found[1]] = k
                above = lines[max(0, i - 3) : i]  # a long name may wrap onto a second line
                assert any(re.match(r"^\s*\d+\s+\S", a) for a in above), (k + 1, above, line)
    for no, cell, *_ in rows:
        name, number_line = cell.split("\n")[:2]
        number = number_line.split()[-1]
        page = text[where[number]]
        assert re.search(rf"^\s*{no}\s+{re.escape(name.split()[0])}", page, re.M), (no, name)
    attachment_pages = [k for k, page in enumerate(text) if "DAFTAR PEGAWAI" in page or "NAMA / NIP" in page]
    assert len(attachment_pages) > 2
    for k in attachment_pages:
        assert "NAMA / NIP" in text[k]
    last_row = rows[-1][1].split("\n")[1].split()[-1]
    signature = [k for k, page in enumerate(text) if "BUPATI BUNGO," in page and "Ditetapkan di" in page]
    assert where[last_row] == signature[-1]


# --- how the kind of a move is known ------------------------------------------------------------------


def test_kinds_without_the_round_inputs(reviewed, tmp_path):
    """The ASN kind is in the workbook (the grade the planner wrote, else the NIP); whether a move is
    between JPT posts needs the round's jabatan input. When it cannot be found the JPT moves are drafted
    with the PNS ones and the warning names them; columns Jenis Jabatan Lama/Baru in Daftar Mutasi (or
    the analyst's) stand in for the input."""
    book = openpyxl.load_workbook(reviewed[0])
    for row in book["Parameter"].iter_rows():
        if str(row[0].value).startswith("Berkas masukan"):
            row[1].value = str(tmp_path / "pindah" / "round.xlsx")
    moved = tmp_path / "tanpa_masukan.xlsx"
    book.save(moved)
    drafts = write_decrees(read_reviewed_plan(moved), tmp_path / "sk")
    assert [d.kind for d in drafts.round.decrees] == ["PNS", "PPPK"]
    (note,) = [w for w in drafts.warnings if "antar-JPT" in w]
    assert "6 mutasi (baris 2–7;" in note and "tidak ditemukan" in note  # no move's kind is known

    ws = book["Daftar Mutasi"]
    header = [c.value for c in ws[1]]
    kode = {name: header.index(name) + 1 for name in ("Kode Jabatan Lama", "Kode Jabatan Baru")}
    ws.cell(row=1, column=len(header) + 1, value="Jenis Jabatan Lama")
    ws.cell(row=1, column=len(header) + 2, value="Jenis Jabatan Baru")
    for r in range(2, ws.max_row + 1):
        for offset, column in ((1, kode["Kode Jabatan Lama"]), (2, kode["Kode Jabatan Baru"])):
            jpt = str(ws.cell(row=r, column=column).value).startswith("KD")
            ws.cell(row=r, column=len(header) + offset, value="JPT Pratama" if jpt else "Pelaksana")
    book.save(moved)
    drafts = write_decrees(read_reviewed_plan(moved), tmp_path / "sk2")
    assert [d.kind for d in drafts.round.decrees] == ["JPT", "PNS", "PPPK"]
    assert not [w for w in drafts.warnings if "antar-JPT" in w]


def test_the_shipped_templates_are_the_built_ones(tmp_path):
    """The .docx files in the package are what build_templates.py makes (byte for byte)."""
    import importlib.util

    from mutasi_cli.outputs.decree import default_template

    script = Path(default_template("sk_bungo.docx")).parent / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("sk_bungo.docx", "petikan_bungo.docx"):
        assert (tmp_path / name).read_bytes() == default_template(name).read_bytes(), name
