"""Print layouts for council reports, exported headless to PDF."""
