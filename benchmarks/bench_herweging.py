"""The panel's re-weighting: re-classify from the stored scores and write the classes into the GeoPackage.

What happens when an analyst switches a mechanism off or moves a weight
(``ui.resultaten.Resultaat.herweeg``: ``core.analyse.herclassificeer`` plus one
SQL transaction), on the Lelystad sample (80 buurten, 2,345 cells) and on a
copy whose grid table is repeated ten times (23,450 cells: a large gemeente).
Drawing the map afterwards is QGIS's own work and is not counted.

Run from the repository root:  .venv/bin/python benchmarks/bench_herweging.py
"""

import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from headless import start_qgis  # noqa: E402

RUNS = 15


def sample_results(folder):
    """The complete analysis of the sample, as the panel runs it."""
    import processing

    from vroegsignalering.ui.dock import VroegsignaleringDock  # noqa: F401  (the panel's modules load)

    sample = Path(__file__).resolve().parents[1] / "resources" / "sample"
    gpkg = folder / "sample.gpkg"
    processing.run("vroegsignalering:vroegsignalering", {
        "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(sample / "sloop_lelystad.csv"),
        "OUTPUT_BUURT": f"ogr:dbname='{gpkg}' table=\"risicoprofiel_buurt\" (geom)",
        "OUTPUT_GRID": f"ogr:dbname='{gpkg}' table=\"risicoprofiel_grid\" (geom)",
    })
    return gpkg


def tenfold(gpkg, folder):
    """A copy with the grid table repeated ten times (its spatial-index triggers dropped: a benchmark file)."""
    copy = folder / "groot.gpkg"
    shutil.copy(gpkg, copy)
    with sqlite3.connect(copy) as db:
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f'DROP TRIGGER "{name}"')
        columns = [row[1] for row in db.execute('PRAGMA table_info("risicoprofiel_grid")') if row[1] != "fid"]
        names = ", ".join(f'"{c}"' for c in columns)
        for _ in range(9):
            db.execute(f'INSERT INTO risicoprofiel_grid ({names}) SELECT {names} FROM risicoprofiel_grid '
                       "WHERE fid <= 2345")
    return copy


def time_reweighting(gpkg):
    from vroegsignalering.core.profile import ProfielRegels
    from vroegsignalering.ui.resultaten import Resultaat

    resultaat = Resultaat(gpkg)
    cells = len(resultaat.frames["grid"])
    seconds = []
    for run in range(RUNS):
        regels = ProfielRegels(gewichten={"uitstraling": 0.0 if run % 2 else 1.0})
        started = time.perf_counter()
        resultaat.herweeg(regels)
        seconds.append(time.perf_counter() - started)
    return cells, statistics.median(seconds), max(seconds)


def main():
    app, _provider = start_qgis()
    import numpy
    import pandas

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gpkg = sample_results(folder)
        print(f"python {platform.python_version()}, numpy {numpy.__version__}, pandas {pandas.__version__}, "
              f"{RUNS} runs each")
        for label, path in (("sample", gpkg), ("sample grid x10", tenfold(gpkg, folder))):
            cells, median, worst = time_reweighting(path)
            print(f"{label}: {cells} cells, median {median:.3f} s, slowest {worst:.3f} s")
    app.exitQgis()


if __name__ == "__main__":
    main()
