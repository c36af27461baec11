#pragma once
// Upload fixtures of the suite's issue regressions (/issues/<number>).

#include <liveview/live_view.h>

namespace conformance {

// A live file input whose disabled and class attributes change while it keeps its files.
class Issue4078Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// max_entries counted in total: files consumed by an auto upload's progress callback still
// count, so a third and a fourth file are refused with too_many_files.
class Issue2835Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

// A custom upload writer that fails on a chunk: the entry keeps {writer_failure, reason} until
// cancelled, and a submit waiting for the upload is called off.
class Issue4368Live : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &session) override;
    void handleEvent(const QString &event, const QVariantMap &value) override;
    liveview::Template render() const override;
};

} // namespace conformance
