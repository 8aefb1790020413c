"""Translations: a user with QGIS in Dutch sees the plugin in Dutch, others in English."""

import pytest
from qgis.core import QgsApplication, QgsSettings

import vroegsignalering
from vroegsignalering.algorithms.importscores import ImportScores


@pytest.fixture()
def locale_nl(plugin_root):
    if not (plugin_root / "i18n" / "vroegsignalering_nl.qm").exists():
        pytest.fail("i18n/vroegsignalering_nl.qm missing: run 'make translations' (make test does)")
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "nl_NL")
    yield
    settings.setValue("locale/userLocale", before)


def test_dutch_locale_shows_dutch_strings(qgis_iface, qgis_processing, locale_nl):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("vroegsignalering") is not None:
        registry.removeProvider(registry.providerById("vroegsignalering"))
    plugin = vroegsignalering.classFactory(qgis_iface)
    try:
        assert plugin.translator is not None
        algorithm = ImportScores()
        assert algorithm.displayName() == "Leefbaarometer-scores importeren"
        assert algorithm.group() == "1 Gegevens"  # a string of the shared base class
        plugin.initGui()
        assert plugin.action.toolTip() == "Toon het vroegsignaleringspaneel"
    finally:
        plugin.unload()
    assert ImportScores().displayName() == "Import Leefbaarometer scores"


def test_english_locale_keeps_english(qgis_iface):
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "en_GB")
    try:
        plugin = vroegsignalering.classFactory(qgis_iface)
        assert plugin.translator is None
        assert ImportScores().displayName() == "Import Leefbaarometer scores"
    finally:
        settings.setValue("locale/userLocale", before)


def test_every_string_has_a_dutch_translation(plugin_root):
    import xml.etree.ElementTree as ET

    tree = ET.parse(plugin_root / "i18n" / "vroegsignalering_nl.ts")
    untranslated = [
        m.find("source").text
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.find("translation").text or "").strip()
    ]
    assert untranslated == []


def test_translation_source_is_up_to_date_with_the_code(plugin_root, tmp_path):
    """Every user-facing string in the code is in the .ts (run 'make ts' and translate when this fails)."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    pylupdate = shutil.which("pylupdate5")
    if pylupdate is None:
        pytest.fail("pylupdate5 not found: run 'make test', which installs pyqt5-dev-tools")
    sources = sorted(str(p) for folder in ("algorithms", "ui", "report") for p in (plugin_root / folder).rglob("*.py"))
    sources += [str(plugin_root / "plugin.py"), str(plugin_root / "translation.py")]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([pylupdate, "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def strings(path):
        return {m.find("source").text for m in ET.parse(path).iter("message")}

    missing = strings(fresh) - strings(plugin_root / "i18n" / "vroegsignalering_nl.ts")
    assert missing == set()


# ---------------------------------------------------------------- one language per run

# the risk classes ('geen verhoogd risico', 'al zwak of lager') are the instrument's own labels in both languages
NEDERLANDS = (" eenheden ", " zonder ", " geen uitkomst", " geen score", " geen CBS", " geen vergelijking", " buiten ",
              " telt", " uit de ", " weggelaten", " gebruikt voor", " liggen ")
ENGELS = (" units ", " without ", " skipped", " left out", " outside ", " read from ", " lie in ")


def _analyse_log(plugin_root, tmp_path, qgis_iface, taal):
    """Every line the complete analysis logs, with QGIS set to ``taal`` (the plugin loaded as QGIS loads it)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", taal)
    registry = QgsApplication.processingRegistry()
    if registry.providerById("vroegsignalering") is not None:
        registry.removeProvider(registry.providerById("vroegsignalering"))
    plugin = vroegsignalering.classFactory(qgis_iface)
    regels = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            regels.append(info)

        def pushWarning(self, warning):  # noqa: N802 (QGIS API)
            regels.append(warning)

    try:
        plugin.initProcessing()
        sample = plugin_root / "resources" / "sample"
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        processing.run("vroegsignalering:vroegsignalering", {
            "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
            "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
            "BUURTEN": f"{sample / 'wijkbuurtkaart_2024_lelystad.gpkg'}|layername=buurten",
            "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"), "YEAR": 2016,
            "OUTPUT_BUURT": str(tmp_path / f"b_{taal}.gpkg"), "OUTPUT_GRID": str(tmp_path / f"g_{taal}.gpkg"),
        }, feedback=Log(), context=context)
    finally:
        plugin.unload()
        settings.setValue("locale/userLocale", before)
    return [f" {regel} " for regel in regels]


def test_the_log_of_a_run_is_in_one_language_english(plugin_root, tmp_path, qgis_iface, qgis_processing):
    regels = _analyse_log(plugin_root, tmp_path, qgis_iface, "en_GB")
    assert len(regels) > 20 and any("sloopelders left out" in r for r in regels)
    nederlands = [r for r in regels if any(w in r for w in NEDERLANDS)]
    assert not nederlands, nederlands


def test_the_log_of_a_run_is_in_one_language_dutch(plugin_root, tmp_path, qgis_iface, qgis_processing):
    regels = _analyse_log(plugin_root, tmp_path, qgis_iface, "nl_NL")
    assert len(regels) > 20 and any("sloopelders weggelaten" in r for r in regels)
    engels = [r for r in regels if any(w in r for w in ENGELS)]
    assert not engels, engels
