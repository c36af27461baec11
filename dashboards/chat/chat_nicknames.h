#pragma once
// The nickname of each browser session, kept on the server under the engine's signed session
// cookie id. A live view cannot set cookies (Phoenix's cannot either: put_session belongs to
// plain HTTP requests), and localStorage would reach the server only after the socket joined, so
// the first render would show the wrong name; the session id is in every mount, the first HTTP
// render's too.

#include <liveview/store.h>

#include <memory>

namespace livedeck::chat {

class ChatNicknames
{
public:
    explicit ChatNicknames(std::shared_ptr<liveview::Store> store) : m_store(std::move(store)) {}

    static constexpr int maxLength = 24;
    // `wanted` trimmed, with inner whitespace runs as one space; empty when it is not a name
    // (empty, too long, control characters).
    static QString normalized(const QString &wanted);
    // A stable "guest-xxxx" for a session that never chose a name.
    static QString guestName(const QString &sessionId);

    // The session's chosen name, else its guest name.
    QString nicknameOf(const QString &sessionId) const;
    bool remember(const QString &sessionId, const QString &nickname);

private:
    std::shared_ptr<liveview::Store> m_store;
};

} // namespace livedeck::chat
