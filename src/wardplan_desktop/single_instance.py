"""One running program per data folder.

Two programs writing the same database would each show a stale picture of the
plans, so the first program to open a data folder holds a lock file in it
(``wardplan.lock``, a :class:`QLockFile`) and listens on a local socket whose
name is derived from the folder.  A second start on the same folder finds the
lock taken, asks the first program to bring its window forward and stops.  A
lock left by a program that crashed is recognised (its process is gone) and
taken over.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILENAME = "wardplan.lock"
_MESSAGE = b"raise\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system: one key for all
        return ""


def server_name(data_dir: Path) -> str:
    """The local socket name for ``data_dir``: the same for every spelling of the folder."""
    try:
        folder = str(Path(data_dir).resolve())
    except OSError:
        folder = str(Path(data_dir).absolute())
    key = os.path.normcase(folder) + "\0" + _user()
    return "wardplan-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """The claim of this program on one data folder.

    :meth:`acquire` takes it (True) or finds another program holding it
    (False); :meth:`notify_running` then asks that program to come forward.
    While held, every such request emits :attr:`activate_requested`.
    """

    activate_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.lock_path = self.data_dir / LOCK_FILENAME
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._server is not None

    def acquire(self) -> bool:
        """Take the data folder; False when another running program holds it.

        When the lock file cannot be written at all (the folder is read-only or
        cannot be created), the claim is taken without it: opening the
        database then reports the real problem to the user.
        """
        if self.held:
            return True
        lock = None
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("No lock on %s: %s", self.data_dir, exc)
        else:
            lock = QLockFile(str(self.lock_path))
            # The lock is held for as long as the program runs, hours on end: never
            # judge it stale by its age, only by its process being gone.
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                error = lock.error()
                if error == QLockFile.LockError.LockFailedError:
                    # tryLock already removes a stale lock; try once more should
                    # its owner have ended between the two looks.
                    if not (lock.removeStaleLockFile() and lock.tryLock(0)):
                        log.info("Data folder %s is in use (lock %s).", self.data_dir,
                                 _lock_owner(lock))
                        return False
                else:
                    log.warning("No lock on %s (%s); going on without it.", self.lock_path,
                                error.name)
                    lock = None
        self._lock = lock
        self._listen()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # We hold the lock, so a server of that name is left over from a crash.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("Cannot listen on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The socket is a child of the server: closing the server deletes it.
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.bytesAvailable():
            return
        if _MESSAGE.strip() in bytes(socket.readAll().data()):
            log.info("Another start on this data folder: bringing the window forward.")
            self.activate_requested.emit()

    def notify_running(self, timeout_ms: int = 3000) -> bool:
        """Ask the program holding the folder to come forward; False if nobody answers.

        Tries for up to ``timeout_ms``, since the holder may have just started
        and not be listening yet.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(max(1, min(500, timeout_ms))):
                break
            socket.abort()
            if time.monotonic() >= deadline:
                log.info("Nobody answers on %s: %s", self.name, socket.errorString())
                return False
            time.sleep(0.1)
        socket.write(_MESSAGE)
        delivered = socket.waitForBytesWritten(max(1, timeout_ms))
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(100)
        return delivered

    def release(self) -> None:
        """Give the folder up (the lock file is removed)."""
        if self._server is not None:
            self._server.newConnection.disconnect(self._on_connection)
            for socket in self._server.findChildren(QLocalSocket):
                socket.readyRead.disconnect(self._on_ready_read)
                socket.abort()
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def _lock_owner(lock: QLockFile) -> str:
    info = lock.getLockInfo()  # PySide6: (pid, host name, application name)
    return " ".join(str(part) for part in info) if info and info[0] else "unknown owner"
