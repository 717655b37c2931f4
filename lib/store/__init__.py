"""Reads and writes: the only code that talks SQL. One module per part of the data.

Reads return DataFrames or plain dicts; writes take validated models from lib.models and run in
one transaction (`lib.db.transaction`), which also bumps the data revision caches key on.
"""
