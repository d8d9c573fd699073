"""The words of partner links (models/partner_links.py, models/commands/partner_links.py): refusals and the
German message a visitor reads when a link does not work, with how to get a new one."""

from __future__ import annotations

from models.texts import Wording

_NEW_DE = ("Einen neuen Link erhalten Sie von der Geschäftsstelle des Masterplans (bitte antworten Sie auf die "
           "E-Mail, mit der Sie den Link bekommen haben).")
_NEW_EN = "The office of the Masterplan gives you a new link (please reply to the e-mail that brought you the link)."

WORDS: dict[str, dict[str, str]] = {
    "partner.link_unknown": {"de": "Dieser Link ist nicht gültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der "
                                   f"E-Mail übernommen haben. {_NEW_DE}",
                             "en": f"This link is not valid. Please check that you copied it completely. {_NEW_EN}"},
    "partner.link_expired": {"de": f"Dieser Link ist abgelaufen: Die Frist der Berichtsrunde endete am {{deadline}}. "
                                   f"{_NEW_DE}",
                             "en": f"This link has expired: the reporting round's deadline was {{deadline}}. {_NEW_EN}"},
    "partner.link_revoked": {"de": f"Dieser Link wurde von der Geschäftsstelle widerrufen und gilt nicht mehr. {_NEW_DE}",
                             "en": f"This link was revoked by the office and no longer works. {_NEW_EN}"},
    "partner.link_replaced": {"de": "Dieser Link gilt nicht mehr: Für Ihre Organisation wurde ein neuerer Link "
                                    f"erstellt. Bitte verwenden Sie den neuesten Link. {_NEW_DE}",
                              "en": "This link no longer works: a newer link was made for your organisation. Please "
                                    f"use the newest link. {_NEW_EN}"},
    "partner.link_closed": {"de": f"Die Berichtsrunde zu diesem Link ist beendet; der Link gilt nicht mehr. {_NEW_DE}",
                            "en": f"The reporting round of this link has ended; the link no longer works. {_NEW_EN}"},
    "partner.too_many": {"de": "Von Ihrem Anschluss wurden zu viele ungültige Links geöffnet. Bitte warten Sie "
                               "{minutes} Minuten und öffnen Sie dann den Link aus Ihrer E-Mail erneut.",
                         "en": "Too many invalid links were opened from your connection. Please wait {minutes} "
                               "minutes, then open the link from your e-mail again."},
    "partner.admins_only": {"de": "Nur die Administration darf Partner-Links erstellen oder widerrufen.",
                            "en": "Only administrators may create or revoke partner links."},
    "partner.round_gone": {"de": "Diese Berichtsrunde gibt es nicht (mehr).",
                           "en": "This reporting round does not exist (any more)."},
    "partner.round_closed": {"de": "Diese Berichtsrunde ist beendet; dafür gibt es keine Partner-Links mehr.",
                             "en": "This reporting round has ended; it takes no more partner links."},
    "partner.round_over": {"de": "Die Frist dieser Berichtsrunde ist vorbei (am {deadline}); ein Partner-Link wäre "
                                 "sofort abgelaufen.",
                           "en": "This reporting round's deadline has passed ({deadline}); a partner link would "
                                 "expire at once."},
    "partner.organisation_gone": {"de": "Diese Organisation gibt es nicht (mehr) oder sie ist ausgeblendet.",
                                  "en": "This organisation does not exist (any more) or is hidden."},
    "partner.link_gone": {"de": "Diesen Partner-Link gibt es nicht (mehr).",
                          "en": "This partner link does not exist (any more)."},
    "partner.not_in_scope": {"de": "Über diesen Link können Sie nur Sachstände zu Maßnahmen Ihrer Organisation in "
                                   "dieser Berichtsrunde melden.",
                             "en": "With this link you can report only on your organisation's measures in this "
                                   "reporting round."},
    "partner.link_ended": {"de": "Ihr Link gilt nicht mehr (abgelaufen oder widerrufen). Es wurde nichts gespeichert; "
                                 f"Ihre Eingaben stehen unten zum Kopieren. {_NEW_DE}",
                           "en": "Your link no longer works (expired or revoked). Nothing was saved; what you typed is "
                                 f"below to copy. {_NEW_EN}"},
}

say = Wording(WORDS)
