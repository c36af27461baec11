#pragma once
// Views that probe one engine behaviour each: crashes on demand, messages from other threads,
// nested statics shared by rows, a component shown, hidden and updated from outside, and every
// stream operation. Defined in the header: each is a few lines and read next to its tests.

#include <liveview/live_view.h>

#include <stdexcept>
#include <thread>

namespace testviews {

// Throws from whichever callback the test asks for.
class CrashyView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        if (params.value(QStringLiteral("crash")).toString() == u"mount")
            throw std::runtime_error("mount exploded");
        assign(QStringLiteral("n"), 0);
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"boom")
            throw std::runtime_error("handle_event exploded");
        if (event == u"bad_render")
            assign(QStringLiteral("n"), QStringLiteral("not a number"));
        else if (event == u"message_boom")
            infoSender()(QStringLiteral("boom")); // handle_info will throw
        else if (event == u"message_value")
            infoSender()(41);
        else
            assign(QStringLiteral("n"), assigned(QStringLiteral("n")).toInt() + 1);
    }
    void handleInfo(const QVariant &message) override
    {
        if (message.toString() == u"boom")
            throw std::runtime_error("handle_info exploded");
        assign(QStringLiteral("n"), message);
    }
    liveview::Template render() const override
    {
        // `@n + 0` fails to evaluate when n is a string: a crash during render.
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral("<div id=\"crashy\"><span id=\"n\">{@n + 0}</span>"
                           "<button id=\"boom\" phx-click=\"boom\">boom</button></div>"),
            QStringLiteral("crashy.heex"));
        return t;
    }
};

// Delivers handle_info to itself from another thread when clicked.
class TickerView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        assign(QStringLiteral("ticks"), 0);
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"start") {
            auto send = infoSender();
            std::thread([send] {
                for (int i = 1; i <= 3; ++i)
                    send(i);
            }).detach();
        }
    }
    void handleInfo(const QVariant &message) override
    {
        assign(QStringLiteral("ticks"), message.toInt());
        setPageTitle(QStringLiteral("tick %1").arg(message.toInt()));
        pushEvent(QStringLiteral("ticked"), {{QStringLiteral("n"), message}});
    }
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral("<p id=\"ticks\">{@ticks}</p>"), QStringLiteral("ticker.heex"));
        return t;
    }
};

// Every row has a nested node with the same statics: sent once, in `p`.
class BadgesView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        QVariantList items;
        for (int i = 0; i < 3; ++i)
            items << QVariantMap{{"id", i}, {"hot", true}, {"name", QStringLiteral("n%1").arg(i)}};
        assign(QStringLiteral("items"), items);
    }
    void handleEvent(const QString &, const QVariantMap &) override
    {
        QVariantList items = assigned(QStringLiteral("items")).toList();
        items << QVariantMap{{"id", items.size()}, {"hot", true}, {"name", "new"}}
              << QVariantMap{{"id", items.size() + 1}, {"hot", true}, {"name", "newer"}};
        assign(QStringLiteral("items"), items);
    }
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral("<ul id=\"badges\"><li :for={i <- @items} :key={i.id}>"
                           "<b :if={i.hot} class=\"hot\">hot</b>{i.name}</li></ul>"),
            QStringLiteral("badges.heex"));
        return t;
    }
};

// Shows or hides a live component, and updates it from the parent with sendUpdate().
class ToggleView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        assign(QStringLiteral("show"), true);
    }
    void handleEvent(const QString &event, const QVariantMap &) override
    {
        if (event == u"toggle")
            assign(QStringLiteral("show"), !assigned(QStringLiteral("show")).toBool());
        else if (event == u"rename")
            sendUpdate(QStringLiteral("test-counter"), QStringLiteral("a"), {{"label", "renamed"}});
        else if (event == u"rename_from_thread") {
            auto update = updateSender();
            std::thread([update] {
                update(QStringLiteral("test-counter"), QStringLiteral("a"),
                       {{"label", "from a thread"}});
            }).detach();
        }
    }
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral(
                "<div id=\"toggle\"><.live_component :if={@show} module=\"test-counter\" "
                "id=\"a\" label=\"A\" /></div>"),
            QStringLiteral("toggle.heex"));
        return t;
    }
};

// Every stream operation on demand: insert at a position with a limit, update in place, delete,
// reset.
class StreamOpsView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &, const QVariantMap &) override
    {
        stream(QStringLiteral("items"), {item(1, "one"), item(2, "two")});
    }
    void handleEvent(const QString &event, const QVariantMap &v) override
    {
        const int id = v.value(QStringLiteral("id")).toInt();
        const QString name = v.value(QStringLiteral("name")).toString();
        if (event == u"insert")
            streamInsert(
                QStringLiteral("items"), item(id, name), v.value(QStringLiteral("at"), -1).toInt(),
                v.value(QStringLiteral("limit")), v.value(QStringLiteral("update_only")).toBool());
        else if (event == u"delete")
            streamDelete(QStringLiteral("items"), item(id, name));
        else if (event == u"reset")
            stream(QStringLiteral("items"), {item(id, name)}, true);
        else if (event == u"move") { // delete, then insert again at `at` (one diff)
            streamDelete(QStringLiteral("items"), item(id, name));
            streamInsert(QStringLiteral("items"), item(id, name),
                         v.value(QStringLiteral("at"), -1).toInt());
        } else if (event == u"many") {
            QVariantList items;
            for (int i = 0; i < 10000; ++i)
                items << item(1000 + i, QStringLiteral("bulk %1").arg(i));
            stream(QStringLiteral("items"), items);
        }
    }
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(
            QStringLiteral(
                "<ul id=\"items\" phx-update=\"stream\"><li :for={{id, it} <- @streams.items} "
                "id={id}>{it.name}</li></ul>"),
            QStringLiteral("streamops.heex"));
        return t;
    }

private:
    static QVariantMap item(int id, const QString &name) { return {{"id", id}, {"name", name}}; }
};

} // namespace testviews
