// LiveView's upload API: a thin front over the view's ViewUploads.
#include "../upload/view_uploads.h"
#include "liveview/live_view.h"

namespace liveview {

void LiveView::allowUpload(const QString &name, const UploadOptions &options)
{
    if (!m_uploads) {
        m_uploads = std::make_unique<internal::ViewUploads>(m_assigns);
        if (m_runtime)
            m_uploads->setPoster(infoSender());
    }
    m_uploads->allow(name, options);
}

void LiveView::disallowUpload(const QString &name)
{
    if (m_uploads)
        m_uploads->disallow(name);
}

void LiveView::cancelUpload(const QString &name, const QString &entryRef)
{
    if (m_uploads)
        m_uploads->cancel(name, entryRef);
}

QVariantList LiveView::consumeUploadedEntries(const QString &name, const ConsumeFunction &consume)
{
    return m_uploads ? m_uploads->consume(name, consume) : QVariantList();
}

UploadedEntries LiveView::uploadedEntries(const QString &name) const
{
    return m_uploads ? m_uploads->uploaded(name) : UploadedEntries();
}

QStringList LiveView::uploadErrors(const QString &name) const
{
    return m_uploads ? m_uploads->errors(name) : QStringList();
}

QStringList LiveView::uploadErrors(const QString &name, const UploadEntry &entry) const
{
    return m_uploads ? m_uploads->errors(name, entry.ref) : QStringList();
}

} // namespace liveview
