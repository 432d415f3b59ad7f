"""Ofsted Annex A (ILACS): read the inspection workbook's lists, and write them from the record."""
