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


if __name__ == "__main__":
    mode, path, arg = sys.argv[1:4]
    database = open_database(f"sqlite:///{path}")
    if mode == "edits":
        edits(database, arg)
    else:
        demo(database, int(arg))
