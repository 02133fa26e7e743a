"""The corpus of bad and odd input files (tests/corpus): every case gives exactly the issues it should.

``tests/corpus/build_corpus.py`` writes the files and ``expected.json``; see its docstring for the format.
Issues are compared on (code, severity, sheet, row, column), never on wording.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mutasi_cli.cli import app
from mutasi_cli.inputs.load import load_round

CORPUS = Path(__file__).parent / "corpus"
FILES = CORPUS / "files"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
EFFECTIVE = dt.date.fromisoformat(EXPECTED["effective_date"])
CASES = EXPECTED["cases"]
KEYS = ("code", "severity", "sheet", "row", "column")
ISSUE_FIELDS = {"code", "severity", "sheet", "row", "column", "value", "message"}


def _key(issue: dict) -> tuple:
    return tuple(issue[k] for k in KEYS)


def _paths(case: dict) -> list[Path]:
    return list(dict.fromkeys([FILES / case["pegawai"], FILES / case["jabatan"]]))


def _digests(case: dict) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _paths(case)}


@functools.cache
def _load(name: str) -> dict:
    """Load one case once: the round, the issues as dicts, any exception, and the input hashes around it."""
    case = CASES[name]
    before = _digests(case)
    try:
        rnd, log = load_round(FILES / case["pegawai"], FILES / case["jabatan"], EFFECTIVE)
        raised = None
    except Exception as exc:  # noqa: BLE001 - the test reports it
        rnd, log, raised = None, None, f"{type(exc).__name__}: {exc}"
    return {
        "round": rnd,
        "issues": [i.to_dict() for i in log.issues] if log else [],
        "raised": raised,
        "before": before,
        "after": _digests(case),
    }


def _loaded(name: str) -> dict:
    result = _load(name)
    if result["raised"]:
        pytest.fail(f"load_round raised: {result['raised']}")
    return result


def _expected_errors(case: dict) -> bool:
    return any(i["severity"] == "error" for i in case["issues"])


names = pytest.mark.parametrize("name", list(CASES))


def test_corpus_is_large_and_complete():
    assert len(CASES) >= 40
    for name, case in CASES.items():
        for path in _paths(case):
            assert path.is_file(), (name, path)
    assert sum(not _expected_errors(c) for c in CASES.values()) >= 15, "too few tolerated oddities"
    used = {p.name for c in CASES.values() for p in _paths(c)}
    assert used == {p.name for p in FILES.iterdir()}, "files nobody uses, or cases without files"


@names
def test_loading_never_raises(name):
    _loaded(name)


@names
def test_expected_issues_are_reported(name):
    got = Counter(_key(i) for i in _loaded(name)["issues"])
    missing = Counter(_key(i) for i in CASES[name]["issues"]) - got
    assert not missing, f"missing {sorted(missing.elements(), key=str)}; got {sorted(got, key=str)}"


@names
def test_no_unexpected_errors(name):
    result = _loaded(name)
    got = Counter(_key(i) for i in result["issues"] if i["severity"] == "error")
    extra = got - Counter(_key(i) for i in CASES[name]["issues"])
    assert not extra, f"unexpected errors {sorted(extra.elements(), key=str)}"
    if not _expected_errors(CASES[name]):
        assert result["round"] is not None


@names
def test_no_unexpected_warnings_when_valid(name):
    """Where the data are valid the loader reads everything, so every warning must be foreseen."""
    case = CASES[name]
    if _expected_errors(case):
        pytest.skip("the loader may stop early after an error")
    got = Counter(_key(i) for i in _loaded(name)["issues"] if i["severity"] == "warning")
    extra = got - Counter(_key(i) for i in case["issues"])
    assert not extra, f"unexpected warnings {sorted(extra.elements(), key=str)}"


@names
def test_issue_messages_are_written(name):
    for issue in _loaded(name)["issues"]:
        assert isinstance(issue["message"], str) and issue["message"].strip(), issue


@names
def test_cells_read_as_written(name):
    values = CASES[name].get("values")
    if not values:
        pytest.skip("no values recorded for this case")
    rnd = _loaded(name)["round"]
    assert rnd is not None
    frames = {"people": rnd.people, "positions": rnd.positions}
    for table, columns in values.items():
        for column, want in columns.items():
            got = [v.isoformat() if isinstance(v, dt.date) else v for v in frames[table][column].tolist()]
            assert got == want, (table, column)


@names
def test_input_files_unchanged(name):
    result = _load(name)
    assert result["after"] == result["before"]


@names
def test_cli_validate_json(name):
    case = CASES[name]
    args = ["validate", *(str(p) for p in (FILES / case["pegawai"], FILES / case["jabatan"]))]
    before = _digests(case)
    result = CliRunner().invoke(app, [*args, "--json", "--effective-date", EFFECTIVE.isoformat()])
    assert _digests(case) == before
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    want_error = _expected_errors(case)
    assert result.exit_code == (1 if want_error else 0), result.stdout
    doc = json.loads(result.stdout)
    assert set(doc) == {"valid", "issues"}
    assert doc["valid"] is (not want_error)
    assert isinstance(doc["issues"], list)
    for issue in doc["issues"]:
        assert set(issue) == ISSUE_FIELDS, issue
        assert isinstance(issue["code"], str) and issue["code"]
        assert issue["severity"] in ("error", "warning")
        assert isinstance(issue["sheet"], str) and issue["sheet"]
        assert issue["row"] is None or (isinstance(issue["row"], int) and issue["row"] >= 1)
        assert issue["column"] is None or isinstance(issue["column"], str)
        assert issue["value"] is None or isinstance(issue["value"], str)
        assert isinstance(issue["message"], str) and issue["message"].strip()
    assert Counter(_key(i) for i in doc["issues"]) >= Counter(_key(i) for i in case["issues"])


def test_build_script_regenerates_expected_json(tmp_path):
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS / "build_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    assert (tmp_path / "expected.json").read_text(encoding="utf-8") == (CORPUS / "expected.json").read_text(
        encoding="utf-8"
    )
    assert sorted(p.name for p in (tmp_path / "files").iterdir()) == sorted(p.name for p in FILES.iterdir())
