// One broadcast's diffs: equal diffs are serialised once and share their bytes.
#include "channel/shared_diff_encoding.h"

#include <QJsonDocument>
#include <QtTest>

using namespace liveview::internal;

class tst_SharedDiffEncoding : public QObject
{
    Q_OBJECT
private slots:
    void equalDiffsShareOneEncoding_data()
    {
        QTest::addColumn<int>("views");
        QTest::addColumn<int>("variants");
        QTest::addColumn<int>("encodings");
        QTest::newRow("everyone the same") << 1000 << 1 << 1;
        QTest::newRow("two kinds of view") << 1000 << 2 << 2;
        QTest::newRow("all different: bounded cache") << 10 << 10 << 10;
    }
    void equalDiffsShareOneEncoding()
    {
        QFETCH(int, views);
        QFETCH(int, variants);
        QFETCH(int, encodings);
        SharedDiffEncoding shared;
        for (int i = 0; i < views; ++i) {
            const QJsonObject diff{{"1", QJsonObject{{"k", QJsonObject{{"0", i % variants}}}}}};
            const QByteArray bytes = shared.encode(diff);
            QCOMPARE(bytes, QJsonDocument(diff).toJson(QJsonDocument::Compact));
        }
        QCOMPARE(shared.encodings(), encodings);
    }

    void sharedBytesAreNotCopied()
    {
        SharedDiffEncoding shared;
        const QJsonObject diff{{"0", "x"}};
        const QByteArray a = shared.encode(diff);
        const QByteArray b = shared.encode(QJsonObject{{"0", "x"}});
        QCOMPARE(a.constData(), b.constData());
    }

    void currentOnlyWithinItsScope()
    {
        QCOMPARE(SharedDiffEncoding::current(), nullptr);
        {
            const SharedDiffEncoding::Scope outer;
            SharedDiffEncoding *first = SharedDiffEncoding::current();
            QVERIFY(first);
            {
                const SharedDiffEncoding::Scope inner; // a nested batch gets its own
                QVERIFY(SharedDiffEncoding::current() != first);
            }
            QCOMPARE(SharedDiffEncoding::current(), first);
        }
        QCOMPARE(SharedDiffEncoding::current(), nullptr);
    }
};

QTEST_GUILESS_MAIN(tst_SharedDiffEncoding)
#include "tst_shareddiffencoding.moc"
