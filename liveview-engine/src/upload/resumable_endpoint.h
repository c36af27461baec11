#pragma once
// The HTTP side of resumable uploads: one request on a socket taken over from the request guard.

#include "liveview/resumable_uploads.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

class QTcpSocket;

namespace liveview::internal {

class ResumableAppend;

// QAbstractHttpServer holds a whole request body in memory before it answers; an upload route
// cannot. The RequestGuard hands this class the socket as soon as the head of a request to
// /uploads/resumable/ is complete, before Qt's parser sees the body: it answers the offset
// query, or checks an append (signature, expiry, entry, offset, declared size from the
// Content-Length) and then streams the body to the entry's file through a fixed buffer, reading
// the socket only as fast as the disk takes it. Every answer closes the connection.
class ResumableUploadRequest : public QObject
{
public:
    // `head` is the complete request head; the socket's read buffer starts with the body (Qt's
    // parser is detached from it). `open` counts plain HTTP connections.
    static void takeOver(QTcpSocket *socket, const QByteArray &head,
                         std::shared_ptr<ResumableUploads> store, int idleTimeoutMs,
                         std::atomic<int> *open);
    ~ResumableUploadRequest() override;

    // The body is read in pieces of this size: with the socket's read buffer, what one upload
    // costs in memory whatever its size.
    static constexpr qint64 bufferBytes = 256 * 1024;

private:
    enum class State
    {
        Body,     // streaming an append's body to the file
        Syncing,  // the body is written; waiting for fdatasync before acknowledging
        Answered, // answer sent; dropping what the client still sends until it closes
    };

    ResumableUploadRequest(QTcpSocket *socket, std::shared_ptr<ResumableUploads> store,
                           int idleTimeoutMs, std::atomic<int> *open);
    void handle(const QByteArray &head);
    void beginAppend(const QString &entryId, qint64 declaredSize);
    void readBody();
    void bodyComplete();
    void answer(int status, QByteArrayView reason,
                const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                const QByteArray &body = {}, bool headOnly = false);
    void drain();
    void timedOut();
    QByteArray header(QByteArrayView name) const;

    QTcpSocket *m_socket;
    std::shared_ptr<ResumableUploads> m_store;
    std::atomic<int> *m_open;
    int m_idleTimeoutMs;
    QTimer m_timer;
    State m_state = State::Answered;
    QList<std::pair<QByteArray, QByteArray>> m_headers; // lower-cased names
    // Shared with the pool thread that syncs it: the file stays open until that is done.
    std::shared_ptr<ResumableAppend> m_append;
    QByteArray m_buffer;
};

} // namespace liveview::internal
