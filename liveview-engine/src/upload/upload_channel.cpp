// The `lvu:` channel: token check, binary chunks into a temporary file, size and time limits.
#include "upload_channel.h"

#include "../channel/connection.h"
#include "../channel/live_channel.h"
#include "liveview/upload.h"
#include "view_uploads.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUpload)

namespace liveview::internal {
namespace {

const QString chunkEvent = QStringLiteral("chunk");
const QString reasonKey = QStringLiteral("reason");

QJsonObject reason(const QString &why)
{
    return {{reasonKey, why}};
}

} // namespace

UploadChannel::UploadChannel(Connection *connection, QString topic, QJsonValue joinRef)
    : QObject(connection), m_connection(connection), m_topic(std::move(topic)),
      m_joinRef(std::move(joinRef))
{
    m_chunkTimer.setSingleShot(true);
    connect(&m_chunkTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcUpload).noquote() << m_topic << "sent no chunk within the chunk timeout";
        fail(nullptr, {}, QStringLiteral("chunk timeout"));
    });
}

UploadChannel::~UploadChannel()
{
    closeWriter(QStringLiteral("cancel")); // m_file removes the temporary file itself
}

LiveChannel *UploadChannel::viewChannel() const
{
    return m_connection->liveChannel(QStringLiteral("lv:") + m_claims.viewId);
}

QString UploadChannel::filePath() const
{
    return m_file ? m_file->path() : QString();
}

bool UploadChannel::join(const Frame &frame)
{
    QString error;
    const std::optional<UploadTokenClaims> claims = UploadToken::verify(
        *m_connection->context().signer,
        frame.payload.value(QStringLiteral("token")).toString().toUtf8(), &error);
    const auto refuse = [&](const QString &why, const QString &log) {
        qCWarning(lcUpload).noquote() << "upload join refused for" << m_topic << ":" << log;
        m_connection->reply(frame, status::error, reason(why));
        return false;
    };
    if (!claims)
        return refuse(QStringLiteral("invalid_token"), error);
    if (QStringLiteral("lvu:") + claims->entryRef != m_topic)
        return refuse(QStringLiteral("invalid_token"),
                      QStringLiteral("token belongs to entry %1").arg(claims->entryRef));
    m_claims = *claims;
    LiveChannel *view = viewChannel();
    ViewUploads *uploads = view ? view->uploads() : nullptr;
    if (!uploads)
        return refuse(QStringLiteral("disallowed"),
                      QStringLiteral("no view %1 on this socket").arg(claims->viewId));
    ChannelGrant grant;
    const QString refusal = uploads->registerChannel(m_claims, this, &grant);
    if (!refusal.isEmpty())
        return refuse(refusal, refusal);
    if (grant.writer) {
        m_writer = std::move(grant.writer);
        if (const QString failure = m_writer->init(); !failure.isEmpty()) {
            qCInfo(lcUpload).noquote() << m_topic << "writer refused the entry:" << failure;
            closeWriter(failure);
            m_connection->reply(frame, status::error, reason(QStringLiteral("writer_error")));
            view->afterUploadChange([&](ViewUploads &u) {
                u.channelEnded(m_claims.uploadRef, m_claims.entryRef, upload_errors::writerFailure,
                               failure);
            });
            return false;
        }
    } else {
        m_file = std::make_unique<TemporaryUploadFile>(UploadStorage::channelDirectory());
    }
    if (m_file && !m_file->isOpen()) {
        qCWarning(lcUpload).noquote() << "cannot create an upload file:" << m_file->errorString();
        m_file.reset();
        m_connection->reply(frame, status::error, reason(QStringLiteral("writer_error")));
        view->afterUploadChange([&](ViewUploads &u) {
            u.channelEnded(m_claims.uploadRef, m_claims.entryRef, upload_errors::writerFailure);
        });
        return false;
    }
    m_declaredSize = grant.declaredSize;
    m_chunkSize = grant.chunkSize;
    // Armed at the join already: a client that joins and never sends must not hold a file.
    m_chunkTimer.setInterval(grant.chunkTimeoutMs);
    m_chunkTimer.start();
    m_connection->reply(frame, status::ok, {});
    return true;
}

void UploadChannel::handle(const Frame &frame)
{
    if (m_ended)
        return;
    if (frame.event == chunkEvent && frame.isBinary) {
        handleChunk(frame);
        return;
    }
    // Anything else on an upload topic is a client we do not understand: refuse and end.
    fail(&frame, reason(QStringLiteral("unexpected event")),
         QStringLiteral("unexpected %1 event %2")
             .arg(frame.isBinary ? QStringLiteral("binary") : QStringLiteral("text"),
                  frame.event.left(64)));
}

void UploadChannel::handleChunk(const Frame &frame)
{
    const qint64 bytes = frame.binaryPayload.size();
    const qint64 received = m_received;
    if (bytes == 0)
        return fail(&frame, reason(QStringLiteral("empty_chunk")), QStringLiteral("empty chunk"));
    if (bytes > m_chunkSize)
        return fail(
            &frame,
            {{reasonKey, QStringLiteral("chunk_too_large")},
             {QStringLiteral("limit"), m_chunkSize}},
            QStringLiteral("chunk of %1 bytes over the chunk size %2").arg(bytes).arg(m_chunkSize));
    if (m_complete || received + bytes > m_declaredSize)
        return fail(&frame,
                    {{reasonKey, QStringLiteral("file_size_limit_exceeded")},
                     {QStringLiteral("limit"), m_declaredSize}},
                    QStringLiteral("more bytes than the declared %1").arg(m_declaredSize));
    if (const QString failure = store(frame.binaryPayload); !failure.isEmpty()) {
        m_connection->reply(frame, status::error, reason(QStringLiteral("writer_error")));
        return fail(nullptr, {}, QStringLiteral("write failed: ") + failure,
                    upload_errors::writerFailure, m_writer ? failure : QString());
    }
    if (m_received == m_declaredSize) {
        m_chunkTimer.stop();
        if (const QString failure = finishStoring(); !failure.isEmpty()) {
            m_connection->reply(frame, status::error, reason(QStringLiteral("writer_error")));
            return fail(nullptr, {}, QStringLiteral("close failed: ") + failure,
                        upload_errors::writerFailure, m_writer ? failure : QString());
        }
        m_complete = true;
        const QVariantMap meta = m_writer ? m_writer->meta() : QVariantMap();
        if (LiveChannel *view = viewChannel())
            if (ViewUploads *uploads = view->uploads())
                uploads->channelReceivedAll(m_claims.uploadRef, m_claims.entryRef, meta);
    } else {
        m_chunkTimer.start();
    }
    m_connection->reply(frame, status::ok, {});
}

QString UploadChannel::store(const QByteArray &chunk)
{
    if (m_writer) {
        const QString failure = m_writer->writeChunk(chunk);
        if (failure.isEmpty())
            m_received += chunk.size();
        return failure;
    }
    if (!m_file->append(chunk)) {
        qCWarning(lcUpload).noquote() << "upload write failed:" << m_file->errorString();
        return QStringLiteral("write failed");
    }
    m_received += chunk.size();
    return {};
}

QString UploadChannel::finishStoring()
{
    if (m_writer) {
        m_writerClosed = true; // meta() is read after close, as Phoenix does
        return m_writer->close(QStringLiteral("done"));
    }
    return m_file->finish() ? QString() : QStringLiteral("close failed");
}

void UploadChannel::closeWriter(const QString &reason)
{
    // Once: a writer closed by finishStoring() or a failure is not told "cancel" again.
    if (!m_writer || m_writerClosed)
        return;
    m_writerClosed = true;
    m_writer->close(reason);
}

void UploadChannel::fail(const Frame *request, const QJsonObject &reply, const QString &why,
                         const QString &entryError, const QString &detail)
{
    if (m_ended)
        return;
    qCInfo(lcUpload).noquote() << "upload channel" << m_topic << "ends:" << why;
    if (request)
        m_connection->reply(*request, status::error, reply);
    closeWriter(detail.isEmpty() ? QStringLiteral("cancel") : detail);
    end();
    if (LiveChannel *view = viewChannel())
        view->afterUploadChange([&](ViewUploads &u) {
            u.channelEnded(m_claims.uploadRef, m_claims.entryRef, entryError, detail);
        });
}

void UploadChannel::leave()
{
    fail(nullptr, {}, QStringLiteral("the client left"));
}

void UploadChannel::closeByView()
{
    end();
}

void UploadChannel::discard()
{
    m_ended = true;
    m_chunkTimer.stop();
    closeWriter(QStringLiteral("cancel"));
    m_file.reset();
}

void UploadChannel::end()
{
    if (m_ended)
        return;
    discard();
    m_connection->send(encodeFrame(m_joinRef, m_joinRef, m_topic, events::close, {}));
    m_connection->uploadChannelClosed(m_topic, this);
}

} // namespace liveview::internal
