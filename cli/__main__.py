"""`python3 -m cli SUBCOMMAND ...`: see cli.main."""

import sys

from cli.main import main

sys.exit(main())
