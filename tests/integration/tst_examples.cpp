// The reference examples through the harness: same DOM as Phoenix after every step, smaller diffs.
#include <examples/examples.h>
#include <liveview/testing/live_view_test.h>

#include "testing/client_tree.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {

struct ReferenceStep
{
    enum class Kind
    {
        Click,
        Change,
        Submit
    } kind = Kind::Click;
    QVariantMap typed; // Change: the field the user typed into and its new value
    QString selector;  // the element the browser clicked, or the form
    QString event;     // the phx-click event the browser sent
    QJsonObject diff;  // what Phoenix replied
    QString html;      // the container's inner HTML after merging that reply
};

struct ReferenceRun
{
    QString initialHtml;
    QList<ReferenceStep> steps;
};

// Replays the recorded Phoenix frames through the client merge rules.
ReferenceRun loadReference(const QString &view)
{
    QFile file(QStringLiteral(LIVEDECK_REFERENCE_DIR "/%1.jsonl").arg(view));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing reference transcript %s", qPrintable(file.fileName()));
    ReferenceRun run;
    ClientTree tree;
    QHash<QString, QString> eventByRef;
    QHash<QString, QString> selectorByRef;
    QHash<QString, ReferenceStep> formByRef;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        const QJsonArray msg = record.value("msg").toArray();
        if (msg.size() != 5)
            continue;
        const QString event = msg.at(3).toString();
        const QJsonObject payload = msg.at(4).toObject();
        if (record.value("dir").toString() == u"send" && event == u"event") {
            const QString name = payload.value("event").toString();
            // Component events carry the cid: the clicked button's phx-target.
            const QString target =
                payload.contains("cid")
                    ? QStringLiteral("[phx-target=\"%1\"]").arg(payload.value("cid").toInt())
                    : QString();
            // phx-value-* attributes told the client what to send with the click.
            QString values;
            const QJsonObject value = payload.value("value").toObject();
            for (auto v = value.begin(); v != value.end(); ++v)
                if (v.key() != u"value")
                    values +=
                        QStringLiteral("[phx-value-%1=\"%2\"]").arg(v.key(), v.value().toString());
            eventByRef.insert(msg.at(1).toString(), name);
            selectorByRef.insert(msg.at(1).toString(),
                                 QStringLiteral("[phx-click=%1]").arg(name) + target + values);
            if (payload.value("type").toString() == u"form") {
                // A change carries `uploads` and the typed field in meta._target; a submit not.
                const bool change = payload.contains("uploads");
                const QString field = payload.value("meta").toObject().value("_target").toString();
                QString typedValue;
                for (const QString &pair : payload.value("value").toString().split(u'&')) {
                    const auto decode = [](QString t) {
                        return QUrl::fromPercentEncoding(t.replace(u'+', u' ').toUtf8());
                    };
                    if (decode(pair.section(u'=', 0, 0)) == field)
                        typedValue = decode(pair.section(u'=', 1));
                }
                formByRef.insert(
                    msg.at(1).toString(),
                    {change ? ReferenceStep::Kind::Change : ReferenceStep::Kind::Submit,
                     change ? QVariantMap{{field, typedValue}} : QVariantMap(),
                     QStringLiteral("form[%1=%2]")
                         .arg(change ? "phx-change" : "phx-submit", name)});
            }
        }
        if (record.value("dir").toString() != u"recv" || event != u"phx_reply")
            continue;
        const QJsonObject response = payload.value("response").toObject();
        if (response.contains("rendered")) {
            tree.reset(response.value("rendered").toObject());
            run.initialHtml = tree.toHtml();
        } else if (eventByRef.contains(msg.at(1).toString())) {
            const QJsonObject diff = response.value("diff").toObject();
            tree.merge(diff);
            const QString ref = msg.at(1).toString();
            ReferenceStep step = formByRef.value(ref);
            if (!formByRef.contains(ref))
                step.selector = selectorByRef.value(ref);
            step.event = eventByRef.value(ref);
            step.diff = diff;
            step.html = tree.toHtml();
            run.steps.append(step);
        }
    }
    return run;
}

int jsonSize(const QJsonObject &o)
{
    return int(QJsonDocument(o).toJson(QJsonDocument::Compact).size());
}

bool containsStatics(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains("s"))
            return true;
        for (const QJsonValue &child : o)
            if (containsStatics(child))
                return true;
    } else if (v.isArray()) {
        for (const QJsonValue &child : v.toArray())
            if (containsStatics(child))
                return true;
    }
    return false;
}

} // namespace

class tst_Examples : public QObject
{
    Q_OBJECT

private slots:
    void replayReference_data()
    {
        QTest::addColumn<QString>("view");
        QTest::newRow("counter") << "counter";
        QTest::newRow("list") << "list";
        QTest::newRow("keyed") << "keyed";
        QTest::newRow("component") << "component";
        QTest::newRow("stream") << "stream";
        QTest::newRow("form") << "form";
    }
    void replayReference()
    {
        // Harness errors carry the reason; QtTest would only say "unhandled exception".
        try {
            replayBody();
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

public:
    void replayBody()
    {
        QFETCH(QString, view);
        const ReferenceRun reference = loadReference(view);
        QVERIFY(!reference.steps.isEmpty());
        auto router = std::make_shared<Router>();
        livedeck::examples::registerExamples(*router);
        LiveTestApp app(router);
        LiveViewTest lv = live(app, QStringLiteral("/examples/") + view);
        QCOMPARE(lv.render(), reference.initialHtml);
        int ourBytes = 0, phoenixBytes = 0;
        for (const ReferenceStep &step : reference.steps) {
            const QString html = step.kind == ReferenceStep::Kind::Change
                                     ? lv.element(step.selector).renderChange(step.typed)
                                 : step.kind == ReferenceStep::Kind::Submit
                                     ? lv.element(step.selector).renderSubmit()
                                     : lv.element(step.selector).renderClick();
            QCOMPARE(html, step.html);
            // Statics may only travel where something new appears (Phoenix sends them there too).
            const bool phoenixSentStatics = containsStatics(step.diff) || step.diff.contains("p");
            QVERIFY2(phoenixSentStatics || !containsStatics(lv.lastDiff()),
                     qPrintable("a step re-sent statics: " +
                                QString::fromUtf8(
                                    QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact))));
            QVERIFY2(jsonSize(lv.lastDiff()) <= jsonSize(step.diff),
                     qPrintable(
                         QStringLiteral("%1: ours %2 > Phoenix %3")
                             .arg(step.event,
                                  QString::fromUtf8(
                                      QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact)),
                                  QString::fromUtf8(
                                      QJsonDocument(step.diff).toJson(QJsonDocument::Compact)))));
            ourBytes += jsonSize(lv.lastDiff());
            phoenixBytes += jsonSize(step.diff);
        }
        qInfo("%s: diff bytes LiveDeck %d, Phoenix %d", qPrintable(view), ourBytes, phoenixBytes);
    }

private slots:
    void counterRepliesCarryOnlyTheCount()
    {
        auto router = std::make_shared<Router>();
        livedeck::examples::registerExamples(*router);
        LiveTestApp app(router);
        LiveViewTest lv = live(app, QStringLiteral("/examples/counter"));
        QCOMPARE(lv.element("#count").element().textContent(), QStringLiteral("0"));
        lv.element("#inc").renderClick();
        QCOMPARE(QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"0":"1"})"));
        lv.element("button", "-").renderClick();
        lv.element("button", "-").renderClick();
        QCOMPARE(lv.element("#count").element().textContent(), QStringLiteral("-1"));
        QCOMPARE(lv.title(), QStringLiteral("Counter"));
    }

    void keyedOneRowChangeInThousandIsOneRow()
    {
        auto router = std::make_shared<Router>();
        livedeck::examples::registerExamples(*router);
        LiveTestApp app(router);
        LiveViewTest lv = live(app, QStringLiteral("/examples/keyed"));
        for (int i = 0; i < 997; ++i)
            lv.element("#append").renderClick();
        QCOMPARE(lv.document().select("#items li").size(), 1000);
        lv.element("#rename-last").renderClick();
        QCOMPARE(QJsonDocument(lv.lastDiff()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"0":{"k":{"999":{"1":"item 1000!"},"kc":1000}}})"));
        QCOMPARE(lv.element("#item-1000").element().textContent(), QStringLiteral("item 1000!"));
    }

    void missingElementIsAClearError()
    {
        auto router = std::make_shared<Router>();
        livedeck::examples::registerExamples(*router);
        LiveTestApp app(router);
        LiveViewTest lv = live(app, QStringLiteral("/examples/counter"));
        QVERIFY(!lv.hasElement("#nope"));
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.element("#nope").renderClick());
        QVERIFY_THROWS_EXCEPTION(HarnessError, lv.element("button").renderClick()); // two buttons
        QVERIFY_THROWS_EXCEPTION(HarnessError, live(app, QStringLiteral("/examples/none")));
    }

    // Chat is not DOM-identical (message ids are the server's own), but its bytes compare: the
    // same two users exchange the same two messages; every diff either client receives counts.
    void chatBytesAgainstPhoenix()
    {
        auto router = std::make_shared<Router>();
        livedeck::examples::registerExamples(*router);
        LiveTestApp app(router);
        LiveViewTest alice = live(app, QStringLiteral("/examples/chat?user=alice"));
        LiveViewTest bob = live(app, QStringLiteral("/examples/chat?user=bob"));
        const qsizetype aliceStart = alice.sentFrames().size(), bobStart = bob.sentFrames().size();
        alice.element(QStringLiteral("#chat-form"))
            .renderSubmit({{QStringLiteral("body"), QStringLiteral("hello from alice")}});
        alice.processPending();
        bob.processPending();
        bob.element(QStringLiteral("#chat-form"))
            .renderSubmit({{QStringLiteral("body"), QStringLiteral("hi alice")}});
        alice.processPending();
        bob.processPending();
        int ours = 0;
        for (const auto &[frames, start] :
             {std::pair{alice.sentFrames(), aliceStart}, std::pair{bob.sentFrames(), bobStart}}) {
            for (qsizetype i = start; i < frames.size(); ++i) {
                const QJsonArray f = QJsonDocument::fromJson(frames[i]).array();
                const QJsonObject diff =
                    f.at(3).toString() == u"diff"
                        ? f.at(4).toObject()
                        : f.at(4).toObject().value("response").toObject().value("diff").toObject();
                if (!diff.isEmpty())
                    ours += jsonSize(diff);
            }
        }
        int phoenix = 0;
        QFile file(QStringLiteral(LIVEDECK_REFERENCE_DIR "/chat.jsonl"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QJsonArray msg = QJsonDocument::fromJson(line).object().value("msg").toArray();
            if (msg.at(3).toString() == u"diff")
                phoenix += jsonSize(msg.at(4).toObject());
            else if (msg.at(3).toString() == u"phx_reply" &&
                     msg.at(4).toObject().value("response").toObject().contains("diff"))
                phoenix += jsonSize(
                    msg.at(4).toObject().value("response").toObject().value("diff").toObject());
        }
        qInfo("chat: diff bytes LiveDeck %d, Phoenix %d", ours, phoenix);
        QCOMPARE(alice.document().select("#messages li").size(), 2);
        QVERIFY(ours > 0 && ours <= phoenix);
    }
};

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
