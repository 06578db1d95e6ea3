"""The scan's helpers beyond the calling thread (split from app.core.scan, whose `_Walk`
they work on): a forked helper process that scans whole subtrees (tend, scan_subtree,
absorb_subtree; the process itself is app.core.scan_split), and a pool of threads that
keeps listings in flight once listings turn out to be I/O-bound (walk_parallel).

Both absorb results in the calling thread only, as the serial walk does: the walk's
lists are never touched by two threads.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import TYPE_CHECKING

from app.core import scan_split

if TYPE_CHECKING:
    from app.core.scan import _Listing, _Task, _Walk

log = logging.getLogger("app.core.scan")  # one logger for the whole scan, as before the split

# The longest a wait here lasts before the cancel event is looked at again.
WAIT_S = 0.1


def tend(walk: _Walk, helper: scan_split.Helper, stack: list[_Task]) -> scan_split.Helper | None:
    """Take the helper's finished subtree, and give it the shallowest folder left
    (the biggest piece of work). A helper that fails hands its folder back."""
    if helper.task is not None and (helper.ready() or (not stack and helper.wait(WAIT_S))):
        task, payload = helper.result()
        if payload is None:
            stack.append(task)  # scanned here instead
        else:
            absorb_subtree(walk, task, payload)
    if helper.dead:
        log.warning("Scan: the helper process stopped; scanning on without it")
        helper.close(kill=True)
        return None
    if helper.idle and len(stack) > 1:
        task = stack.pop(0)
        try:
            helper.give(task)
        except OSError:
            stack.insert(0, task)
    return helper


def scan_subtree(walk: _Walk, task: _Task) -> scan_split.SubtreePayload:
    """In the helper process: one whole subtree, serially, as a payload."""
    os_path, rel, _, attributes = task
    sub = type(walk)(
        walk.root_text, walk.os_root, lister=None, stop=None, progress=None, strict_root=False
    )
    sub.walk_serial([(os_path, rel, -1, attributes)], may_go_parallel=False)
    return scan_split.encode_subtree(
        sub.folders, sub.parents, sub.counts, sub.sizes, sub.files, sub.problems
    )


def absorb_subtree(walk: _Walk, task: _Task, payload: scan_split.SubtreePayload) -> None:
    folders, parents, counts, sizes, files, problems = scan_split.decode_subtree(payload)
    base = len(walk.folders)
    parent = task[2]
    walk.folders += folders
    walk.parents += [parent if local < 0 else base + local for local in parents]
    walk.counts += counts
    walk.sizes += sizes
    walk.files += files
    walk.nbytes += sum(sizes)
    walk.problems += problems
    walk.report_progress(task[1])


def walk_parallel(walk: _Walk, pending_tasks: list[_Task], workers: int) -> None:
    tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
    results: queue.SimpleQueue[_Listing | BaseException] = queue.SimpleQueue()
    halt = threading.Event()

    def work() -> None:
        while True:
            task = tasks.get()
            if task is None or halt.is_set():
                return
            try:
                results.put(walk.list_folder(task))
            except BaseException as error:  # a bug: hand it to the caller, don't hang
                results.put(error)
                return

    for task in pending_tasks:
        tasks.put(task)
    pending = len(pending_tasks)
    threads = [threading.Thread(target=work, name=f"scan-{n}", daemon=True) for n in range(workers)]
    for thread in threads:
        thread.start()
    try:
        while pending:
            if walk.stopping():
                return
            try:
                result = results.get(timeout=WAIT_S)
            except queue.Empty:
                continue
            if isinstance(result, BaseException):
                raise result
            pending -= 1
            for task in walk.absorb(result):
                tasks.put(task)
                pending += 1
    finally:
        halt.set()
        for _ in threads:
            tasks.put(None)
        # Idle workers leave at once; one in the middle of a slow listing is left to
        # finish on its own (daemon) rather than holding up a cancel.
        deadline = time.monotonic() + 1.0
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
