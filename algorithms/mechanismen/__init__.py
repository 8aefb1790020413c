"""One thin algorithm per risk mechanism; the method itself lives in ``core.mechanisms``."""
