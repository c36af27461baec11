// Per-topic broadcast counters in one-second slots; idle topics are forgotten after a minute.
#include "topic_stats.h"

#include "session_registry.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <array>

namespace liveview::internal::TopicStats {
namespace {

constexpr int slotCount = 5; // rates average the last five whole seconds
constexpr qint64 forgetAfterMs = 60 * 1000;

struct Counters
{
    quint64 messages = 0;
    std::array<quint64, slotCount + 1> slotMessages{};
    std::array<quint64, slotCount + 1> slotBytes{};
    std::array<qint64, slotCount + 1> slotSecond{};
    qint64 lastMs = 0;
    bool clusterWide = false;
};

struct Table
{
    QMutex mutex;
    QHash<QString, Counters> topics;
};

Table &table()
{
    static Table t;
    return t;
}

qsizetype jsonSize(const QVariant &message)
{
    // Messages that cross nodes travel as JSON, so that is the size worth reporting.
    switch (message.typeId()) {
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return QJsonDocument::fromVariant(message).toJson(QJsonDocument::Compact).size();
    default:
        return message.toString().toUtf8().size();
    }
}

} // namespace

void noteMessage(const QString &topic, const QVariant &message, bool clusterWide)
{
    const qsizetype bytes = jsonSize(message);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = now / 1000;
    {
        QMutexLocker lock(&table().mutex);
        Counters &c = table().topics[topic];
        ++c.messages;
        const size_t slot = size_t(second % (slotCount + 1));
        if (c.slotSecond[slot] != second) {
            c.slotSecond[slot] = second;
            c.slotMessages[slot] = 0;
            c.slotBytes[slot] = 0;
        }
        ++c.slotMessages[slot];
        c.slotBytes[slot] += quint64(bytes);
        c.lastMs = now;
        c.clusterWide = c.clusterWide || clusterWide;
    }
    markMonitorChanged();
}

QList<TopicInfo> topics(const QList<std::pair<QString, int>> &subscriberCounts)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = now / 1000;
    QHash<QString, TopicInfo> byName;
    for (const auto &[name, count] : subscriberCounts) {
        TopicInfo &t = byName[name];
        t.name = name;
        t.localSubscribers = count;
    }
    QMutexLocker lock(&table().mutex);
    for (auto it = table().topics.begin(); it != table().topics.end();) {
        const Counters &c = it.value();
        if (now - c.lastMs > forgetAfterMs && !byName.contains(it.key())) {
            it = table().topics.erase(it);
            continue;
        }
        TopicInfo &t = byName[it.key()];
        t.name = it.key();
        t.messages = c.messages;
        t.clusterWide = c.clusterWide;
        quint64 messages = 0, bytes = 0;
        // The whole seconds before this one: the current second is still filling.
        for (size_t i = 0; i < c.slotSecond.size(); ++i) {
            if (c.slotSecond[i] < second && c.slotSecond[i] >= second - slotCount) {
                messages += c.slotMessages[i];
                bytes += c.slotBytes[i];
            }
        }
        t.messagesPerSecond = double(messages) / slotCount;
        t.bytesPerSecond = double(bytes) / slotCount;
        ++it;
    }
    QList<TopicInfo> out = byName.values();
    std::sort(out.begin(), out.end(),
              [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });
    return out;
}

} // namespace liveview::internal::TopicStats
