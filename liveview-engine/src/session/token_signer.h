#pragma once
// Signed, versioned, expiring tokens (HMAC-SHA256) for sessions, view containers and CSRF.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace liveview::internal {

class TokenSigner
{
public:
    enum class Status
    {
        Valid,
        Malformed,
        BadSignature,
        UnknownVersion,
        WrongPurpose,
        Expired
    };
    struct Result
    {
        Status status = Status::Malformed;
        QJsonObject claims;
        bool isValid() const { return status == Status::Valid; }
    };

    explicit TokenSigner(QByteArray secret);

    // Loads the key from `directory/secret.key`, creating it (random, mode 0600) the first time,
    // so tokens stay valid across restarts. Returns an empty key and sets `error` on failure.
    static QByteArray loadOrCreateKey(const QString &directory, QString *error);

    // Token text: "v1.<base64url claims>.<base64url mac>". `purpose` keeps a token of one kind
    // from being accepted as another; `ttlSeconds` sets the expiry.
    QByteArray sign(const QString &purpose, QJsonObject claims, qint64 ttlSeconds) const;
    Result verify(const QString &purpose, const QByteArray &token) const;

    // CSRF tokens for the page: the session's secret masked with fresh randomness on every render
    // so the page never carries the same bytes twice (BREACH), checked in constant time.
    static QByteArray maskCsrf(const QByteArray &secret);
    static bool csrfMatches(const QByteArray &maskedToken, const QByteArray &secret);

    static QByteArray randomBytes(int count);

private:
    QByteArray mac(const QByteArray &data) const;
    QByteArray m_secret;
};

// Constant-time comparison: a mismatch position must not leak through timing.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace liveview::internal
