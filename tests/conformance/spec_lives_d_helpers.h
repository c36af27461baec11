#pragma once
// What several fixtures of spec_lives_d.h parse alike: /select's validation and
// /form/dynamic-inputs' ordering of its users both take Integer.parse's whole integers.

#include <QString>

namespace conformance {

// Integer.parse(text) == {n, ""}: an optional sign and digits, nothing else.
bool wholeInteger(const QString &text, qint64 *n);

} // namespace conformance
