"""A SIASN-style export (title block, SIASN headers, no position codes, values as analysts have them)
gives the same plan as the same people with canonical headers (issue #4's "done when")."""

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from mutasi_cli.domain.grades import golongan_label
from mutasi_cli.inputs.load import load_round
from mutasi_cli.inputs.values import MONTHS_ID_NAMES
from mutasi_cli.sample import generate, write_sample
from mutasi_cli.solve.planner import plan

EFFECTIVE = dt.date(2026, 12, 1)

#: canonical → SIASN-style header, as DOMAIN.md lists them (underscore forms, any case)
SIASN = {
    "NIP": "NIP_BARU",
    "Nama": "NAMA",
    "Golongan": "GOL_AKHIR_NAMA",
    "TMT Jabatan": "TMT_JABATAN",
    "Tanggal Lahir": "tgl lahir",
    "Jenis Kelamin": "JENIS KELAMIN",
    "Jenis ASN": "JENIS_PEGAWAI_NAMA",
    "Pendidikan": "TINGKAT_PENDIDIKAN_NAMA",
    "Jurusan": "PENDIDIKAN_NAMA",
    "Predikat Kinerja": "PREDIKAT SKP",
    "Hukuman Disiplin": "HUKDIS",
    "Diklat": "DIKLAT_STRUKTURAL",
    "Kecamatan Domisili": "DOMISILI",
    "Pilihan 1": "Pilihan1",
    "Pilihan 2": "Pilihan2",
    "Pilihan 3": "Pilihan3",
    "Kedudukan Hukum": "KEDUDUKAN_HUKUM_NAMA",
    "TMT Hukuman": "TMT HUKUMAN",
    "Akhir Hukuman": "AKHIR HUKUMAN",
}
#: canonical Jenis ASN → as SIASN's JENIS PEGAWAI NAMA writes it (case varies by export)
JENIS_PEGAWAI = {"PNS": "PNS Daerah", "CPNS": "cpns daerah", "PPPK": "PPPK"}
EDUCATION = {
    "SMA": "SLTA",
    "D3": "Diploma III",
    "D4": "D-IV",
    "S1": "S-1/Sarjana",
    "S2": "Strata 2",
    "S3": "S-3",
}


def _words(d) -> str:
    d = pd.Timestamp(d)
    return f"{d.day} {MONTHS_ID_NAMES[d.month - 1]} {d.year}"


def _siasn_people(frames: dict[str, pd.DataFrame]) -> tuple[list[str], list[list[object]]]:
    peg, jab = frames["Pegawai"], frames["Jabatan"].set_index("Kode Jabatan")
    headers = ["NO", *SIASN.values(), "JABATAN_NAMA", "UNOR_NAMA", "AGAMA"]
    rows = []
    for k, r in enumerate(peg.to_dict("records"), start=1):
        gol = r["Golongan"]
        values = {
            "NIP": f"'{r['NIP']}"
            if k % 2
            else f"{r['NIP'][:8]} {r['NIP'][8:14]} {r['NIP'][14]} {r['NIP'][15:]}",
            "Nama": f"  {r['Nama']} ",
            "Golongan": golongan_label(gol) if r["Jenis ASN"] != "PPPK" else gol,
            "Jenis ASN": JENIS_PEGAWAI[r["Jenis ASN"]],
            "TMT Jabatan": _words(r["TMT Jabatan"]),
            "Tanggal Lahir": pd.Timestamp(r["Tanggal Lahir"]).strftime("%d-%m-%Y"),
            "Jenis Kelamin": {"L": "Laki-laki", "P": "Perempuan"}[r["Jenis Kelamin"]],
            "Pendidikan": EDUCATION.get(r["Pendidikan"], r["Pendidikan"]),
        }
        row = [k] + [values.get(c, r.get(c)) for c in SIASN]
        row = [None if (isinstance(v, float) or v is pd.NaT) and pd.isna(v) else v for v in row]
        position = jab.loc[r["Kode Jabatan"]]
        rows.append(row + [f"{position['Nama Jabatan'].upper()} ", position["Unit Kerja"].lower(), "Islam"])
    return headers, rows


def _write_siasn(path, frames):
    headers, rows = _siasn_people(frames)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["PEMERINTAH KABUPATEN BUNGO"])
    ws.append(["DAFTAR NOMINATIF PEGAWAI APARATUR SIPIL NEGARA"])
    ws.append(["Keadaan per 30 November 2026"])
    ws.append([])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))
    ws.append(headers)
    ws.append(list(range(1, len(headers) + 1)))  # the row of column numbers
    for row in rows:
        ws.append(row)
    ws.append(["JUMLAH", None, f"{len(rows)} orang"])
    ws.append([])
    ws.append([None, None, None, "Muara Bungo, 30 November 2026"])
    ws.append([None, None, None, "KEPALA BKPSDMD KABUPATEN BUNGO"])
    for name in ("Kunci", "Larangan", "Relasi"):  # the analyst's decisions, kept in the same workbook
        sheet = wb.create_sheet(name)
        frame = frames[name]
        sheet.append(list(frame.columns))
        for rec in frame.itertuples(index=False):
            sheet.append([None if isinstance(v, float) and pd.isna(v) else v for v in rec])
    wb.save(path)


@pytest.mark.parametrize("size, seed", [(160, 4)])
def test_siasn_export_gives_the_same_plan(tmp_path, size, seed):
    frames = generate(size, seed, EFFECTIVE)
    write_sample(frames, tmp_path / "baku")
    canonical_peg, jab = tmp_path / "baku" / "pegawai.xlsx", tmp_path / "baku" / "jabatan.xlsx"
    siasn_peg = tmp_path / "siasn.xlsx"
    _write_siasn(siasn_peg, frames)
    a, log_a = load_round(canonical_peg, jab, EFFECTIVE)
    b, log_b = load_round(siasn_peg, jab, EFFECTIVE)
    assert a is not None, log_a.errors
    assert b is not None, [i.to_dict() for i in log_b.errors]
    assert len(b.people) == len(a.people)
    cols = ["nip", "golongan", "pos", "tmt", "birth", "gender", "edu", "skp", "hukuman", "diklat", "wishes"]
    pd.testing.assert_frame_equal(a.people[cols], b.people[cols])
    assert a.people["nama"].tolist() == b.people["nama"].tolist()
    plan_a, plan_b = plan(a, solver="highs", time_limit=60), plan(b, solver="highs", time_limit=60)
    assert plan_a.status == plan_b.status == "optimal"
    assert list(plan_a.final) == list(plan_b.final)
    assert plan_a.levels == plan_b.levels
