"""Reporters: they only read reports. Positions come from one shared function."""

from .positions import LineIndex

__all__ = ["LineIndex"]
