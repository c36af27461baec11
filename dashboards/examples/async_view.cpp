// The async example: counting primes stands in for slow work (a query, a remote call).
#include "async_view.h"

#include <stdexcept>

namespace livedeck::examples {

void AsyncView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("Async"));
    // The first HTTP render only shows the loading state; the work runs for the live view.
    assign(QStringLiteral("report"), QVariantMap{{QStringLiteral("loading"), true}});
}

void AsyncView::connected()
{
    computePrimesBelow(m_limit);
}

void AsyncView::computePrimesBelow(int limit)
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
        computePrimesBelow(m_limit);
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
    return liveview::Template::load(QStringLiteral("examples/async.heex"));
}

} // namespace livedeck::examples
