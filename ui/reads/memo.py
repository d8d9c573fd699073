"""A process-wide memo for the read-only views every page run asks for.

It does what st.cache_resource does for these views (one shared object per key, computed once while
concurrent callers wait, the least recently used dropped beyond max_entries), at a fraction of the cost:
st.cache_resource hashes every argument through its own hasher and inspects the signature on each
call (about 0.4 ms here), and a page run makes ten such calls. The keys here are the arguments themselves
(a PlanKey with the plan's change counter, and plain values), so a write anywhere changes the key.
Parameters whose name starts with "_" are left out of the key, as with Streamlit's caches: the
other arguments already determine them. Results are shared by every session: never mutate them.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class _Entry:
    __slots__ = ("lock", "done", "value")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = False
        self.value: Any = None


def shared(max_entries: int) -> Callable[[F], F]:
    """Memoise a function's result per key for the whole process (see the module's docstring)."""

    def decorate(function: F) -> F:
        signature = inspect.signature(function)
        names = list(signature.parameters)
        keyed = [index for index, name in enumerate(names) if not name.startswith("_")]
        defaults = {name: parameter.default for name, parameter in signature.parameters.items()
                    if parameter.default is not inspect.Parameter.empty}
        entries: OrderedDict[tuple, _Entry] = OrderedDict()
        table_lock = threading.Lock()

        def key_of(args: tuple, kwargs: dict) -> tuple:
            if not kwargs and len(args) == len(names):
                return tuple(args[index] for index in keyed)
            values = dict(defaults)
            values.update(zip(names, args))
            values.update(kwargs)
            return tuple(values[names[index]] for index in keyed)

        @functools.wraps(function)
        def memoised(*args: Any, **kwargs: Any) -> Any:
            key = key_of(args, kwargs)
            with table_lock:
                entry = entries.get(key)
                if entry is None:
                    entry = entries[key] = _Entry()
                    while len(entries) > max_entries:
                        entries.popitem(last=False)
                else:
                    entries.move_to_end(key)
            if entry.done:
                return entry.value
            with entry.lock:  # the first caller computes; the others wait for its result
                if not entry.done:
                    entry.value = function(*args, **kwargs)
                    entry.done = True
            return entry.value

        memoised.clear = entries.clear  # type: ignore[attr-defined]
        return memoised  # type: ignore[return-value]

    return decorate
