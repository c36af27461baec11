#include "closing_answer.h"

#include "direct_write_socket.h"

#include <QTcpSocket>
#include <sys/socket.h>

namespace liveview::internal {

QByteArray httpStatusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    default:
        return "Error";
    }
}

void sendClosingAnswer(QTcpSocket *socket, const QByteArray &answer, QObject *context)
{
    if (auto *direct = dynamic_cast<DirectWriteSocket *>(socket))
        direct->writeNow(answer);
    else
        socket->write(answer);
    auto halfClose = [socket] {
        if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    halfClose();
    QObject::connect(socket, &QIODevice::bytesWritten, context, halfClose);
}

} // namespace liveview::internal
