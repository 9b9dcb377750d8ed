"""WX7 cadence: how often and when a message goes out, counted against a send log
(``sendlog``: what was sent, in memory or in SQLite; ``wxguard.SendLog``)."""
