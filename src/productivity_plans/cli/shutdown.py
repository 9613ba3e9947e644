"""Stopping ``prodplans serve`` in bounded time.

Imported by ``serve`` only (uvicorn is not imported by the rest of the CLI).
"""

from __future__ import annotations

import os
import threading
from types import FrameType

import uvicorn

from productivity_plans.cli.app import console

# Seconds ``serve`` gives requests in flight to finish after SIGTERM (or Ctrl-C); then it stops.
# uvicorn waits for every running request, and a page handled in a worker thread cannot be
# cancelled: a dashboard computing on a big store held the server ≈ 3 minutes after SIGTERM.
SHUTDOWN_GRACE_SECONDS = 5
# ... and seconds after that before the process ends even if a thread is still computing.
SHUTDOWN_HARD_STOP_SECONDS = 3


def _hard_stop(signal_number: int) -> None:
    """Ends the process now: the requests still computing are abandoned (every write is one
    transaction, so the store loses nothing but those requests' unfinished work)."""
    console.print("Requests still running after the grace period: stopping without them.")
    os._exit(128 + signal_number)


class BoundedShutdownServer(uvicorn.Server):
    """uvicorn's server, with a deadline on stopping: SIGTERM ends ``serve`` within
    ``SHUTDOWN_GRACE_SECONDS + SHUTDOWN_HARD_STOP_SECONDS``, whatever is running."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        deadline = SHUTDOWN_GRACE_SECONDS + SHUTDOWN_HARD_STOP_SECONDS
        timer = threading.Timer(deadline, _hard_stop, args=(sig,))
        timer.daemon = True  # never itself a reason to wait
        timer.start()
