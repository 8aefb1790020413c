"""Build the installable plugin zip: the folder ``vroegsignalering/`` without tests or dev files.

Usage: python tools/package.py [--out dist]; prints the zip's path.
"""

import argparse
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from __about__ import PLUGIN_ID, __version__  # noqa: E402

INCLUDE = [
    "metadata.txt", "__init__.py", "__about__.py", "compat.py", "plugin.py", "translation.py",
    "LICENSE", "README.md", "core", "algorithms", "ui", "report", "resources", "i18n",
]
EXCLUDE_SUFFIXES = {".pyc", ".ts", ".pro"}
EXCLUDE_DIRS = {"__pycache__"}


def plugin_files(root=ROOT):
    """Every file that belongs in the installed plugin, relative to root."""
    for name in INCLUDE:
        path = root / name
        if path.is_file():
            yield path.relative_to(root)
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(root)
                if file.is_file() and file.suffix not in EXCLUDE_SUFFIXES and not EXCLUDE_DIRS.intersection(relative.parts):
                    yield relative


def build(out_dir):
    if not list((ROOT / "i18n").glob("*.qm")):
        raise SystemExit("package: no compiled translations in i18n/; run 'make package' (it runs lrelease first)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PLUGIN_ID}-{__version__}.zip"
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in plugin_files():
            archive.write(ROOT / relative, f"{PLUGIN_ID}/{relative.as_posix()}")
    partial.replace(target)
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="dist")
    print(build(parser.parse_args().out))
