"""Recompute every company's `name_key` after `company_key` learns to ignore more of how a name is
written. Shared by the migrations that change it."""

from __future__ import annotations

import sqlalchemy as sa


def rekey_companies(connection: sa.Connection) -> None:
    """Two companies that now share a key keep apart (the older gets the key, the other keeps its
    old one) until the person merges them on the Network page: a migration never joins records."""
    from lib.search.companies import company_key

    rows = connection.execute(sa.text("SELECT id, name, name_key FROM companies ORDER BY id")).all()
    taken = {r.name_key for r in rows}
    for row in rows:
        new = company_key(row.name) or row.name_key
        if new == row.name_key or new in taken:
            continue
        taken.discard(row.name_key)
        taken.add(new)
        connection.execute(
            sa.text("UPDATE companies SET name_key = :k WHERE id = :i"), {"k": new, "i": row.id}
        )
