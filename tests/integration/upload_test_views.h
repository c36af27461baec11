#pragma once
// Views and helpers for the upload tests: the example at /examples/upload, and a view whose
// upload options come from the query (chunk timeout, limits, postpone, external uploads).

#include <examples/examples.h>
#include <liveview/live_view.h>
#include <liveview/router.h>
#include <liveview/upload.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <stdexcept>

namespace uploadtests {

// What the test writer (OptionsUploadView with ?writer=1) was told, in order.
inline QStringList writerLog;

// Keeps no bytes, counts them; refuses a chunk that starts with "error" (reason "invalid").
class CountingWriter : public liveview::UploadWriter
{
public:
    explicit CountingWriter(QString name) : m_name(std::move(name)) {}
    QString init() override
    {
        writerLog << "init " + m_name;
        return m_name.startsWith(u"refuse") ? QStringLiteral("refused") : QString();
    }
    QString writeChunk(const QByteArray &chunk) override
    {
        writerLog << QStringLiteral("chunk %1").arg(chunk.size());
        if (chunk.startsWith("error"))
            return QStringLiteral("invalid");
        m_bytes += chunk.size();
        return {};
    }
    QString close(const QString &reason) override
    {
        writerLog << "close " + reason;
        return {};
    }
    QVariantMap meta() const override
    {
        return {{"key", QStringLiteral("%1:%2").arg(m_name).arg(m_bytes)}};
    }

private:
    QString m_name;
    qint64 m_bytes = 0;
};

class OptionsUploadView : public liveview::LiveView
{
public:
    void mount(const QVariantMap &params, const QVariantMap &) override
    {
        liveview::UploadOptions o;
        o.accept = params.value("accept", ".txt,.png").toString().split(u',', Qt::SkipEmptyParts);
        o.maxEntries = params.value("max", 3).toInt();
        o.maxFileSize = params.value("size", 1000000).toLongLong();
        o.chunkSize = params.value("chunk", 1000).toInt();
        o.chunkTimeoutMs = params.value("timeout", 10000).toInt();
        o.autoUpload = params.value("auto").toString() == u"1";
        if (params.value("mode").toString() == u"total")
            o.maxEntriesMode = liveview::UploadOptions::MaxEntriesMode::Total;
        m_postpone = params.value("postpone").toString() == u"1";
        o.progress = [this](const QString &name, const liveview::UploadEntry &entry) {
            assign("progress_calls", assigned("progress_calls").toInt() + 1);
            assign("last_progress",
                   QStringLiteral("%1:%2:%3").arg(name, entry.ref).arg(entry.progress));
        };
        if (params.value("external").toString() == u"1")
            o.external = [](const liveview::UploadEntry &entry) {
                if (entry.clientName.startsWith(u"refuse"))
                    return liveview::ExternalUpload::refuse({{"why", "no"}});
                return liveview::ExternalUpload::accept(
                    {{"uploader", "Test"}, {"key", "k-" + entry.ref}});
            };
        if (params.value("writer").toString() == u"1")
            o.writer = [](const QString &, const liveview::UploadEntry &entry) {
                return std::make_unique<CountingWriter>(entry.clientName);
            };
        allowUpload("docs", o);
        assign("progress_calls", 0);
        assign("last_progress", QString());
        assign("consumed", QVariantList());
        assign("inspected", QString());
    }
    void handleEvent(const QString &event, const QVariantMap &value) override
    {
        if (event == u"cancel")
            cancelUpload("docs", value.value("ref").toString());
        else if (event == u"inspect")
            inspect();
        else if (event == u"crash")
            throw std::runtime_error("the view crashed on purpose");
        else if (event == u"save") {
            const QVariantList got = consumeUploadedEntries(
                "docs", [this](const QString &path, const liveview::UploadEntry &entry) {
                    QFile f(path); // no path: the bytes went to a writer or an external store
                    const QByteArray bytes =
                        !path.isEmpty() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                    const QVariant v = QStringLiteral("%1=%2").arg(
                        entry.clientName, QString::fromLatin1(bytes.toHex()));
                    const QVariant meta = entry.meta.value("key");
                    return m_postpone ? liveview::ConsumeResult::later(v)
                                      : liveview::ConsumeResult::ok(meta.isValid() ? meta : v);
                });
            assign("consumed", assigned("consumed").toList() + got);
        }
    }
    liveview::Template render() const override
    {
        static const liveview::Template t = liveview::Template::compile(QStringLiteral(R"(
<form id="f" phx-change="validate" phx-submit="save"><.live_file_input upload={@uploads.docs} /></form>
<ul id="rows"><li :for={e <- @uploads.docs.entries} id={"row-" <> e.ref} data-progress={e.progress} data-done={to_string(e.done?)} data-valid={to_string(e.valid?)}>{e.client_name}<i :for={err <- upload_errors(@uploads.docs, e)} class="err">{err}</i><.live_img_preview entry={e} /></li></ul>
<p :for={err <- upload_errors(@uploads.docs)} class="config-err">{err}</p>
<p :for={err <- @uploads.docs.errors} class="error-detail">{err.ref}:{err.reason}:{err.detail}</p>
<p id="calls">{@progress_calls} {@last_progress}</p>
<ol id="consumed"><li :for={c <- @consumed}>{c}</li></ol>
<p id="inspect">{@inspected}</p>)"));
        return t;
    }

private:
    // What the C++ API says of the upload (uploadedEntries, uploadErrors), shown in #inspect:
    // "done=a.txt progress=b.txt errors=too_many_files b.txt:too_large".
    void inspect()
    {
        const liveview::UploadedEntries entries = uploadedEntries("docs");
        auto names = [](const QList<liveview::UploadEntry> &list) {
            QStringList out;
            for (const liveview::UploadEntry &e : list)
                out.append(e.clientName);
            return out.join(u',');
        };
        QStringList perEntry;
        for (const liveview::UploadEntry &e : entries.done + entries.inProgress)
            for (const QString &error : uploadErrors("docs", e))
                perEntry.append(e.clientName + u':' + error);
        assign("inspected", QStringLiteral("done=%1 progress=%2 errors=%3 %4")
                                .arg(names(entries.done), names(entries.inProgress),
                                     uploadErrors("docs").join(u','), perEntry.join(u',')));
    }

    bool m_postpone = false;
};

inline std::shared_ptr<liveview::Router> router()
{
    auto r = std::make_shared<liveview::Router>();
    livedeck::examples::registerExamples(*r);
    r->live<OptionsUploadView>(QStringLiteral("/test/upload"));
    return r;
}

// Files in the channel uploads' temporary directory.
inline int temporaryFiles()
{
    return int(QDir(liveview::UploadStorage::channelDirectory())
                   .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)
                   .size());
}

inline QByteArray pseudoRandom(int size, quint32 seed = 7)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i) {
        seed = seed * 1103515245u + 12345u;
        out[i] = char(seed >> 16);
    }
    return out;
}

} // namespace uploadtests
