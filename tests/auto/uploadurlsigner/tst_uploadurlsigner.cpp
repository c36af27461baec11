// Resumable upload URLs: round trip, tampering, other keys and purposes, expiry, entry ids.
#include "upload/upload_url_signer.h"

#include <QtTest>

using namespace liveview::internal;
using Status = UploadUrlSigner::Status;

class tst_UploadUrlSigner : public QObject
{
    Q_OBJECT
    const std::shared_ptr<const TokenSigner> key =
        std::make_shared<TokenSigner>(QByteArray(64, 'k'));

private slots:
    void roundTrip()
    {
        const UploadUrlSigner signer(key);
        const QString url = signer.sign(QStringLiteral("0123456789abcdef"), 1000, 60);
        QVERIFY(url.startsWith(QLatin1String(UploadUrlSigner::pathPrefix)));
        const UploadUrlSigner::Claims claims = signer.verify(url.toLatin1() + "?x=1");
        QCOMPARE(int(claims.status), int(Status::Valid));
        QCOMPARE(claims.entryId, QStringLiteral("0123456789abcdef"));
        QCOMPARE(claims.size, 1000);
        QVERIFY(claims.expiresAt > QDateTime::currentSecsSinceEpoch());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        const UploadUrlSigner signer(key);
        const QByteArray good = signer.sign(QStringLiteral("abcdef01"), 10, 60).toLatin1();
        QByteArray tampered = good;
        const qsizetype at = good.lastIndexOf('.') + 4;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        const UploadUrlSigner otherKey(std::make_shared<TokenSigner>(QByteArray(64, 'x')));
        const QByteArray prefix = UploadUrlSigner::pathPrefix;
        QTest::newRow("tampered signature") << tampered << int(Status::Unsigned);
        QTest::newRow("other server's key")
            << otherKey.sign(QStringLiteral("abcdef01"), 10, 60).toLatin1()
            << int(Status::Unsigned);
        QTest::newRow("expired") << signer.sign(QStringLiteral("abcdef01"), 10, -5).toLatin1()
                                 << int(Status::Expired);
        QTest::newRow("another purpose's token")
            << prefix +
                   key->sign(QStringLiteral("view-session"), {{"e", "abcdef01"}, {"n", 10}}, 60)
            << int(Status::Unsigned);
        QTest::newRow("entry id that is a path")
            << signer.sign(QStringLiteral("../secret"), 10, 60).toLatin1() << int(Status::Unsigned);
        QTest::newRow("negative size")
            << signer.sign(QStringLiteral("abcdef01"), -1, 60).toLatin1() << int(Status::Unsigned);
        QTest::newRow("no token") << prefix << int(Status::Unsigned);
        QTest::newRow("garbage") << prefix + "hello" << int(Status::Unsigned);
        QTest::newRow("other route") << QByteArray("/live/websocket") << int(Status::Unsigned);
    }
    void refusals()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        const UploadUrlSigner signer(key);
        QCOMPARE(int(signer.verify(path).status), status);
    }
};

QTEST_GUILESS_MAIN(tst_UploadUrlSigner)
#include "tst_uploadurlsigner.moc"
