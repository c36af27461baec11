// Form schemas, casting, validation and the template view of a form.
#include "liveview/form.h"

#include "../template/value_format.h"

namespace liveview {

FormSchema::Field &FormSchema::fieldNamed(const QString &name)
{
    for (Field &f : m_fields)
        if (f.name == name)
            return f;
    m_fields.push_back(Field{name, Type::String, {}});
    return m_fields.back();
}

FormSchema &FormSchema::field(const QString &name, Type type)
{
    fieldNamed(name).type = type;
    return *this;
}

FormSchema &FormSchema::required(const QString &field, const QString &message)
{
    return custom(field, [message](const QVariant &v, const QVariantMap &) {
        return internal::toText(v).trimmed().isEmpty() ? message : QString();
    });
}

FormSchema &FormSchema::length(const QString &field, int min, int max)
{
    return custom(field, [min, max](const QVariant &v, const QVariantMap &) {
        const qsizetype n = internal::toText(v).size();
        if (n < min)
            return QStringLiteral("must be at least %1 characters").arg(min);
        if (max >= 0 && n > max)
            return QStringLiteral("must be at most %1 characters").arg(max);
        return QString();
    });
}

FormSchema &FormSchema::format(const QString &field, const QRegularExpression &pattern,
                               const QString &message)
{
    return custom(field, [pattern, message](const QVariant &v, const QVariantMap &) {
        return pattern.match(internal::toText(v)).hasMatch() ? QString() : message;
    });
}

FormSchema &FormSchema::numberRange(const QString &field, double min, double max)
{
    return custom(field, [min, max](const QVariant &v, const QVariantMap &) {
        if (internal::isNil(v))
            return QString();
        const double d = v.toDouble();
        if (d < min)
            return QStringLiteral("must be greater than or equal to %1").arg(min);
        if (d > max)
            return QStringLiteral("must be less than or equal to %1").arg(max);
        return QString();
    });
}

FormSchema &FormSchema::inclusion(const QString &field, const QStringList &allowed,
                                  const QString &message)
{
    return custom(field, [allowed, message](const QVariant &v, const QVariantMap &) {
        const QString text = internal::toText(v);
        return text.isEmpty() || allowed.contains(text) ? QString() : message;
    });
}

FormSchema &FormSchema::custom(const QString &field, Check check)
{
    fieldNamed(field).checks.push_back(std::move(check));
    return *this;
}

namespace {

// Casts the submitted text to the field's type; an invalid number is an error, not a crash.
QVariant cast(const QVariant &raw, FormSchema::Type type, bool *ok)
{
    *ok = true;
    const QString text = internal::toText(raw).trimmed();
    switch (type) {
    case FormSchema::Type::String:
        return internal::toText(raw);
    case FormSchema::Type::Boolean:
        return text == u"true" || text == u"on" || text == u"1";
    case FormSchema::Type::List: {
        // `tags[]=a&tags[]=b` decodes to a list; a single value (or none) is normalized.
        QStringList values;
        if (raw.typeId() == QMetaType::QVariantList || raw.typeId() == QMetaType::QStringList) {
            for (const QVariant &v : raw.toList())
                values << internal::toText(v);
        } else if (!text.isEmpty()) {
            values << internal::toText(raw);
        }
        values.removeAll(QString()); // the hidden "" a form sends so that "none selected" arrives
        return values;
    }
    case FormSchema::Type::Integer:
        if (text.isEmpty())
            return QVariant();
        return text.toLongLong(ok);
    case FormSchema::Type::Number:
        if (text.isEmpty())
            return QVariant();
        return text.toDouble(ok);
    }
    return raw;
}

} // namespace

Form Form::empty(const FormSchema &schema, const QString &name, const QVariantMap &defaults)
{
    Form f;
    f.m_name = name;
    for (const FormSchema::Field &field : schema.fields()) {
        f.m_fieldOrder.push_back(field.name);
        f.m_raw.insert(field.name, defaults.value(field.name, QString()));
        bool ok = true;
        f.m_values.insert(field.name, cast(f.m_raw.value(field.name), field.type, &ok));
    }
    return f;
}

Form Form::fromParams(const FormSchema &schema, const QString &name, const QVariantMap &params,
                      Action action)
{
    Form f = empty(schema, name);
    f.m_action = action;
    const QVariantMap submitted = params.value(name).toMap();
    for (const FormSchema::Field &field : schema.fields()) {
        const QVariant raw = submitted.value(
            field.name, field.type == FormSchema::Type::Boolean ? QVariant(QStringLiteral("false"))
                        : field.type == FormSchema::Type::List  ? QVariant(QVariantList())
                                                                : QVariant(QString()));
        f.m_raw.insert(field.name, raw);
        bool ok = true;
        f.m_values.insert(field.name, cast(raw, field.type, &ok));
        if (!ok)
            f.m_errors[field.name].append(QStringLiteral("is invalid"));
        // The client marks fields the user has not focused yet with `_unused_<field>`.
        if (!submitted.contains(QStringLiteral("_unused_") + field.name))
            f.m_used.insert(field.name);
    }
    for (const FormSchema::Field &field : schema.fields()) {
        if (f.m_errors.contains(field.name))
            continue;
        for (const FormSchema::Check &check : field.checks) {
            const QString error = check(f.m_values.value(field.name), f.m_values);
            if (!error.isEmpty())
                f.m_errors[field.name].append(error);
        }
    }
    return f;
}

QVariant Form::toVariant() const
{
    QVariantMap out{{QStringLiteral("name"), m_name},
                    {QStringLiteral("id"), m_name},
                    {QStringLiteral("valid"), isValid()}};
    for (const QString &field : m_fieldOrder) {
        const QStringList errors = m_action == Action::None ? QStringList() : m_errors.value(field);
        const bool used = m_action == Action::Submit || m_used.contains(field);
        out.insert(field, QVariantMap{
                              {QStringLiteral("name"), QStringLiteral("%1[%2]").arg(m_name, field)},
                              {QStringLiteral("id"), QStringLiteral("%1_%2").arg(m_name, field)},
                              {QStringLiteral("value"), m_raw.value(field)},
                              {QStringLiteral("errors"), errors},
                              {QStringLiteral("visible_errors"), used ? errors : QStringList()},
                              {QStringLiteral("used"), used},
                          });
    }
    return out;
}

} // namespace liveview
