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
