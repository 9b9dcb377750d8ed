"""Lexicons: word-list loading and the compiled automata."""
