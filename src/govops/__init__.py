"""govops: local-government plans and regulations run as code."""

__version__ = "0.1.0"
