#pragma once
// One entry's upload channel, topic `lvu:<entry ref>`: joins with the entry's token, takes binary
// chunks stop-and-wait into a temporary file (or the upload's custom UploadWriter), enforces the
// declared size, the chunk size and the chunk timeout. The file lives as long as the channel:
// consume, cancel, timeout, the view's end and the socket's close all end the channel and so
// remove the file (and close the writer).

#include "../channel/frame.h"
#include "upload_token.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace liveview {
class TemporaryUploadFile;
class UploadWriter;
} // namespace liveview

namespace liveview::internal {

class Connection;
class LiveChannel;

class UploadChannel : public QObject
{
    Q_OBJECT
public:
    UploadChannel(Connection *connection, QString topic, QJsonValue joinRef);
    ~UploadChannel() override;

    // Verifies the token and registers with the view. False (reply sent) when refused.
    bool join(const Frame &frame);
    void handle(const Frame &frame);

    QJsonValue joinRef() const { return m_joinRef; }
    QString topic() const { return m_topic; }
    QString filePath() const;
    bool isComplete() const { return m_complete; }
    // The view let the entry go (consumed, cancelled, or the view ended): tell the client, drop
    // the file. The view already forgot the entry.
    void closeByView();
    // The client left (it does on an error): the channel ends and the entry goes.
    void leave();
    // The socket is going away: the file goes, nothing is sent.
    void discard();

private:
    void handleChunk(const Frame &frame);
    // Ends the channel on its own account: the client gets `reply` (if any) and phx_close, the
    // view drops the entry and pushes the diff.
    // With `entryError` the entry stays listed with that error instead (writer failures).
    void fail(const Frame *request, const QJsonObject &reply, const QString &why,
              const QString &entryError = {}, const QString &detail = {});
    // Where the bytes go: the custom writer when the upload has one, else the temporary file.
    // An empty string when they went, else the writer's reason (or "write failed").
    QString store(const QByteArray &chunk);
    QString finishStoring();
    void closeWriter(const QString &reason);
    void end();
    LiveChannel *viewChannel() const;

    Connection *m_connection;
    QString m_topic;
    QJsonValue m_joinRef;
    UploadTokenClaims m_claims;
    qint64 m_declaredSize = 0;
    int m_chunkSize = 0;
    QTimer m_chunkTimer;
    std::unique_ptr<TemporaryUploadFile> m_file;
    std::unique_ptr<UploadWriter> m_writer;
    bool m_writerClosed = false;
    qint64 m_received = 0;
    bool m_complete = false;
    bool m_ended = false;
};

} // namespace liveview::internal
