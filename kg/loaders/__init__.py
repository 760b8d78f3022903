"""kg.loaders."""
