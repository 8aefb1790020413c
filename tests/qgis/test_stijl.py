"""Styles as data (resources/stijlen), used by every output: in a real QGIS, no mocks."""

import os
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor

from vroegsignalering.algorithms import stijl

KLASSE_KLEUREN = ("#cf783f", "#d7995e", "#e0b881", "#fbf2c4", "#d0d2a6", "#a7b38a", "#819470", "#5e7657", "#3b5941")
KLASSE_LABELS = ("zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende", "ruim voldoende", "goed",
                 "zeer goed", "uitstekend")
RISICO = {"2": ("#b2182b", "sterk verhoogd risico"), "1": ("#f4a582", "verhoogd risico"),
          "0": ("#e0ecd4", "geen verhoogd risico"), "": ("#bdbdbd", "al zwak of lager / onbekend")}
SIGNAAL = {"1": ("#d7301f", "signaal"), "0": ("#f0f0e0", "geen signaal"), "": ("#bdbdbd", "onbekend")}
SAMPLE_OUTPUTS = ("risicoprofiel_buurt", "risicoprofiel_grid")


def _value(category):
    value = category.value()
    return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)


def _categories(layer):
    """{value ('' for NULL): (colour of the first symbol layer, label)}."""
    return {_value(c): (c.symbol().symbolLayer(0).color().name(), c.label()) for c in layer.renderer().categories()}


def _memory_layer(*fields):
    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:28992&{spec}", "t", "memory")
    assert layer.isValid()
    return layer


def _visible_width(symbol_layer):
    """Width on the map in mm: a line clipped to the inside of its polygon shows half its width."""
    width = symbol_layer.width()
    return width / 2 if symbol_layer.drawInsidePolygon() else width


@pytest.fixture()
def locale():
    """Set the QGIS user interface language for one test (as the translator reads it)."""
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")

    def set_locale(name):
        settings.setValue("locale/userLocale", name)

    yield set_locale
    settings.setValue("locale/userLocale", before)


def _parameters(sample, **outputs):
    return {
        "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(sample / "sloop_lelystad.csv"),
        **outputs,
    }


@pytest.fixture(scope="module")
def analysis(module_provider, plugin_root, tmp_path_factory):
    """The complete analysis of the sample, both levels as tables of one GeoPackage, not loaded."""
    import processing

    gpkg = tmp_path_factory.mktemp("stijl") / "analyse.gpkg"
    outputs = {key: f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"
               for key, table in (("OUTPUT_BUURT", "risicoprofiel_buurt"), ("OUTPUT_GRID", "risicoprofiel_grid"))}
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("vroegsignalering:vroegsignalering", _parameters(plugin_root / "resources" / "sample", **outputs),
                   feedback=QgsProcessingFeedback(), context=context)
    assert not context.layersToLoadOnCompletion()  # nothing was loaded: no post-processor ran
    return gpkg


def _open(gpkg, table):
    layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
    assert layer.isValid()
    return layer


# the .qml files ---------------------------------------------------------


def test_klasse_style_has_the_leefbaarometer_ramp():
    layer = stijl.pas_toe(_memory_layer(("code", "string"), ("naam", "string"), ("klasse", "integer")), "klasse")
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "klasse"
    expected = {str(k): (colour, f"{k} {label}")
                for k, (colour, label) in enumerate(zip(KLASSE_KLEUREN, KLASSE_LABELS), start=1)}
    expected[""] = ("#bdbdbd", "onbekend")
    assert _categories(layer) == expected
    for category in renderer.categories():  # a thin outline
        assert category.symbol().symbolLayer(0).strokeWidth() <= 0.2


def test_risico_grid_style_fills_the_cells_without_outline():
    layer = stijl.pas_toe(_memory_layer(("code", "string"), ("risico_klasse", "integer")), "risico_grid")
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "risico_klasse"
    assert _categories(layer) == RISICO
    for category in layer.renderer().categories():
        fill = category.symbol().symbolLayer(0)
        assert fill.color().alpha() == 255
        assert fill.strokeStyle() == Qt.PenStyle.NoPen or fill.strokeWidth() <= 0.1


def test_risico_buurt_style_is_coloured_outlines_with_names():
    """No fill (the 100 m cells under it stay visible), a thick outline in the class colour, labels of naam."""
    layer = stijl.pas_toe(_memory_layer(("code", "string"), ("naam", "string"), ("risico_klasse", "integer")),
                          "risico_buurt")
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "risico_klasse"
    categories = {_value(c): c for c in renderer.categories()}
    assert {value: c.label() for value, c in categories.items()} == {v: label for v, (_, label) in RISICO.items()}
    for value, category in categories.items():
        layers = category.symbol().symbolLayers()
        for symbol_layer in layers:  # lines only, or a fill that is (nearly) transparent
            assert symbol_layer.type() == symbol_layer.type().Line or symbol_layer.color().alpha() < 26, value
        if value in ("1", "2"):
            colour = QColor(RISICO[value][0])
            coloured = [s for s in layers if s.color() == colour]
            assert coloured, f"class {value}: no outline in {colour.name()}"
            assert max(_visible_width(s) for s in coloured) >= 0.8
        else:
            assert max(_visible_width(s) for s in layers) <= 0.4
            assert all(s.color().saturation() < 30 for s in layers)  # grey
    # the legend shows the same symbols: outlines, not a second list of filled squares
    for item in renderer.legendSymbolItems():
        assert all(s.type() == s.type().Line for s in item.symbol().symbolLayers())
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.fieldName == "naam" and not settings.isExpression
    assert settings.format().buffer().enabled() and 6 <= settings.format().size() <= 10


def test_signaal_style_colours_the_mechanisms_own_field():
    layer = _memory_layer(("code", "string"), ("ontwikkeling_signaal", "integer"), ("omslagzone_signaal", "integer"))
    stijl.pas_toe(layer, "signaal", "ontwikkeling")
    assert layer.renderer().classAttribute() == "ontwikkeling_signaal"
    assert _categories(layer) == SIGNAAL
    stijl.pas_toe(layer, "signaal", "omslagzone")
    assert layer.renderer().classAttribute() == "omslagzone_signaal"


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="risico_buurt"):
        stijl.pas_toe(_memory_layer(("code", "string")), "risico")


# aliases, display expression, map tip ---------------------------------------


def test_aliases_in_dutch_and_english():
    assert stijl.alias("risico_score", "nl") == "Risicoscore"
    assert stijl.alias("risico_score", "en") == "Risk score"
    assert stijl.alias("aandeel_cellen_verhoogd", "nl") == "Aandeel cellen met verhoogd risico"
    assert stijl.alias("klasse_2016", "en") == "Liveability class 2016"
    assert stijl.alias("ontwikkeling_score", "nl") == "Score: dalende score"
    assert stijl.alias("ontwikkeling_signaal", "en") == "Signal: declining score"
    assert stijl.alias("doorstroom_toelichting", "nl") == "Toelichting: vrijkomende woningen"
    assert stijl.alias("ontwikkeling_helling", "nl") is None  # a raw value keeps its name
    # an own indicator's fields, known by its _signaal field
    assert stijl.aliassen(["armoede_score", "armoede_signaal"], "nl") == {
        "armoede_score": "Score: armoede", "armoede_signaal": "Signaal: armoede"}


def test_aliases_follow_the_qgis_locale(locale):
    fields = (("code", "string"), ("naam", "string"), ("risico_score", "double"), ("risico_label", "string"),
              ("uitstraling_signaal", "integer"))
    locale("nl_NL")
    layer = stijl.pas_toe(_memory_layer(*fields), "risico_grid")
    assert layer.attributeDisplayName(layer.fields().indexOf("risico_score")) == "Risicoscore"
    assert layer.attributeDisplayName(layer.fields().indexOf("uitstraling_signaal")) == "Signaal: zwakke omgeving"
    assert "Risicoscore" in layer.mapTipTemplate()
    locale("en_GB")
    layer = stijl.pas_toe(_memory_layer(*fields), "risico_grid")
    assert layer.attributeDisplayName(layer.fields().indexOf("risico_score")) == "Risk score"
    assert layer.attributeDisplayName(layer.fields().indexOf("uitstraling_signaal")) == "Signal: weak surroundings"
    assert "Risk score" in layer.mapTipTemplate()


def _evaluate(layer, template, feature):
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    return QgsExpression.replaceExpressionText(template, context)


def test_display_expression_and_map_tip_name_the_unit_and_its_risk(analysis, locale):
    locale("nl_NL")
    buurt = stijl.pas_toe(_open(analysis, "risicoprofiel_buurt"), "risico_buurt")
    assert buurt.displayExpression() == 'coalesce("naam", "code")'
    feature = next(f for f in buurt.getFeatures() if f["risico_klasse"] == 2)
    tip = _evaluate(buurt, buurt.mapTipTemplate(), feature)
    assert feature["naam"] in tip and "sterk verhoogd risico" in tip and feature["factoren"][:40] in tip
    assert f"{feature['risico_score']:.2f}".replace(".", ",") in tip or f"{feature['risico_score']:.2f}" in tip
    assert "[%" not in tip and "Risicofactoren" in tip
    # a grid cell's 'naam' is its buurt's: the cell is named by its code and that name
    grid = stijl.pas_toe(_open(analysis, "risicoprofiel_grid"), "risico_grid")
    cell = next(grid.getFeatures())
    assert _evaluate(grid, f"[% {grid.displayExpression()} %]", cell) == f"{cell['code']}, {cell['naam']}"
    assert cell["buurtcode"] in _evaluate(grid, grid.mapTipTemplate(), cell)
    # other layers: name and class
    klasse = stijl.pas_toe(_open(analysis, "risicoprofiel_buurt"), "klasse")
    feature = next(f for f in klasse.getFeatures() if f["klasse"] == 5)
    tip = _evaluate(klasse, klasse.mapTipTemplate(), feature)
    assert feature["naam"] in tip and "5 voldoende" in tip and "risico" not in tip.lower()


# stored in the GeoPackage ---------------------------------------------------


def test_complete_analysis_stores_its_styles_as_the_geopackages_default(analysis):
    """Opened on its own, the GeoPackage written by the analysis (not loaded after the run) is styled."""
    buurt, grid = _open(analysis, "risicoprofiel_buurt"), _open(analysis, "risicoprofiel_grid")
    assert buurt.renderer().type() == "categorizedSymbol" and buurt.renderer().classAttribute() == "risico_klasse"
    assert buurt.labelsEnabled() and buurt.labeling().settings().fieldName == "naam"
    assert _categories(grid) == RISICO
    assert all(s.type() == s.type().Line for c in buurt.renderer().categories() for s in c.symbol().symbolLayers())
    assert buurt.displayExpression() == 'coalesce("naam", "code")'
    assert grid.displayExpression().startswith('"code"')
    for layer in (buurt, grid):
        assert "risico_label" in layer.mapTipTemplate()
        assert layer.fields().field("risico_score").alias() in ("Risicoscore", "Risk score")


def test_every_algorithm_stores_its_style(run_algorithm, plugin_root, tmp_path):
    """importscores (classes), a mechanism (its signal) and risicoprofiel (risk; buurt or grid by the codes)."""
    sample = plugin_root / "resources" / "sample"
    buurten = str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
    for level, scores in (("buurt", "buurten"), ("grid", "grids")):
        imported, _ = run_algorithm("importscores", {
            "SCORES": str(sample / f"Leefbaarometer-scores {scores} 2002-2024.csv"), "BUURTEN": buurten,
            "OUTPUT": str(tmp_path / f"scores_{level}.gpkg")})
        layer = QgsVectorLayer(imported["OUTPUT"], "scores", "ogr")
        assert layer.renderer().classAttribute() == "klasse" and len(layer.renderer().categories()) == 10
        mechanisms = []
        for mechanism in ("ontwikkeling", "omslagzone"):
            result, _ = run_algorithm(mechanism, {"INPUT": imported["OUTPUT"],
                                                  "OUTPUT": str(tmp_path / f"{mechanism}_{level}.gpkg")})
            layer = QgsVectorLayer(result["OUTPUT"], mechanism, "ogr")
            assert layer.renderer().classAttribute() == f"{mechanism}_signaal"
            assert _categories(layer) == SIGNAAL
            mechanisms.append(result["OUTPUT"])
        profile, _ = run_algorithm("risicoprofiel", {"MECHANISMEN": mechanisms,
                                                     "OUTPUT": str(tmp_path / f"profiel_{level}.gpkg")})
        layer = QgsVectorLayer(profile["OUTPUT"], "profiel", "ogr")
        assert layer.renderer().classAttribute() == "risico_klasse"
        assert layer.labelsEnabled() == (level == "buurt")  # buurten as named outlines, cells filled
        assert (_categories(layer) == RISICO) == (level == "grid")


def test_output_loaded_after_the_run_is_styled_on_load(analysis):
    from qgis.core import QgsProcessingContext as Context

    context = QgsProcessingContext()
    dest = f"{analysis}|layername=risicoprofiel_buurt"
    context.addLayerToLoadOnCompletion(dest, Context.LayerDetails("Risk profile per buurt", QgsProject.instance()))
    stijl.stijl_uitvoer(context, dest, "risico_buurt")
    post = context.layerToLoadOnCompletionDetails(dest).postProcessor()
    assert post is not None
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False  # as Processing loads an output
    layer = QgsVectorLayer(dest, "loaded", "ogr", options)
    assert layer.renderer().type() == "singleSymbol"
    post.postProcessLayer(layer, context, QgsProcessingFeedback())
    assert layer.renderer().classAttribute() == "risico_klasse" and layer.labelsEnabled()


@pytest.mark.slow
def test_command_line_output_is_styled_in_the_geopackage(plugin_root, tmp_path):
    """qgis_process loads nothing after a run: the style is in the GeoPackage all the same."""
    qgis_process = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    if qgis_process is None:
        pytest.fail("qgis_process not found: run 'make test', which installs Debian's qgis package")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "vroegsignalering").symlink_to(plugin_root, target_is_directory=True)
    tmp_path.chmod(0o700)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    subprocess.run([qgis_process, "plugins", "enable", "vroegsignalering"], env=env, capture_output=True, timeout=180)
    parameters = _parameters(plugin_root / "resources" / "sample", GEMEENTEN="GM0995",
                             OUTPUT_BUURT=str(tmp_path / "buurt.gpkg"), OUTPUT_GRID=str(tmp_path / "grid.gpkg"))
    result = subprocess.run([qgis_process, "run", "vroegsignalering:vroegsignalering", "--",
                             *(f"{key}={value}" for key, value in parameters.items())],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    buurt = QgsVectorLayer(str(tmp_path / "buurt.gpkg"), "buurt", "ogr")
    grid = QgsVectorLayer(str(tmp_path / "grid.gpkg"), "grid", "ogr")
    assert buurt.renderer().classAttribute() == "risico_klasse" and buurt.labelsEnabled()
    assert _categories(grid) == RISICO
    assert buurt.displayExpression() == 'coalesce("naam", "code")'


def test_read_only_geopackage_is_not_written_and_raises_nothing(analysis, tmp_path):
    copy = tmp_path / "alleen_lezen.gpkg"
    shutil.copy(analysis, copy)
    # SQLite opens a file whose 'write version' (byte 18 of the header) is above 2 read-only, for
    # everyone (root too, whom file permissions do not stop)
    with open(copy, "r+b") as handle:
        handle.seek(18)
        handle.write(bytes([3]))
    copy.chmod(0o444)
    try:
        layer = _open(copy, "risicoprofiel_buurt")
        stijl.pas_toe(layer, "klasse")  # a different style than the stored one
        assert stijl.bewaar_in_gpkg(layer) is False
        del layer
        assert _open(copy, "risicoprofiel_buurt").renderer().classAttribute() == "risico_klasse"  # unchanged
    finally:
        copy.chmod(0o644)


def test_saving_again_replaces_the_default_without_asking(analysis, tmp_path):
    """QGIS 3.22 asks in a dialog before overwriting a style of the same name: never in a run."""
    copy = tmp_path / "opnieuw.gpkg"
    shutil.copy(analysis, copy)
    layer = stijl.pas_toe(_open(copy, "risicoprofiel_buurt"), "klasse")
    assert stijl.bewaar_in_gpkg(layer) and stijl.bewaar_in_gpkg(layer)
    del layer
    assert _open(copy, "risicoprofiel_buurt").renderer().classAttribute() == "klasse"
    assert not stijl.bewaar_in_gpkg(_memory_layer(("code", "string")))  # not a GeoPackage


# the map --------------------------------------------------------------------


def _render(layers, extent, path):
    settings = QgsMapSettings()
    settings.setLayers(layers)  # top first
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1200, int(1200 * extent.height() / extent.width())))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    assert image.save(str(path))
    return image


def _share(image, colour, step=3):
    """Share of the sampled pixels within a small distance of colour."""
    target = QColor(colour)
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = QColor(image.pixel(x, y))
            total += 1
            if abs(pixel.red() - target.red()) + abs(pixel.green() - target.green()) + abs(
                    pixel.blue() - target.blue()) < 24:
                hits += 1
    return hits / total


def test_both_levels_read_at_once_on_the_map(analysis, tmp_path):
    """The buurt outlines drawn over the 100 m cells: the cells keep their colours, the buurten show."""
    buurt = stijl.pas_toe(_open(analysis, "risicoprofiel_buurt"), "risico_buurt")
    grid = stijl.pas_toe(_open(analysis, "risicoprofiel_grid"), "risico_grid")
    extent = grid.extent()
    extent.scale(0.5)  # the town, where the cells are
    cells = _render([grid], extent, tmp_path / "cellen.png")
    outlines = _render([buurt], extent, tmp_path / "buurten.png")
    both = _render([buurt, grid], extent, tmp_path / "samen.png")
    assert _share(outlines, "#ffffff") > 0.8  # no fill: the buurt layer leaves most of the map to what is under it
    assert _share(outlines, "#b2182b") > 0.0003  # the 'sterk verhoogd' outlines
    for colour in ("#e0ecd4", "#bdbdbd", "#f4a582", "#b2182b"):  # every cell colour still shows
        assert _share(both, colour) > 0.5 * _share(cells, colour) > 0, colour
    assert _share(both, "#333333") > _share(cells, "#333333")  # and the borders on top
