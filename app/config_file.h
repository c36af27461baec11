#pragma once
// livedeck.conf: the options of the command line, read from an INI file (what the service uses).

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace livedeck {

// Keys are the long option names without the dashes (`port = 4000`, `allow-origin = a, b`);
// a command-line option given explicitly wins over the file.
class ConfigFile
{
public:
    // Reads `path` with QSettings (IniFormat). Any key outside `knownKeys` is an error, so a
    // typo in /etc/livedeck/livedeck.conf stops the service instead of being silently ignored.
    static std::optional<ConfigFile> load(const QString &path, const QSet<QString> &knownKeys,
                                          QString *error);

    const QString &path() const { return m_path; }
    bool contains(const QString &key) const { return m_values.contains(key); }
    // The value as one string (a list is joined with ", ", as it was written).
    QString value(const QString &key) const;
    // The value as a list: QSettings splits unquoted commas.
    QStringList values(const QString &key) const { return m_values.value(key); }
    // true/false, yes/no, on/off, 1/0; nullopt (with `error` set) for anything else.
    std::optional<bool> flag(const QString &key, QString *error) const;

private:
    QString m_path;
    QMap<QString, QStringList> m_values;
};

} // namespace livedeck
