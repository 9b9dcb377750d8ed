"""Links in messages (WX2): extraction with disguises undone, host analysis and ICP filings.

Light to import: the public-suffix data (``tldextract``) is loaded on the first host lookup.
"""

from .icp import FilingNumber, IcpRegistry, IcpResolver, find_filing_numbers, parse_filing_number

__all__ = ["FilingNumber", "IcpRegistry", "IcpResolver", "find_filing_numbers", "parse_filing_number"]
