"""Files written at once: a reader (another run, a teacher's tools, a web server) sees the old file
or the whole new one, never half of it, whatever interrupts the writer.

Used for the progress state file, the JSON and HTML reports and a workspace's record.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file beside it, then `os.replace` it
    over `path` (atomic on POSIX and Windows within one file system). Missing folders are made.

    The file gets mode 0o666 less the umask, as any new file does (0o644 under the usual umask
    0o022): `tempfile.mkstemp` would leave it 0o600, and these files are for others to read.
    The temporary file (`.NAME.XXXXXXXX.tmp`) is removed when anything fails, KeyboardInterrupt
    included. Raises OSError; NotADirectoryError when a file stands where a folder should be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: "File exists" would mislead
        raise NotADirectoryError(
            errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)
        ) from None
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        # the umask can only be read by setting it
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
