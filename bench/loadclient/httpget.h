// One-shot HTTP/1.1 GET over a raw QTcpSocket, as each simulated browser does its own page load.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <functional>

struct HttpResult
{
    bool ok = false; // transport succeeded and a complete response was read
    int status = 0;
    QString error;
    QList<QByteArray> setCookies; // raw Set-Cookie header values
    QByteArray body;
};

// Raw socket rather than QNetworkAccessManager: QNAM caps a host at 6 parallel connections and
// shares a cookie jar, whereas every simulated client must fetch its own page and session cookie.
class HttpGet : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(HttpResult &)>;

    HttpGet(const QHostAddress &addr, quint16 port, const QByteArray &hostHeader,
            const QByteArray &pathAndQuery, Callback done, QObject *parent = nullptr);

    // Stops without invoking the callback (used on timeout); the object deletes itself later.
    void abort();

private:
    void onReadyRead();
    void onDisconnected();
    void onError();
    bool tryFinish();
    bool decodeChunked(QByteArray &out) const;
    void finish(bool ok, const QString &error = {});

    QTcpSocket m_socket;
    QByteArray m_buf;
    Callback m_done;
    qsizetype m_headerEnd = -1;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_finished = false;
    HttpResult m_result;
};
