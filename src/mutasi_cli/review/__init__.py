"""After review: the check of a reviewed plan, the re-plan after review (replan) and explanations on demand (inquiry)."""
