"""Statutory returns: read, validate, load into the record and write (CIN census, SSDA903, Annex A)."""
