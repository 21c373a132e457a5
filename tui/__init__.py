"""copydesk's terminal app and command line; rendering only, all facts come from ``analysis``."""
