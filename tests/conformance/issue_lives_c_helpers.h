#pragma once
// What several fixtures of issue_lives_c.h share: JS commands encoded as Phoenix.LiveView.JS
// does (3040, 3448, 4290), whether an attribute was given (3169, 4066) and the module name of
// 3169's form component.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace conformance {

// JS commands as Phoenix.LiveView.JS encodes them: a list of [kind, args] whose args leave out
// what was not given; class lists are split on spaces. QJsonObject sorts its keys, as Jason
// does for these small maps.
QJsonArray jsClasses(const char *names);
QJsonArray jsTransition(const char *transition, const char *start, const char *end);
QJsonArray jsOp(const char *kind, const QJsonObject &args = {});
QString jsEncoded(std::initializer_list<QJsonArray> ops);

// A value given to an attribute (nil and "" count as not given).
bool isGiven(const QVariant &value);

// The module name of 3169's form component: registered by registerIssueComponentsC, updated by
// Issue3169Live.
extern const QString formComponentModule;

} // namespace conformance
