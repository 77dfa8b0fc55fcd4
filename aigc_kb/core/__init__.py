"""The core model: cases, the vocabulary, readings, results, errors, paths and the loader."""
