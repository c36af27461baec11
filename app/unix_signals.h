#pragma once
// Turns SIGTERM/SIGINT into a Qt signal so shutdown runs in the event loop, not a handler.

#include <QObject>

class QSocketNotifier;

namespace livedeck {

class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace livedeck
