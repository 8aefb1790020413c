"""``downloaddata``: fetch the official open data into a local cache (thin adapter over core.download).

``core.download`` keeps the logic (cache, retries, redirects, safe unzip); the
network I/O goes through QGIS's own stack (``netwerk.QgisTransport`` over
``QgsNetworkAccessManager``), so the proxy, certificates and authentication
configured in QGIS apply. No GUI: the algorithm runs in Processing's background
thread and reacts to Cancel. Addresses are https only; plain http only for a
server on this computer (127.0.0.1, localhost) or with ``ALLOW_HTTP``.
"""

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from qgis.core import (
    QgsApplication,
    QgsNetworkAccessManager,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from .base import VroegsignaleringAlgorithm

# Dataset keys in the order of the DATASETS options.
SCORES, GEOMETRY, CBS, WFS_BUURT, WFS_GRID = range(5)
# The address parameter each dataset is fetched from.
_URL_PARAMETERS = {
    SCORES: "LEEFBAAROMETER_URL", GEOMETRY: "LEEFBAAROMETER_URL", CBS: "CBS_URL", WFS_BUURT: "WFS_URL",
    WFS_GRID: "WFS_URL",
}

# The buurt scores CSV inside the open-data zip
# ("Leefbaarometer 3.0 - Meting 2024 - open data/Leefbaarometer-scores buurten 2002-2024.csv").
_BUURT_SCORES_CSV = re.compile(r"scores?[ _-]+buurten.*\.csv$", re.IGNORECASE)
# How much of a WFS answer is read to recognise an exception report or an empty result.
_PEEK_BYTES = 1 << 16


def default_cache_dir():
    """The cache in the active QGIS profile: survives restarts, one per user profile."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "vroegsignalering" / "cache")


class DownloadData(VroegsignaleringAlgorithm):
    ID = "downloaddata"
    GROUP = "data"
    DATASETS = "DATASETS"
    GEMEENTE = "GEMEENTE"
    LEEFBAAROMETER_URL = "LEEFBAAROMETER_URL"
    CBS_URL = "CBS_URL"
    WFS_URL = "WFS_URL"
    CACHE = "CACHE"
    TIMEOUT = "TIMEOUT"
    RETRIES = "RETRIES"
    REFRESH = "REFRESH"
    AUTHCFG = "AUTHCFG"
    ALLOW_HTTP = "ALLOW_HTTP"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FILES = "FILES"
    SCORES_CSV = "SCORES_CSV"
    CBS_GPKG = "CBS_GPKG"
    WFS_BUURT = "WFS_BUURT"
    WFS_GRID = "WFS_GRID"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Download open data")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Downloads the official open data the plugin works with into a local cache folder and unpacks zips "
            "there: the Leefbaarometer 3.0 scores 2002-2024 (open-data zip with the grid, buurt, wijk and "
            "gemeente CSVs), the Leefbaarometer geometry 2024 (zip), the CBS wijk- en buurtkaart 2024 (GeoPackage, "
            "via PDOK) and, for one gemeente, the buurt or grid scores from the Leefbaarometer WFS (GeoJSON).\n\n"
            "Licences: Leefbaarometer open data by the Ministry of BZK (Binnenlandse Zaken en "
            "Koninkrijksrelaties); CBS wijk- en buurtkaart by CBS/Kadaster, CC BY 4.0 (name the source when you "
            "publish).\n\n"
            "Files already in the cache are used without a new download (tick 'Download again' to refresh); a "
            "file appears in the cache only when complete, and a damaged zip is removed so the next run fetches "
            "it again. The cache is by default in your QGIS profile folder (vroegsignalering/cache). "
            "The WFS datasets need the gemeente name as the Leefbaarometer writes it (e.g. 's-Hertogenbosch).\n\n"
            "Files move between releases: under Advanced you can change the base URLs (the Leefbaarometer "
            "download folder, the CBS folder or the full address of the GeoPackage, the WFS address), e.g. to a "
            "mirror, and the time-out and number of retries.\n\n"
            "The downloads go through QGIS's network settings, as QGIS's own layers do: the proxy (Settings > "
            "Options > Network), the certificate authorities and SSL exceptions (Settings > Options > "
            "Authentication) and QGIS's network time-out. Addresses must be https; plain http is used only for a "
            "server on this computer (127.0.0.1, localhost) or when you tick 'Allow plain http addresses' under "
            "Advanced. A mirror that asks for a login gets the authentication configuration chosen under "
            "Advanced; it is sent only to the addresses you changed, never to the official servers.\n\n"
            "Outputs: the cache folder, all files as one text separated by ';', and the paths of the buurt "
            "scores CSV, the CBS GeoPackage and the WFS files when they were fetched.\n\n"
            "Downloadt de open data van de Leefbaarometer en het CBS naar een lokale cachemap."
        )

    def _dataset_names(self):
        return [
            self.tr("Leefbaarometer scores 2002-2024 (open-data zip)"),
            self.tr("Leefbaarometer geometry 2024 (geometrie-lbm3-2024.zip)"),
            self.tr("CBS wijk- en buurtkaart 2024 (GeoPackage)"),
            self.tr("Leefbaarometer buurt scores of one gemeente (WFS)"),
            self.tr("Leefbaarometer grid scores of one gemeente (WFS)"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        from ..core.download import CBS_WIJKBUURTKAART_BASE_URL, LEEFBAAROMETER_BASE_URL, LEEFBAAROMETER_WFS_URL

        self.addParameter(
            QgsProcessingParameterEnum(
                self.DATASETS, self.tr("Datasets"), options=self._dataset_names(), allowMultiple=True,
                defaultValue=[SCORES],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.GEMEENTE, self.tr("Gemeente name (for the WFS datasets)"), optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REFRESH, self.tr("Download again (ignore the cache)"), defaultValue=False,
            )
        )
        # A destination, so a model can set or expose it; reported as OUTPUT_FOLDER. Optional because
        # QGIS 3.22 rejects a missing destination even with a default: left out, it is the profile's cache.
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.CACHE, self.tr("Cache folder"), defaultValue=default_cache_dir(), optional=True,
            ),
            createOutput=False,
        )
        advanced = [
            QgsProcessingParameterString(
                self.LEEFBAAROMETER_URL, self.tr("Leefbaarometer download folder (base URL)"),
                defaultValue=LEEFBAAROMETER_BASE_URL, optional=True,
            ),
            QgsProcessingParameterString(
                self.CBS_URL, self.tr("CBS wijk- en buurtkaart folder (base URL) or address of the GeoPackage"),
                defaultValue=CBS_WIJKBUURTKAART_BASE_URL, optional=True,
            ),
            QgsProcessingParameterString(
                self.WFS_URL, self.tr("Leefbaarometer WFS address"), defaultValue=LEEFBAAROMETER_WFS_URL,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.TIMEOUT, self.tr("Time-out per request (seconds)"), compat.NUMBER_INTEGER,
                defaultValue=60, minValue=1, maxValue=3600,
            ),
            QgsProcessingParameterNumber(
                self.RETRIES, self.tr("Retries after a network error"), compat.NUMBER_INTEGER,
                defaultValue=3, minValue=0, maxValue=20,
            ),
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG, self.tr("Authentication configuration (for a mirror that asks for a login)"),
                optional=True,
            ),
            QgsProcessingParameterBoolean(
                self.ALLOW_HTTP,
                self.tr("Allow plain http addresses (unencrypted; e.g. a mirror inside your own network)"),
                defaultValue=False,
            ),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER, self.tr("Cache folder")))
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("Downloaded files (separated by ';')")))
        self.addOutput(QgsProcessingOutputFile(self.SCORES_CSV, self.tr("Leefbaarometer buurt scores CSV")))
        self.addOutput(QgsProcessingOutputFile(self.CBS_GPKG, self.tr("CBS wijk- en buurtkaart GeoPackage")))
        self.addOutput(QgsProcessingOutputFile(self.WFS_BUURT, self.tr("WFS buurt scores (GeoJSON)")))
        self.addOutput(QgsProcessingOutputFile(self.WFS_GRID, self.tr("WFS grid scores (GeoJSON)")))

    # Running ---------------------------------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        """On the main thread (Processing prepares there): the proxy QGIS uses now, for the background thread."""
        from .netwerk import proxy_settings

        self._proxy = proxy_settings()
        return True

    def compute(self, parameters, context, feedback):
        from ..core.download import AddressError, DownloadCancelledError, DownloadFailedError
        from ..core.errors import InputError

        datasets = sorted(set(self.parameterAsEnums(parameters, self.DATASETS, context)))
        if not datasets:
            raise InputError(self.tr("Choose at least one dataset to download."))
        gemeente = (self.parameterAsString(parameters, self.GEMEENTE, context) or "").strip()
        if not gemeente and (WFS_BUURT in datasets or WFS_GRID in datasets):
            raise InputError(
                self.tr("The WFS datasets are fetched for one gemeente: fill in 'Gemeente name' (e.g. Lelystad), "
                        "or leave the WFS datasets out.")
            )
        allow_http = self.parameterAsBool(parameters, self.ALLOW_HTTP, context)
        # Every address is checked before the first request, so a refused one stops the run before any download.
        bases = {}
        for dataset in datasets:
            name = _URL_PARAMETERS[dataset]
            if name not in bases:
                bases[name] = self._url_parameter(parameters, name, context, allow_http)
        transport = self._transport(parameters, context, feedback, bases)
        cache = self.parameterAsFileOutput(parameters, self.CACHE, context) or default_cache_dir()
        options = {
            "cache": not self.parameterAsBool(parameters, self.REFRESH, context),
            "timeout": self.parameterAsInt(parameters, self.TIMEOUT, context),
            "retries": self.parameterAsInt(parameters, self.RETRIES, context),
            "is_cancelled": feedback.isCanceled,
            "transport": transport,
            "allow_http": allow_http,
        }
        results = {self.OUTPUT_FOLDER: cache, self.CACHE: cache}
        files = []
        try:
            for step, dataset in enumerate(datasets):
                def progress(fraction, done, step=step):
                    if fraction is not None:
                        feedback.setProgress(100.0 * (step + fraction) / len(datasets))

                options["progress"] = progress
                fetched = self._fetch(dataset, bases, feedback, Path(cache), gemeente, options)
                files.extend(str(path) for path in fetched)
                self._add_result(results, dataset, fetched, feedback)
                feedback.setProgress(100.0 * (step + 1) / len(datasets))
        except DownloadCancelledError as cancelled:
            feedback.pushWarning(
                self.tr("Cancelled: {}. Files completed before remain in the cache; nothing incomplete was kept.")
                .format(cancelled)
            )
        except AddressError as refused:  # a redirect led to an address that is not downloaded from
            raise InputError(self._address_message(refused)) from None
        except DownloadFailedError as failed:
            raise InputError(self._failed_message(failed)) from None
        results[self.FILES] = ";".join(files)
        return results

    def _transport(self, parameters, context, feedback, bases):
        """QGIS's network stack, with the authentication configuration for the addresses the user set."""
        from ..core.download import official_hosts
        from ..core.errors import InputError
        from .netwerk import QgisTransport, known_authcfg

        authcfg = (self.parameterAsString(parameters, self.AUTHCFG, context) or "").strip()
        auth_hosts = {urlsplit(url).hostname for url in bases.values() if url} - official_hosts()
        if authcfg:
            if not known_authcfg(authcfg):
                raise InputError(
                    self.tr("The authentication configuration '{}' does not exist in this QGIS profile: choose one "
                            "under Settings > Options > Authentication, or leave it empty.").format(authcfg)
                )
            if not auth_hosts:
                feedback.pushInfo(
                    self.tr("The authentication configuration is not used: it is sent only to addresses you set "
                            "under Advanced, never to the official servers.")
                )
        snapshot = getattr(self, "_proxy", None)
        proxy = snapshot[0] if snapshot else QgsNetworkAccessManager.instance().fallbackProxy()
        if proxy.hostName():
            feedback.pushInfo(self.tr("Downloading through the proxy set in QGIS: {}:{}").format(
                proxy.hostName(), proxy.port()))
        return QgisTransport(authcfg, auth_hosts, proxy=getattr(self, "_proxy", None))

    def _fetch(self, dataset, bases, feedback, cache, gemeente, options):
        """Download (and unpack) one dataset; returns the paths it produced."""
        from ..core.download import download, fetch_and_extract, filename_from_url, source_url

        names = self._dataset_names()
        base = bases[_URL_PARAMETERS[dataset]]
        if dataset in (SCORES, GEOMETRY):
            key = "leefbaarometer_scores" if dataset == SCORES else "leefbaarometer_geometry"
            url = source_url(key, base)
            cached = self._is_cached(cache / filename_from_url(url), options)
            feedback.pushInfo(f"{names[dataset]}: {url}")
            paths = fetch_and_extract(url, cache, **options)
        elif dataset == CBS:
            url = self._cbs_url(base)
            cached = self._is_cached(cache / filename_from_url(url), options)
            feedback.pushInfo(f"{names[dataset]}: {url}")
            paths = [download(url, cache, **options)]
        else:
            from ..core.download import OFFICIAL_SOURCES, wfs_getfeature_url

            source = OFFICIAL_SOURCES["leefbaarometer_wfs"]
            layer = source["layers"]["buurt" if dataset == WFS_BUURT else "grid"]
            url = wfs_getfeature_url(base or source["base_url"], layer, gemeente,
                                     gemeente_property=source["gemeente_property"])
            filename = self._wfs_filename(layer, gemeente, url)
            cached = self._is_cached(cache / filename, options)
            feedback.pushInfo(f"{names[dataset]}: {url}")
            path = download(url, cache, filename=filename, **options)
            self._check_wfs_answer(path, gemeente, layer, url, feedback)
            paths = [path]
        if cached:
            feedback.pushInfo(self.tr("Taken from the cache ({} files); tick 'Download again' to refresh.")
                              .format(len(paths)))
        for path in paths:
            feedback.pushInfo("  " + str(path))
        return paths

    def _add_result(self, results, dataset, paths, feedback):
        """The named outputs a model can link to directly."""
        if dataset == SCORES:
            csvs = [path for path in paths if _BUURT_SCORES_CSV.search(path.name)]
            if csvs:
                results[self.SCORES_CSV] = str(csvs[0])
            else:
                feedback.pushWarning(
                    self.tr("The scores zip holds no 'Leefbaarometer-scores buurten' CSV; its files: {}")
                    .format(", ".join(path.name for path in paths))
                )
        elif dataset == CBS:
            results[self.CBS_GPKG] = str(paths[0])
        elif dataset == WFS_BUURT:
            results[self.WFS_BUURT] = str(paths[0])
        elif dataset == WFS_GRID:
            results[self.WFS_GRID] = str(paths[0])

    # Helpers -----------------------------------------------------------------

    def _url_parameter(self, parameters, name, context, allow_http=False):
        """A URL parameter, empty meaning the official address; https (plain http only to this computer or allowed)."""
        from ..core.download import AddressError, check_address
        from ..core.errors import InputError

        text = (self.parameterAsString(parameters, name, context) or "").strip()
        if not text:
            return None
        try:
            return check_address(text, allow_http=allow_http)
        except AddressError as refused:
            raise InputError(self._address_message(refused)) from None

    def _failed_message(self, failed):
        """The user's message when every attempt failed (DownloadFailedError: no connection, time-outs, 5xx)."""
        if failed.attempts == 1:
            text = self.tr("Could not download {}: {} (tried once). Check the network connection (and the proxy "
                           "under Settings > Options > Network) and try again later, or download the file by hand.")
            return text.format(failed.url, failed.reason)
        text = self.tr("Could not download {}: {} (tried {} times). Check the network connection (and the proxy "
                       "under Settings > Options > Network) and try again later, or download the file by hand.")
        return text.format(failed.url, failed.reason, failed.attempts)

    def _address_message(self, refused):
        """The user's message for an address core.download does not use (AddressError)."""
        if not refused.plain_http:
            if refused.redirected_from:
                return self.tr("{} redirects to '{}', which is not a web address (https://); nothing was "
                               "downloaded from it.").format(refused.redirected_from, refused.url)
            return self.tr("'{}' is not a web address (https://).").format(refused.url)
        if refused.redirected_from:
            return self.tr("{} redirects to the plain http address {}: refused, downloads use https only so that the "
                           "data cannot be altered on the way. Tick 'Allow plain http addresses' under Advanced only "
                           "for a server inside your own network.").format(refused.redirected_from, refused.url)
        return self.tr("'{}' is a plain http address: downloads use https only, so that the data cannot be altered "
                       "on the way. Use the https address, or tick 'Allow plain http addresses' under Advanced for a "
                       "server inside your own network (a server on this computer, 127.0.0.1 or localhost, is always "
                       "allowed).").format(refused.url)

    @staticmethod
    def _cbs_url(text):
        """A folder (the GeoPackage name is added) or the full address of a .gpkg (CBS renames files)."""
        from ..core.download import source_url

        if text and urlsplit(text).path.lower().endswith(".gpkg"):
            return text
        return source_url("cbs_wijkbuurtkaart", text)

    @staticmethod
    def _is_cached(target, options):
        return options["cache"] and target.is_file()

    @staticmethod
    def _wfs_filename(layer, gemeente, url):
        """Readable and unique per request: layer and gemeente, plus a hash of the full URL."""
        slug = re.sub(r"[^0-9A-Za-z]+", "_", f"{layer}_{gemeente}").strip("_").lower()
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
        return f"wfs_{slug}_{digest}.geojson"

    def _check_wfs_answer(self, path, gemeente, layer, url, feedback):
        """Refuse (and drop from the cache) an exception report or an empty answer."""
        from ..core.errors import InputError

        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(_PEEK_BYTES)
            stream.seek(max(0, size - _PEEK_BYTES))
            tail = stream.read()
        text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
        problem = None
        if text.startswith("<"):
            found = re.search(r"<(?:\w+:)?ExceptionText>(.*?)</", text, re.DOTALL)
            problem = self.tr("the WFS answered with an error: {}").format(
                (found.group(1).strip() if found else text[:300]).replace("\n", " ")
            )
        elif not text.startswith("{"):
            problem = self.tr("the WFS answer is not GeoJSON: {}").format(text[:200])
        elif re.search(r'"features"\s*:\s*\[\s*\]', text):
            problem = self.tr("the WFS returned no features for gemeente '{}'. Check the spelling of the name "
                              "as the Leefbaarometer writes it (e.g. 's-Hertogenbosch, Súdwest-Fryslân)"
                              ).format(gemeente)
        if problem is not None:
            path.unlink(missing_ok=True)
            raise InputError(self.tr("Layer {}: {} (request {}).").format(layer, problem, url))
        ending = tail.decode("utf-8", "replace")
        matched = re.search(r'"numberMatched"\s*:\s*(\d+)', ending)
        returned = re.search(r'"numberReturned"\s*:\s*(\d+)', ending)
        if matched and returned and int(returned.group(1)) < int(matched.group(1)):
            feedback.pushWarning(
                self.tr("The WFS returned {} of {} features for {} (a server limit): the file is incomplete.")
                .format(returned.group(1), matched.group(1), layer)
            )
