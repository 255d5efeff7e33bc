"""Load one URL with wrk and read its summary."""

import re
import subprocess
from dataclasses import dataclass

# 8 connections for 2 workers: each request queues behind about three others, as under a steady
# crowd. The long timeout keeps slow requests in the latency figures instead of dropping them.
CONNECTIONS = 8
WRK = ["wrk", "--threads", "2", "--connections", str(CONNECTIONS), "--timeout", "30s"]
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Load:
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    failed: int  # responses outside 2xx/3xx, and socket errors


def run_wrk(url, duration):
    result = subprocess.run(  # noqa: S603 - fixed command, local URL
        [*WRK, "--duration", duration, "--latency", url], capture_output=True, text=True, check=True
    )
    return parse(result.stdout)


def parse(output):
    """The figures of wrk's text summary; raises ValueError if one is missing."""

    def find(pattern):
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise ValueError(f"wrk output without {pattern!r}:\n{output}")
        return match

    def latency(percentile):
        value, unit = find(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$").groups()
        return float(value) * UNITS_MS[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Load(
        requests=int(find(r"^\s+(\d+) requests in")[1]),
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)")[1]),
        p50_ms=latency(50),
        p99_ms=latency(99),
        failed=(int(non_2xx[1]) if non_2xx else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    )
