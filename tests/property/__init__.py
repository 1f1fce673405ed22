"""Property tests: the seven things DESIGN.md says must always hold, on generated pages."""
