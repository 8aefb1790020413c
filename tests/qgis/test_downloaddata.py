"""downloaddata in a real QGIS, against a local HTTP(S) server and proxy on 127.0.0.1 (never the internet).

The downloads go through QGIS's own network stack (``algorithms/netwerk.py``),
so these tests configure QGIS itself: its proxy settings, its certificate
manager, its authentication configurations. Nothing of qgis.core is mocked.
"""

import importlib.util
import io
import json
import shutil
import time
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import (
    QgsApplication,
    QgsNetworkAccessManager,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProject,
    QgsSettings,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtNetwork import QSslCertificate

from vroegsignalering import compat
from vroegsignalering.algorithms.downloaddata import DownloadData, default_cache_dir
from vroegsignalering.algorithms.netwerk import QgisTransport
from vroegsignalering.core import download as core_download
from vroegsignalering.core.download import DownloadCancelledError, download
from vroegsignalering.core.errors import InputError


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
    """No proxy from the environment: the only proxy in these tests is the one set in QGIS."""
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
    assert "Cancelled" in feedback.text()
    assert not results.get("FILES")  # QGIS hands back no results of a cancelled run
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
    # the network parameters added for QGIS's network stack: advanced, off by default
    for name in ("AUTHCFG", "ALLOW_HTTP"):
        assert definition(name).flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced
    assert definition("AUTHCFG").flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
    assert definition("ALLOW_HTTP").defaultValue() is False


# --- QGIS's network stack ----------------------------------------------------------------------

BIG = bytes(range(256)) * 4096  # 1 MiB, many chunks
MIRROR = "http://lbm-mirror.example.invalid"  # a host that exists nowhere: only a proxy can answer for it


def _wait_for(condition, seconds=60):
    start = time.monotonic()
    while not condition():
        QCoreApplication.processEvents()
        time.sleep(0.01)
        assert time.monotonic() - start < seconds, "gave up waiting"


@pytest.fixture()
def proxy(qgis_processing, server):
    """A proxy on 127.0.0.1 set in QGIS's settings and applied as the options dialog does; undone afterwards."""
    settings = QgsSettings()
    keys = ["proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort",
            "proxy/proxyExcludedUrls", "proxy/noProxyUrls"]
    before = {key: settings.value(key) for key in keys if settings.contains(key)}
    with hf.LocalProxy(upstream=server) as running:
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", str(running.port))
        settings.setValue("proxy/proxyExcludedUrls", [])
        settings.setValue("proxy/noProxyUrls", [])
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
        try:
            yield running
        finally:
            for key in keys:
                settings.remove(key)
            for key, value in before.items():
                settings.setValue(key, value)
            QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_requests_go_through_qgis_network_stack(run, server):
    run({"DATASETS": [2]})
    assert "QGIS/" in server.headers[CBS_GPKG]["User-Agent"]  # QgsNetworkAccessManager's, not requests'


def test_the_proxy_set_in_qgis_carries_every_request(run, server, proxy):
    """The point of the network stack: a municipal network's proxy, set once in QGIS, is used."""
    results, feedback = run({"DATASETS": [0, 2], "LEEFBAAROMETER_URL": MIRROR + "/resources/", "ALLOW_HTTP": True})

    assert Path(results["SCORES_CSV"]).read_text(encoding="utf-8") == CSV_TEXT
    assert Path(results["CBS_GPKG"]).stat().st_size > 0
    # the mirror's host exists nowhere: the proxy fetched it; the server on this computer went through it too
    assert proxy.requests == [("GET", MIRROR + SCORES_ZIP), ("GET", server.url(CBS_GPKG))]
    assert server.count(SCORES_ZIP) == 1 and server.count(CBS_GPKG) == 1
    assert f"Downloading through the proxy set in QGIS: 127.0.0.1:{proxy.port}" in feedback.text()


def _run_task(parameters):
    """Run downloaddata as the panel does: QgsProcessingAlgRunnerTask in QGIS's task manager (a pooled thread)."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    task = QgsProcessingAlgRunnerTask(DownloadData().create(), parameters, context, feedback)
    outcome = {}
    task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    _wait_for(lambda: "ok" in outcome)
    _wait_for(lambda: task.status() in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated))
    assert outcome["ok"], feedback.text()
    return outcome["results"]


def test_a_background_task_uses_the_proxy_qgis_has_now(qgis_processing, server, proxy, tmp_path):
    """QGIS gives each thread its own network manager, set up once; a pooled thread must still see a new proxy."""
    parameters = {"DATASETS": [0], "CACHE": str(tmp_path / "cache"), "TIMEOUT": 5, "RETRIES": 0, "REFRESH": True}
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", False)  # first without a proxy: the pool's thread sets up its manager
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    _run_task(dict(parameters, LEEFBAAROMETER_URL=server.url("/resources/")))
    assert proxy.requests == [] and server.count(SCORES_ZIP) == 1

    settings.setValue("proxy/proxyEnabled", True)  # then the proxy is switched on, as in Settings > Options
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    results = _run_task(dict(parameters, LEEFBAAROMETER_URL=MIRROR + "/resources/", ALLOW_HTTP=True))
    assert Path(results["SCORES_CSV"]).read_text(encoding="utf-8") == CSV_TEXT
    assert proxy.requests == [("GET", MIRROR + SCORES_ZIP)]


def test_plain_http_to_another_computer_is_refused_before_any_request(run, server, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run({"DATASETS": [0, 2], "CBS_URL": "http://service.pdok.nl/cbs/wijkenbuurten/2024/atom/downloads/"})
    message = str(raised.value)
    assert "'http://service.pdok.nl/cbs/wijkenbuurten/2024/atom/downloads/' is a plain http address" in message
    assert "https" in message and "Allow plain http addresses" in message
    assert server.hits == {}  # refused before the first download, also of the scores that were fine
    assert not (tmp_path / "cache").exists() or _listing(tmp_path / "cache") == []

    with pytest.raises(QgsProcessingException, match=r"'ftp://example\.invalid/' is not a web address"):
        run({"DATASETS": [0], "LEEFBAAROMETER_URL": "ftp://example.invalid/"})


def test_redirects_are_followed_and_each_address_checked(run, server, tmp_path):
    server.routes["/old/open-data-leefbaarometer-meting-2024.zip"] = hf.redirect(server.url(SCORES_ZIP), 301)
    results, _ = run({"DATASETS": [0], "LEEFBAAROMETER_URL": server.url("/old/")})
    assert Path(results["SCORES_CSV"]).read_text(encoding="utf-8") == CSV_TEXT
    assert (tmp_path / "cache" / "open-data-leefbaarometer-meting-2024.zip").is_file()
    assert server.count(SCORES_ZIP) == 1

    server.routes["/gpkg-moved/wijkenbuurten_2024.gpkg"] = hf.redirect("http://downloads.example.invalid/wb.gpkg")
    with pytest.raises(QgsProcessingException) as raised:
        run({"DATASETS": [2], "CBS_URL": server.url("/gpkg-moved/")})
    assert "redirects to the plain http address http://downloads.example.invalid/wb.gpkg: refused" in str(raised.value)
    assert not (tmp_path / "cache" / "wijkenbuurten_2024.gpkg").exists()


def test_cancel_mid_download_leaves_nothing(run, server, tmp_path):
    server.routes[SCORES_ZIP] = hf.trickle(hf.make_zip({"big.bin": BIG}, compression=zipfile.ZIP_STORED), 16, 0.05)
    feedback = Feedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 0 else None)
    run({"DATASETS": [0]}, feedback)
    assert "Cancelled" in feedback.text() and "nothing incomplete was kept" in feedback.text()
    assert server.count(SCORES_ZIP) == 1
    assert _listing(tmp_path / "cache") == []  # no zip, no .part, nothing unpacked


def test_cancel_while_waiting_for_an_answer_is_prompt(qgis_processing, server, tmp_path):
    server.routes["/slow.zip"] = hf.slow(server, 20, hf.serve(b"late"))
    start = time.monotonic()
    with pytest.raises(DownloadCancelledError, match="/slow.zip"):
        download(server.url("/slow.zip"), tmp_path, transport=QgisTransport(), timeout=30, retries=0,
                 is_cancelled=lambda: time.monotonic() - start > 0.3)
    assert time.monotonic() - start < 3
    assert _listing(tmp_path) == []


def test_time_outs_give_a_clear_message(run, server, tmp_path):
    server.routes[CBS_GPKG] = hf.slow(server, 20, hf.serve(b"late"))
    start = time.monotonic()
    with pytest.raises(QgsProcessingException) as raised:
        run({"DATASETS": [2], "TIMEOUT": 1, "RETRIES": 1})
    message = str(raised.value)
    assert f"Could not download {server.url(CBS_GPKG)}: no answer within 1 s (tried 2 times)" in message
    assert time.monotonic() - start < 10 and server.count(CBS_GPKG) == 2

    server.routes[CBS_GPKG] = hf.stall(server, BIG, 5000)
    with pytest.raises(QgsProcessingException, match="transfer stalled for more than 1 s"):
        run({"DATASETS": [2], "TIMEOUT": 1, "RETRIES": 0})
    assert _listing(tmp_path / "cache") == []  # the 5000 bytes that came were not kept


def test_cut_off_and_failing_transfers_are_retried(run, server, tmp_path):
    data = (Path(__file__).resolve().parents[2] / "resources" / "sample" / "wijkbuurtkaart_2024_lelystad.gpkg")
    server.routes[CBS_GPKG] = hf.truncated(data.read_bytes(), 1000, times=1)
    results, _ = run({"DATASETS": [2], "RETRIES": 1})
    assert Path(results["CBS_GPKG"]).read_bytes() == data.read_bytes() and server.count(CBS_GPKG) == 2

    server.routes["/flaky/wijkenbuurten_2024.gpkg"] = hf.fail_first(1, hf.serve(b"GPKG"), code=503)
    results, _ = run({"DATASETS": [2], "RETRIES": 1, "REFRESH": True, "CBS_URL": server.url("/flaky/")})
    assert Path(results["CBS_GPKG"]).read_bytes() == b"GPKG"

    server.routes[CBS_GPKG] = hf.truncated(BIG, 1000)
    with pytest.raises(QgsProcessingException, match=rf"transfer broke off after 1000 of {len(BIG)} bytes"):
        run({"DATASETS": [2], "RETRIES": 0, "REFRESH": True})
    assert not [name for name in _listing(tmp_path / "cache") if name.endswith(".part")]


def test_the_body_is_written_to_disk_as_it_arrives(qgis_processing, server, tmp_path):
    """Large files are streamed into the .part file, not held in memory until complete."""
    server.routes["/big.zip"] = hf.trickle(BIG, 8, 0.05)
    on_disk = []

    def progress(fraction, done):
        parts = list(tmp_path.glob(".big.zip.*.part"))
        if parts and 0 < done < len(BIG):
            on_disk.append((done, parts[0].stat().st_size))

    path = download(server.url("/big.zip"), tmp_path, transport=QgisTransport(), progress=progress, retries=0)
    assert path.read_bytes() == BIG and _listing(tmp_path) == ["big.zip"]
    assert len(on_disk) >= 4
    # at most Python's write buffer not yet on disk (8 KiB; 128 KiB from Python 3.14 on)
    assert all(size >= done - max(8192, io.DEFAULT_BUFFER_SIZE) for done, size in on_disk)


# --- certificates: QGIS's certificate manager decides ------------------------------------------


@pytest.fixture()
def tls(qgis_processing, tmp_path):
    """An https server on this computer with a certificate of a test CA (not trusted by default)."""
    if shutil.which("openssl") is None:
        pytest.skip("making test certificates needs the openssl command (Debian: openssl, via ca-certificates)")
    ca_pem, cert, key = hf.make_certificates(tmp_path)
    with hf.LocalServer(tls=(cert, key)) as running:
        running.ca = QSslCertificate(ca_pem)
        running.base_url = f"https://localhost:{running.httpd.server_address[1]}"  # the name in the certificate
        running.routes[CBS_GPKG] = hf.serve(b"GPKG over https")
        yield running


@pytest.fixture()
def trusted_ca(tls):
    """The test CA added to QGIS's certificate manager (Settings > Options > Authentication), removed after."""
    manager = QgsApplication.authManager()
    assert manager.storeCertAuthority(tls.ca)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()
    try:
        yield tls.ca
    finally:
        manager.removeCertAuthority(tls.ca)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()


def test_a_certificate_qgis_does_not_trust_is_refused_clearly(run, tls, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run({"DATASETS": [2], "CBS_URL": tls.base_url + "/cbs/", "RETRIES": 2})
    message = str(raised.value)
    assert "The secure connection to localhost failed" in message and "Certificate Manager" in message
    assert tls.count(CBS_GPKG) == 0  # no request was sent over the untrusted connection
    assert _listing(tmp_path / "cache") == []


def test_a_certificate_authority_added_to_qgis_is_trusted_also_through_the_proxy(run, server, proxy, tls,
                                                                                trusted_ca):
    """A network that inspects https re-signs with its own CA: once added to QGIS, downloads work."""
    proxy.tunnel_to = tls.httpd.server_address[:2]
    results, _ = run({"DATASETS": [2], "CBS_URL": tls.base_url + "/cbs/"})
    assert Path(results["CBS_GPKG"]).read_bytes() == b"GPKG over https"
    assert proxy.requests == [("CONNECT", urlsplit(tls.base_url).netloc)]  # https went through the proxy


# --- authentication configurations ---------------------------------------------------------------

def test_authcfg_logs_in_to_a_mirror(run, server, authcfg):
    server.routes["/mirror/open-data-leefbaarometer-meting-2024.zip"] = hf.basic_auth(
        "analist", "geheim", server.routes[SCORES_ZIP])
    with pytest.raises(QgsProcessingException, match=r"HTTP 401 .*asks for a login"):
        run({"DATASETS": [0], "LEEFBAAROMETER_URL": server.url("/mirror/")})
    results, _ = run({"DATASETS": [0], "LEEFBAAROMETER_URL": server.url("/mirror/"), "AUTHCFG": authcfg})
    assert Path(results["SCORES_CSV"]).read_text(encoding="utf-8") == CSV_TEXT


def test_authcfg_goes_only_to_the_hosts_it_is_meant_for(server, authcfg, tmp_path):
    other_host = server.base.replace("127.0.0.1", "localhost")  # the same server under another name
    server.routes["/private.bin"] = hf.serve(b"p")
    server.routes["/elsewhere.bin"] = hf.redirect(other_host + "/private.bin")
    transport = QgisTransport(authcfg, {"127.0.0.1"})
    download(server.url("/private.bin"), tmp_path / "a", transport=transport)
    assert server.headers["/private.bin"]["Authorization"].startswith("Basic ")
    download(server.url("/elsewhere.bin"), tmp_path / "b", transport=transport)  # redirected to localhost
    assert "Authorization" not in server.headers["/private.bin"]
    assert not QgisTransport(authcfg, {"mirror.gemeente.invalid"}).uses_authcfg(core_download.source_url(
        "leefbaarometer_scores"))


def test_an_unknown_authcfg_is_refused_before_any_request(run, server):
    with pytest.raises(QgsProcessingException, match="'nope123' does not exist in this QGIS profile"):
        run({"DATASETS": [0], "AUTHCFG": "nope123"})
    assert server.hits == {}


def test_transport_failures_are_input_errors_or_retryable(qgis_processing, tmp_path):
    """A closed port is worth another try (TransportError inside, InputError naming the URL at the end)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/file.zip"
    with pytest.raises(InputError) as caught:
        download(url, tmp_path, transport=QgisTransport(), retries=1, backoff=0)
    assert url in str(caught.value) and "connection failed" in str(caught.value) and "tried 2 times" in str(
        caught.value)


def test_qgis_network_time_out_applies_and_is_named(qgis_processing, server, tmp_path):
    """QGIS's own network time-out (Settings > Options > Network) ends a silent request too, with a clear message."""
    server.routes["/silent.bin"] = hf.slow(server, 20, hf.serve(b"late"))
    before = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(1000)
    try:
        with pytest.raises(InputError, match=r"no data for 1 s, QGIS's network time-out \(Settings > Options > Network"):
            download(server.url("/silent.bin"), tmp_path, transport=QgisTransport(), timeout=30, retries=0)
    finally:
        QgsNetworkAccessManager.setTimeout(before)
    assert _listing(tmp_path) == []
