"""User interface: the dock panel and its helpers."""
