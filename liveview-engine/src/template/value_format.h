#pragma once
// How template values become HTML text: escaping, number formatting, truthiness.

#include <QString>
#include <QVariant>

namespace liveview::internal {

QString htmlEscape(const QString &text);
// Text of a value as it appears in the page: nil is empty, numbers without trailing zeros.
QString toText(const QVariant &value);
// The value rendered into HTML: escaped unless it is SafeHtml.
QString toHtml(const QVariant &value);
// Elixir truthiness: only nil and false are false.
bool isTruthy(const QVariant &value);
bool isNil(const QVariant &value);
// Equality the way templates mean it: 1 == 1.0, maps and lists compared deeply.
bool valuesEqual(const QVariant &a, const QVariant &b);
// Strict equality: the same type at every level, numbers by their bits, times with their offset.
// What renders the same text (valuesEqual calls 1 and 1.0 equal; they render "1" and "1.0").
// Values shared by many views share their data, so the usual answer is the first comparison.
bool identicalValues(const QVariant &a, const QVariant &b);

} // namespace liveview::internal
