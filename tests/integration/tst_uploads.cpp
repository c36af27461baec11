// Uploads through the harness: choosing files, preflight, chunks, progress, cancel, consume,
// postpone, external uploads, the example's markup and files, and every cleanup path of the
// temporary files (counted on disk after each).
#include "upload_test_views.h"

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using uploadtests::pseudoRandom;
using uploadtests::temporaryFiles;
using uploadtests::writerLog;

class tst_Uploads : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    std::unique_ptr<LiveTestApp> m_app;

    QString savedDirectory() const { return m_data.filePath("uploads"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        UploadStorage::setDirectory(m_data.filePath("upload-tmp"));
        m_app = std::make_unique<LiveTestApp>(uploadtests::router());
    }
    void cleanup() { QTRY_COMPARE(temporaryFiles(), 0); }

    void inputCarriesTheClientsAttributes()
    {
        LiveViewTest lv = live(*m_app, "/examples/upload?auto=1");
        const HtmlElement input = lv.element("#upload-form input[type=file]").element();
        QCOMPARE(input.attribute("id"), input.attribute("data-phx-upload-ref"));
        QVERIFY(input.attribute("id").startsWith("phx-"));
        QCOMPARE(input.attribute("name"), QString("files"));
        QCOMPARE(input.attribute("accept"), QString(".txt,.png,.jpg"));
        QCOMPARE(input.attribute("data-phx-hook"), QString("Phoenix.LiveFileUpload"));
        QVERIFY(input.hasAttribute("data-phx-auto-upload"));
        QVERIFY(input.hasAttribute("multiple"));
        QVERIFY(!input.hasAttribute("data-phx-error-refs"));
        LiveViewTest manual = live(*m_app, "/examples/upload");
        QVERIFY(!manual.element("input[type=file]").element().hasAttribute("data-phx-auto-upload"));
    }

    void exampleUploadsSavesAndLists()
    {
        LiveViewTest lv = live(*m_app, "/examples/upload?auto=1");
        const QByteArray png = pseudoRandom(150000);
        FileInput input = lv.fileInput(
            "#upload-form", "files",
            {{"a.txt", "hello, uploads!!\n", "text/plain"}, {"b.png", png, "image/png"}});
        input.choose();
        QCOMPARE(lv.document().select("#entries li.entry").size(), 2);
        QCOMPARE(lv.element("input[type=file]").element().attribute("data-phx-active-refs"),
                 QString("0,1"));

        // Half of b.png: 64,000 + 11,000 bytes, progress 50, not done.
        input.renderUpload("b.png", 50);
        QCOMPARE(lv.element("#entry-1 progress").element().attribute("value"), QString("50"));
        QCOMPARE(temporaryFiles(), 1);
        input.renderUpload("b.png");
        input.renderUpload("a.txt");
        const HtmlElement file = lv.element("input[type=file]").element();
        QCOMPARE(file.attribute("data-phx-done-refs"), QString("0,1"));
        QCOMPARE(file.attribute("data-phx-preflighted-refs"), QString("0,1"));
        QCOMPARE(lv.element("#entry-0 progress").element().textContent(), QString("100%"));
        QCOMPARE(temporaryFiles(), 2);

        lv.element("#upload-form").renderSubmit();
        QCOMPARE(lv.document().select("#saved li.saved-file").size(), 2);
        QCOMPARE(lv.element("#saved li.saved-file", "b.png").element().textContent(),
                 QString("b.png (150000 bytes)"));
        QCOMPARE(lv.document().select("#saved li").first().textContent(),
                 QString("a.txt (17 bytes)"));
        QVERIFY(input.channelClosed("a.txt") && input.channelClosed("b.png"));
        QCOMPARE(temporaryFiles(), 0); // moved into uploads/
        QFile saved(QDir(savedDirectory()).filePath("b.png"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), png);
        // The rows leave with the diff after the reply, as in Phoenix.
        lv.processPending();
        QCOMPARE(lv.document().select("#entries li").size(), 0);
        QCOMPARE(lv.element("input[type=file]").element().attribute("data-phx-active-refs"),
                 QString());
        QFile::remove(QDir(savedDirectory()).filePath("a.txt"));
        QFile::remove(saved.fileName());
    }

    void exampleErrorsShowInTheRender()
    {
        LiveViewTest lv = live(*m_app, "/examples/upload");
        FileInput four = lv.fileInput("#upload-form", "files",
                                      {{"a.txt", "a", "text/plain"},
                                       {"b.png", "b", "image/png"},
                                       {"c.jpg", "c", "image/jpeg"},
                                       {"d.txt", "d", "text/plain"}});
        four.choose();
        QCOMPARE(lv.document().select("#entries li").size(), 4);
        QCOMPARE(lv.element("#upload-view > p.error").element().textContent(),
                 QString("You have selected too many files"));
        const QString ref = four.uploadRef();
        QCOMPARE(lv.element("input[type=file]").element().attribute("data-phx-error-refs"), ref);
        FileInput bad =
            lv.fileInput("#upload-form", "files", {{"bad.exe", "MZ", "application/x-msdownload"}});
        bad.choose();
        QCOMPARE(lv.element("#entry-4 .error").element().textContent(),
                 QString("You have selected an unacceptable file type"));
        QCOMPARE(lv.element("input[type=file]").element().attribute("data-phx-error-refs"),
                 "4," + ref);
        // Without auto upload a preflight with errors fails as a whole: no tokens.
        const QJsonObject reply = four.preflight();
        QVERIFY(reply.value("error").toArray().size() >= 2);
        QVERIFY(reply.value("entries").toObject().isEmpty());
        // Cancelling brings the count back under the limit: the upload's error goes.
        lv.element("#entry-3 button").renderClick();
        lv.element("#entry-4 button").renderClick();
        QVERIFY(!lv.hasElement("#upload-view > p.error"));
        QVERIFY(!lv.element("input[type=file]").element().hasAttribute("data-phx-error-refs"));

        FileInput big =
            lv.fileInput("#upload-form", "files", {{"huge.png", {}, "image/png", 8'000'001}});
        lv.element("#entry-2 button").renderClick();
        big.choose();
        QCOMPARE(lv.element("#entry-5 .error").element().textContent(), QString("Too large"));
    }

    void cancelClosesTheChannelAndDeletesTheFile()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", pseudoRandom(5000), "text/plain"}});
        input.renderUpload("a.txt", 40);
        QCOMPARE(temporaryFiles(), 1);
        lv.element("#row-0").renderEvent("cancel", {{"ref", "0"}});
        QVERIFY(input.channelClosed("a.txt"));
        QCOMPARE(temporaryFiles(), 0);
        lv.processPending();
        QVERIFY(!lv.hasElement("#row-0"));
        // The channel is gone: a late chunk is refused, nothing is written.
        QCOMPARE(input.sendChunk("a.txt", "late").value("status").toString(), QString("error"));
        QCOMPARE(temporaryFiles(), 0);
    }

    void progressCallbackAndUploadedEntries()
    {
        LiveViewTest lv = live(*m_app, "/test/upload?chunk=1000");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", pseudoRandom(2500), "text/plain"}});
        input.renderUpload("a.txt", 50); // 1,000 + 250 bytes: two progress pushes (40, 50)
        QCOMPARE(lv.element("#row-0").element().attribute("data-progress"), QString("50"));
        QCOMPARE(lv.element("#calls").element().textContent(), QString("2 docs:0:50"));
        input.renderUpload("a.txt");
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
        QCOMPARE(lv.element("#calls").element().textContent(), QString("4 docs:0:100"));
        QCOMPARE(lv.element("#row-0 img").element().attribute("data-phx-entry-ref"), QString("0"));
        QCOMPARE(lv.element("#row-0 img").element().attribute("id"), QString("phx-preview-0"));
        lv.element("#f").renderSubmit();
        QCOMPARE(lv.element("#consumed li").element().textContent().left(6), QString("a.txt="));
    }

    void uploadedEntriesAndUploadErrorsFromCpp()
    {
        // The C++ API a view calls, not the template's upload_errors(): which entries are done,
        // which are still arriving, and the errors of the upload and of each entry.
        LiveViewTest lv = live(*m_app, "/test/upload?max=2&size=2000");
        FileInput input = lv.fileInput("#f", "docs",
                                       {{"a.txt", pseudoRandom(1500), "text/plain"},
                                        {"b.txt", pseudoRandom(1500), "text/plain"}});
        input.renderUpload("a.txt");
        input.renderUpload("b.txt", 50);
        lv.element("#f").renderEvent("inspect", {});
        QCOMPARE(lv.element("#inspect").element().textContent(),
                 QString("done=a.txt progress=b.txt errors= "));

        lv.element("#row-0").renderEvent("cancel", {{"ref", "0"}});
        lv.element("#row-1").renderEvent("cancel", {{"ref", "1"}});
        lv.element("#f").renderEvent("inspect", {});
        QCOMPARE(lv.element("#inspect").element().textContent(),
                 QString("done= progress= errors= "));

        // Over the limits: a file too large, and one entry more than allowed.
        LiveViewTest over = live(*m_app, "/test/upload?max=2&size=2000");
        FileInput tooMany = over.fileInput("#f", "docs",
                                           {{"a.txt", pseudoRandom(1500), "text/plain"},
                                            {"b.txt", pseudoRandom(1500), "text/plain"},
                                            {"huge.txt", pseudoRandom(5000), "text/plain"}});
        tooMany.choose();
        over.element("#f").renderEvent("inspect", {});
        QCOMPARE(over.element("#inspect").element().textContent(),
                 QString("done= progress=a.txt,b.txt,huge.txt errors=too_many_files "
                         "huge.txt:too_large"));
    }

    void consumedEntriesFreeTheirSlot_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("selected (the default)") << QString();
        QTest::newRow("total") << QString("total");
    }
    void consumedEntriesFreeTheirSlot()
    {
        // Phoenix's max_entries_mode: by default a consumed file frees its slot, so a page takes
        // file after file; in total mode consumed files count, and the next one is too many.
        QFETCH(QString, mode);
        LiveViewTest lv = live(*m_app, "/test/upload?max=2&mode=" + mode);
        FileInput first = lv.fileInput(
            "#f", "docs", {{"a.txt", "abc", "text/plain"}, {"b.txt", "def", "text/plain"}});
        first.renderUpload("a.txt");
        first.renderUpload("b.txt");
        lv.element("#f").renderSubmit();
        QCOMPARE(lv.document().select("#consumed li").size(), 2);
        FileInput second = lv.fileInput("#f", "docs", {{"c.txt", "ghi", "text/plain"}});
        second.choose();
        if (mode == u"total") {
            QCOMPARE(lv.element(".config-err").element().textContent(), QString("too_many_files"));
            const QJsonObject reply = second.preflight();
            QCOMPARE(reply.value("status").toString(), QString("ok"));
            QVERIFY(reply.value("entries").toObject().isEmpty()); // no token: nothing travels
            return;
        }
        QVERIFY(!lv.hasElement(".config-err"));
        second.renderUpload("c.txt");
        lv.element("#f").renderSubmit();
        QCOMPARE(lv.document().select("#consumed li").size(), 3);
    }

    void aCustomWriterTakesTheBytesInsteadOfAFile()
    {
        writerLog.clear();
        LiveViewTest lv = live(*m_app, "/test/upload?writer=1&chunk=4");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abcdefghij", "text/plain"}});
        input.renderUpload("a.txt", 50);
        QCOMPARE(temporaryFiles(), 0); // the bytes went to the writer, not to a file
        input.renderUpload("a.txt");
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
        lv.element("#f").renderSubmit();
        // The consume callback gets the writer's meta (and no path).
        QCOMPARE(lv.element("#consumed li").element().textContent(), QString("a.txt:10"));
        QCOMPARE(writerLog, QStringList({"init a.txt", "chunk 4", "chunk 1", "chunk 4", "chunk 1",
                                         "close done"}));
    }

    void aWriterFailureStaysOnTheEntryUntilCancelled_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("closedWith");
        QTest::newRow("a chunk refused") << "bad.txt" << QByteArray("errorXXXXX") << "invalid"
                                         << "close invalid";
        QTest::newRow("init refused") << "refuse.txt" << QByteArray("abc") << "refused"
                                      << "close refused";
    }
    void aWriterFailureStaysOnTheEntryUntilCancelled()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, detail);
        QFETCH(QString, closedWith);
        writerLog.clear();
        LiveViewTest lv = live(*m_app, "/test/upload?writer=1&chunk=5");
        FileInput input = lv.fileInput("#f", "docs", {{fileName, bytes, "text/plain"}});
        QVERIFY_THROWS_EXCEPTION(HarnessError, input.renderUpload(fileName));
        lv.processPending();
        // Listed, invalid, with writer_failure and the writer's reason, as Phoenix keeps it.
        QCOMPARE(lv.element("#row-0").element().attribute("data-valid"), QString("false"));
        QCOMPARE(lv.element("#row-0 .err").element().textContent(), QString("writer_failure"));
        QCOMPARE(lv.element(".error-detail").element().textContent(), "0:writer_failure:" + detail);
        QCOMPARE(writerLog.last(), closedWith);
        QCOMPARE(writerLog.count(closedWith), 1); // closed once, never "cancel" after it
        lv.element("#row-0").renderEvent("cancel", {{"ref", "0"}});
        QVERIFY(!lv.hasElement("#row-0"));
        QVERIFY(!lv.hasElement(".error-detail"));
    }

    void progressBeforeTheLastByteIsNotDone()
    {
        LiveViewTest lv = live(*m_app, "/test/upload");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", pseudoRandom(3000), "text/plain"}});
        input.renderUpload("a.txt", 34);
        lv.renderEvent("progress", {}); // a stray click-shaped event changes nothing
        const QString before = lv.element("#row-0").element().attribute("data-progress");
        QJsonObject payload{{"event", QJsonValue()},
                            {"ref", input.uploadRef()},
                            {"entry_ref", "0"},
                            {"progress", 100}};
        const QJsonArray frame{lv.joinRef(), lv.nextRef(), lv.topic(), "progress", payload};
        lv.sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact));
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("false"));
        QCOMPARE(lv.element("#row-0").element().attribute("data-progress"), QString("99"));
        Q_UNUSED(before);
    }

    void postponeKeepsTheFile()
    {
        LiveViewTest lv = live(*m_app, "/test/upload?postpone=1");
        FileInput input = lv.fileInput("#f", "docs", {{"a.txt", "abc", "text/plain"}});
        input.renderUpload("a.txt");
        lv.element("#f").renderSubmit();
        lv.element("#f").renderSubmit();
        QCOMPARE(lv.document().select("#consumed li").size(), 2); // consumed twice, kept both times
        QVERIFY(lv.hasElement("#row-0"));
        QCOMPARE(temporaryFiles(), 1);
        QVERIFY(!input.channelClosed("a.txt"));
    }

    void externalUploadsGetMetaInsteadOfTokens()
    {
        LiveViewTest lv = live(*m_app, "/test/upload?external=1&auto=1");
        FileInput input = lv.fileInput(
            "#f", "docs", {{"a.txt", "abc", "text/plain"}, {"refuse.txt", "x", "text/plain"}});
        const QJsonObject reply = input.preflight();
        const QJsonObject meta = reply.value("entries").toObject().value("0").toObject();
        QCOMPARE(meta.value("uploader").toString(), QString("Test"));
        QVERIFY(!reply.value("entries").toObject().contains("1"));
        // The uploader reports progress itself; 100 makes the entry done, then consume sees meta.
        QJsonObject payload{{"event", QJsonValue()},
                            {"ref", input.uploadRef()},
                            {"entry_ref", "0"},
                            {"progress", 100}};
        lv.sendRaw(
            QJsonDocument(QJsonArray{lv.joinRef(), lv.nextRef(), lv.topic(), "progress", payload})
                .toJson(QJsonDocument::Compact));
        QCOMPARE(lv.element("#row-0").element().attribute("data-done"), QString("true"));
        // A channel join for an external entry is refused.
        QCOMPARE(input.joinChannel("a.txt", "x").value("status").toString(), QString("error"));
        payload.insert("entry_ref", "1");
        payload.insert("progress", QJsonObject{{"error", "network down"}});
        lv.sendRaw(
            QJsonDocument(QJsonArray{lv.joinRef(), lv.nextRef(), lv.topic(), "progress", payload})
                .toJson(QJsonDocument::Compact));
        QCOMPARE(lv.element("#row-1 i.err", "external_client_failure").exists(), true);
        lv.element("#f").renderSubmit();
        QCOMPARE(lv.element("#consumed li").element().textContent(), QString("k-0"));
        QCOMPARE(temporaryFiles(), 0);
    }

    // Every way an upload ends removes its temporary file.
    void cleanupPaths_data()
    {
        QTest::addColumn<QString>("how");
        for (const char *how : {"consume", "cancel", "chunk timeout", "view crash", "socket close",
                                "leave of the view", "leave of the upload channel"})
            QTest::newRow(how) << QString(how);
    }
    void cleanupPaths()
    {
        QFETCH(QString, how);
        auto lv = std::make_unique<LiveViewTest>(live(*m_app, "/test/upload?timeout=150"));
        FileInput input =
            lv->fileInput("#f", "docs", {{"a.txt", pseudoRandom(4000), "text/plain"}});
        input.renderUpload("a.txt", how == "consume" ? 100 : 50);
        QCOMPARE(temporaryFiles(), 1);
        if (how == "consume") {
            lv->element("#f").renderSubmit();
        } else if (how == "cancel") {
            lv->element("#row-0").renderEvent("cancel", {{"ref", "0"}});
        } else if (how == "chunk timeout") {
            QTRY_VERIFY(input.channelClosed("a.txt")); // no chunk for 150 ms
            lv->processPending();                      // the diff the timeout pushed
            QVERIFY(!lv->hasElement("#row-0"));
        } else if (how == "view crash") {
            QVERIFY_THROWS_EXCEPTION(HarnessError, lv->renderEvent("crash"));
            QVERIFY(lv->isCrashed());
        } else if (how == "socket close") {
            lv.reset();
        } else if (how == "leave of the view") {
            lv->sendRaw(QJsonDocument(QJsonArray{lv->joinRef(), lv->nextRef(), lv->topic(),
                                                 "phx_leave", QJsonObject()})
                            .toJson(QJsonDocument::Compact));
        } else {
            lv->sendRaw(
                QJsonDocument(QJsonArray{QJsonValue(), lv->nextRef(), input.uploadTopic("a.txt"),
                                         "phx_leave", QJsonObject()})
                    .toJson(QJsonDocument::Compact));
            lv->processPending();
            QVERIFY(!lv->hasElement("#row-0"));
        }
        QTRY_COMPARE(temporaryFiles(), 0);
    }

    void sweepRemovesOrphansOnly()
    {
        const QString dir = UploadStorage::channelDirectory();
        QDir().mkpath(dir);
        QFile orphan(QDir(dir).filePath("lvu-orphan"));
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.write("left by a kill -9");
        orphan.close();
        TemporaryUploadFile live(dir);
        QVERIFY(live.append("being written"));
        QCOMPARE(UploadStorage::sweep(dir), 1);
        QVERIFY(!QFile::exists(orphan.fileName()));
        QVERIFY(QFile::exists(live.path()));
    }

    void safeFileNames_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("safe");
        QTest::newRow("plain") << "report-2024_v1.txt"
                               << "report-2024_v1.txt";
        QTest::newRow("parent directories") << "../../etc/passwd"
                                            << "passwd";
        QTest::newRow("windows path") << "C:\\Users\\x\\a b.png"
                                      << "ab.png";
        QTest::newRow("only dots") << "...."
                                   << "upload";
        QTest::newRow("dot dot") << ".."
                                 << "upload";
        QTest::newRow("hidden") << ".bashrc"
                                << "bashrc";
        QTest::newRow("NUL") << QString::fromLatin1("a\0b.txt", 7) << "ab.txt";
        QTest::newRow("unicode") << QString::fromUtf8("résumé.pdf") << "rsum.pdf";
        QTest::newRow("2000 characters") << QString(2000, 'x') << QString(200, 'x');
        QTest::newRow("empty") << ""
                               << "upload";
    }
    void safeFileNames()
    {
        QFETCH(QString, client);
        QFETCH(QString, safe);
        QCOMPARE(UploadStorage::safeFileName(client), safe);
    }
};

QTEST_GUILESS_MAIN(tst_Uploads)
#include "tst_uploads.moc"
