"""A crmdesk process for the crash tests to kill -9.

    python crash_worker.py edits DB TAG   # single edits forever, one id per line
    python crash_worker.py demo DB N      # one large all-or-nothing load

Every line is printed only after its transaction has committed: a printed
line is an acknowledged change that must survive the kill.
"""

from __future__ import annotations

import sys

from crmdesk.core.accounts import create_account, update_account
from crmdesk.core.activities import log_activity
from crmdesk.core.demo import generate_demo
from crmdesk.db.enums import ActivityKind
from crmdesk.db.migrate import open_database


def edits(db, tag: str) -> None:  # type: ignore[no-untyped-def]
    anchor = create_account(db, name=f"Anchor {tag}", notes="rev 0")
    print(f"anchor {anchor.id}", flush=True)
    i = 0
    while True:
        i += 1
        account = create_account(db, name=f"Edit {tag} {i}", owner="crash test")
        print(f"account {account.id}", flush=True)
        activity = log_activity(
            db, account.id, kind=ActivityKind.CALL, subject=f"Call {tag} {i}", contact_ids=[]
        )
        print(f"activity {activity.id}", flush=True)
        update_account(db, anchor.id, notes=f"rev {i}")
        print(f"rev {i}", flush=True)


def demo(db, accounts: int) -> None:  # type: ignore[no-untyped-def]
    print("start", flush=True)

    def progress(done: int, _total: int) -> None:
        print(f"progress {done}", flush=True)

    generate_demo(db, accounts=accounts, seed=11, progress=progress)
    print("done", flush=True)


def import_file(db, source: str) -> None:  # type: ignore[no-untyped-def]
    """The real importer, as the CLI and the wizard run it."""
    from crmdesk.db.enums import AcquisitionSource
    from crmdesk.importing import plan as planning
    from crmdesk.importing import service
    from crmdesk.importing.snapshot import load_snapshot
    from crmdesk.importing.workflow import load_file

    loaded = load_file(db, source)
    options = planning.ImportOptions(
        targets=list(loaded.targets),
        region="DE",
        acquisition_source=AcquisitionSource.ENQUIRY,
        update_mode="fill",
        default_account="",
    )
    plan = planning.build_plan(loaded.sheet, options, load_snapshot(db))
    print("start", flush=True)

    def progress(done: int, total: int) -> None:
        print(f"progress {done} {total}", flush=True)

    result = service.commit(db, plan, file_path=loaded.path, progress=progress)
    print(f"done {result.created}", flush=True)


def restore(path: str, backup: str) -> None:
    """Restore ``backup`` into ``path`` (nothing else has it open)."""
    from crmdesk.db.restore import restore_backup

    print("start", flush=True)

    def progress(done: int, total: int) -> None:
        print(f"progress {done} {total}", flush=True)

    restore_backup(path, backup, progress=progress, step_pages=8)
    print("done", flush=True)


if __name__ == "__main__":
    mode, path, arg = sys.argv[1:4]
    if mode == "restore":
        restore(path, arg)
        sys.exit(0)
    database = open_database(f"sqlite:///{path}")
    if mode == "edits":
        edits(database, arg)
    elif mode == "import":
        import_file(database, arg)
    else:
        demo(database, int(arg))
