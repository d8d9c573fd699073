"""The Pflege page (admins): one module per tab family, with the shared form and table parts."""
