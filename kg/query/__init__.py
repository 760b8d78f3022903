"""kg.query."""
