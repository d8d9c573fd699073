"""The words of the core's own rooms outside the commands (sign-in, plan settings) in German and English.

`say(key, **params)` makes a models.texts.Message: German as a str, `.render(lang)` for the screen.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    # sign-in (models.auth)
    "sign_in.wrong": {"de": "E-Mail-Adresse oder Passwort ist falsch.", "en": "E-mail address or password is wrong."},
    "sign_in.locked": {"de": "Zu viele Fehlversuche: Die Anmeldung ist für {minutes} Minuten gesperrt. "
                             "Bitte warten Sie.",
                       "en": "Too many failed attempts: signing in is locked for {minutes} minutes. Please wait."},
    "sign_in.locked_client": {"de": "Zu viele Fehlversuche von Ihrem Anschluss: Die Anmeldung ist für {minutes} "
                                    "Minuten gesperrt. Bitte warten Sie.",
                              "en": "Too many failed attempts from your connection: signing in is locked for "
                                    "{minutes} minutes. Please wait."},
    "sign_in.no_subject": {"de": "Die Anmeldung hat keine Kennung (sub) geliefert.",
                           "en": "The sign-in did not supply an identifier (sub)."},
    "sign_in.deactivated": {"de": "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.",
                            "en": "This account is deactivated. Please contact the administration."},
    "sign_in.last_admin": {"de": "Ihr Konto ist das letzte aktive Konto mit der Rolle „admin“, der "
                                 "Identitätsanbieter nennt diese Rolle aber nicht mehr. Bitte lassen Sie die Rolle "
                                 "dort wieder eintragen oder zuerst eine weitere Administration benennen.",
                           "en": "Your account is the last active account with the role “admin”, but the identity "
                                 "provider no longer names this role. Please have the role entered there again or "
                                 "first appoint another administrator."},
    "sign_in.password_account": {"de": "Für diese E-Mail-Adresse gibt es ein Konto mit Passwort und einer anderen "
                                       "Rolle. Bitte melden Sie sich mit E-Mail-Adresse und Passwort an, oder bitten "
                                       "Sie die Administration, die Rollen anzugleichen.",
                                 "en": "There is an account with a password and a different role for this e-mail "
                                       "address. Please sign in with e-mail address and password, or ask the "
                                       "administration to align the roles."},
    "sign_in.not_linked": {"de": "Für diese E-Mail-Adresse gibt es schon ein Konto, das nicht mit Ihrer Anmeldung "
                                 "beim Identitätsanbieter verknüpft ist. Bitte wenden Sie sich an die Administration.",
                           "en": "There is already an account for this e-mail address that is not linked to your "
                                 "sign-in at the identity provider. Please contact the administration."},
    # accounts (models.auth.validate_account)
    "account.name": {"de": "Bitte geben Sie einen Namen mit höchstens {limit} Zeichen an.",
                     "en": "Please enter a name of at most {limit} characters."},
    "account.email": {"de": "Bitte geben Sie eine gültige E-Mail-Adresse an.",
                      "en": "Please enter a valid e-mail address."},
    "account.role": {"de": "Bitte wählen Sie eine gültige Rolle (viewer, editor, admin).",
                     "en": "Please choose a valid role (viewer, editor, admin)."},
    "account.password": {"de": "Das Passwort muss mindestens {length} Zeichen lang sein.",
                         "en": "The password must be at least {length} characters long."},
    "account.password_long": {"de": "Das Passwort darf höchstens {length} Zeichen lang sein.",
                              "en": "The password may be at most {length} characters long."},
    "account.password_common": {"de": "Dieses Passwort gehört zu den häufigsten Passwörtern und ist leicht zu "
                                      "erraten. Bitte wählen Sie ein anderes, zum Beispiel einen Satz aus mehreren "
                                      "Wörtern.",
                                "en": "This password is one of the most common passwords and easy to guess. Please "
                                      "choose another one, for example a sentence of several words."},
    "account.password_personal": {"de": "Das Passwort darf nicht Ihr Name oder Ihre E-Mail-Adresse sein.",
                                  "en": "The password must not be your name or your e-mail address."},
    # passwords (models.commands.passwords)
    "password.not_signed_in": {"de": "Bitte melden Sie sich an, um Ihr Passwort zu ändern.",
                               "en": "Please sign in to change your password."},
    "password.no_local": {"de": "Ihr Konto hat kein Passwort: Sie melden sich über das Dienstkonto an.",
                          "en": "Your account has no password: you sign in with your work account."},
    "password.old_wrong": {"de": "Das bisherige Passwort stimmt nicht.", "en": "The current password is wrong."},
    "password.too_many": {"de": "Zu viele Versuche, das Passwort zu ändern. Bitte warten Sie {minutes} Minuten.",
                          "en": "Too many attempts to change the password. Please wait {minutes} minutes."},
    "password.same": {"de": "Das neue Passwort ist dasselbe wie das bisherige. Bitte wählen Sie ein anderes.",
                      "en": "The new password is the same as the current one. Please choose another one."},
    "password.mismatch": {"de": "Die beiden neuen Passwörter stimmen nicht überein.",
                          "en": "The two new passwords do not match."},
    "password.not_changed": {"de": "Das Passwort wurde nicht geändert. Bitte prüfen Sie die markierten Angaben.",
                             "en": "The password was not changed. Please check the marked entries."},
    "password.account_gone": {"de": "Dieses Konto gibt es nicht (mehr).", "en": "This account does not exist (any more)."},
    "password.account_inactive": {"de": "Dieses Konto ist deaktiviert. Bitte aktivieren Sie es zuerst.",
                                  "en": "This account is deactivated. Please activate it first."},
    "password.link_invalid": {"de": "Dieser Link gilt nicht (mehr): Er ist abgelaufen, wurde schon benutzt oder "
                                    "durch einen neueren ersetzt. Es wurde nichts geändert. Bitte fordern Sie einen "
                                    "neuen Link an.",
                              "en": "This link is not valid (any more): it has expired, was already used or was "
                                    "replaced by a newer one. Nothing was changed. Please ask for a new link."},
    # plan settings (models.settings)
    "setting.district_key": {"de": "Bitte geben Sie den Amtlichen Gemeindeschlüssel mit 2, 3, 5 oder 8 Ziffern "
                                   "an (z. B. 06432) oder lassen Sie das Feld leer.",
                             "en": "Please enter the official municipality key with 2, 3, 5 or 8 digits (e.g. 06432) "
                                   "or leave the field empty."},
    "setting.contributor_id": {"de": "Bitte geben Sie eine Adresse aus dem DCAT-AP.de-Verzeichnis der "
                                     "Datenbereitsteller an (beginnend mit http://dcat-ap.de/def/contributors/) "
                                     "oder lassen Sie das Feld leer.",
                               "en": "Please enter an address from the DCAT-AP.de list of contributors (starting "
                                     "with http://dcat-ap.de/def/contributors/) or leave the field empty."},
    "setting.licence": {"de": "Bitte wählen Sie eine der angebotenen Lizenzen für die offenen Daten.",
                        "en": "Please choose one of the licences offered for the open data."},
    "setting.public_view": {"de": "Bitte wählen Sie, ob die öffentliche Ansicht an oder aus ist.",
                            "en": "Please choose whether the public view is on or off."},
    "setting.release_required": {"de": "Bitte wählen Sie, ob Sachstände freigegeben werden müssen.",
                                 "en": "Please choose whether status reports must be released."},
    "setting.confidentiality_threshold": {"de": "Die Schwelle für kleine Fallzahlen muss eine ganze Zahl von 0 bis "
                                                "100 sein.",
                                          "en": "The threshold for small counts must be a whole number from 0 to "
                                                "100."},
    "setting.green_tolerance": {"de": "Die Toleranz der Ampel muss eine ganze Zahl von 0 bis 100 Prozentpunkten sein.",
                                "en": "The traffic-light tolerance must be a whole number from 0 to 100 percentage "
                                      "points."},
    "setting.stale_after_days": {"de": "„Veraltet nach“ muss eine ganze Zahl von 1 bis 3.650 Tagen sein.",
                                 "en": "“Outdated after” must be a whole number from 1 to 3,650 days."},
    "setting.red_share": {"de": "Die Schwelle für Rot muss eine ganze Zahl von 1 bis 100 Prozent sein.",
                          "en": "The threshold for red must be a whole number from 1 to 100 percent."},
    "setting.yellow_share": {"de": "Die Schwelle für Gelb muss eine ganze Zahl von 1 bis 100 Prozent sein.",
                             "en": "The threshold for yellow must be a whole number from 1 to 100 percent."},
    "setting.round_lead_days": {"de": "Die Vorlaufzeit einer Berichtsrunde muss eine ganze Zahl von 0 bis 90 Tagen "
                                      "sein.",
                                "en": "The lead time of a reporting round must be a whole number from 0 to 90 days."},
    "setting.reminder_days": {"de": "Die Erinnerung vor der Frist muss eine ganze Zahl von 1 bis 60 Tagen sein.",
                              "en": "The reminder before the deadline must be a whole number from 1 to 60 days."},
    "setting.unknown": {"de": "Diese Einstellung gibt es nicht.", "en": "This setting does not exist."},
    # database configuration (models.db)
    "db.secrets": {"de": "Die Datei {path} ist kein gültiges TOML. Einzelheiten stehen im Protokoll des Servers.",
                   "en": "The file {path} is not valid TOML. The server log has the details."},
    "db.url": {"de": "Die Datenbank-Adresse (DATABASE_URL) ist ungültig. Beispiel: sqlite:///data/masterplan.db "
                     "oder postgresql+psycopg://benutzer@host:5432/datenbank. Einzelheiten stehen im Protokoll des "
                     "Servers.",
               "en": "The database address (DATABASE_URL) is invalid. Example: sqlite:///data/masterplan.db or "
                     "postgresql+psycopg://user@host:5432/database. The server log has the details."},
    "db.backend": {"de": "Datenbank {backend} wird nicht unterstützt: bitte SQLite oder PostgreSQL verwenden.",
                   "en": "Database {backend} is not supported: please use SQLite or PostgreSQL."},
}

say = Wording(WORDS)
