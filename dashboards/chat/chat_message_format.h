#pragma once
// How a stored message is shown: its text split into plain parts and http(s) links (the template
// prints both escaped, so no message text ever becomes markup), its time, its author's colour.

#include <QVariantList>
#include <QVariantMap>

namespace livedeck::chat {

struct ChatMessageFormat
{
    // [{text, href}]: href is set for an http or https link (normalised, percent-encoded) and
    // empty for plain text. Anything else that looks like a URL (javascript:, data:, ftp:) stays
    // text.
    static QVariantList parts(const QString &body);
    // The map a chat template renders: the stored or broadcast message plus parts, time, iso,
    // initial, hue and, for an attachment, its url and whether it is an image.
    static QVariantMap display(const QVariantMap &message);
    // 0..7, the same for a name everywhere (CSS classes hue-0 ... hue-7 give the colours).
    static int hueOf(const QString &name);
};

} // namespace livedeck::chat
