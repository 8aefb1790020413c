"""A real HTTP(S) server and proxy on 127.0.0.1 for download tests, plus zip and certificate builders.

Tests exercise the transports (``requests`` in the unit tests, QGIS's network
stack in the QGIS tests) over a socket instead of mocking them, so timeouts,
cut-off bodies, redirects, proxies, certificates and retries behave as they
would against a real server. Only 127.0.0.1 with a random port is ever used.
"""

import contextlib
import http.client
import io
import select
import socket
import struct
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class LocalServer:
    """ThreadingHTTPServer in a background thread with a route table and hit counters.

    ``routes`` maps a path ("/a.zip") to a handler ``f(request, hit)`` where
    ``hit`` counts requests to that path from 1. Use the helpers below.
    """

    def __init__(self, tls=None):
        self.routes = {}
        self.hits = {}
        self.headers = {}  # path -> the headers of its latest request
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                path = self.path.split("?", 1)[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    server.headers[path] = dict(self.headers)
                    hit = server.hits[path]
                route = server.routes.get(path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                # the client may give up (time-out, cancel): not the test's business
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self, hit)

            def log_message(self, *args):
                pass  # keep test output clean

        self.tls = tls is not None
        self.httpd = _TlsServer(("127.0.0.1", 0), Handler, tls) if tls else ThreadingHTTPServer(
            ("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.02,), daemon=True
        )

    @property
    def base(self):
        host, port = self.httpd.server_address[:2]
        return f"{'https' if self.tls else 'http'}://{host}:{port}"

    def url(self, path):
        return self.base + path

    def count(self, path):
        return self.hits.get(path, 0)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()  # wake slow handlers so shutdown is quick
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


class _TlsServer(ThreadingHTTPServer):
    """HTTPS: ``tls`` is (certificate file, key file); the handshake runs in the request's thread."""

    def __init__(self, address, handler, tls):
        import ssl

        super().__init__(address, handler)
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(*[str(path) for path in tls])

    def finish_request(self, request, client_address):
        import ssl

        try:
            wrapped = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # a client that does not trust us hangs up: that is what some tests check
        try:
            super().finish_request(wrapped, client_address)
        finally:
            wrapped.close()


def send_bytes(request, data, *, content_type="application/octet-stream", length=True):
    """Send ``data`` with 200; without ``length`` the body ends at connection close."""
    request.send_response(200)
    request.send_header("Content-Type", content_type)
    if length:
        request.send_header("Content-Length", str(len(data)))
    request.end_headers()
    request.wfile.write(data)


def serve(data, **options):
    return lambda request, hit: send_bytes(request, data, **options)


def serve_file(path, **options):
    """Serve a file's current contents (read at request time, so tests can change it)."""
    return lambda request, hit: send_bytes(request, path.read_bytes(), **options)


def status(code, body=b"error page"):
    def handler(request, hit):
        request.send_response(code)
        request.send_header("Content-Type", "text/plain")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)
    return handler


def fail_first(n, then, code=503):
    """Answer ``code`` to the first ``n`` requests, then hand over to ``then``."""
    failing = status(code)
    return lambda request, hit: (failing if hit <= n else then)(request, hit)


def slow(server, delay, then):
    """Wait ``delay`` seconds before answering (cut short when the server stops)."""
    def handler(request, hit):
        server.stopping.wait(delay)
        then(request, hit)
    return handler


def truncated(data, sent, *, times=None, then=None):
    """Promise ``len(data)`` bytes but send only ``sent`` and close (first ``times`` hits)."""
    def handler(request, hit):
        if times is not None and hit > times:
            return (then or serve(data))(request, hit)
        request.send_response(200)
        request.send_header("Content-Type", "application/octet-stream")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data[:sent])
        request.wfile.flush()
        request.close_connection = True
    return handler


def trickle(data, pieces, pause):
    """Send ``data`` in ``pieces`` parts with pauses, so a client can cancel in between."""
    def handler(request, hit):
        request.send_response(200)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        step = max(1, len(data) // pieces)
        for start in range(0, len(data), step):
            try:
                request.wfile.write(data[start:start + step])
                request.wfile.flush()
            except OSError:
                return  # client went away
            time.sleep(pause)
    return handler


def make_zip(members, *, compression=zipfile.ZIP_DEFLATED):
    """Zip bytes from ``{name: bytes}``; names are written as given (also unsafe ones)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def make_symlink_zip(name, link_target):
    """A zip whose member ``name`` is a Unix symbolic link to ``link_target``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        archive.writestr(info, link_target)
    return buffer.getvalue()


def set_declared_size(zip_bytes, member, size):
    """Make ``member`` lie about its uncompressed size in both headers."""
    data = bytearray(zip_bytes)
    encoded = member.encode("utf-8")
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46:central + 46 + name_len]) == encoded:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
            return bytes(data)
        central = data.find(b"PK\x01\x02", central + 4)
    raise KeyError(member)


def corrupt_member_data(zip_bytes, member):
    """Flip bytes in a member's stored data so its CRC no longer matches."""
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        info = archive.getinfo(member)
    data = bytearray(zip_bytes)
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start, start + min(info.compress_size, 4)):
        data[i] ^= 0xFF
    return bytes(data)


def redirect(location, code=302):
    """Answer ``code`` with a Location header (absolute, or relative to the request)."""
    def handler(request, hit):
        request.send_response(code)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()
    return handler


class LocalProxy:
    """A tiny HTTP proxy on 127.0.0.1 that records what it is asked and sends it to ``upstream``.

    Plain http requests (absolute URLs, any host name, even one that exists
    nowhere) are answered by fetching the same path from ``upstream`` (a
    ``LocalServer``); ``CONNECT`` (https) is recorded and refused with 403
    unless ``tunnel_to`` names a local (host, port) to connect it to.
    ``requests`` lists ``(method, target)`` in the order received.
    """

    def __init__(self, upstream=None, tunnel_to=None):
        self.upstream = upstream
        self.tunnel_to = tunnel_to
        self.requests = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                with proxy._lock:
                    proxy.requests.append(("GET", self.path))
                if proxy.upstream is None or "://" not in self.path:
                    self.send_error(502, "No upstream")
                    return
                parts = urlsplit(self.path)
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                host, port = proxy.upstream.httpd.server_address[:2]
                connection = http.client.HTTPConnection(host, port, timeout=10)
                try:
                    connection.request("GET", path, headers={"Host": self.headers.get("Host", host)})
                    answer = connection.getresponse()
                    body = answer.read()
                    self.send_response(answer.status, answer.reason)
                    for name, value in answer.getheaders():
                        if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                            self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    connection.close()

            def do_CONNECT(self):  # noqa: N802 (http.server API)
                with proxy._lock:
                    proxy.requests.append(("CONNECT", self.path))
                if proxy.tunnel_to is None:
                    self.send_error(403, "Tunnel refused by the test proxy")
                    return
                try:
                    upstream = socket.create_connection(proxy.tunnel_to, timeout=10)
                except OSError:
                    self.send_error(502, "Tunnel target unreachable")
                    return
                self.send_response(200, "Connection established")
                self.end_headers()
                self.close_connection = True
                _relay(self.connection, upstream)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def port(self):
        return self.httpd.server_address[1]

    def methods(self):
        return [method for method, _ in self.requests]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def _relay(client, upstream):
    """Copy bytes both ways between two sockets until either side closes."""
    sockets = [client, upstream]
    try:
        while True:
            readable, _, broken = select.select(sockets, [], sockets, 10)
            if broken or not readable:
                return
            for sock in readable:
                data = sock.recv(1 << 16)
                if not data:
                    return
                (upstream if sock is client else client).sendall(data)
    except OSError:
        return
    finally:
        upstream.close()


def make_certificates(folder):
    """A test certificate authority and a server certificate it signed for localhost and 127.0.0.1.

    Returns ``(ca_pem, cert_file, key_file)``: the CA certificate as PEM bytes and
    the server's certificate and key as files in ``folder``, valid for two days.
    Made with the ``openssl`` command (on Debian it comes with ca-certificates,
    which QGIS's Python needs through python3-requests).
    """
    import random
    import subprocess

    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True, cwd=folder)

    curve = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    openssl("req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=vroegsignalering test CA",
            "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    (folder / "server.ext").write_text("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                                       "subjectAltName=DNS:localhost,IP:127.0.0.1\n", encoding="ascii")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-set_serial", str(random.randrange(1, 1 << 62)), "-days", "2", "-extfile", "server.ext",
            "-out", "server.pem")
    return (folder / "ca.pem").read_bytes(), folder / "server.pem", folder / "server.key"

def stall(server, data, sent):
    """Promise ``len(data)`` bytes, send ``sent`` of them and then nothing until the server stops."""
    def handler(request, hit):
        request.send_response(200)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data[:sent])
        request.wfile.flush()
        server.stopping.wait(30)
    return handler


def basic_auth(user, password, then):
    """Answer 401 with a Basic challenge unless the request carries ``user:password``."""
    import base64

    expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")

    def handler(request, hit):
        if request.headers.get("Authorization") != expected:
            body = b"login required"
            request.send_response(401)
            request.send_header("WWW-Authenticate", 'Basic realm="mirror"')
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
            return
        then(request, hit)
    return handler
