#pragma once
// Example: a list rendered with `:for` and no key (entries are matched by position).

#include <liveview/live_view.h>

namespace livedeck::examples {

class ListView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

protected:
    // Items are maps {id, name}; ids grow monotonically so removed ids are never reused.
    QVariantList items() const { return assigned(QStringLiteral("items")).toList(); }
    void setItems(const QVariantList &items) { assign(QStringLiteral("items"), items); }
    QVariantMap newItem();
    int m_nextId = 1;
};

} // namespace livedeck::examples
