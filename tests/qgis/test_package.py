"""The installable zip: right contents, and it loads from a fresh QGIS profile."""

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture(scope="module")
def plugin_zip(plugin_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, str(plugin_root / "tools" / "package.py"), "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out / result.stdout.strip().splitlines()[-1].split("/")[-1]


def test_zip_holds_the_plugin_folder_without_development_files(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert all(name.startswith("vroegsignalering/") for name in names)
    for required in ("metadata.txt", "__init__.py", "plugin.py", "algorithms/provider.py", "core/scores.py",
                     "resources/icon.svg", "resources/klassegrenzen.csv", "i18n/vroegsignalering_nl.qm", "LICENSE"):
        assert f"vroegsignalering/{required}" in names, required
    for name in names:
        parts = name.split("/")
        assert parts[1] not in ("tests", "tools", "benchmarks", "Makefile", ".ci", ".git", ".venv", "build"), name
        assert "__pycache__" not in parts and not name.endswith((".pyc", ".ts")), name


def test_zip_installs_into_a_fresh_profile_and_loads(plugin_zip, tmp_path):
    if QGIS_PROCESS is None:
        pytest.fail("qgis_process not found: run 'make test', which installs Debian's qgis package")
    config = tmp_path / "config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    tmp_path.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k != "QGIS_PLUGINPATH"}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "vroegsignalering"],
                             env=env, capture_output=True, text=True, timeout=180)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, timeout=180)
    assert "vroegsignalering:importscores" in listed.stdout
    # it ran from the installed copy, not from the working tree
    plugin_list = subprocess.run([QGIS_PROCESS, "plugins"], env=env, capture_output=True, text=True, timeout=180)
    assert "vroegsignalering" in plugin_list.stdout
