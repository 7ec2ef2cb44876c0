#pragma once

// `ladder export` and the studio's Export area: a ladder as the canonical `ladder/1` JSON, a
// LiteLLM proxy config.yaml or a Portkey gateway config, each with its loss report. Keys never
// appear in an export: only the names of the environment variables that hold them.

#include "export_plan.h"
#include "loss_report.h"

#include <QByteArray>

namespace ladder {

struct ExportOptions {
    const ProviderConfig *providers = nullptr; // null: the vendor ids openai/anthropic/gemini
    bool includeLayout = true;                 // json only: false drops the editor layout
    QString fileName;                          // the ladder's file, named in diagnostics
};

struct ExportResult {
    QByteArray text; // empty when there are errors
    LossReport report;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

ExportResult exportLadder(const Ladder &ladder, ExportFormat format,
                          const ExportOptions &options = {});

// The gateway texts of a resolved plan (plan.ok() must hold).
QByteArray toLiteLlmYaml(const ExportPlan &plan);
QByteArray toPortkeyJson(const ExportPlan &plan);

// Where a report goes beside an export written to `path`: "path.report.md".
QString lossReportPath(const QString &exportPath);
QString exportFileSuffix(ExportFormat format); // "json", "yaml", "json"

} // namespace ladder
