// LiveComponents through the harness: own state and events, shared statics, updates from the
// parent and send_update, and the client's two-step removal with revival.
#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
QJsonObject payloadOf(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).array().at(4).toObject();
}
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class tst_LiveComponents : public QObject
{
    Q_OBJECT
    LiveTestApp app{testviews::router()};

    QJsonObject pushCids(LiveViewTest &lv, const char *event, int cid)
    {
        const QString frame = QStringLiteral(R"(["%1","%2","%3","%4",{"cids":[%5]}])")
                                  .arg(lv.joinRef(), lv.nextRef(), lv.topic(), QLatin1String(event))
                                  .arg(cid);
        const QList<QByteArray> out = lv.sendRaw(frame.toUtf8());
        return out.size() == 1 ? payloadOf(out.first()) : QJsonObject();
    }

private slots:
    void instancesShareStatics()
    {
        LiveViewTest lv = live(app, "/test/component");
        const QJsonObject rendered = payloadOf(lv.sentFrames().first())
                                         .value("response")
                                         .toObject()
                                         .value("rendered")
                                         .toObject();
        const QJsonObject c = rendered.value("c").toObject();
        QVERIFY(c.value("1").toObject().value("s").isArray());
        QCOMPARE(c.value("2").toObject().value("s").toInt(), 1); // B reuses A's statics
        QCOMPARE(lv.element("#comp-b .label").element().textContent(), QStringLiteral("B0"));
    }

    void eventsGoToTheTargetComponentOnly()
    {
        LiveViewTest lv = live(app, "/test/component");
        lv.element("#comp-b-inc").renderClick();
        QCOMPARE(compact(lv.lastDiff()), QByteArray(R"({"c":{"2":{"2":"1"}}})"));
        QCOMPARE(lv.element("#comp-a .count").element().textContent(), QStringLiteral("0"));
        QCOMPARE(lv.element("#comp-b .count").element().textContent(), QStringLiteral("1"));
    }

    void parentChangesReachComponentsWithoutTouchingTheParent()
    {
        LiveViewTest lv = live(app, "/test/component");
        lv.element("#relabel").renderClick();
        const QJsonObject diff = lv.lastDiff();
        QCOMPARE(diff.keys(), QStringList{"c"}); // the cids in the parent did not change
        QCOMPARE(lv.element("#comp-a .label").element().textContent(), QStringLiteral("A1"));
        QCOMPARE(lv.element("#comp-b .label").element().textContent(), QStringLiteral("B1"));
    }

    void withTargetSendsToTheComponent()
    {
        LiveViewTest lv = live(app, "/test/component");
        lv.withTarget("#comp-b .count").renderEvent("inc");
        QCOMPARE(lv.element("#comp-b .count").element().textContent(), QStringLiteral("1"));
        QCOMPARE(lv.element("#comp-a .count").element().textContent(), QStringLiteral("0"));
        lv.withTarget("#relabel").renderEvent("relabel"); // outside components: the view
        QCOMPARE(lv.element("#comp-a .label").element().textContent(), QStringLiteral("A1"));
    }

    void sendUpdateFromTheView()
    {
        LiveViewTest lv = live(app, "/test/toggle");
        lv.renderEvent("rename");
        QCOMPARE(compact(lv.lastDiff()), QByteArray(R"({"c":{"1":{"1":"renamed"}}})"));
    }

    void sendUpdateFromAnotherThread()
    {
        LiveViewTest lv = live(app, "/test/toggle");
        lv.renderEvent("rename_from_thread");
        QTRY_VERIFY(lv.processPending().contains("from a thread"));
        QCOMPARE(lv.element("#comp-a .label").element().textContent(),
                 QStringLiteral("from a thread"));
    }

    void removalIsTwoStep()
    {
        LiveViewTest lv = live(app, "/test/toggle");
        lv.element("#comp-a-inc").renderClick();
        lv.renderEvent("toggle");
        QVERIFY(!lv.hasElement("#comp-a"));
        QCOMPARE(compact(pushCids(lv, "cids_will_destroy", 1)),
                 QByteArray(R"({"response":{},"status":"ok"})"));
        QCOMPARE(compact(pushCids(lv, "cids_destroyed", 1)),
                 QByteArray(R"({"response":{"cids":[1]},"status":"ok"})"));
        // Shown again: a new instance with a new cid, mounted afresh, sent in full.
        lv.renderEvent("toggle");
        QCOMPARE(lv.lastDiff().value("0").toObject().value("0").toInt(), 2); // inside the :if node
        QVERIFY(lv.lastDiff().value("c").toObject().value("2").toObject().value("s").isArray());
        QCOMPARE(lv.element("#comp-a .count").element().textContent(), QStringLiteral("0"));
    }

    void revivedBeforeDestroyedIsKept()
    {
        LiveViewTest lv = live(app, "/test/toggle");
        lv.element("#comp-a-inc").renderClick();
        lv.renderEvent("toggle");
        pushCids(lv, "cids_will_destroy", 1);
        lv.renderEvent("toggle"); // rendered again before cids_destroyed
        QVERIFY(
            lv.lastDiff().value("c").toObject().value("1").toObject().value("s").isArray()); // in
                                                                                             // full
        QCOMPARE(compact(pushCids(lv, "cids_destroyed", 1)),
                 QByteArray(R"({"response":{"cids":[]},"status":"ok"})"));
        QCOMPARE(lv.element("#comp-a .count").element().textContent(),
                 QStringLiteral("1")); // state kept
        lv.element("#comp-a-inc").renderClick();
        QCOMPARE(lv.element("#comp-a .count").element().textContent(), QStringLiteral("2"));
    }

    void eventForAGoneComponentIsAnsweredAndDropped()
    {
        LiveViewTest lv = live(app, "/test/toggle");
        QVERIFY(
            lv.renderEvent("inc", {}, "click").contains("comp-a")); // no cid: the view ignores it
        const QString frame =
            QStringLiteral(
                R"(["%1","%2","%3","event",{"type":"click","event":"inc","value":{},"cid":99}])")
                .arg(lv.joinRef(), lv.nextRef(), lv.topic());
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression("component that is gone"));
        const QList<QByteArray> out = lv.sendRaw(frame.toUtf8());
        QCOMPARE(payloadOf(out.first()).value("status").toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_LiveComponents)
#include "tst_live_components.moc"
