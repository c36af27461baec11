#pragma once
// CPU time (user + system) in milliseconds, for the probes' per-round and per-second figures.

#include <QString>

// This process's.
double ownCpuMs();
// Another process's, from /proc/<pid>/stat; -1 when `pid` is empty or unreadable.
double processCpuMs(const QString &pid);
