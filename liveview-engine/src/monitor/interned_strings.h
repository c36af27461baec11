#pragma once
// One shared copy of strings that thousands of records repeat (user agents).

#include <QString>

namespace liveview::internal {

// The interned copy of `value`; once 1,000 distinct strings are held, new ones are returned as
// they are (a flood of made-up user agents must not grow memory without bound).
QString internString(const QString &value);

} // namespace liveview::internal
