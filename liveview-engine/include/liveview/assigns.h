#pragma once
// A view's state: named values with change tracking (assigning an equal value changes nothing).

#include <QSet>
#include <QString>
#include <QVariant>
#include <QVariantHash>

namespace liveview {

class Assigns
{
public:
    // Returns true when the value differs from the current one and was therefore marked changed.
    bool assign(const QString &key, const QVariant &value);
    // Marks a key changed without comparing (for values mutated through other means).
    void touch(const QString &key) { m_changed.insert(key); }

    QVariant value(const QString &key) const { return m_values.value(key); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    const QVariantHash &values() const { return m_values; }

    const QSet<QString> &changed() const { return m_changed; }
    bool isChanged(const QString &key) const { return m_changed.contains(key); }
    void clearChanged() { m_changed.clear(); }

private:
    QVariantHash m_values;
    QSet<QString> m_changed;
};

} // namespace liveview
