"""The house's walls: the import contract in pyproject.toml holds, and it would catch a breach.

`lint-imports` (import-linter) reads every module of the package, not just the packages'
faces, and follows imports through other modules, so an import inside a function counts too.
The second half breaks a copy of the package on purpose and checks the contract notices.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ["presenter.agenda", "presenter.timing", "presenter.attendance", "presenter.deck"]


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package as it is in `folder`, with that folder's pyproject.toml."""
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run(
        [*command, "--no-cache", str(folder / "pyproject.toml")],
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contract_holds():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_no_qt_when_used(package):
    """At run time too: importing a core package, and every module in it, loads no Qt."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"package = importlib.import_module('{package}')\n"
        "for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "    importlib.import_module(module.name)\n"
        "assert 'PySide6' not in sys.modules, sorted(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def copy_of_the_house(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("house")
    shutil.copytree(
        ROOT / "presenter", folder / "presenter", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def _breach(folder: Path, module: str, line: str):
    """Add `line` at the end of `module`'s file in the copy; undone when the `with` ends."""

    class Breach:
        def __enter__(self):
            self.path = folder / Path(*module.split(".")).with_suffix(".py")
            if not self.path.exists():
                self.path = self.path.with_suffix("") / "__init__.py"
            self.before = self.path.read_text(encoding="utf-8")
            self.path.write_text(f"{self.before}\n{line}\n", encoding="utf-8")

        def __exit__(self, *exc):
            self.path.write_text(self.before, encoding="utf-8")

    return Breach()


BREACHES = [
    # (module changed, line added, what the broken contract must say)
    ("presenter.attendance.store", "import PySide6", "presenter.attendance.store -> PySide6"),
    (
        "presenter.agenda.frontmatter",
        "from PySide6 import QtCore",
        "presenter.agenda.frontmatter -> PySide6",
    ),
    (
        "presenter.attendance.export",
        "def f():\n    import presenter.ui.app",
        "presenter.attendance.export -> presenter.ui.app",
    ),
    (
        "presenter.timing.clock",
        "import presenter.attendance.store",
        "presenter.timing.clock -> presenter.attendance.store",
    ),
    (
        "presenter.agenda.model",
        "import presenter.commands",
        "presenter.agenda.model -> presenter.commands",
    ),
    (
        "presenter.ui.shared.theme",
        "import presenter.ui.run.controller",
        "presenter.ui.shared.theme -> presenter.ui.run.controller",
    ),
    (
        "presenter.agenda.problems",
        "import presenter.agenda.reader",
        "No cycles are allowed in presenter.agenda.",
    ),
]


def test_the_copy_holds_before_it_is_broken(copy_of_the_house):
    result = lint_imports(copy_of_the_house)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "line", "said"), BREACHES, ids=[b[0] for b in BREACHES])
def test_the_contract_fails_on_an_injected_import(copy_of_the_house, module, line, said):
    with _breach(copy_of_the_house, module, line):
        result = lint_imports(copy_of_the_house)
    assert result.returncode != 0, result.stdout
    assert said in result.stdout.split("Broken contracts", 1)[1], result.stdout
