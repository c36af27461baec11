// HMAC-SHA256 token signing and verification with a persisted per-installation key.
#include "token_signer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <array>
#include <cstring>

namespace liveview::internal {
namespace {
constexpr auto version = "v1";
constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

TokenSigner::TokenSigner(QByteArray secret) : m_secret(std::move(secret))
{
}

QByteArray TokenSigner::randomBytes(int count)
{
    // The system generator makes a getrandom() call for every generate(), and a first render
    // needs four or five random values (session id, CSRF secret and mask, view id): read it
    // 4 KiB at a time per thread instead. Each byte is handed out once and wiped from the pool.
    struct Pool
    {
        std::array<quint32, 1024> words;
        qsizetype used = qsizetype(sizeof(words));
    };
    thread_local Pool pool;
    auto *bytes = reinterpret_cast<char *>(pool.words.data());
    constexpr qsizetype poolBytes = qsizetype(sizeof(Pool::words));
    QByteArray out(count, Qt::Uninitialized);
    char *to = out.data();
    for (qsizetype left = count; left > 0;) {
        if (pool.used == poolBytes) {
            QRandomGenerator::system()->generate(pool.words.begin(), pool.words.end());
            pool.used = 0;
        }
        const qsizetype n = qMin(left, poolBytes - pool.used);
        std::memcpy(to, bytes + pool.used, size_t(n));
        std::memset(bytes + pool.used, 0, size_t(n));
        pool.used += n;
        to += n;
        left -= n;
    }
    return out;
}

QByteArray TokenSigner::loadOrCreateKey(const QString &directory, QString *error)
{
    const QString path = QDir(directory).filePath(QStringLiteral("secret.key"));
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return {};
        }
        const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key.size() < 32) {
            *error =
                QStringLiteral("%1 is corrupt (too short); delete it to make a new key").arg(path);
            return {};
        }
        return key;
    }
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create data directory %1").arg(directory);
        return {};
    }
    const QByteArray key = randomBytes(64);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key.toBase64() + '\n') < 0 || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return key;
}

QByteArray TokenSigner::mac(const QByteArray &data) const
{
    return QMessageAuthenticationCode::hash(data, m_secret, QCryptographicHash::Sha256);
}

QByteArray TokenSigner::sign(const QString &purpose, QJsonObject claims, qint64 ttlSeconds) const
{
    claims.insert(QStringLiteral("pur"), purpose);
    claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + ttlSeconds);
    const QByteArray body = QByteArray(version) + '.' +
                            QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(b64);
    return body + '.' + mac(body).toBase64(b64);
}

TokenSigner::Result TokenSigner::verify(const QString &purpose, const QByteArray &token) const
{
    Result r;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || token.size() > 8192)
        return r;
    if (parts[0] != version) {
        r.status = Status::UnknownVersion;
        return r;
    }
    const QByteArray body = parts[0] + '.' + parts[1];
    const auto sig = QByteArray::fromBase64Encoding(parts[2], b64);
    if (!sig || !constantTimeEquals(*sig, mac(body))) {
        r.status = Status::BadSignature;
        return r;
    }
    const auto json = QByteArray::fromBase64Encoding(parts[1], b64);
    const QJsonDocument doc = json ? QJsonDocument::fromJson(*json) : QJsonDocument();
    if (!doc.isObject())
        return r; // Malformed: signed by us but unreadable means a format change
    r.claims = doc.object();
    if (r.claims.value(QStringLiteral("pur")).toString() != purpose) {
        r.status = Status::WrongPurpose;
        return r;
    }
    // Compared as doubles: a signed expiry beyond qint64 (1e300) must not be converted to one
    // (undefined behaviour, which UBSan found by fuzzing: tests/fuzz/fuzz_token.cpp).
    const double expires = r.claims.value(QStringLiteral("exp")).toDouble();
    if (!(expires >= double(QDateTime::currentSecsSinceEpoch()))) {
        r.status = Status::Expired;
        return r;
    }
    r.status = Status::Valid;
    return r;
}

QByteArray TokenSigner::maskCsrf(const QByteArray &secret)
{
    const QByteArray mask = randomBytes(int(secret.size()));
    QByteArray masked = secret;
    for (qsizetype i = 0; i < masked.size(); ++i)
        masked[i] = char(masked[i] ^ mask[i]);
    return (mask + masked).toBase64(b64);
}

bool TokenSigner::csrfMatches(const QByteArray &maskedToken, const QByteArray &secret)
{
    const auto decoded = QByteArray::fromBase64Encoding(maskedToken, b64);
    const QByteArray &raw = decoded.decoded;
    if (!decoded || raw.size() != 2 * secret.size() || secret.isEmpty())
        return false;
    QByteArray unmasked(secret.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < secret.size(); ++i)
        unmasked[i] = char(raw.at(i) ^ raw.at(i + secret.size()));
    return constantTimeEquals(unmasked, secret);
}

} // namespace liveview::internal
