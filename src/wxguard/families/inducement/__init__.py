"""WX3 inducement: sharing, following or clicking joined to a reward, a gate, a count or a threat."""
