"""Strings of partner links: the Berichtsrunde's panel (ui/partner_links.py) and the partner page
(pages/partner-bericht.py, ui/partner_report.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.partner_report": {"de": "Sachstand melden (Partner-Link)", "en": "Report status (partner link)"},
        # the Berichtsrunde's panel (admins)
        "partner_links.title": {"de": "Partner-Links", "en": "Partner links"},
        "partner_links.intro": {
            "de": "Für Organisationen ohne eigenes Konto (etwa ein Träger oder eine Ehrenamtsgruppe): ein "
                  "persönlicher Link zum Formular, nur für die Maßnahmen dieser Organisation in dieser Runde, gültig "
                  "bis zum Ende der Frist ({deadline}). Ein neuer Link ersetzt den bisherigen der Organisation.",
            "en": "For organisations without an account of their own (such as a provider or a volunteer group): a "
                  "personal link to the form, only for that organisation's measures in this round, valid until the "
                  "end of the deadline ({deadline}). A new link replaces the organisation's previous one.",
        },
        "partner_links.none_owed": {"de": "In dieser Runde schuldet keine Organisation einen Sachstand.",
                                    "en": "No organisation owes a report in this round."},
        "partner_links.no_accounts": {"de": "kein Konto: Partner-Link empfohlen",
                                      "en": "no account: partner link recommended"},
        "partner_links.accounts": {"de": "{count} Konten mit E-Mail", "en": "{count} accounts with e-mail"},
        "partner_links.account": {"de": "1 Konto mit E-Mail", "en": "1 account with e-mail"},
        "partner_links.owes": {"de": "{count} offene Sachstände", "en": "{count} reports owed"},
        "partner_links.owes_one": {"de": "1 offener Sachstand", "en": "1 report owed"},
        "partner_links.create": {"de": "Partner-Link erstellen", "en": "Create partner link"},
        "partner_links.renew": {"de": "Neuen Partner-Link erstellen", "en": "Create new partner link"},
        "partner_links.renew_help": {"de": "Der bisherige Link dieser Organisation gilt dann nicht mehr.",
                                     "en": "The organisation's previous link then stops working."},
        "partner_links.created": {"de": "Der Partner-Link für {organisation} ist erstellt.",
                                  "en": "The partner link for {organisation} has been created."},
        "partner_links.shown_once": {
            "de": "Der Link für **{organisation}** (gültig bis {until}). Kopieren Sie ihn jetzt und schicken Sie ihn "
                  "der Organisation: Er wird nur dieses eine Mal angezeigt.",
            "en": "The link for **{organisation}** (valid until {until}). Copy it now and send it to the "
                  "organisation: it is shown only this once.",
        },
        "partner_links.list": {"de": "Erstellte Links", "en": "Links created"},
        "partner_links.state.valid": {"de": "gültig bis {date} (Ende des Tages)", "en": "valid until {date} (end of day)"},
        "partner_links.state.expired": {"de": "abgelaufen am {date}", "en": "expired on {date}"},
        "partner_links.state.revoked": {"de": "widerrufen am {date} von {by}", "en": "revoked on {date} by {by}"},
        "partner_links.state.replaced": {"de": "ersetzt durch einen neueren Link am {date}",
                                         "en": "replaced by a newer link on {date}"},
        "partner_links.used": {"de": "zuletzt benutzt am {date}, {count}-mal insgesamt",
                               "en": "last used on {date}, {count} times in all"},
        "partner_links.unused": {"de": "noch nicht benutzt", "en": "not used yet"},
        "partner_links.created_by": {"de": "erstellt am {date} von {by}", "en": "created on {date} by {by}"},
        "partner_links.revoke": {"de": "Widerrufen", "en": "Revoke"},
        "partner_links.revoked": {"de": "Der Partner-Link für {organisation} ist widerrufen; er gilt ab sofort nicht "
                                        "mehr.",
                                  "en": "The partner link for {organisation} is revoked; it stops working at once."},
        # the partner page (no sign-in)
        "partner.title": {"de": "Sachstand melden für {organisation}", "en": "Report status for {organisation}"},
        "partner.intro": {
            "de": "{plan}: Bitte melden Sie bis zum **{deadline}** den Sachstand der Maßnahmen Ihrer Organisation "
                  "für die Sitzung am {meeting}. Dieser persönliche Link gilt nur für diese Maßnahmen und nur bis zum "
                  "Ende der Frist; bitte geben Sie ihn nicht weiter.",
            "en": "{plan}: please report the state of your organisation's measures by **{deadline}** for the meeting "
                  "on {meeting}. This personal link works only for these measures and only until the deadline; "
                  "please do not pass it on.",
        },
        "partner.all_done": {"de": "Für diese Runde sind alle Sachstände Ihrer Organisation gemeldet. Vielen Dank!",
                             "en": "All of your organisation's reports for this round are in. Thank you!"},
        "partner.no_link": {"de": "Diese Seite öffnet sich nur mit dem persönlichen Link aus Ihrer E-Mail. Bitte "
                                  "öffnen Sie den Link aus der E-Mail der Geschäftsstelle des Masterplans.",
                            "en": "This page opens only with the personal link from your e-mail. Please open the "
                                  "link from the Masterplan office's e-mail."},
        "partner.reported": {"de": "Bereits gemeldet in dieser Runde: {codes}", "en": "Already reported in this round: {codes}"},
    }
)
