"""WX8 scams: a lure (a frozen account, a prize, a cancelled flight, an accusation) joined to
a demand through a channel the sender controls (a link, a number, a transfer, a fee first)."""
