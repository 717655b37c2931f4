import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lib.core import db


def test_the_migrations_build_exactly_the_schema_the_code_declares(db_url):
    engine = db.open_database(db_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def test_a_database_made_by_the_first_revision_upgrades_to_the_newest(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO companies (name, name_key) VALUES ('Acme', 'acme')"))
        connection.execute(
            sa.text(
                "INSERT INTO applications (company_id, role, applied_on, channel) VALUES (1, 'Analyst', '2026-01-02', 'referral')"
            )
        )
    db.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT role FROM applications")).scalar() == "Analyst"
        head = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    newest = ScriptDirectory.from_config(config).get_current_head()
    assert newest != "0001", "there are later revisions to upgrade through"
    assert head == newest
    # The upgraded database has exactly the schema a fresh one gets: no revision forgot a change.
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(engine):
    with engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(sa.text("PRAGMA busy_timeout")).scalar() == 5000


def test_the_database_location_can_be_set_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("REBOUND_DATABASE_URL", raising=False)
    assert db.database_url().endswith("data/rebound.db")
    monkeypatch.setenv("REBOUND_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    assert db.database_url() == f"sqlite:///{tmp_path}/x.db"


def test_a_plain_file_path_is_taken_as_the_database_file(monkeypatch, tmp_path):
    # a path where an address was expected stopped the app with "Could not parse SQLAlchemy URL"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("REBOUND_DATABASE_URL", "~/Documents/rebound.db")
    assert db.database_url() == f"sqlite:///{tmp_path}/Documents/rebound.db"
    monkeypatch.setenv("REBOUND_DEMO_DATABASE_URL", str(tmp_path / "demo.db"))
    assert db.demo_database_url() == f"sqlite:///{tmp_path}/demo.db"
    (tmp_path / "Documents").mkdir()
    engine = db.open_database(db.database_url())
    engine.dispose()
    assert (tmp_path / "Documents" / "rebound.db").exists()


def _one_application_with_a_step(engine) -> None:
    """Acme, an Analyst application and its screen, written as raw rows (any revision has them)."""
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO companies (name, name_key) VALUES ('Acme', 'acme')"))
        connection.execute(
            sa.text(
                "INSERT INTO applications (company_id, role, applied_on, channel) "
                "VALUES (1, 'Analyst', '2026-01-02', 'referral')"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO stage_events (application_id, kind, occurred_on) VALUES (1, 'screen', '2026-01-09')"
            )
        )


def test_events_recorded_before_revision_0002_keep_their_dates_as_known(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0001")
    _one_application_with_a_step(engine)
    db.upgrade(engine, "0002")
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT occurred_on, date_known FROM stage_events")).one()
    assert tuple(row) == ("2026-01-09", 1)


def test_revision_0007_rekeys_a_company_written_as_its_web_address_and_never_joins_two(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0006")
    with engine.begin() as connection:
        for name, key in [
            ("Booking.com", "bookingcom"),
            ("Amazon", "amazon"),
            ("Amazon.com Inc.", "amazoncom"),
        ]:
            connection.execute(
                sa.text("INSERT INTO companies (name, name_key) VALUES (:n, :k)"), {"n": name, "k": key}
            )
    db.upgrade(engine)
    with engine.connect() as connection:
        keys = dict(connection.execute(sa.text("SELECT name, name_key FROM companies")).all())
    # One company is found by its new key; a second with the same key stays apart for the person
    # to merge (a migration never mixes two records).
    assert keys == {"Booking.com": "booking", "Amazon": "amazon", "Amazon.com Inc.": "amazoncom"}


def test_applications_recorded_before_revision_0008_keep_their_dates_applied_as_known(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0007")
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO companies (name, name_key) VALUES ('Acme', 'acme')"))
        connection.execute(
            sa.text(
                "INSERT INTO applications (company_id, role, applied_on, channel) "
                "VALUES (1, 'Analyst', '2026-01-02', 'referral')"
            )
        )
    db.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT applied_known FROM applications")).scalar() == 1


def test_going_back_below_revision_0008_keeps_every_step_of_every_application(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    _one_application_with_a_step(engine)
    from alembic import command

    with engine.begin() as connection:
        config = db._alembic_config(connection)
        command.downgrade(config, "0007")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM stage_events")).scalar() == 1
        columns = [row[1] for row in connection.execute(sa.text("PRAGMA table_info(applications)"))]
    assert "applied_known" not in columns
