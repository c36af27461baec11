// The broadcast composer dialog.
#include "broadcast_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace livedeck::admin {

BroadcastDialog::BroadcastDialog(const QStringList &knownTopics, const QString &topic,
                                 QWidget *parent)
    : QDialog(parent), m_topic(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("broadcastDialog"));
    setWindowTitle(tr("Broadcast to a topic"));
    m_topic->setObjectName(QStringLiteral("broadcastTopic"));
    m_topic->setEditable(true);
    m_topic->addItems(knownTopics);
    m_topic->setCurrentText(topic);
    m_text->setObjectName(QStringLiteral("broadcastMessage"));
    m_text->setPlaceholderText(QStringLiteral("{\"event\": \"notice\", \"text\": \"…\"}"));
    m_text->setPlainText(QStringLiteral("{\"event\": \"notice\", \"text\": \"\"}"));
    m_problem->setObjectName(QStringLiteral("broadcastProblem"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Broadcast"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Message (JSON)"), m_text);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_topic, &QComboBox::currentTextChanged, this, &BroadcastDialog::validate);
    connect(m_text, &QPlainTextEdit::textChanged, this, &BroadcastDialog::validate);
    resize(460, 260);
    validate();
}

QString BroadcastDialog::topic() const
{
    return m_topic->currentText().trimmed();
}

bool BroadcastDialog::isComplete() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void BroadcastDialog::validate()
{
    QString problem;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_text->toPlainText().toUtf8(), &error);
    // Messages cross nodes as JSON maps (see README, scale-out): anything else is refused here
    // rather than dropped by the cluster later.
    if (topic().isEmpty())
        problem = tr("Choose a topic.");
    else if (error.error != QJsonParseError::NoError)
        problem = tr("Not JSON: %1 at %2").arg(error.errorString()).arg(error.offset);
    else if (!doc.isObject())
        problem = tr("The message must be a JSON object.");
    m_message = problem.isEmpty() ? doc.object().toVariantMap() : QVariant();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace livedeck::admin
