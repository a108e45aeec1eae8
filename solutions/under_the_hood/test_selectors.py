"""A selector tells which registered file descriptors are ready: the I/O wait under an event loop.

An event loop waits for many sockets at once with I/O multiplexing: `select`, `poll`, Linux's
`epoll`, BSD's `kqueue`. The `selectors` module wraps them (`selectors.DefaultSelector` is the best
one the platform has). You `register` a file object (or file descriptor) with the events you care
about, `EVENT_READ` and/or `EVENT_WRITE`, plus any `data` you like; `select(timeout)` then returns a
`(key, events)` pair for each one that is ready, where `key.data` is what you registered and
`events` the ready events. With `timeout=0` it only looks; with a timeout it sleeps in the kernel
until something is ready. Readiness is a state, not a message: a socket with unread data stays
readable until the data is read. An empty socket buffer is writable at once.
"""

import selectors
import socket

from pytest_katas import __


def ready(selector):
    """What select(timeout=0) reports now: (data, events) for each ready key."""
    return [(key.data, events) for key, events in selector.select(timeout=0)]


def test_a_socket_is_readable_only_once_data_arrives():
    left, right = socket.socketpair()
    with selectors.DefaultSelector() as selector, left, right:
        selector.register(right, selectors.EVENT_READ, data="right")
        before = ready(selector)
        left.send(b"ping")
        after = ready(selector)
    assert (before, after) == ([], [("right", selectors.EVENT_READ)])


def test_it_stays_readable_until_the_data_is_read():
    left, right = socket.socketpair()
    with selectors.DefaultSelector() as selector, left, right:
        selector.register(right, selectors.EVENT_READ, data="right")
        left.send(b"ping")
        seen = [len(ready(selector))]
        seen.append(len(ready(selector)))
        right.recv(100)
        seen.append(len(ready(selector)))
    assert seen == [1, 1, 0]


def test_an_empty_socket_is_writable_at_once():
    left, right = socket.socketpair()
    with selectors.DefaultSelector() as selector, left, right:
        selector.register(right, selectors.EVENT_READ | selectors.EVENT_WRITE, data="right")
        first = ready(selector)
        left.send(b"ping")
        second = ready(selector)
    assert (first, second) == (
        [("right", selectors.EVENT_WRITE)],
        [("right", selectors.EVENT_READ | selectors.EVENT_WRITE)],
    )
