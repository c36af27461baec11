#pragma once
// How the C library's allocator keeps memory for a server whose work comes in bursts.

namespace livedeck {

// A broadcast to 1,000 dashboard viewers builds ~7 MB of frames, sends them and frees them, once
// a second. With glibc's defaults the freed top of each heap went back to the kernel after every
// burst and the next burst faulted in fresh zeroed pages: 60 of the 65 ms of server CPU per
// sample at 1,000 viewers were page faults and heap growth (perf: sysmalloc, clear_page). Keeping
// up to 256 MB of freed memory (and growing the main heap in 64 MB steps, which touches no page
// until used) brought it to 25 ms. RSS stays at its peak instead of shrinking after a burst.
// Call before anything allocates much; an environment's GLIBC_TUNABLES still wins.
void tuneAllocatorForBursts();

} // namespace livedeck
