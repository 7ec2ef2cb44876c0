// LadderInspector: the fields of the selection, as a map for the inspector forms. Writing them
// back: ladderinspector_fields.cpp.
#include "ladderinspector.h"

#include "core/format_names.h"
#include "ladderdocument.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <climits>

namespace ladder {

namespace {

// "Trained on 160 turns of mt_bench (52 need the strong tier) · 30,294 weights · held out:
// AUC 0.65, 23 % strong calls, quality 8.67 (cheap 8.34, strong 9.23)"
QString learnedModelSummary(const Detector &d)
{
    if (d.kind != Detector::Kind::Learned)
        return {};
    if (!d.model)
        return QCoreApplication::translate("Inspector", "Untrained: raises nothing until trained.");
    const QJsonObject t = d.model->trained;
    QString text = QCoreApplication::translate("Inspector", "Trained on %1 turns of %2 (%3 need "
                                                            "the strong tier) · %4 weights")
                       .arg(t.value(QStringLiteral("turns")).toInt())
                       .arg(t.value(QStringLiteral("dataset")).toString(QStringLiteral("?")))
                       .arg(t.value(QStringLiteral("needs_strong")).toInt())
                       .arg(d.model->weights.size());
    const QJsonObject cv = t.value(QStringLiteral("cv")).toObject();
    if (!cv.isEmpty()) {
        auto num = [&](const char *key) {
            const QJsonValue v = cv.value(QLatin1String(key));
            return v.isDouble() ? QString::number(v.toDouble(), 'f', 2) : QStringLiteral("–");
        };
        text += QLatin1Char('\n') +
                QCoreApplication::translate("Inspector",
                                            "Held out (%1-fold): AUC %2; at threshold %3: %4 % "
                                            "strong calls, quality %5 (cheap %6, strong %7)")
                    .arg(cv.value(QStringLiteral("folds")).toInt())
                    .arg(num("auc"), num("threshold"))
                    .arg(qRound(cv.value(QStringLiteral("strong_share")).toDouble() * 100))
                    .arg(num("quality"), num("weak_quality"), num("strong_quality"));
    }
    return text;
}

QString formatPrice(double usd)
{
    return QString::number(usd, 'f', 2); // as on the tier node
}

// Text longer than this is not handed to the inspector's editors: laying out a 10 MB
// description in a text area froze the window for 40 s. The editor shows its start, read-only
// (`<name>Elided`, `<name>Length` in characters); the document keeps the whole text.
constexpr qsizetype kEditableChars = 100000;
constexpr qsizetype kPreviewChars = 4000;

void insertText(QVariantMap &m, const QString &name, const QString &text)
{
    const bool elided = text.size() > kEditableChars;
    m.insert(name, elided ? text.left(kPreviewChars) + QStringLiteral("…") : text);
    m.insert(name + QStringLiteral("Elided"), elided);
    m.insert(name + QStringLiteral("Length"), int(std::min<qsizetype>(text.size(), INT_MAX)));
}

// The memory node: the handoff memory policy and the history window.
void insertMemory(QVariantMap &m, const Ladder &ladder)
{
    m.insert(QStringLiteral("kind"), QStringLiteral("memory"));
    m.insert(QStringLiteral("inject"), enumName(kInjectNames, ladder.memory.inject));
    m.insert(QStringLiteral("refresh"), enumName(kRefreshNames, ladder.memory.refresh));
    m.insert(QStringLiteral("budgetTokens"), ladder.memory.budgetTokens);
    m.insert(QStringLiteral("fields"), ladder.memory.fields);
    m.insert(QStringLiteral("historyMode"), enumName(kHistoryModeNames, ladder.history.mode));
    m.insert(QStringLiteral("lastK"), ladder.history.lastK);
}

// A tier's fields (its price line is the document's: it knows the pricing).
void insertTier(QVariantMap &m, const Tier &t, const Ladder &ladder)
{
    m.insert(QStringLiteral("kind"), QStringLiteral("tier"));
    m.insert(QStringLiteral("id"), t.id);
    m.insert(QStringLiteral("label"), t.label);
    m.insert(QStringLiteral("role"), t.role);
    m.insert(QStringLiteral("provider"), t.provider);
    m.insert(QStringLiteral("model"), t.model);
    m.insert(QStringLiteral("temperature"),
             t.params.temperature ? QString::number(*t.params.temperature) : QString());
    m.insert(QStringLiteral("maxTokens"),
             t.params.maxTokens ? QString::number(*t.params.maxTokens) : QString());
    insertText(m, QStringLiteral("systemPrompt"), t.systemPrompt);
    m.insert(QStringLiteral("escalateTool"), t.escalateTool);
    m.insert(QStringLiteral("color"), t.color);
    insertText(m, QStringLiteral("description"), t.description);
    m.insert(QStringLiteral("isEntry"), t.id == ladder.entry);
    QVariantList fallback;
    for (const ModelRef &f : t.fallback) {
        fallback.append(QVariantMap{{QStringLiteral("provider"), f.provider},
                                    {QStringLiteral("model"), f.model}});
    }
    m.insert(QStringLiteral("fallback"), fallback);
    m.insert(QStringLiteral("requiredSections"), t.requiredSections.join(QLatin1Char('\n')));
    const SelfCheck check = t.selfCheck.value_or(SelfCheck{});
    m.insert(QStringLiteral("selfCheck"), t.selfCheck.has_value());
    m.insert(QStringLiteral("selfCheckTier"), check.tier);
    m.insert(QStringLiteral("selfCheckModel"), check.model);
    m.insert(QStringLiteral("selfCheckThreshold"), QString::number(check.threshold));
    insertText(m, QStringLiteral("selfCheckPrompt"), check.prompt);
}

// A detector's fields.
void insertDetector(QVariantMap &m, const Detector &d)
{
    m.insert(QStringLiteral("kind"), QStringLiteral("detector"));
    m.insert(QStringLiteral("id"), d.id);
    m.insert(QStringLiteral("detectorKind"), enumName(kDetectorKindNames, d.kind));
    m.insert(QStringLiteral("threshold"), d.threshold);
    m.insert(QStringLiteral("trained"), d.model.has_value());
    m.insert(QStringLiteral("modelSummary"), learnedModelSummary(d));
    m.insert(QStringLiteral("signal"), toString(d.signal));
    m.insert(QStringLiteral("patterns"), d.patterns.join(QLatin1Char('\n')));
    m.insert(QStringLiteral("enabled"), d.enabled);
    m.insert(QStringLiteral("defaultLabel"), d.defaultLabel);
    m.insert(QStringLiteral("tier"), d.tier);
    QStringList lines;
    for (const auto &l : d.labels)
        lines.append(l.first + QStringLiteral(": ") + l.second.join(QStringLiteral(", ")));
    m.insert(QStringLiteral("labelsText"), lines.join(QLatin1Char('\n')));
}

// A transition's fields, with the choices of its endpoint boxes.
void insertTransition(QVariantMap &m, const Transition &t, const QVariantList &tierIds)
{
    const Condition &c = t.condition;
    m.insert(QStringLiteral("kind"), QStringLiteral("transition"));
    m.insert(QStringLiteral("id"), t.id);
    m.insert(QStringLiteral("from"), t.from);
    m.insert(QStringLiteral("to"), t.to);
    // Choices of the endpoint boxes: any tier may start a failure edge, and a return may
    // go back to wherever it came from.
    m.insert(QStringLiteral("fromOptions"), QVariantList{QStringLiteral("*")} + tierIds);
    m.insert(QStringLiteral("toOptions"),
             c.type == Condition::Type::ReturnAfter ? QVariantList{QString()} + tierIds : tierIds);
    m.insert(QStringLiteral("label"), conditionLabel(c));
    m.insert(QStringLiteral("conditionType"), toString(c.type));
    m.insert(QStringLiteral("turns"), c.turns);
    QStringList signalNames;
    if (c.type == Condition::Type::PostTurn) {
        for (PostSignal s : c.postSignals)
            signalNames.append(toString(s));
    } else {
        for (PreSignal s : c.preSignals)
            signalNames.append(toString(s));
    }
    m.insert(QStringLiteral("signals"), signalNames);
    m.insert(QStringLiteral("labels"), c.labels.join(QStringLiteral(", ")));
    m.insert(QStringLiteral("confidenceBelow"), c.confidenceBelow);
    m.insert(QStringLiteral("paysWithinTurns"), c.paysWithinTurns);
    QStringList errors;
    for (FailureKind f : c.failures)
        errors.append(toString(f));
    m.insert(QStringLiteral("errors"), errors);
}

} // namespace

LadderInspector::LadderInspector(LadderDocument *document)
    : QObject(document)
    , m_doc(document)
{}

QVariantMap LadderInspector::fields() const
{
    const Ladder &ladder = m_doc->ladder();
    const LadderSelection *selection = m_doc->selection();
    QVariantMap m;
    const QString key = selection->single();
    m.insert(QStringLiteral("key"), key);
    QVariantList tierIds;
    for (const Tier &t : ladder.tiers)
        tierIds.append(t.id);
    m.insert(QStringLiteral("tierIds"), tierIds);
    m.insert(QStringLiteral("problem"), m_doc->problemOf(key));
    if (selection->count() > 1) {
        m.insert(QStringLiteral("kind"), QStringLiteral("multiple"));
        m.insert(QStringLiteral("count"), selection->count());
        return m;
    }
    if (key.isEmpty() || key == QLatin1String("entry") || key == QLatin1String(kEntryEdgeKey) ||
        key == QLatin1String("any")) {
        m.insert(QStringLiteral("kind"), key.isEmpty() ? QStringLiteral("document") : key);
        m.insert(QStringLiteral("name"), ladder.name);
        insertText(m, QStringLiteral("description"), ladder.description);
        m.insert(QStringLiteral("entry"), ladder.entry);
        m.insert(QStringLiteral("tierCount"), int(ladder.tiers.size()));
        m.insert(QStringLiteral("transitionCount"), int(ladder.transitions.size()));
        return m;
    }
    if (key == QLatin1String("memory")) {
        insertMemory(m, ladder);
        return m;
    }
    if (key.startsWith(QLatin1String("tier:"))) {
        const Tier *t = ladder.tier(layoutIdOfKey(key));
        if (!t)
            return m;
        insertTier(m, *t, ladder);
        const double in = m_doc->priceIn(t->model);
        const double out = m_doc->priceOut(t->model);
        m.insert(QStringLiteral("price"),
                 in < 0
                     ? tr("no list price")
                     : tr("$%1 in · $%2 out per 1M tokens").arg(formatPrice(in), formatPrice(out)));
        return m;
    }
    if (key.startsWith(QLatin1String("detector:"))) {
        const QString id = layoutIdOfKey(key);
        for (const Detector &d : ladder.detectors) {
            if (d.id != id)
                continue;
            insertDetector(m, d);
        }
        return m;
    }
    if (const int index = transitionIndexOfEdgeKey(key);
        index >= 0 && index < ladder.transitions.size()) {
        insertTransition(m, ladder.transitions[index], tierIds);
        return m;
    }
    return m;
}

} // namespace ladder
