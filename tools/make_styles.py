"""Regenerate the layer styles in resources/stijlen/*.qml with QGIS itself.

The .qml files are the styles the plugin applies (algorithms/stijl.py); this
script is how they were made. Run it after changing a colour or a label here,
and commit the .qml files it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_styles.py

Only symbology and labeling go into the files: field aliases, map tips and the
display expression depend on the layer and the user's language and are set by
``stijl.pas_toe``.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless import ROOT, plugin_package  # noqa: E402

STIJLEN = ROOT / "resources" / "stijlen"

# Leefbaarometer 3.0 ramp, class 1 (zeer onvoldoende, brown) .. 9 (uitstekend, green)
KLASSE_KLEUREN = ("#cf783f", "#d7995e", "#e0b881", "#fbf2c4", "#d0d2a6", "#a7b38a", "#819470", "#5e7657", "#3b5941")
ONBEKEND = "#bdbdbd"
RISICO = ((2, "#b2182b", "sterk verhoogd risico"), (1, "#f4a582", "verhoogd risico"),
          (0, "#e0ecd4", "geen verhoogd risico"), (None, ONBEKEND, "al zwak of lager / onbekend"))
SIGNAAL = ((1, "#d7301f", "signaal"), (0, "#f0f0e0", "geen signaal"), (None, ONBEKEND, "onbekend"))
# buurt outlines over the 100 m cells: a coloured band inside the border (clipped to the buurt, so two
# neighbours each show their own colour; the visible band is half the width), and a thin border every buurt has
BAND_MM = {2: 2.0, 1: 1.6}
GRENS = ("#333333", 0.3)
CASING, CASING_MM = "#333333", 0.2


def _fill(colour, outline=None, width=0.0):
    from qgis.core import QgsFillSymbol

    properties = {"color": colour, "outline_style": "no"}
    if outline is not None:
        properties.update(outline_style="solid", outline_color=outline, outline_width=str(width))
    return QgsFillSymbol.createSimple(properties)


def _categorised(field, items):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    return QgsCategorizedSymbolRenderer(field, [QgsRendererCategory(value, symbol, label)
                                                for value, symbol, label in items])


def klasse():
    """The nine Leefbaarometer classes, NULL grey; thin half-transparent outline."""
    plugin_package()
    from vroegsignalering.core.classes import KLASSE_LABELS

    items = [(k, _fill(colour, "#80808080", 0.1), f"{k} {KLASSE_LABELS[k]}")
             for k, colour in enumerate(KLASSE_KLEUREN, start=1)]
    items.append((None, _fill(ONBEKEND, "#80808080", 0.1), "onbekend"))
    return _categorised("klasse", items), None


def risico_grid():
    """Risk classes of the 100 m cells as filled squares without outline."""
    return _categorised("risico_klasse", [(value, _fill(colour), label) for value, colour, label in RISICO]), None


def signaal():
    """Signal / no signal / unknown on the placeholder field ``signaal`` (replaced by <mechanism>_signaal)."""
    items = [(value, _fill(colour, "#80808080", 0.1), label) for value, colour, label in SIGNAAL]
    return _categorised("signaal", items), None


def _line(colour, width, inside, rendering_pass, style="solid"):
    from qgis.core import QgsSimpleLineSymbolLayer

    line = QgsSimpleLineSymbolLayer.create({"line_color": colour, "line_width": str(width), "line_style": style,
                                            "joinstyle": "miter" if inside else "round", "capstyle": "flat"})
    line.setDrawInsidePolygon(inside)  # clipped to the buurt: only the inner half of the width shows
    line.setRenderingPass(rendering_pass)
    return line


def _outline(colour, band, rank, style="solid"):
    """A fill symbol without fill: the thin border and, for a risk class, a coloured band inside it.

    The band is cased (a dark edge on its inner side, the border on its outer side) so it stands out on
    cells of its own colour. Bands are drawn first, then the borders by rank (a riskier buurt's on top).
    """
    from qgis.core import QgsFillSymbol

    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    if band:
        symbol.appendSymbolLayer(_line(CASING, band + 2 * CASING_MM, True, 0))
        symbol.appendSymbolLayer(_line(colour, band, True, 1))
    symbol.appendSymbolLayer(_line(GRENS[0] if band else colour, GRENS[1], False, 2 + rank, style))
    return symbol


def risico_buurt():
    """Buurten as outlines by risk class (no fill, so cells under them stay visible), labelled with their name."""
    grey = {0: "#7a7a7a", None: "#7a7a7a"}
    rank = {2: 3, 1: 2, 0: 1, None: 0}
    # 'al zwak of lager / onbekend' dashed, so its legend entry differs from 'geen verhoogd risico'
    items = [(value, _outline(grey.get(value, colour), BAND_MM.get(value), rank[value],
                              "dash" if value is None else "solid"), label)
             for value, colour, label in RISICO]
    renderer = _categorised("risico_klasse", items)
    renderer.setUsingSymbolLevels(True)
    return renderer, _naam_labels(7.5)


def _naam_labels(size, prioriteit=True):
    """Buurt names over the polygons, bold with a white halo; with ``prioriteit`` the names at risk win."""
    from qgis.core import (
        Qgis,
        QgsPalLayerSettings,
        QgsProperty,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    text = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(True)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.9)
    buffer.setColor(QColor("#ffffff"))
    buffer.setOpacity(0.85)
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "naam"
    settings.setFormat(text)
    if hasattr(Qgis, "LabelPlacement"):  # QGIS 3.26+
        settings.placement = Qgis.LabelPlacement.OverPoint
    else:
        settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.centroidInside = True
    settings.autoWrapLength = 16
    settings.priority = 5
    if prioriteit:  # where labels collide, the names of buurten at risk win
        settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Priority, QgsProperty.fromExpression(
            'CASE WHEN "risico_klasse" = 2 THEN 10 WHEN "risico_klasse" = 1 THEN 8 ELSE 5 END'))
    return QgsVectorLayerSimpleLabeling(settings)


# the gemeente's outline, drawn once per gemeente (by its first buurt): the union of its buurten
# (grown and shrunk by 5 m, so the slivers between buurten close)
GEMEENTEGRENS = ('CASE WHEN $id = minimum($id, group_by:="gm_code") THEN boundary(buffer(buffer(aggregate(@layer_id, '
                 "'collect', $geometry, filter:=\"gm_code\" = attribute(@parent, 'gm_code')), 5), -5)) END")


def _gemeentegrens(symbol):
    """A symbol that also draws the gemeente's outline (a geometry generator; evaluated for one buurt each)."""
    from qgis.core import QgsGeometryGeneratorSymbolLayer, QgsLineSymbol

    try:
        from qgis.core import Qgis

        lijn = Qgis.SymbolType.Line
    except AttributeError:  # QGIS < 3.20 spelling
        from qgis.core import QgsSymbol

        lijn = QgsSymbol.SymbolType.Line
    generator = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": GEMEENTEGRENS})
    generator.setSymbolType(lijn)
    generator.setSubSymbol(QgsLineSymbol.createSimple({"line_color": "#1a1a1a", "line_width": "0.6"}))
    symbol.appendSymbolLayer(generator)
    return symbol


def rapport_overzicht():
    """The report's overview: buurten filled by risk class (no cells on this map), white borders, names,
    and the gemeente's outline."""
    items = [(value, _gemeentegrens(_fill(colour, "#ffffff", 0.25)), label) for value, colour, label in RISICO]
    return _categorised("risico_klasse", items), _naam_labels(6.5)


def _regels(regels):
    from qgis.core import QgsRuleBasedRenderer

    wortel = QgsRuleBasedRenderer.Rule(None)
    for symbol, label, expressie in regels:
        wortel.appendChild(QgsRuleBasedRenderer.Rule(symbol, label=label, filterExp=expressie,
                                                     elseRule=expressie is None))
    return QgsRuleBasedRenderer(wortel)


def rapport_buurt():
    """A buurt's page: its border thick and dark over its 100 m cells, the neighbours' borders thin."""
    deze = _outline("#1a1a1a", None, 0)
    deze.symbolLayer(0).setWidth(1.0)
    buren = _outline("#8a8a8a", None, 0)
    return _regels([(deze, "deze buurt", '"code" = @vs_buurt_code'), (buren, "andere buurten", None)]), \
        _naam_labels(7, prioriteit=False)


def rapport_locatie():
    """The locator map: the gemeenten of the Netherlands light grey, the reported ones in the report's colour."""
    return _regels([(_fill("#7b1d2a", "#7b1d2a", 0.2), "deze gemeente",
                     'array_contains(string_to_array(@vs_gemeenten), "gm_code")'),
                    (_fill("#e3e3e3", "#ffffff", 0.05), "Nederland", None)]), None


STYLES = {"klasse": klasse, "risico_grid": risico_grid, "risico_buurt": risico_buurt, "signaal": signaal,
          "rapport_overzicht": rapport_overzicht, "rapport_buurt": rapport_buurt, "rapport_locatie": rapport_locatie}



def write_styles(folder=STIJLEN):
    """Write every style to folder/<soort>.qml; returns the paths."""
    from qgis.core import QgsMapLayer, QgsVectorLayer

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fields = "&".join(f"field={name}" for name in ("code:string", "naam:string", "gm_code:string", "klasse:integer",
                                                   "risico_klasse:integer", "signaal:integer"))
    categories = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
    written = []
    for soort, make in STYLES.items():
        layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:28992&{fields}", soort, "memory")
        renderer, labeling = make()
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        path = folder / f"{soort}.qml"
        message, ok = layer.saveNamedStyle(str(path), categories)
        if not ok:
            raise SystemExit(f"make_styles: could not write {path}: {message}")
        written.append(path)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(STIJLEN))
    out = parser.parse_args().out
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_HASH_SEED", "0")  # the same attribute order in the XML every run: small diffs
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for path in write_styles(out):
        print(f"wrote {path}")
    app.exitQgis()


if __name__ == "__main__":
    main()
