#pragma once
// /upload: the suite's upload fixture (channel uploads, drop target, multiple files, too many
// files, unaccepted types, auto upload, the TestExternal uploader, cancel). Saved files are
// copied to <tmp>/lvupload/, which upstream serves at /tmp/lvupload/.

#include <liveview/live_view.h>

namespace conformance {

class UploadLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

    // Where "save" copies consumed files.
    static QString savedFilesDirectory();
};

} // namespace conformance
