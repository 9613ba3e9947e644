"""Where the pipeline's pure stage runs: a process pool on this machine, or a Dask cluster.

Both are ``concurrent.futures`` executors (Dask's is ``distributed.Client.get_executor``), so
ingest and coding submit the same tasks, a batch of documents each, to either and take the
results back in order to their one writer (``in_order``). Dask is an optional extra and is
imported only when a run asks for a cluster: the default path never loads it.

A cluster is named as ``prodplans ingest --cluster``/``prodplans code --cluster`` take it:
``local`` or ``local:N`` starts a Dask LocalCluster on this machine (N worker processes, one
thread each; N defaults to one per core), ``tcp://HOST:PORT`` connects to a running scheduler
(``dask scheduler`` and ``dask worker tcp://HOST:8786`` on each machine; docs/pipeline.md).
"""

from __future__ import annotations

import importlib.util
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from productivity_plans.prepare import lower_priority

Key = TypeVar("Key")
Result = TypeVar("Result")

INSTALL_HINT = "pip install 'productivity-plans[cluster]'"


class ClusterError(RuntimeError):
    """A cluster that cannot be used: Dask not installed, a name not understood, or a scheduler
    that does not answer. The message says what to do."""


@dataclass(frozen=True, slots=True)
class Cluster:
    executor: Executor
    workers: int  # worker threads across the cluster: how many tasks run at once


def in_order(
    executor: Executor,
    calls: Iterable[tuple[Key, Callable[[], Result]]],
    window: int,
) -> Iterator[tuple[Key, Result | Exception]]:
    """Run each call on the executor, at most ``window`` at once, and yield (key, its result)
    in the order given, or (key, the exception it raised) so that one task's failure (a worker
    killed, say) never stops the others."""
    queue: deque[tuple[Key, Future[Result]]] = deque()
    calls = iter(calls)
    while True:
        if len(queue) < window and (call := next(calls, None)) is not None:
            queue.append((call[0], executor.submit(call[1])))
            continue
        if not queue:
            return
        key, future = queue.popleft()
        result: Result | Exception
        try:
            result = future.result()
        except Exception as exc:
            result = exc
        yield key, result


def check_cluster(name: str) -> None:
    """Raise :class:`ClusterError` now, before any work, if ``name`` cannot be used: a name
    not understood, or Dask not installed."""
    if name == "local" or name.startswith("local:"):
        _local_workers(name)
    elif not name.startswith("tcp://"):
        raise ClusterError(f"unknown cluster {name!r}: local, local:N or tcp://HOST:PORT")
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(f"--cluster needs Dask, which is not installed: {INSTALL_HINT}")


@contextmanager
def dask_cluster(name: str) -> Iterator[Cluster]:
    """An executor on the Dask cluster ``name`` (see the module docstring), shut down after."""
    check_cluster(name)
    from distributed import Client, LocalCluster

    if name == "local" or name.startswith("local:"):
        count = _local_workers(name)
        with (
            LocalCluster(
                n_workers=count,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as local,
            Client(local) as client,
        ):
            # On this machine the workers share the cores with the writer: let it go first, as
            # the process pool's workers do (prepare.WORKER_NICENESS).
            client.run(lower_priority)
            yield Cluster(client.get_executor(pure=False), count)
        return
    try:
        client = Client(name, timeout=30)
    except OSError as exc:
        raise ClusterError(f"no Dask scheduler answers at {name}: {exc}") from exc
    with client:
        workers = sum(client.nthreads().values())
        if not workers:
            raise ClusterError(f"the Dask scheduler at {name} has no workers")
        yield Cluster(client.get_executor(pure=False), workers)


def _local_workers(name: str) -> int:
    _, _, count = name.partition(":")
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"local:N needs a number of workers of at least 1, not {count!r}")
    return int(count)
