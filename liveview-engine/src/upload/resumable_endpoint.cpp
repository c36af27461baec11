// Resumable upload requests: offset queries, streamed appends and discards, each refused clearly.
#include "resumable_endpoint.h"

#include "../http/closing_answer.h"
#include "resumable_append.h"
#include "upload_url_signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcResumable)

namespace liveview::internal {
namespace {

// After an early answer the client may still be sending its body; closing with unread bytes
// would reset the connection and could destroy the answer. Read and drop for this long.
constexpr int lingerMs = 1000;

qint64 parseCount(const QByteArray &value)
{
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

} // namespace

void ResumableUploadRequest::takeOver(QTcpSocket *socket, const QByteArray &head,
                                      std::shared_ptr<ResumableUploads> store, int idleTimeoutMs,
                                      std::atomic<int> *open)
{
    auto *request = new ResumableUploadRequest(socket, std::move(store), idleTimeoutMs, open);
    request->handle(head);
}

ResumableUploadRequest::ResumableUploadRequest(QTcpSocket *socket,
                                               std::shared_ptr<ResumableUploads> store,
                                               int idleTimeoutMs, std::atomic<int> *open)
    : QObject(socket), m_socket(socket), m_store(std::move(store)), m_open(open),
      m_idleTimeoutMs(idleTimeoutMs)
{
    m_open->fetch_add(1, std::memory_order_relaxed);
    m_socket->setReadBufferSize(bufferBytes);
    connect(m_socket, &QIODevice::readyRead, this, [this] {
        if (m_state == State::Body)
            readBody();
        else if (m_state == State::Answered)
            drain();
        // Syncing: the body is complete; anything more waits for the answer's drain.
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        if (m_append && m_state == State::Body)
            qCInfo(lcResumable) << "an append was cut at offset" << m_append->offset()
                                << "(kept: the client resumes from there)";
        m_timer.stop();
        m_append.reset();
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ResumableUploadRequest::timedOut);
}

ResumableUploadRequest::~ResumableUploadRequest()
{
    m_open->fetch_sub(1, std::memory_order_relaxed);
}

QByteArray ResumableUploadRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers)
        if (key == name)
            return value;
    return {};
}

void ResumableUploadRequest::handle(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            m_headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    const QByteArray method = requestLine.value(0);
    const UploadUrlSigner::Claims claims = m_store->urlSigner().verify(requestLine.value(1));
    if (claims.status == UploadUrlSigner::Status::Expired) {
        answer(410, "upload URL expired");
        return;
    }
    if (claims.status != UploadUrlSigner::Status::Valid) {
        answer(403, "upload URL not signed by this server");
        return;
    }
    if (method == "HEAD" || method == "GET") {
        const std::optional<ResumableUploads::Upload> upload = m_store->find(claims.entryId);
        if (!upload) {
            answer(404, "no such upload (finished, cancelled or expired)");
            return;
        }
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("offset"), upload->offset},
                                      {QStringLiteral("size"), upload->size}})
                .toJson(QJsonDocument::Compact);
        answer(200, {},
               {{"Upload-Offset", QByteArray::number(upload->offset)},
                {"Upload-Length", QByteArray::number(upload->size)}},
               body, method == "HEAD");
        return;
    }
    if (method == "DELETE") {
        if (m_store->discard(claims.entryId))
            answer(204, {});
        else
            answer(404, "no such upload (finished, cancelled or expired)");
        return;
    }
    if (method == "PATCH") {
        beginAppend(claims.entryId, claims.size);
        return;
    }
    answer(405, "use HEAD or GET for the offset, PATCH to append, DELETE to discard",
           {{"Allow", "HEAD, GET, PATCH, DELETE"}});
}

void ResumableUploadRequest::beginAppend(const QString &entryId, qint64 declaredSize)
{
    if (!header("transfer-encoding").isEmpty()) {
        answer(411, "an append needs a Content-Length (no chunked bodies)");
        return;
    }
    const qint64 length = parseCount(header("content-length"));
    if (length < 0) {
        answer(411, "an append needs a Content-Length");
        return;
    }
    const qint64 offset = parseCount(header("upload-offset"));
    if (offset < 0) {
        answer(400, "an append needs an Upload-Offset");
        return;
    }
    if (offset + length > declaredSize) {
        answer(413, "more bytes than the upload declared");
        return;
    }
    ResumableAppend::Outcome outcome;
    qint64 stored = -1;
    m_append = ResumableAppend::begin(m_store, entryId, offset, length, &outcome, &stored);
    const QList<std::pair<QByteArray, QByteArray>> offsetHeader{
        {"Upload-Offset", QByteArray::number(stored)}};
    switch (outcome) {
    case ResumableAppend::Outcome::Ready:
        break;
    case ResumableAppend::Outcome::Gone:
        answer(404, "no such upload (finished, cancelled or expired)");
        return;
    case ResumableAppend::Outcome::Busy:
        answer(409, "another append to this upload is in progress", offsetHeader);
        return;
    case ResumableAppend::Outcome::WrongOffset:
        answer(409, "Upload-Offset is not the stored offset", offsetHeader);
        return;
    case ResumableAppend::Outcome::TooLarge:
        answer(413, "more bytes than the upload has left", offsetHeader);
        return;
    case ResumableAppend::Outcome::Failed:
        answer(500, "the upload cannot be written");
        return;
    }
    if (header("expect").toLower() == "100-continue")
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    m_buffer.resize(bufferBytes);
    m_timer.start(m_idleTimeoutMs);
    if (m_append->remaining() == 0)
        bodyComplete();
    else
        readBody();
}

void ResumableUploadRequest::readBody()
{
    qint64 read = 0;
    while (m_append->remaining() > 0) {
        const qint64 n =
            m_socket->read(m_buffer.data(), qMin<qint64>(m_buffer.size(), m_append->remaining()));
        if (n <= 0)
            break;
        read += n;
        if (!m_append->write(m_buffer.constData(), n)) {
            qCWarning(lcResumable) << "cannot write an upload:" << strerror(errno);
            m_append.reset();
            answer(500, "the upload cannot be written");
            return;
        }
    }
    if (read > 0)
        m_timer.start(m_idleTimeoutMs);
    if (m_append->remaining() == 0)
        bodyComplete();
}

void ResumableUploadRequest::bodyComplete()
{
    m_state = State::Syncing;
    m_timer.stop();
    m_buffer = QByteArray();
    // fdatasync waits for the disk: off the event loop, which serves other sockets meanwhile.
    QPointer<ResumableUploadRequest> self(this);
    QThreadPool::globalInstance()->start([append = m_append, self] {
        const bool synced = ::fdatasync(append->descriptor()) == 0;
        const qint64 offset = append->offset();
        QMetaObject::invokeMethod(self.data(), [self, synced, offset] {
            if (!self)
                return;
            self->m_append->finish();
            self->m_append.reset();
            if (!synced)
                self->answer(500, "the upload cannot be written");
            else
                self->answer(204, {}, {{"Upload-Offset", QByteArray::number(offset)}});
        });
    });
}

void ResumableUploadRequest::answer(int status, QByteArrayView reason,
                                    const QList<std::pair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body, bool headOnly)
{
    if (status >= 400)
        qCInfo(lcResumable).noquote()
            << "refused a resumable upload request from" << m_socket->peerAddress().toString()
            << "with" << status << "-" << reason.toByteArray();
    m_state = State::Answered;
    const QByteArray content = status >= 400 ? reason.toByteArray() + '\n' : body;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpStatusText(status) +
                     "\r\nConnection: close\r\nCache-Control: no-store\r\n";
    if (status != 204)
        out += "Content-Type: " +
               QByteArray(status >= 400 ? "text/plain; charset=utf-8" : "application/json") +
               "\r\nContent-Length: " + QByteArray::number(content.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    if (!headOnly && status != 204)
        out += content;
    // Half-closed once the answer is out; the client closes its side after reading it.
    sendClosingAnswer(m_socket, out, this);
    m_timer.start(lingerMs);
    drain();
}

void ResumableUploadRequest::drain()
{
    char sink[16 * 1024];
    while (m_socket->read(sink, sizeof sink) > 0) {
    }
}

void ResumableUploadRequest::timedOut()
{
    if (m_state == State::Body)
        qCInfo(lcResumable) << "an append stalled at offset" << m_append->offset()
                            << "(kept: the client resumes from there)";
    m_append.reset();
    m_socket->abort();
}

} // namespace liveview::internal
