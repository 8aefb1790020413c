"""Processing algorithms: thin adapters from parameters to ``core`` and back to layers."""
