"""Many cases per engine call: the pipeline, its process pool and the per-engine evaluators."""
