"""`python -m runyard_desktop`: the same entry point as the `runyard-desktop` command."""

import sys

from runyard_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
