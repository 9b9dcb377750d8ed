"""Text views: folding tables, the per-message views and their offset maps."""
