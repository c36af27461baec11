#pragma once
// A QTcpSocket for accepted connections that does not keep a 32 KiB write chunk per connection.

#include <QByteArray>

#include <QTcpSocket>
#include <functional>
#include <vector>

namespace liveview::internal {

// QAbstractSocket copies every write into a QRingBuffer whose 32 KiB chunk
// (QABSTRACTSOCKET_BUFFERSIZE) stays allocated after the data has gone out: once per connection,
// i.e. for every idle view. Opening the socket with QIODevice::Unbuffered does not avoid it: in
// Qt 6.4 only connectToHost() clears QAbstractSocketPrivate::isBuffered, setSocketDescriptor()
// keeps the QTcpSocket default (buffered).
//
// This socket collects the writes of one event-loop pass in an exactly sized QByteArray, sends
// it with one send() from a posted event and frees it. Only what the kernel does not take
// (a slow peer) goes through Qt's own buffered path, which keeps ordering, error reporting and
// the disconnect handling unchanged (after such an episode Qt's chunk stays, as before). One
// send per pass also keeps QWebSocket's separate header and payload writes in one segment (no
// Nagle delay between them).
//
// Measured (bench/loadclient, idle counter views): server RSS per view 28.1 -> 21.8 KB at 10k
// views, 28.9 -> 22.4 KB at 1k; WebSocket click round trip unchanged (45 vs 46 us). POSIX only
// (send() with MSG_NOSIGNAL), like the rest of the accept path.
class DirectWriteSocket : public QTcpSocket
{
public:
    using QTcpSocket::QTcpSocket;
    ~DirectWriteSocket() override;

    qint64 bytesToWrite() const override;

    void close() override;
    void disconnectFromHost() override;
    bool waitForBytesWritten(int msecs = 30000) override;

    // Sends `bytes` at once (one send()) when nothing is queued before it; otherwise queues it
    // behind what is. For frames built whole by the caller, where deferring buys nothing.
    void writeNow(const QByteArray &bytes);

    // Frames from writeNow() that would make more than `bytes` wait for a client that does not
    // read are dropped, and `overflowed` runs once (the owner then closes the socket): memory
    // per slow client stays bounded. Checked only once frames already wait, never on the
    // direct send path.
    void setSendQueueLimit(qint64 bytes, std::function<void()> overflowed)
    {
        m_sendQueueLimit = bytes;
        m_overflowed = std::move(overflowed);
    }

    // `*slot` is set to null when this socket is destroyed: a plain pointer that cannot dangle,
    // without a weak pointer's shared count (one more cold cache line per frame sent).
    // One watcher at a time; clearWatcher() lets go only of the slot it is given.
    void setWatcher(DirectWriteSocket **slot)
    {
        Q_ASSERT(!m_watcher || m_watcher == slot);
        m_watcher = slot;
    }
    void clearWatcher(DirectWriteSocket **slot)
    {
        if (m_watcher == slot)
            m_watcher = nullptr;
    }

    // While one lives on a thread, writeNow() there only collects frames; they are sent, in
    // order, when it ends (or once maxFrames wait). A broadcast renders for all its views on a
    // thread first and then sends back to back: the kernel's send path and our render path do not
    // evict each other's memory from the cache between two views, and the peers are woken in one
    // burst. Anything else written to a socket meanwhile (write(), close) first sends that
    // socket's collected frames, so bytes keep their order. A batch opened inside another joins
    // it.
    class SendBatch
    {
    public:
        SendBatch();
        ~SendBatch();
        SendBatch(const SendBatch &) = delete;
        SendBatch &operator=(const SendBatch &) = delete;

    private:
        friend class DirectWriteSocket;
        static constexpr size_t maxFrames = 4096;
        void flush();
        // Plain pointers: a socket destroyed during the batch removes its frames (in its
        // destructor), so no weak pointer (an atomic on a shared count) is made per frame.
        std::vector<std::pair<DirectWriteSocket *, QByteArray>> m_frames;
        bool m_joined; // opened inside another batch: that one collects and sends
    };

protected:
    qint64 writeData(const char *data, qint64 size) override;
    bool event(QEvent *event) override;

private:
    void flushPending();
    void sendOrQueue(const QByteArray &bytes);
    void sendBatchedFrames(); // this socket's frames in the current batch, now
    qint64 queueBytes(const char *data, qint64 size); // writeData without the batch
    bool qtHoldsBytes();
    qint64 queueInQt(const char *data, qint64 size);

    QByteArray m_pending;
    bool m_flushPosted = false;
    DirectWriteSocket **m_watcher = nullptr;

    qint64 m_batchedBytes = 0;   // in the current SendBatch, not sent yet
    bool m_queuedInQt = false;   // bytes went to QTcpSocket's own buffer (it may still hold some)
    qint64 m_sendQueueLimit = 0; // 0: none
    std::function<void()> m_overflowed; // emptied once it has run
};

} // namespace liveview::internal
