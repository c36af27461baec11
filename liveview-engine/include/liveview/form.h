#pragma once
// Forms with live validation, in the spirit of Ecto changesets: a schema declares typed fields
// and validators; each phx-change/phx-submit builds a Form from the client's params; templates
// read `@form.<field>.value / .errors / .visible_errors / .id / .name`.

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <functional>
#include <vector>

namespace liveview {

class FormSchema
{
public: // List: several values under one name (`tags[]`, multi-selects, checkbox groups).
    enum class Type
    {
        String,
        Integer,
        Number,
        Boolean,
        List
    };
    // A custom check: returns an error message, or an empty string when the value is fine.
    using Check = std::function<QString(const QVariant &value, const QVariantMap &allValues)>;

    FormSchema &field(const QString &name, Type type = Type::String);
    FormSchema &required(const QString &field,
                         const QString &message = QStringLiteral("can't be blank"));
    // Lengths count characters; max < 0 means no maximum.
    FormSchema &length(const QString &field, int min, int max = -1);
    FormSchema &format(const QString &field, const QRegularExpression &pattern,
                       const QString &message);
    FormSchema &numberRange(const QString &field, double min, double max);
    FormSchema &inclusion(const QString &field, const QStringList &allowed,
                          const QString &message = QStringLiteral("is invalid"));
    FormSchema &custom(const QString &field, Check check);

    struct Field
    {
        QString name;
        Type type = Type::String;
        std::vector<Check> checks;
    };
    const std::vector<Field> &fields() const { return m_fields; }

private:
    Field &fieldNamed(const QString &name);
    std::vector<Field> m_fields;
};

class Form
{
public:
    // What the user did: typing (validate) shows errors only for fields the user has touched;
    // submitting shows them all.
    enum class Action
    {
        None,
        Validate,
        Submit
    };

    // An empty form (first render, or reset after a successful save).
    static Form empty(const FormSchema &schema, const QString &name,
                      const QVariantMap &defaults = {});
    // From an event's params: the values under `name` ("user" for user[email]=...), typed and
    // validated. `_unused_<field>` markers sent by the client mark untouched fields.
    static Form fromParams(const FormSchema &schema, const QString &name, const QVariantMap &params,
                           Action action);

    bool isValid() const { return m_errors.isEmpty(); }
    QVariantMap values() const { return m_values; }
    QStringList errors(const QString &field) const { return m_errors.value(field); }
    // The template value: {name, id, valid, <field>: {name, id, value, errors, visible_errors,
    // used}}.
    QVariant toVariant() const;

private:
    QString m_name;
    Action m_action = Action::None;
    std::vector<QString> m_fieldOrder;
    QVariantMap m_raw;    // as typed, shown back in inputs
    QVariantMap m_values; // typed
    QHash<QString, QStringList> m_errors;
    QSet<QString> m_used;
};

} // namespace liveview
