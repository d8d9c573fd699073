"""The sign-in's two HTTP steps: the hand-over that puts a local sign-in into an HttpOnly cookie (so it
survives reloads and new tabs), and the sign-out that ends the cookie's session and clears the cookie.

The password is checked in the app (ui.shell.auth.sign_in_locally, with its throttling); the app then sends the
browser here with a one-time ticket (models.sign_in_cookie). Both routes answer only navigations from this
site (Sec-Fetch-Site), always redirect (303) to a relative path of this site, and show no error page: a
refused step lands on the sign-in page, which explains nothing about why (no secret, no path).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlencode

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from models.sign_in_cookie import (
    COOKIE_NAME,
    HAND_OVER_PATH,
    SIGN_IN_PAGE,
    SIGN_OUT_PATH,
    cookie_value,
    digest_from_ticket,
    return_target,
    token_from_cookie,
)
from models.sign_in_sessions import configured_limits, end_session, hand_over
from web.database import app_engine

# A navigation the browser marks as coming from elsewhere is refused; "none" is an address typed or a bookmark.
ACCEPTED_FETCH_SITES = ("same-origin", "none")
_log = logging.getLogger(__name__)


def routes(cookie_secret: str, engine: Callable[[], Engine] | None = None) -> list[Route]:
    """The sign-in routes, signing with COOKIE_SECRET (the server's cookie secret, the same in every process),
    on the app's database (ENGINE, by default the one DATABASE_URL names)."""
    engine = engine or app_engine

    def hand_over_endpoint(request: Request) -> Response:
        return _hand_over(request, cookie_secret, engine())

    def sign_out_endpoint(request: Request) -> Response:
        return _sign_out(request, cookie_secret, engine())

    return [Route(HAND_OVER_PATH, hand_over_endpoint, methods=["GET"]),
            Route(SIGN_OUT_PATH, sign_out_endpoint, methods=["GET"])]


def _hand_over(request: Request, secret: str, engine: Engine) -> Response:
    target = return_target(request.query_params.get("weiter"))
    digest = digest_from_ticket(request.query_params.get("ticket"), secret) if _from_this_site(request) else None
    token = None
    if digest is not None:
        with Session(engine) as session, session.begin():
            token = hand_over(session, digest, configured_limits())
    if token is None:
        _log.info("A sign-in hand-over was refused (ticket missing, forged, expired, used or cross-site).")
        return _redirect(f"{SIGN_IN_PAGE}?{urlencode({'weiter': target})}")
    response = _redirect(target)
    response.set_cookie(COOKIE_NAME, cookie_value(token, secret), max_age=_max_age(), path="/",
                        secure=_secure(request), httponly=True, samesite="lax")
    return response


def _sign_out(request: Request, secret: str, engine: Engine) -> Response:
    if _from_this_site(request):
        token = token_from_cookie(request.cookies.get(COOKIE_NAME), secret)
        if token is not None:
            with Session(engine) as session, session.begin():
                end_session(session, token)
    response = _redirect(return_target(request.query_params.get("weiter")))
    response.delete_cookie(COOKIE_NAME, path="/", secure=_secure(request), httponly=True, samesite="lax")
    return response


def _from_this_site(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    return site is None or site in ACCEPTED_FETCH_SITES


def _secure(request: Request) -> bool:
    """Secure when the browser talks HTTPS: to this server, or to the proxy in front of it (which also marks
    the app's cookies Secure itself, deploy/nginx.conf)."""
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


def _max_age() -> int:
    return int(configured_limits().lifetime.total_seconds())


def _redirect(location: str) -> RedirectResponse:
    response = RedirectResponse(location, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    return response
