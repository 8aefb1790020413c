"""Downloader and safe unzip against a real HTTP server on 127.0.0.1 (no mocks): core.download with its
requests transport; tests/qgis/test_downloaddata.py runs the QGIS transport the plugin uses."""

import ast
import importlib.util
import socket
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from vroegsignalering.core import download as dl
from vroegsignalering.core.download import (
    OFFICIAL_SOURCES,
    DownloadCancelledError,
    download,
    fetch_and_extract,
    filename_from_url,
    safe_extract,
    source_url,
    wfs_getfeature_url,
)
from vroegsignalering.core.errors import InputError


def _load_helpers():
    """Import the sibling helper module by path (tests run with --import-mode=importlib)."""
    path = Path(__file__).with_name("httpfixture.py")
    spec = importlib.util.spec_from_file_location("vroegsignalering_tests_httpfixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hf = _load_helpers()

PAYLOAD = bytes(range(256)) * 1000  # 256,000 bytes, several chunks


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Make sure requests talks to 127.0.0.1 directly, whatever the environment says."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")


@pytest.fixture
def server():
    with hf.LocalServer() as running:
        yield running


def _listing(folder):
    """Every path under ``folder`` (relative, sorted), hidden files included."""
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*"))


# --- official sources and WFS URLs -------------------------------------------------------


def test_official_sources_default_and_overridden_base():
    assert source_url("leefbaarometer_scores") == (
        "https://www.leefbaarometer.nl/resources/open-data-leefbaarometer-meting-2024.zip")
    assert source_url("leefbaarometer_geometry", "http://127.0.0.1:9/moved") == (
        "http://127.0.0.1:9/moved/geometrie-lbm3-2024.zip")
    assert source_url("cbs_wijkbuurtkaart").endswith("/wijkenbuurten_2024.gpkg")
    assert source_url("leefbaarometer_wfs") == "https://geo.leefbaarometer.nl/lbm3/ows"
    assert OFFICIAL_SOURCES["leefbaarometer_wfs"]["layers"]["buurt"] == "lbm3:buurtscore24"
    assert OFFICIAL_SOURCES["leefbaarometer_wfs"]["layers"]["grid"] == "lbm3:clippedgridscore24"
    with pytest.raises(InputError, match="Unknown data source 'nope'"):
        source_url("nope")


def test_wfs_url_without_filter():
    url = wfs_getfeature_url("https://geo.leefbaarometer.nl/lbm3/ows", "lbm3:buurtscore24")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "geo.leefbaarometer.nl",
                                                       "/lbm3/ows")
    assert parse_qs(parts.query) == {
        "service": ["WFS"], "version": ["2.0.0"], "request": ["GetFeature"],
        "typeNames": ["lbm3:buurtscore24"], "outputFormat": ["application/json"],
        "srsName": ["EPSG:28992"],
    }


def test_wfs_cql_filter_quotes_apostrophes_and_survives_url_encoding():
    url = wfs_getfeature_url("https://geo.leefbaarometer.nl/lbm3/ows", "lbm3:buurtscore24",
                             gemeente="'s-Hertogenbosch & Co", count=10)
    query = parse_qs(urlsplit(url).query)
    assert query["CQL_FILTER"] == ["gemeente = '''s-Hertogenbosch & Co'"]
    assert query["count"] == ["10"]
    assert "&" not in urlsplit(url).query.split("CQL_FILTER=")[1].split("&count")[0]


def test_wfs_fes_filter_is_valid_xml_with_the_literal():
    url = wfs_getfeature_url("https://example.invalid/ows", "lbm3:clippedgridscore24",
                             gemeente="A<B & 'C'", filter_language="fes",
                             output_format="application/json; subtype=geojson")
    query = parse_qs(urlsplit(url).query)
    assert query["outputFormat"] == ["application/json; subtype=geojson"]
    root = ET.fromstring(query["FILTER"][0])
    ns = {"fes": "http://www.opengis.net/fes/2.0"}
    assert root.find(".//fes:ValueReference", ns).text == "gemeente"
    assert root.find(".//fes:Literal", ns).text == "A<B & 'C'"
    with pytest.raises(ValueError, match="filter_language"):
        wfs_getfeature_url("https://x.invalid/ows", "l", gemeente="G", filter_language="sql")


def test_wfs_keeps_base_parameters_but_ours_win():
    url = wfs_getfeature_url("https://x.invalid/ows?map=lbm&SERVICE=WMS", "l", srs="EPSG:4326")
    query = parse_qs(urlsplit(url).query)
    assert query["map"] == ["lbm"]
    assert "SERVICE" not in query and query["service"] == ["WFS"]
    assert query["srsName"] == ["EPSG:4326"]


def test_filename_from_url():
    assert filename_from_url("http://h/a/open%20data%202024.zip") == "open data 2024.zip"
    first = filename_from_url("http://h/lbm3/ows?typeNames=a&CQL_FILTER=x")
    second = filename_from_url("http://h/lbm3/ows?typeNames=b&CQL_FILTER=x")
    assert first.startswith("ows-") and second.startswith("ows-") and first != second
    assert filename_from_url("http://h/").startswith("download-")
    assert filename_from_url("http://h/%2E%2E").startswith("download-")


# --- download ----------------------------------------------------------------------------


def test_download_streams_file_and_reports_progress(server, tmp_path):
    server.routes["/data/scores.zip"] = hf.serve(PAYLOAD)
    calls = []
    path = download(server.url("/data/scores.zip"), tmp_path / "cache", chunk_size=50_000,
                    progress=lambda f, n: calls.append((f, n)))
    assert path == tmp_path / "cache" / "scores.zip"
    assert path.read_bytes() == PAYLOAD
    assert _listing(tmp_path / "cache") == ["scores.zip"]  # no .part left
    assert calls[0] == (0.0, 0)
    assert calls[-1] == (1.0, len(PAYLOAD))
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and len(calls) >= 6
    assert calls[1] == (pytest.approx(50_000 / len(PAYLOAD)), 50_000)


def test_cache_returns_existing_file_without_request(server, tmp_path):
    source = tmp_path / "served.bin"
    source.write_bytes(b"first version")
    server.routes["/f.bin"] = hf.serve_file(source)
    url = server.url("/f.bin")
    assert download(url, tmp_path / "c").read_bytes() == b"first version"
    source.write_bytes(b"second version")
    assert download(url, tmp_path / "c").read_bytes() == b"first version"
    assert server.count("/f.bin") == 1
    assert download(url, tmp_path / "c", cache=False).read_bytes() == b"second version"
    assert server.count("/f.bin") == 2


def test_explicit_filename_and_refused_path_names(server, tmp_path):
    server.routes["/ows"] = hf.serve(b'{"type": "FeatureCollection"}')
    path = download(server.url("/ows?typeNames=x"), tmp_path, filename="buurten.json")
    assert path == tmp_path / "buurten.json"
    assert path.read_text() == '{"type": "FeatureCollection"}'
    for bad in ("../x.json", "sub/x.json", "..", "C:x", ""):
        with pytest.raises(InputError, match="Invalid file name"):
            download(server.url("/ows"), tmp_path, filename=bad)
    assert server.count("/ows") == 1


def test_404_fails_at_once_naming_status_and_url(server, tmp_path):
    url = server.url("/moved/open-data-leefbaarometer-meting-2024.zip")
    with pytest.raises(InputError) as caught:
        download(url, tmp_path, retries=3, backoff=0)
    message = str(caught.value)
    assert "HTTP 404" in message and url in message
    assert server.count("/moved/open-data-leefbaarometer-meting-2024.zip") == 1
    assert _listing(tmp_path) == []


def test_503_is_retried_then_succeeds(server, tmp_path):
    server.routes["/flaky.csv"] = hf.fail_first(2, hf.serve(b"bu_code;lbm\nBU1;4.1\n"))
    path = download(server.url("/flaky.csv"), tmp_path, retries=3, backoff=0.01)
    assert path.read_bytes() == b"bu_code;lbm\nBU1;4.1\n"
    assert server.count("/flaky.csv") == 3


def test_429_too_many_requests_is_retried(server, tmp_path):
    server.routes["/busy.csv"] = hf.fail_first(1, hf.serve(b"ok"), code=429)
    assert download(server.url("/busy.csv"), tmp_path, backoff=0).read_bytes() == b"ok"
    assert server.count("/busy.csv") == 2


def test_503_beyond_retries_is_input_error(server, tmp_path):
    server.routes["/down.csv"] = hf.fail_first(10, hf.serve(b"never"))
    url = server.url("/down.csv")
    with pytest.raises(InputError) as caught:
        download(url, tmp_path, retries=2, backoff=0.01)
    message = str(caught.value)
    assert url in message and "HTTP 503" in message and "tried 3 times" in message
    assert server.count("/down.csv") == 3
    assert _listing(tmp_path) == []


def test_backoff_grows_exponentially(server, tmp_path):
    server.routes["/x"] = hf.fail_first(2, hf.serve(b"ok"))
    start = time.monotonic()
    download(server.url("/x"), tmp_path, retries=2, backoff=0.1)
    elapsed = time.monotonic() - start
    assert 0.3 <= elapsed < 2.0  # 0.1 + 0.2 of waiting


def test_timeout_is_retried_then_reported(server, tmp_path):
    server.routes["/slow.zip"] = hf.slow(server, 3.0, hf.serve(b"late"))
    url = server.url("/slow.zip")
    start = time.monotonic()
    with pytest.raises(InputError) as caught:
        download(url, tmp_path, timeout=0.3, retries=1, backoff=0)
    assert time.monotonic() - start < 2.0
    message = str(caught.value)
    assert url in message and "no answer within 0.3 s" in message and "tried 2 times" in message
    assert server.count("/slow.zip") == 2
    assert _listing(tmp_path) == []


def test_connection_refused_is_input_error(tmp_path):
    with socket.socket() as probe:  # find a free port, then leave it closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/file.zip"
    with pytest.raises(InputError) as caught:
        download(url, tmp_path, retries=1, backoff=0)
    assert url in str(caught.value) and "connection failed" in str(caught.value)
    # the parts stay available, so the plugin can word the message in the user's language
    assert isinstance(caught.value, dl.DownloadFailedError)
    assert caught.value.url == url and caught.value.attempts == 2
    assert caught.value.reason.startswith("connection failed")
    from vroegsignalering.core.meldingen import in_taal

    assert in_taal(caught.value, "nl").startswith(f"Kan {url} niet downloaden: connection failed")
    assert "(2 keer geprobeerd). Controleer de netwerkverbinding" in in_taal(caught.value, "nl")


def test_cut_off_body_is_retried_and_never_left_on_disk(server, tmp_path):
    server.routes["/cut.gpkg"] = hf.truncated(PAYLOAD, 1000, times=1)
    path = download(server.url("/cut.gpkg"), tmp_path, retries=2, backoff=0)
    assert path.read_bytes() == PAYLOAD
    assert server.count("/cut.gpkg") == 2

    server.routes["/always-cut.gpkg"] = hf.truncated(PAYLOAD, 1000)
    url = server.url("/always-cut.gpkg")
    with pytest.raises(InputError) as caught:
        download(url, tmp_path / "other", retries=1, backoff=0)
    assert url in str(caught.value) and f"1000 of {len(PAYLOAD)} bytes" in str(caught.value)
    assert _listing(tmp_path / "other") == []


def test_unknown_size_reports_none_fraction(server, tmp_path):
    server.routes["/stream"] = hf.serve(PAYLOAD, length=False)
    calls = []
    path = download(server.url("/stream"), tmp_path, progress=lambda f, n: calls.append((f, n)))
    assert path.read_bytes() == PAYLOAD
    assert calls[0] == (None, 0)
    assert all(f is None for f, _ in calls[:-1]) and len(calls) > 2
    assert calls[-2][1] == len(PAYLOAD) and calls[-1] == (1.0, len(PAYLOAD))


def test_cancel_between_chunks_removes_partial_file(server, tmp_path):
    server.routes["/big.zip"] = hf.trickle(PAYLOAD, 8, 0.02)
    seen = []

    def progress(fraction, done):
        seen.append(done)

    with pytest.raises(DownloadCancelledError) as caught:
        download(server.url("/big.zip"), tmp_path, chunk_size=4096, progress=progress,
                 is_cancelled=lambda: len(seen) >= 3)
    assert not isinstance(caught.value, InputError)
    assert "/big.zip" in str(caught.value)
    assert 0 < seen[-1] < len(PAYLOAD)
    assert _listing(tmp_path) == []


def test_cancel_before_start_sends_no_request(server, tmp_path):
    server.routes["/a"] = hf.serve(b"a")
    with pytest.raises(DownloadCancelledError):
        download(server.url("/a"), tmp_path, is_cancelled=lambda: True)
    assert server.count("/a") == 0


def test_cancel_during_backoff(server, tmp_path):
    server.routes["/busy"] = hf.fail_first(10, hf.serve(b"x"))
    start = time.monotonic()
    flag = {"n": 0}

    def cancelled():
        flag["n"] += 1
        return server.count("/busy") >= 1 and flag["n"] > 3

    with pytest.raises(DownloadCancelledError):
        download(server.url("/busy"), tmp_path, retries=5, backoff=5, is_cancelled=cancelled)
    assert time.monotonic() - start < 2.0
    assert server.count("/busy") == 1


def test_max_bytes_with_and_without_content_length(server, tmp_path):
    server.routes["/known"] = hf.serve(PAYLOAD)
    server.routes["/unknown"] = hf.serve(PAYLOAD, length=False)
    with pytest.raises(InputError, match=r"256000 bytes is more than the limit of 1000"):
        download(server.url("/known"), tmp_path, max_bytes=1000)
    with pytest.raises(InputError, match=r"/unknown stopped: more than the limit of 1000"):
        download(server.url("/unknown"), tmp_path, max_bytes=1000, chunk_size=512)
    assert server.count("/unknown") == 1  # a size limit is not retried
    assert _listing(tmp_path) == []


def test_caller_session_is_used_and_left_open(server, tmp_path):
    server.routes["/s"] = hf.serve(b"with session")
    with requests.Session() as session:
        session.trust_env = False
        assert download(server.url("/s"), tmp_path, session=session).read_bytes() == (
            b"with session")
        # still usable afterwards: download did not close the caller's session
        assert session.get(server.url("/s"), timeout=5).content == b"with session"


# --- addresses, redirects and the transport ----------------------------------------------


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("LOCALHOST.", True),
    ("api.localhost", True), ("::1", True), ("[::1]", True),
    ("10.0.0.1", False), ("localhost.example.nl", False), ("example.invalid", False), ("", False),
])
def test_is_loopback(host, loopback):
    assert dl.is_loopback(host) is loopback


def test_plain_http_only_for_this_computer_or_when_allowed():
    assert dl.check_address("https://www.leefbaarometer.nl/resources/") == "https://www.leefbaarometer.nl/resources/"
    assert dl.check_address("http://127.0.0.1:8000/x.zip") == "http://127.0.0.1:8000/x.zip"
    assert dl.check_address("http://localhost/x.zip")
    with pytest.raises(dl.AddressError) as caught:
        dl.check_address("http://www.leefbaarometer.nl/resources/x.zip")
    assert caught.value.plain_http and caught.value.url == "http://www.leefbaarometer.nl/resources/x.zip"
    assert "plain http address" in str(caught.value) and "https" in str(caught.value)
    assert isinstance(caught.value, InputError)
    assert dl.check_address("http://mirror.gemeente.invalid/x.zip", allow_http=True)
    for not_web in ("ftp://example.invalid/x.zip", "file:///etc/passwd", "www.leefbaarometer.nl/x.zip", "https://"):
        with pytest.raises(dl.AddressError, match="not a web address") as caught:
            dl.check_address(not_web, allow_http=True)
        assert not caught.value.plain_http


def test_plain_http_to_another_computer_is_refused_before_any_request(tmp_path):
    class NoNetwork:
        def open(self, url, **options):
            raise AssertionError(f"no request may be sent: {url}")

    with pytest.raises(dl.AddressError, match=r"http://data\.example\.invalid/x\.zip is a plain http address"):
        download("http://data.example.invalid/x.zip", tmp_path, transport=NoNetwork())
    assert _listing(tmp_path) == []


def test_official_hosts_are_the_sources_hosts():
    assert dl.official_hosts() == {"www.leefbaarometer.nl", "service.pdok.nl", "geo.leefbaarometer.nl"}


def test_redirects_are_followed_absolute_and_relative(server, tmp_path):
    server.routes["/old/scores.zip"] = hf.redirect(server.url("/moved/scores.zip"), 301)
    server.routes["/moved/scores.zip"] = hf.redirect("/final/scores.zip", 307)
    server.routes["/final/scores.zip"] = hf.serve(PAYLOAD)
    path = download(server.url("/old/scores.zip"), tmp_path, retries=0)
    assert path == tmp_path / "scores.zip"  # named after the address asked for, so the cache finds it
    assert path.read_bytes() == PAYLOAD
    assert [server.count(p) for p in ("/old/scores.zip", "/moved/scores.zip", "/final/scores.zip")] == [1, 1, 1]


def test_redirect_to_plain_http_elsewhere_is_refused(server, tmp_path):
    server.routes["/a.zip"] = hf.redirect("http://data.example.invalid/a.zip")
    with pytest.raises(dl.AddressError) as caught:
        download(server.url("/a.zip"), tmp_path, retries=2, backoff=0)
    assert caught.value.redirected_from == server.url("/a.zip")
    assert "redirects to the plain http address http://data.example.invalid/a.zip" in str(caught.value)
    assert server.count("/a.zip") == 1  # not retried: trying again will not make it https
    assert _listing(tmp_path) == []


def test_redirect_loop_stops(server, tmp_path):
    server.routes["/loop"] = hf.redirect("/loop")
    with pytest.raises(InputError, match=rf"more than {dl.MAX_REDIRECTS} redirects"):
        download(server.url("/loop"), tmp_path, retries=0)
    assert server.count("/loop") == dl.MAX_REDIRECTS + 1
    assert _listing(tmp_path) == []


@pytest.mark.parametrize("code", [401, 403])
def test_refused_access_says_so_and_is_not_retried(server, tmp_path, code):
    server.routes["/private.zip"] = hf.status(code)
    with pytest.raises(InputError, match=rf"HTTP {code} .*asks for a login or refuses access"):
        download(server.url("/private.zip"), tmp_path, retries=3, backoff=0)
    assert server.count("/private.zip") == 1


def test_the_given_transport_does_the_network_io(server, tmp_path):
    """download() talks to the network only through the transport it is given (the plugin passes QGIS's)."""
    server.routes["/t.bin"] = hf.serve(b"through the transport")
    opened = []

    class Recording(dl.RequestsTransport):
        def open(self, url, **options):
            opened.append((url, options["timeout"]))
            return super().open(url, **options)

    transport = Recording()
    try:
        path = download(server.url("/t.bin"), tmp_path, transport=transport, timeout=7)
    finally:
        transport.close()
    assert path.read_bytes() == b"through the transport"
    assert opened == [(server.url("/t.bin"), 7)]


def test_headers_ignore_case():
    headers = dl.Headers([("Content-Length", "12"), ("location", "/x")])
    assert headers.get("content-length") == "12" and headers["CONTENT-LENGTH"] == "12"
    assert headers.get("Location") == "/x" and "LOCATION" in headers and headers.get("Retry-After") is None


# --- safe_extract ------------------------------------------------------------------------


def _zip_file(tmp_path, data, name="in.zip"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_extract_nested_members(tmp_path):
    folder = "Leefbaarometer 3.0 - Meting 2024 - open data/"
    zip_path = _zip_file(tmp_path, hf.make_zip({
        folder: b"",
        folder + "Leefbaarometer-scores buurten 2002-2024.csv": b"bu_code,jaar,lbm\n",
        "readme.txt": "één".encode(),
    }))
    out = tmp_path / "out"
    paths = safe_extract(zip_path, out)
    assert paths == [out / folder / "Leefbaarometer-scores buurten 2002-2024.csv",
                     out / "readme.txt"]
    assert paths[0].read_bytes() == b"bu_code,jaar,lbm\n"
    assert paths[1].read_text(encoding="utf-8") == "één"
    assert _listing(out) == [folder.rstrip("/"), folder + "Leefbaarometer-scores buurten "
                             "2002-2024.csv", "readme.txt"]  # no staging folder left


def test_extract_overwrites_previous_files(tmp_path):
    out = tmp_path / "out"
    safe_extract(_zip_file(tmp_path, hf.make_zip({"a.txt": b"old"}), "1.zip"), out)
    safe_extract(_zip_file(tmp_path, hf.make_zip({"a.txt": b"new"}), "2.zip"), out)
    assert (out / "a.txt").read_bytes() == b"new"


@pytest.mark.parametrize("name, why", [
    ("../evil.txt", "'..' in the path"),
    ("ok/../../evil.txt", "'..' in the path"),
    ("..\\evil.txt", "'..' in the path"),
    ("/tmp/evil.txt", "absolute path"),
    ("C:/evil.txt", "absolute path"),
    ("C:evil.txt", "absolute path"),
    ("data/file.txt:stream", "':' in the path"),
])
def test_unsafe_member_names_are_refused(tmp_path, name, why):
    zip_path = _zip_file(tmp_path, hf.make_zip({"good.txt": b"fine", name: b"evil"}))
    out = tmp_path / "a" / "out"
    with pytest.raises(InputError) as caught:
        safe_extract(zip_path, out)
    message = str(caught.value)
    assert repr(name) in message and why in message and str(zip_path) in message
    assert not (tmp_path / "a" / "evil.txt").exists()
    assert not out.exists() or _listing(out) == []


def test_symlink_member_is_refused(tmp_path):
    zip_path = _zip_file(tmp_path, hf.make_symlink_zip("link", "/etc/passwd"))
    with pytest.raises(InputError, match=r"'link' in zip .*symbolic link"):
        safe_extract(zip_path, tmp_path / "out")
    assert not (tmp_path / "out" / "link").exists()


@pytest.mark.parametrize("data", [
    b"<html>The file has moved</html>",
    b"",
])
def test_not_a_zip_is_input_error_naming_file(tmp_path, data):
    zip_path = _zip_file(tmp_path, data, "scores.zip")
    with pytest.raises(InputError, match=r"scores\.zip is not a readable zip file"):
        safe_extract(zip_path, tmp_path / "out")


def test_truncated_zip_is_input_error(tmp_path):
    full = hf.make_zip({"a.csv": PAYLOAD, "b.csv": PAYLOAD}, compression=zipfile.ZIP_STORED)
    zip_path = _zip_file(tmp_path, full[: len(full) // 2], "half.zip")
    with pytest.raises(InputError, match=r"half\.zip is not a readable zip file"):
        safe_extract(zip_path, tmp_path / "out")


def test_missing_zip_is_input_error(tmp_path):
    with pytest.raises(InputError, match=r"Zip file not found: .*absent\.zip"):
        safe_extract(tmp_path / "absent.zip", tmp_path / "out")


def test_corrupt_later_member_leaves_nothing_half_extracted(tmp_path):
    data = hf.make_zip({"first.csv": b"complete", "second.csv": PAYLOAD},
                       compression=zipfile.ZIP_STORED)
    zip_path = _zip_file(tmp_path, hf.corrupt_member_data(data, "second.csv"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_bytes(b"mine")
    with pytest.raises(InputError) as caught:
        safe_extract(zip_path, out)
    assert "'second.csv'" in str(caught.value) and "damaged" in str(caught.value)
    assert _listing(out) == ["keep.txt"]


def test_declared_size_over_member_limit_is_refused_before_writing(tmp_path):
    bomb = hf.make_zip({"small.txt": b"s", "zeros.bin": bytes(2_000_000)})
    zip_path = _zip_file(tmp_path, bomb, "bomb.zip")
    assert zip_path.stat().st_size < 20_000  # compresses well, like a bomb
    with pytest.raises(InputError) as caught:
        safe_extract(zip_path, tmp_path / "out", max_member_bytes=1_000_000)
    assert "'zeros.bin'" in str(caught.value) and "2000000 bytes" in str(caught.value)
    assert "limit of 1000000" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_declared_total_over_limit_is_refused(tmp_path):
    zip_path = _zip_file(tmp_path, hf.make_zip({f"{i}.bin": bytes(400) for i in range(3)}))
    with pytest.raises(InputError, match=r"declares 1200 bytes in all, more than the limit "
                                         r"of 1000"):
        safe_extract(zip_path, tmp_path / "out", max_total_bytes=1000)
    assert safe_extract(zip_path, tmp_path / "ok", max_total_bytes=1200)[2].read_bytes() == (
        bytes(400))


def test_too_many_members_is_refused(tmp_path):
    zip_path = _zip_file(tmp_path, hf.make_zip({f"{i}.txt": b"x" for i in range(5)}))
    with pytest.raises(InputError, match=r"has 5 members, more than the limit of 4"):
        safe_extract(zip_path, tmp_path / "out", max_members=4)


def test_member_lying_about_its_size_is_refused(tmp_path):
    data = hf.make_zip({"ok.txt": b"fine", "liar.bin": bytes(500_000)})
    zip_path = _zip_file(tmp_path, hf.set_declared_size(data, "liar.bin", 100), "liar.zip")
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.getinfo("liar.bin").file_size == 100  # the lie passes the header check
    out = tmp_path / "out"
    with pytest.raises(InputError) as caught:
        safe_extract(zip_path, out, max_member_bytes=1000, max_total_bytes=2000)
    assert "'liar.bin'" in str(caught.value) and "liar.zip" in str(caught.value)
    assert "nothing was extracted" in str(caught.value).lower()
    assert _listing(out) == []


def test_real_bytes_are_counted_even_if_reader_trusts_the_header(tmp_path, monkeypatch):
    """A reader that does not stop at the declared size must still be caught by our count."""
    data = hf.make_zip({"liar.bin": bytes(50_000)})
    zip_path = _zip_file(tmp_path, hf.set_declared_size(data, "liar.bin", 100))
    real_open = zipfile.ZipFile.open

    def open_ignoring_declared_size(self, name, *args, **kwargs):
        handle = real_open(self, name, *args, **kwargs)
        handle._left = 1 << 40  # behave like a reader that ignores file_size
        handle._expected_crc = None
        return handle

    monkeypatch.setattr(zipfile.ZipFile, "open", open_ignoring_declared_size)
    with pytest.raises(InputError, match=r"'liar.bin' .* holds more data than it declares "
                                         r"\(100 bytes\)"):
        safe_extract(zip_path, tmp_path / "out")
    assert _listing(tmp_path / "out") == []


def test_extract_refuses_to_follow_a_link_out_of_the_target(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    zip_path = _zip_file(tmp_path, hf.make_zip({"sub/x.txt": b"x"}))
    with pytest.raises(InputError, match=r"outside .* through a link"):
        safe_extract(zip_path, out)
    assert list(outside.iterdir()) == []


# --- fetch_and_extract -------------------------------------------------------------------


def test_fetch_and_extract_and_reuse(server, tmp_path):
    zipped = hf.make_zip({"gemeente 2024.gpkg": b"GPKG-bytes", "buurt 2024.gpkg": b"BU"})
    server.routes["/resources/geometrie-lbm3-2024.zip"] = hf.serve(zipped,
                                                                  content_type="application/zip")
    url = source_url("leefbaarometer_geometry", server.url("/resources/"))
    cache = tmp_path / "cache"
    paths = fetch_and_extract(url, cache, retries=0)
    target = cache / "geometrie-lbm3-2024"
    assert paths == [target / "gemeente 2024.gpkg", target / "buurt 2024.gpkg"]
    assert paths[0].read_bytes() == b"GPKG-bytes"

    (target / "buurt 2024.gpkg").write_bytes(b"edited")  # proves no re-extraction
    assert fetch_and_extract(url, cache) == paths
    assert (target / "buurt 2024.gpkg").read_bytes() == b"edited"
    assert server.count("/resources/geometrie-lbm3-2024.zip") == 1

    (target / "gemeente 2024.gpkg").unlink()  # incomplete extraction is redone from the zip
    assert fetch_and_extract(url, cache) == paths
    assert (target / "gemeente 2024.gpkg").read_bytes() == b"GPKG-bytes"
    assert server.count("/resources/geometrie-lbm3-2024.zip") == 1


def test_fetch_bad_zip_is_removed_so_next_try_downloads_again(server, tmp_path):
    body = {"data": b"<html>moved</html>"}
    server.routes["/scores.zip"] = lambda request, hit: hf.send_bytes(request, body["data"])
    url = server.url("/scores.zip")
    with pytest.raises(InputError) as caught:
        fetch_and_extract(url, tmp_path, extract_dir=tmp_path / "x", retries=0)
    message = str(caught.value)
    assert "scores.zip is not a readable zip file" in message and url in message
    assert not (tmp_path / "scores.zip").exists()

    body["data"] = hf.make_zip({"ok.csv": b"1"})
    assert [p.read_bytes() for p in fetch_and_extract(url, tmp_path,
                                                      extract_dir=tmp_path / "x")] == [b"1"]
    assert server.count("/scores.zip") == 2


def test_fetch_unsafe_zip_names_url_and_member(server, tmp_path):
    server.routes["/slip.zip"] = hf.serve(hf.make_zip({"../evil.txt": b"evil"}))
    url = server.url("/slip.zip")
    with pytest.raises(InputError) as caught:
        fetch_and_extract(url, tmp_path / "cache", retries=0)
    assert "'../evil.txt'" in str(caught.value) and url in str(caught.value)
    assert not (tmp_path / "cache" / "evil.txt").exists()
    assert not (tmp_path / "evil.txt").exists()


def test_module_never_imports_qgis():
    tree = ast.parse(Path(dl.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)}
    assert "requests" in imported and "zipfile" in imported
    assert not [name for name in imported if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]


def test_bytes_of_a_broken_transfer_are_read_from_urllib3_2_messages():
    """urllib3 2.x breaks off inside the read; its message holds the count (seen on QGIS 3.44 / sid)."""
    from vroegsignalering.core.download import _incomplete_read_bytes

    message = ("('Connection broken: IncompleteRead(1000 bytes read, 255000 more expected)', "
               "IncompleteRead(1000 bytes read, 255000 more expected))")
    assert _incomplete_read_bytes(Exception(message), 0) == 1000
    assert _incomplete_read_bytes(Exception("Connection reset by peer"), 4096) == 4096
