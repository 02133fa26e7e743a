"""`mutasi sk` and `mutasi export siasn`: decrees drafted from a plan after the analyst's review."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from builders import EFFECTIVE, append_rows, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.outputs import decree
from mutasi_cli.outputs.decree import (
    DecreeError,
    DecreeSettings,
    PlanError,
    read_reviewed_plan,
    write_decrees,
)
from mutasi_cli.outputs.siasn_export import SIASN_COLUMNS
from mutasi_cli.support.messages import PUBLIC_REASON_NEUTRAL

runner = CliRunner()
SPECIAL = "=Siti Aminah & Ma'ruf <Budi>"
EDITED = "Diedit analis: alasan <khusus> & 'rotasi' berkala"
NIP_CELL = re.compile(r"NIP\. (\d+)")


# --- a planned round, then reviewed --------------------------------------------------------------


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> Path:
    """The `mutasi plan` workbook of a round where every one of six due people can rotate. Each wishes
    the unit of the post before theirs (the first one the empty Prioritas-1 post), so the plan is one
    chain P5 → P4 → … → P0 → V: a review may reject or delete moves from its start only (see
    :func:`chain`), anything else leaves two people in one post and `sk` refuses it."""
    tmp = tmp_path_factory.mktemp("plan")
    units = ["Dinas Pendidikan", "Dinas Kesehatan", "BPKAD", "Bappeda", "Inspektorat", "Dinas Sosial"]
    positions = [position(f"P{i}", u) for i, u in enumerate(units)]
    positions.append(position("V", "BKPSDMD", Prioritas=1))
    wishes = ["BKPSDMD", *units[:-1]]
    people = [
        person(i + 1, f"P{i}", years=6, **{"Pilihan 1": wishes[i]}, **({"nama": SPECIAL} if i == 0 else {}))
        for i in range(len(units))
    ]
    wb = write_workbook(tmp / "round.xlsx", people, positions)
    out = tmp / "rencana.xlsx"
    result = runner.invoke(
        app, ["plan", str(wb), str(wb), "-o", str(out), "--effective-date", EFFECTIVE.isoformat(), "-q"]
    )
    assert result.exit_code == 0, result.output
    return out


def plan_rows(path: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)["Daftar Mutasi"]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def review(
    planned: Path,
    out: Path,
    *,
    reject: int | None = None,
    delete: int | None = None,
    edit: int | None = None,
    setuju: dict[int, object] | None = None,
    nip_as_number: int | None = None,
    drop_parameter: bool = False,
) -> Path:
    """What an analyst does: reorder the columns, add Setuju, mark a row Tidak, delete a row, edit a
    Keterangan (row indexes are 0-based positions in the planned list)."""
    book = openpyxl.load_workbook(planned)
    rows = plan_rows(planned)
    if reject is not None:
        rows[reject]["Setuju"] = "tidak"
    if edit is not None:
        rows[edit]["Keterangan"] = EDITED
    for i, value in (setuju or {}).items():
        rows[i]["Setuju"] = value
    if nip_as_number is not None:
        rows[nip_as_number]["NIP"] = float(str(rows[nip_as_number]["NIP"]))
    if delete is not None:
        del rows[delete]
    headers = ["Setuju", *reversed([h for h in rows[0] if h != "Setuju"])]
    del book["Daftar Mutasi"]
    append_rows(book.create_sheet("Daftar Mutasi", 1), headers, rows)
    if drop_parameter:
        del book["Parameter"]
    book.save(out)
    return out


def approved(planned: Path, *, reject: int, delete: int) -> list[dict[str, object]]:
    rows = plan_rows(planned)
    return [r for i, r in enumerate(rows) if i not in {reject, delete}]


def attachment(doc_path: Path) -> list[list[str]]:
    """The data rows of the attachment table (its two header rows left out). The last row is one cell
    holding a one-row table (the last person) above the signature block, so that they print together."""
    table = Document(str(doc_path)).tables[-1]
    assert [c.text for c in table.rows[0].cells][:2] == ["NO", "NAMA / NIP"]
    assert [c.text for c in table.rows[1].cells] == ["1", "2", "3", "4", "5", "6"]
    rows = [row.cells[0].tables[0].rows[0] if row.cells[0].tables else row for row in table.rows[2:]]
    return [[c.text for c in row.cells] for row in rows]


def all_text(doc_path: Path) -> str:
    doc = Document(str(doc_path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def write_config(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def chain(planned: Path) -> list[int]:
    """The planned rows (0-based positions) in the order of the rotation chain, from the move out of the
    post nobody enters to the move into the vacancy: rejecting or deleting a prefix of it is a review
    that keeps one person per post."""
    rows = plan_rows(planned)
    entered = {r["Kode Jabatan Baru"] for r in rows}
    by_origin = {r["Kode Jabatan Lama"]: i for i, r in enumerate(rows)}
    (i,) = [i for i, r in enumerate(rows) if r["Kode Jabatan Lama"] not in entered]
    order = [i]
    while rows[order[-1]]["Kode Jabatan Baru"] in by_origin:
        order.append(by_origin[rows[order[-1]]["Kode Jabatan Baru"]])
    assert sorted(order) == list(range(len(rows)))
    return order


def pick(planned: Path) -> tuple[int, int, int]:
    """(rejected, deleted, edited) row positions: the first two moves of the chain (so the review stays a
    valid plan) and the third; the person with the special name, at the chain's end, stays approved."""
    first, second, third, *_ = chain(planned)
    assert SPECIAL not in {plan_rows(planned)[i]["Nama"] for i in (first, second, third)}
    return first, second, third


@pytest.fixture
def reviewed(planned, tmp_path) -> Path:
    reject, delete, edit = pick(planned)
    return review(
        planned, tmp_path / "ditinjau.xlsx", reject=reject, delete=delete, edit=edit, setuju={edit: "YA"}
    )


def kept(planned: Path) -> list[dict[str, object]]:
    reject, delete, _ = pick(planned)
    return approved(planned, reject=reject, delete=delete)


# --- the decree ----------------------------------------------------------------------------------


def test_plan_has_enough_moves(planned):
    assert len(plan_rows(planned)) >= 5


def test_one_attachment_row_per_approved_move(planned, reviewed, tmp_path):
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    decrees = sorted(out.glob("SK_*.docx"))
    assert len(decrees) == 1
    rows = attachment(decrees[0])
    expected = kept(planned)
    assert len(rows) == len(expected)
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    nips = [NIP_CELL.search(r[1]).group(1) for r in rows]  # type: ignore[union-attr]
    assert nips == [str(r["NIP"]) for r in expected]  # same order, rejected and deleted rows absent
    assert all(len(n) == 18 and n.isdigit() for n in nips)
    removed = {str(r["NIP"]) for i, r in enumerate(plan_rows(planned)) if i in pick(planned)[:2]}
    assert not removed & set(nips)
    for row, move in zip(rows, expected):
        assert row[1].startswith(f"{move['Nama']}\n")
        assert row[2] == move["Pangkat/Gol. Ruang"]
        assert row[3] == f"{move['Jabatan Lama']}\npada {move['Unit Kerja Lama']}"
        assert row[4] == f"{move['Jabatan Baru']}\npada {move['Unit Kerja Baru']}"


def test_special_characters_and_edits_survive(planned, reviewed, tmp_path):
    """Names keep every character; an edited Keterangan that is not one of the public phrases
    (messages.PUBLIC_REASONS) is not carried into the decree, and `sk` names its row."""
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = attachment(next(out.glob("SK_*.docx")))
    names = [r[1].split("\n")[0] for r in rows]
    assert SPECIAL in names
    assert EDITED not in [r[5] for r in rows] and PUBLIC_REASON_NEUTRAL in [r[5] for r in rows]
    edited = str(plan_rows(planned)[pick(planned)[2]]["NIP"])
    edited_row = [str(r["NIP"]) for r in plan_rows(reviewed)].index(edited) + 2
    assert f"(baris {edited_row})" in " ".join(result.stderr.split())
    # the petikan of the person with the special name, and of the edited row
    special_nip = next(str(r["NIP"]) for r in plan_rows(planned) if r["Nama"] == SPECIAL)
    petikan = next((out / "petikan").glob(f"Petikan_{special_nip}_*.docx"))
    text = all_text(petikan)
    assert SPECIAL in text and "Siti Aminah & Ma'ruf" in text and "<Budi>" in text
    assert special_nip in text
    edited_nip = str(plan_rows(planned)[pick(planned)[2]]["NIP"])
    assert EDITED not in all_text(next((out / "petikan").glob(f"Petikan_{edited_nip}_*.docx")))
    # escaped once, not twice: no entity text left in the document's XML
    with zipfile.ZipFile(petikan) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "&amp;amp;" not in xml and "&amp;#39;" not in xml and "&amp;lt;" not in xml


def test_petikan_count_is_the_number_of_approved_moves(planned, reviewed, tmp_path):
    out = tmp_path / "sk"
    assert runner.invoke(app, ["sk", str(reviewed), "-o", str(out)]).exit_code == 0
    petikan = sorted((out / "petikan").glob("*.docx"))
    expected = kept(planned)
    assert len(petikan) == len(expected)
    assert {p.name.split("_")[1] for p in petikan} == {str(r["NIP"]) for r in expected}
    for p in petikan:
        nip = p.name.split("_")[1]
        assert f"NIP. {nip}" in all_text(p) or nip in all_text(p)


def test_number_pattern_date_and_bupati_from_config(reviewed, tmp_path):
    cfg = write_config(
        tmp_path / "mutasi.toml",
        '[sk]\npola_nomor = "800.1.3.3/{nomor}/BKPSDMD-X/{tahun}"\nnomor_awal = 7\ndigit_nomor = 4\n'
        'tanggal = 2026-11-20\nbupati = "H. Nama & Gelar"\n',
    )
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    text = all_text(next(out.glob("SK_*.docx")))
    assert "NOMOR 800.1.3.3/0007/BKPSDMD-X/2026" in text
    assert "pada tanggal 20 November 2026" in text
    assert "H. Nama & Gelar" in text
    assert "KEPUTUSAN BUPATI BUNGO" in text and "MEMUTUSKAN:" in text and "KESATU" in text
    assert "Ditetapkan di Muara Bungo" in text and "Tembusan:" in text
    petikan = next((out / "petikan").glob("*.docx"))
    assert "800.1.3.3/0007/BKPSDMD-X/2026" in all_text(petikan)


def test_default_number_is_left_to_fill_in(reviewed, tmp_path):
    out = tmp_path / "sk"
    assert runner.invoke(app, ["sk", str(reviewed), "-o", str(out)]).exit_code == 0
    text = all_text(next(out.glob("SK_*.docx")))
    assert f"NOMOR 800.1.3.3/{decree.PLACEHOLDER}/BKPSDMD/{EFFECTIVE.year}" in text


def test_one_decree_per_unit(planned, reviewed, tmp_path):
    cfg = write_config(tmp_path / "mutasi.toml", "[sk]\nper_unit = true\nnomor_awal = 48\n")
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    expected = kept(planned)
    units = list(dict.fromkeys(str(r["Unit Kerja Baru"]) for r in expected))
    decrees = sorted(out.glob("SK_*.docx"))
    assert len(decrees) == len(units) > 1
    seen_rows = 0
    for number, (path, unit) in enumerate(zip(decrees, units), start=48):
        text = all_text(path)
        assert f"NOMOR 800.1.3.3/{number:03d}/BKPSDMD/2026" in text
        assert f"UNIT KERJA TUJUAN: {unit}" in text
        rows = attachment(path)
        assert rows and all(r[4].endswith(f"pada {unit}") for r in rows)
        assert rows[0][0] == "1"
        seen_rows += len(rows)
    assert seen_rows == len(expected)
    assert len(list((out / "petikan").glob("*.docx"))) == len(expected)


def test_library_reads_the_review(planned, reviewed):
    plan = read_reviewed_plan(reviewed)
    assert plan.rejected == 1
    assert plan.effective_date == EFFECTIVE
    assert [m.nip for m in plan.moves] == [str(r["NIP"]) for r in kept(planned)]


def test_no_field_codes_or_formulas_in_the_documents(reviewed, tmp_path):
    drafts = write_decrees(read_reviewed_plan(reviewed), tmp_path / "sk")
    for path in drafts.all:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        assert "instrText" not in xml and "fldSimple" not in xml, path
        assert "{{" not in xml and "{%" not in xml, path  # every template tag rendered


# --- invalid reviewed plans ----------------------------------------------------------------------


def test_nip_as_number_is_an_error_naming_the_row(planned, tmp_path):
    bad = review(planned, tmp_path / "angka.xlsx", nip_as_number=2)
    result = runner.invoke(app, ["sk", str(bad), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 1, result.output
    assert "baris 4" in result.stderr and "'NIP'" in result.stderr and "Daftar Mutasi" in result.stderr
    assert str(bad) in result.stderr.replace("\n", "")
    assert not (tmp_path / "sk").exists()
    with pytest.raises(PlanError) as info:
        read_reviewed_plan(bad)
    assert [(i.code, i.sheet, i.row, i.column) for i in info.value.issues] == [
        ("nip-as-number", "Daftar Mutasi", 4, "NIP")
    ]
    siasn = runner.invoke(app, ["export", "siasn", str(bad), "-o", str(tmp_path / "s.csv")])
    assert siasn.exit_code == 1 and "baris 4" in siasn.stderr


def test_unknown_setuju_value_is_an_error(planned, tmp_path):
    bad = review(planned, tmp_path / "setuju.xlsx", setuju={1: "mungkin"})
    with pytest.raises(PlanError) as info:
        read_reviewed_plan(bad)
    assert [(i.code, i.row, i.column) for i in info.value.issues] == [("invalid-setuju", 3, "Setuju")]


def test_missing_sheet_column_and_file(planned, tmp_path):
    book = openpyxl.load_workbook(planned)
    ws = book["Daftar Mutasi"]
    ws.delete_cols([c.value for c in ws[1]].index("Jabatan Baru") + 1)
    book.save(tmp_path / "kolom.xlsx")
    with pytest.raises(PlanError) as info:
        read_reviewed_plan(tmp_path / "kolom.xlsx")
    assert [(i.code, i.row) for i in info.value.issues] == [("missing-column", 1)]
    del book["Daftar Mutasi"]
    book.save(tmp_path / "sheet.xlsx")
    result = runner.invoke(app, ["sk", str(tmp_path / "sheet.xlsx")])
    assert result.exit_code == 1 and "Daftar Mutasi" in result.stderr
    assert runner.invoke(app, ["sk", str(tmp_path / "tidak_ada.xlsx")]).exit_code == 1


def test_a_plan_without_its_parameter_sheet_is_refused(planned, tmp_path):
    """Without Parameter the plan's round cannot be found, so the plan cannot be checked: neither a
    decree nor an upload file is made from it, whatever [sk] says (the TMT included)."""
    bare = review(planned, tmp_path / "tanpa_parameter.xlsx", drop_parameter=True)
    cfg = write_config(tmp_path / "mutasi.toml", "[sk]\ntmt = 2027-01-02\n")
    out = tmp_path / "s.csv"
    for args in (
        ["export", "siasn", str(bare), "-o", str(out)],
        ["sk", str(bare), "-o", str(tmp_path / "sk")],
    ):
        result = runner.invoke(app, [*args, "--config", str(cfg)])
        assert result.exit_code == 1, result.output
        assert "Parameter" in result.stderr and "mutasi plan" in result.stderr
    assert not out.exists() and not (tmp_path / "sk").exists()


def test_tmt_from_config_overrides_the_effective_date(reviewed, tmp_path):
    cfg = write_config(
        tmp_path / "mutasi.toml", "[sk]\ntmt = 2027-01-02\nnomor_awal = 5\ntanggal = 2026-12-20\n"
    )
    out = tmp_path / "s.csv"
    result = runner.invoke(app, ["export", "siasn", str(reviewed), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "02-01-2027" in out.read_text(encoding="utf-8-sig")


def test_bad_settings(tmp_path, reviewed):
    with pytest.raises(DecreeError) as info:
        DecreeSettings.from_toml({"nomer_awal": 3})
    assert info.value.code == "sk-unknown-key"
    with pytest.raises(DecreeError) as info:
        DecreeSettings.from_toml({"pola_nomor": "800/{no}/{tahun}"})
    assert info.value.code == "sk-invalid-pattern"
    with pytest.raises(DecreeError) as info:
        DecreeSettings.from_toml({"per_unit": "ya"})
    assert info.value.code == "sk-invalid-value"
    cfg = write_config(tmp_path / "mutasi.toml", "[sk]\nnomor_awal = -1\n")
    result = runner.invoke(app, ["sk", str(reviewed), "--config", str(cfg), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 1 and "nomor_awal" in result.stderr


def test_custom_template_with_an_unknown_variable(reviewed, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ nomor }} {{ variabel_keliru }}")
    doc.save(str(tmp_path / "t.docx"))
    result = runner.invoke(
        app, ["sk", str(reviewed), "-o", str(tmp_path / "sk"), "--template", str(tmp_path / "t.docx")]
    )
    assert result.exit_code == 1
    assert "variabel_keliru" in result.stderr


def test_every_new_command_has_help():
    for command in (["sk"], ["export"], ["export", "siasn"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Penggunaan:" in result.output and "Usage" not in result.output


# --- SIASN export --------------------------------------------------------------------------------


def test_siasn_csv_columns_and_contents(planned, reviewed, tmp_path):
    cfg = write_config(
        tmp_path / "mutasi.toml", "[sk]\nnomor_awal = 5\ntanggal = 2026-11-20\nper_unit = true\n"
    )
    out = tmp_path / "siasn.csv"
    result = runner.invoke(app, ["export", "siasn", str(reviewed), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == SIASN_COLUMNS
    expected = kept(planned)
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    units = list(dict.fromkeys(str(r["Unit Kerja Baru"]) for r in expected))
    assert sorted(r["NIP BARU"] for r in body) == sorted(str(r["NIP"]) for r in expected)
    for r in body:
        move = next(m for m in expected if str(m["NIP"]) == r["NIP BARU"])
        assert len(r["NIP BARU"]) == 18 and r["NIP BARU"].isdigit()
        assert r["JABATAN NAMA"] == move["Jabatan Baru"]
        assert r["KODE JABATAN"] == move["Kode Jabatan Baru"]
        assert r["UNOR NAMA"] == move["Unit Kerja Baru"]
        assert r["NOMOR SK"] == f"800.1.3.3/{5 + units.index(r['UNOR NAMA']):03d}/BKPSDMD/2026"
        assert (r["TANGGAL SK"], r["TMT JABATAN"]) == ("20-11-2026", EFFECTIVE.strftime("%d-%m-%Y"))
    # no cell a spreadsheet would take for a formula; the name keeps its text behind an apostrophe
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert f"'{SPECIAL}" in [r["NAMA"] for r in body]


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_without_libreoffice_says_how_to_install(reviewed, tmp_path, monkeypatch):
    monkeypatch.setattr(decree.shutil, "which", lambda name: None)
    result = runner.invoke(app, ["sk", str(reviewed), "-o", str(tmp_path / "sk"), "--pdf"])
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "sudo apt install libreoffice-writer" in message
    assert "Traceback" not in result.output
    assert not (tmp_path / "sk").exists()


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_pdf_conversion(planned, tmp_path):
    small = review(planned, tmp_path / "kecil.xlsx", setuju={i: "Tidak" for i in chain(planned)[:4]})
    out = tmp_path / "sk"
    result = runner.invoke(app, ["sk", str(small), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    docx = sorted(out.rglob("*.docx"))
    assert len(docx) == 3
    for path in docx:
        pdf = path.with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
