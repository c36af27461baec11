// Form decoding with Plug's nesting rules, as the client encodes phx-change/phx-submit values.
#include "form/form_params.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview::internal;

class tst_FormParams : public QObject
{
    Q_OBJECT
private slots:
    void decode_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("flat") << "a=1&b=two" << QByteArray(R"({"a":"1","b":"two"})");
        QTest::newRow("plus is space")
            << "q=hello+world%21" << QByteArray(R"({"q":"hello world!"})");
        QTest::newRow("nested") << "user%5Bname%5D=Jo&user%5Bemail%5D="
                                << QByteArray(R"({"user":{"email":"","name":"Jo"}})");
        QTest::newRow("list") << "tags%5B%5D=a&tags%5B%5D=b" << QByteArray(R"({"tags":["a","b"]})");
        QTest::newRow("list of maps")
            << "u[][n]=a&u[][n]=b" << QByteArray(R"({"u":[{"n":"a"},{"n":"b"}]})");
        QTest::newRow("unused marker") << "user[_unused_email]=&user[email]="
                                       << QByteArray(R"({"user":{"_unused_email":"","email":""}})");
        QTest::newRow("no value") << "flag" << QByteArray(R"({"flag":""})");
        QTest::newRow("utf8") << "n=%C3%A9t%C3%A9" << QByteArray(R"({"n":"été"})");
        QTest::newRow("empty pairs skipped") << "&&a=1&" << QByteArray(R"({"a":"1"})");
    }
    void decode()
    {
        QFETCH(QString, encoded);
        QFETCH(QByteArray, expected);
        QCOMPARE(QJsonDocument(QJsonObject::fromVariantMap(decodeFormParams(encoded)))
                     .toJson(QJsonDocument::Compact),
                 expected);
    }
};

QTEST_GUILESS_MAIN(tst_FormParams)
#include "tst_formparams.moc"
