"""kg.evaluate."""
