"""WX7 cadence: how often and when a message goes out, counted against a send log."""
