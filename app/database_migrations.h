#pragma once
// The schema of livedeck.sqlite, the application's own database, as ordered migrations.

#include <liveview/store.h>

#include <vector>

namespace livedeck {

// Append only: a migration that shipped is never edited (Store records how many have run).
std::vector<liveview::Store::Migration> databaseMigrations();

} // namespace livedeck
