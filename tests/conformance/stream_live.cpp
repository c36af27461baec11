#include "stream_live.h"

#include <atomic>

namespace conformance {

using liveview::Template;

namespace {
QVariantMap user(const QVariant &id, const QString &name)
{
    return {{"id", id}, {"name", name}};
}

QVariantMap item(const QString &id, const QString &name)
{
    return {{"id", id}, {"name", name}};
}

QVariantList items(std::initializer_list<const char *> ids)
{
    QVariantList list;
    for (const char *id : ids)
        list.append(item(QString::fromLatin1(id), QString::fromLatin1(id).toUpper()));
    return list;
}

// System.unique_integer() upstream: ids and names never seen before. The BEAM's counter starts
// far below zero, and the specs match the minus sign ("items-a-...").
QString uniqueInteger()
{
    static std::atomic<qint64> next{-576460752303423487};
    return QString::number(next.fetch_add(1));
}

// The id after "<stream>-" in a DOM id ("users-3" -> "3").
QString idIn(const QString &domId, const QString &stream)
{
    return domId.mid(stream.size() + 1);
}
} // namespace

void StreamLive::mount(const QVariantMap &, const QVariantMap &)
{
    assign("count", 0);
    stream("users", {user(1, "chris"), user(2, "callan")});
    stream("admins", {user(1, "chris-admin"), user(2, "callan-admin")});
}

void StreamLive::moveTo(const QString &name, const QString &domId, const QString &userName, int at)
{
    streamDeleteByDomId(name, domId);
    streamInsert(name, user(idIn(domId, name), userName), at);
}

void StreamLive::handleEvent(const QString &event, const QVariantMap &value)
{
    const QString domId = value.value("id").toString();
    const bool admin = event.startsWith(u"admin-");
    const QString name = admin ? QStringLiteral("admins") : QStringLiteral("users");
    const QString action = admin ? event.mid(6) : event;
    if (action == u"delete") {
        streamDeleteByDomId(name, domId);
    } else if (action == u"update") {
        streamInsert(name, user(idIn(domId, name), "updated"));
    } else if (action == u"move-to-first") {
        moveTo(name, domId, "updated", 0);
    } else if (action == u"move-to-last") {
        moveTo(name, domId, "updated", -1);
    } else if (action == u"move" && !admin) {
        moveTo(name, domId, value.value("name").toString(), value.value("at").toInt());
    } else if (event == u"reset-users") {
        assign("count", assigned("count").toInt() + 1);
        stream("users", {}, true);
    } else if (event == u"reset-users-reorder") {
        assign("count", assigned("count").toInt() + 1);
        stream("users", {user(3, "peter"), user(1, "chris"), user(4, "mona")}, true);
    } else {
        LiveView::handleEvent(event, value);
    }
}

Template StreamLive::render() const
{
    static const Template t = Template::load("e2e/stream_live.heex");
    return t;
}

void StreamResetLive::mount(const QVariantMap &params, const QVariantMap &)
{
    stream("items", items({"a", "b", "c", "d"}));
    // JS.hide() as phx-remove when asked for.
    assign("phx_remove", params.value("phx-remove").toString().isEmpty()
                             ? QVariant()
                             : QVariant(QStringLiteral(R"([["hide",{}]])")));
}

void StreamResetLive::handleEvent(const QString &event, const QVariantMap &value)
{
    const QString unique = QStringLiteral("a") + uniqueInteger();
    if (event == u"filter") {
        stream("items", items({"b", "c", "d"}), true);
    } else if (event == u"reorder") {
        stream("items", items({"b", "a", "c", "d"}), true);
    } else if (event == u"reset") {
        stream("items", items({"a", "b", "c", "d"}), true);
    } else if (event == u"prepend") {
        streamInsert("items", item(unique, uniqueInteger()), 0);
    } else if (event == u"append") {
        streamInsert("items", item(unique, uniqueInteger()), -1);
    } else if (event == u"bulk-insert") {
        // stream(items, at: 1) inserts each item at 1 in turn: reversed, they end up E, F, G.
        for (const QVariant &i : items({"g", "f", "e"}))
            streamInsert("items", i, 1);
    } else if (event == u"insert-at-one") {
        streamInsert("items", item(unique, uniqueInteger()), 1);
    } else if (event == u"insert-existing-at-one") {
        streamInsert("items", item("c", "C"), 1);
    } else if (event == u"delete-insert-existing-at-one") {
        streamDeleteByDomId("items", "items-c");
        streamInsert("items", item("c", "C"), 1);
    } else if (event == u"prepend-existing") {
        streamInsert("items", item("c", "C"), 0);
    } else if (event == u"append-existing") {
        streamInsert("items", item("c", "C"), -1);
    } else if (event == u"new-update-only") {
        streamInsert("items", item("e", "E"), -1, QVariant(), true);
    } else if (event == u"existing-update-only") {
        streamInsert("items", item("c", QStringLiteral("C ") + uniqueInteger()), -1, QVariant(),
                     true);
    } else {
        LiveView::handleEvent(event, value);
    }
}

Template StreamResetLive::render() const
{
    static const Template t = Template::load("e2e/stream_reset_live.heex");
    return t;
}

void StreamLimitLive::mount(const QVariantMap &, const QVariantMap &)
{
    configure(-1, -5);
}

void StreamLimitLive::configure(int at, int limit)
{
    assign("at", at);
    assign("limit", limit);
    assign("last_id", 0);
    stream("items", {}, true);
    insertItems(10);
}

// stream(items, at:, limit:) upstream: each item inserted with both options, in order.
void StreamLimitLive::insertItems(int count)
{
    const int lastId = assigned("last_id").toInt();
    const int at = assigned("at").toInt();
    const QVariant limit = assigned("limit");
    for (int n = 1; n <= count; ++n)
        streamInsert("items", QVariantMap{{"id", lastId + n}}, at, limit);
    assign("last_id", lastId + count);
}

void StreamLimitLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"configure") {
        bool atOk = false;
        bool limitOk = false;
        const int at = value.value("at").toString().toInt(&atOk);
        const int limit = value.value("limit").toString().toInt(&limitOk);
        if (!atOk || !limitOk)
            throw std::invalid_argument("configure: at and limit must be integers");
        configure(at, limit);
    } else if (event == u"insert_10") {
        insertItems(10);
    } else if (event == u"insert_1") {
        insertItems(1);
    } else if (event == u"clear") {
        assign("last_id", 0);
        stream("items", {}, true);
    } else {
        LiveView::handleEvent(event, value);
    }
}

Template StreamLimitLive::render() const
{
    static const Template t = Template::load("e2e/stream_limit_live.heex");
    return t;
}

void HealthyLive::mount(const QVariantMap &params, const QVariantMap &)
{
    assign("category", params.value("category"));
    stream("items", {});
}

void HealthyLive::handleParams(const QVariantMap &params, const QUrl &)
{
    const QString category = params.value("category").toString();
    const bool fruits = category == u"fruits";
    assign("category", category);
    assign("title", category.left(1).toUpper() + category.mid(1));
    assign("other",
           fruits ? QStringLiteral("/healthy/veggies") : QStringLiteral("/healthy/fruits"));
    const QVariantList list = fruits ? QVariantList{user(1, "Apples"), user(2, "Oranges")}
                                     : QVariantList{user(3, "Carrots"), user(4, "Tomatoes")};
    stream("items", list, true);
}

void HealthyLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event == u"load-more") {
        streamInsert("items", user(5, "Pumpkins"));
        streamInsert("items", user(6, "Melons"));
    } else {
        LiveView::handleEvent(event, value);
    }
}

Template HealthyLive::render() const
{
    static const Template t = Template::load("e2e/healthy_live.heex");
    return t;
}

} // namespace conformance
