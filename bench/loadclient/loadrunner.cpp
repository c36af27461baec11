// Connection lifecycle and bookkeeping for the load client; one event loop drives all clients.
#include "loadrunner.h"

#include "httpget.h"
#include "pageparse.h"
#include "phxframes.h"

#include <QNetworkRequest>
#include <QTcpSocket>
#include <QWebSocket>

namespace {
constexpr int kWheelTickMs = 100;
constexpr int kMaxErrorKinds = 20; // distinct messages kept, so a storm doesn't grow a map
} // namespace

struct LoadRunner::Conn
{
    enum class State
    {
        Idle,
        Fetching,
        Connecting,
        Joining,
        Joined,
        Failed,
        Closed
    };
    int index = 0;
    State state = State::Idle;
    qint64 startedMs = 0;
    HttpGet *http = nullptr;
    QWebSocket *ws = nullptr;
    std::unique_ptr<LivePage> page; // only until the join is sent
    int nextRef = 5;
    QString topic;            // lv:<container id>, known once the join is sent
    QString pendingHeartbeat; // ref of the unanswered heartbeat, empty if none

    bool pending() const { return state >= State::Fetching && state <= State::Joining; }
};

LoadRunner::LoadRunner(RunConfig config, QObject *parent)
    : QObject(parent), m_cfg(std::move(config))
{
    const QUrl &u = m_cfg.pageUrl;
    m_hostHeader = u.host(QUrl::FullyEncoded).toUtf8();
    if (u.port() != -1)
        m_hostHeader += ':' + QByteArray::number(u.port());
    m_pathAndQuery = u.path(QUrl::FullyEncoded).toUtf8();
    if (m_pathAndQuery.isEmpty())
        m_pathAndQuery = "/";
    if (u.hasQuery())
        m_pathAndQuery += '?' + u.query(QUrl::FullyEncoded).toUtf8();
    // The browser's Origin is scheme://host[:port], with the port only if it was explicit.
    m_origin = u.scheme() + QStringLiteral("://") + QString::fromUtf8(m_hostHeader);
    m_joinUrl = u.toString(QUrl::FullyEncoded);

    m_wsBase = u;
    m_wsBase.setScheme(u.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                            : QStringLiteral("ws"));
    m_wsBase.setPath(m_cfg.socketPath + QStringLiteral("/websocket"));
    m_wsBase.setFragment(QString());

    m_conns.reserve(m_cfg.connections);
    for (int i = 0; i < m_cfg.connections; ++i) {
        m_conns.push_back(std::make_unique<Conn>());
        m_conns.back()->index = i;
    }
    m_stats.latenciesMs.reserve(m_cfg.connections);
    m_wheel.resize(std::max(1, m_cfg.heartbeatMs / kWheelTickMs));

    m_wheelTimer.setInterval(kWheelTickMs);
    connect(&m_wheelTimer, &QTimer::timeout, this, &LoadRunner::heartbeatTick);
    m_sweepTimer.setInterval(500);
    connect(&m_sweepTimer, &QTimer::timeout, this, &LoadRunner::sweepTimeouts);
}

LoadRunner::~LoadRunner() = default; // sockets are QObject children of this

void LoadRunner::start()
{
    m_clock.start();
    m_wheelTimer.start();
    m_sweepTimer.start();
    pump();
}

int LoadRunner::openSockets() const
{
    int n = 0;
    for (const auto &c : m_conns)
        n += c->state == Conn::State::Joined;
    return n;
}

std::vector<int> LoadRunner::joinedConnections() const
{
    std::vector<int> out;
    for (const auto &c : m_conns)
        if (c->state == Conn::State::Joined)
            out.push_back(c->index);
    return out;
}

QString LoadRunner::topicOf(int connection) const
{
    return m_conns.at(size_t(connection))->topic;
}

QString LoadRunner::nextRefOf(int connection)
{
    return QString::number(m_conns.at(size_t(connection))->nextRef++);
}

void LoadRunner::sendText(int connection, const QString &frame)
{
    if (QWebSocket *ws = m_conns.at(size_t(connection))->ws)
        ws->sendTextMessage(frame);
}

// QWebSocket keeps its QTcpSocket as a child; its descriptor is what a probe can watch directly.
static QTcpSocket *tcpOf(QWebSocket *ws)
{
    return ws ? ws->findChild<QTcpSocket *>() : nullptr;
}

int LoadRunner::descriptorOf(int connection)
{
    QTcpSocket *tcp = tcpOf(m_conns.at(size_t(connection))->ws);
    return tcp ? int(tcp->socketDescriptor()) : -1;
}

void LoadRunner::flush(int connection)
{
    if (QTcpSocket *tcp = tcpOf(m_conns.at(size_t(connection))->ws))
        tcp->flush();
}

void LoadRunner::closeAll()
{
    m_wheelTimer.stop();
    m_sweepTimer.stop();
    for (const auto &c : m_conns) {
        if (c->http)
            c->http->abort();
        c->http = nullptr;
        if (c->ws) {
            disconnect(c->ws, nullptr, this, nullptr); // closing is ours, not a drop
            c->ws->close(QWebSocketProtocol::CloseCodeGoingAway);
        }
        c->state = Conn::State::Closed;
    }
}

void LoadRunner::pump()
{
    m_pumpQueued = false;
    while (m_inFlight < m_cfg.concurrency && m_getsInFlight < m_cfg.getConcurrency &&
           m_nextToStart < m_cfg.connections) {
        ++m_inFlight;
        ++m_getsInFlight;
        startConn(m_conns[m_nextToStart++].get());
    }
}

void LoadRunner::startConn(Conn *c)
{
    c->state = Conn::State::Fetching;
    c->startedMs = m_clock.elapsed();
    c->http = new HttpGet(
        m_cfg.address, quint16(m_cfg.pageUrl.port(80)), m_hostHeader, m_pathAndQuery,
        [this, c](HttpResult &r) { onPage(c, r); }, this);
}

void LoadRunner::onPage(Conn *c, HttpResult &r)
{
    c->http = nullptr; // deletes itself
    --m_getsInFlight;
    schedulePump();
    if (!r.ok)
        return fail(c, Failure::Http, r.error);
    if (r.status != 200)
        return fail(c, Failure::Http, QStringLiteral("http status %1").arg(r.status));
    c->page = std::make_unique<LivePage>();
    if (const QString err = parseLivePage(r.body, r.setCookies, *c->page); !err.isEmpty())
        return fail(c, Failure::Http, QStringLiteral("page: ") + err);

    QUrl url = m_wsBase;
    url.setQuery(QStringLiteral("_csrf_token=") +
                     QString::fromLatin1(QUrl::toPercentEncoding(c->page->csrf)) +
                     QStringLiteral("&vsn=2.0.0"),
                 QUrl::StrictMode);
    QNetworkRequest req(url);
    if (!c->page->cookieHeader.isEmpty())
        req.setRawHeader("Cookie", c->page->cookieHeader);

    c->state = Conn::State::Connecting;
    // Origin goes through the constructor: QWebSocket emits that as the Origin header.
    c->ws = new QWebSocket(m_origin, QWebSocketProtocol::VersionLatest, this);
    QWebSocket *ws = c->ws;
    connect(ws, &QWebSocket::connected, this, [this, c] { sendJoin(c); });
    connect(ws, &QWebSocket::textMessageReceived, this,
            [this, c](const QString &m) { onMessage(c, m); });
    connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, c, ws] { onClosed(c, ws->errorString()); });
    connect(ws, &QWebSocket::disconnected, this, [this, c, ws] {
        onClosed(
            c,
            QStringLiteral("closed code %1 %2").arg(int(ws->closeCode())).arg(ws->closeReason()));
    });
    ws->open(req);
}

void LoadRunner::sendJoin(Conn *c)
{
    c->state = Conn::State::Joining;
    c->topic = QStringLiteral("lv:") + c->page->containerId;
    c->ws->sendTextMessage(joinFrame(*c->page, m_joinUrl));
    c->page.reset(); // tokens are no longer needed; keep per-client memory small
}

void LoadRunner::onMessage(Conn *c, const QString &text)
{
    if (messageTap && c->state == Conn::State::Joined && messageTap(c->index, text))
        return;
    const PhxReply r = parseReply(text);
    if (r.isReply && c->state == Conn::State::Joining && r.ref == kJoinRef) {
        if (!r.ok || !r.hasRendered)
            return fail(c, Failure::Join, QStringLiteral("join reply: ") + r.summary);
        c->state = Conn::State::Joined;
        ++m_stats.joined;
        m_stats.latenciesMs.push_back(float(m_clock.elapsed() - c->startedMs));
        // First heartbeat 15-30 s after the join (a browser waits the full interval), spread by
        // index so a burst of joins doesn't become a burst of heartbeats every interval.
        const size_t half = std::max<size_t>(1, m_wheel.size() / 2);
        m_wheel[(m_wheelPos + half + size_t(c->index) % half) % m_wheel.size()].push_back(c);
        return finishAttempt(c);
    }
    if (r.isReply && !c->pendingHeartbeat.isEmpty() && r.ref == c->pendingHeartbeat) {
        c->pendingHeartbeat.clear();
        ++(r.ok ? m_stats.heartbeatsOk : m_stats.heartbeatsBad);
        return;
    }
    ++m_stats.otherMessages;
}

void LoadRunner::onClosed(Conn *c, const QString &why)
{
    switch (c->state) {
    case Conn::State::Connecting:
    case Conn::State::Joining:
        return fail(c, Failure::Ws, QStringLiteral("ws: ") + why);
    case Conn::State::Joined:
        ++m_stats.dropped;
        noteError(QStringLiteral("dropped after join: ") + why);
        c->state = Conn::State::Closed;
        c->ws->deleteLater();
        c->ws = nullptr;
        return;
    default:
        return; // already accounted for
    }
}

void LoadRunner::fail(Conn *c, Failure kind, const QString &why)
{
    switch (kind) {
    case Failure::Http:
        ++m_stats.httpErrors;
        break;
    case Failure::Ws:
        ++m_stats.wsErrors;
        break;
    case Failure::Join:
        ++m_stats.joinErrors;
        break;
    case Failure::Timeout:
        ++m_stats.timeouts;
        break;
    }
    noteError(why);
    c->state = Conn::State::Failed;
    c->page.reset();
    if (c->http) {
        c->http->abort();
        c->http = nullptr;
        --m_getsInFlight;
    }
    if (c->ws) {
        disconnect(c->ws, nullptr, this, nullptr);
        c->ws->abort();
        c->ws->deleteLater();
        c->ws = nullptr;
    }
    finishAttempt(c);
}

void LoadRunner::finishAttempt(Conn *)
{
    --m_inFlight;
    ++m_attempted;
    if (m_attempted == m_cfg.connections) {
        m_stats.joinAllMs = m_clock.elapsed();
        m_sweepTimer.stop();
        emit allAttempted();
        return;
    }
    schedulePump();
}

void LoadRunner::schedulePump()
{
    // Queued, so a burst of synchronous failures can't recurse through pump().
    if (!m_pumpQueued && m_nextToStart < m_cfg.connections) {
        m_pumpQueued = true;
        QMetaObject::invokeMethod(this, &LoadRunner::pump, Qt::QueuedConnection);
    }
}

void LoadRunner::noteError(const QString &why)
{
    if (m_stats.errorSamples.contains(why) || m_stats.errorSamples.size() < kMaxErrorKinds)
        ++m_stats.errorSamples[why];
}

void LoadRunner::sweepTimeouts()
{
    const qint64 now = m_clock.elapsed();
    for (const auto &c : m_conns) {
        if (c->pending() && now - c->startedMs > m_cfg.timeoutMs)
            fail(c.get(), Failure::Timeout, QStringLiteral("timeout before join reply"));
    }
}

void LoadRunner::heartbeatTick()
{
    std::vector<Conn *> &slot = m_wheel[m_wheelPos];
    m_wheelPos = (m_wheelPos + 1) % m_wheel.size();
    std::erase_if(slot, [](Conn *c) { return c->state != Conn::State::Joined; });
    for (Conn *c : slot) {
        if (!c->pendingHeartbeat.isEmpty())
            ++m_stats.heartbeatsLate; // a browser would now drop and reconnect; we only count
        c->pendingHeartbeat = QString::number(c->nextRef++);
        c->ws->sendTextMessage(heartbeatFrame(c->pendingHeartbeat));
        ++m_stats.heartbeatsSent;
    }
}
