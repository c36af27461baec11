#pragma once
// What changed since the last render: the test deciding which dynamics are evaluated again.

#include "../template/expression.h"
#include "liveview/assigns.h"

#include <QSet>
#include <QString>

namespace liveview::internal {

struct ChangeSet
{
    const ChangedKeys *assigns = nullptr; // changed assigns of the current scope
    QSet<QString> locals;                 // `:for` variables whose item changed
    bool everything = false;

    bool affects(const Dependencies &deps) const
    {
        if (everything)
            return true;
        return (assigns && intersects(*assigns, deps.assigns)) || intersects(locals, deps.locals);
    }

private:
    // Sets here hold a name or two: comparing the names costs less than hashing them (this runs
    // for every dynamic of every view on each render).
    template <typename Names> static bool intersects(const Names &a, const QSet<QString> &b)
    {
        if (a.isEmpty() || b.isEmpty())
            return false;
        if (a.size() * b.size() <= 16) {
            for (const QString &x : a)
                for (const QString &y : b)
                    if (x == y)
                        return true;
            return false;
        }
        for (const QString &name : a)
            if (b.contains(name))
                return true;
        return false;
    }
};

} // namespace liveview::internal
