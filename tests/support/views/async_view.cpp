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
    countPrimesBelow(m_limit);
}

void AsyncView::countPrimesBelow(int limit)
{
    assignAsync(QStringLiteral("report"), [limit](const std::atomic_bool &cancelled) {
        int primes = 0;
        for (int n = 2; n < limit; ++n) {
            if (cancelled.load())
                return QVariant(); // the view is gone: stop early
            bool prime = true;
            for (int d = 2; d * d <= n && prime; ++d)
                prime = n % d != 0;
            primes += prime;
        }
        return QVariant(
            QVariantMap{{QStringLiteral("primes"), primes}, {QStringLiteral("limit"), limit}});
    });
}

void AsyncView::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"recompute") {
        m_limit *= 2;
        countPrimesBelow(m_limit);
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
    <p :if={@report.ok} id="report-result">{@report.result.primes} primes below {@report.result.limit}</p>
    <p :if={@report.failed} id="report-failed" class="error">Failed: {@report.failed}</p>
  </section>
  <button id="recompute" phx-click="recompute">Compute again (larger)</button>
  <button id="fail" phx-click="fail">Run a task that fails</button>
</div>)"),
                                    QStringLiteral("test/async.heex"));
    return t;
}

} // namespace testviews
