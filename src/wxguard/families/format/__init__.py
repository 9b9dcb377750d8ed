"""WX6 format: length, layout and attachments."""
