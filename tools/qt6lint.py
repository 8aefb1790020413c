"""Fail on code that will not run on QGIS 4 (Qt6).

Checks every .py file given (or below the given folders):
- Qt imported directly (PyQt5/PyQt6/PySide) instead of through qgis.PyQt;
- ``exec_(`` calls (Qt6 has only ``exec()``);
- unscoped enum values on Qt and QGIS classes, e.g. ``Qt.AlignLeft`` instead of
  ``Qt.AlignmentFlag.AlignLeft``: an attribute ``X.Member`` where X is ``Qt`` or a
  ``Q...``/``Qgs...``/``Qgis`` class, Member is CamelCase and nothing further is
  looked up on it. A line ending in ``# qt6: ok`` is exempt.
Usage: python tools/qt6lint.py PATH [PATH ...]; exit 1 on findings.
"""

import ast
import re
import sys
from pathlib import Path

QT_CLASS = re.compile(r"^(Qt|Qgis|Qgs[A-Z]\w*|Q[A-Z]\w*)$")
CAMEL = re.compile(r"^[A-Z][a-z]\w*$")
DIRECT_QT = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
SKIP_DIRS = {".venv", "build", "dist", "__pycache__", ".git"}


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def check_source(source, filename="<string>"):
    """Findings as (line, message) pairs."""
    tree = ast.parse(source, filename)
    lines = source.splitlines()
    parents = _parents(tree)
    findings = []

    def exempt(lineno):
        return lines[lineno - 1].rstrip().endswith("# qt6: ok")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in DIRECT_QT:
                    findings.append((node.lineno, f"import {alias.name}: use qgis.PyQt"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in DIRECT_QT:
            findings.append((node.lineno, f"from {node.module} import: use qgis.PyQt"))
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                findings.append((node.lineno, "exec_(): use exec()"))
            elif (
                isinstance(node.value, ast.Name)
                and QT_CLASS.match(node.value.id)
                and CAMEL.match(node.attr)
                and not _looked_up_further(node, parents)
            ):
                findings.append((node.lineno, f"{node.value.id}.{node.attr}: unscoped enum, use the scoped name"))
    return [(line, message) for line, message in findings if not exempt(line)]


def _looked_up_further(node, parents):
    """True for ``Qt.AlignmentFlag.AlignLeft`` (scoped) and ``QgsFoo.Bar(...)`` (a nested class)."""
    parent = parents.get(node)
    if isinstance(parent, ast.Attribute):
        return True
    return isinstance(parent, ast.Call) and parent.func is node


def python_files(paths):
    for path in map(Path, paths):
        if path.is_file() and path.suffix == ".py":
            yield path
        elif path.is_dir():
            for file in sorted(path.rglob("*.py")):
                if not SKIP_DIRS.intersection(file.parts):
                    yield file


def main(argv):
    count = 0
    for file in python_files(argv or ["."]):
        for line, message in check_source(file.read_text(encoding="utf-8"), str(file)):
            print(f"{file}:{line}: {message}")
            count += 1
    print(f"qt6lint: {count} finding(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
