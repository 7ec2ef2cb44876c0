// Writing ladder/1: the canonical text (fixed key order, 4-space indent) and a QJsonObject.

#include "ladder_json.h"

#include "ladder_json_names.h"

#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace ladder {

using namespace json;

namespace {

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
    if (!tier.requiredSections.isEmpty())
        node.add("required_sections", stringArray(tier.requiredSections));
    if (tier.selfCheck) {
        Node check = Node::object();
        if (!tier.selfCheck->tier.isEmpty())
            check.add("tier", tier.selfCheck->tier);
        if (!tier.selfCheck->model.isEmpty())
            check.add("model", tier.selfCheck->model);
        check.add("threshold", tier.selfCheck->threshold);
        if (!tier.selfCheck->prompt.isEmpty())
            check.add("prompt", tier.selfCheck->prompt);
        node.add("self_check", std::move(check));
    }
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
        if (c.paysWithinTurns > 0)
            node.add("pays_within_turns", c.paysWithinTurns);
        break;
    case Condition::Type::OnSignal:
        node.add("signals", nameArray(c.preSignals));
        if (!c.labels.isEmpty())
            node.add("labels", stringArray(c.labels));
        if (c.paysWithinTurns > 0)
            node.add("pays_within_turns", c.paysWithinTurns);
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
