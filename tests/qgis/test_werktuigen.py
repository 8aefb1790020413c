"""The README's main job (tools/demo.py) and the guide's pictures (tools/screenshots.py), run as a user runs them."""

import os
import sqlite3
import subprocess
import sys
import zipfile

from qgis.PyQt.QtGui import QImage


def _run(plugin_root, tmp_path, *arguments):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, *arguments], cwd=plugin_root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def test_the_demo_ends_in_layers_a_project_and_a_report(plugin_root, tmp_path):
    out = tmp_path / "out"
    _run(plugin_root, tmp_path, "tools/demo.py", "--out", str(out))
    gpkg = out / "vroegsignalering_lelystad.gpkg"
    with sqlite3.connect(gpkg) as db:
        tables = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
        assert db.execute("SELECT count(*) FROM risicoprofiel_buurt").fetchone() == (80,)
        styled = {row[0] for row in db.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1")}
    assert {"buurtscores", "gridscores", "risicoprofiel_buurt", "risicoprofiel_grid"} <= tables
    assert {"risicoprofiel_buurt", "risicoprofiel_grid"} <= styled
    with zipfile.ZipFile(out / "vroegsignalering_lelystad.qgz") as qgz:
        project = qgz.read(next(n for n in qgz.namelist() if n.endswith(".qgs"))).decode()
    assert 'name="Vroegsignalering Lelystad 2024"' in project
    assert "vroegsignalering" in project  # the panel's state travels with the project
    assert (out / "rapport_lelystad.pdf").read_bytes()[:5] == b"%PDF-"
    assert "AUC" in (out / "backtest_2016_2024.html").read_text(encoding="utf-8")


def test_the_guides_pictures_are_drawn_from_the_panel(plugin_root, tmp_path):
    out = tmp_path / "img"
    _run(plugin_root, tmp_path, "tools/screenshots.py", "--out", str(out))
    for name in ("paneel_1_gegevens", "paneel_2_mechanismen", "paneel_3_resultaten", "kaart"):
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull() and image.width() >= 400, name
    # the map is not empty: many colours, not one background
    kaart = QImage(str(out / "kaart.png"))
    colours = {kaart.pixel(x, y) for x in range(0, kaart.width(), 10) for y in range(0, kaart.height(), 10)}
    assert len(colours) > 5
