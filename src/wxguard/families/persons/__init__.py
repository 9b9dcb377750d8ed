"""WX5 persons: personal information (WX501–WX505) and inducement of minors to spend (WX510).

One recognizer a file, Presidio style (``PATTERNS``, ``CONTEXT``, ``validate``); ``analyzer``
runs them all and settles overlaps; ``validators`` holds the check algorithms, ``minors`` the
WX510 detector and ``redact`` the masking that ``wxguard.redact`` offers.
"""
