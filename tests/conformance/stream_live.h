#pragma once
// /stream, /stream/reset, /stream/limit and /healthy/:category: the suite's stream fixtures
// (insert, update, delete, move, reset and reorder, at: and limit:, patch with reset). /stream
// also renders StreamComponent (stream_component_lives.h), whose module must be registered.

#include <liveview/live_view.h>

namespace conformance {

class StreamLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void moveTo(const QString &stream, const QString &domId, const QString &name, int at);
};

class StreamResetLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A stream recreated with the `at` and `limit` typed into its form (at -1, limit -5 at first).
class StreamLimitLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;

private:
    void configure(int at, int limit);
    void insertItems(int count);
};

class HealthyLive : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleParams(const QVariantMap &params, const QUrl &url) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
