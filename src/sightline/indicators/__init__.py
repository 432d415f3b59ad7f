"""The partnership's line of sight: each indicator defined once, computed on a columnar snapshot."""
