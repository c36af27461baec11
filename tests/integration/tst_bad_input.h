#pragma once
// Test class declaration, apart from the frame-heavy source so that moc never reads the raw
// byte strings (moc mangles some escapes inside string literals).

#include <test_router.h>

#include <liveview/testing/live_view_test.h>

#include <QObject>

class tst_BadInput : public QObject
{
    Q_OBJECT
    liveview::testing::LiveTestApp app{testviews::router()};

    // A join frame for a new topic built from a real page, with one part spoiled.
    QByteArray joinFrame(liveview::testing::LiveViewTest &lv, const QString &topic,
                         const QString &session, const QString &url, const QString &csrf);

private slots:
    void closesTheSocket_data();
    void closesTheSocket();
    void errorReply_data();
    void errorReply();
    void unknownLiveViewEvent();
    void refusedJoins_data();
    void refusedJoins();
    void validJoinOfASecondViewOnTheSameSocket();
};
