"""`python -m engagement`: see engagement.cli."""

import sys

from engagement.cli import main

sys.exit(main())
