// Entry registration and validation (name, size, type), errors, and the template's view of it.
#include "upload_config.h"

#include "../session/token_signer.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QUuid>

namespace liveview::internal {
namespace {

constexpr int maxClientNameLength = 255;
constexpr int maxRefLength = 64;

QString randomRef()
{
    return QStringLiteral("phx-") +
           QString::fromLatin1(TokenSigner::randomBytes(12).toBase64(
               QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A client name is shown to users and never used as a path; control characters (NUL included)
// and absurd lengths are refused outright.
bool acceptableName(const QString &name)
{
    if (name.isEmpty() || name.size() > maxClientNameLength)
        return false;
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

QString extensionOf(const QString &name)
{
    const int dot = name.lastIndexOf(u'.');
    return dot <= 0 ? QString() : name.mid(dot).toLower();
}

// Whether `type` is what the extension's file usually is. An unknown extension or a generic
// declared type (browsers send "" or octet-stream when they do not know) contradicts nothing.
bool typeFitsExtension(const QString &extension, const QString &type)
{
    if (extension.isEmpty() || type.isEmpty() || type == u"application/octet-stream")
        return true;
    static const QMimeDatabase db;
    const QList<QMimeType> known = db.mimeTypesForFileName(QStringLiteral("x") + extension);
    if (known.isEmpty())
        return true;
    const QMimeType declared = db.mimeTypeForName(type);
    for (const QMimeType &m : known) {
        if (m.name() == type || m.aliases().contains(type) ||
            (declared.isValid() && (declared.inherits(m.name()) || m.inherits(declared.name()))))
            return true;
    }
    return false;
}

bool typeMatches(const QString &pattern, const QString &type)
{
    if (pattern.endsWith(QLatin1String("/*")))
        return type.startsWith(pattern.left(pattern.size() - 1));
    return pattern == type;
}

} // namespace

UploadConfig::UploadConfig(QString name, UploadOptions options)
    : m_name(std::move(name)), m_ref(randomRef()), m_options(std::move(options))
{
}

EntryState *UploadConfig::find(const QString &entryRef)
{
    for (EntryState &e : m_entries)
        if (e.entry.ref == entryRef)
            return &e;
    return nullptr;
}

bool UploadConfig::accepted(const QStringList &accept, const QString &clientName,
                            const QString &clientType)
{
    const QString extension = extensionOf(clientName);
    if (!typeFitsExtension(extension, clientType))
        return false;
    if (accept.isEmpty())
        return true;
    for (const QString &a : accept) {
        if (a.startsWith(u'.') ? a.toLower() == extension : typeMatches(a, clientType))
            return true;
    }
    return false;
}

void UploadConfig::putEntries(const QJsonArray &clientEntries)
{
    if (m_entries.size() + size_t(clientEntries.size()) > size_t(hardEntryLimit)) {
        // Rows for thousands of files would cost every render; the client is told it chose too
        // many and nothing is added.
        if (!errorsFor(m_ref).contains(upload_errors::tooManyFiles))
            putError(m_ref, upload_errors::tooManyFiles);
        return;
    }
    for (const QJsonValue &v : clientEntries) {
        const QJsonObject c = v.toObject();
        const QString ref = c.value(QStringLiteral("ref")).toString();
        if (ref.isEmpty() || ref.size() > maxRefLength || find(ref))
            continue; // stale or repeated refs are skipped, as Phoenix does
        EntryState state;
        UploadEntry &e = state.entry;
        e.ref = ref;
        e.uploadRef = m_ref;
        e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.clientName = c.value(QStringLiteral("name")).toString();
        e.clientRelativePath = c.value(QStringLiteral("relative_path")).toString();
        e.clientType = c.value(QStringLiteral("type")).toString().left(255);
        e.clientSize = c.value(QStringLiteral("size")).toInteger(-1);
        e.clientLastModified = c.value(QStringLiteral("last_modified")).toInteger(0);
        // Validation order as in Phoenix: size, then type; invalid entries stay listed with their
        // error so that the user sees why and can cancel them.
        QString error;
        if (!acceptableName(e.clientName) || e.clientRelativePath.size() > 4096)
            error = upload_errors::invalidName;
        else if (e.clientSize < 0 || !c.value(QStringLiteral("size")).isDouble())
            error = upload_errors::invalidSize;
        else if (e.clientSize == 0)
            error = upload_errors::emptyFile;
        else if (e.clientSize > m_options.maxFileSize)
            error = upload_errors::tooLarge;
        else if (!accepted(m_options.accept, e.clientName, e.clientType))
            error = upload_errors::notAccepted;
        if (!error.isEmpty()) {
            e.valid = false;
            putError(ref, error);
        }
        m_entries.push_back(std::move(state));
    }
    recalculateTooManyFiles();
}

void UploadConfig::drop(const QString &entryRef)
{
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const EntryState &e) { return e.entry.ref == entryRef; }),
                    m_entries.end());
    m_errors.erase(std::remove_if(m_errors.begin(), m_errors.end(),
                                  [&](const UploadError &e) { return e.ref == entryRef; }),
                   m_errors.end());
    recalculateTooManyFiles();
}

void UploadConfig::recalculateTooManyFiles()
{
    const int listed = int(std::count_if(m_entries.begin(), m_entries.end(),
                                         [](const EntryState &e) { return !e.released; }));
    const bool tooMany = listed + m_consumed > m_options.maxEntries;
    const bool shown = errorsFor(m_ref).contains(upload_errors::tooManyFiles);
    if (tooMany && !shown)
        putError(m_ref, upload_errors::tooManyFiles);
    // Entries refused by the hard limit were never added: that error stays until a change fits.
    if (!tooMany && shown)
        m_errors.erase(std::remove_if(m_errors.begin(), m_errors.end(),
                                      [&](const UploadError &e) { return e.ref == m_ref; }),
                       m_errors.end());
}

QStringList UploadConfig::errorsFor(const QString &ref) const
{
    QStringList reasons;
    for (const UploadError &e : m_errors)
        if (e.ref == ref)
            reasons << e.reason;
    return reasons;
}

void UploadConfig::putError(const QString &ref, const QString &reason, const QString &detail)
{
    m_errors.prepend({ref, reason, detail});
}

QVariantMap UploadConfig::toVariantMap() const
{
    QVariantList entries;
    QStringList active, done, preflighted;
    for (const EntryState &s : m_entries) {
        entries.append(s.entry.toVariantMap());
        active << s.entry.ref;
        if (s.entry.done)
            done << s.entry.ref;
        if (s.entry.preflighted)
            preflighted << s.entry.ref;
    }
    QVariantList errors;
    QStringList errorRefs;
    for (const UploadError &e : m_errors) {
        errors.append(QVariantMap{{QStringLiteral("ref"), e.ref},
                                  {QStringLiteral("reason"), e.reason},
                                  {QStringLiteral("detail"), e.detail}});
        if (!errorRefs.contains(e.ref))
            errorRefs << e.ref;
    }
    return {
        {QStringLiteral("name"), m_name},
        {QStringLiteral("ref"), m_ref},
        {QStringLiteral("accept"),
         m_options.accept.isEmpty() ? QVariant() : QVariant(m_options.accept.join(u','))},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("max_entries"), m_options.maxEntries},
        {QStringLiteral("max_file_size"), m_options.maxFileSize},
        {QStringLiteral("chunk_size"), m_options.chunkSize},
        {QStringLiteral("auto_upload"), m_options.autoUpload},
        {QStringLiteral("multiple"), m_options.maxEntries > 1},
        {QStringLiteral("active_refs"), active.join(u',')},
        {QStringLiteral("done_refs"), done.join(u',')},
        {QStringLiteral("preflighted_refs"), preflighted.join(u',')},
        // No attribute at all until there is an error, as Phoenix renders it.
        {QStringLiteral("error_refs"),
         errorRefs.isEmpty() ? QVariant() : QVariant(errorRefs.join(u','))},
    };
}

} // namespace liveview::internal

namespace liveview {

QVariantMap UploadEntry::toVariantMap() const
{
    return {
        {QStringLiteral("ref"), ref},
        {QStringLiteral("upload_ref"), uploadRef},
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("client_name"), clientName},
        {QStringLiteral("client_relative_path"), clientRelativePath},
        {QStringLiteral("client_type"), clientType},
        {QStringLiteral("client_size"), clientSize},
        {QStringLiteral("client_last_modified"), clientLastModified},
        {QStringLiteral("progress"), progress},
        {QStringLiteral("preflighted?"), preflighted},
        {QStringLiteral("valid?"), valid},
        {QStringLiteral("done?"), done},
        {QStringLiteral("cancelled?"), cancelled},
        {QStringLiteral("meta"), meta},
    };
}

} // namespace liveview
