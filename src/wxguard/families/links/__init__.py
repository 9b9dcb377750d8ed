"""WX2 links: extraction with disguises undone, host analysis, ICP filings and the link data."""
