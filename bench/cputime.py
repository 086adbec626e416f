#!/usr/bin/env python3
"""cputime.py CMD [ARG...]: runs CMD with its output discarded and prints
"WALL_S CPU_S" for it: wall seconds and CPU seconds (user + system, from
wait4, to the microsecond: /usr/bin/time's hundredths are too coarse for
wc -w on 10 MB); nothing when CMD fails, whose status it exits with. (Not
the peak resident set: Linux counts this interpreter's in the child's at
exec, so engine.sh takes that from /usr/bin/time.)"""
import os
import sys
import time

start = time.monotonic()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
wall = time.monotonic() - start
code = os.waitstatus_to_exitcode(status)
if code == 0:
    print(f"{wall:.3f} {usage.ru_utime + usage.ru_stime:.3f}")
sys.exit(code)
