#pragma once
// Example: file uploads over the socket, same markup and limits as the Phoenix reference view.
// `?auto=1` uploads as soon as files are chosen; `?big=1` raises the limits for benchmarks;
// `?resumable=1` sends the files through the resumable endpoint instead of the socket.

#include <liveview/live_view.h>

namespace livedeck::examples {

class UploadView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

    // Where saved files go: `uploads/` next to the upload temporary directory, i.e. in the data
    // directory.
    static QString savedFilesDirectory();
    // The user-facing text of an upload error (the template's error_text helper).
    static QString errorText(const QString &reason);

private:
    void save();
};

} // namespace livedeck::examples
