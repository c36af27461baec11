// Render + diff cost per event, measured through the real channel path (frame in, reply out):
// the counter example, and a 1000-row keyed list where each event changes one row.
#include "channel/connection.h"
#include "http/browser_session_cookie.h"
#include "http/page_renderer.h"

#include <examples/examples.h>
#include <liveview/live_view.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <malloc.h>

using namespace liveview;
using namespace liveview::internal;

namespace {

// 1000 keyed rows; "touch" changes the value of one row (round robin).
class TableView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        QVariantList rows;
        for (int i = 0; i < 1000; ++i)
            rows << QVariantMap{{"id", i}, {"name", QStringLiteral("row %1").arg(i)}, {"value", 0}};
        assign("rows", rows);
    }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        QVariantList rows = assigned("rows").toList();
        QVariantMap row = rows[m_next].toMap();
        row["value"] = row["value"].toInt() + 1;
        rows[m_next] = row;
        m_next = (m_next + 1) % rows.size();
        assign("rows", rows);
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            QStringLiteral("<table id=\"rows\"><tr :for={r <- @rows} :key={r.id} id=\"row-{r.id}\">"
                           "<td>{r.name}</td><td class=\"num\">{r.value}</td></tr></table>"));
        return t;
    }

private:
    int m_next = 0;
};

// 10,000 rows, as a stream or as a plain keyed list: what the server keeps after the join.
class BigStreamView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override { stream("rows", rows()); }
    Template render() const override
    {
        static const Template t = Template::compile(QStringLiteral(
            "<ul id=\"rows\" phx-update=\"stream\"><li :for={{id, r} <- @streams.rows} id={id}>"
            "{r.name} <b>{r.value}</b></li></ul>"));
        return t;
    }
    static QVariantList rows()
    {
        QVariantList out;
        for (int i = 0; i < 10000; ++i)
            out << QVariantMap{
                {"id", i}, {"name", QStringLiteral("row %1").arg(i)}, {"value", i * 7}};
        return out;
    }
};

class BigListView : public LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        assign("rows", BigStreamView::rows());
    }
    Template render() const override
    {
        static const Template t = Template::compile(
            QStringLiteral("<ul id=\"rows\"><li :for={r <- @rows} :key={r.id} id=\"rows-{r.id}\">"
                           "{r.name} <b>{r.value}</b></li></ul>"));
        return t;
    }
};

struct CountingSink : FrameSink
{
    QByteArray last;
    qint64 bytes = 0;
    void sendText(const QByteArray &frame) override
    {
        last = frame;
        bytes += frame.size();
    }
    void closeConnection(CloseCode, const QString &) override {}
};

qint64 heapInUse()
{
    return qint64(mallinfo2().uordblks);
}

// Heap held after a connection joined `path` (the join reply already written and dropped).
void memoryAfterJoin(const char *name, const std::shared_ptr<EndpointContext> &ctx,
                     const QString &path)
{
    const BrowserSession session = newBrowserSession();
    const QString viewId = newViewId();
    const QByteArray token =
        ctx->signer->sign(purposes::viewSession, {{"id", viewId}, {"sid", session.id}}, 3600);
    malloc_trim(0);
    const qint64 before = heapInUse();
    {
        CountingSink sink;
        auto connection = std::make_unique<Connection>(ctx, session, &sink);
        const QJsonObject join{
            {"url", "http://localhost" + path},
            {"params", QJsonObject{{"_csrf_token", QString::fromLatin1(TokenSigner::maskCsrf(
                                                       session.csrfSecret))}}},
            {"session", QString::fromLatin1(token)}};
        connection->receiveText(
            QJsonDocument(QJsonArray{"4", "4", "lv:" + viewId, "phx_join", join})
                .toJson(QJsonDocument::Compact));
        const qint64 reply = sink.bytes;
        sink.last.clear();
        malloc_trim(0); // folds freed small chunks back so that only live memory counts
        const qint64 held = heapInUse() - before;
        std::printf("%-28s join reply %7lld B, server heap held while joined %8.1f KB\n", name,
                    reply, double(held) / 1024.0);
    }
}

void run(const char *name, const std::shared_ptr<EndpointContext> &ctx, const QString &path,
         const QString &event, int iterations)
{
    // A real first render gives genuine tokens; then join and click through Connection.
    const BrowserSession session = newBrowserSession();
    const Router::Match match = ctx->router->match(path);
    const QString viewId = newViewId();
    const QByteArray token =
        ctx->signer->sign(purposes::viewSession, {{"id", viewId}, {"sid", session.id}}, 3600);
    CountingSink sink;
    Connection connection(ctx, session, &sink);
    const QJsonObject join{
        {"url", "http://localhost" + path},
        {"params", QJsonObject{{"_csrf_token",
                                QString::fromLatin1(TokenSigner::maskCsrf(session.csrfSecret))}}},
        {"session", QString::fromLatin1(token)}};
    connection.receiveText(QJsonDocument(QJsonArray{"4", "4", "lv:" + viewId, "phx_join", join})
                               .toJson(QJsonDocument::Compact));
    const qint64 joinBytes = sink.bytes;
    const QByteArray click =
        QStringLiteral(
            R"(["4","5","lv:%1","event",{"type":"click","event":"%2","value":{"value":""}}])")
            .arg(viewId, event)
            .toUtf8();
    for (int i = 0; i < iterations / 10; ++i) // warm up
        connection.receiveText(click);
    sink.bytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < iterations; ++i)
        connection.receiveText(click);
    const double us = double(timer.nsecsElapsed()) / 1000.0 / iterations;
    const QJsonObject diff = QJsonDocument::fromJson(sink.last)
                                 .array()
                                 .at(4)
                                 .toObject()
                                 .value("response")
                                 .toObject()
                                 .value("diff")
                                 .toObject();
    std::printf("%-28s %9.2f us/event  reply %5lld B/event  diff %4lld B  join reply %lld B\n",
                name, us, sink.bytes / iterations,
                qint64(QJsonDocument(diff).toJson(QJsonDocument::Compact).size()), joinBytes);
    std::printf("    last diff: %s\n",
                QJsonDocument(diff).toJson(QJsonDocument::Compact).left(160).constData());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 20000;
    auto router = std::make_shared<Router>();
    livedeck::examples::registerExamples(*router);
    router->live<TableView>("/bench/table");
    auto ctx = std::make_shared<EndpointContext>();
    ctx->router = router;
    ctx->signer = std::make_shared<TokenSigner>(TokenSigner::randomBytes(64));
    std::printf("render+diff+encode through Connection, %d events each (RelWithDebInfo)\n",
                iterations);
    run("counter inc", ctx, "/examples/counter", "inc", iterations);
    run("1000-row keyed, 1 row", ctx, "/bench/table", "touch", iterations / 10);
    router->live<BigStreamView>("/bench/stream");
    router->live<BigListView>("/bench/list");
    memoryAfterJoin("10,000-row stream", ctx, "/bench/stream");
    memoryAfterJoin("10,000-row keyed list", ctx, "/bench/list");
    return 0;
}
