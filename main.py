"""Open the annotation window: `python main.py [--db DB] [FILE ...]`."""
import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui", *sys.argv[1:]]))
