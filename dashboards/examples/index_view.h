#pragma once
// The home page: what this LiveDeck serves, with a link to each example.

#include <liveview/live_view.h>

namespace livedeck::examples {

class IndexView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    liveview::Template render() const override;
};

} // namespace livedeck::examples
