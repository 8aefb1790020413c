"""The plugin's algorithms from the shell, through the real qgis_process command line."""

import os
import shutil
import subprocess

import pytest
from qgis.core import QgsVectorLayer

QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture(scope="module")
def qgis_process_env(plugin_root, tmp_path_factory):
    """A throw-away QGIS profile with the plugin folder on QGIS_PLUGINPATH, enabled."""
    if QGIS_PROCESS is None:
        pytest.fail("qgis_process not found: run 'make test', which installs Debian's qgis package")
    base = tmp_path_factory.mktemp("qgis_process")
    plugins = base / "plugins"
    plugins.mkdir()
    (plugins / "vroegsignalering").symlink_to(plugin_root, target_is_directory=True)
    env = dict(os.environ)
    env.update(
        QGIS_PLUGINPATH=str(plugins),
        QGIS_CUSTOM_CONFIG_PATH=str(base / "config"),
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(base),
    )
    base.chmod(0o700)
    enabled = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "vroegsignalering"], env=env, capture_output=True, text=True, timeout=180
    )
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return env


def run(env, *args):
    return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)


def test_algorithms_are_listed(qgis_process_env):
    listed = run(qgis_process_env, "list")
    assert listed.returncode == 0, listed.stderr
    for algorithm_id in ("downloaddata", "importscores", "buurtcontext", "ontwikkeling", "omslagzone",
                         "zwakkedeelgebieden", "dimensies", "uitstraling", "conjunctuur", "doorstroom",
                         "nieuwbouwelders", "sloopelders", "concurrentiepositie", "eigenindicator"):
        assert f"vroegsignalering:{algorithm_id}" in listed.stdout, algorithm_id


def test_importscores_runs_from_the_command_line(qgis_process_env, plugin_root, tmp_path):
    scores = plugin_root / "tests" / "qgis" / "data" / "grid_semicolon_bom.csv"
    output = tmp_path / "grid.gpkg"
    result = run(
        qgis_process_env, "run", "vroegsignalering:importscores", "--",
        f"SCORES={scores}", f"OUTPUT={output}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    layer = QgsVectorLayer(str(output), "grid", "ogr")
    assert layer.isValid()
    assert layer.crs().authid() == "EPSG:28992"
    features = {f["code"]: f for f in layer.getFeatures()}
    assert sorted(features) == ["E1213N4879", "E1213N4880", "E1214N4879"]
    cell = features["E1213N4879"]
    assert cell["jaar"] == 2024
    assert cell["afw"] == pytest.approx(-0.17)
    assert cell["klasse"] == 4  # -0.17 is below 'voldoende' (-0.16405): zwak
    assert cell["afw_2020"] == pytest.approx(0.05)
    assert cell["klasse_2020"] == 7
    assert cell.geometry().boundingBox().toString(0) == "121300,487900 : 121400,488000"
    assert features["E1214N4879"]["klasse"] == 9
    assert features["E1213N4880"]["afw_2020"] is None or str(features["E1213N4880"]["afw_2020"]) == "NULL"


def test_bad_input_gives_a_clear_message(qgis_process_env, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("grid_id,jaar,afw\nE1213N4879,2024,abc\n", encoding="utf-8")
    result = run(
        qgis_process_env, "run", "vroegsignalering:importscores", "--",
        f"SCORES={broken}", f"OUTPUT={tmp_path / 'out.gpkg'}",
    )
    assert result.returncode != 0
    text = result.stdout + result.stderr
    assert "broken.csv" in text and "afw" in text
    assert "Traceback" not in text
    assert not (tmp_path / "out.gpkg").exists()


def test_a_grid_id_far_outside_the_netherlands_is_left_out_with_a_warning(qgis_process_env, plugin_root, tmp_path):
    """The issue's case: one stray id imported, then uitstraling on the layer (once a 70 GiB window)."""
    sample = plugin_root / "resources" / "sample" / "Leefbaarometer-scores grids 2002-2024.csv"
    scores = tmp_path / "grids_met_typfout.csv"
    text = sample.read_text(encoding="utf-8")
    scores.write_text(text.rstrip("\n") + "\nE99999N99999,2024,4.1,0.01,0,0,0,0,0\n", encoding="utf-8")
    assert text.splitlines()[0].startswith("grid_id,jaar,lbm,afw,")
    regel = len(text.rstrip("\n").splitlines()) + 1
    result = run(qgis_process_env, "run", "vroegsignalering:importscores", "--",
                 f"SCORES={scores}", f"OUTPUT={tmp_path / 'grid.gpkg'}")
    uit = result.stdout + result.stderr
    assert result.returncode == 0, uit
    assert (f"grids_met_typfout.csv: 1 grid id(s) lie outside the Netherlands (the Leefbaarometer's extent) and "
            f"were left out, e.g. E99999N99999 (line {regel})") in uit
    layer = QgsVectorLayer(str(tmp_path / "grid.gpkg"), "grid", "ogr")
    assert layer.featureCount() == 2345 and layer.extent().width() < 100_000
    # a layer that holds one anyway (edited by hand): uitstraling leaves it out and says so
    assert layer.startEditing()
    assert layer.changeAttributeValue(7, layer.fields().indexOf("code"), "E99999N99999") and layer.commitChanges()
    del layer
    result = run(qgis_process_env, "run", "vroegsignalering:uitstraling", "--",
                 f"INPUT={tmp_path / 'grid.gpkg'}", f"OUTPUT={tmp_path / 'uitstraling.gpkg'}")
    uit = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in uit, uit
    assert "1 grid id(s) lie outside the Netherlands" in uit and "E99999N99999 (feature 7)" in uit
    assert QgsVectorLayer(str(tmp_path / "uitstraling.gpkg"), "u", "ogr").featureCount() == 2344


def test_a_mechanism_runs_from_the_command_line_with_defaults(qgis_process_env, plugin_root, tmp_path):
    sample = plugin_root / "resources" / "sample"
    scores = tmp_path / "buurten.gpkg"
    imported = run(
        qgis_process_env, "run", "vroegsignalering:importscores", "--",
        f"SCORES={sample / 'Leefbaarometer-scores buurten 2002-2024.csv'}",
        f"BUURTEN={sample / 'wijkbuurtkaart_2024_lelystad.gpkg'}|layername=buurten", f"OUTPUT={scores}",
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    output = tmp_path / "omslagzone.gpkg"
    result = run(qgis_process_env, "run", "vroegsignalering:omslagzone", "--", f"INPUT={scores}", f"OUTPUT={output}")
    assert result.returncode == 0, result.stdout + result.stderr
    layer = QgsVectorLayer(str(output), "o", "ogr")
    assert layer.featureCount() == 80
    signals = [f["omslagzone_signaal"] for f in layer.getFeatures()]
    assert 0 < signals.count(1) < 80


@pytest.fixture(scope="module")
def sample_outputs(qgis_process_env, plugin_root, tmp_path_factory):
    """importscores (buurt, grid) and buurtcontext outputs of the sample, made with qgis_process."""
    sample = plugin_root / "resources" / "sample"
    out = tmp_path_factory.mktemp("qp_sample")
    buurten = f"{sample / 'wijkbuurtkaart_2024_lelystad.gpkg'}|layername=buurten"
    calls = {
        "buurt": ("importscores", [f"SCORES={sample / 'Leefbaarometer-scores buurten 2002-2024.csv'}",
                                   f"BUURTEN={buurten}"]),
        "grid": ("importscores", [f"SCORES={sample / 'Leefbaarometer-scores grids 2002-2024.csv'}",
                                  f"BUURTEN={buurten}"]),
        "context": ("buurtcontext", [f"BUURTEN={buurten}",
                                     f"CONTEXT={sample / 'kerncijfers_wijken_en_buurten_2024_lelystad.csv'}"]),
    }
    paths = {"sample": sample}
    for name, (algorithm, arguments) in calls.items():
        paths[name] = out / f"{name}.gpkg"
        result = run(qgis_process_env, "run", f"vroegsignalering:{algorithm}", "--", *arguments,
                     f"OUTPUT={paths[name]}")
        assert result.returncode == 0, result.stdout + result.stderr
    return paths


@pytest.mark.parametrize("mechanism", ["ontwikkeling", "omslagzone", "zwakkedeelgebieden", "dimensies", "uitstraling",
                                       "conjunctuur", "doorstroom", "nieuwbouwelders", "sloopelders",
                                       "concurrentiepositie", "eigenindicator"])
def test_every_mechanism_runs_from_the_command_line_with_defaults(qgis_process_env, sample_outputs, tmp_path,
                                                                  mechanism):
    extra = {
        "zwakkedeelgebieden": [f"GRID={sample_outputs['grid']}"],
        "sloopelders": [f"SLOOP={sample_outputs['sample'] / 'sloop_lelystad.csv'}"],
        "eigenindicator": [f"INDICATOR={sample_outputs['context']}", "FIELD=PersonenInArmoede"],
    }.get(mechanism, [])
    output = tmp_path / "m.gpkg"
    result = run(qgis_process_env, "run", f"vroegsignalering:{mechanism}", "--", f"INPUT={sample_outputs['buurt']}",
                 f"BUURTEN={sample_outputs['context']}", *extra, f"OUTPUT={output}")
    assert result.returncode == 0, result.stdout + result.stderr
    layer = QgsVectorLayer(str(output), "m", "ogr")
    assert layer.featureCount() == 80 and f"{mechanism}_signaal" in layer.fields().names()
