// Client-to-server WebSocket frames (RFC 6455 section 5), decoded incrementally without a socket.
#include "websocket_frame_reader.h"

#include "../channel/frame_sink.h"

namespace liveview::internal {
namespace {

enum Opcode : quint8
{
    Continuation = 0x0,
    TextOpcode = 0x1,
    BinaryOpcode = 0x2,
    CloseOpcode = 0x8,
    PingOpcode = 0x9,
    PongOpcode = 0xA,
};

constexpr quint16 protocolError = quint16(CloseCode::ProtocolError);
constexpr quint16 invalidPayload = quint16(CloseCode::InvalidPayload);
constexpr quint16 tooBig = quint16(CloseCode::TooBig);

// Close codes a peer may send (RFC 6455 section 7.4): the defined ones that may appear on the
// wire, and the ranges for libraries and applications.
bool isSendableCloseCode(quint16 code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
}

} // namespace

bool WebSocketFrameReader::isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const quint8 lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int length;
        quint8 low = 0x80, high = 0xBF; // the allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // past U+10FFFF
        } else {
            return false; // a continuation byte, an overlong lead (C0, C1) or F5..FF
        }
        if (end - p < length || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i < length; ++i)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += length;
    }
    return true;
}

void WebSocketFrameReader::append(QByteArrayView bytes)
{
    if (failed() || bytes.isEmpty())
        return;
    if (m_offset == m_buffer.size()) {
        m_buffer = bytes.toByteArray(); // the usual case: whole frames, nothing left over
        m_offset = 0;
    } else {
        m_buffer.append(bytes);
    }
}

void WebSocketFrameReader::dropConsumed()
{
    // An idle connection keeps no buffer; a partial frame keeps only its own bytes.
    if (m_offset == m_buffer.size()) {
        m_buffer = QByteArray();
        m_offset = 0;
    } else if (m_offset > 0) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
}

std::optional<WebSocketFrameReader::Message> WebSocketFrameReader::fail(quint16 code,
                                                                        const char *reason)
{
    m_failure = {code, reason};
    m_buffer = QByteArray();
    m_fragments = QByteArray();
    m_offset = 0;
    return std::nullopt;
}

std::optional<WebSocketFrameReader::Message> WebSocketFrameReader::complete(Kind kind,
                                                                            QByteArray payload)
{
    if (kind == Kind::Text && !isValidUtf8(payload))
        return fail(invalidPayload, "text message is not valid UTF-8");
    if (kind == Kind::Close && !payload.isEmpty()) {
        if (payload.size() < 2)
            return fail(protocolError, "close frame with a one-byte body");
        const quint16 code = quint16(quint8(payload[0]) << 8 | quint8(payload[1]));
        if (!isSendableCloseCode(code))
            return fail(protocolError, "close frame with an invalid code");
        if (!isValidUtf8(QByteArrayView(payload).sliced(2)))
            return fail(invalidPayload, "close reason is not valid UTF-8");
    }
    return Message{kind, std::move(payload)};
}

std::optional<WebSocketFrameReader::Message> WebSocketFrameReader::next()
{
    while (!failed()) {
        const auto *data = reinterpret_cast<const quint8 *>(m_buffer.constData()) + m_offset;
        const qsizetype available = m_buffer.size() - m_offset;
        if (available < 2) {
            dropConsumed();
            return std::nullopt;
        }
        const bool fin = data[0] & 0x80;
        const quint8 opcode = data[0] & 0x0F;
        if (data[0] & 0x70)
            return fail(protocolError, "reserved bits set (no extension was agreed)");
        if (!(data[1] & 0x80))
            return fail(protocolError, "client frames must be masked");
        const bool control = opcode & 0x8;
        if (control ? opcode > PongOpcode : opcode > BinaryOpcode)
            return fail(protocolError, "unknown opcode");
        quint64 length = data[1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (available < 4) {
                dropConsumed();
                return std::nullopt;
            }
            length = quint64(data[2]) << 8 | data[3];
            header = 4;
        } else if (length == 127) {
            if (available < 10) {
                dropConsumed();
                return std::nullopt;
            }
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = length << 8 | data[i];
            if (length >> 63)
                return fail(protocolError, "frame length with its top bit set");
            header = 10;
        }
        if (control && (!fin || length > 125))
            return fail(protocolError, "control frames are short and never fragmented");
        if (!control) {
            if (opcode == Continuation && !m_fragmentKind)
                return fail(protocolError, "continuation frame without a message to continue");
            if (opcode != Continuation && m_fragmentKind)
                return fail(protocolError, "new message before the fragmented one ended");
            if (length > quint64(m_maxMessageBytes - m_fragments.size()))
                return fail(tooBig, "message too big");
        }
        header += 4; // the masking key
        if (available < header || quint64(available - header) < length) {
            dropConsumed(); // the rest of the frame is still on its way
            return std::nullopt;
        }
        const quint8 *mask = data + header - 4;
        const quint8 *masked = data + header;
        QByteArray payload(qsizetype(length), Qt::Uninitialized);
        auto *out = reinterpret_cast<quint8 *>(payload.data());
        for (quint64 i = 0; i < length; ++i)
            out[i] = masked[i] ^ mask[i & 3];
        m_offset += header + qsizetype(length);

        switch (opcode) {
        case CloseOpcode:
            return complete(Kind::Close, std::move(payload));
        case PingOpcode:
            return Message{Kind::Ping, std::move(payload)};
        case PongOpcode:
            return Message{Kind::Pong, std::move(payload)};
        default:
            break;
        }
        const Kind kind = opcode == Continuation ? *m_fragmentKind
                          : opcode == TextOpcode ? Kind::Text
                                                 : Kind::Binary;
        if (fin && opcode != Continuation)
            return complete(kind, std::move(payload));
        if (m_fragments.isEmpty())
            m_fragments = std::move(payload);
        else
            m_fragments.append(payload);
        m_fragmentKind = kind;
        if (fin) {
            m_fragmentKind.reset();
            return complete(kind, std::exchange(m_fragments, QByteArray()));
        }
    }
    return std::nullopt;
}

} // namespace liveview::internal
