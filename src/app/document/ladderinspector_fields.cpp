// LadderInspector: writing the inspector's fields into the ladder (setField, setFieldOf, the
// fallback chain). Each field edit is one undoable command; typing in one field merges into one
// step.
#include "ladderinspector.h"

#include "core/format_names.h"
#include "laddercommands.h"
#include "ladderdocument.h"

#include <QJsonObject>

#include <algorithm>

namespace ladder {

namespace {

// A list field from the inspector: a JS array, or text with one entry per non-blank line.
QStringList toList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        QStringList out;
        const auto parts = value.toString().split(QLatin1Char('\n'));
        for (const QString &p : parts) {
            if (!p.trimmed().isEmpty())
                out.append(p.trimmed());
        }
        return out;
    }
    QStringList out;
    const QVariantList list = value.toList();
    for (const QVariant &v : list)
        out.append(v.toString());
    return out;
}

// The ladder's own fields (nothing selected, or the entry node).
bool applyDocumentField(Ladder &l, const QString &field, const QVariant &value)
{
    const QString s = value.toString();
    if (field == QLatin1String("name"))
        l.name = s;
    else if (field == QLatin1String("description"))
        l.description = s;
    else if (field == QLatin1String("entry"))
        l.entry = s;
    else
        return false;
    return true;
}

bool applyMemoryField(Ladder &l, const QString &field, const QVariant &value)
{
    const QString s = value.toString();
    if (field == QLatin1String("inject")) {
        if (const auto inject = enumFromName(kInjectNames, s))
            l.memory.inject = *inject;
    } else if (field == QLatin1String("refresh")) {
        if (const auto refresh = enumFromName(kRefreshNames, s))
            l.memory.refresh = *refresh;
    } else if (field == QLatin1String("budgetTokens")) {
        l.memory.budgetTokens = value.toInt();
    } else if (field == QLatin1String("fields")) {
        l.memory.fields = toList(value);
    } else if (field == QLatin1String("historyMode")) {
        if (const auto mode = enumFromName(kHistoryModeNames, s))
            l.history.mode = *mode;
    } else if (field == QLatin1String("lastK")) {
        l.history.lastK = value.toInt();
    } else {
        return false;
    }
    return true;
}

// The tier's self_check fields ("selfCheck" switches the check on and off; setting one of its
// fields switches it on). Values are taken as given: validation reports a threshold outside
// (0, 1] or an unknown tier in the Problems panel.
bool applySelfCheckField(Tier &t, const QString &field, const QVariant &value)
{
    if (field == QLatin1String("selfCheck")) {
        if (!value.toBool())
            t.selfCheck.reset();
        else if (!t.selfCheck)
            t.selfCheck = SelfCheck{};
        return true;
    }
    const QString s = value.toString();
    SelfCheck check = t.selfCheck.value_or(SelfCheck{});
    if (field == QLatin1String("selfCheckTier")) {
        check.tier = s.trimmed();
    } else if (field == QLatin1String("selfCheckModel")) {
        check.model = s.trimmed();
    } else if (field == QLatin1String("selfCheckThreshold")) {
        bool ok = false;
        const double threshold = value.toDouble(&ok);
        if (!ok)
            return false;
        check.threshold = threshold;
    } else if (field == QLatin1String("selfCheckPrompt")) {
        check.prompt = s;
    } else {
        return false;
    }
    t.selfCheck = check;
    return true;
}

// Renaming a tier renames every reference to it.
void renameTier(Ladder &l, Tier &t, const QString &s)
{
    const QString old = t.id;
    t.id = s;
    for (Transition &tr : l.transitions) {
        if (tr.from == old)
            tr.from = s;
        if (tr.to == old)
            tr.to = s;
    }
    for (Detector &d : l.detectors) {
        if (d.tier == old)
            d.tier = s;
    }
    for (Tier &other : l.tiers) {
        if (other.selfCheck && other.selfCheck->tier == old)
            other.selfCheck->tier = s;
    }
    if (l.entry == old)
        l.entry = s;
    for (NodePosition &p : l.layout) {
        if (p.id == old)
            p.id = s;
    }
}

bool applyTierField(const LadderDocument &doc, Ladder &l, const QString &id, const QString &field,
                    const QVariant &value)
{
    const int i = l.tierIndex(id);
    if (i < 0)
        return false;
    Tier &t = l.tiers[i];
    const QString s = value.toString();
    if (field == QLatin1String("id")) {
        if (s.isEmpty() || s == t.id || l.tierIndex(s) >= 0)
            return false;
        renameTier(l, t, s);
    } else if (field == QLatin1String("label")) {
        t.label = s;
    } else if (field == QLatin1String("role")) {
        t.role = s;
    } else if (field == QLatin1String("provider")) {
        t.provider = s;
    } else if (field == QLatin1String("model")) {
        t.model = s;
        const QString provider = doc.providerOf(s);
        if (!provider.isEmpty())
            t.provider = provider;
    } else if (field == QLatin1String("temperature")) {
        if (s.trimmed().isEmpty())
            t.params.temperature.reset();
        else
            t.params.temperature = value.toDouble();
    } else if (field == QLatin1String("maxTokens")) {
        if (s.trimmed().isEmpty() || value.toInt() <= 0)
            t.params.maxTokens.reset();
        else
            t.params.maxTokens = value.toInt();
    } else if (field == QLatin1String("systemPrompt")) {
        t.systemPrompt = s;
    } else if (field == QLatin1String("escalateTool")) {
        t.escalateTool = value.toBool();
    } else if (field == QLatin1String("color")) {
        t.color = s;
    } else if (field == QLatin1String("description")) {
        t.description = s;
    } else if (field == QLatin1String("requiredSections")) {
        t.requiredSections = toList(value);
    } else if (field.startsWith(QLatin1String("selfCheck"))) {
        return applySelfCheckField(t, field, value);
    } else if (field == QLatin1String("fallback")) {
        t.fallback.clear();
        const QVariantList list = value.toList();
        for (const QVariant &v : list) {
            const QVariantMap m = v.toMap();
            t.fallback.append({m.value(QStringLiteral("provider")).toString(),
                               m.value(QStringLiteral("model")).toString()});
        }
    } else {
        return false;
    }
    return true;
}

bool applyDetectorField(const LadderDocument &doc, Ladder &l, const QString &id,
                        const QString &field, const QVariant &value)
{
    auto it = std::find_if(l.detectors.begin(), l.detectors.end(),
                           [&](const Detector &d) { return d.id == id; });
    if (it == l.detectors.end())
        return false;
    Detector &d = *it;
    const QString s = value.toString();
    if (field == QLatin1String("id")) {
        if (s.isEmpty() || s == d.id || doc.uniqueDetectorId(s, l) != s)
            return false;
        for (NodePosition &p : l.layout) {
            if (p.id == d.id)
                p.id = s;
        }
        d.id = s;
    } else if (field == QLatin1String("kind")) {
        d.kind = enumFromName(kDetectorKindNames, s).value_or(Detector::Kind::Lexicon);
        if (d.kind == Detector::Kind::Learned)
            d.signal = PreSignal::NeedsStrong;
    } else if (field == QLatin1String("threshold")) {
        bool ok = false;
        const double t = value.toDouble(&ok);
        if (!ok || t < 0 || t > 1)
            return false;
        d.threshold = t;
    } else if (field == QLatin1String("model")) {
        // A trained model (learnedModelToJson's shape), or nothing to forget it.
        const QJsonObject json = QJsonObject::fromVariantMap(value.toMap());
        if (json.isEmpty()) {
            d.model.reset();
        } else {
            QList<LearnedModelIssue> issues;
            const std::optional<LearnedModel> model =
                learnedModelFromJson(json, QStringLiteral("/model"), &issues);
            if (!model)
                return false;
            d.model = model;
        }
    } else if (field == QLatin1String("signal")) {
        const auto sig = preSignalFromString(s);
        if (!sig)
            return false;
        d.signal = *sig;
    } else if (field == QLatin1String("patterns")) {
        d.patterns = toList(value);
    } else if (field == QLatin1String("enabled")) {
        d.enabled = value.toBool();
    } else if (field == QLatin1String("defaultLabel")) {
        d.defaultLabel = s;
    } else if (field == QLatin1String("tier")) {
        d.tier = s;
    } else if (field == QLatin1String("labelsText")) {
        // One label per line: "label: pattern, pattern".
        d.labels.clear();
        const QStringList lines = toList(value);
        for (const QString &line : lines) {
            const int colon = line.indexOf(QLatin1Char(':'));
            const QString label = (colon < 0 ? line : line.left(colon)).trimmed();
            QStringList patterns;
            if (colon >= 0) {
                const auto parts = line.mid(colon + 1).split(QLatin1Char(','));
                for (const QString &p : parts) {
                    if (!p.trimmed().isEmpty())
                        patterns.append(p.trimmed());
                }
            }
            if (!label.isEmpty())
                d.labels.append({label, patterns});
        }
    } else {
        return false;
    }
    return true;
}

// The condition types the format gives pays_within_turns ("switch only when it pays").
bool takesPaysWithinTurns(Condition::Type type)
{
    return type == Condition::Type::AfterTurns || type == Condition::Type::ReturnAfter ||
           type == Condition::Type::OnSignal;
}

bool applyTransitionField(Ladder &l, int index, const QString &field, const QVariant &value)
{
    if (index >= l.transitions.size())
        return false;
    Transition &t = l.transitions[index];
    Condition &c = t.condition;
    const QString s = value.toString();
    if (field == QLatin1String("id")) {
        t.id = s;
    } else if (field == QLatin1String("from")) {
        t.from = s;
    } else if (field == QLatin1String("to")) {
        t.to = s;
    } else if (field == QLatin1String("conditionType")) {
        const auto type = conditionTypeFromString(s);
        if (!type)
            return false;
        c.type = *type;
        if ((c.type == Condition::Type::AfterTurns || c.type == Condition::Type::ReturnAfter) &&
            c.turns < 1)
            c.turns = 1;
        if (c.type == Condition::Type::OnSignal && c.preSignals.isEmpty())
            c.preSignals = {PreSignal::HighStakes};
        if (c.type == Condition::Type::PostTurn && c.postSignals.isEmpty())
            c.postSignals = {PostSignal::EscalateTool};
        if (c.type == Condition::Type::OnFailure && c.failures.isEmpty())
            c.failures = {FailureKind::RateLimited, FailureKind::Unavailable};
        if (!takesPaysWithinTurns(c.type))
            c.paysWithinTurns = 0; // not in the format for this type: would not be saved
    } else if (field == QLatin1String("turns")) {
        c.turns = value.toInt();
    } else if (field == QLatin1String("signals")) {
        const QStringList names = toList(value);
        if (c.type == Condition::Type::PostTurn) {
            c.postSignals.clear();
            for (const QString &n : names) {
                if (const auto p = postSignalFromString(n))
                    c.postSignals.append(*p);
            }
        } else {
            c.preSignals.clear();
            for (const QString &n : names) {
                if (const auto p = preSignalFromString(n))
                    c.preSignals.append(*p);
            }
        }
    } else if (field == QLatin1String("labels")) {
        c.labels.clear();
        const auto parts = s.contains(QLatin1Char(',')) || value.typeId() == QMetaType::QString
                               ? s.split(QLatin1Char(','))
                               : toList(value);
        for (const QString &p : parts) {
            if (!p.trimmed().isEmpty())
                c.labels.append(p.trimmed());
        }
    } else if (field == QLatin1String("paysWithinTurns")) {
        // Only where the format has it: after_turns, return_after, on_signal.
        bool ok = false;
        const int turns = value.toInt(&ok);
        if (!ok || !takesPaysWithinTurns(c.type))
            return false;
        c.paysWithinTurns = turns;
    } else if (field == QLatin1String("confidenceBelow")) {
        c.confidenceBelow = value.toDouble();
    } else if (field == QLatin1String("errors")) {
        c.failures.clear();
        const QStringList names = toList(value);
        for (const QString &n : names) {
            if (const auto f = failureKindFromString(n))
                c.failures.append(*f);
        }
    } else {
        return false;
    }
    return true;
}

} // namespace

void LadderInspector::setField(const QString &field, const QVariant &value)
{
    setFieldOf(m_doc->selection()->single(), field, value);
}

void LadderInspector::setFieldOf(const QString &key, const QString &field, const QVariant &value)
{
    const Ladder &before = m_doc->ladder();
    Ladder after = before;
    if (!applyField(after, key, field, value) || after == before)
        return;
    QString selectKey = key;
    // A renamed element keeps its selection under its new key.
    if (field == QLatin1String("id") && key.startsWith(QLatin1String("tier:")))
        selectKey = nodeKey(NodeKind::Tier, value.toString());
    else if (field == QLatin1String("id") && key.startsWith(QLatin1String("detector:")))
        selectKey = nodeKey(NodeKind::Detector, value.toString());
    QSet<QString> sel = m_doc->selection()->keySet();
    if (sel.remove(key))
        sel.insert(selectKey);
    m_doc->undoStack()->push(new EditPropertyCommand(m_doc, tr("Edit %1").arg(field), after, sel,
                                                     key + QLatin1Char('#') + field));
}

bool LadderInspector::applyField(Ladder &l, const QString &key, const QString &field,
                                 const QVariant &value) const
{
    if (key.isEmpty() || key == QLatin1String("entry") || key == QLatin1String(kEntryEdgeKey))
        return applyDocumentField(l, field, value);
    if (key == QLatin1String("memory"))
        return applyMemoryField(l, field, value);
    if (key.startsWith(QLatin1String("tier:")))
        return applyTierField(*m_doc, l, layoutIdOfKey(key), field, value);
    if (key.startsWith(QLatin1String("detector:")))
        return applyDetectorField(*m_doc, l, layoutIdOfKey(key), field, value);
    if (const int index = transitionIndexOfEdgeKey(key); index >= 0)
        return applyTransitionField(l, index, field, value);
    return false;
}

// ---- The fallback chain of the selected tier ------------------------------------------------

int LadderInspector::selectedTierIndex() const
{
    const QString key = m_doc->selection()->single();
    return key.startsWith(QLatin1String("tier:")) ? m_doc->ladder().tierIndex(layoutIdOfKey(key))
                                                  : -1;
}

void LadderInspector::pushFallbackEdit(const Ladder &after, const QString &text,
                                       const QString &mergeKey)
{
    m_doc->undoStack()->push(
        new EditPropertyCommand(m_doc, text, after, m_doc->selection()->keySet(), mergeKey));
}

void LadderInspector::addFallback()
{
    const int i = selectedTierIndex();
    if (i < 0)
        return;
    Ladder after = m_doc->ladder();
    Tier &t = after.tiers[i];
    const QStringList models = m_doc->modelNames();
    QString model = models.value(0);
    for (const QString &m : models) {
        if (m != t.model && m_doc->providerOf(m) == t.provider) {
            model = m;
            break;
        }
    }
    t.fallback.append({m_doc->providerOf(model), model});
    pushFallbackEdit(after, tr("Add fallback"));
}

void LadderInspector::removeFallback(int index)
{
    const int i = selectedTierIndex();
    if (i < 0 || index < 0 || index >= m_doc->ladder().tiers[i].fallback.size())
        return;
    Ladder after = m_doc->ladder();
    after.tiers[i].fallback.removeAt(index);
    pushFallbackEdit(after, tr("Remove fallback"));
}

void LadderInspector::moveFallback(int from, int to)
{
    const int i = selectedTierIndex();
    if (i < 0)
        return;
    const int n = int(m_doc->ladder().tiers[i].fallback.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    Ladder after = m_doc->ladder();
    after.tiers[i].fallback.move(from, to);
    pushFallbackEdit(after, tr("Reorder fallback"));
}

void LadderInspector::setFallback(int index, const QString &provider, const QString &model)
{
    const int i = selectedTierIndex();
    if (i < 0 || index < 0 || index >= m_doc->ladder().tiers[i].fallback.size())
        return;
    Ladder after = m_doc->ladder();
    ModelRef &ref = after.tiers[i].fallback[index];
    ref.model = model;
    ref.provider = provider.isEmpty() ? m_doc->providerOf(model) : provider;
    if (after == m_doc->ladder())
        return;
    pushFallbackEdit(after, tr("Edit fallback"),
                     m_doc->selection()->single() + QStringLiteral("#fallback%1").arg(index));
}

} // namespace ladder
