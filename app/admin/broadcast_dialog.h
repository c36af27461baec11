#pragma once
// The composer for "broadcast a message to a topic": a topic (known ones offered) and a JSON
// message, checked before it can be sent.

#include <QDialog>
#include <QVariant>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace livedeck::admin {

class BroadcastDialog final : public QDialog
{
    Q_OBJECT
public:
    BroadcastDialog(const QStringList &knownTopics, const QString &topic,
                    QWidget *parent = nullptr);

    QString topic() const;
    // The parsed message; valid only while isComplete().
    QVariant message() const { return m_message; }
    bool isComplete() const;

    QComboBox *topicBox() const { return m_topic; }
    QPlainTextEdit *messageEdit() const { return m_text; }

private:
    void validate();

    QComboBox *m_topic;
    QPlainTextEdit *m_text;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QVariant m_message;
};

} // namespace livedeck::admin
