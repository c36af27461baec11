#pragma once
// System / Light / Dark for the admin window. Qt 6.4 has no colour-scheme API, so Light and Dark
// are the Fusion style with its own palette or a dark one; System puts back what Qt chose.

#include <QObject>
#include <QPalette>

namespace livedeck::admin {

enum class Theme
{
    System,
    Light,
    Dark,
};

QString themeName(Theme theme);           // "system", "light", "dark" (persisted)
Theme themeFromName(const QString &name); // unknown names are System

class ThemeController final : public QObject
{
    Q_OBJECT
public:
    // Remembers the style and palette the application started with (for System).
    explicit ThemeController(QObject *parent = nullptr);

    void apply(Theme theme);
    Theme current() const { return m_current; }

    static QPalette darkPalette();

signals:
    void applied(livedeck::admin::Theme theme);

private:
    QString m_systemStyle;
    QPalette m_systemPalette;
    Theme m_current = Theme::System;
};

} // namespace livedeck::admin
