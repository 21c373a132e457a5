"""``python -m tui`` runs the copydesk command line."""

import sys

from tui.cli import main

sys.exit(main())
