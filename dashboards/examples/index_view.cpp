// The home page lists the examples; it is a live view like any other.
#include "index_view.h"

namespace livedeck::examples {

void IndexView::mount(const QVariantMap &, const QVariantMap &)
{
    setPageTitle(QStringLiteral("LiveDeck"));
    const auto example = [](const char *name, const char *title, const char *summary) {
        return QVariantMap{{"name", name},
                           {"path", QStringLiteral("/examples/") + QLatin1String(name)},
                           {"title", title},
                           {"summary", summary}};
    };
    assign(
        QStringLiteral("examples"),
        QVariantList{
            example("counter", "Counter", "Two buttons; each click sends one changed value."),
            example("list", "List", "A list without keys: entries are matched by position."),
            example("keyed", "Keyed list", "The same list with :key — reorders travel as moves."),
            example("component", "Live components",
                    "Two stateful components with their own events."),
            example("stream", "Stream", "Rows sent once and forgotten by the server."),
            example("form", "Form", "Live validation as you type; reset after a successful save."),
            example("navigation", "Navigation",
                    "Patches, back/forward, navigation between views, flash."),
            example("hooks", "Hooks",
                    "A JavaScript hook pushes events with replies; the server pushes back."),
            example("async", "Async work",
                    "Thread-pool work with loading, result and failure states."),
            example("chat?user=you", "Chat", "Messages between browsers through PubSub."),
            example("online", "Who is online",
                    "Presence of the chat lobby, merged across nodes with --redis."),
            example("upload", "Uploads",
                    "Files sent in chunks over the socket, with progress, cancel and errors.")});
}

liveview::Template IndexView::render() const
{
    return liveview::Template::load(QStringLiteral("examples/index.heex"));
}

} // namespace livedeck::examples
