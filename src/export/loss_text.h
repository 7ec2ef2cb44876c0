#pragma once

// Internal to the loss report: how its sentences name fields, tiers and the target gateway, shared
// by the report's writer (loss_report.cpp) and the items of the learned detector, the quality gate
// and the budget (loss_report_router.cpp).

#include "export_plan.h"
#include "loss_report.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ladder::Internal {

QString code(const QString &s);         // `s`
QString names(const QStringList &list); // `a`, `b`

// The target of one export and how the report names it.
struct LossTarget {
    const ExportPlan &plan;
    ExportFormat format;

    bool liteLlm() const { return format == ExportFormat::LiteLlm; }
    QString gateway() const;                 // "LiteLLM", "the Portkey gateway"
    QString gatewaySentence() const;         // the same at the start of a sentence
    QString pick(const QString &tier) const; // how a caller asks for a tier
    QString transitionRef(int i) const;      // "`/transitions/2` (`up`)"
    QString target(const Transition &t) const;
};

// Learned detectors, the tiers' self_check and format contract (response_schema,
// required_sections), the ladder's budget and `pays_within_turns`: what a gateway cannot do of
// them, in the ladder's order.
QList<LossItem> routerSignalLosses(const LossTarget &target);

} // namespace ladder::Internal
