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
end (killed, out of memory, a fault), the files it did not hand over are read here and
`Reading.problem` says why, so an import never misses a file; if this process stops, the
reader's next hand-over fails and it exits, and leaving the block kills it.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from annotator.core.text import EncodedDocument, read_encoded
from annotator.store.articles import ImportOutcome, ReadItem, read_articles

# Below this many files to read a second process is not worth starting.
MIN_FILES = 200
# A hand-over: this many files, or fewer making this many bytes: few enough messages, each a
# small part of what the pipe holds.
CHUNK_FILES = 32
CHUNK_BYTES = 1 << 20
# Bytes handed over and waiting to be stored, at most (but always one hand-over, however
# large): the reader waits when the store falls behind, so a folder is never held whole.
QUEUED_BYTES = 16 << 20
# What the pipe may hold (Linux gives 64 KiB unless asked; 1 MiB is what it allows anyone).
PIPE_BYTES = 1 << 20

Plan = Sequence[tuple[Path, "str | None"]]
# One hand-over: (index in the plan, the document's fields or the outcome) per file.
Chunk = list[tuple[int, "tuple[str, bytes, int, str, str, str] | ImportOutcome"]]
_STOPPING = {signal.SIGINT, signal.SIGTERM}


class Reading:
    """The planned files as they are read, in order; `problem`, once the files are all taken,
    says why the reader stopped early, if it did (the rest was then read in this process)."""

    def __init__(self, items: Iterator[ReadItem]) -> None:
        self._items = items
        self.problem: str | None = None

    def __iter__(self) -> Reading:
        return self

    def __next__(self) -> ReadItem:
        return next(self._items)


def can_read_ahead(plan: Plan) -> bool:
    """Whether `plan` is read by a second process: enough files to read, and fork to make one.

    Not on macOS, where a forked process may not use every system library safely.
    """
    return (hasattr(os, "fork") and sys.platform != "darwin"
            and sum(reason is None for _, reason in plan) >= MIN_FILES)


@contextmanager
def read_ahead(plan: Plan) -> Iterator[Reading]:
    """The planned files read (as read_articles gives them), by a second process when it pays.

    Start it before opening the database: the reader is forked with no connection open.
    Leaving the block stops the reader, whether or not every file was taken. Run it on the
    main thread: it makes sure the reader is this process's to collect (SIGCHLD not ignored).
    """
    reader = _Reader.start(plan) if can_read_ahead(plan) else None
    if reader is None:  # few files, no fork, or the system would not make a process
        yield Reading(read_articles(plan))
        return
    try:
        yield reader.reading
    finally:
        reader.stop()


class _End:
    """The last thing on the hand-over queue: the reader's stream ended (`problem`: why early)."""

    def __init__(self, problem: str | None) -> None:
        self.problem = problem


class _Handover:
    """Chunks taken off the pipe and waiting to be stored, up to QUEUED_BYTES."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._chunks: deque[tuple[Chunk | _End, int]] = deque()
        self._bytes = 0
        self._closed = False

    def put(self, chunk: Chunk | _End, size: int) -> bool:
        """Queue `chunk`, waiting for room; False once closed (nobody takes it any more)."""
        with self._ready:
            while self._chunks and self._bytes + size > QUEUED_BYTES and not self._closed:
                self._ready.wait()
            if self._closed:
                return False
            self._chunks.append((chunk, size))
            self._bytes += size
            self._ready.notify_all()
            return True

    def get(self) -> Chunk | _End:
        with self._ready:
            while not self._chunks:
                self._ready.wait()
            chunk, size = self._chunks.popleft()
            self._bytes -= size
            self._ready.notify_all()
            return chunk

    def close(self) -> None:
        with self._ready:
            self._closed = True
            self._ready.notify_all()


class _Reader:
    """The forked reading process, the pipe from it, and the thread taking chunks off it."""

    def __init__(self, plan: Plan, pid: int, pipe: BinaryIO, sigchld: object) -> None:
        self.plan, self.pid, self.pipe, self._sigchld = plan, pid, pipe, sigchld
        self.handover = _Handover()
        self.reading = Reading(self._received())
        # The thread takes each chunk off the pipe as it comes, also while the storing thread
        # waits for a commit: else a full pipe would stop the reader for as long.
        self.taker = threading.Thread(target=self._take, name="import reader pipe", daemon=True)

    @classmethod
    def start(cls, plan: Plan) -> _Reader | None:
        """Fork the reader; None if the system refuses a pipe or a process (read in turn), or
        off the main thread (where signal handlers cannot be set)."""
        if threading.current_thread() is not threading.main_thread():
            return None
        # The reader must stay this process's to collect: an ignored SIGCHLD (inherited from
        # a supervisor) would have the system collect it and free its pid for another.
        sigchld = signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        # Ctrl-C (or a TERM) landing between the fork and the set-up below would reach the
        # reader still running this process's code, or leave it unstopped: hold them back.
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        try:
            for stream in (sys.stdout, sys.stderr):  # or the reader could write them again
                stream.flush()
            pipe_ends: tuple[int, ...] = ()
            try:
                pipe_ends = read_end, write_end = os.pipe()
                _widen(write_end)
                pid = os.fork()
            except OSError:  # no pipe, or no process: EAGAIN (a process limit), ENOMEM
                for fd in pipe_ends:
                    os.close(fd)
                signal.signal(signal.SIGCHLD, sigchld)  # type: ignore[arg-type]
                return None
            if pid == 0:  # the reader: it never returns from here
                os.close(read_end)
                _reader_main(plan, write_end)
            os.close(write_end)  # the reader holds the only writing end: its exit ends the stream
            reader = cls(plan, pid, os.fdopen(read_end, "rb"), sigchld)
            try:
                reader.taker.start()
            except BaseException:
                reader.stop()
                raise
            return reader
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)

    def stop(self) -> None:
        """Kill the reader if it still runs, collect it, and let the thread finish."""
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done == 0:  # not collected yet, so the pid is still the reader's
                os.kill(self.pid, signal.SIGKILL)  # it holds nothing to clean up
                os.waitpid(self.pid, 0)
        except ChildProcessError:  # collected already
            pass
        signal.signal(signal.SIGCHLD, self._sigchld)  # type: ignore[arg-type]
        self.handover.close()  # a thread waiting for room gives up; the pipe has ended
        if self.taker.is_alive():
            self.taker.join()
        self.pipe.close()

    def _take(self) -> None:
        problem = None
        try:
            while True:
                message = pickle.load(self.pipe)
                if isinstance(message, str):  # the reader's last word: why it stopped
                    problem = message
                    break
                size = sum(len(item[1]) for _, item in message if isinstance(item, tuple))
                if not self.handover.put(message, size):
                    return
        except (EOFError, OSError, pickle.UnpicklingError):  # the stream ended, or broke off
            pass
        except BaseException as exc:  # never leave the storing side waiting for an end
            problem = f"{type(exc).__name__}: {exc}"
        finally:
            self.handover.put(_End(problem), 0)

    def _received(self) -> Iterator[ReadItem]:
        plan, taken = self.plan, 0
        while taken < len(plan):
            chunk = self.handover.get()
            if isinstance(chunk, _End):  # early: what the reader did not hand over is read here
                self.reading.problem = chunk.problem or "the reading process ended early"
                break
            for index, item in chunk:
                yield plan[index][0], (EncodedDocument(*item) if isinstance(item, tuple) else item)
                taken = index + 1
        yield from read_articles(plan[taken:], read=read_encoded)


def _reader_main(plan: Plan, write_end: int) -> None:
    """The reader process: each planned file, in order, in chunks; then exit."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the storing process
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
        # Nothing of the terminal's: a reader left stuck (on a hung network file, say) must
        # not keep a pipe such as `annotator import … | tee log` open.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        with os.fdopen(write_end, "wb") as pipe:
            try:
                _read_into(plan, pipe)
            except Exception as exc:
                if not isinstance(exc, OSError):  # a fault, not the pipe: say what it was
                    pickle.dump(f"{type(exc).__name__}: {exc}", pipe)
                raise
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


def _widen(write_end: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or over the system's limit
        pass
