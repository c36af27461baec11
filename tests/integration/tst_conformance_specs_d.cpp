// The fixtures of whole spec files livedeck-conformance serves (spec_lives_d): /select's error
// classes and timers' buttons, /form-unsaved's dirty flag and navigation link, the inputs
// /form/dynamic-inputs adds and removes through its own params, /form/feedback's counters and
// feedback attribute, /components' focus wraps, and the stream rendered inside a comprehension.
#include <fixture_router.h>
#include <spec_lives_d.h>

#include <liveview/testing/live_view_test.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace liveview;
using namespace liveview::testing;

namespace {
QStringList childIds(LiveViewTest &lv, const QString &selector)
{
    QStringList out;
    for (const HtmlElement &e : lv.document().select(selector))
        out << e.id();
    return out;
}

QString text(LiveViewTest &lv, const QString &selector)
{
    return lv.element(selector).element().textContent().simplified();
}

// What the specs read with Object.fromEntries(new FormData(form)): the named inputs of the
// page's form (checkboxes only when checked), a later one of the same name winning.
QVariantMap formData(LiveViewTest &lv)
{
    QVariantMap data;
    for (const HtmlElement &input : lv.document().select("form input")) {
        const QString name = input.attribute("name");
        const QString type = input.attribute("type");
        const bool checkable = type == u"checkbox" || type == u"radio";
        if (name.isEmpty() || type == u"button" || type == u"submit" ||
            (checkable && !input.hasAttribute("checked")))
            continue;
        data.insert(name, input.hasAttribute("value") ? input.attribute("value")
                          : checkable                 ? QStringLiteral("on")
                                                      : QString());
    }
    return data;
}

// The params of a change event the client sends for /form/dynamic-inputs (as Plug nests them).
QVariantMap myForm(const QVariantMap &fields)
{
    return {{"my_form", fields}};
}

QVariantMap user(const char *persistentId, const char *name)
{
    return {{"_persistent_id", persistentId}, {"name", name}};
}
} // namespace

class tst_ConformanceSpecsD : public QObject
{
    Q_OBJECT
    std::shared_ptr<Router> router = conformance::fixtureRouter();
    LiveTestApp app{router};

private slots:
    void routesAreInUpstreamsLiveSessions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("session");
        for (const char *pattern : {"/select", "/form-unsaved", "/form-unsaved/target",
                                    "/form/dynamic-inputs", "/components", "/stream/inside-for"})
            QTest::newRow(pattern) << pattern << "default";
        // Its own layout upstream: outside every live session.
        QTest::newRow("/form/feedback") << "/form/feedback"
                                        << "";
    }
    void routesAreInUpstreamsLiveSessions()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, session);
        QVERIFY(router->match(pattern).isValid());
        QCOMPARE(router->sessionOf(pattern), session);
    }

    // --- /select ---

    void selectStartsWithoutErrors()
    {
        LiveViewTest lv = live(app, "/select");
        QCOMPARE(lv.element("#select_form_select3 option[selected]").element().attribute("value"),
                 QStringLiteral("2"));
        QCOMPARE(lv.element("#select_form_select3").element().attribute("name"),
                 QStringLiteral("select_form[select3]"));
        QVERIFY(!lv.hasElement("select.has-error"));
        QCOMPARE(lv.document().select("#select_form_select1 option").size(), 2);
        QCOMPARE(lv.document().select("#select_form_select2 option").size(), 10);
        QVERIFY(!lv.hasElement("#select_form_select2 option[selected]"));
        QCOMPARE(lv.element("#select_form_select4 option[selected]").element().attribute("value"),
                 QStringLiteral("1"));
    }

    void selectErrorClassFollowsValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("error");
        QTest::newRow("3 is not above 5") << "select_form[select3]"
                                          << "3" << true;
        QTest::newRow("5 is not above 5") << "select_form[select3]"
                                          << "5" << true;
        QTest::newRow("6 is valid") << "select_form[select3]"
                                    << "6" << false;
        QTest::newRow("10 is valid") << "select_form[select3]"
                                     << "10" << false;
        // select3 still holds 2, but the client marks it unused: its error stays hidden.
        QTest::newRow("an unused select shows no error") << "select_form[select1]"
                                                         << "are fixed" << false;
    }
    void selectErrorClassFollowsValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, error);
        LiveViewTest lv = live(app, "/select");
        lv.element("form").renderChange({{field, value}});
        QCOMPARE(lv.element("#select_form_select3").element().classes().contains("has-error"),
                 error);
        QCOMPARE(lv.document().select("select.has-error").size(), error ? 1 : 0);
    }

    void selectErrorGoesAwayWithAValidValue()
    {
        LiveViewTest lv = live(app, "/select");
        lv.element("form").renderChange({{"select_form[select3]", "3"}});
        QVERIFY(lv.hasElement("#select_form_select3.has-error"));
        QCOMPARE(lv.element("#select_form_select3 option[selected]").element().attribute("value"),
                 QStringLiteral("3"));
        lv.element("form").renderChange({{"select_form[select3]", "6"}});
        QVERIFY(!lv.hasElement("#select_form_select3.has-error"));
        QCOMPARE(lv.element("#select_form_select3 option[selected]").element().attribute("value"),
                 QStringLiteral("6"));
    }

    void selectTimersSwapTheirButtons()
    {
        LiveViewTest lv = live(app, "/select");
        lv.element("button", "Enable ticking").renderClick();
        QVERIFY(lv.hasElement("button", "Disable ticking"));
        lv.element("button", "Disable ticking").renderClick();
        QVERIFY(lv.hasElement("button", "Enable ticking"));
        lv.element("button", "Schedule select2 update").renderClick();
        QCOMPARE(text(lv, "span"), QStringLiteral("Select 2 will update in 5s"));
        QVERIFY(!lv.hasElement("button", "Schedule select2 update"));
        QVERIFY(lv.hasElement("button", "Schedule select4 update"));
    }

    // --- /form-unsaved ---

    void unsavedFormTracksItsDirtyState()
    {
        LiveViewTest lv = live(app, "/form-unsaved");
        QVERIFY(lv.hasElement("#unsaved-form[data-dirty=false]"));
        QCOMPARE(text(lv, "#unsaved-value"), QStringLiteral("Unsaved value:"));
        lv.element("#unsaved-form").renderChange({{"note", "draft"}});
        QVERIFY(lv.hasElement("#unsaved-form[data-dirty=true]"));
        QCOMPARE(text(lv, "#unsaved-value"), QStringLiteral("Unsaved value: draft"));
        QCOMPARE(lv.element("#unsaved-note").element().attribute("value"), QStringLiteral("draft"));
        lv.element("#unsaved-form").renderChange({{"note", ""}});
        QVERIFY(lv.hasElement("#unsaved-form[data-dirty=false]"));
    }

    void unsavedFormLinksToItsTargetWithTheListenersInstalled()
    {
        LiveViewTest lv = live(app, "/form-unsaved");
        const HtmlElement link = lv.element("a", "Leave form").element();
        QCOMPARE(link.attribute("href"), QStringLiteral("/form-unsaved/target"));
        QCOMPARE(link.attribute("data-phx-link"), QStringLiteral("redirect"));
        // The script runs from the first render's HTML, before the LiveSocket connects.
        const QString page = lv.deadRender();
        QVERIFY(page.contains("phx:before-navigate"));
        QVERIFY(page.contains("You have unsaved changes. Leave without saving?"));
        QVERIFY(page.indexOf("phx:before-navigate") < page.indexOf("id=\"unsaved-form\""));
        LiveViewTest target = live(app, "/form-unsaved/target");
        QCOMPARE(text(target, "h1"), QStringLiteral("Unsaved form target"));
    }

    // --- /form/dynamic-inputs ---

    void dynamicInputsBuildUsers_data()
    {
        QTest::addColumn<QVariantMap>("users");
        QTest::addColumn<QVariant>("sort");
        QTest::addColumn<QVariant>("drop");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("persistentIds");
        const QVariant none;
        QTest::newRow("a new user")
            << QVariantMap() << QVariant(QVariantList{"new"}) << QVariant(QVariantList{""})
            << QStringList{"nil"} << QStringList{"0"};
        QTest::newRow("sorted, then a new one")
            << QVariantMap{{"0", user("0", "A")}, {"1", user("1", "B")}}
            << QVariant(QVariantList{"1", "0", "new"}) << QVariant(QVariantList{""})
            << QStringList{"B", "A", "nil"} << QStringList{"1", "0", "2"};
        QTest::newRow("the dropped one is gone, ids stay")
            << QVariantMap{{"0", user("0", "A")}, {"1", user("1", "B")}, {"2", user("2", "C")}}
            << QVariant(QVariantList{"0", "1", "2"}) << QVariant(QVariantList{"1", ""})
            << QStringList{"A", "C"} << QStringList{"0", "2"};
        QTest::newRow("unsorted ones follow the sorted")
            << QVariantMap{{"0", user("0", "A")}, {"1", user("1", "B")}}
            << QVariant(QVariantList{"1"}) << QVariant(QVariantList{}) << QStringList{"B", "A"}
            << QStringList{"1", "0"};
        QTest::newRow("without sort: keys as integers")
            << QVariantMap{{"10", QVariantMap{{"name", "X"}}}, {"9", QVariantMap{{"name", "Y"}}}}
            << none << none << QStringList{"Y", "X"} << QStringList{"0", "1"};
        QTest::newRow("a new id skips the ids taken")
            << QVariantMap{{"0", user("1", "A")}, {"1", QVariantMap{{"name", "B"}}}} << none << none
            << QStringList{"A", "B"} << QStringList{"1", "2"};
    }
    void dynamicInputsBuildUsers()
    {
        QFETCH(QVariantMap, users);
        QFETCH(QVariant, sort);
        QFETCH(QVariant, drop);
        QFETCH(QStringList, names);
        QFETCH(QStringList, persistentIds);
        using conformance::FormDynamicInputsLive;
        const QVariantList entries =
            FormDynamicInputsLive::entries(FormDynamicInputsLive::buildUsers(users, sort, drop));
        QStringList gotNames, gotIds;
        for (int i = 0; i < entries.size(); ++i) {
            const QVariantMap e = entries.at(i).toMap();
            const QVariant value = e.value("value");
            gotNames << (value.isValid() ? value.toString() : QStringLiteral("nil"));
            gotIds << e.value("persistent_id").toString();
            QCOMPARE(e.value("name").toString(), QStringLiteral("my_form[users][%1][name]").arg(i));
            QCOMPARE(e.value("id").toString(),
                     QStringLiteral("my-form_users_%1_name").arg(gotIds.last()));
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotIds, persistentIds);
    }

    void dynamicInputsAddAndRemoveWithButtons()
    {
        LiveViewTest lv = live(app, "/form/dynamic-inputs");
        QCOMPARE(formData(lv), (QVariantMap{{"my_form[name]", ""}, {"my_form[users_drop][]", ""}}));
        const HtmlElement add = lv.element("button", "add more").element();
        QCOMPARE(add.attribute("name"), QStringLiteral("my_form[users_sort][]"));
        QCOMPARE(add.attribute("value"), QStringLiteral("new"));
        QCOMPARE(QJsonDocument::fromJson(add.attribute("phx-click").toUtf8()).array(),
                 QJsonArray{QJsonValue(QJsonArray{"dispatch", QJsonObject{{"event", "change"}}})});

        lv.element("form").renderChange({{"my_form[name]", "Test"}});
        // "add more" as the client sends it: the button is the submitter of the change event.
        lv.renderEvent("validate", myForm({{"name", "Test"},
                                           {"users_drop", QVariantList{""}},
                                           {"users_sort", QVariantList{"new"}}}));
        QVariantMap data = formData(lv);
        QCOMPARE(data.value("my_form[name]").toString(), QStringLiteral("Test"));
        QVERIFY(data.contains("my_form[users][0][name]"));
        QCOMPARE(data.value("my_form[users][0][name]").toString(), QString());
        QCOMPARE(data.value("my_form[users][0][_persistent_id]").toString(), QStringLiteral("0"));
        QCOMPARE(data.value("my_form[users_sort][]").toString(), QStringLiteral("0"));
        QVERIFY(lv.hasElement("#my-form_users_0_name"));

        lv.element("form").renderChange({{"my_form[users][0][name]", "User A"}});
        lv.renderEvent("validate", myForm({{"name", "Test"},
                                           {"users", QVariantMap{{"0", user("0", "User A")}}},
                                           {"users_drop", QVariantList{""}},
                                           {"users_sort", QVariantList{"0", "new"}}}));
        lv.renderEvent(
            "validate",
            myForm({{"name", "Test"},
                    {"users", QVariantMap{{"0", user("0", "User A")}, {"1", user("1", "")}}},
                    {"users_drop", QVariantList{""}},
                    {"users_sort", QVariantList{"0", "1", "new"}}}));
        lv.element("form").renderChange(
            {{"my_form[users][1][name]", "User B"}, {"my_form[users][2][name]", "User C"}});
        data = formData(lv);
        QCOMPARE(data.value("my_form[users][0][name]").toString(), QStringLiteral("User A"));
        QCOMPARE(data.value("my_form[users][1][name]").toString(), QStringLiteral("User B"));
        QCOMPARE(data.value("my_form[users][2][name]").toString(), QStringLiteral("User C"));
        QCOMPARE(data.value("my_form[users_drop][]").toString(), QString());
        QCOMPARE(lv.document().select("button[name=\"my_form[users_drop][]\"]").size(), 3);

        // Remove User B: its button's value joins the dropped ones.
        lv.element("form").renderChange({{"my_form[users_drop][]", "1"}});
        data = formData(lv);
        QCOMPARE(data.value("my_form[name]").toString(), QStringLiteral("Test"));
        QCOMPARE(data.value("my_form[users][0][name]").toString(), QStringLiteral("User A"));
        QCOMPARE(data.value("my_form[users][1][name]").toString(), QStringLiteral("User C"));
        QVERIFY(!data.contains("my_form[users][2][name]"));
        // User C keeps its persistent id in its input's id.
        QCOMPARE(lv.element("#my-form_users_2_name").element().attribute("name"),
                 QStringLiteral("my_form[users][1][name]"));
        QVERIFY(!lv.hasElement("#my-form_users_1_name"));
    }

    void dynamicInputsWithCheckboxes()
    {
        LiveViewTest lv = live(app, "/form/dynamic-inputs?checkboxes=1");
        QVERIFY(!lv.hasElement("button"));
        QCOMPARE(formData(lv), (QVariantMap{{"my_form[name]", ""}, {"my_form[users_drop][]", ""}}));
        QVERIFY(lv.hasElement("label", "add more"));
        // Clicking the label checks the box: the change event sends it as "on".
        lv.element("form").renderChange({{"my_form[users_sort][]", "on"}});
        QVERIFY(lv.hasElement("#my-form_users_0_name"));
        QCOMPARE(lv.element("label input[type=checkbox][name=\"my_form[users_drop][]\"]")
                     .element()
                     .attribute("value"),
                 QStringLiteral("0"));
        lv.renderEvent(
            "validate",
            myForm({{"name", ""},
                    {"users", QVariantMap{{"0", user("0", "User A")}, {"1", user("1", "User B")}}},
                    {"users_drop", QVariantList{"0", ""}},
                    {"users_sort", QVariantList{"0", "1"}}}));
        const QVariantMap data = formData(lv);
        QCOMPARE(data.value("my_form[users][0][name]").toString(), QStringLiteral("User B"));
        QVERIFY(!data.contains("my_form[users][1][name]"));
        QVERIFY(lv.hasElement("#my-form_users_1_name"));
    }

    void dynamicInputsSubmit()
    {
        LiveViewTest lv = live(app, "/form/dynamic-inputs");
        QVERIFY(!lv.hasElement("p", "Form was submitted!"));
        lv.element("form").renderSubmit({{"my_form[name]", "Saved"}});
        QVERIFY(lv.hasElement("p", "Form was submitted!"));
        QCOMPARE(lv.element("#my-form_name").element().attribute("value"), QStringLiteral("Saved"));
    }

    void dynamicInputsWithoutFormParamsCrash()
    {
        LiveViewTest lv = live(app, "/form/dynamic-inputs");
        try {
            lv.renderEvent("validate", {{"other", "x"}});
        } catch (const HarnessError &) {
        }
        QVERIFY(lv.isCrashed());
    }

    // --- /form/feedback ---

    void feedbackCountsEvents()
    {
        LiveViewTest lv = live(app, "/form/feedback");
        QVERIFY(lv.hasElement("div[phx-feedback-for=myfeedback][data-feedback-container]"));
        lv.element("button", "+").renderClick();
        QVERIFY(lv.hasElement("p", "Button Count: 1"));
        lv.element("button", "-").renderClick();
        lv.element("button", "-").renderClick();
        QVERIFY(lv.hasElement("p", "Button Count: -1"));
        lv.element("#myform").renderChange({{"name", "Test"}});
        QVERIFY(lv.hasElement("p", "Validate Count: 1"));
        lv.element("#myform").renderChange({{"myfeedback", "Test"}});
        QVERIFY(lv.hasElement("p", "Validate Count: 2"));
        lv.element("#myform").renderSubmit();
        QVERIFY(lv.hasElement("p", "Submit Count: 1"));
    }

    void feedbackAttributeToggles()
    {
        LiveViewTest lv = live(app, "/form/feedback");
        lv.element("button", "Toggle feedback").renderClick();
        QVERIFY(lv.hasElement("[data-feedback-container]"));
        QVERIFY(!lv.hasElement("[phx-feedback-for]"));
        lv.element("button", "Toggle feedback").renderClick();
        QVERIFY(lv.hasElement("[data-feedback-container][phx-feedback-for=myfeedback]"));
    }

    // --- /components ---

    void componentsRenderTheFocusWraps_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("the tab asked for") << "/components?tab=focus_wrap";
        QTest::newRow("the default tab") << "/components";
    }
    void componentsRenderTheFocusWraps()
    {
        QFETCH(QString, path);
        LiveViewTest lv = live(app, path);
        for (const QString id : {"dropdown-content", "simple-focus-container"}) {
            QCOMPARE(lv.element("#" + id).element().attribute("phx-hook"),
                     QStringLiteral("Phoenix.FocusWrap"));
            for (const char *edge : {"-start", "-end"}) {
                const HtmlElement sentinel = lv.element("#" + id + edge).element();
                QCOMPARE(sentinel.attribute("tabindex"), QStringLiteral("0"));
                QCOMPARE(sentinel.attribute("aria-hidden"), QStringLiteral("true"));
            }
        }
        // The sentinels are the wrap's first and last children.
        const QList<HtmlElement> children = lv.element("#dropdown-content").element().children();
        QCOMPARE(children.first().id(), QStringLiteral("dropdown-content-start"));
        QCOMPARE(children.last().id(), QStringLiteral("dropdown-content-end"));
        QCOMPARE(lv.document().select("#dropdown-content button").size(), 3);
        QCOMPARE(lv.document().select("#simple-focus-container button").size(), 2);
        QVERIFY(lv.hasElement("#simple-focus-container input[type=text]"));
        QVERIFY(lv.element("#dropdown-menu").element().classes().contains("hidden"));
        QVERIFY(lv.element("a[data-phx-link=patch]", "Focus Wrap")
                    .element()
                    .classes()
                    .contains("border-blue-500"));
    }

    void componentsEncodeTheDropdownCommands()
    {
        LiveViewTest lv = live(app, "/components?tab=focus_wrap");
        const QJsonArray open =
            QJsonDocument::fromJson(
                lv.element("#dropdown-button").element().attribute("phx-click").toUtf8())
                .array();
        QCOMPARE(open,
                 (QJsonArray{QJsonArray{"toggle", QJsonObject{{"to", "#dropdown-menu"}}},
                             QJsonArray{"focus_first", QJsonObject{{"to", "#dropdown-content"}}}}));
        for (const HtmlElement &item : lv.document().select("#dropdown-content button"))
            QCOMPARE(
                QJsonDocument::fromJson(item.attribute("phx-click").toUtf8()).array(),
                QJsonArray{QJsonValue(QJsonArray{"hide", QJsonObject{{"to", "#dropdown-menu"}}})});
    }

    void componentsTabFollowsThePatch()
    {
        LiveViewTest lv = live(app, "/components?tab=focus_wrap");
        lv.renderPatch("/components?tab=other");
        QVERIFY(!lv.hasElement("#dropdown-content"));
        QVERIFY(!lv.hasElement("#simple-focus-container"));
        QVERIFY(lv.element("a", "Focus Wrap").element().classes().contains("border-transparent"));
        lv.renderPatch("/components?tab=focus_wrap");
        QVERIFY(lv.hasElement("#dropdown-content"));
    }

    // --- /stream/inside-for ---

    void streamInsideForFillsFromAsync()
    {
        LiveViewTest lv = live(app, "/stream/inside-for");
        QVERIFY(lv.hasElement("div > ul#thelist[phx-update=stream]"));
        QVERIFY(childIds(lv, "#thelist > li").isEmpty());
        lv.renderAsync();
        QCOMPARE(childIds(lv, "#thelist > li"),
                 (QStringList{"items-a", "items-b", "items-c", "items-d"}));
        QStringList texts;
        for (const HtmlElement &li : lv.document().select("#thelist > li"))
            texts << li.textContent().trimmed();
        QCOMPARE(texts, (QStringList{"A", "B", "C", "D"}));
    }
};

QTEST_GUILESS_MAIN(tst_ConformanceSpecsD)
#include "tst_conformance_specs_d.moc"
