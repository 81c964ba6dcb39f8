"""Reading article files in a second process while this one stores them.

On `annotator import` of a large folder, storing is mostly SQLite's work (writing pages and
waiting for the disk) and reading is mostly Python's (decoding, checking, hashing). A forked
reader does the reading on another core and hands each file over as the UTF-8 bytes of its
text (an EncodedDocument), which SQLite stores without this process decoding them again.

A thread would not do: it was tried, and was 30 % slower than reading in turn, as the two
threads hand Python's lock back and forth at every file operation. The reader is a bare
os.fork with a pipe of pickled chunks: multiprocessing would do the same and costs more to
import (15 ms) than the reader saves on a thousand files.

The reader only reads; this process alone opens the database. If the reader stops before the
end (killed, out of memory), the files it did not hand over are read here, so an import never
misses a file; if this process stops, the reader's next hand-over fails and it exits.
"""
from __future__ import annotations

import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from annotator.core.text import EncodedDocument, read_encoded
from annotator.store.articles import ImportOutcome, ReadItem, read_articles

# Below this many files a second process is not worth starting.
MIN_FILES = 200
# A hand-over: this many files, or fewer making this many bytes: few enough messages, each a
# small part of what the pipe holds.
CHUNK_FILES = 32
CHUNK_BYTES = 1 << 20
# Hand-overs waiting to be stored, at most: the reader stops when the store falls behind, so
# a large folder is never held in memory whole.
QUEUED_CHUNKS = 16
# What the pipe may hold (Linux gives 64 KiB unless asked; 1 MiB is what it allows anyone).
PIPE_BYTES = 1 << 20

Plan = Sequence[tuple[Path, "str | None"]]
# One hand-over: (index in the plan, the document's fields or the outcome) per file.
Chunk = list[tuple[int, "tuple[str, bytes, int, str, str, str] | ImportOutcome"]]


def can_read_ahead(plan: Plan) -> bool:
    """Whether `plan` is read by a second process: enough files, and fork to make one.

    Not on macOS, where a forked process may not use every system library safely.
    """
    return len(plan) >= MIN_FILES and hasattr(os, "fork") and sys.platform != "darwin"


@contextmanager
def read_ahead(plan: Plan) -> Iterator[Iterator[ReadItem]]:
    """The planned files read (as read_articles gives them), by a second process when it pays.

    Start it before opening the database: the reader is forked with no connection open.
    Leaving the block stops the reader, whether or not every file was taken.
    """
    if not can_read_ahead(plan):
        yield read_articles(plan)
        return
    read_end, write_end = os.pipe()
    _widen(write_end)
    for stream in (sys.stdout, sys.stderr):  # else the reader could hold a copy of their buffers
        stream.flush()
    pid = os.fork()
    if pid == 0:  # the reader: it never returns from here
        os.close(read_end)
        _reader_main(plan, write_end)
    os.close(write_end)  # the reader holds the only writing end: its exit ends the stream
    chunks: queue.Queue[Chunk | None] = queue.Queue(QUEUED_CHUNKS)
    pipe = os.fdopen(read_end, "rb")
    taker: threading.Thread | None = None
    try:
        # A thread takes each chunk off the pipe as it comes, also while this one waits for a
        # commit: else a full pipe would stop the reader for as long.
        taker = threading.Thread(target=_take, args=(pipe, chunks), name="import reader pipe",
                                 daemon=True)
        taker.start()
        yield _received(plan, chunks)
    finally:
        _stop(pid)  # the pipe ends, so the thread's next read does too
        while taker is not None and taker.is_alive():
            try:  # make room, in case the thread waits to queue a chunk no one will take
                chunks.get(timeout=0.05)
            except queue.Empty:
                pass
        pipe.close()


def _take(pipe: BinaryIO, chunks: queue.Queue[Chunk | None]) -> None:
    try:
        while True:
            chunks.put(pickle.load(pipe))
    except (EOFError, OSError, pickle.UnpicklingError):  # the reader ended, or was stopped
        pass
    finally:  # whatever happened, the end is marked: the storing side never waits forever
        chunks.put(None)


def _received(plan: Plan, chunks: queue.Queue[Chunk | None]) -> Iterator[ReadItem]:
    taken = 0
    while taken < len(plan):
        chunk = chunks.get()
        if chunk is None:
            break  # the reader stopped early: what it did not hand over is read below
        for index, item in chunk:
            yield plan[index][0], (EncodedDocument(*item) if isinstance(item, tuple) else item)
            taken = index + 1
    yield from read_articles(plan[taken:], read=read_encoded)


def _reader_main(plan: Plan, write_end: int) -> None:
    """The reader process: each planned file, in order, in chunks of CHUNK_FILES; then exit."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the storing process
        with os.fdopen(write_end, "wb") as pipe:
            _read_into(plan, pipe)
        status = 0
    except BrokenPipeError:  # the storing process has stopped, or stopped listening
        status = 0
    finally:
        os._exit(status)  # no clean-up of the storing process's state, no atexit


def _read_into(plan: Plan, pipe: BinaryIO) -> None:
    chunk: Chunk = []
    size = 0
    for index, (_, item) in enumerate(read_articles(plan, read=read_encoded)):
        if isinstance(item, EncodedDocument):  # a tuple pickles faster than the dataclass
            chunk.append((index, (item.title, item.utf8, item.length, item.encoding,
                                  item.source, item.sha256)))
            size += len(item.utf8)
        else:
            chunk.append((index, item))
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            pickle.dump(chunk, pipe, pickle.HIGHEST_PROTOCOL)
            chunk, size = [], 0
    if chunk:
        pickle.dump(chunk, pipe, pickle.HIGHEST_PROTOCOL)


def _stop(pid: int) -> None:
    """End the reader if it still runs, and collect it (no zombie left behind)."""
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done == 0:  # not yet collected, so the pid is still this reader's even if it just ended
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


def _widen(write_end: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or over the system's limit
        pass
