// Accepted sockets: the writes of one event-loop pass go out in one send(), without keeping
// Qt's per-socket write chunk alive (see the header for why).
#include "direct_write_socket.h"

#include <QCoreApplication>
#include <QEvent>
#include <cerrno>
#include <sys/socket.h>
#include <utility>

namespace liveview::internal {
namespace {

const QEvent::Type flushEventType = QEvent::Type(QEvent::registerEventType());

// Sends as much as the kernel takes now. Stops at EAGAIN (peer slow) and on errors: the rest
// then goes through QAbstractSocket, which retries on the write notifier and reports errors
// and disconnects exactly as for any other socket.
qint64 sendNow(qintptr descriptor, const char *data, qint64 size)
{
    qint64 sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(int(descriptor), data + sent, size_t(size - sent), MSG_NOSIGNAL);
        if (n > 0)
            sent += n;
        else if (n < 0 && errno == EINTR)
            continue;
        else
            break;
    }
    return sent;
}

} // namespace

namespace {
thread_local DirectWriteSocket::SendBatch *currentBatch = nullptr;
} // namespace

DirectWriteSocket::~DirectWriteSocket()
{
    if (m_watcher)
        *m_watcher = nullptr;
    // Its frames in a batch still being collected would be sent through a dangling pointer.
    if (m_batchedBytes > 0 && currentBatch)
        for (auto &frame : currentBatch->m_frames)
            if (frame.first == this)
                frame.first = nullptr;
}

void DirectWriteSocket::sendBatchedFrames()
{
    if (m_batchedBytes == 0 || !currentBatch)
        return;
    for (auto &[socket, bytes] : currentBatch->m_frames) {
        if (socket != this)
            continue;
        socket = nullptr;
        m_batchedBytes -= bytes.size();
        sendOrQueue(std::exchange(bytes, QByteArray()));
    }
}

bool DirectWriteSocket::qtHoldsBytes()
{
    // Asking Qt reads its private data, memory this socket has not touched for a while: a cache
    // miss per frame sent to each of thousands of sockets. Asked only while it may hold some.
    if (!m_queuedInQt)
        return false;
    if (QTcpSocket::bytesToWrite() > 0)
        return true;
    m_queuedInQt = false;
    return false;
}

qint64 DirectWriteSocket::queueInQt(const char *data, qint64 size)
{
    m_queuedInQt = true;
    return QTcpSocket::writeData(data, size);
}

qint64 DirectWriteSocket::bytesToWrite() const
{
    return QTcpSocket::bytesToWrite() + m_pending.size() + m_batchedBytes;
}

qint64 DirectWriteSocket::writeData(const char *data, qint64 size)
{
    sendBatchedFrames(); // written before this: they go first
    return queueBytes(data, size);
}

qint64 DirectWriteSocket::queueBytes(const char *data, qint64 size)
{
    // Bytes already queued by Qt (slow peer) must leave first, so keep using Qt's buffer until it
    // has drained. Not connected: let Qt report the error.
    if (qtHoldsBytes() || state() != ConnectedState)
        return queueInQt(data, size);
    m_pending.append(data, size);
    if (!m_flushPosted) {
        m_flushPosted = true;
        QCoreApplication::postEvent(this, new QEvent(flushEventType));
    }
    return size;
}

bool DirectWriteSocket::event(QEvent *event)
{
    if (event->type() == flushEventType) {
        m_flushPosted = false;
        flushPending();
        return true;
    }
    return QTcpSocket::event(event);
}

void DirectWriteSocket::flushPending()
{
    if (m_pending.isEmpty())
        return;
    // Taking the array out frees it when this function returns: nothing stays per idle socket.
    const QByteArray data = std::exchange(m_pending, QByteArray());
    const SocketState now = state();
    if (now != ConnectedState && now != ClosingState)
        return; // already gone: Qt drops unsent data the same way
    const qint64 sent =
        !qtHoldsBytes() ? sendNow(socketDescriptor(), data.constData(), data.size()) : 0;
    if (sent < data.size())
        queueInQt(data.constData() + sent, data.size() - sent);
    if (sent > 0) {
        // Same notification Qt gives once buffered bytes reach the kernel; emitted from the
        // posted event, never from inside write(), as Qt does.
        emit channelBytesWritten(0, sent);
        emit bytesWritten(sent);
    }
}

DirectWriteSocket::SendBatch::SendBatch() : m_joined(currentBatch != nullptr)
{
    if (!m_joined)
        currentBatch = this;
}

DirectWriteSocket::SendBatch::~SendBatch()
{
    if (m_joined)
        return;
    flush(); // still current: a socket destroyed meanwhile is removed from it
    currentBatch = nullptr;
}

void DirectWriteSocket::SendBatch::flush()
{
    // By index: a slot run from a send may add frames (or destroy a socket) as this goes.
    for (size_t i = 0; i < m_frames.size(); ++i) {
        DirectWriteSocket *socket = std::exchange(m_frames[i].first, nullptr);
        const QByteArray bytes = std::exchange(m_frames[i].second, QByteArray());
        if (!socket)
            continue; // destroyed meanwhile (its frames are dropped, as its own buffer would be)
        socket->m_batchedBytes -= bytes.size();
        socket->sendOrQueue(bytes);
    }
    m_frames.clear();
}

void DirectWriteSocket::writeNow(const QByteArray &bytes)
{
    if (currentBatch) {
        m_batchedBytes += bytes.size();
        currentBatch->m_frames.emplace_back(this, bytes);
        if (currentBatch->m_frames.size() >= SendBatch::maxFrames)
            currentBatch->flush();
        return;
    }
    sendOrQueue(bytes);
}

void DirectWriteSocket::sendOrQueue(const QByteArray &bytes)
{
    if (!m_pending.isEmpty() || qtHoldsBytes() || state() != ConnectedState) {
        if (m_sendQueueLimit > 0 &&
            QTcpSocket::bytesToWrite() + m_pending.size() + bytes.size() > m_sendQueueLimit) {
            if (auto overflowed = std::exchange(m_overflowed, nullptr))
                overflowed();
            return; // dropped: the socket is being closed
        }
        // Closed while the frame waited in a batch: dropped, as a closed device drops writes.
        // (Asked only here: isOpen() reads memory a busy broadcast would rather not touch.)
        if (isOpen())
            queueBytes(bytes.constData(), bytes.size()); // behind what is queued, in order
        return;
    }
    // Always Qt's current descriptor, never a copy: Qt closes it on a read or write error while
    // the state still says connected, and a copy could by then name another client's socket.
    const qint64 sent = sendNow(socketDescriptor(), bytes.constData(), bytes.size());
    if (sent < bytes.size())
        queueInQt(bytes.constData() + sent, bytes.size() - sent);
}

void DirectWriteSocket::close()
{
    // Before QIODevice::close() marks the device closed: a close frame written just before
    // must still reach the peer ahead of the FIN.
    sendBatchedFrames();
    flushPending();
    QTcpSocket::close();
}

void DirectWriteSocket::disconnectFromHost()
{
    sendBatchedFrames();
    flushPending();
    QTcpSocket::disconnectFromHost();
}

bool DirectWriteSocket::waitForBytesWritten(int msecs)
{
    const bool hadPending = !m_pending.isEmpty() || m_batchedBytes > 0;
    sendBatchedFrames();
    flushPending();
    if (QTcpSocket::bytesToWrite() > 0)
        return QTcpSocket::waitForBytesWritten(msecs);
    return hadPending;
}

} // namespace liveview::internal
