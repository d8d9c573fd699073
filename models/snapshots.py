"""Meeting snapshots: the presentation frozen "Stand zur Sitzung am ...", shown again exactly as stored.

A snapshot holds two decks (models.slides): "full" for signed-in users and "public" (released reports
only) for the public view, so an anonymous visitor never sees a report that awaited release when the
snapshot was taken. Reads only: freezing and deleting are commands (models.commands.meetings).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from models.queries import frame_of
from models.schema import MeetingSnapshot

FULL, PUBLIC = "full", "public"
# Figures compared "then vs. now" (keys of models.slides.key_figures; lights are per colour).
COMPARED_FIGURES = ("measures", "progress", "completed", "overdue", "at_risk", "stale")


# --- queries ---------------------------------------------------------------------------------------

def snapshots(engine: Engine, plan_id: int) -> pd.DataFrame:
    """The plan's frozen meeting views, newest meeting first (without their content)."""
    return frame_of(
        engine,
        select(MeetingSnapshot.id.label("snapshot_id"), MeetingSnapshot.meeting_id, MeetingSnapshot.meeting_date,
               MeetingSnapshot.title, MeetingSnapshot.as_of, MeetingSnapshot.created_at, MeetingSnapshot.created_by)
        .where(MeetingSnapshot.plan_id == plan_id)
        .order_by(MeetingSnapshot.meeting_date.desc()),
    )


def snapshot_deck(engine: Engine, plan_id: int, snapshot_id: int, public: bool) -> dict | None:
    """The stored deck of a snapshot, exactly as stored (public: the released-only deck)."""
    with engine.connect() as connection:
        content = connection.execute(
            select(MeetingSnapshot.content).where(MeetingSnapshot.id == snapshot_id,
                                                  MeetingSnapshot.plan_id == plan_id)
        ).scalar_one_or_none()
    if content is None:
        return None
    return content[PUBLIC if public else FULL]


def compare(then: dict, now: dict) -> dict:
    """A slide of key figures and each Leitziel's progress then (a snapshot's deck) and now (a fresh deck)."""
    figures = [{"key": key, "then": then["figures"].get(key), "now": now["figures"].get(key)}
               for key in COMPARED_FIGURES]
    figures += [{"key": f"light.{light}", "then": then["figures"]["lights"].get(light),
                 "now": now["figures"]["lights"].get(light)} for light in now["figures"]["lights"]]
    goals_then = {slide["code"]: slide for slide in then["slides"] if slide["kind"] == "guiding_goal"}
    goals_now = {slide["code"]: slide for slide in now["slides"] if slide["kind"] == "guiding_goal"}
    codes = list(goals_then) + [code for code in goals_now if code not in goals_then]
    goals = [
        {"code": code, "title": (goals_now.get(code) or goals_then[code])["title"],
         "then": goals_then[code]["progress"] if code in goals_then else None,
         "now": goals_now[code]["progress"] if code in goals_now else None}
        for code in codes
    ]
    return {"kind": "comparison", "then_as_of": then["as_of"], "now_as_of": now["as_of"], "figures": figures,
            "goals": goals}
