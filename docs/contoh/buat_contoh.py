"""Build the README's `mutasi validate` example: a SIASN-style export (from the test corpus) with three
defects an analyst meets every round. Run from the repository root: python docs/contoh/buat_contoh.py"""

import shutil
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "tests" / "corpus" / "files"

shutil.copy(CORPUS / "siasn_export__jabatan.xlsx", HERE / "jabatan.xlsx")
wb = openpyxl.load_workbook(CORPUS / "siasn_export__pegawai.xlsx")
ws = wb.active
header = [c.value for c in ws[3]]
col = {name: header.index(name) + 1 for name in ("NIP BARU", "JABATAN NAMA", "UNOR NAMA")}
ws.cell(row=5, column=col["NIP BARU"]).value = "198703122015002002"  # appointment month 00
ws.cell(row=4, column=col["UNOR NAMA"]).value = "Dinas Kesehatan"  # the position is in another unit
ws.cell(row=7, column=col["UNOR NAMA"]).value = None  # unit left empty
wb.save(HERE / "pegawai.xlsx")
