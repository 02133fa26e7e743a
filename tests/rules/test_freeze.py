"""The election freeze (CONTRACT.md "The election freeze"; UU 10/2016 Pasal 71 ayat (2), Pasal 162 ayat (3)).

Windows are closed intervals: the first and the last day are frozen, the day before and the day after
are not. Pilkada window here: penetapan_paslon 2029-09-22, akhir_masa_jabatan 2030-02-17, hence
2029-03-22 … 2030-02-17. Pelantikan window (Bungo's default, 2025-05-26): 2025-05-26 … 2025-11-26.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from builders import person, position, write_workbook
from mutasi_cli.cli import app
from mutasi_cli.inputs.settings import Approval, Pilkada, SettingsError, load_settings
from mutasi_cli.rules.freeze import freeze_json, freeze_status

runner = CliRunner()
D = dt.date.fromisoformat

PILKADA = "[pilkada]\npenetapan_paslon = 2029-09-22\nakhir_masa_jabatan = 2030-02-17\n"
APPROVAL_NOMOR = "100.2.2.6/4321/OTDA"
PELANTIKAN_RULE = "Pasal 162 ayat (3) Undang-Undang Nomor 10 Tahun 2016"
PILKADA_RULE = "Pasal 71 ayat (2) Undang-Undang Nomor 10 Tahun 2016"
BUNGO = Pilkada()  # the defaults: pelantikan 2025-05-26, no pilkada dates, no approval
ELECTION = Pilkada(penetapan_paslon=D("2029-09-22"), akhir_masa_jabatan=D("2030-02-17"))


# --- the pure function ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pilkada", "day", "window"),
    [
        (BUNGO, "2025-05-25", None),  # the day before the inauguration
        (BUNGO, "2025-05-26", "pelantikan"),  # the inauguration itself
        (BUNGO, "2025-08-01", "pelantikan"),
        (BUNGO, "2025-11-26", "pelantikan"),  # pelantikan + 6 months: the last frozen day
        (BUNGO, "2025-11-27", None),  # the day after
        (BUNGO, "2026-12-01", None),
        (ELECTION, "2029-03-21", None),  # the day before penetapan_paslon − 6 months
        (ELECTION, "2029-03-22", "pilkada"),  # penetapan_paslon − 6 months: the first frozen day
        (ELECTION, "2029-09-22", "pilkada"),
        (ELECTION, "2030-02-17", "pilkada"),  # akhir_masa_jabatan: the last frozen day
        (ELECTION, "2030-02-18", None),  # the day after
    ],
)
def test_freeze_status_windows_and_their_ends(pilkada: Pilkada, day: str, window: str | None) -> None:
    f = freeze_status(pilkada, D(day))
    assert (f.window if f else None) == window
    if f is not None:
        assert f.start <= D(day) <= f.end
        assert not f.approved
        assert f.rule == (PELANTIKAN_RULE if window == "pelantikan" else PILKADA_RULE)


def test_freeze_status_dates_of_the_windows() -> None:
    f = freeze_status(BUNGO, D("2025-08-01"))
    assert f is not None and (f.start, f.end) == (D("2025-05-26"), D("2025-11-26"))
    g = freeze_status(ELECTION, D("2029-06-01"))
    assert g is not None and (g.start, g.end) == (D("2029-03-22"), D("2030-02-17"))
    # six calendar months before 31 August is the last day of February
    h = freeze_status(Pilkada(D("2029-08-31"), D("2030-02-17"), None), D("2029-02-28"))
    assert h is not None and h.start == D("2029-02-28")
    assert freeze_status(Pilkada(D("2029-08-31"), D("2030-02-17"), None), D("2029-02-27")) is None


def test_freeze_status_needs_both_pilkada_dates() -> None:
    assert freeze_status(Pilkada(penetapan_paslon=D("2029-09-22"), pelantikan=None), D("2029-06-01")) is None
    assert (
        freeze_status(Pilkada(akhir_masa_jabatan=D("2030-02-17"), pelantikan=None), D("2029-06-01")) is None
    )
    assert freeze_status(Pilkada(pelantikan=None), D("2025-08-01")) is None


def test_freeze_json_and_messages() -> None:
    assert freeze_json(freeze_status(BUNGO, D("2026-12-01"))) is None
    data = freeze_json(freeze_status(BUNGO, D("2025-08-01")))
    assert data is not None
    assert {k: data[k] for k in ("window", "start", "end", "approved", "approval", "rule")} == {
        "window": "pelantikan", "start": "2025-05-26", "end": "2025-11-26", "approved": False,
        "approval": None, "rule": PELANTIKAN_RULE,
    }  # fmt: skip
    message = str(data["message"])
    for words in ("1 Agustus 2025", "26 Mei 2025 sampai dengan 26 November 2025", "Menteri Dalam Negeri"):
        assert words in message
    approved = Pilkada(persetujuan_mendagri=Approval(APPROVAL_NOMOR, D("2025-07-15")))
    data = freeze_json(freeze_status(approved, D("2025-08-01")))
    assert data is not None and data["approved"] is True
    assert data["approval"] == {"nomor": APPROVAL_NOMOR, "tanggal": "2025-07-15"}
    assert f"Nomor {APPROVAL_NOMOR} tanggal 15 Juli 2025" in str(data["message"])
    assert "Perhatian" not in str(data["message"])
    # an approval dated outside the window still counts, but the message asks to make sure it fits
    stale = Pilkada(persetujuan_mendagri=Approval(APPROVAL_NOMOR, D("2024-01-10")))
    data = freeze_json(freeze_status(stale, D("2025-08-01")))
    assert data is not None and data["approved"] is True and "Perhatian" in str(data["message"])


# --- a real round, planned by the CLI at several effective dates --------------------------------


@pytest.fixture(scope="module")
def round_file(tmp_path_factory) -> Path:
    """Six people due by 2025 (TMT in 2018) in six units, and a Prioritas-1 vacancy: every plan moves."""
    tmp = tmp_path_factory.mktemp("round")
    units = ["Dinas Pendidikan", "Dinas Kesehatan", "BPKAD", "Bappeda", "Inspektorat", "Dinas Sosial"]
    positions = [position(f"P{i}", u) for i, u in enumerate(units)]
    positions.append(position("V", "BKPSDMD", Prioritas=1))
    people = [person(i + 1, f"P{i}", years=8) for i in range(len(units))]
    return write_workbook(tmp / "round.xlsx", people, positions)


def config(path: Path, body: str = "") -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def approval_toml(tanggal: str) -> str:
    return f'persetujuan_mendagri = {{ nomor = "{APPROVAL_NOMOR}", tanggal = {tanggal} }}\n'


@pytest.fixture(scope="module")
def plans(round_file: Path, tmp_path_factory):
    """``plans(day)``: the plan workbook `mutasi plan` writes at effective date ``day`` (made once)."""
    tmp = tmp_path_factory.mktemp("plans")
    empty = config(tmp / "empty.toml")
    made: dict[str, Path] = {}

    def get(day: str) -> Path:
        if day not in made:
            out = tmp / f"rencana_{day}.xlsx"
            args = ["plan", str(round_file), str(round_file), "-o", str(out), "--effective-date", day]
            result = runner.invoke(app, [*args, "--config", str(empty), "-q"])
            assert result.exit_code == 0, result.output
            made[day] = out
        return made[day]

    return get


def run_sk(plan: Path, out: Path, cfg: Path):
    return runner.invoke(app, ["sk", str(plan), "-o", str(out), "--config", str(cfg)])


def flat(text: str) -> str:
    """Terminal output with Rich's line wrapping undone."""
    return " ".join(text.split())


INSIDE = [
    # (effective date, settings, rule, the dates the refusal names)
    ("2025-05-26", "", PELANTIKAN_RULE, ("26 Mei 2025", "26 November 2025")),
    ("2025-08-01", "", PELANTIKAN_RULE, ("26 Mei 2025", "26 November 2025")),
    ("2025-11-26", "", PELANTIKAN_RULE, ("26 Mei 2025", "26 November 2025")),
    ("2029-03-22", PILKADA, PILKADA_RULE, ("22 Maret 2029", "22 September 2029", "17 Februari 2030")),
    ("2029-09-22", PILKADA, PILKADA_RULE, ("22 Maret 2029", "22 September 2029", "17 Februari 2030")),
    ("2030-02-17", PILKADA, PILKADA_RULE, ("22 Maret 2029", "22 September 2029", "17 Februari 2030")),
]
OUTSIDE = [
    ("2025-05-25", ""),
    ("2025-11-27", ""),
    ("2026-12-01", ""),
    ("2029-03-21", PILKADA),
    ("2030-02-18", PILKADA),
]


@pytest.mark.parametrize(("day", "settings", "rule", "dates"), INSIDE)
def test_sk_refuses_inside_a_window_without_approval(
    plans, tmp_path: Path, day: str, settings: str, rule: str, dates: tuple[str, ...]
) -> None:
    out = tmp_path / "sk"
    result = run_sk(plans(day), out, config(tmp_path / "mutasi.toml", settings))
    assert result.exit_code == 1, result.output
    text = flat(result.output)
    assert "Draf SK tidak disusun" in text
    assert rule in text
    for d in dates:
        assert d in text
    assert "persetujuan_mendagri" in text  # says what to set
    assert not out.exists()  # nothing written


@pytest.mark.parametrize(("day", "settings"), OUTSIDE)
def test_sk_drafts_outside_every_window(plans, tmp_path: Path, day: str, settings: str) -> None:
    out = tmp_path / "sk"
    result = run_sk(plans(day), out, config(tmp_path / "mutasi.toml", settings))
    assert result.exit_code == 0, result.output
    (decree,) = out.glob("SK_Mutasi_*.docx")
    text = all_text(decree)
    assert "Surat Menteri Dalam Negeri" not in text
    assert "Nomor 10 Tahun 2016" not in text


def all_text(doc_path: Path) -> str:
    doc = Document(str(doc_path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def mengingat(doc_path: Path) -> list[str]:
    """The numbered items of the decree's Mengingat (the cell beside the label)."""
    for table in Document(str(doc_path)).tables:
        for row in table.rows:
            if row.cells[0].text.strip() == "Mengingat":
                return [p.text for p in row.cells[2].paragraphs if p.text.strip()]
    raise AssertionError("no Mengingat in the decree")


@pytest.mark.parametrize(
    ("day", "settings", "tanggal"),
    [("2025-08-01", "[pilkada]\n", "2025-07-15"), ("2029-09-22", PILKADA, "2029-08-30")],
)
def test_sk_with_approval_drafts_and_cites_it(
    plans, tmp_path: Path, day: str, settings: str, tanggal: str
) -> None:
    out = tmp_path / "sk"
    cfg = config(tmp_path / "mutasi.toml", settings + approval_toml(tanggal))
    result = run_sk(plans(day), out, cfg)
    assert result.exit_code == 0, result.output
    (decree,) = out.glob("SK_Mutasi_*.docx")
    items = mengingat(decree)
    from mutasi_cli.inputs.values import format_date_id

    letter = (
        f"Surat Menteri Dalam Negeri Nomor {APPROVAL_NOMOR} tanggal {format_date_id(D(tanggal))} "
        "perihal Persetujuan Penggantian Pejabat"
    )
    assert letter in items[-1]
    assert items[-1].startswith(f"{len(items)}.")
    law = next(i for i, item in enumerate(items) if "Undang-Undang Nomor 10 Tahun 2016" in item)
    later = next(i for i, item in enumerate(items) if "Undang-Undang Nomor 20 Tahun 2023" in item)
    earlier = next(i for i, item in enumerate(items) if "Undang-Undang Nomor 23 Tahun 2014" in item)
    assert earlier < law < later  # among the laws, in the order of their years
    # the extract (petikan) abbreviates Mengingat as "dst." and does not repeat the letter
    petikan = next((out / "petikan").glob("*.docx"))
    assert APPROVAL_NOMOR not in all_text(petikan)


def test_export_siasn_refuses_likewise_and_exports_with_approval(plans, tmp_path: Path) -> None:
    plan = plans("2025-08-01")
    csv_path = tmp_path / "siasn.csv"
    args = ["export", "siasn", str(plan), "-o", str(csv_path), "--config"]
    result = runner.invoke(app, [*args, str(config(tmp_path / "a.toml"))])
    assert result.exit_code == 1, result.output
    text = flat(result.output)
    assert "Berkas unggah SIASN tidak disusun" in text and PELANTIKAN_RULE in text
    assert "26 Mei 2025" in text and "26 November 2025" in text
    assert not csv_path.exists()
    approved = "[pilkada]\n" + approval_toml("2025-07-15") + "\n[sk]\nnomor_awal = 1\ntanggal = 2025-08-01\n"
    result = runner.invoke(app, [*args, str(config(tmp_path / "b.toml", approved))])
    assert result.exit_code == 0, result.output
    with csv_path.open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh, delimiter=";"))) >= 1


def test_sk_finds_mutasi_toml_in_the_working_folder(plans, tmp_path: Path, monkeypatch) -> None:
    plan = plans("2029-06-01")
    monkeypatch.chdir(tmp_path)
    config(tmp_path / "mutasi.toml", PILKADA)
    result = runner.invoke(app, ["sk", str(plan), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 1, result.output
    assert PILKADA_RULE in flat(result.output)
    (tmp_path / "mutasi.toml").write_text(PILKADA + approval_toml("2029-05-02"), encoding="utf-8")
    result = runner.invoke(app, ["sk", str(plan), "-o", str(tmp_path / "sk")])
    assert result.exit_code == 0, result.output


def test_sk_tmt_setting_in_a_window_is_refused_too(plans, tmp_path: Path) -> None:
    """A plan dated outside every window whose decree takes effect inside one ([sk] tmt) is refused."""
    cfg = config(tmp_path / "mutasi.toml", "[sk]\ntmt = 2025-09-01\n")
    result = run_sk(plans("2026-12-01"), tmp_path / "sk", cfg)
    assert result.exit_code == 1, result.output
    assert PELANTIKAN_RULE in flat(result.output)


# --- plan: --json, the terminal and Ringkasan ----------------------------------------------------


def plan_cli(round_file: Path, out: Path, day: str, cfg: Path, *extra: str):
    args = ["plan", str(round_file), str(round_file), "-o", str(out), "--effective-date", day]
    return runner.invoke(app, [*args, "--config", str(cfg), *extra])


def test_plan_json_carries_freeze(round_file: Path, tmp_path: Path) -> None:
    cfg = config(tmp_path / "mutasi.toml", PILKADA)
    outside = plan_cli(round_file, tmp_path / "a.xlsx", "2026-12-01", cfg, "--json")
    assert outside.exit_code == 0, outside.output
    data = json.loads(outside.stdout)
    assert "freeze" in data and data["freeze"] is None
    inside = plan_cli(round_file, tmp_path / "b.xlsx", "2029-03-22", cfg, "--json")
    assert inside.exit_code == 0, inside.output
    data = json.loads(inside.stdout)
    assert data["status"] in {"optimal", "feasible"} and data["moves"] >= 1  # still plans
    f = data["freeze"]
    assert f["window"] == "pilkada" and (f["start"], f["end"]) == ("2029-03-22", "2030-02-17")
    assert f["approved"] is False and f["approval"] is None and f["rule"] == PILKADA_RULE
    assert "22 Maret 2029 sampai dengan 17 Februari 2030" in f["message"]
    approved = config(tmp_path / "approved.toml", PILKADA + approval_toml("2029-03-01"))
    data = json.loads(plan_cli(round_file, tmp_path / "c.xlsx", "2029-03-22", approved, "--json").stdout)
    assert data["freeze"]["approved"] is True
    assert data["freeze"]["approval"] == {"nomor": APPROVAL_NOMOR, "tanggal": "2029-03-01"}
    # the Bungo default (no [pilkada] at all): 2025-08-01 is frozen
    empty = config(tmp_path / "empty.toml")
    data = json.loads(plan_cli(round_file, tmp_path / "d.xlsx", "2025-08-01", empty, "--json").stdout)
    assert data["freeze"]["window"] == "pelantikan" and data["freeze"]["end"] == "2025-11-26"


def test_plan_terminal_warns_except_when_quiet(round_file: Path, tmp_path: Path) -> None:
    cfg = config(tmp_path / "mutasi.toml")
    loud = plan_cli(round_file, tmp_path / "a.xlsx", "2025-08-01", cfg)
    assert loud.exit_code == 0, loud.output
    text = flat(loud.output)
    assert "Peringatan:" in text and PELANTIKAN_RULE in text and "26 November 2025" in text
    quiet = plan_cli(round_file, tmp_path / "b.xlsx", "2025-08-01", cfg, "-q")
    assert quiet.exit_code == 0 and PELANTIKAN_RULE not in quiet.output
    calm = plan_cli(round_file, tmp_path / "c.xlsx", "2026-12-01", cfg)
    assert calm.exit_code == 0 and "Peringatan:" not in calm.output


def ringkasan_text(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    return [
        str(c) for row in ws.iter_rows(min_row=1, max_row=12, max_col=2, values_only=True) for c in row if c
    ]


def test_ringkasan_says_so_plainly(round_file: Path, tmp_path: Path) -> None:
    cfg = config(tmp_path / "mutasi.toml")
    assert plan_cli(round_file, tmp_path / "frozen.xlsx", "2025-08-01", cfg, "-q").exit_code == 0
    top = ringkasan_text(tmp_path / "frozen.xlsx")
    assert top[0] == "RINGKASAN RENCANA MUTASI"
    assert top[1].startswith("PERHATIAN: PENGGANTIAN PEJABAT") and "PERSETUJUAN TERTULIS" in top[1]
    assert PELANTIKAN_RULE in top[2] and "26 Mei 2025 sampai dengan 26 November 2025" in top[2]
    assert "belum tercantum" in top[2]
    assert "Tanggal berlaku" in top  # the figures follow the note

    assert plan_cli(round_file, tmp_path / "free.xlsx", "2026-12-01", cfg, "-q").exit_code == 0
    top = ringkasan_text(tmp_path / "free.xlsx")
    assert top[1] == "Tanggal berlaku"
    assert not any("PERSETUJUAN TERTULIS" in t or "UU 10/2016" in t for t in top)

    approved = config(tmp_path / "approved.toml", "[pilkada]\n" + approval_toml("2025-07-15"))
    assert plan_cli(round_file, tmp_path / "ok.xlsx", "2025-08-01", approved, "-q").exit_code == 0
    top = ringkasan_text(tmp_path / "ok.xlsx")
    assert "TELAH MENDAPAT PERSETUJUAN TERTULIS" in top[1] and APPROVAL_NOMOR in top[2]


def test_settings_example_parses_to_the_windows_used_here(tmp_path: Path) -> None:
    """The [pilkada] table as written in these tests is read as the Pilkada the pure tests use."""
    settings = load_settings(config(tmp_path / "mutasi.toml", PILKADA))
    assert settings.pilkada == Pilkada(D("2029-09-22"), D("2030-02-17"), D("2025-05-26"), None)


@pytest.mark.parametrize(
    "body",
    [
        "penetapan_paslon = 2029-09-22\n",  # one of the two dates only
        "akhir_masa_jabatan = 2030-02-17\n",
        "penetapan_paslon = 2030-09-22\nakhir_masa_jabatan = 2030-02-17\n",  # the end before the start
    ],
)
def test_pilkada_window_needs_both_dates_in_order(tmp_path, body) -> None:
    """A window that cannot be drawn is a settings error naming the file, never silently no freeze."""
    cfg = tmp_path / "mutasi.toml"
    cfg.write_text("[pilkada]\n" + body, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings(cfg)
    assert str(cfg) in str(err.value) and "[pilkada]" in str(err.value)
