// Choosing between the admin window, headless and the remote admin window.
#include "run_mode.h"

#include <cstring>

namespace livedeck {
namespace {

bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return true;
    return false;
}

// Where the window could appear: a platform named explicitly (offscreen for tests and
// screenshots), an X display or a Wayland compositor.
QString displayFound()
{
    for (const char *variable : {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"})
        if (!qEnvironmentVariableIsEmpty(variable))
            return QStringLiteral("%1=%2").arg(QLatin1String(variable),
                                               qEnvironmentVariable(variable));
    return {};
}

} // namespace

RunModeChoice chooseRunMode(int argc, char **argv)
{
    const QString display = displayFound();
    if (argc > 1 && std::strcmp(argv[1], "admin") == 0)
        return {RunMode::RemoteAdmin, QStringLiteral("admin window attached to a remote server"),
                !display.isEmpty()};
    // Help and version print and exit: they must work on a machine without a display too.
    if (hasArgument(argc, argv, "--headless") || hasArgument(argc, argv, "--help") ||
        hasArgument(argc, argv, "-h") || hasArgument(argc, argv, "--version") ||
        hasArgument(argc, argv, "-v"))
        return {RunMode::Headless, QStringLiteral("headless (--headless)"), !display.isEmpty()};
    if (display.isEmpty())
        return {RunMode::Headless,
                QStringLiteral("headless (no display: DISPLAY, WAYLAND_DISPLAY and "
                               "QT_QPA_PLATFORM are unset)")};
    return {RunMode::Window, QStringLiteral("with the admin window (%1)").arg(display), true};
}

} // namespace livedeck
