"""copydesk's analysis core: loading, the spaCy pipeline, extraction, cache, search and export.

Pure Python with no UI imports; everything the CLI and the app show comes from here.
"""

__version__ = "0.1.0"
