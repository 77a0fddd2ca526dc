"""Trust-wide figures from the shared record: runs, people, wards, readiness, ratings, minutes.

People are counted once per run by `person_uid` (so someone checked in on two laptops at one
door counts once), and only those checked in. A purged run keeps its counts on the server,
so it still counts in the totals by session and month, though not by ward or readiness.
"""

from __future__ import annotations

from datetime import date

HEADINGS = ("Figure", "Group", "Runs", "People", "Value")
PERSONAL_HEADINGS = ("Session", "Date", "Venue", "Name", "Role", "Ward or department")

_RUNS = """
WITH people AS (
    SELECT run_uid, count(DISTINCT person_uid) AS n FROM attendees
    WHERE checked_in GROUP BY run_uid
)
SELECT r.uid, r.title, r.venue, r.run_date, r.readiness,
       COALESCE(p.n, (r.purged_counts->>'checked_in')::int, 0) AS people,
       r.planned_minutes, r.actual_minutes, r.purged_counts
FROM runs r LEFT JOIN people p ON p.run_uid = r.uid
WHERE r.run_date BETWEEN %s AND %s ORDER BY r.run_date, r.title
"""


def report_rows(connection, start: date, end: date) -> list[list[str]]:
    """The report as rows under HEADINGS."""
    runs = connection.execute(_RUNS, (start, end)).fetchall()
    uids = [run[0] for run in runs]
    rows: list[list[str]] = []
    rows += _by(runs, lambda r: f"{r[1]} · {r[2]}" if r[2] else r[1], "Runs per session and venue")
    rows += _by(runs, lambda r: r[3].strftime("%Y-%m"), "People per month")
    rows += _wards(connection, uids)
    rows += _readiness(connection, runs)
    rows += _ratings(connection, runs)
    for run in runs:
        planned = "" if run[6] is None else f"{float(run[6]):g}"
        actual = "" if run[7] is None else f"{float(run[7]):g}"
        label = f"{run[3].isoformat()} {run[1]}" + (f" · {run[2]}" if run[2] else "")
        rows.append(["Planned and actual minutes", label, "1", str(run[5]),
                     f"planned {planned or '?'}, actual {actual or 'not run'}"])  # fmt: skip
    return rows


def _by(runs, key, figure: str) -> list[list[str]]:
    groups: dict[str, list] = {}
    for run in runs:
        groups.setdefault(key(run), []).append(run)
    return [
        [figure, group, str(len(members)), str(sum(m[5] for m in members)), ""]
        for group, members in sorted(groups.items())
    ]


def _wards(connection, uids) -> list[list[str]]:
    found = connection.execute(
        "SELECT COALESCE(NULLIF(department, ''), '(not given)'), count(DISTINCT run_uid), "
        "count(DISTINCT (run_uid, person_uid)) FROM attendees "
        "WHERE checked_in AND run_uid = ANY(%s) GROUP BY 1 ORDER BY 1",
        (uids,),
    ).fetchall()
    return [["People per ward or department", d, str(r), str(n), ""] for d, r, n in found]


def _readiness(connection, runs) -> list[list[str]]:
    ticked: dict[str, list[int]] = {}
    for run in runs:
        checks = run[4] or []
        if not checks:
            continue
        people = connection.execute(
            "SELECT DISTINCT ON (person_uid) ready FROM attendees "
            "WHERE run_uid = %s AND checked_in ORDER BY person_uid, checked_in_at",
            (run[0],),
        ).fetchall()
        for check in checks:
            counts = ticked.setdefault(check, [0, 0, 0])
            counts[0] += 1
            counts[1] += len(people)
            counts[2] += sum(1 for (ready,) in people if ready and check in ready)
    return [
        [
            "Readiness",
            check,
            str(r),
            str(total),
            f"{100 * yes / total:.0f}% ({yes})" if total else "",
        ]
        for check, (r, total, yes) in sorted(ticked.items())
    ]


def _ratings(connection, runs) -> list[list[str]]:
    by_title: dict[str, list[int]] = {}
    run_count: dict[str, set] = {}
    for run in runs:
        found = connection.execute(
            "SELECT rating FROM feedback WHERE run_uid = %s AND rating IS NOT NULL", (run[0],)
        ).fetchall()
        ratings = [r for (r,) in found] or list((run[8] or {}).get("ratings", []))
        by_title.setdefault(run[1], []).extend(ratings)
        run_count.setdefault(run[1], set()).add(run[0])
    return [
        ["Average rating", title, str(len(run_count[title])), str(len(values)),
         f"{sum(values) / len(values):.1f} of 5" if values else "no ratings"]
        for title, values in sorted(by_title.items())
    ]  # fmt: skip


def personal_rows(connection, start: date, end: date) -> list[list[str]]:
    """One row per person checked in, with what the laptops published of them."""
    found = connection.execute(
        "SELECT DISTINCT ON (a.run_uid, a.person_uid) r.title, r.run_date, r.venue, "
        "COALESCE(a.name, ''), COALESCE(a.role, ''), COALESCE(a.department, '') "
        "FROM attendees a JOIN runs r ON r.uid = a.run_uid "
        "WHERE a.checked_in AND r.run_date BETWEEN %s AND %s "
        "ORDER BY a.run_uid, a.person_uid, a.checked_in_at",
        (start, end),
    ).fetchall()
    return sorted([[t, d.isoformat(), v, n, ro, de] for t, d, v, n, ro, de in found])
