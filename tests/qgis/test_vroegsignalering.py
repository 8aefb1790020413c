"""The all-in-one analysis on the sample: interface fields, no future data, command line."""

import subprocess

import pandas as pd
import pytest
from qgis.core import QgsVectorLayer

INTERFACE_FIELDS = ("code", "naam", "gemeente", "jaar", "afw", "klasse", "risico_klasse", "risico_label",
                    "risico_score", "n_signalen", "factoren")
MECHANISMS = ("ontwikkeling", "omslagzone", "zwakkedeelgebieden", "dimensies", "uitstraling", "conjunctuur",
              "doorstroom", "nieuwbouwelders", "sloopelders", "concurrentiepositie")


def _parameters(sample, buurt_scores, grid_scores, tmp_path, **extra):
    return {
        "SCORES": str(buurt_scores), "SCORES_GRID": str(grid_scores),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
        "SLOOP": str(sample / "sloop_lelystad.csv"),
        "OUTPUT_BUURT": str(tmp_path / "buurt.gpkg"), "OUTPUT_GRID": str(tmp_path / "grid.gpkg"), **extra,
    }


def _table(path):
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid()
    names = [n for n in layer.fields().names() if n != "fid"]
    rows = [[None if str(f[n]) == "NULL" else f[n] for n in names] for f in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names).set_index("code").sort_index()


@pytest.fixture()
def sample(plugin_root):
    return plugin_root / "resources" / "sample"


def test_complete_analysis_writes_the_interface_fields(run_algorithm, sample, tmp_path):
    results, messages = run_algorithm("vroegsignalering", _parameters(
        sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
        sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path))
    buurt, grid = _table(results["OUTPUT_BUURT"]), _table(results["OUTPUT_GRID"])
    assert len(buurt) == 80 and len(grid) == 2345
    for fields in (buurt.columns, grid.columns):
        for name in INTERFACE_FIELDS[1:]:
            assert name in fields, name
    for mechanism in MECHANISMS:
        assert f"{mechanism}_signaal" in buurt.columns and f"{mechanism}_score" in buurt.columns, mechanism
    assert {"potentieel_kwetsbaar", "aandeel_cellen_verhoogd"} <= set(buurt.columns)
    assert "buurtcode" in grid.columns
    weak = buurt["klasse"] <= 4
    assert (buurt.loc[weak, "risico_label"] == "al zwak of lager").all() and buurt.loc[weak, "risico_klasse"].isna().all()
    assert buurt.loc[~weak, "risico_klasse"].isin([0, 1, 2]).all()
    assert (buurt["jaar"] == 2024).all()
    flagged = buurt[buurt["risico_klasse"] >= 1]
    assert len(flagged) > 0 and (flagged["n_signalen"] >= 2).all() and flagged["factoren"].str.len().gt(0).all()
    # zwakkedeelgebieden is a buurt mechanism by design: not a warning for the grid; the sample has all the data
    assert not [w for w in messages.warnings if "zwakkedeelgebieden" in w] and not messages.warnings, messages.warnings


def test_a_mechanism_without_its_data_is_one_warning_naming_both_levels(run_algorithm, sample, tmp_path):
    parameters = _parameters(sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
                             sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path)
    del parameters["SLOOP"]
    _, messages = run_algorithm("vroegsignalering", parameters)
    assert len(messages.warnings) == 1, messages.warnings
    assert messages.warnings[0].startswith("sloopelders left out (buurten, 100 m sub-areas): ")
    assert not [line for line in messages.info if "sloopelders" in line and "left out" in line]


def test_cutting_later_years_changes_nothing(run_algorithm, sample, tmp_path):
    """Everything for 2016 uses only measurements up to 2016."""
    cut = tmp_path / "cut"
    cut.mkdir()
    for name in ("Leefbaarometer-scores buurten 2002-2024.csv", "Leefbaarometer-scores grids 2002-2024.csv"):
        frame = pd.read_csv(sample / name, dtype=str)
        frame[frame["jaar"].astype(int) <= 2016].to_csv(cut / name, index=False)
    full_out, cut_out = tmp_path / "full_out", tmp_path / "cut_out"
    full_out.mkdir()
    cut_out.mkdir()
    full, _ = run_algorithm("vroegsignalering", _parameters(
        sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
        sample / "Leefbaarometer-scores grids 2002-2024.csv", full_out, YEAR=2016))
    short, _ = run_algorithm("vroegsignalering", _parameters(
        sample, cut / "Leefbaarometer-scores buurten 2002-2024.csv",
        cut / "Leefbaarometer-scores grids 2002-2024.csv", cut_out, YEAR=2016))
    for output in ("OUTPUT_BUURT", "OUTPUT_GRID"):
        a, b = _table(full[output]), _table(short[output])
        a = a.loc[b.index]  # units first measured after 2016 exist only in the full input
        assert len(b) > 0.95 * len(_table(full[output]))
        pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_complete_analysis_from_the_command_line(plugin_root, sample, tmp_path):
    """qgis_process, as a script or model would call it."""
    import os
    import shutil

    qgis_process = shutil.which("qgis_process.bin")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "vroegsignalering").symlink_to(plugin_root, target_is_directory=True)
    tmp_path.chmod(0o700)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    subprocess.run([qgis_process, "plugins", "enable", "vroegsignalering"], env=env, capture_output=True, timeout=180)
    arguments = [f"{key}={value}" for key, value in _parameters(
        sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
        sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path, GEMEENTEN="GM0995").items()]
    result = subprocess.run([qgis_process, "run", "vroegsignalering:vroegsignalering", "--", *arguments],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(_table(tmp_path / "buurt.gpkg")) == 80 and len(_table(tmp_path / "grid.gpkg")) == 2345


def test_backtest_reports_auc_and_lift_for_every_mechanism_and_the_profile(run_algorithm, sample, tmp_path):
    parameters = _parameters(sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
                             sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path, YEAR=2016)
    for key in ("OUTPUT_BUURT", "OUTPUT_GRID"):
        parameters.pop(key)
    parameters.update(OUTPUT=str(tmp_path / "backtest.gpkg"), OUTPUT_HTML=str(tmp_path / "backtest.html"))
    results, messages = run_algorithm("backtest", parameters)
    table = QgsVectorLayer(results["OUTPUT"], "b", "ogr")
    rows = {f["naam"]: f for f in table.getFeatures()}
    assert set(MECHANISMS) | {"risicoprofiel"} == set(rows)
    profile = rows["risicoprofiel"]
    assert profile["analysejaar"] == 2016 and profile["uitkomstjaar"] == 2024 and profile["n"] == 68
    assert profile["basisratio"] == pytest.approx(7 / 68)  # 7 of the 68 target buurten fell to zwak by 2024
    assert profile["auc"] > 0.8 and profile["lift_sterk"] > 1
    html = (tmp_path / "backtest.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 4 and "risicoprofiel" in html
    assert "Risk profile: AUC" in messages.text()


def test_voorspelmodel_learns_from_earlier_transitions_and_reports_beside_the_profile(run_algorithm, sample, tmp_path):
    parameters = _parameters(sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
                             sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path, YEAR=2016, HORIZON=4,
                             NIVEAU=1, INSTELLINGEN="sloopelders.aan = nee\nontwikkeling.periode = 4")
    for key in ("OUTPUT_BUURT", "OUTPUT_GRID"):
        parameters.pop(key)
    parameters.update(OUTPUT=str(tmp_path / "kans.gpkg"), OUTPUT_COEFFICIENTS=str(tmp_path / "coef.gpkg"),
                      OUTPUT_BACKTEST=str(tmp_path / "bt.gpkg"))
    results, messages = run_algorithm("voorspelmodel", parameters)
    assert "Training on 2008→2012, 2012→2016; test 2016 → 2024" in messages.text()
    rows = {f["naam"]: f for f in QgsVectorLayer(results["OUTPUT_BACKTEST"], "b", "ogr").getFeatures()}
    assert set(rows) == {"voorspelmodel", "risicoprofiel"}
    assert rows["voorspelmodel"]["auc"] > 0.7
    for name in ("voorspelmodel", "risicoprofiel"):  # AUC and lift for both, side by side
        assert isinstance(rows[name]["auc"], float) and isinstance(rows[name]["lift_sterk"], float), name
    coefficients = {f["feature"]: f["odds_ratio"] for f in QgsVectorLayer(results["OUTPUT_COEFFICIENTS"], "c", "ogr")
                    .getFeatures()}
    assert "omslagzone_score" in coefficients and all(v > 0 for v in coefficients.values())
    # the settings reach the model's analyses: a misspelt one stops it
    parameters["INSTELLINGEN"] = "ontwikkeling.periode = vier"
    with pytest.raises(Exception, match="periode must be a whole number"):
        run_algorithm("voorspelmodel", parameters)
    cells = _table(results["OUTPUT"])
    assert len(cells) == 2345
    target = cells["doelgroep"] == 1
    assert cells.loc[target, "kans"].between(0, 1).all() and cells.loc[~target, "kans"].isna().all()
    assert cells.loc[target, "risico_klasse"].isin([0, 1, 2]).all()


def test_cancel_stops_the_analysis_without_output(provider, sample, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = _parameters(sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
                             sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path)
    try:
        results = processing.run("vroegsignalering:vroegsignalering", parameters, feedback=feedback, context=context)
    except Exception as error:  # QGIS may report the cancel as an exception
        results = {}
        assert "Traceback" not in str(error)
    assert "OUTPUT_BUURT" not in results
    assert not (tmp_path / "buurt.gpkg").exists() and not (tmp_path / "grid.gpkg").exists()


def test_demolition_in_a_buurt_not_yet_scored_counts_for_its_neighbours(run_algorithm, sample, tmp_path):
    """BU09951121 has its first score in 2018: no unit in 2016, but its polygon places its demolition (a renewal
    area between demolition and new building sends its households to the buurten around it)."""
    sloop = pd.read_csv(sample / "sloop_lelystad.csv", dtype=str)
    extra = pd.concat([sloop, pd.DataFrame({"buurtcode": ["BU09951121"], "buurtnaam": ["nieuw"], "jaar": ["2015"],
                                            "gesloopte_woningen": ["500"]})])
    extra.to_csv(tmp_path / "sloop.csv", index=False)
    uitkomsten = {}
    for naam, tabel in (("zonder", sample / "sloop_lelystad.csv"), ("met", tmp_path / "sloop.csv")):
        (tmp_path / naam).mkdir()
        results, messages = run_algorithm("vroegsignalering", _parameters(
            sample, sample / "Leefbaarometer-scores buurten 2002-2024.csv",
            sample / "Leefbaarometer-scores grids 2002-2024.csv", tmp_path / naam, YEAR=2016, SLOOP=str(tabel)))
        uitkomsten[naam] = _table(results["OUTPUT_BUURT"])["sloopelders_sloop_omgeving"].astype(float), messages
    zonder, _ = uitkomsten["zonder"]
    met, messages = uitkomsten["met"]
    assert "BU09951121" not in met.index  # no score up to 2016: no unit, no row
    erbij = met - zonder.loc[met.index]
    # every buurt within 5 km gets up to 500 x (1 - d / 5 km); the nearest nearly all of it
    assert (erbij >= -1e-9).all() and (erbij <= 500).all()
    assert (erbij > 0).sum() >= 10 and erbij.max() > 350, erbij.sort_values().tail()
    assert not [line for line in messages.info if "BU09951121" in line], messages.text()
