"""Every mechanism algorithm on the embedded sample, through Processing, checked against core."""

import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

SAMPLE_BUURTEN = "wijkbuurtkaart_2024_lelystad.gpkg|layername=buurten"


@pytest.fixture(scope="module")
def sample_layers(plugin_root, tmp_path_factory, module_provider):
    """importscores outputs of the sample: buurten and grid cells, plus the buurt layer with context."""
    import processing

    sample = plugin_root / "resources" / "sample"
    out = tmp_path_factory.mktemp("mechanisms")
    buurten = processing.run("vroegsignalering:importscores", {
        "SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
        "BUURTEN": str(sample / SAMPLE_BUURTEN), "OUTPUT": str(out / "buurten.gpkg")})["OUTPUT"]
    grid = processing.run("vroegsignalering:importscores", {
        "SCORES": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / SAMPLE_BUURTEN), "OUTPUT": str(out / "grid.gpkg")})["OUTPUT"]
    context = processing.run("vroegsignalering:buurtcontext", {
        "BUURTEN": str(sample / SAMPLE_BUURTEN),
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "OUTPUT": str(out / "context.gpkg")})["OUTPUT"]
    return {"buurten": buurten, "grid": grid, "context": context, "sample": sample}


def _values(path, field):
    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid()
    return {f["code"]: f[field] for f in layer.getFeatures()}


CONTEXT_MECHANISMS = ["conjunctuur", "doorstroom", "nieuwbouwelders", "sloopelders", "concurrentiepositie"]


@pytest.mark.parametrize("mechanism", ["ontwikkeling", "omslagzone", "dimensies"] + CONTEXT_MECHANISMS)
@pytest.mark.parametrize("level", ["buurten", "grid"])
def test_mechanism_runs_with_defaults_and_matches_core(run_algorithm, sample_layers, tmp_path, mechanism, level):
    """The algorithm writes exactly what the core function computes, for every unit."""
    import importlib

    from vroegsignalering.core.classes import load_klassegrenzen
    from vroegsignalering.core.scores import read_score_csv, wide_scores

    parameters = {"INPUT": sample_layers[level], "BUURTEN": sample_layers["context"], "OUTPUT": str(tmp_path / "m.gpkg")}
    if mechanism == "sloopelders":
        parameters["SLOOP"] = str(sample_layers["sample"] / "sloop_lelystad.csv")
    results, messages = run_algorithm(mechanism, parameters)
    layer = QgsVectorLayer(results["OUTPUT"], "m", "ogr")
    fields = layer.fields().names()
    for suffix in ("referentie", "score", "signaal", "toelichting"):
        assert f"{mechanism}_{suffix}" in fields
    assert {"code", "naam", "gemeente", "jaar", "afw", "klasse"} <= set(fields)
    scores = _values(results["OUTPUT"], f"{mechanism}_score")
    assert all(0 <= s <= 1 for s in scores.values() if s is not None and str(s) != "NULL")
    if mechanism in CONTEXT_MECHANISMS:  # they need the CBS context joined: scored for most units
        known = [s for s in scores.values() if s is not None and str(s) != "NULL"]
        assert len(known) > 0.8 * len(scores), messages.text()
        return
    csv = "Leefbaarometer-scores buurten 2002-2024.csv" if level == "buurten" else "Leefbaarometer-scores grids 2002-2024.csv"
    units = wide_scores(read_score_csv(sample_layers["sample"] / csv), load_klassegrenzen())
    if "gemeente" in units:
        units["gemeente"] = units["gemeente"].fillna("Lelystad")
    function = getattr(importlib.import_module(f"vroegsignalering.core.mechanisms.{mechanism}"), mechanism)
    expected = function(units).frame[f"{mechanism}_score"].set_axis(units["code"])
    for code, value in scores.items():
        if expected[code] != expected[code]:  # NaN
            assert value is None or str(value) == "NULL", code
        else:
            assert value == pytest.approx(expected[code], abs=1e-9), code


def test_year_uses_only_earlier_measurements(run_algorithm, sample_layers, tmp_path):
    results, _ = run_algorithm("ontwikkeling", {
        "INPUT": sample_layers["buurten"], "YEAR": 2016, "OUTPUT": str(tmp_path / "m.gpkg")})
    layer = QgsVectorLayer(results["OUTPUT"], "m", "ogr")
    feature = next(layer.getFeatures())
    assert feature["jaar"] == 2016
    assert "2018" not in feature["ontwikkeling_toelichting"] and "2024" not in feature["ontwikkeling_toelichting"]


def test_a_year_that_was_not_measured_is_refused(run_algorithm, sample_layers, tmp_path):
    with pytest.raises(QgsProcessingException, match="2017"):
        run_algorithm("omslagzone", {"INPUT": sample_layers["buurten"], "YEAR": 2017, "OUTPUT": str(tmp_path / "m.gpkg")})


def test_conjunctuur_without_context_or_crisis_years_stops_clearly(run_algorithm, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("bu_code,jaar,afw\nBU09950101,2020,0.1\nBU09950101,2024,0.05\n", encoding="utf-8")
    imported, _ = run_algorithm("importscores", {"SCORES": str(path), "OUTPUT": str(tmp_path / "s.gpkg")})
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm("conjunctuur", {"INPUT": imported["OUTPUT"], "OUTPUT": str(tmp_path / "c.gpkg")})
    assert "Traceback" not in str(error.value)
    assert not (tmp_path / "c.gpkg").exists()


@pytest.mark.parametrize("mechanism", ["doorstroom", "nieuwbouwelders", "sloopelders"])
def test_context_mechanisms_without_their_data_stop_with_a_message(run_algorithm, sample_layers, tmp_path, mechanism):
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm(mechanism, {"INPUT": sample_layers["buurten"], "OUTPUT": str(tmp_path / "m.gpkg")})
    assert "Traceback" not in str(error.value) and len(str(error.value)) > 20
    assert not (tmp_path / "m.gpkg").exists()


def test_uitstraling_on_grid_matches_core_and_buurten_use_touching_neighbours(run_algorithm, sample_layers, tmp_path):
    from vroegsignalering.core.classes import load_klassegrenzen
    from vroegsignalering.core.mechanisms.uitstraling import uitstraling
    from vroegsignalering.core.scores import read_score_csv, wide_scores

    results, _ = run_algorithm("uitstraling", {"INPUT": sample_layers["grid"], "OUTPUT": str(tmp_path / "g.gpkg")})
    units = wide_scores(read_score_csv(sample_layers["sample"] / "Leefbaarometer-scores grids 2002-2024.csv"),
                        load_klassegrenzen())
    expected = uitstraling(units).frame["uitstraling_aandeel_zwak_omgeving"].set_axis(units["code"])
    written = _values(results["OUTPUT"], "uitstraling_aandeel_zwak_omgeving")
    assert len(written) == 2345
    for code in list(written)[::50]:
        assert written[code] == pytest.approx(expected[code]), code
    results, _ = run_algorithm("uitstraling", {"INPUT": sample_layers["buurten"], "OUTPUT": str(tmp_path / "b.gpkg")})
    neighbours = _values(results["OUTPUT"], "uitstraling_n_omgeving")
    assert len(neighbours) == 80 and 2 <= sorted(neighbours.values())[40] <= 10  # a buurt touches a handful


def test_zwakkedeelgebieden_counts_the_cells_of_each_buurt(run_algorithm, sample_layers, tmp_path):
    results, messages = run_algorithm("zwakkedeelgebieden", {
        "INPUT": sample_layers["buurten"], "GRID": sample_layers["grid"], "OUTPUT": str(tmp_path / "z.gpkg")})
    n_cells = _values(results["OUTPUT"], "zwakkedeelgebieden_n_cellen")
    grid = QgsVectorLayer(sample_layers["grid"], "g", "ogr")
    by_buurt = {}
    for cell in grid.getFeatures():
        if cell["afw_2024"] is not None and str(cell["afw_2024"]) != "NULL":
            by_buurt[cell["buurtcode"]] = by_buurt.get(cell["buurtcode"], 0) + 1
    for code, count in by_buurt.items():
        assert n_cells[code] == count, code
    with pytest.raises(QgsProcessingException, match="grid"):
        run_algorithm("zwakkedeelgebieden", {
            "INPUT": sample_layers["grid"], "GRID": sample_layers["grid"], "OUTPUT": str(tmp_path / "x.gpkg")})


def test_eigenindicator_counts_points_per_buurt_and_per_cell(run_algorithm, sample_layers, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    points = QgsVectorLayer("Point?crs=EPSG:28992&field=ernst:double", "meldingen", "memory")
    features = []
    # three reports in buurt BU09950110 (Kofschip, x 160710..161133, y 503651..504117), one far outside Lelystad
    for x, y, ernst in ((160900, 503900, 1), (160910, 503910, 2), (160990, 503990, 6), (100000, 400000, 1)):
        feature = QgsFeature(points.fields())
        feature.setAttributes([ernst])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    points.dataProvider().addFeatures(features)
    results, messages = run_algorithm("eigenindicator", {
        "INPUT": sample_layers["buurten"], "INDICATOR": points, "NAAM": "overlast", "OUTPUT": str(tmp_path / "e.gpkg")})
    counts = _values(results["OUTPUT"], "overlast_waarde")
    assert counts["BU09950110"] == 3 and sum(counts.values()) == 3
    assert "1 outside every unit" in messages.text()
    results, _ = run_algorithm("eigenindicator", {
        "INPUT": sample_layers["buurten"], "INDICATOR": points, "FIELD": "ernst", "AGGREGATIE": 1,
        "NAAM": "ernst", "DREMPEL": 5, "OUTPUT": str(tmp_path / "s.gpkg")})
    assert _values(results["OUTPUT"], "ernst_waarde")["BU09950110"] == 9
    assert _values(results["OUTPUT"], "ernst_signaal")["BU09950110"] == 1
    results, _ = run_algorithm("eigenindicator", {
        "INPUT": sample_layers["grid"], "INDICATOR": points, "NAAM": "overlast", "OUTPUT": str(tmp_path / "g.gpkg")})
    counts = _values(results["OUTPUT"], "overlast_waarde")
    assert counts["E1609N5039"] == 3 and counts["E1610N5039"] == 0 and sum(counts.values()) == 3


def test_eigenindicator_from_a_buurt_field(run_algorithm, sample_layers, tmp_path):
    results, _ = run_algorithm("eigenindicator", {
        "INPUT": sample_layers["buurten"], "INDICATOR": sample_layers["context"], "FIELD": "PersonenInArmoede",
        "NAAM": "armoede", "OUTPUT": str(tmp_path / "a.gpkg")})
    context = {f["code"]: f["PersonenInArmoede"] for f in QgsVectorLayer(sample_layers["context"], "c", "ogr").getFeatures()}
    values = _values(results["OUTPUT"], "armoede_waarde")
    assert values["BU09950111"] == pytest.approx(context["BU09950111"]) == pytest.approx(9.7)


def test_risicoprofiel_combines_mechanism_layers(run_algorithm, sample_layers, tmp_path):
    outputs = []
    for mechanism in ("ontwikkeling", "omslagzone", "dimensies"):
        results, _ = run_algorithm(mechanism, {"INPUT": sample_layers["buurten"], "YEAR": 2016,
                                               "OUTPUT": str(tmp_path / f"{mechanism}.gpkg")})
        outputs.append(results["OUTPUT"])
    results, _ = run_algorithm("risicoprofiel", {"MECHANISMEN": outputs, "REGEL": 1, "OUTPUT": str(tmp_path / "p.gpkg")})
    layer = QgsVectorLayer(results["OUTPUT"], "p", "ogr")
    assert layer.featureCount() == 80
    names = ("ontwikkeling", "omslagzone", "dimensies")
    signals = {m: _values(path, f"{m}_signaal") for m, path in zip(names, outputs)}
    scores = {m: _values(path, f"{m}_score") for m, path in zip(names, outputs)}
    for feature in layer.getFeatures():
        code = feature["code"]
        count = sum(1 for m in signals if signals[m][code] == 1)
        known = [scores[m][code] for m in names if isinstance(scores[m][code], float)]
        if feature["klasse"] is not None and str(feature["klasse"]) != "NULL" and feature["klasse"] >= 5:
            assert feature["n_signalen"] == count, code
            assert feature["n_mechanismen"] == len(known), code
            if len(known) < 3:  # fewer known mechanisms than the minimum: no class
                assert feature["risico_label"] == "onbekend", code
                continue
            # the score rule: the mean score of the known mechanisms, 'verhoogd' from 0.4, 'sterk' from 0.5
            mean = sum(known) / len(known)
            assert feature["risico_score"] == pytest.approx(mean), code
            assert feature["risico_klasse"] == (2 if mean >= 0.5 else 1 if mean >= 0.4 else 0), code
        else:
            assert feature["risico_label"] in ("al zwak of lager", "onbekend"), code
    # the count rule, counted out of these 3 mechanisms: 'verhoogd' from 1 signal, 'sterk' from 2
    results, _ = run_algorithm("risicoprofiel", {"MECHANISMEN": outputs, "REGEL": 0, "VERHOOGD_VANAF": 1,
                                                 "STERK_VANAF": 2, "SIGNALEN_VAN": 3, "OUTPUT": str(tmp_path / "c.gpkg")})
    counted = {f["code"]: f for f in QgsVectorLayer(results["OUTPUT"], "c", "ogr").getFeatures()}
    for code, feature in counted.items():
        if feature["n_mechanismen"] == 3 and feature["doelgroep"] == 1:
            assert feature["risico_klasse"] == min(2, feature["n_signalen"]), code
    # the default rule: the riskiest 2 % of the target group 'sterk verhoogd', up to 8 % at least 'verhoogd'
    results, _ = run_algorithm("risicoprofiel", {"MECHANISMEN": outputs, "OUTPUT": str(tmp_path / "d.gpkg")})
    default = [f for f in QgsVectorLayer(results["OUTPUT"], "d", "ogr").getFeatures() if f["doelgroep"] == 1
               and f["risico_klasse"] != NULL]
    sterk = [f["risico_score"] for f in default if f["risico_klasse"] == 2]
    assert 1 <= len(sterk) <= 0.02 * len(default) + 1
    assert min(sterk) >= max(f["risico_score"] for f in default if f["risico_klasse"] < 2)
    assert sum(f["risico_klasse"] >= 1 for f in default) <= 0.08 * len(default) + 1
    # with weights the factors follow the weighted score
    results, _ = run_algorithm("risicoprofiel", {"MECHANISMEN": outputs, "GEWICHTEN": "omslagzone=0", "REGEL": 1,
                                                 "OUTPUT": str(tmp_path / "w.gpkg")})
    weighted = QgsVectorLayer(results["OUTPUT"], "w", "ogr")
    assert "dicht bij de omslag" in " ".join(str(f["factoren"]) for f in layer.getFeatures())
    assert "dicht bij de omslag" not in " ".join(str(f["factoren"]) for f in weighted.getFeatures())
