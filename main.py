"""Start BodyMap from a source checkout: the same entry as ``bodymap`` and ``python -m bodymap``."""

import sys

from bodymap.cli import main

if __name__ == "__main__":
    sys.exit(main())
