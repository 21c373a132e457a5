"""copydesk's screens: help and search."""
