"""WX1 content security: sensitive terms seen through disguises (the lexicon, its word lists and the judge)."""
