#pragma once
// Registration of each widget's live component module (one per file; see widgets.cpp).

#include <QString>
#include <QVariant>

namespace livedeck::widgets::internal {

void registerStatCard();
void registerSparkline();
void registerLineChart();
void registerBarChart();
void registerGauge();
void registerUsageBar();
void registerLogTail();
void registerTabs();
void registerModal();
void registerToastGroup();
void registerRefreshControl();

// ok / warn / critical for a value against two thresholds (unset thresholds never trip).
QString thresholdLevel(double value, const QVariant &warn, const QVariant &critical);
// Polyline points of `values` scaled into a width x height box (y grows down).
QString sparklinePoints(const QVariantList &values, double width, double height);

} // namespace livedeck::widgets::internal
