"""pytest-katas plugin wiring (work in progress)."""
