"""Download the official open data and unpack it safely, without QGIS.

The plugin fetches large files (a 200 MB grid GeoPackage) from servers that
move files between releases, over networks that drop. So every download streams
to a temporary ``.part`` file and is renamed only when complete (a file on disk
is whole or absent), transient failures are retried with back-off, and errors
the analyst can act on (a moved file, no network, a damaged zip) are raised as
``InputError`` naming the address or file. Zips are untrusted input: members
that would land outside the target folder, links and zip bombs are refused.

The network itself is a *transport* the caller passes in. The QGIS plugin
passes one built on QGIS's own network stack, so the proxy, certificates and
authentication configured in QGIS apply (``algorithms/netwerk.py``); without
one, ``requests`` is used (core-only use, the QGIS-free tests). What does not
depend on the transport stays here: https only (plain http only for this
computer or when allowed explicitly), redirects (each new address checked
again), retries, cancel, the ``.part`` file, size limits and the cache.

A transport has one method, ``open(url, *, timeout, is_cancelled)``, which sends
one GET request without following redirects and returns a response with
``status`` (int), ``reason`` (str), ``headers`` (``.get`` without regard to
case), ``iter_content(chunk_size)`` yielding bytes, and ``close()``; it is a
context manager. Failures worth another attempt (no connection, no answer
within ``timeout`` seconds, a transfer that broke off) raise ``TransportError``,
failures that trying again will not cure (a certificate that is not trusted, an
unknown authentication configuration) raise ``InputError``, and a cancel seen
while waiting raises ``DownloadCancelledError``.
"""

import contextlib
import hashlib
import ipaddress
import json
import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit
from xml.sax.saxutils import escape as xml_escape

from .errors import InputError
from .meldingen import fout, systeemfout

USER_AGENT = "vroegsignalering-leefbaarheid (QGIS plugin)"

# The Leefbaarometer site has moved its downloads between releases: the base
# URL is configurable (settings / algorithm parameter) rather than trusted.
LEEFBAAROMETER_BASE_URL = "https://www.leefbaarometer.nl/resources/"
# PDOK atom download of the CBS wijk- en buurtkaart; one folder per year, and
# CBS has published versioned names (``_v1``) before: configurable as well.
CBS_WIJKBUURTKAART_BASE_URL = "https://service.pdok.nl/cbs/wijkenbuurten/2024/atom/downloads/"
LEEFBAAROMETER_WFS_URL = "https://geo.leefbaarometer.nl/lbm3/ows"

# Read-only description of the official sources; callers pass their own base
# URL to ``source_url`` instead of editing this.
OFFICIAL_SOURCES = {
    "leefbaarometer_scores": {
        "title": "Leefbaarometer 3.0 scores, meting 2024 (open data, BZK)",
        "kind": "zip",
        "base_url": LEEFBAAROMETER_BASE_URL,
        "filename": "open-data-leefbaarometer-meting-2024.zip",
        "licence": "open data (reported CC0), Ministerie van BZK",
    },
    "leefbaarometer_geometry": {
        "title": "Leefbaarometer 3.0 geometry 2024 (grid, buurt, gemeente, PC4)",
        "kind": "zip",
        "base_url": LEEFBAAROMETER_BASE_URL,
        "filename": "geometrie-lbm3-2024.zip",
        "licence": "open data (reported CC0), Ministerie van BZK",
    },
    "cbs_wijkbuurtkaart": {
        "title": "CBS Wijk- en Buurtkaart 2024 (GeoPackage via PDOK)",
        "kind": "gpkg",
        "base_url": CBS_WIJKBUURTKAART_BASE_URL,
        "filename": "wijkenbuurten_2024.gpkg",
        "licence": "CC BY 4.0, CBS / Kadaster",
    },
    "leefbaarometer_wfs": {
        "title": "Leefbaarometer 3.0 WFS 2.0",
        "kind": "wfs",
        "base_url": LEEFBAAROMETER_WFS_URL,
        "layers": {
            "buurt": "lbm3:buurtscore24",
            "grid": "lbm3:clippedgridscore24",
            "gemeente": "lbm3:gemeentescore24",
        },
        "gemeente_property": "gemeente",
        "licence": "open data (reported CC0), Ministerie van BZK",
    },
}

# Limits for unpacking: the largest official member (grid GeoPackage) is about
# 200 MB, so these leave ample room while stopping a zip bomb filling the disk.
MAX_TOTAL_BYTES = 4 << 30
MAX_MEMBER_BYTES = 2 << 30
MAX_MEMBERS = 10_000

# 408 and 429 are client statuses that mean "try again later", not "wrong URL".
_RETRY_STATUSES = {408, 429}
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}
_ACCESS_STATUSES = {401, 403, 407}
MAX_REDIRECTS = 10
_MAX_RETRY_AFTER = 60.0
_COPY_CHUNK = 1 << 20


class DownloadCancelledError(Exception):
    """The user cancelled; not an ``InputError`` because nothing is wrong with the input."""


class TransportError(Exception):
    """A failure worth another attempt (network, timeout, 5xx, cut-off transfer); transports raise it."""

    def __init__(self, message, retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after


class DownloadFailedError(InputError):
    """Every attempt failed for a reason worth trying again: ``url``, the last ``reason`` and the ``attempts`` made."""

    def __init__(self, message, url, reason, attempts):
        super().__init__(message)
        self.url = url
        self.reason = reason
        self.attempts = attempts


class AddressError(InputError):
    """An address that is not downloaded from: not a web address, or plain http to another computer.

    ``url`` is the refused address, ``redirected_from`` the address that sent us
    there (None for the address given), ``plain_http`` tells the two cases apart.
    """

    def __init__(self, message, url, *, redirected_from=None, plain_http=False):
        super().__init__(message)
        self.url = url
        self.redirected_from = redirected_from
        self.plain_http = plain_http


class Headers(dict):
    """Response headers looked up without regard to case (for transports that have no such mapping)."""

    def __init__(self, pairs=()):
        super().__init__((str(k).lower(), str(v)) for k, v in pairs)

    def get(self, name, default=None):
        return super().get(str(name).lower(), default)

    def __getitem__(self, name):
        return super().__getitem__(str(name).lower())

    def __contains__(self, name):
        return super().__contains__(str(name).lower())


def is_loopback(host):
    """True for this computer: ``localhost`` (and ``*.localhost``), 127.0.0.0/8 and ::1."""
    host = (host or "").strip().strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def official_hosts():
    """Host names of the official sources (public servers: they never get a login)."""
    return {urlsplit(source["base_url"]).hostname for source in OFFICIAL_SOURCES.values()}


def check_address(url, *, allow_http=False, redirected_from=None):
    """Return ``url`` when it may be downloaded from, else raise ``AddressError``.

    Only https, so the data cannot be altered on the way and the certificates
    apply; plain http only for a server on this computer (a test server, a
    local mirror) or with ``allow_http=True`` (an explicit choice).
    """
    parts = urlsplit(str(url))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        where = f" (redirected from {redirected_from})" if redirected_from else ""
        raise AddressError(f"'{url}'{where} is not a web address (https://...)", url,
                           redirected_from=redirected_from)
    if scheme == "http" and not allow_http and not is_loopback(parts.hostname):
        if redirected_from:
            message = (f"Download refused: {redirected_from} redirects to the plain http address {url}. "
                       "Only https is used, so that the data cannot be altered on the way")
        else:
            message = (f"Download refused: {url} is a plain http address. Only https is used, so that "
                       "the data cannot be altered on the way: use the https address (plain http only "
                       "for a server on this computer, 127.0.0.1 or localhost)")
        raise AddressError(message, url, redirected_from=redirected_from, plain_http=True)
    return url


def source_url(key, base_url=None):
    """URL of an official source, with an optional replacement base URL (files move)."""
    try:
        source = OFFICIAL_SOURCES[key]
    except KeyError:
        raise InputError(
            fout("Onbekende gegevensbron '{}'; bekende bronnen: {}",
                 "Unknown data source '{}'; known sources: {}", key, ', '.join(OFFICIAL_SOURCES))
        ) from None
    base = base_url or source["base_url"]
    if "filename" not in source:
        return base
    if not base.endswith("/"):
        base += "/"
    return base + quote(source["filename"])


def wfs_getfeature_url(
    base_url,
    layer,
    gemeente=None,
    output_format="application/json",
    srs="EPSG:28992",
    *,
    gemeente_property="gemeente",
    filter_language="cql",
    count=None,
):
    """Build a WFS 2.0 GetFeature URL, optionally limited to one gemeente by name.

    ``filter_language='cql'`` sends GeoServer's ``CQL_FILTER`` (short, what the
    Leefbaarometer server runs); ``'fes'`` sends a standard OGC FES 2.0 ``FILTER``
    for other servers. Values are quoted by the filter syntax and then by
    ``urlencode``, so names like ``'s-Hertogenbosch`` survive both.
    """
    parts = urlsplit(base_url)
    # Keep the base URL's own parameters (e.g. a map= or token) but let ours win.
    ours = {
        "service": "WFS",
        "version": "2.0.0",
        "request": "GetFeature",
        "typeNames": layer,
        "outputFormat": output_format,
        "srsName": srs,
    }
    if count is not None:
        ours["count"] = str(int(count))
    if gemeente is not None:
        name = str(gemeente).strip()
        if filter_language == "cql":
            ours["CQL_FILTER"] = "{} = '{}'".format(gemeente_property, name.replace("'", "''"))
        elif filter_language == "fes":
            ours["FILTER"] = (
                '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">'
                "<fes:PropertyIsEqualTo>"
                f"<fes:ValueReference>{xml_escape(gemeente_property)}</fes:ValueReference>"
                f"<fes:Literal>{xml_escape(name)}</fes:Literal>"
                "</fes:PropertyIsEqualTo></fes:Filter>"
            )
        else:
            raise ValueError(f"filter_language must be 'cql' or 'fes', not {filter_language!r}")
    lowered = {k.lower() for k in ours}
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in lowered]
    query = urlencode(kept + list(ours.items()), quote_via=quote)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


_UNSAFE_NAME_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def filename_from_url(url):
    """A safe local file name for a URL; query URLs get a hash so WFS requests do not collide."""
    parts = urlsplit(url)
    name = _UNSAFE_NAME_CHARS.sub("_", unquote(PurePosixPath(parts.path).name)).strip(" .")
    if parts.query or not name:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
        name = f"{name or 'download'}-{digest}"
    return name


def _check_filename(filename):
    """Refuse a caller-given name that is a path: it must land inside target_dir."""
    name = str(filename)
    if (not name or name in (".", "..") or _UNSAFE_NAME_CHARS.search(name)
            or name != name.strip(" ")):
        raise InputError(fout("Ongeldige bestandsnaam voor een download: {!r} (gebruik een gewone bestandsnaam)",
                              "Invalid file name for a download: {!r} (use a plain file name)", name))
    return name


def _raise_if_cancelled(is_cancelled, url):
    if is_cancelled is not None and is_cancelled():
        raise DownloadCancelledError(f"Download of {url} cancelled")


def _sleep(seconds, is_cancelled, url):
    """Wait between attempts but react to cancel within a tenth of a second."""
    end = time.monotonic() + seconds
    while True:
        _raise_if_cancelled(is_cancelled, url)
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.1))


def _retry_after(response):
    value = response.headers.get("Retry-After", "") or ""
    try:
        return min(max(float(value), 0.0), _MAX_RETRY_AFTER)
    except ValueError:
        return None  # HTTP-date form: fall back to our own back-off


def _expected_length(response):
    """Bytes we should receive, or None when unknown (or changed by content decoding)."""
    if (response.headers.get("Content-Encoding", "identity") or "").lower() not in ("", "identity"):
        return None
    try:
        length = int(response.headers["Content-Length"])
    except (KeyError, TypeError, ValueError):
        return None
    return length if length >= 0 else None


def download(
    url,
    target_dir,
    *,
    filename=None,
    cache=True,
    timeout=30,
    retries=3,
    backoff=0.5,
    progress=None,
    is_cancelled=None,
    chunk_size=1 << 16,
    max_bytes=None,
    session=None,
    transport=None,
    allow_http=False,
):
    """Download ``url`` into ``target_dir`` and return the file's path.

    The file appears only when complete (written as ``.part``, then renamed), so
    with ``cache=True`` an existing file is trusted and returned without a
    request. ``retries`` extra attempts follow connection errors, timeouts, 5xx
    (and 408/429) after ``backoff * 2**n`` seconds; other 4xx fail at once.
    ``progress(fraction, bytes_done)`` gets ``fraction=None`` when the size is
    unknown, and ``(1.0, size)`` once done. ``is_cancelled()`` is checked between
    chunks and raises ``DownloadCancelledError``.

    ``transport`` does the network I/O (see the module's description); without
    it a ``RequestsTransport`` over ``session`` (or a session of its own) is
    used. The address and every redirect must pass ``check_address`` (https, or
    plain http to this computer or with ``allow_http``); at most
    ``MAX_REDIRECTS`` redirects are followed.
    """
    check_address(url, allow_http=allow_http)
    target_dir = Path(target_dir)
    name = _check_filename(filename) if filename is not None else filename_from_url(url)
    target = target_dir / name
    if cache and target.is_file():
        if progress is not None:
            progress(1.0, target.stat().st_size)
        return target
    _raise_if_cancelled(is_cancelled, url)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(fout("Kan downloadmap {} niet aanmaken: {}",
                              "Cannot create download folder {}: {}", target_dir, systeemfout(exc))) from exc

    own_transport = transport is None
    if own_transport:
        transport = RequestsTransport(session)
    try:
        attempts = max(0, int(retries)) + 1
        last = None
        for attempt in range(attempts):
            if attempt:
                delay = backoff * 2 ** (attempt - 1)
                if last.retry_after is not None:
                    delay = max(delay, last.retry_after)
                _sleep(delay, is_cancelled, url)
            try:
                return _fetch_once(url, target, transport, timeout, progress, is_cancelled,
                                   chunk_size, max_bytes, allow_http)
            except TransportError as exc:
                last = exc
        if attempts == 1:
            bericht = fout("Kan {} niet downloaden: {} (één keer geprobeerd). Controleer de netwerkverbinding en "
                           "probeer het later opnieuw, of download het bestand met de hand.",
                           "Could not download {}: {} (tried once). Check the network connection and try again "
                           "later, or download the file by hand.", url, str(last))
        else:
            bericht = fout("Kan {} niet downloaden: {} ({} keer geprobeerd). Controleer de netwerkverbinding en "
                           "probeer het later opnieuw, of download het bestand met de hand.",
                           "Could not download {}: {} (tried {} times). Check the network connection and try again "
                           "later, or download the file by hand.", url, str(last), attempts)
        raise DownloadFailedError(bericht, url, str(last), attempts) from last
    finally:
        if own_transport:
            transport.close()


def _open(url, transport, timeout, is_cancelled, allow_http):
    """The response to ``url`` after following redirects, each new address checked first."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _raise_if_cancelled(is_cancelled, url)
        response = transport.open(current, timeout=timeout, is_cancelled=is_cancelled)
        location = response.headers.get("Location") if response.status in _REDIRECT_STATUSES else None
        if not location:
            return response
        response.close()
        following = urljoin(current, location.strip())
        check_address(following, allow_http=allow_http, redirected_from=current)
        current = following
    raise InputError(fout("Download van {} gestopt: meer dan {} omleidingen (de laatste naar {})",
                          "Download of {} stopped: more than {} redirects (the last to {})", url, MAX_REDIRECTS, current))


def _fetch_once(url, target, transport, timeout, progress, is_cancelled, chunk_size, max_bytes,
                allow_http):
    """One attempt: stream to a unique .part file, rename it on success, remove it otherwise."""
    response = _open(url, transport, timeout, is_cancelled, allow_http)
    with response:
        status = response.status
        reason = response.reason or ""
        if status >= 500 or status in _RETRY_STATUSES:
            raise TransportError(f"the server answered HTTP {status} {reason}".rstrip(),
                                 retry_after=_retry_after(response))
        if status in _ACCESS_STATUSES:
            raise InputError(
                fout("Download geweigerd: de server antwoordde HTTP {} {} voor {}. Hij vraagt om een login of weigert toegang: controleer de authenticatieconfiguratie (en, bij 407, de login van de proxy in de netwerkinstellingen), of download het bestand met de hand.",
                     "Download refused: the server answered HTTP {} {} for {}. It asks for a login or refuses access: check the authentication configuration (and, for 407, the proxy's login in the network settings), or download the file by hand.", status, reason, url)
            )
        if status >= 300:
            raise InputError(
                fout("Download mislukt: de server antwoordde HTTP {} {} voor {}. Het bestand is misschien verplaatst: controleer het adres (de basis-URL kan worden aangepast) of download het bestand met de hand.",
                     "Download failed: the server answered HTTP {} {} for {}. The file may have moved: check the address (the base URL can be changed) or download the file by hand.", status, reason, url)
            )
        total = _expected_length(response)
        if max_bytes is not None and total is not None and total > max_bytes:
            raise InputError(fout("Download van {} geweigerd: {} bytes is meer dan de limiet van {} bytes",
                                  "Download of {} refused: {} bytes is more than the limit of {} bytes", url, total, max_bytes))

        fd, part = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        done = 0
        try:
            with os.fdopen(fd, "wb") as out:
                if progress is not None:
                    progress(0.0 if total else None, 0)
                for chunk in response.iter_content(chunk_size):
                    _raise_if_cancelled(is_cancelled, url)
                    if not chunk:
                        continue
                    done += len(chunk)
                    if max_bytes is not None and done > max_bytes:
                        raise InputError(fout("Download van {} gestopt: meer dan de limiet van {} bytes",
                                              "Download of {} stopped: more than the limit of {} bytes", url, max_bytes))
                    out.write(chunk)
                    if progress is not None:
                        progress(min(done / total, 1.0) if total else None, done)
            # Not every transport checks Content-Length: a cut-off body may end quietly.
            if total is not None and done != total:
                raise TransportError(f"transfer ended after {done} of {total} bytes")
            os.replace(part, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(part)
            raise
    if progress is not None:
        progress(1.0, done)
    return target


class RequestsTransport:
    """The transport without QGIS: ``requests`` (its proxies come from the environment, its CAs from certifi).

    The QGIS plugin does not use it; it serves core-only use and the QGIS-free
    tests. A given ``session`` is used and left open.
    """

    def __init__(self, session=None):
        import requests

        self._own = session is None
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
        self.session = session

    def open(self, url, *, timeout, is_cancelled=None):
        import requests

        try:
            response = self.session.get(url, stream=True, timeout=timeout, allow_redirects=False)
        except requests.Timeout as exc:
            raise TransportError(f"no answer within {timeout} s") from exc
        except requests.ConnectionError as exc:
            raise TransportError(f"connection failed ({exc})") from exc
        except requests.RequestException as exc:  # malformed URL, unsupported scheme
            raise InputError(fout("Kan {} niet downloaden: {}",
                                  "Cannot download {}: {}", url, exc)) from exc
        return _RequestsResponse(response, timeout)

    def close(self):
        if self._own:
            self.session.close()


class _RequestsResponse:
    def __init__(self, response, timeout):
        self._response = response
        self._timeout = timeout
        self.status = response.status_code
        self.reason = response.reason or ""
        self.headers = response.headers

    def iter_content(self, chunk_size):
        import requests

        done = 0
        try:
            for chunk in self._response.iter_content(chunk_size):
                done += len(chunk)
                yield chunk
        except requests.Timeout as exc:
            raise TransportError(f"transfer stalled for more than {self._timeout} s") from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            # urllib3 2.x checks Content-Length itself and breaks off inside the read,
            # before the bytes it did receive reach us: take its count from the message.
            received = _incomplete_read_bytes(exc, done)
            total = _expected_length(self)
            of_total = f" of {total}" if total is not None else ""
            raise TransportError(f"transfer broke off after {received}{of_total} bytes ({exc})") from exc

    def close(self):
        self._response.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _incomplete_read_bytes(exc, done):
    """Bytes received before a broken transfer: urllib3 2.x reports them as 'IncompleteRead(N bytes read'."""
    found = re.search(r"IncompleteRead\((\d+) bytes read", str(exc))
    return max(done, int(found.group(1))) if found else done


def _member_parts(info, zip_path):
    """Path components of a zip member, or InputError when it could escape the target."""
    name = info.filename
    def unsafe(why):
        return InputError(f"Unsafe member {name!r} in zip {zip_path}: {why}; nothing was extracted")

    raw = name.replace("\\", "/")
    if "\x00" in raw:
        raise unsafe("the name contains a NUL character")
    if raw.startswith("/") or re.match(r"[A-Za-z]:", raw):
        raise unsafe("absolute path")
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise unsafe("'..' in the path")
    if any(":" in p for p in parts):
        raise unsafe("':' in the path (drive letter or stream name)")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise unsafe("symbolic link")
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise unsafe("not a regular file or folder")
    if info.flag_bits & 0x1:
        raise InputError(fout("Bestand {!r} in zip {} is versleuteld; er is niets uitgepakt",
                              "Member {!r} in zip {} is encrypted; nothing was extracted", name, zip_path))
    return parts


def _inside(path, root):
    """True when ``path`` (after following existing links) stays under ``root``."""
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def safe_extract(
    zip_path,
    target_dir,
    *,
    max_total_bytes=MAX_TOTAL_BYTES,
    max_member_bytes=MAX_MEMBER_BYTES,
    max_members=MAX_MEMBERS,
):
    """Extract a zip into ``target_dir`` all-or-nothing and return the extracted files.

    Members with absolute paths, ``..``, drive letters, links or special types
    are refused before anything is written. Sizes are checked as declared and
    again as really decompressed, because a header can lie. Everything is
    unpacked into a hidden folder inside ``target_dir`` first and moved into
    place only when every member succeeded. Existing files are overwritten.
    """
    zip_path = Path(zip_path)
    target_dir = Path(target_dir)
    try:
        archive = zipfile.ZipFile(zip_path)
    except FileNotFoundError:
        raise InputError(fout("Zipbestand niet gevonden: {}",
                              "Zip file not found: {}", zip_path)) from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(fout("{} is geen leesbaar zipbestand ({}); het is misschien beschadigd of onvolledig: download het opnieuw",
                              "{} is not a readable zip file ({}); it may be damaged or incomplete: download it again", zip_path, exc)) from exc

    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise InputError(fout("Zip {} heeft {} bestanden, meer dan de limiet van {}; er is niets uitgepakt",
                                  "Zip {} has {} members, more than the limit of {}; nothing was extracted", zip_path, len(members), max_members))
        planned = []
        seen = set()
        declared = 0
        for info in members:
            parts = _member_parts(info, zip_path)
            if not parts:
                continue
            key = "/".join(parts)
            if key in seen:
                raise InputError(fout("Zip {} bevat {!r} twee keer; er is niets uitgepakt",
                                      "Zip {} holds {!r} twice; nothing was extracted", zip_path, key))
            seen.add(key)
            if info.file_size > max_member_bytes:
                raise InputError(
                    fout("Bestand {!r} in zip {} geeft {} bytes op, meer dan de limiet van {}; er is niets uitgepakt",
                         "Member {!r} in zip {} declares {} bytes, more than the limit of {}; nothing was extracted", info.filename, zip_path, info.file_size, max_member_bytes))
            declared += info.file_size
            planned.append((info, parts))
        if declared > max_total_bytes:
            raise InputError(fout("Zip {} geeft in totaal {} bytes op, meer dan de limiet van {}; er is niets uitgepakt",
                                  "Zip {} declares {} bytes in all, more than the limit of {}; nothing was extracted", zip_path, declared, max_total_bytes))

        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".extract-", dir=target_dir))
        except OSError as exc:
            raise InputError(fout("Kan niet schrijven naar {}: {}",
                                  "Cannot write to {}: {}", target_dir, systeemfout(exc))) from exc
        try:
            files = _extract_all(archive, planned, staging, zip_path,
                                 max_total_bytes, max_member_bytes)
            return _move_into_place(files, staging, target_dir, zip_path)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _extract_all(archive, planned, staging, zip_path, max_total_bytes, max_member_bytes):
    """Unpack into ``staging`` counting real bytes; return the file members' parts."""
    files = []
    total = 0
    for info, parts in planned:
        dest = staging.joinpath(*parts)
        try:
            if info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(info) as src, open(dest, "wb") as out:
                while True:
                    chunk = src.read(_COPY_CHUNK)
                    if not chunk:
                        break
                    written += len(chunk)
                    total += len(chunk)
                    if written > info.file_size or written > max_member_bytes:
                        raise InputError(
                            fout("Bestand {!r} in zip {} bevat meer gegevens dan het opgeeft ({} bytes) of dan de limiet van {}; er is niets uitgepakt",
                                 "Member {!r} in zip {} holds more data than it declares ({} bytes) or than the limit of {}; nothing was extracted", info.filename, zip_path, info.file_size, max_member_bytes))
                    if total > max_total_bytes:
                        raise InputError(fout("Zip {} pakt uit tot meer dan de limiet van {} bytes; er is niets uitgepakt",
                                              "Zip {} unpacks to more than the limit of {} bytes; nothing was extracted", zip_path, max_total_bytes))
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise InputError(fout("Bestand {!r} in zip {} kan niet worden gelezen ({}); de zip is beschadigd of wordt niet ondersteund: download hem opnieuw. Er is niets uitgepakt",
                                  "Member {!r} in zip {} cannot be read ({}); the zip is damaged or unsupported: download it again. Nothing was extracted", info.filename, zip_path, exc)) from exc
        except OSError as exc:
            raise InputError(fout("Kan {!r} niet uit {} uitpakken naar {}: {}",
                                  "Cannot extract {!r} from {} into {}: {}", info.filename, zip_path, staging.parent,
                                  systeemfout(exc))) from exc
        files.append(parts)
    return files


def _move_into_place(files, staging, target_dir, zip_path):
    """Move the fully unpacked files from ``staging`` to ``target_dir``."""
    root = target_dir.resolve()
    result = []
    for parts in files:
        dest = target_dir.joinpath(*parts)
        if not _inside(dest.parent, root):
            raise InputError(fout("Bestand {!r} van {} zou via een link buiten {} worden geschreven; er is verder niets uitgepakt",
                                  "Member {!r} of {} would be written outside {} through a link; nothing more was extracted", '/'.join(parts), zip_path, target_dir))
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging.joinpath(*parts), dest)
        except OSError as exc:
            raise InputError(fout("Kan {} uit {} niet plaatsen: {}",
                                  "Cannot place {} from {}: {}", dest, zip_path, systeemfout(exc))) from exc
        result.append(dest)
    return result


def fetch_and_extract(
    url,
    cache_dir,
    *,
    extract_dir=None,
    filename=None,
    cache=True,
    max_total_bytes=MAX_TOTAL_BYTES,
    max_member_bytes=MAX_MEMBER_BYTES,
    max_members=MAX_MEMBERS,
    **download_options,
):
    """Download a zip into ``cache_dir`` and unpack it; return the extracted files.

    Unpacks into ``extract_dir`` (default: ``cache_dir/<zip name without .zip>``).
    With ``cache=True`` a previous complete extraction of the same zip is reused
    (a small manifest records it). A zip that turns out damaged or unsafe is
    deleted from the cache, so the next attempt downloads it again rather than
    failing on the same bad copy (a moved file often comes back as an HTML page).
    """
    cache_dir = Path(cache_dir)
    zip_path = download(url, cache_dir, filename=filename, cache=cache, **download_options)
    extract_dir = Path(extract_dir) if extract_dir is not None else cache_dir / zip_path.stem
    manifest = extract_dir / f".{zip_path.name}.extracted.json"
    zip_stat = zip_path.stat()
    stamp = {"zip": zip_path.name, "size": zip_stat.st_size, "mtime_ns": zip_stat.st_mtime_ns}

    if cache:
        cached = _read_manifest(manifest, stamp, extract_dir)
        if cached is not None:
            return cached
    try:
        paths = safe_extract(zip_path, extract_dir, max_total_bytes=max_total_bytes,
                             max_member_bytes=max_member_bytes, max_members=max_members)
    except InputError as exc:
        zip_path.unlink(missing_ok=True)
        raise InputError(fout("{} (gedownload van {}; de kopie in de cache is verwijderd)",
                              "{} (downloaded from {}; the cached copy was removed)", exc, url)) from exc

    record = dict(stamp, files=[p.relative_to(extract_dir).as_posix() for p in paths])
    tmp = manifest.with_name(manifest.name + ".part")
    tmp.write_text(json.dumps(record, indent=1), encoding="utf-8")
    os.replace(tmp, manifest)
    return paths


def _read_manifest(manifest, stamp, extract_dir):
    """Files of an earlier extraction of this very zip, or None when it must be redone."""
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or any(record.get(k) != v for k, v in stamp.items()):
        return None
    paths = [extract_dir.joinpath(*PurePosixPath(f).parts) for f in record.get("files", [])]
    if not all(p.is_file() for p in paths):
        return None
    return paths
