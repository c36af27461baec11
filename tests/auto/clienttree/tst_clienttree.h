#pragma once
// Test class declaration, apart from the data-heavy source so that moc never reads
// the raw JSON strings (moc mangles \" and \u escapes inside raw string literals).

#include <QObject>

class tst_ClientTree : public QObject
{
    Q_OBJECT
private slots:
    void merge_data();
    void merge();
    void extrasAreTakenOff();
    void clientCrashesAreReported_data();
    void clientCrashesAreReported();
};
