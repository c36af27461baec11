#pragma once
// Test class declaration apart from its JSON-heavy source (moc misreads some string escapes).

#include <QObject>

class tst_SharedStatics : public QObject
{
    Q_OBJECT
private slots:
    void share_data();
    void share();
};
