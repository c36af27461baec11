// Log tail: the last N lines of a log with a minimum level, a text filter and follow/pause.
// Paused, it keeps showing the lines it had (new ones are counted, not shown) until resumed.
// Long lines wrap (CSS); following keeps the newest line in view (LwLogTail hook).
#include "components.h"

#include <liveview/live_component.h>

namespace livedeck::widgets::internal {

namespace {
int levelRank(const QString &level)
{
    static const QStringList order{QStringLiteral("debug"), QStringLiteral("info"),
                                   QStringLiteral("warning"), QStringLiteral("critical")};
    return std::max(0, int(order.indexOf(level)));
}

class LogTail : public liveview::LiveComponent
{
public:
    void mount() override
    {
        assign(QStringLiteral("level"), QStringLiteral("debug"));
        assign(QStringLiteral("query"), QString());
        assign(QStringLiteral("paused"), false);
        assign(QStringLiteral("missed"), 0);
    }
    // Attributes: entries ([{seq, time, level, category, message}], oldest first), limit (200).
    void update(const QVariantHash &a) override
    {
        assign(QStringLiteral("id"), a.value(QStringLiteral("id")));
        assign(QStringLiteral("title"), a.value(QStringLiteral("title"), QStringLiteral("Log")));
        m_limit = std::clamp(a.value(QStringLiteral("limit"), 200).toInt(), 1, 2000);
        const QVariantList entries = a.value(QStringLiteral("entries")).toList();
        if (assigned(QStringLiteral("paused")).toBool()) {
            const qint64 lastShown =
                m_entries.isEmpty()
                    ? 0
                    : m_entries.last().toMap().value(QStringLiteral("seq")).toLongLong();
            int missed = 0;
            for (const QVariant &e : entries)
                missed += e.toMap().value(QStringLiteral("seq")).toLongLong() > lastShown;
            assign(QStringLiteral("missed"), missed);
            return;
        }
        m_entries = entries;
        refilter();
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"level" || event == u"filter") {
            if (value.contains(QStringLiteral("level")))
                assign(QStringLiteral("level"), value.value(QStringLiteral("level")).toString());
            if (value.contains(QStringLiteral("query")))
                assign(QStringLiteral("query"),
                       value.value(QStringLiteral("query")).toString().left(200));
            refilter();
        } else if (event == u"toggle") {
            const bool paused = !assigned(QStringLiteral("paused")).toBool();
            assign(QStringLiteral("paused"), paused);
            assign(QStringLiteral("missed"), 0);
        }
    }
    liveview::Template render() const override
    {
        return liveview::Template::load(QStringLiteral("widgets/log_tail.heex"));
    }

private:
    void refilter()
    {
        const int minimum = levelRank(assigned(QStringLiteral("level")).toString());
        const QString query = assigned(QStringLiteral("query")).toString();
        QVariantList shown;
        for (auto it = m_entries.crbegin(); it != m_entries.crend() && shown.size() < m_limit;
             ++it) {
            const QVariantMap e = it->toMap();
            if (levelRank(e.value(QStringLiteral("level")).toString()) < minimum)
                continue;
            if (!query.isEmpty() &&
                !e.value(QStringLiteral("message"))
                     .toString()
                     .contains(query, Qt::CaseInsensitive) &&
                !e.value(QStringLiteral("category"))
                     .toString()
                     .contains(query, Qt::CaseInsensitive))
                continue;
            shown.prepend(e);
        }
        assign(QStringLiteral("lines"), shown);
        assign(QStringLiteral("count"), shown.size());
    }

    QVariantList m_entries;
    int m_limit = 200;
};
} // namespace

void registerLogTail()
{
    liveview::LiveComponent::registerModule<LogTail>(QStringLiteral("lw-log-tail"));
}

} // namespace livedeck::widgets::internal
