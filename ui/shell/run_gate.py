"""Admission of script runs: one run of this process executes at a time, in arrival order.

All runs of one server share one process and its GIL. When 50 visitors arrive at once, 50 threads
running side by side all finish late (each gets a 50th of the interpreter, and the event loop that
sends their messages waits for the GIL behind them); admitted one at a time they finish one after
another at the same throughput. Measured with bench.sessions, 50 first visits on one process: p95 of
the first run 3.1 s side by side, 2.4 s with two slots, 1.5 s with one.

Work that takes seconds (building the Fachbeirat report, an import's check and write) steps out of
the gate. A run that waited MAX_WAIT_S goes ahead without a slot, so one stuck run (a database lock
held by another process, say) delays the others by seconds at most, never blocks them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

RUNS_AT_ONCE = 1
MAX_WAIT_S = 3.0


class _FifoSlots:
    """A counting semaphore that serves waiters in arrival order: a freed slot is handed to the
    oldest waiter, so a visitor who arrives later cannot overtake (threading.Semaphore lets them)."""

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._lock = threading.Lock()
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self, timeout: float) -> bool:
        """True with a slot; False when none came within timeout seconds."""
        with self._lock:
            if self._free and not self._waiters:
                self._free -= 1
                return True
            waiter = threading.Lock()
            waiter.acquire()
            self._waiters.append(waiter)
        if waiter.acquire(timeout=timeout):  # released by release(), which hands this thread the slot
            return True
        with self._lock:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
                return False
        waiter.acquire()  # handed over just as the wait ran out: the slot is ours
        return True

    def release(self) -> None:
        with self._lock:
            if self._waiters:
                self._waiters.popleft().release()
            else:
                self._free += 1


_slots = _FifoSlots(RUNS_AT_ONCE)
_held = threading.local()


@contextmanager
def admitted() -> Iterator[None]:
    """Hold a slot for the rest of this script run (or go ahead without one after MAX_WAIT_S)."""
    _held.slot = _slots.acquire(MAX_WAIT_S)
    try:
        yield
    finally:
        if _held.slot:
            _held.slot = False
            _slots.release()


@contextmanager
def stepped_out() -> Iterator[None]:
    """Give the slot back during long work inside a run (a no-op outside an admitted run)."""
    if not getattr(_held, "slot", False):
        yield
        return
    _held.slot = False
    _slots.release()
    try:
        yield
    finally:
        _held.slot = _slots.acquire(MAX_WAIT_S)
