"""Who writes: a signed-in staff member, a partner link's visitor, or the system itself (seeding, command line)."""

from __future__ import annotations

from dataclasses import dataclass

from models.rules import clean_text
from models.schema import User


@dataclass(frozen=True)
class Actor:
    """Who writes. `sign_in_key` names the server-side sign-in session the actor came from (none for the
    system and the command line): a write re-checks that session as well as the account."""

    name: str
    role: str
    user_id: int | None = None
    organisation_id: int | None = None
    sign_in_key: str | None = None
    # A partner link's visitor (role "partner", no account): a write re-checks that the link still works.
    partner_link_id: int | None = None

    def __post_init__(self) -> None:
        # the name is stored with every write (audit, author), also when it comes from an IdP's claims
        object.__setattr__(self, "name", clean_text(self.name))


SYSTEM = Actor(name="System", role="admin")


def actor_of(user: User, sign_in_key: str | None = None) -> Actor:
    return Actor(name=user.name, role=user.role, user_id=user.id, organisation_id=user.organisation_id,
                 sign_in_key=sign_in_key)
