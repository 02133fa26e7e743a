"""The package's layout is its pipeline: each stage's subpackage imports only from those below it.

support → domain → inputs → rules → solve → outputs → review → the commands (``cli``, ``workflow`` and
their helpers at the package's top). An import inside ``if TYPE_CHECKING`` (types only) does not count,
nor the package's ``__version__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mutasi_cli

ORDER = ("support", "domain", "inputs", "rules", "solve", "outputs", "review", "")
PACKAGE = Path(mutasi_cli.__file__).parent


def _layer(module: str) -> int:
    """The layer of a module ``mutasi_cli.<stage>.<name>`` (the top for ``mutasi_cli.<name>``)."""
    parts = module.split(".")
    return ORDER.index(parts[1]) if len(parts) > 2 and parts[1] in ORDER else len(ORDER) - 1


def _imports(tree: ast.Module) -> list[str]:
    typing_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for node in ast.walk(branch)
    }
    out: list[str] = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mutasi_cli"):
            if node.module == "mutasi_cli" or node.module.count(".") == 1 and node.module[11:] in ORDER:
                out += [f"{node.module}.{a.name}" for a in node.names]  # from mutasi_cli.solve import model
            else:
                out.append(node.module)
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names if a.name.startswith("mutasi_cli")]
    return [m for m in out if not m.endswith("__version__")]


def test_imports_run_downwards_only() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        me = ".".join(rel.parts[:-1] if rel.parts[-1] == "__init__" else rel.parts)
        mine = _layer(me + ".x") if len(rel.parts) > 2 else len(ORDER) - 1
        for other in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _layer(other) > mine:
                upward.append(f"{me} imports {other}")
    assert upward == []


def test_every_stage_is_a_subpackage() -> None:
    for stage in ORDER[:-1]:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
