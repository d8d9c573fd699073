"""deploy/nginx.conf as bench/two_processes.py renders it: nginx accepts it, the affinity check over its log,
and a real nginx in front of a real app server (B11 security headers, B12 server internals not public, the
websocket still proxied); its TLS variant (the "#tls " lines) with HSTS and a Secure route cookie."""

from __future__ import annotations

import asyncio
import http.client
import http.server
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.common import DIE_WITH_PARENT, ROOT, free_port, running_server, system_program
from bench.two_processes import TEMPLATE, RoutedSession, nginx_config, routes_by_upstream, running_nginx

NGINX = system_program("nginx") or "nginx"
needs_nginx = pytest.mark.skipif(system_program("nginx") is None, reason="nginx not installed (apt-get install nginx)")

SECURITY_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# Server internals (B12): also with a query, below a page's path, percent-encoded or with a doubled slash.
INTERNAL_PATHS = ("/_stcore/metrics", "/_stcore/metrics?families=session_state", "/massnahmen/_stcore/metrics",
                  "/%5Fstcore/metrics", "//_stcore/metrics", "/_stcore/script-health-check")
TLS_PREFIX = "#tls "


def test_rendered_config_routes_to_the_given_processes_only(tmp_path):
    site = tmp_path / "site.conf"
    nginx_config(tmp_path, 18080, [18501, 18502, 18503])
    text = site.read_text(encoding="utf-8")
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("server 127.")] == [
        "server 127.0.0.1:18501;", "server 127.0.0.1:18502;", "server 127.0.0.1:18503;"]
    assert "listen 127.0.0.1:18080;" in text and "listen 80;" not in text
    for needed in ("hash $mpc_route consistent;", "proxy_set_header Upgrade $http_upgrade;",
                   "proxy_set_header Connection $mpc_connection_upgrade;", "add_header Set-Cookie $mpc_route_cookie"):
        assert needed in text and needed in TEMPLATE.read_text(encoding="utf-8")


@needs_nginx
def test_nginx_accepts_the_rendered_config(tmp_path):
    config = nginx_config(tmp_path, 18080, [18501, 18502])
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(config)], capture_output=True, check=False,
                             text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_affinity_check_finds_a_session_served_by_two_processes(tmp_path):
    log = tmp_path / "access.log"
    log.write_text(
        '127.0.0.1 [t] "GET / HTTP/1.1" 200 route=aa upstream=127.0.0.1:1\n'
        '127.0.0.1 [t] "GET /_stcore/stream HTTP/1.1" 101 route=aa upstream=127.0.0.1:1\n'
        '127.0.0.1 [t] "GET / HTTP/1.1" 200 route=bb upstream=127.0.0.1:1\n'
        '127.0.0.1 [t] "GET /_stcore/stream HTTP/1.1" 101 route=bb upstream=127.0.0.1:2\n'
        '127.0.0.1 [t] "GET /_stcore/health HTTP/1.1" 200 route=cc upstream=127.0.0.1:2\n', encoding="utf-8")
    assert routes_by_upstream(log) == {"aa": {"127.0.0.1:1"}, "bb": {"127.0.0.1:1", "127.0.0.1:2"}}


def test_b11_no_location_has_an_add_header_of_its_own():
    """nginx drops the server's add_header lines in any block that has one of its own: they all stay at server
    level, so every location (also the 404 of the internals) sends the headers."""
    depth, inside_location = 0, []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        code = line.split("#", 1)[0].strip()
        if code.startswith("location"):
            inside_location.append(depth)
        depth += code.count("{") - code.count("}")
        if inside_location and depth <= inside_location[-1]:
            inside_location.pop()
        assert not (inside_location and code.startswith("add_header")), line


# -- a real nginx in front of a real app server ------------------------------------------------------------------
@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(the app server's own base URL, nginx's base URL in front of it); the app creates its SQLite file."""
    if system_program("nginx") is None:
        pytest.skip("nginx not installed (apt-get install nginx)")
    folder = tmp_path_factory.mktemp("proxied")
    with running_server(ROOT / "dashboard.py", folder / "app.log", f"sqlite:///{folder / 'app.db'}") as app, \
            running_nginx(folder / "nginx", [app.port]) as proxy:
        yield app.base_url, proxy


def fetch(url: str, context: ssl.SSLContext | None = None) -> tuple[int, http.client.HTTPMessage]:
    """Status and headers of a GET, errors included; redirects are not followed."""
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_b11_every_response_through_nginx_carries_the_security_headers(servers):
    app, proxy = servers
    status, bare = fetch(f"{app}/anmelden")
    # The review's finding: the app server itself sends none of them.
    assert status == 200 and bare["Content-Security-Policy"] is None and bare["X-Frame-Options"] is None
    for path, expected_status in (("/", 200), ("/anmelden", 200), ("/_stcore/health", 200),
                                  ("/_stcore/host-config", 200), ("/_stcore/metrics", 404)):
        status, headers = fetch(proxy + path)
        assert status == expected_status, path
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value, (path, name)
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy and "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-eval" not in policy.replace("wasm-unsafe-eval", ""), policy
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["Strict-Transport-Security"] is None  # plain HTTP: HSTS only with TLS (see below)
        assert headers["Server"] == "nginx"  # no version


def test_embeds_through_nginx_carry_only_the_apps_own_framing_policy(servers):
    """/einbetten/ (web/embeds.py): the proxy adds neither its CSP nor X-Frame-Options there, so the app's own
    policy (frame-ancestors 'self' and MPC_EMBED_ORIGINS) is the only one; every other path keeps both."""
    app, proxy = servers
    # Addresses of no widget: the embeds' German 404 page, without reading the database (created at the first run).
    for path in ("/einbetten/v1/keins", "/einbetten"):
        status, headers = fetch(proxy + path)
        assert status == 404 and headers["X-Frame-Options"] is None, path
        assert headers.get_all("Content-Security-Policy") == [headers["Content-Security-Policy"]], path
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"], path
        assert "default-src 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
    for path in ("/einbettenx", "/uebersicht", "/api/v1/plans", "/x/einbetten/v1/darmstadt-dieburg/ueberblick"):
        status, headers = fetch(proxy + path)
        assert headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert "default-src 'self'" in headers["Content-Security-Policy"], path


def test_b12_metrics_not_public_through_nginx(servers):
    app, proxy = servers
    status, headers = fetch(f"{app}/_stcore/metrics")
    assert status == 200 and "openmetrics" in headers["Content-Type"]  # the review's finding, at the app server
    for path in INTERNAL_PATHS:
        status, headers = fetch(proxy + path)
        assert status == 404, path
        assert headers["X-Frame-Options"] == "SAMEORIGIN", path


def test_b11_no_other_origin_may_drive_the_app_from_a_parent_frame(servers):
    """Streamlit obeys postMessage commands from a parent frame of the origins its host-config lists (by default
    its cloud's domains, where anyone can host a page): .streamlit/config.toml empties the list, for the app
    server without nginx too."""
    app, _ = servers
    with urllib.request.urlopen(f"{app}/_stcore/host-config", timeout=30) as response:
        assert json.load(response)["allowedOrigins"] == []


def test_b11_app_still_runs_through_nginx(servers):
    """A visit as a browser makes it: the page (HTTP 200, route cookie), then a script run over the websocket
    upgrade that nginx passes on."""
    _, proxy = servers

    async def first_run():
        async with RoutedSession(proxy) as session:
            return await session.run()

    with ThreadPoolExecutor(1) as pool:  # own thread: a browser test may hold an event loop in this one
        result = pool.submit(asyncio.run, first_run()).result()
    assert result.ok, (result.finished, result.exceptions)


# -- the TLS variant -----------------------------------------------------------------------------------------
def tls_config(folder: Path, http_port: int, https_port: int, app_port: int) -> Path:
    """The rendered config with its "#tls " lines switched on, on loopback ports, with a self-signed certificate."""
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True, timeout=60)
    config = nginx_config(folder, http_port, [app_port])
    site = folder / "site.conf"
    lines = [line.replace(TLS_PREFIX, "", 1) for line in site.read_text(encoding="utf-8").splitlines()]
    text = "\n".join(lines).replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    text = text.replace("/etc/letsencrypt/live/cockpit.example.de/fullchain.pem", str(certificate))
    text = text.replace("/etc/letsencrypt/live/cockpit.example.de/privkey.pem", str(key))
    site.write_text(text, encoding="utf-8")
    return config


@contextmanager
def running_tls_nginx(folder: Path, app_port: int | None = None) -> Iterator[tuple[str, str]]:
    http_port, https_port = free_port(), free_port()
    config = tls_config(folder, http_port, https_port, app_port or free_port())
    checked = subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(config)], capture_output=True, text=True,
                             timeout=30, check=False)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([*DIE_WITH_PARENT, NGINX, "-p", str(folder), "-c", str(config), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", https_port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{http_port}", f"https://127.0.0.1:{https_port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


@needs_nginx
@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_b11_tls_variant_sends_hsts_and_a_secure_route_cookie(tmp_path):
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # self-signed, for this test only
    with running_tls_nginx(tmp_path) as (plain, secure):
        status, headers = fetch(f"{plain}/anmelden")
        assert status == 301 and headers["Location"].startswith("https://")
        # No app server behind it: nginx's own answers (404 of the internals, 502) carry the headers too.
        for path in ("/_stcore/metrics", "/anmelden"):
            status, headers = fetch(secure + path, unverified)
            assert status in (404, 502), path
            assert headers["Strict-Transport-Security"] == "max-age=31536000", path
            assert "frame-ancestors 'self'" in headers["Content-Security-Policy"], path
        cookie = headers["Set-Cookie"]
        assert cookie.startswith("mpc_route=") and cookie.endswith("; Secure"), cookie


class _CookieSettingApp(http.server.BaseHTTPRequestHandler):
    """Stands in for the app's sign-in callback: sets an identity cookie as Streamlit does (no Secure flag)
    and remembers the headers the proxy sent."""

    seen: list[dict[str, str]] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.seen.append(dict(self.headers))
        self.send_response(200)
        self.send_header("Set-Cookie", "_streamlit_user=signed-value; Path=/; HttpOnly; SameSite=Lax")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@needs_nginx
@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_b3_identity_cookie_is_secure_behind_https_and_the_client_address_is_passed(tmp_path):
    app = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CookieSettingApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # self-signed, for this test only
    try:
        with running_tls_nginx(tmp_path, app.server_port) as (_, secure):
            status, headers = fetch(f"{secure}/oauth2callback", unverified)
    finally:
        app.shutdown()
        app.server_close()
    assert status == 200
    identity = [cookie for cookie in headers.get_all("Set-Cookie") if cookie.startswith("_streamlit_user=")]
    assert len(identity) == 1 and "; Secure" in identity[0] and "HttpOnly" in identity[0], identity
    assert _CookieSettingApp.seen[-1]["X-Real-IP"] == "127.0.0.1"
