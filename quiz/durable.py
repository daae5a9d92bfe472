"""Writing a file so that a crash leaves either the old file or the whole new one.

The one procedure every layer uses: a temporary file in the same folder, flushed and
fsynced, renamed over the target (or linked, when an existing file must not be replaced),
then the folder fsynced so that the rename itself survives a power cut. Packs, exports,
results, the editor and the cache use it as is; the save store passes a `before_replace`
hook that turns the current file into backup 1 once the new text is safely on disk
(`quiz.store.files`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

# In every temporary file's name, so that a writer killed mid-write leaves a file that
# `is_temp_name` recognises and its folder's owner can delete.
TEMP_MARKER = ".tmp-"


def is_temp_name(name: str) -> bool:
    """Whether a file called `name` is a temporary file of `write_durably`."""
    return name.startswith(".") and TEMP_MARKER in name


def write_durably(
    path: str | Path,
    data: str | bytes,
    *,
    replace: bool = True,
    durable: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `data` (text is UTF-8) to `path` all at once.

    With `replace` False an existing file is never replaced, even one created meanwhile:
    FileExistsError. An existing file's permissions are kept; a new file gets the usual ones
    (the umask's). `durable` False skips the fsyncs (for caches, where losing the file only
    costs time). `before_replace` runs once the whole new content is written (and synced),
    just before it takes the target's name; if it raises, nothing is replaced. Raises
    OSError; the temporary file never outlives a failure.
    """
    target = Path(path)
    folder = target.parent
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    temp_name = folder / f".{target.name}{TEMP_MARKER}{os.getpid()}-{secrets.token_hex(4)}"
    handle = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            if durable:
                temp.flush()
                os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        if before_replace is not None:
            before_replace()
        try:
            if replace:
                os.replace(temp_name, target)
            else:
                _link_new(temp_name, target)
        except FileExistsError:
            raise
        except OSError as error:
            # Name the file being written, not the temporary one deleted just below.
            raise OSError(error.errno, error.strerror, str(target)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    if durable:
        fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make renames inside `folder` durable (a no-op where folders can't be opened)."""
    try:
        descriptor = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some filesystems cannot sync a folder; the file itself is already synced
    finally:
        os.close(descriptor)


def _link_new(temp_name: Path, target: Path) -> None:
    """Give the temporary file the name `target`, failing if that name is taken."""
    try:
        # A hard link fails if the name exists, so no race can clobber a file.
        os.link(temp_name, target)
    except FileExistsError:
        raise
    except OSError:
        # Filesystems without hard links: fall back to an exclusive check, then a rename.
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temp_name, target)
        return
    os.unlink(temp_name)
