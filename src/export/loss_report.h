#pragma once

// The honest half of an export: every feature of the ladder that the target cannot express, where
// the ladder uses it, and what the export does instead. Never a silent drop; the canonical JSON
// export says "nothing lost".

#include "export_plan.h"

#include <QList>
#include <QString>

namespace ladder {

struct LossItem {
    QString feature; // "Turn-count step-down"
    QString where;   // the ladder fields using it, e.g. "`/transitions/0` (`step_down`): ..."
    QString instead; // what the export does instead
    bool operator==(const LossItem &) const = default;
};

struct LossReport {
    ExportFormat format = ExportFormat::Json;
    QString ladderName;
    QList<LossItem> items;
    QStringList notes; // kept with a difference worth knowing, or dropped on request

    bool nothingLost() const { return items.isEmpty(); }
    QString toMarkdown() const;
};

// `layoutDropped`: the JSON export was asked to leave out the editor layout.
LossReport lossReport(const ExportPlan &plan, ExportFormat format, bool layoutDropped = false);

} // namespace ladder
