#include "chat_typing.h"

#include <algorithm>

namespace livedeck::chat {

bool ChatTyping::touch(const QString &name, qint64 nowMs)
{
    const bool isNew = !m_until.contains(name);
    m_until.insert(name, nowMs + lifetimeMs);
    return isNew;
}

bool ChatTyping::remove(const QString &name)
{
    return m_until.remove(name) > 0;
}

bool ChatTyping::expire(qint64 nowMs)
{
    return m_until.removeIf([nowMs](const auto &entry) { return entry.value() <= nowMs; }) > 0;
}

QStringList ChatTyping::names() const
{
    QStringList out = m_until.keys();
    out.sort(Qt::CaseInsensitive);
    return out;
}

qint64 ChatTyping::nextExpiry() const
{
    if (m_until.isEmpty())
        return 0;
    return *std::min_element(m_until.cbegin(), m_until.cend());
}

QString ChatTyping::sentence(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return QStringLiteral("%1 is typing…").arg(names.at(0));
    case 2:
        return QStringLiteral("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return QStringLiteral("%1 people are typing…").arg(names.size());
    }
}

} // namespace livedeck::chat
