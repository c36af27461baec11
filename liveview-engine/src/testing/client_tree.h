#pragma once
// The browser client's copy of a view's rendered tree: merges diffs by the same rules as
// phoenix_live_view's Rendered (rendered.js) and turns the tree into HTML.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <stdexcept>

namespace liveview::testing {

// A diff the real client could not merge (e.g. a keyed move without "km").
class ProtocolError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class ClientTree
{
public:
    // Replaces the tree with a join reply's `rendered`; returns its title (`t`) if any.
    void reset(QJsonObject rendered);
    // Merges a diff (reply or push). `t`, `e` and `r` are taken off the top level first.
    void merge(QJsonObject diff);

    QString toHtml() const;
    bool isEmpty() const { return m_tree.isEmpty(); }

    QString title() const { return m_title; }
    QJsonArray takeEvents();
    QJsonValue lastReplyValue() const { return m_reply; }
    const QJsonObject &tree() const { return m_tree; }

    // Children of one stream container as the DOM holds them: (element id, HTML).
    using StreamChildren = QList<QPair<QString, QString>>;

private:
    void takeExtras(QJsonObject &diff);
    QJsonObject applyStreams(QJsonObject node);

    QJsonObject m_tree;
    QJsonObject m_components;
    QHash<QString, StreamChildren> m_streams;
    QString m_title;
    QJsonArray m_events;
    QJsonValue m_reply;
};

} // namespace liveview::testing
