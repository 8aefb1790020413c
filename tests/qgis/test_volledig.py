"""Outputs complete or not at all: written beside the destination and moved into place, removed again when
the run fails or is cancelled later, and a GeoPackage held open elsewhere named in a clear message."""

import os
import subprocess
import sys
import time

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer

SCORES_GRID = "Leefbaarometer-scores grids 2002-2024.csv"
BUURTEN = "wijkbuurtkaart_2024_lelystad.gpkg"


@pytest.fixture()
def sample(plugin_root):
    return plugin_root / "resources" / "sample"


def _analyse(sample, uit, **extra):
    return {"SCORES": str(sample / SCORES_GRID), "BUURTEN": f"{sample / BUURTEN}|layername=buurten",
            "OUTPUT_BUURT": str(uit / "buurt.gpkg"), "OUTPUT_GRID": str(uit / "grid.gpkg"), **extra}


def _run(algorithm, parameters, feedback=None):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or QgsProcessingFeedback()
    return processing.run(f"vroegsignalering:{algorithm}", parameters, feedback=feedback, context=context), context


def test_a_run_cancelled_after_its_first_output_leaves_no_file(provider, sample, tmp_path):
    """Cancelled once the buurten are written (progress 85), before the grid: neither output stays."""
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p >= 85 else None)
    _run("vroegsignalering", _analyse(sample, tmp_path), feedback)
    assert feedback.isCanceled()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_run_failing_on_its_second_output_removes_the_first(provider, sample, tmp_path):
    (tmp_path / "bestand").write_text("geen map")
    parameters = _analyse(sample, tmp_path, OUTPUT_GRID=str(tmp_path / "bestand" / "grid.gpkg"))
    with pytest.raises(QgsProcessingException):
        _run("vroegsignalering", parameters)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand"]


def test_a_csv_destination_is_written_beside_it_and_moved_into_place(provider, sample, tmp_path):
    csv = tmp_path / "ontwikkeling.csv"
    csv.write_text("an older file\n")
    import_ = tmp_path / "grid.gpkg"
    _run("importscores", {"SCORES": str(sample / SCORES_GRID), "OUTPUT": str(import_)})
    results, _ = _run("ontwikkeling", {"INPUT": str(import_), "OUTPUT": str(csv)})
    assert results["OUTPUT"] == str(csv)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grid.gpkg", "ontwikkeling.csv"]  # no pieces left
    rijen = csv.read_text(encoding="utf-8").splitlines()
    assert rijen[0].startswith("code,naam,gemeente,jaar,afw,klasse") and len(rijen) == 2346
    umask = os.umask(0)
    os.umask(umask)
    for pad in (csv, import_):  # ordinary permissions, as any new file (not 0600 as a temporary file has)
        assert pad.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_csv_destination_of_a_cancelled_run_is_neither_there_nor_in_pieces(provider, sample, tmp_path):
    import_ = tmp_path / "grid.gpkg"
    _run("importscores", {"SCORES": str(sample / SCORES_GRID), "OUTPUT": str(import_)})
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if 0 < p < 100 else None)
    _run("ontwikkeling", {"INPUT": str(import_), "OUTPUT": str(tmp_path / "ontwikkeling.csv")}, feedback)
    assert feedback.isCanceled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grid.gpkg"]


def test_a_geopackage_held_open_by_another_program_gives_a_clear_message(provider, sample, tmp_path):
    doel = tmp_path / "gedeeld.gpkg"
    _run("importscores", {"SCORES": str(sample / SCORES_GRID), "OUTPUT": f"ogr:dbname='{doel}' table=\"eerst\" (geom)"})
    vasthouder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "db.execute('BEGIN EXCLUSIVE'); print('vast', flush=True); time.sleep(60)", str(doel)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert vasthouder.stdout.readline().strip() == "vast"
        begin = time.monotonic()
        with pytest.raises(QgsProcessingException, match=r"gedeeld.gpkg is open in another program"):
            _run("importscores", {"SCORES": str(sample / SCORES_GRID),
                                  "OUTPUT": f"ogr:dbname='{doel}' table=\"tweede\" (geom)"})
        assert time.monotonic() - begin < 30
    finally:
        vasthouder.kill()
        vasthouder.wait()
    tabellen = [QgsVectorLayer(f"{doel}|layername={naam}", naam, "ogr").isValid() for naam in ("eerst", "tweede")]
    assert tabellen == [True, False]


def test_a_table_goes_into_an_existing_geopackage_without_gdal_errors_in_the_log(provider, sample, tmp_path, capfd):
    """The backtest table: once QGIS's sink left 'ERROR 1: No geometry column' on the console."""
    doel = tmp_path / "analyse.gpkg"
    _run("importscores", {"SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
                          "OUTPUT": f"ogr:dbname='{doel}' table=\"scores\" (geom)"})
    capfd.readouterr()
    results, _ = _run("backtest", {"SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
                                   "BUURTEN": f"{sample / BUURTEN}|layername=buurten", "YEAR": 2016,
                                   "OUTPUT": f"ogr:dbname='{doel}' table=\"backtest\"",
                                   "OUTPUT_HTML": str(tmp_path / "backtest.html")})
    uit = capfd.readouterr()
    assert "ERROR" not in uit.out + uit.err
    tabel = QgsVectorLayer(results["OUTPUT"], "backtest", "ogr")
    assert tabel.isValid() and not tabel.isSpatial() and tabel.featureCount() >= 2
    assert {"naam", "auc", "analysejaar", "uitkomstjaar"} <= set(tabel.fields().names())
    assert QgsVectorLayer(f"{doel}|layername=scores", "scores", "ogr").featureCount() == 80  # the other table kept


def test_a_run_cancelled_as_its_last_block_of_rows_goes_in_leaves_no_file(provider, sample, tmp_path, monkeypatch):
    """Cancelled just after the bulk writer's last block (the grid then complete and in place): still removed."""
    from vroegsignalering.algorithms import gpkg

    monkeypatch.setattr(gpkg, "_BLOK", 1000)  # the sample's 2,345 cells in three blocks, with progress
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p == 100 else None)
    _run("vroegsignalering", _analyse(sample, tmp_path), feedback)
    assert feedback.isCanceled()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _een_bestand(sample, doel, **extra):
    """Both outputs as tables of one GeoPackage, as the benchmark and an analyst's model write them."""
    return {"SCORES": str(sample / SCORES_GRID), "BUURTEN": f"{sample / BUURTEN}|layername=buurten",
            "OUTPUT_BUURT": f"ogr:dbname='{doel}' table=\"risico_buurt\" (geom)",
            "OUTPUT_GRID": f"ogr:dbname='{doel}' table=\"risico_grid\" (geom)", **extra}


def test_both_outputs_in_one_new_geopackage_are_whole_and_sound(provider, sample, tmp_path):
    """The grid goes into the file the run made for the buurten without waiting for the disk: still sound."""
    import sqlite3

    doel = tmp_path / "analyse.gpkg"
    _run("vroegsignalering", _een_bestand(sample, doel))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analyse.gpkg"]  # no journal or part left
    with sqlite3.connect(doel) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM risico_grid").fetchone() == (2345,)
        assert db.execute("SELECT count(*) FROM rtree_risico_grid_geom").fetchone() == (2345,)
        assert db.execute("SELECT count(*) FROM risico_buurt").fetchone() == (80,)
    assert QgsVectorLayer(f"{doel}|layername=risico_grid", "grid", "ogr").featureCount() == 2345


def test_a_run_cancelled_in_the_grid_of_the_file_it_made_leaves_no_file(provider, sample, tmp_path, monkeypatch):
    from vroegsignalering.algorithms import gpkg

    monkeypatch.setattr(gpkg, "_BLOK", 1000)  # the grid's rows in three blocks: cancelled after the first
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if 0 < p < 100 and schrijft_grid[0] else None)
    schrijft_grid = [False]
    zonder_journaal = []
    echte_rijen = gpkg._rijen

    def rijen(pad, tabel, kolommen, geometrie, nieuw=False, feedback=None, zonder_wachten=False):
        schrijft_grid[0] = tabel == "risico_grid"
        zonder_journaal.append((tabel, nieuw, zonder_wachten))
        return echte_rijen(pad, tabel, kolommen, geometrie, nieuw, feedback, zonder_wachten)

    monkeypatch.setattr(gpkg, "_rijen", rijen)
    _run("vroegsignalering", _een_bestand(sample, tmp_path / "analyse.gpkg"), feedback)
    assert feedback.isCanceled() and schrijft_grid[0]
    # the run made the file: the buurten go in as into a new file, the grid without waiting for the disk
    assert zonder_journaal == [("risico_buurt", True, False), ("risico_grid", False, True)]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_run_cancelled_in_the_grid_of_an_analysts_geopackage_keeps_its_tables(provider, sample, tmp_path,
                                                                                 monkeypatch):
    """The file was there before the run: the grid goes in with a journal, and only the run's tables go."""
    from vroegsignalering.algorithms import gpkg

    doel = tmp_path / "project.gpkg"
    _run("importscores", {"SCORES": str(sample / SCORES_GRID), "OUTPUT": f"ogr:dbname='{doel}' table=\"mijn\" (geom)"})
    monkeypatch.setattr(gpkg, "_BLOK", 1000)
    zonder_journaal = []
    echte_rijen = gpkg._rijen

    def rijen(pad, tabel, kolommen, geometrie, nieuw=False, feedback=None, zonder_wachten=False):
        zonder_journaal.append((tabel, nieuw, zonder_wachten))
        return echte_rijen(pad, tabel, kolommen, geometrie, nieuw, feedback, zonder_wachten)

    monkeypatch.setattr(gpkg, "_rijen", rijen)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(
        lambda p: feedback.cancel() if 0 < p < 100 and zonder_journaal[-1:] == [("risico_grid", False, False)]
        else None)
    _run("vroegsignalering", _een_bestand(sample, doel), feedback)
    assert feedback.isCanceled()
    assert zonder_journaal == [("risico_buurt", False, False), ("risico_grid", False, False)]  # both wait
    tabellen = [QgsVectorLayer(f"{doel}|layername={naam}", naam, "ogr").isValid()
                for naam in ("mijn", "risico_buurt", "risico_grid")]
    assert tabellen == [True, False, False]
    assert QgsVectorLayer(f"{doel}|layername=mijn", "mijn", "ogr").featureCount() == 2345
