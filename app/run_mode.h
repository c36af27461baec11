#pragma once
// Whether livedeck opens the admin window, runs headless, or is `livedeck admin --connect`,
// decided before the application object exists (the window needs a QApplication).

#include <QString>

namespace livedeck {

enum class RunMode
{
    Headless,
    Window,      // the server and the admin window in one process
    RemoteAdmin, // `livedeck admin ...`: only the window, attached to a server elsewhere
};

struct RunModeChoice
{
    RunMode mode = RunMode::Headless;
    QString reason;       // printed at start: why this mode
    bool display = false; // a platform, X display or Wayland compositor is there
};

RunModeChoice chooseRunMode(int argc, char **argv);

} // namespace livedeck
