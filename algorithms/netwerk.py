"""Downloads through QGIS's own network stack: the transport ``core.download`` uses inside QGIS.

``QgisTransport`` sends its requests through ``QgsNetworkAccessManager``, so
what is configured in QGIS applies as it does to QGIS's own layers: the proxy
(Settings > Options > Network, including its exclusions and login), the
certificate authorities and SSL server exceptions of the authentication system
(Settings > Options > Authentication), QGIS's network time-out and, with
``authcfg``, an authentication configuration (basic login, PKI, OAuth2 ...).

Why neither ``QgsBlockingNetworkRequest`` nor ``QgsFileDownloader``: the first
keeps the whole answer in memory (and offers it to QGIS's network cache) until
it is complete, a 200 MB zip included; the second reports no HTTP status, so a
503 worth another attempt cannot be told from a 404, and it writes to the final
file itself. Here the request runs in a local event loop in the calling thread
(Processing's background thread, or the main thread for ``processing.run``),
the body is handed to ``core.download`` chunk by chunk as it arrives and
written straight to its ``.part`` file, and Qt's read buffer is bounded: memory
stays small whatever the size of the file. Redirects are not followed here:
``core.download`` follows them so that every new address is checked (https).
"""

import contextlib
import time

from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsNetworkRequestParameters
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QEventLoop, QThread, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkReply, QNetworkRequest

from ..core.download import DownloadCancelledError, Headers, TransportError
from ..core.errors import InputError

# How often a wait looks at cancel and the clock, in milliseconds.
POLL_MS = 100
# Qt holds at most this much of a body it has received and we have not read yet.
READ_BUFFER_BYTES = 4 << 20
INITIATOR = "vroegsignalering.downloaddata"

_Error = QNetworkReply.NetworkError  # the enum class itself (scoped members below)  # qt6: ok
_PROXY_ERRORS = {
    _Error.ProxyConnectionRefusedError,
    _Error.ProxyConnectionClosedError,
    _Error.ProxyNotFoundError,
    _Error.ProxyTimeoutError,
    _Error.UnknownProxyError,
}
_FATAL_ERRORS = {
    _Error.ProtocolUnknownError,
    _Error.ProtocolInvalidOperationError,
}


def _text(value):
    """A header or attribute value as str (PyQt hands out QByteArray, bytes or str)."""
    if value is None:
        return ""
    if isinstance(value, QByteArray):
        value = bytes(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def _in_main_thread():
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def proxy_settings():
    """The proxy QGIS's main network access manager uses now, or None when not called on the main thread.

    QGIS gives every thread its own network access manager, which copies the
    proxy settings when it is created; a pooled background thread can keep an
    older copy after the proxy was changed under Settings > Options > Network.
    The algorithm takes this snapshot on the main thread (``prepareAlgorithm``)
    and ``QgisTransport`` applies it in its own thread.
    """
    if not _in_main_thread():
        return None
    manager = QgsNetworkAccessManager.instance()
    return QNetworkProxy(manager.fallbackProxy()), list(manager.excludeList()), list(manager.noProxyList())


def known_authcfg(authcfg):
    """True when ``authcfg`` is an authentication configuration of this QGIS profile (no master password needed)."""
    manager = QgsApplication.authManager()
    return bool(authcfg) and not manager.isDisabled() and authcfg in manager.availableAuthMethodConfigs()


class QgisTransport:
    """``core.download``'s transport over ``QgsNetworkAccessManager`` (see the module's description).

    ``authcfg`` (a QGIS authentication configuration id) is added to requests
    for the hosts in ``auth_hosts`` (lower case; ``None``: every host), so a
    mirror's login is not sent to the official servers nor along a redirect to
    another host. ``proxy`` is a ``proxy_settings()`` snapshot from the main
    thread, applied to the network access manager of a background thread.
    """

    def __init__(self, authcfg="", auth_hosts=None, proxy=None):
        self.authcfg = (authcfg or "").strip()
        self.auth_hosts = None if auth_hosts is None else {host.lower() for host in auth_hosts}
        self.proxy = proxy

    def uses_authcfg(self, url):
        if not self.authcfg:
            return False
        return self.auth_hosts is None or QUrl(url).host().lower() in self.auth_hosts

    def open(self, url, *, timeout, is_cancelled=None):
        request = QNetworkRequest(QUrl(url))
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
        # Files of hundreds of MB do not belong in QGIS's network cache: our own cache keeps them.
        request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                             QNetworkRequest.CacheLoadControl.AlwaysNetwork)
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        # Names the plugin in QGIS's network logger (F12); a nicety, so left out where the cast is refused.
        with contextlib.suppress(TypeError, ValueError):
            request.setAttribute(
                QNetworkRequest.Attribute(QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass),
                INITIATOR,
            )
        authcfg = self.authcfg if self.uses_authcfg(url) else ""
        manager = QgsApplication.authManager()
        if authcfg:
            result = manager.updateNetworkRequest(request, authcfg)
            ok, request = result if isinstance(result, tuple) else (result, request)
            if not ok:
                raise InputError(self._authcfg_message(authcfg))
        network = QgsNetworkAccessManager.instance()
        if self.proxy is not None and not _in_main_thread():
            network.setFallbackProxyAndExcludes(*self.proxy)
        reply = network.get(request)
        if authcfg:
            result = manager.updateNetworkReply(reply, authcfg)
            if not (result[0] if isinstance(result, tuple) else result):
                reply.abort()
                sip.delete(reply)
                raise InputError(self._authcfg_message(authcfg))
        return QgisResponse(reply, url, timeout, is_cancelled)

    def close(self):
        """Nothing to release: the network access manager is QGIS's."""

    @staticmethod
    def _authcfg_message(authcfg):
        return QCoreApplication.translate(
            "VroegsignaleringAlgorithm",
            "The authentication configuration '{}' could not be used: check that it exists under Settings > "
            "Options > Authentication and that the master password was entered.").format(authcfg)


class QgisResponse:
    """One reply of ``QgsNetworkAccessManager``, read as ``core.download`` expects (status, headers, chunks).

    Constructed, it waits (in a local event loop) until the status line and
    headers are in. Every wait gives up after ``timeout`` seconds without news
    (no answer, or a transfer that stalls) and stops at once on cancel.
    """

    def __init__(self, reply, url, timeout, is_cancelled=None):
        self._reply = reply
        self._url = url
        self._timeout = float(timeout)
        self._is_cancelled = is_cancelled
        self._stopped_by_us = False
        self._ssl_errors = []
        reply.sslErrors.connect(self._note_ssl_errors)
        reply.setReadBufferSize(READ_BUFFER_BYTES)
        self._loop = QEventLoop()
        self._tick = QTimer()
        self._tick.setSingleShot(True)
        self._tick.setInterval(POLL_MS)
        self._tick.timeout.connect(self._loop.quit)
        for signal in (reply.metaDataChanged, reply.readyRead, reply.finished):
            signal.connect(self._loop.quit)
        try:
            self._wait(lambda: self._status() is not None or reply.isFinished(),
                       QCoreApplication.translate("VroegsignaleringAlgorithm", "no answer within {} s"))
            status = self._status()
            if status is None:
                raise self._failure(0)
        except BaseException:
            self.close()
            raise
        self.status = int(status)
        self.reason = _text(reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute))
        self.headers = Headers((_text(name), _text(value)) for name, value in reply.rawHeaderPairs())

    def _note_ssl_errors(self, errors):
        self._ssl_errors.extend(error.errorString() for error in errors)

    def _status(self):
        value = self._reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        return None if value is None or value == "" else value

    def _wait(self, ready, stalled):
        """Run the event loop until ``ready()``; TransportError after ``timeout`` s, cancel at once."""
        deadline = time.monotonic() + self._timeout
        while not ready():
            if self._is_cancelled is not None and self._is_cancelled():
                self._stop()
                raise DownloadCancelledError(QCoreApplication.translate(
                    "VroegsignaleringAlgorithm", "Download of {} cancelled").format(self._url))
            if time.monotonic() >= deadline:
                self._stop()
                raise TransportError(stalled.format(f"{self._timeout:g}"))
            self._tick.start()
            self._loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _stop(self):
        if self._reply is not None and not self._reply.isFinished():
            self._stopped_by_us = True
            self._reply.abort()

    def iter_content(self, chunk_size):
        reply = self._reply
        done = 0
        while True:
            if reply.bytesAvailable() > 0:
                chunk = bytes(reply.read(chunk_size))
                done += len(chunk)
                yield chunk
                continue
            if reply.isFinished():
                break
            self._wait(lambda: reply.bytesAvailable() > 0 or reply.isFinished(),
                       QCoreApplication.translate("VroegsignaleringAlgorithm", "transfer stalled for more than {} s"))
        if reply.error() != _Error.NoError:
            raise self._failure(done)

    def _failure(self, done):
        """The exception for a reply that ended in a network error, ``done`` bytes into the body."""
        reply = self._reply
        error = reply.error()
        detail = reply.errorString()
        host = QUrl(self._url).host()
        if error == _Error.OperationCanceledError and not self._stopped_by_us:
            return TransportError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm",
                "no data for {} s, QGIS's network time-out (Settings > Options > Network)").format(
                f"{QgsNetworkAccessManager.timeout() / 1000:g}"))
        if error == _Error.SslHandshakeFailedError:
            if self._ssl_errors:
                detail = "; ".join(dict.fromkeys(self._ssl_errors))
            return InputError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm",
                "The secure connection to {} failed: {}. Nothing was downloaded. If your organisation inspects "
                "https traffic, add its certificate authority in QGIS (Settings > Options > Authentication > "
                "Certificate Manager) or ask your IT department.").format(host, detail))
        if error == _Error.ProxyAuthenticationRequiredError:
            return InputError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm",
                "The proxy asks for a login: set its user name and password (or an authentication configuration) "
                "under Settings > Options > Network ({}).").format(detail))
        if error in _PROXY_ERRORS:
            return TransportError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm",
                "the proxy set in QGIS (Settings > Options > Network) did not work ({})").format(detail))
        if error in _FATAL_ERRORS:
            return InputError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm", "Cannot download {}: {}").format(self._url, detail))
        if done:
            total = self.headers.get("Content-Length") if hasattr(self, "headers") else None
            if total:
                return TransportError(QCoreApplication.translate(
                    "VroegsignaleringAlgorithm", "transfer broke off after {} of {} bytes ({})").format(
                    done, total, detail))
            return TransportError(QCoreApplication.translate(
                "VroegsignaleringAlgorithm", "transfer broke off after {} bytes ({})").format(done, detail))
        return TransportError(QCoreApplication.translate(
            "VroegsignaleringAlgorithm", "connection failed ({})").format(detail))

    def close(self):
        """Stop the request if it still runs and free the reply now (also in a thread without an event loop)."""
        reply, self._reply = self._reply, None
        if reply is None:
            return
        if not reply.isFinished():
            self._stopped_by_us = True
            reply.abort()
        self._tick.stop()
        sip.delete(reply)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
