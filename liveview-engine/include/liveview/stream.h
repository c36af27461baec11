#pragma once
// Streams: large or unbounded collections the server renders once and then forgets; the client
// keeps the elements (phx-update="stream"). A view queues inserts and deletes; the next render
// sends exactly those and drops them.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace liveview {

struct StreamInsert
{
    QString domId;
    QVariant item;
    int at = -1;    // -1 append, 0 prepend, n: at child index n
    QVariant limit; // nil, or keep the first (positive) / last (negative) n children
    bool updateOnly = false;
};

// What a template receives as `@streams.<name>`; iterate it with `:for={{dom_id, item} <- ...}`.
struct StreamState
{
    QString ref; // the client's name for this stream ("0", "1", ... per view)
    QList<StreamInsert> inserts;
    QStringList deletes;
    bool reset = false;
    bool hasOperations() const { return !inserts.isEmpty() || !deletes.isEmpty() || reset; }
};

} // namespace liveview

Q_DECLARE_METATYPE(liveview::StreamState)
