#include "ladder_json.h"

#include "document_file.h"
#include "resources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace ladder {

namespace {

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

QString escapePointerToken(QString token)
{
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QString child(const QString &path, const QString &key)
{
    return path + QLatin1Char('/') + escapePointerToken(key);
}

QString child(const QString &path, qsizetype index)
{
    return path + QLatin1Char('/') + QString::number(index);
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

template <typename Enum> struct EnumName {
    Enum value;
    const char *name;
};

const EnumName<MemoryPolicy::Inject> kInjectNames[] = {
    {MemoryPolicy::Inject::OnSwitch, "on_switch"},
    {MemoryPolicy::Inject::EveryTurn, "every_turn"},
    {MemoryPolicy::Inject::Never, "never"},
};
const EnumName<MemoryPolicy::Refresh> kRefreshNames[] = {
    {MemoryPolicy::Refresh::Scaffold, "scaffold"},
    {MemoryPolicy::Refresh::Summarize, "summarize"},
    {MemoryPolicy::Refresh::None, "none"},
};
const EnumName<HistoryPolicy::Mode> kModeNames[] = {
    {HistoryPolicy::Mode::Full, "full"},
    {HistoryPolicy::Mode::CleanHandoff, "clean_handoff"},
    {HistoryPolicy::Mode::MemoryLastK, "memory_last_k"},
};
const EnumName<BudgetPolicy::Action> kBudgetActionNames[] = {
    {BudgetPolicy::Action::StepDown, "step_down"},
    {BudgetPolicy::Action::Stop, "stop"},
};

const EnumName<Detector::Kind> kKindNames[] = {
    {Detector::Kind::Lexicon, "lexicon"},
    {Detector::Kind::Classifier, "classifier"},
    {Detector::Kind::Learned, "learned"},
};

template <typename Enum, std::size_t N>
QString enumName(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

template <typename Enum, std::size_t N> QStringList enumNames(const EnumName<Enum> (&table)[N])
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumName<Enum> (&table)[N], const QString &name)
{
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

// Names accepted for each list of enum values, in declaration order.
QStringList preSignalNames()
{
    QStringList names;
    for (int i = 0; i < kPreSignalCount; ++i)
        names.append(toString(PreSignal(i)));
    return names;
}

QStringList postSignalNames()
{
    QStringList names;
    for (int i = 0; i < kPostSignalCount; ++i)
        names.append(toString(PostSignal(i)));
    return names;
}

// `cancelled` is the user's own doing, not a provider failure an edge could react to.
QStringList failureNames()
{
    QStringList names;
    for (int i = 0; i < kFailureKindCount; ++i) {
        if (FailureKind(i) != FailureKind::Cancelled)
            names.append(toString(FailureKind(i)));
    }
    return names;
}

QStringList conditionTypeNames()
{
    QStringList names;
    for (int i = 0; i < 5; ++i)
        names.append(toString(Condition::Type(i)));
    return names;
}

class Reader
{
public:
    explicit Reader(const QString &fileName)
        : m_fileName(fileName)
    {}

    Diagnostics diagnostics;

    void error(const QString &path, const QString &message)
    {
        diagnostics.append({Diagnostic::Severity::Error, m_fileName, path, message});
    }
    void warning(const QString &path, const QString &message)
    {
        diagnostics.append({Diagnostic::Severity::Warning, m_fileName, path, message});
    }

    void checkKeys(const QJsonObject &object, const QString &path,
                   std::initializer_list<const char *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char *key) {
                return it.key() == QLatin1String(key);
            });
            if (!known)
                warning(path, QStringLiteral("unknown key %1").arg(quoted(it.key())));
        }
    }

    // Each reader leaves `out` untouched when the key is absent or has the wrong type.
    bool present(const QJsonObject &object, const QString &path, const char *key, bool required)
    {
        if (object.contains(QLatin1String(key)))
            return true;
        if (required)
            error(path, QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
        return false;
    }

    bool readString(const QJsonObject &object, const QString &path, const char *key, QString *out,
                    bool required = false)
    {
        if (!present(object, path, key, required))
            return false;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected a string"));
            return false;
        }
        *out = value.toString();
        return true;
    }

    void readBool(const QJsonObject &object, const QString &path, const char *key, bool *out)
    {
        if (!present(object, path, key, false))
            return;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isBool()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected true or false"));
            return;
        }
        *out = value.toBool();
    }

    bool readNumber(const QJsonValue &value, const QString &path, double *out)
    {
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            error(path, QStringLiteral("expected a number"));
            return false;
        }
        *out = value.toDouble();
        return true;
    }

    bool readInt(const QJsonValue &value, const QString &path, int *out)
    {
        const double d = value.toDouble();
        if (!value.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(INT_MIN) ||
            d > double(INT_MAX)) {
            error(path, QStringLiteral("expected an integer"));
            return false;
        }
        *out = int(d);
        return true;
    }

    void readInt(const QJsonObject &object, const QString &path, const char *key, int *out,
                 bool required = false)
    {
        if (present(object, path, key, required))
            readInt(object.value(QLatin1String(key)), child(path, QLatin1String(key)), out);
    }

    bool readObject(const QJsonValue &value, const QString &path, QJsonObject *out)
    {
        if (!value.isObject()) {
            error(path, QStringLiteral("expected an object"));
            return false;
        }
        *out = value.toObject();
        return true;
    }

    bool readArray(const QJsonObject &object, const QString &path, const char *key, QJsonArray *out,
                   bool required = false)
    {
        if (!present(object, path, key, required))
            return false;
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isArray()) {
            error(child(path, QLatin1String(key)), QStringLiteral("expected an array"));
            return false;
        }
        *out = value.toArray();
        return true;
    }

    void readStringList(const QJsonObject &object, const QString &path, const char *key,
                        QStringList *out, bool required = false)
    {
        QJsonArray array;
        if (!readArray(object, path, key, &array, required))
            return;
        const QString arrayPath = child(path, QLatin1String(key));
        out->clear();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                error(child(arrayPath, i), QStringLiteral("expected a string"));
                continue;
            }
            out->append(array.at(i).toString());
        }
    }

    // A list of names, each mapped to an enum value; unknown names are errors.
    template <typename T, typename Parse>
    void readNameList(const QJsonObject &object, const QString &path, const char *key,
                      QList<T> *out, bool required, const QString &what, const QStringList &allowed,
                      Parse parse)
    {
        QStringList names;
        readStringList(object, path, key, &names, required);
        if (!object.value(QLatin1String(key)).isArray())
            return;
        const QJsonArray array = object.value(QLatin1String(key)).toArray();
        const QString arrayPath = child(path, QLatin1String(key));
        out->clear();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                continue; // reported by readStringList
            const QString name = array.at(i).toString();
            const std::optional<T> value = allowed.contains(name) ? parse(name) : std::nullopt;
            if (!value) {
                error(child(arrayPath, i),
                      QStringLiteral("unknown %1 %2, expected one of %3")
                          .arg(what, quoted(name), allowed.join(QLatin1String(", "))));
                continue;
            }
            out->append(*value);
        }
    }

    template <typename Enum, std::size_t N>
    bool readEnum(const QJsonObject &object, const QString &path, const char *key,
                  const EnumName<Enum> (&table)[N], Enum *out)
    {
        QString name;
        if (!readString(object, path, key, &name))
            return false;
        const std::optional<Enum> value = enumFromName(table, name);
        if (!value) {
            error(child(path, QLatin1String(key)),
                  QStringLiteral("unknown value %1, expected one of %2")
                      .arg(quoted(name), enumNames(table).join(QLatin1String(", "))));
            return false;
        }
        *out = *value;
        return true;
    }

    void readTier(const QJsonValue &value, const QString &path, Tier *tier);
    void readParams(const QJsonValue &value, const QString &path, TierParams *params);
    void readFallback(const QJsonObject &object, const QString &path, QList<ModelRef> *out);
    void readTransition(const QJsonValue &value, const QString &path, qsizetype index,
                        Transition *transition);
    void readCondition(const QJsonValue &value, const QString &path, Condition *condition);
    void readDetector(const QJsonValue &value, const QString &path, Detector *detector);
    void readLearnedDetector(const QJsonObject &object, const QString &path, Detector *detector);
    void readMemory(const QJsonValue &value, const QString &path, MemoryPolicy *memory);
    void readHistory(const QJsonValue &value, const QString &path, HistoryPolicy *history);
    void readSignals(const QJsonValue &value, const QString &path, SignalSettings *settings);
    void readCache(const QJsonValue &value, const QString &path, CachePolicy *cache);
    void readBudget(const QJsonValue &value, const QString &path, BudgetPolicy *budget);
    void readLayout(const QJsonValue &value, const QString &path, QList<NodePosition> *layout);
    void readLadder(const QJsonObject &root, Ladder *ladder);

private:
    QString m_fileName;
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
               "escalate_tool", "response_schema", "color", "description"});
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
    readString(object, path, "color", &tier->color);
    readString(object, path, "description", &tier->description);
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
        checkKeys(object, path, {"type", "turns"});
        readInt(object, path, "turns", &condition->turns, true);
        break;
    case Condition::Type::OnSignal:
        checkKeys(object, path, {"type", "signals", "labels"});
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

const char *const kTopLevelKeys[] = {
    "format", "name",    "description", "entry", "tiers",  "transitions", "detectors",
    "memory", "history", "signals",     "cache", "budget", "layout"};

bool isTopLevelKey(const QString &key)
{
    return std::any_of(std::begin(kTopLevelKeys), std::end(kTopLevelKeys),
                       [&](const char *known) { return key == QLatin1String(known); });
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

// ---------------------------------------------------------------------------------------------
// Writing: an ordered tree, because QJsonObject sorts its keys
// ---------------------------------------------------------------------------------------------

struct Member;

struct Node {
    enum class Kind { Value, Object, Array };
    Kind kind = Kind::Value;
    QJsonValue value;
    std::vector<Member> members;
    std::vector<Node> items;

    static Node object();
    static Node array();
    static Node scalar(const QJsonValue &v);
    Node &add(const char *key, Node node);
    Node &add(const QString &key, Node node);
    Node &add(const char *key, const QJsonValue &v);
};

struct Member {
    QString key;
    Node value;
};

Node Node::object()
{
    Node node;
    node.kind = Kind::Object;
    return node;
}

Node Node::array()
{
    Node node;
    node.kind = Kind::Array;
    return node;
}

Node Node::scalar(const QJsonValue &v)
{
    Node node;
    node.value = v;
    return node;
}

Node &Node::add(const char *key, const QJsonValue &v)
{
    return add(key, scalar(v));
}

Node &Node::add(const QString &key, Node node)
{
    members.push_back({key, std::move(node)});
    return *this;
}

Node &Node::add(const char *key, Node node)
{
    return add(QString::fromLatin1(key), std::move(node));
}

Node fromJsonValue(const QJsonValue &value)
{
    if (value.isObject()) {
        Node node = Node::object();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            node.add(it.key(), fromJsonValue(it.value()));
        return node;
    }
    if (value.isArray()) {
        Node node = Node::array();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            node.items.push_back(fromJsonValue(item));
        return node;
    }
    return Node::scalar(value);
}

Node stringArray(const QStringList &list)
{
    Node node = Node::array();
    for (const QString &s : list)
        node.items.push_back(Node::scalar(s));
    return node;
}

template <typename T> Node nameArray(const QList<T> &list)
{
    Node node = Node::array();
    for (const T &value : list)
        node.items.push_back(Node::scalar(toString(value)));
    return node;
}

QJsonValue toJsonValue(const Node &node)
{
    switch (node.kind) {
    case Node::Kind::Object: {
        QJsonObject object;
        for (const Member &m : node.members)
            object.insert(m.key, toJsonValue(m.value));
        return object;
    }
    case Node::Kind::Array: {
        QJsonArray array;
        for (const Node &item : node.items)
            array.append(toJsonValue(item));
        return array;
    }
    case Node::Kind::Value:
        break;
    }
    return node.value;
}

// Escapes and appends `s` as a JSON string literal (UTF-8, only the required escapes).
void writeJsonString(const QString &s, QByteArray *out)
{
    out->append('"');
    qsizetype runStart = 0;
    auto flush = [&](qsizetype end) {
        if (end > runStart)
            out->append(QStringView(s).mid(runStart, end - runStart).toUtf8());
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        const char *escape = nullptr;
        char buffer[8];
        switch (u) {
        case u'"':
            escape = "\\\"";
            break;
        case u'\\':
            escape = "\\\\";
            break;
        case u'\b':
            escape = "\\b";
            break;
        case u'\f':
            escape = "\\f";
            break;
        case u'\n':
            escape = "\\n";
            break;
        case u'\r':
            escape = "\\r";
            break;
        case u'\t':
            escape = "\\t";
            break;
        default:
            if (u < 0x20) {
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(u));
                escape = buffer;
            }
            break;
        }
        if (!escape)
            continue;
        flush(i);
        out->append(escape);
        runStart = i + 1;
    }
    flush(s.size());
    out->append('"');
}

QByteArray formatNumber(double d)
{
    if (!std::isfinite(d))
        return QByteArrayLiteral("null"); // JSON has no NaN or infinity
    if (d == std::floor(d) && std::abs(d) < 1e15)
        return QByteArray::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void writeNode(const Node &node, int depth, QByteArray *out)
{
    const QByteArray indent(4 * (depth + 1), ' ');
    const QByteArray closingIndent(4 * depth, ' ');
    switch (node.kind) {
    case Node::Kind::Object:
        if (node.members.empty()) {
            out->append("{}");
            return;
        }
        out->append("{\n");
        for (std::size_t i = 0; i < node.members.size(); ++i) {
            out->append(indent);
            writeJsonString(node.members[i].key, out);
            out->append(": ");
            writeNode(node.members[i].value, depth + 1, out);
            out->append(i + 1 < node.members.size() ? ",\n" : "\n");
        }
        out->append(closingIndent);
        out->append('}');
        return;
    case Node::Kind::Array:
        if (node.items.empty()) {
            out->append("[]");
            return;
        }
        out->append("[\n");
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            out->append(indent);
            writeNode(node.items[i], depth + 1, out);
            out->append(i + 1 < node.items.size() ? ",\n" : "\n");
        }
        out->append(closingIndent);
        out->append(']');
        return;
    case Node::Kind::Value:
        break;
    }
    const QJsonValue &v = node.value;
    if (v.isString())
        writeJsonString(v.toString(), out);
    else if (v.isBool())
        out->append(v.toBool() ? "true" : "false");
    else if (v.isDouble())
        out->append(formatNumber(v.toDouble()));
    else if (v.isObject() || v.isArray())
        writeNode(fromJsonValue(v), depth, out);
    else
        out->append("null");
}

Node tierNode(const Tier &tier)
{
    Node params = Node::object();
    if (tier.params.temperature)
        params.add("temperature", *tier.params.temperature);
    if (tier.params.maxTokens)
        params.add("max_tokens", *tier.params.maxTokens);
    params.add("extra", fromJsonValue(tier.params.extra));

    Node fallback = Node::array();
    for (const ModelRef &ref : tier.fallback) {
        Node entry = Node::object();
        if (!ref.provider.isEmpty())
            entry.add("provider", ref.provider);
        entry.add("model", ref.model);
        fallback.items.push_back(std::move(entry));
    }

    Node node = Node::object();
    node.add("id", tier.id)
        .add("label", tier.label)
        .add("role", tier.role)
        .add("provider", tier.provider)
        .add("model", tier.model)
        .add("params", std::move(params))
        .add("system_prompt", tier.systemPrompt)
        .add("fallback", std::move(fallback))
        .add("escalate_tool", tier.escalateTool);
    // Only a tier with a schema says so: files without one stay as they were.
    if (!tier.responseSchema.isEmpty())
        node.add("response_schema", fromJsonValue(tier.responseSchema));
    node.add("color", tier.color).add("description", tier.description);
    return node;
}

Node conditionNode(const Condition &c)
{
    Node node = Node::object();
    node.add("type", toString(c.type));
    switch (c.type) {
    case Condition::Type::AfterTurns:
    case Condition::Type::ReturnAfter:
        node.add("turns", c.turns);
        break;
    case Condition::Type::OnSignal:
        node.add("signals", nameArray(c.preSignals));
        if (!c.labels.isEmpty())
            node.add("labels", stringArray(c.labels));
        break;
    case Condition::Type::PostTurn:
        node.add("signals", nameArray(c.postSignals));
        node.add("confidence_below", c.confidenceBelow);
        break;
    case Condition::Type::OnFailure:
        node.add("errors", nameArray(c.failures));
        break;
    }
    return node;
}

Node transitionNode(const Transition &t)
{
    Node node = Node::object();
    node.add("id", t.id).add("from", t.from);
    if (!t.to.isEmpty() || t.condition.type != Condition::Type::ReturnAfter)
        node.add("to", t.to);
    node.add("when", conditionNode(t.condition));
    return node;
}

Node detectorNode(const Detector &d)
{
    Node node = Node::object();
    node.add("id", d.id).add("kind", enumName(kKindNames, d.kind));
    if (d.kind == Detector::Kind::Lexicon) {
        node.add("signal", toString(d.signal))
            .add("enabled", d.enabled)
            .add("patterns", stringArray(d.patterns));
        return node;
    }
    if (d.kind == Detector::Kind::Learned) {
        node.add("signal", toString(d.signal))
            .add("threshold", d.threshold)
            .add("enabled", d.enabled);
        if (d.model) {
            const QJsonObject json = learnedModelToJson(*d.model);
            Node model = Node::object();
            for (const char *key : {"version", "features", "bias", "scale", "weights", "trained"})
                if (json.contains(QLatin1String(key)))
                    model.add(key, fromJsonValue(json.value(QLatin1String(key))));
            node.add("model", std::move(model));
        }
        return node;
    }
    Node labels = Node::array();
    for (const auto &[label, patterns] : d.labels) {
        Node entry = Node::object();
        entry.add("label", label).add("patterns", stringArray(patterns));
        labels.items.push_back(std::move(entry));
    }
    node.add("tier", d.tier)
        .add("default_label", d.defaultLabel)
        .add("enabled", d.enabled)
        .add("labels", std::move(labels));
    return node;
}

Node ladderNode(const Ladder &ladder)
{
    Node tiers = Node::array();
    for (const Tier &tier : ladder.tiers)
        tiers.items.push_back(tierNode(tier));
    Node transitions = Node::array();
    for (const Transition &t : ladder.transitions)
        transitions.items.push_back(transitionNode(t));
    Node detectors = Node::array();
    for (const Detector &d : ladder.detectors)
        detectors.items.push_back(detectorNode(d));

    Node memory = Node::object();
    memory.add("inject", enumName(kInjectNames, ladder.memory.inject))
        .add("refresh", enumName(kRefreshNames, ladder.memory.refresh))
        .add("budget_tokens", ladder.memory.budgetTokens)
        .add("fields", stringArray(ladder.memory.fields));
    Node history = Node::object();
    history.add("mode", enumName(kModeNames, ladder.history.mode))
        .add("last_k", ladder.history.lastK);
    Node signalSettings = Node::object();
    signalSettings.add("refusal_token", ladder.signalSettings.refusalToken)
        .add("confidence_pattern", ladder.signalSettings.confidencePattern);

    // Nodes sorted by id (the order a parsed file has); a repeated id keeps its last position.
    QList<NodePosition> positions;
    for (const NodePosition &p : ladder.layout) {
        positions.removeIf([&](const NodePosition &q) { return q.id == p.id; });
        positions.append(p);
    }
    std::stable_sort(positions.begin(), positions.end(),
                     [](const NodePosition &a, const NodePosition &b) { return a.id < b.id; });
    Node nodes = Node::object();
    for (const NodePosition &p : positions) {
        Node xy = Node::object();
        xy.add("x", p.pos.x()).add("y", p.pos.y());
        nodes.add(p.id, std::move(xy));
    }
    Node layout = Node::object();
    layout.add("nodes", std::move(nodes));

    Node root = Node::object();
    root.add("format", ladder.format)
        .add("name", ladder.name)
        .add("description", ladder.description)
        .add("entry", ladder.entry)
        .add("tiers", std::move(tiers))
        .add("transitions", std::move(transitions))
        .add("detectors", std::move(detectors))
        .add("memory", std::move(memory))
        .add("history", std::move(history))
        .add("signals", std::move(signalSettings));
    // Only a ladder that turns the cache on says so: files without it stay as they were.
    if (ladder.cache != CachePolicy{}) {
        Node cache = Node::object();
        cache.add("enabled", ladder.cache.enabled);
        root.add("cache", std::move(cache));
    }
    if (ladder.budget != BudgetPolicy{}) {
        Node budget = Node::object();
        if (ladder.budget.conversationUsd)
            budget.add("conversation_usd", *ladder.budget.conversationUsd);
        if (ladder.budget.sessionUsd)
            budget.add("session_usd", *ladder.budget.sessionUsd);
        budget.add("action", enumName(kBudgetActionNames, ladder.budget.action));
        root.add("budget", std::move(budget));
    }
    root.add("layout", std::move(layout));
    for (auto it = ladder.unknown.begin(); it != ladder.unknown.end(); ++it) {
        if (!isTopLevelKey(it.key()))
            root.add(it.key(), fromJsonValue(it.value()));
    }
    return root;
}

} // namespace

ParseResult parseLadder(const QByteArray &json, const QString &fileName)
{
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

QJsonObject toJson(const Ladder &ladder)
{
    return toJsonValue(ladderNode(ladder)).toObject();
}

QByteArray toCanonicalJson(const Ladder &ladder)
{
    QByteArray out;
    writeNode(ladderNode(ladder), 0, &out);
    out.append('\n');
    return out;
}

bool saveLadderFile(const Ladder &ladder, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCanonicalJson(ladder)) < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write the file: %2")
                         .arg(path, file.errorString().toLower());
        return false;
    }
    return true;
}

} // namespace ladder
