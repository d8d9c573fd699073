"""deploy/nginx.conf as bench/two_processes.py renders it, and the affinity check over nginx's log."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from bench.two_processes import TEMPLATE, nginx_config, routes_by_upstream


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


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx not installed (apt-get install nginx)")
def test_nginx_accepts_the_rendered_config(tmp_path):
    config = nginx_config(tmp_path, 18080, [18501, 18502])
    checked = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(config)], capture_output=True, check=False,
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
