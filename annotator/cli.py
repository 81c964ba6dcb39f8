"""Command line: argparse subcommands that parse, call the core and the store, and print."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("annotator: the command line is not built yet", file=sys.stderr)
    return 2
