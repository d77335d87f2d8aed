"""factsheet: turn news articles into a searchable static website of fact sheets."""

__version__ = "0.1.0"
