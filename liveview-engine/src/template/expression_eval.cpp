// Evaluation of template expressions and their dependency sets.
#include "expression.h"

#include "liveview/template.h"
#include "scope.h"
#include "value_format.h"

#include <QVariantList>
#include <QVariantMap>

namespace liveview::internal {
namespace {

QString typeName(const QVariant &v)
{
    return v.isValid() ? QString::fromLatin1(v.typeName()) : QStringLiteral("nil");
}

bool isInteger(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::UInt ||
           t == QMetaType::ULongLong;
}

bool isNumeric(const QVariant &v)
{
    const int t = v.typeId();
    return isInteger(v) || t == QMetaType::Double || t == QMetaType::Float;
}

QVariant field(const QVariant &base, const QString &name)
{
    switch (base.typeId()) {
    case QMetaType::QVariantMap:
        return base.toMap().value(name);
    case QMetaType::QVariantHash:
        return base.toHash().value(name);
    default:
        break;
    }
    if (isNil(base))
        throw EvaluationError(QStringLiteral("cannot read .%1 of nil").arg(name));
    throw EvaluationError(QStringLiteral("cannot read .%1 of a %2").arg(name, typeName(base)));
}

QVariant index(const QVariant &base, const QVariant &key)
{
    if (base.typeId() == QMetaType::QVariantList || base.typeId() == QMetaType::QStringList) {
        const QVariantList list = base.toList();
        qint64 i = key.toLongLong();
        if (i < 0)
            i += list.size();
        return i >= 0 && i < list.size() ? list.at(i) : QVariant();
    }
    if (base.typeId() == QMetaType::QVariantMap || base.typeId() == QMetaType::QVariantHash)
        return field(base, toText(key));
    if (isNil(base))
        return QVariant();
    throw EvaluationError(QStringLiteral("cannot index a %1").arg(typeName(base)));
}

QVariant arithmetic(const QString &op, const QVariant &a, const QVariant &b)
{
    if (!isNumeric(a) || !isNumeric(b))
        throw EvaluationError(
            QStringLiteral("`%1` needs numbers, got %2 and %3").arg(op, typeName(a), typeName(b)));
    if (isInteger(a) && isInteger(b) && op != u"/") {
        // Checked: a result beyond qint64 is refused, not wrapped (signed overflow is undefined
        // behaviour, which UBSan found by fuzzing: tests/fuzz/fuzz_expression.cpp).
        const qint64 x = a.toLongLong(), y = b.toLongLong();
        qint64 result = 0;
        const bool overflow = op == u"+"   ? __builtin_add_overflow(x, y, &result)
                              : op == u"-" ? __builtin_sub_overflow(x, y, &result)
                                           : __builtin_mul_overflow(x, y, &result);
        if (overflow)
            throw EvaluationError(
                QStringLiteral("integer overflow: %1 %2 %3").arg(x).arg(op).arg(y));
        return result;
    }
    const double x = a.toDouble(), y = b.toDouble();
    if (op == u"+")
        return x + y;
    if (op == u"-")
        return x - y;
    if (op == u"*")
        return x * y;
    if (y == 0)
        throw EvaluationError(QStringLiteral("division by zero"));
    return x / y;
}

int compare(const QVariant &a, const QVariant &b)
{
    if (isNumeric(a) && isNumeric(b)) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString)
        return QString::compare(a.toString(), b.toString());
    throw EvaluationError(
        QStringLiteral("cannot order a %1 and a %2").arg(typeName(a), typeName(b)));
}

// The functions of the language itself: pure, they read only their arguments.
bool isBuiltinFunction(const QString &name)
{
    return name == u"if" || name == u"raw" || name == u"length" || name == u"to_string" ||
           name == u"upcase" || name == u"downcase" || name == u"join" || name == u"upload_errors";
}

// upload_errors(@uploads.name) lists the upload's own errors (too_many_files);
// upload_errors(@uploads.name, entry) the entry's. Errors are {ref, reason} maps in the upload.
QVariantList uploadErrors(const QVariantList &args)
{
    if (args.isEmpty() || args.size() > 2)
        throw EvaluationError(
            QStringLiteral("upload_errors() takes an upload and an optional entry"));
    const QVariantMap upload = args[0].toMap();
    const QString ref =
        (args.size() == 2 ? args[1].toMap() : upload).value(QStringLiteral("ref")).toString();
    QVariantList reasons;
    for (const QVariant &error : upload.value(QStringLiteral("errors")).toList()) {
        const QVariantMap e = error.toMap();
        if (e.value(QStringLiteral("ref")).toString() == ref)
            reasons.append(e.value(QStringLiteral("reason")));
    }
    return reasons;
}

QVariant callBuiltin(const QString &name, const QVariantList &args, bool *found)
{
    *found = true;
    auto need = [&](int n) {
        if (args.size() != n)
            throw EvaluationError(QStringLiteral("%1() takes %2 argument(s)").arg(name).arg(n));
    };
    if (name == u"raw") {
        need(1);
        return QVariant::fromValue(SafeHtml{toText(args[0])});
    }
    if (name == u"length") {
        need(1);
        const QVariant &v = args[0];
        if (v.typeId() == QMetaType::QString)
            return qint64(v.toString().size());
        if (v.canConvert<QVariantList>())
            return qint64(v.toList().size());
        if (v.typeId() == QMetaType::QVariantMap)
            return qint64(v.toMap().size());
        return qint64(0);
    }
    if (name == u"to_string") {
        need(1);
        return toText(args[0]);
    }
    if (name == u"upcase" || name == u"downcase") {
        need(1);
        return name == u"upcase" ? toText(args[0]).toUpper() : toText(args[0]).toLower();
    }
    if (name == u"join") {
        if (args.isEmpty() || args.size() > 2)
            throw EvaluationError(QStringLiteral("join() takes a list and an optional separator"));
        QStringList parts;
        for (const QVariant &v : args[0].toList())
            parts << toText(v);
        return parts.join(args.size() == 2 ? toText(args[1]) : QString());
    }
    if (name == u"upload_errors")
        return uploadErrors(args);
    *found = false;
    return {};
}

} // namespace

QVariant Expression::evaluate(const Scope &scope) const
{
    switch (kind) {
    case Kind::Literal:
        return literal;
    case Kind::Assign:
        return scope.assign(name);
    case Kind::Local: {
        QVariant v;
        if (!scope.lookupLocal(name, &v))
            throw EvaluationError(QStringLiteral("undefined variable `%1`").arg(name));
        return v;
    }
    case Kind::Field:
        return field(operands[0]->evaluate(scope), name);
    case Kind::Index:
        return index(operands[0]->evaluate(scope), operands[1]->evaluate(scope));
    case Kind::List: {
        QVariantList list;
        for (const auto &o : operands)
            list.append(o->evaluate(scope));
        return list;
    }
    case Kind::Unary: {
        const QVariant v = operands[0]->evaluate(scope);
        if (name == u"!")
            return !isTruthy(v);
        return arithmetic(QStringLiteral("-"), qint64(0), v);
    }
    case Kind::Binary: {
        // Boolean operators short-circuit and return an operand, as in Elixir.
        if (name == u"&&") {
            const QVariant a = operands[0]->evaluate(scope);
            return isTruthy(a) ? operands[1]->evaluate(scope) : a;
        }
        if (name == u"||") {
            const QVariant a = operands[0]->evaluate(scope);
            return isTruthy(a) ? a : operands[1]->evaluate(scope);
        }
        const QVariant a = operands[0]->evaluate(scope);
        const QVariant b = operands[1]->evaluate(scope);
        if (name == u"<>")
            return toText(a) + toText(b);
        if (name == u"==")
            return valuesEqual(a, b);
        if (name == u"!=")
            return !valuesEqual(a, b);
        if (name == u"<")
            return compare(a, b) < 0;
        if (name == u">")
            return compare(a, b) > 0;
        if (name == u"<=")
            return compare(a, b) <= 0;
        if (name == u">=")
            return compare(a, b) >= 0;
        return arithmetic(name, a, b);
    }
    case Kind::Call: {
        // `if(cond, a, b)` evaluates only the branch it returns.
        if (name == u"if" && (operands.size() == 2 || operands.size() == 3)) {
            if (isTruthy(operands[0]->evaluate(scope)))
                return operands[1]->evaluate(scope);
            return operands.size() == 3 ? operands[2]->evaluate(scope) : QVariant();
        }
        QVariantList args;
        args.reserve(int(operands.size()));
        for (const auto &o : operands)
            args.append(o->evaluate(scope));
        if (const TemplateLibrary::Helper *helper = TemplateLibrary::helper(name))
            return (*helper)(args);
        bool found = false;
        QVariant result = callBuiltin(name, args, &found);
        if (!found)
            throw EvaluationError(QStringLiteral("unknown helper function %1()").arg(name));
        return result;
    }
    }
    return {};
}

void Expression::collectDependencies(Dependencies &deps) const
{
    if (kind == Kind::Assign)
        deps.assigns.insert(name);
    else if (kind == Kind::Local)
        deps.locals.insert(name);
    else if (kind == Kind::Call && (!isBuiltinFunction(name) || TemplateLibrary::helper(name)))
        deps.assigns.insert(Dependencies::helperInputs);
    for (const auto &o : operands)
        o->collectDependencies(deps);
}

} // namespace liveview::internal
