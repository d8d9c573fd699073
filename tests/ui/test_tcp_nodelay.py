"""ui.shell.tcp_nodelay: connections accepted on a listening socket bound the way Streamlit binds it
(protocol 0) get TCP_NODELAY, so a run's messages are not held back by Nagle's algorithm."""

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

from ui.shell import tcp_nodelay


def _accepted_nodelay() -> int:
    async def scenario() -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # protocol 0, as in Streamlit 1.67
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted: asyncio.Future = asyncio.get_running_loop().create_future()

        async def on_connect(reader, writer):
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        _, writer = await asyncio.open_connection("127.0.0.1", listener.getsockname()[1])
        value = await asyncio.wait_for(accepted, 5)
        writer.close()
        server.close()
        await server.wait_closed()
        return value

    # In its own thread: a browser test on the same worker may leave an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scenario()).result(timeout=30)


def test_a_connection_accepted_on_a_protocol_0_listener_gets_tcp_nodelay():
    assert listener_protocol_is_zero()
    tcp_nodelay.enable()
    assert _accepted_nodelay() != 0


def listener_protocol_is_zero() -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.proto == 0
