#pragma once
// Uploads in LiveViewTest style (Phoenix's file_input / render_upload / preflight_upload): choose
// files on a live file input, preflight them, send all or part of their bytes over their upload
// channels exactly as the browser client does, and read progress and errors from the render.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace liveview::testing {

class LiveViewTest;

struct UploadFile
{
    QString name;
    QByteArray content;
    QString type;
    qint64 declaredSize = -1; // what the client claims; -1: content.size()
    qint64 size() const { return declaredSize < 0 ? content.size() : declaredSize; }
};

// The channel serializer's binary push (kind 0): what the client sends for a chunk.
QByteArray encodeBinaryPush(const QByteArray &joinRef, const QByteArray &ref,
                            const QByteArray &topic, const QByteArray &event,
                            const QByteArray &payload);

class FileInput
{
public:
    FileInput(LiveViewTest *view, QString formSelector, QString uploadName,
              QList<UploadFile> files);
    ~FileInput();
    FileInput(FileInput &&) noexcept;

    // The user picks the files: the form's phx-change carries them (as the client lists every
    // file it still tracks). Returns the HTML.
    QString choose();
    // allow_upload for the chosen files not preflighted yet; returns the reply's response (with
    // "status" added). Chooses first if needed.
    QJsonObject preflight();
    // Sends `fileName`'s bytes up to `percent` of it (from where it stopped), each chunk waited
    // for, then the progress push, as the client does; joins the entry's channel first and
    // preflights if needed. Returns the HTML. Throws HarnessError when the server refuses.
    QString renderUpload(const QString &fileName, int percent = 100);

    QString entryRef(const QString &fileName) const;
    QString uploadRef() const;
    QString token(const QString &fileName) const; // from the last preflight
    QString uploadTopic(const QString &fileName) const
    {
        return QStringLiteral("lvu:") + entryRef(fileName);
    }
    // Joins the entry's channel with `token` (its own by default); returns the reply
    // ({"status": ..., "response": ...}).
    QJsonObject joinChannel(const QString &fileName, const QString &token = {});
    // Sends one binary chunk on the entry's channel; returns the reply ({} when there was none).
    QJsonObject sendChunk(const QString &fileName, const QByteArray &bytes);
    // Whether the server closed the entry's channel (phx_close on its topic).
    bool channelClosed(const QString &fileName) const;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace liveview::testing
