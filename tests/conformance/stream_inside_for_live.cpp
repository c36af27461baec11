// /stream/inside-for (streams.spec.js): a stream filled by start_async, rendered inside a :for.
#include "stream_inside_for_live.h"
#include "fixture_template.h"

#include <liveview/template.h>

#include <QThread>

#include <stdexcept>

namespace conformance {

using liveview::Template;

void StreamInsideForLive::mount(const QVariantMap &, const QVariantMap &)
{
    stream("items", {});
}

// start_async runs only once connected, as upstream's does.
void StreamInsideForLive::connected()
{
    startAsync("foo", [](const std::atomic_bool &) {
        QThread::msleep(50); // upstream: Process.sleep(50)
        return QVariant();
    });
}

void StreamInsideForLive::handleAsync(const QString &name, const QVariant &result,
                                      const QString &error)
{
    if (name != u"foo")
        return LiveView::handleAsync(name, result, error);
    if (!error.isEmpty())
        throw std::runtime_error("foo failed: " + error.toStdString());
    QVariantList items;
    for (const char *id : {"a", "b", "c", "d"})
        items.append(QVariantMap{{"id", QString::fromLatin1(id)},
                                 {"name", QString::fromLatin1(id).toUpper()}});
    stream("items", items);
}

Template StreamInsideForLive::render() const
{
    static const Template t = compiled(R"(<div :for={_i <- [1]}>
  <ul phx-update="stream" id="thelist">
    <li :for={{id, item} <- @streams.items} id={id}>
      {item.name}
    </li>
  </ul>
</div>)",
                                       "e2e/stream_inside_for.heex");
    return t;
}

} // namespace conformance
