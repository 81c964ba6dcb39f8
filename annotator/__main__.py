"""`python -m annotator` runs the command line."""
import sys

from annotator.cli import main

sys.exit(main())
