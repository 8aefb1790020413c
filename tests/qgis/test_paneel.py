"""The analyst's panel, driven headless with the real plugin loaded: the whole workflow on the sample.

Data (the sample), Run (a background task), the results as one group of styled layers, re-weighting
without running a mechanism, a buurt's summary, a local interpretation that survives a re-run, and the
saved project reopening with the panel as it was. Screenshots of every step go to build/screenshots.
"""

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
    import sqlite3

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
    assert first.text(1) == "sterk verhoogd risico"
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
    aan.setChecked(False)
    assert not dock.resultaat.frames["buurt"]["factoren"].str.contains(as_factor).any()
    # the risk layers' categories are those of the risk classes
    categories = dock.lagen["grid"].renderer().categories()
    assert [str(c.value()) for c in categories][:3] == ["2", "1", "0"]
    assert [c.label() for c in categories][:3] == ["sterk verhoogd risico", "verhoogd risico", "geen verhoogd risico"]
