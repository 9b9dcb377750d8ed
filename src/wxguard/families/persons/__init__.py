"""WX5 persons: personal information (one recognizer a file) and inducement of minors to spend."""
