"""The re-check consumer: archive.added → the recheck-claims flow (issue 11)."""
