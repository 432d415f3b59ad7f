"""Sightline: the safeguarding children partnership's own system."""

__version__ = "0.1.0"
