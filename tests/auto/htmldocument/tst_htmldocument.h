#pragma once
// Test class declaration apart from its HTML-heavy source (moc misreads some string escapes).

#include <QObject>

class tst_HtmlDocument : public QObject
{
    Q_OBJECT
private slots:
    void select_data();
    void select();
    void badSelectors_data();
    void badSelectors();
    void elementAccessors();
    void serialization();
    void fragmentsWithSeveralRoots();
    void scopedSelectFromElement();
};
