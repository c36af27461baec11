#pragma once
// A view's state: named values with change tracking (assigning an equal value changes nothing).

#include <QString>
#include <QVarLengthArray>
#include <QVariant>
#include <QVariantHash>

namespace liveview {

// The names assigned since the last render. Between two renders that is a name or two, so they
// sit in a small inline array: no allocation per event (a hash set is freed by every clear and
// allocated again by the next assign), and a lookup compares a few names instead of hashing.
class ChangedKeys
{
public:
    bool contains(const QString &name) const
    {
        for (const QString &n : m_names)
            if (n == name)
                return true;
        return false;
    }
    void insert(const QString &name)
    {
        if (!contains(name))
            m_names.append(name);
    }
    bool isEmpty() const { return m_names.isEmpty(); }
    qsizetype size() const { return m_names.size(); }
    void clear() { m_names.clear(); }
    auto begin() const { return m_names.cbegin(); }
    auto end() const { return m_names.cend(); }

private:
    QVarLengthArray<QString, 4> m_names;
};

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

    const ChangedKeys &changed() const { return m_changed; }
    bool isChanged(const QString &key) const { return m_changed.contains(key); }
    void clearChanged() { m_changed.clear(); }

private:
    QVariantHash m_values;
    ChangedKeys m_changed;
};

} // namespace liveview
