"""WX5 persons: personal information (WX501–WX505), inducement of minors to spend (WX510) and
a child's identifying details posted together (WX511).

One recognizer a file, Presidio style (``PATTERNS``, ``CONTEXT``, ``validate``); ``analyzer``
runs them all and settles overlaps; ``validators`` holds the check algorithms, ``minors`` the
WX510 detector, ``child_details`` the WX511 one and ``redact`` the masking that
``wxguard.redact`` offers.
"""
