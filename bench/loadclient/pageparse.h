// Extracts what a LiveView client needs from a dead-rendered page: csrf, container, cookies.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct LivePage
{
    QString csrf;
    QString containerId;
    QString session;
    QString staticToken;     // empty means the join sends null
    QByteArray cookieHeader; // "a=1; b=2", ready for the Cookie request header
};

// Returns an empty string on success, otherwise what was missing.
QString parseLivePage(const QByteArray &html, const QList<QByteArray> &setCookies, LivePage &out);
