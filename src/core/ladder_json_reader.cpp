// Reading ladder/1: each section of the parsed JSON to the Ladder types, every problem a
// Diagnostic with its JSON path.

#include "ladder_json.h"

#include "document_file.h"
#include "json_text.h"
#include "ladder_json_fields.h"
#include "resources.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace ladder {

using namespace json;

namespace {

class Reader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    void readTier(const QJsonValue &value, const QString &path, Tier *tier);
    void readParams(const QJsonValue &value, const QString &path, TierParams *params);
    void readFallback(const QJsonObject &object, const QString &path, QList<ModelRef> *out);
    void readTransition(const QJsonValue &value, const QString &path, qsizetype index,
                        Transition *transition);
    void readCondition(const QJsonValue &value, const QString &path, Condition *condition);
    void readSelfCheck(const QJsonValue &value, const QString &path, Tier *tier);
    void readDetector(const QJsonValue &value, const QString &path, Detector *detector);
    void readLearnedDetector(const QJsonObject &object, const QString &path, Detector *detector);
    void readMemory(const QJsonValue &value, const QString &path, MemoryPolicy *memory);
    void readHistory(const QJsonValue &value, const QString &path, HistoryPolicy *history);
    void readSignals(const QJsonValue &value, const QString &path, SignalSettings *settings);
    void readCache(const QJsonValue &value, const QString &path, CachePolicy *cache);
    void readBudget(const QJsonValue &value, const QString &path, BudgetPolicy *budget);
    void readLayout(const QJsonValue &value, const QString &path, QList<NodePosition> *layout);
    void readLadder(const QJsonObject &root, Ladder *ladder);
};

void Reader::readParams(const QJsonValue &value, const QString &path, TierParams *params)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"temperature", "max_tokens", "extra"});
    // null means "not set": the provider's default applies.
    const QJsonValue temperature = object.value(QLatin1String("temperature"));
    if (!temperature.isUndefined() && !temperature.isNull()) {
        double t = 0;
        if (readNumber(temperature, child(path, QStringLiteral("temperature")), &t))
            params->temperature = t;
    }
    const QJsonValue maxTokens = object.value(QLatin1String("max_tokens"));
    if (!maxTokens.isUndefined() && !maxTokens.isNull()) {
        int n = 0;
        if (readInt(maxTokens, child(path, QStringLiteral("max_tokens")), &n))
            params->maxTokens = n;
    }
    if (object.contains(QLatin1String("extra"))) {
        QJsonObject extra;
        if (readObject(object.value(QLatin1String("extra")), child(path, QStringLiteral("extra")),
                       &extra))
            params->extra = extra;
    }
}

void Reader::readFallback(const QJsonObject &object, const QString &path, QList<ModelRef> *out)
{
    QJsonArray array;
    if (!readArray(object, path, "fallback", &array))
        return;
    const QString arrayPath = child(path, QStringLiteral("fallback"));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = child(arrayPath, i);
        QJsonObject entry;
        if (!readObject(array.at(i), itemPath, &entry))
            continue;
        checkKeys(entry, itemPath, {"provider", "model"});
        ModelRef ref;
        readString(entry, itemPath, "provider", &ref.provider);
        readString(entry, itemPath, "model", &ref.model, true);
        out->append(ref);
    }
}

void Reader::readTier(const QJsonValue &value, const QString &path, Tier *tier)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path,
              {"id", "label", "role", "provider", "model", "params", "system_prompt", "fallback",
               "escalate_tool", "response_schema", "required_sections", "self_check", "color",
               "description"});
    readString(object, path, "id", &tier->id, true);
    readString(object, path, "label", &tier->label);
    readString(object, path, "role", &tier->role);
    readString(object, path, "provider", &tier->provider, true);
    readString(object, path, "model", &tier->model, true);
    if (object.contains(QLatin1String("params")))
        readParams(object.value(QLatin1String("params")), child(path, QStringLiteral("params")),
                   &tier->params);
    readString(object, path, "system_prompt", &tier->systemPrompt);
    readFallback(object, path, &tier->fallback);
    readBool(object, path, "escalate_tool", &tier->escalateTool);
    if (object.contains(QLatin1String("response_schema")))
        readObject(object.value(QLatin1String("response_schema")),
                   child(path, QStringLiteral("response_schema")), &tier->responseSchema);
    readStringList(object, path, "required_sections", &tier->requiredSections);
    if (object.contains(QLatin1String("self_check")))
        readSelfCheck(object.value(QLatin1String("self_check")),
                      child(path, QStringLiteral("self_check")), tier);
    readString(object, path, "color", &tier->color);
    readString(object, path, "description", &tier->description);
}

void Reader::readSelfCheck(const QJsonValue &value, const QString &path, Tier *tier)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"tier", "model", "threshold", "prompt"});
    SelfCheck check;
    readString(object, path, "tier", &check.tier);
    readString(object, path, "model", &check.model);
    readString(object, path, "prompt", &check.prompt);
    if (object.contains(QLatin1String("threshold")))
        readNumber(object.value(QLatin1String("threshold")),
                   child(path, QStringLiteral("threshold")), &check.threshold);
    tier->selfCheck = check;
}

void Reader::readCondition(const QJsonValue &value, const QString &path, Condition *condition)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    QString typeName;
    if (!readString(object, path, "type", &typeName, true))
        return;
    const std::optional<Condition::Type> type = conditionTypeFromString(typeName);
    if (!type) {
        error(child(path, QStringLiteral("type")),
              QStringLiteral("unknown condition type %1, expected one of %2")
                  .arg(quoted(typeName), conditionTypeNames().join(QLatin1String(", "))));
        return;
    }
    condition->type = *type;
    switch (*type) {
    case Condition::Type::AfterTurns:
    case Condition::Type::ReturnAfter:
        checkKeys(object, path, {"type", "turns", "pays_within_turns"});
        readInt(object, path, "turns", &condition->turns, true);
        readInt(object, path, "pays_within_turns", &condition->paysWithinTurns);
        break;
    case Condition::Type::OnSignal:
        checkKeys(object, path, {"type", "signals", "labels", "pays_within_turns"});
        readInt(object, path, "pays_within_turns", &condition->paysWithinTurns);
        readNameList(object, path, "signals", &condition->preSignals, true,
                     QStringLiteral("pre-turn signal"), preSignalNames(), preSignalFromString);
        readStringList(object, path, "labels", &condition->labels);
        break;
    case Condition::Type::PostTurn: {
        checkKeys(object, path, {"type", "signals", "confidence_below"});
        readNameList(object, path, "signals", &condition->postSignals, true,
                     QStringLiteral("post-turn signal"), postSignalNames(), postSignalFromString);
        if (object.contains(QLatin1String("confidence_below"))) {
            double threshold = 0;
            if (readNumber(object.value(QLatin1String("confidence_below")),
                           child(path, QStringLiteral("confidence_below")), &threshold))
                condition->confidenceBelow = threshold;
        }
        break;
    }
    case Condition::Type::OnFailure:
        checkKeys(object, path, {"type", "errors"});
        readNameList(object, path, "errors", &condition->failures, true,
                     QStringLiteral("error kind"), failureNames(), failureKindFromString);
        break;
    }
}

void Reader::readTransition(const QJsonValue &value, const QString &path, qsizetype index,
                            Transition *transition)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"id", "from", "to", "when"});
    transition->id = QStringLiteral("t%1").arg(index + 1);
    readString(object, path, "id", &transition->id);
    readString(object, path, "from", &transition->from, true);
    if (present(object, path, "when", true))
        readCondition(object.value(QLatin1String("when")), child(path, QStringLiteral("when")),
                      &transition->condition);
    // Only a return_after edge may leave out `to` ("back where we came from").
    const bool mayOmitTo =
        object.value(QLatin1String("when")).toObject().value(QLatin1String("type")).toString() ==
        QLatin1String("return_after");
    readString(object, path, "to", &transition->to, !mayOmitTo);
}

void Reader::readDetector(const QJsonValue &value, const QString &path, Detector *detector)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    readString(object, path, "id", &detector->id, true);
    if (object.contains(QLatin1String("kind")) &&
        !readEnum(object, path, "kind", kKindNames, &detector->kind))
        return; // the other keys depend on the kind
    readBool(object, path, "enabled", &detector->enabled);
    if (detector->kind == Detector::Kind::Lexicon) {
        checkKeys(object, path, {"id", "kind", "signal", "enabled", "patterns"});
        QString signalName;
        if (readString(object, path, "signal", &signalName, true)) {
            if (const auto signal = preSignalFromString(signalName)) {
                detector->signal = *signal;
            } else {
                error(child(path, QStringLiteral("signal")),
                      QStringLiteral("unknown pre-turn signal %1, expected one of %2")
                          .arg(quoted(signalName), preSignalNames().join(QLatin1String(", "))));
            }
        }
        readStringList(object, path, "patterns", &detector->patterns, true);
        return;
    }
    if (detector->kind == Detector::Kind::Learned) {
        readLearnedDetector(object, path, detector);
        return;
    }
    checkKeys(object, path, {"id", "kind", "tier", "default_label", "enabled", "labels"});
    detector->signal = PreSignal::Classification;
    readString(object, path, "tier", &detector->tier);
    readString(object, path, "default_label", &detector->defaultLabel);
    QJsonArray labels;
    if (!readArray(object, path, "labels", &labels, true))
        return;
    const QString labelsPath = child(path, QStringLiteral("labels"));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString itemPath = child(labelsPath, i);
        QJsonObject entry;
        if (!readObject(labels.at(i), itemPath, &entry))
            continue;
        checkKeys(entry, itemPath, {"label", "patterns"});
        QString label;
        QStringList patterns;
        readString(entry, itemPath, "label", &label, true);
        readStringList(entry, itemPath, "patterns", &patterns, true);
        detector->labels.append({label, patterns});
    }
}

// A learned detector (docs/ladder-format.md): its model is read by core/learned_model.
void Reader::readLearnedDetector(const QJsonObject &object, const QString &path, Detector *detector)
{
    checkKeys(object, path, {"id", "kind", "signal", "threshold", "enabled", "model"});
    detector->signal = PreSignal::NeedsStrong;
    QString signalName;
    if (readString(object, path, "signal", &signalName)) {
        if (const auto signal = preSignalFromString(signalName))
            detector->signal = *signal;
        else
            error(child(path, QStringLiteral("signal")),
                  QStringLiteral("unknown pre-turn signal %1, expected one of %2")
                      .arg(quoted(signalName), preSignalNames().join(QLatin1String(", "))));
    }
    if (object.contains(QLatin1String("threshold")))
        readNumber(object.value(QLatin1String("threshold")),
                   child(path, QStringLiteral("threshold")), &detector->threshold);
    QJsonObject model;
    if (object.contains(QLatin1String("model")) &&
        readObject(object.value(QLatin1String("model")), child(path, QStringLiteral("model")),
                   &model)) {
        QList<LearnedModelIssue> issues;
        detector->model =
            learnedModelFromJson(model, child(path, QStringLiteral("model")), &issues);
        for (const LearnedModelIssue &issue : issues)
            issue.warning ? warning(issue.path, issue.message) : error(issue.path, issue.message);
    }
}

void Reader::readMemory(const QJsonValue &value, const QString &path, MemoryPolicy *memory)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"inject", "refresh", "budget_tokens", "fields"});
    readEnum(object, path, "inject", kInjectNames, &memory->inject);
    readEnum(object, path, "refresh", kRefreshNames, &memory->refresh);
    readInt(object, path, "budget_tokens", &memory->budgetTokens);
    readStringList(object, path, "fields", &memory->fields);
}

void Reader::readHistory(const QJsonValue &value, const QString &path, HistoryPolicy *history)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"mode", "last_k"});
    readEnum(object, path, "mode", kModeNames, &history->mode);
    readInt(object, path, "last_k", &history->lastK);
}

void Reader::readSignals(const QJsonValue &value, const QString &path, SignalSettings *settings)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"refusal_token", "confidence_pattern"});
    readString(object, path, "refusal_token", &settings->refusalToken);
    readString(object, path, "confidence_pattern", &settings->confidencePattern);
}

void Reader::readCache(const QJsonValue &value, const QString &path, CachePolicy *cache)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"enabled"});
    readBool(object, path, "enabled", &cache->enabled);
}

void Reader::readBudget(const QJsonValue &value, const QString &path, BudgetPolicy *budget)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"conversation_usd", "session_usd", "action"});
    for (const char *key : {"conversation_usd", "session_usd"}) {
        if (!object.contains(QLatin1String(key)))
            continue;
        const QString keyPath = child(path, QLatin1String(key));
        double usd = 0;
        if (!readNumber(object.value(QLatin1String(key)), keyPath, &usd))
            continue;
        if (usd < 0) {
            error(keyPath, QStringLiteral("expected a spend limit of 0 USD or more"));
            continue;
        }
        (qstrcmp(key, "session_usd") == 0 ? budget->sessionUsd : budget->conversationUsd) = usd;
    }
    readEnum(object, path, "action", kBudgetActionNames, &budget->action);
}

void Reader::readLayout(const QJsonValue &value, const QString &path, QList<NodePosition> *layout)
{
    QJsonObject object;
    if (!readObject(value, path, &object))
        return;
    checkKeys(object, path, {"nodes"});
    if (!object.contains(QLatin1String("nodes")))
        return;
    const QString nodesPath = child(path, QStringLiteral("nodes"));
    QJsonObject nodes;
    if (!readObject(object.value(QLatin1String("nodes")), nodesPath, &nodes))
        return;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QString nodePath = child(nodesPath, it.key());
        QJsonObject node;
        if (!readObject(it.value(), nodePath, &node))
            continue;
        checkKeys(node, nodePath, {"x", "y"});
        double x = 0;
        double y = 0;
        const bool hasX =
            present(node, nodePath, "x", true) &&
            readNumber(node.value(QLatin1String("x")), child(nodePath, QStringLiteral("x")), &x);
        const bool hasY =
            present(node, nodePath, "y", true) &&
            readNumber(node.value(QLatin1String("y")), child(nodePath, QStringLiteral("y")), &y);
        if (hasX && hasY)
            layout->append({it.key(), QPointF(x, y)});
    }
}

void Reader::readLadder(const QJsonObject &root, Ladder *ladder)
{
    const QString path; // the document itself
    ladder->format.clear();
    readString(root, path, "format", &ladder->format, true);
    readString(root, path, "name", &ladder->name);
    readString(root, path, "description", &ladder->description);
    readString(root, path, "entry", &ladder->entry, true);

    QJsonArray array;
    if (readArray(root, path, "tiers", &array, true)) {
        for (qsizetype i = 0; i < array.size(); ++i) {
            Tier tier;
            readTier(array.at(i), child(QStringLiteral("/tiers"), i), &tier);
            ladder->tiers.append(tier);
        }
    }
    if (readArray(root, path, "transitions", &array)) {
        for (qsizetype i = 0; i < array.size(); ++i) {
            Transition transition;
            readTransition(array.at(i), child(QStringLiteral("/transitions"), i), i, &transition);
            ladder->transitions.append(transition);
        }
    }
    if (readArray(root, path, "detectors", &array)) {
        for (qsizetype i = 0; i < array.size(); ++i) {
            Detector detector;
            readDetector(array.at(i), child(QStringLiteral("/detectors"), i), &detector);
            ladder->detectors.append(detector);
        }
    }
    if (root.contains(QLatin1String("memory")))
        readMemory(root.value(QLatin1String("memory")), QStringLiteral("/memory"), &ladder->memory);
    if (root.contains(QLatin1String("history")))
        readHistory(root.value(QLatin1String("history")), QStringLiteral("/history"),
                    &ladder->history);
    if (root.contains(QLatin1String("signals")))
        readSignals(root.value(QLatin1String("signals")), QStringLiteral("/signals"),
                    &ladder->signalSettings);
    if (root.contains(QLatin1String("cache")))
        readCache(root.value(QLatin1String("cache")), QStringLiteral("/cache"), &ladder->cache);
    if (root.contains(QLatin1String("budget")))
        readBudget(root.value(QLatin1String("budget")), QStringLiteral("/budget"), &ladder->budget);
    if (root.contains(QLatin1String("layout")))
        readLayout(root.value(QLatin1String("layout")), QStringLiteral("/layout"), &ladder->layout);

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (isTopLevelKey(it.key()))
            continue;
        warning(path, QStringLiteral("unknown key %1").arg(quoted(it.key())));
        ladder->unknown.insert(it.key(), it.value());
    }
}

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
QPair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++column;
        }
    }
    return {line, column};
}

} // namespace

ParseResult parseLadder(const QByteArray &json, const QString &fileName)
{
    // The fast reader answers well-formed files; anything else gets QJsonDocument's diagnosis.
    if (const std::optional<QJsonObject> root = parseJsonObjectText(json))
        return parseLadderObject(*root, fileName);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ParseResult result;
        // Qt reports the offset just past the character it stopped at; point at that character
        // (the end of the text when the text ran out, the first extra byte for trailing garbage).
        qsizetype offset = parseError.offset;
        if (parseError.error != QJsonParseError::GarbageAtEnd && offset > 0 && offset < json.size())
            --offset;
        const auto [line, column] = lineAndColumn(json, offset);
        Diagnostic d{Diagnostic::Severity::Error,
                     fileName,
                     {},
                     QStringLiteral("invalid JSON: %1").arg(parseError.errorString())};
        d.line = line;
        d.column = column;
        result.diagnostics.append(d);
        return result;
    }
    if (!doc.isObject()) {
        ParseResult result;
        result.diagnostics.append({Diagnostic::Severity::Error,
                                   fileName,
                                   {},
                                   QStringLiteral("expected a JSON object at the top level")});
        return result;
    }
    return parseLadderObject(doc.object(), fileName);
}

ParseResult parseLadderObject(const QJsonObject &root, const QString &fileName)
{
    ParseResult result;
    Reader reader(fileName);
    reader.readLadder(root, &result.ladder);
    result.diagnostics = reader.diagnostics;
    return result;
}

ParseResult loadLadderFile(const QString &path)
{
    QString error;
    const std::optional<QByteArray> json = readDocumentFile(path, &error);
    if (!json) {
        ParseResult result;
        result.diagnostics.append({Diagnostic::Severity::Error, path, {}, error});
        return result;
    }
    return parseLadder(*json, path);
}

ParseResult loadExampleLadder(const QString &name)
{
    const QString fileName = name + QStringLiteral(".json");
    const QByteArray json = readResource(exampleLadderResourcePath(name));
    if (json.isEmpty()) {
        ParseResult result;
        result.diagnostics.append({Diagnostic::Severity::Error,
                                   fileName,
                                   {},
                                   QStringLiteral("no example ladder named \"%1\"").arg(name)});
        return result;
    }
    return parseLadder(json, fileName);
}

} // namespace ladder
