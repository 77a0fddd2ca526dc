"""The shared record's tables on the trust's PostgreSQL server, and their migrations.

The app makes and upgrades them itself, like the laptop's file: `presenter_schema.version`
says how many of SERVER_MIGRATIONS have run. Rows are keyed by the UUIDs the laptops give
them, so publishing the same row twice, from one laptop or two, changes nothing.
A person checked in on two laptops to one joined run is two attendee rows with one
`person_uid`: reports count people by it.
"""

from __future__ import annotations

SERVER_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE runs (
        uid uuid PRIMARY KEY,
        join_code text NOT NULL UNIQUE,
        title text NOT NULL,
        run_date date NOT NULL,
        start_time text NOT NULL,
        length_minutes integer NOT NULL,
        planned_minutes numeric,
        actual_minutes numeric,
        venue text NOT NULL,
        facilitators jsonb NOT NULL,
        readiness jsonb NOT NULL,
        created_at timestamp NOT NULL,
        purged_at timestamp,
        purged_counts jsonb,
        published_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE attendees (
        uid uuid PRIMARY KEY,
        run_uid uuid NOT NULL REFERENCES runs(uid) ON DELETE CASCADE,
        person_uid uuid NOT NULL,
        name_hash text NOT NULL,
        email_hash text NOT NULL,
        name text,
        role text,
        department text,
        email text,
        staff_number text,
        handle text,
        ready jsonb,
        checked_in boolean NOT NULL,
        checked_in_at timestamp,
        published_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX attendees_by_run ON attendees(run_uid);
    CREATE TABLE feedback (
        attendee_uid uuid PRIMARY KEY,
        run_uid uuid NOT NULL REFERENCES runs(uid) ON DELETE CASCADE,
        rating integer,
        comment text,
        given_at timestamp NOT NULL
    );
    CREATE TABLE clock_saves (
        uid uuid PRIMARY KEY,
        run_uid uuid NOT NULL REFERENCES runs(uid) ON DELETE CASCADE,
        action text NOT NULL,
        state text NOT NULL,
        saved_at timestamp NOT NULL
    );
    """,
)


def migrate(connection) -> int:
    """Bring the server's tables up to date, in one transaction; returns the version."""
    with connection.transaction():
        connection.execute("CREATE TABLE IF NOT EXISTS presenter_schema (version integer)")
        connection.execute("LOCK TABLE presenter_schema IN EXCLUSIVE MODE")
        row = connection.execute("SELECT version FROM presenter_schema").fetchone()
        if row is None:
            connection.execute("INSERT INTO presenter_schema VALUES (0)")
            version = 0
        else:
            version = row[0]
        for script in SERVER_MIGRATIONS[version:]:
            connection.execute(script)
        connection.execute("UPDATE presenter_schema SET version = %s", (len(SERVER_MIGRATIONS),))
    return len(SERVER_MIGRATIONS)
