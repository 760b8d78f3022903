"""kg.store."""
