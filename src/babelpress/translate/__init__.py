"""Machine-translation drafts for empty catalogue entries (``babelpress translate``)."""
