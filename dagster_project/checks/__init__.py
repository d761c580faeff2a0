"""Data-quality checks with the stable ids of CONTRACT §5 and their failure history."""
