// Phoenix channel v2 frames the load client sends and the replies it inspects.
#pragma once

#include <QString>

struct LivePage;

// The join a browser sends for the page's main view (join_ref and ref are both "4").
QString joinFrame(const LivePage &page, const QString &pageUrl);
QString heartbeatFrame(const QString &ref);

struct PhxReply
{
    bool isReply = false; // false for pushes (diff, phx_error, …)
    QString ref;
    bool ok = false;
    bool hasRendered = false; // response carries a rendered tree, i.e. a real mount
    QString summary;          // short payload text for error reports
};

PhxReply parseReply(const QString &frame);

inline const QString kJoinRef = QStringLiteral("4");
