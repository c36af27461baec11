#pragma once
// Streams and live components (streams.spec.js): the stream of /stream's component
// (#c_users), live components as the children of a view's stream (/stream/reset-lc, issue 2982),
// and streams inside such components kept across a reset of the view's stream
// (/stream/nested-component-reset).

#include <liveview/live_component.h>
#include <liveview/live_view.h>

namespace conformance {

// Registers the live component modules of these fixtures and of /stream (once); call at startup,
// before views render.
void registerStreamComponentLives();

// The users of /stream again, in a stream of the component's own: update, delete and moves go to
// the component (phx-target={@myself}) and leave the view's streams alone.
class StreamComponent : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void moveTo(const QString &domId, int at);
};

// A stream whose children are live components; a reset reorders it, keeping one of them.
class StreamResetLCLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class StreamResetLCItem : public liveview::LiveComponent
{
public:
    liveview::Template render() const override;
};

// As StreamResetLCLive, each child component holding a stream of its own that it can reorder:
// the component the view's reset keeps still shows its reordered stream.
class StreamNestedComponentResetLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void connected() override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

class StreamNestedComponentResetItem : public liveview::LiveComponent
{
public:
    void update(const QVariantHash &attributes) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    bool m_streamed = false;          // the first update filled the nested stream
    bool m_streamedConnected = false; // ... with the connected items
};

} // namespace conformance
