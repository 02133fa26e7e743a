"""The plan workbook read back: public and internal text, Penjelasan, the reasons of Lowongan and Tidak
Dimutasi, row heights, alignment, print settings, the chart, Parameter in Bahasa, and (where
LibreOffice is installed) the printed page numbers."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from builders import EFFECTIVE, make_round, person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.outputs import explain
from mutasi_cli.outputs.report import LINE_HEIGHT, SHEETS, text_lines
from mutasi_cli.rules import scoring
from mutasi_cli.rules.eligibility import RULES, SETTING_LABELS, RuleSettings
from mutasi_cli.solve.planner import plan
from mutasi_cli.support import messages
from mutasi_cli.support.numbers import format_count, format_number, format_percent

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
DATE = ["--effective-date", "2026-12-01"]
runner = CliRunner()
#: words that belong in Catatan Internal only: the rules a Kunci breaks, sanctions, scores, solver notes
INTERNAL = ("Kunci", "melanggar", "hukuman", "Skor", "skor", "solver", "jatuh tempo setelah", "116")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("wb") / "rencana.xlsx"
    args = ["plan", str(SAMPLES / "pegawai.xlsx"), str(SAMPLES / "jabatan.xlsx"), "-o", str(out), "-q", *DATE]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def records(ws, header_row: int = 1) -> list[dict]:
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v is not None for v in r)]


def phrases(keterangan: str) -> list[str]:
    return [p.strip() for p in keterangan.split(";") if p.strip()]


# --- public and internal text -------------------------------------------------------------------------
def test_every_keterangan_is_a_public_phrase(book) -> None:
    moves = records(book["Daftar Mutasi"])
    assert moves
    public = set(messages.PUBLIC_REASONS)
    for m in moves:
        assert set(phrases(m["Keterangan"])) <= public, m["Keterangan"]
        assert not any(w in m["Keterangan"] for w in INTERNAL)
    lampiran = [r[5] for r in book["Lampiran SK"].iter_rows(min_row=8, max_col=6, values_only=True)
                if isinstance(r[0], int)]  # fmt: skip
    assert lampiran == [m["Keterangan"] for m in moves]
    # the facts behind the phrases are kept, internally
    notes = " ".join(str(m["Catatan Internal"] or "") for m in moves)
    assert "Skor kesesuaian" in notes and "jatuh tempo setelah" in notes


def test_reason_constants_are_public_phrases() -> None:
    for name in ("REASON_KUNCI", "REASON_DIHAPUS", "REASON_PRIORITY1", "REASON_FILL", "REASON_ROTATION",
                 "REASON_WISH", "REASON_HOME", "REASON_FIT", "REASON_CAREER"):  # fmt: skip
        assert getattr(messages, name) in messages.PUBLIC_REASONS, name


def _kunci_round():
    """A Kunci moves a person under two years in post (breaking rule 1) into another unit."""
    people = [person(1, "A1", years=1, **{"Kecamatan Domisili": "Rimbo Tengah"})]
    positions = [
        position("A1", "Unit A", Kecamatan="Pelepat"),
        position("B1", "Unit B", Kecamatan="Rimbo Tengah", Prioritas=1),
    ]
    return make_round(people, positions, Kunci=[{"NIP": people[0]["NIP"], "Kode Jabatan": "B1"}])


def test_kunci_rules_stay_internal_and_out_of_penjelasan() -> None:
    rnd = _kunci_round()
    res = plan(rnd)
    [move] = explain.moves(rnd, res).to_dict("records")
    broken = RULES["masa-jabatan"].describe(rnd.rules)
    assert broken in move["Catatan Internal"] and broken not in move["Keterangan"]
    assert set(phrases(move["Keterangan"])) <= set(messages.PUBLIC_REASONS)
    assert messages.REASON_KUNCI in move["Keterangan"] and messages.REASON_HOME in move["Keterangan"]
    [row] = explain.explanations(rnd, res).to_dict("records")
    text = row["Penjelasan"]
    assert broken not in text and "melanggar" not in text and "Kunci" not in text
    assert "penugasan pimpinan" in text and "Unit B" in text and "Rimbo Tengah" in text


# --- Penjelasan ----------------------------------------------------------------------------------------
def test_penjelasan_one_row_per_move_naming_the_unit_and_the_gain(book) -> None:
    moves = records(book["Daftar Mutasi"])
    told = records(book["Penjelasan"])
    assert list(told[0]) == explain.EXPLANATION_COLUMNS
    assert [t["NIP"] for t in told] == [m["NIP"] for m in moves]
    for m, t in zip(moves, told):
        text = t["Penjelasan"]
        assert text.startswith(("Saudara ", "Saudari ", "Saudara/Saudari ")) and m["Nama"] in text
        assert m["Unit Kerja Baru"] in text and m["Jabatan Baru"] in text
        assert re.search(r"Yang Saudar\S* peroleh: .*" + re.escape(m["Unit Kerja Baru"]), text)
        assert (
            "Kebutuhan yang diisi:" in text
            and "Diklat yang menyertai:" in text
            and "Dasar: PP 11/2017" in text
        )
        assert not any(w in text for w in ("melanggar", "hukuman", "Skor", "Catatan"))
        if messages.REASON_WISH in m["Keterangan"]:
            assert re.search(r"pilihan ke-\d", text)
        if messages.REASON_PRIORITY1 in m["Keterangan"]:
            assert "Prioritas 1, wajib diisi" in text
    assert book["Penjelasan"].column_dimensions["E"].width >= 80
    assert all(book["Penjelasan"].cell(row=r, column=5).alignment.wrap_text for r in range(2, len(told) + 2))


def test_penjelasan_training_comes_from_kebutuhan_diklat(book) -> None:
    needs = {r["NIP"]: r["Diklat yang Dibutuhkan"] for r in records(book["Kebutuhan Diklat"])}
    assert needs
    for t in records(book["Penjelasan"]):
        if t["NIP"] in needs:
            for training in needs[t["NIP"]].split("; "):
                assert messages.TRAINING_NAMES.get(training, training) in t["Penjelasan"]
        else:
            assert "akan diikutsertakan" not in t["Penjelasan"]


def test_fit_components_add_up_to_the_score() -> None:
    from mutasi_cli.inputs.load import load_round

    rnd, _ = load_round(SAMPLES / "pegawai.xlsx", SAMPLES / "jabatan.xlsx", EFFECTIVE)
    assert rnd is not None
    rng = np.random.default_rng(5)
    e = rng.integers(0, rnd.n_people, 3000)
    p = rng.integers(0, rnd.n_positions, 3000)
    parts = explain.fit_components(rnd, e, p)
    assert set(parts) == set(explain.FIT_PARTS)
    assert np.array_equal(sum(parts.values()), scoring.fit(rnd, e, p))


# --- tenure ----------------------------------------------------------------------------------------------
def test_tenure_said_in_years_and_months() -> None:
    start = dt.date(2021, 1, 10)  # 5.89 years before the effective date
    assert round((EFFECTIVE - start).days / 365.25, 2) == 5.89
    assert explain.tenure_text(start, EFFECTIVE) == "5 tahun 10 bulan"
    assert explain.tenure_text(dt.date(2021, 12, 1), EFFECTIVE) == "5 tahun"
    assert explain.tenure_text(dt.date(2026, 3, 2), EFFECTIVE) == "8 bulan"
    note = messages.REASON_DUE.format(tenure=explain.tenure_text(start, EFFECTIVE), due=5)
    assert note == "Telah menduduki jabatan 5 tahun 10 bulan (jatuh tempo setelah 5 tahun)"


def test_no_tenure_said_as_more_than(book) -> None:
    notes = [str(m["Catatan Internal"]) for m in records(book["Daftar Mutasi"])]
    said = [n for n in notes if "Telah menduduki jabatan" in n]
    assert said
    for n in said:
        assert re.search(r"Telah menduduki jabatan \d+ tahun( \d+ bulan)? \(jatuh tempo setelah 5 tahun\)", n)
    assert not any("lebih dari" in n for n in notes)


# --- Lowongan and Tidak Dimutasi ---------------------------------------------------------------------------
def _vacancy_round():
    """GOL: nobody's golongan fits. P1X: a Prioritas-1 place the due P2 takes. C1: P2's place, which P3
    (same unit, at its turnover cap) and P1 (under two years) could take. NEW: an empty place every one of
    them could take, each stopped by something else."""
    people = [
        person(1, "A1", years=1),
        person(2, "C1", years=6),
        person(3, "C2", years=3),
    ]
    positions = [
        position("A1", "Unit A"),
        position("C1", "Unit C"),
        position("C2", "Unit C"),
        position("P1X", "Unit P", Prioritas=1),
        position("NEW", "Unit Y", Prioritas=2),
        position("GOL", "Unit X", Prioritas=2, **{"Golongan Min": "IV/a"}),
    ]
    return make_round(people, positions)


def test_lowongan_reason_of_each_row_with_its_legal_basis() -> None:
    rnd = _vacancy_round()
    res = plan(rnd)
    assert rnd.positions["kode"][res.final].tolist() == ["A1", "P1X", "C2"]
    rows = {r["Kode Jabatan"]: r for r in explain.vacancies(rnd, res).to_dict("records")}
    assert set(rows) == {"C1", "NEW", "GOL"}
    s = RuleSettings()
    gol, new, c1 = rows["GOL"]["Alasan"], rows["NEW"]["Alasan"], rows["C1"]["Alasan"]
    assert len({gol, new, c1}) == 3  # each row its own reason
    assert gol.startswith(messages.VACANCY_NO_CANDIDATE) and "golongan di luar rentang" in gol
    assert RULES["golongan"].source in rows["GOL"]["Dasar Hukum"]
    assert new.startswith("3 pegawai memenuhi syarat;")
    assert "1 menempati tempat Prioritas 1 lain" in new and "batas perputaran unit Unit C" in new
    assert RULES["masa-jabatan"].describe(s)[1:] in new
    assert c1.startswith("2 pegawai memenuhi syarat;") and "Prioritas 1 lain" not in c1
    for r in (rows["NEW"], rows["C1"]):
        assert SETTING_LABELS["perputaran_persen"][1] in r["Dasar Hukum"]
        assert RULES["masa-jabatan"].source in r["Dasar Hukum"]


def test_dasar_hukum_on_every_rule_based_row(book) -> None:
    vacancies = records(book["Lowongan"])
    stays = records(book["Tidak Dimutasi"])
    assert vacancies and stays
    for r in vacancies + stays:
        assert r["Dasar Hukum"], r
    assert len({r["Alasan"] for r in vacancies}) > len(vacancies) // 2  # not one sentence for all
    caps = [r for r in stays if r["Alasan"].startswith("Batas perputaran unit")]
    assert caps and all(r["Unit Kerja"] in r["Alasan"] for r in caps)


# --- printing ---------------------------------------------------------------------------------------------
LISTS = ("Daftar Mutasi", "Penjelasan", "Lowongan", "Tidak Dimutasi", "Kebutuhan Diklat")


def _lines_at_least(text: str, width: float) -> int:
    """A lower bound of the lines a wrapped text takes, independent of the estimate the workbook uses: no
    line holds more than 1.25 characters per unit of column width (LibreOffice: 1.18 at most)."""
    return sum(max(1, math.ceil(len(part) / (1.25 * width))) for part in text.split("\n"))


@pytest.mark.parametrize("sheet", [*LISTS, "Lampiran SK"])
def test_rows_are_as_tall_as_their_wrapped_lines(book, sheet) -> None:
    ws = book[sheet]
    merged = {(m.min_row, m.min_col): sum(ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
                                          for j in range(m.min_col, m.max_col + 1))
              for m in ws.merged_cells.ranges}  # fmt: skip
    checked = 0
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if not isinstance(cell.value, str) or not (cell.alignment.wrap_text or "\n" in cell.value):
                continue
            width = merged.get((cell.row, cell.column)) or ws.column_dimensions[cell.column_letter].width
            height = ws.row_dimensions[cell.row].height or LINE_HEIGHT
            need = max(_lines_at_least(cell.value, width), text_lines(cell.value, width))
            assert height >= LINE_HEIGHT * need, (sheet, cell.coordinate, cell.value, width, height)
            checked += 1
    assert checked


def test_lampiran_keterangan_keeps_its_last_line(book) -> None:
    ws = book["Lampiran SK"]
    width = ws.column_dimensions["F"].width
    tall = 0
    for r in range(8, ws.max_row + 1):
        value = ws.cell(row=r, column=6).value
        if isinstance(value, str):
            lines = text_lines(value, width)
            assert (ws.row_dimensions[r].height or LINE_HEIGHT) >= LINE_HEIGHT * lines
            tall += lines > 2
    assert tall  # some Keterangan do take three lines


@pytest.mark.parametrize(
    ("sheet", "numeric"),
    [
        ("Lowongan", ("Prioritas", "Formasi", "Terisi", "Lowong")),
        ("Tidak Dimutasi", ("Lama Menjabat (tahun)",)),
        ("Ringkasan", ("Pegawai Awal", "Masuk", "Keluar", "Tetap", "Jatuh Tempo", "Lowong Sebelum")),
    ],
)
def test_headers_align_with_their_numbers(book, sheet, numeric) -> None:
    ws = book[sheet]
    header_row = next(r for r in range(1, 60) if ws.cell(row=r, column=1).value in ("No", "Unit Kerja"))
    heads = {ws.cell(row=header_row, column=j).value: j for j in range(1, ws.max_column + 1)}
    for name in numeric:
        j = heads[name]
        head = ws.cell(row=header_row, column=j)
        data = ws.cell(row=header_row + 1, column=j)
        assert isinstance(data.value, (int, float))
        assert head.alignment.horizontal == data.alignment.horizontal == "right", name
    if "No" in heads:
        j = heads["No"]
        assert ws.cell(row=header_row, column=j).alignment.horizontal == "center"
        assert ws.cell(row=header_row + 1, column=j).alignment.horizontal == "center"
    for name in heads:
        if name in ("Nama", "Alasan", "Unit Kerja"):
            assert ws.cell(row=header_row, column=heads[name]).alignment.horizontal in (
                None,
                "general",
                "left",
            )


def test_print_settings_of_every_sheet(book) -> None:
    assert tuple(book.sheetnames) == SHEETS
    for ws in book:
        ps = ws.page_setup
        assert ps.orientation == "landscape" and str(ps.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1 and ps.fitToHeight == 0
        assert int(ps.firstPageNumber) == 1 and ps.useFirstPageNumber, ws.title  # numbered per sheet
        assert "&P" in ws.oddFooter.center.text and ws.oddFooter.right.text == "&A"
    for name in LISTS:
        assert book[name].print_title_rows == "$1:$1"
    assert book["Lampiran SK"].print_title_rows == "$6:$7"
    assert book["Ringkasan"].print_title_rows is None  # several tables: no one header repeats


def test_ringkasan_fits_a4_and_the_flow_has_its_own_sheet(book) -> None:
    ws = book["Ringkasan"]
    total = sum(ws.column_dimensions[c].width or 8.43 for c in "ABCDEFGH")
    assert total <= 140  # A4 landscape at full scale
    assert ws.max_column <= 8
    flow = book["Arus Mutasi"]
    assert flow["A1"].value == messages.FLOW_TITLE
    header = [c.value for c in flow[3]]
    assert header[0] == "Dari \\ Ke" and header[-1] == "Jumlah Keluar"
    assert all(flow.cell(row=3, column=j).alignment.text_rotation == 90 for j in range(2, len(header) + 1))


def test_chart_of_empty_places_in_table_order_every_label(book) -> None:
    ws = book["Ringkasan"]
    [chart] = ws._charts
    assert chart.type == "bar"
    assert chart.x_axis.scaling.orientation == "maxMin" and chart.x_axis.tickLblSkip == 1
    series = [s.tx.strRef.f for s in chart.series]
    assert len(series) == 2
    cat = chart.series[0].cat
    ref = (cat.strRef or cat.numRef).f  # e.g. 'Ringkasan'!$A$97:$A$126
    first, last = (int(x) for x in re.findall(r"\$(\d+)", ref))
    units = [ws.cell(row=r, column=1).value for r in range(first, last + 1)]
    assert 0 < len(units) <= 30
    table = [r["Unit Kerja"] for r in _unit_table(ws)]
    assert [u for u in table if u in units] == units  # the unit table's order, top to bottom
    title = "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))
    total = sum(1 for r in _unit_table(ws) if r["Lowong Sebelum"] or r["Lowong Sesudah"])
    assert (f"dari {format_count(total)} unit" in title) == (total > 30)


def _unit_table(ws) -> list[dict]:
    start = next(r for r in range(1, ws.max_row) if ws.cell(row=r, column=1).value == "Per unit kerja") + 1
    header = [c.value for c in ws[start]][:8]
    out = []
    for r in range(start + 1, ws.max_row + 1):
        values = [ws.cell(row=r, column=j).value for j in range(1, 9)]
        if values[0] is None:
            break
        out.append(dict(zip(header, values)))
    return out


# --- Parameter in Bahasa -------------------------------------------------------------------------------------
def test_parameter_in_bahasa_numbers_rounded(book) -> None:
    ws = book["Parameter"]
    rows = [(a.value, b) for a, b in ws.iter_rows(min_row=2, max_col=2) if a.value]
    labels = [label for label, _ in rows]
    assert not any(re.search(r"[a-z]_[a-z]", label) for label in labels), labels  # no code names
    values = {label: cell.value for label, cell in rows}
    assert values["Status"] == "Optimal (terbukti)"
    assert values["Tahap A (tingkat 0–2): status"] == "optimal (terbukti)"
    assert values["Rute"].startswith("pricing: model teragregasi")
    assert any(label.startswith("Statistik: kolom model tahap A") for label in labels)
    for label, cell in rows:
        if isinstance(cell.value, float):
            places = 1e6 if cell.number_format.endswith("%") else 1e3
            assert abs(cell.value * places - round(cell.value * places)) < 1e-6, (label, cell.value)
            assert cell.number_format != "General", label
        if isinstance(cell.value, int) and not isinstance(cell.value, bool):
            assert cell.number_format in ("#,##0", "General") or "0" in cell.number_format
    gap = next(cell for label, cell in rows if label == "Celah relatif (gap)")
    assert gap.number_format.endswith("%")
    assert values["Bobot leksikografis tingkat 0–2"].count(" / ") == 2


def test_numbers_in_indonesian_notation() -> None:
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(4452.993451559238) == "4.453"
    assert format_number(4452.993451559238, 2) == "4.452,99"
    assert format_number(-1234567) == "-1.234.567"
    assert format_number(25.0, 2, trim=True) == "25" and format_number(0.5, 2, trim=True) == "0,5"
    assert format_number(-0.0001, 2) == "0,00"
    assert format_number(float("nan")) == "-"
    assert format_percent(0.000112, 4) == "0,0112 %"
    assert format_count(12345) == "12.345"


# --- validate -o masalah.xlsx ------------------------------------------------------------------------------
def test_problems_workbook_prints_landscape_with_whole_dates_and_nips(tmp_path) -> None:
    people = [person(1, "A1"), person(2, "A2", gol="X/z"), person(3, "A3", **{"TMT Jabatan": "31-02-2020"})]
    positions = [position("A1", "Unit A"), position("A2", "Unit A"), position("A3", "Unit B")]
    wb = write_workbook(tmp_path / "round.xlsx", people, positions)
    out = tmp_path / "masalah.xlsx"
    result = runner.invoke(app, ["validate", str(wb), str(wb), "-o", str(out), *DATE])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(out)
    for ws in book:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert "&P" in ws.oddFooter.center.text
    masalah = book["Masalah"]
    assert masalah.column_dimensions["F"].width >= 20  # a NIP in Nilai shows whole
    assert masalah["D1"].alignment.horizontal == "right" == masalah["D2"].alignment.horizontal
    copy = book["Pegawai (asli)"]
    header = {c.value: c.column_letter for c in copy[1]}
    assert copy.column_dimensions[header["NIP"]].width >= 20
    date_col = header["TMT Jabatan"]
    assert copy.column_dimensions[date_col].width >= 12  # dd-mm-yyyy, never "###"
    assert copy[f"{date_col}2"].number_format == "DD-MM-YYYY"


# --- printed through LibreOffice -------------------------------------------------------------------------
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice not installed"
)
def test_printed_pages_are_numbered_per_sheet(tmp_path) -> None:
    """The whole workbook converted to PDF: every sheet starts at "Halaman 1", the attachment too (it
    started at "Halaman 8 dari 27")."""
    folder = tmp_path / "round"
    made = runner.invoke(app, ["sample", "--size", "150", "--seed", "7", "-o", str(folder), *DATE])
    assert made.exit_code == 0, made.output
    out = tmp_path / "rencana.xlsx"
    planned = runner.invoke(
        app, ["plan", str(folder / "pegawai.xlsx"), str(folder / "jabatan.xlsx"), "-o", str(out), "-q", *DATE]
    )
    assert planned.exit_code == 0, planned.output
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: other LibreOffice runs do not block
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "rencana.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    footers = []
    for page in pages:
        found = re.search(r"Halaman (\d+)\s+(.+?)\s*$", page.strip().splitlines()[-1])
        assert found, page[-200:]
        footers.append((found[2].strip(), int(found[1])))
    firsts = {}
    for sheet, number in footers:
        firsts.setdefault(sheet, number)
    assert firsts.get("Lampiran SK") == 1
    assert all(n == 1 for n in firsts.values()), firsts
    assert set(firsts) >= {"Ringkasan", "Daftar Mutasi", "Penjelasan", "Lampiran SK", "Parameter"}
    lampiran = [n for sheet, n in footers if sheet == "Lampiran SK"]
    assert lampiran == list(range(1, len(lampiran) + 1))
