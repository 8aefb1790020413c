"""A real HTTP server on 127.0.0.1 for download tests, plus zip builders.

Tests exercise ``requests`` over a socket instead of mocking it, so timeouts,
cut-off bodies and retries behave as they would against a real server. Only
127.0.0.1 with a random port is ever used.
"""

import io
import struct
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalServer:
    """ThreadingHTTPServer in a background thread with a route table and hit counters.

    ``routes`` maps a path ("/a.zip") to a handler ``f(request, hit)`` where
    ``hit`` counts requests to that path from 1. Use the helpers below.
    """

    def __init__(self):
        self.routes = {}
        self.hits = {}
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                path = self.path.split("?", 1)[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    hit = server.hits[path]
                route = server.routes.get(path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                route(self, hit)

            def log_message(self, *args):
                pass  # keep test output clean

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.02,), daemon=True
        )

    @property
    def base(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

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
