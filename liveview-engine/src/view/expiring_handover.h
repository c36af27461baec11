#pragma once
// Values waiting to be picked up by key, each for a fixed time, bounded per owner and in total.
//
// Every value lives for the same `ttl`, so insertion order is expiry order: one list in insertion
// order gives the next to expire at its front, and expiry pops from the front until it meets a
// live entry. Each step of put() and take() is therefore O(1) amortised, however many entries
// wait (the scan of every entry on every put made a burst of first renders quadratic).
//
// When an owner (a browser session) or the whole cache is over its bound, the owner's or the
// cache's oldest entry leaves first. Nothing here is thread-safe, and nothing is destroyed here:
// values that leave come back to the caller (`spill`), who destroys them where it chooses (a
// view's teardown should not run under the caller's lock).
#include <QHash>
#include <QString>

#include <chrono>
#include <list>
#include <vector>

namespace liveview::internal {

template <typename Value> class ExpiringHandover
{
public:
    using Clock = std::chrono::steady_clock;

    ExpiringHandover(std::chrono::milliseconds ttl, int capacity, int perOwner)
        : m_ttl(ttl), m_capacity(qMax(0, capacity)), m_perOwner(qMax(0, perOwner))
    {
    }

    // Waits under `key` for `owner` until now + ttl. A key already waiting is replaced.
    void put(const QString &key, const QString &owner, Value value, Clock::time_point now,
             std::vector<Value> *spill)
    {
        dropExpired(now, spill);
        if (auto it = m_byKey.find(key); it != m_byKey.end())
            spill->push_back(remove(*it));
        if (m_capacity == 0 || m_perOwner == 0) {
            spill->push_back(std::move(value));
            return;
        }
        auto &ownerEntries = m_byOwner[owner];
        if (int(ownerEntries.size()) >= m_perOwner)
            spill->push_back(remove(ownerEntries.front()));
        if (int(m_order.size()) >= m_capacity)
            spill->push_back(remove(m_order.begin()));
        // `remove` may have erased this owner's (now empty) list: look it up again.
        auto &owned = m_byOwner[owner];
        m_order.push_back(Entry{key, owner, now + m_ttl, std::move(value), {}});
        const auto entry = std::prev(m_order.end());
        owned.push_back(entry);
        entry->ownerPosition = std::prev(owned.end());
        m_byKey.insert(key, entry);
    }

    // The value under `key` if it belongs to `owner` and has not expired. The entry leaves in any
    // case: a key is picked up once, and a wrong owner's attempt ends it (it was guessable by no
    // one but the owner; whoever holds it has no right to a second try).
    bool take(const QString &key, const QString &owner, Clock::time_point now, Value *out,
              std::vector<Value> *spill)
    {
        dropExpired(now, spill);
        auto it = m_byKey.find(key);
        if (it == m_byKey.end())
            return false;
        const bool mine = (*it)->owner == owner;
        Value value = remove(*it);
        if (!mine) {
            spill->push_back(std::move(value));
            return false;
        }
        *out = std::move(value);
        return true;
    }

    // Drops every entry whose time is up; O(number dropped).
    void dropExpired(Clock::time_point now, std::vector<Value> *spill)
    {
        while (!m_order.empty() && m_order.front().expires <= now)
            spill->push_back(remove(m_order.begin()));
    }

    int size() const { return int(m_order.size()); }
    int ownerCount() const { return int(m_byOwner.size()); }
    int sizeOf(const QString &owner) const
    {
        const auto it = m_byOwner.constFind(owner);
        return it == m_byOwner.cend() ? 0 : int(it->size());
    }
    bool contains(const QString &key) const { return m_byKey.contains(key); }

private:
    struct Entry;
    using Order = std::list<Entry>;
    using OwnerEntries = std::list<typename Order::iterator>;
    struct Entry
    {
        QString key;
        QString owner;
        Clock::time_point expires;
        Value value;
        typename OwnerEntries::iterator ownerPosition;
    };

    Value remove(typename Order::iterator entry)
    {
        Value value = std::move(entry->value);
        m_byKey.remove(entry->key);
        auto owner = m_byOwner.find(entry->owner);
        owner->erase(entry->ownerPosition);
        if (owner->empty())
            m_byOwner.erase(owner);
        m_order.erase(entry);
        return value;
    }

    std::chrono::milliseconds m_ttl;
    int m_capacity;
    int m_perOwner;
    Order m_order; // oldest first, which is also soonest to expire
    QHash<QString, typename Order::iterator> m_byKey;
    QHash<QString, OwnerEntries> m_byOwner; // each owner's entries, oldest first
};

} // namespace liveview::internal
