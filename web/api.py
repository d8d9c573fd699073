"""The public read API under /api/v1 (Starlette routes beside the app, st.App in dashboard.py).

/api/v1/plans, /api/v1/plans/{plan}/{dataset} (?format=json|csv, ?stand=YYYY-MM-DD), /api/v1/openapi.json,
/api/v1/dcat (the DCAT-AP.de catalogue, models.dcat: Turtle, or JSON-LD by ?format=jsonld or Accept).
What a dataset holds and which rules apply is models.open_data; this module speaks HTTP:
- CSV for German Excel users (models.transfer.export.csv_bytes, as the Export page): UTF-8 with BOM, `;`,
  dates 31.12.2026, decimal comma, ja/nein; JSON with ISO dates and numbers.
- ?stand= of a meeting whose view was frozen reads the data as of that frozen view's own Stand ("datenstand",
  models.open_data.data_stand), so it equals the frozen view.
- ETag from the plan's change counter (with the dataset, format and Stand): If-None-Match gives 304;
  Cache-Control public for a minute.
- CORS: every GET may be read from any origin (Access-Control-Allow-Origin *), no credentials.
- A bounded rate per client address (an in-memory token bucket per process; behind the proxy the address it
  passes as X-Real-IP): 429 with Retry-After.
- Errors as JSON with a German message ({"fehler": {"status", "meldung"}}); an unknown or non-public plan is
  404 with nothing of its content; never a stack trace or a path.
The database is read with the routes' own engine (web.database), in Starlette's thread pool.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import ipaddress
import json
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from models import dcat, open_data, queries
from models.formats import LOCAL_TIME
from models.open_data import API_PREFIX as PREFIX, BY_NAME, PLAN_DATASETS, PLANS, Dataset, NotPublic, PublicPlan
from models.texts import Message
from models.transfer.export import csv_bytes
from web.database import app_engine
from web.openapi import document
from web.wording import say

API_ROOT = PREFIX.rsplit("/", 1)[0]  # /api: every address below it is the API's

MAX_AGE_SECONDS = 60
GZIP_FROM_BYTES = 1024
ALLOWED = "GET, HEAD, OPTIONS"
EVERY_METHOD = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
JSON_TYPE = "application/json; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"
_log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: Message, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class TokenBucket:
    """Per client key: up to `burst` requests at once, refilled at `rate` per second. Thread-safe."""

    def __init__(self, rate_per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate_per_minute / 60.0, max(burst, 1), clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the request may pass, else the seconds until it may."""
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                self._forget_full(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else 60.0

    def _forget_full(self, now: float) -> None:
        """Keeps the table small: clients whose bucket has refilled are dropped."""
        if len(self._buckets) < 10_000:
            return
        full_after = self.burst / self.rate if self.rate else math.inf
        self._buckets = {key: value for key, value in self._buckets.items() if now - value[1] < full_after}


class AnswerCache:
    """Built answers by ETag, newest kept, at most `max_bytes` in all, each also gzip-compressed once. A plan's
    answer is built once per change counter, dataset, format and Stand, and builds run one at a time: the routes
    share the app's process, its cores and its event loop with the pages, so many readers must cost the pages
    neither repeated work, nor more than one thread, nor megabytes of body per request (a x10 Maßnahmen list is
    4 MB as JSON, 0.3 MB compressed)."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._answers: OrderedDict[str, _Answer] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._building = threading.Lock()

    def answer(self, etag: str, build: Callable[[], Response], gzip_ok: bool = False) -> Response:
        found = self._get(etag)
        if found is None:
            with self._building:
                found = self._get(etag)  # built by the request this one waited for
                if found is None:
                    found = self._put(etag, build())
        headers = dict(found.headers)
        if gzip_ok and found.compressed is not None:
            # Streamlit's gzip middleware passes an encoded answer through untouched, so its Vary is set here; to
            # an answer sent whole the middleware adds "Accept-Encoding" itself.
            headers["Vary"] = ", ".join(filter(None, (headers.pop("vary", ""), "Accept-Encoding")))
            headers["Content-Encoding"] = "gzip"
            return Response(found.compressed, media_type=found.media_type, headers=headers)
        return Response(found.body, media_type=found.media_type, headers=headers)

    def _get(self, etag: str) -> _Answer | None:
        with self._lock:
            found = self._answers.get(etag)
            if found is not None:
                self._answers.move_to_end(etag)
            return found

    def _put(self, etag: str, response: Response) -> _Answer:
        body = bytes(response.body)
        kept = {name: value for name, value in response.headers.items()
                if name.lower() not in ("content-length", "content-type")}
        compressed = gzip.compress(body, compresslevel=6, mtime=0) if len(body) > GZIP_FROM_BYTES else None
        entry = _Answer(body, compressed, response.media_type, kept)
        if entry.size > self.max_bytes:
            return entry
        with self._lock:
            self._answers[etag] = entry
            self._size += entry.size
            while self._size > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._size -= dropped.size
        return entry


@dataclass(frozen=True)
class _Answer:
    body: bytes
    compressed: bytes | None
    media_type: str | None
    headers: dict[str, str]

    @property
    def size(self) -> int:
        return len(self.body) + len(self.compressed or b"")


ANSWERS = AnswerCache()  # shared with the embeds (web/embeds.py)


def configured_bucket() -> TokenBucket:
    """The bucket of MPC_API_BURST and MPC_API_RATE_PER_MINUTE (open_data.api_bounds)."""
    burst, rate = open_data.api_bounds()
    return TokenBucket(rate, burst)


def routes(engine: Callable[[], Engine] | None = None, bucket: TokenBucket | None = None) -> list[Route]:
    """The API's routes on the app's database (ENGINE, by default the one DATABASE_URL names)."""
    engine = engine or app_engine
    bucket = bucket or configured_bucket()

    def endpoint(handler: Callable[..., Response]):
        def run(request: Request) -> Response:
            return _answer(request, bucket, lambda: handler(request, engine()))
        return run

    return [
        Route(f"{PREFIX}/openapi.json", endpoint(_openapi), methods=EVERY_METHOD),
        Route(f"{PREFIX}/plans", endpoint(_plans), methods=EVERY_METHOD),
        Route(f"{PREFIX}/dcat", endpoint(_dcat), methods=EVERY_METHOD),
        Route(f"{PREFIX}/plans/{{plan}}/{{dataset}}", endpoint(_dataset), methods=EVERY_METHOD),
        # Any other address under /api (another version, a typo) is the API's German 404, not the app's page.
        Route(API_ROOT, endpoint(_unknown), methods=EVERY_METHOD),
        Route(f"{API_ROOT}/{{rest:path}}", endpoint(_unknown), methods=EVERY_METHOD),
    ]


def _answer(request: Request, bucket: TokenBucket, handle: Callable[[], Response]) -> Response:
    try:
        if request.method == "OPTIONS":
            return _cors(Response(status_code=204, headers={
                "Access-Control-Allow-Methods": ALLOWED, "Access-Control-Allow-Headers": "If-None-Match",
                "Access-Control-Max-Age": "86400"}))
        if request.method not in ("GET", "HEAD"):
            raise ApiError(405, say("api.method"), {"Allow": ALLOWED})
        wait = bucket.take(client_of(request))
        if wait:
            seconds = max(1, math.ceil(wait))
            raise ApiError(429, say("api.too_many", seconds=seconds), {"Retry-After": str(seconds)})
        response = handle()
    except ApiError as error:
        response = _error(error.status, error.message, error.headers)
    except Exception:  # noqa: BLE001 - the reader gets a German sentence, the log the traceback
        _log.exception("The read API failed on %s", request.url.path)
        response = _error(500, say("api.failed"))
    return _cors(response)


def takes_gzip(request: Request) -> bool:
    return "gzip" in request.headers.get("accept-encoding", "").lower()


def client_of(request: Request) -> str:
    """The client's address for the rate: a peer on this machine is the proxy (deploy/nginx.conf), which passes
    the visitor's address as X-Real-IP; the header of a remote peer is not trusted (as ui.shell.sign_in). A server
    listening on IPv6 sees a local IPv4 peer as ::ffff:127.0.0.1, which is this machine too."""
    peer = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(peer)
        local = address.is_loopback or bool(getattr(address, "ipv4_mapped", None) and address.ipv4_mapped.is_loopback)
    except ValueError:
        local = False
    forwarded = (request.headers.get("x-real-ip") or "").strip()[:64]
    return forwarded if local and forwarded else peer or "unknown"


def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag, Retry-After"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"fehler": {"status": status, "meldung": str(message)}}, status_code=status,
                        headers={"Cache-Control": "no-store", **(headers or {})}, media_type=JSON_TYPE)


# --- the endpoints ---------------------------------------------------------------------------------

def _unknown(request: Request, engine: Engine) -> Response:
    raise ApiError(404, say("api.not_found"))


def _openapi(request: Request, engine: Engine) -> Response:
    return _cached(request, "openapi", lambda: _json_response(document()))


def _plans(request: Request, engine: Engine) -> Response:
    chosen = _format(request)
    plans = open_data.public_plans(engine)
    version = "-".join(f"{plan.id}.{plan.change_counter}" for plan in plans)
    rows = open_data.plan_rows(plans)
    return _cached(request, f"plans-{version}-{chosen}", lambda: _body(PLANS, rows, chosen, None, None))


def _dcat(request: Request, engine: Engine) -> Response:
    """The DCAT-AP.de catalogue of the public plans, addresses absolute from MPC_PUBLIC_URL (else this request's)."""
    chosen = _rdf_format(request)
    base = os.environ.get("MPC_PUBLIC_URL", "").strip().rstrip("/") or str(request.base_url).rstrip("/")
    plans = open_data.public_plans(engine)
    version = "-".join(f"{plan.id}.{plan.change_counter}" for plan in plans)

    def build() -> Response:
        media = dcat.JSON_LD_TYPE if chosen == dcat.JSON_LD else dcat.TURTLE_TYPE
        return Response(dcat.serialise(dcat.catalogue(engine, base), chosen), media_type=media,
                        headers={"Vary": "Accept"})
    return _cached(request, f"dcat-{version}-{chosen}-{base}", build)


def _rdf_format(request: Request) -> str:
    """Turtle unless ?format=jsonld, or no ?format and an Accept that asks for JSON-LD or JSON."""
    chosen = (request.query_params.get("format") or "").lower()
    if chosen in ("ttl", "turtle"):
        return dcat.TURTLE
    if chosen in ("jsonld", "json-ld"):
        return dcat.JSON_LD
    if chosen:
        raise ApiError(400, say("api.bad_rdf_format"))
    accept = request.headers.get("accept", "").lower()
    return dcat.JSON_LD if "application/ld+json" in accept or "application/json" in accept else dcat.TURTLE


def _dataset(request: Request, engine: Engine) -> Response:
    slug = request.path_params["plan"]
    try:
        plan = open_data.public_plan(engine, slug)
    except NotPublic:
        raise ApiError(404, say("api.no_plan", plan=slug[:80])) from None
    dataset = BY_NAME.get(request.path_params["dataset"])
    if dataset is None or not dataset.per_plan:
        raise ApiError(404, say("api.no_dataset", dataset=request.path_params["dataset"][:80],
                                names=", ".join(d.name for d in PLAN_DATASETS)))
    chosen, stand = _format(request), _stand(request)
    if request.query_params.get("stand"):  # a Stand before the plan's start would show every measure "geplant"
        start = queries.plan_start(engine, plan.id)
        if start is not None and stand < start:
            raise ApiError(400, say("api.before_plan", start=start))
    tag = f"{plan.id}-{plan.change_counter}-{dataset.name}-{chosen}-{stand.isoformat()}"

    def build() -> Response:
        as_of = open_data.data_stand(engine, plan, stand)
        return _body(dataset, open_data.rows(engine, plan, dataset, as_of), chosen, plan, stand, as_of)
    return _cached(request, tag, build)


# --- parameters and bodies ---------------------------------------------------------------------------

def today() -> dt.date:
    """Today in Europe/Berlin (the default Stand)."""
    return dt.datetime.now(LOCAL_TIME).date()


def _stand(request: Request) -> dt.date:
    raw = request.query_params.get("stand")
    if raw is None or raw == "":
        return today()
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        stand = dt.date.fromisoformat(raw)
    except ValueError:
        raise ApiError(400, say("api.bad_stand")) from None
    if stand > today():
        raise ApiError(400, say("api.bad_stand"))
    return stand


def _format(request: Request) -> str:
    chosen = (request.query_params.get("format") or "json").lower()
    if chosen not in ("json", "csv"):
        raise ApiError(400, say("api.bad_format"))
    return chosen


def _cached(request: Request, version: str, build: Callable[[], Response]) -> Response:
    """A response with an ETag of the version (the plan's change counter and what was asked); 304 when the
    client already holds it."""
    etag = '"' + hashlib.sha256(f"v1|{version}".encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}"}
    asked = [tag.strip().removeprefix("W/") for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in asked or "*" in asked:
        return Response(status_code=304, headers=headers)
    response = ANSWERS.answer(etag, build, takes_gzip(request))
    response.headers.update(headers)
    return response


def _body(dataset: Dataset, rows: list[dict[str, Any]], chosen: str, plan: PublicPlan | None,
          stand: dt.date | None, as_of: dt.date | None = None) -> Response:
    if chosen == "csv":
        name = "-".join(part for part in (plan.slug if plan else "", dataset.name,
                                          stand.isoformat() if stand else "") if part)
        return Response(csv_bytes(dataset.field_names, ([row[name] for name in dataset.field_names] for row in rows)),
                        media_type=CSV_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    body: dict[str, Any] = {"datensatz": dataset.name}
    if plan is not None:
        body["plan"] = plan.slug
        body["lizenz"] = {"kennung": plan.licence, "name": plan.licence_name, "url": plan.licence_url}
    body["stand"] = (stand or today()).isoformat()
    if as_of is not None:
        body["datenstand"] = as_of.isoformat()
    body["anzahl"] = len(rows)
    body["daten"] = rows
    return _json_response(body)


def _json_response(body: dict[str, Any]) -> Response:
    return Response(json.dumps(body, ensure_ascii=False, default=_plain).encode("utf-8"), media_type=JSON_TYPE)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)
