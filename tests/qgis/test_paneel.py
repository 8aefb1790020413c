"""The analyst's panel, driven headless with the real plugin loaded: the whole workflow on the sample.

Data (the sample), Run (a background task), the results as one group of styled layers, re-weighting
without running a mechanism, a buurt's summary, a local interpretation that survives a re-run, and the
saved project reopening with the panel as it was. Screenshots of every step go to build/screenshots.
"""

import re
import sqlite3
import time

import pytest
from qgis.core import QgsApplication, QgsCategorizedSymbolRenderer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

import vroegsignalering

SCREENSHOTS = "build/screenshots"


def _wacht(dock, seconds=180):
    """Process events until the panel's task is done (the task runs in QGIS's task manager)."""
    start = time.monotonic()
    while dock.taak is not None and dock.taak.bezig:
        QCoreApplication.processEvents()
        time.sleep(0.02)
        assert time.monotonic() - start < seconds, "the analysis task did not finish"
    for _ in range(20):
        QCoreApplication.processEvents()


def _voorbeeld_uitgevoerd(dock, map_):
    """The sample analysed, its results in ``map_``."""
    dock.gegevens.voorbeeld()
    dock.uitvoermap.setFilePath(str(map_))
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()


def _foto(widget, plugin_root, naam):
    folder = plugin_root / SCREENSHOTS
    folder.mkdir(parents=True, exist_ok=True)
    widget.resize(420, 720)
    assert widget.grab().save(str(folder / f"{naam}.png"))


@pytest.fixture()
def paneel(qgis_iface, qgis_processing, plugin_root, tmp_path):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("vroegsignalering") is not None:
        registry.removeProvider(registry.providerById("vroegsignalering"))
    QgsProject.instance().clear()
    plugin = vroegsignalering.classFactory(qgis_iface)
    plugin.initGui()
    plugin.action.setChecked(True)
    dock = plugin.dock
    yield dock
    plugin.unload()
    QgsProject.instance().clear()


def test_the_whole_workflow_on_the_sample(paneel, plugin_root, tmp_path, monkeypatch):
    dock = paneel
    project = QgsProject.instance()
    tmp_path = tmp_path / "analyse"  # a project folder, moved at the end
    # 1 Data: the sample
    dock.gegevens.voorbeeld()
    assert dock.gegevens.gemeenten() == ["GM0995"]
    assert dock.gegevens.jaar.itemData(1) == 2024  # years offered from the data, newest first
    dock.tabs.setCurrentIndex(0)
    _foto(dock, plugin_root, "1_gegevens")
    dock.tabs.setCurrentIndex(1)
    _foto(dock, plugin_root, "2_mechanismen")

    # 3 Results: run in the background
    dock.uitvoermap.setFilePath(str(tmp_path))
    dock.tabs.setCurrentIndex(2)
    dock.start()
    assert dock.taak is not None, dock.status.text()
    assert dock.taak.bezig and not dock.bereken.isEnabled()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    gpkg = tmp_path / "vroegsignalering_gm0995_laatste.gpkg"
    assert gpkg.is_file()

    # one group at the top: risk per buurt over risk per 100 m, the classes, the mechanisms collapsed
    root = project.layerTreeRoot()
    group = root.children()[0]
    assert group.name() == "Vroegsignalering Lelystad 2024"
    names = [child.name() for child in group.children()]
    assert names[:4] == ["Risk per buurt", "Risk per 100 m", "Leefbaarometer per buurt", "Leefbaarometer per 100 m"]
    mechanisms = group.children()[4]
    assert mechanisms.name() == "Mechanisms" and not mechanisms.isExpanded()
    assert "Trend (ontwikkeling)" in [child.name() for child in mechanisms.children()]
    buurt = dock.lagen["buurt"]
    assert buurt.featureCount() == 80 and dock.lagen["grid"].featureCount() == 2345
    renderer = buurt.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "risico_klasse"
    assert '"naam"' in buurt.displayExpression()
    # the GeoPackage carries its own styles as defaults (read with sqlite: QGIS 3.22 cannot open a second
    # connection to a GeoPackage whose layers have a subset string, so a fresh layer here would prove nothing)
    with sqlite3.connect(gpkg) as db:
        styles = dict(db.execute("SELECT f_table_name, styleQML FROM layer_styles WHERE useAsDefault = 1"))
    assert 'attr="risico_klasse"' in styles["risicoprofiel_buurt"]
    assert 'attr="risico_klasse"' in styles["risicoprofiel_grid"]
    # the buurt name on every grid cell
    cells = dock.resultaat.frames["grid"]
    assert cells["naam"].notna().all()

    # the list: the target group by risk, 'al zwak of lager' in its own section below
    top = dock.lijst.boom.topLevelItem(0)
    assert top.text(0).startswith("Target group") and top.childCount() == 67
    assert dock.lijst.boom.topLevelItem(1).text(0).startswith("Already 'zwak'")
    first = top.child(0)
    assert first.text(1) == "sterk verhoogd"
    code = first.data(0, 256)  # Qt.UserRole
    dock.lijst.boom.setCurrentItem(first)
    summary = dock.lijst.samenvatting
    naam = dock.resultaat.buurt(code)["naam"]
    assert naam in summary.tekst and "deelgebieden van 100 m" in summary.tekst
    assert "data:image/svg+xml;base64," in summary.html  # the chart, as QTextBrowser draws it
    _foto(dock, plugin_root, "3_resultaten")

    # re-weighting: classes change, no mechanism runs
    from vroegsignalering.core.mechanisms import register

    def no_mechanism(*_args, **_kwargs):
        raise AssertionError("a mechanism ran while re-weighting")

    monkeypatch.setattr(register, "mechanism_function", no_mechanism)
    before = dict(zip(dock.resultaat.frames["grid"]["code"], dock.resultaat.frames["grid"]["risico_klasse"]))
    started = time.perf_counter()
    dock.mechanismen.rijen["uitstraling"][0].setChecked(False)  # switch uitstraling off
    seconds = time.perf_counter() - started
    after = dict(zip(dock.resultaat.frames["grid"]["code"], dock.resultaat.frames["grid"]["risico_klasse"]))
    assert any(before[c] != after[c] for c in before if before[c] == before[c] and after[c] == after[c])
    assert "uitstraling.aan = nee" in dock.toestand().instellingen
    print(f"\nre-weighting the sample: {seconds:.3f} s")
    # ... and the GeoPackage holds the new classes
    stored = {f["code"]: f["risico_klasse"] for f in QgsVectorLayer(
        f"{gpkg}|layername=risicoprofiel_grid", "g", "ogr").getFeatures()}
    assert all(stored[c] == after[c] for c in list(after)[:200] if after[c] == after[c])
    monkeypatch.undo()

    # a local interpretation survives a re-run
    dock.lijst.kies(code)
    dock.lijst.interpretatie.setPlainText("Wijkteam: veel verhuizingen in de flats aan de noordkant.")
    dock.lijst.bewaar.click()
    dock.start()
    _wacht(dock)
    dock.lijst.kies(code)
    assert dock.lijst.interpretatie.toPlainText() == "Wijkteam: veel verhuizingen in de flats aan de noordkant."
    assert "Wijkteam" in dock.lijst.samenvatting.tekst

    # the project remembers: save, clear, reopen
    qgz = tmp_path / "project.qgz"
    assert project.write(str(qgz))
    project.clear()
    assert dock.resultaat is None
    assert project.read(str(qgz))
    QCoreApplication.processEvents()
    assert dock.gegevens.gemeenten() == ["GM0995"]
    assert not dock.mechanismen.rijen["uitstraling"][0].isChecked()
    assert dock.resultaat is not None and "buurt" in dock.lagen
    assert project.layerTreeRoot().findGroup("Vroegsignalering Lelystad 2024") is not None
    assert dock.lagen["buurt"].renderer().classAttribute() == "risico_klasse"
    dock.lijst.kies(code)
    assert "Wijkteam" in dock.lijst.interpretatie.toPlainText()

    # ... also when the project folder moves: the panel's paths are relative to the project, as its layers are
    project.clear()
    moved = tmp_path.parent / "verplaatst"
    tmp_path.rename(moved)
    assert project.read(str(moved / "project.qgz"))
    QCoreApplication.processEvents()
    assert dock.resultaat is not None and dock.resultaat.gpkg == str(moved / "vroegsignalering_gm0995_laatste.gpkg")
    assert dock.uitvoermap.filePath() == str(moved)
    dock.lijst.kies(code)
    assert "Wijkteam" in dock.lijst.interpretatie.toPlainText()
    assert dock.toestand().gpkg == str(moved / "vroegsignalering_gm0995_laatste.gpkg")


def test_a_run_without_scores_says_what_is_missing(paneel, tmp_path):
    paneel.uitvoermap.setFilePath(str(tmp_path))
    paneel.start()
    assert paneel.taak is None
    assert "scores" in paneel.status.text()


def test_a_bad_setting_is_shown_not_run(paneel, tmp_path):
    paneel.gegevens.voorbeeld()
    paneel.uitvoermap.setFilePath(str(tmp_path))
    paneel.mechanismen.meer.setPlainText("ontwikeling.aan = nee")
    paneel.start()
    assert paneel.taak is None
    assert "did you mean 'ontwikkeling'" in paneel.mechanismen.fout.text()


def test_an_own_indicator_becomes_a_row_and_runs_with_the_others(paneel, tmp_path):
    dock = paneel
    dock.gegevens.voorbeeld()
    dock.uitvoermap.setFilePath(str(tmp_path))
    dock.mechanismen.voeg_eigen_toe("eigen.armoede.veld = PersonenInArmoede\neigen.armoede.richting = hoog")
    aan, gewicht, drempel = dock.mechanismen.eigen_rijen["armoede"]
    assert aan.isChecked() and gewicht.value() == 1.0 and drempel.value() == 80
    drempel.setValue(90)
    assert "eigen.armoede.drempel_percentiel = 90" in dock.toestand().instellingen
    assert "eigen.armoede.veld = PersonenInArmoede" in dock.toestand().instellingen
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    buurt = dock.resultaat.frames["buurt"]
    assert buurt["armoede_signaal"].sum() > 0
    # the profile counts it; switched off, no factor names it any more
    as_factor = r"(?:^|; )armoede \("  # the indicator's own label ('armoede' also occurs in conjunctuur's text)
    assert buurt["factoren"].str.contains(as_factor).any()
    aan.setChecked(False)  # at once, while QGIS may still be drawing the new layers
    assert not dock.resultaat.frames["buurt"]["factoren"].str.contains(as_factor).any()
    gpkg = tmp_path / "vroegsignalering_gm0995_laatste.gpkg"
    for tabel in ("risicoprofiel_buurt", "risicoprofiel_grid"):
        stored = [f["factoren"] or "" for f in QgsVectorLayer(f"{gpkg}|layername={tabel}", "t", "ogr").getFeatures()]
        assert stored and not any(re.search(as_factor, factoren) for factoren in stored)
    # the risk layers' categories are those of the risk classes
    categories = dock.lagen["grid"].renderer().categories()
    assert [str(c.value()) for c in categories][:3] == ["2", "1", "0"]
    assert [c.label() for c in categories][:3] == ["sterk verhoogd risico", "verhoogd risico", "geen verhoogd risico"]


def test_re_weighting_that_cannot_write_says_so_and_changes_nothing(paneel, tmp_path, monkeypatch):
    dock = paneel
    _voorbeeld_uitgevoerd(dock, tmp_path)
    gpkg = tmp_path / "vroegsignalering_gm0995_laatste.gpkg"
    query = ("SELECT (SELECT group_concat(risico_klasse) FROM risicoprofiel_buurt), "
             "(SELECT group_concat(risico_klasse) FROM risicoprofiel_grid)")
    with sqlite3.connect(gpkg) as db:
        before = db.execute(query).fetchone()
    monkeypatch.setattr(dock.resultaat, "wachttijd", 0.1)
    other = sqlite3.connect(gpkg)  # someone else holds the file
    other.execute("BEGIN EXCLUSIVE")
    try:
        dock.mechanismen.rijen["ontwikkeling"][0].setChecked(False)
        assert "could not write the new risk classes" in dock.status.text()
        assert str(gpkg) in dock.status.text()
        assert dock.lijst.boom.topLevelItem(0).childCount() == 67  # the list still shows the last good classes
    finally:
        other.rollback()
        other.close()
    with sqlite3.connect(gpkg) as db:
        assert db.execute(query).fetchone() == before


def _meldingen(tmp_path, dock):
    """A point layer of nuisance reports: many in the buurt with the riskiest profile, a few elsewhere."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorFileWriter

    buurten = QgsVectorLayer(dock.gegevens.buurten.waarde(), "buurten", "ogr")
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=aantal:integer", "meldingen", "memory")
    features = []
    for index, buurt in enumerate(buurten.getFeatures()):
        punt = buurt.geometry().pointOnSurface().asPoint()
        for _ in range(20 if index % 7 == 0 else 1):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(punt)))
            feature.setAttribute("aantal", 1)
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = tmp_path / "meldingen.gpkg"  # on disk: its path travels in the settings text
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(str(path), layer.fields(), layer.wkbType(), layer.crs(),
                                        QgsProject.instance().transformContext(), options)
    writer.addFeatures(features)
    del writer
    return path


def test_the_own_indicator_dialog_counts_points_per_buurt(paneel, tmp_path):
    from vroegsignalering.ui.eigen import EigenIndicatorDialoog

    dock = paneel
    dock.gegevens.voorbeeld()
    dock.uitvoermap.setFilePath(str(tmp_path))
    path = _meldingen(tmp_path, dock)
    dialoog = EigenIndicatorDialoog(dock)
    dialoog.naam.setText("Overlast!")
    dialoog.bron.zet(str(path))
    dialoog._controleer()
    assert "lower-case letters" in dialoog.fout.text() and dialoog.result() == 0
    dialoog.naam.setText("overlast")
    assert dialoog.aggregatie.isEnabled()  # a point layer: count, sum or mean per unit
    dialoog.per_inwoner.setChecked(True)
    dialoog.omschrijving.setText("meldingen overlast")
    dialoog._controleer()
    assert dialoog.result() == 1
    tekst = dialoog.tekst()
    assert f"eigen.overlast.bron = {path}" in tekst and "eigen.overlast.per_inwoner = ja" in tekst
    assert "eigen.overlast.veld" not in tekst  # points are counted
    dock.mechanismen.voeg_eigen_toe(tekst)
    assert "overlast" in dock.mechanismen.eigen_rijen
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    buurt = dock.resultaat.frames["buurt"]
    assert buurt["overlast_signaal"].sum() > 0


def _http_helpers():
    """The unit tests' local HTTP server and zip builders, imported by path (--import-mode=importlib)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "unit" / "httpfixture.py"
    spec = importlib.util.spec_from_file_location("vroegsignalering_tests_httpfixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def spiegel(plugin_root, tmp_path, monkeypatch):
    """A local mirror of the official files (127.0.0.1), set as the panel's download addresses."""
    from qgis.core import QgsSettings

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    hf = _http_helpers()
    sample = plugin_root / "resources" / "sample"
    folder = "Leefbaarometer 3.0 - Meting 2024 - open data"
    with hf.LocalServer() as server:
        server.routes["/resources/open-data-leefbaarometer-meting-2024.zip"] = hf.serve(hf.make_zip({
            f"{folder}/": b"",
            f"{folder}/Leefbaarometer-scores buurten 2002-2024.csv":
                (sample / "Leefbaarometer-scores buurten 2002-2024.csv").read_bytes(),
            f"{folder}/Leefbaarometer-scores grids 2002-2024.csv":
                (sample / "Leefbaarometer-scores grids 2002-2024.csv").read_bytes(),
        }))
        server.routes["/cbs/wijkenbuurten_2024.gpkg"] = hf.serve_file(sample / "wijkbuurtkaart_2024_lelystad.gpkg")
        settings = QgsSettings()
        settings.setValue("vroegsignalering/download/leefbaarometer_url", server.url("/resources/"))
        settings.setValue("vroegsignalering/download/cbs_url", server.url("/cbs/"))
        settings.setValue("vroegsignalering/download/cache", str(tmp_path / "cache"))
        try:
            yield server
        finally:
            for key in ("leefbaarometer_url", "cbs_url", "cache"):
                settings.remove(f"vroegsignalering/download/{key}")


def test_fetching_the_official_data_fills_in_the_sources(paneel, spiegel, tmp_path):
    dock = paneel
    dock.ophalen()
    assert dock.taak is not None and not dock.bereken.isEnabled()
    _wacht(dock)
    assert "official data is in" in dock.status.text(), dock.status.text()
    cache = tmp_path / "cache"
    assert dock.gegevens.scores_buurt.waarde().startswith(str(cache))
    assert dock.gegevens.scores_buurt.waarde().endswith("Leefbaarometer-scores buurten 2002-2024.csv")
    assert dock.gegevens.scores_grid.waarde().endswith("Leefbaarometer-scores grids 2002-2024.csv")
    assert dock.gegevens.buurten.waarde() == f"{cache / 'wijkenbuurten_2024.gpkg'}|layername=buurten"
    assert dock.gegevens.jaar.itemData(1) == 2024
    # the gemeenten come from the fetched data: tick one and run
    assert dock.gegevens.gemeenten() == []
    dock.gegevens.zet_gemeenten(["GM0995"])
    dock.uitvoermap.setFilePath(str(tmp_path / "uit"))
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    assert dock.resultaat.frames["buurt"]["code"].str.startswith("BU0995").all()


def test_a_mirror_behind_a_login_gets_the_login_set_in_qgis(paneel, spiegel, authcfg):
    """Options → Advanced: vroegsignalering/download/authcfg (a login of QGIS's authentication database) reaches
    the download; allow_http = true lets a mirror inside the own network use http."""
    from qgis.core import QgsSettings

    from vroegsignalering.ui.dock import download_instellingen

    hf = _http_helpers()
    for pad in ("/resources/open-data-leefbaarometer-meting-2024.zip", "/cbs/wijkenbuurten_2024.gpkg"):
        spiegel.routes[pad] = hf.basic_auth("analist", "geheim", spiegel.routes[pad])
    dock = paneel
    settings = QgsSettings()
    try:
        dock.ophalen()
        _wacht(dock)
        assert dock.status.text().startswith("The download did not succeed"), dock.status.text()
        settings.setValue("vroegsignalering/download/authcfg", authcfg)
        settings.setValue("vroegsignalering/download/allow_http", "true")
        assert download_instellingen()["AUTHCFG"] == authcfg and download_instellingen()["ALLOW_HTTP"] is True
        dock.ophalen()
        _wacht(dock)
        assert "official data is in" in dock.status.text(), dock.status.text()
        assert dock.gegevens.scores_buurt.waarde().endswith("Leefbaarometer-scores buurten 2002-2024.csv")
        settings.setValue("vroegsignalering/download/allow_http", "false")
        assert "ALLOW_HTTP" not in download_instellingen()
    finally:
        settings.remove("vroegsignalering/download/authcfg")
        settings.remove("vroegsignalering/download/allow_http")


def test_a_failed_fetch_says_so_and_keeps_the_sources(paneel, spiegel):
    dock = paneel
    dock.gegevens.voorbeeld()
    before = dock.gegevens.scores_buurt.waarde()
    del spiegel.routes["/cbs/wijkenbuurten_2024.gpkg"]  # the CBS file is not there
    dock.ophalen()
    _wacht(dock)
    assert dock.status.text().startswith("The download did not succeed"), dock.status.text()
    assert "choose files you have under 1 Data" in dock.status.text()
    assert dock.gegevens.scores_buurt.waarde() == before
    assert dock.bereken.isEnabled()


def test_the_summary_names_the_wijk_when_the_cbs_map_has_its_wijken(paneel, plugin_root, tmp_path):
    """CBS's wijk- en buurtkaart has a 'wijken' layer beside 'buurten' (the sample has only buurten)."""
    import shutil

    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsVectorFileWriter,
    )

    from vroegsignalering import compat

    kaart = tmp_path / "wijkenbuurten_2024.gpkg"
    shutil.copy(plugin_root / "resources" / "sample" / "wijkbuurtkaart_2024_lelystad.gpkg", kaart)
    fields = QgsFields()
    for name in ("wijkcode", "wijknaam"):
        fields.append(QgsField(name, compat.FIELD_STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "wijken"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(str(kaart), fields, compat.WKB_NONE, QgsCoordinateReferenceSystem(),
                                        QgsCoordinateTransformContext(), options)
    feature = QgsFeature(fields)
    feature.setAttributes(["WK099504", "Lelystad-Zuid"])
    writer.addFeature(feature)
    del writer

    dock = paneel
    dock.gegevens.voorbeeld()
    dock.gegevens.buurten.zet(f"{kaart}|layername=buurten")
    dock.uitvoermap.setFilePath(str(tmp_path / "uit"))
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    assert dock.lijst.kies("BU09950421")  # Getijdenbuurt, Sportpark Doggersbank: in wijk WK099504
    assert "wijk Lelystad-Zuid (WK099504)" in dock.lijst.samenvatting.tekst
    # a buurt of a wijk the layer does not name keeps its code
    other = dock.resultaat.frames["buurt"].query("wijkcode != 'WK099504'").iloc[0]
    assert dock.lijst.kies(other["code"])
    assert f"wijk {other['wijkcode']}" in dock.lijst.samenvatting.tekst


def test_the_report_button_makes_the_council_report_with_the_local_interpretation(paneel, tmp_path):
    import subprocess

    dock = paneel
    dock.rapport()  # nothing to report yet: it says so
    assert "Run the analysis first" in dock.status.text()
    _voorbeeld_uitgevoerd(dock, tmp_path)
    code = dock.lijst.boom.topLevelItem(0).child(0).data(0, 256)
    dock.lijst.kies(code)
    dock.lijst.interpretatie.setPlainText("Wijkteam: veel verhuizingen in de flats aan de noordkant.")
    dock.lijst.bewaar.click()
    from qgis.core import QgsApplication, QgsTask

    taken = []
    QgsApplication.taskManager().taskAdded.connect(lambda taak_id: taken.append(
        QgsApplication.taskManager().task(taak_id)))
    dock.rapport()
    # the export shows in QGIS's task manager as the layout designer's does, and ends there
    assert [taak.description() for taak in taken] == ["Council report"]
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    einde = time.monotonic() + 10
    while taken[0].status() != QgsTask.TaskStatus.Complete and time.monotonic() < einde:
        QCoreApplication.processEvents()
    assert taken[0].status() == QgsTask.TaskStatus.Complete
    pdf = dock.laatste_rapport
    assert pdf is not None and pdf.parent == tmp_path and pdf.suffix == ".pdf", dock.status.text()
    assert str(pdf) in dock.status.text() and not dock.voortgang.isVisible()
    tekst = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Wijkteam: veel verhuizingen in de flats aan de noordkant." in tekst
    assert "Note: this is an example" in tekst  # the QGIS here speaks English; the sample's history is simulated, and the report says so
    layout = QgsProject.instance().layoutManager().layoutByName("Raadsrapport Vroegsignalering Lelystad 2024")
    assert layout is not None and layout.pageCollection().pageCount() == 11


def test_a_weight_turned_step_by_step_re_weighs_once_it_rests(paneel, tmp_path, monkeypatch):
    """Three quick steps of a weight: one re-weighting, with the last value, after the weight rests; a switch acts at
    once (a national re-weighting takes seconds: every step of a spin box must not cost that)."""
    from vroegsignalering.ui.mechanismen import GEWICHT_RUST_MS

    dock = paneel
    _voorbeeld_uitgevoerd(dock, tmp_path)
    gewogen = []
    herweeg = dock.resultaat.herweeg
    monkeypatch.setattr(dock.resultaat, "herweeg", lambda regels, *a: gewogen.append(regels) or herweeg(regels, *a))
    gewicht = dock.mechanismen.rijen["uitstraling"][1]
    for waarde in (1.5, 2.0, 2.5):
        gewicht.setValue(waarde)
        QCoreApplication.processEvents()
    assert gewogen == []  # not yet: the weight has not rested
    start = time.monotonic()
    while not gewogen and time.monotonic() - start < 10:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert time.monotonic() - start >= GEWICHT_RUST_MS / 1000 * 0.5
    for _ in range(int(GEWICHT_RUST_MS / 20) * 2):  # and nothing more comes after it
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert len(gewogen) == 1 and gewogen[0].gewichten["uitstraling"] == 2.5
    assert "uitstraling.gewicht = 2.5" in dock.toestand().instellingen
    dock.mechanismen.rijen["ontwikkeling"][0].setChecked(False)  # a switch: at once
    assert len(gewogen) == 2 and gewogen[1].gewichten["ontwikkeling"] == 0.0


def test_the_mechanisms_fit_a_narrow_dock_and_a_name_clicked_flips_its_switch(paneel):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    dock = paneel
    dock.mechanismen.voeg_eigen_toe("eigen.armoede.veld = PersonenInArmoede")
    dock.mechanismen.voeg_eigen_toe("eigen.armoede.veld = PersonenInArmoede")  # rows rebuilt: no name left behind
    tab = dock.tabs.widget(1).widget()
    # the tab scrolls down, never sideways: its rows must fit a dock of 420 px (the longest name wraps)
    assert tab.minimumSizeHint().width() <= 420, tab.minimumSizeHint().width()
    grid = dock.mechanismen.grid
    namen = [grid.itemAtPosition(row, 1).widget().text() for row in range(1, grid.rowCount())
             if grid.itemAtPosition(row, 1) is not None]
    assert len(namen) == 11 and namen[-1] == "armoede", namen
    aan = dock.mechanismen.rijen["uitstraling"][0]
    signalen = []
    dock.mechanismen.herweging.connect(lambda: signalen.append(1))
    QTest.mouseClick(aan.naam, Qt.MouseButton.LeftButton)
    assert not aan.isChecked() and signalen == [1]
    assert "uitstraling.aan = nee" in dock.mechanismen.instellingen().tekst()
    QTest.mouseClick(aan.naam, Qt.MouseButton.LeftButton)
    assert aan.isChecked() and signalen == [1, 1]


def test_kerncijfers_of_an_earlier_year_reach_an_earlier_analysis_and_stay_with_the_project(paneel, plugin_root,
                                                                                          tmp_path):
    dock = paneel
    project = QgsProject.instance()
    map_ = tmp_path / "project"
    map_.mkdir()
    bron = plugin_root / "resources" / "sample" / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"
    eerder = map_ / "kerncijfers_wijken_en_buurten_2016_lelystad.csv"
    eerder.write_bytes(bron.read_bytes())
    dock.gegevens.voorbeeld()
    dock.gegevens.jaar.setCurrentIndex(dock.gegevens.jaar.findData(2016))
    dock.gegevens.context_jaren._kies([str(eerder)])
    assert dock.gegevens.context_jaren.namen.text() == "kerncijfers_wijken_en_buurten_2016_lelystad.csv"
    assert dock.toestand().context_jaren == [str(eerder)]
    dock.uitvoermap.setFilePath(str(map_))
    dock.start()
    _wacht(dock)
    assert dock.status.text().startswith("Done"), dock.status.text()
    berichten = "\n".join(dock.taak.feedback.berichten)
    assert "kerncijfers_wijken_en_buurten_2016_lelystad.csv: CBS figures of 2016 used for 2016" in berichten
    assert "later than the analysis year" not in berichten
    # saved with the project, relative to it: the folder may move
    qgz = map_ / "project.qgz"
    assert project.write(str(qgz))
    project.clear()
    verplaatst = tmp_path / "verplaatst"
    map_.rename(verplaatst)
    assert project.read(str(verplaatst / "project.qgz"))
    QCoreApplication.processEvents()
    assert dock.gegevens.context_jaren.waarde() == [str(verplaatst / eerder.name)]
    # and cleared with its button
    from qgis.PyQt.QtWidgets import QToolButton

    dock.gegevens.context_jaren.findChild(QToolButton, "context_jaren_wissen").click()
    assert dock.toestand().context_jaren == [] and dock.gegevens.context_jaren.namen.text() == ""


def test_the_backtest_button_tests_the_shown_analysis_on_history_and_the_report_explains_it(paneel, tmp_path):
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication

    def pdf_tekst():
        return " ".join(subprocess.run(["pdftotext", str(dock.laatste_rapport), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())

    dock = paneel
    dock.terugtoets()  # nothing to test yet: it says so
    assert "Run the analysis first" in dock.status.text()
    _voorbeeld_uitgevoerd(dock, tmp_path)
    dock.terugtoets()
    assert dock.taak is not None and "as of 2016, against 2024" in dock.status.text()
    _wacht(dock)
    status = dock.status.text()
    assert status.startswith("Backtest 2016 → 2024: the risk profile tells decliners from the others with an AUC of 0.")
    gpkg, html = tmp_path / "vroegsignalering_gm0995_laatste_terugtoets.gpkg", tmp_path / \
        "vroegsignalering_gm0995_laatste_terugtoets.html"
    assert gpkg.is_file() and str(html) in status and "risicoprofiel" in html.read_text(encoding="utf-8")
    rows = {f["naam"]: f for f in QgsVectorLayer(f"{gpkg}|layername=backtest", "b", "ogr").getFeatures()}
    assert rows["risicoprofiel"]["analysejaar"] == 2016 and rows["risicoprofiel"]["uitkomstjaar"] == 2024
    assert f'{rows["risicoprofiel"]["auc"]:.2f}' in status
    # the file's long name does not widen the panel beyond a dock of 420 px
    assert dock.tabs.widget(2).widget().minimumSizeHint().width() <= 420
    # the report explains it, and says the history is simulated
    dock.rapport()
    QCoreApplication.processEvents()
    tekst = pdf_tekst()
    assert "Looking back: the buurten" in tekst and "No look back (backtest) was given" not in tekst
    assert "With a backtest" not in dock.status.text()
    # remembered with the project, also when its folder moves ...
    assert dock.toestand().terugtoets == str(gpkg)
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "project.qgz"))
    project.clear()
    verplaatst = tmp_path.parent / (tmp_path.name + "_verplaatst")
    tmp_path.rename(verplaatst)
    assert project.read(str(verplaatst / "project.qgz"))
    QCoreApplication.processEvents()
    assert dock.toestand().terugtoets == str(verplaatst / gpkg.name)
    dock.rapport()
    QCoreApplication.processEvents()
    assert "Looking back: the buurten" in pdf_tekst() and "It has no backtest" not in dock.status.text()
    # ... until a source changes (another file under the same name) ...
    from vroegsignalering.ui.dock import terugtoets_sleutel

    toestand = dock.toestand()
    sloop = verplaatst / "sloop.csv"
    sloop.write_text("buurtcode,jaar,gesloopte_woningen\nBU09950221,2016,88\n", encoding="utf-8")
    andere = verplaatst / "andere" / "sloop.csv"
    andere.parent.mkdir()
    andere.write_text("buurtcode,jaar,gesloopte_woningen\nBU09950221,2016,88\nBU09950310,2013,64\n", encoding="utf-8")
    toestand.sloop = str(sloop)
    sleutel = terugtoets_sleutel(toestand, 2024)
    toestand.sloop = str(andere)
    assert terugtoets_sleutel(toestand, 2024) != sleutel
    # ... or a weight: the backtest was made with other weights, so the report leaves it out and says so
    dock.mechanismen.rijen["uitstraling"][0].setChecked(False)
    dock.rapport()
    QCoreApplication.processEvents()
    assert "It has no backtest: the last one was made from other data or settings" in dock.status.text()
    assert "No look back (backtest) was given" in pdf_tekst()


def test_the_backtest_of_grid_scores_alone_looks_back_on_the_100_m_cells(paneel, tmp_path):
    dock = paneel
    dock.gegevens.voorbeeld()
    dock.gegevens.scores_buurt.zet("")  # only the grid scores: the buurten are the means of their cells
    dock.uitvoermap.setFilePath(str(tmp_path))
    dock.start()
    _wacht(dock)
    dock.terugtoets()
    _wacht(dock)
    assert dock.status.text().startswith("Backtest 2016 → 2024: the risk profile"), dock.status.text()
    gpkg = tmp_path / "vroegsignalering_gm0995_laatste_terugtoets.gpkg"
    rows = [f for f in QgsVectorLayer(f"{gpkg}|layername=backtest", "b", "ogr").getFeatures()
            if f["naam"] == "risicoprofiel"]
    assert [f["niveau"] for f in rows] == ["grid"]
