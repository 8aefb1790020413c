"""The risk mechanisms of the early-warning method, one module each (see each module's docstring)."""
