// Diff merging and HTML assembly with the semantics of phoenix_live_view 1.2.12's rendered.js.
#include "client_tree.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace liveview::testing {
namespace {

const QString S = QStringLiteral("s");
const QString K = QStringLiteral("k");
const QString KC = QStringLiteral("kc");
const QString KM = QStringLiteral("km");
const QString P = QStringLiteral("p");
const QString C = QStringLiteral("c");
const QString STREAM = QStringLiteral("stream");

QJsonObject doMerge(QJsonObject target, const QJsonObject &source);

QJsonObject mergeKeyed(QJsonObject target, const QJsonObject &source)
{
    const QJsonObject sk = source.value(K).toObject();
    QJsonObject tk = target.value(K).toObject();
    const QJsonObject before = tk; // moves read pre-diff positions
    const bool moved = sk.value(KM).toBool();
    for (auto it = sk.begin(); it != sk.end(); ++it) {
        if (it.key() == KC || it.key() == KM)
            continue;
        const QJsonValue entry = it.value();
        if (entry.isArray() || entry.isDouble()) {
            if (!moved)
                throw ProtocolError("keyed move without \"km\": the 1.2.12 client crashes on this");
            const QJsonArray pair = entry.toArray();
            const int from = entry.isDouble() ? entry.toInt() : pair.at(0).toInt();
            const QJsonValue old = before.value(QString::number(from));
            if (!old.isObject())
                throw ProtocolError("keyed move from a position the client does not hold");
            tk.insert(it.key(), entry.isDouble() ? old.toObject()
                                                 : doMerge(old.toObject(), pair.at(1).toObject()));
        } else if (entry.isObject()) {
            tk.insert(it.key(), doMerge(tk.value(it.key()).toObject(), entry.toObject()));
        } else {
            throw ProtocolError("keyed entry of unexpected type");
        }
    }
    if (!sk.contains(KC))
        throw ProtocolError("keyed diff without \"kc\"");
    const int newCount = sk.value(KC).toInt();
    const int oldCount = tk.value(KC).toInt();
    for (int i = newCount; i < oldCount; ++i)
        tk.remove(QString::number(i));
    tk.insert(KC, newCount);
    target.insert(K, tk);
    if (source.contains(STREAM))
        target.insert(STREAM, source.value(STREAM));
    if (source.contains(P))
        target.insert(P, source.value(P));
    return target;
}

QJsonObject doMerge(QJsonObject target, const QJsonObject &source)
{
    if (source.contains(K))
        return mergeKeyed(target, source);
    for (auto it = source.begin(); it != source.end(); ++it) {
        const QJsonValue val = it.value();
        const QJsonValue current = target.value(it.key());
        if (val.isObject() && !val.toObject().contains(S) && current.isObject())
            target.insert(it.key(), doMerge(current.toObject(), val.toObject()));
        else
            target.insert(it.key(), val);
    }
    return target;
}

// Like the client's render pass: `"s": <int>` becomes the array from the nearest `p`, and `p`
// itself is dropped, so a later diff's table cannot be applied to older references.
QJsonObject resolveTemplates(QJsonObject node, QJsonObject templates)
{
    if (node.contains(P)) {
        templates = node.value(P).toObject();
        node.remove(P);
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == S && it.value().isDouble()) {
            const QString index = QString::number(it.value().toInt());
            if (!templates.contains(index))
                throw ProtocolError("statics refer to a template the message does not carry");
            it.value() = templates.value(index);
        } else if (it.key() == K) {
            QJsonObject entries = it.value().toObject();
            for (auto e = entries.begin(); e != entries.end(); ++e)
                if (e.value().isObject())
                    e.value() = resolveTemplates(e.value().toObject(), templates);
            it.value() = entries;
        } else if (it.value().isObject() && it.key() != C) {
            it.value() = resolveTemplates(it.value().toObject(), templates);
        }
    }
    return node;
}

QJsonObject mutableMerge(const QJsonObject &target, const QJsonObject &source)
{
    return source.contains(S) ? source : doMerge(target, source);
}

const QString STREAM_MARK = QStringLiteral("__stream"); // harness-private: "this list is a stream"

class HtmlBuilder
{
public:
    HtmlBuilder(const QJsonObject &components,
                const QHash<QString, ClientTree::StreamChildren> &streams)
        : m_components(components), m_streams(streams)
    {
    }

    // One entry of a comprehension, as HTML.
    QString entry(const QJsonObject &comprehension, int index) const
    {
        QString out;
        dynamics(comprehension.value(K).toObject().value(QString::number(index)).toObject(),
                 resolve(comprehension.value(S), {}), {}, out);
        return out;
    }

    void node(const QJsonObject &n, QJsonObject templates, QString &out,
              const QString &rootAttrs = {}) const
    {
        if (n.contains(K)) {
            comprehension(n, templates, out);
            return;
        }
        if (n.contains(P))
            templates = n.value(P).toObject();
        const QJsonArray statics = resolve(n.value(S), templates);
        QString inner;
        dynamics(n, statics, templates, inner);
        out += rootAttrs.isEmpty() ? inner : injectRootAttributes(inner, rootAttrs);
    }

private:
    static QJsonArray resolve(const QJsonValue &s, const QJsonObject &templates)
    {
        if (s.isArray())
            return s.toArray();
        if (s.isDouble() && templates.contains(QString::number(s.toInt())))
            return templates.value(QString::number(s.toInt())).toArray();
        throw ProtocolError("node without statics (missing \"s\" or unknown template)");
    }

    void dynamics(const QJsonObject &holder, const QJsonArray &statics,
                  const QJsonObject &templates, QString &out) const
    {
        for (int i = 0; i + 1 < statics.size(); ++i) {
            out += statics.at(i).toString();
            const QString key = QString::number(i);
            if (!holder.contains(key)) {
                out += QStringLiteral("undefined"); // what the client prints, a server bug
                continue;
            }
            dynamic(holder.value(key), templates, out);
        }
        if (!statics.isEmpty())
            out += statics.last().toString();
    }

    void dynamic(const QJsonValue &v, const QJsonObject &templates, QString &out) const
    {
        if (v.isString()) {
            out += v.toString();
        } else if (v.isDouble()) {
            const int cid = v.toInt();
            const QJsonValue component = m_components.value(QString::number(cid));
            if (!component.isObject())
                throw ProtocolError("no component for CID " + std::to_string(cid));
            node(component.toObject(), {}, out,
                 QStringLiteral(" data-phx-component=\"%1\"").arg(cid));
        } else if (v.isObject()) {
            node(v.toObject(), templates, out);
        } else if (v.isNull()) {
            out += QStringLiteral("null");
        } else if (v.isBool()) {
            out += v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
    }

    void comprehension(const QJsonObject &n, const QJsonObject &templates, QString &out) const
    {
        if (n.contains(STREAM_MARK)) { // the DOM keeps stream children; the tree does not
            for (const auto &[id, html] : m_streams.value(n.value(STREAM_MARK).toString()))
                out += html;
            return;
        }
        const QJsonObject keyedTemplates = !templates.isEmpty() ? templates : n.value(P).toObject();
        const QJsonArray statics =
            resolve(n.value(S), templates.isEmpty() ? keyedTemplates : templates);
        const QJsonObject k = n.value(K).toObject();
        const int count = k.value(KC).toInt();
        for (int i = 0; i < count; ++i)
            dynamics(k.value(QString::number(i)).toObject(), statics, keyedTemplates, out);
    }

    // The client adds attributes to a component's single root element.
    static QString injectRootAttributes(const QString &html, const QString &attrs)
    {
        int start = 0;
        while (start < html.size() && html.at(start).isSpace())
            ++start;
        if (start >= html.size() || html.at(start) != u'<')
            throw ProtocolError("component does not render a single root element");
        int end = start + 1;
        while (end < html.size() && !html.at(end).isSpace() && html.at(end) != u'>' &&
               html.at(end) != u'/')
            ++end;
        return html.left(end) + attrs + html.mid(end);
    }

    const QJsonObject &m_components;
    const QHash<QString, ClientTree::StreamChildren> &m_streams;
};

QString rootElementId(const QString &html)
{
    static const QRegularExpression id(QStringLiteral("^\\s*<[^>]*?\\sid=\"([^\"]*)\""));
    return id.match(html).captured(1);
}

} // namespace

void ClientTree::takeExtras(QJsonObject &diff)
{
    if (diff.contains(QStringLiteral("t")))
        m_title = diff.take(QStringLiteral("t")).toString();
    if (diff.contains(QStringLiteral("e")))
        for (const QJsonValue &e : diff.take(QStringLiteral("e")).toArray())
            m_events.append(e);
    m_reply = diff.contains(QStringLiteral("r")) ? diff.take(QStringLiteral("r")) : QJsonValue();
}

void ClientTree::reset(QJsonObject rendered)
{
    m_tree = QJsonObject();
    m_components = QJsonObject();
    m_streams.clear(); // on join the client clears stream containers
    merge(std::move(rendered));
}

void ClientTree::merge(QJsonObject diff)
{
    takeExtras(diff);
    const QJsonObject components = diff.take(C).toObject();
    m_tree = resolveTemplates(mutableMerge(m_tree, diff), {});
    // Components first: a stream's children may be components (their HTML is read below).
    for (auto it = components.begin(); it != components.end(); ++it) {
        const QJsonObject cdiff = it.value().toObject();
        const QJsonValue s = cdiff.value(S);
        if (s.isDouble()) {
            // Statics shared with another component: positive = in this diff, negative = known.
            // A component of this diff may itself point further (to a known one), as the
            // client's resolution follows.
            QJsonObject base;
            for (int from = s.toInt(), hops = 0; hops < 1000; ++hops) {
                base = from > 0 ? components.value(QString::number(from)).toObject()
                                : m_components.value(QString::number(-from)).toObject();
                if (!base.value(S).isDouble())
                    break;
                from = base.value(S).toInt();
            }
            QJsonObject merged = doMerge(base, cdiff);
            merged.insert(S, base.value(S));
            m_components.insert(it.key(), merged);
        } else if (cdiff.contains(S) || !m_components.contains(it.key())) {
            m_components.insert(it.key(), cdiff);
        } else {
            m_components.insert(it.key(), doMerge(m_components.value(it.key()).toObject(), cdiff));
        }
    }
    // Then the streams, the view's and those of the components this diff touched.
    for (auto it = components.begin(); it != components.end(); ++it)
        m_components.insert(it.key(), applyStreams(m_components.value(it.key()).toObject()));
    m_tree = applyStreams(m_tree);
}

// What the client's DOM patch does with a stream: children inserted, moved, limited or deleted
// by id, then the entries dropped from the tree.
QJsonObject ClientTree::applyStreams(QJsonObject node)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.value().isObject() && it.key() != C && it.key() != K)
            it.value() = applyStreams(it.value().toObject());
    }
    if (!node.contains(STREAM))
        return node;
    const QJsonArray stream = node.take(STREAM).toArray();
    const QString ref = stream.at(0).toString();
    StreamChildren &children = m_streams[ref];
    if (stream.size() > 3)
        children.clear(); // reset: the client tests for the element's presence
    // Deletes go before the inserts, as in the client's patch: an id deleted and inserted again
    // in one diff is removed, then inserted afresh at its position (a move).
    for (const QJsonValue &deleted : stream.at(2).toArray())
        children.removeIf([&](const auto &c) { return c.first == deleted.toString(); });
    QHash<QString, QJsonArray> inserts;
    for (const QJsonValue &insert : stream.at(1).toArray())
        inserts.insert(insert.toArray().at(0).toString(), insert.toArray());
    const HtmlBuilder builder(m_components, m_streams);
    const int count = node.value(K).toObject().value(KC).toInt();
    for (int i = 0; i < count; ++i) {
        const QString html = builder.entry(node, i);
        const QString id = rootElementId(html);
        if (id.isEmpty())
            throw ProtocolError("a stream child has no id");
        const QJsonArray insert = inserts.value(id);
        const auto existing = std::find_if(children.begin(), children.end(),
                                           [&](const auto &c) { return c.first == id; });
        if (existing != children.end()) {
            existing->second = html; // updated in place
            continue;
        }
        if (insert.at(3).toBool())
            continue; // update_only and not present
        const int at = insert.isEmpty() ? -1 : insert.at(1).toInt();
        const qsizetype position = at < 0 || at > children.size() ? children.size() : at;
        children.insert(position, {id, html});
        const QJsonValue limit = insert.at(2);
        if (limit.isDouble()) {
            const int n = limit.toInt();
            while (n >= 0 && children.size() > n)
                children.removeLast();
            while (n < 0 && children.size() > -n)
                children.removeFirst();
        }
    }
    node.insert(K, QJsonObject{{KC, 0}});
    node.insert(STREAM_MARK, ref);
    return node;
}

QString ClientTree::toHtml() const
{
    QString out;
    if (!m_tree.isEmpty())
        HtmlBuilder(m_components, m_streams).node(m_tree, {}, out);
    return out;
}

QJsonArray ClientTree::takeEvents()
{
    QJsonArray events = m_events;
    m_events = QJsonArray();
    return events;
}

} // namespace liveview::testing
