// LiveChannel in development mode: a template that does not compile is shown in the page, the
// view stays joined with its state, and the save that fixes the file renders it again.
#include "../devreload/template_error_view.h"
#include "../view/view_runtime.h"
#include "connection.h"
#include "live_channel.h"
#include "protocol_keys.h"

#include <QLoggingCategory>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcChannel)

namespace liveview::internal {

QJsonObject LiveChannel::renderJoinTree()
{
    try {
        return m_runtime->renderFull();
    } catch (const std::exception &e) {
        const TemplateError *error = templateErrorToShow(e);
        if (!error)
            throw;
        // Replying with an error would make the client retry and, after a few tries, reload the
        // page: it would never hear of the fix. Joined, it receives the real tree on the next save.
        qCWarning(lcChannel).noquote()
            << "view" << m_topic << "joined showing a template error:" << e.what();
        m_showsTemplateError = true;
        return templateErrorTree(*error);
    }
}

bool LiveChannel::showTemplateError(const std::exception &e, const Frame *request)
{
    const TemplateError *error = templateErrorToShow(e);
    if (!error || !m_runtime)
        return false;
    qCWarning(lcChannel).noquote() << "view" << m_topic << "shows a template error:" << e.what();
    // The callback itself ran, only its render failed: the client is told the request is done.
    if (request)
        m_connection->reply(*request, status::ok, {});
    push(events::diff, templateErrorShownDiff(m_topic.mid(3), *error));
    m_showsTemplateError = true;
    return true;
}

void LiveChannel::renderAfterReload()
{
    try {
        catchUp();
        finishCallback(nullptr);
    } catch (const std::exception &e) {
        crash("render after reload", e);
        return;
    }
    if (std::exchange(m_showsTemplateError, false))
        push(events::diff, templateErrorFixedDiff(m_topic.mid(3)));
}

} // namespace liveview::internal
