"""The CIN census: its XML read into tables, validated, loaded into the record and written back."""
