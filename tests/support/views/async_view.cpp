#include "async_view.h"

#include <stdexcept>

namespace testviews {

void AsyncView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Async"));
    // The first HTTP render only shows the loading state; the work runs for the live view.
    assign(QStringLiteral("report"), QVariantMap{{QStringLiteral("loading"), true}});
}

void AsyncView::connected()
{
    sumSquaresBelow(m_limit);
}

void AsyncView::sumSquaresBelow(int limit)
{
    // Deliberately a loop (not the closed form): long enough that a view can go away while it
    // runs, checking `cancelled` as a long task should.
    assignAsync(QStringLiteral("report"), [limit](const std::atomic_bool &cancelled) {
        qint64 sum = 0;
        for (qint64 n = 1; n < limit; ++n) {
            if (cancelled.load())
                return QVariant();
            sum += n * n;
        }
        return QVariant(
            QVariantMap{{QStringLiteral("sum"), sum}, {QStringLiteral("limit"), limit}});
    });
}

void AsyncView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"recompute") {
        m_limit *= 2;
        sumSquaresBelow(m_limit);
    } else if (event == u"fail") {
        assignAsync(QStringLiteral("report"), [](const std::atomic_bool &) -> QVariant {
            throw std::runtime_error("the data source is unreachable");
        });
    } else {
        LiveView::handleEvent(event, value);
    }
}

liveview::Template AsyncView::render() const
{
    static const liveview::Template t =
        liveview::Template::compile(QStringLiteral(R"(<div id="async-view">
  <section id="report">
    <p :if={@report.loading} id="report-loading">Computing…</p>
    <p :if={@report.ok} id="report-result">squares below {@report.result.limit} sum to {@report.result.sum}</p>
    <p :if={@report.failed} id="report-failed" class="error">Failed: {@report.failed}</p>
  </section>
  <button id="recompute" phx-click="recompute">Compute again (larger)</button>
  <button id="fail" phx-click="fail">Run a task that fails</button>
</div>)"),
                                    QStringLiteral("test/async.heex"));
    return t;
}

} // namespace testviews
