#pragma once
// Errors raised while compiling or evaluating templates.

#include <QString>
#include <stdexcept>

namespace liveview {

// A template that cannot be compiled: names the file, line, column and what was expected.
class TemplateError : public std::runtime_error
{
public:
    TemplateError(QString file, int line, int column, QString message)
        : std::runtime_error(format(file, line, column, message).toStdString()), m_file(file),
          m_line(line), m_column(column), m_message(message)
    {
    }
    QString file() const { return m_file; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    QString message() const { return m_message; }
    // The text that was compiled (null when unknown, e.g. a missing file): development mode shows
    // the lines around the error from it.
    QString source() const { return m_source; }
    void setSource(const QString &source) { m_source = source; }

    static QString format(const QString &file, int line, int column, const QString &message)
    {
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
    }

private:
    QString m_file;
    int m_line;
    int m_column;
    QString m_message;
    QString m_source;
};

// An expression that fails while a view renders (wrong type, unknown helper, ...).
// It propagates like any exception from a view callback: the view's channel crashes alone.
class EvaluationError : public std::runtime_error
{
public:
    explicit EvaluationError(const QString &message) : std::runtime_error(message.toStdString()) {}
};

} // namespace liveview
