"""What `annotator import` prints: a line per document, a line per refusal, and the summary."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.csvio import MAX_REPORTED
from annotator.core.terminal import printable
from annotator.store.articles import ImportOutcome


class ImportReport:
    """Turns import outcomes into lines, in the files' order, and counts what was refused.

    Documents go to stdout, tab-separated (id, title, characters, encoding, added or already
    present); refusals to stderr, one line each, at most MAX_REPORTED per corpus file.
    """

    def __init__(self) -> None:
        self.failed_files = 0  # files refused whole (or that could not be read on)
        self.refused_rows = 0  # lines or rows of corpus files
        self.files_done = 0
        self._path: Path | None = None
        self._refused_here = 0

    def lines(self, outcomes: Iterable[ImportOutcome]) -> list[tuple[bool, list[str]]]:
        """(to stderr, lines) runs in order, for one batch of outcomes."""
        runs: list[tuple[bool, list[str]]] = []

        def put(to_stderr: bool, line: str) -> None:
            if runs and runs[-1][0] == to_stderr:
                runs[-1][1].append(line)
            else:
                runs.append((to_stderr, [line]))

        for outcome in outcomes:
            if outcome.path is not self._path:  # one Path object per planned file
                for line in self._file_done():
                    put(True, line)
                self._path = outcome.path
            doc = outcome.document
            if doc is not None:
                status = "added" if outcome.created else "already present"
                title = printable(doc.title).replace("\t", " ")  # the columns stay tab-separated
                put(False, f"{doc.id}\t{title}\t{doc.length} characters\t{outcome.encoding}"
                           f"\t{status}")
                continue
            if outcome.where:
                self.refused_rows += 1
                self._refused_here += 1
                if self._refused_here > MAX_REPORTED:
                    continue
            else:
                self.failed_files += bool(outcome.error)
            put(True, _one_line(outcome.message))
        return runs

    def _file_done(self) -> list[str]:
        lines = []
        if self._path is not None:
            self.files_done += 1
            if self._refused_here > MAX_REPORTED:
                lines.append(_one_line(f"{self._path}: … and {self._refused_here - MAX_REPORTED} "
                                       "more line(s) refused"))
        self._refused_here = 0
        return lines

    def closing(self, files: int) -> list[str]:
        """The last lines on stderr: what is left of the last file, and the summary if anything
        was refused (then the exit status is 1)."""
        lines = self._file_done()
        self._path = None
        parts = ([f"{self.failed_files} of {files} file(s)"] if self.failed_files else []) + \
            ([f"{self.refused_rows} line(s) of corpus files"] if self.refused_rows else [])
        if parts:
            lines.append(f"{' and '.join(parts)} not imported; the others were")
        return lines

    @property
    def failed(self) -> bool:
        return bool(self.failed_files or self.refused_rows)


def _one_line(message: str) -> str:
    # File names and cell text reach the terminal inert: no escape sequence, one line.
    return printable(message).replace("\n", " ")
