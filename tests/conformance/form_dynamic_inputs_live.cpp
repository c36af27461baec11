// /form/dynamic-inputs (forms.spec.js): inputs added and removed through the form's own params,
// and the registration of the component of one entry.
#include "form_dynamic_inputs_live.h"
#include "fixture_template.h"

#include "spec_lives_d_helpers.h"

#include <liveview/template.h>

#include <QSet>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace conformance {

using liveview::Template;

namespace {
// JS.dispatch("change") as the client reads it from phx-click.
const char *const dispatchChange = R"([["dispatch",{"event":"change"}]])";

bool isList(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList;
}
} // namespace

void registerSpecLivesDComponents()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // One entry of the users' inputs_for: the persistent id's hidden input, then the block.
        liveview::TemplateLibrary::registerComponent(
            QStringLiteral("e2e_dynamic_inputs_user"),
            compiled(
                R"(<input type="hidden" name={@user.persistent_name} value={@user.persistent_id} />
<div style="padding: 4px; border: 1px solid gray;">
  <input type="hidden" name="my_form[users_sort][]" value={@user.index} />
  <input type="text" id={@user.id} name={@user.name} value={@user.value} placeholder="name" />

  <button :if={!@checkboxes} type="button" name="my_form[users_drop][]" value={@user.index} phx-click={@remove}>
    Remove
  </button>
  <label :if={@checkboxes}>
    <input type="checkbox" name="my_form[users_drop][]" value={@user.index} /> Remove
  </label>
</div>)",
                "e2e/dynamic_inputs_user.heex"));
    });
}

QVariantMap FormDynamicInputsLive::buildUsers(const QVariantMap &users, const QVariant &sort,
                                              const QVariant &drop)
{
    if (drop.isValid() && !isList(drop))
        throw std::invalid_argument("users_drop must be a list");
    const QStringList dropped = drop.toStringList();
    QVariantMap pending = users;
    QVariantList result;
    // A users_sort that is not a list leaves the order to the keys.
    if (!sort.isValid() || isList(sort)) {
        QStringList keys = sort.toStringList();
        for (const QString &key : dropped)
            keys.removeOne(key); // sort -- drop: the first occurrence of each
        for (const QString &key : std::as_const(keys))
            result.append(pending.contains(key) ? pending.take(key)
                                                : QVariant(QVariantMap{{"name", QVariant()}}));
    }
    for (const QString &key : dropped)
        pending.remove(key);
    // The rest by key: integer keys in numeric order first, then the others as text.
    struct Rest
    {
        bool integer;
        qint64 number;
        QByteArray key;
        QVariant user;
    };
    std::vector<Rest> rest;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        Rest r{false, 0, it.key().toUtf8(), it.value()};
        r.integer = wholeInteger(it.key(), &r.number);
        rest.push_back(std::move(r));
    }
    std::stable_sort(rest.begin(), rest.end(), [](const Rest &a, const Rest &b) {
        if (a.integer != b.integer)
            return a.integer;
        return a.integer ? a.number < b.number : a.key < b.key;
    });
    for (const Rest &r : rest)
        result.append(r.user);
    QVariantMap reindexed;
    for (qsizetype i = 0; i < result.size(); ++i)
        reindexed.insert(QString::number(i), result.at(i));
    return reindexed;
}

QVariantList FormDynamicInputsLive::entries(const QVariantMap &users)
{
    const QString persistentKey = QStringLiteral("_persistent_id");
    // inputs_for takes the entries by key as text ("10" before "2"), as a QVariantMap keeps them.
    QSet<QString> seen;
    for (const QVariant &user : users) {
        const QVariant id = user.toMap().value(persistentKey);
        if (id.isValid() && !(id.typeId() == QMetaType::Bool && !id.toBool()))
            seen.insert(id.toString());
    }
    QVariantList list;
    int index = 0;
    for (const QVariant &user : users) {
        const QVariantMap params = user.toMap();
        QString id;
        if (params.contains(persistentKey)) {
            id = params.value(persistentKey).toString();
        } else {
            int next = int(seen.size());
            while (seen.contains(QString::number(next)))
                ++next;
            id = QString::number(next);
        }
        seen.insert(id);
        const QString name = QStringLiteral("my_form[users][%1]").arg(index);
        list.append(QVariantMap{{"index", index},
                                {"persistent_id", id},
                                {"persistent_name", name + QStringLiteral("[_persistent_id]")},
                                {"id", QStringLiteral("my-form_users_%1_name").arg(id)},
                                {"name", name + QStringLiteral("[name]")},
                                {"value", params.value("name")}});
        ++index;
    }
    return list;
}

void FormDynamicInputsLive::assignForm(const QVariantMap &params)
{
    assign("name", params.value("name"));
    assign("users", entries(buildUsers(params.value("users").toMap(), params.value("users_sort"),
                                       params.value("users_drop"))));
}

void FormDynamicInputsLive::mount(const QVariantMap &params, const QVariantMap &)
{
    assignForm({});
    assign("checkboxes", params.value("checkboxes").toString() == u"1");
    assign("submitted", false);
    assign("dispatch_change", dispatchChange);
}

void FormDynamicInputsLive::handleEvent(const QString &event, const QVariantMap &value)
{
    if (event != u"validate" && event != u"save")
        return LiveView::handleEvent(event, value);
    if (!value.contains("my_form"))
        throw std::invalid_argument("dynamic inputs: no my_form params");
    assignForm(value.value("my_form").toMap());
    if (event == u"save")
        assign("submitted", true);
}

Template FormDynamicInputsLive::render() const
{
    static const Template t = compiled(R"(<form
  id="my-form"
  phx-change="validate"
  phx-submit="save"
  style="display: flex; flex-direction: column; gap: 4px; max-width: 500px;"
>
  <fieldset>
    <input type="text" id="my-form_name" name="my_form[name]" value={@name} placeholder="name" />
    <.e2e_dynamic_inputs_user :for={user <- @users} user={user} checkboxes={@checkboxes} remove={@dispatch_change} />
  </fieldset>

  <input type="hidden" name="my_form[users_drop][]" />

  <button
    :if={!@checkboxes}
    type="button"
    name="my_form[users_sort][]"
    value="new"
    phx-click={@dispatch_change}
  >
    add more
  </button>
  <label :if={@checkboxes}>
    <input type="checkbox" name="my_form[users_sort][]" /> add more
  </label>
</form>

<p :if={@submitted}>Form was submitted!</p>)",
                                       "e2e/form_dynamic_inputs_live.heex");
    return t;
}

} // namespace conformance
