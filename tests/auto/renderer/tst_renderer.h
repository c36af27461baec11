#pragma once
// Test class declaration, apart from the data-heavy source so that moc never reads
// the raw JSON strings (moc mangles \" and \u escapes inside raw string literals).

#include <QObject>

class tst_Renderer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullRender_data();
    void fullRender();
    void diff_data();
    void diff();
    void untouchedDynamicsAreNotEvaluated();
    void unchangedLoopEntriesAreNotEvaluated();
    void evaluationErrorsThrow();
};
