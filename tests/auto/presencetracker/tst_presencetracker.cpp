// The presence tracker: local entries with unique refs and a change sequence; other nodes'
// entries applied idempotently, replaced by a full state, dropped with their node.
#include "pubsub/presence_tracker.h"

#include <QtTest>

using namespace liveview::internal;

namespace {
PresenceEntry remote(const QString &topic, const QString &key, const QString &ref)
{
    return {topic, key, {{"phx_ref", ref}}};
}
QStringList keys(const std::vector<PresenceEntry> &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out << e.key;
    return out;
}
} // namespace

class tst_PresenceTracker : public QObject
{
    Q_OBJECT
    const InfoMailbox *owner = reinterpret_cast<const InfoMailbox *>(this);

private slots:
    void localTrackingNumbersChanges()
    {
        PresenceTracker &t = PresenceTracker::instance();
        const qint64 before = t.localSnapshot().second;
        const PresenceEntry a = t.trackLocal(owner, "t:local", "alice", {});
        const PresenceEntry b = t.trackLocal(owner, "t:local", "alice", {});
        QVERIFY(!a.ref().isEmpty());
        QVERIFY(a.ref() != b.ref());
        QCOMPARE(t.localSnapshot().second, before + 2);
        QCOMPARE(t.untrackLocal(owner, "t:local", "nobody").size(), size_t(0));
        QCOMPARE(t.untrackOwner(owner).size(), size_t(2));
        QCOMPARE(t.localSnapshot().second, before + 3);
        QVERIFY(t.onTopic("t:local").empty());
    }

    void remoteChanges_data()
    {
        QTest::addColumn<QStringList>("joins");  // "key/ref"
        QTest::addColumn<QStringList>("leaves"); // "key/ref"
        QTest::addColumn<QStringList>("joined");
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("present");
        QTest::newRow("join") << QStringList{"carol/c1"} << QStringList{} << QStringList{"carol"}
                              << QStringList{} << QStringList{"bob", "carol"};
        QTest::newRow("known join ignored") << QStringList{"bob/b1"} << QStringList{}
                                            << QStringList{} << QStringList{} << QStringList{"bob"};
        QTest::newRow("leave") << QStringList{} << QStringList{"bob/b1"} << QStringList{}
                               << QStringList{"bob"} << QStringList{};
        QTest::newRow("unknown leave ignored")
            << QStringList{} << QStringList{"zed/z9"} << QStringList{} << QStringList{}
            << QStringList{"bob"};
    }
    void remoteChanges()
    {
        QFETCH(QStringList, joins);
        QFETCH(QStringList, leaves);
        QFETCH(QStringList, joined);
        QFETCH(QStringList, left);
        QFETCH(QStringList, present);
        PresenceTracker &t = PresenceTracker::instance();
        const QString topic = QStringLiteral("t:%1").arg(QTest::currentDataTag());
        const auto entries = [&](const QStringList &specs) {
            std::vector<PresenceEntry> out;
            for (const QString &s : specs)
                out.push_back(remote(topic, s.section('/', 0, 0), s.section('/', 1)));
            return out;
        };
        t.applyRemote("node-b", {remote(topic, "bob", "b1")}, {});
        const PresenceChange change = t.applyRemote("node-b", entries(joins), entries(leaves));
        QCOMPARE(keys(change.joins), joined);
        QCOMPARE(keys(change.leaves), left);
        QStringList here = keys(t.onTopic(topic));
        here.sort();
        QCOMPARE(here, present);
        t.dropNode("node-b");
    }

    void nodesCannotTouchEachOthersEntries()
    {
        PresenceTracker &t = PresenceTracker::instance();
        t.applyRemote("node-x", {remote("t:iso", "eve", "r1")}, {});
        // node-y claims the same key and ref, then leaves with it: node-x's entry stays.
        t.applyRemote("node-y", {remote("t:iso", "eve", "r1")}, {});
        QCOMPARE(t.onTopic("t:iso").size(), size_t(2));
        QCOMPARE(t.applyRemote("node-y", {}, {remote("t:iso", "eve", "r1")}).leaves.size(),
                 size_t(1));
        QCOMPARE(t.onTopic("t:iso").size(), size_t(1));
        QVERIFY(t.applyRemote("node-y", {}, {remote("t:iso", "eve", "r1")}).isEmpty());
        QCOMPARE(t.dropNode("node-x").leaves.size(), size_t(1));
        QVERIFY(t.onTopic("t:iso").empty());
    }

    void entriesComeInArrivalOrder()
    {
        PresenceTracker &t = PresenceTracker::instance();
        t.applyRemote("node-o", {remote("t:order", "zoe", "z1")}, {});
        t.trackLocal(owner, "t:order", "adam", {});
        t.applyRemote("node-o", {remote("t:order", "mia", "m1")}, {});
        QCOMPARE(keys(t.onTopic("t:order")), (QStringList{"zoe", "adam", "mia"}));
        t.untrackOwner(owner);
        t.dropNode("node-o");
    }

    void stateReplacesAndDeadNodesLeave()
    {
        PresenceTracker &t = PresenceTracker::instance();
        t.applyRemote("node-c", {remote("t:s", "a", "1"), remote("t:s", "b", "2")}, {});
        const PresenceChange change =
            t.replaceRemote("node-c", {remote("t:s", "b", "2"), remote("t:s", "c", "3")});
        QCOMPARE(keys(change.joins), QStringList{"c"});
        QCOMPARE(keys(change.leaves), QStringList{"a"});
        QCOMPARE(keys(t.dropNode("node-c").leaves).size(), 2);
        QVERIFY(t.onTopic("t:s").empty());
        QVERIFY(t.dropNode("node-c").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PresenceTracker)
#include "tst_presencetracker.moc"
