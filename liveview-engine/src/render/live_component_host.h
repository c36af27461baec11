#pragma once
// What the renderer needs from the view it renders for when a template holds <.live_component>.
// The view's component table implements it, so the renderer knows nothing of components.

#include <QString>
#include <QVariantHash>

namespace liveview::internal {

class LiveComponentHost
{
public:
    // The cid of the component (module, id), given the tag's other attributes: the host mounts
    // it, or updates it when they changed, and renders it into the `c` map on its own.
    virtual int render(const QString &module, const QString &id,
                       const QVariantHash &attributes) = 0;

protected:
    ~LiveComponentHost() = default; // not owned through this interface
};

} // namespace liveview::internal
