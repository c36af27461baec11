// Uploads against hostile or broken clients: each is refused clearly, the view and the other
// sessions carry on, and no temporary file stays on disk.
#include "upload_test_views.h"

#include "channel/endpoint_context.h"
#include "session/token_signer.h"
#include "testing/live_test_app_access.h"
#include "upload/upload_token.h"

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using uploadtests::pseudoRandom;
using uploadtests::temporaryFiles;

namespace {

QString reasonOf(const QJsonObject &reply)
{
    return reply.value("response").toObject().value("reason").toString();
}

QByteArray frame(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_UploadBadInput : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    std::unique_ptr<LiveTestApp> m_app;
    std::unique_ptr<LiveViewTest> m_bystander; // another session that must not notice anything

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        UploadStorage::setDirectory(m_data.filePath("upload-tmp"));
        m_app = std::make_unique<LiveTestApp>(uploadtests::router());
        m_bystander = std::make_unique<LiveViewTest>(live(*m_app, "/examples/counter"));
    }
    void cleanup()
    {
        QTRY_COMPARE(temporaryFiles(), 0);
        // The other session still works.
        const int before = m_bystander->element("#count").element().textContent().toInt();
        m_bystander->element("#inc").renderClick();
        QCOMPARE(m_bystander->element("#count").element().textContent().toInt(), before + 1);
    }

    void forgedToken()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        input.preflight();
        QString forged = input.token("a.txt");
        forged[forged.size() - 3] = forged[forged.size() - 3] == u'A' ? u'B' : u'A';
        QCOMPARE(reasonOf(input.joinChannel("a.txt", forged)), QString("invalid_token"));
        QCOMPARE(reasonOf(input.joinChannel("a.txt", "not-a-token")), QString("invalid_token"));
        // The real token still works afterwards.
        input.renderUpload("a.txt");
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
        lv.element("#row-0").renderEvent("cancel", {{"ref", "0"}});
    }

    void expiredToken()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        input.preflight();
        const internal::TokenSigner &signer = *internal::LiveTestAppAccess::context(*m_app)->signer;
        const internal::TokenSigner::Result real =
            signer.verify("upload-entry", input.token("a.txt").toUtf8());
        QVERIFY(real.isValid());
        const QByteArray expired = signer.sign("upload-entry", real.claims, -10);
        QCOMPARE(reasonOf(input.joinChannel("a.txt", QString::fromLatin1(expired))),
                 QString("invalid_token"));
        // Another purpose's token (a view session) is no upload token either.
        const QByteArray other = signer.sign("view-session", real.claims, 600);
        QCOMPARE(reasonOf(input.joinChannel("a.txt", QString::fromLatin1(other))),
                 QString("invalid_token"));
    }

    void reusedToken()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        input.renderUpload("a.txt");
        // While the channel is open: the topic is taken.
        QCOMPARE(reasonOf(input.joinChannel("a.txt")), QString("already_registered"));
        lv.element("#f").renderSubmit(); // consumed: the channel closes
        lv.processPending();
        QCOMPARE(reasonOf(input.joinChannel("a.txt")), QString("disallowed"));
    }

    void reusedTokenAfterTheChannelLeft()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abcdef", "text/plain"}});
        input.renderUpload("a.txt", 50);
        lv.sendRaw(frame(
            {QJsonValue(), lv.nextRef(), input.uploadTopic("a.txt"), "phx_leave", QJsonObject()}));
        QCOMPARE(reasonOf(input.joinChannel("a.txt")), QString("disallowed"));
    }

    void tokenForAnotherEntryOrView()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput(
            "#f", "docs", {{"a.txt", "abc", "text/plain"}, {"b.txt", "def", "text/plain"}});
        input.preflight();
        // b's topic with a's token.
        QCOMPARE(reasonOf(input.joinChannel("b.txt", input.token("a.txt"))),
                 QString("invalid_token"));
        // Another view (its own socket) with a valid token of this one.
        LiveViewTest other = live(*m_app, "/test/upload");
        FileInput theirs = other.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        theirs.choose();
        QCOMPARE(reasonOf(theirs.joinChannel("a.txt", input.token("a.txt"))),
                 QString("disallowed"));
        // A token from an earlier preflight of a re-allowed entry ref is refused by its nonce.
        input.renderUpload("a.txt");
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
    }

    void chunkPastTheDeclaredSize_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("declared");
        QTest::addColumn<QString>("reason");
        QTest::newRow("more bytes than declared, one chunk")
            << QByteArray(20, 'x') << qint64(10) << "file_size_limit_exceeded";
        QTest::newRow("chunk after the last byte")
            << QByteArray(10, 'x') << qint64(10) << "file_size_limit_exceeded";
        QTest::newRow("chunk bigger than the chunk size")
            << QByteArray(1001, 'x') << qint64(5000) << "chunk_too_large";
        QTest::newRow("empty chunk") << QByteArray() << qint64(10) << "empty_chunk";
    }
    void chunkPastTheDeclaredSize()
    {
        QFETCH(QByteArray, content);
        QFETCH(qint64, declared);
        QFETCH(QString, reason);
        LiveViewTest lv = live(*m_app, "/test/upload?chunk=1000");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", content, "text/plain", declared}});
        input.preflight();
        QCOMPARE(input.joinChannel("a.txt").value("status").toString(), QString("ok"));
        QJsonObject reply;
        if (QTest::currentDataTag() == QByteArray("chunk after the last byte")) {
            QCOMPARE(input.sendChunk("a.txt", content).value("status").toString(), QString("ok"));
            reply = input.sendChunk("a.txt", "more");
        } else {
            reply = input.sendChunk("a.txt", content);
        }
        QCOMPARE(reply.value("status").toString(), QString("error"));
        QCOMPARE(reasonOf(reply), reason);
        QVERIFY(input.channelClosed("a.txt"));
        QVERIFY(!lv.hasElement("#row-0")); // the entry is dropped
        QVERIFY(!lv.isCrashed());
    }

    void unknownRefs()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        input.choose();
        lv.sendRaw(frame(
            {lv.joinRef(), lv.nextRef(), lv.topic(), "progress",
             QJsonObject{{"ref", input.uploadRef()}, {"entry_ref", "99"}, {"progress", 50}}}));
        QCOMPARE(lv.lastReplyStatus(), QString("error"));
        lv.sendRaw(frame({lv.joinRef(), lv.nextRef(), lv.topic(), "progress",
                          QJsonObject{{"ref", "phx-nope"}, {"entry_ref", "0"}, {"progress", 50}}}));
        QCOMPARE(lv.lastReplyStatus(), QString("error"));
        lv.sendRaw(frame({lv.joinRef(), lv.nextRef(), lv.topic(), "allow_upload",
                          QJsonObject{{"ref", input.uploadRef()},
                                      {"entries", QJsonArray{QJsonObject{{"ref", "42"}}}}}}));
        QCOMPARE(lv.lastReplyStatus(), QString("ok"));
        QVERIFY(lv.lastReply().value("entries").toObject().isEmpty());
        // A chunk for an entry nobody joined.
        lv.sendBinary(encodeBinaryPush("7", "8", "lvu:77", "chunk", "bytes"));
        QVERIFY(!lv.isCrashed());
        QCOMPARE(lv.closeCode(), 0);
        input.renderUpload("a.txt");
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
        lv.element("#row-0").renderEvent("cancel", {{"ref", "0"}});
    }

    void tenThousandEntries()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        QList<UploadFile> many;
        for (int i = 0; i < 10000; ++i)
            many.append({QString("f%1.txt").arg(i), "x", "text/plain"});
        QJsonArray entries;
        for (int i = 0; i < 10000; ++i)
            entries.append(QJsonObject{{"ref", QString::number(i)}});
        const QString uploadRef =
            lv.element("input[type=file]").element().attribute("data-phx-upload-ref");
        lv.sendRaw(frame({lv.joinRef(), lv.nextRef(), lv.topic(), "allow_upload",
                          QJsonObject{{"ref", uploadRef}, {"entries", entries}}}));
        QCOMPARE(lv.lastReplyStatus(), QString("error"));
        QCOMPARE(lv.lastReply().value("reason").toString(), QString("too many entries"));
        // The same number chosen in a change event: refused as too many files, no rows.
        lv.sendRaw(frame({lv.joinRef(), lv.nextRef(), lv.topic(), "event",
                          QJsonObject{{"type", "form"},
                                      {"event", "validate"},
                                      {"value", ""},
                                      {"uploads", QJsonObject{{uploadRef, entries}}}}}));
        QCOMPARE(lv.lastReplyStatus(), QString("ok"));
        QCOMPARE(lv.document().select("#rows li").size(), 0);
        QCOMPARE(lv.element("p.config-err").element().textContent(), QString("too_many_files"));
        QCOMPARE(lv.closeCode(), 0);
    }

    void refusedFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero bytes") << "empty.txt"
                                    << "text/plain" << qint64(0) << "empty_file";
        QTest::newRow("NUL in the name")
            << QString::fromLatin1("a\0.txt", 6) << "text/plain" << qint64(3) << "invalid_name";
        QTest::newRow("2,000 characters") << QString(1996, 'n') + ".txt"
                                          << "text/plain" << qint64(3) << "invalid_name";
        QTest::newRow("only dots") << "...."
                                   << "text/plain" << qint64(3) << "not_accepted";
        QTest::newRow("MIME type disagrees") << "a.png"
                                             << "text/html" << qint64(3) << "not_accepted";
        QTest::newRow("extension not accepted")
            << "a.exe"
            << "application/x-msdownload" << qint64(3) << "not_accepted";
        QTest::newRow("too large") << "a.txt"
                                   << "text/plain" << qint64(1000001) << "too_large";
    }
    void refusedFiles()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(qint64, size);
        QFETCH(QString, error);
        LiveViewTest lv = live(*m_app, "/test/upload?auto=1");
        FileInput input = lv.fileInput(
            "#f", "docs", {{name, QByteArray(int(qMin<qint64>(size, 16)), 'z'), type, size}});
        input.choose();
        QCOMPARE(lv.element("#row-0 i.err").element().textContent(), error);
        QCOMPARE(lv.element("#row-0").element().attribute("data-valid"), QString("false"));
        QVERIFY(input.preflight().value("entries").toObject().isEmpty()); // no token
        QCOMPARE(reasonOf(input.joinChannel(name, "x")), QString("invalid_token"));
    }

    void pathsInNamesNeverReachTheDisk()
    {
        LiveViewTest lv = live(*m_app, "/examples/upload");
        FileInput input =
            lv.fileInput("#upload-form", "files", {{"../../../evil.txt", "gotcha", "text/plain"}});
        input.renderUpload("../../../evil.txt");
        lv.element("#upload-form").renderSubmit();
        QCOMPARE(lv.element("#saved li").element().textContent(), QString("evil.txt (6 bytes)"));
        QVERIFY(QFile::exists(m_data.filePath("uploads/evil.txt")));
        QVERIFY(!QFile::exists(QDir(m_data.path()).filePath("../../evil.txt")));
        QFile::remove(m_data.filePath("uploads/evil.txt"));
    }

    void clientStopsMidFile()
    {
        LiveViewTest lv = live(*m_app, "/test/upload?timeout=200&chunk=1000");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", pseudoRandom(3000), "text/plain"}});
        input.renderUpload("a.txt", 40);
        QCOMPARE(temporaryFiles(), 1);
        QTRY_VERIFY(input.channelClosed("a.txt"));
        QCOMPARE(temporaryFiles(), 0);
        lv.processPending(); // the diff the timeout pushed
        QVERIFY(!lv.hasElement("#row-0"));
        QVERIFY(!lv.isCrashed());
        // A client that joins and never sends a byte is timed out the same way.
        FileInput idle = lv.fileInput("#f", "docs", {{"b.txt", "abc", "text/plain"}});
        idle.preflight();
        QCOMPARE(idle.joinChannel("b.txt").value("status").toString(), QString("ok"));
        QTRY_VERIFY(idle.channelClosed("b.txt"));
    }

    void binaryFrameOnAViewTopic()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        const QList<QByteArray> written = lv.sendBinary(encodeBinaryPush(
            lv.joinRef().toUtf8(), "9", lv.topic().toUtf8(), "event", "{\"type\":\"click\"}"));
        QCOMPARE(written.size(), 1);
        QVERIFY(written.first().contains("binary frames are for upload channels"));
        QCOMPARE(lv.closeCode(), 0);
        QVERIFY(!lv.isCrashed());
        lv.renderEvent("validate"); // the view still answers
    }

    void malformedBinaryFrames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lengths past the end") << QByteArray("\x00\x05\x05\x05\x05"
                                                            "ab",
                                                            7);
        QTest::newRow("topic length past the end") << QByteArray("\x00\x00\x00\xff\x05"
                                                                 "lvu:0chunk",
                                                                 15);
        QTest::newRow("shorter than the header") << QByteArray("\x00\x01", 2);
        QTest::newRow("reply kind from a client") << QByteArray("\x01\x00\x00\x05\x05"
                                                                "lvu:0chunk",
                                                                15);
        QTest::newRow("empty") << QByteArray();
    }
    void malformedBinaryFrames()
    {
        QFETCH(QByteArray, bytes);
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", pseudoRandom(3000), "text/plain"}});
        input.renderUpload("a.txt", 50);
        lv.sendBinary(bytes);
        QCOMPARE(lv.closeCode(), 1007); // the socket is closed as invalid; its upload goes with it
    }
};

QTEST_GUILESS_MAIN(tst_UploadBadInput)
#include "tst_upload_bad_input.moc"
