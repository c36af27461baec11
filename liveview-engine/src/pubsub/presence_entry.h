#pragma once
// One presence: a key (user) on a topic with its meta; `phx_ref` in the meta makes it unique
// across the cluster.

#include <QString>
#include <QVariantMap>

namespace liveview::internal {

struct PresenceEntry
{
    QString topic;
    QString key;
    QVariantMap meta;

    QString ref() const { return meta.value(QStringLiteral("phx_ref")).toString(); }
    bool sameAs(const PresenceEntry &o) const
    {
        return topic == o.topic && key == o.key && ref() == o.ref();
    }
};

} // namespace liveview::internal
