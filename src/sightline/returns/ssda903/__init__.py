"""The SSDA903 return (children looked after): read CSV and XML, validate, load into the record, write."""
