#pragma once
// What changed since the last render: the test deciding which dynamics are evaluated again.

#include "../template/expression.h"

#include <QSet>
#include <QString>

namespace liveview::internal {

struct ChangeSet
{
    const QSet<QString> *assigns = nullptr; // changed assigns of the current scope
    QSet<QString> locals;                   // `:for` variables whose item changed
    bool everything = false;

    bool affects(const Dependencies &deps) const
    {
        if (everything)
            return true;
        if (assigns && !assigns->isEmpty()) {
            for (const QString &name : deps.assigns)
                if (assigns->contains(name))
                    return true;
        }
        if (!locals.isEmpty()) {
            for (const QString &name : deps.locals)
                if (locals.contains(name))
                    return true;
        }
        return false;
    }
};

} // namespace liveview::internal
