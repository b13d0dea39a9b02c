"""``python -m presenter``."""

import sys

from presenter.cli import main

sys.exit(main())
