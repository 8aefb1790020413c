"""Method soundness through Processing: settings reach every algorithm, the gemeente filter reports without
cutting away the surroundings, the backtest reports every signal with its uncertainty.

On the sample (Lelystad) and on the independent simulated history of two neighbouring gemeenten
(tests/simulatie.py, SIMULATED data).
"""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from vroegsignalering.tests.simulatie import maak_twee_gemeenten

BUURTEN = "Leefbaarometer-scores buurten 2002-2024.csv"
GRIDS = "Leefbaarometer-scores grids 2002-2024.csv"


def _rows(path, key="code"):
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = [n for n in layer.fields().names() if n != "fid"]
    return {f[key]: {n: f[n] for n in names} for f in layer.getFeatures()}


@pytest.fixture()
def sample_parameters(plugin_root):
    sample = plugin_root / "resources" / "sample"

    def make(out, **extra):
        return {"SCORES": str(sample / BUURTEN), "SCORES_GRID": str(sample / GRIDS),
                "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
                "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
                "SLOOP": str(sample / "sloop_lelystad.csv"),
                "OUTPUT_BUURT": str(out / "buurt.gpkg"), "OUTPUT_GRID": str(out / "grid.gpkg"), **extra}

    return make


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    folder = tmp_path_factory.mktemp("twee_gemeenten")
    maak_twee_gemeenten(folder)
    return folder


def _sim_parameters(sim, out, **extra):
    return {"SCORES": str(sim / BUURTEN), "SCORES_GRID": str(sim / GRIDS),
            "BUURTEN": str(sim / "buurten.gpkg") + "|layername=buurten",
            "OUTPUT_BUURT": str(out / "buurt.gpkg"), "OUTPUT_GRID": str(out / "grid.gpkg"), **extra}


def test_a_gemeente_reported_alone_has_the_results_it_has_beside_its_neighbour(run_algorithm, sim, tmp_path):
    alone, beside = tmp_path / "alone", tmp_path / "beside"
    alone.mkdir()
    beside.mkdir()
    results, messages = run_algorithm("vroegsignalering", _sim_parameters(sim, alone, GEMEENTEN="GM9901"))
    run_algorithm("vroegsignalering", _sim_parameters(sim, beside))
    assert "the mechanisms saw all of them" in messages.text()
    for output in ("buurt.gpkg", "grid.gpkg"):
        reported = _rows(alone / output)
        everything = _rows(beside / output)
        assert reported and len(reported) < len(everything)
        for code, row in reported.items():
            other = everything[code]
            for name, value in row.items():
                assert value == other[name] or (value != value and other[name] != other[name]), (output, code, name)


def test_an_unknown_gemeente_is_an_error(run_algorithm, sim, tmp_path):
    with pytest.raises(QgsProcessingException, match="GM0000"):
        run_algorithm("vroegsignalering", _sim_parameters(sim, tmp_path, GEMEENTEN="GM0000"))
    assert not (tmp_path / "buurt.gpkg").exists()


def test_settings_reach_the_complete_analysis(run_algorithm, sample_parameters, tmp_path):
    plain, tuned = tmp_path / "plain", tmp_path / "tuned"
    plain.mkdir()
    tuned.mkdir()
    run_algorithm("vroegsignalering", sample_parameters(plain, YEAR=2016))
    settings = tmp_path / "instellingen.txt"
    settings.write_text("ontwikkeling.drempel = 0,01\nsloopelders.aan = nee\n", encoding="utf-8")
    _, messages = run_algorithm("vroegsignalering", sample_parameters(
        tuned, YEAR=2016, INSTELLINGEN_BESTAND=str(settings), INSTELLINGEN="uitstraling.drempel = 0,5"))
    a, b = _rows(plain / "buurt.gpkg"), _rows(tuned / "buurt.gpkg")
    assert sum(r["ontwikkeling_signaal"] == 1 for r in b.values()) > sum(r["ontwikkeling_signaal"] == 1 for r in a.values())
    assert sum(r["uitstraling_signaal"] == 1 for r in b.values()) < sum(r["uitstraling_signaal"] == 1 for r in a.values())
    # sloopelders switched off: computed (so the panel can switch it on again) but no factor, no vote
    assert all("sloop elders" not in str(r["factoren"]) for r in b.values())
    assert any("sloop elders" in str(r["factoren"]) for r in a.values())


def test_a_misspelt_setting_stops_with_a_clear_message(run_algorithm, sample_parameters, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"'ontwikeling' \(did you mean 'ontwikkeling'\?\)"):
        run_algorithm("vroegsignalering", sample_parameters(tmp_path, INSTELLINGEN="ontwikeling.aan = nee"))
    with pytest.raises(QgsProcessingException, match=r"weight for 'ontwikeling'"):
        run_algorithm("vroegsignalering", sample_parameters(tmp_path, GEWICHTEN="ontwikeling=0"))
    assert not (tmp_path / "buurt.gpkg").exists()


def test_an_own_indicator_from_the_settings(run_algorithm, sample_parameters, tmp_path):
    results, _ = run_algorithm("vroegsignalering", sample_parameters(
        tmp_path, INSTELLINGEN="eigen.armoede.veld = PersonenInArmoede\neigen.armoede.richting = hoog"))
    buurt = _rows(results["OUTPUT_BUURT"])
    values = [r["armoede_waarde"] for r in buurt.values() if isinstance(r["armoede_waarde"], float)]
    assert len(values) > 60
    assert any("armoede" in str(r["factoren"]) for r in buurt.values())
    grid = _rows(results["OUTPUT_GRID"])
    assert "armoede_score" in next(iter(grid.values()))  # cells take their buurt's value


def test_backtest_reports_every_signal_with_its_uncertainty_and_settings(run_algorithm, sample_parameters,
                                                                         tmp_path):
    parameters = sample_parameters(tmp_path, YEAR=2016, BOOTSTRAP=200, INSTELLINGEN="ontwikkeling.periode = 8")
    for key in ("OUTPUT_BUURT", "OUTPUT_GRID"):
        parameters.pop(key)
    parameters.update(OUTPUT=str(tmp_path / "bt.gpkg"), OUTPUT_HTML=str(tmp_path / "bt.html"))
    results, messages = run_algorithm("backtest", parameters)
    rows = _rows(results["OUTPUT"], "naam")
    for naam, row in rows.items():
        assert isinstance(row["auc"], float), naam
        assert isinstance(row["recall_signaal"], float), naam
        if row["n_signaal"] > 0:  # precision and lift of a signal that never fires are undefined (NULL)
            assert isinstance(row["precision_signaal"], float) and isinstance(row["lift_signaal"], float), naam
        assert isinstance(row["auc_laag"], float) and row["auc_laag"] <= row["auc"] <= row["auc_hoog"], naam
    assert sum(row["n_signaal"] > 0 for row in rows.values()) >= 8
    # the profile's signal is 'verhoogd' or higher: its recall is that of class >= 1
    assert rows["risicoprofiel"]["recall_signaal"] == pytest.approx(rows["risicoprofiel"]["recall_1"])
    html = (tmp_path / "bt.html").read_text(encoding="utf-8")
    assert "ontwikkeling.periode = 8" in html and "profiel.regel = aandeel" in html
    assert "'verhoogd' or higher catches" in messages.text()


def test_backtest_on_the_simulated_gemeenten_reports_both_class_figures(run_algorithm, sim, tmp_path):
    """Grid cells without CBS context (five or six mechanisms) as of 2016, outcome 2024."""
    parameters = _sim_parameters(sim, tmp_path, YEAR=2016, NIVEAU=1, BOOTSTRAP=0)
    for key in ("OUTPUT_BUURT", "OUTPUT_GRID"):
        parameters.pop(key)
    parameters.update(OUTPUT=str(tmp_path / "bt.gpkg"), OUTPUT_HTML=str(tmp_path / "bt.html"))
    results, messages = run_algorithm("backtest", parameters)
    profile = _rows(results["OUTPUT"], "naam")["risicoprofiel"]
    assert profile["n"] > 5000 and profile["n_positief"] > 100
    assert profile["auc"] > 0.75
    # 'verhoogd' or higher and 'sterk verhoogd' both hold units, and the stronger class is the sharper one
    assert profile["n_1"] > 0 and profile["n_2"] > 0
    assert profile["lift_sterk"] > profile["lift_verhoogd"] > 3
    assert profile["recall_1"] > profile["recall_2"] > 0.1
    assert "'verhoogd' or higher catches" in messages.text()
