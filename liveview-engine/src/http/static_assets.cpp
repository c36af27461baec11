// Static asset table: content types, validators and precompressed bodies, built at startup.
#include "static_assets.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <zlib.h>

namespace liveview::internal {

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header instead of a zlib one.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(qsizetype(stream.total_out));
    return out;
}

QByteArray StaticAssets::contentTypeFor(const QString &fileName)
{
    if (fileName.endsWith(u".js"))
        return "text/javascript; charset=utf-8";
    if (fileName.endsWith(u".css"))
        return "text/css; charset=utf-8";
    if (fileName.endsWith(u".svg"))
        return "image/svg+xml";
    if (fileName.endsWith(u".png"))
        return "image/png";
    if (fileName.endsWith(u".ico"))
        return "image/x-icon";
    if (fileName.endsWith(u".map") || fileName.endsWith(u".json"))
        return "application/json";
    return "application/octet-stream";
}

void StaticAssets::add(const QString &urlPath, const QByteArray &body,
                       const QByteArray &cacheControl)
{
    StaticAsset a;
    a.contentType = contentTypeFor(urlPath);
    a.body = body;
    a.cacheControl = cacheControl;
    a.etag =
        '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    const bool compressible = !a.contentType.startsWith("image/png");
    if (compressible && body.size() > 512) {
        QByteArray gz = gzipCompress(body);
        if (!gz.isEmpty() && gz.size() < body.size() * 9 / 10)
            a.gzipBody = gz;
    }
    m_assets.insert(urlPath, a);
}

void StaticAssets::load(const QStringList &roots)
{
    for (const QString &root : roots) {
        const QString prefix = root.endsWith(u'/') ? root : root + u'/';
        QDirIterator it(prefix, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString urlPath = QStringLiteral("/assets/") + path.mid(prefix.size());
            if (m_assets.contains(urlPath))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            // Browsers revalidate with the ETag; a short max-age keeps repeat page loads free of
            // requests while an upgraded binary is picked up within minutes.
            add(urlPath, f.readAll(), "public, max-age=300");
        }
    }
}

const StaticAsset *StaticAssets::find(const QString &urlPath) const
{
    auto it = m_assets.constFind(urlPath);
    return it == m_assets.cend() ? nullptr : &*it;
}

} // namespace liveview::internal
