// Token signing: round trip, tampering, expiry, purpose binding, versions, CSRF masking, key file.
#include "session/token_signer.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace liveview::internal;
using Status = TokenSigner::Status;

class tst_TokenSigner : public QObject
{
    Q_OBJECT
    // A token over any claims, validly signed with the tests' key ("k" * 64), as an attacker who
    // had the key, or a future version of this server, could make.
    static QByteArray signedClaims(const QByteArray &json)
    {
        const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QByteArray body = "v1." + json.toBase64(b64);
        return body + '.' +
               QMessageAuthenticationCode::hash(body, QByteArray(64, 'k'),
                                                QCryptographicHash::Sha256)
                   .toBase64(b64);
    }

private slots:
    void verify_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<int>("status");
        const TokenSigner signer(QByteArray(64, 'k'));
        const QByteArray good = signer.sign("session", {{"id", "phx-1"}}, 60);
        QByteArray tampered = good;
        tampered[good.indexOf('.') + 3] = tampered[good.indexOf('.') + 3] == 'A' ? 'B' : 'A';
        const TokenSigner other(QByteArray(64, 'x'));
        QTest::newRow("valid") << good << "session" << int(Status::Valid);
        QTest::newRow("tampered claims") << tampered << "session" << int(Status::BadSignature);
        QTest::newRow("other key")
            << other.sign("session", {}, 60) << "session" << int(Status::BadSignature);
        QTest::newRow("wrong purpose") << good << "static" << int(Status::WrongPurpose);
        QTest::newRow("expired") << signer.sign("session", {}, -5) << "session"
                                 << int(Status::Expired);
        QTest::newRow("future version")
            << QByteArray("v9.e30.abc") << "session" << int(Status::UnknownVersion);
        QTest::newRow("garbage") << QByteArray("not a token") << "session"
                                 << int(Status::Malformed);
        QTest::newRow("empty") << QByteArray() << "session" << int(Status::Malformed);
        QTest::newRow("huge") << QByteArray(9000, 'a') << "session" << int(Status::Malformed);
        // Found by fuzzing (UBSan: 1e+300 is outside the range of long long): expiries that no
        // qint64 holds, under a valid signature, are compared without converting them.
        QTest::newRow("expiry beyond qint64")
            << signedClaims(R"({"pur":"session","exp":1e300,"id":"phx-1"})") << "session"
            << int(Status::Valid);
        QTest::newRow("expiry below qint64") << signedClaims(R"({"pur":"session","exp":-1e300})")
                                             << "session" << int(Status::Expired);
        QTest::newRow("expiry not a number") << signedClaims(R"({"pur":"session","exp":"soon"})")
                                             << "session" << int(Status::Expired);
    }
    void verify()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, purpose);
        QFETCH(int, status);
        const TokenSigner signer(QByteArray(64, 'k'));
        const TokenSigner::Result r = signer.verify(purpose, token);
        QCOMPARE(int(r.status), status);
        if (r.isValid())
            QCOMPARE(r.claims.value("id").toString(), QStringLiteral("phx-1"));
    }

    void csrfMasking()
    {
        const QByteArray secret = TokenSigner::randomBytes(32);
        const QByteArray a = TokenSigner::maskCsrf(secret);
        const QByteArray b = TokenSigner::maskCsrf(secret);
        QVERIFY(a != b); // fresh mask every render
        QVERIFY(TokenSigner::csrfMatches(a, secret));
        QVERIFY(TokenSigner::csrfMatches(b, secret));
        QVERIFY(!TokenSigner::csrfMatches(a, TokenSigner::randomBytes(32)));
        QVERIFY(!TokenSigner::csrfMatches("short", secret));
        QVERIFY(!TokenSigner::csrfMatches(a, QByteArray()));
    }

    void randomBytes_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {0, 1, 3, 4, 18, 32, 4095, 4096, 4097, 10000})
            QTest::addRow("%d bytes", size) << size;
    }
    void randomBytes()
    {
        // Drawn from a per-thread pool of the system generator: the sizes asked for, across
        // refills, and never the same bytes twice.
        QFETCH(int, size);
        QSet<QByteArray> seen;
        for (int i = 0; i < 600; ++i) { // 600 x 32 bytes: several refills of the 4 KiB pool
            const QByteArray bytes = TokenSigner::randomBytes(size);
            QCOMPARE(bytes.size(), size);
            const QByteArray probe = TokenSigner::randomBytes(32);
            QVERIFY(!seen.contains(probe));
            seen.insert(probe);
            if (size >= 16)
                QVERIFY(bytes.count('\0') < size / 4); // not the wiped zeros of the pool
        }
    }

    void keyFileIsCreatedOnceAndPrivate()
    {
        QTemporaryDir dir;
        QString error;
        const QByteArray first = TokenSigner::loadOrCreateKey(dir.path() + "/data", &error);
        QVERIFY2(first.size() >= 32, qPrintable(error));
        QCOMPARE(TokenSigner::loadOrCreateKey(dir.path() + "/data", &error), first);
        const QFile::Permissions p = QFile::permissions(dir.path() + "/data/secret.key");
        QVERIFY(!(p & (QFile::ReadGroup | QFile::ReadOther)));
        QFile corrupt(dir.path() + "/data/secret.key");
        QVERIFY(corrupt.open(QIODevice::WriteOnly | QIODevice::Truncate));
        corrupt.write("abc");
        corrupt.close();
        QVERIFY(TokenSigner::loadOrCreateKey(dir.path() + "/data", &error).isEmpty());
        QVERIFY(error.contains("corrupt"));
    }
};

QTEST_GUILESS_MAIN(tst_TokenSigner)
#include "tst_tokensigner.moc"
