"""Delivery of the outbox while the server runs: for now each notification is written to
the log (logger `govops.notifications`); a webhook sender would plug in here."""

from __future__ import annotations

import logging
import threading

from govops.incidents.ports import Notification
from govops.incidents.service.incident import IncidentService

LOG = logging.getLogger("govops.notifications")
INTERVAL_SECONDS = 2.0


def log_notification(notification: Notification) -> None:
    payload = notification.payload
    LOG.info(
        "notify %s (%s): incident %s, %s",
        notification.department,
        payload.get("name", ""),
        notification.incident_id,
        payload.get("event", ""),
    )


class OutboxWorker:
    """A background thread that delivers pending notifications every few seconds."""

    def __init__(self, service: IncidentService) -> None:
        self._service = service
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="govops-outbox", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._service.deliver_notifications(log_notification)
            except Exception:  # a database hiccup: logged, and tried again next round
                LOG.exception("outbox delivery failed; retrying")
            self._stop.wait(INTERVAL_SECONDS)
