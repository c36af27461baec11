// Form: casting, each validator, touched-field tracking and the template view.
#include <liveview/form.h>

#include <QtTest>

using namespace liveview;

class tst_Form : public QObject
{
    Q_OBJECT

    static FormSchema schema()
    {
        FormSchema s;
        s.field("name").required("name").length("name", 3, 10);
        s.field("email").format("email", QRegularExpression("^[^@]+@[^@]+$"), "must be an email");
        s.field("age", FormSchema::Type::Integer).numberRange("age", 0, 150);
        s.field("role").inclusion("role", {"admin", "user"});
        s.field("newsletter", FormSchema::Type::Boolean);
        s.field("password").custom("password", [](const QVariant &v, const QVariantMap &all) {
            return v.toString() == all.value("name").toString()
                       ? QStringLiteral("must differ from the name")
                       : QString();
        });
        return s;
    }

private slots:
    void validation_data()
    {
        QTest::addColumn<QVariantMap>("fields");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("errors");
        const QVariantMap ok{{"name", "Alice"},
                             {"email", "a@b.c"},
                             {"age", "30"},
                             {"role", "user"},
                             {"password", "x"}};
        auto with = [&](const char *key, const QVariant &v) {
            QVariantMap m = ok;
            m.insert(key, v);
            return m;
        };
        QTest::newRow("valid") << ok << "name" << QStringList{};
        QTest::newRow("required") << with("name", "  ") << "name"
                                  << QStringList{"can't be blank", "must be at least 3 characters"};
        QTest::newRow("too short")
            << with("name", "Al") << "name" << QStringList{"must be at least 3 characters"};
        QTest::newRow("too long") << with("name", "Alexandrina!") << "name"
                                  << QStringList{"must be at most 10 characters"};
        QTest::newRow("format") << with("email", "nope") << "email"
                                << QStringList{"must be an email"};
        QTest::newRow("integer cast")
            << with("age", "thirty") << "age" << QStringList{"is invalid"};
        QTest::newRow("number range")
            << with("age", "200") << "age" << QStringList{"must be less than or equal to 150"};
        QTest::newRow("inclusion") << with("role", "root") << "role" << QStringList{"is invalid"};
        QTest::newRow("custom sees all values")
            << with("password", "Alice") << "password" << QStringList{"must differ from the name"};
    }
    void validation()
    {
        QFETCH(QVariantMap, fields);
        QFETCH(QString, field);
        QFETCH(QStringList, errors);
        const Form form =
            Form::fromParams(schema(), "user", {{"user", fields}}, Form::Action::Submit);
        QCOMPARE(form.errors(field), errors);
        QCOMPARE(form.isValid(), errors.isEmpty());
    }

    void typedValues()
    {
        const Form form = Form::fromParams(
            schema(), "user", {{"user", QVariantMap{{"age", "42"}, {"newsletter", "true"}}}},
            Form::Action::Validate);
        QCOMPARE(form.values().value("age").toLongLong(), 42);
        QCOMPARE(form.values().value("newsletter").toBool(), true);
        // An unchecked checkbox is absent from the form data: false, not nil.
        const Form unchecked =
            Form::fromParams(schema(), "user", {{"user", QVariantMap{}}}, Form::Action::Validate);
        QCOMPARE(unchecked.values().value("newsletter").toBool(), false);
        QVERIFY(!unchecked.values().value("age").isValid());
    }

    void listFields()
    {
        FormSchema s;
        s.field("tags", FormSchema::Type::List)
            .custom("tags", [](const QVariant &v, const QVariantMap &) {
                return v.toStringList().size() > 2 ? QStringLiteral("at most 2 tags") : QString();
            });
        const Form two = Form::fromParams(
            s, "post", {{"post", QVariantMap{{"tags", QVariantList{"", "a", "b"}}}}},
            Form::Action::Submit);
        QCOMPARE(two.values().value("tags").toStringList(), (QStringList{"a", "b"}));
        QVERIFY(two.isValid());
        const Form none =
            Form::fromParams(s, "post", {{"post", QVariantMap{}}}, Form::Action::Submit);
        QVERIFY(none.values().value("tags").toStringList().isEmpty());
        const Form three = Form::fromParams(
            s, "post", {{"post", QVariantMap{{"tags", QVariantList{"a", "b", "c"}}}}},
            Form::Action::Submit);
        QCOMPARE(three.errors("tags"), QStringList{"at most 2 tags"});
    }

    void errorsShowOnlyForTouchedFieldsWhileTyping()
    {
        const QVariantMap params{
            {"user", QVariantMap{{"name", "Al"}, {"_unused_email", ""}, {"email", ""}}}};
        const QVariantMap typing =
            Form::fromParams(schema(), "user", params, Form::Action::Validate).toVariant().toMap();
        QCOMPARE(typing.value("name").toMap().value("visible_errors").toStringList(),
                 QStringList{"must be at least 3 characters"});
        QVERIFY(typing.value("email").toMap().value("visible_errors").toStringList().isEmpty());
        QVERIFY(!typing.value("email").toMap().value("errors").toStringList().isEmpty());
        QCOMPARE(typing.value("email").toMap().value("used").toBool(), false);
        // Submitting shows every error.
        const QVariantMap submitted =
            Form::fromParams(schema(), "user", params, Form::Action::Submit).toVariant().toMap();
        QVERIFY(!submitted.value("email").toMap().value("visible_errors").toStringList().isEmpty());
    }

    void templateView()
    {
        const QVariantMap view =
            Form::empty(schema(), "user", {{"name", "Bo"}}).toVariant().toMap();
        const QVariantMap name = view.value("name").toMap();
        QCOMPARE(name.value("name").toString(), QStringLiteral("user[name]"));
        QCOMPARE(name.value("id").toString(), QStringLiteral("user_name"));
        QCOMPARE(name.value("value").toString(), QStringLiteral("Bo"));
        QVERIFY(name.value("errors").toStringList().isEmpty()); // an empty form shows no errors
    }
};

QTEST_GUILESS_MAIN(tst_Form)
#include "tst_form.moc"
