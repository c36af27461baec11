#pragma once
// Example: the same list with `:key`, so reorders travel as moves instead of re-sent rows.

#include "list_view.h"

namespace livedeck::examples {

class KeyedView : public ListView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
