#pragma once
// How the livedeck program opens the admin window without touching Qt Widgets itself (only
// app/admin does): the GUI application object, the window over this process's server, and the
// `livedeck admin --connect URL` program.

#include <QObject>
#include <functional>
#include <memory>

class QCoreApplication;

namespace livedeck::admin {

// The QApplication the window needs, created before anything else (as QCoreApplication is).
std::unique_ptr<QCoreApplication> createWindowApplication(int &argc, char **argv);

// Opens the window on liveview::Monitor; `serverSwitch` starts (true) or stops the server.
// Destroying the returned object closes the window.
std::unique_ptr<QObject>
openInProcessWindow(std::function<bool(bool run, QString *error)> serverSwitch);

// `livedeck admin --connect URL [--token FILE | --token-value T]`: the window alone, watching a
// LiveDeck that runs elsewhere. Returns the exit status; without a display it explains why it
// cannot open the window.
int runRemoteWindow(int argc, char **argv, bool displayAvailable);

} // namespace livedeck::admin
