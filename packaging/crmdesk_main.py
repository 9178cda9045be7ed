"""Entry script of the frozen build (PyInstaller runs this file as __main__).

``multiprocessing.freeze_support()`` must run first: the import reader is a
``spawn`` child process, which in a frozen app is this same executable
started again with multiprocessing's arguments; without it the child would
parse them as a crmdesk command line and the import would fail.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from crmdesk.cli import main

    sys.exit(main())
