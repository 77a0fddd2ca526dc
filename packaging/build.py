"""Build Presenter as a self-contained app that needs no Python: `python packaging/build.py`.

Makes a build environment (build/venv) with PyInstaller and the app from this checkout,
freezes the app with packaging/presenter.spec into one folder, dist/presenter/, and packs it:

- Linux: dist/presenter-VERSION-linux-ARCH.tar.gz, with a .desktop entry, the icon and
  install-shortcut.sh (adds the app to the user's menu, no administrator rights).
- Windows: dist/presenter-VERSION-windows-portable.zip, and with Inno Setup's `iscc` on the
  PATH a per-user installer dist/presenter-VERSION-windows-setup.exe (packaging/windows/).
- macOS: dist/Presenter.app in dist/presenter-VERSION-macos.dmg (`hdiutil`).

Each archive gets a `.sha256` file beside it. Prints the folder's and the archive's sizes.
`--full` builds without leaving anything out, to compare sizes (not for release).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
PYINSTALLER = "pyinstaller>=6.10,<7"
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"


def version() -> str:
    for line in (ROOT / "presenter" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("presenter/__init__.py has no __version__")


def venv_python() -> Path:
    folder = BUILD / "venv"
    python = folder / ("Scripts/python.exe" if WINDOWS else "bin/python")
    if not python.exists():
        print(f"making the build environment in {folder}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    print("installing PyInstaller and the app (with the shared record's psycopg)", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", PYINSTALLER, str(ROOT)], check=True)
    return python


def windows_version_file(number: str) -> Path:
    """The version and publisher Windows shows in the program's file properties."""
    parts = [*number.split("."), "0", "0", "0", "0"][:4]
    numbers = ", ".join(str(int(p)) if p.isdigit() else "0" for p in parts)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers})),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'The Presenter authors'),
      StringStruct('FileDescription', 'Presenter: run a lunchtime training session'),
      StringStruct('FileVersion', '{number}'),
      StringStruct('ProductName', 'Presenter'),
      StringStruct('ProductVersion', '{number}'),
      StringStruct('LegalCopyright', 'The Presenter authors; see LICENSES.txt')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""
    path = BUILD / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path


def freeze(python: Path, full: bool) -> Path:
    env = {**os.environ, "PRESENTER_FULL": "1" if full else "0"}
    if WINDOWS:
        env["PRESENTER_VERSION_FILE"] = str(windows_version_file(version()))
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        str(HERE / "presenter.spec"),
    ]
    print("freezing the app (a minute or two)", flush=True)
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return DIST / "presenter"


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def checksum(path: Path) -> Path:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    target = path.with_name(path.name + ".sha256")
    target.write_text(f"{digest.hexdigest()}  {path.name}\n", encoding="utf-8")
    return target


def pack_linux(folder: Path, number: str) -> Path:
    shutil.copy2(HERE / "linux" / "presenter.desktop", folder / "presenter.desktop")
    shutil.copy2(HERE / "linux" / "install-shortcut.sh", folder / "install-shortcut.sh")
    shutil.copy2(
        ROOT / "presenter" / "resources" / "icons" / "presenter-256.png", folder / "presenter.png"
    )
    shutil.copy2(HERE / "LICENSES.txt", folder / "LICENSES.txt")
    archive = DIST / f"presenter-{number}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=f"presenter-{number}")
    return archive


def pack_windows(folder: Path, number: str) -> Path:
    shutil.copy2(HERE / "LICENSES.txt", folder / "LICENSES.txt")
    archive = DIST / f"presenter-{number}-windows-portable.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for file in sorted(folder.rglob("*")):
            zipped.write(file, Path(f"presenter-{number}") / file.relative_to(folder))
    iscc = shutil.which("iscc")
    if iscc:
        subprocess.run(
            [
                iscc,
                f"/DAppVersion={number}",
                f"/DSourceDir={folder}",
                f"/DOutputDir={DIST}",
                str(HERE / "windows" / "presenter.iss"),
            ],
            check=True,
        )
        checksum(DIST / f"presenter-{number}-windows-setup.exe")
    else:
        print("Inno Setup (iscc) is not on the PATH: made the portable zip only")
    return archive


def pack_macos(number: str) -> Path:
    image = DIST / f"presenter-{number}-macos.dmg"
    image.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Presenter",
            "-srcfolder",
            str(DIST / "Presenter.app"),
            "-ov",
            "-format",
            "UDZO",
            str(image),
        ],
        check=True,
    )
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="leave nothing out (compare sizes)")
    args = parser.parse_args()
    number = version()
    BUILD.mkdir(exist_ok=True)
    folder = freeze(venv_python(), args.full)
    if WINDOWS:
        archive = pack_windows(folder, number)
    elif MACOS:
        archive = pack_macos(number)
    else:
        archive = pack_linux(folder, number)
    checksum(archive)
    print(f"app folder: {folder} ({size_of(folder) / 2**20:.1f} MiB)")
    print(f"archive:    {archive} ({size_of(archive) / 2**20:.1f} MiB), checksum beside it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
