"""Personal information (WX501–WX505) and minors protection (WX510).

One recognizer a file, Presidio style (``PATTERNS``, ``CONTEXT``, ``validate``); the
analyzer runs them all and settles overlaps; ``validators`` holds the check algorithms.
"""

from .analyzer import KIND_NAMES, Analyzer, analyzer
from .base import Pattern, PatternRecognizer, Result

__all__ = ["KIND_NAMES", "Analyzer", "Pattern", "PatternRecognizer", "Result", "analyzer"]
