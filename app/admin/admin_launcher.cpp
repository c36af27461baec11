// Creating the admin window's application, the in-process window and the remote window.
#include "admin_launcher.h"

#include "admin_window.h"
#include "in_process_source.h"
#include "remote_source.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <cstdio>

namespace livedeck::admin {
namespace {

// The window's own settings file, apart from anything the server keeps.
std::unique_ptr<QSettings> windowSettings()
{
    return std::make_unique<QSettings>(QStringLiteral("LiveDeck"), QStringLiteral("admin-window"));
}

// Owns the source, the settings and the window together.
class WindowHolder final : public QObject
{
public:
    WindowHolder(std::unique_ptr<AdminDataSource> source)
        : m_source(std::move(source)), m_settings(windowSettings()),
          m_window(std::make_unique<AdminWindow>(m_source.get(), m_settings.get()))
    {
        m_window->show();
    }
    ~WindowHolder() override { m_window->saveSettings(); }

private:
    std::unique_ptr<AdminDataSource> m_source;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AdminWindow> m_window;
};

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "livedeck admin: %s\nTry 'livedeck admin --help'.\n", qPrintable(message));
    std::exit(2);
}

QByteArray readToken(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read the admin token %1: %2 (pass --token FILE or "
                            "--token-value; the server keeps it as admin.token in its data "
                            "directory)")
                 .arg(path, file.errorString()));
    return file.readAll().trimmed();
}

} // namespace

std::unique_ptr<QCoreApplication> createWindowApplication(int &argc, char **argv)
{
    auto app = std::make_unique<QApplication>(argc, argv);
    // A window closed to the tray must not end the server with it; closing it otherwise does.
    QApplication::setQuitOnLastWindowClosed(true);
    return app;
}

std::unique_ptr<QObject> openInProcessWindow(std::function<bool(bool, QString *)> serverSwitch)
{
    return std::make_unique<WindowHolder>(
        std::make_unique<InProcessSource>(std::move(serverSwitch)));
}

int runRemoteWindow(int argc, char **argv, bool displayAvailable)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LiveDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("livedeck"));
    // Parsed before the QApplication exists: --help and mistakes must be answered on a machine
    // without a display too, where creating it would abort.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        if (i != 1) // the "admin" word
            arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The LiveDeck admin window, attached to a server running elsewhere."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption connect(
        QStringLiteral("connect"), QStringLiteral("The server's URL, e.g. http://127.0.0.1:4000."),
        QStringLiteral("url"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("File holding the admin token (default: admin.token in this user's "
                       "LiveDeck data directory)."),
        QStringLiteral("file"));
    const QCommandLineOption tokenValue(QStringLiteral("token-value"),
                                        QStringLiteral("The admin token itself."),
                                        QStringLiteral("token"));
    parser.addOptions({connect, token, tokenValue});
    if (!parser.parse(arguments))
        fail(parser.errorText());
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                               QStringLiteral("livedeck admin"))));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(connect))
        fail(QStringLiteral("--connect URL is required"));
    const QUrl url(parser.value(connect));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        fail(QStringLiteral("--connect expects http://host:port, got '%1'")
                 .arg(parser.value(connect)));
    if (!displayAvailable)
        fail(QStringLiteral("the admin window needs a display (DISPLAY or WAYLAND_DISPLAY); "
                            "the admin HTTP API (docs/admin-api.md) works without one"));
    const QByteArray secret =
        parser.isSet(tokenValue)
            ? parser.value(tokenValue).toUtf8()
            : readToken(parser.isSet(token) ? parser.value(token)
                                            : QDir(QStandardPaths::writableLocation(
                                                       QStandardPaths::AppDataLocation))
                                                  .filePath(QStringLiteral("admin.token")));

    int count = argc;
    QApplication app(count, argv);
    std::printf("LiveDeck admin window attached to %s\n", qPrintable(url.toString()));
    std::fflush(stdout);
    WindowHolder holder(std::make_unique<RemoteSource>(url, secret));
    return app.exec();
}

} // namespace livedeck::admin
