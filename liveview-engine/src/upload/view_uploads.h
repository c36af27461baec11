#pragma once
// A view's uploads: the configs it allowed, the upload protocol's view side (entries from change
// events, allow_upload preflights, progress, channel registration) and the LiveView API
// (cancel, consume, uploaded entries, errors). Publishes `@uploads` after every change.

#include "upload_config.h"
#include "upload_token.h"

#include <QJsonObject>
#include <QMetaType>
#include <functional>
#include <memory>

namespace liveview {
class Assigns;
}

namespace liveview::internal {

// What an upload channel needs from the view once its token checked out.
struct ChannelGrant
{
    qint64 declaredSize = 0;
    int chunkSize = 0;
    int chunkTimeoutMs = 0;
    std::unique_ptr<UploadWriter> writer; // UploadOptions::writer's, else null (a temporary file)
};

class ViewUploads
{
public:
    explicit ViewUploads(Assigns &assigns);
    // Consumed and cancelled entries with a channel leave the page in a diff after the event's
    // reply, as in Phoenix (the reply still lists them); `post` delivers an UploadsRelease to
    // the view (its mailbox). Without one they leave at once.
    void setPoster(std::function<void(const QVariant &)> post) { m_post = std::move(post); }
    void releaseEntries(const QString &uploadRef, const QStringList &entryRefs);
    ~ViewUploads(); // closes every entry's channel: their files go with them

    // LiveView API.
    void allow(const QString &name, const UploadOptions &options);
    void disallow(const QString &name);
    void cancel(const QString &name, const QString &entryRef);
    QVariantList consume(const QString &name, const ConsumeFunction &consume);
    UploadedEntries uploaded(const QString &name) const;
    QStringList errors(const QString &name) const;
    QStringList errors(const QString &name, const QString &entryRef) const;

    // Protocol, on the view's topic.
    void putFormUploads(const QJsonObject &uploads);
    // The allow_upload reply (without the diff), or an error reply's reason in `refusal`.
    QJsonObject preflight(const QJsonObject &payload, const TokenSigner &signer,
                          const QString &viewId, QString *refusal);
    // A progress push; false with the reason when it names nothing of ours.
    bool progress(const QJsonObject &payload, QString *refusal);

    // Protocol, from an entry's upload channel. Returns an empty string and fills `grant` when
    // the channel may take the entry, else the reason to refuse the join.
    QString registerChannel(const UploadTokenClaims &claims, UploadChannel *channel,
                            ChannelGrant *grant);
    // Every byte arrived; `meta` is a custom writer's meta for the entry (consume sees it).
    void channelReceivedAll(const QString &uploadRef, const QString &entryRef,
                            const QVariantMap &meta = {});
    // The channel closed on its own (chunk timeout, size violation, leave): the entry goes, or
    // stays invalid with `entryError` when one is given (a writer failure, as Phoenix keeps it),
    // `detail` saying why (a custom writer's reason).
    void channelEnded(const QString &uploadRef, const QString &entryRef,
                      const QString &entryError = {}, const QString &detail = {});

private:
    UploadConfig *byName(const QString &name) const;
    UploadConfig *byRef(const QString &ref) const;
    void publish();
    void release(UploadConfig &config, const QStringList &entryRefs);

    Assigns &m_assigns;
    std::vector<std::unique_ptr<UploadConfig>> m_configs;
    std::function<void(const QVariant &)> m_post;
};

// The message that drops released entries on the view's thread (see setPoster).
struct UploadsRelease
{
    QString uploadRef;
    QStringList entryRefs;
};

} // namespace liveview::internal

Q_DECLARE_METATYPE(liveview::internal::UploadsRelease)
