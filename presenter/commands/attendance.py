"""`presenter attendance`: who came to a run, as a summary or written to a file.

Nothing here imports Qt, except `attendance export` to a .pdf, which draws the register or
the certificates with Qt's PDF writer (offscreen, no window).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from presenter.commands.common import (
    UsageError,
    add_run,
    data_dir_option,
    friendly,
    open_run,
    people,
)
from presenter.commands.runs import describe

EXPORT_DESCRIPTION = """\
Write the people checked in to RUN. The format follows the extension of -o:
  .csv   UTF-8 with BOM, for Excel; cells that would run as formulas stay text
  .xlsx  one sheet, every cell text
  .pdf   a printable register, or with --certificates one certificate of
         attendance per person (CPD evidence); drawn with Qt, offscreen
Only the columns chosen are written: email, staff number and handle only when asked."""

EXPORT_COLUMNS = """\
columns: name, role, department, email, staff_number, handle, consent, checked_in, late, note,
  readiness (every check) or a check's name
default: name,role,department,checked_in,late,readiness"""


def register(subparsers: argparse._SubParsersAction) -> None:
    common = data_dir_option()
    attendance = subparsers.add_parser(
        "attendance", help="export or summarise a run's attendance", description="Who came."
    )
    actions = attendance.add_subparsers(
        title="attendance commands", metavar="ACTION", required=True
    )
    export = actions.add_parser(
        "export",
        parents=[common],
        help="write who came to a .csv, .xlsx or .pdf file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=EXPORT_DESCRIPTION,
        epilog=EXPORT_COLUMNS,
    )
    add_run(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--columns", metavar="LIST", help="comma-separated columns to include")
    export.add_argument(
        "--certificates", action="store_true", help="PDF certificates instead of the register"
    )
    export.set_defaults(run=run_export)
    summary = actions.add_parser(
        "summary", parents=[common], help="print the count and readiness of a run"
    )
    add_run(summary)
    summary.set_defaults(run=run_summary)


@friendly
def run_export(args: argparse.Namespace) -> int:
    from presenter.attendance.export import EXPORT_FORMATS, build_report, check_target, write_table

    output = Path(args.output)
    if output.suffix.lower() not in EXPORT_FORMATS:
        raise UsageError(
            f"{output}: cannot tell the format; end the file name in .csv, .xlsx or .pdf"
        )
    with open_run(args) as (store, run_id):
        try:
            check_target(output, certificates=args.certificates)
            report = build_report(store, run_id, args.columns)
            if output.suffix.lower() != ".pdf":
                write_table(output, report)
            else:
                from presenter.attendance.attended import build_evidence
                from presenter.ui.attendance.register_pdf import write_certificates, write_register

                write = write_certificates if args.certificates else write_register
                write(output, report, build_evidence(store, run_id))
        except ValueError as exc:
            raise UsageError(f"{output}: {exc}") from None
        except OSError as exc:
            why = exc.strerror or "the file could not be written"
            raise UsageError(f"{output}: {why}; nothing was written") from None
        what = "certificates for" if args.certificates else "attendance of"
        print(f"wrote {what} {people(len(report.rows))} to {output}")
    return 0


@friendly
def run_summary(args: argparse.Namespace) -> int:
    with open_run(args) as (store, run_id):
        print(describe(store.run(run_id)))
        print(store.summary(run_id).text())
    return 0
