"""Strings of the password pages: changing one's own (Mein Konto), the one-time link's page, "Passwort
vergessen" on the sign-in page, and the admin's links in Pflege > Konten."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.set_password": {"de": "Passwort setzen", "en": "Set password"},
        "password.rules": {
            "de": "Mindestens 12 Zeichen; keines der häufigsten Passwörter, nicht Ihr Name oder Ihre E-Mail-Adresse. "
                  "Gut zu merken ist ein Satz aus mehreren Wörtern.",
            "en": "At least 12 characters; none of the most common passwords, not your name or e-mail address. "
                  "A sentence of several words is easy to remember.",
        },
        "password.old": {"de": "Bisheriges Passwort", "en": "Current password"},
        "password.new": {"de": "Neues Passwort", "en": "New password"},
        "password.repeat": {"de": "Neues Passwort wiederholen", "en": "Repeat the new password"},
        "password.change.title": {"de": "Passwort ändern", "en": "Change password"},
        "password.change.submit": {"de": "Passwort ändern", "en": "Change password"},
        "password.change.done": {
            "de": "Ihr Passwort ist geändert. Anmeldungen mit Ihrem Konto in anderen Browsern sind beendet.",
            "en": "Your password has been changed. Sign-ins with your account in other browsers have ended.",
        },
        "password.change.oidc": {
            "de": "Ihr Passwort verwalten Sie beim Dienstkonto (Identitätsanbieter), nicht hier.",
            "en": "You manage your password with your work account (identity provider), not here.",
        },
        "password.set.intro": {
            "de": "Hier setzen Sie das Passwort für das Konto **{name}** ({email}). Der Link gilt nur einmal.",
            "en": "Here you set the password for the account **{name}** ({email}). The link works only once.",
        },
        "password.set.submit": {"de": "Passwort setzen und anmelden", "en": "Set password and sign in"},
        "password.set.submit_signed_in": {"de": "Passwort setzen", "en": "Set password"},
        "password.set.done": {
            "de": "Das Passwort ist gesetzt. Die Person kann sich jetzt mit ihrer E-Mail-Adresse und dem neuen "
                  "Passwort anmelden.",
            "en": "The password is set. The person can now sign in with their e-mail address and the new password.",
        },
        "password.set.signed_in": {
            "de": "Ihr Passwort ist gesetzt, und Sie sind angemeldet. Die Startseite öffnet sich.",
            "en": "Your password is set and you are signed in. The start page opens.",
        },
        "password.set.no_link": {
            "de": "Diese Seite öffnen Sie über einen Link zum Setzen des Passworts, den Sie von der Administration "
                  "oder per E-Mail bekommen haben. Dieser Adresse fehlt der Link-Schlüssel.",
            "en": "You open this page through a set-password link from the administrators or an e-mail. This "
                  "address lacks the link's key.",
        },
        "password.set.to_sign_in": {"de": "Zur Anmeldung", "en": "To the sign-in"},
        "password.forgot.title": {"de": "Passwort vergessen?", "en": "Forgot your password?"},
        "password.forgot.intro": {
            "de": "Geben Sie die E-Mail-Adresse Ihres Kontos an. Sie bekommen dann einen Link, mit dem Sie ein neues "
                  "Passwort setzen.",
            "en": "Enter your account's e-mail address. You will get a link to set a new password.",
        },
        "password.forgot.email": {"de": "Adresse Ihres Kontos (E-Mail)", "en": "Your account's address (e-mail)"},
        "password.forgot.submit": {"de": "Link anfordern", "en": "Request a link"},
        "password.forgot.sent": {
            "de": "Wenn es zu dieser Adresse ein Konto gibt, ist eine E-Mail mit einem Link unterwegs. Bitte sehen Sie "
                  "auch im Spam-Ordner nach. Der Link gilt {hours} Stunden.",
            "en": "If there is an account for this address, an e-mail with a link is on its way. Please also check "
                  "your spam folder. The link works for {hours} hours.",
        },
        "password.forgot.no_mail": {
            "de": "Ein neues Passwort bekommen Sie über die Administration (Büro für Migration und Inklusion): Sie "
                  "schickt Ihnen einen Link, mit dem Sie es selbst setzen.",
            "en": "The administrators (office for migration and inclusion) send you a link to set a new password.",
        },
        "maintenance.link.title": {"de": "Link zum Passwort-Setzen", "en": "Set-password link"},
        "maintenance.link.intro": {
            "de": "Statt ein Passwort für jemanden einzutippen: Erzeugen Sie einen Link und geben Sie ihn der Person "
                  "(E-Mail, Telefon). Er gilt {hours} Stunden und nur einmal; ein neuer Link ersetzt den alten. Neue "
                  "Konten können Sie dafür ohne Passwort anlegen.",
            "en": "Instead of typing a password for someone: create a link and give it to the person. It works "
                  "{hours} hours and once; a new link replaces the old one. New accounts can be created without a "
                  "password for this.",
        },
        "maintenance.link.account": {"de": "Konto", "en": "Account"},
        "maintenance.link.submit": {"de": "Link erzeugen", "en": "Create link"},
        "maintenance.link.done": {"de": "Link für {email} erzeugt.", "en": "Link for {email} created."},
        "maintenance.link.copy": {
            "de": "Der Link für {email} (gilt bis {until}; er wird nur jetzt angezeigt):",
            "en": "The link for {email} (valid until {until}; shown only now):",
        },
        "maintenance.link.none": {"de": "Es gibt kein aktives Konto.", "en": "There is no active account."},
    }
)
