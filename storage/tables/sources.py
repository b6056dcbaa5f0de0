"""Source registry tables (issue 4)."""
