// FileInput: the browser client's upload steps (change event, preflight, channel join, binary
// chunks stop-and-wait, progress pushes), driven through the harness's in-memory socket.
#include "liveview/testing/file_input.h"

#include "form_serializer.h"
#include "liveview/testing/live_view_test.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace liveview::testing {

QByteArray encodeBinaryPush(const QByteArray &joinRef, const QByteArray &ref,
                            const QByteArray &topic, const QByteArray &event,
                            const QByteArray &payload)
{
    QByteArray out;
    out.reserve(5 + joinRef.size() + ref.size() + topic.size() + event.size() + payload.size());
    out.append(char(0)); // kind: push
    for (const QByteArray *part : {&joinRef, &ref, &topic, &event})
        out.append(char(quint8(part->size())));
    out.append(joinRef).append(ref).append(topic).append(event).append(payload);
    return out;
}

struct FileInput::State
{
    LiveViewTest *view;
    QString formSelector;
    QString uploadName;
    QList<UploadFile> files;
    QHash<QString, QString> refs;     // file name -> entry ref
    QHash<QString, QString> tokens;   // file name -> token
    QHash<QString, QString> joinRefs; // file name -> the upload channel's join ref
    QHash<QString, qint64> sent;
    QHash<QString, int> progress;
    int chunkSize = 64000;

    const UploadFile &file(const QString &name) const
    {
        for (const UploadFile &f : files)
            if (f.name == name)
                return f;
        throw HarnessError(QStringLiteral("no file named %1 was chosen").arg(name).toStdString());
    }

    HtmlElement input() const
    {
        return view
            ->element(formSelector +
                      QStringLiteral(" input[name=\"%1\"][data-phx-upload-ref]").arg(uploadName))
            .element();
    }

    QJsonObject clientEntry(const UploadFile &f) const
    {
        return {{QStringLiteral("last_modified"), qint64(1700000000000)},
                {QStringLiteral("name"), f.name},
                {QStringLiteral("relative_path"), QString()},
                {QStringLiteral("size"), f.size()},
                {QStringLiteral("type"), f.type},
                {QStringLiteral("ref"), refs.value(f.name)}};
    }

    // The reply to `ref` on `topic` among `frames`, as {"status", "response"}.
    static QJsonObject replyIn(const QList<QByteArray> &frames, const QString &topic,
                               const QString &ref)
    {
        for (const QByteArray &raw : frames) {
            const QJsonArray f = QJsonDocument::fromJson(raw).array();
            if (f.at(2).toString() == topic && f.at(3).toString() == u"phx_reply" &&
                f.at(1).toString() == ref)
                return f.at(4).toObject();
        }
        return {};
    }
};

FileInput::FileInput(LiveViewTest *view, QString formSelector, QString uploadName,
                     QList<UploadFile> files)
    : d(std::make_unique<State>())
{
    d->view = view;
    d->formSelector = std::move(formSelector);
    d->uploadName = std::move(uploadName);
    d->files = std::move(files);
}

FileInput::~FileInput() = default;
FileInput::FileInput(FileInput &&) noexcept = default;

QString FileInput::uploadRef() const
{
    return d->input().attribute(QStringLiteral("data-phx-upload-ref"));
}

QString FileInput::entryRef(const QString &fileName) const
{
    d->file(fileName);
    return d->refs.value(fileName);
}

QString FileInput::token(const QString &fileName) const
{
    return d->tokens.value(fileName);
}

QString FileInput::choose()
{
    for (const UploadFile &f : std::as_const(d->files))
        if (!d->refs.contains(f.name))
            d->refs.insert(f.name, d->view->nextUploadEntryRef());
    const HtmlElement form = d->view->element(d->formSelector).element();
    QJsonArray entries;
    for (const UploadFile &f : std::as_const(d->files)) {
        QJsonObject e = d->clientEntry(f);
        e.insert(QStringLiteral("path"), d->uploadName);
        entries.append(e);
    }
    const QString value = detail::serializeForm(form, {}, d->view->touchedFields(), true);
    return d->view->push(
        QStringLiteral("event"),
        {{QStringLiteral("type"), QStringLiteral("form")},
         {QStringLiteral("event"), form.attribute(QStringLiteral("phx-change"))},
         {QStringLiteral("value"), value},
         {QStringLiteral("meta"), QJsonObject{{QStringLiteral("_target"), d->uploadName}}},
         {QStringLiteral("uploads"), QJsonObject{{uploadRef(), entries}}}});
}

QJsonObject FileInput::preflight()
{
    if (d->refs.isEmpty())
        choose();
    QJsonArray entries;
    for (const UploadFile &f : std::as_const(d->files))
        if (!d->tokens.contains(f.name))
            entries.append(d->clientEntry(f));
    d->view->push(QStringLiteral("allow_upload"),
                  {{QStringLiteral("ref"), uploadRef()}, {QStringLiteral("entries"), entries}});
    QJsonObject response = d->view->lastReply();
    const QJsonObject tokens = response.value(QStringLiteral("entries")).toObject();
    for (const UploadFile &f : std::as_const(d->files)) {
        const QJsonValue t = tokens.value(d->refs.value(f.name));
        if (t.isString())
            d->tokens.insert(f.name, t.toString());
    }
    const int chunk = response.value(QStringLiteral("config"))
                          .toObject()
                          .value(QStringLiteral("chunk_size"))
                          .toInt();
    if (chunk > 0)
        d->chunkSize = chunk;
    response.insert(QStringLiteral("status"), d->view->lastReplyStatus());
    return response;
}

QJsonObject FileInput::joinChannel(const QString &fileName, const QString &token)
{
    const QString ref = d->view->nextRef();
    const QString topic = uploadTopic(fileName);
    const QJsonArray frame{ref, ref, topic, QStringLiteral("phx_join"),
                           QJsonObject{{QStringLiteral("token"),
                                        token.isEmpty() ? d->tokens.value(fileName) : token}}};
    const QJsonObject reply = State::replyIn(
        d->view->sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact)), topic, ref);
    if (reply.value(QStringLiteral("status")).toString() == u"ok")
        d->joinRefs.insert(fileName, ref);
    return reply;
}

QJsonObject FileInput::sendChunk(const QString &fileName, const QByteArray &bytes)
{
    const QString ref = d->view->nextRef();
    const QString topic = uploadTopic(fileName);
    const QList<QByteArray> written = d->view->sendBinary(encodeBinaryPush(
        d->joinRefs.value(fileName).toUtf8(), ref.toUtf8(), topic.toUtf8(), "chunk", bytes));
    return State::replyIn(written, topic, ref);
}

bool FileInput::channelClosed(const QString &fileName) const
{
    const QString topic = QStringLiteral("lvu:") + d->refs.value(fileName);
    for (const QByteArray &raw : d->view->sentFrames()) {
        const QJsonArray f = QJsonDocument::fromJson(raw).array();
        if (f.at(2).toString() == topic && f.at(3).toString() == u"phx_close")
            return true;
    }
    return false;
}

QString FileInput::renderUpload(const QString &fileName, int percent)
{
    const UploadFile &f = d->file(fileName);
    if (!d->refs.contains(fileName))
        choose();
    if (!d->tokens.contains(fileName))
        preflight();
    if (!d->tokens.contains(fileName))
        throw HarnessError(
            QStringLiteral("the preflight gave %1 no token: %2")
                .arg(fileName,
                     QString::fromUtf8(
                         QJsonDocument(d->view->lastReply()).toJson(QJsonDocument::Compact)))
                .toStdString());
    if (!d->joinRefs.contains(fileName)) {
        const QJsonObject reply = joinChannel(fileName);
        if (reply.value(QStringLiteral("status")).toString() != u"ok")
            throw HarnessError(QStringLiteral("the upload channel of %1 refused the join: %2")
                                   .arg(fileName, QString::fromUtf8(QJsonDocument(reply).toJson(
                                                      QJsonDocument::Compact)))
                                   .toStdString());
    }
    const qint64 size = f.size();
    const qint64 target = qMin<qint64>(f.content.size(), size * qBound(0, percent, 100) / 100);
    qint64 &sent = d->sent[fileName];
    while (sent < target) {
        const QByteArray chunk = f.content.mid(sent, qMin<qint64>(d->chunkSize, target - sent));
        const QJsonObject reply = sendChunk(fileName, chunk);
        if (reply.value(QStringLiteral("status")).toString() != u"ok")
            throw HarnessError(QStringLiteral("chunk of %1 refused: %2")
                                   .arg(fileName, QString::fromUtf8(QJsonDocument(reply).toJson(
                                                      QJsonDocument::Compact)))
                                   .toStdString());
        sent += chunk.size();
        // The client floors the percentage and sends only increases.
        const int pct = size > 0 ? int(sent * 100 / size) : 100;
        if (pct > d->progress.value(fileName)) {
            d->progress.insert(fileName, pct);
            d->view->push(QStringLiteral("progress"),
                          {{QStringLiteral("event"), QJsonValue()},
                           {QStringLiteral("ref"), uploadRef()},
                           {QStringLiteral("entry_ref"), d->refs.value(fileName)},
                           {QStringLiteral("progress"), pct}});
        }
    }
    return d->view->render();
}

} // namespace liveview::testing
