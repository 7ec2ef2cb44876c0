#include "exporter.h"

#include "core/ladder_json.h"

namespace ladder {

using namespace Qt::StringLiterals;

ExportResult exportLadder(const Ladder &ladder, ExportFormat format, const ExportOptions &options)
{
    ExportResult result;
    if (format == ExportFormat::Json) {
        Ladder copy = ladder;
        if (!options.includeLayout)
            copy.layout.clear();
        result.text = toCanonicalJson(copy);
        ExportPlan plan;
        plan.ladder = ladder;
        result.report = lossReport(plan, format, !options.includeLayout);
        return result;
    }
    const ExportPlan plan = planExport(ladder, options.providers, options.fileName);
    result.diagnostics = plan.diagnostics;
    if (!plan.ok())
        return result;
    result.text = format == ExportFormat::LiteLlm ? toLiteLlmYaml(plan) : toPortkeyJson(plan);
    result.report = lossReport(plan, format);
    return result;
}

QString lossReportPath(const QString &exportPath)
{
    return exportPath + u".report.md"_s;
}

QString exportFileSuffix(ExportFormat format)
{
    return format == ExportFormat::LiteLlm ? u"yaml"_s : u"json"_s;
}

} // namespace ladder
