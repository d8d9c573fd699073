"""ui.shell.run_gate: one script run at a time per process, served in arrival order, never blocked for good."""

import threading
import time

from ui.shell import run_gate
from ui.shell.run_gate import _FifoSlots


def test_waiting_runs_get_the_slot_in_arrival_order():
    slots = _FifoSlots(1)
    assert slots.acquire(1)
    order: list[str] = []
    threads = []
    for name in ("first", "second", "third"):
        threads.append(threading.Thread(target=lambda name=name: (slots.acquire(5), order.append(name),
                                                                   slots.release())))
        threads[-1].start()
        while len(slots._waiters) < len(threads):  # each is queued before the next one arrives
            time.sleep(0.001)
    slots.release()
    for thread in threads:
        thread.join(5)
    assert order == ["first", "second", "third"]


def test_a_freed_slot_goes_to_the_waiting_run_not_to_a_newcomer():
    slots = _FifoSlots(1)
    assert slots.acquire(1)
    order: list[str] = []
    waiting = threading.Thread(target=lambda: (slots.acquire(5), order.append("waiting"), time.sleep(0.05),
                                               slots.release()))
    waiting.start()
    while not slots._waiters:
        time.sleep(0.001)
    slots.release()
    assert slots.acquire(5)  # the newcomer queues behind the run that was waiting
    order.append("newcomer")
    slots.release()
    waiting.join(5)
    assert order == ["waiting", "newcomer"]


def test_a_run_goes_ahead_without_a_slot_after_the_longest_wait():
    slots = _FifoSlots(1)
    assert slots.acquire(1)
    started = time.monotonic()
    assert slots.acquire(0.05) is False  # the holder is stuck: go ahead unadmitted
    assert time.monotonic() - started < 2
    assert not slots._waiters
    slots.release()
    assert slots.acquire(0.05)  # the slot was not lost


def test_long_work_steps_out_and_takes_the_slot_back():
    with run_gate.admitted():
        assert run_gate._held.slot
        with run_gate.stepped_out():
            assert not run_gate._held.slot
            with run_gate.admitted():  # another visitor's run goes ahead meanwhile
                pass
        assert run_gate._held.slot
    assert not run_gate._held.slot


def test_stepping_out_outside_a_run_changes_nothing():
    with run_gate.stepped_out():
        pass
    with run_gate.admitted():
        assert run_gate._held.slot
