party(acme).
party.
