"""kg.export."""
