// The upload protocol's messages on the view's topic: allow_upload (preflight) and progress.
#include "../upload/view_uploads.h"
#include "../view/view_runtime.h"
#include "channel_monitoring.h"
#include "connection.h"
#include "live_channel.h"
#include "protocol_keys.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcChannel)

namespace liveview::internal {

ViewUploads *LiveChannel::uploads() const
{
    return (m_runtime && !m_crashed) ? m_runtime->uploads() : nullptr;
}

void LiveChannel::afterUploadChange(const std::function<void(ViewUploads &)> &change)
{
    ViewUploads *u = uploads();
    if (!u)
        return;
    const SendAttribution attribution(m_connection, m_record.get());
    try {
        catchUp();
        change(*u);
        finishCallback(nullptr);
    } catch (const std::exception &e) {
        crash("upload", e);
    }
}

void LiveChannel::handleAllowUpload(const Frame &frame)
{
    ViewUploads *u = uploads();
    if (!u) {
        m_connection->reply(frame, status::error, {{keys::reason, QStringLiteral("no uploads")}});
        return;
    }
    try {
        QString refusal;
        QJsonObject response =
            u->preflight(frame.payload, *m_connection->context().signer, m_topic.mid(3), &refusal);
        if (!refusal.isEmpty()) {
            qCInfo(lcChannel).noquote() << "allow_upload refused on" << m_topic << ":" << refusal;
            m_connection->reply(frame, status::error, {{keys::reason, refusal}});
            return;
        }
        const QJsonObject diff = m_runtime->renderDiff();
        if (!diff.isEmpty())
            response.insert(keys::diff, diff);
        m_connection->reply(frame, status::ok, response);
    } catch (const std::exception &e) {
        crash("allow_upload", e, &frame);
    }
}

void LiveChannel::handleUploadProgress(const Frame &frame)
{
    ViewUploads *u = uploads();
    QString refusal;
    if (!u) {
        m_connection->reply(frame, status::error, {{keys::reason, QStringLiteral("no uploads")}});
        return;
    }
    try {
        if (!u->progress(frame.payload, &refusal)) {
            // Phoenix crashes the view here; a stale or forged ref is refused instead.
            qCInfo(lcChannel).noquote() << "progress refused on" << m_topic << ":" << refusal;
            m_connection->reply(frame, status::error, {{keys::reason, refusal}});
            return;
        }
        finishCallback(&frame); // the progress callback may navigate, like an event
    } catch (const std::exception &e) {
        crash("progress", e, &frame);
    }
}

} // namespace liveview::internal
