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
