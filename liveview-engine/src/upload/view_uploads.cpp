// The view side of uploads: allow, entries, preflight, progress, cancel and consume.
#include "view_uploads.h"

#include "liveview/assigns.h"
#include "upload_channel.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <stdexcept>

Q_DECLARE_LOGGING_CATEGORY(lcUpload)

namespace liveview::internal {
namespace {

const QString uploadsAssign = QStringLiteral("uploads");
// One allow_upload may not ask for more than this many entries, whatever max_entries says.
constexpr int maxPreflightEntries = UploadConfig::hardEntryLimit;

QString nonce()
{
    return QString::fromLatin1(TokenSigner::randomBytes(12).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

ViewUploads::ViewUploads(Assigns &assigns) : m_assigns(assigns)
{
}

ViewUploads::~ViewUploads()
{
    for (const auto &config : m_configs)
        for (EntryState &e : config->entries())
            if (e.channel)
                e.channel->closeByView();
}

UploadConfig *ViewUploads::byName(const QString &name) const
{
    for (const auto &c : m_configs)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

UploadConfig *ViewUploads::byRef(const QString &ref) const
{
    for (const auto &c : m_configs)
        if (c->ref() == ref)
            return c.get();
    return nullptr;
}

void ViewUploads::publish()
{
    QVariantMap uploads;
    for (const auto &c : m_configs)
        uploads.insert(c->name(), c->toVariantMap());
    m_assigns.assign(uploadsAssign, uploads);
}

void ViewUploads::allow(const QString &name, const UploadOptions &options)
{
    auto it = std::find_if(m_configs.begin(), m_configs.end(),
                           [&](const auto &c) { return c->name() == name; });
    if (it != m_configs.end() && !(*it)->entries().empty())
        throw std::logic_error(
            QStringLiteral("allowUpload(%1) while it has entries").arg(name).toStdString());
    UploadOptions checked = options;
    checked.maxEntries = qMax(1, options.maxEntries);
    checked.chunkSize = qBound(1, options.chunkSize, 4 * 1024 * 1024);
    checked.chunkTimeoutMs = qMax(100, options.chunkTimeoutMs);
    checked.maxFileSize = qMax<qint64>(0, options.maxFileSize);
    auto config = std::make_unique<UploadConfig>(name, checked); // a fresh ref each time
    if (it != m_configs.end())
        *it = std::move(config);
    else
        m_configs.push_back(std::move(config));
    publish();
}

void ViewUploads::disallow(const QString &name)
{
    auto it = std::find_if(m_configs.begin(), m_configs.end(),
                           [&](const auto &c) { return c->name() == name; });
    if (it == m_configs.end())
        return;
    if (!(*it)->entries().empty())
        throw std::logic_error(
            QStringLiteral("disallowUpload(%1) while it has entries").arg(name).toStdString());
    m_configs.erase(it);
    publish();
}

void ViewUploads::cancel(const QString &name, const QString &entryRef)
{
    UploadConfig *config = byName(name);
    EntryState *e = config ? config->find(entryRef) : nullptr;
    if (!e)
        return; // already gone (finished timing out, cancelled twice): nothing to do
    if (!e->channel) {
        config->drop(entryRef); // nothing on the wire yet: gone with this event's diff
        publish();
        return;
    }
    e->channel->closeByView();
    e->entry.cancelled = true;
    release(*config, {entryRef});
}

void ViewUploads::release(UploadConfig &config, const QStringList &entryRefs)
{
    for (const QString &ref : entryRefs)
        if (EntryState *e = config.find(ref))
            e->released = true;
    if (m_post) {
        m_post(QVariant::fromValue(UploadsRelease{config.ref(), entryRefs}));
        return;
    }
    releaseEntries(config.ref(), entryRefs);
}

void ViewUploads::releaseEntries(const QString &uploadRef, const QStringList &entryRefs)
{
    UploadConfig *config = byRef(uploadRef);
    if (!config)
        return;
    for (const QString &ref : entryRefs)
        config->drop(ref);
    publish();
}

QVariantList ViewUploads::consume(const QString &name, const ConsumeFunction &consume)
{
    QVariantList results;
    UploadConfig *config = byName(name);
    if (!config)
        return results;
    QStringList doneRefs, consumed;
    for (const EntryState &e : config->entries())
        if (e.entry.done && !e.released)
            doneRefs << e.entry.ref;
    // By ref, not by pointer: the callback may call back into the view.
    for (const QString &ref : std::as_const(doneRefs)) {
        EntryState *e = config->find(ref);
        if (!e)
            continue;
        const QString path = e->channel ? e->channel->filePath() : QString();
        ConsumeResult result;
        try {
            result = consume(path, e->entry);
        } catch (...) {
            // The entry is released all the same (as Phoenix does), then the view crashes.
            if (EntryState *again = config->find(ref)) {
                if (again->channel)
                    again->channel->closeByView();
                config->drop(ref);
            }
            publish();
            throw;
        }
        results.append(result.value);
        if (!result.postpone)
            consumed << ref;
    }
    for (const QString &ref : std::as_const(consumed)) {
        if (EntryState *e = config->find(ref)) {
            if (e->channel)
                e->channel->closeByView(); // the file goes now; the row with the next diff
            config->countConsumed();
        }
    }
    if (!consumed.isEmpty())
        release(*config, consumed);
    return results;
}

UploadedEntries ViewUploads::uploaded(const QString &name) const
{
    UploadedEntries out;
    if (const UploadConfig *config = byName(name))
        for (const EntryState &e : config->entries())
            if (!e.released)
                (e.entry.done ? out.done : out.inProgress).append(e.entry);
    return out;
}

QStringList ViewUploads::errors(const QString &name) const
{
    const UploadConfig *config = byName(name);
    return config ? config->errorsFor(config->ref()) : QStringList();
}

QStringList ViewUploads::errors(const QString &name, const QString &entryRef) const
{
    const UploadConfig *config = byName(name);
    return config ? config->errorsFor(entryRef) : QStringList();
}

void ViewUploads::putFormUploads(const QJsonObject &uploads)
{
    bool changed = false;
    for (auto it = uploads.begin(); it != uploads.end(); ++it) {
        UploadConfig *config = byRef(it.key());
        if (!config || !it.value().isArray()) {
            qCInfo(lcUpload) << "change event for an unknown upload" << it.key();
            continue; // a stale ref after allowUpload was called again
        }
        config->putEntries(it.value().toArray());
        changed = true;
    }
    if (changed)
        publish();
}

QJsonObject ViewUploads::preflight(const QJsonObject &payload, const TokenSigner &signer,
                                   const QString &viewId, QString *refusal)
{
    const QString ref = payload.value(QStringLiteral("ref")).toString();
    UploadConfig *config = byRef(ref);
    if (!config) {
        *refusal = QStringLiteral("unknown upload");
        return {};
    }
    const QJsonArray requested = payload.value(QStringLiteral("entries")).toArray();
    if (requested.size() > maxPreflightEntries) {
        *refusal = QStringLiteral("too many entries");
        return {};
    }
    const UploadOptions &o = config->options();
    QJsonObject reply{
        {QStringLiteral("ref"), ref},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("chunk_size"), o.chunkSize},
                                               {QStringLiteral("chunk_timeout"), o.chunkTimeoutMs},
                                               {QStringLiteral("max_entries"), o.maxEntries},
                                               {QStringLiteral("max_file_size"), o.maxFileSize}}}};
    // Without auto upload a submit with any error fails as a whole, as in Phoenix.
    if (!o.autoUpload && config->hasErrors()) {
        QJsonArray errors;
        for (const UploadError &e : config->errors())
            errors.append(QJsonArray{e.ref, e.reason});
        reply.insert(QStringLiteral("error"), errors);
        reply.insert(QStringLiteral("entries"), QJsonObject());
        return reply;
    }
    // Slots left under max_entries (counting consumed and already preflighted entries).
    int remaining = o.maxEntries - config->consumedCount();
    for (const EntryState &e : config->entries())
        if (e.entry.preflighted && !e.released)
            --remaining;
    QJsonObject tokens;
    QJsonArray externalErrors;
    for (const QJsonValue &v : requested) {
        const QString entryRef = v.toObject().value(QStringLiteral("ref")).toString();
        EntryState *e = config->find(entryRef);
        if (!e || !e->entry.valid || e->released || remaining <= 0)
            continue; // unknown, invalid or beyond the limit: no token, the client drops it
        if (!e->entry.preflighted) {
            --remaining;
            e->entry.preflighted = true;
            if (o.external) {
                const ExternalUpload ext = o.external(e->entry);
                if (!ext.ok || !ext.meta.contains(QStringLiteral("uploader"))) {
                    e->entry.valid = false;
                    e->entry.meta = ext.meta;
                    externalErrors.append(
                        QJsonArray{entryRef, upload_errors::externalMetadataFailure});
                    continue;
                }
                e->entry.meta = ext.meta;
            } else {
                e->nonce = nonce();
            }
        }
        if (o.external) {
            if (e->entry.valid)
                tokens.insert(entryRef, QJsonObject::fromVariantMap(e->entry.meta));
        } else if (!e->registered) {
            tokens.insert(entryRef, QString::fromLatin1(UploadToken::sign(
                                        signer, {viewId, config->ref(), entryRef, e->nonce})));
        }
    }
    reply.insert(QStringLiteral("entries"), tokens);
    reply.insert(QStringLiteral("errors"), QJsonObject());
    if (!externalErrors.isEmpty() && !o.autoUpload)
        reply.insert(QStringLiteral("error"), externalErrors);
    publish();
    return reply;
}

bool ViewUploads::progress(const QJsonObject &payload, QString *refusal)
{
    UploadConfig *config = byRef(payload.value(QStringLiteral("ref")).toString());
    EntryState *e =
        config ? config->find(payload.value(QStringLiteral("entry_ref")).toString()) : nullptr;
    if (!e) {
        *refusal = QStringLiteral("unknown entry");
        return false;
    }
    const QJsonValue value = payload.value(QStringLiteral("progress"));
    if (value.isObject()) {
        // An external uploader reporting failure; channel uploads report through their channel.
        if (config->options().external) {
            e->entry.valid = false;
            config->putError(e->entry.ref, upload_errors::externalClientFailure);
        }
    } else if (value.isDouble()) {
        int pct = qBound(0, value.toInt(), 100);
        // A channel upload is done when its bytes are, whatever the client claims.
        if (pct == 100 && !config->options().external && !e->received) {
            qCInfo(lcUpload) << "progress 100 before the last byte for entry" << e->entry.ref;
            pct = 99;
        }
        e->entry.progress = qMax(e->entry.progress, pct);
        if (e->entry.progress == 100)
            e->entry.done = true;
    } else {
        *refusal = QStringLiteral("invalid progress");
        return false;
    }
    publish();
    if (config->options().progress)
        config->options().progress(config->name(), e->entry);
    return true;
}

QString ViewUploads::registerChannel(const UploadTokenClaims &claims, UploadChannel *channel,
                                     ChannelGrant *grant)
{
    UploadConfig *config = byRef(claims.uploadRef);
    EntryState *e = config ? config->find(claims.entryRef) : nullptr;
    if (!e || !e->entry.valid || !e->entry.preflighted || e->released || config->options().external)
        return QStringLiteral("disallowed");
    if (e->registered)
        return QStringLiteral("already_registered");
    if (!constantTimeEquals(e->nonce.toLatin1(), claims.nonce.toLatin1()))
        return QStringLiteral("invalid_token"); // a token from an earlier preflight
    e->registered = true;
    e->channel = channel;
    grant->declaredSize = e->entry.clientSize;
    grant->chunkSize = config->options().chunkSize;
    grant->chunkTimeoutMs = config->options().chunkTimeoutMs;
    if (config->options().writer)
        grant->writer = config->options().writer(config->name(), e->entry);
    return {};
}

void ViewUploads::channelReceivedAll(const QString &uploadRef, const QString &entryRef,
                                     const QVariantMap &meta)
{
    UploadConfig *config = byRef(uploadRef);
    if (EntryState *e = config ? config->find(entryRef) : nullptr) {
        e->received = true;
        if (!meta.isEmpty())
            e->entry.meta = meta;
    }
}

void ViewUploads::channelEnded(const QString &uploadRef, const QString &entryRef,
                               const QString &entryError, const QString &detail)
{
    UploadConfig *config = byRef(uploadRef);
    EntryState *e = config ? config->find(entryRef) : nullptr;
    if (!e)
        return;
    if (entryError.isEmpty()) {
        config->drop(entryRef);
    } else {
        e->channel = nullptr;
        e->entry.valid = false;
        config->putError(entryRef, entryError, detail);
    }
    publish();
}

} // namespace liveview::internal
