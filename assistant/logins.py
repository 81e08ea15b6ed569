"""The app's login (BRIEFING_AUTH) with failed attempts rate-limited.

Gradio's login form and the REST API's HTTP Basic both call one check, `LoginGuard(user,
password)`. Gradio hands it only the name and the password (no client address), so failures
are counted per login name, and across all names: after `max_failures` wrong passwords for a
name within `window` seconds that name is refused, right password or not, for `lockout` seconds
(doubling on each lockout in a row, up to an hour); a success clears the name's count. Past
`max_total` failures within `window` over all names (password spraying), every login waits out
`lockout`. A refused attempt is an HTTP 429 with Retry-After, so a script backs off and a
person reads why. Counts live in memory: one app process, and a restart forgets them.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

MAX_LOCKOUT = 3600.0


class TooManyLogins(Exception):
    """Login refused without checking the password: too many recent failures."""

    def __init__(self, who: str, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(
            f"too many failed logins{' for ' + who if who else ''}; "
            f"try again in {self.retry_after} s"
        )


@dataclass
class _Name:
    failures: deque[float] = field(default_factory=deque)
    locked_until: float = 0.0
    lockouts: int = 0  # lockouts in a row, for the doubling


class LoginGuard:
    def __init__(
        self,
        pairs: Sequence[tuple[str, str]],
        max_failures: int = 5,
        lockout: float = 300.0,
        window: float = 900.0,
        max_total: int = 50,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._pairs = [(u.encode(), p.encode()) for u, p in pairs]
        self.max_failures = max_failures
        self.lockout = lockout
        self.window = window
        self.max_total = max_total
        self._clock = clock
        self._names: dict[str, _Name] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def __call__(self, user: str, password: str) -> bool:
        """Whether the login is right; raises an HTTP 429 while `user` (or everyone) is
        locked out.
        """
        try:
            return self.check(user, password)
        except TooManyLogins as e:
            from fastapi import HTTPException

            raise HTTPException(
                status_code=429, detail=str(e), headers={"Retry-After": str(e.retry_after)}
            ) from e

    def check(self, user: str, password: str) -> bool:
        """Whether the login is right; raises TooManyLogins while locked out."""
        now = self._clock()
        with self._lock:
            self._forget(now)
            name = self._names.get(user)
            if name is not None and name.locked_until > now:
                raise TooManyLogins(user, name.locked_until - now)
            if len(self._all) >= self.max_total:
                raise TooManyLogins("", self._all[0] + self.window - now)
        ok = False
        for u, p in self._pairs:  # every pair compared: the time says nothing about which
            ok |= hmac.compare_digest(u, user.encode()) & hmac.compare_digest(p, password.encode())
        with self._lock:
            name = self._names.setdefault(user, _Name())
            if ok:
                name.failures.clear()
                name.lockouts = 0
                return True
            name.failures.append(now)
            self._all.append(now)
            if len(name.failures) >= self.max_failures:
                name.locked_until = now + min(MAX_LOCKOUT, self.lockout * 2**name.lockouts)
                name.lockouts += 1
                name.failures.clear()
            return False

    def _forget(self, now: float) -> None:
        """Drop failures older than the window, and names with nothing left to remember."""
        while self._all and self._all[0] <= now - self.window:
            self._all.popleft()
        for key in list(self._names):
            name = self._names[key]
            while name.failures and name.failures[0] <= now - self.window:
                name.failures.popleft()
            if not name.failures and name.locked_until <= now - MAX_LOCKOUT:
                del self._names[key]
