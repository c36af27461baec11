// libFuzzer target: the template expression language, parsed and evaluated against assigns
// (arithmetic, comparisons, field and index access, built-ins) and the :for generator parser.
#include "template/expression.h"
#include "template/scope.h"

#include "liveview/template_error.h"

#include <QVariantHash>
#include <cstddef>
#include <cstdint>

using namespace liveview::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool generator = data[0] & 1;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const QVariantHash assigns{
        {QStringLiteral("n"), 7},
        {QStringLiteral("big"), std::numeric_limits<qint64>::max()},
        {QStringLiteral("zero"), 0},
        {QStringLiteral("s"), QStringLiteral("text")},
        {QStringLiteral("list"), QVariantList{1, "two", 3.5, QVariant()}},
        {QStringLiteral("map"), QVariantMap{{QStringLiteral("a"), QVariantMap{{"b", 1}}}}}};
    try {
        if (generator) {
            parseGenerator(text, SourcePosition{});
            return 0;
        }
        const ExpressionPtr e = parseExpression(text, SourcePosition{});
        Scope scope;
        scope.assigns = &assigns;
        e->evaluate(scope);
    } catch (const liveview::TemplateError &) {
        // A clear refusal of a bad expression...
    } catch (const liveview::EvaluationError &) {
        // ...or of one that cannot be evaluated with these assigns (undefined name, bad types).
    }
    return 0;
}
