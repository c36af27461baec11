// The opening handshake of a WebSocket (RFC 6455 section 4.2).
#include "websocket_upgrade.h"

#include <QCryptographicHash>
#include <QUrlQuery>

namespace liveview::internal {
namespace {

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(value.data(), value.size()).split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

std::optional<WebSocketUpgrade> WebSocketUpgrade::parse(QByteArrayView head, Refusal *refusal)
{
    auto refuse = [refusal](int status, const char *reason) {
        *refusal = {status, reason};
        return std::nullopt;
    };
    WebSocketUpgrade upgrade;
    QByteArray key;
    QByteArray version;
    bool connectionUpgrade = false;
    bool upgradeWebSocket = false;
    bool first = true;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            first = false;
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = line.lastIndexOf(' ');
            if (sp1 <= 0 || sp2 <= sp1)
                return refuse(400, "malformed request line");
            if (line.first(sp1) != "GET")
                return refuse(400, "a WebSocket upgrade is a GET");
            upgrade.target = line.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        auto is = [&name](QByteArrayView expected) {
            return name.compare(expected, Qt::CaseInsensitive) == 0;
        };
        if (is("sec-websocket-key"))
            key = value.toByteArray();
        else if (is("sec-websocket-version"))
            version = value.toByteArray();
        else if (is("connection"))
            connectionUpgrade = connectionUpgrade || containsToken(value, "upgrade");
        else if (is("upgrade"))
            upgradeWebSocket = upgradeWebSocket || containsToken(value, "websocket");
        else if (is("origin"))
            upgrade.origin = value.toByteArray();
        else if (is("host"))
            upgrade.host = value.toByteArray();
        else if (is("cookie"))
            upgrade.cookie = upgrade.cookie.isEmpty() ? value.toByteArray()
                                                      : upgrade.cookie + "; " + value.toByteArray();
        else if (is("user-agent"))
            upgrade.userAgent = value.first(qMin<qsizetype>(value.size(), 512)).toByteArray();
    }
    if (!connectionUpgrade || !upgradeWebSocket)
        return refuse(400, "not a WebSocket upgrade (Connection: Upgrade, Upgrade: websocket)");
    if (version != "13")
        return refuse(426, "unsupported WebSocket version (13 is spoken here)");
    // The key is 16 random bytes in base64: 24 characters.
    if (QByteArray::fromBase64(key, QByteArray::AbortOnBase64DecodingErrors).size() != 16 ||
        key.size() != 24)
        return refuse(400, "invalid Sec-WebSocket-Key");
    upgrade.acceptKey = acceptKeyFor(key);
    return upgrade;
}

QByteArray WebSocketUpgrade::acceptKeyFor(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    return sha1.result().toBase64();
}

QByteArray WebSocketUpgrade::answer() const
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           acceptKey + "\r\n\r\n";
}

QByteArray WebSocketUpgrade::queryValue(QByteArrayView name) const
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    const QUrlQuery query(QString::fromUtf8(target.sliced(question + 1)));
    return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).toUtf8();
}

} // namespace liveview::internal
