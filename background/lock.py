"""One scheduler at a time, whatever the number of machines that start one.

PostgreSQL: a session advisory lock, held by the scheduler's own database connection. The database
is the one service every process already needs (the tasks wait there), and the server releases the
lock the moment that connection ends, a process killed or a machine lost included: no expiry to tune,
and no second scheduler while the first is merely slow, as a lock with a time-to-live would allow.
A standby scheduler retries and takes over within `RETRY_SECONDS`. SQLite serves one machine only:
a lock on a file beside the database, released by the system when the process ends.
"""

import fcntl
import tempfile
import zlib
from pathlib import Path

from django.db import connection as default_connection

LOCK_KEY = zlib.crc32(b"territoires.scheduler")  # any fixed 32-bit number that nothing else uses
RETRY_SECONDS = 15


class SchedulerLock:
    """Held through `connection` (Django's default one); `acquire` again after a loss."""

    def __init__(self, connection=default_connection):
        self.connection = connection
        self._file = None

    def acquire(self):
        """True when this process is now the scheduler."""
        connection = self.connection
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                return cursor.fetchone()[0]
        name = zlib.crc32(str(connection.settings_dict["NAME"]).encode())
        path = Path(tempfile.gettempdir()) / f"territoires-scheduler-{name}.lock"
        self._file = open(path, "w")  # noqa: SIM115 - held for the life of the process
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            return False
        return True

    def release(self):
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        elif self._file is not None:
            self._file.close()

    def still_held(self):
        """The lock lives as long as its connection: a failing query means it may be another's by now."""
        if self.connection.vendor != "postgresql":
            return True
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s "
                    "AND pid = pg_backend_pid() AND granted",
                    [LOCK_KEY],
                )
                return cursor.fetchone()[0] == 1
        except Exception:  # the connection is gone, and the lock with it
            return False
