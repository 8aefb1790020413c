"""downloaddata in a real QGIS, against a local HTTP server on 127.0.0.1 (never the internet)."""

import importlib.util
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from vroegsignalering import compat
from vroegsignalering.algorithms.downloaddata import DownloadData, default_cache_dir
from vroegsignalering.core import download as core_download


def _load_helpers():
    """The unit tests' HTTP server and zip builders, imported by path (--import-mode=importlib)."""
    path = Path(__file__).resolve().parents[1] / "unit" / "httpfixture.py"
    spec = importlib.util.spec_from_file_location("vroegsignalering_tests_httpfixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hf = _load_helpers()

SCORES_ZIP = "/resources/open-data-leefbaarometer-meting-2024.zip"
SCORES_DIR = "Leefbaarometer 3.0 - Meting 2024 - open data"
BUURT_CSV = "Leefbaarometer-scores buurten 2002-2024.csv"
CBS_GPKG = "/cbs/wijkenbuurten_2024.gpkg"
WFS = "/lbm3/ows"

CSV_TEXT = (
    "bu_code,bu_naam,gm_naam,jaar,lbm,afw,fys,onv,soc,vrz,won,kscore\n"
    "BU09950101,Centrum,Lelystad,2024,3.79,-0.2554,-0.01,-0.05,-0.12,0.02,-0.09,4\n"
    "BU09950102,Atolwijk,Lelystad,2024,4.10,0.05,0.01,0.0,0.02,0.01,0.01,7\n"
)
WFS_ANSWER = {
    "type": "FeatureCollection",
    "features": [{
        "type": "Feature", "id": "buurtscore24.1",
        "geometry": {"type": "Point", "coordinates": [160000.0, 500000.0]},
        "properties": {"id": "BU09950101", "name": "Centrum", "gemeente": "Lelystad", "year": 2024, "afw": -0.2554},
    }],
    "numberMatched": 1, "numberReturned": 1,
}


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """requests must reach 127.0.0.1 directly, whatever proxy the environment names."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def _wfs(requests_seen):
    """A GetFeature endpoint: records the query and answers the tiny GeoJSON for Lelystad only."""
    def handler(request, hit):
        query = {k: v[0] for k, v in parse_qs(urlsplit(request.path).query).items()}
        requests_seen.append(query)
        answer = dict(WFS_ANSWER)
        if query.get("CQL_FILTER") != "gemeente = 'Lelystad'":
            answer.update(features=[], numberMatched=0, numberReturned=0)
        hf.send_bytes(request, json.dumps(answer).encode("utf-8"), content_type="application/json")
    return handler


@pytest.fixture()
def server(plugin_root):
    with hf.LocalServer() as running:
        running.wfs_requests = []
        running.routes[SCORES_ZIP] = hf.serve(hf.make_zip({
            f"{SCORES_DIR}/": b"",
            f"{SCORES_DIR}/{BUURT_CSV}": CSV_TEXT.encode("utf-8"),
            f"{SCORES_DIR}/Leefbaarometer-scores gemeenten 2002-2024.csv": b"gm_code,jaar,afw\nGM0995,2024,-0.01\n",
        }))
        gpkg = plugin_root / "resources" / "sample" / "wijkbuurtkaart_2024_lelystad.gpkg"
        running.routes[CBS_GPKG] = hf.serve_file(gpkg)
        running.routes[WFS] = _wfs(running.wfs_requests)
        yield running


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.messages = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.messages.append(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.messages.append(warning)

    def text(self):
        return "\n".join(self.messages)


@pytest.fixture()
def run(qgis_processing, server, tmp_path):
    """Run downloaddata against the local server with a cache in tmp_path; returns (results, feedback)."""
    import processing

    def run_it(parameters, feedback=None):
        feedback = feedback or Feedback()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        defaults = {
            "CACHE": str(tmp_path / "cache"),
            "LEEFBAAROMETER_URL": server.url("/resources/"),
            "CBS_URL": server.url("/cbs/"),
            "WFS_URL": server.url(WFS),
            "TIMEOUT": 5,
            "RETRIES": 0,
        }
        algorithm = DownloadData().create()
        results = processing.run(algorithm, dict(defaults, **parameters), feedback=feedback, context=context)
        return results, feedback

    return run_it


def _listing(folder):
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())


def test_downloads_extracts_and_reports_the_paths(run, server, tmp_path):
    cache = tmp_path / "cache"
    results, feedback = run({"DATASETS": [0, 2, 3], "GEMEENTE": "Lelystad"})

    assert results["OUTPUT_FOLDER"] == str(cache)
    csv = Path(results["SCORES_CSV"])
    assert csv == cache / "open-data-leefbaarometer-meting-2024" / SCORES_DIR / BUURT_CSV
    assert csv.read_text(encoding="utf-8") == CSV_TEXT
    gpkg = Path(results["CBS_GPKG"])
    assert gpkg == cache / "wijkenbuurten_2024.gpkg"
    assert QgsVectorLayer(f"{gpkg}|layername=buurten", "b", "ogr").featureCount() > 0
    wfs = QgsVectorLayer(results["WFS_BUURT"], "w", "ogr")
    assert wfs.isValid() and [f["id"] for f in wfs.getFeatures()] == ["BU09950101"]
    assert "WFS_GRID" not in results

    files = results["FILES"].split(";")
    assert str(csv) in files and str(gpkg) in files and results["WFS_BUURT"] in files
    assert len(files) == 4  # two CSVs from the zip, the GeoPackage, the WFS answer
    assert all(Path(f).is_file() for f in files)
    # the WFS was asked for one gemeente's buurt layer, in RD New
    (query,) = server.wfs_requests
    assert query["typeNames"] == "lbm3:buurtscore24" and query["srsName"] == "EPSG:28992"
    assert query["CQL_FILTER"] == "gemeente = 'Lelystad'"
    assert not [name for name in _listing(cache) if name.endswith(".part")]
    assert "Taken from the cache" not in feedback.text()


def test_second_run_uses_the_cache_and_refresh_downloads_again(run, server):
    parameters = {"DATASETS": [0, 3], "GEMEENTE": "Lelystad"}
    first, _ = run(parameters)
    assert server.count(SCORES_ZIP) == 1 and server.count(WFS) == 1

    second, feedback = run(parameters)
    assert server.count(SCORES_ZIP) == 1 and server.count(WFS) == 1  # no second request
    assert second["SCORES_CSV"] == first["SCORES_CSV"] and second["FILES"] == first["FILES"]
    assert "Taken from the cache" in feedback.text()

    run(dict(parameters, REFRESH=True))
    assert server.count(SCORES_ZIP) == 2 and server.count(WFS) == 2


def test_missing_file_names_the_url_and_leaves_nothing(run, server, tmp_path):
    moved = server.url("/moved/")
    with pytest.raises(QgsProcessingException) as raised:
        run({"DATASETS": [1], "LEEFBAAROMETER_URL": moved})
    message = str(raised.value)
    assert "HTTP 404" in message and moved + "geometrie-lbm3-2024.zip" in message
    assert "base URL can be changed" in message
    assert _listing(tmp_path / "cache") == []


def test_broken_zip_is_reported_and_removed_from_the_cache(run, server, tmp_path):
    server.routes[SCORES_ZIP] = hf.serve(b"<html>The page has moved</html>", content_type="text/html")
    with pytest.raises(QgsProcessingException, match="not a readable zip file") as raised:
        run({"DATASETS": [0]})
    assert "cached copy was removed" in str(raised.value)
    assert _listing(tmp_path / "cache") == []


def test_wfs_needs_a_gemeente(run, server):
    with pytest.raises(QgsProcessingException, match="Gemeente name"):
        run({"DATASETS": [0, 4], "GEMEENTE": "  "})
    assert server.hits == {}  # refused before any request


def test_wfs_without_features_names_the_gemeente(run, server, tmp_path):
    with pytest.raises(QgsProcessingException, match="no features for gemeente 'Lelijstad'"):
        run({"DATASETS": [4], "GEMEENTE": "Lelijstad"})
    assert server.wfs_requests[0]["typeNames"] == "lbm3:clippedgridscore24"
    assert _listing(tmp_path / "cache") == []  # the empty answer is not cached


def test_cancel_stops_cleanly(run, server):
    feedback = Feedback()
    feedback.cancel()
    results, _ = run({"DATASETS": [0, 2]}, feedback)
    assert "Cancelled" in feedback.text() and results["FILES"] == ""
    assert server.hits == {}


def test_definition_defaults_and_threading(qgis_processing):
    algorithm = DownloadData().create()
    assert algorithm.id() == "downloaddata" and algorithm.group()
    assert not algorithm.flags() & compat.FLAG_NO_THREADING  # runs in the background thread
    definition = algorithm.parameterDefinition
    assert definition("LEEFBAAROMETER_URL").defaultValue() == core_download.LEEFBAAROMETER_BASE_URL
    assert definition("CBS_URL").defaultValue() == core_download.CBS_WIJKBUURTKAART_BASE_URL
    assert definition("WFS_URL").defaultValue() == core_download.LEEFBAAROMETER_WFS_URL
    assert definition("DATASETS").defaultValue() == [0]
    assert definition("CACHE").defaultValue() == default_cache_dir()
    # without a cache folder (qgis_process, PyQGIS) the run is valid and uses the profile's cache
    context = QgsProcessingContext()
    assert algorithm.checkParameterValues({"DATASETS": [0]}, context) == (True, "")
    assert algorithm.parameterAsFileOutput({}, "CACHE", context) == default_cache_dir()
    assert "vroegsignalering" in default_cache_dir()
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"OUTPUT_FOLDER", "FILES", "SCORES_CSV"}
    help_text = algorithm.shortHelpString()
    assert "CC BY 4.0" in help_text and "BZK" in help_text and "cache" in help_text
