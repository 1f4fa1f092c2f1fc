"""The `fitroom` command line."""
