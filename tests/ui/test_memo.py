"""ui.reads.memo.shared: one result per key for the process, computed once, least recently used dropped."""

import threading
import time

import pandas as pd
import pytest

from ui.reads.memo import shared


def test_a_result_is_computed_once_per_key_and_shared():
    calls = []

    @shared(8)
    def view(url: str, counter: int, lang: str = "de"):
        calls.append((url, counter, lang))
        return {"counter": counter}

    first = view("db", 1)
    assert view("db", 1) is first
    assert view("db", 1, lang="de") is first  # the same key however the arguments are passed
    assert view(url="db", counter=1) is first
    assert view("db", 2)["counter"] == 2  # a write moves the change counter: a new key
    assert view("db", 1, "en") is not first
    assert calls == [("db", 1, "de"), ("db", 2, "de"), ("db", 1, "en")]


def test_arguments_starting_with_an_underscore_are_not_part_of_the_key():
    @shared(8)
    def table(url: str, counter: int, _rows: pd.DataFrame):
        return len(_rows)

    assert table("db", 1, pd.DataFrame({"a": [1, 2]})) == 2
    assert table("db", 1, pd.DataFrame({"a": [1, 2, 3]})) == 2  # unhashable frames are fine: not hashed


def test_the_least_recently_used_key_is_dropped_beyond_max_entries():
    calls = []

    @shared(2)
    def view(counter: int):
        calls.append(counter)
        return counter

    view(1), view(2), view(1), view(3)  # 2 is the least recently used when 3 arrives
    view(1)
    view(2)
    assert calls == [1, 2, 3, 2]


def test_concurrent_callers_of_a_new_key_wait_for_one_computation():
    calls = []

    @shared(4)
    def slow(counter: int):
        calls.append(counter)
        time.sleep(0.05)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(slow(7))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [7]
    assert all(result is results[0] for result in results)


def test_a_failure_is_not_remembered():
    attempts = []

    @shared(4)
    def flaky(counter: int):
        attempts.append(counter)
        if len(attempts) == 1:
            raise RuntimeError("database gone")
        return counter

    with pytest.raises(RuntimeError):
        flaky(1)
    assert flaky(1) == 1
    assert attempts == [1, 1]
