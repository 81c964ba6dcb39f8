"""SQLite's hold on an open database file: which files are its own, and whether the hold was lost.

On POSIX, closing any descriptor of a file drops every fcntl lock the process holds on that
file, SQLite's included (sqlite.org/howtocorrupt.html, section 2.2). Another process then takes
this one for gone: it checkpoints and deletes the WAL, and later commits here go to a deleted
file. So nothing in this process may open the database's files outside SQLite (the checks here
say which files those are), and a hold lost anyway is noticed before the next transaction.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

# The database and the files SQLite keeps beside it.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")
_FD_DIR = Path("/proc/self/fd")
_FDINFO_DIR = Path("/proc/self/fdinfo")
_MOUNTINFO = Path("/proc/self/mountinfo")
# File systems on which SQLite's locks and WAL shared memory do not work across machines.
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "fuse.sshfs", "sshfs",
    "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "davfs", "fuse.davfs2",
    "fuse.s3fs", "fuse.rclone", "virtiofs", "vboxsf", "fuse.gcsfuse"})

# Databases this process has open through SQLite: (device, inode) -> how to let go of each opener.
_open: dict[tuple[int, int], list[Callable[[], None]]] = {}


def companions(db: Path) -> tuple[Path, ...]:
    """The database file and the journal, WAL and shared-memory files SQLite names after it."""
    return tuple(db.with_name(db.name + suffix) for suffix in COMPANION_SUFFIXES)


def file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None if there is none."""
    try:
        st = path.stat()  # stat opens nothing, so it drops no lock
    except OSError:
        return None
    return st.st_dev, st.st_ino


def register(db: Path, let_go: Callable[[], None]) -> tuple[int, int] | None:
    """Note that `db` is open here; `let_go` closes that opener's connections. Returns the file id."""
    key = file_id(db)
    if key is not None:
        _open.setdefault(key, []).append(let_go)
    return key


def unregister(key: tuple[int, int] | None, let_go: Callable[[], None]) -> None:
    openers = _open.get(key) if key is not None else None
    if openers is not None and let_go in openers:
        openers.remove(let_go)
        if not openers:
            del _open[key]  # type: ignore[arg-type]


def open_here(db: Path) -> bool:
    """Whether this process has `db` open through SQLite (then it must not open the file itself)."""
    key = file_id(db)
    return key is not None and key in _open


def let_go_everywhere(key: tuple[int, int]) -> None:
    """Close every connection of this process to the file: SQLite forgets its lost locks only then."""
    for let_go in list(_open.get(key, ())):
        let_go()


def own_file_ids(db: Path) -> frozenset[tuple[int, int]]:
    """(device, inode) of each of the database's files that exists: a file with one of these
    ids is the database's, whatever its name (a hard link or a symlink to it)."""
    return frozenset(i for i in map(file_id, companions(db)) if i is not None)


def is_own_file(candidate: Path, db: Path) -> bool:
    """Whether `candidate` is one of the database's files.

    Matches by name (a WAL that does not exist yet) and by identity (a hard link or symlink).
    """
    try:
        resolved = candidate.expanduser().resolve()
        own = companions(db.expanduser().resolve())
    except (OSError, RuntimeError):
        return False
    return resolved in own or file_id(resolved) in own_file_ids(db)


def hold_lost(db: Path) -> bool | None:
    """Whether this process's SQLite has lost its locks on `db` (or its WAL was replaced).

    Call it only while a connection to `db` is open and idle: SQLite then holds a shared lock on
    the database and one on its shared-memory file. Each is looked up in the `fdinfo` of a
    descriptor this process has on that file, which lists the process's own POSIX locks on it
    (Linux). Not /proc/locks: the kernel waits for an RCU grace period, milliseconds, on every
    read of it. None where the kernel does not list descriptors.
    """
    try:
        descriptors = os.listdir(_FD_DIR)
    except OSError:
        return None
    wanted = {file_id(path) for path in (db, db.with_name(db.name + "-shm"))}
    if None in wanted:
        return True
    locked: set[tuple[int, int] | None] = set()
    for fd in descriptors:
        try:
            st = os.stat(_FD_DIR / fd)  # follows the link to the file without opening it
            ident = (st.st_dev, st.st_ino)
            if ident in wanted and ident not in locked and _has_posix_lock(_FDINFO_DIR / fd):
                locked.add(ident)
        except OSError:
            continue  # a descriptor closed meanwhile (or not a file)
    return locked != wanted


def _has_posix_lock(fdinfo: Path) -> bool:
    """Whether the `fdinfo` of a descriptor lists a POSIX lock of this process on its file."""
    with open(fdinfo, encoding="ascii", errors="replace") as fh:
        return any(line.startswith("lock:") and " POSIX " in line for line in fh)


def file_system_type(path: Path, mountinfo: Path = _MOUNTINFO) -> str | None:
    """The type of the file system holding `path` (from /proc/self/mountinfo), None if unknown."""
    try:
        lines = mountinfo.read_text(encoding="utf-8", errors="replace").splitlines()
        target = str(path.expanduser().resolve())
    except (OSError, RuntimeError):
        return None
    best, best_type = "", None
    for line in lines:
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        mount = fields[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, right.split()[0]
    return best_type
