"""Embeds for the district's website: the widgets' addresses and the origins allowed to frame them.

The widgets are small HTML pages served beside the app (web/embeds.py) under EMBED_PREFIX, one stable address
per widget: a measure card, a Leitziel's progress, an indicator chart and the plan's headline figures. They show
the same public rows as the read API (models.open_data: public plans only, released reports, small counts
suppressed).

Which sites may show them in a frame is MPC_EMBED_ORIGINS (origins separated by spaces or commas, e.g.
"https://www.ladadi.de https://ladadi.de"). An environment variable, not a plan setting: the header is the
server's answer for every plan, the origins belong to the deployment (like MPC_PUBLIC_URL and the proxy's
headers), and an operator sets it once beside them. An origin that is not a plain http(s) origin makes the
whole setting void (a German message in the log at start and on the page Offene Daten): only the cockpit itself
may then frame the widgets.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import Engine, select

from models.schema import GuidingGoal, Indicator, Measure

EMBED_PREFIX = "/einbetten/v1"
ORIGINS_ENV = "MPC_EMBED_ORIGINS"
# The widgets, by their name in the address, with the page of the app the source link leads to.
MEASURE, GOAL, INDICATOR, HEADLINES = "massnahme", "leitziel", "kennzahl", "ueberblick"
APP_PAGES = {MEASURE: "massnahmen", GOAL: "leitziele", INDICATOR: "kennzahlen", HEADLINES: "uebersicht"}
HEIGHT_MESSAGE = "masterplan-cockpit:height"

_ORIGIN = re.compile(r"^https?://([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
                     r"(:[0-9]{1,5})?$")


@dataclass(frozen=True)
class Origins:
    allowed: tuple[str, ...]  # empty when none is set or the setting is void
    bad: tuple[str, ...]  # the entries that are no origin (then allowed is empty)


def parse_origins(raw: str | None) -> Origins:
    """The origins of a setting: each scheme://host[:port] with http or https, no path, no wildcard. Any bad
    entry voids the whole setting (nothing half applied)."""
    entries = [entry for entry in re.split(r"[\s,]+", raw or "") if entry]
    bad = tuple(entry for entry in entries if not _ORIGIN.match(entry.lower().rstrip("/"))
                or int(entry.rsplit(":", 1)[1] if entry.count(":") == 2 else 1) > 65535)
    if bad:
        return Origins((), bad)
    unique = dict.fromkeys(entry.lower().rstrip("/") for entry in entries)
    return Origins(tuple(unique), ())


def configured_origins() -> Origins:
    return parse_origins(os.environ.get(ORIGINS_ENV))


def frame_ancestors(origins: Origins) -> str:
    return " ".join(("frame-ancestors", "'self'", *origins.allowed))


def embed_path(slug: str, widget: str, code: str | None = None) -> str:
    """The widget's stable address (path): /einbetten/v1/<plan>/<widget>[/<code>]."""
    path = f"{EMBED_PREFIX}/{quote(slug, safe='')}/{widget}"
    return f"{path}/{quote(code, safe='')}" if code is not None else path


def app_link(base: str, slug: str, widget: str) -> str:
    """The page in the app a widget's source link leads to."""
    return f"{base}/{APP_PAGES[widget]}?plan={quote(slug, safe='')}"


def iframe_snippet(url: str, title: str) -> str:
    """The iframe for the district's page (its height set by the listener in the README)."""
    return (f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" loading="lazy" '
            f'style="width:100%;border:0;height:12rem"></iframe>')


def example_codes(engine: Engine, plan_id: int) -> dict[str, str | None]:
    """A code per widget that has one (the plan's first measure, Leitziel and indicator), for the examples on the
    page Offene Daten."""
    with engine.connect() as connection:
        return {widget: connection.execute(select(model.code).where(model.plan_id == plan_id)
                                           .order_by(model.id).limit(1)).scalar_one_or_none()
                for widget, model in ((MEASURE, Measure), (GOAL, GuidingGoal), (INDICATOR, Indicator))}


# The listener for the district's page (README, page Offene Daten): sets each embed's frame to the height it posts.
LISTENER = """<script>
addEventListener("message", function (event) {
  if (event.origin !== "{origin}" || !event.data || event.data.type !== "masterplan-cockpit:height") return;
  document.querySelectorAll("iframe").forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
  });
});
</script>"""


def listener(origin: str) -> str:
    return LISTENER.replace("{origin}", origin)
