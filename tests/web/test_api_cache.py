"""The read API's answer cache: an answer is built once per ETag, concurrent askers wait for that one build,
and the oldest answers go when the cache is full."""

from __future__ import annotations

import gzip
import threading
import time

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from web.api import AnswerCache, client_of


def test_an_answer_is_built_once_and_served_with_its_type_and_headers():
    cache, builds = AnswerCache(), []

    def build() -> Response:
        builds.append(1)
        return JSONResponse({"a": "ä"}, headers={"Content-Disposition": "inline"})

    first, second = cache.answer('"x"', build), cache.answer('"x"', build)
    assert len(builds) == 1
    assert first.body == second.body == JSONResponse({"a": "ä"}).body
    assert second.media_type == "application/json" and second.headers["content-disposition"] == "inline"


def test_concurrent_askers_wait_for_one_build():
    cache, builds, started = AnswerCache(), [], threading.Barrier(4)

    def build() -> Response:
        builds.append(1)
        time.sleep(0.2)  # long enough that the other threads arrive while it runs
        return Response(b"body")

    def ask() -> None:
        started.wait()
        assert cache.answer('"y"', build).body == b"body"

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1


def test_the_oldest_answers_go_when_the_cache_is_full():
    cache, builds = AnswerCache(max_bytes=10), []

    def build(body: bytes):
        def make() -> Response:
            builds.append(body)
            return Response(body)
        return make

    cache.answer("a", build(b"aaaa"))
    cache.answer("b", build(b"bbbb"))
    cache.answer("a", build(b"aaaa"))  # a is the newest now
    cache.answer("c", build(b"cccc"))  # 12 bytes: b, the oldest, goes
    cache.answer("a", build(b"aaaa"))
    cache.answer("b", build(b"bbbb"))
    assert builds == [b"aaaa", b"bbbb", b"cccc", b"bbbb"]
    cache.answer("big", build(b"x" * 11))  # larger than the whole cache: served, not kept
    cache.answer("big", build(b"x" * 11))
    assert builds[-2:] == [b"x" * 11, b"x" * 11]


def test_a_large_answer_is_compressed_once_for_readers_that_take_gzip():
    cache, body = AnswerCache(), ("Maßnahme;" * 2000).encode()

    def build() -> Response:
        return Response(body, media_type="text/csv", headers={"Vary": "Accept"})

    packed, plain = cache.answer('"z"', build, gzip_ok=True), cache.answer('"z"', build)
    assert packed.headers["content-encoding"] == "gzip" and gzip.decompress(packed.body) == body
    assert len(packed.body) < len(body) // 10
    assert "content-encoding" not in plain.headers and plain.body == body
    # Streamlit's gzip middleware adds Accept-Encoding to an answer sent whole, and leaves an encoded one alone
    assert packed.headers["vary"] == "Accept, Accept-Encoding" and plain.headers["vary"] == "Accept"


@pytest.mark.parametrize(("peer", "forwarded", "client"), [
    ("127.0.0.1", "10.9.9.1", "10.9.9.1"), ("::1", "10.9.9.2", "10.9.9.2"),
    ("::ffff:127.0.0.1", "10.9.9.3", "10.9.9.3"),  # a server on IPv6 sees the local proxy so
    ("203.0.113.5", "10.9.9.4", "203.0.113.5"),  # a remote peer's header is not trusted
    ("::ffff:203.0.113.6", "10.9.9.5", "::ffff:203.0.113.6"), ("127.0.0.1", "", "127.0.0.1"),
])
def test_the_rate_counts_the_visitor_behind_a_local_proxy(peer, forwarded, client):
    headers = [(b"x-real-ip", forwarded.encode())] if forwarded else []
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "client": (peer, 5000)})
    assert client_of(request) == client
