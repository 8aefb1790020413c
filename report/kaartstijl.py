"""How the report's maps draw the layers: styles kept as data (resources/stijlen/rapport_*.qml).

A report map does not restyle the analyst's layers: each map item gets a
style override. The overview fills the buurten by risk class (the 100 m cells
stay off that map, so they never hide the buurt classes); a buurt's page
draws its border thick over its cells (the rule reads the map item's variable
``@vs_buurt_code``); the locator map marks the gemeenten of ``@vs_gemeenten``.
"""

from qgis.core import QgsBasicNumericFormat

from .. import compat
from ..__about__ import PLUGIN_DIR

STIJLEN = PLUGIN_DIR / "resources" / "stijlen"


def _stijl(soort):
    return (STIJLEN / f"rapport_{soort}.qml").read_text(encoding="utf-8")


def overzicht():
    return _stijl("overzicht")


def buurt():
    return _stijl("buurt")


def locatie():
    return _stijl("locatie")


def legenda_zonder_grens(knoop):
    """The legend's patches as plain fills: without the gemeente outline the overview style draws."""
    from qgis.core import QgsMapLayerLegendUtils, QgsMapLayerStyle, QgsVectorLayer

    hulp = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=risico_klasse:integer", "hulp", "memory")
    QgsMapLayerStyle(overzicht()).writeToLayer(hulp)
    for index, categorie in enumerate(hulp.renderer().categories()):
        vlak = categorie.symbol().clone()
        while vlak.symbolLayerCount() > 1:
            vlak.deleteSymbolLayer(vlak.symbolLayerCount() - 1)
        QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(knoop, index, vlak)


def nederlandse_getallen():
    """1.234,5: thousands with a dot, decimals with a comma."""
    formaat = QgsBasicNumericFormat()
    formaat.setShowThousandsSeparator(True)
    formaat.setThousandsSeparator(".")
    formaat.setDecimalSeparator(",")
    formaat.setNumberDecimalPlaces(1)
    formaat.setShowTrailingZeros(False)
    return formaat


def segment_km(kaart_km, kaart_mm, doel_mm=15.0):
    """A round segment length (1, 2 or 5 times a power of ten, in km) of about ``doel_mm`` on the map."""
    import math

    ruw = doel_mm * kaart_km / kaart_mm
    macht = 10 ** math.floor(math.log10(ruw))
    return min((f * macht for f in (1, 2, 5, 10)), key=lambda lengte: abs(lengte - ruw))


def schaalbalk(schaal, kaart):
    """Two segments of a round number of kilometres, in Dutch number format."""
    schaal.setUnits(compat.KILOMETERS)
    schaal.setUnitLabel("km")
    schaal.setMapUnitsPerScaleBarUnit(1.0)  # QGIS's 'label unit multiplier': the labels are the km themselves
    schaal.setNumberOfSegmentsLeft(0)
    schaal.setNumberOfSegments(2)
    schaal.setSegmentSizeMode(compat.SCALEBAR_FIXED)
    schaal.setUnitsPerSegment(segment_km(kaart.extent().width() / 1000.0, kaart.rect().width()))
    schaal.setNumericFormat(nederlandse_getallen())
    schaal.update()
