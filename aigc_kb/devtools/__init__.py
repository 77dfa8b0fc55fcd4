"""Tools for kb editors and the test suite: lint, coverage, the world generator."""
