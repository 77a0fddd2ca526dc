"""Presenter: run a one-hour lunchtime training session from a laptop."""

__version__ = "0.1.0"
