"""Pflege of organisations: create and change (hiding and showing again is in structure). Organisations are
shared by all plans, so each write refreshes every plan's cached reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.auth import EMAIL_PATTERN
from models.commands.base import save_changes, save_new
from models.commands.checks import Checks, checked_values, require_admin, row_of
from models.commands.wording import say
from models.rules import NAME_MAX, SHORT_MAX
from models.schema import Organisation


def _organisation_values(checks: Checks, session: Session, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    name = checks.text("name", raw.get("name"), "Name", NAME_MAX, required=True)
    if checks.ok("name"):
        clash = select(Organisation.id).where(func.lower(Organisation.name) == name.lower())
        if exclude_id is not None:
            clash = clash.where(Organisation.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("name", say("organisation.taken", name=name))
    return {
        "name": name,
        "short_name": checks.text("short_name", raw.get("short_name"), "Kurzname", SHORT_MAX),
        "kind": checks.text("kind", raw.get("kind", "Sonstige"), "Art", SHORT_MAX, required=True),
        "contact_email": _contact(checks, raw.get("contact_email")),
    }


def _contact(checks: Checks, raw: Any) -> str | None:
    """The organisation's functional address (optional): the escalation of a reporting round goes there."""
    address = checks.text("contact_email", raw, "Kontaktadresse (E-Mail)", 254)
    if address and not EMAIL_PATTERN.match(address):
        checks.fail("contact_email", say("organisation.contact_email"))
    return address or None


def create_organisation(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> Organisation:
    """A new organisation (name, short_name, kind); organisations are shared by all plans."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _organisation_values(checks, session, raw))
    return save_new(session, actor, plan_id, "organisation", Organisation(**values), values, every_plan=True)


def update_organisation(session: Session, actor: Actor, plan_id: int, organisation_id: int, *,
                        expected_counter: int, **raw: Any) -> Organisation:
    require_admin(actor)
    row = row_of(session, "organisation", plan_id, organisation_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _organisation_values(checks, session, raw, row.id))
    return save_changes(session, actor, plan_id, "organisation", row, values, every_plan=True)


