#pragma once
// The fixtures' inline templates: compiled once each (callers keep the result in a static), the
// name is what a template error reports.

#include <liveview/template.h>

namespace conformance {

inline liveview::Template compiled(const char *source, const char *name)
{
    return liveview::Template::compile(QString::fromUtf8(source), QString::fromLatin1(name));
}

} // namespace conformance
