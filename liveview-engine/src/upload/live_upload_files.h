#pragma once
// The temporary upload files this process owns right now, so that a sweep never removes one
// that is still being written. Thread-safe.

#include <QString>

namespace liveview::internal {

class LiveUploadFiles
{
public:
    static void add(const QString &path);
    static void remove(const QString &path);
    static bool contains(const QString &path);
    static int count();
};

} // namespace liveview::internal
