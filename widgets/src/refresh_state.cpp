// The page side of the refresh control (see refresh_state.h).
#include "livedeck/widgets/refresh_state.h"

#include <algorithm>

namespace livedeck::widgets {

namespace {
bool isInterval(int ms)
{
    return std::find(RefreshState::intervals.begin(), RefreshState::intervals.end(), ms) !=
           RefreshState::intervals.end();
}

bool truthy(const QVariant &v)
{
    return v.toBool() || v.toString() == u"true";
}
} // namespace

bool RefreshState::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"lw-refresh") {
        const int ms = value.value(QStringLiteral("interval")).toInt();
        if (isInterval(ms)) {
            m_redraw = m_redraw || ms < m_intervalMs;
            m_intervalMs = ms;
        }
        return true;
    }
    if (event == u"lw-refresh-toggle") {
        m_paused = !m_paused;
        m_redraw = !m_paused;
        return true;
    }
    if (event == u"lw-refresh-restore") {
        const int ms = value.value(QStringLiteral("interval")).toInt();
        if (isInterval(ms))
            m_intervalMs = ms;
        m_paused = truthy(value.value(QStringLiteral("paused")));
        return true;
    }
    if (event == u"lw-refresh-visibility") {
        const bool hidden = truthy(value.value(QStringLiteral("hidden")));
        m_redraw = m_redraw || (m_hidden && !hidden);
        m_hidden = hidden;
        return true;
    }
    return false;
}

bool RefreshState::due(qint64 nowMs)
{
    if (!isRunning())
        return false;
    // A little slack: samples a second apart must not miss a 1 s interval by a millisecond.
    if (m_lastDrawMs >= 0 && nowMs - m_lastDrawMs < m_intervalMs - 250)
        return false;
    m_lastDrawMs = nowMs;
    return true;
}

bool RefreshState::takeRedraw()
{
    const bool redraw = m_redraw && isRunning();
    m_redraw = false;
    return redraw;
}

QVariantMap RefreshState::model() const
{
    return {{QStringLiteral("interval_ms"), m_intervalMs},
            {QStringLiteral("paused"), m_paused},
            {QStringLiteral("hidden"), m_hidden}};
}

} // namespace livedeck::widgets
