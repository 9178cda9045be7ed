"""``python -m crmdesk``."""

import multiprocessing

from crmdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
