#pragma once
// What every dashboard page shares: operator access (loopback or the admin token), the shared
// feed it draws from (one sample a second, whatever the number of viewers), the refresh control,
// toasts, the navigation and CSV downloads.

#include <livedeck/widgets/refresh_state.h>

#include <QUrl>
#include <functional>
#include <liveview/live_view.h>
#include <optional>

namespace livedeck::dashboards {

class DashboardView : public liveview::LiveView
{
public:
    struct Options
    {
        QString page;  // nav key and the refresh control's memory: "overview", "system", ...
        QString title; // the page title
        QString templateName;
        bool operatorOnly = true;
        QString feedTopic;                       // PubSub topic of the feed
        std::function<QVariantMap()> latestFeed; // its newest model (full charts at mount)
    };
    explicit DashboardView(Options options);

    void mount(const QVariantMap &params, const QVariantMap &session) final;
    void connected() final;
    void handleParams(const QVariantMap &params, const QUrl &url) final;
    void handleInfo(const QVariant &message) final;
    void handleEvent(const QString &event, const QVariantMap &value) final;
    liveview::Template render() const final;
    // Viewers of one page at the 1 s rhythm see the same thing: the socket thread renders each
    // sample once for all of them (LiveView::sharedRenderKey). Pages opt in with pageStateKey().
    QByteArray sharedRenderKey() const final;

protected:
    // Called only for a permitted viewer.
    virtual void mountPage(const QVariantMap &params) { Q_UNUSED(params); }
    virtual void pageParams(const QVariantMap &params) { Q_UNUSED(params); }
    // Draw from the feed's model (at mount, then as the refresh control allows).
    virtual void showFeed(const QVariantMap &feed) = 0;
    virtual void pageEvent(const QString &event, const QVariantMap &value);
    virtual void pageInfo(const QVariant &message) { Q_UNUSED(message); }
    // Everything of the page's own state that its URL does not hold, as bytes; nullopt (the
    // default) for a page whose viewers must each render their own (per-viewer selections).
    virtual std::optional<QByteArray> pageStateKey() const { return std::nullopt; }

    bool isReadOnly() const;
    bool isRefreshRunning() const { return m_refresh.isRunning(); }
    const QUrl &currentUrl() const { return m_url; }
    // The page's URL with `query` replaced (navigation keeps the operator token along).
    void patchTo(const QUrl &url)
    {
        pushPatch(url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority));
    }
    void toast(const QString &kind, const QString &text);
    void download(const QString &filename, const QString &text);
    const QVariantMap &lastFeed() const { return m_feed; }
    void redraw() { drawFeed(); }

private:
    void assignRefresh();
    void drawFeed(); // showFeed(m_feed), remembering which sample the page shows

    Options m_options;
    bool m_allowed = false;
    widgets::RefreshState m_refresh;
    QVariantMap m_feed;
    qint64 m_drawnAtMs = -1; // the `at_ms` of the sample the page shows
    QUrl m_url;
    int m_toastCount = 0;
};

} // namespace livedeck::dashboards
