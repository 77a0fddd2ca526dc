"""What an installed wheel carries: every package folder, the bundled sessions and resources."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "presenter").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert {"presenter.slides_src", "presenter.resources"} <= listed


def test_the_pictures_of_the_bundled_sessions_go_in_the_wheel():
    """Every picture a bundled session names matches the package data the wheel takes."""
    import re
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    globs = config["package-data"]["presenter.slides_src"]
    folder = ROOT / "presenter" / "slides_src"
    named = [
        path
        for session in folder.glob("*.md")
        for path in re.findall(r"^!\[[^\]]+\]\(([^)]+)\)$", session.read_text(), re.M)
    ]
    assert named, "the bundled sessions show pictures"
    for path in named:
        assert (folder / path).is_file(), path
        assert any(fnmatch(path, glob) for glob in globs), f"add {path} to the package data"
