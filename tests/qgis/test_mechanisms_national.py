"""The mechanisms that need no grid, on the real 2024 scores of all 12,147 buurten (WGS84 GeoJSON)."""

import json

import pytest
from qgis.core import NULL, QgsFeature, QgsProcessingException, QgsVectorLayer

DIMENSIONS = ("won", "fys", "vrz", "soc", "onv")


@pytest.fixture(scope="module")
def national(shared_data, tmp_path_factory, module_provider):
    """importscores output of the real buurten with afw and the five dimensions of 2024."""
    import processing

    names = ("code", "naam", "gemeente", "afw") + DIMENSIONS
    fields = "&".join(f"field={n}:{'double' if n not in ('code', 'naam', 'gemeente') else 'string'}" for n in names)
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4326&{fields}", "nl", "memory")
    for path in sorted((shared_data / "leefbaarometer-2024-buurten").glob("provincie-*.geojson")):
        features = []
        for item in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p, raw = item["properties"], item["properties"]["raw"]
            feature = QgsFeature(layer.fields())
            feature.setAttributes([p["code"], p["naam"], p["gemeente"], raw["afw"]] + [raw[d] for d in DIMENSIONS])
            features.append(feature)
        source = QgsVectorLayer(str(path), "p", "ogr")
        for feature, shape in zip(features, source.getFeatures()):
            feature.setGeometry(shape.geometry())
        assert layer.dataProvider().addFeatures(features)[0]
    out = tmp_path_factory.mktemp("national") / "nl.gpkg"
    return processing.run("vroegsignalering:importscores", {
        "SCORES": layer, "GEOMETRY": layer, "JAAR": 2024, "OUTPUT": str(out)})["OUTPUT"]


def _run(run_algorithm, mechanism, national, tmp_path):
    results, messages = run_algorithm(mechanism, {"INPUT": national, "OUTPUT": str(tmp_path / f"{mechanism}.gpkg")})
    layer = QgsVectorLayer(results["OUTPUT"], mechanism, "ogr")
    assert layer.featureCount() == 12147
    units = {f["code"]: f for f in layer.getFeatures()}
    _one_scale(units, mechanism)
    return units, messages


def _one_scale(units, naam):
    """On every real buurt: a score of 0.5 or more exactly where the mechanism signals, NULL together."""
    for code, f in units.items():
        score, signaal = f[f"{naam}_score"], f[f"{naam}_signaal"]
        assert (score == NULL) == (signaal == NULL), (naam, code)
        if score != NULL:
            assert (score >= 0.5) == (signaal == 1), (naam, code, score, signaal)


def test_omslagzone_for_every_buurt(run_algorithm, national, tmp_path):
    units, _ = _run(run_algorithm, "omslagzone", national, tmp_path)
    centrum = units["BU00340101"]  # Almere Centrum Haven Noord: afw -0.2554, class 4 (zwak)
    assert centrum["omslagzone_afstand"] == pytest.approx(-0.255364 + 0.16405, abs=1e-6)
    # already zwak: outside the target group, no score and no signal
    assert centrum["omslagzone_signaal"] == NULL and centrum["omslagzone_score"] == NULL
    signals = sum(f["omslagzone_signaal"] == 1 for f in units.values())
    assert 0 < signals < 12147 / 2
    # one scale: checked on every real buurt by _run


def test_dimensies_and_concurrentiepositie_nationally(run_algorithm, national, tmp_path):
    units, _ = _run(run_algorithm, "dimensies", national, tmp_path)
    assert units["BU00340101"]["dimensies_klasse_onv"] == 2  # onv -0.177: official konv 2
    units, _ = _run(run_algorithm, "concurrentiepositie", national, tmp_path)
    known = [v for v in (f["concurrentiepositie_won_verschil"] for f in units.values()) if isinstance(v, float)]
    assert len(known) > 12000 and abs(sum(known) / len(known)) < 0.02  # centred: buurten against their surroundings


def test_one_year_only_gives_missing_trend_not_zero(run_algorithm, national, tmp_path):
    units, messages = _run(run_algorithm, "ontwikkeling", national, tmp_path)
    assert all(str(f["ontwikkeling_score"]) == "NULL" or f["ontwikkeling_score"] is None for f in units.values())
    assert messages.warnings == ["ontwikkeling: no unit got a score in 2024; the lines above say why"]


def test_conjunctuur_without_crisis_years_or_context_stops(run_algorithm, national, tmp_path):
    with pytest.raises(QgsProcessingException, match="(?i)crisis|context"):
        run_algorithm("conjunctuur", {"INPUT": national, "OUTPUT": str(tmp_path / "c.gpkg")})


def test_uitstraling_and_an_own_indicator_nationally(run_algorithm, national, tmp_path):
    units, _ = _run(run_algorithm, "uitstraling", national, tmp_path)
    neighbours = sorted(v for v in (f["uitstraling_n_omgeving"] for f in units.values()) if isinstance(v, (int, float)))
    assert len(neighbours) > 12000 and 3 <= neighbours[len(neighbours) // 2] <= 10  # touching buurten
    results, _ = run_algorithm("eigenindicator", {"INPUT": national, "INDICATOR": national, "FIELD": "afw",
                                                  "RICHTING": 1, "NAAM": "laag", "OUTPUT": str(tmp_path / "e.gpkg")})
    layer = QgsVectorLayer(results["OUTPUT"], "e", "ogr")
    _one_scale({f["code"]: f for f in layer.getFeatures()}, "laag")
    signals = sum(f["laag_signaal"] == 1 for f in layer.getFeatures())
    assert 0.15 * 12147 < signals < 0.25 * 12147  # beyond the 80th percentile in the bad direction: about a fifth


@pytest.mark.parametrize("mechanism", ["doorstroom", "nieuwbouwelders", "sloopelders"])
def test_mechanisms_needing_cbs_or_demolition_data_stop_clearly(run_algorithm, national, tmp_path, mechanism):
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm(mechanism, {"INPUT": national, "OUTPUT": str(tmp_path / "m.gpkg")})
    assert "Traceback" not in str(error.value)
