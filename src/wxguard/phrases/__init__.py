"""Phrase machinery the families share: banks of short phrases compiled from TOML data
(``banks``), the compact clause view they match on (``clauses``) and the joins of an action
to what makes it a finding within a clause or a short window (``joins``)."""
