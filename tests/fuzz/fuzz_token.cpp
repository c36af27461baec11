// libFuzzer target: signed tokens and the session cookie. Half the inputs are taken as they come
// (forged tokens and Cookie headers: refused without a crash); the other half are signed with the
// fuzzer's key first, so the claims parser behind the signature check is reached as well.
#include "http/browser_session_cookie.h"
#include "session/token_signer.h"

#include <QMessageAuthenticationCode>
#include <cstddef>
#include <cstdint>

using namespace liveview::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QByteArray key(32, 'k');
    static const TokenSigner signer(key);
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
        signer.verify(QStringLiteral("session"), input);
        break;
    case 1: // a Cookie: header as a browser sends it
        readSessionCookie(signer, "_liveview_session", input);
        readFlashCookie(signer, input);
        break;
    case 2: { // "v1.<claims>.<mac>": fuzzed claims under a valid mac (the fuzzer holds the key)
        const QByteArray body =
            "v1." + input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(body, key, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        signer.verify(QStringLiteral("session"), body + '.' + mac);
        readSessionCookie(signer, "_liveview_session", "_liveview_session=" + body + '.' + mac);
        break;
    }
    case 3:
        TokenSigner::csrfMatches(input, QByteArray(32, 's'));
        break;
    }
    return 0;
}
