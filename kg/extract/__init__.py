"""kg.extract."""
