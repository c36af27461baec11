// Sending files in the chat product (/chat) through the harness: choosing, previews, progress,
// sending (one message per file, the text on the first) as another viewer sees it, the limits'
// error texts, cancelling, hostile file names, and how the stored files are named and served.
#include <chat/chat_room_directory.h>
#include <chat/chat_routes.h>
#include <chat/chat_schema.h>
#include <chat/chat_uploads.h>
#include <examples/chat_history.h>
#include <liveview/testing/file_input.h>
#include <liveview/testing/live_view_test.h>
#include <liveview/upload.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;
using namespace livedeck;

namespace {
QByteArray pngBytes(int size)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    for (int i = 0; bytes.size() < size; ++i)
        bytes.append(char(i * 31 + 7));
    return bytes;
}
} // namespace

class tst_ChatAttachments : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::shared_ptr<examples::ChatHistory> history;
    chat::ChatServices services;
    std::shared_ptr<Router> router = std::make_shared<Router>();
    std::unique_ptr<LiveTestApp> app;

    QString filesDirectory() const { return dir.filePath("chat-files"); }
    int temporaryFiles() const
    {
        return QDir(UploadStorage::channelDirectory()).entryList(QDir::Files).size();
    }
    static QStringList texts(LiveViewTest &view, const QString &selector)
    {
        QStringList out;
        for (const HtmlElement &e : view.document().select(selector))
            out << e.textContent().simplified();
        return out;
    }
    static QString room(const QString &name) { return QStringLiteral("/chat?room=") + name; }
    void createRoom(const QString &name)
    {
        QCOMPARE(services.rooms->create(name, "t"), chat::ChatRoomDirectory::Creation::Created);
    }

private slots:
    void initTestCase()
    {
        QString error;
        auto store = Store::open(dir.filePath("chat.sqlite"), chat::ChatSchema::all(), &error);
        QVERIFY2(store, qPrintable(error));
        UploadStorage::setDirectory(dir.filePath("upload-tmp"));
        history = std::make_shared<examples::ChatHistory>(store);
        services = chat::makeChatServices(store, history, nullptr, filesDirectory());
        chat::registerChat(*router, services);
        app = std::make_unique<LiveTestApp>(router);
    }
    void cleanup() { QTRY_COMPARE(temporaryFiles(), 0); }

    void theComposerHasALabelledAttachButton()
    {
        LiveViewTest v = live(*app, "/chat");
        const HtmlElement input = v.element("#message-form input[type=file]").element();
        QCOMPARE(v.element("#attach-button").element().attribute("for"), input.attribute("id"));
        QCOMPARE(v.element("#attach-button").element().textContent(), QString("Attach files"));
        QVERIFY(input.attribute("accept").contains(".png"));
        QVERIFY(!input.attribute("accept").contains(".svg"));
        QVERIFY(input.hasAttribute("multiple"));
        QVERIFY(input.hasAttribute("data-phx-auto-upload"));
    }

    void anImageIsPreviewedUploadedAndSeenByAnotherViewer()
    {
        createRoom("pics");
        LiveViewTest sender = live(*app, room("pics"));
        LiveViewTest reader = live(*app, room("pics"));
        const QByteArray png = pngBytes(150000);
        FileInput input =
            sender.fileInput("#message-form", "attachments", {{"cat.png", png, "image/png"}});
        input.choose();
        const QString ref = input.entryRef("cat.png");
        const HtmlElement chip = sender.element("#pending-" + ref).element();
        QCOMPARE(chip.selectOne(".chat-pending-name").textContent(), QString("cat.png"));
        QCOMPARE(chip.selectOne(".chat-pending-size").textContent(), QString("146.48 KiB"));
        QCOMPARE(chip.selectOne("img").attribute("data-phx-hook"),
                 QString("Phoenix.LiveImgPreview"));
        QCOMPARE(chip.selectOne("button").attribute("aria-label"), QString("Remove cat.png"));

        input.renderUpload("cat.png", 50);
        QCOMPARE(sender.element("#pending-" + ref + " progress").element().attribute("value"),
                 QString("50"));
        // Sending now would split what the user meant as one message: refused, nothing sent.
        sender.element("#message-form").renderSubmit({{"body", "too early"}});
        QVERIFY(sender.element("#send-error").element().textContent().contains("Wait until"));
        input.renderUpload("cat.png");
        QCOMPARE(sender.element("#pending-" + ref + " progress").element().attribute("value"),
                 QString("100"));

        sender.element("#message-form").renderSubmit({{"body", "look at this"}});
        QVERIFY(!sender.hasElement("#send-error"));
        sender.processPending();
        QVERIFY(sender.document().select("#pending-files li").isEmpty());
        reader.processPending();
        QCOMPARE(texts(reader, "#messages .chat-body"), QStringList({"look at this"}));
        const HtmlElement img = reader.element("#messages figure img").element();
        const QString src = img.attribute("src");
        QVERIFY2(QRegularExpression("^/chat/files/[0-9a-f]{32}\\.png$").match(src).hasMatch(),
                 qPrintable(src));
        QCOMPARE(img.attribute("alt"), QString("cat.png"));
        QCOMPARE(reader.element("#messages figcaption a").element().attribute("download"),
                 QString("cat.png"));
        // Served from the chat's directory, byte for byte, as an image.
        const Router::FileMatch served = router->matchFile(src);
        QVERIFY(served.isValid());
        QCOMPARE(served.contentType, QByteArray("image/png"));
        QFile stored(served.filePath);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), png);
        QVERIFY(input.channelClosed("cat.png"));
        // A page opened later reads it from the history.
        LiveViewTest later = live(*app, room("pics"));
        QCOMPARE(later.element("#messages figure img").element().attribute("src"), src);
    }

    void severalFilesAreOneMessageEachWithTheTextOnTheFirst()
    {
        createRoom("multi");
        LiveViewTest v = live(*app, room("multi"));
        FileInput input = v.fileInput(
            "#message-form", "attachments",
            {{"a.png", pngBytes(300), "image/png"}, {"notes.txt", "plain words\n", "text/plain"}});
        input.choose();
        input.renderUpload("a.png");
        input.renderUpload("notes.txt");
        v.element("#message-form").renderSubmit({{"body", "two files"}});
        v.processPending();
        QCOMPARE(v.document().select("#messages li").size(), 2);
        QCOMPARE(texts(v, "#messages .chat-body"), QStringList({"two files"}));
        QCOMPARE(v.document().select("#messages figure img").size(), 1);
        // Text is never shown inline: a download link under its own name.
        const HtmlElement download = v.document().select("#messages figcaption a").at(1);
        QCOMPARE(download.textContent(), QString("notes.txt"));
        QVERIFY(download.attribute("href").endsWith(".bin"));
        QCOMPARE(router->matchFile(download.attribute("href")).contentType,
                 QByteArray("application/octet-stream"));

        // The sent files no longer count against the limit: four more fit in the next message.
        QList<UploadFile> four;
        for (int i = 0; i < chat::ChatUploads::maxFiles; ++i)
            four.append({QStringLiteral("p%1.png").arg(i), pngBytes(100), "image/png"});
        FileInput next = v.fileInput("#message-form", "attachments", four);
        next.choose();
        QVERIFY(v.document().select("#message-form .chat-upload-error").isEmpty());
        for (const UploadFile &f : four)
            next.renderUpload(f.name);
        v.element("#message-form").renderSubmit({{"body", ""}});
        v.processPending();
        // Files alone are messages too (no text paragraph).
        QCOMPARE(v.document().select("#messages li").size(), 6);
        QCOMPARE(v.document().select("#messages .chat-body").size(), 1);
    }

    void limitsAreExplainedInTheComposer()
    {
        LiveViewTest v = live(*app, "/chat");
        FileInput big =
            v.fileInput("#message-form", "attachments",
                        {{"huge.png", {}, "image/png", chat::ChatUploads::maxFileBytes + 1}});
        big.choose();
        const QString bigRef = big.entryRef("huge.png");
        QCOMPARE(v.element("#pending-" + bigRef + " .chat-pending-error").element().textContent(),
                 QString("Too large: at most 10.00 MiB per file."));
        QVERIFY(!v.hasElement("#pending-" + bigRef + " progress"));
        FileInput program = v.fileInput("#message-form", "attachments",
                                        {{"run.exe", "MZ", "application/x-msdownload"}});
        program.choose();
        QVERIFY(v.element("#pending-" + program.entryRef("run.exe") + " .chat-pending-error")
                    .element()
                    .textContent()
                    .startsWith("This kind of file cannot be sent"));
        FileInput page =
            v.fileInput("#message-form", "attachments", {{"page.svg", "<svg/>", "image/svg+xml"}});
        page.choose();
        QVERIFY(v.hasElement("#pending-" + page.entryRef("page.svg") + ".is-invalid"));
        QList<UploadFile> many;
        for (int i = 0; i < 3; ++i)
            many.append({QStringLiteral("m%1.txt").arg(i), "x", "text/plain"});
        FileInput tooMany = v.fileInput("#message-form", "attachments", many);
        tooMany.choose();
        QCOMPARE(v.element("#message-form .chat-upload-error").element().textContent(),
                 QString("At most 4 files per message."));
        // Cancelling the refused ones brings the composer back under the limit.
        for (const QString &ref : {bigRef, program.entryRef("run.exe"), page.entryRef("page.svg")})
            v.element("#pending-" + ref + " .chat-pending-cancel").renderClick();
        QVERIFY(v.document().select("#message-form .chat-upload-error").isEmpty());
        QCOMPARE(v.document().select("#pending-files li").size(), 3);
    }

    void cancelRemovesTheEntryAndItsFile()
    {
        LiveViewTest v = live(*app, "/chat");
        FileInput input = v.fileInput("#message-form", "attachments",
                                      {{"half.png", pngBytes(200000), "image/png"}});
        input.renderUpload("half.png", 50);
        QCOMPARE(temporaryFiles(), 1);
        v.element("#pending-" + input.entryRef("half.png") + " .chat-pending-cancel").renderClick();
        v.processPending();
        QVERIFY(v.document().select("#pending-files li").isEmpty());
        QVERIFY(input.channelClosed("half.png"));
        QTRY_COMPARE(temporaryFiles(), 0);
    }

    void hostileFileNamesStayText()
    {
        createRoom("hostile");
        LiveViewTest v = live(*app, room("hostile"));
        const QString name = "<img src=x onerror=alert(1)>.png";
        FileInput input =
            v.fileInput("#message-form", "attachments", {{name, pngBytes(500), "image/png"}});
        input.choose();
        QCOMPARE(v.element("#pending-files .chat-pending-name").element().textContent(), name);
        QVERIFY(v.document().select("img[src=x]").isEmpty());
        input.renderUpload(name);
        v.element("#message-form").renderSubmit({{"body", ""}});
        v.processPending();
        const HtmlElement figure = v.element("#messages figure").element();
        QCOMPARE(figure.selectOne("figcaption a").textContent(), name);
        QCOMPARE(figure.selectOne("img").attribute("alt"), name);
        QVERIFY(v.document().select("img[src=x]").isEmpty());
        QVERIFY(!v.render().contains("<img src=x"));
        // The stored name is the server's own.
        const QStringList stored = QDir(filesDirectory()).entryList({"*.png"}, QDir::Files);
        for (const QString &file : stored)
            QVERIFY2(QRegularExpression("^[0-9a-f]{32}\\.png$").match(file).hasMatch(),
                     qPrintable(file));
    }

    void aFileNamedLikeAnImageIsADownloadUnlessItIsOne()
    {
        QCOMPARE(chat::ChatUploads::extensionFromContent("<html><script>"), QString(".bin"));
        QCOMPARE(chat::ChatUploads::extensionFromContent(pngBytes(16)), QString(".png"));
        QCOMPARE(chat::ChatUploads::extensionFromContent("\xff\xd8\xff\xe0 JFIF"), QString(".jpg"));
        QCOMPARE(chat::ChatUploads::extensionFromContent("GIF89a...."), QString(".gif"));
        QCOMPARE(chat::ChatUploads::extensionFromContent(QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16)),
                 QString(".webp"));
        createRoom("fake");
        LiveViewTest v = live(*app, room("fake"));
        FileInput input = v.fileInput("#message-form", "attachments",
                                      {{"fake.png", "<script>alert(1)</script>", "image/png"}});
        input.renderUpload("fake.png");
        v.element("#message-form").renderSubmit({{"body", ""}});
        v.processPending();
        QVERIFY(v.document().select("#messages figure img").isEmpty());
        QVERIFY(v.element("#messages figcaption a").element().attribute("href").endsWith(".bin"));
    }

    void onlyPlainNamesInTheFilesDirectoryAreServed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("served");
        QTest::newRow("plain") << "/chat/files/0123456789abcdef0123456789abcdef.png" << true;
        QTest::newRow("parent") << "/chat/files/../chat.sqlite" << false;
        QTest::newRow("dot file") << "/chat/files/.hidden" << false;
        QTest::newRow("dot") << "/chat/files/." << false;
        QTest::newRow("subdirectory") << "/chat/files/a/b.png" << false;
        QTest::newRow("empty") << "/chat/files/" << false;
        QTest::newRow("backslash") << "/chat/files/a\\b.png" << false;
        QTest::newRow("elsewhere") << "/chat/other/a.png" << false;
        QTest::newRow("too long") << "/chat/files/" + QString(129, 'a') << false;
    }
    void onlyPlainNamesInTheFilesDirectoryAreServed()
    {
        QFETCH(QString, path);
        QFETCH(bool, served);
        const Router::FileMatch match = router->matchFile(path);
        QCOMPARE(match.isValid(), served);
        if (served)
            QCOMPARE(QFileInfo(match.filePath).dir().absolutePath(),
                     QDir(filesDirectory()).absolutePath());
    }

    void withoutADirectoryNoFileCanBeSent()
    {
        auto plainRouter = std::make_shared<Router>();
        chat::ChatServices plain = services;
        plain.attachmentDirectory.clear();
        chat::registerChat(*plainRouter, plain);
        LiveTestApp plainApp(plainRouter);
        LiveViewTest v = live(plainApp, "/chat");
        QVERIFY(!v.hasElement("#attach-button"));
        QVERIFY(v.document().select("input[type=file]").isEmpty());
        QVERIFY(!plainRouter->matchFile("/chat/files/0123456789abcdef.png").isValid());
    }
};

QTEST_GUILESS_MAIN(tst_ChatAttachments)
#include "tst_chat_attachments.moc"
