#pragma once
// The static files the server serves (the clients, the application's scripts and styles): loaded
// once, with ETag and gzip.

#include <QByteArray>
#include <QHash>
#include <QString>

namespace liveview::internal {

struct StaticAsset
{
    QByteArray contentType;
    QByteArray body;
    QByteArray gzipBody; // empty when compression does not pay off
    QByteArray etag;     // strong validator from the content hash, quoted
    QByteArray cacheControl;
};

class StaticAssets
{
public:
    // Every file under each root (a Qt resource path or a directory) as /assets/<relative path>;
    // a path already taken by an earlier root stays.
    void load(const QStringList &roots);
    void add(const QString &urlPath, const QByteArray &body, const QByteArray &cacheControl);
    const StaticAsset *find(const QString &urlPath) const;
    static QByteArray contentTypeFor(const QString &fileName);

private:
    QHash<QString, StaticAsset> m_assets;
};

QByteArray gzipCompress(const QByteArray &data);

} // namespace liveview::internal
