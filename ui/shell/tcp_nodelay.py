"""Send the server's websocket messages at once (TCP_NODELAY), as asyncio means to.

asyncio turns Nagle's algorithm off for every TCP connection it accepts, but only when the socket was
created with protocol IPPROTO_TCP; Streamlit 1.67 binds its listening socket with protocol 0, so the
check fails and Nagle stays on. Together with the browser's delayed acknowledgements this held every
run's messages back by about 40 ms whenever a run followed the previous one quickly (measured with
bench.rerun: an empty page took 45 ms back to back and 10 ms after a pause; with this, both 10 ms).
Connections accepted after the first run of the process get the option; the one that started it
keeps the old behaviour until it reconnects.
"""

from __future__ import annotations

import asyncio.base_events
import socket

_STREAM_FAMILIES = {socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)}


def _set_nodelay(sock: socket.socket) -> None:
    if sock.family in _STREAM_FAMILIES and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def enable() -> None:
    """Idempotent: new TCP connections of this process's event loops get TCP_NODELAY."""
    asyncio.base_events._set_nodelay = _set_nodelay  # noqa: SLF001  (see the module docstring)
