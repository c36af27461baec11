// The bounded log ring, fed by lifecycle events, admin actions and Qt's message handler.
#include "log_ring.h"

#include "session_registry.h"

#include <QDateTime>
#include <atomic>
#include <mutex>

namespace liveview::internal {
namespace {

std::atomic<bool> logAppendedFlag{false};
QtMessageHandler previousHandler = nullptr;

LogLevel levelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return LogLevel::Debug;
    case QtInfoMsg:
        return LogLevel::Info;
    case QtWarningMsg:
        return LogLevel::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return LogLevel::Critical;
    }
    return LogLevel::Info;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    // Qt's own debug chatter is not the operator's business; its warnings are.
    if (!(type == QtDebugMsg && category.startsWith(QLatin1String("qt."))))
        LogRing::instance().append(levelOf(type), category, message, 0, QString(), -1);
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

bool takeLogAppended()
{
    return logAppendedFlag.exchange(false, std::memory_order_relaxed);
}

LogRing &LogRing::instance()
{
    static LogRing ring;
    return ring;
}

void LogRing::captureQtMessages()
{
    static std::once_flag once;
    std::call_once(once, [] {
        instance(); // constructed before the handler can run
        // Qt returns its default handler when none was installed, so stderr keeps its output.
        previousHandler = qInstallMessageHandler(messageHandler);
    });
}

void LogRing::append(LogLevel level, const QString &category, const QString &message,
                     quint64 sessionId, const QString &event, double durationMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        Slot slot{++m_seq, now, level, float(durationMs), sessionId, category, message, event};
        if (m_slots.size() < size_t(m_capacity)) {
            m_slots.push_back(std::move(slot));
            m_next = m_slots.size() % size_t(m_capacity);
        } else {
            m_slots[m_next] = std::move(slot);
            m_next = (m_next + 1) % m_slots.size();
        }
    }
    if (!logAppendedFlag.load(std::memory_order_relaxed))
        logAppendedFlag.store(true, std::memory_order_relaxed);
}

LogEntry LogRing::toEntry(const Slot &slot) const
{
    LogEntry e;
    e.seq = slot.seq;
    e.time = QDateTime::fromMSecsSinceEpoch(slot.timeMs, Qt::UTC);
    e.level = slot.level;
    e.category = slot.category;
    e.message = slot.message;
    e.sessionId = slot.sessionId;
    e.event = slot.event;
    e.durationMs = slot.durationMs;
    return e;
}

QList<LogEntry> LogRing::entriesAfter(quint64 afterSeq, int max, quint64 sessionId) const
{
    QMutexLocker lock(&m_mutex);
    QList<LogEntry> out;
    const size_t n = m_slots.size();
    // Oldest first: when full, the oldest is at m_next; before that, at 0.
    const size_t start = n < size_t(m_capacity) ? 0 : m_next;
    // Walk newest to oldest so that `max` keeps the newest, then reverse.
    for (size_t i = 0; i < n && out.size() < max; ++i) {
        const Slot &slot = m_slots[(start + n - 1 - i) % n];
        if (slot.seq <= afterSeq)
            break;
        if (sessionId && slot.sessionId != sessionId)
            continue;
        out.append(toEntry(slot));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

quint64 LogRing::lastSeq() const
{
    QMutexLocker lock(&m_mutex);
    return m_seq;
}

int LogRing::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

void LogRing::setCapacity(int entries)
{
    QMutexLocker lock(&m_mutex);
    entries = std::max(16, entries);
    // Keep the newest min(size, entries) in order.
    const size_t n = m_slots.size();
    const size_t start = n < size_t(m_capacity) ? 0 : m_next;
    std::vector<Slot> kept;
    const size_t keep = std::min(n, size_t(entries));
    kept.reserve(keep);
    for (size_t i = n - keep; i < n; ++i)
        kept.push_back(std::move(m_slots[(start + i) % n]));
    m_slots = std::move(kept);
    m_capacity = entries;
    m_next = m_slots.size() % size_t(m_capacity);
}

} // namespace liveview::internal
