// Reads livedeck.conf with QSettings and checks its keys against the options livedeck knows.
#include "config_file.h"

#include <QFileInfo>
#include <QSettings>

namespace livedeck {

std::optional<ConfigFile> ConfigFile::load(const QString &path, const QSet<QString> &knownKeys,
                                           QString *error)
{
    // QSettings reads a missing or unreadable file as an empty one; a service started with a
    // config path that does not exist must fail, not run on defaults.
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("cannot read config file '%1'").arg(path);
        return std::nullopt;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() == QSettings::FormatError) {
        *error = QStringLiteral("%1: not an INI file").arg(path);
        return std::nullopt;
    }
    ConfigFile config;
    config.m_path = path;
    // Keys outside any [section] are what livedeck reads; QSettings files them under General.
    for (const QString &key : settings.childKeys()) {
        if (!knownKeys.contains(key)) {
            *error = QStringLiteral("%1: unknown key '%2'").arg(path, key);
            return std::nullopt;
        }
        const QVariant value = settings.value(key);
        QStringList values = value.typeId() == QMetaType::QStringList
                                 ? value.toStringList()
                                 : QStringList{value.toString()};
        // `redis =` or a trailing comma means nothing, not an empty address.
        for (QString &item : values)
            item = item.trimmed();
        values.removeAll(QString());
        config.m_values.insert(key, values);
    }
    if (!settings.childGroups().isEmpty()) {
        *error = QStringLiteral("%1: unexpected section [%2]; livedeck.conf has no sections")
                     .arg(path, settings.childGroups().first());
        return std::nullopt;
    }
    return config;
}

QString ConfigFile::value(const QString &key) const
{
    return m_values.value(key).join(QStringLiteral(", "));
}

std::optional<bool> ConfigFile::flag(const QString &key, QString *error) const
{
    const QString text = value(key).trimmed().toLower();
    if (text == u"true" || text == u"yes" || text == u"on" || text == u"1")
        return true;
    if (text == u"false" || text == u"no" || text == u"off" || text == u"0")
        return false;
    *error =
        QStringLiteral("%1: '%2' expects true or false, got '%3'").arg(m_path, key, value(key));
    return std::nullopt;
}

} // namespace livedeck
