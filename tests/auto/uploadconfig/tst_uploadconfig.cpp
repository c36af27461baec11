// UploadConfig: which declared files are accepted, how entries are validated and counted, and
// the ref lists the file input renders.
#include "upload/upload_config.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::internal;

namespace {

QJsonObject clientEntry(const QString &ref, const QString &name, const QString &type, qint64 size)
{
    return {{"ref", ref}, {"name", name}, {"type", type}, {"size", size}, {"last_modified", 1}};
}

UploadOptions options(QStringList accept, int maxEntries = 2, qint64 maxSize = 100)
{
    UploadOptions o;
    o.accept = std::move(accept);
    o.maxEntries = maxEntries;
    o.maxFileSize = maxSize;
    return o;
}

} // namespace

class tst_UploadConfig : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<QStringList>("accept");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("ok");
        QTest::newRow("extension") << QStringList{".txt"} << "a.txt"
                                   << "text/plain" << true;
        QTest::newRow("extension, upper case name") << QStringList{".jpg"} << "A.JPG"
                                                    << "image/jpeg" << true;
        QTest::newRow("extension not listed") << QStringList{".txt"} << "a.exe"
                                              << "application/octet-stream" << false;
        QTest::newRow("MIME type") << QStringList{"image/png"} << "a.png"
                                   << "image/png" << true;
        QTest::newRow("wildcard") << QStringList{"image/*"} << "a.jpg"
                                  << "image/jpeg" << true;
        QTest::newRow("wildcard, other family") << QStringList{"image/*"} << "a.txt"
                                                << "text/plain" << false;
        QTest::newRow("type contradicts extension") << QStringList{".png"} << "a.png"
                                                    << "text/html" << false;
        QTest::newRow("unknown type from the browser") << QStringList{".txt"} << "a.txt"
                                                       << "" << true;
        QTest::newRow("octet-stream") << QStringList{".png"} << "a.png"
                                      << "application/octet-stream" << true;
        QTest::newRow("any, but lying") << QStringList{} << "a.png"
                                        << "text/html" << false;
        QTest::newRow("any") << QStringList{} << "noextension"
                             << "text/plain" << true;
        QTest::newRow("no extension, extension list") << QStringList{".txt"} << "txt"
                                                      << "text/plain" << false;
    }
    void accepted()
    {
        QFETCH(QStringList, accept);
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(bool, ok);
        QCOMPARE(UploadConfig::accepted(accept, name, type), ok);
    }

    void validationKeepsInvalidEntries()
    {
        UploadConfig config("docs", options({".txt"}, 5, 100));
        config.putEntries({clientEntry("0", "a.txt", "text/plain", 10),
                           clientEntry("1", "b.txt", "text/plain", 101),
                           clientEntry("2", "c.exe", "", 10),
                           clientEntry("3", "d.txt", "text/plain", 0),
                           clientEntry("0", "again.txt", "text/plain", 10),  // known ref: skipped
                           clientEntry("", "noref.txt", "text/plain", 10)}); // no ref: skipped
        QCOMPARE(int(config.entries().size()), 4);
        QCOMPARE(config.errorsFor("1"), QStringList{"too_large"});
        QCOMPARE(config.errorsFor("2"), QStringList{"not_accepted"});
        QCOMPARE(config.errorsFor("3"), QStringList{"empty_file"});
        QVERIFY(config.find("0")->entry.valid);
        QVERIFY(!config.find("1")->entry.valid);
        // Newest first, as the client lists error refs.
        QCOMPARE(config.toVariantMap().value("error_refs").toString(), QString("3,2,1"));
    }

    void tooManyFilesComesAndGoes_data()
    {
        QTest::addColumn<bool>("total");
        QTest::newRow("selected mode (the default)") << false;
        QTest::newRow("total mode") << true;
    }
    void tooManyFilesComesAndGoes()
    {
        QFETCH(bool, total);
        UploadOptions o = options({".txt"}, 2);
        if (total)
            o.maxEntriesMode = UploadOptions::MaxEntriesMode::Total;
        UploadConfig config("docs", o);
        config.putEntries({clientEntry("0", "a.txt", "text/plain", 1),
                           clientEntry("1", "b.txt", "text/plain", 1),
                           clientEntry("2", "c.txt", "text/plain", 1)});
        QCOMPARE(config.errorsFor(config.ref()), QStringList{"too_many_files"});
        QCOMPARE(config.toVariantMap().value("error_refs").toString(), config.ref());
        config.drop("2");
        QVERIFY(config.errorsFor(config.ref()).isEmpty());
        QVERIFY(config.toVariantMap().value("error_refs").isNull()); // no attribute at all
        // A consumed entry counts toward the limit in total mode only.
        config.countConsumed();
        QCOMPARE(config.consumedCount(), total ? 1 : 0);
        QCOMPARE(config.errorsFor(config.ref()), QStringList{}); // recalculated on the next change
        config.recalculateTooManyFiles();
        QCOMPARE(config.errorsFor(config.ref()),
                 total ? QStringList{"too_many_files"} : QStringList{});
    }

    void refListsAndAttributes()
    {
        UploadConfig config("docs", options({".txt", ".md"}, 3));
        QVERIFY(config.ref().startsWith("phx-"));
        QCOMPARE(config.ref().size(), 20);
        config.putEntries({clientEntry("4", "a.txt", "text/plain", 1),
                           clientEntry("5", "b.txt", "text/plain", 1)});
        config.find("5")->entry.preflighted = true;
        config.find("5")->entry.done = true;
        const QVariantMap m = config.toVariantMap();
        QCOMPARE(m.value("active_refs").toString(), QString("4,5"));
        QCOMPARE(m.value("done_refs").toString(), QString("5"));
        QCOMPARE(m.value("preflighted_refs").toString(), QString("5"));
        QCOMPARE(m.value("accept").toString(), QString(".txt,.md"));
        QCOMPARE(m.value("multiple").toBool(), true);
        QCOMPARE(m.value("entries").toList().first().toMap().value("client_name").toString(),
                 QString("a.txt"));
        QVERIFY(UploadConfig("x", options({})).toVariantMap().value("accept").isNull());
        QCOMPARE(UploadConfig("x", options({}, 1)).toVariantMap().value("multiple").toBool(),
                 false);
    }

    void hardLimitAddsNothing()
    {
        UploadConfig config("docs", options({".txt"}, 3));
        QJsonArray many;
        for (int i = 0; i <= UploadConfig::hardEntryLimit; ++i)
            many.append(clientEntry(QString::number(i), "a.txt", "text/plain", 1));
        config.putEntries(many);
        QVERIFY(config.entries().empty());
        QCOMPARE(config.errorsFor(config.ref()), QStringList{"too_many_files"});
    }
};

QTEST_GUILESS_MAIN(tst_UploadConfig)
#include "tst_uploadconfig.moc"
